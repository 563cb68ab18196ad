"""Hall service: the government service centre (政务服务中心)."""

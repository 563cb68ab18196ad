"""Applications service: disclosure on application (依申请公开) and public interaction."""

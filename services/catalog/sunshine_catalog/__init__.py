"""Catalog service: the disclosure catalogue (公开目录) and proactive disclosure (主动公开)."""

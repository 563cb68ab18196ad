"""Prometheus metrics every component exposes at /metrics."""

from prometheus_client import Counter, Histogram

REQUESTS = Counter(
    "sunshine_http_requests_total", "HTTP requests served", ["method", "route", "status"]
)
LATENCY = Histogram(
    "sunshine_http_request_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
OUTBOX_ATTEMPTS = Counter(
    "sunshine_outbox_attempts_total", "Outbox delivery attempts", ["destination", "outcome"]
)

"""Prometheus metrics, all named `railguard_*`.

With several workers, `railguard serve` sets PROMETHEUS_MULTIPROC_DIR before anything imports
prometheus_client, so every worker writes its samples there and /metrics (answered by any worker)
aggregates all of them.
"""

from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUESTS = Counter("railguard_requests_total", "HTTP requests answered.", ["route", "status"])
REQUEST_LATENCY = Histogram("railguard_request_latency_seconds", "Time to answer an HTTP request (to the first byte of a stream).",
                            ["route"], buckets=LATENCY_BUCKETS)
GUARD_LATENCY = Histogram("railguard_guard_latency_seconds", "Time the guard took per decision.", ["route"], buckets=LATENCY_BUCKETS)
DECISIONS = Counter("railguard_decisions_total", "Decisions by label and action.", ["route", "label", "action"])
CATEGORY_DECISIONS = Counter("railguard_category_decisions_total", "Decisions in which a category fired.", ["route", "category", "label"])
STREAM_STOPS = Counter("railguard_stream_stops_total", "Proxied streams the stream guard stopped.", ["category"])
UPSTREAM_ERRORS = Counter("railguard_upstream_errors_total", "Upstream failures seen by the proxy.", ["kind"])
AUDIT_ERRORS = Counter("railguard_audit_write_errors_total", "Audit log write failures.")
AUTH_FAILURES = Counter("railguard_auth_failures_total", "Requests refused for a missing or unknown key, or the rate limit.", ["reason"])


def observe_verdict(route: str, label: str, action: str, categories: list[str], latency_ms: float) -> None:
    DECISIONS.labels(route, label, action).inc()
    for c in categories:
        CATEGORY_DECISIONS.labels(route, c, label).inc()
    GUARD_LATENCY.labels(route).observe(latency_ms / 1000.0)


def render() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST

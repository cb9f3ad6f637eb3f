"""Several worker processes that share the loaded models: gunicorn with the app preloaded in the master
(models load once, before fork; workers get them copy-on-write) and uvicorn workers."""

from __future__ import annotations

import warnings
from typing import Any

from gunicorn.app.base import BaseApplication


class PreforkServer(BaseApplication):
    def __init__(self, app_factory, options: dict[str, Any]) -> None:
        self.app_factory = app_factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for k, v in self.options.items():
            if k in self.cfg.settings and v is not None:
                self.cfg.set(k, v)

    def load(self):
        return self.app_factory()


def run_prefork(app_factory, host: str, port: int, workers: int, log_level: str = "info", graceful_timeout: int = 20) -> None:
    warnings.filterwarnings("ignore", category=DeprecationWarning, module="uvicorn.workers")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    PreforkServer(app_factory, {
        "bind": bind,
        "workers": workers,
        "worker_class": "uvicorn.workers.UvicornWorker",
        "preload_app": True,            # the guard (and its models) load once, in the master
        "graceful_timeout": graceful_timeout,
        "timeout": 120,                 # a worker silent this long (stuck) is replaced
        "keepalive": 5,
        "loglevel": log_level,
        "accesslog": None,
        "proc_name": "railguard",
        "control_socket_disable": True,  # one fixed path per user would clash between two services
    }).run()

"""`railguard serve`."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    policy: Annotated[str, typer.Option(help="default | strict | loose | path to a YAML policy.")] = "default",
) -> None:
    """Start the HTTP service."""
    import uvicorn

    from railguard.server.app import create_app

    uvicorn.run(create_app(policy=policy), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)

"""Alembic environment: run by `railguard.server.db.migrate`, which passes an open connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from railguard.server.db import Base, normalize_url

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is not None:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    # `alembic -x url=... upgrade head` from the command line, for operators who prefer it.
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database with -x url=...")
    engine = create_engine(normalize_url(url))
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()

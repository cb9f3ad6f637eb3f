"""`railguard serve`, `railguard audit`, `railguard keys ...`.

Imports stay inside the commands: `serve` must set PROMETHEUS_MULTIPROC_DIR before prometheus_client
is imported, and `railguard check` should not pay for FastAPI.
"""

from __future__ import annotations

import ipaddress
import os
import re
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

keys_app = typer.Typer(help="Create, list and revoke API keys (stored hashed in the service database).", no_args_is_help=True)

DbOpt = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (default: $RAILGUARD_DB or ./railguard-audit.db).")]


def _fail(msg: str) -> typer.Exit:
    typer.echo(f"railguard: {msg}", err=True)
    return typer.Exit(2)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _db(db: str | None) -> str:
    from railguard.server.db import default_db_url, normalize_url

    return normalize_url(db) if db else default_db_url()


def _engine(db: str | None, must_exist: bool = False):
    from sqlalchemy.engine import make_url

    from railguard.server.db import make_engine, migrate

    url = _db(db)
    if must_exist:
        u = make_url(url)
        if u.get_backend_name() == "sqlite" and u.database and not Path(u.database).exists():
            raise _fail(f"no audit database at {u.database} (give the one the service writes with --db)")
    try:
        migrate(url)
    except Exception as e:
        raise _fail(f"cannot open database {url.split('@')[-1]}: {type(e).__name__}: {e}") from None
    return make_engine(url)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on. Without API keys only loopback is allowed.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes; they share the models loaded before fork.")] = 1,
    db: DbOpt = None,
    policy: Annotated[str, typer.Option(help="Policy for requests without a key: default | strict | loose | a YAML path.")] = "default",
    upstream: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL for /v1/chat/completions, e.g. http://127.0.0.1:11434/v1.", envvar="RAILGUARD_UPSTREAM")] = None,
    upstream_timeout: Annotated[float, typer.Option(help="Seconds to wait for the upstream's next byte (then 504).")] = 60.0,
    audit_input: Annotated[str, typer.Option(help="How the audit log keeps inputs: redacted | full | none.")] = "redacted",
    retention_days: Annotated[float, typer.Option(help="Delete audit rows older than this (0: keep forever).")] = 30.0,
    no_audit: Annotated[bool, typer.Option("--no-audit", help="Write no audit log.")] = False,
    max_body: Annotated[int, typer.Option(help="Largest request body in bytes (413 above).")] = 4 * 1024 * 1024,
    detectors: Annotated[str | None, typer.Option(help="Comma-separated detector names (default: all default detectors).")] = None,
    log_level: Annotated[str, typer.Option(help="debug | info | warning | error")] = "info",
) -> None:
    """Start the HTTP service (OpenAPI docs at /docs)."""
    from railguard.server.settings import Settings

    if upstream is not None and not upstream.startswith(("http://", "https://")):
        raise _fail(f"--upstream must be an http:// or https:// base URL such as http://127.0.0.1:11434/v1, not {upstream!r}")
    if audit_input not in ("redacted", "full", "none"):
        raise _fail(f"--audit-input must be redacted, full or none, not {audit_input!r}")
    try:
        # options given here win; the settings without an option (keys_refresh_s, vault_ttl_s, max_batch, ...)
        # may come from RAILGUARD_<NAME> in the environment
        settings = Settings.from_env(policy=policy, db=_db(db), upstream=upstream, upstream_timeout_s=upstream_timeout,
                            audit=not no_audit, audit_input=audit_input, retention_days=retention_days, max_body_bytes=max_body,
                            detectors=[d.strip() for d in detectors.split(",") if d.strip()] if detectors else None,
                            workers=workers, upstream_api_key=os.environ.get("RAILGUARD_UPSTREAM_API_KEY") or None)
    except Exception as e:
        raise _fail(str(e)) from None

    engine = _engine(settings.db)
    from railguard.server.keys import list_keys

    has_keys = any(k.revoked_at is None for k in list_keys(engine))
    engine.dispose()
    if not has_keys and not _is_loopback(host):
        raise _fail(f"no API keys exist in {settings.db.split('@')[-1]}, so the service listens on loopback only; "
                    f"create one with `railguard keys create --name NAME --db ...` or use --host 127.0.0.1")

    from railguard.policy import PolicyError

    if workers > 1:
        # Every worker writes its metrics here; /metrics aggregates them. Must precede prometheus_client's import.
        mp = tempfile.mkdtemp(prefix="railguard-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = mp
        # The encoder's OpenMP thread pool does not survive fork: a worker that inherits a used pool hangs on
        # its first check. One thread per worker keeps the pool unused; the workers are the parallelism.
        os.environ.setdefault("RAILGUARD_E5_THREADS", "1")
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        from railguard.server.app import create_app
        from railguard.server.prefork import run_prefork

        try:
            app = create_app(settings)  # models load here, in the master, before the fork
        except PolicyError as e:
            raise _fail(str(e)) from None
        run_prefork(lambda: app, host, port, workers, log_level)
        return

    import uvicorn

    from railguard.server.app import create_app

    try:
        app = create_app(settings)
    except PolicyError as e:
        raise _fail(str(e)) from None
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=20, access_log=False)


# ------------------------------------------------------------------------------------------------ audit
_REL = re.compile(r"^(\d+(?:\.\d+)?)([smhdw])$")


def _when(value: str | None, what: str) -> datetime | None:
    if value is None:
        return None
    m = _REL.match(value.strip())
    if m:
        n, unit = float(m.group(1)), m.group(2)
        secs = n * {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit]
        return datetime.now(UTC) - timedelta(seconds=secs)
    try:
        t = datetime.fromisoformat(value.strip())
    except ValueError:
        raise _fail(f"{what} must be an ISO time (2026-11-28T10:00) or an age such as 30m, 2h, 7d, not {value!r}") from None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def audit(
    db: DbOpt = None,
    since: Annotated[str | None, typer.Option(help="From this time (ISO) or age (30m, 2h, 7d).")] = None,
    until: Annotated[str | None, typer.Option(help="Before this time (ISO) or age.")] = None,
    route: Annotated[str | None, typer.Option(help="Route, e.g. /v1/moderations or /v1/chat/completions:input.")] = None,
    key: Annotated[str | None, typer.Option("--key", help="API key id (key_...).")] = None,
    label: Annotated[str | None, typer.Option(help="safe | controversial | unsafe")] = None,
    action: Annotated[str | None, typer.Option(help="allow | flag | redact | block")] = None,
    category: Annotated[str | None, typer.Option(help="Rows where this category fired.")] = None,
    policy: Annotated[str | None, typer.Option(help="Policy name.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
) -> None:
    """List, filter and export the audit log (oldest first)."""
    from railguard.server.audit import export, query

    if fmt not in ("jsonl", "csv"):
        raise _fail(f"--format must be jsonl or csv, not {fmt!r}")
    engine = _engine(db, must_exist=True)
    rows = query(engine, since=_when(since, "--since"), until=_when(until, "--until"), route=route, key_id=key, label=label,
                 action=action, category=category, policy=policy, limit=limit)
    if output is not None:
        with output.open("w", encoding="utf-8", newline="") as f:
            n = export(rows, fmt, f)
        typer.echo(f"{n} rows written to {output}", err=True)
    else:
        export(rows, fmt, sys.stdout)
    engine.dispose()


# ------------------------------------------------------------------------------------------------ keys
@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what the key is for.")],
    policy: Annotated[str, typer.Option(help="Policy this key's requests are judged under.")] = "default",
    rate_limit: Annotated[int, typer.Option(min=0, help="Requests per minute (0: unlimited).")] = 600,
    db: DbOpt = None,
) -> None:
    """Create a key and print it once (only its hash is stored)."""
    from railguard.policy import PolicyError, load_policy
    from railguard.server.keys import create_key

    try:
        load_policy(policy)
    except PolicyError as e:
        raise _fail(str(e)) from None
    if policy not in ("default", "strict", "loose"):
        policy = str(Path(policy).resolve())
    engine = _engine(db)
    info, secret = create_key(engine, name, policy, rate_limit)
    engine.dispose()
    typer.echo(secret)
    typer.echo(f"created {info.id} ({info.name}, policy {info.policy}, {info.rate_limit or 'unlimited'} req/min); "
               "the key is shown only now", err=True)


@keys_app.command("list")
def keys_list(db: DbOpt = None) -> None:
    """List keys (id, name, prefix, policy, rate limit, created, revoked)."""
    from railguard.server.keys import list_keys

    engine = _engine(db)
    for k in list_keys(engine):
        typer.echo("\t".join([k.id, k.name, k.prefix + "…", k.policy, str(k.rate_limit), k.created_at.isoformat(),
                              k.revoked_at.isoformat() if k.revoked_at else "active"]))
    engine.dispose()


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key's id (key_...).")], db: DbOpt = None) -> None:
    """Revoke a key (workers stop accepting it within a few seconds)."""
    from railguard.server.keys import revoke_key

    engine = _engine(db)
    ok = revoke_key(engine, key_id)
    engine.dispose()
    if not ok:
        raise _fail(f"no active key {key_id!r}")
    typer.echo(f"revoked {key_id}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("audit")(audit)
    app.add_typer(keys_app, name="keys")

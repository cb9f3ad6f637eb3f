"""The service's database: audit log, API keys and the redaction vault, through SQLAlchemy.

SQLite by default (one file, WAL mode so several worker processes can write), PostgreSQL by URL.
The schema is owned by the Alembic migrations in `railguard/server/migrations`; `migrate(url)` brings a
database up to date and is run once, in the parent process, before workers fork.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
DEFAULT_DB_FILE = "railguard-audit.db"


def default_db_url() -> str:
    """$RAILGUARD_DB, else an SQLite file in the working directory (git-ignored in this repo)."""
    env = os.environ.get("RAILGUARD_DB")
    if env:
        return normalize_url(env)
    return f"sqlite:///{Path(DEFAULT_DB_FILE).resolve()}"


def normalize_url(url: str) -> str:
    """Accept a plain file path for SQLite and `postgresql://` URLs (driven by psycopg 3)."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    })


BigIntPK = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER PRIMARY KEY only


class AuditRecord(Base):
    """One decision: who asked, under which policy, what was decided, how fast, about what input."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    request_id: Mapped[str] = mapped_column(String(64), nullable=False)
    route: Mapped[str] = mapped_column(String(64), nullable=False)
    key_id: Mapped[str | None] = mapped_column(String(64))
    policy: Mapped[str] = mapped_column(String(128), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    label: Mapped[str] = mapped_column(String(16), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    categories: Mapped[list] = mapped_column(JSON, nullable=False)
    scores: Mapped[dict] = mapped_column(JSON, nullable=False)
    latency_ms: Mapped[float] = mapped_column(Float, nullable=False)
    input_sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    input_chars: Mapped[int] = mapped_column(Integer, nullable=False)
    input_mode: Mapped[str] = mapped_column(String(16), nullable=False)  # redacted | full | none
    input_text: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_audit_log_ts", "ts"),
        Index("ix_audit_log_key_id", "key_id"),
        Index("ix_audit_log_label", "label"),
    )


class ApiKey(Base):
    """An API key: only its SHA-256 is stored (keys are 256-bit random, so a fast hash is enough)."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(128), nullable=False)
    key_sha256: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    policy: Mapped[str] = mapped_column(String(512), nullable=False)
    rate_limit: Mapped[int] = mapped_column(Integer, nullable=False)  # requests per minute; 0 = unlimited
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class VaultEntry(Base):
    """A vault redaction's placeholder -> original mapping, kept server-side until it expires.

    In the database rather than process memory so that any worker can restore what another redacted.
    """

    __tablename__ = "vault_entries"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)
    mapping: Mapped[dict] = mapped_column(JSON, nullable=False)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - exercised through the engine
    cur = dbapi_conn.cursor()
    # WAL: readers never block the writer, and several processes can append; a commit is atomic, so a
    # worker killed mid-transaction leaves no half-written row. NORMAL sync is durable across process kills.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # connect_timeout: a database that does not answer must fail a write, not hang a worker
    return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4, connect_args={"connect_timeout": 5})


def migrate(url: str) -> None:
    """Bring the database at `url` to the newest schema (idempotent)."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def redact_url(url: str) -> str:
    """The URL with its password hidden, for logs."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True)
    except Exception:
        return "<invalid database URL>"

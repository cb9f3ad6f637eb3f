"""API keys: creation (shown once, stored hashed), lookup with a per-worker cache, and rate limits."""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from railguard.server.db import ApiKey, utcnow

KEY_PREFIX = "rg-"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class KeyInfo:
    id: str
    name: str
    policy: str
    rate_limit: int  # requests per minute; 0 = unlimited


def create_key(engine: Engine, name: str, policy: str = "default", rate_limit: int = 600) -> tuple[KeyInfo, str]:
    """A new key; returns its record and the secret, which is never stored and cannot be shown again."""
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    kid = "key_" + secrets.token_hex(6)
    with Session(engine) as s, s.begin():
        s.add(ApiKey(id=kid, name=name, key_sha256=hash_key(secret), prefix=secret[:10], policy=policy,
                     rate_limit=rate_limit, created_at=utcnow()))
    return KeyInfo(kid, name, policy, rate_limit), secret


def list_keys(engine: Engine) -> list[ApiKey]:
    with Session(engine) as s:
        return list(s.scalars(select(ApiKey).order_by(ApiKey.created_at)))


def revoke_key(engine: Engine, key_id: str) -> bool:
    with Session(engine) as s, s.begin():
        res = s.execute(update(ApiKey).where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None)).values(revoked_at=utcnow()))
        return bool(res.rowcount)


class KeyCache:
    """Active keys by hash, held in memory. `refresh()` re-reads the table; the app calls it at start-up and
    then every few seconds off the request path, so a created or revoked key takes effect in every worker
    without a restart, and a slow or unreachable database never holds up a request."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._by_hash: dict[str, KeyInfo] = {}
        self.loaded_at: float | None = None

    def refresh(self) -> None:
        with Session(self.engine) as s:
            rows = s.scalars(select(ApiKey).where(ApiKey.revoked_at.is_(None))).all()
            self._by_hash = {r.key_sha256: KeyInfo(r.id, r.name, r.policy, r.rate_limit) for r in rows}
        self.loaded_at = time.monotonic()

    def enabled(self) -> bool:
        """Whether any key exists: with none, the service is open but only on loopback."""
        return bool(self._by_hash)

    def lookup(self, secret: str) -> KeyInfo | None:
        return self._by_hash.get(hash_key(secret))


class RateLimiter:
    """Token bucket per key, per worker process: each worker allows its share of the key's limit."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._buckets: dict[str, tuple[float, float]] = {}  # key id -> (tokens, last refill)
        self._lock = threading.Lock()

    def allow(self, key: KeyInfo) -> tuple[bool, float]:
        """(allowed, seconds to wait before the next request would be)."""
        if key.rate_limit <= 0:
            return True, 0.0
        per_s = key.rate_limit / 60.0 / self.workers
        capacity = max(1.0, key.rate_limit / self.workers)  # a minute's worth may come in a burst
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key.id, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * per_s)
            if tokens >= 1.0:
                self._buckets[key.id] = (tokens - 1.0, now)
                return True, 0.0
            self._buckets[key.id] = (tokens, now)
            return False, (1.0 - tokens) / per_s

"""Alembic migrations of the service's database (audit log, API keys, vault)."""

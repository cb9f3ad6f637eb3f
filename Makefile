# A fresh machine needs only `make serve` or `make test`; both set themselves up first.
.PHONY: setup serve test lint bench

setup:
	@bash scripts/setup.sh

serve: setup
	.venv/bin/railguard serve

test: setup
	.venv/bin/pytest

lint: setup
	.venv/bin/ruff check .

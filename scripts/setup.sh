#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: Debian packages, the virtualenv, the Python packages.
# `make setup` runs it; it only does work that is not done yet.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(python3-venv)
if [ -f scripts/apt-packages.txt ]; then
  mapfile -t extra < <(grep -v '^\s*#' scripts/apt-packages.txt | grep -v '^\s*$')
  APT_PACKAGES+=("${extra[@]}")
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.railguard-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[dev]'
  touch "$stamp"
fi

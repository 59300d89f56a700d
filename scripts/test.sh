#!/usr/bin/env bash
# Install everything the tests need, make sure PostgreSQL is up, and run the whole suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh --test
bash scripts/system-packages.sh
bash scripts/browser-packages.sh
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
fi
exec "$ROOT/.venv/bin/python" -m pytest -q -n 2 "$@"

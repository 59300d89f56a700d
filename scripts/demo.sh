#!/usr/bin/env bash
# Install everything into .venv, create the SQLite register, load the bundled sample data
# and print the headline tables.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh
export CASEREVIEW_DATABASE_URL="${CASEREVIEW_DATABASE_URL:-sqlite:///$ROOT/casereview.db}"
cr() { "$ROOT/.venv/bin/casereview" "$@"; }
cr init
cr demo

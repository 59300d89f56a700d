#!/usr/bin/env bash
# Install everything into .venv, create the SQLite register, load the bundled sample data
# and print the headline tables.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh
export CASEREVIEW_DATABASE_URL="${CASEREVIEW_DATABASE_URL:-sqlite:///$ROOT/casereview.db}"
DATA="$ROOT/src/casereview/data"
cr() { "$ROOT/.venv/bin/casereview" "$@"; }

cr init
cr import --replace "$DATA/triennial-sample.csv"
[ -f "$DATA/cafcass-2009-2016.csv" ] && cr import --replace "$DATA/cafcass-2009-2016.csv"

echo
echo "== Headline tables: synthetic Triennial-coded sample (120 fictional reviews, 2014-2017) =="
for field in fatal death_category age_band fam_domestic_abuse par_mental_health toxic_trio_all neglect; do
  cr stats "$field" --codebook triennial-2014-17
done
if [ -f "$DATA/cafcass-2009-2016.csv" ]; then
  echo
  echo "== Headline tables: Cafcass submissions to SCRs 2009-2016 (rebuilt from the published tables) =="
  for field in law_type incident_type perpetrator toxic_trio_all; do
    cr stats "$field" --codebook cafcass-scr
  done
fi
echo
echo "Register: $CASEREVIEW_DATABASE_URL"
echo "Next: .venv/bin/casereview --help"

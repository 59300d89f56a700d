#!/usr/bin/env bash
# Install everything into .venv, create the SQLite register, load the bundled sample data
# and print the headline tables.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/bootstrap.sh
bash scripts/system-packages.sh
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
mkdir -p "$ROOT/out"
if [ -f "$DATA/cafcass-2009-2016.csv" ]; then
  cr report --codebook cafcass-scr --compare triennial-2014-17 --out "$ROOT/out/cafcass-report.html"
  cr report --codebook cafcass-scr --out "$ROOT/out/cafcass-report.pdf"
  cr report --codebook cafcass-scr --out "$ROOT/out/cafcass-tables.xlsx"
fi
cr brief --codebook triennial-2014-17 --out "$ROOT/out/briefing.pdf"
echo
echo "Register: $CASEREVIEW_DATABASE_URL"
echo "Reports:  $ROOT/out/ (study report HTML/PDF, tables in Excel, practitioner briefing)"
echo "Next:     .venv/bin/casereview --help"

"""Quick commands start without loading what they do not use (ENGINEERING.md: import heavy
libraries lazily). Checked by the modules loaded, not by timing: benchmarks/stats_bench.py
prints the start-up times beside `python -c pass`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = (
    "sqlalchemy",
    "pandas",
    "scipy",
    "spacy",
    "matplotlib",
    "weasyprint",
    "casereview.codebook",
    "alembic",
)


def modules_loaded(tmp_path: Path, *args: str) -> dict[str, bool]:
    code = (
        "import json, sys\n"
        f"sys.argv = ['casereview', *{list(args)!r}]\n"
        "from casereview.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps({{m: m in sys.modules for m in {list(HEAVY)!r}}}))\n"
    )
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_help_loads_no_database_data_or_nlp_library(tmp_path: Path) -> None:
    assert not any(modules_loaded(tmp_path, "--help").values())


def test_codebook_list_loads_codebooks_but_not_the_store_or_analysis(tmp_path: Path) -> None:
    loaded = modules_loaded(tmp_path, "codebook", "list")
    assert loaded["casereview.codebook"]
    assert not any(v for k, v in loaded.items() if k != "casereview.codebook")


def test_cases_list_on_an_up_to_date_register_loads_neither_analysis_nor_alembic(
    tmp_path: Path,
) -> None:
    from casereview.store.database import Store

    Store.open(f"sqlite:///{tmp_path / 'r.db'}").close()
    loaded = modules_loaded(tmp_path, "cases", "list")
    assert loaded["sqlalchemy"]
    assert not any(loaded[m] for m in ("pandas", "scipy", "spacy", "matplotlib", "alembic"))

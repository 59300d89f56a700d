"""What the CLI prints: stored text exactly as stored (never read as Rich markup), and codebook
ids never cut short."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casereview.codebook import default_registry


def run(tmp_path: Path, *args: str, columns: int = 200) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "casereview", *args], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )


def test_rich_markup_in_stored_text_prints_literally(tmp_path: Path) -> None:
    study, region, ref = "[/bold]", "[red]North[/red]", "R-[/]1"
    f = tmp_path / "markup.csv"
    with f.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["review_id", "child", "study", "region", "law_type"])
        w.writerow([ref, "[b]", study, region, "public_s31"])
    assert run(tmp_path, "import", str(f)).returncode == 0
    listed = run(tmp_path, "cases", "list")
    assert listed.returncode == 0, listed.stderr
    for text in (study, region, ref):
        assert text in listed.stdout
    shown = run(tmp_path, "cases", "show", ref)
    assert shown.returncode == 0, shown.stderr
    assert ref in shown.stdout and region in shown.stdout and "[b]" in shown.stdout
    stats = run(tmp_path, "stats", "law_type", "--study", study)
    assert stats.returncode == 0, stats.stderr
    exported = run(tmp_path, "export", str(tmp_path / "[x].csv"))
    assert exported.returncode == 0 and "[x].csv" in exported.stdout


@pytest.mark.parametrize("name", ["cafcass-scr", "triennial-2014-17"])
def test_codebook_show_never_cuts_field_or_value_ids(tmp_path: Path, name: str) -> None:
    cb = default_registry().get(name)
    shown = run(tmp_path, "codebook", "show", name, columns=80)
    assert shown.returncode == 0, shown.stderr
    assert "…" not in shown.stdout
    lines = shown.stdout.splitlines()
    for f in cb.fields:
        assert any(f"│ {f.id} " in line for line in lines), f.id  # whole, on one line
    widest = max(cb.fields, key=lambda f: len(cb.values_of(f)))
    one = run(tmp_path, "codebook", "show", name, "--field", widest.id, columns=80)
    assert one.returncode == 0 and "…" not in one.stdout
    for v in cb.values_of(widest):
        assert f" {v.id} " in one.stdout


def test_codebook_show_as_json_and_csv_has_everything(tmp_path: Path) -> None:
    cb = default_registry().get("cafcass-scr")
    data = json.loads(run(tmp_path, "codebook", "show", "cafcass-scr", "--format", "json").stdout)
    assert [f["id"] for f in data["fields"]] == [f.id for f in cb.fields]
    for f, out in zip(cb.fields, data["fields"], strict=True):
        assert [(v["code"], v["id"], v["label"]) for v in out["values"]] == [
            (v.code, v.id, v.label) for v in cb.values_of(f)
        ]
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "codebook", "show", "cafcass-scr", "--format", "csv").stdout)))
    assert {r["field"] for r in rows} == {f.id for f in cb.fields}
    assert len([r for r in rows if r["value"]]) == sum(len(cb.values_of(f)) for f in cb.fields)
    bad = run(tmp_path, "codebook", "show", "cafcass-scr", "--format", "xml")
    assert bad.returncode == 2 and "use one of table, json, csv" in bad.stderr


def test_export_defaults_to_the_codebook_in_the_register(tmp_path: Path) -> None:
    triennial = Path(__file__).parents[1] / "src" / "casereview" / "data" / "triennial-sample.csv"
    assert run(tmp_path, "import", str(triennial)).returncode == 0
    only = run(tmp_path, "export", str(tmp_path / "t.csv"))
    assert only.returncode == 0, only.stderr
    assert "(triennial-2014-17" in only.stdout
    small = Path(__file__).parent / "data" / "cases_small.csv"
    assert run(tmp_path, "import", str(small)).returncode == 0
    several = run(tmp_path, "export", str(tmp_path / "both.csv"))
    assert several.returncode == 2
    assert "triennial-2014-17 (120 reviews), cafcass-scr (4 reviews)" in several.stderr
    assert "choose one with --codebook" in several.stderr
    assert not (tmp_path / "both.csv").exists()

"""The command line end to end, as a user runs it: init, codebooks, import, cases, export."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "casereview", *args], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )


def test_cli_end_to_end(tmp_path: Path) -> None:
    assert run(tmp_path, "init").returncode == 0
    books = run(tmp_path, "codebook", "list")
    assert books.returncode == 0
    for name in ("cafcass-scr", "triennial-2014-17", "quality-template", "pathways", "learning-themes"):
        assert name in books.stdout
    shown = run(tmp_path, "codebook", "show", "cafcass-scr@2014", "--field", "law_type")
    assert shown.returncode == 0 and "s31" in shown.stdout
    imported = run(tmp_path, "import", str(DATA / "cases_small.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 4 reviews, 5 children" in imported.stdout
    listed = run(tmp_path, "cases", "list")
    assert all(ref in listed.stdout for ref in ("T-001", "T-002", "T-003", "T-004"))
    assert "4 of 4 reviews" in listed.stdout
    shown = run(tmp_path, "cases", "show", "T-003")
    assert shown.returncode == 0 and "Public law" in shown.stdout  # value labels, not ids
    stats = run(tmp_path, "stats", "law_type")
    assert stats.returncode == 0, stats.stderr
    # cases_small.csv: 4 reviews, counted once each: 2 public s31, 1 private WTFH, 1 WTFH & WAFH.
    lines = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in stats.stdout.splitlines() if line.count("│") == 3}
    assert lines["Total"] == "4 (100%)"
    assert [v for k, v in lines.items() if "s31" in k] == ["2 (50%)"]
    out = tmp_path / "out.sav"
    exported = run(tmp_path, "export", str(out))
    assert exported.returncode == 0 and out.stat().st_size > 0


def test_bad_input_exits_2_with_one_line_reason(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("review_id,law_type\nR-1,public_s99\n")
    result = run(tmp_path, "import", str(bad))
    assert result.returncode == 2
    notice, first = result.stderr.splitlines()[:2]  # this import created the register
    assert notice == f"Created a new case register at {tmp_path / 'cli.db'}"
    assert first.startswith("error:") and "row 2" in first and "public_s99" in first
    missing = run(tmp_path, "cases", "show", "NOPE")
    assert missing.returncode == 2 and "no review 'NOPE'" in missing.stderr
    unknown = run(tmp_path, "codebook", "show", "no-such-book")
    assert unknown.returncode == 2 and "known codebooks" in unknown.stderr


def test_a_users_codebook_folder_is_loaded_from_the_settings(tmp_path: Path) -> None:
    folder = tmp_path / "my-codebooks"
    folder.mkdir()
    (folder / "local.yaml").write_text(
        "id: local-audit\nversion: '1'\ntitle: Local audit framework\nfields:\n"
        "  - id: agency_count\n    label: Agencies involved\n    type: integer\n    level: review\n"
        "    minimum: 0\n    source: {document: local, section: audit form Q1}\n"
    )
    env_run = subprocess.run(
        [sys.executable, "-m", "casereview", "codebook", "show", "local-audit"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
        env={**os.environ, "CASEREVIEW_CODEBOOK_DIRS": str(folder), "COLUMNS": "200"},
    )
    assert env_run.returncode == 0, env_run.stderr
    assert "Agencies involved" in env_run.stdout
    (folder / "broken.yaml").write_text("id: broken\nversion: '1'\ntitle: B\nfields: [{id: x}]\n")
    broken = subprocess.run(
        [sys.executable, "-m", "casereview", "codebook", "list"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
        env={**os.environ, "CASEREVIEW_CODEBOOK_DIRS": str(folder)},
    )
    assert broken.returncode == 2 and "broken.yaml" in broken.stderr

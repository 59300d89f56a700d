"""Two commands writing one SQLite register at once: the second waits for the first (busy
timeout, write lock taken up front) and either succeeds or says in one line why not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _table(path: Path, prefix: str, reviews: int) -> Path:
    lines = ["review_id,child,study,year,law_type,child_gender,risk_neglect"]
    for i in range(reviews):
        for child in (1, 2):
            lines.append(f"{prefix}-{i:05d},{child},bulk,2016,public_s31,female,high")
    path.write_text("\n".join(lines) + "\n")
    return path


def _start(cwd: Path, url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": url, "COLUMNS": "200"}
    return subprocess.Popen(
        [sys.executable, "-m", "casereview", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd,
    )


def _both(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append((p.returncode, stdout, stderr))
    return out


@pytest.mark.parametrize("fresh", [True, False], ids=["new register", "existing register"])
def test_two_imports_of_different_files_both_succeed(tmp_path: Path, fresh: bool) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    if not fresh:
        subprocess.run([sys.executable, "-m", "casereview", "init", "-d", url], check=True, capture_output=True)
    a = _table(tmp_path / "a.csv", "A", 3000)
    b = _table(tmp_path / "b.csv", "B", 3000)
    results = _both([_start(tmp_path, url, "import", str(a)), _start(tmp_path, url, "import", str(b))])
    for code, stdout, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr and "Imported 3000 reviews" in stdout
    notices = [stderr.count("Created a new case register") for _, _, stderr in results]
    assert sorted(notices) == ([0, 1] if fresh else [0, 0])  # only the one that made it says so
    listed = subprocess.run(
        [sys.executable, "-m", "casereview", "cases", "list", "-d", url, "--limit", "1"],
        capture_output=True, text=True, check=True,
    )
    assert "1 of 6000 reviews" in listed.stdout


def test_two_imports_of_one_file_one_wins_the_other_says_why(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    subprocess.run([sys.executable, "-m", "casereview", "init", "-d", url], check=True, capture_output=True)
    a = _table(tmp_path / "a.csv", "A", 3000)
    results = _both([_start(tmp_path, url, "import", str(a)) for _ in range(2)])
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    loser = next(r for r in results if r[0] == 2)
    assert "Traceback" not in loser[2] and "IntegrityError" not in loser[2]
    assert loser[2].startswith("error: 3000 review(s) already in the register")
    assert len(loser[2].strip().splitlines()) == 1


def test_two_imports_of_one_file_into_postgresql(tmp_path: Path, pg_store: object) -> None:
    url = pg_store.url  # type: ignore[attr-defined]
    a = _table(tmp_path / "a.csv", "P", 3000)
    results = _both([_start(tmp_path, url, "import", str(a)) for _ in range(2)])
    assert sorted(code for code, _, _ in results) == [0, 2], results
    loser = next(r for r in results if r[0] == 2)
    assert loser[2].startswith("error: 3000 review(s) already in the register"), loser[2]
    assert len(loser[2].strip().splitlines()) == 1

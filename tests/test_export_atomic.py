"""Exports are written to a temporary file in the same folder and renamed: a failure part-way
(full disk, file-size limit, an error in a writer) leaves no partial file and no temporary one,
and a file already there keeps its old content."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from casereview.errors import CaseReviewError
from casereview.io import exporter
from casereview.io.exporter import export_file
from casereview.io.importer import import_file
from casereview.reports.output import write_report
from casereview.store.database import Store

SAMPLE = Path(__file__).parents[1] / "src" / "casereview" / "data" / "cafcass-2009-2016.csv"


@pytest.fixture
def loaded(tmp_path: Path) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / 'r.db'}")
    import_file(store, SAMPLE)
    yield store
    store.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".sav"])
def test_error_mid_write_leaves_nothing_and_keeps_the_old_file(
    loaded: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"cases{suffix}"
    target.write_bytes(b"previous export")

    def half_then_fail(*args: object, **kwargs: object) -> None:
        path = next(a for a in args if isinstance(a, Path))
        path.write_bytes(b"half a file")
        raise RuntimeError("writer failed")

    monkeypatch.setattr(exporter, "write_sav", half_then_fail)
    monkeypatch.setattr(exporter, "write_xlsx", half_then_fail)
    monkeypatch.setattr(exporter, "write_csv", half_then_fail)
    monkeypatch.setattr(
        exporter.pd.DataFrame, "to_csv", lambda self, p, **k: half_then_fail(Path(p))
    )
    with pytest.raises(RuntimeError):
        export_file(loaded, target, "cafcass-scr")
    assert sorted(p.name for p in out_dir.iterdir()) == [target.name]
    assert target.read_bytes() == b"previous export"


CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    from casereview.errors import CaseReviewError
    from casereview.io.exporter import export_file
    from casereview.store.database import Store
    from casereview.store.cases import count_reviews

    store = Store.open(sys.argv[1])
    with store.session() as s:
        count_reviews(s)  # the register's own files exist before the limit is set
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        export_file(store, Path(sys.argv[2]), "cafcass-scr")
    except CaseReviewError as exc:
        print("refused:", exc)
        sys.exit(2)
    """
)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".sav"])
def test_file_size_limit_leaves_no_partial_file(loaded: Store, tmp_path: Path, suffix: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"cases{suffix}"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    run = subprocess.run(
        [sys.executable, str(script), loaded.url, str(target)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout.startswith(f"refused: cannot write {target}")
    assert list(out_dir.iterdir()) == []


def test_report_write_failure_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casereview.reports import output

    monkeypatch.setattr(output, "report_bytes", lambda report, fmt: b"x" * 10)
    target = tmp_path / "out" / "report.html"

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(CaseReviewError, match="No space left on device"):
        write_report(object(), target)  # type: ignore[arg-type]
    assert list(target.parent.iterdir()) == []

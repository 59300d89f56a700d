"""Shared by the benchmarks: run a snippet in a fresh Python process and report its wall time
and peak resident memory; build (once) a synthetic SQLite register of N reviews.

Each measurement runs in its own process so that one figure's memory does not hide in
another's, and a cold start is really cold (nothing imported yet).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

CACHE = Path(os.environ.get("CASEREVIEW_BENCH_CACHE", "/tmp/casereview-bench"))

# Peak RSS from /proc (VmHWM): getrusage's ru_maxrss would carry over the memory of the
# benchmark process that forked this one.
_WRAP = """
import json, time
{setup}
_t0 = time.perf_counter()
{code}
_t = time.perf_counter() - _t0
_hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("\\n" + json.dumps({{"seconds": _t, "peak_mb": _hwm / 1024}}))
"""


def run_snippet(
    code: str, setup: str = "", env: dict[str, str] | None = None
) -> tuple[float, float]:
    """(seconds of `code`, peak RSS in MB of the whole process) in a fresh process; `setup`
    (imports) runs first, untimed but counted in the memory."""
    script = _WRAP.format(setup=textwrap.dedent(setup), code=textwrap.dedent(code))
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return figures["seconds"], figures["peak_mb"]


def run_command(args: list[str], env: dict[str, str] | None = None, repeat: int = 3) -> float:
    """Best wall time of a whole command (start-up included) over `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, capture_output=True, env={**os.environ, **(env or {})}, check=False)
        best = min(best, time.perf_counter() - t0)
    return best


def synthetic_register(n_reviews: int, seed: int = 1) -> Path:
    """A SQLite register of `n_reviews` synthetic reviews coded with cafcass-scr (built once,
    kept in CASEREVIEW_BENCH_CACHE)."""
    path = CACHE / f"register-{n_reviews}.db"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    from casereview.analysis.synthetic import synthetic_cases
    from casereview.codebook import default_registry
    from casereview.io.importer import import_file
    from casereview.store.database import Store

    table = CACHE / f"cases-{n_reviews}.csv"
    synthetic_cases(default_registry().get("cafcass-scr"), n_reviews, seed=seed).to_csv(
        table, index=False
    )
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = Store.open(f"sqlite:///{partial}")
    import_file(store, table, "cafcass-scr")
    store.close()
    partial.rename(path)
    return path


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:6.1f}x" if floor > 0 else "   n/a"

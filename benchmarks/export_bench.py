"""Export memory at scale: `export_file` to CSV and XLSX from synthetic registers of
different sizes, each in a fresh process, with the peak RSS beside the floor of the same
process with its imports done (so the figure is what the export itself adds). Streaming
means the added memory stays about the same as the register grows.

Run: .venv/bin/python benchmarks/export_bench.py [--reviews 10000 50000] [--formats csv xlsx]
"""

from __future__ import annotations

import argparse
import tempfile

from measure import run_snippet, synthetic_register

SETUP = """
from pathlib import Path
from casereview.io.exporter import export_file
from casereview.store.database import Store
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reviews", type=int, nargs="+", default=[10_000, 50_000])
    ap.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    args = ap.parse_args()
    _, base = run_snippet("pass", SETUP)
    print(f"floor: the process with its imports {base:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.reviews:
            url = f"sqlite:///{synthetic_register(n)}"
            for fmt in args.formats:
                took, peak = run_snippet(
                    f'r = export_file(Store.open("{url}"), Path({tmp!r}) / "out.{fmt}", "cafcass-scr")\n'
                    "print(r.rows)",
                    SETUP,
                )
                print(
                    f"  {n:6d} reviews -> {fmt:4s} {took:6.1f} s peak {peak:6.0f} MB (+{peak - base:.0f} MB)"
                )


if __name__ == "__main__":
    main()

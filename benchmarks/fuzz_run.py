"""The loop both fuzzing benchmarks run: mutants of each format read as the product reads
them, outcomes counted per format, every traceback, crash and hang listed with its mutant
number (the same seed and number give the same file again: --keep writes them out)."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

BAD = ("traceback", "crash", "hang")


def run(
    seeds: Mapping[str, Any],
    classify: Callable[[Path], Any],
    mutants: Callable[[str, int, int], Iterable[tuple[int, bytes]]],
    default_formats: str,
) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000, help="mutants per format")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--formats", default=default_formats)
    ap.add_argument("--keep", type=Path, help="write the mutants that failed here")
    args = ap.parse_args()
    failures: list[tuple[str, int, str, str]] = []
    print(
        f"{'format':6} {'tried':>6} {'read':>6} {'refused':>8} {'traceback':>9} {'crash':>6} {'hang':>5} {'seconds':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.formats.split(","):
            counts: Counter[str] = Counter()
            t0 = time.perf_counter()
            for n, data in mutants(kind, args.count, args.seed):
                path = Path(tmp) / f"mutant_{n:05d}{seeds[kind].suffix}"
                path.write_bytes(data)
                outcome = classify(path)
                counts[outcome.status] += 1
                if outcome.status in BAD:
                    failures.append((kind, n, outcome.status, outcome.detail))
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        (args.keep / f"{kind}_{n:05d}{path.suffix}").write_bytes(data)
                path.unlink()
            seconds = time.perf_counter() - t0
            print(
                f"{kind:6} {sum(counts.values()):>6} {counts['read']:>6} {counts['refused']:>8} "
                f"{counts['traceback']:>9} {counts['crash']:>6} {counts['hang']:>5} {seconds:>8.1f}",
                flush=True,
            )
    for kind, n, status, detail in failures:
        print(f"{kind} mutant {n} (seed {args.seed}): {status}: {detail[:300]}")
    return 1 if failures else 0

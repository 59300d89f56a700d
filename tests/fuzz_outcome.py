"""What one fuzzed file came to, as both fuzzers (tests/document_fuzz.py, tests/table_fuzz.py)
judge it from the product's refusal message."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Outcome:
    status: str  # "read" | "refused" | "traceback" | "crash" | "hang"
    detail: str


# Messages the worker gives when the reader let a parser exception through (it would have
# been a traceback outside the worker), when a C parser died on a signal (contained by the
# worker, still counted) and when a limit was hit.
_ESCAPED = ("corrupt or unreadable file (",)
_CRASHED = ("the parser crashed", "the parser stopped")
_HUNG = ("reading took longer than", "of CPU time")


def refusal(msg: str, names_the_file: bool) -> Outcome:
    """A refusal is clean only when it is one line naming the file, and neither a limit,
    an escaped parser exception nor a contained crash."""
    if any(h in msg for h in _HUNG):
        return Outcome("hang", msg)
    if any(e in msg for e in _ESCAPED):
        return Outcome("traceback", msg)
    if any(c in msg for c in _CRASHED):
        return Outcome("crash", msg)
    if not names_the_file:
        return Outcome("traceback", f"not one line naming the file: {msg!r}")
    return Outcome("refused", msg)


def fuzz_outcomes(
    seeds: Mapping[str, Path],
    classify: Callable[[Path], Outcome],
    mutants: Callable[[str, int, int], Iterable[tuple[int, bytes]]],
    kind: str,
    count: int,
    seed: int,
    folder: Path,
) -> dict[int, Outcome]:
    """Each of `count` mutants of `kind`, written to `folder` and judged."""
    outcomes = {}
    for n, data in mutants(kind, count, seed):
        path = folder / f"mutant_{n:03d}{seeds[kind].suffix}"
        path.write_bytes(data)
        outcomes[n] = classify(path)
    return outcomes

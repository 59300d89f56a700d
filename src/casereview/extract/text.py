"""Whitespace-collapsed text with a map back to the original offsets.

spaCy's tokenizer stops caching after a run of whitespace, and phrases wrapped across PDF
lines ("domestic\\n  abuse") would be missed; collapsing every run to one space makes the
blank pipeline ~9x faster on PDF text (ENGINEERING.md "Text"). Evidence spans must still
point into the text the user gave us, so each collapsed character keeps its original offset.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

_RUN = re.compile(r"\s+")
# Letters that PDF text layers often give as ligatures or typographic variants.
_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\ufb01": "fi",  # changes length: handled below
        "\ufb02": "fl",
    }
)


@dataclass(frozen=True)
class NormalText:
    """`text` is the collapsed text; `offsets[i]` is where its character i came from."""

    text: str
    offsets: np.ndarray  # int64, len(text) + 1 (the last entry is len(original))

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the collapsed span [start, end)."""
        if end <= start:
            o = int(self.offsets[start])
            return o, o
        return int(self.offsets[start]), int(self.offsets[end - 1]) + 1


def normalise(original: str) -> NormalText:
    """Collapse whitespace runs to one space and unify quotes and dashes (same length)."""
    pieces: list[str] = []
    offs: list[np.ndarray] = []
    pos = 0
    for m in _RUN.finditer(original):
        if m.start() > pos:
            pieces.append(original[pos : m.start()])
            offs.append(np.arange(pos, m.start(), dtype=np.int64))
        pieces.append(" ")
        offs.append(np.array([m.start()], dtype=np.int64))
        pos = m.end()
    if pos < len(original):
        pieces.append(original[pos:])
        offs.append(np.arange(pos, len(original), dtype=np.int64))
    text = "".join(pieces)
    offsets = np.concatenate(offs + [np.array([len(original)], dtype=np.int64)])
    if "\ufb01" in text or "\ufb02" in text:
        # Ligatures become two letters: repeat the original offset for the extra one.
        out, new_off = [], []
        for ch, o in zip(text, offsets[:-1]):
            rep = ch.translate(_TRANSLATE)
            out.append(rep)
            new_off.extend([o] * len(rep))
        return NormalText("".join(out), np.array(new_off + [len(original)], dtype=np.int64))
    return NormalText(text.translate(_TRANSLATE), offsets)


class PageIndex:
    """Which page an original character offset falls on (pages as (number, start) pairs)."""

    def __init__(self, pages: list[tuple[int, int]] | None) -> None:
        pages = sorted(pages or [], key=lambda p: p[1])
        self._numbers = [n for n, _ in pages]
        self._starts = [s for _, s in pages]

    def page_of(self, offset: int) -> int | None:
        if not self._starts:
            return None
        i = bisect_right(self._starts, offset) - 1
        return self._numbers[max(i, 0)]

"""Whitespace-collapsed text with a map back to the original offsets.

spaCy's tokenizer stops caching after a run of whitespace, and phrases wrapped across PDF
lines ("domestic\\n  abuse") would be missed; collapsing every run to one space makes the
blank pipeline ~9x faster on PDF text (ENGINEERING.md "Text"). Evidence spans must still
point into the text the user gave us, so each collapsed character keeps its original offset.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

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


# Characters Python's str.split() treats as whitespace (it is what _RUN matched).
_WS = np.array(sorted({c for c in range(0x3001) if chr(c).isspace()}), dtype=np.uint32)


def normalise(original: str) -> NormalText:
    """Collapse whitespace runs to one space and unify quotes and dashes (same length).

    Vectorised: a 100-page report is ~300,000 characters."""
    if not original:
        return NormalText("", np.zeros(1, dtype=np.int64))
    codes = np.frombuffer(original.encode("utf-32-le"), dtype=np.uint32)
    ws = np.isin(codes, _WS)
    keep = ~ws
    keep[1:] |= ws[1:] & ~ws[:-1]  # the first character of each whitespace run
    keep[0] |= ws[0]
    offsets = np.flatnonzero(keep).astype(np.int64)
    kept = codes[keep].copy()
    kept[ws[keep]] = 32
    text = kept.tobytes().decode("utf-32-le")
    offsets = np.append(offsets, len(original))
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

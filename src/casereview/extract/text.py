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
    """`text` is the collapsed text; `offsets[i]` is where its character i came from;
    `breaks` are positions in `text` where a paragraph or a heading line ended (a sentence
    ends there even without a full stop)."""

    text: str
    offsets: np.ndarray  # int64, len(text) + 1 (the last entry is len(original))
    breaks: tuple[int, ...] = ()

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
        offsets = np.array(new_off + [len(original)], dtype=np.int64)
        return NormalText("".join(out), offsets, _breaks(original, offsets))
    return NormalText(text.translate(_TRANSLATE), offsets, _breaks(original, offsets))


_LINE_END = re.compile(r"[^\S\n]*\n\s*")
_CONTINUES = (",", ";", "-", "(", "/", "&")
_CONTINUING_WORDS = {
    "and",
    "or",
    "the",
    "of",
    "to",
    "a",
    "an",
    "with",
    "by",
    "for",
    "in",
    "on",
    "at",
    "her",
    "his",
    "their",
    "that",
    "was",
    "were",
}


# A labelled line of a published summary starts a sentence even after a long unfinished line
# ("... in 2015\nKeywords: neglect, ...").
_LABEL = re.compile(
    r"(background|key issues|issues identified|learning|lessons|recommendations|keywords|"
    r"key words|model|methodology)\b[^:\n]{0,40}:",
    re.IGNORECASE,
)


def _breaks(original: str, offsets: np.ndarray) -> tuple[int, ...]:
    """Where a blank line, or a short heading-like line, ends: "Case study: Neglect\nCara
    was ..." is two sentences. Long lines are wrapped prose and do not end sentences."""
    out: list[int] = []
    line_start = 0
    for m in _LINE_END.finditer(original):
        line = original[line_start : m.start()].strip()
        line_start = m.end()
        if not line or m.end() >= len(original):
            continue
        nxt = original[m.end()]
        paragraph = m.group(0).count("\n") >= 2
        last_word = line.rsplit(None, 1)[-1].lower()
        heading = (
            len(line) <= 60
            and not line.endswith(_CONTINUES)
            and last_word not in _CONTINUING_WORDS
            and (nxt.isupper() or nxt.isdigit() or nxt in "•▪●-–*")
            and (line[0].isupper() or line[0].isdigit())
        )
        if paragraph or heading or _LABEL.match(original, m.end()):
            out.append(int(np.searchsorted(offsets, m.start())))
    return tuple(out)


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

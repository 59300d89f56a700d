"""Normalising extracted text: one newline convention, no control characters."""

from __future__ import annotations

import re

# PDFium marks a hyphen it generated at a line break with U+FFFE or STX; keep it a hyphen.
_SOFT_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-", "\u00ad": "-"})
# Control characters other than tab, newline and form feed carry no text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+(?=\n|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_SOFT_HYPHENS)
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def without_controls(text: str) -> str:
    """`text` without control characters (NUL included) other than tab, newline and form feed."""
    return _CONTROL.sub("", text)


def first_line(text: str, limit: int = 300) -> str | None:
    for line in text.splitlines():
        line = " ".join(line.split()).strip("#*_ ")  # Markdown "# Title" is a title too
        if len(line) >= 3:
            return line[:limit]
    return None

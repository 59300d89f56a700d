"""Counting the items of a recommendations or learning section.

Review reports mark recommendations in many ways: "Recommendation 1", "R1", "1.", "1)",
"(a)", "a)", "i.", bullets, or numbered paragraphs "5.1". A section often nests markers
(recommendation 2 has parts a) and b)), so the markers are ranked and only the strongest
kind present is counted: labelled > R-numbered > numbered > decimal > lettered > bulleted.
Items are counted, not distinct numbers: reports that group recommendations by agency
restart the numbering for each agency.
"""

from __future__ import annotations

import re

_WORD_NUMBERS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_ROMAN = r"(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)"

# (name, pattern) strongest first; each matches at the start of a line.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "labelled",
        re.compile(
            rf"^[ \t]*(?:recommendation|learning point|lesson|key lesson|finding)s?[ \t]*"
            rf"(?:no\.?[ \t]*)?(?:\d{{1,2}}[a-z]?|{_WORD_NUMBERS}|(?-i:[A-Z])\d{{0,2}})\b(?![ \t]*(?:of|and|to|in)\b)",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
    ("r-numbered", re.compile(r"^[ \t]*R[ \t]?\d{1,2}\b[.:)]?", re.MULTILINE)),
    (
        "numbered",
        re.compile(r"^[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)])(?:[ \t]+\S|[ \t]*$)", re.MULTILINE),
    ),
    ("decimal", re.compile(r"^[ \t]*\d{1,2}\.\d{1,2}\.?[ \t]+[A-Z]", re.MULTILINE)),
    (
        "lettered",
        re.compile(
            rf"^[ \t]*(?:\((?:[a-z]|{_ROMAN})\)|(?:[a-z]|{_ROMAN})[.)])[ \t]+\S", re.MULTILINE
        ),
    ),
    (
        "bulleted",
        re.compile(r"^[ \t]*[•●▪■◦○‣⁃·\uf0b7\uf0a7\uf0d8\uf076*–-](?:[ \t]|$)", re.MULTILINE),
    ),
]


def count_items(text: str) -> tuple[int, str | None]:
    """Number of items in a section body and the kind of marker counted (None if none)."""
    for name, pattern in MARKERS:
        n = len(pattern.findall(text))
        if n:
            return n, name
    return 0, None

"""Known inconsistencies of the reference documents, printed beside the tables that
reproduce them.

A table that says "Reproduces 000 Table 1" while showing 16 of 26 where the document shows
18 of 28 looks like an error unless the reader is told why. Each entry names the document
tables it concerns (as a table's `source` cites them) and says, for readers, what the
document prints and what its own figures give. The list is the one checked cell by cell by
the acceptance tests (tests/published_tables.py, INCONSISTENCIES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casereview.analysis.table import ResultTable


@dataclass(frozen=True)
class SourceNote:
    cites: tuple[str, ...]  # document tables, as sources cite them ("000 Table 1")
    text: str


NOTES: tuple[SourceNote, ...] = (
    SourceNote(
        ("000 Table 1",),
        "About the source: 000 Table 1 counts all 28 submissions to serious case reviews, "
        "including the two left out of the study's analysis (000 Appendix A), so it gives 18 "
        "traditional reviews of 28; the 26 reviews analysed are the ones counted here.",
    ),
    SourceNote(
        ("000 Table 4",),
        "About the source: 000 Table 4 counts 46 children in the 2012 and 2013 samples where "
        "001 counts 83 (54 and 29, 001 Table 12), and 30 children in the 2014 sample where 001 "
        "counts 32; the counts here follow 001.",
    ),
    SourceNote(
        ("000 Table 5",),
        "About the source: 000 Table 5 prints 9.2% for non-fatal neglect, but 6 of 59 is 10.2% "
        "(the same count for suicide is printed as 10.2%).",
    ),
    SourceNote(
        ("001 Table 5",),
        "About the source: 001 Table 5 prints an overall average of 13.1 for all 97 cases, but "
        "its own cells allow only 13.39 to 13.47 (16.3 for 15 cases and 12.9 for 82; the law "
        "type rows agree); the average here follows the cases.",
    ),
    SourceNote(
        ("001 Table 10",),
        "About the source: 001 Section 5.3.2 says the alleged perpetrator of domestic abuse was "
        "male in 66% of cases, where Table 10 gives 46 of 69 (67%). Its executive summary says "
        "that in 48% of cases featuring domestic abuse the person who harmed the child was not "
        "the alleged abuser; Section 5.3.2 gives 28% (19 of 69), and 48% also counts the cases "
        "where either person is unknown or the young person harmed themselves.",
    ),
)


def _cites(source: str, table: str) -> bool:
    """'000 Table 1' is cited in '000 Table 1; 001 Figure 4' but not in '000 Table 10'."""
    return re.search(rf"(?<![\w]){re.escape(table)}(?![\d])", source) is not None


def source_notes(table: ResultTable) -> tuple[str, ...]:
    """The notes on the documents this table reproduces (none without a source)."""
    if not table.source:
        return ()
    return tuple(n.text for n in NOTES if any(_cites(table.source, c) for c in n.cites))

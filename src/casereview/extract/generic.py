"""General statements about practice, which assert nothing about this family.

The manual: "practitioners should be alert to domestic abuse", recommendations and learning
points code nothing. Two signals: a sentence that names nobody in the family, is in the
present tense and uses words of guidance; and the learning / recommendations part of a
report (from its heading to the next heading), where only findings about a named person
(Child A, mother, Mr F) still count.
"""

import re
from bisect import bisect_right

from spacy.tokens import Doc

_GENERIC_WORDS = re.compile(
    r"\b(practitioners?|professionals?|agencies|services|staff|workforce|organisations|partners|"
    r"should|must|need to|needs to|can|ought|important|importance|impact|awareness|"
    r"understanding|training|guidance|lessons?|recommendations?|research|evidence shows|"
    r"nationally|often|commonly|frequently|typically|generally|always)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(was|were|had|did|been|went|became|told|said|disclosed|reported|took|left|began|found|"
    r"knew|made|gave|saw|came|\w{3,}ed)\b",
    re.IGNORECASE,
)

# Headings that open the learning part of a report or summary.
_LEARNING_HEAD = re.compile(
    r"^\W*(key |main |the |)(learning(?!\s+(disab|difficult|need))|lessons|recommendations?|practice points|practice learning|"
    r"key (points|messages)|learning (points|themes|includes)|"
    r"what (can|should|could) (we|practitioners|professionals|agencies)|"
    r"implications for practice|good practice|questions for|questions to consider|"
    r"reflective questions|questions for reflection|why it matters|what (to do|you can do|we learned)|"
    r"\d+[- ]minute briefing|further reading|useful resources|key practice points|tips for practice)\b",
    re.IGNORECASE,
)
# Any other short heading ends it ("Background", "The family", "Case summary").
_HEADING = re.compile(r"^[A-Z][\w' ,&/()-]{0,60}$")


def is_question(sentence: str) -> bool:
    """Questions assert nothing (manual, General rules)."""
    return sentence.rstrip().endswith("?")


def is_generic(sentence: str, names_someone: bool) -> bool:
    """Nobody in this family named, present tense, words of guidance."""
    if is_question(sentence):
        return True
    if names_someone:
        return False
    return bool(_GENERIC_WORDS.search(sentence)) and not _PAST.search(sentence)


class LearningZones:
    """Token ranges of the learning and recommendations sections of a document."""

    def __init__(self, doc: Doc) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        open_at: int | None = None
        for sent in doc.sents:
            text = sent.text.strip()
            words = text.split()
            # a heading ("Learning", "Key learning points") or a lead-in ("Learning includes:")
            if _LEARNING_HEAD.match(text) and (len(words) <= 6 or ":" in " ".join(words[:6])):
                if open_at is None:
                    open_at = sent.start
            elif open_at is not None and _HEADING.match(text) and len(text.split()) <= 6:
                self._starts.append(open_at)
                self._ends.append(sent.start)
                open_at = None
        if open_at is not None:
            self._starts.append(open_at)
            self._ends.append(len(doc))

    def within(self, token_i: int) -> bool:
        k = bisect_right(self._starts, token_i) - 1
        return k >= 0 and token_i < self._ends[k]

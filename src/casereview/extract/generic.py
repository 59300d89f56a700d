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

from casereview.extract.findings import text_of

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
# "Learning includes the need to ...", "Key issues identified were ...": a lead-in without a colon.
_LEAD_IN = re.compile(
    r"^\W*(key |main |the |)(learning|lessons( learned| learnt|)|recommendations?|key issues|issues|"
    r"themes)( points| themes| from this review| for the partnership|)\s+(\([^)]*\)\s+|)"
    r"(include|includes|included|including|identified|identify|identifies|are|were|is|relate|"
    r"related|relates|concern|concerns|cover|covers|focus|focused|centre|centred|highlight|"
    r"highlighted|highlights|around|about|on)\b",
    re.IGNORECASE,
)
# "Key issues" generalise like learning (a named person's fact there still counts, as in the
# learning part); "Makes recommendations on ..." is the older listings' learning line.
_ISSUES_HEAD = re.compile(
    r"^\W*((key|main|the) issues|issues (identified|raised)|themes|key themes|"
    r"(makes|made|it makes|the review makes|the report makes) (\w+ ){0,3}(recommendations?|learning))\b"
    # a line whose label was lost: "includes: advice on safe sleeping ..."
    r"|^\W*includes?\s*:",
    re.IGNORECASE,
)
# Topic tags and method lines assert nothing whoever they name (dev_repository.yaml header):
# "Keywords: neglect, parents with learning disabilities", "Model: systems methodology".
_TAGS_HEAD = re.compile(
    r"^\W*((keywords?|key words?|tags|topics|model|methodology|review model)\s*(:|-|$)|"
    r"key ?words\s|read the (full |overview |executive |)(report|summary)\b|"
    # a contents line: "The report goes on to consider the family history, ..., the risks of
    # domestic abuse" lists topics; "the review considered that ..." is a finding
    r"(the |this )(report|review|summary|overview report|serious case review|scr|learning review)"
    r" (goes on to |then |also |went on to |)(consider|considers|explore|explores|examine|examines|"
    r"look at|looks at|cover|covers|discuss|discusses|address|addresses|set out|sets out)\b"
    r"(?!\s+(that|whether|how|why)\b))",
    re.IGNORECASE,
)
# A narrative label ends a learning part ("Background: the family were ...").
_NARRATIVE_HEAD = re.compile(
    r"^\W*(background|case summary|summary of the case|summary|circumstances|the family|"
    r"family background|family history|family composition|the incident|incident|chronology|"
    r"key events|what happened|case background|brief summary|case details)\s*[:\-]",
    re.IGNORECASE,
)
# Any other short heading ends it ("Background", "The family", "Case summary").
_HEADING = re.compile(r"^[A-Z][\w' ,&/()-]{0,60}$")
# A verb that makes a comma list a sentence rather than a list of topic tags.
_FINITE = re.compile(
    r"\b(was|were|had|has|have|is|are|did|does|been|being|died|said|told|lived|became|"
    r"found|took|gave|went|made|left|began|known)\b",
    re.IGNORECASE,
)


# A summary's opening line is no tag list: "Death of a 4-month-old boy, Child B, in 2016."
_TITLE = re.compile(
    r"^\W*(deaths?|murders?|killing|manslaughter)\s+of\b|\b\d+[\s-]+(years?|months?|weeks?|days?)[\s-]+old\b|\baged\s+\d",
    re.IGNORECASE,
)


def is_tag_list(sentence: str) -> bool:
    """An unlabelled line of topic tags, as in the older repository listings: "Physical
    abuse, neglect, domestic abuse, parental mental health, substance misuse"."""
    text = sentence.strip().rstrip(".")
    if ":" in text:
        return False  # a labelled line ("Background: domestic abuse, ...") is the case's
    items = [i.strip() for i in re.split(r"[,;]", text) if i.strip()]
    if len(items) < 3 or _FINITE.search(text) or _TITLE.search(text):
        return False
    return all(len(i.split()) <= 5 for i in items)


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
    """Token ranges of the learning and recommendations sections of a document, and the
    sentences (keywords, model, topic-tag lines) that assert nothing at all."""

    def __init__(self, doc: Doc) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._tags: set[int] = set()
        open_at: int | None = None
        whole = text_of(doc)  # slicing it is sent.text without joining each sentence's tokens
        for sent in doc.sents:
            text = whole[sent.start_char : sent.end_char].strip()
            words = text.split()
            if _TAGS_HEAD.match(text) or is_tag_list(text):
                self._tags.add(sent.start)
                continue
            # a heading ("Learning", "Key learning points") or a lead-in ("Learning includes:")
            head = bool(_LEARNING_HEAD.match(text) or _ISSUES_HEAD.match(text))
            if head and (
                len(words) <= 6
                or ":" in " ".join(words[:6])
                or _LEAD_IN.match(text)
                or _ISSUES_HEAD.match(text)
            ):
                if open_at is None:
                    open_at = sent.start
            elif open_at is not None and (
                (_HEADING.match(text) and len(words) <= 6) or _NARRATIVE_HEAD.match(text)
            ):
                self._starts.append(open_at)
                self._ends.append(sent.start)
                open_at = None
        if open_at is not None:
            self._starts.append(open_at)
            self._ends.append(len(doc))

    def within(self, token_i: int) -> bool:
        k = bisect_right(self._starts, token_i) - 1
        return k >= 0 and token_i < self._ends[k]

    def is_tags(self, sent_start: int) -> bool:
        """The sentence starting here is a keywords, model or topic-tag line."""
        return sent_start in self._tags

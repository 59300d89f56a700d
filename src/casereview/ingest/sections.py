"""Finding headings and the recommendations / learning / findings sections of a report.

DOCX and HTML mark their headings (styles, <h1>-<h6>); PDF and text do not, so headings
are recognised in the lines: numbered headings ("5. Recommendations", "3.2 Key findings"),
the usual section names of review reports on a line of their own, and short capitalised
lines. Running headers repeated on most pages are ignored. A section runs to the next
heading of the same or higher rank (see `_closes` for headings of different styles). The number of recommendations is the field "number of
recommendations / learning points in report" (002 Appendix J; Cafcass 000 section 5.1);
where a report has learning points instead of recommendations they are counted in the same
way, as the Triennial Review did (002 section 6.3).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from casereview.ingest.items import count_items
from casereview.ingest.model import ExtractedDocument, Section

_NUMBERED = re.compile(
    r"^(?:(?:section|chapter|part)\s+)?(\d{1,2}(?:\.\d{1,2}){0,3})[.:)]?\s+(\S.*)$", re.IGNORECASE
)
_TOC_LINE = re.compile(r"(?:\.{3,}|…|\s{2,}|\t)\s*\d{1,3}$")
_TRAILING_NUMBER = re.compile(r"\s\d{1,3}$")
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
# A wrapped line often ends mid-phrase; a heading does not end on these words.
_END_WORDS = frozenset(
    "and or of the to with a an in for on by that was were is had has her his their at from "  # noqa: SIM905
    "as be".split()
)
_KNOWN = re.compile(
    r"^(?:(?:executive\s+)?summary|introduction|background|(?:family\s+)?background|"
    r"terms\s+of\s+reference|methodology|method|scope(?:\s+of\s+the\s+review)?|"
    r"chronology|analysis|conclusions?|good\s+practice|glossary|references|contents|"
    r"acknowledgements|the\s+family|family\s+composition|appendix\b.*|annex\b.*|"
    r"(?:key\s+|summary\s+of\s+|practice\s+|wider\s+|multi-agency\s+)?"
    r"(?:learning|lessons|findings|recommendations)(?:\s+(?:and|&|for|from|of|to|arising|"
    r"identified|made|points?|themes?|learned|learnt|by|in|about)\b.*)?|"
    r"key\s+(?:issues|themes|messages)|"
    r"(?:the\s+)?review\s+process|(?:the\s+)?(?:child|family)'?s?\s+(?:voice|views)|"
    r"(?:the\s+)?family'?s?\s+(?:contribution|involvement)|findings?\s+\d+\b.*)$",
    re.IGNORECASE,
)
_RECOMMENDATIONS = re.compile(
    r"^(?:(?:key|main|summary\s+of|the|review|scr|our|final|multi-agency|single[- ]agency|"
    r"agency|partnership|local|national)\s+)*recommendations?\b(?!\s+\d)"
    r"|^[\w ,'’-]{0,40}\band\s+recommendations$",
    re.IGNORECASE,
)
_LEARNING = re.compile(
    r"^(?:key\s+|practice\s+|wider\s+|multi-agency\s+|summary\s+of\s+(?:the\s+)?|the\s+)?"
    r"(?:learning|lessons|key\s+lessons)(?:\s+(?:points?|themes?|learned|learnt|identified|"
    r"from|for|and|arising|outcomes?|messages?)\b.*)?$",
    re.IGNORECASE,
)
_FINDINGS = re.compile(r"\bfindings?\b", re.IGNORECASE)
_CHAPTER = re.compile(r"^(?:chapter|section|part|appendix|annex)\b", re.IGNORECASE)
# A next line in lower case carries on the sentence, unless it is a list item ("a) ...").
_CONTINUES = re.compile(r"^(?![a-z]{1,4}[.)]\s|\([a-z]{1,4}\)\s)[a-z]")
_ITEM_LINE = re.compile(r"^(?:recommendation|r)\s?\d", re.IGNORECASE)  # an item, not a heading
_LEVEL_ANY = 9  # rank of headings found by name inside a document that marks its headings


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    level: int
    title: str
    style: str  # "marked" (DOCX/HTML/Markdown), "numbered", "named", "caps"
    number: str | None = None  # "5.1" for numbered headings


def _closes(s: _Candidate, c: _Candidate, list_kind: bool) -> bool:
    """Does heading `c`, coming after `s`, end the section that `s` heads?"""
    if s.style == "marked" or c.style == "marked":
        return c.level <= s.level
    if s.style == "numbered":
        if c.style == "numbered":
            return c.level <= s.level
        return c.style == "named"  # capitalised lines are sub-headings in a numbered report
    # Unnumbered: any heading ends it, except capitalised sub-headings ("HEALTH", "POLICE")
    # inside a list of recommendations or learning points.
    return not (list_kind and c.style == "caps")


def classify(title: str) -> str:
    """The kind of a section from its heading: recommendations, learning, findings, heading."""
    t = " ".join(_NUMBERED.sub(r"\2", title.strip()).split()).rstrip(":").strip()
    if _RECOMMENDATIONS.match(t) and not _ITEM_LINE.match(t):
        return "recommendations"
    if _LEARNING.match(t):
        return "learning"
    if _FINDINGS.search(t):
        return "findings"
    return "heading"


def find_sections(doc: ExtractedDocument) -> list[Section]:
    """Headings of the document, each as a section with its kind and, for recommendations and
    learning sections, the number of items."""
    title = _norm(doc.title or "")
    if doc.headings:
        cands = [_Candidate(h.start, h.end, h.level, h.text, "marked") for h in doc.headings]
        covered = {h.start for h in doc.headings}
        cands += [
            _Candidate(c.start, c.end, _LEVEL_ANY, c.title, "marked")
            for c in _line_candidates(doc, names_only=True)
            if c.start not in covered
        ]
        cands.sort(key=lambda c: c.start)
    else:
        cands = _line_candidates(doc, names_only=False)
    sections: list[Section] = []
    for i, c in enumerate(cands):
        kind = "heading" if _norm(c.title) == title else classify(c.title)
        end = len(doc.text)
        for later in cands[i + 1 :]:
            if _closes(c, later, kind in ("recommendations", "learning")):
                end = later.start
                break
        body_start = min(c.end + 1, end)
        items = None
        if kind in ("recommendations", "learning"):
            items = count_items(doc.text[body_start:end])[0]
        sections.append(
            Section(
                title=c.title,
                kind=kind,
                level=c.level,
                start=c.start,
                body_start=body_start,
                end=end,
                page=doc.page_at(c.start),
                items=items,
            )
        )
    return sections


def _norm(title: str) -> str:
    return " ".join(title.strip("#*_ \t").split()).lower()


def count_recommendations(doc: ExtractedDocument) -> int | None:
    """Items in the outermost recommendations sections (or, if the report has none, in its
    learning-point sections); None when the report has neither: not stated, not zero."""
    sections = doc.sections or tuple(find_sections(doc))
    for kind in ("recommendations", "learning"):
        outer = _outermost([s for s in sections if s.kind == kind])
        if outer:
            return sum(s.items or 0 for s in outer)
    return None


def _outermost(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for s in sorted(sections, key=lambda s: (s.start, -s.end)):
        if not out or s.start >= out[-1].end:
            out.append(s)
    return out


def _lines(text: str):  # type: ignore[no-untyped-def]
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _running_lines(doc: ExtractedDocument) -> set[str]:
    """Lines at the top or bottom of most pages (running headers and footers), with their
    digits as "#" ("Child Q – page #")."""
    if len(doc.pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in doc.pages:
        lines = [ln.strip() for ln in page.text.split("\n") if ln.strip()]
        seen.update({re.sub(r"\d+", "#", ln) for ln in lines[:2] + lines[-2:]})
    return {ln for ln, n in seen.items() if n >= max(3, len(doc.pages) // 2)}


def _line_candidates(doc: ExtractedDocument, *, names_only: bool) -> list[_Candidate]:
    running = _running_lines(doc)
    lines = list(_lines(doc.text))
    out: list[_Candidate] = []
    open_list: _Candidate | None = None  # the recommendations/learning section we are in
    for i, (pos, raw) in enumerate(lines):
        line = raw.strip()
        if not 3 <= len(line) <= 120 or _is_running(line, running):
            continue
        if _CONTINUES.match(_next_text_line(lines, i)):
            continue  # the sentence goes on: a wrapped line, not a heading
        start = pos + raw.index(line[0])
        cand = _judge(line, start, names_only)
        if cand is None:
            continue
        if open_list is not None and cand.number is not None and "." not in cand.number:
            # Inside a list section, "1. Training for staff" is an item unless it continues
            # the report's own heading numbers ("5. Recommendations" ... "6. Conclusion").
            top = open_list.number.split(".")[0] if open_list.number else None
            if top is None or int(cand.number) <= int(top):
                continue
        if classify(cand.title) in ("recommendations", "learning"):
            open_list = cand
        elif open_list is not None and _closes(open_list, cand, True):
            open_list = None
        out.append(cand)
    return out


def _is_running(line: str, running: set[str]) -> bool:
    if re.sub(r"\d+", "#", line) not in running:
        return False
    # "3. Findings" and "Chapter 3" differ from page to page only in their number, but they
    # are headings: only unnumbered lines count as running headers.
    return not (_NUMBERED.match(line) or _CHAPTER.match(line))


def _next_text_line(lines: list[tuple[int, str]], i: int) -> str:
    for j in range(i + 1, min(i + 50, len(lines))):
        text = lines[j][1].strip()
        if text:
            return text
    return ""


def _judge(line: str, start: int, names_only: bool) -> _Candidate | None:
    end = start + len(line)
    words = line.split()
    if _ITEM_LINE.match(line) or len(words) > 14 or _TOC_LINE.search(line):
        return None
    md = _MARKDOWN.match(line)
    if md:  # text files are often Markdown: "## 5. Recommendations"
        title = md.group(2).replace("**", "").replace("__", "").strip()
        return _Candidate(start, end, len(md.group(1)), title, "marked") if title else None
    m = _NUMBERED.match(line)
    number, rest = (m.group(1), m.group(2).strip()) if m else (None, line)
    bare = rest.rstrip(":").strip()
    if (
        _KNOWN.match(bare)
        and len(words) <= 10
        and not bare.endswith((".", ";", ","))
        and (bare[:1].isupper() or number)
    ):
        if number and _TRAILING_NUMBER.search(bare):
            return None  # "5. Recommendations 23": a contents line
        if number:
            level = number.count(".") + 1
        else:
            level = 2 if re.match(r"findings?\s+\d", bare, re.IGNORECASE) else 1
        style = "numbered" if number else "named"
        return _Candidate(start, end, level, line.rstrip(":").strip(), style, number)
    if names_only:
        return None
    if number:
        if (
            rest[:1].isupper()
            and len(rest.split()) <= 12
            and not rest.endswith((".", ";", ","))
            and rest.split()[-1].lower() not in _END_WORDS
            and not _TRAILING_NUMBER.search(rest)
        ):
            return _Candidate(start, end, number.count(".") + 1, line, "numbered", number)
        return None
    letters = [c for c in line if c.isalpha()]
    if (
        len(letters) >= 4
        and all(c.isupper() for c in letters)
        and len(words) <= 10
        and not line.endswith((".", ";", ","))
    ):
        return _Candidate(start, end, 1, line, "caps")
    return None

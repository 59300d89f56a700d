"""The search box language, parsed once and rendered for SQLite FTS5 or PostgreSQL.

    domestic abuse              both words, anywhere on the page
    "domestic abuse"            the phrase
    "domestic abuse" OR "domestic violence"
    neglect -housing            neglect, but not housing (also: NOT housing)
    exploit*                    words starting with exploit

Words and phrases side by side must all match; OR separates alternatives. One parser for
both databases means the same query means the same thing on each, and a malformed query is
refused with a message that says what is wrong, never passed on to fail inside the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from casereview.errors import CaseReviewError

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
MAX_CHARS = 1_000
MAX_TERMS = 50  # words and phrases together; each becomes one index lookup
# PostgreSQL's English stop words (tsearch_data/english.stop): its index leaves them out, so
# they are left out of every query on both databases, or SQLite would demand a word that
# PostgreSQL ignores (`neglect:A` is the phrase "neglect a" on SQLite, `neglect` on PostgreSQL).
STOP_WORDS = frozenset(  # the list as PostgreSQL ships it, one string to compare
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into
    through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_" and "-" split words
HELP = 'use words, "a phrase", OR, -word to exclude, word* for a prefix'


class SearchQueryError(CaseReviewError):
    title = "Invalid search"


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False


@dataclass(frozen=True)
class Group:
    """Terms that must all match, and terms that must not."""

    include: tuple[Term, ...]
    exclude: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Query:
    groups: tuple[Group, ...]  # alternatives (OR)


def parse_query(text: str) -> Query:
    if len(text) > MAX_CHARS:
        raise SearchQueryError(
            f"search of {len(text)} characters: the limit is {MAX_CHARS}; search for fewer words"
        )
    if "\x00" in text:
        raise SearchQueryError("search: the query contains a NUL byte (\\x00); remove it")
    if text.count('"') % 2:
        raise SearchQueryError(f"search {text!r}: a quote is not closed; {HELP}")
    groups: list[Group] = []
    include: list[Term] = []
    exclude: list[Term] = []
    negate = False
    for m in _TOKEN.finditer(text):
        phrase, bare = m.group(1), m.group(2)
        if bare is not None and bare == "OR":
            groups.append(_group(text, include, exclude, negate))
            include, exclude, negate = [], [], False
            continue
        if bare is not None and bare in ("NOT", "-"):
            negate = True
            continue
        if bare is not None and bare == "AND":
            continue
        prefix = False
        if bare is not None:
            if bare.startswith("-") and len(bare) > 1:
                negate, bare = True, bare[1:]
            prefix = bare.endswith("*")
            source = bare.rstrip("*")
        else:
            source = phrase
        found = [w.lower() for w in _WORD.findall(source)]
        # a prefix (injur*) is matched against indexed words, stop words or not
        words = tuple(found) if prefix and len(found) == 1 else _content_words(found)
        if not words and _WORD.search(source):
            negate = False
            continue  # common words only ("the", "a"): neither database indexes them
        if not words:
            if negate:
                raise SearchQueryError(f"search {text!r}: nothing after NOT or '-'; {HELP}")
            continue  # punctuation alone: nothing to find
        (exclude if negate else include).append(Term(words, prefix and len(words) == 1))
        negate = False
    groups.append(_group(text, include, exclude, negate))
    terms = sum(len(g.include) + len(g.exclude) for g in groups)
    if terms > MAX_TERMS:
        raise SearchQueryError(
            f"search of {terms} words and phrases: the limit is {MAX_TERMS}; search for fewer"
        )
    return Query(tuple(groups))


def _content_words(words: Iterable[str]) -> tuple[str, ...]:
    """The words without stop words at either end (inside a phrase they keep its spacing)."""
    out = list(words)
    while out and out[0] in STOP_WORDS:
        out.pop(0)
    while out and out[-1] in STOP_WORDS:
        out.pop()
    return tuple(out)


def _group(text: str, include: list[Term], exclude: list[Term], negate: bool) -> Group:
    if negate:
        raise SearchQueryError(f"search {text!r}: nothing after NOT or '-'; {HELP}")
    if not include:
        if exclude:
            raise SearchQueryError(
                f"search {text!r}: a query needs a word or phrase to find, not only ones to "
                f"leave out; {HELP}"
            )
        raise SearchQueryError(
            f"search {text!r}: no words to search for (common words such as 'the' or 'a' are "
            f"not indexed); {HELP}"
        )
    return Group(tuple(include), tuple(exclude))


def to_fts5(query: Query) -> str:
    """FTS5 MATCH text. Every word is quoted, so no word can be read as an operator."""

    def term(t: Term) -> str:
        body = '"' + " ".join(t.words) + '"'
        return body + "*" if t.prefix else body

    alternatives = []
    for g in query.groups:
        s = "(" + " AND ".join(term(t) for t in g.include) + ")"
        for t in g.exclude:
            s = f"({s} NOT {term(t)})"
        alternatives.append(s)
    return " OR ".join(alternatives)


def to_tsquery_parts(query: Query) -> list[tuple[list[tuple[str, Term]], list[tuple[str, Term]]]]:
    """For PostgreSQL: per alternative, (include, exclude) lists of (function, term) where the
    function is phraseto_tsquery, plainto_tsquery or to_tsquery (prefix)."""

    def fn(t: Term) -> str:
        if t.prefix:
            return "to_tsquery"
        return "phraseto_tsquery" if len(t.words) > 1 else "plainto_tsquery"

    return [
        ([(fn(t), t) for t in g.include], [(fn(t), t) for t in g.exclude]) for g in query.groups
    ]

"""Full-text search over the pages of every stored document.

SQLite: the FTS5 table `document_pages_fts` (porter stemming), ranked by BM25, snippets by
FTS5's snippet(). PostgreSQL: the stored tsvector `document_pages.search_vector` (English
configuration, GIN index), ranked by ts_rank_cd, snippets by ts_headline. Both are made by
migration 0002. A hit is one page; its snippet is HTML-escaped text with each match in
<mark>…</mark>, ready for the web page, and `fragments()` gives the parts for a terminal.
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from casereview.errors import CaseReviewError
from casereview.store.database import Store
from casereview.store.search_query import (
    HELP,
    SearchQueryError,
    parse_query,
    to_fts5,
    to_tsquery_parts,
)

# Private-use characters mark the matches inside the database's snippet; they cannot occur
# in stored text that matters, and are turned into <mark> after HTML escaping.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MAX_LIMIT = 1000
PG_TIMEOUT_MS = 10_000  # longest a search may run on PostgreSQL


@dataclass(frozen=True)
class Hit:
    review: str | None  # the review's reference (None for a document not linked to a review)
    document_id: int
    filename: str
    title: str | None
    page: int
    snippet: str  # HTML-escaped, matches in <mark>…</mark>
    rank: float  # higher is better; compare only within one result list

    def fragments(self) -> list[tuple[str, bool]]:
        """(text, is_match) pieces of the snippet, unescaped: for terminals and other renderers."""
        parts = re.split(r"(<mark>.*?</mark>)", self.snippet)
        out = []
        for p in parts:
            if p.startswith("<mark>"):
                out.append((html.unescape(p[6:-7]), True))
            elif p:
                out.append((html.unescape(p), False))
        return out


def search(store: Store, query: str, limit: int = 20) -> list[Hit]:
    """Pages matching `query` (see search_query.py for the language), best first."""
    if limit < 1:
        raise CaseReviewError(f"limit must be at least 1, not {limit}")
    parsed = parse_query(query)
    limit = min(limit, _MAX_LIMIT)
    if store.dialect == "postgresql":
        return _search_postgres(store, parsed, limit)
    return _search_sqlite(store, query, to_fts5(parsed), limit)


_SQLITE = text(
    f"""
    SELECT r.reference, d.id, d.filename, d.title, p.number,
           snippet(document_pages_fts, 0, '{_OPEN}', '{_CLOSE}', '…', 24), rank
    FROM document_pages_fts
    JOIN document_pages p ON p.id = document_pages_fts.rowid
    JOIN documents d ON d.id = p.document_id
    LEFT JOIN reviews r ON r.id = d.review_id
    WHERE document_pages_fts MATCH :q
    ORDER BY rank
    LIMIT :limit
    """
)


def _search_sqlite(store: Store, raw: str, match: str, limit: int) -> list[Hit]:
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(_SQLITE, {"q": match, "limit": limit}).all()
    except OperationalError as exc:
        message = str(exc.orig)
        if "no such table" in message:
            raise CaseReviewError(
                "this register has no full-text index: open it with a current casereview "
                "(the schema is migrated on opening)"
            ) from None
        if isinstance(exc.orig, sqlite3.OperationalError) and "fts5" in message:
            raise SearchQueryError(f"search {raw!r} cannot be read: {message}; {HELP}") from None
        raise
    return [
        _hit(ref, did, fn, title, page, snip, -score)
        for ref, did, fn, title, page, snip, score in rows
    ]


def _search_postgres(store: Store, parsed, limit: int) -> list[Hit]:  # type: ignore[no-untyped-def]
    params: dict[str, object] = {"limit": limit}
    alternatives = []
    for include, exclude in to_tsquery_parts(parsed):
        pieces = []
        for negated, terms in ((False, include), (True, exclude)):
            for fn, term in terms:
                name = f"t{len(params)}"
                params[name] = f"{term.words[0]}:*" if term.prefix else " ".join(term.words)
                piece = f"{fn}('english', :{name})"
                pieces.append(f"!!{piece}" if negated else piece)
        alternatives.append("(" + " && ".join(pieces) + ")")
    tsquery = " || ".join(alternatives)
    options = (
        f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=35, MinWords=15, MaxFragments=2, "
        'FragmentDelimiter=" … "'
    )
    sql = text(
        f"""
        WITH q AS (SELECT {tsquery} AS query),
        best AS (
            SELECT p.id, p.document_id, p.number, p.text, q.query,
                   ts_rank_cd(p.search_vector, q.query) AS score
            FROM document_pages p, q
            WHERE p.search_vector @@ q.query
            ORDER BY score DESC, p.id
            LIMIT :limit
        )
        SELECT r.reference, d.id, d.filename, d.title, b.number,
               ts_headline('english', b.text, b.query, :options), b.score
        FROM best b
        JOIN documents d ON d.id = b.document_id
        LEFT JOIN reviews r ON r.id = d.review_id
        ORDER BY b.score DESC, b.id
        """
    )
    params["options"] = options
    try:
        with store.engine.connect() as conn:
            # a search may not tie the server up: stopped after PG_TIMEOUT_MS (this
            # transaction only)
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(PG_TIMEOUT_MS)}")
            rows = conn.execute(sql, params).all()
    except DBAPIError as exc:
        if "statement timeout" in str(exc.orig):
            raise SearchQueryError(
                f"the search took longer than {PG_TIMEOUT_MS / 1000:g} s and was stopped; "
                "search for fewer or more specific words"
            ) from None
        if "search_vector" in str(exc.orig):
            raise CaseReviewError(
                "this register has no full-text index: open it with a current casereview"
            ) from None
        raise
    return [
        _hit(ref, did, fn, title, page, snip, float(score))
        for ref, did, fn, title, page, snip, score in rows
    ]


def _hit(ref, did, filename, title, page, snip: str, rank: float) -> Hit:  # type: ignore[no-untyped-def]
    return Hit(
        review=ref,
        document_id=did,
        filename=filename,
        title=title,
        page=page,
        snippet=_mark(snip),
        rank=float(rank),
    )


def _mark(snippet: str) -> str:
    """Escape the snippet for HTML and turn the sentinels into <mark>, joining the words of a
    phrase into one mark ("<mark>domestic abuse</mark>")."""
    s = " ".join(snippet.split())
    s = re.sub(f"{_CLOSE}(\\s+){_OPEN}", r"\1", s)
    out, inside = [], False
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", s):
        if piece in (_OPEN, _CLOSE):
            if (piece == _OPEN) != inside:  # ignore a stray marker: keep the tags balanced
                out.append("<mark>" if piece == _OPEN else "</mark>")
                inside = not inside
        else:
            out.append(html.escape(piece, quote=False))
    if inside:
        out.append("</mark>")
    return "".join(out)

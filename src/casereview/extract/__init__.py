"""Assisted coding: suggestions with evidence, assertion (negation, hedges, history,
hypotheticals) and subject (who a finding is about), resolved into one summary.

    >>> from casereview.extract import extract_text
    >>> extract_text("Child A was a 3-month-old boy. Mother had postnatal depression.").summary

Public API: `extract_text(text, pages=None)`, `extract_document(doc)`, `Extraction`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from casereview.extract import deferred as _deferred  # noqa: F401  (before medspaCy loads)
from casereview.extract.model import SUGGESTION_KEYS, Extraction, Suggestion


class _Page(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def start(self) -> int: ...


class _Document(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def pages(self) -> Sequence[_Page]: ...


def extract_text(text: str, pages: Sequence[Any] | None = None) -> Extraction:
    """Code a text. `pages`: objects with `.number` and `.start` (character offsets into
    `text`), or (number, start) pairs; without them every suggestion has page None."""
    from casereview.extract.findings import child_of, findings_of
    from casereview.extract.pipeline import BREAKS_KEY, pipeline
    from casereview.extract.resolve import resolve
    from casereview.extract.suggest import suggestions
    from casereview.extract.text import PageIndex, normalise

    norm = normalise(text)
    nlp = pipeline()
    doc = nlp.make_doc(norm.text)
    doc.user_data[BREAKS_KEY] = norm.breaks
    doc = nlp(doc)
    page_pairs = [
        (p[0], p[1]) if isinstance(p, (tuple, list)) else (p.number, p.start) for p in (pages or [])
    ]
    facts = child_of(doc)
    items = suggestions(findings_of(doc), facts, norm, PageIndex(page_pairs))
    resolved = resolve(items, facts)
    return Extraction(
        suggestions=items, summary={k: r.value for k, r in resolved.items()}, resolved=resolved
    )


def extract_document(doc: _Document) -> Extraction:
    """Code an ingested document (anything with `.text` and `.pages`)."""
    return extract_text(doc.text, list(doc.pages or []))


__all__ = ["SUGGESTION_KEYS", "Extraction", "Suggestion", "extract_document", "extract_text"]

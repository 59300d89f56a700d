"""Citations for readers: the reference documents by author and year, not by their ids.

Codebooks, reference figures and table sources cite documents by a short id ("001 Table
5", "002 Section 2.6.1"), which is how the project keeps them apart. A published report
cites them as "Cafcass (2017) Table 5", with a reference list giving the full titles.
Every codebook's `documents` say who published each id and when.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from casereview.codebook.model import Document

# A document id: three digits with a leading zero ("001 Table 5", "in 000 it was"), which no
# count or year is written as; only known ids are replaced.
_CITED = re.compile(r"(?<![\w.,/£$-])(0\d{2})(?![\w%]|[.,]\d)")


@lru_cache(maxsize=1)
def known_documents() -> Mapping[str, Document]:
    """Every document the installed codebooks cite, by id."""
    from casereview.codebook import default_registry

    registry = default_registry()
    docs: dict[str, Document] = {}
    for cid in registry.ids():
        for d in registry.get(cid).documents:
            docs.setdefault(d.id, d)
    return docs


def short(doc: Document) -> str:
    """'Cafcass (2017)'; the title when the publisher or year is not known."""
    if doc.publisher and doc.year:
        return f"{doc.publisher} ({doc.year})"
    return doc.title


def full(doc: Document) -> str:
    """A reference-list entry: 'Cafcass (2017). Learning from Cafcass submissions ...'."""
    if doc.publisher and doc.year:
        return f"{doc.publisher} ({doc.year}). {doc.title}."
    return f"{doc.title}."


def cite(text: str, documents: Mapping[str, Document] | None = None) -> str:
    """`text` with every cited document id replaced by its author and year."""
    docs = known_documents() if documents is None else documents

    def swap(m: re.Match[str]) -> str:
        doc = docs.get(m.group(1))
        return short(doc) if doc is not None else m.group(0)

    return _CITED.sub(swap, text)


def cited_ids(text: str) -> list[str]:
    """The document ids cited in `text`, known or not, in order of first citation."""
    return list(dict.fromkeys(m.group(1) for m in _CITED.finditer(text)))


def references(ids: set[str] | None = None) -> tuple[str, ...]:
    """The reference list (all known documents, or those named), in id order."""
    docs = known_documents()
    return tuple(full(docs[i]) for i in sorted(docs) if ids is None or i in ids)

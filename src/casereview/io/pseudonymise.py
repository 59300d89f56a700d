"""Pseudonymised exports: the case table and the review documents with people's names replaced.

One `Pseudonymiser` serves a whole export, so a name has one pseudonym in every document and
every row. Documents are read and written one at a time (memory grows with a document, not
with the register). The key (written form -> pseudonym) re-identifies everyone, so it is
written only to a file the user names; nothing else in the export refers to it.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import select

from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError, ConfigError
from casereview.io.atomic import atomic_path
from casereview.io.formula import neutralise
from casereview.io.pseudonyms import Pseudonymiser
from casereview.store.database import Store
from casereview.store.document_store import load_document
from casereview.store.documents import Document
from casereview.store.schema import Review

PAGE_BREAK = "\f"  # between pages in a document's text file, as pdftotext writes them
_NAME_LABEL = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}$")  # "Lily", not "Child A" or "1"


def pseudonymiser_from_env(variable: str | None) -> Pseudonymiser:
    """A pseudonymiser keyed by the secret in this environment variable, or by a fresh random
    secret (pseudonyms then match no other export)."""
    if variable is None:
        return Pseudonymiser()
    secret = os.environ.get(variable, "")
    if len(secret) < 16:
        raise ConfigError(
            f"environment variable {variable} must hold the pseudonym secret, 16 characters "
            f"or more ({'it is not set' if not secret else f'it has {len(secret)}'})"
        )
    return Pseudonymiser(secret.encode("utf-8"))


@dataclass(frozen=True)
class DocumentsExport:
    folder: str
    documents: int
    pages: int


def document_ids(store: Store, review: str | None = None, study: str | None = None) -> list[int]:
    q = select(Document.id).order_by(Document.review_id, Document.id)
    if review is not None:
        q = q.join(Review, Review.id == Document.review_id).where(Review.reference == review)
    if study is not None:
        from casereview.store.schema import Study, review_studies

        q = (
            q.join(review_studies, review_studies.c.review_id == Document.review_id)
            .join(Study, Study.id == review_studies.c.study_id)
            .where(Study.key == study)
        )
    with store.session() as s:
        return list(s.scalars(q))


def pseudonymised_documents(
    store: Store, p: Pseudonymiser, ids: list[int]
) -> Iterator[tuple[int, list[str]]]:
    """(document id, its pages' pseudonymised text), one document at a time; the whole
    document is learnt from before its first page is replaced."""
    for doc_id in ids:
        with store.session() as s:
            doc = load_document(s, doc_id)
        p.learn(doc.text)
        yield doc_id, [p.replace(page.text) for page in doc.pages]


def export_documents(
    store: Store, folder: Path | str, p: Pseudonymiser, *, review: str | None = None,
    study: str | None = None,
) -> DocumentsExport:
    """One text file per document, `document-<id>.txt`, pages separated by a form feed.
    File names carry no title or original file name: those may name people."""
    folder = Path(folder)
    ids = document_ids(store, review, study)
    if not ids:
        where = f" of review {review!r}" if review else f" in study {study!r}" if study else ""
        raise CaseReviewError(f"nothing to export: the register holds no documents{where}")
    pages = 0
    for doc_id, texts in pseudonymised_documents(store, p, ids):
        with atomic_path(folder / f"document-{doc_id}.txt") as tmp:
            tmp.write_text(PAGE_BREAK.join(texts), encoding="utf-8")
        pages += len(texts)
    return DocumentsExport(str(folder), len(ids), pages)


def learn_from_documents(store: Store, p: Pseudonymiser, study: str | None = None) -> None:
    """Learn the names the register's documents introduce (for a case table whose free text
    mentions them without saying who they are)."""
    for doc_id in document_ids(store, study=study):
        with store.session() as s:
            p.learn(load_document(s, doc_id).text)


def pseudonymise_frame(frame: pd.DataFrame, cb: Codebook, p: Pseudonymiser) -> pd.DataFrame:
    """The case table with names replaced in the review reference, the child's label and every
    free-text field of the codebook."""
    out = frame.copy()
    for label in out["child"].dropna().unique():
        if isinstance(label, str) and _NAME_LABEL.match(label):
            p.learn_name(label, "Child")
    text_columns = ["review_id", "child", *(f.id for f in cb.fields if f.type == "text" and f.id in out.columns)]
    for col in text_columns:
        for value in out[col].dropna().unique():
            if isinstance(value, str):
                p.learn(value)
    for col in text_columns:
        out[col] = out[col].map(lambda v: p.replace(v) if isinstance(v, str) else v)
    return out


def write_key(p: Pseudonymiser, path: Path | str) -> int:
    """The key, written form -> pseudonym, as CSV; returns the rows written."""
    rows = p.key()
    with atomic_path(Path(path)) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "pseudonym"])
        w.writerows([neutralise(real), neutralise(pseudonym)] for real, pseudonym in rows)
    return len(rows)

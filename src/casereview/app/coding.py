"""The coding screen: a review's suggestions grouped as the codebook groups them, the
decided ones, and a page of the document with each suggestion's evidence marked.
Decisions on them are in decisions.py."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from casereview.app.access import Actor, require
from casereview.app.labels import Labeller
from casereview.app.reviews import PageView, document_page
from casereview.store.database import Store
from casereview.store.independent import decided_by
from casereview.store.review_pages import DocumentRef, review_documents
from casereview.store.schema import Code, Review
from casereview.store.suggestions import CodeView, list_codes


@dataclass(frozen=True)
class Suggestion:
    code: CodeView
    version: int
    field_label: str
    value_label: str
    choices: list[tuple[str, str]]


@dataclass(frozen=True)
class CodingScreen:
    review: str
    groups: list[tuple[str, list[Suggestion]]]  # pending suggestions, as the codebook groups them
    decided: list[Suggestion]  # suggestions people accepted, edited or rejected
    documents: list[DocumentRef]
    page: PageView | None  # the page shown beside the form, evidence marked
    children: list[str] = field(default_factory=list)


def coding_screen(
    store: Store, actor: Actor, reference: str, *, document_id: int | None = None, page: int | None = None,
    keep: int | None = None,
) -> CodingScreen:
    """`keep`: a suggestion shown even though this person decided it (to show a conflict on it)."""
    require(actor, "read")
    label = Labeller()
    with store.session() as s:
        documents = review_documents(s, reference)
        # Blind: each person sees the suggestions they have not decided yet and their
        # own decisions, never another coder's (store/independent.py).
        codes = [c for c in list_codes(s, reference, None) if c.document_id is not None]
        review_id = s.scalar(select(Review.id).where(Review.reference == reference))
        done = decided_by(s, review_id, actor.name) if review_id is not None else set()
        codes = [
            c for c in codes
            if (c.coder == actor.name and c.status != "pending")
            or (c.status == "pending" and ((c.field_id, c.document_id, c.start) not in done or c.id == keep))
        ]
        versions = {c.id: v for c, v in ((c, s.get(Code, c.id)) for c in codes) if v is not None}
        children = sorted({c.child for c in codes if c.child})

    def item(c: CodeView) -> Suggestion:
        flabel, vlabel, _ = label(c.codebook, c.field_id, c.value)
        return Suggestion(c, versions[c.id].version, flabel, vlabel, label.choices(c.codebook, c.field_id))

    pending = [c for c in codes if c.status == "pending"]
    groups: dict[str, list[Suggestion]] = {}
    for c in pending:
        groups.setdefault(label(c.codebook, c.field_id, c.value)[2] or "Other", []).append(item(c))
    if document_id is None or page is None:
        first = pending[0] if pending else (codes[0] if codes else None)
        if first is not None and first.document_id is not None:
            document_id, page = first.document_id, first.page or 1
        elif documents:
            document_id, page = documents[0].id, 1
    view = None
    if document_id is not None and page is not None:
        spans = [
            (c.start, c.end, c.id)
            for c in codes
            if c.document_id == document_id and c.start is not None and c.end is not None
        ]
        view = document_page(store, actor, document_id, page, review=reference, highlights=spans)
    return CodingScreen(
        reference, list(groups.items()), [item(c) for c in codes if c.status != "pending"],
        documents, view, children,
    )

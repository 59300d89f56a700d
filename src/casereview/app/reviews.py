"""One review: its children, coded values with coder and evidence, documents and pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from casereview.app.access import Actor, require
from casereview.app.labels import Labeller
from casereview.errors import NotFoundError
from casereview.store.database import Store
from casereview.store.review_pages import DocumentRef, page_text, review_documents
from casereview.store.reviews import get_review
from casereview.store.suggestions import CodeView, list_codes


@dataclass(frozen=True)
class LabelledCode:
    code: CodeView
    field_label: str
    value_label: str
    group: str | None


@dataclass(frozen=True)
class ReviewPage:
    reference: str
    title: str | None
    year: int | None
    region: str | None
    studies: list[str]
    children: list[str]
    codes: list[LabelledCode]  # people's codes and consensus values (blind: see visible_codes)
    pending: int
    documents: list[DocumentRef] = field(default_factory=list)


@dataclass(frozen=True)
class Segment:
    text: str
    code_id: int | None = None  # the code whose evidence this is, if any


@dataclass(frozen=True)
class PageView:
    document_id: int
    review: str | None
    number: int
    page_count: int
    segments: list[Segment]


def review_page(store: Store, actor: Actor, reference: str) -> ReviewPage:
    require(actor, "read")
    label = Labeller()
    with store.session() as s:
        detail = get_review(s, reference)
        codes = list_codes(s, reference, None)
        documents = review_documents(s, reference)
    final = visible_codes(actor, codes)
    return ReviewPage(
        detail.reference, detail.title, detail.year, detail.region, detail.studies, detail.children,
        [LabelledCode(c, *label(c.codebook, c.field_id, c.value)) for c in final],
        sum(c.status == "pending" for c in codes),
        documents,
    )


def visible_codes(actor: Actor, codes: list[CodeView]) -> list[CodeView]:
    """The people's codes this person may see. Blind coding: a coder sees their own codes
    and agreed (consensus) values, never another coder's value while it is undecided;
    viewers and admins, who do not code blind, see every coder's value."""
    people = [c for c in codes if c.status in ("final", "consensus")]
    if actor.role != "coder":
        return people
    return [c for c in people if c.status == "consensus" or c.coder == actor.name]


def document_page(
    store: Store,
    actor: Actor,
    document_id: int,
    number: int,
    *,
    review: str | None = None,
    highlights: list[tuple[int, int, int]] = (),  # type: ignore[assignment]
) -> PageView:
    """A page's text cut into segments, with each (start, end, code id) span marked.
    With `review`, the document must belong to it (an id from elsewhere is not found)."""
    require(actor, "read")
    with store.session() as s:
        page = page_text(s, document_id, number)
    if review is not None and page.review != review:
        raise NotFoundError(f"review {review} has no document {document_id}")
    return PageView(document_id, page.review, number, page.page_count, _segments(page.text, page.start, highlights))


def _segments(text: str, offset: int, spans: list[tuple[int, int, int]]) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for start, end, code_id in sorted(spans):
        a, b = max(start - offset, pos), min(end - offset, len(text))
        if b <= a:
            continue  # outside this page, or inside a span already marked
        out.append(Segment(text[pos:a]))
        out.append(Segment(text[a:b], code_id))
        pos = b
    out.append(Segment(text[pos:]))
    return [seg for seg in out if seg.text]

"""Machine suggestions as pending codes, and a person's decision on each.

`casereview code` stores what the extractor proposes as codes with status "pending" and
coder "casereview-assist", each with its evidence (document, page, span, sentence), who it
is about and its assertion. Nothing becomes a final code without a person:
- accept: the pending code becomes final, coded by that person, with its evidence kept;
- edit: the same with another value (checked against the codebook);
- reject: the code is kept as "rejected" (so a later run does not propose it again).
A person holds one value per field: accepting or editing replaces that person's earlier
final code for the same review, child and field. Re-running the extractor replaces the
review's pending suggestions and never touches final or rejected codes.
These functions take a Session so that the CLI and the web app share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session

from casereview.codebook import default_registry
from casereview.codebook.values import FieldValidator
from casereview.errors import CaseReviewError, NotFoundError
from casereview.store.schema import Child, Code, Review, utcnow

ASSIST_CODER = "casereview-assist"


@dataclass(frozen=True)
class NewSuggestion:
    field_id: str
    value: str | None
    document_id: int | None
    evidence: str | None
    page: int | None
    start: int | None
    end: int | None
    subject: str | None
    assertion: str | None
    confidence: float | None


@dataclass(frozen=True)
class CodeView:
    id: int
    review: str
    child: str | None
    codebook: str
    field_id: str
    value: str | None
    status: str
    coder: str
    document_id: int | None
    evidence: str | None
    page: int | None
    start: int | None
    end: int | None
    subject: str | None
    assertion: str | None
    confidence: float | None


def replace_pending(
    session: Session,
    review: Review,
    codebook_id: str,
    codebook_version: str,
    suggestions: Iterable[NewSuggestion],
) -> tuple[int, int, int]:
    """Replace the review's pending suggestions for this codebook; (added, removed, skipped).

    A suggestion is skipped when a person already decided on it: a rejected or final code
    (accepted or edited) of the same field drawn from the same evidence span. A suggestion
    still pending beside such codes was decided by coders independently (independent.py)
    and stays open to the others, so it is proposed again."""
    still_open = {
        (f, d, st)
        for f, d, st in session.execute(
            select(Code.field_id, Code.document_id, Code.span_start).where(
                Code.review_id == review.id, Code.codebook_id == codebook_id, Code.status == "pending"
            )
        )
    }
    deleted = session.execute(
        delete(Code).where(
            Code.review_id == review.id,
            Code.codebook_id == codebook_id,
            Code.status == "pending",
        )
    )
    removed = cast(CursorResult[Any], deleted).rowcount
    decided = {
        (c.field_id, c.document_id, c.span_start)
        for c in session.scalars(
            select(Code).where(
                Code.review_id == review.id,
                Code.codebook_id == codebook_id,
                Code.status.in_(("final", "rejected")),
                Code.document_id.is_not(None),
            )
        )
    } - still_open
    cb = default_registry().get(codebook_id, codebook_version)
    only_child = _only_child(session, review)
    now = utcnow()
    added = skipped = 0
    for sg in suggestions:
        if (sg.field_id, sg.document_id, sg.start) in decided:
            skipped += 1
            continue
        level = cb.field(sg.field_id).level
        session.add(
            Code(
                review_id=review.id,
                child_id=only_child.id if level == "child" and only_child else None,
                codebook_id=codebook_id,
                codebook_version=codebook_version,
                field_id=sg.field_id,
                value=sg.value,
                coder=ASSIST_CODER,
                coded_at=now,
                status="pending",
                document_id=sg.document_id,
                evidence=sg.evidence,
                page=sg.page,
                span_start=sg.start,
                span_end=sg.end,
                subject=sg.subject,
                assertion=sg.assertion,
                confidence=sg.confidence,
            )
        )
        added += 1
    session.flush()
    return added, removed or 0, skipped


def list_codes(session: Session, reference: str, status: str | None = "pending") -> list[CodeView]:
    """The review's codes. Pending ones are a review queue: most confident first (the
    extractor's calibrated confidence), so a coder can confirm the sure ones quickly and
    spend time on the doubtful ones at the end; other lists keep the order they were made."""
    review = _review(session, reference)
    q = select(Code).where(Code.review_id == review.id)
    if status is not None:
        q = q.where(Code.status == status)
    labels = {
        cid: label
        for cid, label in session.execute(
            select(Child.id, Child.label).where(Child.review_id == review.id)
        )
    }
    order = (Code.confidence.desc().nulls_last(), Code.id) if status == "pending" else (Code.id,)
    return [_view(c, review.reference, labels) for c in session.scalars(q.order_by(*order))]


def accept_code(
    session: Session, code_id: int, coder: str, *, child: str | None = None
) -> CodeView:
    """A person accepts a pending suggestion as it stands."""
    code = _pending(session, code_id)
    return _finalise(session, code, code.value, coder, child)


def edit_code(
    session: Session, code_id: int, value: str, coder: str, *, child: str | None = None
) -> CodeView:
    """A person corrects a pending suggestion's value (an id, label or numeric code)."""
    code = _pending(session, code_id)
    cb = default_registry().get(code.codebook_id, code.codebook_version)
    canonical = FieldValidator(cb, cb.field(code.field_id))(value)
    return _finalise(session, code, canonical, coder, child)


def reject_code(session: Session, code_id: int, coder: str) -> CodeView:
    """A person rejects a pending suggestion; it stays on record as rejected."""
    code = _pending(session, code_id)
    code.status, code.coder, code.coded_at = "rejected", _person(coder), utcnow()
    session.flush()
    return _view(code, code_review_reference(session, code), {})


def code_review_reference(session: Session, code: Code) -> str:
    return session.scalar(select(Review.reference).where(Review.id == code.review_id)) or ""


def _finalise(
    session: Session, code: Code, value: str | None, coder: str, child: str | None
) -> CodeView:
    person = _person(coder)
    cb = default_registry().get(code.codebook_id, code.codebook_version)
    field = cb.field(code.field_id)
    review = session.get(Review, code.review_id)
    assert review is not None
    child_row = None
    if field.level == "child":
        child_row = _resolve_child(session, review, code, child)
        code.child_id = child_row.id
    elif child is not None:
        raise CaseReviewError(f"field {field.id!r} is coded once per review: leave out --child")
    session.execute(
        delete(Code).where(
            Code.review_id == code.review_id,
            Code.child_id.is_(None) if code.child_id is None else Code.child_id == code.child_id,
            Code.codebook_id == code.codebook_id,
            Code.field_id == code.field_id,
            Code.coder == person,
            Code.status == "final",
            Code.id != code.id,
        )
    )
    code.value, code.status, code.coder, code.coded_at = value, "final", person, utcnow()
    session.flush()
    labels = {child_row.id: child_row.label} if child_row is not None else {}
    return _view(code, review.reference, labels)


def _resolve_child(session: Session, review: Review, code: Code, label: str | None) -> Child:
    children = list(
        session.scalars(select(Child).where(Child.review_id == review.id).order_by(Child.id))
    )
    if label is not None:
        for c in children:
            if c.label == label:
                return c
        known = ", ".join(c.label for c in children) or "none yet"
        raise NotFoundError(f"review {review.reference} has no child {label!r}; children: {known}")
    if code.child_id is not None:
        return next(c for c in children if c.id == code.child_id)
    if len(children) == 1:
        return children[0]
    if not children:  # a review concerns at least one child: the first gets label "1"
        child = Child(review_id=review.id, label="1")
        session.add(child)
        session.flush()
        return child
    raise CaseReviewError(
        f"field {code.field_id!r} is coded per child and review {review.reference} has "
        f"{len(children)} children ({', '.join(c.label for c in children)}): say which with --child"
    )


def _pending(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise NotFoundError(f"no code with id {code_id}")
    if code.status != "pending":
        raise CaseReviewError(
            f"code {code_id} is {code.status}, not pending: only pending suggestions can be "
            "accepted, edited or rejected"
        )
    return code


def _person(coder: str) -> str:
    name = (coder or "").strip()
    if not name or name == ASSIST_CODER:
        raise CaseReviewError(f"a decision needs the name of the person making it, not {coder!r}")
    return name[:100]


def _only_child(session: Session, review: Review) -> Child | None:
    children = session.scalars(select(Child).where(Child.review_id == review.id)).all()
    return children[0] if len(children) == 1 else None


def _review(session: Session, reference: str) -> Review:
    review = session.scalar(select(Review).where(Review.reference == reference))
    if review is None:
        raise NotFoundError(f"no review with reference {reference!r}")
    return review


def _view(c: Code, reference: str, child_labels: dict[int, str]) -> CodeView:
    return CodeView(
        id=c.id,
        review=reference,
        child=child_labels.get(c.child_id) if c.child_id else None,
        codebook=f"{c.codebook_id}@{c.codebook_version}",
        field_id=c.field_id,
        value=c.value,
        status=c.status,
        coder=c.coder,
        document_id=c.document_id,
        evidence=c.evidence,
        page=c.page,
        start=c.span_start,
        end=c.span_end,
        subject=c.subject,
        assertion=c.assertion,
        confidence=c.confidence,
    )

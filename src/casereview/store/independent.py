"""Independent coding by several coders, and the consensus they reach.

A coder's decision on a suggestion is that coder's own code: accepting, editing or
rejecting copies the suggestion (its evidence kept) into a code of theirs and leaves the
suggestion pending for the other coders. Each coder still holds one value per field
(suggestions.py). When the coders of a field have compared their values, one consensus
code records the agreed value and who agreed it; analysis then uses it before any
coder's own value, while agreement statistics keep counting the coders' own values.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from casereview.codebook import default_registry
from casereview.codebook.values import FieldValidator
from casereview.errors import CaseReviewError, NotFoundError
from casereview.store.schema import Child, Code, utcnow
from casereview.store.suggestions import (
    ASSIST_CODER,
    CodeView,
    _finalise,
    _pending,
    _person,
    _review,
    _view,
    code_review_reference,
)

DecisionKey = tuple[str, int | None, int | None]  # field, document, evidence start


def coder_decides(
    session: Session, code_id: int, coder: str, action: str, *,
    value: str | None = None, child: str | None = None,
) -> CodeView:
    """This coder's own code from a pending suggestion, which stays pending for others."""
    suggestion = _pending(session, code_id)
    person = _person(coder)
    own = Code(
        review_id=suggestion.review_id, child_id=suggestion.child_id,
        codebook_id=suggestion.codebook_id, codebook_version=suggestion.codebook_version,
        field_id=suggestion.field_id, value=suggestion.value, coder=person, coded_at=utcnow(),
        status="rejected" if action == "reject" else "final",
        document_id=suggestion.document_id, evidence=suggestion.evidence, page=suggestion.page,
        span_start=suggestion.span_start, span_end=suggestion.span_end,
        subject=suggestion.subject, assertion=suggestion.assertion,
        confidence=suggestion.confidence,
    )
    if action == "reject":  # one rejection of a suggestion per coder
        session.execute(
            delete(Code).where(*_same_evidence(suggestion), Code.coder == person, Code.status == "rejected")
        )
        session.add(own)
        session.flush()
        return _view(own, code_review_reference(session, own), {})
    if action == "edit":
        cb = default_registry().get(suggestion.codebook_id, suggestion.codebook_version)
        value = FieldValidator(cb, cb.field(suggestion.field_id))(value or "")
    else:
        value = suggestion.value
    session.add(own)
    session.flush()
    return _finalise(session, own, value, person, child)


def decided_by(session: Session, review_id: int, coder: str) -> set[DecisionKey]:
    """The suggestions (field, document, evidence start) this coder already decided."""
    return {
        (f, d, s)
        for f, d, s in session.execute(
            select(Code.field_id, Code.document_id, Code.span_start).where(
                Code.review_id == review_id, Code.coder == coder,
                Code.status.in_(("final", "rejected")), Code.document_id.is_not(None),
            )
        )
    }


def own_decision(session: Session, suggestion: Code, coder: str) -> Code | None:
    """This coder's decision on the suggestion, if they made one."""
    return session.scalar(
        select(Code).where(
            *_same_evidence(suggestion), Code.coder == coder, Code.status.in_(("final", "rejected"))
        ).order_by(Code.id.desc()).limit(1)
    )


def _same_evidence(c: Code) -> tuple[ColumnElement[bool], ...]:
    return (
        Code.review_id == c.review_id, Code.field_id == c.field_id,
        Code.document_id == c.document_id,
        Code.span_start.is_(None) if c.span_start is None else Code.span_start == c.span_start,
    )


@dataclass(frozen=True)
class FieldValues:
    """One field of a review (and child): each coder's value and any consensus."""

    codebook: str  # id@version
    field_id: str
    child: str | None
    values: dict[str, str | None]  # coder -> value
    consensus: str | None
    agreed_by: list[str]

    @property
    def agree(self) -> bool | None:
        """None until two or more coders coded it."""
        if len(self.values) < 2:
            return None
        return len(set(self.values.values())) == 1


def field_values(session: Session, reference: str) -> list[FieldValues]:
    """Every field people coded in this review, with each coder's newest value."""
    review = _review(session, reference)
    labels = {
        i: label
        for i, label in session.execute(select(Child.id, Child.label).where(Child.review_id == review.id))
    }
    rows = session.scalars(
        select(Code)
        .where(
            Code.review_id == review.id,
            Code.status.in_(("final", "consensus")),
            Code.coder != ASSIST_CODER,
        )
        .order_by(Code.id)
    )
    values: dict[tuple[str, str, str], dict[str, str | None]] = {}
    agreed: dict[tuple[str, str, str], Code] = {}
    for c in rows:
        child = labels.get(c.child_id, "") if c.child_id else ""
        key = (f"{c.codebook_id}@{c.codebook_version}", c.field_id, child)
        if c.status == "consensus":
            agreed[key] = c
        else:
            values.setdefault(key, {})[c.coder] = c.value
    out = []
    for key in sorted(values.keys() | agreed.keys()):
        cb, field_id, child = key
        a = agreed.get(key)
        out.append(
            FieldValues(
                cb, field_id, child or None, dict(sorted(values.get(key, {}).items())),
                a.value if a else None, (a.agreed_by or "").split(",") if a else [],
            )
        )
    return out


def record_consensus(
    session: Session, reference: str, codebook: str, field_id: str, value: str,
    recorder: str, agreed_by: list[str], *, child: str | None = None,
) -> CodeView:
    """The agreed value of one field (replacing an earlier consensus on it)."""
    review = _review(session, reference)
    cb_id, _, version = codebook.partition("@")
    coded = session.scalars(
        select(Code).where(
            Code.review_id == review.id, Code.codebook_id == cb_id, Code.field_id == field_id,
            Code.status == "final", Code.coder != ASSIST_CODER,
        )
    ).all()
    child_row = None
    if child is not None:
        child_row = session.scalar(select(Child).where(Child.review_id == review.id, Child.label == child))
        if child_row is None:
            raise NotFoundError(f"review {reference} has no child {child!r}")
    coded = [c for c in coded if c.child_id == (child_row.id if child_row else None)]
    if not coded:
        where = f" for child {child}" if child else ""
        raise NotFoundError(f"no coder has coded {field_id!r}{where} in review {reference}: nothing to agree on")
    version = version or coded[-1].codebook_version
    cb = default_registry().get(cb_id, version)
    canonical = FieldValidator(cb, cb.field(field_id))(value)
    names = sorted({_person(n) for n in agreed_by if n.strip()})
    if not names:
        raise CaseReviewError("a consensus needs the names of the people who agreed it")
    session.execute(
        delete(Code).where(
            Code.review_id == review.id, Code.codebook_id == cb_id, Code.field_id == field_id,
            Code.child_id.is_(None) if child_row is None else Code.child_id == child_row.id,
            Code.status == "consensus",
        )
    )
    code = Code(
        review_id=review.id, child_id=child_row.id if child_row else None, codebook_id=cb_id,
        codebook_version=version, field_id=field_id, value=canonical, coder=_person(recorder),
        coded_at=utcnow(), status="consensus", agreed_by=",".join(names),
    )
    session.add(code)
    session.flush()
    return _view(code, reference, {child_row.id: child_row.label} if child_row else {})

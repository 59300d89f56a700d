"""The coding screen's use cases: a review's suggestions with their evidence, and a
person's decision on one of them (accept, edit, reject) with optimistic locking and audit."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from casereview.app.access import Actor, require
from casereview.app.audit import record
from casereview.app.labels import Labeller
from casereview.app.reviews import PageView, document_page
from casereview.errors import CaseReviewError, ConflictError, NotFoundError
from casereview.store.accounts import AuditEntry
from casereview.store.database import Store
from casereview.store.review_pages import DocumentRef, review_documents
from casereview.store.schema import Child, Code
from casereview.store.suggestions import (
    CodeView,
    accept_code,
    code_review_reference,
    edit_code,
    list_codes,
    reject_code,
)

ACTIONS = ("accept", "edit", "reject")


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
    store: Store, actor: Actor, reference: str, *, document_id: int | None = None, page: int | None = None
) -> CodingScreen:
    require(actor, "read")
    label = Labeller()
    with store.session() as s:
        documents = review_documents(s, reference)
        codes = [c for c in list_codes(s, reference, None) if c.document_id is not None]
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


def _snapshot(code: Code, child: str | None) -> dict[str, object]:
    return {"status": code.status, "value": code.value, "coder": code.coder, "child": child}


def decide(
    store: Store,
    actor: Actor,
    reference: str,
    code_id: int,
    action: str,
    *,
    version: int,
    value: str | None = None,
    child: str | None = None,
) -> CodeView:
    """Accept, edit or reject one pending suggestion of this review, as read at `version`.

    A code of another review is not found here, whatever its id. When someone saved the code
    since it was read, nothing is written and ConflictError lists what changed."""
    require(actor, "code")
    if action not in ACTIONS:
        raise CaseReviewError(f"unknown decision {action!r}; use one of {', '.join(ACTIONS)}")
    if action == "edit" and not (value or "").strip():
        raise CaseReviewError("an edit needs the value to record")
    try:
        with store.session() as s:
            code = s.get(Code, code_id)
            if code is None or code_review_reference(s, code) != reference:
                raise NotFoundError(f"review {reference} has no code {code_id}")
            child_row = s.get(Child, code.child_id) if code.child_id else None
            before = _snapshot(code, child_row.label if child_row else None)
            if code.version != version:
                seen = _as_read(s, code_id, version)
                raise ConflictError(
                    f"code {code_id} ({code.field_id}) was changed by {code.coder} since you "
                    "opened it; nothing was saved. Reload to see it and decide again.",
                    changes=[(k, seen.get(k), v) for k, v in before.items() if seen.get(k) != v],
                )
            if action == "accept":
                view = accept_code(s, code_id, actor.name, child=child)
            elif action == "edit":
                view = edit_code(s, code_id, (value or "").strip(), actor.name, child=child)
            else:
                view = reject_code(s, code_id, actor.name)
            after = asdict(view) | {"version": code.version}
            record(s, actor, action, "code", code_id, review=reference, before=before, after=after)
            return view
    except StaleDataError:  # someone saved between our read and our write
        raise ConflictError(
            f"code {code_id} was saved by someone else at the same moment; nothing was saved. "
            "Reload and decide again.",
            changes=[],
        ) from None


def _as_read(s: Session, code_id: int, version: int) -> dict[str, object]:
    """The code as it stood at `version`: the `before` of the first audited change that
    took it past that version (empty when the trail does not reach back that far)."""
    for before, after in s.execute(
        select(AuditEntry.before, AuditEntry.after)
        .where(AuditEntry.entity == "code", AuditEntry.entity_id == str(code_id))
        .order_by(AuditEntry.id)
    ):
        if after and json.loads(after).get("version", 0) > version:
            return json.loads(before) if before else {}
    return {}

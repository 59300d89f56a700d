"""A person's decision on a suggestion (accept, edit, reject): role checked, optimistic
locking against a save made since the code was read, and one audit row per code.

On the screen and API (`decide`) each coder's decision is their own code and the
suggestion stays open to the other coders (independent coding, store/independent.py);
the command line's `decide_codes` turns the suggestion itself into the owner's code."""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from casereview.app.access import Actor, require
from casereview.app.audit import record
from casereview.errors import CaseReviewError, ConflictError, NotFoundError
from casereview.store.accounts import AuditEntry
from casereview.store.database import Store
from casereview.store.independent import coder_decides, own_decision
from casereview.store.schema import Child, Code
from casereview.store.suggestions import (
    CodeView,
    accept_code,
    code_review_reference,
    edit_code,
    reject_code,
)

ACTIONS = ("accept", "edit", "reject")


def _check(action: str, value: str | None) -> None:
    if action not in ACTIONS:
        raise CaseReviewError(f"unknown decision {action!r}; use one of {', '.join(ACTIONS)}")
    if action == "edit" and not (value or "").strip():
        raise CaseReviewError("an edit needs the value to record")


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
    _check(action, value)
    try:
        with store.session(write=True) as s:
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
            mine = own_decision(s, code, actor.name)
            if mine is not None:  # this person decided it since (another window, a double click)
                now = {"status": mine.status, "value": mine.value, "coder": mine.coder}
                raise ConflictError(
                    f"you already decided code {code_id} ({code.field_id}) since you opened it; "
                    "nothing was saved. Reload to see your decision.",
                    changes=[(k, before.get(k), v) for k, v in now.items() if before.get(k) != v],
                )
            view = coder_decides(s, code.id, actor.name, action, value=value, child=child)
            after = asdict(view) | {"suggestion": code.id}
            record(s, actor, action, "code", view.id, review=reference, before=before, after=after)
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


def _apply(
    s: Session, actor: Actor, code: Code, before: dict[str, object], reference: str,
    action: str, value: str | None, child: str | None,
) -> CodeView:
    if action == "accept":
        view = accept_code(s, code.id, actor.name, child=child)
    elif action == "edit":
        view = edit_code(s, code.id, (value or "").strip(), actor.name, child=child)
    else:
        view = reject_code(s, code.id, actor.name)
    after = asdict(view) | {"version": code.version}
    record(s, actor, action, "code", code.id, review=reference, before=before, after=after)
    return view


def decide_codes(
    store: Store,
    actor: Actor,
    code_ids: list[int],
    action: str,
    *,
    value: str | None = None,
    child: str | None = None,
) -> list[CodeView]:
    """The command line's decision on codes as they stand now: all of them or none."""
    require(actor, "code")
    _check(action, value)
    with store.session(write=True) as s:
        done = []
        for code_id in code_ids:
            code = s.get(Code, code_id)
            if code is None:
                raise NotFoundError(f"no code with id {code_id}")
            child_row = s.get(Child, code.child_id) if code.child_id else None
            before = _snapshot(code, child_row.label if child_row else None)
            reference = code_review_reference(s, code)
            done.append(_apply(s, actor, code, before, reference, action, value, child))
        return done

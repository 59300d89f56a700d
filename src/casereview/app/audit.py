"""The audit trail: one row per change, written in the change's own transaction."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casereview.app.access import Actor, require
from casereview.store.accounts import AuditEntry
from casereview.store.database import Store


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    return json.dumps(value, default=str, sort_keys=True)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object,
    *,
    review: str | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    session.add(
        AuditEntry(
            actor=actor.name,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            review=review,
            before=_json(before),
            after=_json(after),
        )
    )


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    review: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class AuditPage:
    total: int
    page: int
    per_page: int
    rows: list[AuditRow]


def audit_trail(
    store: Store,
    actor: Actor,
    *,
    review: str | None = None,
    actor_name: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> AuditPage:
    """Newest first, optionally for one review or one person."""
    require(actor, "read_audit")
    q = select(AuditEntry)
    if review:
        q = q.where(AuditEntry.review == review)
    if actor_name:
        q = q.where(AuditEntry.actor == actor_name)
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.scalars(
            q.order_by(AuditEntry.id.desc()).limit(per_page).offset((page - 1) * per_page)
        ).all()
        return AuditPage(
            total,
            page,
            per_page,
            [
                AuditRow(
                    r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.review,
                    json.loads(r.before) if r.before else None,
                    json.loads(r.after) if r.after else None,
                )
                for r in rows
            ],
        )

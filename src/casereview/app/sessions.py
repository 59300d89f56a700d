"""Web sign-in sessions kept in the register: random token in the cookie, its hash here."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select

from casereview.app.access import Actor
from casereview.store.accounts import User, WebSession
from casereview.store.database import Store
from casereview.store.schema import utcnow


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    csrf_token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(store: Store, actor: Actor, hours: float) -> tuple[str, str]:
    """A fresh (token, csrf token): a new id at every sign-in, never one the browser sent."""
    assert actor.user_id is not None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    with store.session(write=True) as s:
        s.execute(delete(WebSession).where(WebSession.expires_at < now))
        s.add(
            WebSession(
                token_hash=_hash(token),
                user_id=actor.user_id,
                csrf_token=csrf,
                created_at=now,
                expires_at=now + dt.timedelta(hours=hours),
            )
        )
    return token, csrf


def session_user(store: Store, token: str) -> SignedIn | None:
    """Who holds this token, if the session is live and the account still active."""
    with store.session() as s:
        row = s.execute(
            select(WebSession, User)
            .join(User, User.id == WebSession.user_id)
            .where(WebSession.token_hash == _hash(token))
        ).first()
        if row is None:
            return None
        ws, user = row
        if ws.expires_at < utcnow() or not user.active:
            return None
        return SignedIn(Actor(user.name, user.role, user.id), ws.csrf_token)


def end_session(store: Store, token: str) -> None:
    with store.session(write=True) as s:
        s.execute(delete(WebSession).where(WebSession.token_hash == _hash(token)))

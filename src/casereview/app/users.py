"""Accounts: create, list, change role or access, and check a password (argon2id)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from casereview.app.access import Actor, require
from casereview.app.audit import record
from casereview.errors import AuthenticationError, CaseReviewError, NotFoundError
from casereview.store.accounts import ROLES, User
from casereview.store.database import Store

# argon2-cffi's defaults are RFC 9106's second recommended (low-memory) argon2id profile.
_HASHER = PasswordHasher()
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
MIN_PASSWORD = 10
# Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


@dataclass(frozen=True)
class UserView:
    id: int
    name: str
    role: str
    active: bool
    created_at: dt.datetime


def _view(u: User) -> UserView:
    return UserView(u.id, u.name, u.role, u.active, u.created_at)


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise CaseReviewError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
    return role


def create_user(store: Store, actor: Actor, name: str, role: str, password: str) -> UserView:
    require(actor, "manage_users")
    if not _NAME.match(name):
        raise CaseReviewError(
            f"user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    _check_role(role)
    if len(password) < MIN_PASSWORD:
        raise CaseReviewError(f"the password needs at least {MIN_PASSWORD} characters")
    with store.session(write=True) as s:
        if s.scalar(select(User.id).where(User.name == name)) is not None:
            raise CaseReviewError(f"there is already a user {name!r}")
        user = User(name=name, role=role, password_hash=_HASHER.hash(password), active=True)
        s.add(user)
        s.flush()
        view = _view(user)
        record(s, actor, "create", "user", user.id, after={"name": name, "role": role})
    return view


def list_users(store: Store, actor: Actor) -> list[UserView]:
    require(actor, "manage_users")
    with store.session() as s:
        return [_view(u) for u in s.scalars(select(User).order_by(User.name))]


def update_user(
    store: Store, actor: Actor, user_id: int, *, role: str | None = None, active: bool | None = None
) -> UserView:
    """Change a user's role or switch their access off/on (accounts are never deleted,
    so the audit trail keeps naming real people)."""
    require(actor, "manage_users")
    with store.session(write=True) as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError(f"no user with id {user_id}")
        if user.id == actor.user_id and (active is False or (role and role != "admin")):
            raise CaseReviewError("you cannot lock yourself out: ask another admin")
        before = {"role": user.role, "active": user.active}
        if role is not None:
            user.role = _check_role(role)
        if active is not None:
            user.active = active
        s.flush()
        after = {"role": user.role, "active": user.active}
        if after != before:
            record(s, actor, "update", "user", user.id, before=before, after=after)
        return _view(user)


def authenticate(store: Store, name: str, password: str) -> Actor:
    """The actor for this name and password; the same message whatever was wrong."""
    with store.session() as s:
        user = s.scalar(select(User).where(User.name == name))
        stored = user.password_hash if user is not None else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password)
            ok = user is not None and user.active
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or user is None:
            raise AuthenticationError("wrong user name or password (or the account is switched off)")
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = _HASHER.hash(password)
        return Actor(user.name, user.role, user.id)

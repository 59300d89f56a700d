"""Who is acting, and what their role allows. Checked here, on the server, for every face."""

from __future__ import annotations

from dataclasses import dataclass

from casereview.errors import PermissionDenied
from casereview.store.accounts import ROLES

# What each role may do; a role may do everything the roles before it in ROLES may.
# Pseudonymised exports are admin only: even pseudonymised, review text may identify people.
ACTIONS = {
    "read": "viewer", "code": "coder", "manage_users": "admin", "read_audit": "admin",
    "export_pseudonymised": "admin",
}


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    user_id: int | None = None  # None for the command line run by the register's owner

    def can(self, action: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(ACTIONS[action])


def require(actor: Actor, action: str) -> None:
    if not actor.can(action):
        raise PermissionDenied(
            f"{actor.name} is a {actor.role}; to {action.replace('_', ' ')} you need the "
            f"{ACTIONS[action]} role or higher"
        )


def cli_actor(name: str) -> Actor:
    """The person at the command line owns the register file (or its database login)."""
    return Actor(name=name, role="admin")

"""Who is acting, and what their role allows. Checked here, on the server, for every face."""

from __future__ import annotations

from dataclasses import dataclass

from casereview.errors import PermissionDenied
from casereview.store.accounts import ROLES

# What each role may do; a role may do everything the roles before it in ROLES may.
ACTIONS = {
    "read": "viewer",
    "code": "coder",
    # Comparing coders' values and recording their consensus is coding work: a viewer
    # reads the agreed (or single) values on the review page, not the coders' drafts.
    "compare": "coder",
    "manage_users": "admin",
    "read_audit": "admin",
    # Pseudonymised exports are admin only: even pseudonymised, review text may identify people.
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

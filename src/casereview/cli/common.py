"""Helpers shared by the command modules: the console, opening the register, options."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from casereview.store.database import Store

console = Console()
notices = Console(stderr=True)

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--database",
        "-d",
        help="Database URL (default: CASEREVIEW_DATABASE_URL or sqlite:///casereview.db)",
        envvar="CASEREVIEW_DATABASE_URL",
        show_envvar=False,
    ),
]


def open_store(url: str | None, *, write: bool = False) -> Store:
    """The register for a command. Reading commands (`write=False`) work on a read-only
    register and never create one; a command that creates one says where it is."""
    store = Store.open(url, write=write)
    if store.created:
        notices.print(f"Created a new case register at {escape(store.location)}")
    return store

"""Helpers shared by the command modules: the console, opening the register, options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:  # SQLAlchemy is imported by the commands that open the register only
    from casereview.store.database import Store

console = Console()

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


def open_store(url: str | None) -> Store:
    from casereview.store.database import Store

    return Store.open(url)

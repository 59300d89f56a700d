"""Helpers shared by the command modules: the console, opening the register, options."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

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
    return Store.open(url)

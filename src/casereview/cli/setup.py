"""`casereview init`: create (or upgrade) the case register."""

from __future__ import annotations

import typer
from rich.markup import escape

from casereview.cli.common import DatabaseOption, console, open_store


def register(app: typer.Typer) -> None:
    @app.command()
    def init(database: DatabaseOption = None) -> None:
        """Create the case register (or bring an existing one up to date)."""
        store = open_store(database, write=True)
        console.print(f"Case register ready: {escape(store.location)}")

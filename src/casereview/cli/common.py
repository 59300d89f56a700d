"""Helpers shared by the command modules: the console, opening the register, options."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table as RichTable
from rich.text import Text

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported when a command opens it, not at start
    from casereview.store.database import Store

console = Console()
notices = Console(stderr=True)


class Table(RichTable):
    """A Rich table for stored text: string cells and headers are shown exactly as they are
    (never read as Rich markup, so `[/bold]` in a study name prints as written) and long
    values fold onto more lines instead of being cut off with an ellipsis."""

    def __init__(self, *headers: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        for header in headers:
            self.add_column(header)

    def add_column(self, header: RenderableType = "", **kwargs: object) -> None:  # type: ignore[override]
        kwargs.setdefault("overflow", "fold")
        super().add_column(Text(header) if isinstance(header, str) else header, **kwargs)  # type: ignore[arg-type]

    def add_row(self, *cells: RenderableType | None, **kwargs: object) -> None:  # type: ignore[override]
        super().add_row(*(Text(c) if isinstance(c, str) else c for c in cells), **kwargs)  # type: ignore[arg-type]

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
    from casereview.store.database import Store

    store = Store.open(url, write=write)
    if store.created:
        notices.print(f"Created a new case register at {escape(store.location)}")
    return store

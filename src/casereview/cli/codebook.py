"""`casereview codebook list|show`: the coding frameworks this installation knows."""

from __future__ import annotations

import typer
from rich.table import Table

from casereview.cli.common import console


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="List and show codebooks (coding frameworks as data).", no_args_is_help=True)
    app.add_typer(group, name="codebook")

    @group.command("list")
    def list_codebooks() -> None:
        """List every codebook and version."""
        from casereview.codebook import default_registry

        table = Table("codebook", "version", "fields", "title")
        for cb in default_registry().all():
            table.add_row(cb.id, cb.version, str(len(cb.fields)), cb.title)
        console.print(table)

    @group.command("show")
    def show(
        name: str = typer.Argument(help="Codebook id, optionally with @version (e.g. cafcass-scr@2014)"),
        field: str | None = typer.Option(None, "--field", "-f", help="Show one field in full"),
    ) -> None:
        """Show a codebook's fields, or one field's values, definition and source."""
        from casereview.codebook import default_registry
        from casereview.codebook.values import allowed_text

        cb = default_registry().get(name)
        if field:
            f = cb.field(field)
            console.print(f"[bold]{f.id}[/] {f.label} ({f.type}, per {f.level})")
            if f.definition:
                console.print(f.definition)
            console.print(f"Source: {f.source.cite()}")
            values = Table("code", "id", "label", "score")
            for v in cb.values_of(f):
                values.add_row(str(v.code), v.id, v.label, "" if v.score is None else f"{v.score:g}")
            if values.row_count:
                console.print(values)
            return
        console.print(f"[bold]{cb.title}[/] — {cb.key}")
        if cb.description:
            console.print(cb.description)
        table = Table("field", "label", "type", "level", "values", "source")
        for f in cb.fields:
            table.add_row(
                f.id, f.label, f.type, f.level, allowed_text(cb.values_of(f), limit=4), f.source.cite()
            )
        console.print(table)
        for rule in cb.scores:
            top = "" if rule.maximum is None else f", maximum {rule.maximum:g}"
            console.print(f"Score {rule.id}: sum of {len(rule.fields)} fields{top}")
        for mapping in cb.mappings:
            console.print(f"Maps from version {mapping.from_version}: {len(mapping.fields)} renamed fields")

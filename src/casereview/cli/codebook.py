"""`casereview codebook list|show`: the coding frameworks this installation knows.

Field ids and value ids are what people type (import columns, `stats FIELD`, `codes edit`),
so they are never cut short: the table folds long cells onto more lines and keeps each id
whole, and `--format json|csv` prints everything for a script or a spreadsheet.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from casereview.cli.common import Table, console

if TYPE_CHECKING:
    from casereview.codebook.model import Codebook, CodebookField

# Codebooks (pydantic models, YAML) are loaded inside the commands: `--help` needs neither.
FORMATS = ("table", "json", "csv")


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
        fmt: str = typer.Option(
            "table", "--format", help="table (for reading), json or csv (everything, for scripts)"
        ),
    ) -> None:
        """Show a codebook's fields, or one field's values, definition and source."""
        from casereview.codebook import default_registry
        from casereview.errors import CaseReviewError

        if fmt not in FORMATS:
            raise CaseReviewError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
        cb = default_registry().get(name)
        fields = [cb.field(field)] if field else list(cb.fields)
        if fmt == "json":
            typer.echo(json.dumps(_as_data(cb, fields), indent=2, ensure_ascii=False))
        elif fmt == "csv":
            _write_csv(cb, fields)
        elif field:
            _show_field(cb, fields[0])
        else:
            _show_codebook(cb)


def _as_data(cb: Codebook, fields: list[CodebookField]) -> dict[str, Any]:
    return {
        "codebook": cb.key,
        "title": cb.title,
        "fields": [
            {
                "id": f.id,
                "label": f.label,
                "type": f.type,
                "level": f.level,
                "definition": f.definition,
                "source": f.source.cite(),
                "values": [
                    {"code": v.code, "id": v.id, "label": v.label, "score": v.score}
                    for v in cb.values_of(f)
                ],
            }
            for f in fields
        ],
    }


def _write_csv(cb: Codebook, fields: list[CodebookField]) -> None:
    """One row per value (a field without listed values: one row with empty value cells)."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["field", "label", "type", "level", "code", "value", "value_label", "score", "source"])
    for f in fields:
        values = cb.values_of(f)
        head = [f.id, f.label, f.type, f.level]
        if not values:
            out.writerow([*head, "", "", "", "", f.source.cite()])
        for v in values:
            score = "" if v.score is None else f"{v.score:g}"
            out.writerow([*head, v.code, v.id, v.label, score, f.source.cite()])


def _show_field(cb: Codebook, f: CodebookField) -> None:
    console.print(f"[bold]{escape(f.id)}[/] {escape(f.label)} ({f.type}, per {f.level})")
    if f.definition:
        console.print(f.definition, markup=False)
    console.print(f"Source: {f.source.cite()}", markup=False)
    values = Table("code", "label", "score")
    values.add_column("id", no_wrap=True, min_width=max((len(v.id) for v in cb.values_of(f)), default=2))
    values.columns.insert(1, values.columns.pop())  # code, id, label, score
    for v in cb.values_of(f):
        values.add_row(str(v.code), v.id, v.label, "" if v.score is None else f"{v.score:g}")
    if values.row_count:
        console.print(values)


def _show_codebook(cb: Codebook) -> None:
    console.print(f"[bold]{escape(cb.title)}[/] — {escape(cb.key)}")
    if cb.description:
        console.print(cb.description, markup=False)
    table = Table()
    table.add_column("field", no_wrap=True, min_width=max(len(f.id) for f in cb.fields))
    table.add_column("label (type, level)", ratio=1)
    table.add_column("value ids", ratio=1)
    for f in cb.fields:
        values = ", ".join(v.id for v in cb.values_of(f))
        table.add_row(f.id, f"{f.label} ({f.type}, per {f.level})", values)
    console.print(table)
    console.print(
        f"Value labels and codes: casereview codebook show {escape(cb.key)} --field FIELD "
        "(or --format json|csv for everything)"
    )
    for rule in cb.scores:
        top = "" if rule.maximum is None else f", maximum {rule.maximum:g}"
        console.print(f"Score {rule.id}: sum of {len(rule.fields)} fields{top}", markup=False)
    for mapping in cb.mappings:
        console.print(
            f"Maps from version {mapping.from_version}: {len(mapping.fields)} renamed fields",
            markup=False,
        )

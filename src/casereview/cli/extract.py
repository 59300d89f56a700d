"""`casereview extract FILE`: suggested codes with evidence, and the resolved summary."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from casereview.cli.common import console
from casereview.numbers import fmt_number

_ASSERTION_STYLE = {
    "present": "green",
    "historical": "green",
    "negated": "red",
    "possible": "yellow",
    "hypothetical": "dim",
}


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_cmd(
        file: Path = typer.Argument(help="Review document: PDF, DOCX, HTML or plain text"),
        as_json: bool = typer.Option(
            False, "--json", help='Print {"suggestions": [...], "summary": {...}} as JSON'
        ),
    ) -> None:
        """Suggest codes for a review document, each with its evidence sentence, page, who it
        is about and whether the text asserts, negates, hedges or only supposes it."""
        from casereview.extract.files import extract_file

        result = extract_file(file)
        if as_json:
            typer.echo(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
            return
        table = Table("field", "value", "subject", "assertion", "page", "conf.", "evidence")
        for s in result.suggestions:
            style = _ASSERTION_STYLE.get(s.assertion, "")
            evidence = s.evidence if len(s.evidence) <= 120 else s.evidence[:117] + "..."
            table.add_row(
                escape(s.field_label),
                escape(str(s.value_label)),
                escape(s.subject),
                f"[{style}]{s.assertion}[/]",
                "" if s.page is None else str(s.page),
                fmt_number(s.confidence, 2),
                escape(evidence),
            )
        console.print(table)
        summary = Table("summary key", "value", title="Summary")
        for key, value in result.summary.items():
            summary.add_row(key, "" if value is None else escape(str(value)))
        console.print(summary)

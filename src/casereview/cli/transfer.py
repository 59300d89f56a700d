"""`casereview import` and `casereview export`: case datasets in and out."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casereview.cli.common import DatabaseOption, console, open_store

# Heavy modules (pandas, pyreadstat) are imported inside the commands: `--help` stays quick.


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_cmd(
        file: Path = typer.Argument(help="Case table: .csv, .xlsx or .sav, one row per child"),
        codebook: str | None = typer.Option(
            None, "--codebook", "-c", help="Codebook id[@version] (default: the one whose fields fit the columns)"
        ),
        replace: bool = typer.Option(False, help="Overwrite reviews already in the register"),
        coder: str | None = typer.Option(None, help="Coder name recorded on every value"),
        database: DatabaseOption = None,
    ) -> None:
        """Import a case dataset: every row is checked first; any bad value and nothing is written."""
        from casereview.io.importer import import_file

        store = open_store(database, write=True)
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True,
        ) as bar:
            task = bar.add_task(escape(f"Importing {file.name}"), total=None)
            report = import_file(
                store, file, codebook, coder=coder, replace=replace,
                progress=lambda n: bar.advance(task, n),
                on_total=lambda n: bar.update(task, total=n),
            )
        console.print(
            f"Imported {report.reviews} reviews, {report.children} children, "
            f"{report.codes} coded values ({report.codebook}) from {report.source}",
            markup=False,
        )

    @app.command("export")
    def export_cmd(
        file: Path = typer.Argument(help="Output file; the format follows the extension: .csv, .xlsx, .sav"),
        codebook: str | None = typer.Option(
            None, "--codebook", "-c",
            help="Codebook id[@version] (default: the codebook the register's reviews are coded against)",
        ),
        study: str | None = typer.Option(None, help="Only reviews of this study"),
        labels: bool = typer.Option(False, help="Write value labels instead of value ids (CSV/Excel)"),
        database: DatabaseOption = None,
    ) -> None:
        """Export the register as a case table (SPSS files carry variable and value labels)."""
        from casereview.io.exporter import export_file

        report = export_file(open_store(database), file, codebook, study=study, labels=labels)
        console.print(
            f"Wrote {report.rows} rows × {report.columns} columns ({report.codebook}) to {report.path}",
            markup=False,
        )

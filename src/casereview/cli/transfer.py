"""`casereview import` and `casereview export`: case datasets in and out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casereview.cli.common import DatabaseOption, console, open_store

if TYPE_CHECKING:
    from casereview.io.pseudonyms import Pseudonymiser

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
        pseudonymise: bool = typer.Option(
            False, "--pseudonymise",
            help="Replace people's names in review references, child labels and free text by pseudonyms",
        ),
        key_out: Path | None = KeyOutOption,
        secret_env: str | None = SecretEnvOption,
        database: DatabaseOption = None,
    ) -> None:
        """Export the register as a case table (SPSS files carry variable and value labels)."""
        from casereview.io.exporter import export_file

        store = open_store(database)
        p = None
        if pseudonymise or key_out or secret_env:
            from casereview.io.pseudonymise import learn_from_documents, pseudonymiser_from_env

            p = pseudonymiser_from_env(secret_env)
            learn_from_documents(store, p, study)  # names the documents introduce
        report = export_file(store, file, codebook, study=study, labels=labels, pseudonymiser=p)
        console.print(
            f"Wrote {report.rows} rows × {report.columns} columns ({report.codebook}) to {report.path}"
            + (" with names pseudonymised" if p else ""),
            markup=False,
        )
        if p is not None and key_out is not None:
            _write_key(p, key_out)

    @app.command("export-documents")
    def export_documents_cmd(
        folder: Path = typer.Argument(help="Folder for the text files, one per document"),
        review: str | None = typer.Option(None, "--review", "-r", help="Only the documents of this review"),
        study: str | None = typer.Option(None, help="Only the documents of this study's reviews"),
        key_out: Path | None = KeyOutOption,
        secret_env: str | None = SecretEnvOption,
        database: DatabaseOption = None,
    ) -> None:
        """Export the review documents' text with people's names replaced by pseudonyms
        (document-<id>.txt, pages separated by a form feed)."""
        from casereview.io.pseudonymise import export_documents, pseudonymiser_from_env

        p = pseudonymiser_from_env(secret_env)
        report = export_documents(open_store(database), folder, p, review=review, study=study)
        console.print(
            f"Wrote {report.documents} documents ({report.pages} pages) with names pseudonymised "
            f"to {report.folder}",
            markup=False,
        )
        if key_out is not None:
            _write_key(p, key_out)


KeyOutOption = typer.Option(
    None, "--key-out",
    help="Also write the key (name -> pseudonym) to this CSV file. It re-identifies everyone: "
    "keep it apart from the export",
)
SecretEnvOption = typer.Option(
    None, "--secret-env",
    help="Environment variable holding the secret (16+ characters) the pseudonyms are keyed by; "
    "the same secret gives the same pseudonyms in every export (default: a fresh random one)",
)


def _write_key(p: Pseudonymiser, path: Path) -> None:
    from casereview.io.pseudonymise import write_key

    rows = write_key(p, path)
    console.print(f"Wrote the key ({rows} names) to {path}: it re-identifies; keep it apart", markup=False)

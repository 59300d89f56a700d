"""`casereview report` and `casereview brief`: the study report and the practitioner briefing."""

from __future__ import annotations

from pathlib import Path

import typer

from casereview.cli.common import DatabaseOption, console, open_store


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        out: Path = typer.Option(
            ...,
            "--out",
            "-o",
            help="Output file: report.html, report.pdf or tables.xlsx (format from the extension)",
        ),
        study: str | None = typer.Option(
            None, "--study", "-s", help="Only the reviews of this study"
        ),
        compare: str | None = typer.Option(
            None,
            "--compare",
            help="Add a comparison with a set of published reference figures (e.g. triennial-2014-17)",
        ),
        suppress_below: int | None = typer.Option(
            None,
            "--suppress-below",
            min=2,
            help="Hide counts below N in every table, chart and sentence",
        ),
        codebook: str | None = typer.Option(
            None,
            "--codebook",
            "-c",
            help="Codebook id[@version] (default: the one most reviews are coded against)",
        ),
        organisation: str | None = typer.Option(
            None,
            "--organisation",
            help="Publishing organisation printed on the cover (default: CASEREVIEW_ORGANISATION)",
        ),
        author: str | None = typer.Option(
            None,
            "--author",
            help="Author printed on the cover (default: CASEREVIEW_AUTHOR)",
        ),
        ci: bool = typer.Option(
            False, "--ci", help="Print Wilson 95% confidence intervals beside percentages"
        ),
        database: DatabaseOption = None,
    ) -> None:
        """Write the study report: numbered tables and figures, key observations, methodology."""
        import dataclasses

        from casereview.reports.output import REPORT_FORMATS, output_format, write_report
        from casereview.reports.study import build_study_report
        from casereview.settings import get_settings

        output_format(out, REPORT_FORMATS, "study report")  # refuse a bad extension before any work
        with console.status("Building the report…"):
            report = build_study_report(
                open_store(database),
                study=study,
                compare=compare,
                suppress_below=suppress_below,
                codebook=codebook,
            )
            settings = get_settings()
            report = dataclasses.replace(
                report,
                organisation=organisation or settings.organisation,
                author=author or settings.author,
                ci=ci,
            )
            path = write_report(report, out)
        console.print(
            f"Wrote {path}: {len(report.exhibits('table'))} tables, {len(report.exhibits('figure'))} figures "
            f"on {report.cohort.reviews} reviews ({report.codebook})"
        )

    @app.command("brief")
    def brief_cmd(
        out: Path = typer.Option(..., "--out", "-o", help="Output file: brief.html or brief.pdf"),
        study: str | None = typer.Option(
            None, "--study", "-s", help="Only the reviews of this study"
        ),
        suppress_below: int | None = typer.Option(
            None, "--suppress-below", min=2, help="Hide counts below N"
        ),
        codebook: str | None = typer.Option(
            None,
            "--codebook",
            "-c",
            help="Codebook id[@version] (default: the most used one with learning text)",
        ),
        database: DatabaseOption = None,
    ) -> None:
        """Write the two-page practitioner briefing: headline figures, learning themes, practice points."""
        from casereview.reports.briefing import build_briefing
        from casereview.reports.output import BRIEFING_FORMATS, output_format, write_briefing

        output_format(out, BRIEFING_FORMATS, "briefing")
        with console.status("Building the briefing…"):
            briefing = build_briefing(
                open_store(database), study=study, suppress_below=suppress_below, codebook=codebook
            )
            path = write_briefing(briefing, out)
        themes = len(briefing.learning.themes.data) if briefing.learning else 0
        console.print(f"Wrote {path}: {briefing.cohort.reviews} reviews, {themes} learning themes")

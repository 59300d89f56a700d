"""`casereview report` and `casereview brief`: the study report and the practitioner briefing."""

from __future__ import annotations

from pathlib import Path

import typer

from casereview.cli.common import DatabaseOption, console, open_store
from casereview.errors import CaseReviewError


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
        suppression_rule: str | None = typer.Option(
            None,
            "--suppression-rule",
            help="A named rule set instead of N: nhs_digital (1-7 as '*', others to the "
            "nearest 5), secondary_c (DfE-style 'c'), lt5",
        ),
        check_disclosure: bool = typer.Option(
            False,
            "--check-disclosure",
            help="Run the attack on the finished report and write nothing (exit 1) if any "
            "hidden count can be narrowed below the rule's range",
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
        from casereview.reports.protection import report_rule
        from casereview.reports.study import build_study_report
        from casereview.settings import get_settings

        output_format(out, REPORT_FORMATS, "study report")  # refuse a bad extension before any work
        rule = report_rule(suppress_below, suppression_rule)
        if check_disclosure and rule is None:
            raise CaseReviewError(
                "--check-disclosure needs --suppress-below N or --suppression-rule"
            )
        with console.status("Building the report…"):
            report = build_study_report(
                open_store(database),
                study=study,
                compare=compare,
                suppress_below=suppress_below,
                codebook=codebook,
                rule=suppression_rule,
            )
        if check_disclosure and rule is not None:
            from casereview.reports.audit import check_disclosure as run_check

            with console.status("Checking what a reader can work out…"):
                result = run_check(report, rule)
            if not result.ok:
                for e in result.exposures:
                    console.print(f"[red]exposed[/red] {e.describe()}")
                console.print(
                    f"Disclosure check failed: {len(result.exposures)} of {result.hidden} hidden "
                    "cells can be worked out; nothing written."
                )
                raise typer.Exit(1)
            console.print(
                f"Disclosure check passed: none of {result.hidden} hidden cells can be narrowed "
                f"below a range of {result.required_width + 1} values."
            )
        with console.status("Writing the report…"):
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
            f"on {report.cohort.reviews} reviews ({report.codebook})",
            markup=False,
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
        console.print(
            f"Wrote {path}: {briefing.cohort.reviews} reviews, {themes} learning themes", markup=False
        )

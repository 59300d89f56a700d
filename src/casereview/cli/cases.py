"""`casereview cases list|show` and `casereview stats FIELD`."""

from __future__ import annotations

import typer
from rich.table import Table

from casereview.cli.common import DatabaseOption, console, open_store
from casereview.errors import CaseReviewError


def _labeller(registry):  # type: ignore[no-untyped-def]
    """(field label, value label) of a code for display, falling back to the ids; one
    lookup per codebook field, however many codes a review holds."""
    cache: dict[tuple[str, str], tuple[str, dict[str, str]] | None] = {}

    def label(codebook_key: str, field_id: str, value: str | None) -> tuple[str, str]:
        key = (codebook_key, field_id)
        if key not in cache:
            try:
                cb = registry.get(codebook_key)
                f = cb.field(field_id)
                cache[key] = (f.label, {v.id: v.label for v in cb.values_of(f)})
            except CaseReviewError:  # a codebook or field removed since coding
                cache[key] = None
        found = cache[key]
        if found is None:
            return field_id, value or ""
        return found[0], found[1].get(value or "", value or "")

    return label


def register(app: typer.Typer) -> None:
    register_stats(app)
    group = typer.Typer(help="List and show the reviews in the register.", no_args_is_help=True)
    app.add_typer(group, name="cases")

    @group.command("list")
    def list_cmd(
        study: str | None = typer.Option(None, help="Only reviews of this study"),
        limit: int = typer.Option(50, min=1, help="Rows per page"),
        page: int = typer.Option(1, min=1, help="Page number"),
        database: DatabaseOption = None,
    ) -> None:
        """List reviews with their study, year, region and counts."""
        from casereview.store.reviews import list_reviews

        with open_store(database).session() as s:
            total, rows = list_reviews(s, study=study, limit=limit, offset=(page - 1) * limit)
        table = Table("review", "study", "year", "region", "children", "codes")
        for r in rows:
            table.add_row(r.reference, ", ".join(r.studies), str(r.year or ""), r.region or "", str(r.children), str(r.codes))
        console.print(table)
        console.print(f"{len(rows)} of {total} reviews (page {page})")

    @group.command("show")
    def show_cmd(reference: str = typer.Argument(help="Review reference"), database: DatabaseOption = None) -> None:
        """Show one review: its children and every coded value, labelled from the codebook."""
        from casereview.codebook import default_registry
        from casereview.store.reviews import get_review

        with open_store(database).session() as s:
            review = get_review(s, reference)
        label = _labeller(default_registry())
        console.print(f"[bold]{review.reference}[/] {review.title or ''}")
        console.print(
            f"Year {review.year or '—'} · region {review.region or '—'} · studies {', '.join(review.studies) or '—'}"
            f" · children {', '.join(review.children) or '—'}"
        )
        table = Table("codebook", "child", "field", "value", "coder", "status")
        for c in review.codes:
            field_label, value_label = label(c.codebook, c.field_id, c.value)
            table.add_row(c.codebook, c.child or "(review)", field_label, value_label, c.coder, c.status)
        console.print(table)


def register_stats(app: typer.Typer) -> None:
    @app.command("stats")
    def stats_cmd(
        field: str = typer.Argument(help="Field id, e.g. law_type (see `casereview codebook show`)"),
        codebook: str | None = typer.Option(None, "--codebook", "-c", help="Codebook id[@version]"),
        study: str | None = typer.Option(None, help="Only reviews of this study"),
        database: DatabaseOption = None,
    ) -> None:
        """A frequency table of one field: counts and percentages, with its denominator."""
        from casereview.analysis.headline import field_frequency
        from casereview.cli.render import print_table

        print_table(field_frequency(open_store(database), field, codebook, study))

"""`casereview agreement`: how far independent coders agree, per field and overall;
`casereview consensus`: the value they agreed for one field of one review."""

from __future__ import annotations

import typer
from rich.table import Table

from casereview.cli.common import DatabaseOption, console, open_store


def _num(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def register(app: typer.Typer) -> None:
    @app.command("agreement")
    def agreement_cmd(
        study: str | None = typer.Option(None, help="Only reviews of this study"),
        codebook: str | None = typer.Option(None, "--codebook", "-c", help="Only this codebook"),
        database: DatabaseOption = None,
    ) -> None:
        """Agreement between people who coded the same reviews: per field and overall, the
        units compared, how many agreed, Cohen's kappa (two coders) and Krippendorff's alpha."""
        from casereview.app.access import cli_actor
        from casereview.app.agreement import coder_agreement
        from casereview.settings import get_settings

        report = coder_agreement(
            open_store(database), cli_actor(get_settings().coder), study=study, codebook=codebook
        )
        if not report.fields:
            console.print(
                f"No field was coded by two or more people ({len(report.coders)} coder(s): "
                f"{', '.join(report.coders) or 'none'}); nothing to compare."
            )
            return
        table = Table("field", "coders", "units", "agreed", "%", "Cohen's kappa", "Krippendorff's alpha")
        for a in [*report.fields, report.overall]:
            table.add_row(
                a.name, str(len(a.coders)), str(a.units), str(a.agreed), _num(a.percent, 1),
                _num(a.kappa), _num(a.alpha),
            )
        console.print(table)
        console.print(
            f"Coders: {', '.join(report.coders)}. Units coded by one person only are left out; "
            f"{report.single_only} field(s) had nothing to compare. — means undefined (no variation)."
        )

    @app.command("consensus")
    def consensus_cmd(
        reference: str = typer.Argument(help="The review"),
        field: str = typer.Argument(help="The field id"),
        value: str = typer.Argument(help="The agreed value: an id, label or numeric code"),
        agreed_by: list[str] = typer.Option([], "--agreed-by", "-a", help="Who agreed it (repeat); you are added"),
        child: str | None = typer.Option(None, help="Child label, for child-level fields"),
        codebook: str | None = typer.Option(None, "--codebook", "-c", help="When the field is in several"),
        coder: str | None = typer.Option(None, "--coder", help="Your name (default: CASEREVIEW_CODER)"),
        database: DatabaseOption = None,
    ) -> None:
        """Record the consensus value of a field the coders compared: the case table and
        reports use it; agreement statistics still count each coder's own value."""
        from casereview.app.access import cli_actor
        from casereview.app.consensus import agree, compare
        from casereview.settings import get_settings

        actor = cli_actor(coder or get_settings().coder)
        store = open_store(database, write=True)
        before = next(
            (f for f in compare(store, actor, reference).fields if f.field_id == field and f.child == child), None
        )
        done = agree(
            store, actor, reference, codebook, field, value, agreed_by, child=child,
            seen=before.consensus if before else None,
        )
        where = f" (child {done.child})" if done.child else ""
        console.print(
            f"{reference}{where}: {done.field_id} = {done.value} is the consensus, agreed by "
            f"{', '.join(sorted({*agreed_by, actor.name}))}", markup=False,
        )

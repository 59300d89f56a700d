"""`casereview ingest`, `search`, `code` and `codes list|accept|edit|reject`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text
from typer.core import TyperCommand

from casereview.cli.common import DatabaseOption, Table, console, open_store

CoderOption = typer.Option(
    None, "--coder", help="Your name, recorded on the decision (default: CASEREVIEW_CODER)"
)


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        paths: list[Path] = typer.Argument(
            help="Review documents (PDF, DOCX, HTML, text) or folders"
        ),
        review: str | None = typer.Option(
            None,
            "--review",
            "-r",
            help="Reference of the review they belong to (default: the file name)",
        ),
        workers: int = typer.Option(1, "--workers", "-w", min=1, max=32, help="Files read at once"),
        database: DatabaseOption = None,
    ) -> None:
        """Read review documents into the register (text by page, sections, search index).

        A file that cannot be read is reported with its reason and the others go in; the exit
        code is 2 if any failed."""
        from casereview.ingest.service import ingest_paths

        store = open_store(database, write=True)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("Ingesting", total=None)
            results = ingest_paths(
                store,
                paths,
                review=review,
                workers=workers,
                on_start=lambda n: bar.update(task, total=n),
                on_result=lambda r: bar.advance(task),
            )
        style = {"added": "green", "duplicate": "yellow", "failed": "red"}
        for r in results:
            extra = (
                f", {r.recommendations} recommendations" if r.recommendations is not None else ""
            )
            console.print(f"[{style[r.status]}]{r.status:9}[/] {escape(r.message)}{extra}")
        counts = {k: sum(r.status == k for r in results) for k in style}
        console.print(
            f"{counts['added']} added, {counts['duplicate']} already there, {counts['failed']} failed"
        )
        if counts["failed"]:
            raise typer.Exit(2)

    @app.command("search", cls=QueryCommand)
    def search_cmd(
        words: list[str] = typer.Argument(
            help='Words, "a phrase", OR, -word to exclude, word* for a prefix'
        ),
        limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000, help="Most hits shown"),
        database: DatabaseOption = None,
    ) -> None:
        """Full-text search over every ingested document: review, page and snippet, best first."""
        from casereview.store.fulltext import search

        hits = search(open_store(database), " ".join(words), limit)
        if not hits:
            console.print("No matches.")
            return
        for h in hits:
            head = Text(f"{h.review or '(no review)'}", style="bold")
            head.append(f"  p. {h.page}  {h.title or h.filename}", style="dim")
            console.print(head)
            snippet = Text("    ")
            for piece, match in h.fragments():
                snippet.append(piece, style="bold reverse" if match else None)
            console.print(snippet)
        console.print(f"{len(hits)} hit{'s' if len(hits) != 1 else ''}")

    @app.command("code")
    def code_cmd(
        review: str = typer.Argument(help="Reference of the review whose documents to code"),
        codebook: str | None = typer.Option(
            None, "--codebook", "-c", help="Codebook id[@version] (default: the extractor's)"
        ),
        database: DatabaseOption = None,
    ) -> None:
        """Suggest codes from a review's documents, as pending codes for a person to decide.

        Accept, edit or reject them with `casereview codes`. A new run replaces the review's
        pending suggestions only; final and rejected codes are never touched."""
        from casereview.ingest.assist import code_review

        with console.status(f"Coding {escape(review)}"):
            r = code_review(open_store(database, write=True), review, codebook=codebook)
        console.print(
            f"{r.added} pending suggestion{'s' if r.added != 1 else ''} for review {r.review} "
            f"({r.codebook}) from {r.documents} document{'s' if r.documents != 1 else ''}; "
            f"{r.replaced} earlier pending replaced",
            markup=False,
        )
        if r.skipped_decided:
            console.print(f"{r.skipped_decided} left out: a person already decided them")
        if r.skipped_unfit:
            console.print(f"{r.skipped_unfit} left out: field or value not in {r.codebook}", markup=False)
        console.print(f"Review them with: casereview codes list {escape(r.review)}")

    _register_codes(app)


class QueryCommand(TyperCommand):
    """`search -neglect housing`: a word that starts with a dash is part of the query (a word
    to leave out), not an option; only the command's own options are read as options."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        names = {n for p in self.params for n in (*p.opts, *p.secondary_opts) if n.startswith("-")}
        valued = {
            n
            for p in self.params
            if p.param_type_name == "option" and not getattr(p, "is_flag", False)
            for n in p.opts
        }
        options: list[str] = []
        words: list[str] = []
        rest = iter(args)
        for arg in rest:
            if arg == "--":
                words.extend(rest)
                break
            name = arg.split("=", 1)[0]
            if name in names:
                options.append(arg)
                value = next(rest, None) if name in valued and "=" not in arg else None
                if value is not None:
                    options.append(value)
            else:
                words.append(arg)
        return super().parse_args(ctx, [*options, "--", *words])


def _register_codes(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Review suggested codes: list, accept, edit, reject.", no_args_is_help=True
    )
    app.add_typer(group, name="codes")

    @group.command("list")
    def list_cmd(
        review: str = typer.Argument(help="Review reference"),
        status: str = typer.Option("pending", help="pending, final, rejected, consensus or all"),
        database: DatabaseOption = None,
    ) -> None:
        """List a review's codes with their evidence (pending suggestions by default, most
        confident first)."""
        from casereview.errors import CaseReviewError
        from casereview.store.suggestions import list_codes

        if status not in ("pending", "final", "rejected", "consensus", "all"):
            raise CaseReviewError(f"--status {status!r}: use pending, final, rejected, consensus or all")
        with open_store(database).session() as s:
            codes = list_codes(s, review, None if status == "all" else status)
        table = Table(
            "id", "field", "value", "about", "assertion", "conf.", "page", "evidence", "status"
        )
        for c in codes:
            table.add_row(
                str(c.id),
                c.field_id,
                c.value or "",
                c.subject or "",
                c.assertion or "",
                "" if c.confidence is None else f"{c.confidence:.2f}",
                str(c.page or ""),
                Text(c.evidence or ""),
                c.status,
            )
        console.print(table)
        console.print(f"{len(codes)} code{'s' if len(codes) != 1 else ''}")

    @group.command("accept")
    def accept_cmd(
        code_ids: list[int] = typer.Argument(help="Ids of pending codes (see codes list)"),
        child: str | None = typer.Option(None, help="Child label, for child-level fields"),
        coder: str | None = CoderOption,
        database: DatabaseOption = None,
    ) -> None:
        """Accept pending suggestions as your final codes (all of them or none)."""
        from casereview.app.decisions import decide_codes

        done = decide_codes(
            open_store(database, write=True), _actor(coder), code_ids, "accept", child=child
        )
        for c in done:
            console.print(f"code {c.id}: {c.field_id} = {c.value} is final ({c.coder})", markup=False)

    @group.command("edit")
    def edit_cmd(
        code_id: int = typer.Argument(help="Id of a pending code"),
        value: str = typer.Argument(help="The right value: an id, label or numeric code"),
        child: str | None = typer.Option(None, help="Child label, for child-level fields"),
        coder: str | None = CoderOption,
        database: DatabaseOption = None,
    ) -> None:
        """Correct a pending suggestion's value and make it your final code."""
        from casereview.app.decisions import decide_codes

        [c] = decide_codes(
            open_store(database, write=True), _actor(coder), [code_id], "edit",
            value=value, child=child,
        )
        console.print(f"code {c.id}: {c.field_id} = {c.value} is final ({c.coder})", markup=False)

    @group.command("reject")
    def reject_cmd(
        code_ids: list[int] = typer.Argument(help="Ids of pending codes"),
        coder: str | None = CoderOption,
        database: DatabaseOption = None,
    ) -> None:
        """Reject pending suggestions (kept on record, not proposed again)."""
        from casereview.app.decisions import decide_codes

        done = decide_codes(open_store(database, write=True), _actor(coder), code_ids, "reject")
        for c in done:
            console.print(f"code {c.id}: rejected ({c.coder})", markup=False)


def _actor(name: str | None):  # type: ignore[no-untyped-def]
    """The person at the command line, named by --coder or CASEREVIEW_CODER; their
    decisions go to the audit trail like the web app's."""
    from casereview.app.access import cli_actor

    return cli_actor(_coder(name))


def _coder(name: str | None) -> str:
    from casereview.settings import get_settings

    return name or get_settings().coder

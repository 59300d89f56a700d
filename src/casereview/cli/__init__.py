"""The `casereview` command line: one Typer app, one module per group of commands.

Commands only parse input, call a core function (the same one the web app calls) and
render the result. A CaseReviewError becomes a one-line reason on stderr and exit code 2.
"""

from __future__ import annotations

import importlib
import sys

import typer

from casereview.errors import CaseReviewError

# Each module defines `register(app)`; order sets the order of `casereview --help`.
COMMAND_MODULES = ["setup", "codebook", "transfer", "cases", "documents", "reports", "extract", "web", "agreement"]

app = typer.Typer(
    name="casereview",
    help="Learning from child safeguarding case reviews: code, pool, analyse, report.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"casereview.cli.{_name}").register(app)


def main() -> None:
    try:
        try:
            app(standalone_mode=True)
        except Exception as exc:
            # A driver error that no layer expected: still one line. SQLAlchemy is looked up,
            # not imported: a command that never loaded it cannot have raised its errors.
            dbapi_error = getattr(sys.modules.get("sqlalchemy.exc"), "DBAPIError", None)
            if dbapi_error is None or not isinstance(exc, dbapi_error):
                raise
            from casereview.store.dberrors import describe

            raise describe(exc) from None
    except CaseReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for line in exc.details[1:21]:
            print(f"  {line}", file=sys.stderr)
        if len(exc.details) > 21:
            print(f"  … and {len(exc.details) - 21} more", file=sys.stderr)
        sys.exit(2)

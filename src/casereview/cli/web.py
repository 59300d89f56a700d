"""`casereview user add|list|set` and `casereview serve`."""

from __future__ import annotations

import sys

import typer
from rich.table import Table

from casereview.cli.common import DatabaseOption, console, open_store


def _cli_actor():  # type: ignore[no-untyped-def]
    from casereview.app.access import cli_actor
    from casereview.settings import get_settings

    return cli_actor(get_settings().coder)


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Accounts for the web app: admin, coder, viewer.", no_args_is_help=True)
    app.add_typer(group, name="user")

    @group.command("add")
    def add_cmd(
        name: str = typer.Argument(help="Sign-in name"),
        role: str = typer.Option(..., "--role", help="admin, coder or viewer"),
        password_stdin: bool = typer.Option(
            False, "--password-stdin", help="Read the password from standard input (for scripts)"
        ),
        database: DatabaseOption = None,
    ) -> None:
        """Create an account; the password is asked for (or read from standard input)."""
        from casereview.app.users import create_user

        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        user = create_user(open_store(database, write=True), _cli_actor(), name, role, password)
        console.print(f"user {user.name} added as {user.role}")

    @group.command("list")
    def list_cmd(database: DatabaseOption = None) -> None:
        """Every account with its role and whether it can sign in."""
        from casereview.app.users import list_users

        table = Table("name", "role", "active", "created")
        for u in list_users(open_store(database), _cli_actor()):
            table.add_row(u.name, u.role, "yes" if u.active else "no", f"{u.created_at:%Y-%m-%d %H:%M}")
        console.print(table)

    @group.command("set")
    def set_cmd(
        name: str = typer.Argument(help="Sign-in name"),
        role: str | None = typer.Option(None, "--role", help="New role: admin, coder or viewer"),
        active: bool | None = typer.Option(None, "--active/--inactive", help="Allow or stop sign-in"),
        database: DatabaseOption = None,
    ) -> None:
        """Change an account's role, or switch its access off or on."""
        from casereview.app.users import list_users, update_user
        from casereview.errors import NotFoundError

        store = open_store(database, write=True)
        actor = _cli_actor()
        found = [u for u in list_users(store, actor) if u.name == name]
        if not found:
            raise NotFoundError(f"no user {name!r}; `casereview user list` shows them")
        user = update_user(store, actor, found[0].id, role=role, active=active)
        console.print(f"user {user.name}: {user.role}, {'active' if user.active else 'inactive'}")

    @app.command("serve")
    def serve_cmd(
        host: str = typer.Option("127.0.0.1", help="Address to listen on"),
        port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on"),
        database: DatabaseOption = None,
    ) -> None:
        """Start the web app (case register, coding screen, admin) on HOST:PORT."""
        import uvicorn

        from casereview.web.app import create_app

        store = open_store(database, write=True)
        console.print(f"casereview on http://{host}:{port}/ (register: {store.url})", markup=False)
        uvicorn.run(create_app(store), host=host, port=port, log_level="info")

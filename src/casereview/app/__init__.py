"""The application layer: one function per use case, shared by the CLI and the web app.

Each function takes the Store (and, for changes, the Actor making them) plus plain
arguments, checks the actor's role, calls the store, writes the audit trail for every
change in the same transaction, and returns plain data (dataclasses). The faces (Typer
commands, FastAPI routes) only parse input, call these, and render what comes back.
"""

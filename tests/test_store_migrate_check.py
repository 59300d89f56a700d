"""Opening a register already at the newest schema costs one query, not an Alembic run; an older
register is still brought up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from casereview.store.database import Store
from casereview.store.migrate import alembic_config, head_revision, stored_revision


def test_head_read_from_the_scripts_is_alembics_head(sqlite_store: Store) -> None:
    script = ScriptDirectory.from_config(alembic_config(sqlite_store.engine))
    assert [head_revision()] == script.get_heads()
    assert stored_revision(sqlite_store.engine) == head_revision()


def test_an_up_to_date_register_is_opened_without_loading_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'register.db'}"
    Store.open(url).close()
    code = (
        "import sys; from casereview.store.database import Store; "
        f"Store.open({url!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_older_register_is_upgraded_on_opening(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'register.db'}")
    command.downgrade(alembic_config(store.engine), "0002")
    assert stored_revision(store.engine) == "0002"
    store.close()
    again = Store.open(store.url)
    assert stored_revision(again.engine) == head_revision()
    again.close()


def test_an_empty_database_has_no_stored_revision(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert stored_revision(engine) is None
    engine.dispose()

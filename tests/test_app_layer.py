"""The application layer: roles checked on the server, every change audited, optimistic
locking, record-level checks, and the case list's filters against the sample file."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from casereview.app.access import Actor
from casereview.app.audit import audit_trail
from casereview.app.cases import list_cases
from casereview.app.coding import coding_screen
from casereview.app.decisions import decide
from casereview.app.users import authenticate, create_user, update_user
from casereview.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from casereview.store.case_filters import CaseFilter
from casereview.store.database import Store
from conftest import PACKAGE_DATA, make_sqlite_store
from web_support import OWNER, PASSWORD, REVIEW, build_register, own_postgres


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def register(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, dict[str, Actor]]]:
    if request.param == "postgresql":
        with own_postgres() as store:
            yield store, build_register(store)
        return
    store = make_sqlite_store(Path(tmp_path_factory.mktemp("app")))
    yield store, build_register(store)
    store.close()


def _sample() -> list[dict[str, str]]:
    with open(PACKAGE_DATA / "triennial-sample.csv", newline="") as f:
        return list(csv.DictReader(f))


def test_filters_count_what_the_sample_file_holds(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    rows = _sample()
    fatal = {r["review_id"] for r in rows if r["fatal"] == "yes"}
    study = {r["review_id"] for r in rows if r["study"] == "triennial-2015-16"}
    viewer = actors["viewer"]
    assert list_cases(store, viewer, CaseFilter(fatal=True)).total == len(fatal)
    both = list_cases(store, viewer, CaseFilter(study="triennial-2015-16", fatal=True), per_page=200)
    assert {r.reference for r in both.rows} == fatal & study
    # The ingested report has pending suggestions and no final codes.
    pending = list_cases(store, viewer, CaseFilter(status="pending"))
    assert [r.reference for r in pending.rows] == [REVIEW]
    assert list_cases(store, viewer, CaseFilter(status="uncoded")).total == 0
    page2 = list_cases(store, viewer, CaseFilter(), page=2, per_page=50)
    assert page2.total == len({r["review_id"] for r in rows}) + 1 and len(page2.rows) == 50


def test_search_narrows_the_list_to_reviews_whose_documents_match(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    found = list_cases(store, actors["viewer"], CaseFilter(), query='"domestic abuse"')
    assert [r.reference for r in found.rows] == [REVIEW]
    assert "<mark>" in found.hits[REVIEW].snippet
    assert list_cases(store, actors["viewer"], CaseFilter(), query="zebra").total == 0


def test_roles_are_checked_whatever_the_face(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    code = coding_screen(store, actors["viewer"], REVIEW).groups[0][1][0]
    with pytest.raises(PermissionDenied, match="coder role"):
        decide(store, actors["viewer"], REVIEW, code.code.id, "accept", version=code.version)
    with pytest.raises(PermissionDenied):
        create_user(store, actors["coder"], "someone", "viewer", PASSWORD)
    with pytest.raises(PermissionDenied):
        audit_trail(store, actors["coder"])


def test_a_decision_is_audited_and_a_stale_save_is_refused_with_what_changed(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    screen = coding_screen(store, actors["coder"], REVIEW)
    item = screen.groups[0][1][0]
    done = decide(store, actors["coder"], REVIEW, item.code.id, "accept", version=item.version)
    assert done.status == "final" and done.coder == "coder" and done.id != item.code.id
    # The same person, in a window opened before that save, decides it again.
    with pytest.raises(ConflictError) as err:
        decide(store, actors["coder"], REVIEW, item.code.id, "reject", version=item.version)
    changed = {f: (a, b) for f, a, b in err.value.changes}
    assert changed["status"] == ("pending", "final")
    assert changed["coder"] == ("casereview-assist", "coder")
    assert err.value.status == 409
    trail = audit_trail(store, actors["admin"], review=REVIEW)
    entry = next(r for r in trail.rows if r.entity_id == str(done.id))
    assert entry.actor == "coder" and entry.action == "accept"
    assert entry.before is not None and entry.before["status"] == "pending"
    assert entry.after is not None and entry.after["status"] == "final"
    assert entry.after["suggestion"] == item.code.id
    assert sum(r.actor == "coder" and r.after and r.after.get("suggestion") == item.code.id
               for r in trail.rows) == 1  # refused: not written
    # Another coder's decision on it is their own, independent code: no conflict.
    other = decide(store, actors["admin"], REVIEW, item.code.id, "reject", version=item.version)
    assert (other.status, other.coder) == ("rejected", "admin")


def test_an_edit_is_checked_against_the_codebook(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    item = coding_screen(store, actors["coder"], REVIEW).groups[0][1][0]
    with pytest.raises(ValidationError, match="purple"):
        decide(store, actors["coder"], REVIEW, item.code.id, "edit", version=item.version, value="purple")


def test_a_code_is_reached_only_through_its_own_review(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    item = coding_screen(store, actors["coder"], REVIEW).groups[0][1][0]
    with pytest.raises(NotFoundError):
        decide(store, actors["coder"], "TR-14-001", item.code.id, "reject", version=item.version)


def test_accounts_sign_in_role_changes_and_lock_out(register) -> None:  # type: ignore[no-untyped-def]
    store, actors = register
    user = create_user(store, OWNER, "dana", "viewer", PASSWORD)
    assert authenticate(store, "dana", PASSWORD).role == "viewer"
    with pytest.raises(AuthenticationError):
        authenticate(store, "dana", PASSWORD + "x")
    with pytest.raises(AuthenticationError):
        authenticate(store, "nobody", PASSWORD)
    update_user(store, actors["admin"], user.id, role="coder")
    assert authenticate(store, "dana", PASSWORD).role == "coder"
    update_user(store, actors["admin"], user.id, active=False)
    with pytest.raises(AuthenticationError):
        authenticate(store, "dana", PASSWORD)
    rows = audit_trail(store, actors["admin"], actor_name="admin").rows
    assert [(r.action, r.after) for r in rows if r.entity_id == str(user.id)] == [
        ("update", {"role": "coder", "active": False}),
        ("update", {"role": "coder", "active": True}),
    ]


def test_user_add_from_the_command_line_reads_the_password_from_stdin(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'r.db'}"
    exe = [sys.executable, "-c", "from casereview.cli import main; main()"]
    ok = subprocess.run(
        [*exe, "user", "add", "erin", "--role", "coder", "--password-stdin", "-d", url],
        input=PASSWORD + "\n", capture_output=True, text=True, check=False,
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [*exe, "user", "add", "fred", "--role", "boss", "--password-stdin", "-d", url],
        input=PASSWORD + "\n", capture_output=True, text=True, check=False,
    )
    assert bad.returncode == 2 and "unknown role 'boss'" in bad.stderr
    store = Store.open(url)
    assert authenticate(store, "erin", PASSWORD).role == "coder"
    [entry] = audit_trail(store, OWNER).rows
    assert entry.action == "create" and entry.after == {"name": "erin", "role": "coder"}
    store.close()


def test_command_line_decisions_are_all_or_none_and_audited(register) -> None:  # type: ignore[no-untyped-def]
    from casereview.app.access import cli_actor
    from casereview.app.decisions import decide_codes

    store, actors = register
    items = [s for _, group in coding_screen(store, actors["coder"], REVIEW).groups for s in group]
    a, b = items[-1].code.id, items[-2].code.id
    with pytest.raises(NotFoundError):
        decide_codes(store, cli_actor("Coder Three"), [a, 999_999], "reject")
    still = {s.code.id for _, group in coding_screen(store, actors["coder"], REVIEW).groups for s in group}
    assert a in still  # nothing of the batch was written
    done = decide_codes(store, cli_actor("Coder Three"), [a, b], "reject")
    assert [c.status for c in done] == ["rejected", "rejected"]
    trail = audit_trail(store, actors["admin"], actor_name="Coder Three").rows
    assert sorted(int(r.entity_id) for r in trail) == sorted([a, b])
    assert all(r.before and r.before["status"] == "pending" for r in trail)

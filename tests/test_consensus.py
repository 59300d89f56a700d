"""Independent coding by several coders: each decides the same suggestions without seeing
the others, the comparison shows where they disagree, a consensus is recorded with who
agreed it and is what the case table uses, while agreement counts the coders' own values
(the published Cohen's kappa example [[0,4,1],[0,8,0],[0,1,5]] -> 0.4842, ENGINEERING.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from casereview.app.access import Actor
from casereview.app.agreement import coder_agreement
from casereview.app.audit import audit_trail
from casereview.app.coding import Suggestion, coding_screen
from casereview.app.consensus import HIDDEN, agree, compare
from casereview.app.decisions import decide
from casereview.app.reviews import review_page
from casereview.app.users import create_user
from casereview.codebook import default_registry
from casereview.errors import ConflictError, PermissionDenied, ValidationError
from casereview.ingest.assist import code_review
from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.frames import case_table
from casereview.store.schema import Code, Review
from conftest import make_sqlite_store
from web_support import OWNER, PASSWORD, REVIEW, build_register, own_postgres

CB = "triennial-2014-17"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def register(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, dict[str, Actor]]]:
    def people(store: Store) -> dict[str, Actor]:
        actors = build_register(store)
        for name in ("bea", "cy"):
            user = create_user(store, OWNER, name, "coder", PASSWORD)
            actors[name] = Actor(user.name, user.role, user.id)
        return actors

    if request.param == "postgresql":
        with own_postgres() as store:
            yield store, people(store)
        return
    store = make_sqlite_store(Path(tmp_path_factory.mktemp("consensus")))
    yield store, people(store)
    store.close()


def _pending(store: Store, actor: Actor, field: str) -> Suggestion | None:
    screen = coding_screen(store, actor, REVIEW)
    return next((s for _, items in screen.groups for s in items if s.code.field_id == field), None)


def _row(store: Store) -> dict[str, object]:
    table = case_table(store, default_registry().get(CB, "2020"))
    [row] = table[table["review_id"] == REVIEW].to_dict("records")
    return row


def test_two_coders_code_blind_disagree_and_reach_consensus(register) -> None:  # type: ignore[no-untyped-def]
    store, a = register
    coder, bea, cy = a["coder"], a["bea"], a["cy"]
    da = _pending(store, coder, "fam_domestic_abuse")
    assert da is not None and da.code.value == "yes"
    mine = decide(store, coder, REVIEW, da.code.id, "accept", version=da.version)
    fatal = _pending(store, coder, "fatal")
    assert fatal is not None
    decide(store, coder, REVIEW, fatal.code.id, "accept", version=fatal.version)
    assert _pending(store, coder, "fam_domestic_abuse") is None  # decided: off this coder's queue

    # Bea still has the suggestion, and sees nothing of what the coder decided.
    theirs = _pending(store, bea, "fam_domestic_abuse")
    assert theirs is not None and theirs.code.id == da.code.id
    assert coding_screen(store, bea, REVIEW).decided == []
    assert review_page(store, bea, REVIEW).codes == []
    decide(store, bea, REVIEW, da.code.id, "edit", version=theirs.version, value="no")
    decide(store, bea, REVIEW, fatal.code.id, "accept", version=fatal.version)
    for person in (coder, bea):
        seen = {(c.code.coder, c.code.value) for c in coding_screen(store, person, REVIEW).decided}
        assert {who for who, _ in seen} == {person.name}
        assert {c.code.coder for c in review_page(store, person, REVIEW).codes} == {person.name}
    # An admin (not coding blind) sees both on the review page.
    both = {(c.code.coder, c.field_label, c.code.value) for c in review_page(store, a["admin"], REVIEW).codes}
    assert {(w, v) for w, _, v in both} >= {("coder", "yes"), ("bea", "no")}

    # Re-running the extractor keeps the suggestion open for the coder who has not decided.
    code_review(store, REVIEW)
    assert _pending(store, cy, "fam_domestic_abuse") is not None
    assert _pending(store, coder, "fam_domestic_abuse") is None

    # The comparison: for cy (who coded nothing) the values are hidden; viewers are refused.
    hidden = next(f for f in compare(store, cy, REVIEW).fields if f.field_id == "fam_domestic_abuse")
    assert [(w, v, lab) for w, v, lab in hidden.values] == [("bea", None, HIDDEN), ("coder", None, HIDDEN)]
    assert hidden.agree is None
    with pytest.raises(PermissionDenied, match="coder role"):
        compare(store, a["viewer"], REVIEW)
    cmp = compare(store, coder, REVIEW)
    by_field = {f.field_id: f for f in cmp.fields}
    assert cmp.coders == ["bea", "coder"] and (cmp.agreed, cmp.disagreed) == (1, 1)
    assert [(w, v) for w, v, _ in by_field["fam_domestic_abuse"].values] == [("bea", "no"), ("coder", "yes")]
    assert by_field["fam_domestic_abuse"].agree is False and by_field["fatal"].agree is True

    # Before a consensus the case table takes the newest coder's value (bea's).
    assert _row(store)["fam_domestic_abuse"] == "no"
    with pytest.raises(ValidationError, match="purple"):
        agree(store, coder, REVIEW, f"{CB}@2020", "fam_domestic_abuse", "purple", ["bea"])
    done = agree(store, coder, REVIEW, f"{CB}@2020", "fam_domestic_abuse", "Yes", ["bea"])
    assert (done.status, done.value) == ("consensus", "yes")
    assert _row(store)["fam_domestic_abuse"] == "yes"
    # Someone who opened the comparison before that consensus is refused, not overwriting it.
    with pytest.raises(ConflictError) as err:
        agree(store, bea, REVIEW, f"{CB}@2020", "fam_domestic_abuse", "no", ["coder"])
    assert err.value.changes == [("consensus", None, "yes")]
    after = next(f for f in compare(store, cy, REVIEW).fields if f.field_id == "fam_domestic_abuse")
    assert (after.consensus, after.agreed_by) == ("yes", ["bea", "coder"])
    assert [v for _, v, _ in after.values] == ["no", "yes"]  # agreed: no longer hidden
    assert ("consensus", "yes") in {(c.code.status, c.code.value) for c in review_page(store, bea, REVIEW).codes}
    [entry] = [r for r in audit_trail(store, a["admin"], review=REVIEW).rows if r.action == "consensus"]
    assert entry.actor == "coder" and entry.before is not None and entry.before["consensus"] is None
    assert entry.after is not None and entry.after["agreed_by"] == ["bea", "coder"]

    # Agreement counts the two coders' own values: one unit, not agreed; fatal agreed.
    report = coder_agreement(store, a["admin"], codebook=CB)
    assert {"bea", "coder"} <= set(report.coders) and "cy" not in report.coders  # (the sample's importer too)
    units = {f.name: (f.units, f.agreed) for f in report.fields}
    assert units["fam_domestic_abuse"] == (1, 0) and units["fatal"] == (1, 1)
    assert mine.id != da.code.id  # the coder's code is their own row; the suggestion stays


CATEGORIES = ("traditional", "scie", "hybrid")
MATRIX = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]  # rows: ann's value, columns: ben's


def test_consensus_wins_in_the_case_table_and_leaves_kappa_on_the_coders_values(tmp_path: Path) -> None:
    pairs = [(CATEGORIES[i], CATEGORIES[j]) for i, row in enumerate(MATRIX)
             for j, n in enumerate(row) for _ in range(n)]
    csv = tmp_path / "ann.csv"
    lines = ["review_id,child,study,year,region,scr_method"]
    lines += [f"AG-{k:02d},1,agree-study,2016,,{x}" for k, (x, _) in enumerate(pairs)]
    csv.write_text("\n".join(lines) + "\n")
    store = make_sqlite_store(tmp_path)
    import_file(store, csv, CB, coder="ann")
    disagree = {f"AG-{k:02d}": x for k, (x, y) in enumerate(pairs) if x != y}
    assert len(disagree) == 6
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": store.url, "COLUMNS": "200"}
    first, *others = disagree.items()
    cli = subprocess.run(  # agreed before ben's codes arrive: their newer ids must still lose
        [sys.executable, "-m", "casereview", "consensus", first[0], "scr_method", first[1].upper(),
         "--agreed-by", "ben", "--coder", "ann"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert cli.returncode == 0, cli.stderr
    assert f"scr_method = {first[1]} is the consensus, agreed by ann, ben" in cli.stdout
    for ref, value in others:
        agree(store, OWNER, ref, None, "scr_method", value, ["ann", "ben"])
    with store.session(write=True) as s:
        ids = dict(s.execute(select(Review.reference, Review.id)).all())
        for k, (_, y) in enumerate(pairs):
            s.add(Code(review_id=ids[f"AG-{k:02d}"], codebook_id=CB, codebook_version="2020",
                       field_id="scr_method", value=y, coder="ben"))
    report = coder_agreement(store, OWNER, study="agree-study", codebook=CB)
    assert report.coders == ["ann", "ben"]
    [field] = report.fields
    assert (field.units, field.agreed) == (19, 13)
    assert field.kappa == pytest.approx(0.4842, abs=5e-5)
    table = case_table(store, default_registry().get(CB, "2020"), "agree-study")
    got = dict(zip(table["review_id"], table["scr_method"], strict=True))
    want = {f"AG-{k:02d}": disagree.get(f"AG-{k:02d}", y) for k, (_, y) in enumerate(pairs)}
    assert got == want
    out = subprocess.run(
        [sys.executable, "-m", "casereview", "agreement", "--study", "agree-study"],
        capture_output=True, text=True, env=env, check=False,
    )
    row = next(line for line in out.stdout.splitlines() if "scr_method" in line)
    assert "19" in row and "13" in row and "0.484" in row
    store.close()

"""`casereview code`: the extractor's suggestions become pending codes only; a person
accepts, edits or rejects each; re-running replaces pending suggestions and never touches
final or rejected codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from casereview.errors import CaseReviewError, NotFoundError
from casereview.ingest.assist import code_review
from casereview.ingest.service import ingest_paths
from casereview.store.database import Store
from casereview.store.document_store import load_document
from casereview.store.documents import Document
from casereview.store.schema import Child, Code, Review
from casereview.store.suggestions import (
    ASSIST_CODER,
    accept_code,
    edit_code,
    list_codes,
    reject_code,
)
from document_factory import DOCUMENTS

REVIEW = "child_t_review"


@pytest.fixture
def coded(any_store: Store) -> Store:
    ingest_paths(any_store, [DOCUMENTS / "child_t_review.pdf"])
    code_review(any_store, REVIEW)
    return any_store


def by_field(store: Store, status: str | None = "pending") -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = {}  # type: ignore[type-arg]
    with store.session() as s:
        for c in list_codes(s, REVIEW, status):
            out.setdefault(c.field_id, []).append(c)
    return out


def test_code_stores_pending_suggestions_with_evidence_only(coded: Store) -> None:
    with coded.session() as s:
        codes = s.scalars(select(Code)).all()
        text = load_document(s, s.scalar(select(Document.id))).text
    assert codes and all(c.status == "pending" and c.coder == ASSIST_CODER for c in codes)
    assert all(c.codebook_id == "triennial-2014-17" for c in codes)
    pending = by_field(coded)
    # What the Child T report says (tests/data/documents/make_documents.py, page 2):
    # domestic abuse between the mother and her partner; the mother's history of depression;
    # "no evidence of drug misuse by either adult"; T is a boy.
    assert "yes" in {c.value for c in pending["fam_domestic_abuse"]}
    assert "yes" in {c.value for c in pending["par_mental_health"]}
    [drugs] = pending["par_drugs"]
    assert (drugs.value, drugs.assertion, drugs.page) == ("no", "negated", 2)
    assert "no evidence of drug misuse" in (drugs.evidence or "")
    assert [c.value for c in pending["gender"]] == ["male"]
    # The report's recommendations (pages 3-4) mention domestic abuse as advice to agencies:
    # no pending code may come from them, and one field/value is proposed once.
    assert [(c.value, c.page) for c in pending["fam_domestic_abuse"]] == [("yes", 2)]
    assert all(c.assertion in ("present", "historical", "negated") for cs in pending.values() for c in cs)
    assert [c.value for c in pending["fatal"]] == ["no"]
    for c in (c for cs in pending.values() for c in cs):
        assert c.document_id is not None and c.page is not None
        assert c.start is not None and c.end is not None and 0 <= c.start < c.end <= len(text)


def test_people_decide_and_a_rerun_keeps_their_decisions(coded: Store) -> None:
    pending = by_field(coded)
    da = next(c for c in pending["fam_domestic_abuse"] if c.assertion == "present")
    mh = pending["par_mental_health"][0]
    drugs = pending["par_drugs"][0]
    gender = pending["gender"][0]
    with coded.session() as s:
        accepted = accept_code(s, da.id, "Coder One")
        edited = edit_code(s, drugs.id, "Yes", "Coder One")  # a label is turned into the id
        rejected = reject_code(s, mh.id, "Coder One")
        child_code = accept_code(s, gender.id, "Coder One")
    assert (accepted.status, accepted.coder, accepted.value) == ("final", "Coder One", "yes")
    assert accepted.evidence == da.evidence and accepted.page == da.page
    assert (edited.status, edited.value) == ("final", "yes")
    assert rejected.status == "rejected"
    # gender is coded per child; the review had no children, so child "1" was created.
    assert child_code.child == "1"
    with coded.session() as s:
        before_pending = len(list_codes(s, REVIEW, "pending"))
        with pytest.raises(CaseReviewError, match="is final, not pending"):
            accept_code(s, da.id, "Coder Two")

    result = code_review(coded, REVIEW)
    assert result.skipped_decided == 4  # the four decided suggestions are not proposed again
    assert result.replaced == before_pending
    finals = by_field(coded, "final")
    assert {f: [c.value for c in cs] for f, cs in finals.items()} == {
        "fam_domestic_abuse": ["yes"],
        "par_drugs": ["yes"],
        "gender": ["male"],
    }
    assert [c.id for c in finals["fam_domestic_abuse"]] == [da.id]  # the same row, untouched
    assert [c.status for c in by_field(coded, "rejected")["par_mental_health"]] == ["rejected"]
    assert all(c.id != mh.id for cs in by_field(coded).values() for c in cs)


def test_code_never_touches_codes_entered_by_people(coded: Store) -> None:
    with coded.session() as s:
        review = s.scalar(select(Review).where(Review.reference == REVIEW))
        assert review is not None
        s.add(
            Code(
                review_id=review.id,
                codebook_id="triennial-2014-17",
                codebook_version="2020",
                field_id="par_alcohol",
                value="no",
                coder="importer",
                status="final",
            )
        )
    code_review(coded, REVIEW)
    code_review(coded, REVIEW)
    with coded.session() as s:
        kept = s.scalars(select(Code).where(Code.coder == "importer")).all()
    assert [(c.field_id, c.value, c.status) for c in kept] == [("par_alcohol", "no", "final")]


def test_decisions_need_a_person_a_valid_value_and_the_child(coded: Store) -> None:
    pending = by_field(coded)
    drugs = pending["par_drugs"][0]
    gender = pending["gender"][0]
    with coded.session() as s:
        with pytest.raises(CaseReviewError, match="name of the person"):
            accept_code(s, drugs.id, ASSIST_CODER)
        with pytest.raises(CaseReviewError, match="not an allowed value"):
            edit_code(s, drugs.id, "perhaps", "Coder One")
        review = s.scalar(select(Review).where(Review.reference == REVIEW))
        assert review is not None
        s.add_all([Child(review_id=review.id, label="1"), Child(review_id=review.id, label="2")])
    with coded.session() as s, pytest.raises(CaseReviewError, match="say which with --child"):
        accept_code(s, gender.id, "Coder One")
    with coded.session() as s:
        assert accept_code(s, gender.id, "Coder One", child="2").child == "2"


def test_code_needs_a_known_review_with_documents(sqlite_store: Store) -> None:
    with pytest.raises(NotFoundError, match="no review with reference 'NOPE'"):
        code_review(sqlite_store, "NOPE")
    with sqlite_store.session() as s:
        s.add(Review(reference="EMPTY"))
    with pytest.raises(CaseReviewError, match="has no documents: ingest one first"):
        code_review(sqlite_store, "EMPTY")


def test_code_and_codes_commands(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "CASEREVIEW_CODER": "Coder Three",
        "COLUMNS": "250",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "casereview", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )

    assert run("ingest", str(DOCUMENTS / "child_t_review.pdf")).returncode == 0
    coded = run("code", REVIEW)
    assert coded.returncode == 0, coded.stderr
    assert "pending suggestion" in coded.stdout and "triennial-2014-17@2020" in coded.stdout
    listed = run("codes", "list", REVIEW)
    assert listed.returncode == 0, listed.stderr
    row = next(line for line in listed.stdout.splitlines() if "par_drugs" in line)
    code_id = row.split("│")[1].strip()
    accepted = run("codes", "accept", code_id)
    assert accepted.returncode == 0, accepted.stderr
    assert f"code {code_id}: par_drugs = no is final (Coder Three)" in accepted.stdout
    again = run("codes", "accept", code_id)
    assert again.returncode == 2 and "not pending" in again.stderr

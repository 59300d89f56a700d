"""Assisted coding: the public API, evidence offsets and pages, rules files and the CLI."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casereview.extract import SUGGESTION_KEYS, extract_document, extract_text
from casereview.extract import rules as R
from casereview.extract.text import normalise

ROOT = Path(__file__).resolve().parents[1]
MANUAL = ROOT / "docs" / "assisted-coding-manual.md"

TEXT = """Child A was a 4-month-old girl of White British heritage.

Her mother had a history of postnatal
    depression and her father misused cannabis.\f
There was no evidence of domestic abuse. Child A died in hospital."""


def manual_keys() -> list[str]:
    return re.findall(r"^\| `([a-z_]+)` \|", MANUAL.read_text(encoding="utf-8"), re.MULTILINE)


def test_json_has_exactly_the_documented_keys() -> None:
    data = extract_text(TEXT).to_json()
    assert set(data) == {"suggestions", "summary", "resolved"}
    assert list(data["summary"]) == manual_keys()
    assert list(data["resolved"]) == manual_keys()
    for key, res in data["resolved"].items():
        assert set(res) == {"value", "confidence", "support", "against"}
        assert res["value"] == data["summary"][key]
    assert data["suggestions"]
    for s in data["suggestions"]:
        assert tuple(s) == SUGGESTION_KEYS


def test_evidence_offsets_point_into_the_original_text() -> None:
    result = extract_text(TEXT)
    mh = next(s for s in result.suggestions if s.field == "par_mental_health")
    # the phrase was wrapped across a line break with indentation in the original
    assert " ".join(TEXT[mh.start : mh.end].split()) == "postnatal depression"
    assert "postnatal depression" in mh.evidence
    for s in result.suggestions:
        assert " ".join(TEXT[s.start : s.end].split()).lower() in s.evidence.lower()


def test_normalise_keeps_an_offset_map() -> None:
    norm = normalise("a\n\n   domestic\tabuse  b")
    assert norm.text == "a domestic abuse b"
    start = norm.text.index("domestic")
    # "a" + two newlines + three spaces = 6 characters before "domestic"; 14 characters on
    assert norm.original(start, start + len("domestic abuse")) == (6, 20)


@dataclass
class _Page:
    number: int
    start: int
    end: int


@dataclass
class _Doc:
    text: str
    pages: list[_Page]


def test_extract_document_gives_pages() -> None:
    split = TEXT.index("\f") + 1
    doc = _Doc(TEXT, [_Page(1, 0, split), _Page(2, split, len(TEXT))])
    result = extract_document(doc)
    pages = {s.field: s.page for s in result.suggestions}
    assert pages["par_mental_health"] == 1
    assert pages["fam_domestic_abuse"] == 2
    assert result.summary["fatal"] is True
    assert result.summary["domestic_abuse"] is False


def test_summary_of_the_fixture() -> None:
    summary = extract_text(TEXT).summary
    assert summary["child_age_years"] == 0.33
    assert summary["child_gender"] == "female"
    assert summary["ethnicity"] == "white"
    assert summary["parental_mental_health"] is True
    assert summary["parental_drug_misuse"] is True
    assert summary["parental_alcohol_misuse"] is None


def test_phrase_expansion() -> None:
    assert R.expand("(misused|misusing) (alcohol|drink)") == [
        "misused alcohol",
        "misused drink",
        "misusing alcohol",
        "misusing drink",
    ]
    assert R.expand("(history of |)self-harm") == ["history of self-harm", "self-harm"]
    assert R.expand("(in (her|his) childhood|as a child)") == [
        "in her childhood",
        "in his childhood",
        "as a child",
    ]
    with pytest.raises(R.RulesError):
        R.expand("(unbalanced")


def test_rules_file_with_an_unknown_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "concepts.yaml").write_text(
        "concepts:\n  - {id: x, label: X, source: test, fields: {}, phrase: [a]}\n",
        encoding="utf-8",
    )
    with pytest.raises(R.RulesError, match="unknown key"):
        R.concepts(tmp_path)


def test_every_concept_field_is_in_the_codebook_or_a_summary_key() -> None:
    from casereview.codebook import default_registry

    fm = R.field_map()
    cb = default_registry().get(fm.codebook)
    known = {f.id for f in cb.fields} | {m.key for m in fm.summary}
    for c in R.concepts():
        for fields in c.fields.values():
            assert set(fields) <= known, (c.id, set(fields) - known)


def test_cli_json(tmp_path: Path) -> None:
    from casereview.cli import app

    path = tmp_path / "review.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"suggestions", "summary", "resolved"}
    assert all(tuple(s) == SUGGESTION_KEYS for s in data["suggestions"])
    assert data["summary"]["parental_drug_misuse"] is True
    drugs = data["resolved"]["parental_drug_misuse"]
    assert 0 < drugs["confidence"] <= 1
    assert all(data["suggestions"][i]["field"] == "par_drugs" for i in drugs["support"])


def test_cli_table(tmp_path: Path) -> None:
    from casereview.cli import app

    path = tmp_path / "review.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "Summary" in result.output and "negated" in result.output


def test_codebook_fields_beyond_the_summary() -> None:
    text = (
        "The family were in rent arrears and relied on food banks. They had moved house "
        "frequently and were living in temporary accommodation. Child A, 12, was bullied at school."
    )
    fields = {s.field for s in extract_text(text).suggestions if s.assertion == "present"}
    assert {"fam_poverty", "fam_transient", "child_bullying"} <= fields


def test_cli_unreadable_file_is_a_one_line_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "review.xyz"
    bad.write_text("Child A", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "from casereview.cli import main; main()", "extract", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "review.xyz" in done.stderr and "unsupported" in done.stderr

"""Pseudonymised exports: no real name of the synthetic reviews survives, one person keeps one
pseudonym across pages and documents, roles and every other character of the text are kept,
the key is written only when asked for, and exported cells stay formula-safe."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casereview.errors import ConfigError
from casereview.ingest.service import ingest_paths
from casereview.io.exporter import export_file
from casereview.io.importer import import_file
from casereview.io.pseudonymise import (
    PAGE_BREAK,
    export_documents,
    learn_from_documents,
    pseudonymiser_from_env,
)
from casereview.io.pseudonyms import Pseudonymiser
from casereview.store.database import Store
from casereview.store.document_store import load_document

DATA = Path(__file__).parent / "data" / "pseudonyms"
SECRET = b"a test secret of some length"
# Every name token of the fixtures (invented names); none may be left in any output.
NAME_TOKENS = ["Lily", "Hartwell", "Jane", "Marcus", "Delaney", "Kyle", "Brennan", "Rosalind", "Ashcombe", "Anna", "Pritchard", "Oscar", "Fenwick", "Donna", "Graham", "Okafor", "Beatrice", "Llewellyn"]
# The names as the fixtures write them, longest first: what the output must have replaced.
SURFACE = [
    "Lily Hartwell", "Jane Hartwell", "JANE HARTWELL", "J. Hartwell", "Mrs Hartwell",
    "Marcus Delaney", "Marcus\nDelaney", "Kyle Brennan", "Mr Brennan", "Rosalind Ashcombe",
    "Anna\nPritchard", "Anna Pritchard", "Oscar Fenwick", "Donna Fenwick", "Mrs Fenwick",
    "Graham Okafor", "Mr Okafor", "Beatrice Llewellyn", "Beatrice\nLlewellyn",
    "Lily", "Jane", "Marcus", "Kyle", "Rosalind", "Anna", "Oscar", "Donna", "Beatrice",
]
PSEUDONYM = re.compile(
    r"(?:(?:Mr|Mrs) )?(?:Child|Mother|Father|Stepfather|Partner|Professional|Family|Adult|"
    r"Grandparent|Relative|Sibling) [A-Z]{3,}"
)
CASES = (
    "review_id,child,study,region,law_type,law_type_other\n"
    "R-PS-1,Lily,pseudo,London,public_s31,Care order sought after Kyle Brennan's conviction\n"
    'R-PS-2,1,pseudo,London,public_other,"=HYPERLINK(""x"") Donna Fenwick asked for help"\n'
)


@pytest.fixture
def register(sqlite_store: Store, tmp_path: Path) -> Store:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES, encoding="utf-8")
    import_file(sqlite_store, cases, "cafcass-scr")
    ingest_paths(sqlite_store, [DATA / "R-PS-1-report.txt", DATA / "R-PS-1-chronology.txt"], review="R-PS-1")
    ingest_paths(sqlite_store, [DATA / "R-PS-2-report.txt"], review="R-PS-2")
    return sqlite_store


def _names_left(text: str) -> list[str]:
    return [t for t in NAME_TOKENS if re.search(rf"\b{t}\b", text, re.IGNORECASE)]


def _exported(store: Store, folder: Path, secret: bytes = SECRET) -> tuple[Pseudonymiser, dict[int, list[str]]]:
    p = Pseudonymiser(secret)
    export_documents(store, folder, p)
    pages = {int(f.stem.split("-")[1]): f.read_text(encoding="utf-8").split(PAGE_BREAK) for f in folder.iterdir()}
    return p, pages


def test_no_real_name_is_left_in_the_documents(register: Store, tmp_path: Path) -> None:
    with register.session() as s:
        stored = " ".join(load_document(s, i).text for i in (1, 2, 3))
    assert sorted(_names_left(stored)) == sorted(NAME_TOKENS)  # the fixtures do name them all
    _, pages = _exported(register, tmp_path / "out")
    assert sorted(pages) == [1, 2, 3] and len(pages[1]) == 2
    for doc_pages in pages.values():
        for page in doc_pages:
            assert _names_left(page) == [], page


def test_one_person_one_pseudonym_across_pages_and_documents(register: Store, tmp_path: Path) -> None:
    p, pages = _exported(register, tmp_path / "out")
    forms = p.forms()
    lily, kyle = forms["lily hartwell"], forms["kyle brennan"]
    assert forms["lily"] == lily and forms["kyle"] == kyle and forms["j hartwell"] == forms["jane hartwell"]
    for text in (pages[1][0], pages[1][1], pages[2][0]):  # both pages of the report, the chronology
        assert lily in text and kyle in text
    people = ["lily hartwell", "jane hartwell", "marcus delaney", "kyle brennan", "rosalind ashcombe",
              "anna pritchard", "oscar fenwick", "donna fenwick", "graham okafor", "beatrice llewellyn"]
    assert len({forms[k] for k in people}) == len(people)  # different people, different pseudonyms
    # role-aware: the role each is introduced with
    assert lily.startswith("Child ") and forms["oscar fenwick"].startswith("Child ")
    assert forms["jane hartwell"].startswith("Mother ") and forms["marcus delaney"].startswith("Father ")
    assert forms["anna pritchard"].startswith("Professional ") and kyle.startswith("Partner ")
    # a surname two people share is the family's, not either person's
    assert forms["hartwell"].startswith("Family ") and "Mrs " + forms["hartwell"] in pages[1][0]


def test_only_names_change(register: Store, tmp_path: Path) -> None:
    """Mask the names in the stored pages and the pseudonyms in the output: what is left is
    the same text, in the same order (role words, 'Child A', punctuation, line breaks)."""
    _, pages = _exported(register, tmp_path / "out")
    surface = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in SURFACE) + r")\b")
    with register.session() as s:
        for doc_id, out_pages in pages.items():
            stored = [page.text for page in load_document(s, doc_id).pages]
            assert [PSEUDONYM.sub("\0", t) for t in out_pages] == [surface.sub("\0", t) for t in stored]
    assert "health visitor, Professional" in pages[1][0] and "(stepfather)" in pages[1][0]
    assert "Child A in the national review" in pages[1][1]


def test_secret_makes_exports_linkable_or_not(register: Store, tmp_path: Path) -> None:
    _, same1 = _exported(register, tmp_path / "a")
    _, same2 = _exported(register, tmp_path / "b")
    _, other = _exported(register, tmp_path / "c", secret=b"another secret, just as long")
    assert same1 == same2
    assert other != same1
    assert [PSEUDONYM.sub("\0", t) for t in other[3]] == [PSEUDONYM.sub("\0", t) for t in same1[3]]


def test_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PS_SECRET", "short")
    with pytest.raises(ConfigError, match="PS_SECRET must hold .* 16 characters .*it has 5"):
        pseudonymiser_from_env("PS_SECRET")
    monkeypatch.setenv("PS_SECRET", SECRET.decode())
    text = "Her mother, Jane Hartwell, attended."
    a, b = pseudonymiser_from_env("PS_SECRET"), Pseudonymiser(SECRET)
    a.learn(text)
    b.learn(text)
    assert a.replace(text) == b.replace(text) != text


def test_case_table_pseudonymised_and_formula_safe(register: Store, tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    export_file(register, plain, "cafcass-scr")
    assert "Kyle Brennan" in plain.read_text() and "Lily" in plain.read_text()
    p = Pseudonymiser(SECRET)
    learn_from_documents(register, p)
    out = tmp_path / "pseudo.csv"
    export_file(register, out, "cafcass-scr", pseudonymiser=p)
    text = out.read_text(encoding="utf-8")
    assert _names_left(text) == []
    with out.open(newline="", encoding="utf-8") as fh:
        rows = {r["review_id"]: r for r in csv.DictReader(fh)}
    forms = p.forms()
    assert rows["R-PS-1"]["child"] == forms["lily hartwell"]  # as in the documents
    assert rows["R-PS-1"]["law_type_other"] == f"Care order sought after {forms['kyle brennan']}'s conviction"
    assert rows["R-PS-2"]["law_type_other"] == f"'=HYPERLINK(\"x\") {forms['donna fenwick']} asked for help"


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "PS_SECRET": SECRET.decode()}
    return subprocess.run(
        [sys.executable, "-m", "casereview", *args], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
    )


def test_cli_writes_the_key_only_when_asked(tmp_path: Path) -> None:
    assert _cli(tmp_path, "ingest", str(DATA / "R-PS-2-report.txt"), "--review", "R-PS-2").returncode == 0
    run = _cli(tmp_path, "export-documents", "out", "--secret-env", "PS_SECRET")
    assert run.returncode == 0, run.stderr
    assert sorted(f.name for f in tmp_path.rglob("*") if f.is_file() and f.suffix != ".db"
                  and not f.name.startswith("cli.db")) == ["document-1.txt"]
    assert _names_left((tmp_path / "out" / "document-1.txt").read_text()) == []
    run = _cli(tmp_path, "export-documents", "out2", "--secret-env", "PS_SECRET", "--key-out", "key.csv")
    assert run.returncode == 0, run.stderr
    with (tmp_path / "key.csv").open(newline="", encoding="utf-8") as fh:
        key = dict(csv.reader(fh))
    assert key["donna fenwick"] in (tmp_path / "out2" / "document-1.txt").read_text()
    # the same secret: the same pseudonyms in both exports
    assert (tmp_path / "out" / "document-1.txt").read_text() == (tmp_path / "out2" / "document-1.txt").read_text()


def test_app_layer_downloads_are_admin_only_and_pseudonymised(register: Store) -> None:
    import io
    import zipfile

    from casereview.app.access import Actor
    from casereview.app.exports import pseudonymised_cases, pseudonymised_documents
    from casereview.errors import PermissionDenied

    for role in ("viewer", "coder"):
        with pytest.raises(PermissionDenied, match="export pseudonymised"):
            pseudonymised_documents(register, Actor(role, role))
        with pytest.raises(PermissionDenied):
            pseudonymised_cases(register, Actor(role, role))
    admin = Actor("admin", "admin")
    table = pseudonymised_cases(register, admin, "csv", codebook="cafcass-scr")
    assert b"R-PS-1" in table.content and _names_left(table.content.decode()) == []
    docs = pseudonymised_documents(register, admin)
    with zipfile.ZipFile(io.BytesIO(docs.content)) as z:
        texts = [z.read(n).decode() for n in sorted(z.namelist())]
    assert len(texts) == 3 and all(_names_left(t) == [] for t in texts)
    assert "Child A in the national review" in texts[0]


def test_cli_case_table_pseudonymised_without_a_key(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text(CASES, encoding="utf-8")
    assert _cli(tmp_path, "import", "cases.csv", "--codebook", "cafcass-scr").returncode == 0
    assert _cli(tmp_path, "ingest", str(DATA / "R-PS-1-report.txt"), "--review", "R-PS-1").returncode == 0
    assert _cli(tmp_path, "ingest", str(DATA / "R-PS-2-report.txt"), "--review", "R-PS-2").returncode == 0
    run = _cli(tmp_path, "export", "out.csv", "--pseudonymise")
    assert run.returncode == 0, run.stderr
    assert "pseudonymised" in run.stdout and "key" not in run.stdout
    assert _names_left((tmp_path / "out.csv").read_text()) == []
    assert sorted(f.name for f in tmp_path.iterdir() if not f.name.startswith("cli.db")) == ["cases.csv", "out.csv"]


def test_spss_case_table_pseudonymised(register: Store, tmp_path: Path) -> None:
    import pyreadstat

    p = Pseudonymiser(SECRET)
    learn_from_documents(register, p)
    export_file(register, tmp_path / "cases.sav", "cafcass-scr", pseudonymiser=p)
    frame, _ = pyreadstat.read_sav(str(tmp_path / "cases.sav"))
    assert frame.loc[frame["review_id"] == "R-PS-1", "child"].tolist() == [p.forms()["lily"]]
    assert all(_names_left(str(v)) == [] for v in frame.to_numpy().ravel())

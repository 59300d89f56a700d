"""The compiled phrase matchers kept on disk: rebuilt when the rules change or the file is
damaged, never trusted beyond plain data, and coding the same with or without them."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from spacy.matcher import PhraseMatcher

from casereview.extract import cache, extract_text
from casereview.extract import pipeline as P
from casereview.extract import rules as R
from casereview.extract.matchers import CONCEPTS_KEY, TermMatcher
from casereview.settings import get_settings

DEV = Path(__file__).parent / "data" / "extract_dev" / "dev.yaml"
NEW_WORD = "zorbleweed"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CASEREVIEW_CACHE_DIR", str(folder))
    get_settings.cache_clear()
    yield folder
    get_settings.cache_clear()


@pytest.fixture
def rules_copy(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "rules"
    shutil.copytree(R.RULES_DIR, folder)
    yield folder
    for loader in (R.concepts, R.people, R.context_rules, R.field_map):
        loader.cache_clear()  # the copies' rules must not outlive the test


def _refuse_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("phrases compiled although the cache holds them")

    monkeypatch.setattr(TermMatcher, "compile", refuse)


def _labels(nlp: object, text: str) -> set[str]:
    doc = nlp(text)  # type: ignore[operator]
    return {s.label_ for s in doc.spans[CONCEPTS_KEY]}


def test_a_changed_rules_file_is_compiled_again(
    cache_dir: Path, rules_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"Father smoked {NEW_WORD} every evening."
    first = P.build(str(rules_copy))
    concept = R.concepts(rules_copy)[0].id
    assert concept not in _labels(first, text)
    assert list(cache_dir.glob("concepts-*.pickle"))

    with monkeypatch.context() as m:  # unchanged rules: read back, nothing compiled
        _refuse_compiling(m)
        P.build(str(rules_copy))

    path = rules_copy / "concepts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["concepts"][0]["phrases"] = [*data["concepts"][0].get("phrases", []), NEW_WORD]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    R.concepts.cache_clear()
    assert concept in _labels(P.build(str(rules_copy)), text)


def test_damaged_cache_files_are_rebuilt(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mother misused alcohol and there was domestic abuse at home."
    expected = _labels(P.build(), text)
    (concepts,) = cache_dir.glob("concepts-*.pickle")
    (people,) = cache_dir.glob("people-*.pickle")
    blob = concepts.read_bytes()
    concepts.write_bytes(blob[: len(blob) // 2])  # as a process killed mid-write would leave it
    people.write_bytes(b"not a pickle at all")
    assert _labels(P.build(), text) == expected
    with monkeypatch.context() as m:  # and the rebuilt files are whole again
        _refuse_compiling(m)
        assert _labels(P.build(), text) == expected


@pytest.mark.parametrize("damage", [b"", b"\x80\x05garbage", "truncate", "other key"])
def test_an_unreadable_cache_file_is_replaced(tmp_path: Path, damage: bytes | str) -> None:
    sources = [R.RULES_DIR / "people.yaml"]
    assert cache.cached("probe", sources, lambda: [(1, 2)] * 50, tmp_path) == [(1, 2)] * 50
    (path,) = tmp_path.glob("probe-*.pickle")
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:-7])
    elif damage == "other key":
        path.write_bytes(pickle.dumps({"key": "0" * 64, "data": ["stale"]}))
    else:
        path.write_bytes(damage)  # type: ignore[arg-type]
    assert cache.cached("probe", sources, lambda: ["rebuilt"], tmp_path) == ["rebuilt"]
    assert cache.cached("probe", sources, lambda: ["not again"], tmp_path) == ["rebuilt"]


class _Payload:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("code run from a cache file",))


def test_a_cache_file_naming_code_is_not_loaded(tmp_path: Path) -> None:
    sources = [R.RULES_DIR / "people.yaml"]
    key = cache.fingerprint("probe", sources)
    path = tmp_path / f"probe-{key[:24]}.pickle"
    path.write_bytes(pickle.dumps({"key": key, "data": _Payload()}))
    assert cache.cached("probe", sources, lambda: ["built"], tmp_path) == ["built"]
    assert cache.cached("probe", sources, lambda: ["not again"], tmp_path) == ["built"]


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    sources = [R.RULES_DIR / "people.yaml"]
    assert cache.cached("probe", sources, lambda: [1, (2, 3)], blocker / "cache") == [1, (2, 3)]


def test_hashed_phrases_match_as_pattern_docs_do() -> None:
    """The cached form (token hashes) matches exactly what spaCy's Doc patterns match."""
    nlp = P.pipeline()
    ours = nlp.get_pipe("casereview_concepts").matcher.lower
    reference = PhraseMatcher(nlp.vocab, attr="LOWER")
    for c in R.concepts():
        spelled = sorted({p for ph in c.phrases for p in R.expand(ph.lower())})
        if spelled:
            reference.add(c.id, [nlp.make_doc(p) for p in spelled])
    cases = yaml.safe_load(DEV.read_text(encoding="utf-8"))["cases"]
    total = 0
    for case in cases:
        doc = nlp.make_doc(case["text"])
        found = sorted(ours(doc))
        assert found == sorted(reference(doc)), case["id"]
        total += len(found)
    assert total > len(cases)  # the comparison saw real matches


def test_suggestions_are_the_same_with_and_without_the_cache(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = yaml.safe_load(DEV.read_text(encoding="utf-8"))["cases"][:40]
    compiled = P.build()  # empty cache: compiled here (and stored)
    with monkeypatch.context() as m:
        _refuse_compiling(m)
        loaded = P.build()  # read back from the cache

    def code_all(nlp: object) -> list[list[dict[str, object]]]:
        monkeypatch.setattr(P, "pipeline", lambda rules_dir=None: nlp)
        return [[s.to_json() for s in extract_text(c["text"]).suggestions] for c in cases]

    with_compiled, with_loaded = code_all(compiled), code_all(loaded)
    assert with_compiled == with_loaded
    assert sum(map(len, with_compiled)) > len(cases)


def test_no_home_folder_builds_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("CASEREVIEW_CACHE_DIR", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    get_settings.cache_clear()
    try:
        sources = [R.RULES_DIR / "people.yaml"]
        assert cache.cached("probe", sources, lambda: ["built"]) == ["built"]
    finally:
        get_settings.cache_clear()


def _build_slowly() -> list[tuple[int, ...]]:
    import time

    time.sleep(0.2)  # long enough for the other processes to start writing too
    return [tuple(range(i, i + 5)) for i in range(20_000)]


def _cache_in(folder: str) -> int:
    data = cache.cached("probe", [R.RULES_DIR / "people.yaml"], _build_slowly, Path(folder))
    return len(data)


def test_processes_filling_the_cache_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(4) as pool:
        sizes = pool.map(_cache_in, [str(tmp_path)] * 8)
    assert sizes == [20_000] * 8
    (path,) = tmp_path.glob("probe-*.pickle")  # no temporary files left behind
    assert list(tmp_path.iterdir()) == [path]
    assert cache.cached("probe", [R.RULES_DIR / "people.yaml"], list, tmp_path) == _build_slowly()

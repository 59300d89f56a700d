"""The default registry is parsed once and shared, and read again when a codebook file changes;
the fast YAML loader builds the same codebooks as the pure-Python one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from casereview.codebook import registry as registry_module
from casereview.codebook.loader import BUNDLED_DIR, codebook_files, codebook_from_dict
from casereview.codebook.registry import default_registry
from casereview.settings import get_settings


@pytest.fixture
def user_codebooks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "codebooks"
    folder.mkdir()
    monkeypatch.setenv("CASEREVIEW_CODEBOOK_DIRS", str(folder))
    get_settings.cache_clear()
    monkeypatch.setattr(registry_module, "_cached", None)
    yield folder
    get_settings.cache_clear()


def test_default_registry_is_loaded_once_and_reloaded_when_a_file_changes(
    user_codebooks: Path,
) -> None:
    first = default_registry()
    assert default_registry() is first  # not parsed again
    source = BUNDLED_DIR / "pathways" / "2020.yaml"
    text = source.read_text(encoding="utf-8").replace('version: "2020"', 'version: "2099"', 1)
    path = user_codebooks / "pathways-2099.yaml"
    path.write_text(text, encoding="utf-8")
    second = default_registry()
    assert second is not first
    assert second.versions("pathways") == ["2020", "2099"]
    path.unlink()
    third = default_registry()
    assert third.versions("pathways") == first.versions("pathways")


def test_the_fast_yaml_loader_builds_the_same_codebooks() -> None:
    for path in codebook_files(BUNDLED_DIR):
        text = path.read_text(encoding="utf-8")
        fast = yaml.load(text, Loader=yaml.CSafeLoader)
        pure = yaml.load(text, Loader=yaml.SafeLoader)
        assert fast == pure
        assert codebook_from_dict(fast, str(path)) == codebook_from_dict(pure, str(path))

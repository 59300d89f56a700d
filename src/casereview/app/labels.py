"""Labels of fields and values from their codebook, for display (ids when it is gone)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from casereview.codebook.registry import CodebookRegistry
from casereview.errors import CaseReviewError
from casereview.settings import get_settings


@lru_cache(maxsize=4)
def _registry(dirs: tuple[Path, ...]) -> CodebookRegistry:
    # Reading the YAML codebooks costs ~0.8 s: once per set of codebook folders, not per page.
    return CodebookRegistry.load(list(dirs))


def registry() -> CodebookRegistry:
    return _registry(tuple(get_settings().codebook_dirs))


class Labeller:
    """(field label, value label, group) of a code; one codebook lookup per field."""

    def __init__(self) -> None:
        self._registry = registry()
        self._cache: dict[tuple[str, str], tuple[str, dict[str, str], str | None] | None] = {}

    def _field(self, codebook: str, field_id: str) -> tuple[str, dict[str, str], str | None] | None:
        key = (codebook, field_id)
        if key not in self._cache:
            try:
                cb = self._registry.get(codebook)
                f = cb.field(field_id)
                self._cache[key] = (f.label, {v.id: v.label for v in cb.values_of(f)}, f.group)
            except CaseReviewError:  # a codebook or field removed since coding
                self._cache[key] = None
        return self._cache[key]

    def __call__(self, codebook: str, field_id: str, value: str | None) -> tuple[str, str, str | None]:
        found = self._field(codebook, field_id)
        if found is None:
            return field_id, value or "", None
        return found[0], found[1].get(value or "", value or ""), found[2]

    def choices(self, codebook: str, field_id: str) -> list[tuple[str, str]]:
        """(value id, label) allowed for the field; empty for free text, numbers, dates."""
        found = self._field(codebook, field_id)
        return list(found[1].items()) if found else []

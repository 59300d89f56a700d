"""The result of assisted coding: suggestions with evidence, and one resolved summary."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

SUGGESTION_KEYS = (
    "field",
    "field_label",
    "value",
    "value_label",
    "subject",
    "assertion",
    "evidence",
    "page",
    "start",
    "end",
    "confidence",
)


@dataclass(frozen=True)
class Suggestion:
    """A proposed code for one codebook field. `start`/`end` are character offsets of the
    words that triggered it in the document text; `evidence` is the sentence holding them."""

    field: str
    field_label: str
    value: Any
    value_label: str
    subject: str
    assertion: str
    evidence: str
    page: int | None
    start: int
    end: int
    confidence: float
    weak: bool = dc_field(default=False, repr=False, compare=False)  # not part of the JSON

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in SUGGESTION_KEYS}


@dataclass
class Extraction:
    """Suggestions in document order and the summary (fixed keys, see the coding manual)."""

    suggestions: list[Suggestion] = dc_field(default_factory=list)
    summary: dict[str, Any] = dc_field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "suggestions": [s.to_json() for s in self.suggestions],
            "summary": dict(self.summary),
        }

    def for_field(self, field_id: str) -> list[Suggestion]:
        return [s for s in self.suggestions if s.field == field_id]

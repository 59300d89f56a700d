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
    # Not part of the JSON: a bare word or service (resolution), the rules' score before
    # calibration and how the subject was found (what the confidence model is fitted on).
    weak: bool = dc_field(default=False, repr=False, compare=False)
    raw_confidence: float = dc_field(default=0.0, repr=False, compare=False)
    how: str = dc_field(default="default", repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in SUGGESTION_KEYS}


@dataclass
class Extraction:
    """Suggestions in document order, the summary (fixed keys, see the coding manual) and how
    each key was resolved: its value, confidence and the suggestions for and against it."""

    suggestions: list[Suggestion] = dc_field(default_factory=list)
    summary: dict[str, Any] = dc_field(default_factory=dict)
    resolved: dict[str, Any] = dc_field(default_factory=dict)  # key -> resolve.Resolution

    @property
    def confidence(self) -> dict[str, float]:
        """The confidence of each resolved (non-null) summary value."""
        return {
            k: r.confidence
            for k, r in self.resolved.items()
            if r.value is not None and r.confidence is not None
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "suggestions": [s.to_json() for s in self.suggestions],
            "summary": dict(self.summary),
            "resolved": {k: r.to_json() for k, r in self.resolved.items()},
        }

    def for_field(self, field_id: str) -> list[Suggestion]:
        return [s for s in self.suggestions if s.field == field_id]

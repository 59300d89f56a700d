"""Validated case records: what an import, a form or an API call hands to the store."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ChildRecord:
    label: str
    codes: dict[str, str] = field(default_factory=dict)  # field id -> canonical value


@dataclass
class ReviewRecord:
    reference: str
    year: int | None = None
    region: str | None = None
    study: str | None = None
    codes: dict[str, str] = field(default_factory=dict)  # review-level fields
    children: list[ChildRecord] = field(default_factory=list)


@dataclass
class CaseBatch:
    """Reviews coded against one codebook version, ready to be written in one transaction."""

    codebook_id: str
    codebook_version: str
    reviews: list[ReviewRecord] = field(default_factory=list)

    @property
    def child_count(self) -> int:
        return sum(len(r.children) for r in self.reviews)

    @property
    def code_count(self) -> int:
        return sum(len(r.codes) + sum(len(c.codes) for c in r.children) for r in self.reviews)

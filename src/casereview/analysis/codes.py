"""What the analysis needs to know about a field's values: order, labels, missing values,
scores and the parent/child grouping of values (e.g. 'Public law – s31 only' within 'Public
law', 001 Tables 5-6), all read from the codebook so that no table hard-codes a category.
"""

from __future__ import annotations

from dataclasses import dataclass

from casereview.codebook.model import Codebook, CodebookField, Value
from casereview.errors import CaseReviewError

STRUCTURAL = ("review_id", "child", "study", "year", "region")
MISSING_LABEL = "Not stated"


@dataclass(frozen=True)
class FieldCodes:
    """The values of one categorical / ordinal / yes-no field, in codebook order."""

    field: CodebookField
    values: tuple[Value, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.values)

    @property
    def labels(self) -> dict[str, str]:
        return {v.id: v.label for v in self.values}

    @property
    def missing_ids(self) -> frozenset[str]:
        """Values that mean 'not stated' / 'unknown': left out of denominators."""
        return frozenset(v.id for v in self.values if v.missing)

    @property
    def scores(self) -> dict[str, float | None]:
        return {v.id: v.score for v in self.values}

    @property
    def parents(self) -> dict[str, str]:
        return {v.id: v.parent for v in self.values if v.parent}

    @property
    def group_ids(self) -> frozenset[str]:
        """Values that other values name as their parent (broad groups)."""
        return frozenset(self.parents.values())

    @property
    def leaf_ids(self) -> tuple[str, ...]:
        groups = self.group_ids
        return tuple(v.id for v in self.values if v.id not in groups and not v.missing)

    def ancestors(self, value_id: str) -> tuple[str, ...]:
        """Parent, grandparent, ... of a value (nearest first)."""
        chain: list[str] = []
        parents = self.parents
        cur = parents.get(value_id)
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parents.get(cur)
        return tuple(chain)

    def top(self, value_id: str) -> str:
        """The broadest group a value belongs to (itself when it has no parent)."""
        chain = self.ancestors(value_id)
        return chain[-1] if chain else value_id

    def label(self, value_id: str) -> str:
        return self.labels.get(value_id, value_id)


def field_codes(codebook: Codebook, field_id: str) -> FieldCodes:
    """The coded values of a field; an error naming the field when it has none."""
    f = codebook.field(field_id)
    values = codebook.values_of(f)
    if not values:
        raise CaseReviewError(
            f"field {field_id!r} ({f.label}) of codebook {codebook.key} is of type {f.type}, "
            "which has no categories; use a numeric summary or give bands"
        )
    return FieldCodes(f, values)


def is_coded(codebook: Codebook, field_id: str) -> bool:
    """True for categorical, ordinal and yes/no fields."""
    return codebook.has_field(field_id) and bool(codebook.values_of(codebook.field(field_id)))


def field_label(codebook: Codebook | None, column: str) -> str:
    """A column's human name: the codebook label, or a title for structural columns."""
    if codebook is not None and codebook.has_field(column):
        return codebook.field(column).label
    return {"review_id": "Review", "child": "Child", "study": "Study", "year": "Year"}.get(
        column, column.replace("_", " ").capitalize()
    )


def subtotal_label(group_label: str) -> str:
    """'Public law' -> 'Total public law' (as 000 Table 6 and 001 Table 5 print it)."""
    return f"Total {group_label[:1].lower()}{group_label[1:]}"

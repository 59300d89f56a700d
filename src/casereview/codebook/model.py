"""Codebooks as data: the classes a codebook YAML file is loaded into.

A codebook is one version of a coding framework (e.g. the Cafcass risk categories as
renamed in 2017). Every class here rejects unknown keys, so a typo in a YAML file is an
error, not a silently ignored setting. Cross-references (value sets, score and derivation
rules, version mappings) are checked by `Codebook.check_references`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FieldType = Literal["categorical", "ordinal", "yes_no", "integer", "number", "date", "text"]
Level = Literal["review", "child"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a rule comes from: a reference document and its section/table/page."""

    document: str = Field(description="Reference document id, e.g. '001' (see codebook sources)")
    section: str = Field(description="Section, table, figure or appendix, e.g. 'Table 6'")
    page: int | None = None
    note: str | None = None

    def cite(self) -> str:
        page = f", p. {self.page}" if self.page else ""
        return f"{self.document} {self.section}{page}"


class Document(Strict):
    """A reference document a codebook cites."""

    id: str
    title: str
    year: int | None = None
    publisher: str | None = None


class Value(Strict):
    """One allowed value of a categorical/ordinal/yes-no field."""

    id: str = Field(description="Stable machine id, e.g. 'public_s31'")
    label: str
    code: int = Field(description="Stable numeric code, used for SPSS value labels")
    score: float | None = Field(default=None, description="Score for scoring rules")
    definition: str | None = None
    aliases: tuple[str, ...] = Field(
        default=(), description="Other spellings accepted on import (matched case-insensitively)"
    )
    missing: bool = Field(
        default=False, description="A 'not stated'/'unknown' value: excluded from denominators"
    )
    parent: str | None = Field(
        default=None, description="Id of the broader value this is a sub-category of"
    )
    source: Source | None = Field(
        default=None, description="Where this value comes from, when it needs its own citation"
    )


# The implicit values of a yes / no / not stated field (codes follow the SPSS habit).
YES_NO_VALUES: tuple[Value, ...] = (
    Value(id="yes", label="Yes", code=1, score=1, aliases=("y", "true", "present")),
    Value(id="no", label="No", code=0, score=0, aliases=("n", "false", "absent")),
    Value(
        id="not_stated",
        label="Not stated",
        code=9,
        missing=True,
        aliases=("not known", "unknown", "n/k", "nk", "missing"),
    ),
)


class CodebookField(Strict):
    """One variable of the framework."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$", description="Also the SPSS variable name")
    label: str
    type: FieldType
    level: Level = Field(description="Coded once per review or once per child")
    group: str | None = Field(default=None, description="Heading the field is listed under")
    definition: str | None = None
    source: Source
    values: tuple[Value, ...] | None = None
    value_set: str | None = Field(default=None, description="Name of a shared value set")
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    derived: bool = Field(
        default=False, description="Computed by a rule of this codebook, not coded by hand"
    )


class ScoreRule(Strict):
    """A total score: the sum of the `score` of each listed field's value."""

    id: str
    label: str
    fields: tuple[str, ...]
    maximum: float | None = None
    source: Source
    definition: str | None = None


class DerivationRule(Strict):
    """Sets a yes/no field from others: 'yes' when at least `at_least` of `from_fields`
    hold one of `present_values`; 'no' when that is impossible; else 'not_stated'."""

    field: str
    from_fields: tuple[str, ...]
    present_values: tuple[str, ...] = ("yes",)
    at_least: int = 1
    source: Source
    definition: str | None = None


class VersionMapping(Strict):
    """How values coded under an older version of this codebook carry over to this one."""

    from_version: str
    fields: dict[str, str] = Field(default_factory=dict, description="old field id -> new id")
    values: dict[str, dict[str, str]] = Field(
        default_factory=dict, description="new field id -> {old value id -> new value id}"
    )
    source: Source


class Codebook(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str
    title: str
    description: str | None = None
    documents: tuple[Document, ...] = ()
    value_sets: dict[str, tuple[Value, ...]] = Field(default_factory=dict)
    fields: tuple[CodebookField, ...]
    scores: tuple[ScoreRule, ...] = ()
    derivations: tuple[DerivationRule, ...] = ()
    mappings: tuple[VersionMapping, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def field(self, field_id: str) -> CodebookField:
        for f in self.fields:
            if f.id == field_id:
                return f
        from casereview.errors import NotFoundError

        raise NotFoundError(
            f"codebook {self.key} has no field {field_id!r}; fields: "
            + ", ".join(f.id for f in self.fields)
        )

    def has_field(self, field_id: str) -> bool:
        return any(f.id == field_id for f in self.fields)

    def values_of(self, field: CodebookField) -> tuple[Value, ...]:
        """The allowed values of a field, resolving value sets and the yes/no default."""
        if field.values is not None:
            return field.values
        if field.value_set is not None:
            return self.value_sets[field.value_set]
        if field.type == "yes_no":
            return YES_NO_VALUES
        return ()

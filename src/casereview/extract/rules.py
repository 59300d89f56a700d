"""Extraction rules as versioned data: concepts, people, context modifiers and field mapping.

The YAML files under `extract/rules/` are loaded into the small classes below; like the
codebook classes (and medspaCy's `ConTextRule.from_dict`) they refuse unknown keys, so a typo
in a rules file is an error that names the file and the entry, not a silently dead rule.

Phrases are written with a small expansion syntax so that inflections stay readable:
`(misused|misusing) (alcohol|drink)` expands to four phrases, and an empty alternative makes a
group optional: `(history of |)self-harm`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticError

from casereview.errors import CaseReviewError

# The safe loader built on libyaml when present: the same data, about 10x faster to read.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

RULES_DIR = Path(__file__).resolve().parent / "rules"

SubjectClass = Literal["parent", "child", "sibling", "other", "family"]
# Where a finding's fields depend on who it is about; "parent_childhood" is a parent's own
# childhood ("mother had been in care as a child": a parental adverse experience, 002 App. J).
FieldsKey = Literal["parent", "parent_childhood", "child", "sibling", "other", "family"]
Assertion = Literal["present", "negated", "possible", "historical", "hypothetical"]


class RulesError(CaseReviewError):
    """An extraction rules file is malformed."""

    title = "Invalid extraction rules"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Concept(Strict):
    """A thing the text can say, and the codebook fields it suggests for each kind of subject."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    source: str = Field(description="Where the rule comes from, e.g. '002 Table 13'")
    fields: dict[FieldsKey, tuple[str, ...]] = Field(
        description="Codebook field ids suggested when the finding is about this kind of person"
    )
    older_child_fields: tuple[str, ...] | None = Field(
        default=None,
        description="Fields instead of the child's when the child is 13 or over and the "
        "sentence does not speak of the home",
    )
    teen_own: bool = Field(
        default=False,
        description="In a summary about a child of 12 or over, a mention with nobody named "
        "before it is the child's",
    )
    teen_reported: bool = Field(
        default=False,
        description="In a summary about a child of 12 or over, a he/she of the child's gender "
        "after a parent's report is the child ('her mother told the GP that she had self-harmed')",
    )
    fields_if_negated: dict[FieldsKey, tuple[str, ...]] = Field(
        default_factory=dict, description="More fields suggested only when the finding is negated"
    )
    default_subject: SubjectClass | None = Field(
        default="family",
        description="Subject when the sentence names nobody; null drops such mentions",
    )
    victim: bool = Field(
        default=False,
        description="The finding is something done TO the subject (abuse): a named perpetrator "
        "('by the father') is not the subject",
    )
    subject_within: bool = Field(
        default=False,
        description="A person named inside the matched words is the subject ('reported him missing')",
    )
    weak: bool = Field(
        default=False,
        description="Supporting evidence (a service, a bare word): true only if nothing "
        "negates the same field",
    )
    only: tuple[Assertion, ...] | None = Field(
        default=None, description="Suggest only with these assertions (e.g. only when negated)"
    )
    attach: Literal["clause", "possessive"] = Field(
        default="clause",
        description="possessive: a noun that takes its subject only from 'X's' or 'of X' "
        "('the death of Child A'); otherwise the default subject",
    )
    value: str = "yes"
    assertion_values: dict[Assertion, str] = Field(
        default_factory=dict, description="Value per assertion, e.g. historical -> previous"
    )
    confidence: float = Field(default=0.9, ge=0, le=1)
    not_followed_by: tuple[str, ...] = Field(
        default=(), description="Lower-case words that cancel a match when they come next"
    )
    not_preceded_by: tuple[str, ...] = Field(
        default=(), description="Lower-case words that cancel a match when they come before"
    )
    phrases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = Field(default=(), description="Matched case-sensitively")
    patterns: tuple[tuple[dict[str, Any], ...], ...] = Field(
        default=(), description="spaCy token-matcher patterns"
    )


class Person(Strict):
    role: str
    subject_class: SubjectClass
    gender: Literal["female", "male"] | None = None
    phrases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()


class PeopleRules(Strict):
    people: tuple[Person, ...]
    not_people: tuple[str, ...] = Field(
        default=(), description="Phrases with a person word that name a service or process"
    )
    pronouns: dict[str, Literal["female", "male", "plural"]]
    professionals: tuple[str, ...] = Field(
        default=(), description="People who are never the subject of a finding"
    )


class ContextRuleData(Strict):
    """One ConText modifier (medspaCy `ConTextRule` keys)."""

    literal: str
    category: Literal[
        "NEGATED_EXISTENCE",
        "POSSIBLE_EXISTENCE",
        "HISTORICAL",
        "HYPOTHETICAL",
        "CURRENT",
        "CHILDHOOD",
        "PSEUDO",
        "TERMINATE",
    ]
    direction: Literal["FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO"] = "FORWARD"
    pattern: tuple[dict[str, Any], ...] | None = None
    max_scope: int | None = Field(default=None, gt=0)
    allowed_types: tuple[str, ...] | None = None
    excluded_types: tuple[str, ...] | None = None
    expand: bool = Field(default=True, description="Expand (a|b) groups in the literal")


class ContextRules(Strict):
    rules: tuple[ContextRuleData, ...]


class FieldMap(Strict):
    """A fixed summary key and the codebook fields whose suggestions resolve it."""

    key: str
    fields: tuple[str, ...]
    kind: Literal["flag", "number", "category"]
    label: str
    values: dict[str, str | bool] = Field(
        default_factory=dict, description="Codebook value id -> summary value"
    )
    order: tuple[str, ...] = Field(
        default=(), description="For categories: which summary value wins when several are found"
    )
    positive_only: tuple[str, ...] = Field(
        default=(), description="Fields that can make the key true but whose negation says nothing"
    )
    fallback: str | None = Field(
        default=None, description="Value when nothing is asserted but a fallback_if field is"
    )
    fallback_if: tuple[str, ...] = ()


class FieldMapRules(Strict):
    codebook: str
    summary: tuple[FieldMap, ...]


def _parse(text: str, i: int = 0, depth: int = 0) -> tuple[list[str], int]:
    """All spellings of text[i:] up to the ')' that closes this depth; returns (spellings, next i)."""
    alternatives: list[list[str]] = []
    current: list[str] = [""]
    while i < len(text):
        ch = text[i]
        if ch == "(":
            inner, i = _parse(text, i + 1, depth + 1)
            current = [c + x for c in current for x in inner]
            continue
        if ch == ")" and depth:
            alternatives.append(current)
            return [x for alt in alternatives for x in alt], i + 1
        if ch == "|" and depth:
            alternatives.append(current)
            current = [""]
        else:
            current = [c + ch for c in current]
        i += 1
    if depth:
        raise RulesError(f"unbalanced '(' in rule phrase {text!r}")
    alternatives.append(current)
    return [x for alt in alternatives for x in alt], i


def expand(phrase: str) -> list[str]:
    """All spellings of a phrase written with (a|b|) groups (nesting allowed), whitespace
    normalised, duplicates removed."""
    if ")" in phrase and phrase.count("(") != phrase.count(")"):
        raise RulesError(f"unbalanced parentheses in rule phrase {phrase!r}")
    spellings, _ = _parse(phrase)
    out = (" ".join(s.split()) for s in spellings)
    return [s for s in dict.fromkeys(out) if s]


def _load(name: str, model: type[BaseModel], directory: Path | None = None) -> Any:
    path = (directory or RULES_DIR) / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except OSError as exc:
        raise RulesError(f"{path}: cannot read extraction rules ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from None
    try:
        return model.model_validate(data)
    except PydanticError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc'])}: "
            + ("unknown key (check the spelling)" if e["type"] == "extra_forbidden" else e["msg"])
            for e in exc.errors()
        ]
        raise RulesError(f"{path}: " + "; ".join(problems[:5]), details=problems) from None


class ConceptRules(Strict):
    concepts: tuple[Concept, ...]


@lru_cache(maxsize=4)
def concepts(directory: Path | None = None) -> tuple[Concept, ...]:
    items = _load("concepts.yaml", ConceptRules, directory).concepts
    ids = [c.id for c in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RulesError(f"concepts.yaml: concept ids defined twice: {', '.join(dupes)}")
    return items


@lru_cache(maxsize=4)
def people(directory: Path | None = None) -> PeopleRules:
    return _load("people.yaml", PeopleRules, directory)


@lru_cache(maxsize=4)
def context_rules(directory: Path | None = None) -> tuple[ContextRuleData, ...]:
    return _load("context.yaml", ContextRules, directory).rules


@lru_cache(maxsize=4)
def field_map(directory: Path | None = None) -> FieldMapRules:
    return _load("fields.yaml", FieldMapRules, directory)

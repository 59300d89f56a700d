"""Comparing independent coders field by field, and recording the value they agreed.

The comparison is coding work: coders and admins see it, viewers do not (access.py,
"compare"). A coder sees another coder's value on a field only once they have coded that
field themselves or a consensus is recorded, so looking never breaks blind coding."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from casereview.app.access import Actor, require
from casereview.app.audit import record
from casereview.app.labels import Labeller
from casereview.errors import CaseReviewError, ConflictError, NotFoundError
from casereview.store.database import Store
from casereview.store.independent import FieldValues, field_values, record_consensus
from casereview.store.suggestions import CodeView

HIDDEN = "(hidden until you code this field)"


@dataclass(frozen=True)
class ComparedField:
    codebook: str
    field_id: str
    field_label: str
    child: str | None
    values: list[tuple[str, str | None, str]]  # coder, value, its label
    agree: bool | None  # None: fewer than two coders, or hidden from this coder
    consensus: str | None
    consensus_label: str | None
    agreed_by: list[str]
    choices: list[tuple[str, str]]

    def by_coder(self) -> dict[str, tuple[str, str | None, str]]:
        return {v[0]: v for v in self.values}


@dataclass(frozen=True)
class Comparison:
    review: str
    coders: list[str]
    fields: list[ComparedField]
    agreed: int  # fields where every coder gave the same value
    disagreed: int


def compare(store: Store, actor: Actor, reference: str) -> Comparison:
    require(actor, "compare")
    label = Labeller()
    with store.session() as s:
        found = field_values(s, reference)
    out = [_compared(f, actor, label) for f in found]
    coders = sorted({c for f in found for c in f.values})
    return Comparison(
        reference, coders, out,
        sum(f.agree is True for f in out), sum(f.agree is False for f in out),
    )


def _compared(f: FieldValues, actor: Actor, label: Labeller) -> ComparedField:
    blind = actor.role == "coder" and actor.name not in f.values and f.consensus is None
    values = [
        (coder, None, HIDDEN) if blind and coder != actor.name
        else (coder, v, label(f.codebook, f.field_id, v)[1])
        for coder, v in f.values.items()
    ]
    return ComparedField(
        f.codebook, f.field_id, label(f.codebook, f.field_id, None)[0], f.child, values,
        None if blind else f.agree, f.consensus,
        label(f.codebook, f.field_id, f.consensus)[1] if f.consensus is not None else None,
        f.agreed_by, label.choices(f.codebook, f.field_id),
    )


def agree(
    store: Store, actor: Actor, reference: str, codebook: str | None, field_id: str, value: str,
    agreed_by: list[str], *, child: str | None = None, seen: str | None = None,
) -> CodeView:
    """Record the consensus value of one field, with who agreed it; audited. The person
    recording it is among those who agreed. `seen` is the consensus shown when they
    decided (None: none yet); if someone recorded another since, nothing is written."""
    require(actor, "compare")
    names = sorted({n.strip() for n in [*agreed_by, actor.name] if n.strip()})
    with store.session(write=True) as s:
        coded = [f for f in field_values(s, reference) if f.field_id == field_id and f.child == child]
        if codebook is None:  # the codebook the coders used for this field
            codebook = _only_codebook(reference, field_id, {f.codebook for f in coded})
        was = [f for f in coded if f.codebook.split("@")[0] == codebook.split("@")[0]]
        before = asdict(was[0]) if was else None
        now = was[0].consensus if was else None
        if now != seen:
            by = ", ".join(was[0].agreed_by) if was else ""
            raise ConflictError(
                f"a consensus on {field_id} was recorded by someone else since you opened the "
                f"comparison (agreed by {by}); nothing was saved. Reload and decide again.",
                changes=[("consensus", seen, now)],
            )
        view = record_consensus(s, reference, codebook, field_id, value, actor.name, names, child=child)
        record(s, actor, "consensus", "code", view.id, review=reference, before=before,
               after=asdict(view) | {"agreed_by": names})
        return view


def _only_codebook(reference: str, field_id: str, found: set[str]) -> str:
    if not found:
        raise NotFoundError(f"no coder has coded {field_id!r} in review {reference}: nothing to agree on")
    if len(found) > 1:
        raise CaseReviewError(
            f"{field_id!r} is coded in review {reference} against {', '.join(sorted(found))}: "
            "say which codebook"
        )
    return found.pop()

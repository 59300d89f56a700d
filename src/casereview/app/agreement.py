"""Agreement between the people who coded the same reviews independently."""

from __future__ import annotations

from dataclasses import dataclass

from casereview.analysis.agreement import Agreement, agreement_by_field
from casereview.app.access import Actor, require
from casereview.store.coder_values import people_values
from casereview.store.database import Store


@dataclass(frozen=True)
class AgreementReport:
    study: str | None
    codebook: str | None
    coders: list[str]
    fields: list[Agreement]  # fields that two or more people coded for at least one unit
    overall: Agreement
    single_only: int  # fields coded by one person only (nothing to compare)


def coder_agreement(
    store: Store, actor: Actor, *, study: str | None = None, codebook: str | None = None
) -> AgreementReport:
    """Per field and overall: units coded by 2+ people, agreed, Cohen's kappa (two
    coders), Krippendorff's alpha (any number). A field is named codebook:field unless
    one codebook was chosen."""
    require(actor, "read")
    with store.session() as s:
        values = people_values(s, study=study, codebook=codebook)
    codings: dict[str, dict[tuple[str, str | None], dict[str, str]]] = {}
    for v in values:
        name = v.field_id if codebook else f"{v.codebook}:{v.field_id}"
        codings.setdefault(name, {}).setdefault((v.review, v.child), {})[v.coder] = v.value
    per_field, overall = agreement_by_field(codings)
    compared = [f for f in per_field if f.units]
    return AgreementReport(
        study, codebook, sorted({v.coder for v in values}), compared, overall,
        len(per_field) - len(compared),
    )

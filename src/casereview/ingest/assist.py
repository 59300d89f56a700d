"""`casereview code REVIEW`: run the extractor over a review's documents and store what it
proposes as pending codes for a person to accept, edit or reject (store/suggestions.py).

The extractor (`casereview.extract.extract_document(doc)`) returns an Extraction whose
suggestions carry field, value, subject, assertion, evidence, page, start, end and
confidence (the `extract --json` shape). The codebook is the one the extractor's rule files
are written for, unless the caller names another. Suggestions for fields the codebook does not hold
or values it does not allow are counted and left out: they could never become its codes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from casereview.codebook import default_registry
from casereview.codebook.values import FieldValidator
from casereview.errors import CaseReviewError, ValidationError
from casereview.store.database import Store
from casereview.store.document_store import load_document, review_document_ids
from casereview.store.suggestions import NewSuggestion, replace_pending

# Only what the text asserts (now or in the past) or denies becomes a pending code: a hedged
# or hypothetical mention ("should consider domestic abuse") proposes no value, and
# accepting every pending code must never turn a recommendation into a fact.
DECIDABLE = {"present", "historical", "negated"}


@dataclass(frozen=True)
class CodingResult:
    review: str
    codebook: str  # "id@version"
    documents: int
    added: int  # pending suggestions stored
    replaced: int  # earlier pending suggestions removed
    skipped_decided: int  # already accepted or rejected by a person
    skipped_unfit: int  # field not in the codebook, or a value it does not allow


def code_review(store: Store, reference: str, *, codebook: str | None = None) -> CodingResult:
    """Suggest codes for every document of the review; store them as pending (one
    transaction). `codebook` overrides the codebook the extractor's rules are written for."""
    from casereview.extract import extract_document
    from casereview.extract.resolve import one_value_per_field

    with store.session() as s:
        _, ids = review_document_ids(s, reference)
        docs = [(i, load_document(s, i)) for i in ids]
    if not docs:
        raise CaseReviewError(
            f"review {reference!r} has no documents: ingest one first "
            f"(casereview ingest FILE --review {reference})"
        )
    suggestions: list[NewSuggestion] = []
    for doc_id, doc in docs:
        result = extract_document(doc)
        # One answer per field: the losing side of a conflict (fatal yes and no) stays on
        # the extractor's suggestion list as evidence against, but is not a pending code.
        drop = one_value_per_field(result.suggestions, result.resolved)
        suggestions.extend(
            _new(sg.to_json(), doc_id)
            for i, sg in enumerate(result.suggestions)
            if sg.assertion in DECIDABLE and i not in drop
        )
    cb_id = codebook or _rules_codebook()
    if not cb_id:
        raise CaseReviewError("the extractor did not name its codebook: pass --codebook ID")
    cb = default_registry().get(*cb_id.split("@", 1))
    validators = {f.id: FieldValidator(cb, f) for f in cb.fields}
    kept = []
    for sg in suggestions:
        check = validators.get(sg.field_id)
        if check is None:
            continue
        try:
            kept.append(dataclasses.replace(sg, value=check(sg.value)))
        except ValidationError:
            continue
    kept = _strongest_per_value(kept)
    with store.session(write=True) as s:  # waits for another writer (SQLite)
        review, _ = review_document_ids(s, reference)
        added, removed, skipped = replace_pending(s, review, cb.id, cb.version, kept)
    return CodingResult(
        review=reference,
        codebook=cb.key,
        documents=len(docs),
        added=added,
        replaced=removed,
        skipped_decided=skipped,
        skipped_unfit=len(suggestions) - len(kept),
    )


def _strongest_per_value(suggestions: list[NewSuggestion]) -> list[NewSuggestion]:
    """One pending code per field and value: the evidence with the highest confidence
    (the first such, in document order). A summary field (fatal, a flag, the plan) holds
    one value even across documents: the most confident one."""
    best: dict[tuple[str, str | None], NewSuggestion] = {}
    for sg in suggestions:
        key = (sg.field_id, sg.value)
        if key not in best or (sg.confidence or 0) > (best[key].confidence or 0):
            best[key] = sg
    single = _summary_fields()
    top: dict[str, NewSuggestion] = {}
    for sg in best.values():
        if sg.field_id in single and (
            sg.field_id not in top or (sg.confidence or 0) > (top[sg.field_id].confidence or 0)
        ):
            top[sg.field_id] = sg
    kept = [sg for sg in best.values() if sg.field_id not in single or top[sg.field_id] is sg]
    return sorted(kept, key=lambda sg: (sg.document_id, sg.start or 0))


def _summary_fields() -> set[str]:
    from casereview.extract.rules import field_map

    return {f for fm in field_map().summary for f in fm.fields}


def _rules_codebook() -> str | None:
    """The codebook the extractor's rule files are written for (extract/rules/fields.yaml)."""
    try:
        from casereview.extract.rules import field_map

        return str(field_map().codebook)
    except (ImportError, AttributeError, CaseReviewError):
        return None


def _new(raw: dict[str, Any], document_id: int) -> NewSuggestion:
    value = raw.get("value")
    if isinstance(value, bool):  # a yes/no field's value as the codebook writes it
        value = "yes" if value else "no"
    confidence = raw.get("confidence")
    return NewSuggestion(
        field_id=str(raw.get("field") or ""),
        value=None if value is None else str(value),
        document_id=document_id,
        evidence=raw.get("evidence"),
        page=raw.get("page"),
        start=raw.get("start"),
        end=raw.get("end"),
        subject=raw.get("subject"),
        assertion=raw.get("assertion"),
        confidence=float(confidence) if confidence is not None else None,
    )

"""One frequency table of a field from the register: what `casereview stats` and the
web dashboard show for a single variable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from casereview.analysis.frame import case_frame
from casereview.analysis.frequency import frequency
from casereview.analysis.table import ResultTable
from casereview.errors import CaseReviewError

if TYPE_CHECKING:
    from casereview.store.database import Store


def field_frequency(
    store: Store, field_id: str, codebook_id: str | None = None, study: str | None = None
) -> ResultTable:
    """Counts and percentages of `field_id`, per review or per child as the field's level says.

    Without `codebook_id`, the codebook is the one (latest version) that has the field;
    a field id found in several codebooks must be qualified."""
    from casereview.codebook import default_registry

    registry = default_registry()
    if codebook_id is None:
        owners = [cid for cid in registry.ids() if registry.get(cid).has_field(field_id)]
        if not owners:
            raise CaseReviewError(
                f"no codebook has a field {field_id!r}; `casereview codebook show ID` lists fields"
            )
        if len(owners) > 1:
            raise CaseReviewError(
                f"field {field_id!r} is in several codebooks ({', '.join(owners)}); name one with --codebook"
            )
        codebook_id = owners[0]
    codebook = registry.get(codebook_id)
    codebook.field(field_id)  # a clear error for an unknown field
    # Only this field's codes (and those it is derived from) leave the database.
    frame = case_frame(store, codebook_id, study, registry=registry, fields=[field_id])
    if frame.empty:
        raise CaseReviewError(
            f"no review in the register is coded against {codebook.key}"
            + (f" in study {study!r}" if study else "")
            + "; import a case table first"
        )
    return frequency(frame, codebook, field_id)

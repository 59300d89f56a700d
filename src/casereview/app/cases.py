"""Finding cases: filters, full-text search over the review documents, pagination."""

from __future__ import annotations

from dataclasses import dataclass, field

from casereview.app.access import Actor, require
from casereview.errors import CaseReviewError
from casereview.store.case_filters import (
    CODING_STATUSES,
    CaseFilter,
    CaseRow,
    filter_choices,
    find_cases,
)
from casereview.store.database import Store
from casereview.store.fulltext import Hit, search

MAX_PER_PAGE = 200
# A search narrows the list to the reviews among its best pages; enough for any real query.
SEARCH_PAGES = 1000


@dataclass(frozen=True)
class CasePage:
    filters: CaseFilter
    query: str | None
    total: int
    page: int
    per_page: int
    rows: list[CaseRow]
    # For a search: the best matching page of each listed review (snippet HTML-escaped,
    # matches in <mark>).
    hits: dict[str, Hit] = field(default_factory=dict)
    studies: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def list_cases(
    store: Store,
    actor: Actor,
    filters: CaseFilter,
    *,
    query: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> CasePage:
    require(actor, "read")
    if filters.status is not None and filters.status not in CODING_STATUSES:
        raise CaseReviewError(
            f"coding status {filters.status!r}: use one of {', '.join(CODING_STATUSES)}"
        )
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise CaseReviewError(f"page must be 1 or more and per_page 1 to {MAX_PER_PAGE}")
    query = (query or "").strip() or None
    hits: dict[str, Hit] = {}
    references = None
    if query:
        for hit in search(store, query, limit=SEARCH_PAGES):
            if hit.review is not None:
                hits.setdefault(hit.review, hit)  # best first: keep each review's best page
        references = set(hits)
    with store.session() as s:
        total, rows = find_cases(
            s, filters, references=references, limit=per_page, offset=(page - 1) * per_page
        )
        studies, regions = filter_choices(s)
    return CasePage(
        filters, query, total, page, per_page, rows,
        {r.reference: hits[r.reference] for r in rows if r.reference in hits},
        studies, regions,
    )

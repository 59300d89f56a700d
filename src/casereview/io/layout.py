"""The wide case-table layout shared by import, export and analysis.

One row per child. Structural columns first, then one column per codebook field.
Review-level fields repeat on every child row of their review.
"""

from __future__ import annotations

STRUCTURAL = ("review_id", "child", "study", "year", "region")
STRUCTURAL_LABELS = {
    "review_id": "Review reference",
    "child": "Child (label within the review)",
    "study": "Study or sample",
    "year": "Year of the review",
    "region": "Region",
}
REQUIRED = ("review_id",)

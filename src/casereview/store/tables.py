"""Imports every module that defines tables, so Base.metadata knows the whole schema."""

from casereview.store import (
    accounts,  # noqa: F401
    documents,  # noqa: F401
    schema,  # noqa: F401
)

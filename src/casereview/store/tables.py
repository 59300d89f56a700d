"""Imports every module that defines tables, so Base.metadata knows the whole schema."""

from casereview.store import (
    documents,  # noqa: F401
    schema,  # noqa: F401
)

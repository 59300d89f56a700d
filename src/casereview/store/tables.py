"""Imports every module that defines tables, so Base.metadata knows the whole schema."""

from casereview.store import schema  # noqa: F401

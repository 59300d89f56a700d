"""Codebooks as data: models, loading, checking, value validation and version mappings."""

from casereview.codebook.loader import codebook_from_dict, load_codebook_file
from casereview.codebook.model import Codebook, CodebookField, Value
from casereview.codebook.registry import CodebookRegistry, default_registry

__all__ = [
    "Codebook",
    "CodebookField",
    "CodebookRegistry",
    "Value",
    "codebook_from_dict",
    "default_registry",
    "load_codebook_file",
]

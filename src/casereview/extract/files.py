"""Code a review document file: read it (PDF, DOCX, HTML, text) and extract suggestions."""

from __future__ import annotations

from pathlib import Path

from casereview.extract.model import Extraction


def extract_file(path: str | Path, *, sandbox: bool = True) -> Extraction:
    """Read `path` with the ingestion reader (a limited worker process by default: the
    document is untrusted) and code its text, pages kept for the evidence."""
    from casereview.extract import extract_document
    from casereview.ingest import read_document

    return extract_document(read_document(Path(path), sandbox=sandbox))

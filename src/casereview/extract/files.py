"""Code a review document file: read it (PDF, DOCX, HTML, text) and extract suggestions."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from casereview.extract.model import Extraction


def extract_file(path: str | Path, *, sandbox: bool = True) -> Extraction:
    """Read `path` with the ingestion reader (a limited worker process by default: the
    document is untrusted) and code its text, pages kept for the evidence.

    In a new process the reader's worker takes a moment to start and the coding pipeline
    takes a moment to build; the document is read (in the worker, on another core) while
    the pipeline is built here."""
    from casereview.extract import extract_document
    from casereview.extract.pipeline import pipeline
    from casereview.ingest import read_document

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="casereview-read") as pool:
        reading = pool.submit(read_document, Path(path), sandbox=sandbox)
        if sandbox:
            pipeline()
        document = reading.result()
    return extract_document(document)

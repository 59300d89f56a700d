"""Pseudonymised exports as files to download: the case table and the review documents.

Admin only. Each download is keyed by a fresh random secret, so two downloads cannot be
linked by their pseudonyms, and no key is offered: the key re-identifies everyone, and only
the command line writes it (`casereview export --pseudonymise --key-out FILE`).
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from casereview.app.access import Actor, require
from casereview.app.downloads import MEDIA, Download
from casereview.errors import CaseReviewError
from casereview.store.database import Store

CASE_FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": MEDIA["xlsx"]}


def pseudonymised_cases(
    store: Store, actor: Actor, fmt: str = "csv", *, codebook: str | None = None, study: str | None = None
) -> Download:
    """The case table with people's names replaced (io/pseudonymise.py), as CSV or Excel."""
    require(actor, "export_pseudonymised")
    if fmt not in CASE_FORMATS:
        raise CaseReviewError(f"no pseudonymised case table as .{fmt}; there are .{', .'.join(CASE_FORMATS)}")
    from casereview.io.exporter import export_file
    from casereview.io.pseudonymise import learn_from_documents
    from casereview.io.pseudonyms import Pseudonymiser

    p = Pseudonymiser()
    learn_from_documents(store, p, study)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"cases.{fmt}"
        export_file(store, path, codebook, study=study, pseudonymiser=p)
        data = path.read_bytes()
    return Download(f"{study or 'register'}-cases-pseudonymised.{fmt}", CASE_FORMATS[fmt], data)


def pseudonymised_documents(
    store: Store, actor: Actor, *, review: str | None = None, study: str | None = None
) -> Download:
    """A zip of one text file per document (pages separated by a form feed), names replaced."""
    require(actor, "export_pseudonymised")
    from casereview.io.pseudonymise import PAGE_BREAK, document_ids
    from casereview.io.pseudonymise import pseudonymised_documents as pages_of
    from casereview.io.pseudonyms import Pseudonymiser

    ids = document_ids(store, review, study)
    if not ids:
        raise CaseReviewError("nothing to export: no documents" + (f" of review {review!r}" if review else ""))
    with tempfile.TemporaryFile() as fh:  # one document in memory at a time
        with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z:
            for doc_id, texts in pages_of(store, Pseudonymiser(), ids):
                z.writestr(f"document-{doc_id}.txt", PAGE_BREAK.join(texts))
        fh.seek(0)
        data = fh.read()
    return Download(f"{review or study or 'register'}-documents-pseudonymised.zip", "application/zip", data)

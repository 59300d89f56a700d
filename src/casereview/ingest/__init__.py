"""Review documents in: PDF, DOCX, HTML and text to text with pages, offsets and sections.

doc = read_document("report.pdf")      # parsed in a limited worker process
doc.text, doc.pages[0].number, doc.pages[0].start, doc.pages[0].end
find_sections(doc), count_recommendations(doc)
"""

from casereview.ingest.model import (
    ExtractedDocument,
    Heading,
    Page,
    Section,
    document_from_text,
)
from casereview.ingest.reader import read_document
from casereview.ingest.sections import count_recommendations, find_sections
from casereview.sandbox import Limits

__all__ = [
    "ExtractedDocument",
    "Heading",
    "Limits",
    "Page",
    "Section",
    "count_recommendations",
    "document_from_text",
    "find_sections",
    "read_document",
]

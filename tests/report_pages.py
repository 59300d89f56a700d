"""Reading generated reports back for the report tests: HTML tables by their table id (CSS
selectors), workbook sheets, PDF pages and text. Shared by tests/test_reports_*.py."""

from __future__ import annotations

import io
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from casereview.io.importer import import_file
from casereview.store.database import Store

DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"


def store_with(tmp: Path, *files: str) -> Store:
    """A fresh SQLite register loaded with sample data files of the package."""
    store = Store.open(f"sqlite:///{tmp / 'register.db'}")
    for name in files:
        import_file(store, DATA / name)
    return store


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def html_table(page: LexborHTMLParser, table_id: str) -> dict[str, dict[str, str]]:
    """{row label: {column header: cell text}} of the table with data-table-id=table_id
    (the last header row names the columns; spanning upper headers are ignored)."""
    node = page.css_first(f'table.data[data-table-id="{table_id}"]')
    assert node is not None, f"no table {table_id!r} in the page"
    header_rows = node.css("thead tr")
    headers = [th.text(strip=True) for th in header_rows[-1].css("th")]
    if len(header_rows) == 1:
        headers = headers[1:]
    out: dict[str, dict[str, str]] = {}
    for tr in node.css("tbody tr"):
        label = tr.css_first("th").text(strip=True)
        cells = [td.text(strip=True) for td in tr.css("td")]
        if cells:
            out[label] = dict(zip(headers[-len(cells) :], cells, strict=True))
    return out


def count(text: str) -> int:
    """'12 (34%)' -> 12."""
    m = re.match(r"^(\d+)", text)
    assert m, f"no count in {text!r}"
    return int(m.group(1))


def mean_and_n(text: str) -> tuple[float, int]:
    """'17.3 (41)' -> (17.3, 41)."""
    m = re.match(r"^([\d.]+) \((\d+)\)$", text)
    assert m, f"no 'mean (n)' in {text!r}"
    return float(m.group(1)), int(m.group(2))


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF (pypdfium2)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def workbook(data: bytes):  # type: ignore[no-untyped-def]
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data), read_only=False)


def sheet_table(ws) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    """{row label: {column header: value}} of a table sheet (headers on row 3)."""
    rows = list(ws.iter_rows(values_only=True))
    headers = rows[2]
    out: dict[str, dict[str, object]] = {}
    for row in rows[3:]:
        if row[0] is None:
            break
        out[str(row[0])] = {str(h): v for h, v in zip(headers[1:], row[1:], strict=False) if h}
    return out

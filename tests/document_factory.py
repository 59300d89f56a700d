"""Documents made at test time: long PDFs, encrypted PDFs, hostile DOCX files."""

from __future__ import annotations

import ctypes
import zipfile
from pathlib import Path

DOCUMENTS = Path(__file__).parent / "data" / "documents"

LINE = (
    "The health visitor saw the mother and her partner at home; domestic abuse was reported "
    "by police and the child was {n} months old."
)


def make_long_pdf(path: Path, pages: int, lines: int = 45) -> Path:
    """A text-layer PDF of `pages` pages; line i of page p starts with "p.i " (1-based)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for p in range(1, pages + 1):
        page = pdf.new_page(595, 842)
        for i in range(1, lines + 1):
            obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, 10.0)
            text = f"{p}.{i} " + LINE.format(n=i)
            buf = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, 800 - (i - 1) * 17)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(str(path))
    pdf.close()
    return path


def make_encrypted_pdf(path: Path, *, user_password: str = "secret") -> Path:
    """The Child T report encrypted with AES-256; an empty user password means only an owner
    password (restrictions, but anyone can open it)."""
    import pikepdf

    with pikepdf.open(DOCUMENTS / "child_t_review.pdf") as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=user_password, owner="owner-pw", R=6))
    return path


def make_zip_bomb_docx(path: Path, megabytes: int = 20) -> Path:
    """A .docx whose document.xml is megabytes of zeros: compresses about 1000:1."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"0" * (megabytes * 1024 * 1024))
    return path


def make_docx_with_entities(path: Path) -> Path:
    """The Child K report with a DTD declaring entities added to its document.xml."""
    src = DOCUMENTS / "child_k_review.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                head, rest = data.split(b"?>", 1)
                dtd = b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
                data = head + b"?>" + dtd + rest
            zout.writestr(item, data)
    return path

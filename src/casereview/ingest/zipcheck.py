"""Zip bombs and XML tricks refused before a DOCX is opened (ENGINEERING.md "Robustness").

A DOCX is a zip of XML parts. We refuse it before any parser sees it when it has too many
entries, would expand to too much, or compresses suspiciously well; and when an XML part
declares a DTD or entities (Word never writes them; they are how entity-expansion and
external-entity attacks start).
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from casereview.errors import DocumentError


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 2_000
    max_total_bytes: int = 300 * 1024 * 1024
    # Word XML compresses about 5-15:1; zeros or repeated tags compress 1000:1.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1024 * 1024  # small entries may compress well without harm


DEFAULT_ZIP_LIMITS = ZipLimits()
_CHUNK = 1024 * 1024


def check_zip(path: Path, limits: ZipLimits = DEFAULT_ZIP_LIMITS) -> None:
    name = path.name
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError) as exc:
        raise DocumentError(f"{name}: corrupt DOCX: not a zip archive ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_entries:
            raise DocumentError(
                f"{name}: refused: {len(infos)} zip entries (at most {limits.max_entries})"
            )
        total = sum(i.file_size for i in infos)
        if total > limits.max_total_bytes:
            raise DocumentError(
                f"{name}: refused: expands to {total // 2**20} MB "
                f"(at most {limits.max_total_bytes // 2**20} MB)"
            )
        for info in infos:
            if info.file_size > limits.ratio_floor_bytes:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_ratio:
                    raise DocumentError(
                        f"{name}: refused: entry {info.filename!r} compresses {ratio:.0f}:1 "
                        f"(at most {limits.max_ratio:.0f}:1); this looks like a zip bomb"
                    )
        if "word/document.xml" not in zf.namelist():
            raise DocumentError(f"{name}: corrupt DOCX: no word/document.xml in the archive")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _refuse_dtd(zf, info, name)


def _refuse_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    tail = b""
    try:
        with zf.open(info) as part:
            while chunk := part.read(_CHUNK):
                window = (tail + chunk).upper()
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise DocumentError(
                        f"{name}: refused: XML part {info.filename!r} declares a DTD or entities"
                    )
                tail = chunk[-16:]
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
        NotImplementedError,
    ) as exc:
        raise DocumentError(f"{name}: corrupt DOCX: {info.filename!r} ({exc})") from None

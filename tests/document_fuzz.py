"""Mutated review documents for fuzzing the PDF, DOCX and HTML readers.

Each mutant is a valid document from tests/data/documents with bytes flipped, cut off,
inserted or deleted, or (DOCX) its zip entries altered: an XML part damaged, cut short,
dropped, renamed, duplicated or stored with a lying size. `classify` reads a mutant the way
`casereview ingest` does and sorts the outcome: read, refused (a DocumentError of one line
naming the file), traceback (any other exception, or a parser exception that only the worker
caught), crash (a C parser died on a signal: contained by the worker), hang (a wall-clock or
CPU limit hit). Used by tests/test_ingest_fuzz.py (short,
fixed seed) and benchmarks/fuzz_documents.py (thousands).
"""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from casereview.errors import DocumentError
from casereview.ingest.reader import read_document
from casereview.sandbox import Limits
from fuzz_outcome import Outcome, refusal

DOCUMENTS = Path(__file__).parent / "data" / "documents"
SEEDS = {
    "pdf": DOCUMENTS / "child_t_review.pdf",
    "docx": DOCUMENTS / "child_k_review.docx",
    "html": DOCUMENTS / "child_m_review.html",
}
FUZZ_LIMITS = Limits(memory_mb=1024, cpu_seconds=10, timeout_seconds=20.0)
_INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"0", b"9" * 12, b"-1", b"\xef\xbf\xbd"]
_TOKENS = {
    "pdf": [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"<<", b">>", b"/Length 999999", b"R", b"[", b"]", b"%%EOF"],
    "html": [b"<div>", b"</div>", b"<ol start='-5'>", b"<li>", b"<h1>", b"<table><tr><td>", b"<!--", b"<script>", b"&#0;", b"&#xD800;", b"<br style='page-break-before: always'>", b"<![CDATA["],
    "docx": [b"<w:p>", b"</w:p>", b"<w:br w:type=\"page\"/>", b"<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"-1\"/></w:numPr>", b"<w:t>", b"&#0;"],
}


def _flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(b))
        b[i] = rng.choice([b[i] ^ (1 << rng.randrange(8)), rng.randrange(256)])
    return bytes(b)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _insert(rng: random.Random, data: bytes, kind: str) -> bytes:
    i = rng.randrange(len(data) + 1)
    pick = rng.random()
    if pick < 0.4:
        chunk = rng.choice(_INTERESTING + _TOKENS[kind])
    elif pick < 0.7:
        j = rng.randrange(len(data))
        chunk = data[j : j + rng.randint(1, 512)] * rng.randint(1, 8)  # a repeated slice
    else:
        chunk = rng.randbytes(rng.randint(1, 64))
    return data[:i] + chunk + data[i:]


def _delete(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 256) :]


def _nest(rng: random.Random, data: bytes, kind: str) -> bytes:
    """Deep nesting or many repeats of a structural token."""
    token = rng.choice(_TOKENS[kind])
    i = rng.randrange(len(data) + 1)
    return data[:i] + token * rng.choice([50, 500, 5000]) + data[i:]


def mutate_bytes(rng: random.Random, data: bytes, kind: str) -> bytes:
    ops: list[Callable[[], bytes]] = [
        lambda: _flip(rng, data),
        lambda: _truncate(rng, data),
        lambda: _insert(rng, data, kind),
        lambda: _delete(rng, data),
        lambda: _nest(rng, data, kind),
    ]
    out = rng.choice(ops)()
    if rng.random() < 0.25:  # now and then, two mutations at once
        out = mutate_bytes(rng, out, kind) if out else out
    return out or b"\x00"


def mutate_docx(rng: random.Random, data: bytes) -> bytes:
    """Alter the zip's entries (or, one time in four, its raw bytes)."""
    if rng.random() < 0.25:
        return mutate_bytes(rng, data, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        entries = [(i, zin.read(i.filename)) for i in zin.infolist()]
    target = rng.randrange(len(entries))
    if rng.random() < 0.6:  # aim most mutations at the parts the reader parses
        xml = [k for k, (i, _) in enumerate(entries) if i.filename.startswith("word/")]
        target = rng.choice(xml) if xml else target
    action = rng.choice(["mutate", "mutate", "truncate", "drop", "rename", "duplicate", "size", "store"])
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        warnings.simplefilter("ignore")  # duplicate entry names are one of the mutations
        for k, (info, body) in enumerate(entries):
            if k == target:
                if action == "drop":
                    continue
                if action == "mutate":
                    body = mutate_bytes(rng, body, "docx")
                elif action == "truncate":
                    body = body[: rng.randrange(len(body) + 1)]
                elif action == "rename":
                    info = zipfile.ZipInfo(info.filename + rng.choice(["x", "/", ".bak", "\u00e9"]))
                elif action == "duplicate":
                    zout.writestr(info, mutate_bytes(rng, body, "docx"))
                elif action == "store":
                    info.compress_type = zipfile.ZIP_STORED
            zout.writestr(info, body)
    result = out.getvalue()
    if action == "size":  # make the central directory lie about an entry's size
        at = result.rfind(b"PK\x01\x02")
        if at >= 0:
            lie = struct.pack("<I", rng.choice([0, 1, 2**31, 2**32 - 1]))
            result = result[: at + 24] + lie + result[at + 28 :]
    return result


def mutants(kind: str, count: int, seed: int) -> Iterator[tuple[int, bytes]]:
    """`count` mutants of the seed document of `kind`, the same for the same seed."""
    original = SEEDS[kind].read_bytes()
    for n in range(count):
        rng = random.Random(f"{seed}-{kind}-{n}")
        yield n, (mutate_docx(rng, original) if kind == "docx" else mutate_bytes(rng, original, kind))


def classify(path: Path, limits: Limits = FUZZ_LIMITS) -> Outcome:
    try:
        doc = read_document(path, limits=limits)
    except DocumentError as exc:
        msg = exc.message
        return refusal(msg, "\n" not in msg and msg.startswith(f"{path.name}: "))
    except Exception as exc:  # noqa: BLE001 (what the fuzzer is looking for)
        return Outcome("traceback", f"{type(exc).__name__}: {exc}")
    return Outcome("read", f"{doc.page_count} pages")

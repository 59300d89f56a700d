"""Mutated case tables for fuzzing the CSV, Excel and SPSS readers.

Each mutant is a valid case table from tests/data (cases_small.csv and the same cases
exported as .xlsx and .sav) with bytes flipped, cut off, inserted or deleted; CSV also gets
quotes, separators, line breaks, NUL bytes and bad UTF-8 put in; Excel files get their zip
entries damaged, cut short, dropped, renamed, duplicated or given lying sizes; SPSS files get
header counts and lengths overwritten. `classify` reads a mutant as `casereview import` does
(the binary formats in the limited worker), checks it against the codebook, and sorts the
outcome: read, refused (a CaseReviewError of one line naming the file), traceback (any other
exception, or a parser exception that only the worker caught), crash (a native parser died
on a signal: contained by the worker, still counted), hang (a time limit hit). Used by
tests/test_import_fuzz.py (short, fixed seed) and benchmarks/fuzz_tables.py (thousands).
"""

from __future__ import annotations

import io
import random
import struct
import time
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

from casereview.codebook import default_registry
from casereview.errors import CaseReviewError
from casereview.io import readers
from casereview.io.validate import detect_codebook, validate_table
from casereview.sandbox import Limits
from fuzz_outcome import Outcome, refusal

DATA = Path(__file__).parent / "data"
SEEDS = {"csv": DATA / "cases_small.csv", "xlsx": DATA / "cases_small.xlsx", "sav": DATA / "cases_small.sav"}
FUZZ_LIMITS = Limits(memory_mb=1024, cpu_seconds=10, timeout_seconds=20.0)
HANG_SECONDS = 20.0  # the CSV reader runs in the calling process: a wall clock for it
_INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"0", b"9" * 40, b"-1", b"\xef\xbf\xbd", b"\xc3"]
_CSV_TOKENS = [b'"', b'""', b",", b",,,,,,", b"\n", b"\r\n", b"\r", b"\xef\xbb\xbf", b"'=1+2", b"inf", b"nan", b"1e400", b"x" * 200_000, b'"\n"']


def _flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(b))
        b[i] = rng.choice([b[i] ^ (1 << rng.randrange(8)), rng.randrange(256)])
    return bytes(b)


def _insert(rng: random.Random, data: bytes, tokens: list[bytes]) -> bytes:
    i = rng.randrange(len(data) + 1)
    pick = rng.random()
    if pick < 0.5:
        chunk = rng.choice(_INTERESTING + tokens)
    elif pick < 0.75:
        j = rng.randrange(len(data))
        chunk = data[j : j + rng.randint(1, 512)] * rng.randint(1, 8)
    else:
        chunk = rng.randbytes(rng.randint(1, 64))
    return data[:i] + chunk + data[i:]


def mutate_bytes(rng: random.Random, data: bytes, tokens: list[bytes]) -> bytes:
    op = rng.randrange(4)
    if op == 0:
        out = _flip(rng, data)
    elif op == 1:
        out = data[: rng.randrange(1, len(data))]
    elif op == 2:
        out = _insert(rng, data, tokens)
    else:
        i = rng.randrange(len(data))
        out = data[:i] + data[i + rng.randint(1, 256) :]
    if rng.random() < 0.25 and out:
        out = mutate_bytes(rng, out, tokens)
    return out or b"\x00"


def mutate_csv(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.2:  # whole lines repeated, swapped or dropped
        lines = data.split(b"\n")
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        action = rng.choice(["repeat", "swap", "drop"])
        if action == "repeat":
            lines[i:i] = [lines[j]] * rng.randint(1, 50)
        elif action == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            del lines[i]
        return b"\n".join(lines)
    return mutate_bytes(rng, data, _CSV_TOKENS)


_XML_TOKENS = [b"<row>", b"</row>", b'<c r="XFD1048576" t="s"><v>99999</v></c>', b"<v>", b"</v>", b'<c t="inlineStr"><is><t>', b"&#0;", b"<![CDATA[", b'<dimension ref="A1:XFD1048576"/>', b'<c r="A1" t="e"><v>#DIV/0!</v></c>']


def mutate_xlsx(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.25:
        return mutate_bytes(rng, data, _XML_TOKENS)
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        entries = [(i, zin.read(i.filename)) for i in zin.infolist()]
    target = rng.randrange(len(entries))
    if rng.random() < 0.6:  # aim most mutations at the sheets and strings the reader parses
        parts = [k for k, (i, _) in enumerate(entries) if i.filename.startswith("xl/")]
        target = rng.choice(parts) if parts else target
    action = rng.choice(["mutate", "mutate", "truncate", "drop", "rename", "duplicate", "size", "store"])
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        warnings.simplefilter("ignore")  # duplicate entry names are one of the mutations
        for k, (info, body) in enumerate(entries):
            if k == target:
                if action == "drop":
                    continue
                if action == "mutate":
                    body = mutate_bytes(rng, body, _XML_TOKENS)
                elif action == "truncate":
                    body = body[: rng.randrange(len(body) + 1)]
                elif action == "rename":
                    info = zipfile.ZipInfo(info.filename + rng.choice(["x", "/", ".bak", "\u00e9"]))
                elif action == "duplicate":
                    zout.writestr(info, mutate_bytes(rng, body, _XML_TOKENS))
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


def mutate_sav(rng: random.Random, data: bytes) -> bytes:
    if rng.random() < 0.3:  # the header's counts and lengths (SPSS system file layout)
        b = bytearray(data)
        offset = rng.choice([64, 68, 72, 76, 80, 84, 88] + [rng.randrange(176, min(len(b) - 4, 2048))])
        value = rng.choice([0, 1, -1, 2**31 - 1, -(2**31), rng.randrange(-(2**31), 2**31)])
        b[offset : offset + 4] = struct.pack("<i", value)
        return bytes(b)
    return mutate_bytes(rng, data, [b"\x00" * 8, b"\xff" * 8, b"$@Role(", b"\xfd" * 8])


MUTATORS = {"csv": mutate_csv, "xlsx": mutate_xlsx, "sav": mutate_sav}


def mutants(kind: str, count: int, seed: int) -> Iterator[tuple[int, bytes]]:
    """`count` mutants of the seed table of `kind`, the same for the same seed."""
    original = SEEDS[kind].read_bytes()
    for n in range(count):
        rng = random.Random(f"{seed}-{kind}-{n}")
        yield n, MUTATORS[kind](rng, original)


def classify(path: Path, limits: Limits = FUZZ_LIMITS) -> Outcome:
    original = readers.BINARY_LIMITS
    readers.BINARY_LIMITS = limits
    t0 = time.perf_counter()
    try:
        table = readers.read_table(path)
        registry = default_registry()
        cb = detect_codebook(registry, list(table.frame.columns), str(path))
        _batch, errors = validate_table(table, cb)
    except CaseReviewError as exc:
        msg = exc.message
        return refusal(msg, "\n" not in msg and "\r" not in msg and path.name in msg)
    except Exception as exc:  # noqa: BLE001 (what the fuzzer is looking for)
        return Outcome("traceback", f"{type(exc).__name__}: {exc}")
    finally:
        readers.BINARY_LIMITS = original
    if time.perf_counter() - t0 > HANG_SECONDS:
        return Outcome("hang", f"took {time.perf_counter() - t0:.0f} s")
    return Outcome("read", f"{len(table.frame)} rows, {len(errors)} bad values")

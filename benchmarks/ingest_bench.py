"""Batch ingest at scale: memory of the main process against batch size, and the cost of
storing pages and the full-text index against an FTS5 build of the same pages.

1. `ingest_paths` over --docs synthetic text reports (form-feed pages) and over a tenth as
   many, each in a fresh process: wall time and peak RSS of the main process (the readers
   run in limited workers). Memory flat in batch size means the two peaks are close.
2. Storing already-read documents into a fresh SQLite register (pages, sections, FTS5 index
   kept by triggers) beside the floor: the same page texts inserted with one executemany
   into a bare FTS5 table. Also the register's size against the text's UTF-8 size.

Run: .venv/bin/python benchmarks/ingest_bench.py [--docs 1000] [--pages 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from measure import ratio, run_snippet

VOCABULARY = (
    "the child mother father partner health visitor school police social worker referral "
    "assessment domestic abuse neglect substance misuse mental health plan meeting strategy "
    "section 47 enquiry conference missed appointment home visit concern bruising injury "
    "hospital GP midwife nursery family court order protection agency information sharing "
    "was were had not did said told saw found reported recorded noted agreed decided"
)
WORDS = VOCABULARY.split()


def write_reports(folder: Path, n: int, pages: int, seed: int = 5) -> int:
    """`n` text reports of `pages` pages (about 400 words each); returns the text's bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        body = []
        for p in range(pages):
            lines = [" ".join(rng.choices(WORDS, k=12)).capitalize() + "." for _ in range(34)]
            body.append(f"Page {p + 1} of review {i}\n" + "\n".join(lines))
        text = f"Child Safeguarding Practice Review {i}\n" + "\f".join(body)
        (folder / f"review_{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def batch(folder: Path, db: Path, workers: int) -> tuple[float, float]:
    code = f"""
        store = Store.open("sqlite:///{db}")
        results = ingest_paths(store, [{str(folder)!r}], workers={workers})
        assert all(r.status == "added" for r in results), [r.message for r in results if r.failed][:3]
    """
    return run_snippet(
        code,
        "from casereview.ingest.service import ingest_paths\n"
        "from casereview.store.database import Store",
    )


def store_vs_fts5(folder: Path, tmp: Path, limit: int) -> None:
    from casereview.ingest.reader import read_document
    from casereview.ingest.service import store_document
    from casereview.store.database import Store
    from casereview.store.document_store import split_page

    files = sorted(folder.glob("*.txt"))[:limit]
    docs = [read_document(f, sandbox=False) for f in files]
    text_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    register = tmp / "store.db"
    store = Store.open(f"sqlite:///{register}")
    t0 = time.perf_counter()
    for f, d in zip(files, docs, strict=True):
        store_document(store, f, d)
    took = time.perf_counter() - t0
    store.close()
    parts = [
        (d.text[s:e],) for d in docs for p in d.pages for s, e in split_page(d.text, p.start, p.end)
    ]
    floor_db = tmp / "floor.db"
    con = sqlite3.connect(floor_db)
    con.execute(
        "CREATE VIRTUAL TABLE pages USING fts5(text, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    t0 = time.perf_counter()
    with con:
        con.executemany("INSERT INTO pages(text) VALUES (?)", parts)
    floor = time.perf_counter() - t0
    con.close()
    mb = 2**20
    print(
        f"store {len(docs)} read documents ({len(parts)} pages, {text_bytes / mb:.0f} MB of text):"
    )
    print(
        f"  register  {took:6.2f} s {register.stat().st_size / mb:6.0f} MB | {ratio(took, floor)} time, "
        f"{register.stat().st_size / text_bytes:4.2f}x the text's size"
    )
    print(
        f"  floor: FTS5 table of the same pages {floor:6.2f} s {floor_db.stat().st_size / mb:6.0f} MB "
        f"({floor_db.stat().st_size / text_bytes:4.2f}x the text's size)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--store-docs", type=int, default=300, help="documents for part 2")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        small = max(args.docs // 10, 1)
        size = write_reports(tmp / "big", args.docs, args.pages)
        write_reports(tmp / "small", small, args.pages)
        print(
            f"{args.docs} text reports of {args.pages} pages ({size / 2**20:.0f} MB), {args.workers} workers"
        )
        s_t, s_m = batch(tmp / "small", tmp / "small.db", args.workers)
        b_t, b_m = batch(tmp / "big", tmp / "big.db", args.workers)
        print(f"  ingest {small:5d} documents {s_t:7.1f} s, main process peak {s_m:6.0f} MB")
        print(
            f"  ingest {args.docs:5d} documents {b_t:7.1f} s, main process peak {b_m:6.0f} MB "
            f"| {ratio(b_m, s_m)} the memory of the batch ten times smaller"
        )
        store_vs_fts5(tmp / "big", tmp, args.store_docs)


if __name__ == "__main__":
    main()

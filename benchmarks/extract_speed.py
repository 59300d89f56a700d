"""Assisted coding, timed: ingestion + coding of a ~100-page PDF beside the text-extraction floor.

    .venv/bin/python benchmarks/extract_speed.py

A synthetic ~100-page report (~46,000 words) is written to PDF with WeasyPrint; then
ingestion (pypdfium2 text with pages) + coding are timed, beside the raw pypdfium2 text
extraction time as the floor.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

_SENTENCES = [
    "Child {c} lived with {p} and attended the nursery three mornings a week.",
    "The health visitor saw the family at home on {d} and recorded no concerns about the home conditions.",
    "Mother told the GP that she had been feeling low since the birth and was prescribed antidepressants.",
    "Police attended the address following a report of a domestic incident; father had left before officers arrived.",
    "The social worker completed a single assessment and the case was closed with a referral to early help.",
    "There was no evidence that either parent misused drugs, although father drank alcohol most evenings.",
    "Practitioners should consider the cumulative impact of neglect on very young children.",
    "A strategy meeting was held and agreed that section 47 enquiries should be undertaken.",
    "The school reported that attendance had fallen to 82 per cent over the autumn term.",
    "Father had previous convictions for violence and had served a custodial sentence in 2012.",
    "Child {c} was seen by the paediatrician, who found bruising to the left cheek that was not explained.",
    "The review panel considered the records of eleven agencies and met with practitioners at two learning events.",
    "Maternal grandmother, who misused alcohol, sometimes cared for the children at weekends.",
    "Mother denied any domestic abuse when asked at the antenatal booking appointment.",
]


def synthetic_report(words: int = 46_000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    paras: list[str] = []
    n = 0
    while n < words:
        para = " ".join(
            rng.choice(_SENTENCES).format(
                c=rng.choice("ABCD"),
                p=rng.choice(["her mother", "his father", "both parents"]),
                d=f"{rng.randint(1, 28)} March",
            )
            for _ in range(rng.randint(4, 8))
        )
        paras.append(para)
        n += len(para.split())
    return paras


def make_pdf(paras: list[str], path: Path) -> None:
    from weasyprint import HTML

    body = "".join(f"<p>{p}</p>" for p in paras)
    html = f"<html><head><style>@page {{ size: A4; margin: 2cm }} body {{ font: 11.5pt serif; line-height: 1.4 }}</style></head><body>{body}</body></html>"
    HTML(string=html).write_pdf(str(path))


def speed() -> None:
    import pypdfium2 as pdfium

    from casereview.extract import extract_document
    from casereview.extract.pipeline import build, pipeline
    from casereview.ingest import read_document

    pipeline()  # built once per process (cached); not part of the per-document cost
    t0 = time.perf_counter()
    build()  # a fresh build, to report what a cold process pays once
    t_build = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.pdf"
        t0 = time.perf_counter()
        make_pdf(synthetic_report(), path)
        print(f"\n== speed: synthetic report written in {time.perf_counter() - t0:.1f} s ==")
        t0 = time.perf_counter()
        pdf = pdfium.PdfDocument(str(path))
        raw = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        floor = time.perf_counter() - t0
        n_pages, n_words = len(raw), sum(len(t.split()) for t in raw)
        pdf.close()
        t0 = time.perf_counter()
        read_document(path)  # as the CLI reads untrusted files: in a limited worker process
        t_sandboxed = time.perf_counter() - t0
        t0 = time.perf_counter()
        doc = read_document(path, sandbox=False)
        t_ingest = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = extract_document(doc)
        t_code = time.perf_counter() - t0
    total = t_ingest + t_code
    print(f"pages {n_pages}, words {n_words}, suggestions {len(result.suggestions)}")
    print(
        f"pipeline built once per process in {t_build:.2f} s; sandboxed ingestion {t_sandboxed:.2f} s"
    )
    print(f"pypdfium2 raw text (floor): {floor:.2f} s")
    print(
        f"ingestion {t_ingest:.2f} s + coding {t_code:.2f} s = {total:.2f} s -> {n_pages / total:.0f} pages/s "
        f"({total / floor:.1f}x the raw text extraction floor)"
    )


if __name__ == "__main__":
    speed()
    sys.exit(0)

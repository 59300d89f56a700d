"""Assisted coding, timed as a person meets it, each figure beside a floor measured in the same run.

    .venv/bin/python benchmarks/extract_speed.py            # best of 3 runs of each
    .venv/bin/python benchmarks/extract_speed.py --repeat 1

A synthetic ~100-page report (~46,000 words) is written to PDF with WeasyPrint, and its first
page to a one-page PDF. Then, with a private cache folder (CASEREVIEW_CACHE_DIR):

- cold `casereview extract` of the one-page PDF (a new process; cache empty, then warm);
- cold `casereview ingest` + `casereview code` of the 100-page PDF (new processes, new SQLite
  register, cache warm);
- warm, in one process whose pipeline is built: ingest (ingest_paths) + code (code_review) of
  the 100-page PDF, and its parts: reading the text and coding it.

Floors: pypdfium2's own text extraction of the same PDF, in this process (warm) and in a new
Python process (cold: interpreter start + import + extraction). Wall-clock seconds are the
best of --repeat runs; CPU seconds are user + system of the process and the children it
waited for (not the reader's worker processes, which a fork server starts: the in-process
ingest figures leave out the PDF parsing there). On a busy machine wall clock grows with
the load while CPU time does not: compare the CPU ratios then.

Targets (issue 10): warm ingest + code <= 3x the warm floor; coding a 100-page PDF < 2 s;
cold extract of one page < 2 s with the cache built.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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


_FLOOR_SCRIPT = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
text = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
"""


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s wall {self.cpu:6.2f} s CPU"


def _cpu() -> float:
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object], repeat: int, setup: Callable[[], None] | None = None) -> Timing:
    """Best wall-clock and best CPU time of `repeat` runs (`setup` runs untimed before each)."""
    walls, cpus = [], []
    for _ in range(repeat):
        if setup is not None:
            setup()
        c0, t0 = _cpu(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(_cpu() - c0)
    return Timing(min(walls), min(cpus))


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "casereview"
    return [str(script)] if script.exists() else [sys.executable, "-m", "casereview"]


def run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, check=False, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr[-2000:]}")


def pdf_text(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def ratio(t: Timing, floor: Timing) -> str:
    return f"{t.wall / floor.wall:5.1f}x wall {t.cpu / floor.cpu:5.1f}x CPU"


def speed(repeat: int = 3) -> None:
    import shutil

    tmp = Path(tempfile.mkdtemp(prefix="casereview-speed-"))
    try:
        _speed(tmp, repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _speed(tmp: Path, repeat: int) -> None:
    cache = tmp / "cache"
    os.environ["CASEREVIEW_CACHE_DIR"] = str(cache)  # this process and its children
    env = dict(os.environ)
    report_pdf, page_pdf = tmp / "report.pdf", tmp / "page.pdf"
    t0 = time.perf_counter()
    paras = synthetic_report()
    make_pdf(paras, report_pdf)
    pages = pdf_text(report_pdf)
    first_page = " ".join(pages[0].split())
    make_pdf([first_page], page_pdf)
    n_words = sum(len(t.split()) for t in pages)
    print(
        f"\n== speed: {len(pages)} pages, {n_words} words; written in {time.perf_counter() - t0:.1f} s =="
    )
    print(f"best of {repeat} runs; wall clock and CPU (user + system)\n")

    floor = timed(lambda: pdf_text(report_pdf), repeat)
    floor_cold = timed(
        lambda: run([sys.executable, "-c", _FLOOR_SCRIPT, str(report_pdf)], env), repeat
    )
    floor_page = timed(
        lambda: run([sys.executable, "-c", _FLOOR_SCRIPT, str(page_pdf)], env), repeat
    )
    print(f"floor  pypdfium2 text, 100 pages, this process      {floor}")
    print(f"floor  pypdfium2 text, 100 pages, new process       {floor_cold}")
    print(f"floor  pypdfium2 text, 1 page, new process          {floor_page}")

    # Cold `extract` of one page: a new process each time, with an empty and a built cache.
    def empty_cache() -> None:
        import shutil

        shutil.rmtree(cache, ignore_errors=True)

    extract = [*_cli(), "extract", "--json", str(page_pdf)]
    cold_empty = timed(lambda: run(extract, env), repeat, setup=empty_cache)
    cold_warm = timed(lambda: run(extract, env), repeat)
    print()
    print(
        f"cold   extract, 1 page, cache empty                 {cold_empty}  {ratio(cold_empty, floor_page)} the 1-page cold floor"
    )
    print(
        f"cold   extract, 1 page, cache built                 {cold_warm}  {ratio(cold_warm, floor_page)} the 1-page cold floor (target < 2 s)"
    )

    # Cold ingest + code of the 100-page PDF, as a person runs them: two new processes.
    registers: list[Path] = []

    def new_register() -> None:
        registers.append(tmp / f"cold{len(registers)}.db")
        env["CASEREVIEW_DATABASE_URL"] = f"sqlite:///{registers[-1]}"

    def ingest() -> None:
        run([*_cli(), "ingest", str(report_pdf), "--review", "R1"], env)

    cold_ingest = timed(ingest, repeat, setup=new_register)
    cold_code = timed(lambda: run([*_cli(), "code", "R1"], env), repeat)
    cold = Timing(cold_ingest.wall + cold_code.wall, cold_ingest.cpu + cold_code.cpu)
    print(f"cold   ingest, 100 pages                            {cold_ingest}")
    print(f"cold   code, 100 pages                              {cold_code}")
    print(
        f"cold   ingest + code                                {cold}  {ratio(cold, floor)} the warm floor, {ratio(cold, floor_cold)} the cold floor"
    )

    # Warm: one process (a web server, a batch) whose pipeline is already built.
    from casereview.extract import extract_document
    from casereview.extract.pipeline import build, pipeline
    from casereview.ingest import read_document
    from casereview.ingest.assist import code_review
    from casereview.ingest.service import ingest_paths
    from casereview.store.database import Store

    t_build = timed(build, repeat)
    pipeline()
    doc = read_document(report_pdf, sandbox=False)
    stores: list[Store] = []

    def new_store() -> None:
        stores.append(Store.open(f"sqlite:///{tmp / f'warm{len(stores)}.db'}"))

    def ingest_warm() -> None:
        results = ingest_paths(stores[-1], [report_pdf], review="R1")
        assert not any(r.failed for r in results), results

    read = timed(lambda: read_document(report_pdf, sandbox=False), repeat)
    code_only = timed(lambda: extract_document(doc), repeat)
    warm_ingest = timed(ingest_warm, repeat, setup=new_store)
    warm_code = timed(lambda: code_review(stores[-1], "R1"), repeat)
    warm = Timing(warm_ingest.wall + warm_code.wall, warm_ingest.cpu + warm_code.cpu)
    n_suggestions = len(extract_document(doc).suggestions)
    print()
    print(f"in-process pipeline build (cache built)             {t_build}")
    print(
        f"warm   read text (pypdfium2 + pages + cleaning)     {read}  {ratio(read, floor)} the floor"
    )
    print(
        f"warm   coding the text ({n_suggestions} suggestions)          {code_only}  {ratio(code_only, floor)} the floor (target < 2 s)"
    )
    print(f"warm   ingest, 100 pages (register, search index)   {warm_ingest}")
    print(f"warm   code, 100 pages (register)                   {warm_code}")
    print(
        f"warm   ingest + code                                {warm}  {ratio(warm, floor)} the floor (target <= 3x)"
    )
    for store in stores:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (best kept)")
    speed(ap.parse_args().repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pseudonymising review text: time per document beside a floor measured in the same run
(one pass of the word pattern over the same text, the least any name replacement must do),
and the time of the last documents beside the first (names accumulate over an export; the
cost of a document must not grow with them).

Synthetic documents: 40 pages of about 350 words, six invented people per review
introduced by role words, then named in their several forms.

Run: .venv/bin/python benchmarks/pseudonymise_bench.py [--documents 500]
"""

from __future__ import annotations

import argparse
import random
import time

from casereview.io.pseudonyms import _WORD, Pseudonymiser

SYLLABLES = ["ka", "lo", "mer", "din", "sa", "vel", "tor", "bri", "an", "nel", "rho", "quen"]
FILLER = (  # noqa: SIM905
    "The practitioners did not share information about the household and the assessment was "
    "not updated when circumstances changed . Agencies met and agreed a plan which was not "
    "followed through ; the voice of the child was not heard in the records . "
).split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def document(rng: random.Random) -> list[str]:
    child, mother, father, partner = (f"{_name(rng)} {_name(rng)}" for _ in range(4))
    worker = f"{_name(rng)} {_name(rng)}"
    intro = (
        f"{child} was a two-year-old girl who lived with her mother, {mother}. "
        f"Her father, {father}, visited. The mother's partner, {partner} (stepfather), moved in. "
        f"The social worker, {worker}, visited. "
    )
    mentions = [child.split()[0], mother.split()[0] + "'s", f"Mr {father.split()[1]}", partner, worker]
    pages = []
    for n in range(40):
        words = [rng.choice(FILLER) for _ in range(330)]
        for m in rng.sample(mentions, 3):
            words.insert(rng.randrange(len(words)), m)
        pages.append((intro if n == 0 else "") + " ".join(words))
    return pages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=500)
    args = ap.parse_args()
    rng = random.Random(7)
    docs = [document(rng) for _ in range(args.documents)]
    p = Pseudonymiser(b"benchmark secret, sixteen+")
    each: list[float] = []
    t0 = time.perf_counter()
    for pages in docs:
        t = time.perf_counter()
        p.learn("\n\n".join(pages))
        for page in pages:
            p.replace(page)
        each.append(time.perf_counter() - t)
    took = time.perf_counter() - t0
    t0 = time.perf_counter()
    for pages in docs:
        for page in pages:
            sum(1 for _ in _WORD.finditer(page))
    floor = time.perf_counter() - t0
    words = sum(len(page.split()) for pages in docs for page in pages)
    tenth = max(len(each) // 10, 1)
    first, last = sum(each[:tenth]) / tenth, sum(each[-tenth:]) / tenth
    print(f"{len(docs)} documents, {words:,} words, {len(p.forms()):,} name forms known at the end")
    print(f"pseudonymise {took:.2f} s ({words / took:,.0f} words/s); floor (word scan) {floor:.2f} s; "
          f"ratio {took / floor:.1f}x")
    print(f"per document: first tenth {first * 1000:.1f} ms, last tenth {last * 1000:.1f} ms; "
          f"ratio {last / first:.2f}")


if __name__ == "__main__":
    main()

"""Web speed: 10,000 synthetic reviews, the main pages and API under concurrent requests.

Loads 10,000 synthetic Cafcass-coded reviews (about 1.5 children each) into a fresh SQLite
register, ingests the test review reports for full-text search, starts the app with
uvicorn on a free local port, signs one viewer in, and drives each page with CONCURRENCY
requests in flight (httpx, asyncio). Prints p50/p95 latency and throughput per page beside
the floor measured the same way in the same run: the static stylesheet (no database, no
template), so the ratio shows what the page itself costs. Target: p95 under 200 ms for the
list, search and review pages.

    .venv/bin/python benchmarks/web_bench.py [--reviews 10000] [--requests 200] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "tests" / "data" / "documents"


def _build(folder: Path, n: int):  # type: ignore[no-untyped-def]
    from casereview.analysis.synthetic import synthetic_cases
    from casereview.app.access import Actor, cli_actor
    from casereview.app.users import create_user
    from casereview.codebook import default_registry
    from casereview.ingest.service import ingest_paths
    from casereview.io.importer import import_file
    from casereview.store.database import Store

    store = Store.open(f"sqlite:///{folder / 'bench.db'}")
    table = folder / "cases.csv"
    synthetic_cases(default_registry().get("cafcass-scr"), n).to_csv(table, index=False)
    import_file(store, table, "cafcass-scr")
    ingest_paths(store, sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".pdf", ".docx", ".html", ".txt")))
    user = create_user(store, cli_actor("bench"), "viewer", "viewer", "benchmark password")
    return store, Actor(user.name, user.role, user.id)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _drive(base: str, cookie: str, url: str, n: int, concurrency: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    queue = list(range(n))
    async with httpx.AsyncClient(base_url=base, headers={"Cookie": cookie}, timeout=60) as client:

        async def worker() -> None:
            while queue:
                queue.pop()
                t = time.perf_counter()
                r = await client.get(url)
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {r.status_code}")

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, time.perf_counter() - start


def _pct(xs: list[float], p: float) -> float:
    return statistics.quantiles(xs, n=100)[int(p) - 1] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reviews", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    from casereview.app.sessions import start_session
    from casereview.web.app import create_app
    from casereview.web.deps import SESSION_COOKIE

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        store, viewer = _build(Path(tmp), args.reviews)
        print(f"register: {args.reviews} reviews loaded in {time.perf_counter() - t:.1f} s")
        token, _ = start_session(store, viewer, hours=1)
        port = _port()
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base, cookie = f"http://127.0.0.1:{port}", f"{SESSION_COOKIE}={token}"
        pages = {
            "floor: /static/style.css": "/static/style.css",
            "case list": "/cases",
            "case list, filtered": "/cases?study=synthetic-2012&fatal=yes&status=coded&page=3",
            "search": '/cases?q="domestic abuse"',
            "review": "/reviews/S004321",
            "API case list": "/api/cases?per_page=50",
        }
        print(f"{args.requests} requests per page, {args.concurrency} in flight")
        print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'p95/floor':>10}")
        floor = None
        for name, url in pages.items():
            asyncio.run(_drive(base, cookie, url, min(20, args.requests), args.concurrency))  # warm up
            lat, wall = asyncio.run(_drive(base, cookie, url, args.requests, args.concurrency))
            p95 = _pct(lat, 95)
            floor = floor or p95
            print(f"{name:28} {_pct(lat, 50):8.1f} {p95:8.1f} {len(lat) / wall:8.1f} {p95 / floor:10.1f}")
        server.should_exit = True
        store.close()


if __name__ == "__main__":
    sys.exit(main())

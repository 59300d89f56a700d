"""Parsing untrusted files in a worker process with limits (ENGINEERING.md "Robustness").

PDFium, lxml, calamine and ReadStat are C or Rust libraries: a malformed file can make them
crash, loop or eat memory. Each file (a review document, an uploaded .xlsx or .sav) is read
in a child process (forked from a clean fork server that has the parsers
preloaded, so a start costs milliseconds) with an address-space limit, a CPU-time limit and
a wall-clock timeout. A crash, a signal or a limit hit there becomes a DocumentError with
its reason; the calling process (CLI batch or web server) carries on.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import spawn
from typing import Any

from casereview.errors import CaseReviewError, DocumentError

PRELOAD = [
    "casereview.ingest.reader",
    "pypdfium2",
    "docx",
    "selectolax.lexbor",
    "casereview.io.readers",
    "pyreadstat",
    "python_calamine",
]
WORKER_NAME = "casereview-reader"


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 2048  # address space of the worker (virtual memory, not resident)
    cpu_seconds: int = 60
    timeout_seconds: float = 120.0


DEFAULT_LIMITS = Limits()
_context: Any = None


def _get_context() -> Any:
    global _context
    if _context is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        _context = ctx
    return _context


# multiprocessing makes each new child re-run the caller's main script (as "__mp_main__") so
# that functions defined there can be unpickled. Our worker runs only package functions, and
# re-running, say, a benchmark script that imports spaCy would cost seconds per file (or
# fail outright in a script without an `if __name__ == "__main__"` guard). So for reader
# workers only, the main-module entries are left out of the child's preparation data.
_preparation_data = spawn.get_preparation_data


def _reader_preparation_data(name: str) -> dict[str, Any]:
    data = _preparation_data(name)
    if name.startswith(WORKER_NAME):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data  # type: ignore[no-any-return]


if getattr(spawn.get_preparation_data, "__name__", "") != "_reader_preparation_data":
    spawn.get_preparation_data = _reader_preparation_data


def _child(conn, fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits, label: str) -> None:  # type: ignore[no-untyped-def]
    mem = limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    try:
        result: tuple[str, Any] = ("ok", fn(*args))
    except CaseReviewError as exc:
        result = ("error", exc.message)
    except MemoryError:
        result = ("memory", "")
    except RecursionError:
        result = ("error", f"{label}: refused: the document is nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 (any parser failure: this file cannot be read)
        result = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("memory", ""))
    finally:
        conn.close()


def run_limited(
    fn: Callable[..., Any], *args: Any, label: str, limits: Limits = DEFAULT_LIMITS
) -> Any:
    """Run `fn(*args)` in a limited worker process and return its result.

    `fn` and its arguments must be picklable (module-level functions, plain data).
    Raises DocumentError naming `label` when the worker fails, crashes or runs out of limits.
    """
    ctx = _get_context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(
        target=_child,
        args=(child, fn, args, limits, label),
        daemon=True,
        name=f"{WORKER_NAME}-{label}",
    )
    proc.start()
    child.close()
    try:
        if not parent.poll(limits.timeout_seconds):
            proc.kill()
            raise DocumentError(
                f"{label}: refused: reading took longer than {limits.timeout_seconds:g} s"
            )
        try:
            status, value = parent.recv()
        except EOFError:
            status, value = "died", None
    finally:
        parent.close()
        proc.join(5)
        if proc.is_alive():
            proc.kill()
            proc.join()
    if status == "ok":
        return value
    if status == "error":
        raise DocumentError(value)
    if status == "memory":
        raise DocumentError(
            f"{label}: refused: reading it needs more than {limits.memory_mb} MB of memory"
        )
    if status == "crash":
        raise DocumentError(f"{label}: corrupt or unreadable file ({value})")
    raise DocumentError(f"{label}: {_death_reason(proc.exitcode, limits)}")


def _death_reason(exitcode: int | None, limits: Limits) -> str:
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        if sig in (signal.SIGXCPU, signal.SIGKILL):
            return f"refused: reading used more than {limits.cpu_seconds} s of CPU time"
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else sig
        return f"refused: the parser crashed on this file ({name})"
    return f"refused: the parser stopped unexpectedly (exit code {exitcode})"

"""Data compiled from the extraction rules, kept on disk between processes.

Expanding the rules' ~60,000 phrase spellings and tokenising each one cost ~1.5 s in every
process, for a result that only changes when the rules, the code that tokenises them or the
libraries change. So the result (plain data: for each label the token-hash sequences a
spaCy PhraseMatcher stores) is written once to the user's cache folder and read back in
~0.05 s. The file name carries a hash of everything the data depends on: a changed rules
file or an upgraded spaCy simply finds no file and builds a new one.

A file that cannot be read (truncated, corrupt, from another format) is rebuilt and replaced
without a word; a folder that cannot be written only costs the speed. Writes go to a
temporary file in the same folder, renamed into place (atomic), so concurrent processes
never read half a file. Loading accepts plain containers and numbers only: nothing in the
file can name a class or a function to run.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

FORMAT = 1
KEEP = 6  # files kept per kind: a few rule versions side by side (tests, branches)
_PACKAGE = Path(__file__).resolve().parent
# The code whose behaviour the compiled data depends on: phrase expansion (rules.py and,
# for ConText rules, context.py), tokenisation (pipeline.py builds the tokenizer),
# compilation (matchers.py), this format.
CODE = ("rules.py", "context.py", "pipeline.py", "matchers.py", "cache.py")


def cache_dir() -> Path:
    """The settings' cache_dir, else $XDG_CACHE_HOME/casereview (%LOCALAPPDATA% on Windows,
    ~/.cache otherwise)."""
    from casereview.settings import get_settings

    configured = get_settings().cache_dir
    if configured is not None:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
    )
    return (Path(base) if base else Path.home() / ".cache") / "casereview"


def fingerprint(kind: str, sources: Iterable[Path]) -> str:
    """Hash of the rules files' bytes, our compiling code and the library versions."""
    import spacy

    from casereview import __version__

    h = hashlib.sha256()
    for part in (kind, str(FORMAT), sys.version, spacy.__version__, __version__):
        h.update(part.encode() + b"\0")
    for path in (*sources, *(_PACKAGE / name for name in CODE)):
        h.update(Path(path).name.encode() + b"\0")
        h.update(Path(path).read_bytes() + b"\0")
    return h.hexdigest()


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"cache files hold plain data only, not {module}.{name}")


def _read(path: Path, key: str) -> Any:
    """The data stored under `key`, or None when the file is missing or unusable."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    try:
        stored = _PlainUnpickler(io.BytesIO(blob)).load()
    except Exception:  # noqa: BLE001 (any damage to the file: rebuild it)
        return None
    if not isinstance(stored, dict) or stored.get("key") != key or "data" not in stored:
        return None
    return stored["data"]


def _write(directory: Path, path: Path, key: str, data: Any) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump({"key": key, "data": data}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full disk: the data is still built, only not kept
    _prune(directory, path)


def _prune(directory: Path, newest: Path) -> None:
    kind = newest.name.rsplit("-", 1)[0]
    try:
        older = sorted(
            (p for p in directory.glob(f"{kind}-*.pickle") if p != newest),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for p in older[KEEP - 1 :]:
            p.unlink(missing_ok=True)
    except OSError:
        pass


def cached(
    kind: str, sources: Iterable[Path], build: Callable[[], T], directory: Path | None = None
) -> T:
    """`build()`'s result (plain data: dicts, lists, tuples, str, int, float, bool, None),
    read from the cache when it was built from the same `sources` and code, else built and
    stored."""
    key = fingerprint(kind, sources)
    try:
        folder = directory if directory is not None else cache_dir()
    except (RuntimeError, OSError):  # no home folder to hold a cache: build every time
        return build()
    path = folder / f"{kind}-{key[:24]}.pickle"
    data = _read(path, key)
    if data is None:
        data = build()
        _write(folder, path, key, data)
    return data  # type: ignore[no-any-return]

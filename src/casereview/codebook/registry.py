"""All codebooks known to this installation: the bundled ones plus the user's folders."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from pathlib import Path

from casereview.codebook.checks import check_mapping_sources
from casereview.codebook.loader import BUNDLED_DIR, codebook_files, load_codebook_file
from casereview.codebook.model import Codebook
from casereview.errors import CodebookError, NotFoundError


def _version_key(version: str) -> tuple[object, ...]:
    """Natural order: '2014' < '2017', '1.9' < '1.10'."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", version))


class CodebookRegistry:
    def __init__(self, codebooks: Iterable[Codebook] = ()) -> None:
        self._books: dict[tuple[str, str], Codebook] = {}
        self._origins: dict[tuple[str, str], str] = {}
        for cb in codebooks:
            self.add(cb)

    def add(self, cb: Codebook, origin: str = "") -> None:
        key = (cb.id, cb.version)
        if key in self._books:
            first = self._origins.get(key)
            raise CodebookError(
                f"{origin or cb.key}: codebook {cb.key} is defined twice"
                + (f" (also in {first})" if first else "")
                + "; give the new file another version"
            )
        self._books[key] = cb
        self._origins[key] = origin

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> CodebookRegistry:
        reg = cls()
        for directory in (BUNDLED_DIR, *extra_dirs):
            if not Path(directory).is_dir():
                raise CodebookError(f"codebook folder {directory} does not exist")
            for path in codebook_files(Path(directory)):
                reg.add(load_codebook_file(path), str(path))
        reg._check_mappings()
        return reg

    def _check_mappings(self) -> None:
        """Version mappings can only be checked against the old version once both are loaded."""
        for (cid, version), cb in self._books.items():
            for m in cb.mappings:
                old = self._books.get((cid, m.from_version))
                problems = check_mapping_sources(cb, old) if old is not None else []
                if problems:
                    origin = self._origins.get((cid, version)) or cb.key
                    raise CodebookError(f"{origin}: " + "; ".join(problems), details=problems)

    def ids(self) -> list[str]:
        return sorted({cid for cid, _ in self._books})

    def versions(self, codebook_id: str) -> list[str]:
        return sorted((v for cid, v in self._books if cid == codebook_id), key=_version_key)

    def all(self) -> list[Codebook]:
        return [self.get(cid, v) for cid in self.ids() for v in self.versions(cid)]

    def get(self, codebook_id: str, version: str | None = None) -> Codebook:
        """A codebook by id ('cafcass-scr'), 'id@version', or id plus version; latest by default."""
        if version is None and "@" in codebook_id:
            codebook_id, version = codebook_id.split("@", 1)
        versions = self.versions(codebook_id)
        if not versions:
            raise NotFoundError(
                f"no codebook {codebook_id!r}; known codebooks: {', '.join(self.ids()) or 'none'}"
            )
        version = version or versions[-1]
        if version not in versions:
            raise NotFoundError(
                f"codebook {codebook_id!r} has no version {version!r}; versions: "
                + ", ".join(versions)
            )
        return self._books[(codebook_id, version)]


_cached: tuple[object, CodebookRegistry] | None = None
_lock = threading.Lock()


def _signature(dirs: tuple[Path, ...]) -> object:
    """What the registry was loaded from: every codebook file with its size and change time."""
    files = []
    for directory in (BUNDLED_DIR, *dirs):
        if Path(directory).is_dir():
            for path in codebook_files(Path(directory)):
                st = path.stat()
                files.append((str(path), st.st_mtime_ns, st.st_size))
    return (dirs, tuple(files))


def default_registry() -> CodebookRegistry:
    """The bundled codebooks plus the configured folders' ones, loaded once and shared until a
    codebook file is added, removed or changed (callers must not add to it)."""
    global _cached
    from casereview.settings import get_settings

    dirs = tuple(Path(d) for d in get_settings().codebook_dirs)
    signature = _signature(dirs)
    with _lock:
        if _cached is None or _cached[0] != signature:
            _cached = (signature, CodebookRegistry.load(dirs))
        return _cached[1]

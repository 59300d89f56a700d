"""Writing an output file all at once: a temporary file in the same folder, then a rename.

A failure part-way (a full disk, a file-size limit, an exception in a writer) leaves neither
a truncated file nor the temporary one behind, and an existing file of that name is kept
as it was. The rename is atomic because both names are in one folder (one file system).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from casereview.errors import CaseReviewError


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; it becomes `path` only if the block succeeds."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise CaseReviewError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the file the usual mode
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        cause = _os_error(exc)
        if cause is None:
            raise
        raise CaseReviewError(
            f"cannot write {path}: {cause.strerror or cause}; nothing was written "
            "(free some disk space or choose another folder)"
        ) from None


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind `exc`: writers such as XlsxWriter wrap it in their own error."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        if isinstance(seen, OSError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(path: Path, data: bytes) -> Path:
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path

"""What may be read as a review document, and how names and text are made safe to show and store.

Only regular files are read. The calling process (CLI batch or web server) looks at a path
with stat() only, never open(): opening `/dev/zero`, a FIFO or a symlink to either would
block or never end. All reading, hashing included, happens in the limited worker
(sandbox.py), which opens with O_NONBLOCK and checks the open file again (the path may have
been swapped for something else in between).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from casereview.errors import DocumentError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_CHUNK = 1 << 20
# NUL: PostgreSQL refuses it in text. Lone surrogates: what Python makes of file-name bytes
# that are not UTF-8; no database driver can encode them. Both are replaced one for one, so
# every character offset stays where it was.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def shown(text: str) -> str:
    """`text` with undecodable file-name bytes as U+FFFD: safe to print and to store."""
    if not _UNSTORABLE.search(text):
        return text
    try:
        text = os.fsencode(text).decode("utf-8", errors="replace")
    except UnicodeError:
        pass
    return storable(text)


def storable(text: str) -> str:
    """`text` without NUL bytes or lone surrogates, same length (offsets are kept)."""
    return _UNSTORABLE.sub(lambda m: " " if m.group() == "\x00" else "\ufffd", text)


def kind_of(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO (named pipe)", ...); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path) -> os.stat_result:
    """stat() the file (following symlinks) and refuse anything but a regular file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise DocumentError(f"{shown(str(path))}: no such file") from None
    except OSError as exc:
        raise DocumentError(f"{shown(path.name)}: cannot be read ({exc.strerror})") from None
    what = kind_of(st.st_mode)
    if what is not None:
        raise DocumentError(f"{shown(path.name)}: refused: {what}, not a regular file")
    return st


def read_regular(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes, opened without blocking and checked to be a regular file once open.
    For the worker process only."""
    with _open_regular(path) as fh:
        data = fh.read() if max_bytes is None else fh.read(max_bytes)
    return data


def file_sha256(path: Path) -> str:
    """SHA-256 of a regular file, read in chunks. For the worker process only."""
    h = hashlib.sha256()
    with _open_regular(path) as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _open_regular(path: Path):  # type: ignore[no-untyped-def]
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise DocumentError(f"{shown(path.name)}: cannot be read ({exc.strerror})") from None
    try:
        what = kind_of(os.fstat(fd).st_mode)
        if what is not None:
            raise DocumentError(f"{shown(path.name)}: refused: {what}, not a regular file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise

"""Atomic file output: write to a temporary file beside the target, then rename.

A reader never sees a half-written output, and an interrupted run leaves the
previous version (or nothing) in place. Inside :func:`atomic_group`, several outputs
are put in place together, only once all of them are written: a failure in the last
one (a full disk) leaves none of them, not a partial set.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import OutputError

#: (temporary path, target) renames deferred by the innermost atomic_group, if any.
_GROUP: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar("atomic_group", default=None)


@contextlib.contextmanager
def atomic_group() -> Iterator[None]:
    """Defer the renames of every :func:`atomic_path` inside the block to its end: the
    targets are replaced together when the block finishes without an exception; when
    it fails, every temporary file is deleted and no target is touched."""
    pending: list[tuple[Path, Path]] = []
    token = _GROUP.set(pending)
    try:
        yield
        _GROUP.reset(token)
        token = None
        for tmp, target in pending:
            try:
                os.replace(tmp, target)
            except OSError as err:
                raise OutputError(f"cannot write: {err.strerror or err}", target) from err
    finally:
        if token is not None:
            _GROUP.reset(token)
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target's directory; rename it over the
    target when the block finishes without an exception (or, inside
    :func:`atomic_group`, when the group does), delete it otherwise."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as err:
        raise OutputError(f"cannot write here: {err.strerror or err}", target) from err
    tmp_path = Path(tmp)
    deferred = False
    try:
        yield tmp_path
        with open(tmp_path, "rb") as fh:
            os.fsync(fh.fileno())
        # mkstemp creates 0600; give the output the permissions a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)
        group = _GROUP.get()
        if group is not None:
            group.append((tmp_path, target))
            deferred = True
        else:
            os.replace(tmp_path, target)
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror or err}", target) from err
    finally:
        if not deferred:
            with contextlib.suppress(FileNotFoundError):
                tmp_path.unlink()


@contextlib.contextmanager
def atomic_open(target: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``target`` on success."""
    if "b" in mode:
        encoding = None
    with atomic_path(target) as tmp:
        with open(tmp, mode, encoding=encoding, newline="" if encoding else None) as fh:
            yield fh


def write_text(target: str | Path, text: str) -> None:
    with atomic_open(target) as fh:
        fh.write(text)

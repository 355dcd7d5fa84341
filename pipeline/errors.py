"""Errors the user sees as one line: what went wrong, in which file (and line)."""

from __future__ import annotations

from pathlib import Path


class Es2enError(Exception):
    """Base class: the CLI prints ``str(err)`` on one line and exits non-zero."""

    exit_code = 1

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(Es2enError):
    """A source file is missing, empty, corrupt or unreadable."""

    exit_code = 2


class EngineError(Es2enError):
    """No engine is available, or an engine failed."""

    exit_code = 3


class OutputError(Es2enError):
    """An output could not be written."""

    exit_code = 4

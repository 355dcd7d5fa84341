"""A loaded set of glossary files: entries after conflicts are resolved."""

from __future__ import annotations

import hashlib
import json

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .entry import Entry, GlossaryFile

#: Bumped when matching rules change, so translations stored under an old
#: fingerprint are not reused as if the terms had been enforced the same way.
MATCHER_VERSION = "1"
FORMATS = (".tsv", ".csv", ".tbx")
_REPO = Path(__file__).resolve().parent.parent.parent


def default_glossary_dir() -> Path:
    """``glossaries/`` in the working directory if there is one, else the one in
    the repository this package belongs to."""
    here = Path.cwd() / "glossaries"
    return here if here.is_dir() else _REPO / "glossaries"


DEFAULT_GLOSSARY_DIR = default_glossary_dir()


def default_glossary_paths(directory: str | Path | None = None) -> list[Path]:
    """Every glossary file in the directory, by name (later names win conflicts)."""
    d = Path(directory) if directory is not None else default_glossary_dir()
    if not d.is_dir():
        return []
    return sorted(p for p in d.iterdir() if p.suffix.lower() in FORMATS and p.is_file() and not p.name.startswith("."))


def read_glossary_file(path: str | Path, *, lenient: bool = False) -> GlossaryFile:
    """Read one file in any supported format (by its extension)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".tsv" or suffix == ".txt":
        from .tsv import read_tsv

        return read_tsv(path, lenient=lenient)
    if suffix == ".csv":
        from .csv_format import read_csv

        return read_csv(path, lenient=lenient)
    if suffix == ".tbx" or suffix == ".xml":
        from .tbx import read_tbx

        return read_tbx(path, lenient=lenient)
    raise InputError(f"unknown glossary format {path.suffix or '(none)'!r}: use .tsv, .csv or .tbx", path)


def write_glossary_file(gf: GlossaryFile, path: str | Path, *, tbx_version: int = 2) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        from .tsv import write_tsv

        write_tsv(gf, path)
    elif suffix == ".csv":
        from .csv_format import write_csv

        write_csv(gf, path)
    elif suffix == ".tbx":
        from .tbx import write_tbx

        write_tbx(gf, path, version=tbx_version)
    else:
        from ..errors import OutputError

        raise OutputError(f"unknown glossary format {path.suffix or '(none)'!r}: use .tsv, .csv or .tbx", path)


@dataclass
class Glossary:
    """Entries of one or more files; a later file's entry replaces an earlier one
    with the same Spanish (case-folded), and ``conflicts`` says so when the
    English differs."""

    files: list[Path] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    #: Same Spanish and English twice (harmless; ``lint`` lists them).
    duplicates: list[str] = field(default_factory=list)
    #: Lines skipped in lenient mode.
    warnings: list[str] = field(default_factory=list)
    _matcher: object = field(default=None, repr=False, compare=False)
    _fingerprint: str | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries: list[Entry]) -> "Glossary":
        g = cls()
        g._add(entries)
        return g

    def _add(self, entries: list[Entry]) -> None:
        index = {e.key: i for i, e in enumerate(self.entries)}
        slots: list[Entry | None] = list(self.entries)
        for e in entries:
            i = index.get(e.key)
            if i is not None:
                old = slots[i]
                assert old is not None
                if old.en != e.en:
                    self.conflicts.append(
                        f"{e.where}: {e.es!r} → {e.en!r} overrides {old.where}: {old.es!r} → {old.en!r}"
                    )
                else:
                    self.duplicates.append(f"{e.where}: {e.es!r} → {e.en!r} repeats {old.where}")
                slots[i] = None
            index[e.key] = len(slots)
            slots.append(e)
        self.entries = [e for e in slots if e is not None]
        self._matcher = None
        self._fingerprint = None

    def __len__(self) -> int:
        return len(self.entries)

    def fingerprint(self) -> str:
        """SHA-256 (hex) of what the matcher produces from: each entry's Spanish,
        English, variants, plural, case and part of speech, in priority order, and
        the matcher version. Notes, domains, comments and file names do not count."""
        if self._fingerprint is None:
            payload = json.dumps(
                [MATCHER_VERSION, [e.content() for e in self.entries]], ensure_ascii=False, separators=(",", ":")
            )
            self._fingerprint = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self._fingerprint

    def matcher(self):
        """The compiled matcher (built on first use, then reused)."""
        if self._matcher is None:
            from .matcher import Matcher

            self._matcher = Matcher(self.entries)
        return self._matcher

    def lookup(self, es: str) -> Entry | None:
        key = es.casefold()
        return next((e for e in reversed(self.entries) if e.key == key), None)


def _expand(paths: list[Path]) -> list[Path]:
    out = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(default_glossary_paths(p))
        else:
            out.append(p)
    return out


def load_glossaries(paths: list[Path] | list[str], *, lenient: bool = False) -> Glossary:
    """Read the files in order (a directory stands for its glossary files);
    later files win on conflicts. Raises InputError (file:line) on malformed
    input; with ``lenient`` bad lines are skipped and listed in ``warnings``."""
    g = Glossary()
    for path in _expand(list(paths)):
        gf = read_glossary_file(path, lenient=lenient)
        g.files.append(Path(path))
        g.warnings.extend(gf.warnings)
        g._add(gf.entries)
    return g


def load_default_glossaries(*, lenient: bool = False) -> Glossary:
    return load_glossaries(default_glossary_paths(), lenient=lenient)


__all__ = [
    "DEFAULT_GLOSSARY_DIR",
    "Glossary",
    "default_glossary_dir",
    "default_glossary_paths",
    "load_glossaries",
    "load_default_glossaries",
    "read_glossary_file",
    "write_glossary_file",
]

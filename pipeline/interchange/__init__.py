"""Translation-memory interchange: XLIFF 2.1 (``xliff``) and TMX 1.4b (``tmx``).

Both formats go through one small model, :class:`Unit` (a Spanish/English pair, its
es2en status and provenance), so adding a format means adding a module with
``write(units, path)`` and ``read(path) -> list[Unit]``. :func:`export_memory` and
:func:`import_units` connect units with a :class:`~pipeline.memory.TranslationMemory`.

What es2en writes carries its provenance (XLIFF: ``mda:metadata``; TMX: ``prop``
elements with ``x-es2en-*`` types), so an export imported into another memory gives
back the same rows. Files from other tools carry none: XLIFF ``final`` units become
approved, ``reviewed`` and ``translated`` ones reviewed (a ``translated`` unit whose
English is a machine text the memory already has is skipped); TMX units become
reviewed (``default_status``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..memory import APPROVED, HUMAN_STATUSES, MACHINE, REVIEWED, Entry, TranslationMemory, normalize

FORMATS = ("xliff", "tmx")

#: Provenance fields carried in both formats (XLIFF meta types / TMX prop types "x-es2en-…").
META_FIELDS = ("status", "engine", "model-version", "engine-key", "glossary", "reviewer", "previous",
               "created", "updated")


@dataclass
class Unit:
    source: str
    target: str | None
    #: es2en status ("machine" | "reviewed" | "approved") when the file says so, else "".
    status: str = ""
    #: XLIFF state ("initial" | "translated" | "reviewed" | "final") or "" (TMX).
    state: str = ""
    name: str = ""  # a segment id, when the unit came from a document export
    meta: dict[str, str] = field(default_factory=dict)
    where: str = ""  # "unit u12" / "tu 7", for messages
    problem: str = ""  # why the unit cannot be imported as it stands


def entry_units(entries: Iterable[Entry]) -> list[Unit]:
    units = []
    for e in entries:
        meta = {"status": e.status, "created": e.created, "updated": e.updated}
        if e.human:
            meta["reviewer"] = e.reviewer
            if e.previous:
                meta["previous"] = e.previous
        else:
            meta.update({"engine": e.engine, "model-version": e.model_version, "engine-key": e.engine_key,
                         "glossary": e.glossary})
        units.append(Unit(e.source, e.target, e.status, name="", meta={k: v for k, v in meta.items() if v}))
    return units


def _module(fmt: str):
    if fmt == "xliff":
        from . import xliff as module
    elif fmt == "tmx":
        from . import tmx as module
    else:
        raise ValueError(f"unknown interchange format {fmt!r}: choose from {', '.join(FORMATS)}")
    return module


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".xlf", ".xliff", ".xlf2"):
        return "xliff"
    if suffix == ".tmx":
        return "tmx"
    raise InputError("cannot tell the format from the name: use .xlf/.xliff or .tmx", path)


def export_memory(memory: TranslationMemory, path: str | Path, fmt: str | None = None,
                  status: str | None = None) -> int:
    """Write the memory's rows (optionally only one status, or "human") to ``path``;
    returns the number of units written."""
    fmt = fmt or format_of(path)
    units = entry_units(memory.entries(status=status))
    _module(fmt).write(units, Path(path))
    return len(units)


def read_units(path: str | Path, fmt: str | None = None) -> list[Unit]:
    fmt = fmt or format_of(path)
    return _module(fmt).read(Path(path))


@dataclass
class ImportResult:
    stored: int = 0
    same: int = 0
    skipped: list[tuple[Unit, str]] = field(default_factory=list)

    def summary(self, path) -> list[str]:
        lines = [f"{path}: {self.stored} stored, {self.same} already in the memory, {len(self.skipped)} skipped"]
        lines.extend(f"  skipped {u.where}: {why}" for u, why in self.skipped)
        return lines


def import_units(memory: TranslationMemory, units: list[Unit], reviewer: str,
                 default_status: str = REVIEWED) -> ImportResult:
    """Store units in the memory (see the module text for how a status is chosen)."""
    result = ImportResult()
    for u in units:
        source, target = normalize(u.source), normalize(u.target or "")
        if u.problem:
            result.skipped.append((u, u.problem))
            continue
        if not source or not target:
            result.skipped.append((u, "no English" if source else "no Spanish"))
            continue
        written = u.status or u.meta.get("status", "")
        status = written
        # a CAT tool that marks a unit reviewed/final outranks the status es2en wrote
        promoted = {"reviewed": REVIEWED, "final": APPROVED}.get(u.state)
        if promoted and _RANK[promoted] > _RANK.get(status, 0):
            status = promoted
        key = u.meta.get("engine-key", "")
        known = memory.machine(source, key) if key else []
        replaced = known[0].target if known and known[0].target != target else None
        if status == MACHINE:
            if key and replaced is None:
                entry = Entry(0, source, target, MACHINE, key, u.meta.get("engine", ""),
                              u.meta.get("model-version", ""), u.meta.get("glossary", ""),
                              created=u.meta.get("created", ""), updated=u.meta.get("updated", ""))
                _count(result, memory.store_entry(entry))
                continue
            # edited since es2en wrote it: a human correction of that machine text
            status = REVIEWED if replaced is not None else ""
        if status not in HUMAN_STATUSES:
            if u.state in ("translated", ""):
                if any(e.target == target for e in memory.machine(source)):
                    result.skipped.append((u, "a machine translation the memory already has"))
                    continue
                status = REVIEWED if u.state else default_status
            else:
                result.skipped.append((u, f"state “{u.state}”: not a translation to keep"))
                continue
        human = memory.human(source)
        if human is not None and human.target != target and any(e.target == target for e in memory.machine(source)):
            result.skipped.append((u, f"machine English marked {u.state or status}, but the memory has a human "
                                      f"English “{human.target}” (kept)"))
            continue
        previous = u.meta.get("previous") or (human.target if human else None) or replaced
        # the reviewer named in the file only vouches for the text es2en wrote with it
        by = u.meta.get("reviewer") if written == status else None
        action = memory.store_review(source, target, reviewer=by or reviewer, status=status,
                                     previous=previous, time=u.meta.get("updated") or None).action
        _count(result, action)
    return result


_RANK = {MACHINE: 1, REVIEWED: 2, APPROVED: 3}


def _count(result: ImportResult, action: str) -> None:
    if action == "stored":
        result.stored += 1
    else:
        result.same += 1


def import_file(memory: TranslationMemory, path: str | Path, fmt: str | None = None,
                default_status: str = REVIEWED) -> ImportResult:
    path = Path(path)
    return import_units(memory, read_units(path, fmt), reviewer=str(path.resolve()), default_status=default_status)


__all__ = ["FORMATS", "ImportResult", "Unit", "entry_units", "export_memory", "format_of", "import_file",
           "import_units", "read_units"]

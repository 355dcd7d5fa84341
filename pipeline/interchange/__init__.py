"""Translation-memory interchange: TMX 1.4b (``tmx``), XLIFF 1.2 (``xliff12``) and
XLIFF 2.1 (``xliff``).

Every format goes through one small model, :class:`Unit` (a Spanish/English pair with
its inline codes as the segment model's spans, its status, who and when), so adding a
format means a module with ``write(units, path)`` and ``read(path) -> list[Unit]``.

**Export** (:func:`export_memory`): by default one unit per Spanish segment, the best
English the memory has: the human one (approved or reviewed), else the newest machine
one, marked as machine (TMX ``<prop type="x-es2en-origin">machine</prop>``, XLIFF 2.1
state ``initial``, XLIFF 1.2 state ``needs-review-translation`` with
``state-qualifier="mt-suggestion"``), so a CAT tool never sees two equal candidates.
``machine=False`` leaves machine-only units out; ``every_row=True`` writes every row
(each engine key's machine text too): a full copy for another es2en memory.

**Import** (:func:`import_units`), per unit, against the memory's human row (rank:
approved > reviewed > machine; time: the unit's own change/creation date):

- a new Spanish text, or a machine text under a new engine key → *stored*;
- the same English → *unchanged* (a higher status raises the row: *replaced*);
- a higher status that is not older, or the same status and a later time → *replaced*
  (old → new, why);
- a lower status, or the same status and an earlier time → *kept* (the memory's
  English stays; the line says why);
- neither order holds (higher status but older; same status, no or equal times) →
  *conflict*: the memory's English is kept and the line asks for a decision;
- English that is one of the memory's machine texts, offered under a human status over
  a different human English → *kept*;
- a unit that cannot be stored whole (codes es2en cannot read, no English, a state
  that is no translation) → *skipped* with its reason; never stored with codes lost.

Every version offered (kept or not) goes into the memory's history with who, when and
from which file. What es2en writes carries a fingerprint of the English
(``target-sha``): a target edited in another tool no longer matches it, so its stated
reviewer and time (which belonged to the old English) are replaced by the file's
editor (``by``, default the file name) and the file's modification time, unless the
tool updated them itself (TMX ``changeid``/``changedate``).
"""

from __future__ import annotations

import gc
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from ..errors import InputError
from ..memory import (APPROVED, HUMAN_STATUSES, MACHINE, REVIEWED, Entry, Offer, TranslationMemory,
                      normalize_spans, spans_json)
from ..model import Span

FORMATS = ("xliff", "tmx")
XLIFF_VERSIONS = ("1.2", "2.1")
#: What ``memory export xliff`` writes unless told: XLIFF 1.2, which translate-toolkit's
#: CLIs (xliff2po, pocount, poconflicts) and most CAT tools read.
DEFAULT_XLIFF_VERSION = "1.2"

RANK = {MACHINE: 1, REVIEWED: 2, APPROVED: 3}
BATCH = 10_000  # units decided and written per transaction (fewer, larger commits: each one
#                  rewrites the index pages it touched, so small ones make a big import slower per unit)


@dataclass
class Unit:
    source: str
    target: str | None
    #: es2en status ("machine" | "reviewed" | "approved") when the file says so, else "".
    status: str = ""
    #: the file's own state: XLIFF 2 "initial" | "translated" | "reviewed" | "final", XLIFF 1.2
    #: "new" | "translated" | "needs-review-translation" | "signed-off" | "final" …; "" for TMX.
    state: str = ""
    name: str = ""  # a segment id, when the unit came from a document export
    #: es2en provenance the file carries (engine, model-version, engine-key, glossary,
    #: previous, file, target-sha, origin…).
    meta: dict[str, str] = field(default_factory=dict)
    where: str = ""  # "unit u12 (line 30)" / "tu 7 (line 12)", for messages
    problem: str = ""  # why the unit cannot be imported as it stands
    source_spans: list[Span] = field(default_factory=list)  # inline codes (model convention)
    target_spans: list[Span] = field(default_factory=list)
    created: str = ""  # ISO time the English was first made, as the file says
    created_by: str = ""
    changed: str = ""  # ISO time of its last change, as the file says
    changed_by: str = ""
    #: TMX: "changedate|changeid" as read, compared with the "stamp" es2en wrote.
    stamp_read: str = ""


def target_sha(target: str, spans: Iterable[Span] = ()) -> str:
    """Fingerprint of an English and its codes' places, to notice an edit made elsewhere."""
    places = [(s.start, s.end) for s in spans]
    return hashlib.sha1(f"{target}\0{sorted(places)}".encode()).hexdigest()[:16]


def entry_unit(e: Entry) -> Unit:
    meta = {"status": e.status, "origin": "human" if e.human else "machine",
            "target-sha": target_sha(e.target, e.target_spans)}
    if e.human:
        if e.previous:
            meta["previous"] = e.previous
        if e.file:
            meta["file"] = e.file
    else:
        meta.update({"engine": e.engine, "model-version": e.model_version, "engine-key": e.engine_key,
                     "glossary": e.glossary})
    who = e.reviewer if e.human else f"{e.engine} {e.model_version}".strip()
    return Unit(e.source, e.target, e.status, meta={k: v for k, v in meta.items() if v},
                source_spans=list(e.source_spans), target_spans=list(e.target_spans), created=e.created,
                created_by=(e.created_by or e.reviewer) if e.human else who, changed=e.updated, changed_by=who)


def entry_units(entries: Iterable[Entry]) -> list[Unit]:
    return [entry_unit(e) for e in entries]


def best_entries(entries: Iterable[Entry], machine: bool = True) -> list[Entry]:
    """One row per Spanish text: the human one, else (with ``machine``) the newest machine one."""
    best: dict[str, Entry] = {}
    for e in entries:
        have = best.get(e.source)
        if have is None or (e.human and not have.human) or \
                (e.human == have.human and not e.human and e.updated > have.updated):
            best[e.source] = e
    return [e for e in best.values() if machine or e.human]


def _module(fmt: str, version: str | None = None):
    if fmt == "xliff":
        if (version or DEFAULT_XLIFF_VERSION) == "1.2":
            from . import xliff12 as module
        elif version in ("2.0", "2.1"):
            from . import xliff as module
        else:
            raise ValueError(f"unknown XLIFF version {version!r}: choose from {', '.join(XLIFF_VERSIONS)}")
    elif fmt == "tmx":
        from . import tmx as module
    else:
        raise ValueError(f"unknown interchange format {fmt!r}: choose from {', '.join(FORMATS)}")
    return module


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mqxliff"):
        return "xliff"
    if suffix == ".tmx":
        return "tmx"
    raise InputError("cannot tell the format from the name: use .xlf/.xliff or .tmx", path)


def export_memory(memory: TranslationMemory, path: str | Path, fmt: str | None = None,
                  status: str | None = None, *, xliff_version: str | None = None, machine: bool = True,
                  every_row: bool = False) -> int:
    """Write the memory to ``path`` (see the module text for what is chosen); ``status``
    keeps only one status (or "human"). Returns the number of units written."""
    fmt = fmt or format_of(path)
    module = _module(fmt, xliff_version)
    entries = list(memory.entries(status=status))
    if not every_row:
        entries = best_entries(entries, machine=machine)
    units = entry_units(entries)
    module.write(units, Path(path))
    return len(units)


@contextmanager
def _gc_paused():
    """No cyclic garbage collection while a file's units are read or imported: they are
    many, long-lived and free of cycles, and the collector's full passes over a growing
    heap would make a 100k-unit import slower per unit than a 10k one."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_units(path: str | Path, fmt: str | None = None) -> list[Unit]:
    """Units of a TMX or XLIFF file (XLIFF 1.2 or 2.x, told apart by the file itself)."""
    path = Path(path)
    fmt = fmt or format_of(path)
    with _gc_paused():
        if fmt == "xliff":
            from . import xliff, xliff12

            root = xliff.parse(path).getroot()
            if root.tag == f"{{{xliff12.NS}}}xliff" or (root.tag == "xliff" and
                                                          root.get("version", "").startswith("1.")):
                return xliff12.read_tree(root, path)
            return xliff.read_tree(root, path)
        return _module(fmt).read(path)


# ------------------------------------------------------------------ import

def _when(iso: str) -> datetime | None:
    from .inline import utc_time

    return utc_time(iso)


def _later(a: str, b: str) -> str:
    """The later of two ISO times (by their instant, whatever their offsets)."""
    def instant(iso: str):
        try:
            ts = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        except ValueError:
            return None
        return ts if ts.tzinfo else ts.replace(tzinfo=timezone.utc)

    ta, tb = instant(a), instant(b)
    if ta is None:
        return b
    if tb is None:
        return a
    return a if ta >= tb else b


def _day(iso: str) -> str:
    ts = _when(iso)
    return ts.strftime("%Y-%m-%d %H:%M:%SZ") if ts else "no time"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass
class ImportResult:
    stored: int = 0
    unchanged: int = 0
    replaced: list[tuple[Unit, str]] = field(default_factory=list)
    kept: list[tuple[Unit, str]] = field(default_factory=list)
    conflicts: list[tuple[Unit, str]] = field(default_factory=list)
    skipped: list[tuple[Unit, str]] = field(default_factory=list)
    dry_run: bool = False

    @property
    def same(self) -> int:  # the name before "unchanged"
        return self.unchanged

    def summary(self, path) -> list[str]:
        head = (f"{path}: {self.stored} stored, {len(self.replaced)} replaced, {len(self.kept)} kept, "
                f"{_plural(len(self.conflicts), 'conflict')}, {self.unchanged} unchanged, "
                f"{len(self.skipped)} skipped")
        if self.dry_run:
            head += " (dry run: nothing was changed)"
        lines = [head]
        for label, items in (("replaced", self.replaced), ("kept", self.kept), ("conflict", self.conflicts),
                             ("skipped", self.skipped)):
            lines.extend(f"  {label:<9} {u.where}: {why}" for u, why in items)
        return lines


@dataclass
class _Current:
    """What the decision compares with: the human row, as the memory has it or as this
    import left it."""

    target: str
    status: str
    updated: str
    target_spans: list[Span]


#: XLIFF states (2.x and 1.2) → the status a CAT tool's state stands for ("" : no
#: translation to keep; "unreviewed": a target that still needs review).
STATE_STATUS = {
    "final": APPROVED, "signed-off": APPROVED, "reviewed": REVIEWED, "translated": REVIEWED,
    "needs-review-translation": "unreviewed", "needs-review-l10n": "unreviewed",
    "needs-review-adaptation": "unreviewed", "needs-l10n": "unreviewed", "needs-adaptation": "unreviewed",
    "initial": "", "new": "", "needs-translation": "",
    # Trados SDLXLIFF confirmation levels (sdl:seg conf), read as the unit's state
    "sdl:ApprovedSignOff": APPROVED, "sdl:ApprovedTranslation": REVIEWED, "sdl:Translated": REVIEWED,
    "sdl:Draft": "unreviewed", "sdl:RejectedTranslation": "unreviewed", "sdl:RejectedSignOff": "unreviewed",
    "sdl:": "unreviewed",
}


def _quote(text: str, spans: list[Span]) -> str:
    from .inline import describe

    return f"“{text}”" + (f" [{describe(spans)}]" if spans else "")


def _status_of(u: Unit, default_status: str, machine_texts: set[str], target: str) -> tuple[str, str]:
    """(status, reason to skip)."""
    written = u.status or u.meta.get("status", "")
    edited = bool(u.meta.get("target-sha")) and u.meta["target-sha"] != target_sha(target, u.target_spans)
    by_state = STATE_STATUS.get(u.state, None) if u.state else None
    if written in RANK:
        status = written
        # (es2en before schema 2 wrote machine units as 2.1 "translated": only a file with
        # the newer "origin" meta says a CAT tool confirmed them)
        if by_state in HUMAN_STATUSES and RANK[by_state] > RANK[status] and not (
                by_state == REVIEWED and u.state == "translated" and "origin" not in u.meta):
            status = by_state  # a CAT tool raised it (XLIFF reviewed/final/signed-off)
        if status == MACHINE and edited:
            status = REVIEWED  # a machine text edited in a CAT tool: a human correction
        return status, ""
    if u.state:
        if by_state is None:
            return "", f"state “{u.state}”: not a state es2en knows"
        if by_state == "":
            return "", f"state “{u.state}”: not a translation to keep"
        if by_state == "unreviewed":
            return "", f"state “{u.state}”: the file says this English still needs review"
        if by_state == REVIEWED and u.state == "translated" and target in machine_texts:
            return "", "a machine translation the memory already has"
        return by_state, ""
    if u.meta.get("origin") == MACHINE:
        return "", "marked machine, without an engine key"
    if target in machine_texts:
        return "", "a machine translation the memory already has"
    return default_status, ""


def import_units(memory: TranslationMemory, units: list[Unit], reviewer: str, default_status: str = REVIEWED,
                 *, file: str = "", file_time: str = "", dry_run: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Store units in the memory by the precedence rules of the module text, in
    transactions of :data:`BATCH` units; ``dry_run`` decides everything and writes nothing.
    ``reviewer``: who made the file's edits that carry no name of their own; ``file``:
    the file (for the history); ``file_time``: its modification time (ISO), the time of
    edits that carry none. ``progress(done, total)`` is called after each batch."""
    result = ImportResult(dry_run=dry_run)
    touched: dict[str, _Current] = {}
    with _gc_paused():
        _import_batches(memory, units, result, touched, reviewer=reviewer, default_status=default_status,
                        file=file, file_time=file_time, dry_run=dry_run, progress=progress)
    return result


def _import_batches(memory, units, result, touched, *, reviewer, default_status, file, file_time, dry_run,
                    progress):
    for i in range(0, len(units), BATCH):
        chunk = units[i:i + BATCH]
        prepared = []
        for u in chunk:
            source, source_spans = normalize_spans(u.source, u.source_spans)
            target, target_spans = normalize_spans(u.target or "", u.target_spans)
            prepared.append((u, source, source_spans, target, target_spans))
        sources = [p[1] for p in prepared if p[1]]
        humans = memory.humans(sources)
        machines = memory.machines(sources)
        offers: list[Offer] = []
        for u, source, source_spans, target, target_spans in prepared:
            offer = _decide(u, source, source_spans, target, target_spans, humans, machines, touched, result,
                            reviewer=reviewer, default_status=default_status, file=file, file_time=file_time)
            if offer is not None:
                offers.append(offer)
        if not dry_run:
            memory.apply(offers)
        if progress is not None:
            progress(min(i + BATCH, len(units)), len(units))


def _decide(u, source, source_spans, target, target_spans, humans, machines, touched, result, *,
            reviewer, default_status, file, file_time) -> Offer | None:
    if u.problem:
        result.skipped.append((u, u.problem))
        return None
    if not source or not target:
        result.skipped.append((u, "no English" if source else "no Spanish"))
        return None
    machine_rows = machines.setdefault(source, [])
    machine_texts = {e.target for e in machine_rows}
    status, why = _status_of(u, default_status, machine_texts, target)
    if why:
        result.skipped.append((u, why))
        return None
    edited = bool(u.meta.get("target-sha")) and u.meta["target-sha"] != target_sha(target, target_spans)
    who, when = u.changed_by or u.meta.get("reviewer", ""), u.changed or u.created
    if edited and (not u.stamp_read or u.stamp_read == u.meta.get("stamp", u.stamp_read)):
        # the stated who/when belong to the English es2en wrote, not to this edit
        who, when = "", file_time
    who = who or reviewer
    origin_file = u.meta.get("file", "") if not edited and u.meta.get("file") else file
    base = dict(source=source, target=target, reviewer=who, file=file, row_file=origin_file, created=u.created,
                created_by=u.created_by or who, source_spans=source_spans, target_spans=target_spans)
    note = f"imported from {file}" if file else ""

    if status == MACHINE:
        key = u.meta.get("engine-key", "")
        if not key:
            result.skipped.append((u, "a machine text without an engine key"))
            return None
        same_key = [e for e in machine_rows if e.engine_key == key]
        if same_key and same_key[0].target == target:
            result.unchanged += 1
            return None
        if same_key:
            line = (f"{_quote(same_key[0].target, same_key[0].target_spans)} kept, not {_quote(target, target_spans)} "
                    f"(the memory's machine text for this engine key is kept)")
            result.kept.append((u, line))
            return Offer("refuse", status=MACHINE, time=when, engine_key=key, note=line, **base)
        machine_rows.insert(0, Entry(0, source, target, MACHINE, key))
        result.stored += 1
        return Offer("machine", status=MACHINE, time=when, engine_key=key, engine=u.meta.get("engine", ""),
                     model_version=u.meta.get("model-version", ""), glossary=u.meta.get("glossary", ""),
                     note=note, **base)

    row = humans.get(source)
    cur = touched.get(source) or (_Current(row.target, row.status, row.updated, row.target_spans) if row else None)
    expect = () if source in touched else ((row.target, row.updated) if row else None)
    # what the stored English replaces: the memory's own English first (the file's
    # "previous" only speaks of the memory it came from)
    previous = (cur.target if cur else None) or u.meta.get("previous") or \
        (machine_rows[0].target if machine_rows else None)

    def take(action: str, line: str | None, stamp: str) -> Offer:
        touched[source] = _Current(target, status, stamp, target_spans)
        if line:
            result.replaced.append((u, line))
        return Offer(action, status=status, time=stamp, previous=previous, expect=expect,
                     note=(line or note), **base)

    def refuse(bucket: list, line: str) -> Offer:
        bucket.append((u, line))
        return Offer("refuse", status=status, time=when, note=line, **base)

    stamp = when or datetime.now(timezone.utc).isoformat(timespec="microseconds")
    if cur is None:
        result.stored += 1
        return take("store", None, stamp)
    new_t, old_t = _when(when), _when(cur.updated)
    new_rank, old_rank = RANK[status], RANK[cur.status]
    old_q, new_q = _quote(cur.target, cur.target_spans), _quote(target, target_spans)
    same_text = cur.target == target and spans_json(cur.target_spans) == spans_json(target_spans)
    times = f"{status} {_day(when)} vs the memory's {cur.status} {_day(cur.updated)}"
    if same_text:
        if new_rank > old_rank:
            later = _later(stamp, cur.updated) if new_t is not None else datetime.now(timezone.utc).isoformat(
                timespec="microseconds")
            return take("status", f"{old_q}: {cur.status} → {status} (the file's status is higher)", later)
        result.unchanged += 1
        return None
    if target in machine_texts:
        return refuse(result.kept, f"{old_q} kept, not {new_q} (a machine English marked {u.state or status}; "
                                   f"the memory's {cur.status} English is human)")
    if new_rank < old_rank:
        return refuse(result.kept, f"{old_q} kept, not {new_q} (the file's {status} is lower than the "
                                   f"memory's {cur.status})")
    if new_rank > old_rank:
        if new_t is None or old_t is None or new_t >= old_t:
            return take("store", f"{old_q} → {new_q} ({status} over {cur.status})", _later(stamp, cur.updated))
        return refuse(result.conflicts, f"{old_q} kept, not {new_q} (the file's English has a higher status "
                                        f"but is older: {times}; decide which is right and make the change "
                                        f"by review import or in the CAT tool)")
    if new_t is not None and old_t is not None and new_t > old_t:
        return take("store", f"{old_q} → {new_q} (newer: {times})", stamp)
    if new_t is not None and old_t is not None and new_t < old_t:
        return refuse(result.kept, f"{old_q} kept, not {new_q} (older: {times})")
    return refuse(result.conflicts, f"{old_q} kept, not {new_q} (both {status}, "
                                    f"{'the same time' if new_t else 'the file gives no time'}: {times}; decide "
                                    f"which is right and make the change by review import or in the CAT tool)")


def import_file(memory: TranslationMemory, path: str | Path, fmt: str | None = None,
                default_status: str = REVIEWED, *, by: str | None = None, dry_run: bool = False,
                progress: Callable[[int, int], None] | None = None) -> ImportResult:
    path = Path(path)
    units = read_units(path, fmt)
    try:
        mtime = datetime.fromtimestamp(os.stat(path).st_mtime, timezone.utc).isoformat(timespec="seconds")
    except OSError:
        mtime = ""
    return import_units(memory, units, reviewer=by or path.name, default_status=default_status,
                        file=str(path.resolve()), file_time=mtime, dry_run=dry_run, progress=progress)


__all__ = ["DEFAULT_XLIFF_VERSION", "FORMATS", "ImportResult", "Unit", "XLIFF_VERSIONS", "best_entries",
           "entry_units", "export_memory", "format_of", "import_file", "import_units", "read_units",
           "target_sha"]

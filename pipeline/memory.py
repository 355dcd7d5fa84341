"""Stage "memory": a SQLite translation memory that fills segments before the engine runs
and stores what the engine and the reviewers produce.

One row per *normalized* Spanish segment (Unicode NFC, whitespace runs collapsed to
one space, trimmed) and origin:

- machine rows, one per source and *engine key* (engine name, model version,
  glossary fingerprint and the number settings, see :func:`engine_key`): a cache,
  reused only when every part of the key is the same;
- one human row per source, status ``reviewed`` or ``approved``: used whatever the
  engine, and never overwritten by the engine.

Besides the rows the memory keeps

- ``history``: every human target ever stored (a correction that is replaced later is
  still on record, and a stale review file cannot silently undo a newer review);
- ``occurrences``: for each segment id of the last run that wrote it, the Spanish and
  the English written into the outputs, so a review import can tell a reviewer's edit
  from an older machine text and notice a changed Spanish cell.

The database runs in WAL mode with a busy timeout, so a second process (a review
import while a translation runs) waits instead of failing, and every
:meth:`TranslationMemory.store_machine` call is its own transaction: a run killed with
SIGKILL loses at most the engine batch in flight.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import InputError
from .model import Flag, Provenance, Segment, Severity

#: Where the CLI keeps the memory unless told otherwise (relative to the working directory).
DEFAULT_PATH = Path(".es2en") / "memory.sqlite"

SCHEMA_VERSION = 1

#: Seconds to wait for another process's lock before giving up (ES2EN_MEMORY_TIMEOUT overrides).
DEFAULT_TIMEOUT = 30.0


def default_timeout() -> float:
    try:
        value = float(os.environ.get("ES2EN_MEMORY_TIMEOUT", "") or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value >= 0 else DEFAULT_TIMEOUT

MACHINE = "machine"
REVIEWED = "reviewed"
APPROVED = "approved"
STATUSES = (MACHINE, REVIEWED, APPROVED)
HUMAN_STATUSES = (REVIEWED, APPROVED)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,             -- normalized Spanish
    target        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('machine', 'reviewed', 'approved')),
    engine_key    TEXT NOT NULL DEFAULT '',  -- '' for human rows
    engine        TEXT NOT NULL DEFAULT '',
    model_version TEXT NOT NULL DEFAULT '',
    glossary      TEXT NOT NULL DEFAULT '',  -- glossary fingerprint (machine rows)
    reviewer      TEXT NOT NULL DEFAULT '',  -- review file or interchange file (human rows)
    previous      TEXT,                      -- human rows: the English the correction replaced
    flags         TEXT NOT NULL DEFAULT '[]',
    unknown_words TEXT NOT NULL DEFAULT '[]',
    translations  INTEGER NOT NULL DEFAULT 0,  -- machine rows: times the engine produced it
    uses          INTEGER NOT NULL DEFAULT 0,  -- times it filled a segment
    created       TEXT NOT NULL,
    updated       TEXT NOT NULL,
    UNIQUE (source, engine_key),
    CHECK ((status = 'machine') = (engine_key <> ''))
);
CREATE TABLE IF NOT EXISTS history (
    id       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL,
    target   TEXT NOT NULL,
    status   TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    time     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_source ON history (source);
CREATE TABLE IF NOT EXISTS occurrences (
    seg_id     TEXT PRIMARY KEY,
    document   TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL,
    target     TEXT NOT NULL,
    origin     TEXT NOT NULL DEFAULT '',
    engine_key TEXT NOT NULL DEFAULT '',
    updated    TEXT NOT NULL
);
"""


def normalize(text: str) -> str:
    """The memory's key for a segment: NFC, whitespace runs → one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def glossary_fingerprint(paths: Iterable[str | Path]) -> str:
    """A short hash of the glossary files' contents, in load order ("none" without any)."""
    paths = list(paths)
    if not paths:
        return "none"
    digest = hashlib.sha256()
    for p in paths:
        try:
            digest.update(Path(p).read_bytes())
        except OSError:
            digest.update(str(p).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def engine_key(engine: str, model_version: str, glossary: str = "none", settings: Sequence[str] = ()) -> str:
    """``engine|model version|gl:<fingerprint>|<settings>``: a machine row is reused only
    for exactly the same key."""
    return "|".join([engine, model_version, f"gl:{glossary}", ",".join(str(s) for s in settings)])


def key_glossary(key: str) -> str:
    for part in key.split("|"):
        if part.startswith("gl:"):
            return part[3:]
    return ""


#: Modules whose code shapes the machine English (spans found, protection, restore):
#: a change in any of them invalidates cached machine rows, so an upgraded es2en never
#: serves English an older version produced. Ingest/segment changes alter the Spanish
#: itself (the key), emit and QA do not change the English.
_CODE_PARTS = ("translate.py", "protect.py", "run.py", "engines", "numbers", "glossary")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A short hash of the source of the modules in ``_CODE_PARTS``."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for part in _CODE_PARTS:
        path = root / part
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for f in files:
            try:
                digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
            except OSError:
                continue
    return digest.hexdigest()[:12]


def run_engine_key(engine, options, finders, doc) -> str:
    """The engine key for one document of a ``translate_documents`` run: the engine and
    its model, the glossaries in force, and what else changes the English (beam size,
    number conventions, the document's inferred locale, the es2en code that protects and
    restores spans: :func:`code_fingerprint`)."""
    glossary = getattr(finders, "glossary", None)
    files = [str(p) for p in getattr(glossary, "files", [])] if glossary is not None else []
    settings = [
        f"beam={getattr(options, 'beam_size', None) or ''}",
        f"locale={getattr(options, 'source_locale', '')}",
        f"dollar={getattr(options, 'dollar_sign', '')}",
        f"doc-locale={getattr(doc, 'metadata', {}).get('source_locale', '')}",
        f"code={code_fingerprint()}",
    ]
    return engine_key(engine.name, engine.version, glossary_fingerprint(files), settings)


class _Rollback(Exception):
    """Raised inside a write transaction to roll it back on purpose."""


def _one_line_errors(method):
    """An SQLite error in a read (a damaged page, "database disk image is malformed")
    becomes the memory's one-line InputError instead of a traceback."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise self._error(err) from err

    return wrapper


@dataclass
class Entry:
    """One memory row."""

    id: int
    source: str
    target: str
    status: str
    engine_key: str = ""
    engine: str = ""
    model_version: str = ""
    glossary: str = ""
    reviewer: str = ""
    previous: str | None = None
    flags: list[dict] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)
    translations: int = 0
    uses: int = 0
    created: str = ""
    updated: str = ""

    @property
    def human(self) -> bool:
        return self.status in HUMAN_STATUSES

    @property
    def origin(self) -> str:
        return "human" if self.human else "machine"


@dataclass
class Occurrence:
    """What the last run wrote for one segment id."""

    seg_id: str
    document: str
    source: str
    target: str
    origin: str
    engine_key: str
    updated: str


@dataclass
class ReviewResult:
    """What :meth:`TranslationMemory.store_review` did: "stored", "same" (the memory
    already had exactly this human text) or "kept" (an approved row was not
    downgraded by a "reviewed" import)."""

    action: str
    entry: Entry


_COLUMNS = ("id, source, target, status, engine_key, engine, model_version, glossary, reviewer, previous, "
            "flags, unknown_words, translations, uses, created, updated")


def _entry(row: tuple) -> Entry:
    (id_, source, target, status, key, engine, model, glossary, reviewer, previous, flags, unknown,
     translations, uses, created, updated) = row
    return Entry(id_, source, target, status, key, engine, model, glossary, reviewer, previous,
                 json.loads(flags or "[]"), json.loads(unknown or "[]"), translations, uses, created, updated)


def _is_locked(err: Exception) -> bool:
    cause = err.__cause__ if isinstance(err, InputError) and err.__cause__ is not None else err
    return isinstance(cause, sqlite3.OperationalError) and ("locked" in str(cause) or "busy" in str(cause))


class TranslationMemory:
    """A translation memory in one SQLite file; safe to share between processes."""

    def __init__(self, path: str | Path, *, timeout: float | None = None):
        self.path = Path(path)
        self.timeout = timeout = default_timeout() if timeout is None else timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as err:
            raise InputError(f"cannot open the translation memory: {err} (give --memory PATH, or --no-memory)",
                             self.path) from err
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._set_up()
                return
            except (InputError, sqlite3.DatabaseError) as err:
                # Two processes opening a new memory at once: switching it to WAL needs
                # a lock SQLite does not wait for (no busy handler), so wait here.
                if _is_locked(err) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                self._db.close()
                if isinstance(err, InputError):
                    raise
                raise self._error(err) from err

    def _set_up(self) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._migrate()
        self._check_writable()

    # -------------------------------------------------------------- plumbing

    def _migrate(self) -> None:
        with self._write():
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    self._db.execute(statement)
            row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
            version = row[0] if row else None
            if version is None:
                self._db.execute("INSERT INTO schema_version VALUES (?, ?)", (SCHEMA_VERSION, now()))
            elif version > SCHEMA_VERSION:
                raise InputError(f"this translation memory has schema version {version}; this es2en reads "
                                 f"up to {SCHEMA_VERSION}: update es2en", self.path)

    def _error(self, err: sqlite3.Error) -> InputError:
        """One line saying what is wrong with the memory file and how to get past it."""
        text = str(err)
        way_out = "give --memory PATH, or --no-memory"
        if "locked" in text or "busy" in text:
            return InputError(f"the translation memory is locked by another process (waited {self.timeout:g} s; "
                              f"ES2EN_MEMORY_TIMEOUT sets how long): {way_out}", self.path)
        if "readonly" in text or "read-only" in text:
            return InputError(f"the translation memory is read-only ({text}): make it writable, or {way_out}",
                              self.path)
        if "unable to open" in text:
            return InputError(f"cannot open the translation memory ({text}; SQLite also writes -wal and -shm "
                              f"files beside it, so its folder must be writable): {way_out}", self.path)
        if "full" in text or "I/O" in text:
            return InputError(f"cannot write the translation memory ({text}): {way_out}", self.path)
        if "malformed" in text:
            return InputError(f"the translation memory is damaged ({text}): restore it from a backup, or "
                              f"{way_out}", self.path)
        return InputError(f"not a usable translation memory ({text}): {way_out}", self.path)

    def _check_writable(self) -> None:
        """Fail now, before anything is translated, when the file cannot be written
        (read-only file or folder): a write in a transaction that is rolled back."""
        with contextlib.suppress(_Rollback), self._write() as db:
            db.execute("INSERT INTO schema_version (version, applied) VALUES (-1, '')")
            raise _Rollback

    class _Tx:
        def __init__(self, memory: "TranslationMemory"):
            self.memory = memory
            self.db = memory._db

        def __enter__(self):
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise self.memory._error(err) from err
            return self.db

        def __exit__(self, exc_type, exc, tb):
            if exc_type is None:
                try:
                    self.db.execute("COMMIT")
                    return False
                except sqlite3.Error as err:
                    exc = err
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):  # locked past the timeout, read-only, disk full
                raise self.memory._error(exc) from exc
            return False

    def _write(self) -> "_Tx":
        """A write transaction (BEGIN IMMEDIATE: takes the write lock up front, waiting
        up to the busy timeout for another process). An SQLite error inside it becomes
        a one-line :class:`InputError`."""
        return self._Tx(self)

    @property
    def schema_version(self) -> int:
        return self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None  # type: ignore[assignment]

    def __enter__(self) -> "TranslationMemory":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------- lookups

    @_one_line_errors
    def human(self, source: str) -> Entry | None:
        """The reviewed/approved row for this Spanish text, if any."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key = ''",
                               (normalize(source),)).fetchone()
        return _entry(row) if row else None

    @_one_line_errors
    def machine(self, source: str, key: str | None = None) -> list[Entry]:
        """Machine rows for this Spanish text (all engine keys, or just ``key``), newest first."""
        sql = f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key <> ''"
        args: list = [normalize(source)]
        if key is not None:
            sql += " AND engine_key = ?"
            args.append(key)
        return [_entry(r) for r in self._db.execute(sql + " ORDER BY updated DESC", args)]

    @_one_line_errors
    def lookup(self, source: str) -> list[Entry]:
        """Every row for this Spanish text: the human one first, then machine rows."""
        human = self.human(source)
        return ([human] if human else []) + self.machine(source)

    @_one_line_errors
    def history(self, source: str) -> list[tuple[str, str, str, str]]:
        """(target, status, reviewer, time) of every human text stored for this source, oldest first."""
        return list(self._db.execute("SELECT target, status, reviewer, time FROM history WHERE source = ? "
                                     "ORDER BY id", (normalize(source),)))

    def entries(self, status: str | Sequence[str] | None = None, contains: str | None = None,
                limit: int | None = None) -> Iterator[Entry]:
        """Rows, oldest first; ``status`` filters ("machine", "reviewed", "approved", or
        "human" for both human statuses); ``contains`` matches Spanish or English."""
        sql = f"SELECT {_COLUMNS} FROM entries"
        where, args = [], []
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            statuses = [s for st in statuses for s in (HUMAN_STATUSES if st == "human" else (st,))]
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            args.extend(statuses)
        if contains:
            where.append("(instr(lower(source), lower(?)) > 0 OR instr(lower(target), lower(?)) > 0)")
            args.extend([contains, contains])
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self._db.execute(sql, args):
            yield _entry(row)

    @_one_line_errors
    def occurrence(self, seg_id: str) -> Occurrence | None:
        row = self._db.execute("SELECT seg_id, document, source, target, origin, engine_key, updated "
                               "FROM occurrences WHERE seg_id = ?", (seg_id,)).fetchone()
        return Occurrence(*row) if row else None

    @_one_line_errors
    def occurrences(self, prefix: str | None = None) -> list[Occurrence]:
        sql = "SELECT seg_id, document, source, target, origin, engine_key, updated FROM occurrences"
        args: list = []
        if prefix:
            sql += " WHERE substr(seg_id, 1, ?) = ?"
            args = [len(prefix), prefix]
        return [Occurrence(*r) for r in self._db.execute(sql, args)]

    @_one_line_errors
    def stats(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for status, n in self._db.execute("SELECT status, COUNT(*) FROM entries GROUP BY status"):
            out[status] = n
        out["sources"] = self._db.execute("SELECT COUNT(DISTINCT source) FROM entries").fetchone()[0]
        out["engine_keys"] = self._db.execute(
            "SELECT COUNT(DISTINCT engine_key) FROM entries WHERE engine_key <> ''").fetchone()[0]
        out["engine_translations"] = self._db.execute(
            "SELECT COALESCE(SUM(translations), 0) FROM entries").fetchone()[0]
        out["retranslated"] = self._db.execute(
            "SELECT COUNT(*) FROM entries WHERE translations > 1").fetchone()[0]
        out["history"] = self._db.execute("SELECT COUNT(*) FROM history").fetchone()[0]
        out["occurrences"] = self._db.execute("SELECT COUNT(*) FROM occurrences").fetchone()[0]
        return out

    # ------------------------------------------------------------ the run

    @_one_line_errors
    def fill(self, segments: list[Segment], engine_key: str) -> int:
        """Fill ``target``/``provenance`` of segments without a target: from a reviewed or
        approved row (any engine), else from a machine row with this exact engine key.
        Returns how many were filled."""
        todo = [s for s in segments if s.target is None]
        if not todo:
            return 0
        sources = sorted({normalize(s.source) for s in todo})
        found: dict[str, Entry] = {}
        for i in range(0, len(sources), 400):
            chunk = sources[i:i + 400]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                    f"SELECT {_COLUMNS} FROM entries WHERE source IN ({marks}) AND engine_key IN ('', ?)",
                    [*chunk, engine_key]):
                entry = _entry(row)
                # a human row wins over the machine row
                if entry.source not in found or entry.human:
                    found[entry.source] = entry
        used: dict[int, int] = {}
        filled = 0
        for seg in todo:
            entry = found.get(normalize(seg.source))
            if entry is None:
                continue
            seg.target = entry.target
            if entry.human:
                seg.provenance = Provenance("reviewer", detail=f"{entry.status} ({entry.reviewer}, {entry.updated[:19]})")
            else:
                seg.provenance = Provenance("memory", entry.engine, entry.model_version, detail="cached machine translation")
                have = {(f.check, f.severity.value, f.message) for f in seg.flags}
                for f in entry.flags:
                    if (f["check"], f["severity"], f["message"]) not in have:
                        seg.flags.append(Flag(f["check"], Severity(f["severity"]), f["message"]))
                seg.unknown_words.extend(w for w in entry.unknown_words if w not in seg.unknown_words)
            used[entry.id] = used.get(entry.id, 0) + 1
            filled += 1
        if used:
            with self._write() as db:
                db.executemany("UPDATE entries SET uses = uses + ? WHERE id = ?", [(n, i) for i, n in used.items()])
        return filled

    @_one_line_errors
    def store_machine(self, segments: list[Segment], engine_key: str) -> None:
        """Store engine output for these segments (one transaction: use it as
        ``translate_segments``' ``on_done``). Segments filled from the memory or a
        reviewer, or without a target, are skipped."""
        rows: dict[str, Segment] = {}
        for seg in segments:
            if seg.target is None or (seg.provenance is not None and seg.provenance.origin != "engine"):
                continue
            rows.setdefault(normalize(seg.source), seg)
        if not rows:
            return
        stamp = now()
        glossary = key_glossary(engine_key)
        with self._write() as db:
            for source, seg in rows.items():
                prov = seg.provenance or Provenance("engine")
                flags = json.dumps([{"check": f.check, "severity": f.severity.value, "message": f.message}
                                    for f in seg.flags], ensure_ascii=False)
                db.execute(
                    "INSERT INTO entries (source, target, status, engine_key, engine, model_version, glossary, "
                    "flags, unknown_words, translations, created, updated) "
                    "VALUES (?, ?, 'machine', ?, ?, ?, ?, ?, ?, 1, ?, ?) "
                    "ON CONFLICT (source, engine_key) DO UPDATE SET target = excluded.target, "
                    "flags = excluded.flags, unknown_words = excluded.unknown_words, "
                    "translations = translations + 1, updated = excluded.updated",
                    (source, seg.target, engine_key, prov.engine, prov.model_version, glossary, flags,
                     json.dumps(seg.unknown_words, ensure_ascii=False), stamp, stamp))

    @_one_line_errors
    def record_outputs(self, segments: list[Segment], document: str = "", engine_key: str = "") -> None:
        """Remember what was written for each segment id (for review import)."""
        stamp = now()
        with self._write() as db:
            db.executemany(
                "INSERT INTO occurrences VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seg_id) DO UPDATE SET "
                "document = excluded.document, source = excluded.source, target = excluded.target, "
                "origin = excluded.origin, engine_key = excluded.engine_key, updated = excluded.updated",
                [(s.id, document, normalize(s.source), s.target or "",
                  s.provenance.origin if s.provenance else "", engine_key, stamp) for s in segments])

    # -------------------------------------------------------------- humans

    @_one_line_errors
    def store_review(self, source: str, target: str, *, reviewer: str, status: str = REVIEWED,
                     previous: str | None = None, time: str | None = None) -> ReviewResult:
        """Store a human translation of ``source`` (one transaction). An approved row is not
        turned back into "reviewed" unless its text changes."""
        if status not in HUMAN_STATUSES:
            raise ValueError(f"status must be one of {HUMAN_STATUSES}, not {status!r}")
        source, target = normalize(source), normalize(target)
        if not source or not target:
            raise ValueError("empty source or target")
        stamp = time or now()
        with self._write() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key = ''",
                             (source,)).fetchone()
            old = _entry(row) if row else None
            if old is not None and old.target == target and (old.status == status or old.status == APPROVED):
                return ReviewResult("same" if old.status == status else "kept", old)
            if old is None:
                db.execute("INSERT INTO entries (source, target, status, reviewer, previous, created, updated) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", (source, target, status, reviewer, previous, stamp, stamp))
            else:
                db.execute("UPDATE entries SET target = ?, status = ?, reviewer = ?, previous = ?, updated = ? "
                           "WHERE id = ?", (target, status, reviewer,
                                            previous if previous is not None else old.target, stamp, old.id))
            db.execute("INSERT INTO history (source, target, status, reviewer, time) VALUES (?, ?, ?, ?, ?)",
                       (source, target, status, reviewer, stamp))
            row = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key = ''",
                             (source,)).fetchone()
        return ReviewResult("stored", _entry(row))

    @_one_line_errors
    def store_entry(self, entry: Entry) -> str:
        """Import one row as it is (from TMX/XLIFF written by es2en): a machine row is
        added if its key is new; a human row goes through :meth:`store_review`.
        Returns "stored", "same" or "kept"."""
        if entry.human:
            return self.store_review(entry.source, entry.target, reviewer=entry.reviewer, status=entry.status,
                                     previous=entry.previous, time=entry.updated or None).action
        if not entry.engine_key:
            raise ValueError("a machine row needs an engine key")
        stamp = now()
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO entries (source, target, status, engine_key, engine, model_version, glossary, "
                "flags, unknown_words, translations, created, updated) VALUES (?, ?, 'machine', ?, ?, ?, ?, ?, ?, "
                "0, ?, ?) ON CONFLICT (source, engine_key) DO NOTHING",
                (normalize(entry.source), normalize(entry.target), entry.engine_key, entry.engine,
                 entry.model_version, entry.glossary or key_glossary(entry.engine_key),
                 json.dumps(entry.flags, ensure_ascii=False), json.dumps(entry.unknown_words, ensure_ascii=False),
                 entry.created or stamp, entry.updated or stamp))
            return "stored" if cur.rowcount else "same"

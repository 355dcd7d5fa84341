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

- ``history``: every version ever offered for a source, with who, when and from which
  file: every human target stored (a correction that is replaced later is still on
  record, and a stale review file cannot silently undo a newer review), every imported
  machine text, the machine text a re-translation replaced, and (``kept = 0``) what an
  interchange import refused, so nothing anyone sent is lost;
- ``occurrences``: for each segment id of the last run that wrote it, the Spanish and
  the English written into the outputs, so a review import can tell a reviewer's edit
  from an older machine text and notice a changed Spanish cell.

Inline codes (TMX ``<ph>``/``<bpt>``…, XLIFF ``<pc>``/``<g>``…) are kept beside the text
as JSON lists of :class:`~pipeline.model.Span` (kind ``inline``, offsets into the
normalized text): ``source_spans`` and ``target_spans``.

Schema versions: 1 (the first), 2 (spans, ``created_by``/``file`` on rows, the history's
``file``/``kept``/spans/``engine_key`` columns). An older memory is upgraded in place
when opened, in one transaction: either all of an upgrade is applied or none of it.

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
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import InputError
from .model import INLINE, Flag, Provenance, Segment, Severity, Span

#: Where the CLI keeps the memory unless told otherwise (relative to the working directory).
DEFAULT_PATH = Path(".es2en") / "memory.sqlite"

SCHEMA_VERSION = 2

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
    source_spans  TEXT NOT NULL DEFAULT '[]',  -- inline codes of source (JSON spans)
    target_spans  TEXT NOT NULL DEFAULT '[]',  -- inline codes of target
    created_by    TEXT NOT NULL DEFAULT '',  -- who first stored a human row
    file          TEXT NOT NULL DEFAULT '',  -- the file the current text came from
    UNIQUE (source, engine_key),
    CHECK ((status = 'machine') = (engine_key <> ''))
);
CREATE TABLE IF NOT EXISTS history (
    id       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL,
    target   TEXT NOT NULL,
    status   TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    time     TEXT NOT NULL,
    file         TEXT NOT NULL DEFAULT '',
    engine_key   TEXT NOT NULL DEFAULT '',
    kept         INTEGER NOT NULL DEFAULT 1,  -- 0: offered by an import and refused
    note         TEXT NOT NULL DEFAULT '',    -- why it was stored or refused
    source_spans TEXT NOT NULL DEFAULT '[]',
    target_spans TEXT NOT NULL DEFAULT '[]'
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


def _columns(db, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _to_v2(db) -> None:
    """Schema 1 → 2: inline-code spans, who first stored a row and from which file, and a
    history that records the file, the engine key, refused offers and spans."""
    added = {
        "entries": ["source_spans TEXT NOT NULL DEFAULT '[]'", "target_spans TEXT NOT NULL DEFAULT '[]'",
                    "created_by TEXT NOT NULL DEFAULT ''", "file TEXT NOT NULL DEFAULT ''"],
        "history": ["file TEXT NOT NULL DEFAULT ''", "engine_key TEXT NOT NULL DEFAULT ''",
                    "kept INTEGER NOT NULL DEFAULT 1", "note TEXT NOT NULL DEFAULT ''",
                    "source_spans TEXT NOT NULL DEFAULT '[]'", "target_spans TEXT NOT NULL DEFAULT '[]'"],
    }
    for table, columns in added.items():
        have = _columns(db, table)
        for column in columns:
            if column.split()[0] not in have:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")
    # schema 1 kept the review or interchange file in "reviewer"
    db.execute("UPDATE entries SET file = reviewer, created_by = reviewer WHERE engine_key = '' AND file = ''")
    db.execute("UPDATE history SET file = reviewer WHERE file = ''")


#: schema version → the function that upgrades the previous version to it.
_MIGRATIONS = {2: _to_v2}


def spans_json(spans: Sequence[Span] | None) -> str:
    """Inline-code spans as the JSON the memory stores (``[]`` for none)."""
    return json.dumps([{"start": sp.start, "end": sp.end, "kind": sp.kind, "text": sp.text, "attrs": sp.attrs}
                       for sp in spans or ()], ensure_ascii=False)


def spans_load(text: str | None) -> list[Span]:
    return [Span(d["start"], d["end"], d.get("kind", INLINE), d.get("text", ""), attrs=d.get("attrs", {}))
            for d in json.loads(text or "[]")]


def normalize_spans(text: str, spans: Sequence[Span] = ()) -> tuple[str, list[Span]]:
    """:func:`normalize` ``text`` and move the spans' offsets with it. A code inside a run
    of whitespace lands after the one space the run becomes; one before or after all the
    text stays at its start or end."""
    text = unicodedata.normalize("NFC", text or "")
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    out = " ".join(text[a:b] for a, b in words)
    if not spans:
        return out, []
    where = [len(out)] * (len(text) + 1)  # original offset → normalized offset
    inside = [False] * (len(text) + 1)  # whitespace on both sides of the offset, between words
    q = 0
    previous_end = 0
    for k, (a, b) in enumerate(words):
        for o in range(previous_end, a + 1):  # the gap before this word (and its start)
            where[o] = q
            inside[o] = k > 0 and previous_end <= o < a
        for o in range(a, b + 1):
            where[o] = q + (o - a)
        q += (b - a) + 1
        previous_end = b + 1
    if words:
        where[words[-1][1]] = len(out)
    moved = []
    for sp in spans:
        o = max(0, min(sp.start, len(text)))
        start = where[o]
        end = max(start, where[max(0, min(sp.end, len(text)))])
        attrs = dict(sp.attrs)
        if sp.start == sp.end and sp.kind == INLINE and inside[o]:
            # "de <ph/> millones": the text keeps one space (before the code), the code
            # says a second one follows it, so a writer gives back what the file had
            attrs["space"] = "both"
        moved.append(Span(start, end, sp.kind, out[start:end], sp.target, sp.value, attrs))
    return out, moved


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
    source_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)
    created_by: str = ""
    file: str = ""

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
            "flags, unknown_words, translations, uses, created, updated, source_spans, target_spans, "
            "created_by, file")


def _entry(row: tuple) -> Entry:
    (id_, source, target, status, key, engine, model, glossary, reviewer, previous, flags, unknown,
     translations, uses, created, updated, source_spans, target_spans, created_by, file) = row
    return Entry(id_, source, target, status, key, engine, model, glossary, reviewer, previous,
                 json.loads(flags or "[]"), json.loads(unknown or "[]"), translations, uses, created, updated,
                 spans_load(source_spans), spans_load(target_spans), created_by, file)


@dataclass
class Version:
    """One row of the history: a text offered for a source, who, when, from which file,
    and whether it became the memory's English (``kept``)."""

    source: str
    target: str
    status: str
    reviewer: str
    time: str
    file: str = ""
    engine_key: str = ""
    kept: bool = True
    note: str = ""
    source_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)


@dataclass
class Offer:
    """A text an import wants to store, as decided by the importer (see
    :meth:`TranslationMemory.apply`): ``action`` "store" (a new row, or a human row that
    replaces the current one), "status" (same text, higher status), "refuse" (only the
    history records it) or "machine" (a machine row, added if its key is new)."""

    action: str
    source: str
    target: str
    status: str
    reviewer: str = ""
    time: str = ""
    created: str = ""
    file: str = ""
    previous: str | None = None
    note: str = ""
    source_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)
    engine_key: str = ""
    engine: str = ""
    model_version: str = ""
    glossary: str = ""
    created_by: str = ""
    #: the file the row says its English came from, when not ``file`` (the file being
    #: imported, which the history records): an unedited unit of an es2en export keeps
    #: the review file it first came from.
    row_file: str = ""
    #: (target, updated) of the human row the decision was made against, None for "no
    #: row"; left as () when the importer does not care.
    expect: tuple | None = ()


def _is_locked(err: Exception) -> bool:
    cause = err.__cause__ if isinstance(err, InputError) and err.__cause__ is not None else err
    return isinstance(cause, sqlite3.OperationalError) and ("locked" in str(cause) or "busy" in str(cause))


def _inline(spans: Sequence[Span]) -> list[Span]:
    return [s for s in spans if s.kind == INLINE]


def _code_key(spans: Sequence[Span]) -> list[tuple]:
    return [(s.start, s.end, s.attrs.get("role"), str(s.attrs.get("id")), s.attrs.get("format")) for s in spans]


def _codes_for(seg: Segment, entry: Entry) -> list[Span]:
    """The row's target codes for this segment, when the row was stored for the same
    source codes (same places, ids and format); else none: a row's codes are never put
    on a segment whose own codes differ."""
    mine = _inline(seg.spans)
    if not mine or not entry.target_spans:
        return []
    _, normalized = normalize_spans(seg.source, mine)
    if _code_key(normalized) != _code_key(entry.source_spans):
        return []
    return [Span(s.start, s.end, s.kind, s.text, s.target, s.value, dict(s.attrs)) for s in entry.target_spans]


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

    @classmethod
    def copy_of(cls, path: str | Path, *, timeout: float | None = None) -> "TranslationMemory":
        """A memory in RAM holding a copy of the file at ``path`` (upgraded there, if old),
        for a dry run: whatever is done to it, the file is never written."""
        path = Path(path)
        copy = cls(":memory:", timeout=timeout)
        try:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=copy.timeout)
            try:
                source.backup(copy._db)
            finally:
                source.close()
            copy._migrate()
        except sqlite3.Error as err:
            copy.close()
            raise InputError(f"cannot read the translation memory ({err})", path) from err
        except InputError:
            copy.close()
            raise
        copy.path = path
        return copy

    def _set_up(self) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        # 32 MB of page cache (allocated as used): an import of 100k units keeps its index
        # pages in memory instead of re-reading them for every lookup
        self._db.execute("PRAGMA cache_size = -32000")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._migrate()
        self._check_writable()

    # -------------------------------------------------------------- plumbing

    def _migrate(self) -> None:
        """Create the tables, or upgrade an older memory in place: the whole upgrade is
        one transaction (SQLite's ALTER TABLE is transactional), so a failure half way
        leaves the memory exactly as it was."""
        with self._write() as db:
            version = None
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone():
                version = db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
            if version is not None and version > SCHEMA_VERSION:
                raise InputError(f"this translation memory has schema version {version}; this es2en reads "
                                 f"up to {SCHEMA_VERSION}: update es2en", self.path)
            for statement in _SCHEMA.split(";\n"):
                if statement.strip():
                    db.execute(statement)
            if version is None:
                db.execute("INSERT INTO schema_version VALUES (?, ?)", (SCHEMA_VERSION, now()))
                return
            for step in range(version + 1, SCHEMA_VERSION + 1):
                _MIGRATIONS[step](db)
                db.execute("INSERT INTO schema_version VALUES (?, ?)", (step, now()))

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
                                     "AND kept = 1 ORDER BY id", (normalize(source),)))

    @_one_line_errors
    def versions(self, source: str | None = None) -> list[Version]:
        """Every history row (of one source, or all), refused offers included, oldest first."""
        sql = ("SELECT source, target, status, reviewer, time, file, engine_key, kept, note, source_spans, "
               "target_spans FROM history")
        args: tuple = ()
        if source is not None:
            sql += " WHERE source = ?"
            args = (normalize(source),)
        return [Version(*row[:7], bool(row[7]), row[8], spans_load(row[9]), spans_load(row[10]))
                for row in self._db.execute(sql + " ORDER BY id", args)]

    @_one_line_errors
    def humans(self, sources: Iterable[str]) -> dict[str, Entry]:
        """The human rows of these (normalized) sources, by source: a few indexed queries
        for any number of sources."""
        found: dict[str, Entry] = {}
        sources = list(dict.fromkeys(sources))
        for i in range(0, len(sources), 500):
            chunk = sources[i:i + 500]
            for row in self._db.execute(f"SELECT {_COLUMNS} FROM entries WHERE engine_key = '' AND source IN "
                                        f"({','.join('?' * len(chunk))})", chunk):
                found[row[1]] = _entry(row)
        return found

    @_one_line_errors
    def machines(self, sources: Iterable[str]) -> dict[str, list[Entry]]:
        """The machine rows of these (normalized) sources, by source, newest first."""
        found: dict[str, list[Entry]] = {}
        sources = list(dict.fromkeys(sources))
        for i in range(0, len(sources), 500):
            chunk = sources[i:i + 500]
            for row in self._db.execute(f"SELECT {_COLUMNS} FROM entries WHERE engine_key <> '' AND source IN "
                                        f"({','.join('?' * len(chunk))}) ORDER BY updated DESC", chunk):
                found.setdefault(row[1], []).append(_entry(row))
        return found

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
        out["refused"] = self._db.execute("SELECT COUNT(*) FROM history WHERE kept = 0").fetchone()[0]
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
            seg.target_spans = _codes_for(seg, entry)
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
                # a re-translation under the same key replaces the text: keep the old one on record
                db.execute("INSERT INTO history (source, target, status, time, engine_key, note) SELECT source, "
                           "target, 'machine', updated, engine_key, 'replaced by a re-translation' FROM entries "
                           "WHERE source = ? AND engine_key = ? AND target <> ?", (source, engine_key, seg.target))
                prov = seg.provenance or Provenance("engine")
                flags = json.dumps([{"check": f.check, "severity": f.severity.value, "message": f.message}
                                    for f in seg.flags], ensure_ascii=False)
                # the inline codes of the source and where the engine's English has them
                # (the target is stored as the engine gave it, so its code offsets stand)
                _, source_spans = normalize_spans(seg.source, _inline(seg.spans))
                target_spans = _inline(seg.target_spans)
                db.execute(
                    "INSERT INTO entries (source, target, status, engine_key, engine, model_version, glossary, "
                    "flags, unknown_words, translations, created, updated, source_spans, target_spans) "
                    "VALUES (?, ?, 'machine', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) "
                    "ON CONFLICT (source, engine_key) DO UPDATE SET target = excluded.target, "
                    "flags = excluded.flags, unknown_words = excluded.unknown_words, "
                    "translations = translations + 1, updated = excluded.updated, "
                    "source_spans = excluded.source_spans, target_spans = excluded.target_spans",
                    (source, seg.target, engine_key, prov.engine, prov.model_version, glossary, flags,
                     json.dumps(seg.unknown_words, ensure_ascii=False), stamp, stamp,
                     spans_json(source_spans), spans_json(target_spans)))

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
                     previous: str | None = None, time: str | None = None, file: str = "",
                     source_spans: Sequence[Span] = (), target_spans: Sequence[Span] = ()) -> ReviewResult:
        """Store a human translation of ``source`` (one transaction). An approved row is not
        turned back into "reviewed" unless its text changes. (The review import's rules;
        interchange imports decide with :mod:`pipeline.interchange`'s precedence and
        :meth:`apply`.)"""
        if status not in HUMAN_STATUSES:
            raise ValueError(f"status must be one of {HUMAN_STATUSES}, not {status!r}")
        source, source_spans = normalize_spans(source, source_spans)
        target, target_spans = normalize_spans(target, target_spans)
        if not source or not target:
            raise ValueError("empty source or target")
        stamp = time or now()
        with self._write() as db:
            row = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key = ''",
                             (source,)).fetchone()
            old = _entry(row) if row else None
            if old is not None and old.target == target and (old.status == status or old.status == APPROVED):
                return ReviewResult("same" if old.status == status else "kept", old)
            offer = Offer("store", source, target, status, reviewer=reviewer, time=stamp, file=file or reviewer,
                          previous=previous if previous is not None or old is None else old.target,
                          source_spans=list(source_spans), target_spans=list(target_spans))
            self._store_human(db, offer, old)
            row = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key = ''",
                             (source,)).fetchone()
        return ReviewResult("stored", _entry(row))

    @staticmethod
    def _history(db, o: "Offer", kept: bool) -> None:
        db.execute("INSERT INTO history (source, target, status, reviewer, time, file, engine_key, kept, note, "
                   "source_spans, target_spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (o.source, o.target, o.status, o.reviewer, o.time or now(), o.file, o.engine_key, int(kept),
                    o.note, spans_json(o.source_spans), spans_json(o.target_spans)))

    def _store_human(self, db, o: "Offer", old: Entry | None) -> None:
        """Write a human row (insert or replace the current one) and its history line."""
        stamp = o.time or now()
        if old is None:
            db.execute("INSERT INTO entries (source, target, status, reviewer, previous, created, updated, "
                       "source_spans, target_spans, created_by, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (o.source, o.target, o.status, o.reviewer, o.previous, o.created or stamp, stamp,
                        spans_json(o.source_spans), spans_json(o.target_spans), o.created_by or o.reviewer,
                        o.row_file or o.file))
        else:
            db.execute("UPDATE entries SET target = ?, status = ?, reviewer = ?, previous = ?, updated = ?, "
                       "source_spans = ?, target_spans = ?, file = ? WHERE id = ?",
                       (o.target, o.status, o.reviewer,
                        o.previous if o.previous is not None else (old.target if old.target != o.target
                                                                   else old.previous),
                        stamp, spans_json(o.source_spans), spans_json(o.target_spans), o.row_file or o.file,
                        old.id))
        self._history(db, o, True)

    @_one_line_errors
    def apply(self, offers: Sequence["Offer"]) -> None:
        """Write an import's decided offers in one transaction (the importer calls it per
        batch of a few thousand units). Rows are read again inside the transaction, so a
        row changed by another process since the decision is never overwritten blindly:
        a "store" over a row that changed meanwhile is recorded as refused."""
        if not offers:
            return
        with self._write() as db:
            for o in offers:
                if o.action == "machine":
                    cur = db.execute(
                        "INSERT INTO entries (source, target, status, engine_key, engine, model_version, glossary, "
                        "flags, unknown_words, translations, created, updated, source_spans, target_spans, file) "
                        "VALUES (?, ?, 'machine', ?, ?, ?, ?, '[]', '[]', 0, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (source, engine_key) DO NOTHING",
                        (o.source, o.target, o.engine_key, o.engine, o.model_version,
                         o.glossary or key_glossary(o.engine_key), o.created or o.time or now(), o.time or now(),
                         spans_json(o.source_spans), spans_json(o.target_spans), o.row_file or o.file))
                    self._history(db, o, bool(cur.rowcount))
                    continue
                row = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE source = ? AND engine_key = ''",
                                 (o.source,)).fetchone()
                old = _entry(row) if row else None
                if o.expect != () and o.action != "refuse" and \
                        (None if old is None else (old.target, old.updated)) != o.expect:
                    o.action, o.note = "refuse", "the memory changed during the import (another process); not stored"
                if o.action == "refuse":
                    self._history(db, o, False)
                elif o.action == "status" and old is not None:
                    db.execute("UPDATE entries SET status = ?, reviewer = ?, updated = ?, file = ? WHERE id = ?",
                               (o.status, o.reviewer, o.time or now(), o.row_file or o.file, old.id))
                    self._history(db, o, True)
                elif o.action in ("store", "status"):
                    self._store_human(db, o, old)
                else:
                    raise ValueError(f"unknown offer action {o.action!r}")

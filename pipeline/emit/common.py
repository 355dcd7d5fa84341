"""What every writer shows the same way: titles, the title block, QA counts, rows.

Kept free of heavy imports so the Markdown writers and the CLI stay light.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Block, BlockKind, Document, Flag, RunInfo, Segment, Severity

#: Column headers of the bilingual table; readers find our table by them.
COL_ID = "#"
COL_SOURCE = "Español"
COL_TARGET = "English"
COL_QA = "QA"

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class DocumentFacts:
    """What the outputs' heads need from the whole document, gathered block by block
    (so a streamed document's blocks need not be held): counts, flags per check, the
    first heading, the list nesting base, which verbatim kinds occur."""

    def __init__(self) -> None:
        self.segments = 0
        self.translated = 0
        self.flagged = 0
        self.flag_counts: dict[str, Counter] = {}
        self.heading: tuple[str, str] | None = None  # (Spanish, English) of the first heading
        self.list_base: int | None = None  # the smallest list-item level
        self.has_metadata = False  # a METADATA or FRONT_MATTER block

    @classmethod
    def of(cls, blocks: Iterable[Block]) -> "DocumentFacts":
        facts = cls()
        for block in blocks:
            facts.add(block)
        return facts

    def add(self, block: Block) -> None:
        kind = block.kind
        if kind is BlockKind.HEADING and self.heading is None and block.text.strip():
            english = block.target if all(s.target is not None for s in block.segments) else ""
            self.heading = (block.text.strip(), english.strip())
        elif kind is BlockKind.LIST_ITEM:
            self.list_base = block.level if self.list_base is None else min(self.list_base, block.level)
        elif kind in (BlockKind.METADATA, BlockKind.FRONT_MATTER):
            self.has_metadata = True
        for seg in block.segments:
            self.segments += 1
            if seg.target is not None:
                self.translated += 1
            if seg.flags:
                self.flagged += 1
                for flag in seg.flags:
                    self.flag_counts.setdefault(flag.check, Counter())[flag.severity.value] += 1


def facts(doc: Document) -> DocumentFacts:
    """The document's facts: kept by a spool (:class:`BlockSpool`) as its blocks
    arrived, else gathered from its blocks now."""
    kept = getattr(doc.blocks, "facts", None)
    return kept if kept is not None else DocumentFacts.of(doc.blocks)


#: Segments a BlockSpool holds in memory before it writes them to its file.
SPOOL_SEGMENTS = 2000


class BlockSpool:
    """A document's finished blocks, in order, for the writers to read once the last
    is done: held in memory up to ``limit`` segments, then written (pickled) to an
    anonymous temporary file in batches, so a document of any length costs a batch
    of memory. Iterable any number of times; ``facts`` are gathered as blocks arrive.
    Stands in for ``Document.blocks`` (the writers only iterate it)."""

    def __init__(self, limit: int | None = None):
        if limit is None:
            limit = int(os.environ.get("ES2EN_SPOOL_SEGMENTS", SPOOL_SEGMENTS))  # 0: every batch to disk (tests)
        self.limit = limit
        self.facts = DocumentFacts()
        self._held: list[Block] = []
        self._held_segments = 0
        self._file = None
        self._offsets: list[int] = []

    def add(self, blocks: Iterable[Block]) -> None:
        for block in blocks:
            self.facts.add(block)
            self._held.append(block)
            self._held_segments += len(block.segments)
        if self._held and self._held_segments >= self.limit:
            self._flush()

    def _flush(self) -> None:
        import pickle

        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="es2en-spool-")
        self._file.seek(0, os.SEEK_END)
        self._offsets.append(self._file.tell())
        pickle.dump(self._held, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._held = []
        self._held_segments = 0

    def __iter__(self) -> Iterator[Block]:
        import pickle

        for offset in self._offsets:
            self._file.seek(offset)  # each batch seeks first: two iterations may interleave
            yield from pickle.load(self._file)
        yield from self._held

    def segments(self) -> Iterator[Segment]:
        for block in self:
            yield from block.segments

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._offsets = []
        self._held = []


def has_qa(doc: Document) -> bool:
    """True when any segment carries a QA flag: the outputs then get a QA column."""
    return facts(doc).flagged > 0


def columns(doc: Document) -> list[str]:
    cols = [COL_ID, COL_SOURCE, COL_TARGET]
    if has_qa(doc):
        cols.append(COL_QA)
    return cols


def worst_severity(flags: list[Flag]) -> Severity | None:
    if not flags:
        return None
    return min((f.severity for f in flags), key=lambda s: SEVERITY_ORDER[s])


def titles(doc: Document) -> tuple[str, str]:
    """(Spanish title, English title) — the first heading's text and its English,
    or the metadata title / document id when there is no heading."""
    heading = facts(doc).heading
    if heading is not None:
        return heading
    fallback = doc.metadata.get("title", doc.id)
    return fallback, ""


def format_timestamp(value: str) -> str:
    """ISO timestamp → '2025-11-20 10:31 UTC' (or the value unchanged if unparsable)."""
    if not value:
        return ""
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    text = ts.strftime("%Y-%m-%d %H:%M")
    if ts.tzinfo is not None:
        offset = ts.utcoffset()
        text += " UTC" if offset is not None and not offset else ts.strftime(" %z")
    return text


def source_locale(doc: Document, run: RunInfo) -> str:
    """The Spanish variety, e.g. "es-MX" (from the run, else the number stage's guess)."""
    return (run.source_locale or str(doc.metadata.get("source_locale", ""))).replace("_", "-")


def engine_label(run: RunInfo) -> str:
    if not run.engine:
        return "—"
    if run.model_version:
        return f"{run.engine} · {run.model_version}"
    return run.engine


def locale_label(tag: str) -> str:
    """"es_419" → "es-419 (Spanish, Latin America)"; the tag alone if Babel does not know it."""
    tag = tag.replace("_", "-")
    try:
        from babel import Locale

        name = Locale.parse(tag, sep="-").get_display_name("en")
    except Exception:  # Babel missing, or a tag it does not know
        return tag
    return f"{tag} ({name.replace(' (', ', ').rstrip(')')})" if name else tag


def title_block_items(doc: Document, run: RunInfo) -> list[tuple[str, str]]:
    """The key/value lines shown under the title of every output, in order."""
    items: list[tuple[str, str]] = [("Source file", Path(doc.path).name)]
    for key, value in doc.metadata.items():
        if key == "title" or not str(value).strip():
            continue
        if key == "source_locale":
            value = locale_label(str(value))
        items.append((key.replace("_", " ").capitalize(), str(value)))
    items.append(("Engine", engine_label(run)))
    items.append(("Glossaries", ", ".join(Path(g).name for g in run.glossaries) or "none"))
    if run.source_locale and "source_locale" not in doc.metadata:
        items.append(("Source locale", locale_label(run.source_locale)))
    if run.created:
        items.append(("Translated", format_timestamp(run.created)))
    known = facts(doc)
    n, done = known.segments, known.translated
    items.append(("Segments", f"{n}" + (f" ({n - done} not translated)" if done < n else "")))
    for notice in doc.notices:
        items.append(("Note", notice))
    return items


@dataclass
class QaCount:
    check: str
    error: int = 0
    warning: int = 0
    info: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info


def qa_summary(doc: Document) -> list[QaCount]:
    """Flag counts per check, worst checks first."""
    counts = facts(doc).flag_counts
    rows = [QaCount(check, c["error"], c["warning"], c["info"]) for check, c in counts.items()]
    rows.sort(key=lambda r: (-r.error, -r.warning, -r.info, r.check))
    return rows


def qa_summary_line(doc: Document) -> str:
    rows = qa_summary(doc)
    if not rows:
        return "no flags"
    flagged = facts(doc).flagged
    parts = [f"{r.check} {r.total}" for r in rows]
    errors = sum(r.error for r in rows)
    warnings = sum(r.warning for r in rows)
    return (f"{_count(flagged, 'segment')} flagged ({_count(errors, 'error')}, {_count(warnings, 'warning')}): "
            + ", ".join(parts))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@dataclass
class Row:
    """One row of a bilingual table, in reading order.

    ``segment`` is None for blocks copied verbatim (metadata, code, front matter,
    raw), which span the whole table width and carry no id.
    """

    block: Block
    segment: Segment | None
    first_in_block: bool

    @property
    def verbatim(self) -> bool:
        return self.segment is None


def table_rows(doc: Document) -> Iterator[Row]:
    for block in doc.blocks:
        if block.translatable and block.segments:
            for i, seg in enumerate(block.segments):
                yield Row(block, seg, i == 0)
        elif block.text.strip():  # verbatim kinds, or prose that was never segmented
            yield Row(block, None, True)

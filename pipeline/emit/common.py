"""What every writer shows the same way: titles, the title block, QA counts, rows.

Kept free of heavy imports so the Markdown writers and the CLI stay light.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from ..model import Block, BlockKind, Document, Flag, RunInfo, Segment, Severity

#: Column headers of the bilingual table; readers find our table by them.
COL_ID = "#"
COL_SOURCE = "Español"
COL_TARGET = "English"
COL_QA = "QA"

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def has_qa(doc: Document) -> bool:
    """True when any segment carries a QA flag: the outputs then get a QA column."""
    return any(seg.flags for seg in doc.segments)


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
    for block in doc.blocks:
        if block.kind is BlockKind.HEADING and block.text.strip():
            english = block.target if all(s.target is not None for s in block.segments) else ""
            return block.text.strip(), english.strip()
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
    segs = doc.segments
    done = sum(1 for s in segs if s.target is not None)
    items.append(("Segments", f"{len(segs)}" + (f" ({len(segs) - done} not translated)" if done < len(segs) else "")))
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
    counts: dict[str, Counter] = {}
    for seg in doc.segments:
        for flag in seg.flags:
            counts.setdefault(flag.check, Counter())[flag.severity.value] += 1
    rows = [QaCount(check, c["error"], c["warning"], c["info"]) for check, c in counts.items()]
    rows.sort(key=lambda r: (-r.error, -r.warning, -r.info, r.check))
    return rows


def qa_summary_line(doc: Document) -> str:
    rows = qa_summary(doc)
    if not rows:
        return "no flags"
    flagged = sum(1 for s in doc.segments if s.flags)
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

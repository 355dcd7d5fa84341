"""The one data model every stage works on: Document → Block → Segment.

A stage is a function that takes these objects and fills in more of them; no stage
reaches into another's internals. Offsets are character offsets into
``Segment.source`` (or ``Block.text`` before segmentation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    METADATA = "metadata"  # e.g. "date 2025-11-03": kept, never translated
    CODE = "code"  # fenced/indented code: copied verbatim
    FRONT_MATTER = "front_matter"  # YAML/TOML front matter: copied verbatim
    RAW = "raw"  # raw HTML, thematic breaks, anything copied verbatim


#: Block kinds whose text is sent to the translation engine.
TRANSLATABLE = {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass
class Span:
    """A stretch of a segment's source that a stage found and treats specially.

    ``kind`` says who found it: "term" (glossary), "number", "date", "percent",
    "code" and "url" (never translated), or a paired inline mark such as
    "emphasis", "strong", "link" whose *inner* text is translated while the
    delimiters (``open``/``close`` in ``attrs``) are kept.

    ``target`` is the English the restore step puts in place of the whole span;
    ``None`` for paired marks (their inner text goes through the engine).
    """

    start: int
    end: int
    kind: str
    text: str
    target: str | None = None
    value: Any = None
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def paired(self) -> bool:
        return self.target is None and "open" in self.attrs

    @property
    def inline_code(self) -> bool:
        """An inline code of the source format (see INLINE below)."""
        return self.kind == INLINE

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


#: Span kind of an *inline code*: formatting or an object inside a paragraph that is not
#: text (DOCX bold/italic/link/footnote reference/field/tab/break/image/bookmark, a
#: Markdown emphasis or link, a TMX <bpt>/<ept>/<ph>/<it>/<hi>, an XLIFF <g>/<x>/<bx>/<ex>
#: or <pc>/<sc>/<ec>/<ph>). Every reader and writer uses these attrs:
#:   "id":     the code's id, unique within its segment (a string; "1", "2", …)
#:   "role":   "pair" (covers the text [start, end) it formats) or "isolated"
#:             (start == end: a point in the text, e.g. a tab, an image, <ph/>)
#:   "format": who made it: "docx" | "md" | "tmx" | "xliff"
#:   "native": what that format needs to write it back (opaque to every other stage;
#:             e.g. the run properties' XML, a TMX <bpt> body, the Markdown delimiters)
#:   "label":  a short human label for the bilingual outputs ("bold", "link", "fn 3")
#: A pair span that also has "open"/"close" in attrs goes through the engines as the
#: existing paired marks do (its inner text is translated). A target's codes are
#: ``Segment.target_spans``.
INLINE = "inline"


@dataclass
class Flag:
    """A QA finding on one segment."""

    check: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.check}: {self.message}"


@dataclass
class Provenance:
    """Where a segment's English came from."""

    origin: str  # "engine" | "memory" | "reviewer" | "copy"
    engine: str = ""
    model_version: str = ""
    detail: str = ""


@dataclass
class Segment:
    """One sentence: the unit that is translated, reviewed, stored and checked."""

    id: str  # stable "doc/block/sentence", shown in every bilingual output
    source: str
    target: str | None = None
    spans: list[Span] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    provenance: Provenance | None = None
    #: Apertium's unknown words (*word), @/# marks etc., recorded for QA.
    unknown_words: list[str] = field(default_factory=list)
    #: Everything the protect stage's finders found, by finder ("numbers", "terms"),
    #: before overlaps were resolved: QA compares against these instead of searching
    #: the Spanish again. Empty for a segment read back from a bilingual file.
    found: dict[str, list[Span]] = field(default_factory=dict)
    #: The inline codes (kind INLINE) placed on ``target``, offsets into ``target``:
    #: where each source code landed in the English. Empty when the source has none.
    target_spans: list[Span] = field(default_factory=list)

    def flag(self, check: str, severity: Severity | str, message: str) -> None:
        self.flags.append(Flag(check, Severity(severity), message))


@dataclass
class Block:
    """A structural unit of the source document in reading order."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level, or list nesting depth
    attrs: dict[str, Any] = field(default_factory=dict)  # e.g. list "marker"
    #: Spans found by the reader (inline code, URLs, emphasis, links), offsets into text.
    spans: list[Span] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    @property
    def translatable(self) -> bool:
        return self.kind in TRANSLATABLE and bool(self.text.strip())

    @property
    def target(self) -> str:
        """The block's English: its segments' targets joined, or the source text
        for blocks that are copied verbatim."""
        if not self.translatable:
            return self.text
        return " ".join((s.target if s.target is not None else s.source) for s in self.segments)


@dataclass
class Document:
    path: Path
    id: str  # short stable name, used in segment ids and output names
    format: str  # "txt" | "md" | "docx"
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    #: Things the reader wants the user to know (encoding guessed, content skipped).
    notices: list[str] = field(default_factory=list)
    #: How its numbers read (pipeline.numbers.LocaleGuess), guessed once from the whole
    #: text by the protect stage (run.SpanFinders.locate) and used again by QA.
    locale_guess: object | None = field(default=None, repr=False, compare=False)

    @property
    def segments(self) -> list[Segment]:
        return [s for b in self.blocks for s in b.segments]

    @property
    def title(self) -> str:
        for b in self.blocks:
            if b.kind is BlockKind.HEADING:
                return b.text
        return self.metadata.get("title", self.id)


@dataclass
class RunInfo:
    """What produced a set of outputs; shown in their title blocks."""

    engine: str = ""
    model_version: str = ""
    glossaries: list[str] = field(default_factory=list)
    created: str = ""  # ISO timestamp of the run
    source_locale: str = ""

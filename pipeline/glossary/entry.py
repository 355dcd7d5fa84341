"""One glossary entry and one glossary file, independent of the file format.

The columns are the same in every format (TSV, CSV, TBX): ``es`` and ``en`` are
required; ``es_variants`` (``|``-separated extra Spanish forms), ``en_plural``,
``case`` (``sensitive`` | ``insensitive``), ``pos``, ``domain`` and ``note`` are
optional.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Every column, in the order the writers use.
COLUMNS = ("es", "en", "es_variants", "en_plural", "case", "pos", "domain", "note")
REQUIRED = ("es", "en")
CASE_VALUES = ("", "sensitive", "insensitive")
#: Parts of speech the matcher knows. ``noun`` (the default when empty) gets Spanish
#: plural forms; ``person`` gets plural and feminine forms (director ejecutivo →
#: directora ejecutiva); ``adj`` gets gender and number forms with an invariable
#: English; ``name``, ``acronym``, ``phrase``, ``verb``, ``adv`` and ``other`` are
#: matched only as written (plus ``es_variants``).
POS_VALUES = ("", "noun", "person", "adj", "verb", "adv", "name", "acronym", "phrase", "other")
VARIANT_SEP = "|"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def sort_key(es: str) -> tuple[str, str]:
    """Dictionary order: accents and case ignored first, then exact text."""
    folded = "".join(
        c for c in unicodedata.normalize("NFD", es.casefold()) if not unicodedata.combining(c)
    )
    return (folded, es)


@dataclass(frozen=True)
class Entry:
    """One term: Spanish source form(s) and the English to enforce."""

    es: str
    en: str
    es_variants: tuple[str, ...] = ()
    en_plural: str = ""
    case: str = ""
    pos: str = ""
    domain: str = ""
    note: str = ""
    #: Comment lines (with their ``#``) written just above the entry in its file.
    comments: tuple[str, ...] = field(default=(), compare=False)
    path: Path | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)

    # -- derived -------------------------------------------------------------------
    @property
    def case_sensitive(self) -> bool:
        """Explicit ``case`` wins; otherwise an entry with a capital letter (an
        acronym such as IA or AWS, a name such as Nvidia) is case-sensitive and an
        all-lowercase one is not."""
        if self.case:
            return self.case == "sensitive"
        return any(c.isupper() for c in self.es)

    @property
    def keep(self) -> bool:
        """A name that must stay as it is: English equals Spanish."""
        return self.en == self.es

    @property
    def where(self) -> str:
        if self.path is None:
            return "<memory>"
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    @property
    def key(self) -> str:
        """Identity for duplicates and conflicts: the Spanish, NFC, case-folded."""
        return nfc(self.es).casefold()

    def content(self) -> tuple[str, ...]:
        """The fields that change what the matcher produces (fingerprinted)."""
        return (self.es, self.en, VARIANT_SEP.join(self.es_variants), self.en_plural, self.case, self.pos)

    def row(self) -> dict[str, str]:
        return {
            "es": self.es,
            "en": self.en,
            "es_variants": VARIANT_SEP.join(self.es_variants),
            "en_plural": self.en_plural,
            "case": self.case,
            "pos": self.pos,
            "domain": self.domain,
            "note": self.note,
        }

    def with_(self, **changes) -> "Entry":
        return replace(self, **changes)

    def __str__(self) -> str:
        return f"{self.es} → {self.en}"


class RowError(ValueError):
    """A row that cannot become an Entry; the reader adds file and line."""


def entry_from_row(
    row: dict[str, str], *, path: Path | None = None, line: int = 0, comments: tuple[str, ...] = ()
) -> Entry:
    """Build an Entry from column → text, stripping stray whitespace (lint reports
    it) and checking required fields and enumerated values."""
    vals = {k: nfc((row.get(k) or "").strip()) for k in COLUMNS}
    for k in REQUIRED:
        if not vals[k]:
            raise RowError(f"empty '{k}' field")
    if vals["case"] not in CASE_VALUES:
        raise RowError(f"'case' must be 'sensitive' or 'insensitive', not {vals['case']!r}")
    variants = tuple(v.strip() for v in vals["es_variants"].split(VARIANT_SEP) if v.strip())
    return Entry(
        es=vals["es"],
        en=vals["en"],
        es_variants=variants,
        en_plural=vals["en_plural"],
        case=vals["case"],
        pos=vals["pos"],
        domain=vals["domain"],
        note=vals["note"],
        comments=comments,
        path=path,
        line=line,
    )


@dataclass
class GlossaryFile:
    """The content of one file, enough to write it back without loss."""

    path: Path | None
    entries: list[Entry] = field(default_factory=list)
    #: Columns of the header, in file order (the writers keep them).
    columns: list[str] = field(default_factory=lambda: ["es", "en"])
    #: Comment lines before the header, and after the last entry.
    preamble: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    #: Lines skipped in lenient mode, as "file:line: why".
    warnings: list[str] = field(default_factory=list)
    #: Raw lines (1-based number → text) for lint's whitespace checks; TSV/CSV only.
    raw_lines: dict[int, str] = field(default_factory=dict)

    def used_columns(self) -> list[str]:
        """The header to write: the file's own columns plus any an entry needs,
        in canonical order."""
        used = set(self.columns) | set(REQUIRED)
        for e in self.entries:
            used |= {k for k, v in e.row().items() if v}
        return [c for c in COLUMNS if c in used]

    def sorted(self) -> "GlossaryFile":
        entries = sorted(self.entries, key=lambda e: sort_key(e.es))
        return GlossaryFile(self.path, entries, list(self.columns), list(self.preamble), list(self.footer))

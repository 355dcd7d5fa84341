"""Checks on glossary files: what would break a run, and what is likely a mistake.

Errors (non-zero exit): malformed lines, unknown or missing columns, empty
required fields, bad ``case`` values, one Spanish term with two Englishes in the
same file. Warnings: exact duplicates, conflicts across files (the later file
wins), entries that can never match (all their forms belong to another entry),
stray whitespace, unknown ``pos``, variants equal to the term. Infos: entries
inside longer ones (``nube`` inside ``nube híbrida``), forms generated for two
entries, and with ``against`` documents, entries never matched there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import Es2enError
from .entry import COLUMNS, POS_VALUES, Entry, GlossaryFile, sort_key
from .model import Glossary, read_glossary_file

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    severity: str
    where: str
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.check}: {self.message}"


_SKIPPED = re.compile(r"^(?P<where>.+?:\d+): skipped: (?P<why>.*)$")


def _whitespace(gf: GlossaryFile) -> list[Finding]:
    out = []
    header_seen = False
    for lineno, line in sorted(gf.raw_lines.items()):
        if not line.strip() or line.lstrip().startswith("#"):
            if line.strip() and line != line.strip():
                out.append(Finding("warning", f"{gf.path}:{lineno}", "whitespace", "comment line has stray spaces"))
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        for name, cell in zip(gf.columns, cells):
            if cell != cell.strip():
                out.append(Finding("warning", f"{gf.path}:{lineno}", "whitespace", f"stray whitespace around {name!r} ({cell!r})"))
            elif "  " in cell:
                out.append(Finding("warning", f"{gf.path}:{lineno}", "whitespace", f"double space in {name!r} ({cell!r})"))
        if len(cells) > len(gf.columns):
            out.append(
                Finding("warning", f"{gf.path}:{lineno}", "columns", f"{len(cells)} fields but the header names {len(gf.columns)} (extra tabs)")
            )
    return out


def _entry_checks(gf: GlossaryFile) -> list[Finding]:
    out = []
    seen: dict[str, Entry] = {}
    for e in gf.entries:
        if e.pos not in POS_VALUES:
            out.append(Finding("warning", e.where, "pos", f"unknown pos {e.pos!r} (known: {', '.join(p for p in POS_VALUES if p)}); matched as written only"))
        for v in e.es_variants:
            if v == e.es:
                out.append(Finding("warning", e.where, "variants", f"variant {v!r} repeats the term"))
        if e.es_variants and len(set(e.es_variants)) != len(e.es_variants):
            out.append(Finding("warning", e.where, "variants", "a variant is listed twice"))
        if e.en_plural and e.en_plural == e.en and e.pos in ("", "noun", "person"):
            pass  # uncountable nouns: legitimate
        old = seen.get(e.key)
        if old is not None:
            if old.en == e.en:
                out.append(Finding("warning", e.where, "duplicate", f"{e.es!r} → {e.en!r} repeats line {old.line}"))
            else:
                out.append(
                    Finding("error", e.where, "conflict", f"{e.es!r} → {e.en!r} but line {old.line} says {old.es!r} → {old.en!r} (the later line wins)")
                )
        seen[e.key] = e
    keys = [sort_key(e.es) for e in gf.entries]
    if keys != sorted(keys) and gf.path is not None and gf.path.suffix.lower() == ".tsv":
        out.append(Finding("info", str(gf.path), "order", "entries are not sorted (`es2en glossary add` keeps files sorted)"))
    return out


def _shadow_checks(glossary: Glossary) -> list[Finding]:
    out = []
    matcher = glossary.matcher()
    by_text: dict[str, list] = defaultdict(list)
    for f in matcher.forms:
        by_text[f.text].append(f)
    lost: dict[Entry, list] = defaultdict(list)
    for text, forms in by_text.items():
        owners = {id(f.entry) for f in forms}
        if len(owners) < 2:
            continue
        forms.sort(key=lambda f: f.rank)
        winner = forms[0]
        for f in forms[1:]:
            if f.entry is winner.entry:
                continue
            lost[f.entry].append((f, winner))
    all_forms: dict[Entry, int] = defaultdict(int)
    for f in matcher.forms:
        all_forms[f.entry] += 1
    for entry, pairs in lost.items():
        if len({id(p[0]) for p in pairs}) >= all_forms[entry]:
            w = pairs[0][1].entry
            out.append(Finding("warning", entry.where, "shadowed", f"{entry.es!r} never matches: its forms belong to {w.es!r} ({w.where})"))
            continue
        for f, winner in pairs:
            if not f.generated:
                out.append(
                    Finding("warning", entry.where, "shadowed", f"form {f.text!r} belongs to {winner.entry.es!r} ({winner.entry.where})")
                )
            else:
                out.append(
                    Finding("info", entry.where, "shadowed", f"generated form {f.text!r} also belongs to {winner.entry.es!r} ({winner.entry.where}), which wins")
                )
    return out + _inside_checks(glossary)


def _inside_checks(glossary: Glossary) -> list[Finding]:
    """Entries found inside a longer entry's Spanish: the longer one wins there."""
    out = []
    matcher = glossary.matcher()
    for longer in glossary.entries:
        found, toks = matcher.candidates(longer.es)
        for i, j, f in found:
            e = f.entry
            if e is longer or e.key == longer.key:
                continue
            if toks[j][1] - toks[i][0] >= len(longer.es):
                continue
            out.append(
                Finding("info", e.where, "inside", f"{e.es!r} is inside longer {longer.es!r} ({longer.where}), which wins where it occurs")
            )
    return out


def lint_files(paths: list[Path], *, against: list[Path] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    files: list[GlossaryFile] = []
    for path in paths:
        try:
            gf = read_glossary_file(path, lenient=True)
        except Es2enError as err:
            where = f"{err.path}:{err.line}" if err.line else str(err.path or path)
            findings.append(Finding("error", where, "format", err.message))
            continue
        for w in gf.warnings:
            m = _SKIPPED.match(w)
            where, why = (m["where"], m["why"]) if m else (str(path), w)
            sev = "warning" if why.startswith("entry has no") else "error"
            findings.append(Finding(sev, where, "format", why))
        findings.extend(_whitespace(gf))
        findings.extend(_entry_checks(gf))
        files.append(gf)
    glossary = Glossary()
    for gf in files:
        glossary.files.append(gf.path)
        glossary._add(gf.entries)
    for c in glossary.conflicts:
        where, _, msg = c.partition(": ")
        if not _same_file_conflict(c, files):
            findings.append(Finding("warning", where, "conflict", msg + " (the later file wins)"))
    for d in glossary.duplicates:
        where, _, msg = d.partition(": ")
        if not _same_file_conflict(d, files):
            findings.append(Finding("info", where, "duplicate", msg))
    findings.extend(_shadow_checks(glossary))
    if against:
        from .suggest import read_document_text

        counts: dict[Entry, int] = defaultdict(int)
        matcher = glossary.matcher()
        for doc in against:
            for line in read_document_text(doc).splitlines():
                for s in matcher.find(line):
                    counts[s.value] += 1
        for e in glossary.entries:
            if not counts.get(e):
                findings.append(Finding("info", e.where, "unused", f"{e.es!r} never matched in {', '.join(str(d) for d in against)}"))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (order[f.severity], f.where))


def _same_file_conflict(message: str, files: list[GlossaryFile]) -> bool:
    """Conflicts/duplicates inside one file are reported by the per-file check."""
    m = re.match(r"^(?P<a>.+?):\d+: .* (?:overrides|repeats) (?P<b>.+?):\d+", message)
    return bool(m) and m["a"] == m["b"]


__all__ = ["Finding", "lint_files", "COLUMNS"]

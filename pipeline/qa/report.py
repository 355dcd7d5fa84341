"""Checking an existing bilingual file, and the findings as text or JSON.

``check_bilingual(path)`` reads a bilingual DOCX/Markdown written by es2en (possibly
edited by hand since), re-analyses the Spanish column with the number parser and the
glossary, runs every check on each row, and returns a ``Report``. The QA checks'
findings are computed afresh (a hand edit may have fixed or caused them); the findings
of the translation stages in the file's QA column (an ambiguous number, a span the
engine lost, a split segment: what the run saw and a re-read cannot) are kept, marked
as from the file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..counts import plural
from ..model import Flag, Segment, Severity
from . import QAContext, run_checks

SEVERITY_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@dataclass
class Finding:
    id: str  # segment id
    where: str  # "table row 7" / "line 31"
    flag: Flag
    #: read back from the file's QA column (a translation-stage finding), not re-checked
    from_file: bool = False

    def as_dict(self) -> dict:
        out = {"id": self.id, "where": self.where, "check": self.flag.check,
               "severity": self.flag.severity.value, "message": self.flag.message}
        if self.from_file:
            out["from_file"] = True
        return out


@dataclass
class Report:
    path: Path
    segments: int = 0
    findings: list[Finding] = field(default_factory=list)
    #: rows the reader could not trust (merged cells, no id…): reported, not checked
    skipped: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, Counter] = {}
        for f in self.findings:
            out.setdefault(f.flag.check, Counter())[f.flag.severity.value] += 1
        return {k: dict(v) for k, v in sorted(out.items())}

    def worst(self) -> Severity | None:
        if not self.findings:
            return None
        return max((f.flag.severity for f in self.findings), key=SEVERITY_RANK.__getitem__)

    def fails(self, fail_on: str) -> bool:
        """True when a finding is at least as severe as ``fail_on`` (error|warning|never)."""
        if fail_on == "never":
            return False
        worst = self.worst()
        return worst is not None and SEVERITY_RANK[worst] >= SEVERITY_RANK[Severity(fail_on)]

    def as_dict(self) -> dict:
        errors = sum(1 for f in self.findings if f.flag.severity is Severity.ERROR)
        return {"file": str(self.path), "segments": self.segments,
                "flagged": len({f.id for f in self.findings}), "errors": errors,
                "warnings": sum(1 for f in self.findings if f.flag.severity is Severity.WARNING),
                "counts": self.counts(), "findings": [f.as_dict() for f in self.findings],
                "skipped": self.skipped}

    def as_text(self) -> str:
        lines = [f"{self.path}:{f.where}: {f.id}: {f.flag}" + (FROM_FILE if f.from_file else "")
                 for f in self.findings]
        lines += [f"{self.path}: skipped {s}" for s in self.skipped]
        d = self.as_dict()
        summary = (f"{self.path}: {plural(d['segments'], 'segment')}, {d['flagged']} flagged "
                   f"({plural(d['errors'], 'error')}, {plural(d['warnings'], 'warning')})")
        if d["counts"]:
            summary += ": " + ", ".join(f"{k} {sum(v.values())}" for k, v in d["counts"].items())
        kept = sum(1 for f in self.findings if f.from_file)
        if kept:
            summary += f"; {kept} of them from the file's QA column (translation stage, not re-checked)"
        return "\n".join([*lines, summary])


def check_bilingual(path: str | Path, context: QAContext | None = None) -> Report:
    """Run every check over the rows of a bilingual ``.docx``/``.md`` file."""
    from ..emit.bilingual_read import read_bilingual

    path = Path(path)
    rows = read_bilingual(path)
    report = Report(path)
    segments: list[Segment] = []
    where: dict[int, str] = {}
    for row in rows:
        if row.problem:
            report.skipped.append(f"{row.where} ({row.id or 'no id'}): {row.problem}")
            continue
        seg = Segment(id=row.id, source=row.source, target=row.target)
        where[id(seg)] = row.where
        segments.append(seg)
    report.segments = len(segments)
    ctx = context or QAContext.prepare()
    fresh: dict[int, list[Flag]] = {}
    for seg, flag in run_checks(segments, ctx):
        fresh.setdefault(id(seg), []).append(flag)
    for seg, row in zip(segments, (r for r in rows if not r.problem)):
        for flag in stage_flags(row.qa):
            report.findings.append(Finding(seg.id, where[id(seg)], flag, from_file=True))
        for flag in fresh.get(id(seg), []):
            report.findings.append(Finding(seg.id, where[id(seg)], flag))
    return report


FROM_FILE = " (from the file's QA column)"
_QA_LINE = re.compile(r"^\s*(error|warning|info): ([\w.-]+): (.+)$")


def stage_flags(qa_cell: str) -> list[Flag]:
    """The flags of a QA cell ("warning: numbers: …", one a line) that no QA check
    computes (the translation stages': numbers, protect, markup, length), which a
    re-check of the file cannot find again."""
    from . import all_checks

    checks = {c.id for c in all_checks()}
    out = []
    for line in qa_cell.splitlines():
        m = _QA_LINE.match(line)
        if m and m.group(2) not in checks:
            out.append(Flag(m.group(2), Severity(m.group(1)), m.group(3).strip()))
    return out

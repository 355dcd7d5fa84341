"""Checking an existing bilingual file, and the findings as text or JSON.

``check_bilingual(path)`` reads a bilingual DOCX/Markdown written by es2en (possibly
edited by hand since), re-analyses the Spanish column with the number parser and the
glossary, runs every check on each row, and returns a ``Report``. The QA column the
file already has is ignored: the findings are computed afresh.
"""

from __future__ import annotations

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

    def as_dict(self) -> dict:
        return {"id": self.id, "where": self.where, "check": self.flag.check,
                "severity": self.flag.severity.value, "message": self.flag.message}


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
        lines = [f"{self.path}:{f.where}: {f.id}: {f.flag}" for f in self.findings]
        lines += [f"{self.path}: skipped {s}" for s in self.skipped]
        d = self.as_dict()
        summary = (f"{self.path}: {plural(d['segments'], 'segment')}, {d['flagged']} flagged "
                   f"({plural(d['errors'], 'error')}, {plural(d['warnings'], 'warning')})")
        if d["counts"]:
            summary += ": " + ", ".join(f"{k} {sum(v.values())}" for k, v in d["counts"].items())
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
    for seg, flag in run_checks(segments, ctx):
        report.findings.append(Finding(seg.id, where[id(seg)], flag))
    return report

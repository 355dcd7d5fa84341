"""``es2en qa report.en.docx --source report.docx``: check an English copy against its source.

Both files are read with the DOCX reader (pipeline.ingest.docx_reader); each unit of the
source (a paragraph of any story: body, header, footnote, comment, text box, the title) is
paired with the unit at the same part and position of the copy. Findings:

* ``copy`` error: a source unit missing from the copy, or its inline codes (links, fields,
  footnote references, images, bookmarks…) not all there;
* every check of ``es2en qa`` on the pair (untranslated text, numbers by value, glossary
  terms, NMT faults, form), as for a bilingual file's rows.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..model import Flag, Segment, Severity
from .report import Finding, Report


def _code_kinds(block) -> Counter:
    """The unit's codes that must survive, by kind (formatting may merge or split)."""
    out: Counter = Counter()
    for s in block.spans:
        if not s.inline_code:
            continue
        label = str(s.attrs.get("label", ""))
        kind = label.split()[0] if label.startswith(("fn", "en", "comment")) else label
        if s.attrs.get("role") == "isolated" or kind in ("link", "field", "control"):
            out[kind] += 1
    return out


def check_english_docx(path: str | Path, source: str | Path, context=None) -> Report:
    from ..ingest import read_document
    from . import QAContext, run_checks

    path, source = Path(path), Path(source)
    src, copy = read_document(source), read_document(path)
    english = {(b.attrs.get("part"), b.attrs.get("position")): b for b in copy.blocks}
    report = Report(path)
    segments: list[Segment] = []
    where: dict[int, str] = {}
    for block in src.blocks:
        if not block.translatable:
            continue
        key = (block.attrs.get("part"), block.attrs.get("position"))
        place = f"{block.attrs.get('label') or 'Body'}, {key[0]} paragraph {key[1]}"
        seg_id = f"{src.id}/{key[0]}/{key[1]}"
        target = english.get(key)
        if target is None:
            report.findings.append(Finding(seg_id, place, Flag("copy", Severity.ERROR,
                                                             f"“{block.text[:60]}” is not in the English copy")))
            continue
        lost = _code_kinds(block) - _code_kinds(target)
        if lost:
            report.findings.append(Finding(seg_id, place, Flag("copy", Severity.ERROR, "inline codes lost: " + ", ".join(
                f"{n} {kind}" for kind, n in sorted(lost.items())))))
        seg = Segment(id=seg_id, source=block.text, target=target.text)
        where[id(seg)] = place
        segments.append(seg)
    report.segments = len(segments)
    ctx = context or QAContext.prepare()
    for seg, flag in run_checks(segments, ctx):
        report.findings.append(Finding(seg.id, where[id(seg)], flag))
    return report

"""Review round-trip: read a reviewer's bilingual DOCX/Markdown back into the memory,
and show machine vs reviewed English.

A row is matched by its segment id. Its Spanish cell must still be a Spanish text the
memory knows (normally the one last written under that id); a changed Spanish cell is
reported and not imported. Its English cell is compared with every English the memory
has for that Spanish (what was written, the machine texts, the current and earlier
human texts):

- equal to the written/machine/current text → *unchanged*;
- equal to an earlier human text that was replaced since → *rejected* as stale (an old
  review file cannot undo a newer review);
- anything else → *changed*: stored as ``reviewed`` (or ``approved``), the text it
  replaced kept beside it.

Nothing a reviewer did is dropped without a word: merged/split cells, rows without an
id, empty English cells, rows copied with a different text, changed Spanish are
rejected with the reason and the English text; several paragraphs in one cell are
joined with a space (and said so); DOCX tracked changes are read as accepted (and
said so); DOCX comments are listed (they are not corrections the importer can apply);
rows missing from the file are listed.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .memory import APPROVED, HUMAN_STATUSES, REVIEWED, TranslationMemory, normalize

CHANGED = "changed"
UNCHANGED = "unchanged"
REJECTED = "rejected"


@dataclass
class RowResult:
    id: str
    where: str
    outcome: str  # changed | unchanged | rejected
    reason: str = ""
    source: str = ""
    target: str = ""  # the English cell (normalized)
    previous: str = ""  # what the change replaced
    notes: list[str] = field(default_factory=list)
    #: what `es2en qa` finds in the reviewer's English (numbers, terms): a changed value
    #: or a lost term, shown as a warning; the English is still stored
    qa: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    path: Path
    rows: list[RowResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # file-level: comments, missing rows
    dry_run: bool = False

    def of(self, outcome: str) -> list[RowResult]:
        return [r for r in self.rows if r.outcome == outcome]

    @property
    def changed(self) -> list[RowResult]:
        return self.of(CHANGED)

    @property
    def unchanged(self) -> list[RowResult]:
        return self.of(UNCHANGED)

    @property
    def rejected(self) -> list[RowResult]:
        return self.of(REJECTED)

    def summary(self) -> list[str]:
        """Human-readable lines: a count line, then every change, rejection and note."""
        verb = "would be stored" if self.dry_run else "stored"
        lines = [f"{self.path}: {len(self.changed)} changed ({verb} as reviewed), {len(self.unchanged)} unchanged, "
                 f"{len(self.rejected)} rejected"]
        flagged = [r for r in self.changed if r.qa]
        if flagged:
            lines.append(f"  warning: {len(flagged)} changed row(s) whose English changes a value or loses a glossary "
                         "term (the checks of es2en qa); check them")
        for r in self.changed:
            lines.append(f"  changed   {r.id} ({r.where}): “{r.previous}” → “{r.target}”")
            lines.extend(f"            warning: {w}" for w in r.qa)
            lines.extend(f"            note: {n}" for n in r.notes)
        for r in self.rejected:
            english = f" — English cell: “{r.target}”" if r.target else ""
            lines.append(f"  rejected  {r.id or '?'} ({r.where}): {r.reason}{english}")
        for r in self.unchanged:
            lines.extend(f"  note      {r.id} ({r.where}): {n}" for n in r.notes)
        lines.extend(f"  note      {n}" for n in self.notes)
        return lines


def _doc_prefix(seg_id: str) -> str:
    """"report/3/2" → "report/" (the document part of a segment id)."""
    head, _, _ = seg_id.rpartition("/")
    doc, sep, _ = head.rpartition("/")
    return doc + sep if sep else ""


def _natural(seg_id: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", seg_id)]


def import_review(path: str | Path, memory: TranslationMemory, *, status: str = REVIEWED,
                  dry_run: bool = False) -> ImportReport:
    """Read ``path`` (a bilingual .docx or .md written by es2en) and store the English
    the reviewer changed. Raises :class:`~pipeline.errors.InputError` for a file that is
    not a bilingual file at all."""
    from .emit.bilingual_read import read_bilingual

    if status not in HUMAN_STATUSES:
        raise ValueError(f"status must be one of {HUMAN_STATUSES}")
    path = Path(path)
    report = ImportReport(path, dry_run=dry_run)
    rows = read_bilingual(path)
    reviewer = str(path.resolve())

    # Rows sharing an id: identical copies are one row; different texts are all rejected.
    by_id: dict[str, list] = {}
    for row in rows:
        if row.id and not row.problem:
            by_id.setdefault(row.id, []).append(row)
    conflicting = {i for i, rs in by_id.items()
                   if len({(normalize(r.source), normalize(r.target)) for r in rs}) > 1}
    seen: set[str] = set()

    for row in rows:
        english = normalize(row.target)
        result = RowResult(row.id, row.where, REJECTED, source=normalize(row.source), target=english)
        report.rows.append(result)
        if row.problem:
            result.reason = f"{row.problem}; not imported"
            continue
        if row.id in conflicting:
            result.reason = f"segment id {row.id} is in {len(by_id[row.id])} rows with different texts; not imported"
            continue
        if row.id in seen:
            report.rows.pop()  # an identical copy of a row already handled
            continue
        seen.add(row.id)
        if row.tracked:
            result.notes.append("tracked changes read as accepted")
        if "\n" in row.target.strip():
            result.notes.append("several paragraphs in the English cell joined with a space")
        _judge(row, result, memory)
        if result.outcome == CHANGED and not dry_run:
            memory.store_review(result.source, result.target, reviewer=reviewer, status=status,
                                previous=result.previous or None)

    _qa_changed(report.changed)

    # Rows deleted from the file: nothing to import, but say so.
    prefixes = {_doc_prefix(r.id) for r in rows if r.id}
    present = {r.id for r in rows if r.id}
    for prefix in sorted(p for p in prefixes if p):
        missing = sorted((o.seg_id for o in memory.occurrences(prefix)
                          if o.seg_id not in present and _doc_prefix(o.seg_id) == prefix), key=_natural)
        if missing:
            shown = ", ".join(missing[:12]) + (", …" if len(missing) > 12 else "")
            from .counts import plural

            report.notes.append(f"{plural(len(missing), 'segment')} of “{prefix.rstrip('/')}” "
                                f"{'is' if len(missing) == 1 else 'are'} not in this file "
                                f"(rows deleted?); nothing imported for them: {shown}")
    if path.suffix.lower() == ".docx":
        report.notes.extend(docx_comments(path))
    return report


def _qa_changed(rows: list[RowResult]) -> None:
    """Run the numbers and terms checks of `es2en qa` on the reviewer's English of the
    changed rows (one document: the locale is inferred from their Spanish together)."""
    if not rows:
        return
    from .model import Segment
    from .qa import QAContext, run_checks

    segments = [Segment(id=r.id or f"row{n}", source=r.source, target=r.target) for n, r in enumerate(rows)]
    ctx = QAContext.prepare(only=["numbers", "terms"])
    run_checks(segments, ctx)
    for r, seg in zip(rows, segments):
        r.qa = [f"{f.check}: {f.message}" for f in seg.flags]


def _same_markdown(row, text: str, candidates) -> str:
    """For a DOCX cell read back as Markdown: the candidate it shows the same as (the
    memory's own spelling: ``_x_`` and ``*x*`` look alike in Word), else ``text``."""
    if not row.markdown or text in candidates:
        return text
    from .emit.markdown_runs import same_rendering

    for c in candidates:
        if c and same_rendering(c, text, ignore_bold=row.heading):
            return c
    return text


def _judge(row, result: RowResult, memory: TranslationMemory) -> None:
    occ = memory.occurrence(row.id)
    if occ is not None:
        result.source = _same_markdown(row, result.source, [occ.source])
    source = result.source
    if row.markdown:
        human = memory.human(source)
        written = occ.target if occ is not None and occ.source == source else None
        result.target = _same_markdown(row, result.target, [human.target if human else None, written,
                                                             *(e.target for e in memory.machine(source))])
    english = result.target
    written = None
    if occ is not None and occ.source == source:
        written = occ.target
    elif not memory.lookup(source):
        if occ is not None:
            result.reason = f"Spanish cell changed (it was “{occ.source}”); not imported"
        else:
            result.reason = ("segment not in this translation memory (translated with --no-memory, or with "
                             "another --memory?); not imported")
        return
    if not english:
        result.reason = "English cell is empty; not imported"
        return
    human = memory.human(source)
    machine = [e.target for e in memory.machine(source)]
    if human is not None and english == human.target:
        result.outcome = UNCHANGED
        return
    if english == written or english in machine:
        result.outcome = UNCHANGED
        if human is not None:
            result.notes.append(f"the memory has a newer {human.status} English: “{human.target}” (kept)")
        return
    earlier = [h for h in memory.history(source) if h[0] == english]
    if earlier:
        result.reason = (f"stale: this is an earlier human English ({earlier[-1][2]}, {earlier[-1][3][:19]}), "
                         f"replaced since by “{human.target if human else ''}”; not imported")
        return
    result.outcome = CHANGED
    result.previous = (human.target if human is not None else None) or written or (machine[0] if machine else "")


# ------------------------------------------------------------- DOCX comments

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_comments(path: Path) -> list[str]:
    """One note per comment in a DOCX, with the segment id of the row it is anchored in."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "word/comments.xml" not in names:
                return []
            comments = etree.fromstring(zf.read("word/comments.xml"))
            document = etree.fromstring(zf.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return []
    anchors: dict[str, str] = {}
    for tag in ("commentRangeStart", "commentReference"):
        for el in document.iter(_W + tag):
            cid = el.get(_W + "id")
            tr = next((a for a in el.iterancestors(_W + "tr")), None)
            if cid is None or cid in anchors or tr is None:
                continue
            first = tr.find(_W + "tc")
            anchors[cid] = "".join(first.itertext()).strip() if first is not None else ""
    notes = []
    for c in comments.iter(_W + "comment"):
        cid = c.get(_W + "id")
        text = " ".join("".join(p.itertext()) for p in c.iter(_W + "p")).strip()
        author = c.get(_W + "author") or "someone"
        where = f"on {anchors[cid]}" if anchors.get(cid) else "outside the table"
        notes.append(f"comment {where} by {author}: “{text}” — comments are not imported; "
                     f"put the change in the English cell and import again")
    return notes


# ------------------------------------------------------------------ diff

@dataclass
class DiffRow:
    id: str
    source: str
    machine: str
    reviewed: str  # the human English in the memory, or the file's English when not imported yet
    status: str  # "reviewed" | "approved" | "not imported" | "machine"
    reviewer: str = ""

    @property
    def differs(self) -> bool:
        return self.status != "machine" and self.machine != self.reviewed


def review_diff(path: str | Path, memory: TranslationMemory) -> list[DiffRow]:
    """Per segment row of a bilingual file: the machine English and the reviewed English
    (from the memory, or the file's own English cell if it was changed but not imported)."""
    from .emit.bilingual_read import read_bilingual

    out = []
    for row in read_bilingual(Path(path)):
        if row.problem or not row.id:
            continue
        occ = memory.occurrence(row.id)
        source = _same_markdown(row, normalize(row.source), [occ.source] if occ is not None else [])
        machines = memory.machine(source)
        if occ is not None and occ.engine_key:
            machines.sort(key=lambda e: e.engine_key != occ.engine_key)
        machine = machines[0].target if machines else (occ.target if occ and occ.origin == "engine" else "")
        human = memory.human(source)
        english = _same_markdown(row, normalize(row.target), [human.target if human else None, machine,
                                                              occ.target if occ is not None else None])
        if human is not None:
            out.append(DiffRow(row.id, source, machine, human.target, human.status, human.reviewer))
        elif english and machine and english != machine:
            out.append(DiffRow(row.id, source, machine, english, "not imported"))
        else:
            out.append(DiffRow(row.id, source, machine, english or machine, "machine"))
    return out


def word_diff(old: str, new: str) -> str:
    """``[-removed-]{+added+}`` between two texts, word by word (like ``git diff --word-diff``)."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(" ".join(a[i1:i2]))
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(parts)


# ------------------------------------------------------- glossary suggestions

_STOP = {"el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "a", "al", "en", "y", "o", "que",
         "por", "para", "con", "su", "sus", "se", "lo", "es", "como", "más"}
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


@dataclass
class TermSuggestion:
    """The same English change made in several reviewed segments: a glossary candidate."""

    machine: str  # the engine's English phrase
    reviewed: str  # what reviewers replaced it with
    spanish: str  # the Spanish phrase all those segments share ("" when none stands out)
    count: int  # in how many distinct segments
    examples: list[str] = field(default_factory=list)  # Spanish sources

    def __str__(self) -> str:
        return f"{self.count}\t{self.spanish or '?'}\t{self.reviewed}\t(machine: {self.machine})"


def _changes(old: str, new: str) -> list[tuple[str, str]]:
    """(machine phrase, reviewed phrase) pairs: the word-level differences, where changes
    separated by a single unchanged word count as one (a reordering such as
    "intelligence advanced" → "advanced intelligence")."""
    a, b = old.split(), new.split()
    regions: list[list[int]] = []  # [i1, i2, j1, j2]
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            continue
        previous_equal = ops[k - 1] if k else None
        if regions and previous_equal and previous_equal[0] == "equal" and previous_equal[2] - previous_equal[1] <= 1 \
                and previous_equal[1] == regions[-1][1]:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    strip = ".,;:!?“”\"'()"
    out = []
    for i1, i2, j1, j2 in regions:
        old_phrase = " ".join(a[i1:i2]).strip(strip)
        new_phrase = " ".join(b[j1:j2]).strip(strip)
        if old_phrase and new_phrase and old_phrase.lower() != new_phrase.lower():
            out.append((old_phrase, new_phrase))
    return out


def _ngrams(text: str, longest: int = 4) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    grams = set()
    for n in range(1, longest + 1):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if gram[0] in _STOP or gram[-1] in _STOP:
                continue
            grams.add(" ".join(gram))
    return grams


def correction_suggestions(memory: TranslationMemory, min_count: int = 2) -> list[TermSuggestion]:
    """Corrections that change the same English phrase the same way in at least
    ``min_count`` reviewed segments, with the Spanish phrase those segments share
    (for ``es2en glossary suggest --from-memory``). Most frequent first."""
    seen: dict[tuple[str, str], list[str]] = {}
    for entry in memory.entries(status="human"):
        if not entry.previous:
            continue
        for change in dict.fromkeys(_changes(entry.previous, entry.target)):
            seen.setdefault(change, []).append(entry.source)
    out = []
    for (old, new), sources in seen.items():
        sources = list(dict.fromkeys(sources))
        if len(sources) < min_count:
            continue
        common = set.intersection(*(_ngrams(s) for s in sources))
        spanish = max(common, key=lambda g: (len(g.split()), len(g)), default="")
        out.append(TermSuggestion(old, new, spanish, len(sources), sources[:3]))
    out.sort(key=lambda t: (-t.count, t.reviewed.lower()))
    return out


__all__ = ["APPROVED", "REVIEWED", "DiffRow", "ImportReport", "RowResult", "TermSuggestion",
           "correction_suggestions", "docx_comments", "import_review", "review_diff", "word_diff"]

"""The qa stage: checks over translated segments, each adding ``Flag``s.

A check is a small function ``(segment, context) -> iterable of findings`` registered
with an id (``family.name``), a default severity and a one-line description::

    from pipeline.qa import QAContext, run_checks
    ctx = QAContext.prepare()                 # default glossaries, number options
    run_checks(doc, ctx)                      # or run_checks(list_of_segments, ctx)
    for seg in doc.segments:
        for flag in seg.flags: print(seg.id, flag)

A finding is a message string (flagged with the check's severity) or a
``(severity, message)`` pair. Families live in one module each: ``numbers``
(values on both sides), ``terms`` (glossary), ``untranslated`` (unknown words,
Spanish left in the English, copies), ``fluency`` (repetition, length ratio, leftover
placeholders, truncation) and ``form`` (brackets, quotes, ¿¡, spaces, URLs/codes).
See docs/qa.md.

Flags other stages add ("protect", "markup", "length", "numbers") are left alone;
running the checks twice replaces the flags of the checks that ran, nothing else.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..model import Document, Flag, Segment, Severity

Finding = "str | tuple[Severity | str, str]"
CheckFn = Callable[[Segment, "QAContext"], Iterable]


@dataclass(frozen=True)
class Check:
    id: str  # "numbers.missing": family.name, shown in the QA column and summary
    severity: Severity
    description: str
    fn: CheckFn

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


#: The registry, in the order checks run (and are listed).
CHECKS: dict[str, Check] = {}

FAMILIES = ("numbers", "terms", "untranslated", "fluency", "form")


def check(check_id: str, severity: Severity | str, description: str) -> Callable[[CheckFn], CheckFn]:
    """Register ``fn`` as the check ``check_id`` (decorator)."""

    def register(fn: CheckFn) -> CheckFn:
        CHECKS[check_id] = Check(check_id, Severity(severity), description, fn)
        return fn

    return register


def _load_families() -> None:
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")


def all_checks() -> list[Check]:
    _load_families()
    return sorted(CHECKS.values(), key=lambda c: FAMILIES.index(c.family) if c.family in FAMILIES else len(FAMILIES))


@dataclass
class QAContext:
    """What the checks need besides the segment, prepared once per document/run.

    number_options / locale_guess: how the Spanish numbers are read (the guess is
        inferred from the segments' sources when left None).
    matcher: a glossary matcher (``Glossary.matcher()``); None: no term check.
    only: check ids or family names to run (None: all).
    """

    number_options: object | None = None
    locale_guess: object | None = None
    matcher: object | None = None
    glossary_files: list[str] = field(default_factory=list)
    only: frozenset[str] | None = None
    #: per-run memo (e.g. parsed values), keyed by (segment id, source, target, what)
    cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def prepare(cls, glossaries: list[Path] | None = None, source_locale: str = "auto",
                dollar_sign: str = "auto", only: Iterable[str] | None = None) -> "QAContext":
        """A context with glossaries loaded as the translate run loads them: None means
        every file in the default glossaries/ folder, [] none."""
        from ..numbers import NumberOptions

        ctx = cls(number_options=NumberOptions(source_locale=source_locale, dollar_sign=dollar_sign),
                  only=frozenset(only) if only else None)
        if glossaries is None or glossaries:
            from ..glossary import DEFAULT_GLOSSARY_DIR, load_glossaries

            paths = glossaries
            if paths is None:
                d = Path(DEFAULT_GLOSSARY_DIR)
                paths = sorted(d.glob("*.tsv")) if d.is_dir() else []
            if paths:
                glossary = load_glossaries(list(paths))
                ctx.matcher = glossary.matcher()
                ctx.glossary_files = [str(p) for p in getattr(glossary, "files", paths)]
        return ctx

    @classmethod
    def from_finders(cls, finders, locale_guess=None) -> "QAContext":
        """A context sharing what a translate run already prepared (run.SpanFinders)
        and, for one document, the locale its spans were read with; without it the
        locale is inferred per document by ``run_checks``."""
        glossary = getattr(finders, "glossary", None)
        return cls(number_options=finders.number_options, locale_guess=locale_guess, matcher=finders.matcher,
                   glossary_files=[str(p) for p in getattr(glossary, "files", [])])

    def wants(self, c: Check) -> bool:
        return self.only is None or c.id in self.only or c.family in self.only

    def memo(self, seg: Segment, what: str, compute: Callable[[], object]):
        key = (seg.id, seg.source, seg.target, what)
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


def _segments(doc_or_segments) -> list[Segment]:
    if isinstance(doc_or_segments, Document):
        return doc_or_segments.segments
    return list(doc_or_segments)


def _findings(c: Check, seg: Segment, ctx: QAContext) -> Iterator[Flag]:
    for item in c.fn(seg, ctx) or ():
        if isinstance(item, tuple):
            severity, message = item
            yield Flag(c.id, Severity(severity), message)
        else:
            yield Flag(c.id, c.severity, str(item))


def run_checks(doc_or_segments, context: QAContext | None = None) -> list[tuple[Segment, Flag]]:
    """Run every registered check on every translated segment, adding flags in place.

    Returns the (segment, flag) pairs added, in segment order."""
    segments = _segments(doc_or_segments)
    ctx = context or QAContext.prepare()
    if ctx.number_options is None or ctx.locale_guess is None:
        from ..numbers import NumberOptions, infer_locale

        options = ctx.number_options or NumberOptions()
        guess = ctx.locale_guess
        if isinstance(doc_or_segments, Document):
            # the guess the protect stage read the numbers with, else from the same text
            guess = guess or doc_or_segments.locale_guess or infer_locale(
                "\n".join(b.text for b in doc_or_segments.blocks if b.translatable), options)
        # the guess belongs to these segments (one document): a copy, sharing the memo
        ctx = replace(ctx, number_options=options,
                      locale_guess=guess or infer_locale("\n".join(s.source for s in segments), options))
    checks = [c for c in all_checks() if ctx.wants(c)]
    ids = {c.id for c in checks}
    added: list[tuple[Segment, Flag]] = []
    for seg in segments:
        seg.flags = [f for f in seg.flags if f.check not in ids]
        if seg.target is None:
            continue
        for c in checks:
            for flag in _findings(c, seg, ctx):
                seg.flags.append(flag)
                added.append((seg, flag))
    return added


__all__ = ["CHECKS", "Check", "QAContext", "all_checks", "check", "run_checks"]

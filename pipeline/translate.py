"""translate + restore: fill ``Segment.target`` for every segment that has none.

All segments of a run go to the engine together, in large batches, each encoded
with its protected spans (pipeline.protect). Segments over the model's input limit
are split at clause boundaries first. When an engine loses a protected span, the
segment is retried another way and, failing that, translated unprotected and flagged.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from . import protect
from .model import Provenance, Segment, Severity, Span

#: Segments handed to the engine per call; progress is reported between calls.
CHUNK = 512


def _clauses(text: str) -> list[str]:
    """Split at clause punctuation, keeping the punctuation with its clause."""
    parts = re.split(r"(?<=[,;:])\s+|\s+(?=[-–—(])", text)
    return [p for p in parts if p.strip()]


def split_for_limit(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` tokens: clause boundaries
    first, then word boundaries, then characters for a single enormous token."""
    if count(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for unit in _clauses(text):
        units = [unit] if count(unit) <= limit else _by_words(unit, count, limit)
        for u in units:
            candidate = f"{current} {u}".strip()
            if current and count(candidate) > limit:
                pieces.append(current)
                current = u
            else:
                current = candidate
    if current:
        pieces.append(current)
    return pieces


def _by_words(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    out, current = [], ""
    for word in text.split():
        while count(word) > limit:  # one "word" longer than the limit
            cut = max(1, len(word) // 2)
            out.extend(_by_words(word[:cut], count, limit))
            word = word[cut:]
        candidate = f"{current} {word}".strip()
        if current and count(candidate) > limit:
            out.append(current)
            current = word
        else:
            current = candidate
    if current:
        out.append(current)
    return out


def _batches(items: list, size: int) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def translate_segments(
    segments: list[Segment],
    engine,
    progress: Callable[[int], None] | None = None,
    on_done: Callable[[list[Segment]], None] | None = None,
) -> None:
    """Translate every segment whose ``target`` is None, in place.

    ``progress(n)`` is called with the number of segments finished by each engine
    call, and ``on_done(segments)`` with those segments, so that a caller (the
    translation memory) can store results as they arrive rather than at the end.
    """
    todo = [s for s in segments if s.target is None]
    # A "job" is one engine input: a whole segment, or one piece of a long one.
    jobs: list[tuple[Segment, str, list[Span]]] = []
    limit = engine.max_input_tokens
    for seg in todo:
        seg.spans = protect.resolve_overlaps(seg.spans)
        if limit and engine.count_tokens(seg.source) > limit:
            pieces = split_for_limit(seg.source, engine.count_tokens, limit)
            seg.flag("length", Severity.WARNING,
                     f"longer than the model's input limit ({limit} tokens): translated in {len(pieces)} parts")
            seg.spans = [s for s in seg.spans if not s.paired]
            for piece in pieces:
                jobs.append((seg, piece, _spans_in(seg.spans, seg.source, piece)))
        else:
            jobs.append((seg, seg.source, seg.spans))

    pending: dict[int, int] = {}
    for seg, _, _ in jobs:
        pending[id(seg)] = pending.get(id(seg), 0) + 1
    parts: dict[int, list[str]] = {}
    for batch in _batches(jobs, CHUNK):
        outputs = _translate_jobs(batch, engine)
        finished: list[Segment] = []
        for (seg, _, _), out in zip(batch, outputs):
            parts.setdefault(id(seg), []).append(out)
            pending[id(seg)] -= 1
            if pending[id(seg)] == 0:
                # Engines leave doubled spaces where they drop a word ("se").
                seg.target = " ".join(" ".join(parts.pop(id(seg))).split())
                seg.provenance = Provenance("engine", engine.name, engine.version)
                finished.append(seg)
        if on_done and finished:
            on_done(finished)
        if progress:
            progress(len(finished))


def _spans_in(spans: list[Span], source: str, piece: str) -> list[Span]:
    """Spans of ``source`` re-based onto ``piece`` (a substring of it)."""
    offset = source.find(piece)
    if offset < 0:
        return []
    end = offset + len(piece)
    out = []
    for s in spans:
        if offset <= s.start and s.end <= end:
            out.append(Span(s.start - offset, s.end - offset, s.kind, s.text, s.target, s.value, s.attrs))
    return out


def _translate_jobs(jobs: list[tuple[Segment, str, list[Span]]], engine) -> list[str]:
    if engine.markup:
        return _via_markup(jobs, engine)
    return _via_surrogates(jobs, engine)


def _via_markup(jobs, engine) -> list[str]:
    outputs = engine.translate_batch([protect.encode_markup(text, spans) for _, text, spans in jobs])
    unknown = getattr(engine, "last_unknown", [[] for _ in jobs])
    results: list[str | None] = []
    for (seg, text, spans), out, marks in zip(jobs, outputs, unknown):
        # Words inside a replaced span (a name such as *OpenAI) are not left untranslated.
        replaced = " ".join(s.text for s in spans if not s.paired)
        seg.unknown_words.extend(m for m in marks if m[1:] not in replaced)
        results.append(protect.restore_markup(out, spans, text) if spans else out)
    failed = [i for i, r in enumerate(results) if r is None]
    if failed:
        # Tags lost or reordered: Apertium copies digits reliably, so try surrogates.
        retry = _via_surrogates([jobs[i] for i in failed], engine, record_unknown=False)
        for i, r in zip(failed, retry):
            results[i] = r
    return results  # type: ignore[return-value]


def _via_surrogates(jobs, engine, record_unknown: bool = True) -> list[str]:
    encodings = [protect.encode_surrogates(text, spans) for _, text, spans in jobs]
    outputs = engine.translate_batch([e.text for e in encodings])
    if record_unknown and getattr(engine, "last_unknown", None):
        for (seg, _, _), marks in zip(jobs, engine.last_unknown):
            seg.unknown_words.extend(marks)
    results = [protect.restore_surrogates(out, enc) for out, enc in zip(outputs, encodings)]

    failed = [i for i, r in enumerate(results) if r is None]
    if failed:
        repaired = _repair(([jobs[i] for i in failed]), engine)
        for i, r in zip(failed, repaired):
            results[i] = r
    _reapply_marks(jobs, encodings, results, engine)
    return results  # type: ignore[return-value]


def _repair(jobs, engine) -> list[str]:
    """Last resort for spans an engine lost: translate the plain Spanish and, where the
    engine can align (CTranslate2 attention), replace its rendering of each span;
    otherwise keep the unprotected translation and flag the spans not enforced."""
    texts = [text for _, text, _ in jobs]
    aligner = getattr(engine, "translate_aligned", None)
    if aligner is not None:
        outputs = aligner(texts, [spans for _, _, spans in jobs])
    else:
        outputs = [(o, []) for o in engine.translate_batch(texts)]
    results = []
    for (seg, _, spans), (out, missed) in zip(jobs, outputs):
        if aligner is None:
            missed = [s for s in spans if not s.paired]
        for s in missed:
            seg.flag("protect", Severity.WARNING,
                     f"{s.kind} “{s.text}” could not be enforced as “{s.target}”")
        results.append(out)
    return results


def _reapply_marks(jobs, encodings, results, engine) -> None:
    """Put emphasis/links back for engines that cannot carry markup."""
    wanted = [(i, span) for i, enc in enumerate(encodings) for span in enc.paired if results[i] is not None]
    if not wanted:
        return
    inner = [jobs[i][1][span.start + len(span.attrs["open"]): span.end - len(span.attrs["close"])] for i, span in wanted]
    translations = engine.translate_batch(inner)
    for (i, span), tr in zip(wanted, translations):
        results[i], found = protect.reapply_paired(results[i], span, tr)
        if not found:
            jobs[i][0].flag("markup", Severity.WARNING, f"{span.kind} on “{span.text}” could not be placed in the English")

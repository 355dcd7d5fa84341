"""translate + restore: fill ``Segment.target`` for every segment that has none.

All segments of a run go to the engine together, in large batches, each encoded
with its protected spans (pipeline.protect). Segments over the model's input limit
are split at clause boundaries first. When an engine loses a protected span, the
segment is retried another way and, failing that, translated unprotected and flagged.
"""

from __future__ import annotations

import os
import re
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

from . import protect
from .model import Provenance, Segment, Severity, Span

#: Segments handed to the engine per call (unless the engine sets ``batch_segments``);
#: progress is reported, and the translation memory stores, between calls.
CHUNK = 512

K = TypeVar("K")


def _clauses(text: str) -> list[str]:
    """Split at clause punctuation, keeping the punctuation with its clause."""
    parts = re.split(r"(?<=[,;:])\s+|\s+(?=[-–—(])", text)
    return [p for p in parts if p.strip()]


def split_for_limit(text: str, count: Callable[[str], int], limit: int, part: int | None = None) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` tokens — clause boundaries first,
    then word boundaries, then characters for a single enormous token — packing
    clauses into parts of about ``part`` tokens (default: the limit)."""
    if count(text) <= limit:
        return [text]
    part = min(part or limit, limit)
    units: list[str] = []
    for clause in _clauses(text):
        units.extend([clause] if count(clause) <= part else _by_words(clause, count, part))
    return _pack(units, count, part)


def _by_words(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    pieces: list[str] = []
    words: list[str] = []
    for word in text.split():
        if count(word) <= limit:
            words.append(word)
            continue
        # One "word" longer than the limit: its cuts stay apart (no space between them).
        pieces.extend(_pack(words, count, limit))
        words = []
        pieces.extend(_cut_word(word, count, limit))
    return pieces + _pack(words, count, limit)


def _cut_word(word: str, count: Callable[[str], int], limit: int) -> list[str]:
    if count(word) <= limit or len(word) == 1:
        return [word]
    cut = len(word) // 2
    return _cut_word(word[:cut], count, limit) + _cut_word(word[cut:], count, limit)


def _pack(units: list[str], count: Callable[[str], int], limit: int) -> list[str]:
    """Join consecutive units with spaces into pieces of at most ``limit`` tokens."""
    pieces: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current} {unit}".strip()
        if current and count(candidate) > limit:
            pieces.append(current)
            current = unit
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def default_workers() -> int:
    """CPU cores this process may run on (its affinity mask, else the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _jobs_for(segments: list[Segment], engine) -> list[tuple[Segment, str, list[Span]]]:
    """Engine inputs for every segment without a target: the whole segment, or the
    pieces of one over the model's input limit."""
    jobs: list[tuple[Segment, str, list[Span]]] = []
    limit = engine.max_input_tokens
    for seg in segments:
        if seg.target is not None:
            continue
        codes = [s for s in seg.spans if s.inline_code]
        if codes:
            # The source format's inline codes, all of them, for protect.land_codes; the
            # isolated ones (tabs, footnote references) are placed after the engine.
            seg.found.setdefault("inline", codes)
            seg.spans = [s for s in seg.spans if not (s.inline_code and not s.paired)]
            seg.spans += protect.anchor_points(seg.source, codes)
        seg.spans = protect.resolve_overlaps(seg.spans)
        if limit and engine.count_tokens(seg.source) > limit:
            # Parts of a quarter of the limit: models trained on sentences drop
            # content from inputs near their limit (the test model keeps one clause).
            pieces = split_for_limit(seg.source, engine.count_tokens, limit, part=max(32, limit // 4))
            seg.flag("length", Severity.WARNING,
                     f"longer than the model's input limit ({limit} tokens): translated in {len(pieces)} parts")
            seg.spans = [s for s in seg.spans if not s.paired]
            for piece in pieces:
                jobs.append((seg, piece, _spans_in(seg.spans, seg.source, piece)))
        else:
            jobs.append((seg, seg.source, seg.spans))
    return jobs


class _Item:
    """One caller item (a document's segments) while its jobs are in flight."""

    __slots__ = ("key", "segments", "remaining")

    def __init__(self, key, segments: list[Segment], remaining: int):
        self.key, self.segments, self.remaining = key, segments, remaining


def first_batch(chunk: int) -> int:
    """The size of a run's first batch, small so that the engine starts early."""
    return max(16, chunk // 8)


def translate_stream(
    items: Iterable[tuple[K, list[Segment]]],
    engine,
    *,
    workers: int | None = None,
    chunk: int | None = None,
    submit: Callable[[list[tuple[Segment, str, list[Span]]]], Future] | None = None,
) -> Iterator[tuple[str, K, list[Segment]]]:
    """Translate the segments of many items (documents) as one stream of engine batches.

    Yields ``("batch", key, segments)`` with the segments of item ``key`` that an engine
    batch finished, and ``("item", key, segments)`` once every segment of an item has
    its target; items finish in input order. Segments that already have a target (from
    the translation memory) are left alone.

    ``items`` is read lazily, only when the engine needs more work: the caller's
    preparation of the next document (inside its iterator) and its handling of a
    finished one (between two yields) run while the engine decodes the batches
    already submitted. Up to ``workers`` batches run at once (Apertium: one process
    each; CTranslate2: one batch per ``inter_threads`` replica; both release the GIL),
    plus one queued, so the engine never waits for Python. Batches may span documents;
    the last ones are split evenly so no core idles at the end.

    ``submit(jobs)``, when given, runs a batch elsewhere instead of in this process's
    threads (pipeline.cluster): it returns a Future of what ``_translate_jobs`` returns,
    having applied to the jobs' segments what it adds to them (flags, unknown words).
    """
    workers = workers or getattr(engine, "parallel_batches", 1) or 1
    chunk = chunk or getattr(engine, "batch_segments", CHUNK) or CHUNK
    source = iter(items)
    exhausted = False
    order: deque[_Item] = deque()  # items not yet finished, in input order
    buffer: deque[tuple[tuple[Segment, str, list[Span]], _Item]] = deque()
    inflight: deque[tuple[Future, list]] = deque()
    pending: dict[int, int] = {}  # id(segment) → jobs not back yet
    parts: dict[int, list[str]] = {}

    def pull(need: int) -> None:
        nonlocal exhausted
        while len(buffer) < need and not exhausted:
            try:
                key, segments = next(source)
            except StopIteration:
                exhausted = True
                return
            jobs = _jobs_for(segments, engine)
            for seg, _, _ in jobs:
                pending[id(seg)] = pending.get(id(seg), 0) + 1
            item = _Item(key, segments, len({id(seg) for seg, _, _ in jobs}))
            order.append(item)
            buffer.extend((job, item) for job in jobs)

    # One thread more than batches at once: the queued batch is handed to the engine
    # (written into the running Apertium pipeline, tokenised for CTranslate2) while
    # the others are translated, so the engine never waits between batches.
    pool = ThreadPoolExecutor(max_workers=workers + 1, thread_name_prefix="es2en-engine")
    # The first batch is small (a run's first piece is too, run.translate_documents):
    # the engine starts while the rest of the first pieces are prepared.
    size = first_batch(chunk)
    try:
        while True:
            while len(inflight) <= workers:
                pull(size)
                if not buffer:
                    break
                if exhausted and len(buffer) < chunk * workers:
                    # The tail: share what is left between the workers, in batches
                    # that shrink towards the end, so that no core waits long for the last.
                    size = max(16, -(-len(buffer) // workers))
                batch = [buffer.popleft() for _ in range(min(size, len(buffer)))]
                jobs = [job for job, _ in batch]
                future = submit(jobs) if submit else pool.submit(_translate_jobs, jobs, engine)
                inflight.append((future, batch))
                size = chunk
            while order and order[0].remaining == 0:
                item = order.popleft()
                yield "item", item.key, item.segments
            if not inflight:
                break
            future, batch = inflight.popleft()
            outputs = future.result()
            finished: dict[int, tuple[_Item, list[Segment]]] = {}
            for ((seg, _, _), item), out in zip(batch, outputs):
                parts.setdefault(id(seg), []).append(out)
                pending[id(seg)] -= 1
                if pending[id(seg)] == 0:
                    del pending[id(seg)]
                    # Engines leave doubled spaces where they drop a word ("se").
                    protect.land_codes(seg, " ".join(" ".join(parts.pop(id(seg))).split()))
                    seg.provenance = Provenance("engine", engine.name, engine.version)
                    finished.setdefault(id(item), (item, []))[1].append(seg)
                    item.remaining -= 1
            for item, segs in finished.values():
                yield "batch", item.key, segs
    finally:
        for future, _ in inflight:
            future.cancel()
        pool.shutdown(wait=True)


def translate_segments(
    segments: list[Segment],
    engine,
    progress: Callable[[int], None] | None = None,
    on_done: Callable[[list[Segment]], None] | None = None,
    workers: int | None = None,
) -> None:
    """Translate every segment whose ``target`` is None, in place.

    ``progress(n)`` is called with the number of segments finished by each engine
    call, and ``on_done(segments)`` with those segments, so that a caller (the
    translation memory) can store results as they arrive rather than at the end.
    Both are called in the caller's thread.
    """
    for kind, _, segs in translate_stream([(None, segments)], engine, workers=workers):
        if kind != "batch":
            continue
        if on_done and segs:
            on_done(segs)
        if progress:
            progress(len(segs))


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
    partial = [protect.restore_surrogates_partial(out, enc) for out, enc in zip(outputs, encodings)]
    results: list[str | None] = [text if not lost else None for text, lost in partial]

    failed = [i for i, r in enumerate(results) if r is None]
    if failed:
        repaired = _repair([jobs[i] for i in failed], [encodings[i] for i in failed], [partial[i] for i in failed],
                           engine)
        for i, r in zip(failed, repaired):
            results[i] = r
    _reapply_marks(jobs, encodings, results, engine)
    return results  # type: ignore[return-value]


def _repair(jobs, encodings, partial, engine) -> list[str]:
    """For segments whose surrogates did not all come back, three candidates:

    1. the surrogate output with the surrogates that did come back restored;
    2. where the engine can align (CTranslate2 attention): the surrogate text again,
       with whatever the engine made of each surrogate ("200", "20d") replaced by the
       span's English — the word aligned to the surrogate is its mangled copy;
    3. likewise, the plain Spanish translated and the rendering of each span replaced.

    The one that enforces the most spans wins (in that order on ties); the spans it
    still misses are flagged."""
    aligner = getattr(engine, "translate_aligned", None)
    if aligner is not None:
        on_surrogates = aligner([e.text for e in encodings], [e.surrogate_spans() for e in encodings])
        on_plain = [(text, missed) for text, missed, _ in
                    aligner([text for _, text, _ in jobs], [spans for _, _, spans in jobs])]
    else:
        plain = engine.translate_batch([text for _, text, _ in jobs])
        on_surrogates = [(None, [], "") for _ in jobs]
        on_plain = [(o, [s for s in spans if not s.paired]) for o, (_, _, spans) in zip(plain, jobs)]
    results = []
    for (seg, _, spans), enc, first, second, third in zip(jobs, encodings, partial, on_surrogates, on_plain):
        text2, missed2, rest2 = second
        if text2 is not None and protect.has_leftover_surrogate(rest2, enc):
            text2 = None  # a mangled surrogate the alignment did not catch
        # Map the surrogate spans that were missed back to the spans they stand for.
        second = (text2, [enc.surrogates[s.text] for s in missed2])
        candidates = [c for c in (first, second, third) if c[0] is not None]
        best = min(candidates, key=lambda c: len(c[1]))
        text, missed = best
        if best is not first:
            seg.flag("protect", Severity.INFO,
                     "the engine lost a placeholder; terms were placed by attention alignment: check word order")
        for s in missed:
            seg.flag("protect", Severity.WARNING,
                     f"{s.kind} “{s.text}” could not be enforced as “{s.target}”")
        results.append(text)
    return results


def _reapply(results, i: int, span: Span, english: str) -> bool:
    results[i], found = protect.reapply_paired(results[i], span, english)
    return found


def _reapply_marks(jobs, encodings, results, engine) -> None:
    """Put emphasis/links back for engines that cannot carry markup."""
    wanted = [(i, span) for i, enc in enumerate(encodings) for span in enc.paired if results[i] is not None]
    if not wanted:
        return
    inner = [jobs[i][1][span.start + len(span.attrs["open"]): span.end - len(span.attrs["close"])] for i, span in wanted]
    translations = engine.translate_batch(inner)
    lost = [(i, span, tr) for (i, span), tr in zip(wanted, translations)
            if not _reapply(results, i, span, tr)]
    aligner = getattr(engine, "aligned_ranges", None)
    if aligner is not None and any(span.inline_code for _, span, _ in lost):
        # An inline code's words rendered otherwise in context: the English that the
        # engine's attention aligns with them, decoding the plain Spanish alone, found
        # in the sentence's English (pipeline.engines.argos.ArgosEngine.aligned_ranges).
        todo = sorted({i for i, span, _ in lost if span.inline_code})
        asked = {i: [s for j, s, _ in lost if j == i and s.inline_code] for i in todo}
        answers = aligner([jobs[i][1] for i in todo], [[(s.start, s.end) for s in asked[i]] for i in todo])
        placed = set()
        for i, (out, ranges) in zip(todo, answers):
            for span, r in zip(asked[i], ranges):
                if r is not None and _reapply(results, i, span, out[r[0]:r[1]]):
                    placed.add(id(span))
        lost = [item for item in lost if id(item[1]) not in placed]
    for i, span, tr in lost:
        if span.kind in ("link", "image") or (span.inline_code and span.attrs.get("label") == "link"):
            # Never drop a URL: give the link after the sentence, with its text translated alone.
            o, c = protect._delims(span)
            results[i] = f"{results[i].rstrip()} ({o}{tr.strip()}{c})"
            jobs[i][0].flag("markup", Severity.WARNING,
                            f"{span.kind} “{span.text}” could not be placed in the English: given after the sentence")
        elif span.kind == "footnote":  # a Markdown footnote reference: never lost either
            text = results[i].rstrip()
            end = re.search(r"[.!?…:;]*[\"'”»)]*$", text).start()  # on the last word, before its full stop
            results[i] = text[:end] + span.attrs["close"] + text[end:]
            jobs[i][0].flag("markup", Severity.WARNING, f"footnote reference {span.attrs['close']} on "
                            f"“{span.text[:-len(span.attrs['close'])]}” could not be placed: given at the sentence's end")
        elif not span.inline_code:  # an inline code is placed and flagged by protect.land_codes
            jobs[i][0].flag("markup", Severity.WARNING, f"{span.kind} on “{span.text}” could not be placed in the English")

"""The pipeline as a list of stages, and ``translate_documents`` — what the CLI calls.

    ingest → segment → protect (numbers, glossary terms) → memory → translate/restore
           → qa → emit

Each stage is a plain function over the Document model; this module only wires
them in order and collects per-file results.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .errors import Es2enError, InputError
from .model import Block, Document, RunInfo, Segment, Span


@dataclass
class TranslateOptions:
    engine: str = "auto"
    device: str = "auto"
    beam_size: int | None = None
    formats: tuple[str, ...] = ("docx", "md", "en.md", "en.docx")  # en.docx: .docx sources only
    #: None: every file in the default glossaries/ folder; []: no glossary.
    glossaries: list[Path] | None = None
    #: Skip malformed glossary lines with a warning instead of stopping.
    lenient_glossary: bool = False
    source_locale: str = "auto"
    dollar_sign: str = "auto"
    #: Translation memory file (pipeline.memory); None: no memory.
    memory: Path | None = None
    #: Engine batches translated at once (Apertium processes, CTranslate2 replicas);
    #: None: one per CPU core present. With ``cluster``: worker actors (None: one per CPU).
    jobs: int | None = None
    #: Run the engine batches on a Ray cluster: "ray://HOST:PORT", "HOST:PORT", "local"
    #: (pipeline.cluster); None: in this process.
    cluster: str | None = None


#: Documents read in the counting pass are kept for translation while together they
#: hold at most this many segments; beyond it they are read again (bounded memory).
KEEP_SEGMENTS = 20_000


@dataclass
class FileResult:
    path: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    segments: int = 0
    seconds: float = 0.0
    engine: str = ""
    error: str | None = None
    notices: list[str] = field(default_factory=list)


# ------------------------------------------------------------------- segment

def segment_block(doc_id: str, block_no: int, block: Block) -> list[Segment]:
    """Sentences of one block, with the reader's spans re-based onto each sentence.
    A sentence boundary never falls inside a reader span (a URL, code, a link)."""
    from .segment import sentence_spans

    bounds = sentence_spans(block.text)
    merged: list[tuple[int, int]] = []
    for start, end in bounds:
        if merged and any(s.start < start < s.end for s in block.spans):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    segments = []
    for n, (start, end) in enumerate(merged, 1):
        spans = [
            Span(s.start - start, s.end - start, s.kind, s.text, s.target, s.value, dict(s.attrs))
            for s in block.spans
            if start <= s.start and s.end <= end
        ]
        segments.append(Segment(id=f"{doc_id}/{block_no}/{n}", source=block.text[start:end], spans=spans))
    return segments


def segment_document(doc: Document) -> None:
    for block_no, block in enumerate(doc.blocks, 1):
        block.segments = segment_block(doc.id, block_no, block) if block.translatable else []


# ------------------------------------------------------------------- protect

@dataclass
class SpanFinders:
    """What the protect stage looks for, prepared once per run."""

    glossary: object | None = None  # pipeline.glossary.Glossary
    matcher: object | None = None
    number_options: object | None = None

    @classmethod
    def prepare(cls, options: TranslateOptions) -> "SpanFinders":
        finders = cls()
        if options.glossaries is None or options.glossaries:
            from .glossary import default_glossary_paths, load_glossaries

            paths = default_glossary_paths() if options.glossaries is None else options.glossaries
            if paths:
                # A malformed file stops the run here, before anything is translated.
                finders.glossary = load_glossaries(list(paths), lenient=options.lenient_glossary)
                finders.matcher = finders.glossary.matcher()
        from .numbers import NumberOptions

        finders.number_options = NumberOptions(source_locale=options.source_locale, dollar_sign=options.dollar_sign)
        return finders

    def locate(self, doc: Document):
        """The document's number locale (decimal comma or point…), guessed once from
        its whole text and kept on it for the spans and QA of every segment."""
        if doc.locale_guess is None:
            from .numbers import infer_locale

            text = "\n".join(b.text for b in doc.blocks if b.translatable)
            doc.locale_guess = infer_locale(text, self.number_options)
            doc.metadata.setdefault("source_locale", getattr(doc.locale_guess, "locale", ""))
        return doc.locale_guess

    def apply(self, doc: Document, segments: list[Segment] | None = None) -> None:
        """Find the numbers and glossary terms of ``segments`` (default: all of the
        document's) and add them to each segment's spans."""
        from .numbers import find_numbers

        guess = self.locate(doc)
        for seg in doc.segments if segments is None else segments:
            numbers = find_numbers(seg.source, guess, self.number_options)
            for span in numbers:
                if span.attrs.get("ambiguous"):
                    seg.flag("numbers", "warning", span.attrs.get("reason", f"ambiguous number “{span.text}”"))
            terms = self.matcher.find(seg.source) if self.matcher is not None else []
            seg.found = {"numbers": numbers, "terms": terms}
            seg.spans.extend([*numbers, *terms])


# ------------------------------------------------------------------------ qa

def run_qa(doc: Document, finders: SpanFinders, segments: list[Segment] | None = None) -> None:
    """Flag each translated segment of ``segments`` (default: the whole document)
    (pipeline.qa): the outputs show the flags."""
    from .qa import QAContext, run_checks

    ctx = QAContext.from_finders(finders, locale_guess=finders.locate(doc))
    run_checks(doc if segments is None else segments, ctx)


# ------------------------------------------------------------------ the run

def _first_pass(files) -> tuple[list[FileResult], list[FileResult], dict[int, Document]]:
    """Read and segment every file, only to count segments (the progress bar's total,
    hence its ETA) and to find unreadable files before any work: (every file's result,
    those to translate, the documents kept). Documents are kept only while the kept
    ones stay small; the rest are read again when their turn comes, so memory holds
    about one document at a time."""
    from .ingest import read_document

    results: list[FileResult] = []
    queue: list[FileResult] = []
    kept: dict[int, Document] = {}
    kept_segments = 0
    claimed: dict[str, Path] = {}  # output name → the file that took it
    for path in files:
        result = FileResult(path)
        try:
            doc = read_document(path)
            if doc.id in claimed:
                raise InputError(f"its outputs would overwrite those of {claimed[doc.id]} (same name {doc.id!r}); "
                                 "translate them into different --out folders", path)
            claimed[doc.id] = path
            segment_document(doc)
            result.segments = len(doc.segments)
            if kept_segments + result.segments <= KEEP_SEGMENTS:
                kept[id(result)] = doc
                kept_segments += result.segments
            queue.append(result)
        except Es2enError as err:
            result.error = str(err)
        results.append(result)
    return results, queue, kept


def _pieces(n: int, piece: int, first: bool = False, last: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the pieces a document of ``n`` segments enters the engine stream
    in: ``piece`` segments each, the run's first and last pieces small
    (translate.first_batch) so that the engine starts early and little QA is left
    after its last batch."""
    from .translate import first_batch

    small = first_batch(piece)
    body_end = n - small if last and n > 2 * small else n
    cuts, start, size = [], 0, small if first else piece
    while start < body_end:
        cuts.append((start, min(start + size, body_end)))
        start, size = cuts[-1][1], piece
    if start < n:
        cuts.append((start, n))
    return cuts or [(0, 0)]


def translate_documents(
    paths: list[str | Path],
    out_dir: str | Path,
    options: TranslateOptions | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[FileResult]:
    """Translate files/directories/globs into ``out_dir``; one FileResult per file.

    A file that fails (unreadable, empty, corrupt) gets its error in its result and
    leaves no output; the other files still run. Engine errors stop the run.
    """
    from .emit import prepare_writers, write_outputs
    from .engines import select_engine
    from .ingest import iter_input_files, read_document
    from .translate import translate_stream

    options = options or TranslateOptions()
    out_dir = Path(out_dir)
    files = iter_input_files([str(p) for p in paths])
    # The engine loads (the CTranslate2 model, Apertium's pipeline) while the glossaries
    # load and the files are read: a few hundredths of a second each.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="es2en-load") as loader:
        loading = loader.submit(select_engine, options.engine, options.device, options.beam_size, jobs=options.jobs)
        try:
            finders = SpanFinders.prepare(options)
            results, queue, kept = _first_pass(files)
        except BaseException:
            loading.result().engine.close()  # an engine error still comes first
            raise
        choice = loading.result()
    engine = choice.engine
    if choice.warning and on_warning:
        on_warning(choice.warning)
    if finders.glossary is not None and on_warning:
        for conflict in finders.glossary.conflicts:
            on_warning(f"glossary conflict: {conflict}")
        for skipped in finders.glossary.warnings:
            on_warning(f"glossary: {skipped}")
    for result in results:
        result.engine = engine.name
        if result.error and on_file:
            on_file(result)
    run = RunInfo(
        engine=engine.name,
        model_version=engine.version,
        glossaries=[str(p) for p in getattr(finders.glossary, "files", [])],
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )

    total = sum(r.segments for r in queue)
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        if on_progress:
            on_progress(done, total)

    memory = cluster = None
    piece = getattr(engine, "batch_segments", None) or 512

    def prepared():
        """((result, doc, memory key, last piece?), segments): each document in pieces
        of an engine batch (the run's first and last pieces smaller: _pieces), its spans
        found and the memory asked piece by piece. Runs in this thread whenever the
        engine needs more work, so a piece is prepared while the engine translates the
        one before."""
        for result in queue:
            result.seconds = -time.perf_counter()
            try:
                doc = kept.pop(id(result), None)
                if doc is None:
                    doc = read_document(result.path)
                    segment_document(doc)
                finders.locate(doc)
            except Es2enError as err:
                result.error = str(err)
                if on_file:
                    on_file(result)
                continue
            result.notices = list(doc.notices)
            key = run_engine_key(engine, options, finders, doc) if memory is not None else None
            segments = doc.segments
            filled = 0
            cuts = _pieces(len(segments), piece, first=result is queue[0], last=result is queue[-1])
            for start, end in cuts:
                part = segments[start:end]
                finders.apply(doc, part)
                if memory is not None and (n := memory.fill(part, key)):
                    filled += n
                    progress(n)
                last = end == len(segments)
                if last and filled:
                    result.notices.append(f"{filled} of {len(segments)} segments from the translation memory")
                yield (result, doc, key, last), part
                if result is queue[0] and start == 0:
                    # The engine has the run's first batch: the writers' imports now,
                    # not after its last batch, when nothing else would run.
                    prepare_writers(options.formats)

    try:
        if options.memory is not None:  # translation memory: fill before the engine, store as it goes
            from .memory import TranslationMemory, run_engine_key

            memory = TranslationMemory(options.memory)
        stream_kw = {"workers": options.jobs}
        if options.cluster:  # batches go to worker actors on a Ray cluster
            from .cluster import RayTranslator

            cluster = RayTranslator(options.cluster, engine, device=options.device, workers=options.jobs)
            stream_kw = {"workers": cluster.workers, "chunk": cluster.chunk, "submit": cluster.submit}
        # Engine batches run in worker threads; this thread prepares the next document
        # and writes the finished one meanwhile (pipeline.translate.translate_stream).
        for event, (result, doc, key, last), segs in translate_stream(prepared(), engine, **stream_kw):
            if event == "batch":
                if memory is not None:
                    memory.store_machine(segs, key)
                progress(len(segs))
                continue
            # A piece of a document has all its English: its QA runs while the engine
            # goes on with the next pieces; the outputs wait for the last.
            run_qa(doc, finders, segs)
            if not last:
                continue
            doc_run = RunInfo(**{**run.__dict__, "source_locale": doc.metadata.get("source_locale", "")})
            try:
                result.outputs = write_outputs(doc, out_dir, doc_run, options.formats)
                if memory is not None:
                    memory.record_outputs(doc.segments, str(doc.path), key)
            except Es2enError as err:
                result.error = str(err)
            result.seconds += time.perf_counter()
            if on_file:
                on_file(result)
    finally:
        if cluster is not None:
            cluster.close()
        engine.close()
        if memory is not None:
            memory.close()
    return results


def translate_lines(lines: list[str], options: TranslateOptions | None = None,
                    on_warning: Callable[[str], None] | None = None) -> list[str]:
    """Translate each line as one paragraph; the result has exactly as many lines."""
    from .engines import select_engine
    from .model import BlockKind
    from .translate import translate_segments

    options = options or TranslateOptions()
    doc = Document(path=Path("<stdin>"), id="stdin", format="txt",
                   blocks=[Block(BlockKind.PARAGRAPH, " ".join(line.split())) for line in lines])
    segment_document(doc)
    if not doc.segments:
        return ["" for _ in lines]
    choice = select_engine(options.engine, options.device, options.beam_size, jobs=options.jobs)
    if choice.warning and on_warning:
        on_warning(choice.warning)
    SpanFinders.prepare(options).apply(doc)
    try:
        translate_segments(doc.segments, choice.engine)
    finally:
        choice.engine.close()
    return [b.target if b.text else "" for b in doc.blocks]

"""The pipeline as a list of stages, and ``translate_documents`` — what the CLI calls.

    ingest → segment → protect (numbers, glossary terms) → memory → translate/restore
           → qa → emit

Each stage is a plain function over the Document model; this module only wires
them in order and collects per-file results.
"""

from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

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
    #: Largest part a .docx may inflate to, in bytes (pipeline.ingest.limits); None: 100 MB.
    max_part_size: int | None = None


#: Documents read in the counting pass are kept for translation while together they
#: hold at most this many segments; beyond it they are read again (bounded memory).
#: ES2EN_KEEP_SEGMENTS overrides it (tests and bench/output_hashes.py: 0 reads every
#: document again, streamed).
KEEP_SEGMENTS = int(os.environ.get("ES2EN_KEEP_SEGMENTS", 20_000))


@dataclass
class FileResult:
    path: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    segments: int = 0
    seconds: float = 0.0
    engine: str = ""
    error: str | None = None
    notices: list[str] = field(default_factory=list)
    #: QA findings in the document's segments, by severity (for the summary and --fail-on)
    qa_errors: int = 0
    qa_warnings: int = 0


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
    #: per document id: the money its segments named last (see LocaleGuess.prior_currency)
    running_currency: dict = field(default_factory=dict)

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

    def locate(self, doc: Document, texts: Iterable[str] | None = None):
        """The document's number locale (decimal comma or point…), guessed once from
        its whole text (or ``texts``, its translatable blocks' texts: the first pass's
        sample of a streamed document) and kept on it for the spans and QA of every
        segment."""
        if doc.locale_guess is None:
            from .numbers import infer_locale

            texts = (b.text for b in doc.blocks if b.translatable) if texts is None else texts
            doc.locale_guess = infer_locale("\n".join(texts), self.number_options)
            doc.metadata.setdefault("source_locale", getattr(doc.locale_guess, "locale", ""))
        return doc.locale_guess

    def apply(self, doc: Document, segments: list[Segment] | None = None,
              owner: dict[int, Block] | None = None) -> None:
        """Find the numbers and glossary terms of ``segments`` (default: all of the
        document's) and add them to each segment's spans."""
        from .numbers import find_numbers

        from dataclasses import replace

        from .numbers import paragraph_guess
        from .numbers.parse import last_currency

        guess = self.locate(doc)
        by_block: dict[int, object] = {}  # a paragraph's guess, once for all its sentences
        for seg in doc.segments if segments is None else segments:
            # the country a paragraph names wins over the document's for its currency; the
            # money named last before this segment is the currency of a figure naming none
            block = owner.get(id(seg)) if owner is not None else _block_of(doc, seg)
            if block is None:
                here = guess
            elif (here := by_block.get(id(block))) is None:
                here = by_block[id(block)] = paragraph_guess(guess, block.text)
            # (named in the last two segments: an article's money, not another article's)
            running = self.running_currency.get(doc.id)
            if running and running[2] >= 2:
                running = None
            if running:
                here = replace(here, prior_currency=running[:2])
            numbers = find_numbers(seg.source, here, self.number_options)
            named = last_currency(numbers)
            self.running_currency[doc.id] = (*named, 0) if named else (running[:2] + (running[2] + 1,) if running else None)
            for span in numbers:
                if span.attrs.get("ambiguous"):
                    seg.flag("numbers", "warning", span.attrs.get("reason", f"ambiguous number “{span.text}”"))
            terms = self.matcher.find(seg.source) if self.matcher is not None else []
            seg.found = {"numbers": numbers, "terms": terms}
            seg.spans.extend([*numbers, *terms])


def _block_of(doc: Document, seg: Segment) -> Block | None:
    """The block a segment came from (its id is "doc/block/n", see segment_block)."""
    try:
        return doc.blocks[int(seg.id.rsplit("/", 2)[-2]) - 1]
    except (ValueError, IndexError):
        return None


# ------------------------------------------------------------------------ qa

def run_qa(doc: Document, finders: SpanFinders, segments: list[Segment] | None = None) -> None:
    """Flag each translated segment of ``segments`` (default: the whole document)
    (pipeline.qa): the outputs show the flags."""
    from .qa import QAContext, run_checks

    ctx = QAContext.from_finders(finders, locale_guess=finders.locate(doc))
    run_checks(doc if segments is None else segments, ctx)


# ------------------------------------------------------------------ the run

#: A streamed document's number locale is guessed from its first this many characters
#: of translatable text (the whole text of any shorter document): enough evidence for
#: the decimal mark, and memory stays bounded.
LOCALE_SAMPLE_CHARS = 2_000_000


def open_blocks(path: Path) -> tuple[Document, Iterator[Block]]:
    """A document and its blocks one at a time, as read_document would give them
    (blank blocks dropped; InputError for one with no text, raised once its blocks
    are all read). A UTF-8 .txt is read as its blocks are wanted (ingest.text.
    stream_text), and a .docx one top-level paragraph or table at a time (ingest.
    docx_reader.stream_docx), so memory holds a paragraph of it at a time; other
    files are read whole and their blocks handed out (and let go) one by one."""
    from .ingest import document_id, read_document
    from .ingest.encoding import is_blank

    path = Path(path)
    suffix = path.suffix.lower()
    opened = None
    if suffix == ".txt" and path.is_file():
        from .ingest.text import stream_text

        opened = stream_text(path, document_id(path))
    elif suffix == ".docx" and path.is_file():
        from .ingest.docx_reader import stream_docx

        opened = stream_docx(path, document_id(path))
    if opened is not None:
        doc, blocks = opened
        return doc, _readable(path, (b for b in blocks if not (b.translatable and is_blank(b.text))))
    doc = read_document(path)
    held = deque(doc.blocks)
    doc.blocks = []

    def drain() -> Iterator[Block]:
        while held:
            yield held.popleft()

    return doc, drain()


def _readable(path: Path, blocks: Iterator[Block]) -> Iterator[Block]:
    """``blocks``, then read_document's error for a document with nothing to translate."""
    translatable = text = False
    for block in blocks:
        translatable = translatable or block.translatable
        text = text or bool(block.text.strip())
        yield block
    if not translatable:
        what = "empty document" if not text else "nothing but code/metadata"
        raise InputError(f"no text to translate ({what})", path)


@dataclass
class _Read:
    """What the first pass learnt of a document: the document itself (metadata,
    notices, number locale), its blocks when small enough to keep (else None: read
    again in its turn)."""

    doc: Document
    blocks: list[Block] | None


def _first_pass(files, finders: "SpanFinders") -> tuple[list[FileResult], list[FileResult], dict[int, _Read]]:
    """Read and segment every file, only to count segments (the progress bar's total,
    hence its ETA) and to find unreadable files before any work: (every file's result,
    those to translate, what was read of each). Documents are kept only while the kept
    ones stay small; the rest are read again when their turn comes, and a streamed one
    (open_blocks) is never held whole: its number locale is guessed here from its
    first LOCALE_SAMPLE_CHARS of text."""
    results: list[FileResult] = []
    queue: list[FileResult] = []
    read: dict[int, _Read] = {}
    kept_segments = 0
    claimed: dict[str, Path] = {}  # output name → the file that took it
    for path in files:
        result = FileResult(path)
        try:
            doc, blocks = open_blocks(path)
            if doc.id in claimed:
                raise InputError(f"its outputs would overwrite those of {claimed[doc.id]} (same name {doc.id!r}); "
                                 "translate them into different --out folders", path)
            held: list[Block] | None = []
            sample: list[str] = []
            sampled = 0
            for block_no, block in enumerate(blocks, 1):
                if block.translatable:
                    block.segments = segment_block(doc.id, block_no, block)
                    result.segments += len(block.segments)
                    if sampled < LOCALE_SAMPLE_CHARS:
                        sample.append(block.text)
                        sampled += len(block.text) + 1
                else:
                    block.segments = []
                if held is not None:
                    held.append(block)
                    if kept_segments + result.segments > KEEP_SEGMENTS:
                        held = None  # too large to keep: read again in its turn
            claimed[doc.id] = path
            if held is not None:
                kept_segments += result.segments
                doc.blocks = held
            else:
                finders.locate(doc, sample)
            read[id(result)] = _Read(doc, held)
            queue.append(result)
        except Es2enError as err:
            result.error = str(err)
        results.append(result)
    return results, queue, read


class _Cursor:
    """Hands out a document's segments in pieces, reading (and segmenting) its blocks
    as they are needed, and says which blocks each piece completes."""

    def __init__(self, doc: Document, blocks: Iterator[Block], segmented: bool):
        self.doc, self.blocks, self.segmented = doc, blocks, segmented
        self.block_no = 0
        self.current: Block | None = None
        self.pos = 0
        #: The block of each segment of the last piece (by id(segment)): the number stage
        #: reads the paragraph's own country cues, and doc.blocks is not kept while streaming.
        self.owner: dict[int, Block] = {}

    def _next_block(self) -> Block | None:
        block = next(self.blocks, None)
        if block is not None:
            self.block_no += 1
            if not self.segmented:
                block.segments = segment_block(self.doc.id, self.block_no, block) if block.translatable else []
        return block

    def take(self, n: int, last: bool) -> tuple[list[Segment], list[Block]]:
        """(the next ``n`` segments, the blocks whose segments are all handed out by
        now, in order); ``last``: the document's last piece, which takes every block left."""
        segments: list[Segment] = []
        done: list[Block] = []
        self.owner = {}
        while True:
            if self.current is not None and self.pos == len(self.current.segments):
                done.append(self.current)
                self.current = None
            if len(segments) == n and not last:
                break
            if self.current is None:
                self.current, self.pos = self._next_block(), 0
                if self.current is None:
                    break
                continue
            if len(segments) == n:  # the last piece: only blocks without segments may follow
                raise InputError("the file changed while it was being translated", self.doc.path)
            k = min(n - len(segments), len(self.current.segments) - self.pos)
            taken = self.current.segments[self.pos:self.pos + k]
            segments.extend(taken)
            self.owner.update((id(seg), self.current) for seg in taken)
            self.pos += k
        if len(segments) != n:
            raise InputError("the file changed while it was being translated", self.doc.path)
        return segments, done


def _record_outputs(memory, spool, document: str, key: str, batch: int = 5000) -> None:
    """The memory's record of what was written for each segment, a batch at a time."""
    segments: list[Segment] = []
    for seg in spool.segments():
        segments.append(seg)
        if len(segments) == batch:
            memory.record_outputs(segments, document, key)
            segments = []
    if segments:
        memory.record_outputs(segments, document, key)


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

    A file that fails (unreadable, empty, corrupt, past the inflation limits of
    pipeline.ingest.limits) gets its error in its result and leaves no output; the
    other files still run. Engine errors stop the run.
    """
    from .ingest.limits import configured

    options = options or TranslateOptions()
    with configured(options.max_part_size):
        return _translate_documents(paths, out_dir, options, on_progress, on_file, on_warning)


def _translate_documents(paths, out_dir, options: TranslateOptions, on_progress, on_file,
                         on_warning) -> list[FileResult]:
    from .emit import prepare_writers, write_outputs
    from .emit.common import BlockSpool
    from .engines import select_engine
    from .ingest import iter_input_files
    from .translate import translate_stream

    out_dir = Path(out_dir)
    files = iter_input_files([str(p) for p in paths])
    # The engine loads (the CTranslate2 model, Apertium's pipeline) while the glossaries
    # load and the files are read: a few hundredths of a second each.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="es2en-load") as loader:
        loading = loader.submit(select_engine, options.engine, options.device, options.beam_size, jobs=options.jobs)
        try:
            finders = SpanFinders.prepare(options)
            results, queue, read = _first_pass(files, finders)
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
        """((result, doc, memory key, last piece?, spool, blocks done), segments): each
        document in pieces of an engine batch (the run's first and last pieces smaller:
        _pieces), its blocks read and segmented as the pieces need them (_Cursor), its
        spans found and the memory asked piece by piece. Runs in this thread whenever
        the engine needs more work, so a piece is prepared while the engine translates
        the one before."""
        for result in queue:
            result.seconds = -time.perf_counter()
            first = read.pop(id(result))
            try:
                if first.blocks is not None:
                    doc, segmented = first.doc, True
                    finders.locate(doc)  # from its whole text, while its blocks are at hand
                    held = deque(first.blocks)
                    doc.blocks = first.blocks = []
                    blocks = (held.popleft() for _ in range(len(held)))
                else:
                    doc, blocks = open_blocks(result.path)
                    segmented = False
                    # What the first pass learnt, in its order (a reader fills in the same keys again).
                    doc.metadata, doc.notices = dict(first.doc.metadata), list(first.doc.notices)
                    doc.locale_guess = first.doc.locale_guess
                finders.locate(doc)
            except Es2enError as err:
                result.error = str(err)
                if on_file:
                    on_file(result)
                continue
            result.notices = list(doc.notices)
            key = run_engine_key(engine, options, finders, doc) if memory is not None else None
            n = result.segments
            cursor = _Cursor(doc, blocks, segmented)
            spool = BlockSpool()
            filled = 0
            cuts = _pieces(n, piece, first=result is queue[0], last=result is queue[-1])
            for start, end in cuts:
                last = end == n
                try:
                    part, done_blocks = cursor.take(end - start, last)
                except Es2enError as err:
                    result.error = str(err)  # its pieces already in the engine are dropped as they come
                    spool.close()
                    if on_file:
                        on_file(result)
                    break
                finders.apply(doc, part, cursor.owner)
                if memory is not None and (k := memory.fill(part, key)):
                    filled += k
                    progress(k)
                if last and filled:
                    from .counts import plural

                    result.notices.append(f"{filled} of {plural(n, 'segment')} from the translation memory")
                yield (result, doc, key, last, spool, done_blocks), part
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
        stream = translate_stream(prepared(), engine, **stream_kw)
        for event, (result, doc, key, last, spool, done_blocks), segs in stream:
            if event == "batch":
                if memory is not None:
                    memory.store_machine(segs, key)
                progress(len(segs))
                continue
            if result.error:
                continue  # the file failed after some of its pieces were handed to the engine
            # A piece of a document has all its English: its QA runs while the engine
            # goes on with the next pieces; the blocks it completes go to the spool
            # (pipeline.emit.common.BlockSpool), and the outputs are written from it
            # after the last.
            run_qa(doc, finders, segs)
            flags = [f.severity.value for seg in segs for f in seg.flags]
            result.qa_errors += flags.count("error")
            result.qa_warnings += flags.count("warning")
            for block in done_blocks:
                for seg in block.segments:
                    seg.found = {}  # QA's, done: not kept
            spool.add(done_blocks)
            if not last:
                continue
            doc.blocks = spool  # type: ignore[assignment]  # the writers only iterate it
            doc_run = RunInfo(**{**run.__dict__, "source_locale": doc.metadata.get("source_locale", "")})
            try:
                result.outputs = write_outputs(doc, out_dir, doc_run, options.formats)
                if memory is not None:
                    _record_outputs(memory, spool, str(doc.path), key)
            except Es2enError as err:
                result.error = str(err)
            finally:
                spool.close()
                doc.blocks = []
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

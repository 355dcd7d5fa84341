"""Apertium (rule-based, Debian packages ``apertium`` + ``apertium-eng-spa``).

The engine runs Apertium's pipeline itself rather than through the ``apertium`` shell
script: the stages of the pair's mode file (morphological analysis, tagger, transfer,
generation…) start once, in null-flush mode, and stay up for the whole run. Each batch
is one record in Apertium's stream format, one segment a line, ended by a NUL that
makes every stage flush. So the transducers load once (while the rest of es2en starts
up), batches follow each other without the pipeline draining, and no shell, awk or
format wrapper sits in the way: on newstest2012 it costs the CPU raw ``apertium``
does, where one ``apertium -f html`` and one ``apertium -f txt`` per batch cost about a
fifth more.

Our inline ``<span id>`` markup (protected terms and numbers) goes in as word-bound
blanks, ``[[t:span:s0]]centros de datos[[/]]``, as Apertium's own HTML deformatter
(transfuse) writes them: the stages attach them to the words inside, so they move
with those words when transfer reorders a phrase, and come back as spans.

Unknown-word marks (``*word`` unknown, ``@word`` no transfer, ``#word`` no
generation) are removed from the English and returned separately for QA.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import select
import shutil
import signal
import subprocess
import threading
import time
import weakref
from collections import deque
from concurrent.futures import Future
from functools import lru_cache
from pathlib import Path

from ..errors import EngineError

MODES_DIR = Path("/usr/share/apertium/modes")
#: American spelling ("data centers", "organization") where the package has it.
DEFAULT_MODES = ("spa-eng_US", "spa-eng")
#: Programs the engine runs besides those the mode file names.
TOOLS = ("bash", "lt-proc")
_MARK = re.compile(r"(?<![\w@#*])([*@#])(?=\w)(\w[\w'-]*)")
NOT_INSTALLED = "apertium is not installed (sudo apt-get install apertium apertium-eng-spa)"


def available() -> bool:
    return all(shutil.which(t) for t in TOOLS) and any(_mode_installed(m) for m in DEFAULT_MODES)
def _mode_installed(mode: str) -> bool:
    return (MODES_DIR / f"{mode}.mode").exists()


@lru_cache(maxsize=1)
def package_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "apertium-eng-spa"], capture_output=True, text=True, timeout=10
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def strip_marks(text: str, source: str) -> tuple[str, list[str]]:
    """Remove Apertium's ``*``/``@``/``#`` marks; return the clean text and the marked
    words. A mark that was already in the source (a hashtag, say) is kept."""
    found: list[str] = []

    def repl(m: re.Match) -> str:
        if m.group(0) in source:
            return m.group(0)
        if m.group(1) == "*" and m.group(2).lower() not in source.lower():
            # an unknown word is copied from the source: "*Without" from "*Sin impuestos"
            # is the source's own asterisk (a footnote mark, Markdown), translated past
            return m.group(0)
        found.append(m.group(0))
        return m.group(2)

    return _MARK.sub(repl, text), found


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class ApertiumCrash(EngineError):
    """apertium exited non-zero, or a stage of its pipeline crashed."""


#: What a crashed stage of the apertium pipeline leaves on stderr.
_CRASH = re.compile(r"^.*(?:terminate called|Aborted|Segmentation fault|Killed|core dumped|"
                    r"Bus error|Floating point exception|std::\w+).*$", re.MULTILINE)


def _error_from(stderr: str, fallback: str) -> str:
    """The line of a stage's stderr that says what went wrong, else its last line."""
    crashed = _CRASH.search(stderr)
    lines = [" ".join(line.split()) for line in stderr.splitlines() if line.strip()]
    if crashed:
        return " ".join(crashed.group(0).split())
    return lines[-1] if lines else fallback


def pipeline_script(mode: str) -> str:
    """The stages of ``mode`` as one shell pipeline in null-flush mode, as ``apertium -z``
    runs them (``apertium-wblank-mode`` adds the word-bound-blank stages and ``-z``);
    ``$1`` is the generator's option and ``$2`` the tagger's."""
    mode_file = MODES_DIR / f"{mode}.mode"
    if shutil.which("apertium-wblank-mode"):
        out = subprocess.run(["apertium-wblank-mode", "-z", str(mode_file)], capture_output=True, text=True,
                             timeout=30)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return null_flush(mode_file.read_text(encoding="utf-8"))


def null_flush(mode: str) -> str:
    """A mode file's pipeline with ``-z`` on every stage, for an Apertium without
    ``apertium-wblank-mode`` (whose word-bound-blank stages it then lacks)."""
    return " | ".join(re.sub(r"^(\S+)", r"\1 -z", stage.strip()) for stage in mode.strip().split(" | "))


class _Pipeline:
    """One running apertium pipeline in null-flush mode. Records (batches in stream
    format) go in and come back in order, each ended by a NUL; a writer thread feeds it
    and a reader thread hands each answer to the Future of its record, so the caller
    can queue the next batch before the last comes back.

    Every record ends with a superblank of its own (``[<es2en 7>]``), which the stages
    pass through untouched: an answer that does not end with it is not an answer
    (stages flush a NUL when a stage before them dies). Then, or when the pipeline
    closes its output, or when the oldest record waits longer than ``timeout``, every
    record in flight fails and the pipeline is dead; the engine starts another."""

    def __init__(self, script: str, timeout: float):
        self.timeout = timeout
        try:
            # Its own process group: on a timeout or Ctrl-C every stage must go.
            self.proc = subprocess.Popen(["bash", "-c", script, "apertium", "-g", ""], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        except OSError as err:
            raise EngineError(f"cannot start apertium: {err}") from err
        self._lock = threading.Lock()
        self._pending: deque[tuple[Future, bytes]] = deque()  # with the record's end mark
        self._sent = 0
        self._head_since = time.monotonic()  # when the oldest record in flight became the oldest
        self._writes: queue.SimpleQueue = queue.SimpleQueue()
        self._stderr: deque[str] = deque(maxlen=64)
        self.error: EngineError | None = None
        self._threads = [threading.Thread(target=fn, name=f"apertium-{fn.__name__.strip('_')}", daemon=True)
                         for fn in (self._write, self._read, self._drain_stderr)]
        self._stderr_thread = self._threads[-1]
        for thread in self._threads:
            thread.start()

    @property
    def alive(self) -> bool:
        return self.error is None

    def submit(self, record: bytes) -> Future:
        future: Future = Future()
        with self._lock:
            if self.error is not None:
                future.set_exception(self.error)
                return future
            if not self._pending:
                self._head_since = time.monotonic()
            self._sent += 1
            mark = b"[<es2en %d>]" % self._sent
            self._pending.append((future, mark))
            self._writes.put(record + mark)
        return future

    def close(self, kill: bool = False) -> None:
        """End the pipeline: close its input and let it finish (or kill it)."""
        with self._lock:
            if self.error is None:
                self.error = EngineError("apertium was closed")
        self._writes.put(None)
        if not kill:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                kill = True
        if kill:
            self._kill()
        for thread in self._threads:
            thread.join(timeout=5)

    def _kill(self) -> None:
        with contextlib.suppress(OSError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def _fail(self, error: EngineError) -> None:
        with self._lock:
            self.error = self.error or error
            pending, self._pending = list(self._pending), deque()
        for future, _ in pending:
            future.set_exception(error)

    def _write(self) -> None:
        stdin = self.proc.stdin
        try:
            while (record := self._writes.get()) is not None:
                stdin.write(record + b"\0")
                stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # the reader sees the pipeline end and says why
        finally:
            with contextlib.suppress(OSError, ValueError):
                stdin.close()

    def _read(self) -> None:
        broken = self._answers()
        if broken:  # a stage died mid-record: the rest of the pipeline is of no use
            self._kill()
        else:  # its output closed: the input was closed (close()), or a stage died
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._kill()
        if isinstance(broken, EngineError):
            self._fail(broken)
            return
        self._stderr_thread.join(timeout=5)  # every stage has exited: stderr is complete
        message = _error_from("".join(self._stderr), f"its pipeline stopped (exit code {self.proc.returncode})")
        self._fail(ApertiumCrash(f"apertium failed: {message}"))

    def _answers(self) -> bool | EngineError:
        """Hand out answers until the output ends (False), an answer breaks off (True)
        or the oldest record is late (the error to give)."""
        fd = self.proc.stdout.fileno()
        buf = bytearray()
        scanned = 0  # bytes of ``buf`` known to hold no NUL
        while True:
            with self._lock:
                waiting = bool(self._pending)
                deadline = self._head_since + self.timeout
            if waiting and time.monotonic() > deadline:
                return EngineError(f"apertium did not answer within {self.timeout:g} s")
            wait = min(1.0, max(0.0, deadline - time.monotonic())) if waiting else 1.0
            if not select.select([fd], [], [], wait)[0]:
                continue
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return False
            buf += chunk
            while (end := buf.find(b"\0", scanned)) >= 0:
                record, buf, scanned = bytes(buf[:end]), buf[end + 1:], 0
                with self._lock:
                    head = self._pending[0] if self._pending else None
                    if head is None:
                        continue  # the NULs stages flush when their input ends
                    if not record.endswith(head[1]):
                        return True  # a stage died; those after it flushed what they had
                    self._pending.popleft()
                    self._head_since = time.monotonic()
                head[0].set_result(record[: -len(head[1])])
            scanned = len(buf)

    def _drain_stderr(self) -> None:
        for line in iter(self.proc.stderr.readline, b""):
            self._stderr.append(line.decode("utf-8", "replace"))


def _close_all(pipelines: list[_Pipeline]) -> None:
    for pipeline in pipelines:
        pipeline.close(kill=True)


class ApertiumEngine:
    name = "apertium"
    max_input_tokens = None
    markup = True

    #: Segments per batch. Batches follow each other through the running pipeline
    #: without it draining, so they can be small: the rest of the run (spans, QA,
    #: writing) works on the batches before and after the one being translated.
    batch_segments = 512

    def __init__(self, mode: str | None = None, timeout: float = 600.0, jobs: int | None = None):
        if any(shutil.which(tool) is None for tool in TOOLS):
            raise EngineError(NOT_INSTALLED)
        if mode is None:
            mode = next((m for m in DEFAULT_MODES if _mode_installed(m)), None)
            if mode is None:
                raise EngineError("Apertium's Spanish→English data is missing (sudo apt-get install apertium-eng-spa)")
        elif not _mode_installed(mode):
            raise EngineError(f"Apertium has no mode {mode!r} (apertium -l lists those installed)")
        self.mode = mode
        self.timeout = timeout
        self.version = f"apertium-eng-spa {package_version()} ({mode})"
        self._script = "set -o pipefail; " + pipeline_script(mode)
        #: Batches translated at once, one pipeline each. A pipeline is a dozen
        #: processes that already keep about two cores busy (newstest2012: 3.1 s of CPU
        #: in 1.6 s), so the default is one per two cores.
        self.parallel_batches = jobs or max(1, _cores() // 2)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._pipelines: list[_Pipeline] = []
        self._turn = 0
        # The first pipeline starts now: its transducers load while the caller reads
        # and prepares its documents.
        self._pipelines.append(_Pipeline(self._script, timeout))
        self._finalizer = weakref.finalize(self, _close_all, self._pipelines)

    @property
    def last_unknown(self) -> list[list[str]]:
        """Unknown-word marks of this thread's last batch, one list per input
        (per thread: batches run in parallel, pipeline.translate.translate_stream)."""
        return getattr(self._local, "unknown", [])

    @last_unknown.setter
    def last_unknown(self, value: list[list[str]]) -> None:
        self._local.unknown = value

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def _pipeline(self) -> _Pipeline:
        """A live pipeline, in turn; a dead one is replaced, and up to
        ``parallel_batches`` run."""
        with self._lock:
            self._pipelines[:] = [p for p in self._pipelines if p.alive]
            if len(self._pipelines) < self.parallel_batches:
                self._pipelines.append(_Pipeline(self._script, self.timeout))
                return self._pipelines[-1]
            self._turn = (self._turn + 1) % len(self._pipelines)
            return self._pipelines[self._turn]

    def _lines(self, lines: list[str]) -> list[str]:
        """One output line per input line. When apertium fails on the batch or its
        output does not have one line per input (never misalign), the batch is split in
        halves, recursively: a single bad segment is found in about 2·log2(n) records
        instead of n, and a segment that makes apertium fail on its own stops the run
        with apertium's message."""
        try:
            # Each line ends with the sentence end Apertium's deformatters put at the
            # end of a file (".[]"): the tagger and transfer then treat every segment
            # on its own, as if it were alone in its record (same output on all of
            # newstest2012), instead of carrying the last words of a title into the
            # next line.
            record = "\n".join(f"{line}.[]" for line in lines).encode("utf-8")
            answer = self._pipeline().submit(record).result().decode("utf-8", "replace")
            out = [_END.sub("", line) for line in answer.split("\n")]
        except ApertiumCrash:
            if len(lines) == 1:
                raise
            out = []
        # Apertium drops the final newline; trailing empty strings are not segments.
        while len(out) > len(lines) and out[-1] == "":
            out.pop()
        if len(out) == len(lines):
            return out
        if len(lines) == 1:  # a segment apertium split into several lines: keep it whole
            return [" ".join(out)]
        half = len(lines) // 2
        return self._lines(lines[:half]) + self._lines(lines[half:])

    def translate_batch(self, texts: list[str]) -> list[str]:
        """``texts`` may hold inline ``<span id="…">…</span>`` markup; everything else
        is plain text (escaped here)."""
        if not texts:
            self.last_unknown = []
            return []
        results, unknown = [], []
        for src, line in zip(texts, self._lines([to_stream(t) for t in texts])):
            clean, marks = strip_marks(_fix_initial_unknown(from_stream(line).strip(), src), src)
            results.append(clean)
            unknown.append(marks)
        self.last_unknown = unknown
        return results

    def close(self) -> None:
        with self._lock:
            pipelines, self._pipelines[:] = list(self._pipelines), []
        for pipeline in pipelines:
            pipeline.close()


_TAG = re.compile(r"(</?span\b[^>]*>)")
_SPAN_ID = re.compile(r'id="([^"]*)"')
_INITIAL_UNKNOWN = re.compile(r"^((?:<[^>]+>)*\*(\w+)(?:<[^>]+>)*\s+)([A-Z][a-z]+)\b")


def _fix_initial_unknown(text: str, source: str) -> str:
    """Apertium capitalises the word after an unknown sentence-initial word
    ("*Altman Recognized that…"); lower it when the Spanish word was lower case."""
    m = _INITIAL_UNKNOWN.match(text)
    if m and m.group(3) != "I" and re.match(rf"(?:<[^>]+>)*{re.escape(m.group(2))}(?:<[^>]+>)*\s+[a-záéíóúñ]", source):
        return text[: m.start(3)] + m.group(3).lower() + text[m.end(3):]
    return text


#: Characters with a meaning in Apertium's stream format, escaped in text.
_RESERVED = re.compile(r"([\\\[\]^$/@<>{}])")
#: What ends a line of a record: the sentence end added to it (".[]").
_END = re.compile(r"\.\[\]\s*\Z")
_STREAM = re.compile(r"\[\[/\]\]|\[\[((?:[^\]\\]|\\.)*)\]\]|\[((?:[^\]\\]|\\.)*)\]|\\(.)|([^\[\\]+)", re.S)
_ESCAPED = re.compile(r"\\(.)", re.S)


def to_stream(text: str) -> str:
    """One segment as a line of Apertium's stream format: text escaped, our span tags
    as (nested) word-bound blanks."""
    text = " ".join(text.replace("\0", " ").split())
    out = []
    for part in _TAG.split(text):
        if not _TAG.fullmatch(part):
            out.append(_RESERVED.sub(r"\\\1", part))
        elif part.startswith("</"):
            out.append("[[/]]")
        else:
            out.append(f"[[t:span:{_SPAN_ID.search(part).group(1)}]]")
    return "".join(out)


def from_stream(line: str) -> str:
    """A line of the pipeline's output as text with span tags: every word carries the
    ids of the spans around it; words in the same span, whitespace between them,
    become one ``<span id>`` again (nested where the input was)."""
    out: list[str] = []
    stack: list[str] = []  # span ids open in ``out``
    marks: list[list[str]] = []  # the word-bound blanks open in the line
    spaces = ""  # whitespace after the last word in a span, not yet placed

    def close_to(depth: int) -> None:
        while len(stack) > depth:
            stack.pop()
            out.append("</span>")

    def text(piece: str) -> None:
        nonlocal spaces
        ids = [i for mark in marks for i in mark]
        if not ids and stack and piece.isspace():
            spaces += piece  # inside or after a span: placed when the next word says where
            return
        keep = 0
        while keep < min(len(stack), len(ids)) and stack[keep] == ids[keep]:
            keep += 1
        close_to(keep)
        out.append(spaces)
        spaces = ""
        for i in ids[keep:]:
            out.append(f'<span id="{i}">')
            stack.append(i)
        out.append(piece)

    for m in _STREAM.finditer(line):
        tags, blank, escaped, plain = m.groups()
        if m.group(0) == "[[/]]":
            if marks:
                marks.pop()
        elif tags is not None:
            marks.append([t.strip().rsplit(":", 1)[-1] for t in tags.split(";")
                          if t.strip().startswith("t:span:")])
        elif blank:  # a superblank: its content is formatting to keep as it is
            text(_ESCAPED.sub(r"\1", blank))
        elif blank is None:
            text(escaped if escaped is not None else plain)
    close_to(0)
    out.append(spaces)
    return "".join(out)

"""Apertium (rule-based, Debian packages ``apertium`` + ``apertium-eng-spa``).

One ``apertium`` process per batch, not per sentence: the batch is written as one
segment per line in Apertium's HTML format, which keeps blank lines between
segments in place and passes inline ``<span id>`` markup through (the text inside
is translated where it stands), so protected terms and numbers keep their place.

Unknown-word marks (``*word`` unknown, ``@word`` no transfer, ``#word`` no
generation) are removed from the English and returned separately for QA.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import signal
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

from ..errors import EngineError

MODES_DIR = Path("/usr/share/apertium/modes")
#: American spelling ("data centers", "organization") where the package has it.
DEFAULT_MODES = ("spa-eng_US", "spa-eng")
_MARK = re.compile(r"(?<![\w@#*])([*@#])(?=\w)(\w[\w'-]*)")


def available() -> bool:
    return shutil.which("apertium") is not None and any(_mode_installed(m) for m in DEFAULT_MODES)


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


class ApertiumEngine:
    name = "apertium"
    max_input_tokens = None
    markup = True

    #: Segments per apertium process: its start-up (≈ 0.1 s, loading the transducers)
    #: is paid once per batch, so batches are large.
    batch_segments = 4096

    def __init__(self, mode: str | None = None, timeout: float = 600.0, jobs: int | None = None):
        if shutil.which("apertium") is None:
            raise EngineError("apertium is not installed (sudo apt-get install apertium apertium-eng-spa)")
        if mode is None:
            mode = next((m for m in DEFAULT_MODES if _mode_installed(m)), None)
            if mode is None:
                raise EngineError("Apertium's Spanish→English data is missing (sudo apt-get install apertium-eng-spa)")
        self.mode = mode
        self.timeout = timeout
        self.version = f"apertium-eng-spa {package_version()} ({mode})"
        #: Batches translated at once, one apertium pipeline each. A pipeline is six
        #: or so processes that already keep about two cores busy (measured: 3.1 s of
        #: CPU in 1.6 s for newstest2012), so the default is one per two cores; two on
        #: two cores were slower end to end (3.65 s against 3.24 s).
        self.parallel_batches = jobs or max(1, _cores() // 2)
        self._local = threading.local()

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

    def _run(self, payload: str, fmt: str = "html") -> str:
        try:
            # Its own process group: apertium is a shell pipeline, and on a timeout or
            # Ctrl-C every stage must go, not only the shell.
            proc = subprocess.Popen(["apertium", "-f", fmt, self.mode], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    start_new_session=True)
        except OSError as err:
            raise EngineError(f"cannot start apertium: {err}") from err
        try:
            stdout, stderr = proc.communicate(payload, timeout=self.timeout)
        except BaseException as err:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if isinstance(err, subprocess.TimeoutExpired):
                raise EngineError(f"apertium did not answer within {self.timeout:g} s") from err
            raise
        proc = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
        # The apertium script is a shell pipeline: its exit code is the last stage's, so
        # a stage that crashes mid-way (tf-inject aborting, a transducer killed) can
        # leave exit code 0 with short or empty output. Its stderr tells.
        crashed = _CRASH.search(proc.stderr)
        if proc.returncode != 0 or crashed:
            lines = [" ".join(l.split()) for l in proc.stderr.splitlines() if l.strip()]
            msg = lines[-1] if lines else f"exit code {proc.returncode}"
            if proc.returncode == 0:
                msg = f"a stage of its pipeline crashed ({msg})"
            raise ApertiumCrash(f"apertium failed: {msg}")
        return proc.stdout

    def _lines(self, lines: list[str], fmt: str = "html") -> list[str]:
        """One output line per input line. When apertium fails on the batch or its
        output does not have one line per input (never misalign), the batch is split in
        halves, recursively: a single bad segment is found in about 2·log2(n) processes
        instead of n, and a segment that makes apertium fail on its own stops the run
        with apertium's message."""
        try:
            out = self._run("\n".join(lines) + "\n", fmt).split("\n")
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
        return self._lines(lines[:half], fmt) + self._lines(lines[half:], fmt)

    def translate_batch(self, texts: list[str]) -> list[str]:
        """``texts`` may hold inline ``<span id="…">…</span>`` markup; everything else
        is plain text (escaped here)."""
        if not texts:
            self.last_unknown = []
            return []
        # Only segments with protected spans need HTML mode, which costs about a third
        # more than plain text (measured on newstest2012: 2.4 s against 1.6 s); the rest
        # go through plain-text mode, one line each, in a second process.
        marked = [i for i, t in enumerate(texts) if "<span" in t]
        plain = [i for i, t in enumerate(texts) if "<span" not in t]
        out: list[str] = [""] * len(texts)
        with ThreadPoolExecutor(max_workers=1) as side:
            # The two processes run at once: each spends part of its time loading
            # transducers and filling its pipeline, which the other can use.
            html_lines = side.submit(self._lines, [_to_html(texts[i]) for i in marked]) if marked else None
            if plain:
                for i, line in zip(plain, self._lines([texts[i].replace("\n", " ") for i in plain], "txt")):
                    out[i] = line
            if html_lines is not None:
                for i, line in zip(marked, html_lines.result()):
                    out[i] = _from_html(line)
        results, unknown = [], []
        for src, line in zip(texts, out):
            clean, marks = strip_marks(_fix_initial_unknown(line.strip(), src), src)
            results.append(clean)
            unknown.append(marks)
        self.last_unknown = unknown
        return results

    def close(self) -> None:
        pass


_TAG = re.compile(r"(</?span\b[^>]*>)")
_INITIAL_UNKNOWN = re.compile(r"^((?:<[^>]+>)*\*(\w+)(?:<[^>]+>)*\s+)([A-Z][a-z]+)\b")


def _fix_initial_unknown(text: str, source: str) -> str:
    """Apertium capitalises the word after an unknown sentence-initial word
    ("*Altman Recognized that…"); lower it when the Spanish word was lower case."""
    m = _INITIAL_UNKNOWN.match(text)
    if m and m.group(3) != "I" and re.match(rf"(?:<[^>]+>)*{re.escape(m.group(2))}(?:<[^>]+>)*\s+[a-záéíóúñ]", source):
        return text[: m.start(3)] + m.group(3).lower() + text[m.end(3):]
    return text


def _to_html(text: str) -> str:
    """Escape text for Apertium's HTML mode but keep our own span tags."""
    text = text.replace("\n", " ")
    return "".join(p if _TAG.fullmatch(p) else html.escape(p, quote=False) for p in _TAG.split(text))


def _from_html(text: str) -> str:
    return "".join(p if _TAG.fullmatch(p) else html.unescape(p) for p in _TAG.split(text))

"""Argos Translate packages, driven directly through CTranslate2 + SentencePiece.

``argostranslate.translate.translate()`` re-splits text, batches per paragraph and
wants a downloaded sentence splitter; we only use ``argostranslate.package`` to find
installed packages and then hand *all* segments of a run to CTranslate2's
``translate_batch`` in token-based batches (it sorts by length internally).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from ..errors import EngineError

#: Package codes of models made for tests; never chosen silently by --engine auto.
TEST_PACKAGE_CODES = {"translate-es_en-tatoeba"}
#: Chosen by bench/beam.py (2 CPU cores, test model): on 2,400 short sentences beam 2
#: scores BLEU 74.0 / chrF 84.0 against 73.8 / 83.9 for beam 4 and 74.1 / 84.0 for 6,
#: at about 1.8x the speed of beam 4; greedy (1) loses 0.7 BLEU. On newstest the test
#: model scores BLEU 3-4 at every beam. See README, Performance.
DEFAULT_BEAM_SIZE = 2
DEFAULT_BATCH_TOKENS = 2048


@dataclass
class ArgosPackage:
    path: Path
    code: str
    version: str
    from_code: str
    to_code: str

    @property
    def is_test_model(self) -> bool:
        return self.code in TEST_PACKAGE_CODES


def installed_packages(from_code: str = "es", to_code: str = "en") -> list[ArgosPackage]:
    """Installed Argos packages for one direction (respects ARGOS_PACKAGES_DIR)."""
    try:
        import argostranslate.package as argos_package
        import argostranslate.settings as argos_settings
    except ImportError:
        return []
    # argostranslate reads ARGOS_PACKAGES_DIR once at import; honour a later change.
    env_dir = os.environ.get("ARGOS_PACKAGES_DIR")
    if env_dir and Path(env_dir) not in argos_settings.package_dirs:
        argos_settings.package_data_dir = Path(env_dir)
        argos_settings.package_dirs = [Path(env_dir)]
    found = []
    del _BROKEN[:]
    for pkg in _packages(argos_package, argos_settings):
        if pkg.type != "translate" or pkg.from_code != from_code or pkg.to_code != to_code:
            continue
        found.append(ArgosPackage(Path(pkg.package_path), pkg.code or Path(pkg.package_path).name,
                                  str(pkg.package_version), pkg.from_code, pkg.to_code))
    # Real models first, then by name, so the choice is stable.
    return sorted(found, key=lambda p: (p.is_test_model, p.code))


#: Package folders the last installed_packages() call could not read: (path, why).
_BROKEN: list[tuple[Path, str]] = []


def broken_packages() -> list[tuple[Path, str]]:
    """Folders in the Argos package directories that are not readable packages (a
    corrupt or missing metadata.json), as found by the last :func:`installed_packages`."""
    return list(_BROKEN)


def _packages(argos_package, argos_settings):
    """argostranslate's get_installed_packages(), one folder at a time, so that one
    unreadable package folder is skipped (and remembered) instead of hiding the others
    behind a traceback."""
    for directory in argos_settings.package_dirs:
        try:
            folders = sorted(p for p in Path(directory).iterdir() if p.is_dir())
        except OSError:  # no such directory yet
            continue
        for folder in folders:
            try:
                yield argos_package.Package(folder)
            except (OSError, ValueError, TypeError, KeyError, AttributeError) as err:
                why = f"{type(err).__name__}: {err}" if not isinstance(err, OSError) else (err.strerror or str(err))
                if isinstance(err, FileNotFoundError) and "metadata.json" in str(err):
                    why = "no metadata.json"
                elif isinstance(err, ValueError):
                    why = f"metadata.json is not valid JSON ({err})"
                _BROKEN.append((folder, why))


def model_input_limit(model_dir: Path) -> int | None:
    """The longest source (in pieces, end-of-sentence included) the model can encode:
    the size of its stored position-encoding table, read from model.bin's variable
    index. None when the model computes positions (sinusoidal, unlimited)."""
    limit = None
    try:
        with open(model_dir / "model.bin", "rb") as fh:

            def read_string() -> str:
                (n,) = struct.unpack("<H", fh.read(2))
                return fh.read(n)[:-1].decode("utf-8", "replace")

            fh.read(4)  # binary format version
            read_string()  # spec name
            fh.read(4)  # revision
            (count,) = struct.unpack("<I", fh.read(4))
            for _ in range(count):
                name = read_string()
                (rank,) = struct.unpack("<B", fh.read(1))
                dims = struct.unpack(f"<{rank}I", fh.read(4 * rank))
                fh.read(1)  # dtype
                (nbytes,) = struct.unpack("<I", fh.read(4))
                fh.seek(nbytes, 1)
                if name.endswith("position_encodings/encodings") and dims:
                    limit = dims[0] if limit is None else min(limit, dims[0])
    except (OSError, struct.error):
        return None
    return limit


def _cuda_problem() -> str | None:
    """Why CUDA cannot be used here, or None when it can."""
    import ctranslate2

    if ctranslate2.get_cuda_device_count() == 0:
        return "no CUDA GPU is visible to CTranslate2"
    try:
        ctypes.CDLL("libcublas.so.12", mode=ctypes.RTLD_GLOBAL)
    except OSError:
        if not _preload_pip_cublas():
            return (
                "CTranslate2 needs CUDA 12's cuBLAS (libcublas.so.12), which is not installed; "
                "install it with `pip install nvidia-cublas-cu12` in this environment (on a CUDA 13 machine, "
                "a libcublas.so.12 link to CUDA 13's libcublas.so.13 on LD_LIBRARY_PATH also works: see README), "
                "or use --device cpu"
            )
    return None


def _preload_pip_cublas() -> bool:
    """Load cuBLAS 12 from the ``nvidia-cublas-cu12`` wheel, if installed, so that
    CTranslate2 finds it without LD_LIBRARY_PATH."""
    try:
        import nvidia.cublas  # type: ignore[import-not-found]
    except ImportError:
        return False
    for base in nvidia.cublas.__path__:
        for lib in ("libcublasLt.so.12", "libcublas.so.12"):
            candidate = Path(base) / "lib" / lib
            if candidate.exists():
                ctypes.CDLL(str(candidate), mode=ctypes.RTLD_GLOBAL)
    try:
        ctypes.CDLL("libcublas.so.12", mode=ctypes.RTLD_GLOBAL)
        return True
    except OSError:
        return False


def resolve_device(device: str) -> tuple[str, str | None]:
    """Map --device auto|cpu|cuda to a usable device; return (device, warning)."""
    if device == "cpu":
        return "cpu", None
    problem = _cuda_problem()
    if device == "cuda":
        if problem:
            raise EngineError(f"--device cuda: {problem}")
        return "cuda", None
    if device == "auto":
        return ("cpu", None) if problem else ("cuda", None)
    raise EngineError(f"unknown device {device!r} (choose auto, cpu or cuda)")


def _aligned_run(attention: list[list[float]], src_idx: list[int]) -> tuple[int, int] | None:
    """The contiguous run of target pieces that attend to the span's source pieces:
    a target piece belongs to the span when its strongest attention falls on it or
    when at least half its attention does. Of several runs, the one with the most
    attention mass wins, so unrelated words between two runs are never swallowed."""
    if not src_idx:
        return None
    wanted = set(src_idx)
    mass = []
    for row in attention:
        if not row:
            mass.append(None)
            continue
        share = sum(row[k] for k in wanted if k < len(row))
        top = max(range(len(row)), key=row.__getitem__)
        mass.append(share if (top in wanted or share >= 0.5) else None)
    best, run_start, run_mass = None, None, 0.0
    for j, m in enumerate([*mass, None]):
        if m is not None:
            if run_start is None:
                run_start, run_mass = j, 0.0
            run_mass += m
        elif run_start is not None:
            if best is None or run_mass > best[2]:
                best = (run_start, j - 1, run_mass)
            run_start = None
    return (best[0], best[1]) if best else None


#: How CTranslate2 says a batch did not fit: "mkl_malloc: failed to allocate memory" and
#: std::bad_alloc (MemoryError) on the CPU, "CUDA failed with error out of memory" and
#: CUBLAS_STATUS_ALLOC_FAILED on a GPU.
_OOM = re.compile(r"out of memory|failed to allocate|bad_alloc|ALLOC_FAILED|cannot allocate", re.IGNORECASE)


def _out_of_memory(err: BaseException) -> bool:
    return isinstance(err, MemoryError) or bool(_OOM.search(str(err)))


def _cores() -> int:
    """CPU cores this process may run on (its affinity mask, else the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class ArgosEngine:
    name = "argos"
    markup = False

    def __init__(
        self,
        package: ArgosPackage,
        device: str = "cpu",
        beam_size: int = DEFAULT_BEAM_SIZE,
        batch_tokens: int = DEFAULT_BATCH_TOKENS,
        threads: int | None = None,
        jobs: int | None = None,
    ):
        """``threads``: CPU cores to use (default: those this process may run on);
        ``jobs``: batches decoded at once, each by its own CTranslate2 replica
        (``inter_threads``) with ``threads // jobs`` threads (default: one per core,
        measured fastest on short sentences, bench/argos.py). On CUDA, one."""
        import ctranslate2
        import sentencepiece

        self.package = package
        self.beam_size = beam_size
        self.batch_tokens = batch_tokens
        #: Times a batch ran out of memory and was retried in smaller batches.
        self.memory_retries = 0
        self.device, _ = resolve_device(device)
        model_dir = package.path / "model"
        sp_path = package.path / "sentencepiece.model"
        if not (model_dir / "model.bin").exists() or not sp_path.exists():
            raise EngineError("Argos package is incomplete (model/model.bin or sentencepiece.model missing)", package.path)
        threads = threads or _cores()
        jobs = 1 if self.device != "cpu" else max(1, min(jobs or threads, threads))
        #: Batches worth submitting at once (pipeline.translate.translate_stream).
        self.parallel_batches = jobs
        try:
            self.translator = ctranslate2.Translator(
                str(model_dir),
                device=self.device,
                compute_type="int8" if self.device == "cpu" else "int8_float16",
                inter_threads=jobs,
                intra_threads=max(1, threads // jobs) if self.device == "cpu" else 0,
            )
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
        except (RuntimeError, OSError, ValueError) as err:
            raise EngineError(f"cannot load the Argos model: {err}", package.path) from err
        limit = model_input_limit(model_dir)
        adds_eos = json.loads((model_dir / "config.json").read_text()).get("add_source_eos", False) if (
            model_dir / "config.json").exists() else False
        self.max_input_tokens = (limit - 1 if adds_eos else limit) if limit else None
        tag = " — TEST MODEL" if package.is_test_model else ""
        self.version = f"{package.code} {package.version}{tag}"

    def tokenize(self, text: str) -> list[str]:
        return self.sp.encode(text, out_type=str)

    def count_tokens(self, text: str) -> int:
        return len(self.sp.encode(text))

    def translate_batch(self, texts: list[str], return_attention: bool = False):
        """Translate all texts in token-based batches. With ``return_attention``
        returns (texts, pieces, attention) for alignment-based span repair."""
        if not texts:
            return ([], [], []) if return_attention else []
        tokens = [self.tokenize(t) or ["▁"] for t in texts]
        limit = self.max_input_tokens
        batch_tokens = self.batch_tokens
        longest = max(len(t) for t in tokens)
        while True:
            try:
                results = self.translator.translate_batch(
                    tokens,
                    beam_size=self.beam_size,
                    max_batch_size=batch_tokens,
                    batch_type="tokens",
                    max_input_length=limit or 1024,
                    return_attention=return_attention,
                )
                break
            except (RuntimeError, MemoryError) as err:
                if not _out_of_memory(err):
                    raise EngineError(f"CTranslate2 failed: {err}") from err
                if batch_tokens <= longest:
                    raise EngineError(f"CTranslate2 ran out of memory even translating one sentence at a time "
                                      f"({err}); free some memory or use a smaller model") from err
                # Retry with smaller batches; later calls start from the size that fitted.
                batch_tokens = max(longest, min(batch_tokens, sum(map(len, tokens))) // 2)
                self.batch_tokens = min(self.batch_tokens, batch_tokens)
                self.memory_retries += 1
        pieces = [r.hypotheses[0] for r in results]
        out = [self.sp.decode_pieces(p) for p in pieces]
        if return_attention:
            return out, pieces, [r.attention[0] for r in results]
        return out

    def translate_aligned(self, texts: list[str], spans_list: list) -> list[tuple[str, list, str]]:
        """Translate plain texts and replace the English aligned (by attention) with
        each replaced span by the span's ``target``. Returns (text, spans not placed,
        the English outside the replaced words).

        Each text is decoded alone: in a padded batch the attention of a short
        sentence drifts with its neighbours, and so would the alignment."""
        results = []
        for text, spans in zip(texts, spans_list):
            out, pieces, attention = self.translate_batch([text], return_attention=True)
            results.append(self._replace_aligned(text, spans, out[0], pieces[0], attention[0]))
        return results

    def aligned_ranges(self, texts: list[str], ranges_list: list[list[tuple[int, int]]]):
        """Translate each text alone; for each (start, end) of its characters, the
        character range of the English its pieces' attention aligns with (whole
        words), or None. Returns [(English, [range | None, …]), …]."""
        answers = []
        for text, ranges in zip(texts, ranges_list):
            out, pieces, attention = self.translate_batch([text], return_attention=True)
            out, tgt, attn = out[0], pieces[0], attention[0]
            src = self.sp.encode(text, return_type="proto").pieces
            found = []
            for start, end in ranges:
                b0, b1 = len(text[:start].encode()), len(text[:end].encode())
                run = _aligned_run(attn, [k for k, p in enumerate(src) if p.begin < b1 and p.end > b0
                                          and p.surface.strip()])
                if run is None:
                    found.append(None)
                    continue
                lo, hi = run
                while lo > 0 and lo < len(tgt) and not tgt[lo].startswith("▁"):
                    lo -= 1
                while hi + 1 < len(tgt) and not tgt[hi + 1].startswith("▁"):
                    hi += 1
                a = len(self.sp.decode_pieces(tgt[:lo])) + (1 if lo > 0 and tgt[lo].startswith("▁") else 0)
                b = len(self.sp.decode_pieces(tgt[: hi + 1]))
                found.append((a, b) if b > a and out[a:b].strip() else None)
            answers.append((out, found))
        return answers

    def _replace_aligned(self, text, spans, out, tgt_pieces, attn) -> tuple[str, list]:
        src = self.sp.encode(text, return_type="proto").pieces
        chosen: list[tuple[int, int, str]] = []
        missed = []
        for span in (s for s in spans if not s.paired):
            b0, b1 = len(text[: span.start].encode()), len(text[: span.end].encode())
            src_idx = [k for k, p in enumerate(src) if p.begin < b1 and p.end > b0 and p.surface.strip()]
            run = _aligned_run(attn, src_idx)
            if run is None:
                # The engine wrote nothing for the span: insert its English before the
                # word that attends to it most (an empty range lo..lo-1).
                if not src_idx or not attn:
                    missed.append(span)
                    continue
                j = max(range(len(attn)), key=lambda t: sum(attn[t][k] for k in src_idx if k < len(attn[t])))
                run = (j, j - 1)
            lo, hi = run
            # Widen to whole words: a word starts with the "▁" piece marker.
            while lo > 0 and lo < len(tgt_pieces) and not tgt_pieces[lo].startswith("▁"):
                lo -= 1
            while hi >= lo and hi + 1 < len(tgt_pieces) and not tgt_pieces[hi + 1].startswith("▁"):
                hi += 1
            clash = next(((l, h) for l, h, _ in chosen if lo <= h and l <= hi or l < lo <= h), None)
            if clash is not None:
                # Two spans aligned to the same words ("10 (20)"): put this one after them.
                lo, hi = clash[1] + 1, clash[1]
            chosen.append((lo, hi, span.target))
        if not chosen:
            return out, missed, out
        parts, rest, pos = [], [], 0
        for lo, hi, target in sorted(chosen, key=lambda c: (c[0], c[1])):
            rest.append(self.sp.decode_pieces(tgt_pieces[pos:lo]))
            parts.extend((rest[-1], target))
            pos = hi + 1
        rest.append(self.sp.decode_pieces(tgt_pieces[pos:]))
        parts.append(rest[-1])
        joined = " ".join(p.strip() for p in parts if p.strip())
        return re.sub(r"\s+([,.;:!?)])", r"\1", joined), missed, " ".join(rest)

    def close(self) -> None:
        self.translator = None

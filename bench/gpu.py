"""Argos engine throughput on CUDA beside the CPU, in the same run.

    python bench/gpu.py [--sentences FILE] [--limit N] [--beam-size 4]

Prints sentences/s for ``--device cpu`` and ``--device cuda`` (CTranslate2 through
pipeline.engines.argos) with the card's name. Where no usable CUDA GPU is present it
prints the CPU row and says why the GPU row is skipped. It needs only ctranslate2
and sentencepiece (not argostranslate), so it also runs on a bare GPU machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.engines.argos import ArgosEngine, ArgosPackage, resolve_device  # noqa: E402
from pipeline.errors import EngineError  # noqa: E402

MODEL = ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel"
DEFAULT_SENTENCES = ROOT / "tests" / "data" / "newstest2012.es"


def unpack_model(dest: Path) -> ArgosPackage:
    with zipfile.ZipFile(MODEL) as zf:
        zf.extractall(dest)
    path = next(p.parent for p in dest.rglob("metadata.json"))
    return ArgosPackage(path, "translate-es_en-tatoeba", "0.1", "es", "en")


def card_name() -> str:
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=20)
        return out.stdout.strip() or "unknown GPU"
    except (OSError, subprocess.SubprocessError):
        return "unknown GPU"


def measure(pkg: ArgosPackage, device: str, sentences: list[str], beam: int, batch_tokens: int) -> tuple[float, list[str]]:
    engine = ArgosEngine(pkg, device=device, beam_size=beam, batch_tokens=batch_tokens)
    engine.translate_batch(sentences[:64])  # warm-up: load kernels, allocate
    started = time.perf_counter()
    out = engine.translate_batch(sentences)
    seconds = time.perf_counter() - started
    engine.close()
    return len(sentences) / seconds, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    ap.add_argument("--limit", type=int, default=3003)
    ap.add_argument("--beam-size", type=int, default=4)
    args = ap.parse_args()
    sentences = [l for l in args.sentences.read_text(encoding="utf-8").splitlines() if l.strip()][: args.limit]
    print(f"{len(sentences)} sentences from {args.sentences.name}, test model, beam {args.beam_size}, "
          f"{os.cpu_count()} CPU cores")
    with tempfile.TemporaryDirectory() as tmp:
        pkg = unpack_model(Path(tmp))
        cpu_rate, cpu_out = measure(pkg, "cpu", sentences, args.beam_size, 2048)
        print(f"{'device':<8} {'sentences/s':>12}  notes")
        print(f"{'cpu':<8} {cpu_rate:>12.1f}  int8, {os.cpu_count()} threads (baseline)")
        try:
            resolve_device("cuda")
        except EngineError as err:
            print(f"{'cuda':<8} {'skipped':>12}  {err}")
            return 0
        gpu_rate, gpu_out = measure(pkg, "cuda", sentences, args.beam_size, 16384)
        same = sum(a == b for a, b in zip(cpu_out, gpu_out)) / len(sentences)
        print(f"{'cuda':<8} {gpu_rate:>12.1f}  int8_float16 on {card_name()}; "
              f"{gpu_rate / cpu_rate:.1f}x the CPU; {same:.0%} of outputs identical to the CPU's")
    return 0


if __name__ == "__main__":
    sys.exit(main())

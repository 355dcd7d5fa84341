"""Start-up: ``es2en --help`` and ``es2en text --engine apertium`` on one sentence.

Best of ``--repeat`` runs each, beside baselines measured in the same run: a bare
``python -c pass`` of the same interpreter (the floor for any Python command) and
raw ``apertium -u spa-eng`` on the same sentence.
Targets: ``--help`` < 0.3 s; one sentence through Apertium < 1 s.

    .venv/bin/python bench/startup.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
SENTENCE = "El Parlamento de Ucrania ha rechazado hoy la propuesta de derogar la enmienda.\n"


def best(cmd: list[str], stdin: str = "", repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, input=stdin, text=True, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    es2en = str(BIN / "es2en") if (BIN / "es2en").exists() else None
    cmd = [es2en] if es2en else [str(BIN / "python"), "-m", "pipeline"]
    floor = best([str(BIN / "python"), "-c", "pass"], repeat=args.repeat)
    helps = best([*cmd, "--help"], repeat=args.repeat)
    text = best([*cmd, "text", "--engine", "apertium", "--no-glossary"], SENTENCE, args.repeat)
    text_gl = best([*cmd, "text", "--engine", "apertium"], SENTENCE, args.repeat)
    raw = best(["apertium", "-u", "spa-eng"], SENTENCE, args.repeat)
    print(f"command                                        best of {args.repeat}")
    print(f"es2en --help                                   {helps:6.3f} s  (target < 0.3 s: {'met' if helps < 0.3 else 'NOT met'})")
    print(f"  baseline: python -c pass                     {floor:6.3f} s")
    print(f"es2en text --engine apertium (one sentence)    {text_gl:6.3f} s  (target < 1 s: {'met' if text_gl < 1 else 'NOT met'})")
    print(f"  same with --no-glossary                      {text:6.3f} s")
    print(f"  baseline: apertium -u spa-eng                {raw:6.3f} s")
    return 0 if helps < 0.3 and text_gl < 1 else 1


if __name__ == "__main__":
    sys.exit(main())

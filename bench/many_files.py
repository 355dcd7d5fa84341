"""Many files: ``es2en translate DIR`` on every core against one core.

Splits newstest2012.es into ``--files`` .txt documents (paragraphs of five sentences)
in a folder and translates the folder with Apertium: once restricted to a single CPU
core (``taskset -c <one core>`` and ``--jobs 1``: the baseline) and once as a user
runs it (every core, default ``--jobs``), interleaved ``--repeat`` times; the best
of each counts. Target on 2 cores: ≥ 1.7× the single-core throughput.

    .venv/bin/python bench/many_files.py [--files 12] [--repeat 2] [--engine apertium]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSTEST = ROOT / "tests" / "data" / "newstest2012.es"
ES2EN = [str(ROOT / ".venv" / "bin" / "python"), "-m", "pipeline"]
TARGET = 1.7


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--engine", default="apertium")
    args = ap.parse_args(argv)
    cores = sorted(os.sched_getaffinity(0))
    if shutil.which("taskset") is None or len(cores) < 2:
        print(f"many files        skipped: needs taskset and 2+ cores (have {len(cores)})")
        return 0
    lines = [l for l in NEWSTEST.read_text(encoding="utf-8").splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        per = -(-len(lines) // args.files)
        for i in range(args.files):
            part = lines[i * per: (i + 1) * per]
            paras = [" ".join(part[j: j + 5]) for j in range(0, len(part), 5)]
            (folder / f"doc{i:02d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        base = [*ES2EN, "translate", "--no-memory", "--engine", args.engine, "-q", str(folder)]

        def run(cmd: list[str], out: str) -> float:
            t = time.perf_counter()
            subprocess.run([*cmd, "--out", str(Path(tmp) / out)], check=True, capture_output=True)
            return time.perf_counter() - t

        one = every = float("inf")
        for _ in range(args.repeat):
            one = min(one, run(["taskset", "-c", str(cores[0]), *base, "--jobs", "1"], "one"))
            every = min(every, run(base, "all"))
    speedup = one / every
    print(f"folder            {args.files} files, {len(lines)} sentences of {NEWSTEST.name}, engine {args.engine}, "
          f"best of {args.repeat}")
    print(f"es2en, {len(cores)} cores    {every:6.2f} s  {len(lines) / every:6.0f} sentences/s  (default --jobs)")
    print(f"baseline 1 core   {one:6.2f} s  {len(lines) / one:6.0f} sentences/s  (taskset -c {cores[0]}, --jobs 1)")
    print(f"speed-up          {speedup:.2f}x (target ≥ {TARGET}x on 2 cores: {'met' if speedup >= TARGET else 'NOT met'})")
    return 0 if speedup >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

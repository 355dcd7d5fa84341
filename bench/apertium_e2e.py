"""Apertium end to end on newstest2012.es against raw ``apertium -u spa-eng``.

newstest2012.es (3,003 sentences, one a line) is written as a .txt document, one
paragraph a line, and translated by ``es2en translate --no-memory --engine apertium``
(a child process: start-up, ingest, numbers, glossary, Apertium, QA, all three outputs).
The baseline, measured in the same run, is ``apertium -u spa-eng`` over the same file
(one process, what a user would type). Each is repeated ``--repeat`` times,
interleaved; the best counts. Target: es2en ≤ 1.15× the raw time.

Both also print their CPU time (user + system, every process of the run): raw
apertium already keeps about two cores busy, so on a two-core machine es2en cannot
take less than its own CPU time divided by the cores, which the last line shows.

    .venv/bin/python bench/apertium_e2e.py [--repeat 3] [--jobs N] [--format docx ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSTEST = ROOT / "tests" / "data" / "newstest2012.es"
ES2EN = [str(ROOT / ".venv" / "bin" / "python"), "-m", "pipeline"]
TARGET = 1.15


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], stdin_path: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (the command and every process it started)."""
    cpu, t = _cpu(), time.perf_counter()
    with open(stdin_path or os.devnull, "rb") as fh:
        subprocess.run(cmd, stdin=fh, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - t, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--format", dest="formats", action="append")
    args = ap.parse_args(argv)
    lines = [l for l in NEWSTEST.read_text(encoding="utf-8").splitlines() if l.strip()]
    extra = [x for f in (args.formats or []) for x in ("--format", f)]
    if args.jobs:
        extra += ["--jobs", str(args.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "newstest2012.txt"
        doc.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        raw_cmd = ["apertium", "-u", "spa-eng"]
        es2en_cmd = [*ES2EN, "translate", "--no-memory", "--engine", "apertium", "-q", *extra, str(doc),
                     "--out", str(Path(tmp) / "out")]
        raw = e2e = (float("inf"), 0.0)
        for _ in range(args.repeat):
            raw = min(raw, timed(raw_cmd, NEWSTEST))
            e2e = min(e2e, timed(es2en_cmd))
    (raw, raw_cpu), (e2e, e2e_cpu) = raw, e2e
    cores = len(os.sched_getaffinity(0))
    ratio = e2e / raw
    print(f"file              {NEWSTEST.name}: {len(lines)} sentences, {os.cpu_count()} CPU cores, best of {args.repeat}"
          f"{'; formats ' + ', '.join(args.formats) if args.formats else ''}")
    print(f"es2en translate   {e2e:6.2f} s  {len(lines) / e2e:7.0f} sentences/s  {e2e_cpu:5.2f} s CPU  "
          "(all outputs written)")
    print(f"baseline          {raw:6.2f} s  {len(lines) / raw:7.0f} sentences/s  {raw_cpu:5.2f} s CPU  "
          "(apertium -u spa-eng < file)")
    print(f"ratio             {ratio:.2f}x the raw time (target ≤ {TARGET}x: {'met' if ratio <= TARGET else 'NOT met'})")
    print(f"CPU bound         {e2e_cpu / cores / raw:.2f}x the raw time at the least: es2en's CPU time over "
          f"{cores} cores; its CPU beyond raw apertium's: {e2e_cpu - raw_cpu:.2f} s")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run every benchmark in bench/ and print a summary (``make bench``).

Each script prints its figures beside a baseline measured in the same run and exits
non-zero when its target is not met; this runner shows each script's output as it
comes and ends with one line per script. The machine is shared and figures are
noisy: the scripts repeat measurements and keep the best.

    .venv/bin/python bench/run_all.py [--quick] [--only NAME ...]

``--quick`` runs the book at 100 pages instead of 1,000 and fewer repetitions.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

#: (name, script arguments, quick arguments, what it measures)
BENCHES = [
    ("startup", ["startup.py"], ["startup.py", "--repeat", "3"], "es2en --help < 0.3 s; one sentence < 1 s"),
    ("segmentation", ["segmentation.py"], ["segmentation.py"], "≥ 5,000 sentences/s (and pysbd's accuracy)"),
    ("glossary", ["glossary.py"], ["glossary.py", "--seconds", "1"], "5,000-entry matcher ≥ 5,000 sentences/s"),
    ("numbers", ["number_detection.py"], ["number_detection.py"], "≥ 5,000 sentences/s"),
    ("numbers-real", ["numbers_real.py"], ["numbers_real.py"], "real set: ≥ 95% of figures right, 0 silent wrong"),
    ("argos", ["argos_e2e.py"], ["argos_e2e.py", "--repeat", "2", "--subset", "120"],
     "end to end ≥ 90% of raw CTranslate2; ≥ 25x argostranslate"),
    ("apertium", ["apertium_e2e.py"], ["apertium_e2e.py", "--repeat", "2"], "≤ 1.15x raw apertium"),
    ("many-files", ["many_files.py"], ["many_files.py", "--repeat", "1"], "≥ 1.7x one core"),
    ("docx", ["docx_writer.py"], ["docx_writer.py"], "bilingual DOCX rows/s beside python-docx's object API"),
    ("stages", ["stages_profile.py"], ["stages_profile.py", "--repeat", "1"], "per-stage seconds beside raw apertium"),
    ("qa", ["qa.py"], ["qa.py"], "QA counts per check; numbers false positives < 2%"),
    ("memory-import", ["memory_import.py"], ["memory_import.py", "--sizes", "10000,30000", "--repeat", "1"],
     "TMX import time per unit at 100k ≤ 1.5x the 10k one"),
    ("scale", ["scale.py"], ["scale.py", "--pages", "100"], "1,000-page book: peak RSS < 500 MB, ETA bar"),
    ("memory-scale", ["memory_scale.py"], ["memory_scale.py", "--sizes", "0.75,3", "--pages", "100"],
     "peak RSS flat against document size: largest ≤ 1.25x smallest"),
    ("docx-english-size", ["docx_english_size.py"], ["docx_english_size.py", "7500"],
     "1,000-page DOCX read + English copy: time ∝ size, peak RSS < 500 MB and flat"),
    ("beam", ["beam.py"], ["beam.py", "--news", "200"], "quality and speed per beam size"),
    ("gpu", ["gpu.py"], ["gpu.py", "--limit", "500"], "CUDA beside CPU (skipped without a GPU)"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", action="append", help="run only these (repeatable)")
    args = ap.parse_args(argv)
    print(f"es2en benchmarks on {os.cpu_count()} CPU cores ({os.uname().machine}); "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    summary = []
    for name, full, quick, what in BENCHES:
        if args.only and name not in args.only:
            continue
        script = quick if args.quick else full
        print(f"\n=== {name}: {what}\n$ python bench/{' '.join(script)}", flush=True)
        started = time.perf_counter()
        proc = subprocess.run([PYTHON, str(ROOT / "bench" / script[0]), *script[1:]], cwd=ROOT)
        seconds = time.perf_counter() - started
        status = "ok" if proc.returncode == 0 else f"TARGET NOT MET (exit {proc.returncode})"
        summary.append((name, status, seconds, what))
    print("\n=== summary")
    for name, status, seconds, what in summary:
        print(f"{name:<13} {status:<28} {seconds:6.0f} s   {what}")
    return 0 if all(s == "ok" for _, s, _, _ in summary) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Per-stage seconds of a translate run, beside raw Apertium measured in the same run.

The stages of ``es2en translate FILE --no-memory`` (pipeline.run.translate_documents),
run one after another in this process on one document so each can be timed alone:

    read (ingest) → segment → spans (numbers + glossary: SpanFinders.apply)
    → engine (translate_segments) → qa (run_qa) → emit (write_outputs)

Default: newstest2012.es laid out as a .txt document, one paragraph a line (blank lines
between), Apertium; the baseline is ``apertium -u spa-eng`` over the raw file, timed in
the same run. ``--engine argos`` runs bench/data/short.es with the Argos test model
instead (no Apertium baseline). Each stage is repeated ``--repeat`` times and the best
counts (the machine is shared and noisy). ``--checks`` also prints the seconds of each
QA check alone, and ``--profile STAGE`` runs cProfile over one stage.

    .venv/bin/python bench/stages_profile.py [--repeat 3] [--format md] [--checks]
                                             [--engine argos] [--profile qa]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NEWSTEST = ROOT / "tests" / "data" / "newstest2012.es"
SHORT = ROOT / "bench" / "data" / "short.es"
MODEL = ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel"
STAGES = ("read", "segment", "spans", "engine", "qa", "emit")


def _best(times: dict, name: str, seconds: float) -> None:
    times[name] = min(times.get(name, float("inf")), seconds)


def _timed_checks(seconds: dict) -> dict:
    """Wrap every registered QA check so its time (findings included) adds up in
    ``seconds``; returns the original registry entries, to put back."""
    from dataclasses import replace

    from pipeline.qa import CHECKS, all_checks

    saved = {c.id: c for c in all_checks()}

    def wrap(c):
        def fn(seg, ctx):
            t = time.perf_counter()
            out = list(c.fn(seg, ctx) or ())
            seconds[c.id] = seconds.get(c.id, 0.0) + time.perf_counter() - t
            return out
        return fn

    for cid, c in saved.items():
        CHECKS[cid] = replace(c, fn=wrap(c))
    return saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--engine", choices=("apertium", "argos"), default="apertium")
    ap.add_argument("--format", dest="formats", action="append", help="outputs to write (default: md)")
    ap.add_argument("--checks", action="store_true", help="also time each QA check alone")
    ap.add_argument("--profile", choices=STAGES, help="cProfile this stage (last repetition), top 30 by tottime")
    args = ap.parse_args(argv)
    formats = tuple(args.formats or ["md"])

    from pipeline.emit import write_outputs
    from pipeline.engines import select_engine
    from pipeline.ingest import read_document
    from pipeline.model import RunInfo
    from pipeline.qa import CHECKS
    from pipeline.run import SpanFinders, TranslateOptions, run_qa, segment_document
    from pipeline.translate import translate_segments

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = NEWSTEST if args.engine == "apertium" else SHORT
        lines = [l for l in src.read_text(encoding="utf-8").splitlines() if l.strip()]
        doc_path = tmp / (src.stem + ".txt")
        doc_path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        if args.engine == "argos":
            os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "packages")
            subprocess.run([sys.executable, "-m", "pipeline", "models", "install", str(MODEL)], check=True,
                           capture_output=True)
        options = TranslateOptions(engine=args.engine, device="cpu", formats=formats)
        finders = SpanFinders.prepare(options)
        engine = select_engine(options.engine, options.device, options.beam_size).engine
        run = RunInfo(engine=engine.name, model_version=engine.version)
        times: dict[str, float] = {}
        check_times: dict[str, float] = {}
        raw = float("inf")
        n = 0
        try:
            for rep in range(args.repeat):
                last = rep == args.repeat - 1
                if args.engine == "apertium":
                    t = time.perf_counter()
                    with open(NEWSTEST, "rb") as fh:
                        subprocess.run(["apertium", "-u", "spa-eng"], stdin=fh, stdout=subprocess.DEVNULL, check=True)
                    raw = min(raw, time.perf_counter() - t)
                prof = None

                def stage(name, fn):
                    nonlocal prof
                    if last and args.profile == name:
                        prof = cProfile.Profile()
                        prof.enable()
                    t = time.perf_counter()
                    out = fn()
                    _best(times, name, time.perf_counter() - t)
                    if last and args.profile == name:
                        prof.disable()
                    return out

                doc = stage("read", lambda: read_document(doc_path))
                stage("segment", lambda: segment_document(doc))
                n = len(doc.segments)
                stage("spans", lambda: finders.apply(doc))
                stage("engine", lambda: translate_segments(doc.segments, engine))
                stage("qa", lambda: run_qa(doc, finders))
                stage("emit", lambda: write_outputs(doc, tmp / "out", run, formats))
                if args.checks:  # QA again, each check's time measured inside one run
                    doc.locale_guess = None
                    finders.apply(doc)
                    timed = _timed_checks(check_times)
                    try:
                        run_qa(doc, finders)
                    finally:
                        CHECKS.update(timed)
                if prof is not None:
                    pstats.Stats(prof).sort_stats("tottime").print_stats(30)
        finally:
            engine.close()

    python = sum(v for k, v in times.items() if k != "engine")
    print(f"file      {src.name}: {n} segments, {args.engine}, outputs {', '.join(formats)}, "
          f"{os.cpu_count()} CPU cores, best of {args.repeat}")
    for name in STAGES:
        print(f"{name:<9} {times[name]:7.3f} s")
    print(f"{'python':<9} {python:7.3f} s  (every stage but the engine)")
    if args.engine == "apertium":
        total = python + times["engine"]
        print(f"baseline  {raw:7.3f} s  (apertium -u spa-eng < {NEWSTEST.name}, same run)")
        print(f"ratio     {total / raw:7.2f}x  (stages in sequence / raw apertium; the Python stages alone "
              f"{python / raw:.2f}x)")
    if args.checks:
        print(f"qa checks, summed over {args.repeat} runs (numbers.* and terms.* share one parse per segment, "
              "charged to the first that asks):")
        for cid, s in check_times.items():
            print(f"  {cid:<22} {s / args.repeat:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

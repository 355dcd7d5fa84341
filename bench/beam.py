"""Beam size of the Argos engine: quality (sacrebleu BLEU, chrF) and speed per beam.

For each beam in ``--beams``, the Argos test model (pipeline.engines.argos.ArgosEngine,
plain ``translate_batch``, no glossary or number protection) translates

* the 2,400 short sentences of bench/data/short.es against bench/data/short.en
  (what the test model is for), and
* the first ``--news`` sentences of newstest2012.es against newstest2012.en,

and prints corpus BLEU and chrF (sacrebleu defaults) and sentences/s. Beam 1 (greedy)
is the baseline, measured in the same run. ``--default`` marks the engine's default.

    .venv/bin/python bench/beam.py [--beams 1,2,4,6] [--news 500]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHORT = ROOT / "bench" / "data" / "short"
NEWS = ROOT / "tests" / "data" / "newstest2012"
MODEL = ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--beams", default="1,2,4,6")
    ap.add_argument("--news", type=int, default=500)
    args = ap.parse_args(argv)
    import sacrebleu

    sets = {
        "short": (SHORT.with_suffix(".es").read_text(encoding="utf-8").splitlines(),
                  SHORT.with_suffix(".en").read_text(encoding="utf-8").splitlines()),
        "news": (NEWS.with_suffix(".es").read_text(encoding="utf-8").splitlines()[: args.news],
                 NEWS.with_suffix(".en").read_text(encoding="utf-8").splitlines()[: args.news]),
    }
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ARGOS_PACKAGES_DIR"] = tmp
        subprocess.run([sys.executable, "-m", "pipeline", "models", "install", str(MODEL)], check=True,
                       capture_output=True)
        from pipeline.engines import argos

        pkg = argos.installed_packages()[0]
        rows = []
        for beam in (int(b) for b in args.beams.split(",")):
            engine = argos.ArgosEngine(pkg, device="cpu", beam_size=beam)
            engine.translate_batch(sets["short"][0][:32])  # warm-up
            row = [beam]
            for name, (src, ref) in sets.items():
                t = time.perf_counter()
                hyp = engine.translate_batch(src)
                seconds = time.perf_counter() - t
                bleu = sacrebleu.corpus_bleu(hyp, [ref]).score
                chrf = sacrebleu.corpus_chrf(hyp, [ref]).score
                row += [bleu, chrf, len(src) / seconds]
            engine.close()
            rows.append(row)
    default = argos.DEFAULT_BEAM_SIZE
    print(f"Argos test model, {os.cpu_count()} CPU cores; short: {len(sets['short'][0])} sentences of "
          f"bench/data/short.es; news: first {len(sets['news'][0])} of newstest2012")
    print(f"{'beam':>4}  {'short BLEU':>10} {'chrF':>6} {'sent/s':>7}   {'news BLEU':>9} {'chrF':>6} {'sent/s':>7}")
    for beam, sb, sc, ss, nb, nc, ns in rows:
        mark = "  ← default" if beam == default else ("  (baseline: greedy)" if beam == 1 else "")
        print(f"{beam:>4}  {sb:>10.1f} {sc:>6.1f} {ss:>7.0f}   {nb:>9.1f} {nc:>6.1f} {ns:>7.0f}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

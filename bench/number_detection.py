"""Throughput of the number stage over newstest2012.es (3,003 news sentences).

Prints sentences/s for find_numbers (cold: first pass, caches empty; warm: best of
the following passes) beside two baselines measured in the same run: a bare
``re.findall(r"\\d", ...)`` pass and Babel's ``parse_decimal`` over every digit group.
Target: ≥ 5,000 sentences/s warm.

    .venv/bin/python bench/number_detection.py [path/to/file.es] [--repeat N]
"""

from __future__ import annotations

import sys

import argparse
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT / "tests" / "data" / "newstest2012.es"


def rate(fn, lines, repeat):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(lines)
        best = min(best, time.perf_counter() - t)
    return len(lines) / best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    if not Path(args.path).is_file():
        print(f"error: {args.path}: no such file (give newstest2012.es as the argument)", file=sys.stderr)
        return 2
    lines = Path(args.path).read_text(encoding="utf-8").splitlines()

    t0 = time.perf_counter()
    from babel.numbers import parse_decimal

    from pipeline.numbers import NumberOptions, find_numbers, infer_locale
    from pipeline.numbers.parse import _patterns

    _patterns()
    setup = time.perf_counter() - t0

    options = NumberOptions()
    t = time.perf_counter()
    guess = infer_locale("\n".join(lines), options)
    infer_s = time.perf_counter() - t

    def stage(ls):
        n = 0
        for line in ls:
            n += len(find_numbers(line, guess, options))
        return n

    def digits(ls):
        for line in ls:
            re.findall(r"\d", line)

    group = re.compile(r"\d+(?:[.,]\d+)*")

    def babel_only(ls):
        for line in ls:
            for m in group.findall(line):
                try:
                    parse_decimal(m, locale="es_ES")
                except Exception:
                    pass

    t = time.perf_counter()
    n_spans = stage(lines)
    cold = len(lines) / (time.perf_counter() - t)
    warm = rate(stage, lines, args.repeat)
    base_re = rate(digits, lines, args.repeat)
    base_babel = rate(babel_only, lines, args.repeat)

    print(f"file: {args.path} ({len(lines)} sentences), locale inferred: {guess.locale} '{guess.decimal_mark}'")
    print(f"import + compile: {setup * 1000:.0f} ms; infer_locale over the file: {infer_s * 1000:.1f} ms")
    print(f"{'find_numbers (cold, first pass)':40s} {cold:>10,.0f} sentences/s  ({n_spans} spans)")
    print(f"{'find_numbers (warm, best of %d)' % args.repeat:40s} {warm:>10,.0f} sentences/s")
    label = 're.findall(r"\\d")'
    print(f"{'baseline: ' + label:40s} {base_re:>10,.0f} sentences/s")
    print(f"{'baseline: Babel parse_decimal per group':40s} {base_babel:>10,.0f} sentences/s")
    print(f"target ≥ 5,000 sentences/s: {'met' if warm >= 5000 else 'NOT met'}")
    return 0 if warm >= 5000 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Sentence segmentation: our splitter against pysbd, on the gold set and on newstest.

Prints, for ``pipeline.segment`` and ``pysbd.Segmenter(language="es", clean=False)``:
accuracy on ``tests/data/segmentation_gold.jsonl`` (share of cases whose sentence list
is exactly right) and speed in sentences per second, over the gold set and over the
first 3,003 lines of newstest2012.es (one paragraph a line). Exits 1 if ours is less
accurate than pysbd.

pysbd's segments are compared after stripping surrounding whitespace (with
``clean=False`` it keeps the trailing space), so only the placement of boundaries counts.

    python bench/segmentation.py [--verbose] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.segment import split_sentences  # noqa: E402

GOLD = ROOT / "tests" / "data" / "segmentation_gold.jsonl"
NEWSTEST = ROOT / "tests" / "data" / "newstest2012.es"
NEWSTEST_LINES = 3003

Splitter = Callable[[str], list[str]]


def load_gold(path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_newstest(path: Path = NEWSTEST, n: int = NEWSTEST_LINES) -> list[str]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n") for _, line in zip(range(n), f)]


def pysbd_splitter() -> Splitter:
    import pysbd

    seg = pysbd.Segmenter(language="es", clean=False)

    def split(text: str) -> list[str]:
        # pysbd raises or returns odd pieces on empty input; we compare stripped pieces.
        if not text.strip():
            return []
        return [s.strip() for s in seg.segment(text) if s.strip()]

    return split


def accuracy(split: Splitter, cases: list[dict]) -> tuple[float, list[tuple[dict, list[str]]]]:
    """Share of cases split exactly right, and the cases that were not."""
    wrong = []
    for case in cases:
        try:
            got = split(case["text"])
        except Exception as exc:  # a crash counts as a wrong answer
            got = [f"<{type(exc).__name__}: {exc}>"]
        if got != case["sentences"]:
            wrong.append((case, got))
    return (1 - len(wrong) / len(cases)) if cases else 0.0, wrong


def speed(split: Splitter, texts: list[str], repeat: int) -> float:
    """Sentences per second (best of ``repeat`` passes)."""
    best = float("inf")
    n = 0
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        n = sum(len(split(t)) for t in texts)
        best = min(best, time.perf_counter() - t0)
    return n / best if best > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="print the cases each splitter gets wrong")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes; the best counts (pysbd: 1)")
    args = ap.parse_args(argv)

    cases = load_gold()
    gold_texts = [c["text"] for c in cases]
    news = load_newstest()
    splitters: dict[str, Splitter] = {"es2en": split_sentences, "pysbd": pysbd_splitter()}

    rows = []
    wrongs = {}
    for name, split in splitters.items():
        acc, wrong = accuracy(split, cases)
        wrongs[name] = wrong
        rep = args.repeat if name == "es2en" else 1  # pysbd is slow; one pass is plenty
        gold_sps = speed(split, gold_texts, rep)
        news_sps = speed(split, news, rep) if news else float("nan")
        rows.append((name, acc, len(cases) - len(wrong), gold_sps, news_sps))

    print(f"gold set: {len(cases)} cases; newstest2012.es: {len(news)} lines")
    print(f"{'splitter':<10} {'accuracy':>9} {'right':>9} {'sent/s gold':>12} {'sent/s news':>12}")
    for name, acc, right, gsps, nsps in rows:
        print(f"{name:<10} {acc:>9.1%} {right:>4}/{len(cases):<4} {gsps:>12,.0f} {nsps:>12,.0f}")

    if args.verbose:
        for name, wrong in wrongs.items():
            print(f"\n== {name}: {len(wrong)} cases wrong")
            for case, got in wrong:
                print(f"- {case['note']}\n  text:     {case['text']!r}")
                print(f"  expected: {case['sentences']!r}\n  got:      {got!r}")

    ours, theirs = rows[0][1], rows[1][1]
    if ours < theirs:
        print(f"FAIL: es2en accuracy {ours:.1%} < pysbd {theirs:.1%}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

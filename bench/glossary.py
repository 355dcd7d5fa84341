"""Glossary matcher throughput: 5,000 entries over newstest2012.es.

Builds a 5,000-entry glossary (the shipped entries, then frequent phrases and
words of the corpus itself so that matches really happen, then synthetic terms),
compiles it once, and prints matcher sentences/s over every sentence of
newstest2012.es beside a baseline measured in the same run: a naive loop over
every Spanish form with ``str.find`` (not even whole-word), on a sample.

    .venv/bin/python bench/glossary.py [--corpus PATH] [--entries 5000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.glossary import Entry, Glossary, default_glossary_paths, load_glossaries  # noqa: E402
from pipeline.glossary.matcher import entry_forms  # noqa: E402
from pipeline.glossary.suggest import FUNCTION, _WORD  # noqa: E402

TARGET = 5000  # sentences/s


def build_entries(sentences: list[str], n: int) -> list[Entry]:
    entries = list(load_glossaries(default_glossary_paths(ROOT / "glossaries")).entries)
    have = {e.key for e in entries}
    grams: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for s in sentences:
        toks = [w.lower() for w in _WORD.findall(s)]
        for w in toks:
            if len(w) >= 6 and w not in FUNCTION and w.isalpha():
                words[w] += 1
        for k in (2, 3):
            for i in range(len(toks) - k + 1):
                g = toks[i: i + k]
                if g[0] in FUNCTION or g[-1] in FUNCTION or not all(w.isalpha() for w in g):
                    continue
                grams[" ".join(g)] += 1
    i = 0
    for source in (grams, words):
        for text, count in source.most_common():
            if len(entries) >= n // 2 + len(have) // 2 and source is grams:
                break
            if len(entries) >= n:
                break
            if count < 2 or text in have:
                continue
            have.add(text)
            entries.append(Entry(text, f"term {i}"))
            i += 1
    while len(entries) < n:
        entries.append(Entry(f"término sintético {i}", f"synthetic term {i}"))
        i += 1
    return entries[:n]


def rate(func, items: list[str], min_seconds: float) -> tuple[float, int]:
    """Items per second (repeating the list until min_seconds), and matches in one pass."""
    matches = sum(func(s) for s in items)
    done = 0
    start = time.perf_counter()
    while True:
        for s in items:
            func(s)
        done += len(items)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed, matches


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "newstest2012.es")
    ap.add_argument("--entries", type=int, default=5000)
    ap.add_argument("--baseline-sample", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=2.0)
    args = ap.parse_args(argv)

    sentences = [ln.strip() for ln in args.corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    entries = build_entries(sentences, args.entries)

    t0 = time.perf_counter()
    glossary = Glossary.from_entries(entries)
    matcher = glossary.matcher()
    compile_s = time.perf_counter() - t0

    fast, n_fast = rate(lambda s: len(matcher.find(s)), sentences, args.seconds)

    forms = [f.lower() for e in entries for f, _p, _g in entry_forms(e)]
    sample = sentences[: args.baseline_sample]

    def naive(s: str) -> int:
        low = s.lower()
        return sum(1 for f in forms if low.find(f) >= 0)

    slow, _ = rate(naive, sample, min(args.seconds, 1.0))

    print(f"corpus            {args.corpus} ({len(sentences)} sentences)")
    print(f"glossary          {len(entries)} entries, {len(matcher)} Spanish forms")
    print(f"compile           {compile_s * 1000:.0f} ms (once per run)")
    print(f"matcher           {fast:,.0f} sentences/s ({n_fast} term spans in one pass)")
    print(f"baseline          {slow:,.0f} sentences/s (naive str.find over every form, {len(sample)}-sentence sample)")
    print(f"speed-up          {fast / slow:,.0f}x")
    ok = fast >= TARGET
    print(f"target            >= {TARGET:,} sentences/s: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

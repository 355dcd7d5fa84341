"""QA over newstest2012: translate with the pipeline, run the checks, count flags per check,
and measure the numbers check's false positives against the human reference.

    .venv/bin/python bench/qa.py [--engine apertium] [--limit N] [--show CHECK]
                                 [--disagreements FILE] [--fit-length]

1. Every line of newstest2012.es is one paragraph; the pipeline segments it, finds
   numbers and glossary terms, translates (Apertium by default) and runs every QA check,
   exactly as ``es2en translate`` does. Prints flags per check and the time taken.
2. Numbers, verified by an independent translation: for each line, the values of the
   engine's English are compared with the values of the human reference
   (newstest2012.en), value by value. A line whose values agree with the reference
   (both ways, and with at least one value) has numbers a human translator confirms:
   any numbers.* flag on it is a false positive. The false-positive rate is printed.
   Lines where engine and reference disagree are written to --disagreements for
   inspection by hand (the reference often writes "seven" for 7 or drops a value).
3. The same check run on the human reference as the English ("--reference-as-target"
   line): how often it flags a correct, freely worded human translation.
4. --fit-length: the length-ratio bounds of fluency.LENGTH_BOUNDS, refitted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.model import Block, BlockKind, Document, Segment  # noqa: E402
from pipeline.qa import QAContext, all_checks, run_checks  # noqa: E402
from pipeline.qa import numbers as qa_numbers  # noqa: E402
from pipeline.qa.fluency import LENGTH_BOUNDS  # noqa: E402
from pipeline.run import SpanFinders, TranslateOptions, segment_document  # noqa: E402

DATA = ROOT / "tests" / "data"


def quantile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    i = p * (len(xs) - 1)
    lo = int(i)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


def fit_length(es: list[str], en: list[str]) -> None:
    print("length ratio len(en)/len(es), human newstest2012 pairs:")
    print(f"{'es chars':>12} {'pairs':>6} {'q0.001':>7} {'q0.005':>7} {'median':>7} {'q0.995':>7} {'q0.999':>7}   shipped")
    for lo_len, hi_len, lo, hi in LENGTH_BOUNDS:
        r = [len(b.strip()) / len(a.strip()) for a, b in zip(es, en) if lo_len <= len(a.strip()) < hi_len]
        qs = [quantile(r, p) for p in (0.001, 0.005, 0.5, 0.995, 0.999)]
        band = f"{lo_len}–{hi_len if hi_len < 10**8 else '∞'}"
        print(f"{band:>12} {len(r):6d} " + " ".join(f"{q:7.3f}" for q in qs) + f"   [{lo}, {hi}]")


def translate(lines: list[str], engine_name: str) -> tuple[Document, QAContext, float]:
    from pipeline.engines import select_engine
    from pipeline.translate import translate_segments

    doc = Document(path=Path("newstest2012.es"), id="nt", format="txt",
                   blocks=[Block(BlockKind.PARAGRAPH, " ".join(line.split())) for line in lines])
    segment_document(doc)
    finders = SpanFinders.prepare(TranslateOptions())
    finders.apply(doc)
    choice = select_engine(engine_name, "cpu")
    started = time.perf_counter()
    try:
        translate_segments(doc.segments, choice.engine)
    finally:
        choice.engine.close()
    seconds = time.perf_counter() - started
    return doc, QAContext.from_finders(finders), seconds


def values_agree(a: list, b: list) -> bool:
    def match(x, y) -> bool:
        return qa_numbers.same(x.value, y.value)

    return all(any(match(x, y) for y in b) for x in a) and all(any(match(x, y) for x in a) for y in b)


def line_values(block: Block, ctx: QAContext, target: str) -> tuple[list, list]:
    src = []
    for seg in block.segments:
        src.extend(qa_numbers.source_values(seg, ctx)[0])
    return src, qa_numbers.english_values(target)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", default="apertium")
    ap.add_argument("--data", type=Path, default=DATA / "newstest2012.es")
    ap.add_argument("--reference", type=Path, default=DATA / "newstest2012.en")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="append", default=[], help="print the flags of this check (repeatable)")
    ap.add_argument("--disagreements", type=Path, help="write lines whose values differ from the reference here")
    ap.add_argument("--fit-length", action="store_true")
    args = ap.parse_args()

    es = args.data.read_text(encoding="utf-8").splitlines()
    en = args.reference.read_text(encoding="utf-8").splitlines() if args.reference.exists() else []
    if args.fit_length:
        fit_length(es, en)
        return 0
    if args.limit:
        es, en = es[: args.limit], en[: args.limit]

    doc, ctx, seconds = translate(es, args.engine)
    started = time.perf_counter()
    added = run_checks(doc, ctx)
    qa_seconds = time.perf_counter() - started
    counts = Counter(f.check for _, f in added)
    flagged = {seg.id for seg, _ in added}
    print(f"{args.data.name}: {len(es)} lines, {len(doc.segments)} segments, {args.engine} {seconds:.1f} s, "
          f"QA {qa_seconds:.1f} s; {len(flagged)} segments flagged")
    print(f"{'check':<22} {'severity':<8} {'flags':>6}")
    for c in all_checks():
        print(f"{c.id:<22} {c.severity.value:<8} {counts.get(c.id, 0):6d}")
    for seg, flag in added:
        if flag.check in args.show:
            print(f"\n{seg.id} {flag}\n  ES: {seg.source}\n  EN: {seg.target}")

    if not en:
        return 0
    # numbers: engine English vs human reference, line by line
    with_values = verified = verified_flagged = 0
    disagree: list[str] = []
    fp_lines: list[str] = []
    ref_ctx_flags = ref_with_values = 0
    for block, ref in zip(doc.blocks, en):
        if not block.segments:
            continue
        mt = " ".join(s.target or "" for s in block.segments)
        src, mt_values = line_values(block, ctx, mt)
        ref_values = qa_numbers.english_values(ref)
        if not (src or mt_values or ref_values):
            continue
        with_values += 1
        line_flagged = any(f.check.startswith("numbers.") and f.severity.value == "error"
                           for s in block.segments for f in s.flags)
        if values_agree(mt_values, ref_values) and (mt_values or ref_values):
            verified += 1
            if line_flagged:
                verified_flagged += 1
                fp_lines.append(f"{block.segments[0].id}\n  ES: {block.text}\n  MT: {mt}\n  REF: {ref}\n  "
                                + "; ".join(str(f) for s in block.segments for f in s.flags if f.check.startswith("numbers.")))
        else:
            flags = "; ".join(str(f) for s in block.segments for f in s.flags if f.check.startswith("numbers."))
            disagree.append(f"{block.segments[0].id}  flagged={line_flagged}\n  ES: {block.text}\n  MT: {mt}\n  REF: {ref}\n"
                            f"  MT values: {[v.text for v in mt_values]}  REF values: {[v.text for v in ref_values]}\n"
                            f"  flags: {flags}\n")
        # the human reference as the English of the whole line
        ref_seg = Segment(id=block.segments[0].id + "/ref", source=block.text, target=ref)
        run_checks([ref_seg], QAContext(number_options=ctx.number_options, locale_guess=ctx.locale_guess,
                                        only=frozenset({"numbers"})))
        ref_with_values += 1
        if ref_seg.flags:
            ref_ctx_flags += 1

    print(f"\nnumbers check vs the human reference ({args.reference.name}):")
    print(f"  lines with a numeric value on some side:                {with_values}")
    print(f"  engine values = reference values (verified correct):    {verified}")
    rate = verified_flagged / verified if verified else 0.0
    print(f"  of those flagged numbers.* error (false positives):     {verified_flagged}  ({rate:.2%})")
    print(f"  engine and reference disagree (inspect by hand):        {len(disagree)}")
    print(f"  reference itself checked as the English: flagged lines  {ref_ctx_flags} of {ref_with_values}")
    for line in fp_lines:
        print("\nFALSE POSITIVE " + line)
    if args.disagreements:
        args.disagreements.write_text("\n".join(disagree), encoding="utf-8")
        print(f"  disagreements written to {args.disagreements}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

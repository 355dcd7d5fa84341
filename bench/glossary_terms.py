"""Glossary term accuracy through the real pipeline, per engine and sentence group.

Translates tests/data/glossary_terms.jsonl (short everyday sentences and news
sentences, each with the glossary terms it contains and their expected English)
with Apertium and the Argos test model through ``pipeline.run.translate_lines``
and the default glossaries, and prints per engine and group:

* term accuracy: the share of expected terms whose English is in the output
  (whole words; only the first letter compared case-insensitively, so "Data
  centers" at a sentence start counts) and whose Spanish form is not left in it;
* the number of segments flagged "protect" (a term the pipeline could not enforce);
* a baseline: the same engine with no glossary (``--no-glossary``), i.e. how often
  the engine alone produces the glossary's English.

Targets (issue 4): >= 98% with Apertium, >= 95% with the test Argos model, over
the whole set. Exit status 1 when a target is missed, 2 when an engine is missing.

    .venv/bin/python bench/glossary_terms.py [--engine apertium|argos ...] [--verbose]

Unless ``--argos-packages DIR`` is given, the Argos engine runs on the vendored
test model installed into a temporary ARGOS_PACKAGES_DIR (an official package
installed elsewhere is not used, so figures are comparable between machines).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = ROOT / "tests" / "data" / "glossary_terms.jsonl"
TEST_MODEL = ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel"
TARGETS = {"apertium": 0.98, "argos": 0.95}
GROUPS = ("short", "news")


# ------------------------------------------------------------------ scoring

def load_cases(path: str | Path = CASES) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _pattern(term: str) -> re.Pattern:
    """``term`` as whole words, its first letter in either case, the rest exact."""
    first, rest = term[:1], term[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.lower() != first.upper() else re.escape(first)
    return re.compile(rf"(?<!\w){head}{re.escape(rest)}(?!\w)")


@dataclass
class TermResult:
    es: str
    en: str
    ok: bool
    reason: str = ""  # "missing" (English not found), "spanish left", or both


def score_case(case: dict, output: str) -> list[TermResult]:
    """One result per expected term of ``case`` in the English ``output``.

    Each occurrence of an English term is credited to one expected term only:
    longer terms claim their words first ("generative AI" before "AI"), so a
    sentence with the same term twice needs it twice in the English."""
    terms = case["terms"]
    remaining = output
    found: dict[int, bool] = {}
    for i in sorted(range(len(terms)), key=lambda i: -len(terms[i]["en"])):
        m = _pattern(terms[i]["en"]).search(remaining)
        found[i] = m is not None
        if m:  # mask what this term used
            remaining = remaining[: m.start()] + "\0" * (m.end() - m.start()) + remaining[m.end():]
    results = []
    for i, t in enumerate(terms):
        es, en = t["es"], t["en"]
        # A name that stays as it is (OpenAI, chip, euro) cannot be "left in Spanish".
        kept = _pattern(es.lower()).search(en.lower()) is not None
        spanish_left = not kept and _pattern(es).search(output) is not None
        reasons = [r for r, bad in (("missing", not found[i]), ("spanish left", spanish_left)) if bad]
        results.append(TermResult(es, en, not reasons, ", ".join(reasons)))
    return results


def accuracy(cases: list[dict], outputs: list[str], group: str | None = None) -> tuple[int, int]:
    """(terms right, terms expected) over the cases of ``group`` (None: all)."""
    ok = total = 0
    for case, out in zip(cases, outputs, strict=True):
        if group is not None and case["group"] != group:
            continue
        for r in score_case(case, out):
            total += 1
            ok += r.ok
    return ok, total


# ------------------------------------------------------------------ running

@dataclass
class Run:
    engine: str
    glossary: bool
    outputs: list[str]
    #: Per case: how many of its segments carry a "protect" flag.
    protect_flags: list[int] = field(default_factory=list)
    seconds: float = 0.0
    engine_version: str = ""


@contextlib.contextmanager
def _capture_segments(store: list):
    """Record the segments ``translate_lines`` hands to the translate stage (their
    flags are not part of its return value)."""
    import pipeline.translate as tr

    original = tr.translate_segments

    def recording(segments, engine, *args, **kwargs):
        store.extend(segments)
        store_engine.append(f"{engine.name} {engine.version}".strip())
        return original(segments, engine, *args, **kwargs)

    store_engine: list[str] = []
    tr.translate_segments = recording
    try:
        yield store_engine
    finally:
        tr.translate_segments = original


def run_engine(cases: list[dict], engine: str, glossary: bool = True) -> Run:
    """Translate every case with ``engine`` through ``translate_lines`` (default
    glossaries, or none), one line per case."""
    from pipeline.run import TranslateOptions, translate_lines

    options = TranslateOptions(engine=engine, glossaries=None if glossary else [])
    segments: list = []
    started = time.perf_counter()
    with _capture_segments(segments) as engines:
        outputs = translate_lines([c["es"] for c in cases], options, on_warning=lambda w: None)
    seconds = time.perf_counter() - started
    # translate_lines makes one block per line, segment ids "stdin/<line>/<n>".
    flagged = [0] * len(cases)
    for seg in segments:
        if any(f.check == "protect" for f in seg.flags):
            flagged[int(seg.id.split("/")[1]) - 1] += 1
    return Run(engine, glossary, outputs, flagged, seconds, engines[0] if engines else "")


@contextlib.contextmanager
def argos_test_model_packages(packages_dir: str | None = None):
    """ARGOS_PACKAGES_DIR pointing at ``packages_dir``, or at a temporary folder
    holding only the vendored test model."""
    import argostranslate.package
    import argostranslate.settings as settings

    old = os.environ.get("ARGOS_PACKAGES_DIR")
    old_settings = (settings.package_data_dir, list(settings.package_dirs))
    with tempfile.TemporaryDirectory(prefix="es2en-bench-argos-") as tmp:
        pkg_dir = Path(packages_dir) if packages_dir else Path(tmp)
        os.environ["ARGOS_PACKAGES_DIR"] = str(pkg_dir)
        settings.package_data_dir = pkg_dir
        settings.package_dirs = [pkg_dir]
        try:
            if not packages_dir:
                argostranslate.package.install_from_path(TEST_MODEL)
            yield pkg_dir
        finally:
            settings.package_data_dir, settings.package_dirs = old_settings[0], old_settings[1]
            if old is None:
                os.environ.pop("ARGOS_PACKAGES_DIR", None)
            else:
                os.environ["ARGOS_PACKAGES_DIR"] = old


# ------------------------------------------------------------------ report

def _pct(ok: int, total: int) -> str:
    return f"{100 * ok / total:5.1f}% ({ok}/{total})" if total else "   -"


def report(cases: list[dict], runs: dict[tuple[str, bool], Run], verbose: bool, out=sys.stdout) -> bool:
    """Print the table (and failures with ``verbose``); True when every target is met."""
    met = True
    n = {g: sum(c["group"] == g for c in cases) for g in GROUPS}
    print(f"glossary term accuracy: {len(cases)} sentences ({', '.join(f'{n[g]} {g}' for g in GROUPS)}), "
          f"{sum(len(c['terms']) for c in cases)} expected terms", file=out)
    print(f"{'engine':<9} {'group':<7} {'with glossary':>20} {'protect flags':>14} {'no glossary (baseline)':>24}", file=out)
    for engine in dict.fromkeys(e for e, _ in runs):
        run, base = runs[(engine, True)], runs.get((engine, False))
        for group in (*GROUPS, None):
            ok, total = accuracy(cases, run.outputs, group)
            flags = sum(f for c, f in zip(cases, run.protect_flags) if group is None or c["group"] == group)
            b = _pct(*accuracy(cases, base.outputs, group)) if base else "-"
            print(f"{engine:<9} {group or 'all':<7} {_pct(ok, total):>20} {flags:>14} {b:>24}", file=out)
        ok, total = accuracy(cases, run.outputs)
        target = TARGETS.get(engine)
        if target is not None:
            hit = total and ok / total >= target
            met = met and bool(hit)
            print(f"{'':<9} target >= {target:.0%}: {'met' if hit else 'MISSED'}   "
                  f"({run.engine_version}; {run.seconds:.1f} s with glossary)", file=out)
    if verbose:
        for (engine, glossary), run in runs.items():
            if not glossary:
                continue
            print(f"\nfailures, {engine} with glossary:", file=out)
            for case, output, flags in zip(cases, run.outputs, run.protect_flags):
                bad = [r for r in score_case(case, output) if not r.ok]
                if bad:
                    terms = "; ".join(f"{r.es} → {r.en}: {r.reason}" for r in bad)
                    print(f"  [{case['group']}] {case['es']}\n      → {output}\n      {terms}"
                          f"{'  (flagged protect)' if flags else ''}", file=out)
    return met


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", action="append", choices=sorted(TARGETS), help="repeatable; default: both")
    ap.add_argument("--cases", default=str(CASES), help="JSONL test set")
    ap.add_argument("--argos-packages", metavar="DIR", help="use the Argos packages in DIR instead of the test model")
    ap.add_argument("--no-baseline", action="store_true", help="skip the runs without glossary")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the terms that failed")
    args = ap.parse_args(argv)

    from pipeline.errors import Es2enError

    cases = load_cases(args.cases)
    runs: dict[tuple[str, bool], Run] = {}
    with argos_test_model_packages(args.argos_packages):
        for engine in args.engine or ["apertium", "argos"]:
            for glossary in (True,) if args.no_baseline else (True, False):
                try:
                    runs[(engine, glossary)] = run_engine(cases, engine, glossary)
                except Es2enError as err:
                    print(f"{engine}: {err}", file=sys.stderr)
                    return 2
    return 0 if report(cases, runs, args.verbose) else 1


if __name__ == "__main__":
    sys.exit(main())

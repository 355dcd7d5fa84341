"""Glossary terms enforced through the real engines (issue 4's "done when").

* term accuracy on tests/data/glossary_terms.jsonl, computed here from real
  Apertium and Argos (test model) runs with the scoring of bench/glossary_terms.py:
  >= 98% with Apertium, >= 95% with the test model;
* the seed article's English says "AI" and "data centers" with both engines;
* a malformed glossary stops `es2en translate` before anything is translated
  (file:line in the message, no outputs), and `--lenient` skips the bad line
  with a warning.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, needs_apertium

_spec = importlib.util.spec_from_file_location("bench_glossary_terms", ROOT / "bench" / "glossary_terms.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up there
_spec.loader.exec_module(bench)

CASES = bench.load_cases()
ES2EN = [sys.executable, "-m", "pipeline"]


def es2en(args, env=None):
    return subprocess.run(ES2EN + list(args), capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=900)


# ------------------------------------------------------------------ the test set

def test_test_set_shape():
    groups = [c["group"] for c in CASES]
    assert len(CASES) >= 120
    assert groups.count("short") >= 55 and groups.count("news") >= 55
    assert set(groups) == {"short", "news"}
    assert all(c["terms"] for c in CASES)
    assert len({c["es"] for c in CASES}) == len(CASES), "duplicate sentences"


def test_test_set_agrees_with_the_glossaries():
    """Each sentence's expected terms are exactly what the shipped glossaries match,
    with the English they define (inflected and re-cased by the matcher)."""
    from pipeline.glossary import default_glossary_paths, load_glossaries

    matcher = load_glossaries(default_glossary_paths()).matcher()
    wrong = []
    for case in CASES:
        found = [{"es": s.text, "en": s.target} for s in matcher.find(case["es"])]
        if found != case["terms"]:
            wrong.append(f"{case['es']}\n  expected {case['terms']}\n  matcher  {found}")
    assert not wrong, "\n".join(wrong)


def test_test_set_covers_the_inflections():
    terms = [t for c in CASES for t in c["terms"]]
    forms = {t["es"] for t in terms}
    # plural, feminine person nouns, capitalised at sentence start, acronyms, multi-word, names
    assert {"centros de datos", "directora ejecutiva", "directores ejecutivos", "primera ministra"} <= forms
    assert {"Inteligencia artificial", "Centros de datos", "Inversores"} <= forms
    assert {"IA", "UE", "OTAN", "PIB", "EE.UU."} <= forms
    assert {"OpenAI", "Amazon Web Services", "Sam Altman", "Nvidia"} <= forms
    assert sum(" " in t["es"] for t in terms) >= 80


# ------------------------------------------------------------------ the scoring

def test_scoring_rules():
    case = {"es": "", "group": "short", "terms": [{"es": "centros de datos", "en": "data centers"}]}
    assert [r.ok for r in bench.score_case(case, "Data centers use power.")] == [True]  # first letter either case
    assert [r.ok for r in bench.score_case(case, "DATA CENTERS use power.")] == [False]  # only the first letter
    assert [r.ok for r in bench.score_case(case, "The data centersX.")] == [False]  # whole words
    left = bench.score_case(case, "The data centers (centros de datos).")
    assert [(r.ok, r.reason) for r in left] == [(False, "spanish left")]

    two = {"es": "", "group": "news", "terms": [{"es": "IA", "en": "AI"}, {"es": "IA generativa", "en": "generative AI"}]}
    assert [r.ok for r in bench.score_case(two, "generative AI")] == [False, True]  # one "AI" is not two
    assert [r.ok for r in bench.score_case(two, "AI and generative AI")] == [True, True]
    assert [r.reason for r in bench.score_case(two, "IA and generative AI")] == ["missing, spanish left", ""]

    name = {"es": "", "group": "news", "terms": [{"es": "OpenAI", "en": "OpenAI"}]}
    assert [r.ok for r in bench.score_case(name, "OpenAI said.")] == [True]  # a kept name is not "Spanish left"
    assert bench.accuracy([case, name], ["data centers", "nothing"]) == (1, 2)
    assert bench.accuracy([case, name], ["data centers", "nothing"], group="news") == (0, 1)


# ------------------------------------------------------------------ real engine runs

def _failures(run) -> str:
    lines = []
    for case, out in zip(CASES, run.outputs):
        bad = [f"{r.es} → {r.en}: {r.reason}" for r in bench.score_case(case, out) if not r.ok]
        if bad:
            lines.append(f"[{case['group']}] {case['es']}\n    → {out}\n    {'; '.join(bad)}")
    return "\n".join(lines)


@needs_apertium
def test_apertium_term_accuracy():
    run = bench.run_engine(CASES, "apertium")
    ok, total = bench.accuracy(CASES, run.outputs)
    assert total == sum(len(c["terms"]) for c in CASES)
    assert ok / total >= bench.TARGETS["apertium"], f"{ok}/{total}\n{_failures(run)}"


def test_argos_term_accuracy(argos_packages_dir):
    run = bench.run_engine(CASES, "argos")
    assert "TEST MODEL" in run.engine_version  # the vendored model, not some installed package
    ok, total = bench.accuracy(CASES, run.outputs)
    assert ok / total >= bench.TARGETS["argos"], f"{ok}/{total}\n{_failures(run)}"


@needs_apertium
def test_glossary_beats_the_engine_alone():
    """The glossary is doing the work: without it Apertium produces the glossary's
    English for far fewer terms (measured: 58% against 100%)."""
    with_g = bench.accuracy(CASES, bench.run_engine(CASES, "apertium").outputs)
    without = bench.accuracy(CASES, bench.run_engine(CASES, "apertium", glossary=False).outputs)
    assert without[0] < with_g[0] * 0.8


# ------------------------------------------------------------------ the seed

@pytest.mark.parametrize("engine", [pytest.param("apertium", marks=needs_apertium), "argos"])
def test_seed_says_ai_and_data_centers(engine, argos_packages_dir, tmp_path):
    out = tmp_path / "out"
    proc = es2en(["translate", str(SEED), "--out", str(out), "--engine", engine, "--no-memory", "-q"],
                 env={"ARGOS_PACKAGES_DIR": str(argos_packages_dir)})
    assert proc.returncode == 0, proc.stderr
    english = (out / f"{SEED.stem}.en.md").read_text(encoding="utf-8")
    body = english.split("-->", 1)[-1]  # past the provenance comment
    assert re.search(r"\bAI\b", body), body
    assert "data centers" in body, body
    assert not re.search(r"\bIA\b", body), body
    assert "centros de datos" not in body, body


# ------------------------------------------------------------------ malformed glossaries

MALFORMED = {
    "empty en": ("es\ten\nnube\tcloud\ncentro de datos\t\nIA\tAI\n", "empty 'en'"),
    "missing field": ("es\ten\nnube\tcloud\ncentro de datos\nIA\tAI\n", ""),
    "extra field": ("es\ten\nnube\tcloud\ncentro de datos\tdata center\tsobra\nIA\tAI\n", ""),
}


@pytest.fixture
def source(tmp_path) -> Path:
    src = tmp_path / "src" / "doc.txt"
    src.parent.mkdir()
    src.write_text("La IA cambia el mundo. Los centros de datos consumen mucha energía.\n", encoding="utf-8")
    return src


@needs_apertium
@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_glossary_stops_before_translating(kind, source, tmp_path):
    text, words = MALFORMED[kind]
    bad = tmp_path / "bad.tsv"
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", str(source), "--out", str(out), "--engine", "apertium",
                  "--glossary", str(bad), "--no-memory", "-q"])
    assert proc.returncode != 0
    assert f"{bad}:3" in proc.stderr, proc.stderr
    assert words in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr  # one line
    assert not out.exists() or not any(out.iterdir()), "outputs written despite the bad glossary"
    assert "segments" not in proc.stdout + proc.stderr  # no file was reported translated


@needs_apertium
def test_lenient_skips_the_bad_line_with_a_warning(source, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(MALFORMED["empty en"][0], encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", str(source), "--out", str(out), "--engine", "apertium",
                  "--glossary", str(bad), "--lenient", "--no-memory", "-q"])
    assert proc.returncode == 0, proc.stderr
    warning = [line for line in proc.stderr.splitlines() if f"{bad}:3" in line]
    assert warning and "skip" in warning[0], proc.stderr
    english = (out / "doc.en.md").read_text(encoding="utf-8").split("-->", 1)[-1]
    # The good lines still apply (Apertium alone says "IA"); the skipped one does not.
    assert re.search(r"\bAI\b", english), english
    assert "data centers" not in english, english

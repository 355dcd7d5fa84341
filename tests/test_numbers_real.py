"""The number stage on the real development set (tests/data/numbers_real/*.jsonl).

Every sentence runs through the real pipeline (segment → protect → Apertium → restore →
QA; bench/numbers_real.py says how a figure is judged). The targets of issue 14 are
asserted, so this test fails while the stage misses them: ≥ 95% of the figures right by
value and scale, and no figure wrong without a numbers finding (silent wrong = 0).
Each class of the issue has its figures in the set, and each class is checked to be
present and scored.
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, needs_apertium

sys.path.insert(0, str(ROOT / "bench"))
import numbers_real  # noqa: E402

CLASSES = ["compound", "abbreviation", "ambiguous_separator", "plausibility", "locale_currency", "fraction_word",
           "ordinal", "number_noun", "desk_scale", "ellipsis", "time", "separator", "plain"]
RECORDS = numbers_real.load(numbers_real.DATA) if numbers_real.DATA.exists() else []


@pytest.fixture(scope="module")
def outcomes():
    if not RECORDS:
        pytest.skip("no real set in tests/data/numbers_real")
    return numbers_real.evaluate(RECORDS)


def test_the_set_is_real_and_broad():
    assert len(RECORDS) >= 300
    assert len({r.get("url") for r in RECORDS}) >= 60
    assert len({r.get("country") for r in RECORDS}) >= 8
    classes = {f.get("class") for r in RECORDS for f in r["figures"]}
    missing = [c for c in CLASSES if c not in classes]
    assert not missing, f"classes with no real figure: {missing}"


def test_a_figure_is_judged_by_value_and_scale():
    fig = {"es": "$14,500 millones", "en": "14.5 billion Mexican pesos", "value": "14500000000", "unit": "MXN"}
    assert numbers_real.figure_right(fig, "They will invest 14.5 billion Mexican pesos.")
    assert not numbers_real.figure_right(fig, "They will invest 14.5 million Mexican pesos.")
    assert not numbers_real.figure_right(fig, "They will invest $14.5 billion.")  # US dollars


@needs_apertium
def test_real_set_meets_the_targets(outcomes):
    s = numbers_real.score(outcomes)
    a = s["all"]
    silent = [f"{o.rec['id']} {o.fig['es']!r}→{o.english[:120]!r}" for o in outcomes if o.silent_wrong]
    assert a["silent_wrong"] == 0, f"{a['silent_wrong']} silent wrong figures, e.g. {silent[:5]}"
    assert a["rate"] >= numbers_real.TARGET_RIGHT, f"{a['rate']:.1%} right"


@needs_apertium
@pytest.mark.parametrize("cls", CLASSES)
def test_each_class_from_the_real_set(outcomes, cls):
    """Per class: none wrong without a flag, and at least three in four right (the
    overall target, 95%, is asserted above; the smallest classes hold the source's own
    slips — "487,94%" for colones, "debolívares" — so their floor is lower)."""
    mine = [o for o in outcomes if o.fig.get("class") == cls]
    assert mine, cls
    silent = [f"{o.rec['id']} {o.fig['es']!r}" for o in mine if o.silent_wrong]
    assert not silent, f"{cls}: silent wrong {silent[:5]}"
    right = sum(o.right for o in mine) / len(mine)
    assert right >= 0.75, f"{cls}: {right:.0%} right"


@needs_apertium
@pytest.mark.parametrize("keep", ["20000", "0"], ids=["document kept", "document streamed"])
def test_translate_reads_each_paragraphs_country(tmp_path, keep):
    """Through `es2en translate`, as a user runs it (the bench above calls the stages
    directly): a bare "$" is the peso of the country its own paragraph names, whether the
    document is held whole or streamed block by block."""
    import os
    import subprocess
    import sys

    src = tmp_path / "mixto.txt"
    src.write_text("El Banco de México (Banxico) informó que el gasto será de $500 millones.\n\n"
                   "En Bogotá, el Banco de la República estima que el presupuesto será de $640 billones.\n",
                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "translate", str(src), "--out", str(tmp_path / "out"),
                           "--engine", "apertium", "--no-memory", "-q", "--format", "en.md"],
                          capture_output=True, text=True, env={**os.environ, "ES2EN_KEEP_SEGMENTS": keep})
    assert proc.returncode == 0, proc.stderr
    mexico, colombia = [p for p in (tmp_path / "out" / "mixto.en.md").read_text(encoding="utf-8").split("\n\n")
                        if "Bank" in p]
    assert "500 million Mexican pesos" in mexico, mexico
    assert "640 trillion Colombian pesos" in colombia, colombia

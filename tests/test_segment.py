"""The segment stage: gold set, pysbd comparison, properties, and a few tricky cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.segment import sentence_spans, split_sentences

GOLD_PATH = Path(__file__).resolve().parent / "data" / "segmentation_gold.jsonl"
GOLD = [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_set_is_large_and_well_formed() -> None:
    assert len(GOLD) >= 150
    notes = [c["note"] for c in GOLD]
    assert len(set(notes)) == len(notes), "notes name cases, so they must be unique"
    for case in GOLD:
        assert set(case) == {"text", "sentences", "note"}
        # The expected sentences are the text's non-space content, in order.
        text, pos = case["text"], 0
        for s in case["sentences"]:
            assert s and s == s.strip()
            k = text.find(s, pos)
            assert k >= 0 and not text[pos:k].strip(), (case["note"], s)
            pos = k + len(s)
        assert not text[pos:].strip(), case["note"]


@pytest.mark.parametrize("case", GOLD, ids=[c["note"] for c in GOLD])
def test_gold(case: dict) -> None:
    assert split_sentences(case["text"]) == case["sentences"]


def test_at_least_as_accurate_as_pysbd() -> None:
    pysbd = pytest.importorskip("pysbd")
    seg = pysbd.Segmenter(language="es", clean=False)

    def theirs(text: str) -> list[str]:
        return [s.strip() for s in seg.segment(text) if s.strip()] if text.strip() else []

    def right(split) -> int:
        return sum(split(c["text"]) == c["sentences"] for c in GOLD)

    ours_right, theirs_right = right(split_sentences), right(theirs)
    assert ours_right >= theirs_right, (ours_right, theirs_right)


# Text made of the characters the splitter cares about, so that the property test
# reaches its branches instead of producing mostly letters.
_ALPHABET = st.sampled_from(
    list("aAbBzZñÑéÉ019 .?!…¿¡«»“”\"'()[]—-,;:\n\t\u00a0")
    + ["Sr.", "EE. UU.", "etc.", "J. ", "1. ", "...", "www.x.es"]
)
_TEXT = st.one_of(st.text(), st.lists(_ALPHABET, max_size=60).map("".join))


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_spans_are_ordered_disjoint_trimmed_and_cover_all_non_space(text: str) -> None:
    spans = sentence_spans(text)
    prev_end = 0
    for start, end in spans:
        assert prev_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not text[prev_end:start].strip()
        prev_end = end
    assert not text[prev_end:].strip()
    assert split_sentences(text) == [text[s:e] for s, e in spans]


def test_spans_are_offsets_into_the_text() -> None:
    text = "  ¿Vienes?  Sí.\n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["¿Vienes?", "Sí."]
    assert spans[0][0] == 2 and spans[-1][1] == len(text) - 1


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "¿", "!!!", "\u2028", "a\x00b. C"])
def test_degenerate_input_never_raises(text: str) -> None:
    # Whatever the split, no non-space character is lost or duplicated.
    assert "".join("".join(s.split()) for s in split_sentences(text)) == "".join(text.split())


def test_glued_punctuation_is_never_a_boundary() -> None:
    # Numbers, domains and dotted acronyms: the dot is followed by a non-space.
    text = "Pagó $1.5 y 1.234,56 € (3.5%) a las 20.45 h en www.ine.es, EE.UU. e Israel."
    assert split_sentences(text) == [text]


def test_lower_case_after_question_continues_the_sentence() -> None:
    assert len(split_sentences("¿Vienes? —preguntó. ¿Quién? ¿por qué?")) == 2


def test_title_never_ends_a_sentence_but_etc_does() -> None:
    assert split_sentences("Vino el Sr. Gómez.") == ["Vino el Sr. Gómez."]
    assert len(split_sentences("Hay peras, uvas, etc. Gómez las vende.")) == 2


@pytest.mark.parametrize(
    "text",
    [". " * 50000 + "Fin.", "." * 100000 + "x", "?" * 100000 + "x", "J. K. " * 20000, "a" * 100000 + ". B"],
    ids=["dot-space", "dots", "questions", "initials", "long-word"],
)
def test_pathological_input_is_linear(text: str) -> None:
    # Quadratic regex backtracking would take minutes here; linear work takes milliseconds.
    import time

    t0 = time.perf_counter()
    sentence_spans(text)
    assert time.perf_counter() - t0 < 5

"""translate + restore over real engines: spans enforced, fallbacks, input limits."""

from __future__ import annotations

from pipeline.engines import apertium, argos
from pipeline.model import Segment, Severity, Span
from pipeline.translate import split_for_limit, translate_segments
from conftest import NEWSTEST_ES, needs_apertium


def seg(text: str, *spans: tuple[str, str, str]) -> Segment:
    s = Segment("doc/1/1", text)
    for part, kind, target in spans:
        i = text.index(part)
        s.spans.append(Span(i, i + len(part), kind, part, target))
    return s


@needs_apertium
def test_apertium_enforces_terms_and_numbers_in_place():
    s = seg("La alianza, valorada en $38,000 millones de dólares, permitirá a OpenAI acceder a los centros de datos.",
            ("$38,000 millones de dólares", "currency", "$38 billion"), ("OpenAI", "term", "OpenAI"),
            ("centros de datos", "term", "data centers"))
    translate_segments([s], apertium.ApertiumEngine())
    assert "$38 billion" in s.target and "data centers" in s.target and "OpenAI" in s.target
    assert "millones" not in s.target and "million dollars" not in s.target
    assert s.unknown_words == []  # *OpenAI was inside a replaced span
    assert s.provenance.origin == "engine" and s.provenance.engine == "apertium"
    assert not s.flags


@needs_apertium
def test_apertium_split_span_falls_back_to_surrogates():
    # Apertium moves "grandes" into "centros de datos" and emits the span twice;
    # restore notices and the segment is redone with digit surrogates.
    s = seg("Visitamos los centros de datos grandes de Madrid.", ("centros de datos", "term", "data centers"))
    translate_segments([s], apertium.ApertiumEngine())
    assert s.target.count("data centers") == 1
    assert "<span" not in s.target


def test_argos_keeps_surrogates_and_flags_what_it_cannot_enforce(argos_packages_dir):
    engine = argos.ArgosEngine(argos.installed_packages()[0], device="cpu")
    good = seg("Me gusta Madrid mucho.", ("Madrid", "term", "Madrid"))
    translate_segments([good], engine)
    assert good.target.count("Madrid") == 1 and not good.flags
    hard = seg("La alianza, valorada en $38,000 millones de dólares, sostendrá a OpenAI.",
               ("$38,000 millones de dólares", "currency", "$38 billion"), ("OpenAI", "term", "OpenAI"))
    translate_segments([hard], engine)
    enforced = [x for x in ("$38 billion", "OpenAI") if x in hard.target]
    flagged = [f for f in hard.flags if f.check == "protect" and f.severity is Severity.WARNING]
    assert len(enforced) + len(flagged) == 2  # each span is either in the English or flagged


def test_split_for_limit_respects_the_limit_and_keeps_every_word():
    text = ", ".join(f"cláusula número {i} con varias palabras" for i in range(40))
    pieces = split_for_limit(text, lambda t: len(t.split()), 30)
    assert all(len(p.split()) <= 30 for p in pieces)
    assert " ".join(pieces).split() == text.split()
    word = "x" * 500
    assert "".join(split_for_limit(word, len, 100)) == word


def test_argos_translates_the_308_piece_newstest_line(argos_packages_dir):
    engine = argos.ArgosEngine(argos.installed_packages()[0], device="cpu")
    lines = NEWSTEST_ES.read_text(encoding="utf-8").splitlines()
    line = max(lines, key=engine.count_tokens)  # line 2,315: 308 pieces
    assert engine.count_tokens(line) > engine.max_input_tokens
    s = Segment("n/2315/1", line)
    translate_segments([s], engine)
    assert s.target
    assert [f.check for f in s.flags] == ["length"]


def test_split_for_limit_packs_clauses_into_smaller_parts_when_asked():
    text = ", ".join(f"cláusula número {i} con varias palabras" for i in range(40))
    count = lambda t: len(t.split())  # noqa: E731
    parts = split_for_limit(text, count, 100, part=20)
    assert all(count(p) <= 20 for p in parts) and len(parts) > len(split_for_limit(text, count, 100))
    assert " ".join(parts).split() == text.split()

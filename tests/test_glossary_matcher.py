"""Matcher behaviour: whole words, longest match, case, accents, inflection, no overlaps."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.glossary import Entry, Glossary, load_glossaries
from pipeline.model import Span

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "openai-aws-alliance.txt"
SHIPPED = [ROOT / "glossaries" / n for n in ("currencies.tsv", "general.tsv", "names.tsv")]


@pytest.fixture(scope="module")
def shipped():
    return load_glossaries(SHIPPED).matcher()


def pairs(matcher, text):
    return [(s.text, s.target) for s in matcher.find(text)]


def small(*entries):
    return Glossary.from_entries(list(entries)).matcher()


def test_spans_are_model_spans_with_offsets(shipped):
    text = "Los centros de datos de la IA."
    spans = shipped.find(text)
    assert all(isinstance(s, Span) and s.kind == "term" for s in spans)
    assert [(s.start, s.end) for s in spans] == [(4, 20), (27, 29)]
    assert all(text[s.start:s.end] == s.text for s in spans)
    s = spans[0]
    assert s.target == "data centers" and s.value.es == "centro de datos"
    assert s.attrs["plural"] is True and s.attrs["generated"] is True and s.attrs["form"] == "centros de datos"
    assert s.attrs["source"].endswith("general.tsv:" + str(s.value.line))


def test_whole_words_only():
    m = small(Entry("IA", "AI"), Entry("nube", "cloud"), Entry("euro", "euro"))
    assert pairs(m, "IAS media VIA nubarrones? eurodiputado IA.") == [("IA", "AI")]
    assert pairs(m, "(IA), «nube»") == [("IA", "AI"), ("nube", "cloud")]
    assert pairs(m, "la IA-generativa") == [("IA", "AI")]


def test_longest_match_first_and_no_overlap():
    m = small(
        Entry("nube", "cloud"), Entry("servicio en la nube", "cloud service"), Entry("nube pública", "public cloud"),
        Entry("servicio", "service"), Entry("la nube pública de España", "X"),
    )
    spans = m.find("un servicio en la nube pública de España")
    assert [(s.text, s.target) for s in spans] == [("servicio", "service"), ("la nube pública de España", "X")]
    m2 = small(Entry("nube", "cloud"), Entry("servicio en la nube", "cloud service"), Entry("nube pública", "public cloud"))
    assert pairs(m2, "un servicio en la nube pública") == [("servicio en la nube", "cloud service")]
    assert pairs(m2, "la nube pública y la nube") == [("nube pública", "public cloud"), ("nube", "cloud")]


def test_case_per_entry():
    m = small(Entry("IA", "AI"), Entry("nube", "cloud"), Entry("Meta", "Meta", case="insensitive"),
              Entry("bolívar", "bolivar", case="sensitive"))
    assert pairs(m, "ia, Ia, IA") == [("IA", "AI")]
    assert pairs(m, "Nube, NUBE y nube") == [("Nube", "Cloud"), ("NUBE", "CLOUD"), ("nube", "cloud")]
    assert pairs(m, "la meta de Meta") == [("meta", "Meta"), ("Meta", "Meta")]
    assert pairs(m, "Simón Bolívar y el bolívar") == [("bolívar", "bolivar")]


def test_english_follows_spanish_case_for_insensitive_entries():
    m = small(Entry("inteligencia artificial", "artificial intelligence"), Entry("pyme", "SME", en_plural="SMEs"),
              Entry("internet de las cosas", "Internet of Things", pos="phrase"))
    assert pairs(m, "Inteligencia artificial") == [("Inteligencia artificial", "Artificial intelligence")]
    assert pairs(m, "Inteligencia Artificial") == [("Inteligencia Artificial", "Artificial Intelligence")]
    assert pairs(m, "INTELIGENCIA ARTIFICIAL") == [("INTELIGENCIA ARTIFICIAL", "ARTIFICIAL INTELLIGENCE")]
    assert pairs(m, "PYMES y pymes") == [("PYMES", "SMEs"), ("pymes", "SMEs")]
    assert pairs(m, "el internet de las cosas") == [("internet de las cosas", "Internet of Things")]


def test_accents():
    m = small(Entry("comunicación", "communication"), Entry("público", "public"), Entry("cómputo", "computing"))
    assert pairs(m, "comunicacion") == []  # accents are significant in running text
    assert pairs(m, "lo publicó el público") == [("público", "public")]
    assert pairs(m, "COMUNICACION y COMUNICACIÓN") == [("COMUNICACION", "COMMUNICATION"), ("COMUNICACIÓN", "COMMUNICATION")]
    nfd = unicodedata.normalize("NFD", "la comunicación del cómputo")
    spans = m.find(nfd)
    assert [(s.target, nfd[s.start:s.end] == s.text) for s in spans] == [("communication", True), ("computing", True)]
    nfd_entry = small(Entry(unicodedata.normalize("NFD", "comunicación"), "communication"))
    assert pairs(nfd_entry, "comunicación") == [("comunicación", "communication")]


def test_plural_and_gender_forms_pick_the_english_number(shipped):
    assert pairs(shipped, "la directora ejecutiva y los directores ejecutivos") == [
        ("directora ejecutiva", "chief executive"), ("directores ejecutivos", "chief executives"),
    ]
    assert pairs(shipped, "varias alianzas estratégicas") == [("alianzas estratégicas", "strategic alliances")]
    assert pairs(shipped, "las redes sociales") == [("redes sociales", "social media")]
    assert pairs(shipped, "los jefes de Estado") == [("jefes de Estado", "heads of state")]
    assert pairs(shipped, "Las primeras ministras") == [("primeras ministras", "prime ministers")]
    assert pairs(shipped, "los paraísos fiscales") == [("paraísos fiscales", "tax havens")]
    assert pairs(shipped, "los semiconductores y los chips") == [("semiconductores", "semiconductors"), ("chips", "chips")]
    assert pairs(shipped, "las grandes tecnológicas") == [("grandes tecnológicas", "Big Tech companies")]
    assert pairs(shipped, "100 dólares") == [("dólares", "dollars")]


def test_variants_and_their_plurals(shipped):
    assert pairs(shipped, "la tasa de interés y las tasas de interés") == [
        ("tasa de interés", "interest rate"), ("tasas de interés", "interest rates"),
    ]
    assert pairs(shipped, "NVIDIA y Nvidia") == [("NVIDIA", "Nvidia"), ("Nvidia", "Nvidia")]
    assert pairs(shipped, "las IAs") == [("IAs", "AIs")]


def test_punctuation_inside_terms(shipped):
    assert pairs(shipped, "gasto en I+D y en I+D+i") == [("I+D", "R&D"), ("I+D+i", "R&D and innovation")]
    assert pairs(shipped, "I + D") == []
    assert pairs(shipped, "en EE. UU. y en EE.UU. hoy") == [("EE. UU.", "U.S."), ("EE.UU.", "U.S.")]
    assert pairs(shipped, "el centro\nde  datos") == [("centro\nde  datos", "data center")]


def test_participle_shaped_noun_is_not_matched_as_a_verb(shipped):
    assert pairs(shipped, "Un comunicado de Amazon.") == [("comunicado", "statement"), ("Amazon", "Amazon")]
    assert pairs(shipped, "La empresa ha comunicado que") == []
    assert pairs(shipped, "Fue comunicado ayer") == []


def test_later_entry_wins_a_shared_form_and_explicit_beats_generated():
    m = small(Entry("nube", "cloud"), Entry("Nube", "Cloud Inc.", case="insensitive"))
    assert pairs(m, "nube") == [("nube", "Cloud Inc.")]
    m2 = small(Entry("dato", "datum"), Entry("datos", "data"))
    assert pairs(m2, "los datos") == [("datos", "data")]
    m3 = small(Entry("datos", "data"), Entry("dato", "datum"))
    assert pairs(m3, "los datos") == [("datos", "data")]


def test_seed_key_terms(shipped):
    text = SEED.read_text(encoding="utf-8")
    found = {(s.text, s.target) for s in shipped.find(text)}
    for pair in [
        ("IA", "AI"), ("centros de datos", "data centers"), ("inteligencia artificial", "artificial intelligence"),
        ("alianza estratégica", "strategic alliance"), ("comunicado", "statement"),
        ("director ejecutivo", "chief executive"), ("Amazon Web Services", "Amazon Web Services"),
        ("AWS", "AWS"), ("OpenAI", "OpenAI"), ("ChatGPT", "ChatGPT"), ("Nvidia", "Nvidia"),
        ("servicios en la nube", "cloud services"), ("IA de frontera", "frontier AI"),
        ("grandes tecnológicas", "Big Tech companies"), ("central nuclear", "nuclear power plant"),
    ]:
        assert pair in found, pair
    spans = shipped.find(text)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_compiled_once_and_cheap():
    g = load_glossaries(SHIPPED)
    assert g.matcher() is g.matcher()
    entries = [Entry(f"término número {i}", f"term number {i}") for i in range(5000)]
    m = Glossary.from_entries(entries).matcher()
    assert pairs(m, "el término número 4321 y el término número 7") == [
        ("término número 4321", "term number 4321"), ("término número 7", "term number 7"),
    ]


def test_find_never_raises_on_odd_input(shipped):
    for text in ["", " ", "\x00", "(" * 1000, "IA" * 10000, None, 12, b"IA"]:
        assert isinstance(shipped.find(text), list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["IA", "centros", "de", "datos", "la", "nube", "I+D", "EE.", "UU.", "COMUNICACIÓN",
                             "directora", "ejecutiva", "\u0301", " ", "\n", "ﬁ", "İ", "ß", "(", ")", "-"]),
            st.text(max_size=6),
        ),
        max_size=40,
    ).map(" ".join)
)
def test_find_never_raises_and_spans_are_sound(text):
    m = _SHIPPED_MATCHER
    spans = m.find(text)
    assert isinstance(spans, list)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text and s.target
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


_SHIPPED_MATCHER = load_glossaries(SHIPPED).matcher()

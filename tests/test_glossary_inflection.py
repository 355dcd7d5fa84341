"""Spanish plural and gender forms by rule; English plurals."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.glossary.inflection import english_plural, feminine_word, plural_word, spanish_forms


@pytest.mark.parametrize(
    "word, plural",
    [
        ("centro", "centros"), ("nube", "nubes"), ("sofá", "sofás"), ("café", "cafés"),
        ("nación", "naciones"), ("camión", "camiones"), ("alemán", "alemanes"), ("jardín", "jardines"),
        ("examen", "exámenes"), ("joven", "jóvenes"), ("origen", "orígenes"), ("volumen", "volúmenes"),
        ("orden", "órdenes"), ("tren", "trenes"),
        ("interés", "intereses"), ("autobús", "autobuses"), ("país", "países"), ("baúl", "baúles"),
        ("mes", "meses"), ("gas", "gases"), ("crisis", "crisis"), ("análisis", "análisis"), ("tórax", "tórax"),
        ("luz", "luces"), ("lápiz", "lápices"), ("ley", "leyes"),
        ("dólar", "dólares"), ("líder", "líderes"), ("carácter", "caracteres"), ("régimen", "regímenes"),
        ("ciudad", "ciudades"), ("hospital", "hospitales"), ("chip", "chips"), ("déficit", "déficits"),
        ("jabalí", "jabalíes"), ("gran", "grandes"),
    ],
)
def test_spanish_plural_word(word, plural):
    assert plural_word(word)[0] == plural


def test_loanwords_also_take_plain_s_and_names_stay():
    assert plural_word("hacker") == ["hackeres", "hackers"]
    assert "bitcoins" in plural_word("bitcoin")
    assert plural_word("hospital") == ["hospitales"]
    assert plural_word("IA") == ["IA"] and plural_word("GPT-4") == ["GPT-4"]


@pytest.mark.parametrize(
    "word, fem",
    [("director", "directora"), ("ejecutivo", "ejecutiva"), ("presidente", "presidenta"), ("jefe", "jefa"),
     ("alcalde", "alcaldesa"), ("campeón", "campeona"), ("francés", "francesa"), ("portavoz", "portavoz"),
     ("analista", "analista"), ("general", "general"), ("primer", "primera")],
)
def test_feminine_word(word, fem):
    assert feminine_word(word) == fem


def test_phrase_forms_inflect_the_head_only():
    assert dict(spanish_forms("centro de datos")) == {"centros de datos": True}
    assert dict(spanish_forms("alianza estratégica")) == {"alianzas estratégicas": True}
    assert dict(spanish_forms("pequeña y mediana empresa")) == {"pequeñas y medianas empresas": True}
    assert dict(spanish_forms("director ejecutivo", "person")) == {
        "directores ejecutivos": True, "directora ejecutiva": False, "directoras ejecutivas": True,
    }
    assert dict(spanish_forms("presidente del Gobierno", "person")) == {
        "presidentes del Gobierno": True, "presidenta del Gobierno": False, "presidentas del Gobierno": True,
    }
    assert dict(spanish_forms("primer ministro", "person")) == {
        "primeros ministros": True, "primera ministra": False, "primeras ministras": True,
    }
    assert dict(spanish_forms("estratégico", "adj")) == {"estratégicos": True, "estratégica": False, "estratégicas": True}
    assert spanish_forms("fusiones y adquisiciones", "phrase") == ()
    assert spanish_forms("Amazon", "name") == ()


@pytest.mark.parametrize(
    "en, plural",
    [("data center", "data centers"), ("AI", "AIs"), ("GPU", "GPUs"), ("chief executive (CEO)", "chief executives (CEOs)"),
     ("head of state", "heads of state"), ("cryptocurrency", "cryptocurrencies"), ("financial crisis", "financial crises"),
     ("", "")],
)
def test_english_plural(en, plural):
    assert english_plural(en) == plural


def test_inflect_is_imported_without_typeguard_and_leaves_the_real_one_importable():
    """english_plural imports inflect with typeguard's decorator as a pass-through and
    without importing typeguard (45 ms of every run); typeguard imported afterwards is
    the real module, and inflect still pluralises."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pipeline.glossary.inflection import english_plural\n"
        "assert english_plural('crisis') == 'crises'\n"
        "assert 'typeguard' not in sys.modules, 'typeguard was imported'\n"
        "import typeguard\n"
        "assert hasattr(typeguard, 'check_type'), typeguard\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr

"""Shared fixtures: real files, real engines, no mocks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT / "seeds" / "openai-aws-alliance.txt"
TEST_MODEL = DATA / "translate-es_en-tatoeba.argosmodel"
#: newstest2012 Spanish-English (WMT12), vendored: see tests/data/README.md.
NEWSTEST_ES = DATA / "newstest2012.es"
NEWSTEST_EN = DATA / "newstest2012.en"

has_apertium = shutil.which("apertium") is not None
needs_apertium = pytest.mark.skipif(not has_apertium, reason="apertium is not installed (make setup installs it)")


#: Short everyday Spanish sentences, made by combining these (12 × 12 × 12 × 5 = 8,640
#: distinct ones): input for runs large enough to need several engine batches.
_SUBJECTS = ["El niño", "La niña", "Mi hermano", "Tu madre", "El profesor", "La doctora", "Nuestro vecino",
             "Su amiga", "El perro", "La gata", "Mi abuelo", "Tu prima"]
_VERBS = ["come", "quiere", "compra", "busca", "lava", "tiene", "mira", "vende", "pinta", "rompe", "cuida",
          "necesita"]
_OBJECTS = ["una manzana", "el libro", "la casa", "un coche", "la mesa", "una carta", "el pan", "la puerta",
            "un regalo", "la ventana", "el vaso", "una silla"]
_WHEN = ["", " hoy", " ahora", " ayer", " siempre"]


def everyday_sentences(n: int, start: int = 0) -> list[str]:
    """Sentences ``start`` to ``start + n`` of a fixed list of distinct sentences."""
    import itertools

    combos = itertools.product(_WHEN, _SUBJECTS, _VERBS, _OBJECTS)
    return [f"{s} {v} {o}{w}." for w, s, v, o in itertools.islice(combos, start, start + n)]


@pytest.fixture(scope="session")
def argos_packages_dir(tmp_path_factory) -> Path:
    """An Argos packages directory holding only the vendored test model."""
    import argostranslate.package

    pkg_dir = tmp_path_factory.mktemp("argos") / "packages"
    pkg_dir.mkdir()
    old = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(pkg_dir)
    # argostranslate reads the variable at import time into settings.package_data_dir.
    import argostranslate.settings as settings

    settings.package_data_dir = pkg_dir
    settings.package_dirs = [pkg_dir]
    argostranslate.package.install_from_path(TEST_MODEL)
    yield pkg_dir
    if old is None:
        os.environ.pop("ARGOS_PACKAGES_DIR", None)
    else:
        os.environ["ARGOS_PACKAGES_DIR"] = old


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    dst = tmp_path / "seeds" / SEED.name
    dst.parent.mkdir()
    shutil.copy(SEED, dst)
    return dst


# Hypothesis profiles (tests/test_fuzz.py): `make test` uses Hypothesis's defaults;
# `make fuzz` sets ES2EN_FUZZ=1 (or pass --hypothesis-profile=es2en-fuzz) for ≥ 2,000 examples each.
from hypothesis import HealthCheck as _HealthCheck, settings as _hyp_settings  # noqa: E402

_hyp_settings.register_profile("es2en-fuzz", max_examples=2000, deadline=None,
                               suppress_health_check=[_HealthCheck.too_slow, _HealthCheck.data_too_large])
if os.environ.get("ES2EN_FUZZ"):
    _hyp_settings.load_profile("es2en-fuzz")


def bilingual_table(document):
    """The side-by-side table of a bilingual .docx opened with python-docx."""
    for table in document.tables:
        if [c.text for c in table.rows[0].cells][:3] == ["#", "Español", "English"]:
            return table
    raise AssertionError("no bilingual table")


def machine_segment(source: str, target: str):
    """A segment whose English came from Apertium, as the memory stores engine output."""
    from pipeline.model import Provenance, Segment

    seg = Segment(id="d/1/1", source=source, target=target)
    seg.provenance = Provenance("engine", "apertium", "apertium-eng-spa 0.8.1")
    return seg

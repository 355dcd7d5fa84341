"""Plain-text reader: the seed's first line, title heuristic, paragraphs, lists."""

from __future__ import annotations

import pytest

from pipeline.ingest import read_document
from pipeline.ingest.text import split_title
from pipeline.model import BlockKind

from conftest import SEED


def test_seed_first_line_is_metadata_heading_and_lead():
    doc = read_document(SEED)
    assert doc.format == "txt"
    assert doc.id == "openai-aws-alliance"
    assert doc.metadata["date"] == "2025-11-03"
    first, second, third = doc.blocks[:3]
    assert first.kind is BlockKind.METADATA
    assert first.text == "date 2025-11-03"
    assert not first.translatable
    assert second.kind is BlockKind.HEADING
    assert second.text == "Conclusiones Clave"
    assert third.kind is BlockKind.PARAGRAPH
    assert third.text.startswith("Con una inversión récord, OpenAI y Amazon sellan")
    assert third.text.endswith("inteligencia artificial avanzada.")


def test_seed_rest_is_paragraphs():
    doc = read_document(SEED)
    kinds = [b.kind for b in doc.blocks[3:]]
    assert kinds == [BlockKind.PARAGRAPH] * len(kinds)
    assert len(kinds) == 10
    assert doc.blocks[-1].text.startswith("El acuerdo contempla que, para finales de 2026")
    assert doc.notices == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Conclusiones Clave Con una inversión récord, OpenAI y Amazon sellan una alianza.",
         ("Conclusiones Clave", "Con una inversión récord, OpenAI y Amazon sellan una alianza.")),
        # sentence-case title, a colon after the title
        ("Conclusiones clave Con una inversión récord, se firma el acuerdo.",
         ("Conclusiones clave", "Con una inversión récord, se firma el acuerdo.")),
        ("Lo esencial: El acuerdo es el mayor de su tipo.", ("Lo esencial:", "El acuerdo es el mayor de su tipo.")),
        # Title Case with a capitalised function word inside: the last split wins
        ("Una Alianza Para la IA Con una inversión récord se firma hoy.",
         ("Una Alianza Para la IA", "Con una inversión récord se firma hoy.")),
        # a sentence that opens with a quote
        ("Claves “La IA es el futuro”, dijo Altman.", ("Claves", "“La IA es el futuro”, dijo Altman.")),
        ("Resumen El diario El País publicó ayer el acuerdo.", ("Resumen", "El diario El País publicó ayer el acuerdo.")),
    ],
)
def test_title_run_is_split(text, expected):
    assert split_title(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sam Altman dijo que la demanda crecerá.",  # proper nouns, no closed-class opener
        "OpenAI y Amazon sellan una alianza estratégica.",
        "Para OpenAI, la prioridad es asegurarse la capacidad.",
        "Según El País, el acuerdo es el mayor del año.",  # title would end in a function word
        "Visitamos Los Ángeles ayer por la tarde.",  # article + capital = a name
        "Llegó a Las Palmas en un vuelo nocturno.",
        "El acuerdo contempla que, para finales de 2026, OpenAI utilice los recursos.",
        "La compañía de Jeff Bezos había sido una de las pocas grandes tecnológicas.",
        "“A medida que OpenAI continúa ampliando los límites”, declaró Matt Garman.",
        "Madrid, 3 de noviembre El Gobierno anunció el plan.",  # comma in the would-be title
    ],
)
def test_no_title_in_ordinary_sentences(text):
    assert split_title(text) is None


def _write(tmp_path, text, name="nota.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_title_on_its_own_line_and_wrapped_paragraphs(tmp_path):
    p = _write(
        tmp_path,
        "date: 2025-11-03\n\nConclusiones Clave\n\nCon una inversión récord, OpenAI y\nAmazon sellan una alianza.\r\n\r\n"
        "Segundo párrafo.\n",
    )
    doc = read_document(p)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.METADATA, "date: 2025-11-03"),
        (BlockKind.HEADING, "Conclusiones Clave"),
        (BlockKind.PARAGRAPH, "Con una inversión récord, OpenAI y Amazon sellan una alianza."),
        (BlockKind.PARAGRAPH, "Segundo párrafo."),
    ]
    assert doc.metadata == {"date": "2025-11-03"}
    assert doc.blocks[1].attrs["detected"] == "line"


def test_seed_variant_title_and_sentence_on_separate_lines(tmp_path):
    p = _write(tmp_path, "date 2025-11-03\nConclusiones Clave\nCon una inversión récord, OpenAI y Amazon sellan una alianza.\n")
    doc = read_document(p)
    assert [b.kind for b in doc.blocks] == [BlockKind.METADATA, BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert doc.blocks[1].text == "Conclusiones Clave"


def test_date_only_at_start_and_only_valid(tmp_path):
    doc = read_document(_write(tmp_path, "Hola a todos.\n\ndate 2025-11-03 es la fecha.\n"))
    assert doc.metadata == {}
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)
    doc = read_document(_write(tmp_path, "date 2025-13-45 Con una fecha imposible se queda el texto.\n", "b.txt"))
    assert "date" not in doc.metadata
    assert doc.blocks[0].text.startswith("date 2025-13-45")


def test_last_short_line_is_a_paragraph_not_a_heading(tmp_path):
    doc = read_document(_write(tmp_path, "Un párrafo completo.\n\nFin del informe\n"))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_short_line_with_inner_colon_or_period_is_not_a_heading(tmp_path):
    doc = read_document(_write(tmp_path, "Fuente: Reuters\n\nEn 2025 hubo 3.5 millones\n\nTexto final.\n"))
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH] * 3


def test_list_lines(tmp_path):
    doc = read_document(
        _write(tmp_path, "Puntos clave:\n- El acuerdo dura siete años.\n  - Empieza en 2025.\n- Vale 38,000 millones\n  de dólares.\n1. Primero.\n")
    )
    assert [(b.kind, b.level, b.attrs.get("marker"), b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, 0, None, "Puntos clave:"),
        (BlockKind.LIST_ITEM, 1, "-", "El acuerdo dura siete años."),
        (BlockKind.LIST_ITEM, 2, "-", "Empieza en 2025."),
        (BlockKind.LIST_ITEM, 1, "-", "Vale 38,000 millones de dólares."),
        (BlockKind.LIST_ITEM, 1, "1.", "Primero."),
    ]


def test_text_is_nfc(tmp_path):
    # "inversión" with a combining acute accent (NFD), as some Mac tools write it
    doc = read_document(_write(tmp_path, "La inversio\u0301n es grande.\n"))
    assert doc.blocks[0].text == "La inversión es grande."

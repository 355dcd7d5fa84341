"""Markdown reader: every block kind on a real sample file, and inline spans."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import read_document
from pipeline.ingest.markdown import inline_spans, parse_markdown
from pipeline.model import BlockKind

SAMPLE = Path(__file__).parent / "data" / "ingest" / "informe.md"


def _inner(text, span):
    return text[span.start + len(span.attrs["open"]) : span.end - len(span.attrs["close"])]


def _check_spans(block):
    for s in block.spans:
        assert block.text[s.start : s.end] == s.text
        if s.paired:
            assert s.text.startswith(s.attrs["open"]) and s.text.endswith(s.attrs["close"])
        else:
            assert s.target == s.text
    # no crossing: any two spans are disjoint or one lies inside the other's inner text
    for a in block.spans:
        for b in block.spans:
            if a is b or not a.overlaps(b):
                continue
            outer, inner = (a, b) if a.end - a.start >= b.end - b.start else (b, a)
            assert outer.paired
            assert outer.start + len(outer.attrs["open"]) <= inner.start
            assert inner.end <= outer.end - len(outer.attrs["close"])


@pytest.fixture(scope="module")
def doc():
    return read_document(SAMPLE)


def test_sample_block_sequence(doc):
    got = [(b.kind, b.level) for b in doc.blocks]
    assert got == [
        (BlockKind.FRONT_MATTER, 0),
        (BlockKind.HEADING, 1),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 2),
        (BlockKind.LIST_ITEM, 1),
        (BlockKind.LIST_ITEM, 1),
        (BlockKind.LIST_ITEM, 2),
        (BlockKind.LIST_ITEM, 2),
        (BlockKind.PARAGRAPH, 0),  # block quote
        *[(BlockKind.PARAGRAPH, 0)] * 6,  # table cells
        (BlockKind.RAW, 0),  # thematic break
        (BlockKind.RAW, 0),  # html block
        (BlockKind.CODE, 0),
        (BlockKind.CODE, 0),
        (BlockKind.PARAGRAPH, 0),
    ]
    for b in doc.blocks:
        _check_spans(b)


def test_front_matter(doc):
    fm = doc.blocks[0]
    assert fm.text == 'title: "Informe sobre la alianza"\ndate: 2025-11-03\ntags: [ia, nube]'
    assert fm.attrs["format"] == "yaml"
    assert not fm.translatable
    assert doc.metadata == {"title": "Informe sobre la alianza", "date": "2025-11-03"}
    assert doc.id == "informe" and doc.format == "md"


def test_headings_keep_inline_markup_without_block_syntax(doc):
    h1, h2 = doc.blocks[1], doc.blocks[3]
    assert h1.text == "La alianza de **OpenAI** y AWS"
    assert h1.attrs["syntax"] == "atx"
    assert h2.text == "Cifras clave"
    assert h2.attrs["syntax"] == "setext"


def test_paragraph_lines_joined_and_spans(doc):
    p = doc.blocks[2]
    assert p.text == (
        "Con una inversión récord, OpenAI y Amazon sellan una *alianza estratégica* para impulsar la "
        "infraestructura de la IA. Lea [el informe](https://x.org/a) o escriba a prensa@ejemplo.es; más datos "
        "en https://aws.amazon.com/es/."
    )
    kinds = [(s.kind, s.text) for s in p.spans]
    assert kinds == [
        ("emphasis", "*alianza estratégica*"),
        ("link", "[el informe](https://x.org/a)"),
        ("url", "prensa@ejemplo.es"),
        ("url", "https://aws.amazon.com/es/"),
    ]
    em, link = p.spans[0], p.spans[1]
    assert em.attrs == {"open": "*", "close": "*"} and em.target is None
    assert _inner(p.text, em) == "alianza estratégica"
    assert link.attrs["open"] == "[" and link.attrs["close"] == "](https://x.org/a)"
    assert _inner(p.text, link) == "el informe"


def test_lists(doc):
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.level, b.attrs["marker"], b.text) for b in items] == [
        (1, "-", "El acuerdo vale `38,000` millones de dólares."),
        (1, "-", "Durará siete años:"),
        (2, "1.", "primera fase en 2025;"),
        (2, "2.", "segunda fase en 2026."),
    ]
    code = items[0].spans[0]
    assert (code.kind, code.text, code.target) == ("code", "`38,000`", "`38,000`")


def test_blockquote_table_raw_and_code(doc):
    quote = doc.blocks[8]
    assert quote.attrs["blockquote"] == 1
    assert quote.text.startswith("«Escalar la IA")
    cells = [b for b in doc.blocks if "table" in b.attrs]
    assert [(c.attrs["row"], c.attrs["col"], c.attrs["header"], c.text) for c in cells] == [
        (0, 0, True, "Empresa"),
        (0, 1, True, "Inversión"),
        (1, 0, False, "OpenAI"),
        (1, 1, False, "38,000 M"),
        (2, 0, False, "AWS"),
        (2, 1, False, ""),
    ]
    assert cells[0].attrs["align"] == "left" and cells[1].attrs["align"] == "right"
    assert not cells[-1].translatable
    hr, html, fenced, indented = doc.blocks[15:19]
    assert hr.text == "***" and hr.attrs["thematic_break"]
    assert html.text == '<div class="nota">\nContenido HTML que no se traduce.\n</div>' and html.attrs["html"]
    assert fenced.kind is BlockKind.CODE and fenced.text == 'print("no se traduce")'
    assert fenced.attrs["info"] == "python" and fenced.attrs["fence"] == "```"
    assert indented.text == "código indentado" and indented.attrs["indented"]
    assert not any(b.translatable for b in (hr, html, fenced, indented))


def test_autolink_and_image(doc):
    p = doc.blocks[-1]
    url, image = p.spans
    assert (url.kind, url.text, url.target) == ("url", "<https://openai.com>", "<https://openai.com>")
    assert image.kind == "image" and image.text == '![el logotipo de AWS](logo.png "AWS")'
    assert image.attrs["open"] == "![" and image.attrs["close"] == '](logo.png "AWS")'
    assert _inner(p.text, image) == "el logotipo de AWS"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Un **informe** breve", [("strong", "**informe**", "informe")]),
        ("Un __informe__ y _otro_", [("strong", "__informe__", "informe"), ("emphasis", "_otro_", "otro")]),
        ("Ver [el informe](https://x.org/a) hoy", [("link", "[el informe](https://x.org/a)", "el informe")]),
        ("Ver [el informe](<https://x.org/a b> 'T (1)') hoy",
         [("link", "[el informe](<https://x.org/a b> 'T (1)')", "el informe")]),
        ("Ver [el informe][ref] y [ref]", [("link", "[el informe][ref]", "el informe"), ("link", "[ref]", "ref")]),
        ("Un ~~error~~ corregido", [("strikethrough", "~~error~~", "error")]),
    ],
)
def test_paired_spans(text, expected):
    spans = inline_spans(text, {"references": {"REF": {"href": "https://x.org", "title": ""}}})
    assert [(s.kind, text[s.start : s.end], _inner(text, s)) for s in spans] == expected


def test_nested_spans_stay_inside_inner_text():
    text = "Use **el comando `pip install` con [la guía](https://x.org)** y ya"
    block = parse_markdown(text + "\n", Path("x.md"), "x").blocks[0]
    _check_spans(block)
    assert [(s.kind, s.text) for s in block.spans] == [
        ("strong", "**el comando `pip install` con [la guía](https://x.org)**"),
        ("code", "`pip install`"),
        ("link", "[la guía](https://x.org)"),
    ]


@pytest.mark.parametrize(
    "text, urls",
    [
        ("Visite https://x.org/a_b_c.", ["https://x.org/a_b_c"]),
        ("(ver https://es.wikipedia.org/wiki/Java_(lenguaje))", ["https://es.wikipedia.org/wiki/Java_(lenguaje)"]),
        ("Escriba a ana.perez@ejemplo.com.mx, gracias", ["ana.perez@ejemplo.com.mx"]),
        ("En www.ejemplo.es/ruta?x=1&y=2; o no", ["www.ejemplo.es/ruta?x=1&y=2"]),
        ("Código `https://no.es` y <b>x</b>", []),
    ],
)
def test_bare_urls(text, urls):
    spans = inline_spans(text)
    assert [s.text for s in spans if s.kind == "url"] == urls
    for s in spans:
        assert text[s.start : s.end] == s.text


def test_escapes_entities_and_inline_html_keep_offsets():
    text = "Precio \\*especial\\* &amp; <span class=\"x\">oferta</span> **ya**"
    spans = inline_spans(text)
    assert [(s.kind, s.text) for s in spans] == [
        ("html", '<span class="x">'),
        ("html", "</span>"),
        ("strong", "**ya**"),
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_toml_front_matter_and_no_false_front_matter():
    doc = parse_markdown('+++\ntitle = "Hola"\n+++\n\nTexto.\n', Path("t.md"), "t")
    assert doc.blocks[0].kind is BlockKind.FRONT_MATTER and doc.blocks[0].attrs["format"] == "toml"
    assert doc.metadata["title"] == "Hola"
    # a thematic break followed by a setext heading is not front matter
    doc = parse_markdown("---\nUn texto normal, con comas. Y frases.\n---\n", Path("u.md"), "u")
    assert [b.kind for b in doc.blocks] == [BlockKind.RAW, BlockKind.HEADING]


def test_reference_definitions_are_kept_raw_and_lists_details():
    src = "Texto con [enlace][r].\n\n[r]: https://x.org\n\n3) tercero\n4) cuarto\n\n   más del cuarto\n-\n"
    doc = parse_markdown(src, Path("r.md"), "r")
    got = [(b.kind, b.text, b.attrs.get("marker"), b.attrs.get("list_level")) for b in doc.blocks]
    assert got == [
        (BlockKind.PARAGRAPH, "Texto con [enlace][r].", None, None),
        (BlockKind.RAW, "[r]: https://x.org", None, None),
        (BlockKind.LIST_ITEM, "tercero", "3)", None),
        (BlockKind.LIST_ITEM, "cuarto", "4)", None),
        (BlockKind.PARAGRAPH, "más del cuarto", None, 1),
        (BlockKind.LIST_ITEM, "", "-", None),
    ]
    assert doc.blocks[0].spans[0].attrs["href"] == "https://x.org"
    assert doc.blocks[1].attrs["unparsed"]
    assert [b.attrs["line"] for b in doc.blocks] == [1, 3, 5, 6, 8, 9]


_PIECES = [
    "a", "año", " ", "*", "_", "**", "`", "``", "[", "]", "(", ")", "!", "<", ">", "\\", "&amp;", "~~", '"',
    "https://x.org/a_b", "ana@x.es", "www.x.es", "<https://y.z>", "<b>", "</b>", ":", "[r]",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join))
def test_spans_are_exact_and_never_cross(text):
    text = text.strip()
    spans = inline_spans(text, {"references": {"R": {"href": "/r", "title": ""}}})
    block = parse_markdown("x\n", Path("x.md"), "x").blocks[0]
    block.text, block.spans = text, spans
    _check_spans(block)
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end))

"""DOCX reader on documents written with python-docx (plus raw WordprocessingML
for what python-docx cannot write: hyperlinks, tracked changes, text boxes,
footnote references, content controls)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from pipeline.errors import InputError
from pipeline.ingest import read_document
from pipeline.model import BlockKind

DATA = Path(__file__).parent / "data" / "ingest"
W_NS = nsdecls("w")


def _png() -> bytes:
    """A valid 1×1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b"")


def _raw(paragraph, xml: str):
    paragraph._p.append(parse_xml(xml))


def _kinds(doc):
    return [(b.kind, b.level, b.text) for b in doc.blocks]


def test_order_styles_and_table(tmp_path):
    d = docx.Document()
    d.add_paragraph("Informe anual 2025", style="Title")
    d.add_heading("Resumen", level=1)
    d.add_paragraph("Primer párrafo antes de la tabla.")
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Empresa"
    table.cell(0, 1).text = "Inversión"
    table.cell(1, 0).text = "OpenAI"
    table.cell(1, 1).text = "38,000 millones"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Total sin desglosar"
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W_NS}/>"))
    d.add_paragraph("Párrafo después de la tabla.")
    d.add_heading("Detalles", level=2)
    d.add_paragraph("Punto con viñeta", style="List Bullet")
    d.add_paragraph("Viñeta anidada", style="List Bullet 2")
    d.add_paragraph("Paso uno", style="List Number")
    d.add_paragraph("Paso dos", style="List Number")
    d.add_paragraph("")  # empty paragraphs are dropped
    path = tmp_path / "Informe Año 2025.docx"
    d.save(path)

    doc = read_document(path)
    assert doc.id == "informe-ano-2025" and doc.format == "docx"
    assert _kinds(doc) == [
        (BlockKind.HEADING, 1, "Informe anual 2025"),
        (BlockKind.HEADING, 1, "Resumen"),
        (BlockKind.PARAGRAPH, 0, "Primer párrafo antes de la tabla."),
        (BlockKind.PARAGRAPH, 0, "Empresa"),
        (BlockKind.PARAGRAPH, 0, "Inversión"),
        (BlockKind.PARAGRAPH, 0, "OpenAI"),
        (BlockKind.PARAGRAPH, 0, "38,000 millones"),
        (BlockKind.PARAGRAPH, 0, "Total sin desglosar"),  # a merged cell is read once
        (BlockKind.PARAGRAPH, 0, "Párrafo después de la tabla."),
        (BlockKind.HEADING, 2, "Detalles"),
        (BlockKind.LIST_ITEM, 1, "Punto con viñeta"),
        (BlockKind.LIST_ITEM, 2, "Viñeta anidada"),
        (BlockKind.LIST_ITEM, 1, "Paso uno"),
        (BlockKind.LIST_ITEM, 1, "Paso dos"),
    ]
    cells = [b for b in doc.blocks if "table" in b.attrs]
    assert [(c.attrs["table"], c.attrs["row"], c.attrs["col"], c.attrs["header"]) for c in cells] == [
        (0, 0, 0, True),
        (0, 0, 1, True),
        (0, 1, 0, False),
        (0, 1, 1, False),
        (0, 2, 0, False),
    ]
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.attrs["marker"] for b in items] == ["-", "-", "1.", "2."]
    assert doc.blocks[0].attrs["style"] == "Title"
    assert doc.notices == []


def test_numbering_levels_and_custom_heading_style(tmp_path):
    d = docx.Document()
    custom = d.styles.add_style("Título de sección", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 3"]
    d.add_paragraph("Una sección", style="Título de sección")
    # A two-level list definition: "1." then "a)"; python-docx has no API for it.
    numbering = d.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    num_id = 90
    for text, ilvl in [("Uno", 0), ("Uno punto uno", 1), ("Uno punto dos", 1), ("Dos", 0), ("Dos punto uno", 1)]:
        p = d.add_paragraph(text, style="List Number")
        p._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    outline = d.add_paragraph("Con nivel de esquema")
    outline._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W_NS} w:val="1"/>'))
    path = tmp_path / "listas.docx"
    d.save(path)

    doc = read_document(path)
    heading = doc.blocks[0]
    assert (heading.kind, heading.level, heading.attrs["style"]) == (BlockKind.HEADING, 3, "Título de sección")
    items = doc.blocks[1:6]
    assert [(b.level, b.text) for b in items] == [
        (1, "Uno"), (2, "Uno punto uno"), (2, "Uno punto dos"), (1, "Dos"), (2, "Dos punto uno")
    ]
    # the nested counter restarts under each top-level item
    assert [b.attrs["marker"] for b in items] == ["1.", "a)", "b)", "2.", "a)"]
    assert [b.attrs["numbering"] for b in items[:2]] == ["decimal", "lowerLetter"]
    assert (doc.blocks[6].kind, doc.blocks[6].level) == (BlockKind.HEADING, 2)


def test_visible_text_and_skipped_content_notices(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("Lea ")
    _raw(
        p,
        f'<w:hyperlink {W_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="rId99"><w:r><w:t>el informe</w:t></w:r></w:hyperlink>',
    )
    _raw(p, f'<w:ins {W_NS} w:id="1" w:author="a"><w:r><w:t xml:space="preserve"> completo</w:t></w:r></w:ins>')
    _raw(p, f'<w:del {W_NS} w:id="2" w:author="a"><w:r><w:delText> borrado</w:delText></w:r></w:del>')
    p.add_run(" y oculto").font.hidden = True
    _raw(p, f'<w:r {W_NS}><w:footnoteReference w:id="1"/></w:r>')
    p.add_run(".\tFin")
    box = d.add_paragraph("Texto con un cuadro.")
    _raw(
        box,
        f'<w:r {W_NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        f"<w:p><w:r><w:t>Dentro del cuadro</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
    )
    img = tmp_path / "punto.png"
    img.write_bytes(_png())
    d.add_picture(str(img))
    sdt = parse_xml(
        f"<w:sdt {W_NS}><w:sdtContent><w:p><w:r><w:t>Dentro de un control de contenido.</w:t></w:r></w:p>"
        f"</w:sdtContent></w:sdt>"
    )
    d.element.body.insert(len(d.element.body) - 1, sdt)
    d.sections[0].header.paragraphs[0].text = "Cabecera de página"
    path = tmp_path / "extras.docx"
    d.save(path)

    doc = read_document(path)
    assert [b.text for b in doc.blocks] == [
        "Lea el informe completo. Fin",
        "Texto con un cuadro.",
        "Dentro del cuadro",  # the text box, after the paragraph that anchors it
        "Dentro de un control de contenido.",
        "Cabecera de página",
    ]
    box, header = doc.blocks[2], doc.blocks[4]
    assert (box.attrs["story"], box.attrs["label"], box.attrs["part"]) == ("textbox", "Text box", "word/document.xml")
    assert (header.attrs["story"], header.attrs["label"]) == ("header", "Header")
    assert header.attrs["part"].startswith("word/header")
    # Positions count every paragraph of the part in document order (the box's is inside its anchor's).
    assert [b.attrs["position"] for b in doc.blocks[:4]] == [0, 1, 2, 4]
    first = doc.blocks[0]
    labels = [(s.attrs["role"], s.attrs["label"], s.text) for s in first.spans]
    assert ("pair", "link", "el informe") in labels
    assert ("isolated", "hidden", "") in labels and ("isolated", "fn 1", "") in labels
    assert ("isolated", "tab", "") in labels
    notices = "\n".join(doc.notices)
    assert "left 1 hidden text run as it is" in notices, notices


def test_text_is_nfc(tmp_path):
    d = docx.Document()
    d.add_paragraph("La inversio\u0301n crece.")
    path = tmp_path / "nfd.docx"
    d.save(path)
    assert read_document(path).blocks[0].text == "La inversión crece."


def test_core_properties_become_metadata(tmp_path):
    d = docx.Document()
    d.core_properties.title = "La alianza"
    d.core_properties.author = "Redacción"
    d.add_paragraph("Texto.")
    path = tmp_path / "meta.docx"
    d.save(path)
    assert read_document(path).metadata == {"title": "La alianza", "author": "Redacción"}


# ---------------------------------------------------------------- bad .docx files


def _error(path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    msg = str(info.value)
    assert str(path) in msg and "\n" not in msg
    return msg


def test_zero_byte_docx(tmp_path):
    p = tmp_path / "vacio.docx"
    p.write_bytes(b"")
    assert "empty file (0 bytes)" in _error(p)


def test_text_file_named_docx(tmp_path):
    p = tmp_path / "texto.docx"
    p.write_text("Esto no es un documento de Word.", encoding="utf-8")
    assert "not a ZIP archive" in _error(p)


def test_truncated_docx(tmp_path):
    d = docx.Document()
    d.add_paragraph("Un párrafo." * 200)
    full = tmp_path / "full.docx"
    d.save(full)
    p = tmp_path / "cortado.docx"
    p.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    assert "corrupt .docx" in _error(p)


def test_zip_that_is_not_a_word_document(tmp_path):
    p = tmp_path / "otro.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hola.txt", "hola")
    assert "not a .docx file" in _error(p)


def test_docx_with_broken_xml(tmp_path):
    d = docx.Document()
    d.add_paragraph("Texto.")
    good = tmp_path / "good.docx"
    d.save(good)
    p = tmp_path / "roto.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(p, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert "corrupt .docx" in _error(p)


def test_encrypted_docx():
    # A real password-protected document (password "clave"), written by msoffcrypto-tool.
    assert "encrypted (password-protected)" in _error(DATA / "protegido.docx")


def test_legacy_doc_named_docx(tmp_path):
    p = tmp_path / "viejo.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
    assert "legacy Word 97-2003 .doc" in _error(p)


def test_docx_without_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("")
    d.add_paragraph("   ")
    p = tmp_path / "sin-texto.docx"
    d.save(p)
    assert "no text to translate" in _error(p)


# ---------------------------------------------------------------- every story, real constructs

CORPUS = Path(__file__).parent / "data" / "docx-corpus"


def _stories(doc):
    return [(b.attrs.get("story", "body"), b.attrs.get("label", ""), b.text) for b in doc.blocks]


def test_headers_footers_of_every_kind_are_labelled():
    doc = read_document(CORPUS / "docx4j__odd_even_different_first_page.docx")
    labels = {(story, label) for story, label, _ in _stories(doc) if story != "body"}
    assert labels == {("header", "Header"), ("header", "Even-page header"), ("header", "First-page header"),
                      ("footer", "Footer")}
    texts = [t for _, label, t in _stories(doc)]
    assert {"Odd header", "Even header", "First page", "My footer"} <= set(texts)


def test_footnotes_endnotes_and_comments_are_read_with_their_numbers():
    doc = read_document(CORPUS / "d2p__example.docx")
    notes = [(s, label, t) for s, label, t in _stories(doc) if s in ("footnote", "endnote")]
    assert notes == [("footnote", "Footnote 1", "First footnote"), ("footnote", "Footnote 2", "Second footnote"),
                     ("endnote", "Endnote 1", "First endnote"), ("endnote", "Endnote 2", "Second endnote")]
    assert {(s, label) for s, label, _ in _stories(doc) if s in ("header", "footer")} == {
        ("header", "Header"), ("footer", "Footer")}
    doc = read_document(CORPUS / "pandoc__comments.docx")
    comments = [(label, t) for s, label, t in _stories(doc) if s == "comment"]
    assert comments[0] == ("Comment 1 (Jesse Rosenthal)", "I left a comment.")
    assert ("Comment 3 (Jesse Rosenthal)", "See?") in comments  # a comment's second paragraph
    body = doc.blocks[0]
    assert [s.attrs["label"] for s in body.spans] == ["comment start", "comment end", "comment 0"]


def test_tracked_changes_read_as_accepted():
    from lxml import etree

    for name in ("pandoc__track_changes_deletion.docx", "pandoc__track_changes_insertion.docx",
                 "pandoc__paragraph_insertion_deletion.docx"):
        path = CORPUS / name
        text = " ".join(b.text for b in read_document(path).blocks)
        root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        for d in root.iter(f"{w}delText"):
            if len((d.text or "").strip()) > 3:
                assert d.text.strip() not in text, (name, d.text)
        for ins in root.iter(f"{w}ins"):
            for t in ins.iter(f"{w}t"):
                assert (t.text or "").strip() in text, (name, t.text)


def test_text_boxes_are_read_once_and_strict_documents_are_read():
    doc = read_document(CORPUS / "2010-glow-then-AlternateContent.docx")
    assert len({b.text for b in doc.blocks}) == len(doc.blocks)
    doc = read_document(CORPUS / "docx4j__textbox.docx")  # a VML text box only
    assert _stories(doc) == [("textbox", "Text box", "v:textbox/w:txbxContent")]
    doc = read_document(CORPUS / "mammoth__strict-format.docx")
    assert [b.text for b in doc.blocks] == ["Test"] and doc.metadata.get("strict") == "true"


def _raw_docx(tmp_path, body_xml: str, styles_xml: str = "", extra: dict | None = None, rels: str = "") -> Path:
    """A python-docx document whose body is ``body_xml`` (raw WordprocessingML)."""
    d = docx.Document()
    path = tmp_path / "raw.docx"
    d.save(path)
    out = tmp_path / "crudo.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode()
                start = text.index("<w:body>") + len("<w:body>")
                end = text.index("<w:sectPr")
                data = (text[:start] + body_xml + text[end:]).encode()
            elif item.filename == "word/styles.xml" and styles_xml:
                data = data.replace(b"</w:styles>", styles_xml.encode() + b"</w:styles>")
            elif item.filename == "word/_rels/document.xml.rels" and rels:
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            dst.writestr(item, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out


def _p(runs: str) -> str:
    return f"<w:p>{runs}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_fields_hidden_text_ruby_and_alternate_content(tmp_path):
    fld = lambda kind: f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'  # noqa: E731
    instr = lambda code: f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'  # noqa: E731
    body = "".join([
        # A field nested in another's instructions: its cached "45" is code, not text.
        _p(fld("begin") + instr(" IF ") + fld("begin") + instr(" MERGEFIELD total ") + fld("separate")
           + _r("45") + fld("end") + instr(' = 45 "sí" "no" ') + fld("separate") + _r("El resultado es bueno.")
           + fld("end")),
        _p(_r("Visible ") + _r("también visible", '<w:vanish w:val="0"/>') + _r(" y esto", '<w:vanish w:val="false"/>')
           + _r(" oculto", "<w:vanish/>")),
        _p(_r("Texto ") + _r("escondido por estilo", '<w:rStyle w:val="Oculto"/>') + _r(" normal.")),
        '<w:p><w:pPr><w:pStyle w:val="ParrafoOculto"/></w:pPr>' + _r("Párrafo oculto por su estilo.") + "</w:p>",
        _p(_r("Kanji: ") + '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>かん</w:t></w:r></w:rt>'
           '<w:rubyBase><w:r><w:t>漢</w:t></w:r></w:rubyBase></w:ruby></w:r>'),
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="w14">{_p(_r("Elegido."))}</mc:Choice><mc:Fallback>{_p(_r("Alternativo."))}'
        "</mc:Fallback></mc:AlternateContent>",
        '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdAlt"/>',
        _p(_r("Fin.")),
    ])
    styles = ('<w:style w:type="character" w:styleId="OcultoBase"><w:name w:val="Oculto base"/>'
              '<w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Oculto"><w:name w:val="Oculto"/>'
              '<w:basedOn w:val="OcultoBase"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="ParrafoOculto"><w:name w:val="Parrafo oculto"/>'
              '<w:rPr><w:vanish/></w:rPr></w:style>')
    rels = ('<Relationship Id="rIdAlt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'aFChunk" Target="afchunk.htm"/>')
    path = _raw_docx(tmp_path, body, styles, {"word/afchunk.htm": "<html><body>Hola</body></html>"}, rels)
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == [
        "El resultado es bueno.",
        "Visible también visible y esto",
        "Texto normal.",
        "Kanji: 漢",
        "Elegido.",
        "Fin.",
    ]
    field = doc.blocks[0].spans
    assert [(s.attrs["role"], s.attrs["label"], s.text) for s in field] == [("pair", "field", "El resultado es bueno.")]
    assert "MERGEFIELD" in field[0].attrs["native"] and "45" in field[0].attrs["native"]
    notices = "\n".join(doc.notices)
    assert "word/afchunk.htm" in notices and "altChunk" in notices
    assert "left 3 hidden text runs" in notices


def test_runs_of_equal_formatting_merge_and_differences_become_codes(tmp_path):
    body = _p('<w:r w:rsidR="00A1"><w:t xml:space="preserve">La empresa </w:t></w:r><w:proofErr w:type="spellStart"/>'
              '<w:r w:rsidR="00B2"><w:t>invirtió</w:t></w:r><w:proofErr w:type="spellEnd"/>'
              + _r(" en ") + _r("centros de datos", "<w:b/>") + _r(" y ") + _r("nubes", '<w:i/><w:lang w:val="es-ES"/>')
              + '<w:r><w:tab/></w:r>' + _r("hoy."))
    doc = read_document(_raw_docx(tmp_path, body))
    block = doc.blocks[0]
    assert block.text == "La empresa invirtió en centros de datos y nubes hoy."
    codes = [(s.attrs["role"], s.attrs["label"], s.text, s.attrs.get("space", False)) for s in block.spans]
    assert codes == [("pair", "bold", "centros de datos", False), ("pair", "italic", "nubes", False),
                     ("isolated", "tab", "", True)]
    assert all(s.attrs["format"] == "docx" and s.attrs["id"] for s in block.spans)
    assert "<w:b/>" in block.spans[0].attrs["native"]

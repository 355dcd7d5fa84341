"""Embedded documents (w:altChunk) of a .docx: HTML and plain-text parts are read in
place as blocks labelled "Embedded document", other types get a notice; the English
copy keeps the embedded part as it was and says so. Real python-docx packages, real
lxml.html, the real CLI with Apertium."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx

from conftest import ROOT, needs_apertium
from pipeline.ingest import read_document

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _package(tmp_path: Path, name: str, data: bytes, ctype: str) -> Path:
    """A python-docx document: "Antes.", the w:altChunk of ``name``, "Después."."""
    src = tmp_path / "base.docx"
    docx.Document().save(src)
    out = tmp_path / "embebido.docx"
    body = (_p("Antes del documento.")
            + '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdAlt"/>'
            + _p("Después del documento."))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            raw = zin.read(item)
            if item.filename == "word/document.xml":
                text = raw.decode()
                start = text.index("<w:body>") + len("<w:body>")
                raw = (text[:start] + body + text[text.index("<w:sectPr"):]).encode()
            elif item.filename == "word/_rels/document.xml.rels":
                raw = raw.replace(b"</Relationships>", f'<Relationship Id="rIdAlt" Type="{REL}" '
                                  f'Target="{name}"/></Relationships>'.encode())
            elif item.filename == "[Content_Types].xml":
                raw = raw.replace(b"</Types>", f'<Override PartName="/word/{name}" ContentType="{ctype}"/>'
                                  "</Types>".encode())
            zout.writestr(item, raw)
        zout.writestr(f"word/{name}", data)
    return out


HTML = ('<html><head><meta charset="windows-1252"><title>No es texto</title>'
        '<style>p { color: red }</style></head><body>'
        '<h1>Informe del año</h1><p>La empresa invirtió <b>mucho</b> dinero.</p>'
        '<ul><li>Primer punto</li><li>Segundo punto</li></ul>'
        '<script>var x = "no";</script><div>Texto suelto</div></body></html>').encode("cp1252")


def test_html_alt_chunk_is_read_in_place(tmp_path):
    doc = read_document(_package(tmp_path, "afchunk.htm", HTML, "text/html"))
    assert [b.text for b in doc.blocks] == ["Antes del documento.", "Informe del año",
                                            "La empresa invirtió mucho dinero.", "Primer punto", "Segundo punto",
                                            "Texto suelto", "Después del documento."]
    embedded = doc.blocks[1:-1]
    assert {b.attrs["label"] for b in embedded} == {"Embedded document"}
    assert {b.attrs["embedded"] for b in embedded} == {"word/afchunk.htm"}
    assert not any("part" in b.attrs for b in embedded)  # the English copy leaves the part alone
    notice = "\n".join(doc.notices)
    assert "word/afchunk.htm" in notice and "translated" in notice and "keeps it in Spanish" in notice


def test_plain_text_alt_chunk_is_read_by_paragraph(tmp_path):
    data = "Primera línea\nsigue aquí.\n\nSegundo párrafo.\n".encode("utf-8")
    doc = read_document(_package(tmp_path, "nota.txt", data, "text/plain"))
    assert [b.text for b in doc.blocks][1:3] == ["Primera línea sigue aquí.", "Segundo párrafo."]


def test_other_alt_chunk_types_are_reported(tmp_path):
    doc = read_document(_package(tmp_path, "nota.mht", b"MIME-Version: 1.0\r\n\r\nHola", "message/rfc822"))
    assert [b.text for b in doc.blocks] == ["Antes del documento.", "Después del documento."]
    assert any("word/nota.mht" in n and "message/rfc822" in n and "not read" in n for n in doc.notices)


@needs_apertium
def test_translate_shows_the_embedded_document_and_keeps_the_part(tmp_path):
    path = _package(tmp_path, "afchunk.htm", HTML, "text/html")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "translate", str(path), "--engine", "apertium",
                           "--out", str(tmp_path / "out"), "-q", "--no-memory", "--jobs", "1"],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "afchunk.htm" in proc.stdout + proc.stderr  # the notice is shown
    bilingual = docx.Document(str(tmp_path / "out" / "embebido.bilingual.docx"))
    table = next(t for t in bilingual.tables if [c.text for c in t.rows[0].cells][:3] == ["#", "Español", "English"])
    rows = [r for r in table.rows if "Embedded document" in r.cells[0].text]
    assert rows and rows[0].cells[1].text == "Informe del año" and rows[0].cells[2].text.strip()
    with zipfile.ZipFile(tmp_path / "out" / "embebido.en.docx") as z:
        assert z.read("word/afchunk.htm") == HTML

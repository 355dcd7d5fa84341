"""Encoding detection on real files: UTF-8 (± BOM), UTF-16, cp1252, latin-1, mixed, binary."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import read_document
from pipeline.ingest.encoding import decode_bytes
from pipeline.model import BlockKind

DATA = Path(__file__).parent / "data" / "ingest"


def test_cp1252_file_is_detected_and_said():
    doc = read_document(DATA / "nota-cp1252.txt")
    assert doc.notices and doc.notices[0].startswith("decoded as cp1252 (not valid UTF-8")
    assert "line 3" in doc.notices[0]
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[1].text == (
        "“Escalar la IA de frontera requiere una capacidad masiva”, explicó Sam Altman — "
        "una inversión de 38.000 millones de €…"
    )


def test_latin1_file_is_detected_and_said():
    doc = read_document(DATA / "nota-latin1.txt")
    assert doc.notices[0].startswith("decoded as latin-1 (not valid UTF-8")
    assert doc.blocks[0].text.startswith("La compañía dirigida por Sam Altman invertirá en información")
    assert doc.blocks[0].text.endswith("¿Qué opinión tiene la señora Núñez?")


def test_latin1_with_c1_byte_undefined_in_cp1252(tmp_path):
    p = tmp_path / "c1.txt"
    p.write_bytes("Año de la señal".encode("latin-1") + b"\x81" + b" fin.\n")
    doc = read_document(p)
    assert doc.notices[0].startswith("decoded as latin-1")


def test_utf16_with_bom():
    doc = read_document(DATA / "nota-utf16.txt")
    assert doc.notices == []
    assert doc.blocks[0].text == "Texto en UTF-16 con marca de orden: año, señal, ¿qué?"


@pytest.mark.parametrize("codec", ["utf-16-be", "utf-32"])
def test_other_unicode_boms(tmp_path, codec):
    p = tmp_path / "u.txt"
    bom = codecs.BOM_UTF16_BE if codec == "utf-16-be" else b""
    p.write_bytes(bom + "Una frase con eñe.\n".encode(codec))
    assert read_document(p).blocks[0].text == "Una frase con eñe."


def test_utf16_without_bom_is_recognised(tmp_path):
    p = tmp_path / "sin-bom.txt"
    p.write_bytes("Una frase sin marca de orden.\n".encode("utf-16-le"))
    doc = read_document(p)
    assert doc.blocks[0].text == "Una frase sin marca de orden."
    assert "UTF-16-LE without a byte-order mark" in doc.notices[0]


def test_utf8_bom_and_mixed_line_endings(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes(codecs.BOM_UTF8 + "# Título\r\n\r\nUna línea\rotra línea\nfinal.\r\n".encode("utf-8"))
    doc = read_document(p)
    assert doc.notices == []
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Título"),
        (BlockKind.PARAGRAPH, "Una línea otra línea final."),
    ]


def test_mixed_utf8_and_cp1252_lines(tmp_path):
    p = tmp_path / "mezcla.txt"
    p.write_bytes("Línea en UTF-8 con acentos.\n\n".encode("utf-8") + "“Línea” en cp1252.\n".encode("cp1252"))
    doc = read_document(p)
    assert [b.text for b in doc.blocks] == ["Línea en UTF-8 con acentos.", "“Línea” en cp1252."]
    assert doc.notices[0].startswith("mixed encodings: line(s) 3 decoded as cp1252")


def test_decode_bytes_nfc():
    text, notices = decode_bytes("cafe\u0301".encode("utf-8"), "x.txt")
    assert text == "café" and len(text) == 4 and notices == []


@pytest.mark.parametrize(
    "data, fragment, line",
    [
        (b"Hola\nmundo\x00\x01\x02 binario\n", "binary file (NUL byte)", 2),
        (b"PK\x03\x04\x14\x00\x00\x00" + b"x" * 40, "ZIP archive", None),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document", None),
        (bytes(range(1, 9)) * 20, "control bytes", 1),
        (codecs.BOM_UTF8 + b"Texto \xff roto\n", "not valid UTF-8", 1),
    ],
)
def test_binary_and_broken_files(tmp_path, data, fragment, line):
    p = tmp_path / "malo.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(p)
    err = info.value
    assert fragment in str(err)
    assert str(p) in str(err) and "\n" not in str(err)
    assert err.line == line

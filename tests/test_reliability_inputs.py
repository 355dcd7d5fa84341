"""Bad and awkward inputs through the real ``es2en translate``: each gives a one-line
message naming the file (and line), a non-zero exit code and no partial output, or is
read correctly (encodings, line endings, huge files, very long paragraphs)."""

from __future__ import annotations

import random
import time
import zipfile

import pytest

from conftest import needs_apertium
from test_reliability_support import (INGEST_DATA, RELIABILITY_DATA, assert_nothing_written,
                                      assert_one_line_error, error_lines, es2en, leftovers)

APERTIUM = ["--engine", "apertium", "--no-memory"]


def _png_bytes(n: int = 3000) -> bytes:
    rnd = random.Random(7)
    return b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(n))


# ----------------------------------------------------------------- .txt


@needs_apertium
@pytest.mark.parametrize("name, data, fragment, line", [
    ("vacio.txt", b"", "no text to translate (empty document)", None),
    ("blanco.txt", " \n\t\n\u00a0\u200b\n\r\n".encode("utf-8"), "no text to translate (empty document)", None),
    ("imagen.txt", _png_bytes(), "binary file: this is a PNG image, not text", None),
    ("datos.txt", b"Una frase.\nOtra frase.\n\x00\x01\x02\x03binario\x00\xff", "binary file (NUL byte), not text", 3),
])
def test_unusable_text_file_is_one_line_exit_1_and_nothing_written(tmp_path, name, data, fragment, line):
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM], timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert_one_line_error(proc, src, fragment, line)
    assert error_lines(proc)[-1] == "es2en: error: 1 of 1 file failed"
    assert proc.stdout == ""
    assert_nothing_written(out)


@needs_apertium
def test_a_bad_file_does_not_stop_the_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-vacio.txt").write_bytes(b"")
    (folder / "b-binario.txt").write_bytes(_png_bytes())
    (folder / "c-bueno.txt").write_text("Tengo dos amigos.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", folder, "--out", out, *APERTIUM], timeout=120)
    assert proc.returncode == 1
    assert_one_line_error(proc, folder / "a-vacio.txt", "no text to translate")
    assert_one_line_error(proc, folder / "b-binario.txt", "binary file")
    assert error_lines(proc)[-1] == "es2en: error: 2 of 3 files failed"
    assert sorted(p.name for p in out.iterdir()) == [
        "c-bueno.bilingual.docx", "c-bueno.bilingual.md", "c-bueno.en.md"]
    assert "friends" in (out / "c-bueno.en.md").read_text(encoding="utf-8")


@needs_apertium
@pytest.mark.parametrize("fixture, notice, spanish, english", [
    ("nota-cp1252.txt", "decoded as cp1252 (not valid UTF-8: byte 0x93 at line 3)", "“Escalar la IA", "€"),
    ("nota-latin1.txt", "decoded as latin-1 (not valid UTF-8: byte 0xF1 at line 1)", "La compañía dirigida",
     "Núñez"),
    ("nota-utf16.txt", None, "Texto en UTF-16 con marca de orden: año, señal, ¿qué?", "UTF-16"),
])
def test_legacy_encodings_are_translated_with_a_notice(tmp_path, fixture, notice, spanish, english):
    src = INGEST_DATA / fixture
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM, "--format", "md", "--format", "en.md"], timeout=120)
    assert proc.returncode == 0, proc.stderr
    notices = [l for l in proc.stderr.splitlines() if l.startswith(f"es2en: {src}: decoded")]
    assert notices == ([f"es2en: {src}: {notice}"] if notice else []), proc.stderr
    stem = src.stem
    bilingual = (out / f"{stem}.bilingual.md").read_text(encoding="utf-8")
    english_md = (out / f"{stem}.en.md").read_text(encoding="utf-8")
    assert spanish in bilingual and english in english_md
    for mojibake in ("Ã", "â€", "\ufffd", "\x00"):
        assert mojibake not in bilingual and mojibake not in english_md


@needs_apertium
def test_mixed_line_endings_separate_paragraphs_the_same_way(tmp_path):
    src = tmp_path / "finales.txt"
    src.write_bytes(b"Tengo dos amigos.\r\n\r\nLa casa es grande.\r\rEl perro es negro.\n\nLa gata\r\nduerme.\r")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM, "--format", "md"], timeout=120)
    assert proc.returncode == 0, proc.stderr
    from pipeline.emit import read_bilingual

    rows = read_bilingual(out / "finales.bilingual.md")
    assert [r.source for r in rows] == ["Tengo dos amigos.", "La casa es grande.", "El perro es negro.",
                                        "La gata duerme."]
    assert "\r" not in (out / "finales.bilingual.md").read_text(encoding="utf-8")


def _big_text(path, size: int) -> int:
    """Write about ``size`` bytes of Spanish paragraphs; return the paragraph count."""
    rnd = random.Random(50)
    words = ("el la casa perro gato grande pequeño come bebe tiene quiere hoy mañana rojo azul "
             "año niño 1.500 millones dólares").split()
    paragraphs, total = [], 0
    while total < size:
        p = (" ".join(rnd.choice(words) for _ in range(40)).capitalize() + ". "
             + " ".join(rnd.choice(words) for _ in range(20)).capitalize() + ".")
        paragraphs.append(p)
        total += len(p.encode()) + 2
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return len(paragraphs)


def test_50_mb_text_is_read_and_segmented_in_reasonable_time(tmp_path):
    """Ingest and segment only: translating 50 MB is a job for hours, not a test."""
    from pipeline.ingest import read_document
    from pipeline.run import segment_document

    src = tmp_path / "grande.txt"
    n = _big_text(src, 50 * 1024 * 1024)
    assert src.stat().st_size >= 50 * 1024 * 1024
    started = time.perf_counter()
    doc = read_document(src)
    segment_document(doc)
    elapsed = time.perf_counter() - started
    assert len(doc.blocks) == n
    assert len(doc.segments) == 2 * n
    assert doc.segments[-1].id == f"grande/{n}/2"
    assert elapsed < 90, f"{elapsed:.1f} s to read and segment 50 MB"  # measured ~3-4 s


def test_50_mb_file_with_binary_at_the_end_is_refused_with_the_line(tmp_path):
    src = tmp_path / "casi.txt"
    n = _big_text(src, 50 * 1024 * 1024)
    with src.open("ab") as fh:
        fh.write(b"\x00\x00basura\x00")
    lines = src.read_bytes().count(b"\n") + 1
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM], timeout=300)
    assert proc.returncode == 1
    assert_one_line_error(proc, src, "binary file (NUL byte), not text", line=lines)
    assert n > 1000
    assert_nothing_written(out)


def _unpunctuated(n_chars: int) -> str:
    rnd = random.Random(10)
    words = "el niño come una manzana roja en la casa grande de su abuela con el perro y la gata".split()
    text = ""
    while len(text) < n_chars:
        text += rnd.choice(words) + " "
    return text[:n_chars].rsplit(" ", 1)[0]


@pytest.mark.parametrize("engine", [pytest.param("apertium", marks=needs_apertium), "argos"])
def test_10000_characters_without_punctuation_translate_with_both_engines(tmp_path, engine, argos_packages_dir):
    src = tmp_path / "largo.txt"
    text = _unpunctuated(10_000)
    assert 9_900 < len(text) <= 10_000 and not any(c in text for c in ".,;:!?")
    src.write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, "--engine", engine, "--no-memory", "--no-glossary",
                  "--format", "md", "--format", "en.md"], env={"ARGOS_PACKAGES_DIR": str(argos_packages_dir)},
                 timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "1 segment," in proc.stdout
    from pipeline.emit import read_bilingual

    rows = read_bilingual(out / "largo.bilingual.md")
    assert len(rows) == 1 and rows[0].source == text
    english = rows[0].target
    if engine == "apertium":  # word for word: the English is as long as the Spanish
        assert len(english) > 0.5 * len(text), len(english)
        assert english.lower().count(" the ") > 50
    else:
        # Over the test model's 255-piece limit: split at word boundaries, each part
        # translated, and said so. (The Tatoeba test model renders each 255-piece run of
        # unpunctuated words as one short sentence, so the English is much shorter.)
        import re

        flag = re.search(r"longer than the model's input limit \(255 tokens\): translated in (\d+) parts",
                         (out / "largo.bilingual.md").read_text(encoding="utf-8"))
        assert flag, "no length flag"
        parts = int(flag.group(1))
        assert parts >= 8
        assert len(english) > 20 * parts and english.lower().count("the") >= parts
    assert not leftovers(out)


# ----------------------------------------------------------------- .docx


def _truncated_docx(tmp_path):
    import docx

    d = docx.Document()
    for i in range(50):
        d.add_paragraph(f"Párrafo número {i} del documento de prueba.")
    full = tmp_path / "full.docx"
    d.save(full)
    return full.read_bytes()[: full.stat().st_size * 2 // 3]


def _zip_without_word(tmp_path):
    p = tmp_path / "z.zip"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hola.txt", "hola")
    return p.read_bytes()


@needs_apertium
@pytest.mark.parametrize("name, make, fragment", [
    ("vacio.docx", lambda tmp: b"", "empty file (0 bytes), not a .docx document"),
    ("cortado.docx", _truncated_docx, "corrupt .docx"),
    ("texto.docx", lambda tmp: "Esto no es un documento de Word.".encode(), "not a .docx file (not a ZIP archive)"),
    ("otro-zip.docx", _zip_without_word, "not a .docx file: a ZIP archive without [Content_Types].xml"),
    ("protegido.docx", lambda tmp: (INGEST_DATA / "protegido.docx").read_bytes(),
     "the .docx is encrypted (password-protected)"),
])
def test_bad_docx_is_one_line_exit_1_and_nothing_written(tmp_path, name, make, fragment):
    src = tmp_path / name
    src.write_bytes(make(tmp_path))
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM], timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert_one_line_error(proc, src, fragment)
    assert_nothing_written(out)


@needs_apertium
def test_docx_tables_kept_in_order_and_skipped_content_reported(tmp_path):
    """A real DOCX (LibreOffice from elementos.fodt) with a table, a footnote, an image
    and a text box: all of it is translated in document order (the text box after its
    anchor, the footnote after the body), the image kept in the English copy."""
    src = RELIABILITY_DATA / "elementos.docx"
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM], timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not [line for line in proc.stderr.splitlines() if "skipped" in line]
    from pipeline.emit import read_bilingual

    rows = read_bilingual(out / "elementos.bilingual.docx")
    assert [r.source for r in rows] == [
        "Informe de prueba", "Mi hermano come una manzana.",
        "La casa es grande.", "El perro es negro.", "Tengo dos amigos.", "La gata duerme.",  # table, row by row
        "Esta es una imagen:", "Antes del cuadro.", "Texto dentro de un cuadro.", "La niña lee un libro.",
        "Nota al pie que no se traduce.",
    ]
    assert all(r.target for r in rows)
    english = (out / "elementos.en.md").read_text(encoding="utf-8")
    assert english.index("brother") < english.index("house") < english.index("dog") < english.index("friends")
    with zipfile.ZipFile(out / "elementos.en.docx") as z, zipfile.ZipFile(src) as s:
        assert z.namelist() == s.namelist()
        assert z.read("word/media/" + next(n.split("/")[-1] for n in s.namelist() if n.startswith("word/media/"))) \
            == s.read(next(n for n in s.namelist() if n.startswith("word/media/")))


# ----------------------------------------------------------------- .md

#: What must come through byte for byte whatever the engine does to the prose.
VERBATIM = [
    "---\ntitulo: Informe anual\nautor: María López\netiquetas: [economía, datos]\n---",
    "`calcular_precio()`",
    "`pip install datos`",
    "<https://datos.gob.es/catalogo>",
    "(img/ventas-grafico.png \"Ventas del año\")",
    "```python\n# comentario en español\nprecio = calcular_precio(\"casa grande\")\nprint(\"Hola mundo\")\n```",
    "<div class=\"nota\">Texto en bruto con <b>negrita</b> en español.</div>",
]
LINK_URL = "(https://ejemplo.es/informe-anual?año=2025)"


def _markdown_run(tmp_path, engine, argos_dir):
    out = tmp_path / "out"
    proc = es2en(["translate", RELIABILITY_DATA / "nota.md", "--out", out, "--engine", engine, "--no-memory",
                  "--format", "en.md"], env={"ARGOS_PACKAGES_DIR": str(argos_dir)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return (out / "nota.en.md").read_text(encoding="utf-8")


@needs_apertium
def test_markdown_code_urls_front_matter_and_html_are_never_translated_apertium(tmp_path, argos_packages_dir):
    english = _markdown_run(tmp_path, "apertium", argos_packages_dir)
    for piece in VERBATIM + [LINK_URL]:
        assert piece in english, piece
    assert english.startswith("---\ntitulo: Informe anual\n")  # front matter keys stay Spanish, first
    assert "My brother eats an apple in the house." in english
    assert "[the official page]" in english  # link text translated, target kept


def test_markdown_code_urls_front_matter_and_html_are_never_translated_argos(tmp_path, argos_packages_dir):
    english = _markdown_run(tmp_path, "argos", argos_packages_dir)
    for piece in VERBATIM:
        assert piece in english, piece
    assert english.startswith("---\ntitulo: Informe anual\n")
    assert "My brother eats an apple in the house." in english


def test_markdown_link_url_survives_argos(tmp_path, argos_packages_dir):
    english = _markdown_run(tmp_path, "argos", argos_packages_dir)
    assert LINK_URL in english

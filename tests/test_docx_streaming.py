"""The DOCX read as a stream (ingest.docx_reader.stream_docx, run.open_blocks) and the
English copy writer walking a part's blocks in step with its units (issue 18)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from conftest import everyday_sentences, needs_apertium
from pipeline import run as run_module
from pipeline.emit.common import BlockSpool
from pipeline.emit.docx_english import write_english_docx
from pipeline.errors import InputError
from pipeline.ingest import read_document
from pipeline.ingest.docx_reader import read_docx, stream_docx
from pipeline.run import TranslateOptions, open_blocks, segment_document, translate_documents

CORPUS = Path(__file__).parent / "data" / "docx-corpus"
DOCS = sorted(CORPUS.glob("*.docx"))


def _blocks(blocks):
    return [(b.kind, b.level, b.text, b.attrs, [(s.start, s.end, s.kind, s.attrs) for s in b.spans])
            for b in blocks]


def _docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Informe de prueba"
    for n, text in enumerate(paragraphs):
        if n % 20 == 0:
            document.add_heading(f"Capítulo {n // 20 + 1}", 2)
        document.add_paragraph(text)
    document.save(path)
    return path


def _rewrite_member(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as zf:
        items = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            zf.writestr(info, change(data) if info.filename == member else data)


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_streamed_docx_reads_as_read_docx(path):
    try:
        whole = read_docx(path, "d")
    except InputError as err:
        with pytest.raises(InputError) as streamed:
            doc, blocks = stream_docx(path, "d")
            list(blocks)
        assert str(streamed.value) == str(err)
        return
    doc, blocks = stream_docx(path, "d")
    assert _blocks(blocks) == _blocks(whole.blocks)
    assert doc.metadata == whole.metadata and list(doc.metadata) == list(whole.metadata)
    assert doc.notices == whole.notices
    try:
        expected = read_document(path)
    except InputError as err:  # a document with nothing to translate: raised once its blocks are read
        _, filtered = open_blocks(path)
        with pytest.raises(InputError) as now:
            list(filtered)
        assert str(now.value) == str(err)
        return
    _, filtered = open_blocks(path)
    assert _blocks(filtered) == _blocks(expected.blocks)


def test_a_second_read_does_not_repeat_the_notices():
    path = CORPUS / "docx4j__chart.docx"
    first = read_docx(path, "d")
    assert first.notices
    doc, blocks = stream_docx(path, "d")
    doc.notices = list(first.notices)  # what run.py copies from the first pass
    list(blocks)
    assert doc.notices == first.notices


def test_blocks_come_before_the_rest_of_the_part_is_read(tmp_path):
    """Lazy: the first blocks are handed out before the XML after them is parsed, so
    a fault late in the body surfaces only when the reader gets there, as one line
    naming the file."""
    path = _docx(tmp_path / "largo.docx", everyday_sentences(3000))

    def break_the_end(data: bytes) -> bytes:
        at = data.rindex(b"<w:p>")
        return data[:at] + b"<w:p><w:r><w:t>roto</w:x></w:r></w:p>" + data[at:]

    _rewrite_member(path, "word/document.xml", break_the_end)
    doc, blocks = stream_docx(path, "largo")
    first = [next(blocks) for _ in range(100)]
    assert first[0].text == "Capítulo 1" and first[1].text == everyday_sentences(3000)[0]
    with pytest.raises(InputError) as err:
        list(blocks)
    message = str(err.value)
    assert message.startswith(f"{path}: corrupt .docx: malformed XML (") and "\n" not in message


@needs_apertium
def test_a_docx_broken_late_leaves_no_outputs_and_the_others_run(tmp_path, monkeypatch):
    monkeypatch.setattr(run_module, "KEEP_SEGMENTS", 0)  # read again in its turn, streamed
    path = _docx(tmp_path / "roto.docx", everyday_sentences(120))
    _rewrite_member(path, "word/document.xml",
                    lambda d: d.replace(b"</w:body>", b"<w:p><w:r><w:t>fin</w:r></w:p></w:body>"))
    good = tmp_path / "bueno.txt"
    good.write_text("La niña compra el libro.\n", encoding="utf-8")
    results = translate_documents([path, good], tmp_path / "out", TranslateOptions(engine="apertium", glossaries=[]))
    errors = {r.path.name: r.error for r in results}
    assert errors["roto.docx"].startswith(f"{path}: corrupt .docx: malformed XML (")
    assert errors["bueno.txt"] is None
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "bueno.bilingual.docx", "bueno.bilingual.md", "bueno.en.md"]


@needs_apertium
@pytest.mark.parametrize("change", ["longer", "shorter"])
def test_a_docx_changed_between_the_passes_fails_alone(tmp_path, monkeypatch, change):
    monkeypatch.setattr(run_module, "KEEP_SEGMENTS", 0)
    s = everyday_sentences(400)
    doc = _docx(tmp_path / "cambia.docx", [" ".join(s[i:i + 4]) for i in range(0, 200, 4)])
    other = tmp_path / "otro.txt"
    other.write_text("La niña compra el libro.\n", encoding="utf-8")
    broken = tmp_path / "roto.txt"
    broken.write_bytes(b"")

    def on_file(result):
        if result.path == broken:  # reported after the first pass, before any translation
            _docx(doc, s[:300] if change == "longer" else s[:20])

    results = translate_documents([doc, other, broken], tmp_path / "out",
                                  TranslateOptions(engine="apertium", glossaries=[]), on_file=on_file)
    errors = {r.path.name: r.error for r in results}
    assert errors["cambia.docx"] == f"{doc}: the file changed while it was being translated"
    assert errors["otro.txt"] is None
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "otro.bilingual.docx", "otro.bilingual.md", "otro.en.md"]


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {n: hashlib.sha256(zf.read(n)).hexdigest() for n in zf.namelist()}


@pytest.mark.parametrize("name", ["docx4j__textbox.docx", "pandoc__notes.docx", "docx4j__odd_even_different_first_page.docx",
                                  "es__pydocx__comments-rich-para.docx", "2010-mcAlternateContent.docx"])
@pytest.mark.parametrize("hold", [0, 2000])
def test_english_copy_from_a_spool_on_disk_or_blocks_out_of_order_is_the_same(tmp_path, monkeypatch, name, hold):
    """The writer reads the blocks again for each part it does not hold (a BlockSpool
    may hand them from its file: hold 0 reads every part again); blocks of a part in
    another order than the reader's give the same copy."""
    from pipeline.emit import docx_english

    doc = read_document(CORPUS / name)
    segment_document(doc)
    for n, seg in enumerate(doc.segments):
        seg.target = f"English {n} {seg.source[::-1]}"
    write_english_docx(doc, tmp_path / "list.en.docx")  # every part's blocks held from the first pass
    monkeypatch.setattr(docx_english._PartBlocks, "HOLD", hold)
    blocks = list(doc.blocks)
    spool = BlockSpool(limit=0)  # every block through the spool's file
    for block in blocks:
        spool.add([block])
    doc.blocks = spool  # type: ignore[assignment]
    try:
        write_english_docx(doc, tmp_path / "spool.en.docx")
    finally:
        spool.close()
    doc.blocks = blocks[::-1]
    write_english_docx(doc, tmp_path / "reversed.en.docx")
    want = _parts(tmp_path / "list.en.docx")
    assert _parts(tmp_path / "spool.en.docx") == want
    assert _parts(tmp_path / "reversed.en.docx") == want


def test_the_style_names_are_python_docx_s():
    """The reader's copy of python-docx's UI names (it does not import python-docx)."""
    from docx.styles import BabelFish

    from pipeline.ingest.docx_reader import _UI_NAMES

    assert _UI_NAMES == BabelFish.ui_style_names


def test_reading_a_docx_does_not_import_python_docx():
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from pipeline.run import open_blocks; "
            f"doc, blocks = open_blocks(Path({str(CORPUS / 'es__d2p__example.docx')!r})); list(blocks); "
            "print('docx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "False"


def test_a_strict_part_is_mapped_as_it_is_read():
    """Strict namespaces mapped chunk by chunk give the bytes of mapping the whole part,
    whatever the chunk sizes (no URI lost at a cut)."""
    from pipeline.ingest.docx_package import W, W_STRICT, _map_strict, _StrictMapped
    import io

    unit = f'<w:p xmlns:w="{W_STRICT}"><w:r><w:t>texto {{n}}</w:t></w:r></w:p>'
    data = ("<root>" + "".join(unit.replace("{n}", str(n)) for n in range(3000)) + "</root>").encode()
    for size in (1, 7, 100, 32768, -1):
        stream = _StrictMapped(io.BytesIO(data))
        got = b""
        while chunk := stream.read(size):
            got += chunk
            if size < 0:
                break
        assert got == _map_strict(data) and W_STRICT.encode() not in got and got.count(W.encode()) == 3000

"""Streaming inside a document: the streamed .txt reader gives read_text's blocks, the
spool gives back what it was given, the streaming writers write what the string
builders return, and a run whose every document goes the long way (read again in
its turn, every block through the spool's file) writes the same files as one that
holds each document whole. Real files, real Apertium."""

from __future__ import annotations

import codecs
import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from conftest import everyday_sentences, needs_apertium
from pipeline import run as run_module
from pipeline.emit.common import BlockSpool, DocumentFacts, facts
from pipeline.emit.markdown import bilingual_markdown, english_markdown, write_lines
from pipeline.ingest import read_document
from pipeline.ingest.text import read_text, stream_text, utf8_streamable
from pipeline.model import Block, BlockKind, Flag, Segment, Severity
from pipeline.run import TranslateOptions, open_blocks, translate_documents

TEXTS = {
    "plain": "Informe Anual\n\nEl niño come una manzana. La niña compra el libro.\n\nFin del informe.",
    "crlf": "date 2025-11-03\r\nInforme\r\n\r\n- uno\r\n- dos\r\n  sigue\r\n\r\nÚltimo párrafo.\r\n",
    "lone-cr": "Título\r\rPrimer párrafo.\rcontinúa aquí.\r\r1. punto\r2. otro\r",
    "bom": "\ufeffConclusiones Clave Con una inversión récord, OpenAI y Amazon sellan una alianza.\n\nOtra frase.\n",
    "combining": "Canción y acción\n\nEl nin\u0303o llego\u0301 tarde. Cafe\u0301 con leche.\n\n\n\n   \n\nFin.",
    "blank-only": "\n\n   \n\u200b\n\nUna frase sola.\n\n\u200b\n",
}


def _blocks(blocks):
    return [(b.kind, b.level, b.text, b.attrs) for b in blocks]


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_streamed_text_reads_as_read_text(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(TEXTS[name].encode("utf-8"))
    assert utf8_streamable(path)
    whole = read_text(path, name)
    doc, blocks = stream_text(path, name)
    assert _blocks(blocks) == _blocks(whole.blocks)
    assert doc.metadata == whole.metadata and doc.notices == whole.notices
    opened, filtered = open_blocks(path)
    assert _blocks(filtered) == _blocks(read_document(path).blocks)


@pytest.mark.parametrize("data", [
    "Café con leche.\n".encode("cp1252"),
    codecs.BOM_UTF16_LE + "Hola.\n".encode("utf-16-le"),
    b"Hola\x00 mundo.\n",
    b"Hola\x01\x02 mundo.\n",
    b"PK\x03\x04 no es texto",
])
def test_other_files_are_read_whole(tmp_path, data):
    path = tmp_path / "otro.txt"
    path.write_bytes(data)
    assert not utf8_streamable(path)
    assert stream_text(path, "otro") is None


def test_empty_streamed_text_is_refused_as_before(tmp_path):
    path = tmp_path / "vacio.txt"
    path.write_text("\n\n\u200b\n", encoding="utf-8")
    with pytest.raises(Exception) as before:
        read_document(path)
    _, blocks = open_blocks(path)
    with pytest.raises(type(before.value)) as now:
        list(blocks)
    assert str(now.value) == str(before.value)


def _block(n: int, kind=BlockKind.PARAGRAPH, level=0, flagged=False) -> Block:
    segs = [Segment(id=f"d/{n}/{i}", source=f"Frase {n}.{i}.", target=f"Sentence {n}.{i}.") for i in (1, 2)]
    if flagged:
        segs[0].flags.append(Flag("numbers", Severity.WARNING, "revisar"))
    return Block(kind, " ".join(s.source for s in segs), level=level, segments=segs)


def test_spool_gives_back_its_blocks_and_facts_from_disk_and_memory():
    blocks = [_block(0, BlockKind.HEADING)] + [_block(n, BlockKind.LIST_ITEM if n % 3 else BlockKind.PARAGRAPH,
                                                      level=n % 2 + 1, flagged=n % 4 == 0) for n in range(1, 60)]
    spool = BlockSpool(limit=10)
    for start in range(0, len(blocks), 7):
        spool.add(blocks[start:start + 7])
    assert spool._offsets  # some batches went to the file
    try:
        want = _blocks(blocks)
        assert _blocks(spool) == want and _blocks(spool) == want  # iterable again
        a, b = iter(spool), iter(spool)
        pairs = [(next(a).text, next(b).text) for _ in range(len(blocks))]  # interleaved
        assert all(x == y for x, y in pairs)
        expected = DocumentFacts.of(blocks)
        assert vars(spool.facts) == vars(expected)
        assert [s.id for s in spool.segments()] == [s.id for b in blocks for s in b.segments]
    finally:
        spool.close()


@pytest.mark.parametrize("lines", [["a", "", "b"], ["a", "", ""], ["", ""], ["x\n", "", "y\n\n", ""], ["solo"],
                                   ["a" * 300_000, "b" * 300_000, ""]])
def test_write_lines_matches_join(tmp_path, lines):
    write_lines(tmp_path / "s.md", lines, strip_end=True)
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "\n".join(lines).rstrip("\n") + "\n"
    write_lines(tmp_path / "p.md", lines)
    assert (tmp_path / "p.md").read_text(encoding="utf-8") == "\n".join(lines) + "\n"


def _inputs(tmp_path: Path) -> list[Path]:
    s = everyday_sentences(700)
    paras = [" ".join(s[i:i + 5]) for i in range(0, len(s), 5)]
    txt = ["date 2025-11-03", "Informe de prueba"]
    for n, p in enumerate(paras):
        txt.append(f"Capítulo {n}" if n % 25 == 0 else ("- " + p[:60] + "\n- " + p[60:120] if n % 9 == 0 else p))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "largo.txt").write_text("\n\n".join(txt) + "\n", encoding="utf-8")
    md = ["---", "title: Prueba", "---", "", "# Informe", ""]
    for n, p in enumerate(paras[:60]):
        md.append(f"- {p[:50]}\n  - {p[50:100]}\n" if n % 7 == 0 else (f"> {p}\n" if n % 5 == 0 else p + "\n"))
        if n == 30:
            md.append("| Empresa | Cifra |\n|---|---:|\n| El niño | 3,5 % |\n| La niña | 1.200 |\n")
            md.append("```python\nprint('hola')\n```\n")
    (tmp_path / "in" / "nota.md").write_text("\n".join(md), encoding="utf-8")
    return [tmp_path / "in" / "largo.txt", tmp_path / "in" / "nota.md"]


_STAMP = re.compile(rb"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?| \d{2}:\d{2} UTC)")


def _digests(folder: Path) -> dict[str, str]:
    """Each output (each part of a DOCX) hashed, the run's timestamp blanked."""
    out = {}
    for f in sorted(folder.iterdir()):
        parts = {f.name: f.read_bytes()}
        if f.suffix == ".docx":
            with zipfile.ZipFile(f) as zf:
                parts = {f"{f.name}:{name}": zf.read(name) for name in zf.namelist()}
        for name, data in parts.items():
            out[name] = hashlib.sha256(_STAMP.sub(b"<time>", data)).hexdigest()
    return out


@needs_apertium
def test_the_long_way_writes_the_same_files(tmp_path, monkeypatch):
    inputs = _inputs(tmp_path)
    options = TranslateOptions(engine="apertium", glossaries=[])
    held = translate_documents(inputs, tmp_path / "held", options)
    assert [r.error for r in held] == [None, None]
    monkeypatch.setattr(run_module, "KEEP_SEGMENTS", 0)
    monkeypatch.setenv("ES2EN_SPOOL_SEGMENTS", "50")
    ticks: list[tuple[int, int]] = []
    streamed = translate_documents(inputs, tmp_path / "streamed", options,
                                   on_progress=lambda d, t: ticks.append((d, t)))
    assert [r.error for r in streamed] == [None, None]
    total = sum(r.segments for r in streamed)
    # The progress bar's total (hence its ETA) comes from the first pass and is reached exactly.
    assert {t for _, t in ticks} == {total} and ticks[-1] == (total, total) and len(ticks) > 1
    assert [r.segments for r in streamed] == [r.segments for r in held]
    assert len(list((tmp_path / "streamed").iterdir())) == 6
    assert _digests(tmp_path / "streamed") == _digests(tmp_path / "held")
    # … and what both wrote is the whole document: every segment's row, in order, and
    # the blocks copied verbatim (the date line, the front matter, the code).
    for path in inputs:
        doc = read_document(path)
        run_module.segment_document(doc)
        bilingual = (tmp_path / "streamed" / f"{doc.id}.bilingual.md").read_text(encoding="utf-8")
        rows = re.findall(r"^\| (?:\*\*)?([a-z]+/\d+/\d+)", bilingual, re.M)
        assert rows == [seg.id for seg in doc.segments]
        english = (tmp_path / "streamed" / f"{doc.id}.en.md").read_text(encoding="utf-8")
        if path.suffix == ".txt":
            assert "_date 2025-11-03_" in bilingual
        else:
            assert english.startswith("---\ntitle: Prueba\n---\n") and "print('hola')" in english


def test_writers_strings_equal_their_files(tmp_path):
    doc = read_document(_inputs(tmp_path)[1])
    run_module.segment_document(doc)
    for seg in doc.segments:
        seg.target = seg.source.upper()
    doc.segments[3].flag("numbers", "warning", "revisar")
    from pipeline.emit.markdown import write_bilingual_markdown, write_english_markdown
    from pipeline.model import RunInfo

    info = RunInfo(engine="apertium")
    write_bilingual_markdown(doc, tmp_path / "b.md", info)
    write_english_markdown(doc, tmp_path / "e.md", info)
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == bilingual_markdown(doc, info)
    assert (tmp_path / "e.md").read_text(encoding="utf-8") == english_markdown(doc, info)
    assert facts(doc).flagged == 1


@needs_apertium
@pytest.mark.parametrize("change", ["longer", "shorter"])
def test_a_file_changed_between_the_passes_fails_alone(tmp_path, monkeypatch, change):
    """A document read again in its turn that no longer has the segments the first pass
    counted gets an error and no outputs; the other files are written."""
    monkeypatch.setattr(run_module, "KEEP_SEGMENTS", 0)
    s = everyday_sentences(400)
    doc = tmp_path / "cambia.txt"
    doc.write_text("\n\n".join(" ".join(s[i:i + 4]) for i in range(0, 200, 4)) + "\n", encoding="utf-8")
    other = tmp_path / "otro.txt"
    other.write_text("La niña compra el libro.\n", encoding="utf-8")
    broken = tmp_path / "roto.txt"
    broken.write_bytes(b"")

    def on_file(result):
        if result.path == broken:  # reported after the first pass, before any translation
            lines = s[:300] if change == "longer" else s[:20]
            doc.write_text("\n\n".join(lines) + "\n", encoding="utf-8")

    results = translate_documents([doc, other, broken], tmp_path / "out", TranslateOptions(engine="apertium"),
                                  on_file=on_file)
    errors = {r.path.name: r.error for r in results}
    assert errors["cambia.txt"] == f"{doc}: the file changed while it was being translated"
    assert errors["otro.txt"] is None
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["otro.bilingual.docx", "otro.bilingual.md",
                                                                    "otro.en.md"]

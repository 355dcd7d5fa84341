"""The bilingual DOCX writer: rows/s of es2en's writer against python-docx's object API.

On newstest2012 (tests/data/newstest2012.es/.en, 3,003 sentences, one paragraph
each; bench/data/short.* when it is missing), every 11th segment flagged so the QA
column and shading are there, prints, measured in the same run:

* es2en: ``write_bilingual_docx`` (python-docx builds the skeleton, the body rows
  are string templates streamed into word/document.xml, the package written);
* baseline: the same skeleton, then every body row built with python-docx's object
  API (``table.add_row()``, cells, runs, properties: the writer es2en had before,
  kept here as the baseline) and ``Document.save``.

Both files' word/document.xml must be the same XML (canonicalised), or the script
fails. Each is repeated ``--repeat`` times, interleaved; the best counts. Then the
writer's peak traced memory (tracemalloc) for the file and for ``--book`` rows.
Target: ≤ 0.5 s for the 3,003 rows, and peak memory that does not grow with rows.

    .venv/bin/python bench/docx_writer.py [--repeat 3] [--book 50000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.emit import docx_bilingual as db  # noqa: E402
from pipeline.emit import docx_rows  # noqa: E402
from pipeline.emit.common import COL_QA, columns, table_rows, worst_severity  # noqa: E402
from pipeline.model import Block, BlockKind, Document, RunInfo, Segment  # noqa: E402

NEWSTEST = ROOT / "tests" / "data" / "newstest2012"
SHORT = ROOT / "bench" / "data" / "short"
RUN = RunInfo(engine="apertium", model_version="apertium-eng-spa", created="2026-01-01T00:00:00+00:00",
              source_locale="es-ES")
TARGET_S = 0.5


def load_document(n: int | None = None) -> tuple[Document, str]:
    base = NEWSTEST if NEWSTEST.with_suffix(".es").exists() else SHORT
    es = base.with_suffix(".es").read_text(encoding="utf-8").splitlines()
    en = base.with_suffix(".en").read_text(encoding="utf-8").splitlines()
    pairs = [(a, b) for a, b in zip(es, en) if a.strip()]
    if n:
        pairs = (pairs * (n // len(pairs) + 1))[:n]
    doc = Document(path=Path(base.name + ".txt"), id=base.name, format="txt")
    for b, (source, target) in enumerate(pairs):
        doc.blocks.append(Block(BlockKind.PARAGRAPH, source, segments=[Segment(f"{doc.id}/{b}/0", source, target)]))
    for k, seg in enumerate(doc.segments):
        if k % 11 == 0:
            seg.flag("length", ("info", "warning", "error")[k % 3], "target/source length ratio 0.61")
    return doc, base.name


# --- baseline: the rows through python-docx's object API ---------------------------


def _cell_top_rule(cell, color: str, size: int) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = db._el("w:tcBorders")
    borders.append(db._el("w:top", val="single", sz=size, space=0, color=color))
    tcpr.insert_element_before(borders, "w:shd", *db._TCPR_AFTER_SHD)


def _id_runs(paragraph, seg_id: str) -> None:
    head, sep, tail = seg_id.rpartition("/")
    head2, sep2, mid = head.rpartition("/")
    if sep and sep2:
        db._run(paragraph, head2 + sep2, size=6.5, color="8C8C8C")
        db._run(paragraph, mid + sep + tail, size=7.5, bold=True, color="595959")
    else:
        db._run(paragraph, seg_id, size=7.5, color="595959")


def _verbatim_cell(cell, block: Block) -> None:
    from pipeline.emit.markdown import front_matter_text

    para = cell.paragraphs[0]
    text = front_matter_text(block) if block.kind is BlockKind.FRONT_MATTER else block.text.strip("\n")
    if block.kind is BlockKind.METADATA:
        db._run(para, text, size=8.5, italic=True, color=db.GREY)
        return
    db._run(para, text, size=8.5, font=docx_rows.MONO, color=db.DARK)
    db._shade(cell, docx_rows.CODE_FILL)


def _qa_cell(cell, seg) -> None:
    for i, flag in enumerate(seg.flags):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        db._run(para, flag.severity.value, size=8, bold=True, color=docx_rows.SEVERITY_COLOR[flag.severity])
        db._run(para, f": {flag.check}: {flag.message}", size=8, color=db.DARK, lang="en-US")


def baseline_write(doc: Document, path: Path, run: RunInfo) -> None:
    """es2en's previous writer: every body row built through python-docx's objects."""
    from docx.shared import Pt

    document, _ = db._skeleton(doc, run, "a4")
    table = document.tables[-1]
    table._tbl.remove(table._tbl[-1])  # the marker comment the streaming writer fills
    text_width = db.PAPER_MM["a4"][0] - 2 * db.MARGIN_MM
    widths = [text_width * f for f in (db.WIDTHS_4 if COL_QA in columns(doc) else db.WIDTHS_3)]
    es_lang = db._es_lang(db.source_locale(doc, run))
    depths = docx_rows.list_depths(doc)
    for row_info in table_rows(doc):
        block = row_info.block
        row = table.add_row()
        cells = row.cells
        for cell, mm in zip(cells, widths):
            db._cell_width(cell, mm)
        if row_info.first_in_block:
            for cell in cells:
                _cell_top_rule(cell, docx_rows.RULE_BLOCK, 6)
        if row_info.verbatim:
            db._row_props(row, cant_split=len(block.text) < docx_rows.CANT_SPLIT_CHARS)
            merged = cells[0].merge(cells[-1])
            db._cell_width(merged, sum(widths))
            _verbatim_cell(merged, block)
            continue
        seg = row_info.segment
        source, target = seg.source, seg.target or ""
        db._row_props(row, cant_split=max(len(source), len(target)) < docx_rows.CANT_SPLIT_CHARS)
        _id_runs(cells[0].paragraphs[0], seg.id)
        heading = block.kind is BlockKind.HEADING
        size = {1: 12.5, 2: 11.5}.get(block.level, 10.5) if heading else None
        for cell, text, lang in ((cells[1], source, es_lang), (cells[2], target, "en-US")):
            para = cell.paragraphs[0]
            if text:
                db._run(para, text, size=size, bold=heading, color=db.NAVY if heading else None, lang=lang)
            if block.kind is BlockKind.LIST_ITEM and text:
                name = docx_rows.LIST_STYLES[(row_info.first_in_block, depths.get(id(block), 0))]
                para.style = document.styles[name]
            if heading:
                para.paragraph_format.keep_with_next = True
                para.paragraph_format.space_before = Pt(2)
                para.paragraph_format.space_after = Pt(2)
        if heading:
            cells[0].paragraphs[0].paragraph_format.keep_with_next = True
            for cell in cells:
                db._shade(cell, db.HEADING_FILL)
        if len(cells) == 4:
            _qa_cell(cells[3], seg)
        worst = worst_severity(seg.flags)
        if worst is not None:
            for cell in cells:
                db._shade(cell, docx_rows.SEVERITY_FILL[worst])
    document.save(str(path))


# --- measurement --------------------------------------------------------------------


def canonical_document_xml(path: Path) -> bytes:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        return etree.tostring(etree.fromstring(z.read("word/document.xml")), method="c14n")


def traced_peak(doc: Document, path: Path) -> int:
    tracemalloc.start()
    try:
        db.write_bilingual_docx(doc, path, RUN)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--book", type=int, default=50_000, help="rows of the memory check (0: skip)")
    args = ap.parse_args(argv)
    doc, name = load_document()
    rows = sum(1 for _ in table_rows(doc))
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, base_path = Path(tmp) / "es2en.docx", Path(tmp) / "baseline.docx"
        db.write_bilingual_docx(doc, ours_path, RUN)  # imports, caches
        ours = base = float("inf")
        for _ in range(args.repeat):
            t = time.perf_counter()
            db.write_bilingual_docx(doc, ours_path, RUN)
            ours = min(ours, time.perf_counter() - t)
            t = time.perf_counter()
            baseline_write(doc, base_path, RUN)
            base = min(base, time.perf_counter() - t)
        same = canonical_document_xml(ours_path) == canonical_document_xml(base_path)
        sizes = ours_path.stat().st_size, base_path.stat().st_size
        peak_file = traced_peak(doc, ours_path)
        book = peak_book = None
        if args.book:
            book, _ = load_document(args.book)
            peak_book = traced_peak(book, Path(tmp) / "book.docx")

    met = ours <= TARGET_S and same
    print(f"file              {name}: {rows} rows (every 11th flagged), {os.cpu_count()} CPU cores, best of {args.repeat}")
    print(f"es2en writer      {ours:6.3f} s  {rows / ours:8.0f} rows/s  ({sizes[0]:,} bytes)")
    print(f"baseline          {base:6.3f} s  {rows / base:8.0f} rows/s  ({sizes[1]:,} bytes; python-docx add_row/cells/runs, save)")
    print(f"speed-up          {base / ours:.1f}x; word/document.xml the same XML: {'yes' if same else 'NO'}")
    if peak_book is not None:
        print(f"peak memory       {peak_file / 1e6:.1f} MB traced for {rows} rows, {peak_book / 1e6:.1f} MB for "
              f"{len(book.segments):,} rows (python-docx's tree: ≈ 10 KB a row)")
    print(f"target            ≤ {TARGET_S} s for the file and the same XML: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

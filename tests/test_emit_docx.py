"""Side-by-side DOCX: read back with python-docx, with our reader, and rendered by
LibreOffice (skipped where soffice is not installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from pipeline.emit import read_bilingual, write_bilingual_docx, write_outputs
from pipeline.model import BlockKind, Severity
from test_emit import RUN, Builder, SEED_PARAGRAPHS, mixed_document, seed_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _write(doc, tmp_path, **options) -> Path:
    path = tmp_path / f"{doc.id}.bilingual.docx"
    write_bilingual_docx(doc, path, RUN, **options)
    return path


def _main_table(document):
    for table in document.tables:
        if [c.text for c in table.rows[0].cells][:3] == ["#", "Español", "English"]:
            return table
    raise AssertionError("no bilingual table")


def _tcs(row):
    return row._tr.findall(W + "tc")


def _fill(tc) -> str | None:
    shd = tc.find(f"{W}tcPr/{W}shd")
    return shd.get(qn("w:fill")) if shd is not None else None


def test_page_is_landscape_a4_with_margins(tmp_path):
    section = docx.Document(str(_write(seed_document(), tmp_path))).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Mm(297)) < Mm(0.5) and abs(section.page_height - Mm(210)) < Mm(0.5)
    for margin in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin):
        assert abs(margin - Mm(15)) < Mm(0.5)


def test_letter_paper_on_request(tmp_path):
    document = docx.Document(str(_write(seed_document(), tmp_path, paper="letter")))
    section = document.sections[0]
    assert section.page_width > section.page_height
    assert abs(section.page_width - Mm(279.4)) < Mm(0.5)
    grid = [int(g.get(qn("w:w"))) for g in _main_table(document)._tbl.tblGrid.findall(W + "gridCol")]
    assert abs(sum(grid) - (279.4 - 30) / 25.4 * 1440) < 5  # the table fills the text width
    with pytest.raises(ValueError, match="paper"):
        _write(seed_document(), tmp_path, paper="a3")


def test_title_block(tmp_path):
    document = docx.Document(str(_write(seed_document(), tmp_path)))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[:2] == ["Key Findings", "Conclusiones Clave"]
    info = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert info["Source file"] == "openai-aws-alliance.txt"
    assert info["Date"] == "2025-11-03"
    assert info["Engine"] == "apertium · apertium-eng-spa 0.8.0"
    assert info["Glossaries"] == "tech.tsv, companies.csv"
    assert info["Translated"] == "2025-11-20 10:31 UTC"
    assert info["Segments"] == "15"
    props = document.core_properties
    assert props.title == "Key Findings" and props.author == "es2en"
    # the QA summary counts flags per check
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Check")
    counts = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in summary.rows[1:]}
    assert counts == {"numbers": ["1", "0", "0"], "terms": ["0", "1", "0"], "untranslated": ["0", "0", "1"], "length": ["0", "0", "1"]}


def test_table_layout(tmp_path):
    doc = seed_document(flags=False)
    table = _main_table(docx.Document(str(_write(doc, tmp_path))))
    tbl = table._tbl
    assert [c.text for c in table.rows[0].cells] == ["#", "Español", "English"]  # no QA column without flags
    assert tbl.tblPr.find(W + "tblLayout").get(qn("w:type")) == "fixed"
    header_pr = table.rows[0]._tr.trPr
    assert header_pr.find(W + "tblHeader") is not None  # repeated on each page
    assert all(r._tr.trPr.find(W + "tblHeader") is None for r in table.rows[1:])
    assert all(r._tr.trPr.find(W + "cantSplit") is not None for r in table.rows)  # short rows never split
    grid = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(W + "gridCol")]
    assert abs(sum(grid) - 267 / 25.4 * 1440) < 5
    assert grid[0] < grid[1] == grid[2]
    for row in table.rows:  # every cell carries its width (Word reads tcW, LibreOffice the grid)
        assert [int(tc.tcPr.tcW.get(qn("w:w"))) for tc in _tcs(row)] == pytest.approx(grid, abs=2)
    # one row per sentence, ids in column 1, exact source and target
    rows = table.rows[1:]
    assert [r.cells[0].text for r in rows] == [s.id for s in doc.segments]
    assert [r.cells[1].text for r in rows] == [s.source for s in doc.segments]
    assert [r.cells[2].text for r in rows] == [s.target for s in doc.segments]


def test_heading_rows_are_bold_shaded_and_keep_with_next(tmp_path):
    doc = seed_document(repeat=2, flags=False)
    table = _main_table(docx.Document(str(_write(doc, tmp_path))))
    headings = {s.id for b in doc.blocks if b.kind is BlockKind.HEADING for s in b.segments}
    assert len(headings) == 3
    for row in table.rows[1:]:
        seg_id = row.cells[0].text
        para = row.cells[2].paragraphs[0]
        if seg_id in headings:
            # a heading keeps its three cells (the reviewer can correct it and review
            # import matches it by id) and is styled across the full width
            assert len(_tcs(row)) == 3
            assert all(run.bold for run in para.runs)
            assert {_fill(tc) for tc in _tcs(row)} == {"E8EEF5"}
            assert para.paragraph_format.keep_with_next
        else:
            assert not any(run.bold for run in para.runs)
            assert {_fill(tc) for tc in _tcs(row)} == {None}


def test_verbatim_blocks_are_merged_full_width_rows(tmp_path):
    doc = mixed_document()
    table = _main_table(docx.Document(str(_write(doc, tmp_path))))
    assert [c.text for c in table.rows[0].cells] == ["#", "Español", "English", "QA"]
    merged = [r for r in table.rows[1:] if len(_tcs(r)) == 1]
    assert [r.cells[0].text for r in merged] == [
        "---\ntitle: Prueba\ntags: [a, b]\n---",
        "date 2025-11-03",
        "def f(x):\n    return x | 1  # ``` inside",
        '<div align="center">x</div>',
    ]
    for row in merged:
        assert int(_tcs(row)[0].tcPr.find(W + "gridSpan").get(qn("w:val"))) == 4
    code = merged[2].cells[0].paragraphs[0].runs[0]
    assert code.font.name == "Courier New"


def test_flagged_rows_are_shaded_and_qa_cell_lists_flags(tmp_path):
    doc = seed_document()
    table = _main_table(docx.Document(str(_write(doc, tmp_path))))
    assert [c.text for c in table.rows[0].cells] == ["#", "Español", "English", "QA"]
    fills = {"error": "FBE1E1", "warning": "FFF3CC", "info": "E9F3FB"}
    by_id = {r.cells[0].text: r for r in table.rows[1:]}
    for seg in doc.segments:
        row = by_id[seg.id]
        assert row.cells[3].text == "\n".join(str(f) for f in seg.flags)
        if seg.flags:
            worst = min(seg.flags, key=lambda f: list(Severity).index(f.severity)).severity.value
            assert {_fill(tc) for tc in _tcs(row)} == {fills[worst]}


def test_runs_are_tagged_with_their_language(tmp_path):
    table = _main_table(docx.Document(str(_write(seed_document(), tmp_path))))
    row = table.rows[3]
    langs = [tc.find(f".//{W}lang").get(qn("w:val")) for tc in _tcs(row)[1:3]]
    assert langs == ["es-MX", "en-US"]  # RUN.source_locale is es-MX


def test_untranslated_segment_has_empty_english_cell(tmp_path):
    doc = mixed_document()
    table = _main_table(docx.Document(str(_write(doc, tmp_path))))
    row = next(r for r in table.rows if r.cells[0].text == "mixed/7/0")
    assert row.cells[1].text == "Segundo." and row.cells[2].text == ""


def test_docx_round_trip_through_reader(tmp_path):
    for doc in (seed_document(repeat=2), mixed_document()):
        rows = read_bilingual(_write(doc, tmp_path))
        assert [r.id for r in rows] == [s.id for s in doc.segments]
        assert [r.source for r in rows] == [s.source for s in doc.segments]
        assert [r.target for r in rows] == [s.target or "" for s in doc.segments]
        assert [r.qa for r in rows] == ["\n".join(str(f) for f in s.flags) for s in doc.segments]
        assert not any(r.problem or r.tracked for r in rows)
        heading_ids = {s.id for b in doc.blocks if b.kind is BlockKind.HEADING for s in b.segments}
        assert {r.id for r in rows if r.heading} == heading_ids


def test_reader_sees_a_reviewers_edits(tmp_path):
    """Edit the file the way Word/LibreOffice would and read it back."""
    doc = seed_document(flags=False)
    path = _write(doc, tmp_path)
    document = docx.Document(str(path))
    table = _main_table(document)
    by_id = {r.cells[0].text: r for r in table.rows[1:]}
    # 1. a plain correction
    cell = by_id["openai-aws-alliance/2/1"].cells[2]
    cell.paragraphs[0].runs[0].text = cell.text.replace("$38 billion", "$83 billion")
    # 2. a second paragraph typed into a cell
    by_id["openai-aws-alliance/3/0"].cells[2].add_paragraph("Second paragraph.")
    # 3. a tracked insertion and a tracked deletion
    para = by_id["openai-aws-alliance/4/0"].cells[2].paragraphs[0]
    run = para.runs[0]
    run.text = "The company led by Sam Altman plans to invest"
    ins = run._r.makeelement(W + "ins", {qn("w:id"): "1", qn("w:author"): "Ed", qn("w:date"): "2025-11-21T00:00:00Z"})
    ins_run = run._r.makeelement(W + "r", {})
    ins_t = ins_run.makeelement(W + "t", {})
    ins_t.text = " roughly"
    ins_t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    ins_run.append(ins_t)
    ins.append(ins_run)
    dele = run._r.makeelement(W + "del", {qn("w:id"): "2", qn("w:author"): "Ed", qn("w:date"): "2025-11-21T00:00:00Z"})
    del_run = run._r.makeelement(W + "r", {})
    del_t = del_run.makeelement(W + "delText", {})
    del_t.text = " around"
    del_run.append(del_t)
    dele.append(del_run)
    run._r.addnext(ins)
    run._r.addnext(dele)
    para.add_run(" $1.5 trillion.")
    # 4. Spanish and English merged into one cell
    row = by_id["openai-aws-alliance/5/0"]
    row.cells[1].merge(row.cells[2])
    # 5. a row added by hand (no id)
    new = table.add_row()
    new.cells[2].text = "An extra sentence."
    document.save(str(path))

    rows = read_bilingual(path)
    got = {r.id: r for r in rows}
    assert "$83 billion" in got["openai-aws-alliance/2/1"].target
    assert got["openai-aws-alliance/3/0"].target.endswith("\nSecond paragraph.")
    tracked = got["openai-aws-alliance/4/0"]
    assert tracked.tracked and tracked.target == "The company led by Sam Altman plans to invest roughly $1.5 trillion."
    assert got["openai-aws-alliance/5/0"].problem.startswith("merged or split cells")
    assert rows[-1].id == "" and rows[-1].problem.startswith("row has no segment id")
    assert rows[-1].where == f"table row {len(doc.segments) + 2}"


def test_write_outputs_docx_is_atomic(tmp_path):
    doc = seed_document()
    path = write_outputs(doc, tmp_path, RUN, formats=["docx"])["docx"]
    before = path.read_bytes()
    doc.blocks[1].segments[0].target = object()  # not text: python-docx fails mid-write
    with pytest.raises(Exception):
        write_outputs(doc, tmp_path, RUN, formats=["docx"])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


# --- rendered by LibreOffice ---------------------------------------------------

soffice = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(not soffice or not shutil.which("pdfinfo"), reason="LibreOffice/poppler not installed")


def _to_pdf(docx_paths: list[Path] | Path, tmp_path: Path) -> list[Path] | Path:
    """Convert with one LibreOffice start; PDFs land beside the DOCX files."""
    single = isinstance(docx_paths, Path)
    paths = [docx_paths] if single else docx_paths
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not lock each other
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(paths[0].parent), *map(str, paths)],
        check=True, capture_output=True, timeout=300,
    )
    pdfs = [p.with_suffix(".pdf") for p in paths]
    assert all(p.exists() for p in pdfs)
    return pdfs[0] if single else pdfs


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def _block_numbers(text: str) -> list[str]:
    # ids print in the narrow column as "openai-aws-" / "alliance/B/S"
    return re.findall(r"alliance/(\d+)/\d+", text)


@needs_soffice
@pytest.mark.slow
def test_libreoffice_renders_a_long_document(tmp_path):
    """~70 rows: landscape pages, the header row on every page, every id printed once."""
    doc = seed_document(repeat=4)
    pdf = _to_pdf(_write(doc, tmp_path), tmp_path)
    pages = _pages(pdf)
    assert pages >= 4
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    seen = []
    for page in range(1, pages + 1):
        text = _page_text(pdf, page)
        assert re.search(r"#\s+Español\s+English\s+QA", text), f"page {page} has no header row"
        assert f"page {page} of {pages}" in text
        seen += _block_numbers(text)
    assert len(seen) == len(doc.segments)


@needs_soffice
@pytest.mark.slow
def test_libreoffice_keeps_a_heading_with_the_next_row(tmp_path):
    """Short rows push a heading row to the last line of page 1 (13 or 14 of them
    with this layout and LibreOffice's fonts); it must move to page 2 instead."""
    paths = []
    for fillers in range(11, 17):
        bld = Builder()
        for i in range(fillers):
            bld.add(BlockKind.PARAGRAPH, [(f"Frase corta {i}.", f"Short sentence {i}.")])
        bld.add(BlockKind.HEADING, [("Sección", "Section")], level=2)
        for paragraph in SEED_PARAGRAPHS[:6]:
            bld.add(BlockKind.PARAGRAPH, paragraph)
        path = tmp_path / f"fillers-{fillers}.bilingual.docx"
        write_bilingual_docx(bld.doc, path, RUN)
        paths.append(path)
    for fillers, pdf in zip(range(11, 17), _to_pdf(paths, tmp_path)):
        assert _pages(pdf) >= 2
        last = _block_numbers(_page_text(pdf, 1))[-1]
        assert last != str(fillers), f"with {fillers} short rows the heading is the last row of page 1"


@needs_soffice
def test_seed_document_converts_to_pdf(tmp_path):
    pdf = _to_pdf(_write(seed_document(), tmp_path), tmp_path)
    assert _pages(pdf) >= 1


def test_control_characters_and_empty_documents_do_not_break_the_writer(tmp_path):
    bld = Builder("odd")
    bld.add(BlockKind.PARAGRAPH, [("Uno\x0bdos\x00 tres.", "One\x0ctwo\x07 three.")])
    rows = read_bilingual(_write(bld.doc, tmp_path))
    assert (rows[0].source, rows[0].target) == ("Uno\ndos\ufffd tres.", "One\ntwo\ufffd three.")
    empty = Builder("empty").doc
    assert read_bilingual(_write(empty, tmp_path)) == []
    paths = write_outputs(empty, tmp_path, RUN)
    assert read_bilingual(paths["md"]) == []


# --- the body rows are written as text (pipeline/emit/docx_rows.py) --------------

ODD_TEXTS = [
    "plain", " lead", "trail ", "\u00a0nbsp\u00a0", "a\u2003b", "tab\there", "\tlead tab", "cr\rlf\nboth\r\n",
    "\n", "\t", "  ", "x & y < z > w ]]> \"q\" 'a'", "&amp; literal", "ctl\x00\x01\x07\x1f end",
    "vt\x0bff\x0c.", "lone \ud800 \udfff surrogates", "non-chars \ufffe\uffff", "emoji 😀 ñ ü €", "\x85next line",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_row_runs_are_what_python_docx_makes(text):
    """A run written as text is the run python-docx's object API makes of the same
    (XML-safe) text with the same formatting, element for element."""
    from lxml import etree

    from pipeline.emit.docx_rows import run, run_props, xml_safe

    document = docx.Document()
    para = document.add_paragraph()
    made = para.add_run(xml_safe(text))
    made.font.size = docx.shared.Pt(8.5)
    made.font.bold = True
    made.font.color.rgb = docx.shared.RGBColor.from_string("262626")
    lang = made._r.get_or_add_rPr().makeelement(qn("w:lang"), {qn("w:val"): "es-MX"})
    made._r.rPr.append(lang)
    ours = etree.fromstring(f'<w:p xmlns:w="{W[1:-1]}">{run(text, run_props(size=8.5, bold=True, color="262626", lang="es-MX"))}</w:p>')
    assert etree.tostring(ours[0], method="c14n", exclusive=True) == etree.tostring(made._r, method="c14n", exclusive=True)


def _document_xml(path: Path):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
        assert info.compress_type == zipfile.ZIP_DEFLATED
        return etree.fromstring(z.read(info))  # strict parser: fails on any malformed row


def test_document_xml_is_well_formed_with_one_row_per_segment(tmp_path):
    texts = [t for t in ODD_TEXTS if t.strip()]  # (blocks of white space alone get no row)
    bld = Builder("odd")
    for text in texts:
        bld.add(BlockKind.PARAGRAPH, [(text, text[::-1])])
    bld.add(BlockKind.CODE, text="\n".join(texts))
    bld.add(BlockKind.PARAGRAPH, [("largo " * 250, "long " * 250)])  # over CANT_SPLIT_CHARS
    bld.doc.segments[3].flag("length", "info", " & <odd>\tflag ")
    path = _write(bld.doc, tmp_path)
    root = _document_xml(path)
    tbl = root.findall(f"{W}body/{W}tbl")[-1]
    trs = tbl.findall(W + "tr")
    assert len(trs) == 1 + len(bld.doc.segments) + 1  # header, segments, the code block
    assert not [c for c in tbl.iter() if not isinstance(c.tag, str)]  # the rows' marker comment is gone
    assert trs[-1].find(f"{W}trPr/{W}cantSplit") is None  # a very long row may split
    assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs[:-1])
    rows = read_bilingual(path)
    assert [r.id for r in rows] == [s.id for s in bld.doc.segments]
    safe = [t.replace("\x0b", "\n").replace("\x0c", "\n") for t in texts]
    safe = [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\ufffd", t) for t in safe]
    assert [r.source for r in rows][: len(safe)] == [t.replace("\r", "\n") for t in safe]
    assert rows[3].qa == "info: length:  & <odd>\tflag "
    table = _main_table(docx.Document(str(path)))
    assert len(table.rows) == len(trs)


def test_build_bilingual_docx_returns_the_whole_document(tmp_path):
    from pipeline.emit.docx_bilingual import build_bilingual_docx

    doc = mixed_document()
    document = build_bilingual_docx(doc, RUN)
    document.save(str(tmp_path / "tree.docx"))
    assert [r.id for r in read_bilingual(tmp_path / "tree.docx")] == [r.id for r in read_bilingual(_write(doc, tmp_path))]


def test_long_documents_are_written_in_bounded_memory(tmp_path):
    """Rows are streamed into the package: the writer's peak allocation does not
    grow with the document (python-docx's tree took ≈ 10 KB a row)."""
    import tracemalloc

    def peak(n: int) -> int:
        bld = Builder(f"long{n}")
        sentences = [s for p in SEED_PARAGRAPHS for s in p]
        for i in range(n):
            bld.add(BlockKind.PARAGRAPH, [sentences[i % len(sentences)]])
        bld.doc.segments[0].flag("length", "info", "ratio")
        tracemalloc.start()
        try:
            path = _write(bld.doc, tmp_path)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            assert len(_document_xml(path).findall(f"{W}body/{W}tbl")[-1]) == n + 3  # tblPr, tblGrid, header

    _write(seed_document(), tmp_path)  # imports and caches outside the measurement
    small, large = peak(2_000), peak(12_000)
    assert large < small + 3_000_000, (small, large)

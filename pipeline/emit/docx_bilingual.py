"""Side-by-side DOCX: Spanish and English in one table, one sentence per row.

Layout decisions (see also tests/test_emit_docx.py, which checks them):

- **Page**: landscape A4 by default (``paper="letter"`` for US Letter). A4 is the
  paper of Spain and of most Spanish-speaking countries; the column widths are
  computed from the page, so either size fills its text width.
- **Font**: Arial (LibreOffice on Linux renders it with the metric-compatible
  Liberation Sans, Word uses Arial itself, so line breaks match), 10 pt body; ids 7 pt.
- **Title block**: English and Spanish title, then a borderless key/value table
  (source file, document metadata such as the date, engine + model version,
  glossary files, run time, segment count, reader notices) and, when any segment is
  flagged, a QA summary table (flags per check and severity).
- **Main table**: columns ``#`` | ``Español`` | ``English`` (+ ``QA`` when any
  segment has flags). Fixed layout and widths; the header row repeats on each page
  (``w:tblHeader``); rows do not split across pages (``w:cantSplit``) unless very
  long. A darker rule separates blocks (paragraphs); sentences of one paragraph
  are separated by a faint one.
- **Machine-readable**: the first cell of every segment row is exactly the segment
  id (``doc/block/sentence``); the Spanish and English cells hold exactly the
  segment's source and target. Heading rows are bold, shaded, kept with the next
  row. Metadata/code/front matter/raw blocks are single merged full-width rows with
  no id: readers skip them.
- Spanish runs are tagged with the Spanish language and English runs with English,
  so a reviewer's spell checker checks each column in its own language.

How it is written: python-docx builds everything but the main table's body rows
(styles, section, footer, title block, QA summary, the table's properties, grid and
header row); the body rows are XML text from :mod:`.docx_rows`, streamed into
word/document.xml as the package is written, so time and memory stay small at any
length (newstest2012, 3,003 rows: ≈ 0.06 s; see bench/docx_writer.py).
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..atomic import atomic_path
from ..model import Document, RunInfo, Severity
from .common import COL_QA, columns, has_qa, qa_summary, source_locale, title_block_items, titles
from .docx_rows import DARK, GREY, HEADING_FILL, LIST_STYLES, NAVY, RULE_BLOCK, SEVERITY_COLOR, RowWriter, tw, xml_safe

FONT = "Arial"
PAPER_MM = {"a4": (297.0, 210.0), "letter": (279.4, 215.9)}
MARGIN_MM = 15.0
HEADER_FILL = NAVY
RULE_SENTENCE = "DDDDDD"  # between sentences of one block, and vertical rules

#: Column widths as fractions of the text width.
WIDTHS_3 = (0.09, 0.455, 0.455)
WIDTHS_4 = (0.09, 0.365, 0.365, 0.18)

#: Every document's body rows are streamed into word/document.xml as they are made
#: (docx_rows): memory stays bounded whatever the length (python-docx's tree holds
#: ≈ 10 KB a row).
_ROWS_MARK = "es2en-rows"
#: Body rows joined per write into the package (≈ 1–4 MB of XML).
_CHUNK_ROWS = 1000


def write_bilingual_docx(doc: Document, path: Path, run: RunInfo, *, paper: str = "a4") -> Path:
    """Write the side-by-side DOCX for ``doc`` to ``path`` (atomically).

    python-docx builds the document around the table's body (styles, section,
    title block, QA summary, header row); the body rows are then streamed into
    word/document.xml where a marker comment stands, as the package is written."""
    document, rows = _skeleton(doc, run, paper)
    package = io.BytesIO()
    document.save(package)
    del document
    with atomic_path(path) as tmp:
        _write_package(package, Path(tmp), rows.rows())
    return Path(path)


def _chunks(rows: Iterator[str]) -> Iterator[str]:
    batch: list[str] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _CHUNK_ROWS:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


def _write_package(package: io.BytesIO, path: Path, rows: Iterator[str]) -> None:
    """Copy the package python-docx saved to ``path``, with ``rows`` put where the
    marker comment stands in word/document.xml."""
    import zipfile

    mark = f"<!--{_ROWS_MARK}-->".encode()
    # compresslevel applies to word/document.xml only (the copied parts keep their
    # own): 1 is 4x faster than zlib's default 6 on row XML, the file ≈ 18 % larger.
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "word/document.xml":
                dst.writestr(info, data)
                continue
            head, found, tail = data.partition(mark)
            if not found:
                raise RuntimeError("the bilingual table lost its marker")
            with dst.open(info.filename, "w") as out:  # over 2 GiB of XML (≈ 1.5 million rows) raises
                out.write(head)
                for chunk in _chunks(rows):
                    out.write(chunk.encode("utf-8"))
                out.write(tail)


def build_bilingual_docx(doc: Document, run: RunInfo, *, paper: str = "a4"):
    """The whole document as a python-docx ``Document`` (not saved), for callers
    that add to it; write_bilingual_docx streams the rows instead."""
    from lxml import etree

    document, rows = _skeleton(doc, run, paper)
    tbl = document.tables[-1]._tbl
    mark = tbl[-1]
    for chunk in _chunks(rows.rows()):
        holder = etree.fromstring(f'<w:tbl xmlns:w="{_W_NS}">{chunk}</w:tbl>')
        for tr in list(holder):
            mark.addprevious(tr)
    tbl.remove(mark)
    return document


def _skeleton(doc: Document, run: RunInfo, paper: str):
    """python-docx ``Document`` with everything but the main table's body rows (a
    marker comment stands in for them), and the RowWriter that makes those rows."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    if paper not in PAPER_MM:
        raise ValueError(f"paper must be one of {', '.join(PAPER_MM)}, not {paper!r}")
    document = docx.Document()
    _set_styles(document)

    section = document.sections[0]
    width_mm, height_mm = PAPER_MM[paper]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width_mm), Mm(height_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = Mm(7)
    section.footer_distance = Mm(7)
    text_width = width_mm - 2 * MARGIN_MM

    es_title, en_title = titles(doc)
    if doc.format == "md":  # the title block and properties show a heading's words, not its Markdown
        from .markdown_runs import plain_text

        es_title, en_title = plain_text(es_title), plain_text(en_title)
    _core_properties(document, doc, run, en_title or es_title)
    _footer(section, doc)
    locale = source_locale(doc, run)
    _title_block(document, doc, run, es_title, en_title, text_width, locale)
    rows = _main_table(document, doc, text_width, locale)
    return document, rows


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- low-level helpers ------------------------------------------------------------


def _el(tag: str, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _set_child(parent, child) -> None:
    """Replace any child of the same tag, then append ``child``."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.append(child)


def _set_fonts(rpr, name: str) -> None:
    from docx.oxml.ns import qn

    fonts = rpr.get_or_add_rFonts()  # keeps the schema order of rPr's children
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), name)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)


def _run(paragraph, text: str, *, size: float | None = None, bold=False, italic=False, color=None, font=None, lang=None):
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(xml_safe(text))
    if size:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    rpr = run._r.get_or_add_rPr()
    if font:
        _set_fonts(rpr, font)
    if lang:
        rpr.insert_element_before(_el("w:lang", val=lang), "w:eastAsianLayout", "w:specVanish", "w:oMath")
    return run


_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(_el("w:shd").tag):
        tcpr.remove(old)
    tcpr.insert_element_before(_el("w:shd", val="clear", color="auto", fill=fill), *_TCPR_AFTER_SHD)


def _cell_width(cell, mm: float) -> None:
    from docx.shared import Twips

    cell.width = Twips(tw(mm))


def _row_props(row, *, header=False, cant_split=True) -> None:
    trpr = row._tr.get_or_add_trPr()
    if cant_split:
        trpr.append(_el("w:cantSplit"))
    if header:
        trpr.append(_el("w:tblHeader"))


def _table_props(table, widths_mm: list[float], *, borders: bool, cell_margins=(35, 85)) -> None:
    """Fixed layout, exact grid, no style borders unless asked."""
    from docx.shared import Mm

    table.autofit = False
    tblpr = table._tbl.tblPr
    _set_child(tblpr, _el("w:tblW", w=tw(sum(widths_mm)), type="dxa"))
    if borders:
        tb = _el("w:tblBorders")
        for edge, color in (("top", RULE_BLOCK), ("left", RULE_SENTENCE), ("bottom", RULE_BLOCK),
                            ("right", RULE_SENTENCE), ("insideH", RULE_SENTENCE), ("insideV", RULE_SENTENCE)):
            tb.append(_el(f"w:{edge}", val="single", sz=4, space=0, color=color))
        _set_child(tblpr, tb)
    _set_child(tblpr, _el("w:tblLayout", type="fixed"))
    mar = _el("w:tblCellMar")
    vert, horiz = cell_margins
    for edge, value in (("top", vert), ("left", horiz), ("bottom", vert), ("right", horiz)):
        mar.append(_el(f"w:{edge}", w=value, type="dxa"))
    _set_child(tblpr, mar)
    _set_child(tblpr, _el("w:tblLook", val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0, noHBand=1, noVBand=1))
    # schema order inside tblPr: tblStyle, ..., tblW, ..., tblBorders, shd, tblLayout, tblCellMar, tblLook
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
             "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]
    children = sorted(tblpr, key=lambda el: order.index(el.tag.split("}")[1]) if el.tag.split("}")[1] in order else 99)
    for child in children:
        tblpr.remove(child)
        tblpr.append(child)
    for col, mm in zip(table.columns, widths_mm):
        col.width = Mm(mm)


def _field(paragraph, instr: str, *, size: float, color: str) -> None:
    fld = _el("w:fldSimple", instr=instr)
    run = _el("w:r")
    rpr = _el("w:rPr")
    rpr.append(_el("w:color", val=color))
    rpr.append(_el("w:sz", val=int(size * 2)))
    run.append(rpr)
    t = _el("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


# --- document parts ---------------------------------------------------------------


def _set_styles(document) -> None:
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    _set_fonts(normal.element.get_or_add_rPr(), FONT)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.1
    # docDefaults name theme fonts (Calibri/Cambria); make the defaults ours too.
    defaults = document.styles.element.find(_el("w:docDefaults").tag)
    if defaults is not None:
        rpr = defaults.find(f"{_el('w:rPrDefault').tag}/{_el('w:rPr').tag}")
        if rpr is not None:
            _set_fonts(rpr, FONT)


def _core_properties(document, doc: Document, run: RunInfo, title: str) -> None:
    props = document.core_properties
    props.title = title
    props.subject = "Spanish → English side-by-side translation"
    props.author = "es2en"
    props.last_modified_by = "es2en"
    # format=md: the cells' formatting is the source's inline Markdown (bilingual_read)
    props.keywords = f"es2en bilingual; doc={doc.id}" + ("; format=md" if doc.format == "md" else "")
    props.comments = (
        "Column # holds each segment's id (document/block/sentence); "
        "edit the English column and run `es2en review import` on this file."
    )
    created = None
    if run.created:
        try:
            created = datetime.fromisoformat(run.created.replace("Z", "+00:00"))
        except ValueError:
            created = None
    created = created or datetime.now(timezone.utc)
    if created.tzinfo is not None:
        created = created.astimezone(timezone.utc).replace(tzinfo=None)
    props.created = props.modified = created
    props.revision = 1


def _footer(section, doc: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(paragraph, f"{doc.id} · es2en side-by-side · page ", size=7.5, color=GREY)
    _field(paragraph, "PAGE", size=7.5, color=GREY)
    _run(paragraph, " of ", size=7.5, color=GREY)
    _field(paragraph, "NUMPAGES", size=7.5, color=GREY)


def _title_block(document, doc: Document, run: RunInfo, es_title: str, en_title: str, text_width: float, locale: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = document.add_paragraph()
    _run(p, en_title or es_title, size=17, bold=True, color=NAVY, lang="en-US" if en_title else _es_lang(locale))
    p.paragraph_format.space_after = Pt(2)
    if en_title:
        p = document.add_paragraph()
        _run(p, es_title, size=11.5, italic=True, color="595959", lang=_es_lang(locale))
    p.paragraph_format.space_after = Pt(8)

    items = title_block_items(doc, run)
    label_mm = 32.0
    value_mm = min(text_width - label_mm, 150.0)
    table = document.add_table(rows=0, cols=2)
    _table_props(table, [label_mm, value_mm], borders=False, cell_margins=(10, 0))
    for key, value in items:
        row = table.add_row()
        _row_props(row)
        for cell, mm in zip(row.cells, (label_mm, value_mm)):
            _cell_width(cell, mm)
        _run(row.cells[0].paragraphs[0], key, size=8.5, bold=True, color=GREY)
        _run(row.cells[1].paragraphs[0], value, size=8.5, color=DARK)

    if has_qa(doc):
        p = document.add_paragraph()
        p.paragraph_format.space_before = Pt(8)
        p.paragraph_format.space_after = Pt(2)
        p.paragraph_format.keep_with_next = True
        _run(p, "QA flags", size=9.5, bold=True, color=NAVY)
        widths = [50.0, 20.0, 20.0, 20.0]
        table = document.add_table(rows=1, cols=4)
        _table_props(table, widths, borders=True, cell_margins=(15, 60))
        hdr = table.rows[0]
        _row_props(hdr, header=True)
        for i, (cell, mm, label) in enumerate(zip(hdr.cells, widths, ("Check", "Errors", "Warnings", "Info"))):
            _cell_width(cell, mm)
            _shade(cell, HEADING_FILL)
            if i:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(cell.paragraphs[0], label, size=8.5, bold=True, color=NAVY)
        for count in qa_summary(doc):
            row = table.add_row()
            _row_props(row)
            values = (count.check, count.error, count.warning, count.info)
            for i, (cell, mm, value) in enumerate(zip(row.cells, widths, values)):
                _cell_width(cell, mm)
                para = cell.paragraphs[0]
                if i:
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                color = DARK
                if i == 1 and value:
                    color = SEVERITY_COLOR[Severity.ERROR]
                elif i == 2 and value:
                    color = SEVERITY_COLOR[Severity.WARNING]
                _run(para, str(value), size=8.5, color=color)

    spacer = document.add_paragraph()
    spacer.paragraph_format.space_after = Pt(6)


def _es_lang(locale: str) -> str:
    return locale if re.fullmatch(r"es(-[A-Za-z0-9]{2,8})*", locale) else "es-ES"


def _main_table(document, doc: Document, text_width: float, locale: str) -> RowWriter:
    """The table with its header row and a marker comment for the body rows."""
    from lxml import etree

    cols = columns(doc)
    qa = COL_QA in cols
    widths = [text_width * f for f in (WIDTHS_4 if qa else WIDTHS_3)]

    table = document.add_table(rows=1, cols=len(cols))
    _table_props(table, widths, borders=True)
    header = table.rows[0]
    _row_props(header, header=True)
    for cell, mm, label in zip(header.cells, widths, cols):
        _cell_width(cell, mm)
        _shade(cell, HEADER_FILL)
        para = cell.paragraphs[0]
        para.paragraph_format.keep_with_next = True
        _run(para, label, size=9, bold=True, color="FFFFFF")
    table._tbl.append(etree.Comment(_ROWS_MARK))
    style_ids = {name: document.styles[name].style_id for name in LIST_STYLES.values()}
    return RowWriter(doc, widths, _es_lang(locale), style_ids)

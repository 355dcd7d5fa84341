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
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from ..atomic import atomic_path
from ..model import Block, BlockKind, Document, RunInfo, Severity
from .common import (
    COL_QA,
    columns,
    has_qa,
    qa_summary,
    source_locale,
    table_rows,
    title_block_items,
    titles,
    worst_severity,
)

FONT = "Arial"
MONO = "Courier New"
PAPER_MM = {"a4": (297.0, 210.0), "letter": (279.4, 215.9)}
MARGIN_MM = 15.0

NAVY = "1F3A5F"
GREY = "7F7F7F"
DARK = "262626"
HEADER_FILL = NAVY
HEADING_FILL = "E8EEF5"
CODE_FILL = "F4F4F4"
SEVERITY_FILL = {Severity.ERROR: "FBE1E1", Severity.WARNING: "FFF3CC", Severity.INFO: "E9F3FB"}
SEVERITY_COLOR = {Severity.ERROR: "B00020", Severity.WARNING: "8A5A00", Severity.INFO: "2F5F8A"}
RULE_BLOCK = "9E9E9E"  # between blocks
RULE_SENTENCE = "DDDDDD"  # between sentences of one block, and vertical rules

#: Column widths as fractions of the text width.
WIDTHS_3 = (0.09, 0.455, 0.455)
WIDTHS_4 = (0.09, 0.365, 0.365, 0.18)

#: Rows with more text than this may split across pages (a row taller than a page
#: cannot be kept whole).
CANT_SPLIT_CHARS = 1200


#: Documents with more rows than this are written with their table rows spooled to a
#: temporary file as they are built (python-docx holds the whole XML tree: ≈ 10 KB of
#: memory per row, so a 50,000-row book would need ≈ 500 MB; see README, Performance).
SPOOL_ROWS = 5000
_SPOOL_MARK = "es2en-spooled-rows"


def write_bilingual_docx(doc: Document, path: Path, run: RunInfo, *, paper: str = "a4") -> Path:
    """Write the side-by-side DOCX for ``doc`` to ``path`` (atomically)."""
    if len(doc.segments) <= SPOOL_ROWS:
        document = build_bilingual_docx(doc, run, paper=paper)
        with atomic_path(path) as tmp:
            document.save(str(tmp))
        return Path(path)
    import tempfile

    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        document = build_bilingual_docx(doc, run, paper=paper, spool=spool)
        with atomic_path(path) as tmp:
            document.save(str(tmp))
            del document
            _splice_rows(Path(tmp), spool)
    return Path(path)


def _spool_rows(tbl, spool) -> None:
    """Move the table's body rows (all but the header) out of the tree into ``spool``
    as XML; the namespace prefixes they use are declared on the document's root."""
    from lxml import etree

    for tr in tbl.tr_lst[1:]:
        xml = etree.tostring(tr, encoding="unicode")
        head, _, rest = xml.partition(">")
        spool.write(re.sub(r'\sxmlns:\w+="[^"]*"', "", head) + ">" + rest)
        tbl.remove(tr)


def _splice_rows(path: Path, spool) -> None:
    """Put the spooled rows where the marker comment stands in word/document.xml,
    copying the rest of the package unchanged; memory stays bounded."""
    import os
    import shutil
    import zipfile

    spool.flush()
    tmp = path.with_name(path.name + ".rows")
    mark = f"<!--{_SPOOL_MARK}-->"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "word/document.xml":
                dst.writestr(info, data)
                continue
            head, found, tail = data.decode("utf-8").partition(mark)
            if not found:
                raise RuntimeError("spooled DOCX rows lost their place")
            with dst.open(zipfile.ZipInfo(info.filename, date_time=info.date_time), "w", force_zip64=True) as out:
                out.write(head.encode("utf-8"))
                spool.seek(0)
                while chunk := spool.read(1 << 20):
                    out.write(chunk.encode("utf-8"))
                out.write(tail.encode("utf-8"))
    os.replace(tmp, path)


def build_bilingual_docx(doc: Document, run: RunInfo, *, paper: str = "a4", spool=None):
    """The python-docx ``Document`` (not saved), for callers that add to it.
    With ``spool`` (a text file) the main table's rows are written there as they are
    built and a marker comment stands in for them (write_bilingual_docx splices)."""
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
    _core_properties(document, doc, run, en_title or es_title)
    _footer(section, doc)
    locale = source_locale(doc, run)
    _title_block(document, doc, run, es_title, en_title, text_width, locale)
    _main_table(document, doc, text_width, locale, spool)
    return document


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


def _tw(mm: float) -> int:
    return int(round(mm / 25.4 * 1440))


def _set_fonts(rpr, name: str) -> None:
    from docx.oxml.ns import qn

    fonts = rpr.get_or_add_rFonts()  # keeps the schema order of rPr's children
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), name)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text python-docx accepts: form feeds / vertical tabs become line breaks, other
    characters XML cannot hold become U+FFFD (the reader will see the difference)."""
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return _XML_INVALID.sub("\ufffd", text)


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

    cell.width = Twips(_tw(mm))


def _cell_top_rule(cell, color: str, size: int) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    borders = _el("w:tcBorders")
    borders.append(_el("w:top", val="single", sz=size, space=0, color=color))
    for old in tcpr.findall(borders.tag):
        tcpr.remove(old)
    tcpr.insert_element_before(borders, "w:shd", *_TCPR_AFTER_SHD)


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
    _set_child(tblpr, _el("w:tblW", w=_tw(sum(widths_mm)), type="dxa"))
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
    props.keywords = f"es2en bilingual; doc={doc.id}"
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


def _id_runs(paragraph, seg_id: str) -> None:
    """The id in a small font: the document part grey, block/sentence darker.
    The cell's text is exactly the id."""
    head, sep, tail = seg_id.rpartition("/")
    head2, sep2, mid = head.rpartition("/")
    if sep and sep2:
        _run(paragraph, head2 + sep2, size=6.5, color="8C8C8C")
        _run(paragraph, mid + sep + tail, size=7.5, bold=True, color="595959")
    else:
        _run(paragraph, seg_id, size=7.5, color="595959")


def _list_depths(doc: Document) -> dict[int, int]:
    """Relative nesting depth (0 = outermost) of each list-item block, by id()."""
    levels = [b.level for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    base = min(levels, default=0)
    return {id(b): min(b.level - base, 2) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM}


def _main_table(document, doc: Document, text_width: float, locale: str, spool=None) -> None:
    from docx.shared import Pt

    cols = columns(doc)
    qa = COL_QA in cols
    widths = [text_width * f for f in (WIDTHS_4 if qa else WIDTHS_3)]
    es_lang = _es_lang(locale)
    depths = _list_depths(doc)

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

    for n, row_info in enumerate(table_rows(doc)):
        if spool is not None and n and n % 500 == 0:
            _spool_rows(table._tbl, spool)
        block = row_info.block
        row = table.add_row()
        cells = row.cells
        for cell, mm in zip(cells, widths):
            _cell_width(cell, mm)
        if row_info.first_in_block:
            for cell in cells:
                _cell_top_rule(cell, RULE_BLOCK, 6)

        if row_info.verbatim:
            _row_props(row, cant_split=len(block.text) < CANT_SPLIT_CHARS)
            merged = cells[0].merge(cells[-1])
            _cell_width(merged, sum(widths))
            _verbatim_cell(merged, block)
            continue

        seg = row_info.segment
        source, target = seg.source, seg.target or ""
        _row_props(row, cant_split=max(len(source), len(target)) < CANT_SPLIT_CHARS)
        _id_runs(cells[0].paragraphs[0], seg.id)
        heading = block.kind is BlockKind.HEADING
        size = {1: 12.5, 2: 11.5}.get(block.level, 10.5) if heading else None
        for cell, text, lang in ((cells[1], source, es_lang), (cells[2], target, "en-US")):
            para = cell.paragraphs[0]
            if text:
                _run(para, text, size=size, bold=heading, color=NAVY if heading else None, lang=lang)
            if block.kind is BlockKind.LIST_ITEM and text:
                depth = depths.get(id(block), 0)
                suffix = "" if depth == 0 else f" {depth + 1}"
                para.style = document.styles[("List Bullet" if row_info.first_in_block else "List Continue") + suffix]
            if heading:
                para.paragraph_format.keep_with_next = True
                para.paragraph_format.space_before = Pt(2)
                para.paragraph_format.space_after = Pt(2)
        if heading:
            cells[0].paragraphs[0].paragraph_format.keep_with_next = True
            for cell in cells:
                _shade(cell, HEADING_FILL)
        if qa:
            _qa_cell(cells[3], seg)
        worst = worst_severity(seg.flags)
        if worst is not None:
            for cell in cells:
                _shade(cell, SEVERITY_FILL[worst])

    if spool is not None:
        from lxml import etree

        _spool_rows(table._tbl, spool)
        table._tbl.append(etree.Comment(_SPOOL_MARK))

def _verbatim_cell(cell, block: Block) -> None:
    from .markdown import front_matter_text

    para = cell.paragraphs[0]
    text = block.text.strip("\n")
    if block.kind is BlockKind.FRONT_MATTER:
        text = front_matter_text(block)
    if block.kind is BlockKind.METADATA:
        _run(para, text, size=8.5, italic=True, color=GREY)
        return
    _run(para, text, size=8.5, font=MONO, color=DARK)
    _shade(cell, CODE_FILL)


def _qa_cell(cell, seg) -> None:
    first = True
    for flag in seg.flags:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _run(para, flag.severity.value, size=8, bold=True, color=SEVERITY_COLOR[flag.severity])
        _run(para, f": {flag.check}: {flag.message}", size=8, color=DARK, lang="en-US")

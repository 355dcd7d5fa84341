"""The body rows of the side-by-side table, written as WordprocessingML text.

python-docx builds ≈ 40 XML elements per row through its object API (≈ 1.4 ms a row,
and ≈ 10 KB of memory a row while the tree is held). Here each ``<w:tr>`` is one
string put together from a few templates made once per document, so
:mod:`.docx_bilingual` can stream the rows into ``word/document.xml`` while it writes
the package: rows are never held as a tree, whatever the document's length.

The XML is what python-docx produced for the same calls (``tests/test_emit_docx.py``
and ``bench/docx_writer.py`` compare the two): the same elements, attributes and
child order, ``<w:t xml:space="preserve">`` exactly where python-docx sets it,
tabs as ``<w:tab/>``, CR and LF as ``<w:br/>``.

A Markdown source's cells show their inline Markdown as formatting
(:func:`markdown_runs`); a DOCX source's cells show its bold/italic/underline codes
(:func:`_formatted`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..model import Block, BlockKind, Document, Segment, Severity
from .common import Row, facts, table_rows, worst_severity

MONO = "Courier New"
NAVY = "1F3A5F"
GREY = "7F7F7F"
DARK = "262626"
HEADING_FILL = "E8EEF5"
CODE_FILL = "F4F4F4"
SEVERITY_FILL = {Severity.ERROR: "FBE1E1", Severity.WARNING: "FFF3CC", Severity.INFO: "E9F3FB"}
SEVERITY_COLOR = {Severity.ERROR: "B00020", Severity.WARNING: "8A5A00", Severity.INFO: "2F5F8A"}
RULE_BLOCK = "9E9E9E"  # top rule of a block's first row

#: Rows with more text than this may split across pages (a row taller than a page
#: cannot be kept whole).
CANT_SPLIT_CHARS = 1200

#: List styles of python-docx's default template, by (first row of the item, depth).
LIST_STYLES = {(first, depth): ("List Bullet" if first else "List Continue") + ("" if depth == 0 else f" {depth + 1}")
               for first in (True, False) for depth in (0, 1, 2)}

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Anything in a text that needs more than copying: markup characters, controls
#: (tab, CR, LF included), and what XML 1.0 cannot hold.
_SPECIAL = re.compile("[\x00-\x1f&<>\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("([\t\r\n])")


def xml_safe(text: str) -> str:
    """Text XML can hold: form feeds / vertical tabs become line breaks, other
    characters XML cannot hold become U+FFFD (the reader will see the difference)."""
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return _XML_INVALID.sub("\ufffd", text)


def tw(mm: float) -> int:
    """Millimetres → twips (what python-docx writes for a width of ``Twips(tw(mm))``)."""
    return int(round(mm / 25.4 * 1440))


def _t(text: str) -> str:
    # python-docx: xml:space="preserve" when text.strip() is shorter than the text
    if text[0].isspace() or text[-1].isspace():
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run_content(text: str) -> str:
    """The children of a ``<w:r>`` for ``text``, as python-docx's ``run.text`` makes them."""
    if not text:
        return ""
    if _SPECIAL.search(text) is None:
        return _t(text)
    text = xml_safe(text)
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(_escape(text))
    out = []
    for piece in _BREAKS.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece == "\n" or piece == "\r":
            out.append("<w:br/>")
        elif piece:
            out.append(_t(_escape(piece)))
    return "".join(out)


@lru_cache(maxsize=None)
def run_props(size: float | None = None, bold: bool = False, italic: bool = False, color: str | None = None,
              font: str | None = None, lang: str | None = None) -> str:
    """``<w:rPr>`` as docx_bilingual._run sets it (children in schema order)."""
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>')
    if bold:
        parts.append("<w:b/>")
    if italic:
        parts.append("<w:i/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        from docx.shared import Pt

        parts.append(f'<w:sz w:val="{int(Pt(size).pt * 2)}"/>')  # python-docx's half points
    if lang:
        parts.append(f'<w:lang w:val="{lang}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else "<w:rPr/>"


def run(text: str, rpr: str) -> str:
    return f"<w:r>{rpr}{run_content(text)}</w:r>"


_ON = r'(?:\s+w:val="(?:1|true|on)")?\s*/>'
_BOLD, _ITALIC = re.compile(r"<w:b" + _ON), re.compile(r"<w:i" + _ON)
_UNDERLINE = re.compile(r'<w:u\s+w:val="(?!none")[^"]+"')


def _formatted(text: str, spans, rpr: str) -> str:
    """``text`` as runs, bold/italic/underlined where a DOCX source's inline code
    (Span kind "inline", its run properties in attrs["native"]) says so."""
    marks = []
    for s in spans:
        native = s.attrs.get("native") or "" if s.inline_code and s.end > s.start else ""
        flags = (bool(_BOLD.search(native)), bool(_ITALIC.search(native)), bool(_UNDERLINE.search(native)))
        if any(flags):
            marks.append((s.start, s.end, flags))
    if not marks:
        return run(text, rpr)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        bold = italic = underline = False
        for s, e, (mb, mi, mu) in marks:
            if s <= a and b <= e:
                bold, italic, underline = bold or mb, italic or mi, underline or mu
        out.append(run(text[a:b], _styled(rpr, bold, italic, underline)))
    return "".join(out)


def _styled(rpr: str, bold: bool, italic: bool, underline: bool) -> str:
    """``rpr`` with bold, italic and underline added in the schema's order."""
    if not (bold or italic or underline):
        return rpr
    inner = "" if rpr == "<w:rPr/>" else rpr[len("<w:rPr>"):-len("</w:rPr>")]
    head = ""
    if inner.startswith("<w:rFonts"):
        end = inner.index("/>") + 2
        head, inner = inner[:end], inner[end:]
    add = ("<w:b/>" if bold and "<w:b/>" not in inner else "") + ("<w:i/>" if italic and "<w:i/>" not in inner else "")
    tail = ""
    if underline:
        at = inner.find("<w:lang")
        inner, tail = (inner, "") if at < 0 else (inner[:at], inner[at:])
        tail = '<w:u w:val="single"/>' + tail
    return f"<w:rPr>{head}{add}{inner}{tail}</w:rPr>"


LINK_COLOR = "0563C1"  # Word's Hyperlink character style


@lru_cache(maxsize=None)
def md_run_props(size: float | None, bold: bool, color: str | None, lang: str | None,
                 run_fmt: tuple) -> str:
    """``<w:rPr>`` of a Markdown run: the cell's own properties (``size``, ``bold``,
    ``color``, ``lang``) with the run's marks (MdRun.fmt()) added, in schema order."""
    m_bold, m_italic, m_strike, m_code, href = run_fmt
    parts = []
    if m_code:
        parts.append(f'<w:rFonts w:ascii="{MONO}" w:hAnsi="{MONO}" w:cs="{MONO}" w:eastAsia="{MONO}"/>')
    if bold or m_bold:
        parts.append("<w:b/>")
    if m_italic:
        parts.append("<w:i/>")
    if m_strike:
        parts.append("<w:strike/>")
    if href is not None:
        parts.append(f'<w:color w:val="{LINK_COLOR}"/>')
    elif color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(round(size * 2))}"/>')
    if href is not None:
        parts.append('<w:u w:val="single"/>')
    if lang:
        parts.append(f'<w:lang w:val="{lang}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>"


def _attr(text: str) -> str:
    return _escape(xml_safe(text)).replace('"', "&quot;")


def markdown_runs(text: str, size: float | None, bold: bool, color: str | None, lang: str | None) -> str:
    """A Markdown segment's text as runs: emphasis italic, strong bold, ~~x~~ struck,
    code monospace, a link a HYPERLINK field (a simple field needs no relationship, so
    rows stay plain strings; Word and LibreOffice show it as a link). The delimiters are
    not shown; bilingual_read turns the formatting back into them."""
    from .markdown_runs import to_runs

    runs = to_runs(text)
    if bold and any(r.bold for r in runs):
        bold = False  # a heading with **strong** words: only those bold, so they read back
    out = []
    for r in runs:
        content = run(r.text, md_run_props(size, bold, color, lang, r.fmt()))
        if r.href is not None:
            # field syntax: a backslash escapes the next character inside quotes
            href = r.href.replace("\\", "\\\\").replace('"', '\\"')
            content = f'<w:fldSimple w:instr=" HYPERLINK &quot;{_attr(href)}&quot; ">{content}</w:fldSimple>'
        out.append(content)
    return "".join(out)


def _shd(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


_TOP_RULE = f'<w:tcBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="{RULE_BLOCK}"/></w:tcBorders>'
_TR_KEEP = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_TR_SPLIT = "<w:tr><w:trPr/>"
_KEEP_NEXT = "<w:pPr><w:keepNext/></w:pPr>"
_HEADING_PPR = '<w:pPr><w:keepNext/><w:spacing w:before="40" w:after="40"/></w:pPr>'

_ID_HEAD = run_props(size=6.5, color="8C8C8C")
_ID_TAIL = run_props(size=7.5, bold=True, color="595959")
_ID_PLAIN = run_props(size=7.5, color="595959")
_QA_TEXT = run_props(size=8, color=DARK, lang="en-US")
_QA_SEVERITY = {sev: run_props(size=8, bold=True, color=color) for sev, color in SEVERITY_COLOR.items()}
_METADATA = run_props(size=8.5, italic=True, color=GREY)
_CODE = run_props(size=8.5, font=MONO, color=DARK)


def list_depths(doc: Document) -> dict[int, int]:
    """Relative nesting depth (0 = outermost) of each list-item block, by id()."""
    levels = [b.level for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    base = min(levels, default=0)
    return {id(b): min(b.level - base, 2) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM}


def list_depth(block: Block, base: int) -> int:
    """A list item's nesting depth relative to the document's outermost level ``base``
    (common.DocumentFacts.list_base), 0 to 2: list_depths for one block."""
    return min(block.level - base, 2)


class RowWriter:
    """Writes the table's body rows of one document.

    ``widths_mm``: the columns' widths (3 or 4 columns; 4 = with the QA column).
    ``style_ids``: LIST_STYLES name → style id in the document's styles part.
    """

    def __init__(self, doc: Document, widths_mm: list[float], es_lang: str, style_ids: dict[str, str]):
        self.doc = doc
        self.qa = len(widths_mm) == 4
        self._tcw = [f'<w:tcW w:type="dxa" w:w="{tw(mm)}"/>' for mm in widths_mm]
        self._span = f'<w:tcW w:type="dxa" w:w="{tw(sum(widths_mm))}"/><w:gridSpan w:val="{len(widths_mm)}"/>'
        self._list_base = facts(doc).list_base or 0
        self._pstyle = {key: f'<w:pPr><w:pStyle w:val="{style_ids[name]}"/></w:pPr>' for key, name in LIST_STYLES.items()}
        self._cells: dict[tuple[bool, str | None], list[str]] = {}
        self._es = run_props(lang=es_lang)
        self._en = run_props(lang="en-US")
        self._es_heading = {}
        self._en_heading = {}
        self._es_lang = es_lang
        # A Markdown source's segments hold their inline Markdown: shown as formatting.
        self._markdown = doc.format == "md"
        for level, size in ((1, 12.5), (2, 11.5), (0, 10.5)):
            self._es_heading[level] = run_props(size=size, bold=True, color=NAVY, lang=es_lang)
            self._en_heading[level] = run_props(size=size, bold=True, color=NAVY, lang="en-US")

    def rows(self) -> Iterator[str]:
        """One ``<w:tr>…</w:tr>`` string per body row, in reading order."""
        for row in table_rows(self.doc):
            yield self.verbatim_row(row.block) if row.verbatim else self.segment_row(row)

    def _tc_open(self, first: bool, fill: str | None) -> list[str]:
        """``<w:tc><w:tcPr>…</w:tcPr>`` of each column for a row's rule and fill."""
        key = (first, fill)
        opened = self._cells.get(key)
        if opened is None:
            extra = (_TOP_RULE if first else "") + (_shd(fill) if fill else "")
            opened = self._cells[key] = [f"<w:tc><w:tcPr>{tcw}{extra}</w:tcPr>" for tcw in self._tcw]
        return opened

    def segment_row(self, row: Row) -> str:
        block, seg = row.block, row.segment
        source, target = seg.source, seg.target or ""
        heading = block.kind is BlockKind.HEADING
        fill = None
        if seg.flags:
            fill = SEVERITY_FILL[worst_severity(seg.flags)]
        elif heading:
            fill = HEADING_FILL
        tc = self._tc_open(row.first_in_block, fill)
        parts = [_TR_KEEP if max(len(source), len(target)) < CANT_SPLIT_CHARS else _TR_SPLIT,
                 tc[0], "<w:p>", _KEEP_NEXT if heading else "", _id_runs(seg.id), "</w:p>",
                 # Where a DOCX source's unit lives ("Footnote 3", "Header"), under the id.
                 f"<w:p>{run(block.attrs['label'], _ID_HEAD)}</w:p>" if row.first_in_block and block.attrs.get("label")
                 else "", "</w:tc>"]
        if heading:
            level = block.level if block.level in (1, 2) else 0
            es_rpr, en_rpr = self._es_heading[level], self._en_heading[level]
            ppr_es = ppr_en = _HEADING_PPR
        else:
            es_rpr, en_rpr = self._es, self._en
            ppr_es = ppr_en = ""
            if block.kind is BlockKind.LIST_ITEM:
                style = self._pstyle[(row.first_in_block, list_depth(block, self._list_base))]
                ppr_es = style if source else ""
                ppr_en = style if target else ""
        if self._markdown:
            level = block.level if block.level in (1, 2) else 0
            size, bold, color = ({1: 12.5, 2: 11.5, 0: 10.5}[level], True, NAVY) if heading else (None, False, None)
            es_runs = markdown_runs(source, size, bold, color, self._es_lang) if source else ""
            en_runs = markdown_runs(target, size, bold, color, "en-US") if target else ""
        else:
            es_runs = _formatted(source, seg.spans, es_rpr) if source else ""
            en_runs = _formatted(target, seg.target_spans, en_rpr) if target else ""
        parts += [tc[1], "<w:p>", ppr_es, es_runs, "</w:p></w:tc>",
                  tc[2], "<w:p>", ppr_en, en_runs, "</w:p></w:tc>"]
        if self.qa:
            parts += [tc[3], _qa_paragraphs(seg), "</w:tc>"]
        parts.append("</w:tr>")
        return "".join(parts)

    def verbatim_row(self, block: Block) -> str:
        """A block copied verbatim: one cell spanning the table, no id."""
        text = block.text.strip("\n")
        if block.kind is BlockKind.FRONT_MATTER:
            from .markdown import front_matter_text

            text = front_matter_text(block)
        if block.kind is BlockKind.METADATA:
            rpr, fill = _METADATA, ""
        else:
            rpr, fill = _CODE, _shd(CODE_FILL)
        return "".join((_TR_KEEP if len(block.text) < CANT_SPLIT_CHARS else _TR_SPLIT,
                        "<w:tc><w:tcPr>", self._span, _TOP_RULE, fill, "</w:tcPr><w:p>", run(text, rpr),
                        "</w:p></w:tc></w:tr>"))


def _id_runs(seg_id: str) -> str:
    """The id in a small font: the document part grey, block/sentence darker.
    The cell's text is exactly the id."""
    head, sep, tail = seg_id.rpartition("/")
    head2, sep2, mid = head.rpartition("/")
    if sep and sep2:
        return run(head2 + sep2, _ID_HEAD) + run(mid + sep + tail, _ID_TAIL)
    return run(seg_id, _ID_PLAIN)


def _qa_paragraphs(seg: Segment) -> str:
    if not seg.flags:
        return "<w:p/>"
    return "".join(f"<w:p>{run(flag.severity.value, _QA_SEVERITY[flag.severity])}"
                   f"{run(f': {flag.check}: {flag.message}', _QA_TEXT)}</w:p>" for flag in seg.flags)

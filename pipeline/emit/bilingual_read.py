"""Read our own bilingual DOCX / Markdown back into rows (for review import and QA).

Only the bilingual table is read: the table whose header is ``# | Español |
English`` (and optionally ``QA``). Rows our writers made for blocks copied verbatim
(one cell spanning the whole table in DOCX; outside the table in Markdown) are
skipped. Everything a reviewer may have done to a segment row is reported in
``BilingualRow.problem`` rather than guessed around, so an importer can refuse that
row with a reason instead of losing or inventing a correction:

- DOCX tracked changes are read as if accepted (insertions in, deletions out) and
  ``tracked`` is set; comments are ignored.
- Several paragraphs in one cell are joined with ``"\\n"``.
- A row without an id (e.g. a reviewer split a row), merged cells, or a row with
  the wrong number of cells get a ``problem`` text.
- The DOCX of a Markdown source (keywords ``format=md``): the Spanish and English
  cells' formatting is read back as inline Markdown (bold ``**x**``, italic ``*x*``,
  struck ``~~x~~``, a monospace font ``x`` in backticks, a ``w:hyperlink`` or HYPERLINK
  field ``[x](url)``; see :mod:`.markdown_runs`) and ``markdown`` is set; a heading
  row is told by its paragraphs' keep-with-next, not by bold.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .common import COL_ID, COL_QA, COL_SOURCE, COL_TARGET

HEADER = [COL_ID, COL_SOURCE, COL_TARGET]
HEADER_QA = HEADER + [COL_QA]


@dataclass(frozen=True)
class BilingualRow:
    id: str
    source: str
    target: str
    qa: str = ""  # the QA cell's text ("" when the file has no QA column)
    where: str = ""  # "table row 7" / "line 31": for messages
    heading: bool = False
    tracked: bool = False  # DOCX: the row holds tracked changes (read as accepted)
    problem: str = ""  # why this row cannot be trusted as written ("" when fine)
    #: the cells hold Markdown (a Markdown source): DOCX formatting was read back as
    #: its Markdown delimiters; review import compares by what the Markdown shows
    markdown: bool = False


def read_bilingual(path: Path) -> list[BilingualRow]:
    """Rows of a bilingual ``.docx`` or ``.md`` file written by es2en, in order."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path)
    suffix = path.suffix.lower()
    other = _other_office_format(path)
    if other:
        raise InputError(f"this is {other}, not .docx: open it in LibreOffice or Word and save it as Word "
                         f"(.docx), then import the .docx", path)
    if suffix == ".docx":
        return read_bilingual_docx(path)
    if suffix in (".md", ".markdown"):
        return read_bilingual_markdown(path)
    raise InputError("not a bilingual file: expected .docx or .md", path)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Office container (.doc)
_ODF_NAMES = {".odt": "an OpenDocument text (.odt)", ".fodt": "a flat OpenDocument text (.fodt)",
              ".ott": "an OpenDocument template (.ott)", ".doc": "a Word 97-2003 document (.doc)",
              ".rtf": "an RTF document (.rtf)", ".docm": "a macro-enabled Word document (.docm)"}


def _other_office_format(path: Path) -> str:
    """What a reviewer's word processor saved instead of .docx ("" for .docx/.md), by name
    and by content (a .doc or .odt renamed .docx is told apart too)."""
    suffix = path.suffix.lower()
    if suffix in _ODF_NAMES and suffix != ".docm":
        return _ODF_NAMES[suffix]
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""
    if head == _OLE2:
        return _ODF_NAMES[".doc"]
    if head.startswith(b"{\\rtf"):
        return _ODF_NAMES[".rtf"]
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                if "mimetype" in zf.namelist():
                    mime = zf.read("mimetype").decode("ascii", "replace").strip()
                    if mime.startswith("application/vnd.oasis.opendocument"):
                        return f"an OpenDocument file ({mime.rsplit('.', 1)[-1]})"
        except (zipfile.BadZipFile, OSError):
            return ""
    return ""


# --- DOCX -----------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText"}


def _text_of(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in _SKIP or tag == W + "tbl":
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            _text_of(child, out)


def _cell_text(tc) -> str:
    paragraphs = []
    for p in tc.iter(W + "p"):
        # paragraphs of tables nested in the cell are not this cell's text
        if any(anc.tag == W + "tbl" for anc in _ancestors(p, tc)):
            continue
        parts: list[str] = []
        _text_of(p, parts)
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def _ancestors(el, stop):
    el = el.getparent()
    while el is not None and el is not stop:
        yield el
        el = el.getparent()


_ON_OFF = {"0", "false", "off", "none"}
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+(?:\\[a-z]\s+)*"((?:[^"\\]|\\.)*)"', re.IGNORECASE)


def _field_link(instr: str) -> str | None:
    m = _HYPERLINK.match(instr)
    return re.sub(r"\\(.)", r"\1", m.group(1)) if m else None


def _on(rpr, tag: str) -> bool:
    el = rpr.find(W + tag) if rpr is not None else None
    return el is not None and el.get(W + "val", "1").lower() not in _ON_OFF


def _run_fmt(r) -> tuple[bool, bool, bool, bool]:
    """(bold, italic, struck, monospace) of a ``<w:r>``: direct formatting, or Word's
    Strong / Emphasis character styles, or a monospace font."""
    from .markdown_runs import MONO_FONTS

    rpr = r.find(W + "rPr")
    style = ""
    font = ""
    if rpr is not None:
        st = rpr.find(W + "rStyle")
        style = (st.get(W + "val", "") if st is not None else "").lower()
        fonts = rpr.find(W + "rFonts")
        font = (fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or "") if fonts is not None else ""
    return (_on(rpr, "b") or style in ("strong", "strongemphasis"),
            _on(rpr, "i") or style in ("emphasis", "strongemphasis"),
            _on(rpr, "strike") or _on(rpr, "dstrike"),
            font.lower() in MONO_FONTS or style in ("htmlcode", "sourcetext", "verbatimchar", "quelltext"))


def _runs_of(el, rels, out: list, href: str | None, field: list) -> None:
    """MdRuns of a paragraph's content, as _text_of reads the text: links from
    ``w:hyperlink`` (its relationship's target), simple and complex HYPERLINK fields."""
    from .markdown_runs import MdRun

    for child in el:
        tag = child.tag
        if tag in _SKIP or tag == W + "tbl":
            continue
        if tag == W + "hyperlink":
            rid = child.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            target = None
            if rid and rels is not None and rid in rels:
                target = rels[rid].target_ref
            elif child.get(W + "anchor"):
                target = "#" + child.get(W + "anchor")
            _runs_of(child, rels, out, target if target is not None else href, field)
        elif tag == W + "fldSimple":
            link = _field_link(child.get(W + "instr", ""))
            _runs_of(child, rels, out, link if link is not None else href, field)
        elif tag == W + "r":
            for part in child:
                ptag = part.tag
                if ptag == W + "fldChar":
                    kind = part.get(W + "fldCharType")
                    if kind == "begin":
                        field.append(["", None, False])  # instructions, link, past separate
                    elif kind == "separate" and field:
                        field[-1][1], field[-1][2] = _field_link(field[-1][0]), True
                    elif kind == "end" and field:
                        field.pop()
                elif ptag == W + "instrText":
                    if field and not field[-1][2]:
                        field[-1][0] += part.text or ""
                else:
                    text = []
                    _text_of([part], text)
                    if text and "".join(text):
                        link = next((f[1] for f in reversed(field) if f[2] and f[1]), None) or href
                        b, i, s, c = _run_fmt(child)
                        out.append(MdRun("".join(text), b, i, s, c, link))
        else:
            _runs_of(child, rels, out, href, field)


def _cell_markdown(tc, rels, heading: bool) -> str:
    """A cell's runs written back as Markdown (paragraphs joined with "\n")."""
    from .markdown_runs import to_markdown

    paragraphs = []
    for p in tc.iter(W + "p"):
        if any(anc.tag == W + "tbl" for anc in _ancestors(p, tc)):
            continue
        runs: list = []
        _runs_of(p, rels, runs, None, [])
        # a heading's runs are all bold (docx_rows.markdown_runs); some bold: **strong**
        plain_heading = heading and all(r.bold for r in runs if r.text.strip())
        paragraphs.append(to_markdown(runs, ignore_bold=plain_heading))
    return "\n".join(paragraphs)


def _row_cells(tr) -> list:
    """A row's cells, also those wrapped in content controls / custom XML."""
    cells = []
    for child in tr:
        if child.tag == W + "tc":
            cells.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            cells.extend(child.iter(W + "tc"))
    return cells


def _span(tc) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return int(span.get(W + "val", "1")) if span is not None else 1


_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"


def _markdown_source(path: Path, document) -> bool:
    """The writer's ``format=md`` keyword (docx_bilingual._core_properties). Read from
    the part itself too: python-docx misses the core properties LibreOffice re-saves
    (and LibreOffice turns the keywords' ";" into spaces)."""
    if re.search(r"\bformat=md\b", document.core_properties.keywords or ""):
        return True
    try:
        from lxml import etree

        with zipfile.ZipFile(path) as zf:
            if "docProps/core.xml" not in zf.namelist():
                return False
            keywords = etree.fromstring(zf.read("docProps/core.xml")).find(_CP + "keywords")
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return keywords is not None and re.search(r"\bformat=md\b", keywords.text or "") is not None


def read_bilingual_docx(path: Path) -> list[BilingualRow]:
    try:
        import docx

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(f"not a readable .docx file ({err})", path) from err
    except Exception as err:  # python-docx raises its own PackageNotFoundError etc.
        raise InputError(f"not a readable .docx file ({type(err).__name__}: {err})", path) from err

    rows: list[BilingualRow] = []
    found = False
    markdown = _markdown_source(path, document)
    rels = document.part.rels
    for table in document.tables:
        trs = table._tbl.findall(W + "tr")
        if not trs:
            continue
        header = [_cell_text(tc).strip() for tc in _row_cells(trs[0])]
        if header not in (HEADER, HEADER_QA):
            continue
        found = True
        ncols = len(header)
        for number, tr in enumerate(trs[1:], start=2):
            tcs = _row_cells(tr)
            where = f"table row {number}"
            if len(tcs) == 1 and _span(tcs[0]) >= ncols:
                continue  # a full-width row: a block copied verbatim
            if tr.find(f"{W}trPr/{W}tblHeader") is not None and [_cell_text(tc).strip() for tc in tcs] == header:
                continue  # a repeated header row
            texts = [_cell_text(tc) for tc in tcs]
            tracked = next(tr.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"), None) is not None
            problem = ""
            if len(tcs) != ncols or any(_span(tc) != 1 for tc in tcs):
                problem = f"merged or split cells: {len(tcs)} cells where {ncols} were written"
            elif any(tc.find(f"{W}tcPr/{W}vMerge") is not None for tc in tcs):
                problem = "cells merged vertically"
            texts += [""] * (ncols - len(texts))
            seg_id = texts[0].strip().split("\n")[0].strip()  # a second line is the unit's label
            if not seg_id and not problem:
                problem = "row has no segment id (added or split by hand?)"
            bold = tcs[1].find(f".//{W}rPr/{W}b") is not None if len(tcs) > 1 else False
            if markdown and not problem:
                # bold is strong text here: a heading row is told by its paragraphs
                # kept with the next (docx_rows._HEADING_PPR), its runs all bold
                heading = tcs[1].find(f"{W}p/{W}pPr/{W}keepNext") is not None
                bold = heading
                texts[1] = _cell_markdown(tcs[1], rels, heading)
                texts[2] = _cell_markdown(tcs[2], rels, heading)
            rows.append(
                BilingualRow(
                    id=seg_id,
                    source=texts[1],
                    target=texts[2],
                    qa=texts[3] if ncols == 4 and len(texts) > 3 else "",
                    where=where,
                    heading=bold,
                    tracked=tracked,
                    problem=problem,
                    markdown=markdown,
                )
            )
    if not found:
        raise InputError("no es2en bilingual table (# | Español | English) in this document", path)
    return rows


# --- Markdown -------------------------------------------------------------------

_SPLIT = re.compile(r"(?<!\\)\|")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _split_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip() for cell in _SPLIT.split(line)]


def unescape_cell(text: str) -> str:
    """Inverse of ``markdown.escape_cell``."""
    text = _BR.sub("\n", text)
    text = re.sub(r"&lt;(?=br)", "<", text, flags=re.IGNORECASE)
    return text.replace("\\|", "|")


def _unbold(text: str) -> str:
    # The writer bolds only cells without "*" of their own (emit.markdown._bold).
    if len(text) >= 4 and text.startswith("**") and text.endswith("**") and "*" not in text[2:-2]:
        return text[2:-2]
    return text


def read_bilingual_markdown(path: Path) -> list[BilingualRow]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        raise InputError(f"not UTF-8 text ({err.reason} at byte {err.start})", path) from err
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path) from err

    rows: list[BilingualRow] = []
    # our marker comment: a file whose document had no translatable text has no table
    found = any(line.startswith("<!-- es2en:bilingual") for line in lines[:3])
    i = 0
    while i < len(lines):
        line = lines[i]
        header = _split_row(line) if line.lstrip().startswith("|") else None
        if header not in (HEADER, HEADER_QA) or i + 1 >= len(lines) or not _SEPARATOR.match(lines[i + 1]):
            i += 1
            continue
        found = True
        ncols = len(header)
        i += 2
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            cells = _split_row(lines[i])
            where = f"line {i + 1}"
            i += 1
            problem = ""
            if len(cells) != ncols:
                problem = f"{len(cells)} cells where {ncols} were written"
            cells += [""] * (ncols - len(cells))
            heading = len(cells[0]) >= 4 and cells[0].startswith("**") and cells[0].endswith("**")
            if heading:
                cells = [_unbold(c) for c in cells]
            seg_id = cells[0].strip("` ").split(" · ")[0].strip()  # after " · ": the unit's label
            if not seg_id and not problem:
                problem = "row has no segment id (added or split by hand?)"
            rows.append(
                BilingualRow(
                    id=seg_id,
                    source=unescape_cell(cells[1]),
                    target=unescape_cell(cells[2]),
                    qa=unescape_cell(cells[3]) if ncols == 4 else "",
                    where=where,
                    heading=heading,
                    problem=problem,
                )
            )
    if not found:
        raise InputError("no es2en bilingual table (| # | Español | English |) in this file", path)
    return rows

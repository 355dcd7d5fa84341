"""DOCX reader, named ``docx_reader`` so it never shadows python-docx.

Reads every story of the package straight from its XML (pipeline.ingest.docx_package,
one top-level paragraph or table at a time), in this order: the body (paragraphs,
tables row by row and cell by cell with nested tables in place, content controls,
block-level ``mc:AlternateContent`` through its Choice, else its Fallback), then
each section's headers and footers (default, first-page, even-page; a part shared
by several sections is read once), footnotes, endnotes, comments, and last the
document title property (docProps/core.xml). Text boxes (DrawingML ``wps:txbx``; a
VML ``v:textbox`` only where it is not the fallback of a DrawingML one) are read
after the paragraph that holds them.

:func:`stream_docx` hands the blocks out as they are read (a top-level unit of a
part at a time: pipeline.run.open_blocks reads a .docx this way, so memory does not
grow with the document); :func:`read_docx` collects them into a Document.

Every block says where it lives, so that the English copy writer finds it again
(pipeline.emit.docx_english): ``attrs["part"]`` (the ZIP member), ``attrs["story"]``
("body", "header", "footer", "footnote", "endnote", "comment", "textbox", "title"),
``attrs["label"]`` for all but the body ("Header", "First-page footer", "Footnote 3",
"Comment 2 (Ana)", "Text box", "Text box, Footer", "Document title") and ``attrs["position"]``: the
paragraph's number in its part, counting every ``w:p`` in document order.

A paragraph's text and inline codes (spans of kind INLINE) come from
pipeline.ingest.docx_paragraph: tracked changes read as accepted, field codes and
hidden text left out, runs of equal formatting merged, what differs (bold, links,
footnote references, fields, tabs, images…) an inline code.

Block kinds:

* Style "Title" → HEADING level 1; "Subtitle" → HEADING level 2; "Heading N"
  (also localised names "Título N"/"Encabezado N", styles *based on* a heading
  style, and paragraphs with an outline level) → HEADING level N.
* A paragraph with numbering (``w:numPr`` on the paragraph or its style) or a
  "List …" style (List Paragraph, List Bullet, List Number …) → LIST_ITEM;
  ``level`` = numbering level + 1; ``attrs["marker"]`` is what Word would show:
  "-" for bullets, otherwise the level's text with the counter filled in ("1.",
  "a)", "iv.", "2.1.") — counters are kept per list and restart below a
  shallower item.
* Anything else → PARAGRAPH. ``attrs["style"]`` is the paragraph style's name.
* Table cells: each non-empty cell paragraph is a block of its own (kind by its
  style, as above) with ``attrs["table"]`` (document-wide index from 0),
  ``attrs["row"]``, ``attrs["col"]`` (grid column, counting merged cells'
  spans), ``attrs["header"]`` (a repeated header row); ``attrs["nested"]`` for a
  table inside a cell. Continuation cells of a vertical merge are skipped (they
  hold no text).

Reported in ``Document.notices`` (never dropped silently): hidden text left as it
is, equations, charts and diagrams whose text is not read, embedded documents
(``w:altChunk``): HTML and plain-text ones are read in place as blocks labelled
"Embedded document" (docx_altchunk.py), others left untranslated.

Strict Open XML is read (its namespaces mapped to the transitional ones).

Bad files raise :class:`InputError`: zero bytes, not a ZIP archive, a truncated
or damaged archive, a password-protected (encrypted) document, a legacy .doc, a
ZIP that is not a Word document, a macro-enabled or template file.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib
from pathlib import Path
from typing import Iterator

from pipeline.errors import InputError
from pipeline.model import INLINE, Block, BlockKind, Document, Span

from .docx_package import DOCUMENT_TYPES, MC, R, W, Package, iter_units, paragraph_positions
from .docx_paragraph import Paragraph, Styles, analyse, paragraph_style
from .encoding import read_source_bytes


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LIST_STYLE_LEVEL = re.compile(r"^list(?: bullet| number| continue)? ([2-9])$", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^(?:heading|t[íi]tulo|encabezado)\s*(\d)$", re.IGNORECASE)


# ------------------------------------------------------------------ opening


def _check_container(path: Path) -> None:
    try:  # the head only: a package with large images is not read into memory
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        read_source_bytes(path)  # raises its one-line InputError
        raise
    if not head:
        raise InputError("empty file (0 bytes), not a .docx document", path)
    if head == _OLE2:
        data = read_source_bytes(path)
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(
                "the .docx is encrypted (password-protected); remove the password in Word and save again", path
            )
        raise InputError("this is a legacy Word 97-2003 .doc file, not .docx; save it as .docx", path)
    if not head.startswith(b"PK"):
        raise InputError("not a .docx file (not a ZIP archive): corrupt or wrongly named", path)
    if not zipfile.is_zipfile(path):
        raise InputError("corrupt .docx: the ZIP archive is truncated or damaged", path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error) as err:
        # zlib.error: a compressed member whose data is damaged (testzip decompresses each).
        raise InputError(f"corrupt .docx: {err}", path) from None
    if bad is not None:
        raise InputError(f"corrupt .docx: damaged member {bad}", path)
    if "[Content_Types].xml" not in names:
        raise InputError("not a .docx file: a ZIP archive without [Content_Types].xml", path)
    if not any(n.startswith("word/") for n in names):
        raise InputError("not a Word document: the ZIP archive has no word/ part (another Office format?)", path)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())


def _open(path: Path) -> Package:
    from lxml.etree import XMLSyntaxError

    from .limits import check_archive

    check_archive(path)  # inflation guards (zip bombs) before anything inflates a member
    _check_container(path)
    try:
        package = Package.open(zipfile.ZipFile(path))
    except KeyError:
        raise InputError("corrupt .docx: no Word document inside the package", path) from None
    except XMLSyntaxError as err:
        raise InputError(f"corrupt .docx: malformed XML ({_one_line(err)})", path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as err:
        raise InputError(f"corrupt .docx: {_one_line(err)}", path) from None
    kind = package.main_type
    if "macroEnabled" in kind:
        raise InputError("a macro-enabled document (.docm); save it as a plain .docx", path)
    if "template" in kind:
        raise InputError("a Word template (.dotx); save it as a .docx document", path)
    if kind not in DOCUMENT_TYPES:
        raise InputError(f"not a Word document: its main part is {kind or 'of no known type'}", path)
    return package


# ------------------------------------------------------------------ styles and numbering


def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    # Word: a..z, aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Resolves numId/ilvl to the marker Word shows, counting items per list."""

    def __init__(self, root):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract = {}
        for an in root.findall(_w("abstractNum")):
            levels = {}
            for lvl in an.findall(_w("lvl")):
                ilvl = int(lvl.get(_w("ilvl"), "0"))
                fmt = lvl.find(_w("numFmt"))
                text = lvl.find(_w("lvlText"))
                start = lvl.find(_w("start"))
                levels[ilvl] = (
                    fmt.get(_w("val")) if fmt is not None else "decimal",
                    text.get(_w("val")) if text is not None else f"%{ilvl + 1}.",
                    int(start.get(_w("val"))) if start is not None else 1,
                )
            abstract[an.get(_w("abstractNumId"))] = levels
        for num in root.findall(_w("num")):
            num_id = num.get(_w("numId"))
            ref = num.find(_w("abstractNumId"))
            levels = dict(abstract.get(ref.get(_w("val")) if ref is not None else None, {}))
            for ov in num.findall(_w("lvlOverride")):
                ilvl = int(ov.get(_w("ilvl"), "0"))
                so = ov.find(_w("startOverride"))
                if so is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(so.get(_w("val"))))
            for ilvl, spec in levels.items():
                self.formats[(num_id, ilvl)] = spec

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """(marker, numFmt) for the next item of list ``num_id`` at level ``ilvl``."""
        fmt, text, start = self.formats.get((num_id, ilvl), ("bullet", "", 1))
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if fmt in ("bullet", "none", ""):
            return "-", fmt or "bullet"

        def level_value(m: re.Match) -> str:
            lvl = int(m.group(1)) - 1
            f, _, s = self.formats.get((num_id, lvl), ("decimal", "", 1))
            return _format_number(counts.get(lvl, s), f if lvl != ilvl else fmt)

        shown = re.sub(r"%(\d)", level_value, text).strip()
        return shown or "-", fmt


def _num_pr(el):
    """(numId, ilvl) from a w:pPr-bearing element (paragraph or style), or None."""
    ppr = el.find(_w("pPr"))
    if ppr is None:
        return None
    numpr = ppr.find(_w("numPr"))
    if numpr is None:
        return None
    num_id = numpr.find(_w("numId"))
    ilvl = numpr.find(_w("ilvl"))
    return (
        num_id.get(_w("val")) if num_id is not None else None,
        int(ilvl.get(_w("val"))) if ilvl is not None else None,
    )


def _outline_level(el) -> int | None:
    ppr = el.find(_w("pPr"))
    if ppr is None:
        return None
    ol = ppr.find(_w("outlineLvl"))
    if ol is None:
        return None
    val = int(ol.get(_w("val"), "9"))
    return val + 1 if val < 9 else None


# ------------------------------------------------------------------ reader


#: The built-in styles whose styles.xml name is not the one Word shows ("heading 1" →
#: "Heading 1"): python-docx's ``docx.styles.BabelFish.style_aliases``, copied so that
#: reading a .docx does not import python-docx (some 9 MB, which the run's first pass
#: would hold beside the blocks it keeps; the writers import it after that pass).
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
             **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}


def _style_name(style) -> str:
    el = style.find(_w("name"))
    name = el.get(_w("val")) if el is not None else style.get(_w("styleId"), "")
    return _UI_NAMES.get(name or "", name or "")


def _children(el, tag: str):
    """Direct children named ``w:tag``, looking through content controls and custom XML."""
    for child in el:
        if child.tag == _w(tag):
            yield child
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _w("customXml"):
            yield from _children(child, tag)


_HF_LABELS = {("header", "default"): "Header", ("header", "first"): "First-page header",
              ("header", "even"): "Even-page header", ("footer", "default"): "Footer",
              ("footer", "first"): "First-page footer", ("footer", "even"): "Even-page footer"}
_NOTE_SKIP = {"separator", "continuationSeparator", "continuationNotice"}
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def inline_spans(para: Paragraph) -> list[Span]:
    """The paragraph's inline codes as spans of the model (kind INLINE)."""
    spans = []
    for c in para.codes:
        attrs = {"id": c.id, "role": c.role, "format": "docx", "native": c.native(), "label": c.label}
        if c.role == "pair":
            attrs.update(open="", close="")  # the delimiters are not in the text
        if c.space:
            attrs["space"] = True
        if c.parent:
            attrs["parent"] = c.parent
        spans.append(Span(c.start, c.end, INLINE, para.text[c.start:c.end], attrs=attrs))
    return spans


class _Reader:
    def __init__(self, package: Package, doc: Document):
        self.package = package
        self.doc = doc
        styles = package.related("styles")
        self.styles = Styles(package.parse(styles[0]) if styles else None)
        numbering = package.related("numbering")
        self.numbering = _Numbering(package.parse(numbering[0]) if numbering else None)
        self.counts = {"hidden text": 0, "equations": 0, "charts": 0, "diagrams": 0}
        self.tables = -1
        self.sections: list[list[tuple[str, str, str]]] = [[]]  # per section: (story, type, r:id)
        self.note_numbers: dict[tuple[str, str], int] = {}  # ("fn", id) → shown number
        self.alt_chunks: list[str] = []
        self.comments = 0
        self.where: dict = {}
        self.positions: dict = {}
        self.ready: list[Block] = []  # the current unit's blocks, handed out once it is read

    # ---------------------------------------------------------- one paragraph

    def paragraph(self, p, table_attrs: dict | None = None, story: str | None = None,
                  label: str | None = None) -> None:
        para = analyse(p, self.styles)
        self.counts["hidden text"] += para.hidden_runs
        self._count(p)
        for c in para.codes:
            if c.label.startswith(("fn ", "en ")) and c.label.split()[1:2] and c.label.split()[1].lstrip("-").isdigit():
                kind, ref = c.label.split()[:2]
                self.note_numbers.setdefault((kind, ref), sum(1 for k in self.note_numbers if k[0] == kind) + 1)
        if para.text:
            self._block(p, para, table_attrs, story, label)
        box_label = "Text box" if not label or label.startswith("Text box") else f"Text box, {label}"
        for box in para.boxes:  # text boxes: after the paragraph that anchors them
            self.container_item(box, None, "textbox", box_label)

    def _count(self, p) -> None:
        for el in p.iter(f"{_MATH}oMath", "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart",
                         "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"):
            if any(a.tag == f"{{{MC}}}Fallback" for a in el.iterancestors()):
                continue
            key = "equations" if el.tag.startswith(_MATH) else "charts" if el.tag.endswith("chart") else "diagrams"
            if key != "equations" or el.getparent().tag != f"{_MATH}oMathPara":
                self.counts[key] += 1

    def _block(self, p, para: Paragraph, table_attrs, story, label) -> None:
        text = para.text
        style_id = paragraph_style(p) or self.styles.default_para
        chain = list(self.styles.chain(style_id))
        names = [_style_name(s) for s in chain]
        style_name = names[0] if names else (paragraph_style(p) or "")
        attrs: dict = {"style": style_name, **self.where, "position": self.positions[p]}
        if story:
            attrs["story"] = story
        if label:
            attrs["label"] = label
        if table_attrs:
            attrs.update(table_attrs)
        spans = inline_spans(para)

        heading = None
        for s, name in zip(chain, names):
            low = name.strip().lower()
            if low == "title":
                heading = 1
            elif low == "subtitle":
                heading = 2
            else:
                m = _HEADING_NAME.match(name.strip())
                heading = int(m.group(1)) if m else _outline_level(s)
            if heading:
                break
        own_outline = _outline_level(p)
        if own_outline:
            heading = own_outline
        if attrs.get("story") not in (None, "body"):
            heading = None  # a header's or footnote's "Heading" style is not the document's outline

        num = _num_pr(p)
        if num is None or num[0] is None:
            for s in chain:
                snum = _num_pr(s)
                if snum and snum[0] is not None:
                    num = (snum[0], num[1] if num and num[1] is not None else snum[1])
                    break
        is_list = bool(num and num[0] not in (None, "0"))
        list_style = any(n.lower().startswith(("list", "lista")) for n in names[:1])

        if heading:  # numbered headings ("1. Introducción") stay headings
            block = Block(BlockKind.HEADING, text, level=min(heading, 9), attrs=attrs)
        elif is_list:
            ilvl = num[1] or 0
            marker, fmt = self.numbering.marker(num[0], ilvl)
            attrs.update(marker=marker, numbering=fmt, ordered=fmt not in ("bullet", "none"))
            level = ilvl + 1
            m = _LIST_STYLE_LEVEL.match(style_name)
            if ilvl == 0 and m:  # "List Bullet 2": Word nests by style, not by ilvl
                level = int(m.group(1))
            block = Block(BlockKind.LIST_ITEM, text, level=level, attrs=attrs)
        elif list_style:
            attrs.update(marker="-", ordered=False)
            block = Block(BlockKind.LIST_ITEM, text, level=1, attrs=attrs)
        else:
            block = Block(BlockKind.PARAGRAPH, text, attrs=attrs)
        block.spans = spans
        self.ready.append(block)

    # ---------------------------------------------------------- structure

    def table(self, tbl, nested: bool, story, label) -> None:
        self.tables += 1
        index = self.tables
        for r, tr in enumerate(_children(tbl, "tr")):
            trpr = tr.find(_w("trPr"))
            header = trpr is not None and trpr.find(_w("tblHeader")) is not None
            col = 0
            for tc in _children(tr, "tc"):
                tcpr = tc.find(_w("tcPr"))
                span = 1
                continuation = False
                if tcpr is not None:
                    gs = tcpr.find(_w("gridSpan"))
                    span = int(gs.get(_w("val"), "1")) if gs is not None else 1
                    vm = tcpr.find(_w("vMerge"))
                    continuation = vm is not None and vm.get(_w("val"), "continue") != "restart"
                if not continuation:
                    attrs = {"table": index, "row": r, "col": col, "header": header}
                    if nested:
                        attrs["nested"] = True
                    self.container(tc, attrs, story, label)
                col += span

    def container(self, el, table_attrs: dict | None = None, story=None, label=None) -> None:
        for child in el:
            self.container_item(child, table_attrs, story, label)

    def container_item(self, child, table_attrs, story, label) -> None:
        tag = child.tag
        if tag == _w("p"):
            self.paragraph(child, table_attrs, story, label)
            sect = child.find(f"{_w('pPr')}/{_w('sectPr')}")
            if sect is not None:
                self.section(sect)
                self.sections.append([])
        elif tag == _w("tbl"):
            self.table(child, table_attrs is not None, story, label)
        elif tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                self.container(content, table_attrs, story, label)
        elif tag in (_w("customXml"), _w("ins"), _w("moveTo")):
            self.container(child, table_attrs, story, label)
        elif tag == f"{{{MC}}}AlternateContent":
            # One of the two: the Choice where it holds text, else the Fallback.
            choice = child.find(f"{{{MC}}}Choice")
            fallback = child.find(f"{{{MC}}}Fallback")
            pick = choice if choice is not None and any(True for _ in choice.iter(_w("t"))) else fallback
            if pick is not None:
                self.container(pick, table_attrs, story, label)
        elif tag == _w("altChunk"):
            rid = child.get(f"{{{R}}}id")
            rel = self.package.rels(self.where.get("part", self.package.main)).get(rid)
            if rel is None or rel.external:
                self.alt_chunks.append(f"an embedded document ({rel.target if rel else rid}, w:altChunk) is not "
                                       "read: left untranslated")
            else:  # HTML and plain text are read in place (docx_altchunk); never without a notice
                from .docx_altchunk import alt_chunk_blocks

                blocks, notice = alt_chunk_blocks(self.package, rel.target)
                self.ready.extend(blocks)  # handed out in place, as the paragraphs are
                self.alt_chunks.append(notice)
        elif tag == _w("sectPr"):
            self.section(child)

    def section(self, sect) -> None:
        for ref in sect:
            local = ref.tag.rsplit("}", 1)[-1]
            if local in ("headerReference", "footerReference"):
                self.sections[-1].append((local[:6], ref.get(_w("type"), "default"), ref.get(f"{{{R}}}id")))

    # ---------------------------------------------------------- parts

    def _handout(self) -> Iterator[Block]:
        ready, self.ready = self.ready, []
        yield from ready

    def part(self, name: str, story: str, label: str | None = None) -> Iterator[Block]:
        """The blocks of every unit of one story part, a unit at a time, its paragraphs
        numbered as the writer numbers them."""
        start = 0
        self.where = {"part": name}
        for _, unit in iter_units(self.package.stream(name)):
            self.positions, start = paragraph_positions(unit, start)
            if story in ("footnote", "endnote", "comment"):
                self.note(unit, story)
            else:
                self.container_item(unit, None, story if story != "body" else None, label)
            yield from self._handout()

    def note(self, unit, story: str) -> None:
        if unit.get(_w("type")) in _NOTE_SKIP:
            return
        nid = unit.get(_w("id"), "")
        if story == "comment":  # numbered as Word's margin shows them: 1, 2, … in the part's order
            self.comments += 1
            author = unit.get(_w("author"))
            label = f"Comment {self.comments}" + (f" ({author})" if author else "")
        else:
            number = self.note_numbers.get(("fn" if story == "footnote" else "en", nid))
            label = f"{story.capitalize()} {number if number is not None else nid}"
        self.container(unit, None, story, label)

    def headers_footers(self) -> Iterator[Block]:
        rels = self.package.rels(self.package.main)
        seen: set[str] = set()
        sections = [s for s in self.sections if s]
        for n, refs in enumerate(sections, 1):
            for story, kind, rid in refs:
                rel = rels.get(rid)
                if rel is None or rel.external or rel.target in seen or rel.target not in self.package.names:
                    continue
                seen.add(rel.target)
                label = _HF_LABELS.get((story, kind), story.capitalize())
                if len(sections) > 1:
                    label += f" (section {n})"
                yield from self.part(rel.target, story, label)

    def title(self) -> Iterator[Block]:
        name = "docProps/core.xml"
        if name not in self.package.names:
            for rel in self.package.rels("").values():
                if rel.type == "core-properties":
                    name = rel.target
        if name not in self.package.names:
            return
        root = self.package.parse(name)
        ns = "http://purl.org/dc/elements/1.1/"
        for key, el in (("title", root.find(f"{{{ns}}}title")), ("author", root.find(f"{{{ns}}}creator"))):
            value = unicodedata.normalize("NFC", " ".join((el.text or "").split())) if el is not None else ""
            if value:
                self.doc.metadata[key] = value
        if self.doc.metadata.get("title"):
            yield Block(BlockKind.PARAGRAPH, self.doc.metadata["title"], attrs={
                "part": name, "story": "title", "label": "Document title", "position": 0, "style": ""})

    def notices(self) -> list[str]:
        out = []
        names = {"hidden text": ("hidden text run", "hidden text runs"), "equations": ("equation", "equations"),
                 "charts": ("chart", "charts"), "diagrams": ("diagram (SmartArt)", "diagrams (SmartArt)")}
        for what, n in self.counts.items():
            if n:
                one, many = names[what]
                out.append(f"left {n} {one if n == 1 else many} as {'it is' if n == 1 else 'they are'} "
                           "(not translated)")
        out.extend(self.alt_chunks)
        return out


def stream_docx(path: Path, doc_id: str) -> tuple[Document, Iterator[Block]]:
    """The document and its blocks as they are read, one top-level paragraph or table
    at a time (memory holds one unit of the XML and its blocks, whatever the length).

    The package is checked and opened here (a bad file raises InputError at once);
    what needs the whole document comes as the blocks are read: the title and
    author (``doc.metadata``) with the last block, the notices (hidden text,
    equations, embedded documents) once the last block is handed out. An error in
    the middle of a part raises InputError naming the file from the iterator."""
    package = _open(path)
    doc = Document(path=path, id=doc_id, format="docx")
    return doc, _blocks(package, doc, path)


def _blocks(package: Package, doc: Document, path: Path) -> Iterator[Block]:
    from lxml.etree import XMLSyntaxError

    try:
        with package.zf:
            reader = _Reader(package, doc)
            yield from reader.part(package.main, "body")
            yield from reader.headers_footers()
            for kind, story in (("footnotes", "footnote"), ("endnotes", "endnote"), ("comments", "comment")):
                for name in package.related(kind):
                    yield from reader.part(name, story)
            yield from reader.title()
    except InputError:
        raise
    except XMLSyntaxError as err:  # includes lxml's depth and text-node limits
        raise InputError(f"corrupt .docx: malformed XML ({_one_line(err)})", path) from None
    except Exception as err:  # noqa: BLE001 - malformed parts must surface as one line
        raise InputError(f"corrupt .docx: cannot read the document ({type(err).__name__}: {_one_line(err)})",
                         path) from None
    # Assigned, not added: a document read again (pipeline.run) has the first read's already.
    doc.notices[:] = reader.notices()
    if package.strict:
        doc.metadata["strict"] = "true"


def read_docx(path: Path, doc_id: str) -> Document:
    """The whole document (every block in ``doc.blocks``): :func:`stream_docx`, drained."""
    doc, blocks = stream_docx(path, doc_id)
    doc.blocks = list(blocks)
    return doc

"""DOCX reader (python-docx), named ``docx_reader`` so it never shadows python-docx.

Reading order is the order of the body's children: paragraphs, tables (each
cell's paragraphs, row by row, cell by cell; nested tables in place) and content
controls (``w:sdt``, read through).

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

Paragraph text is what Word shows: runs, hyperlinks, field results, tracked
insertions; not tracked deletions, field codes or hidden (``w:vanish``) text.
Whitespace runs (tabs, line breaks) are collapsed to single spaces, the text
is put in Unicode NFC. Empty paragraphs are dropped.

Not read, reported in ``Document.notices`` with a count: text boxes and shapes'
text, images, charts and diagrams, equations, footnotes, endnotes, comments,
page headers and footers, hidden text. python-docx does not expose most of these
and the writers have no place to put them.

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

from pipeline.errors import InputError
from pipeline.model import Block, BlockKind, Document

from .encoding import read_source_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LIST_STYLE_LEVEL = re.compile(r"^list(?: bullet| number| continue)? ([2-9])$", re.IGNORECASE)
_HEADING_NAME = re.compile(r"^(?:heading|t[íi]tulo|encabezado)\s*(\d)$", re.IGNORECASE)


# ------------------------------------------------------------------ opening


def _check_container(path: Path) -> None:
    data = read_source_bytes(path)
    head = data[:8]
    if not data:
        raise InputError("empty file (0 bytes), not a .docx document", path)
    if head == _OLE2:
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


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    from .limits import check_archive

    check_archive(path)  # inflation guards (zip bombs) before anything inflates a member
    _check_container(path)
    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise InputError("corrupt .docx: no Word document inside the package", path) from None
    except XMLSyntaxError as err:
        raise InputError(f"corrupt .docx: malformed XML ({err})", path) from None
    except ValueError as err:
        msg = str(err)
        if "macroEnabled" in msg:
            raise InputError("a macro-enabled document (.docm); save it as a plain .docx", path) from None
        if "template" in msg:
            raise InputError("a Word template (.dotx); save it as a .docx document", path) from None
        raise InputError(f"not a Word document: {msg}", path) from None
    except (KeyError, zipfile.BadZipFile, AttributeError, zlib.error, EOFError) as err:
        raise InputError(f"corrupt .docx: {err}", path) from None


# ------------------------------------------------------------------ text


def _visible_text(el, counts: dict[str, int]) -> str:
    out: list[str] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):  # comments, processing instructions
            continue
        if tag == _w("t"):
            out.append(child.text or "")
        elif tag in (_w("tab"), _w("ptab")):
            out.append("\t")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("\u2011")
        elif tag in (_w("del"), _w("moveFrom"), _w("instrText"), _w("delText"), _w("pPr"), _w("drawing"), _w("pict")):
            continue
        elif tag == _w("r"):
            rpr = child.find(_w("rPr"))
            if rpr is not None and rpr.find(_w("vanish")) is not None:
                if any((t.text or "").strip() for t in child.iter(_w("t"))):
                    counts["hidden text"] += 1
                continue
            out.append(_visible_text(child, counts))
        elif tag == f"{{{MC}}}AlternateContent":
            choice = child.find(f"{{{MC}}}Choice")
            if choice is not None:
                out.append(_visible_text(choice, counts))
        elif tag == _w("p"):  # should not happen inside a paragraph, but stay safe
            continue
        else:
            out.append(_visible_text(child, counts))
    return "".join(out)


def _count_skipped(p, counts: dict[str, int]) -> None:
    fallback = f"{{{MC}}}Fallback"

    def live(e) -> bool:
        return not any(a.tag == fallback for a in e.iterancestors())

    for el in p.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        local = tag.rsplit("}", 1)[-1]
        if local == "txbxContent" and live(el):
            counts["text boxes"] += 1
        elif local == "pic" and tag.startswith("{http://schemas.openxmlformats.org/drawingml/2006/picture}") and live(el):
            counts["images"] += 1
        elif local == "chart" and "chart" in tag and live(el):
            counts["charts"] += 1
        elif local == "relIds" and "diagram" in tag and live(el):
            counts["diagrams"] += 1
        elif local == "oMath" and tag.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/math}"):
            counts["equations"] += 1
        elif tag == _w("footnoteReference"):
            counts["footnotes"] += 1
        elif tag == _w("endnoteReference"):
            counts["endnotes"] += 1
        elif tag == _w("commentReference"):
            counts["comments"] += 1


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


class _Styles:
    def __init__(self, document):
        self.by_id = {}
        for s in document.styles:
            try:
                self.by_id[s.style_id] = s
            except Exception:  # noqa: BLE001 - a broken style entry must not stop reading
                continue
        try:
            from docx.enum.style import WD_STYLE_TYPE

            self.default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        except Exception:  # noqa: BLE001
            self.default = None

    def chain(self, style_id: str | None):
        style = self.by_id.get(style_id) if style_id else self.default
        seen = 0
        while style is not None and seen < 10:
            yield style
            style = style.base_style
            seen += 1


class _Numbering:
    """Resolves numId/ilvl to the marker Word shows, counting items per list."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part
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


_SKIPPED_NAMES = {
    "text boxes": ("text box", "text boxes"),
    "images": ("image", "images"),
    "charts": ("chart", "charts"),
    "diagrams": ("diagram (SmartArt)", "diagrams (SmartArt)"),
    "equations": ("equation", "equations"),
    "footnotes": ("footnote", "footnotes"),
    "endnotes": ("endnote", "endnotes"),
    "comments": ("comment", "comments"),
    "hidden text": ("hidden text run", "hidden text runs"),
}


class _Reader:
    def __init__(self, document, doc: Document):
        self.document = document
        self.doc = doc
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.counts: dict[str, int] = {
            k: 0
            for k in (
                "text boxes",
                "images",
                "charts",
                "diagrams",
                "equations",
                "footnotes",
                "endnotes",
                "comments",
                "hidden text",
            )
        }
        self.tables = -1

    def paragraph(self, p, table_attrs: dict | None = None) -> None:
        _count_skipped(p, self.counts)
        text = unicodedata.normalize("NFC", " ".join(_visible_text(p, self.counts).split()))
        if not text:
            return
        ppr = p.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = style_el.get(_w("val")) if style_el is not None else None
        chain = list(self.styles.chain(style_id))
        style_name = chain[0].name if chain else (style_id or "")
        attrs: dict = {"style": style_name}
        if table_attrs:
            attrs.update(table_attrs)

        heading = None
        for s in chain:
            name = (s.name or "").strip()
            low = name.lower()
            if low == "title":
                heading = 1
            elif low == "subtitle":
                heading = 2
            else:
                m = _HEADING_NAME.match(name)
                heading = int(m.group(1)) if m else _outline_level(s.element)
            if heading:
                break
        own_outline = _outline_level(p)
        if own_outline:
            heading = own_outline

        num = _num_pr(p)
        if num is None or num[0] is None:
            for s in chain:
                snum = _num_pr(s.element)
                if snum and snum[0] is not None:
                    num = (snum[0], num[1] if num and num[1] is not None else snum[1])
                    break
        is_list = bool(num and num[0] not in (None, "0"))
        list_style = any((s.name or "").lower().startswith(("list", "lista")) for s in chain[:1])

        if heading:  # numbered headings ("1. Introducción") stay headings
            self.doc.blocks.append(Block(BlockKind.HEADING, text, level=min(heading, 9), attrs=attrs))
        elif is_list:
            ilvl = num[1] or 0
            marker, fmt = self.numbering.marker(num[0], ilvl)
            attrs.update(marker=marker, numbering=fmt, ordered=fmt not in ("bullet", "none"))
            level = ilvl + 1
            m = _LIST_STYLE_LEVEL.match(style_name)
            if ilvl == 0 and m:  # "List Bullet 2": Word nests by style, not by ilvl
                level = int(m.group(1))
            self.doc.blocks.append(Block(BlockKind.LIST_ITEM, text, level=level, attrs=attrs))
        elif list_style:
            attrs.update(marker="-", ordered=False)
            self.doc.blocks.append(Block(BlockKind.LIST_ITEM, text, level=1, attrs=attrs))
        else:
            self.doc.blocks.append(Block(BlockKind.PARAGRAPH, text, attrs=attrs))

    def table(self, tbl, nested: bool = False) -> None:
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
                    self.container(tc, attrs)
                col += span

    def container(self, el, table_attrs: dict | None = None) -> None:
        for child in el:
            tag = child.tag
            if tag == _w("p"):
                self.paragraph(child, table_attrs)
            elif tag == _w("tbl"):
                self.table(child, nested=table_attrs is not None)
            elif tag in (_w("sdt"),):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.container(content, table_attrs)
            elif tag in (_w("customXml"), _w("ins"), _w("moveTo")):
                self.container(child, table_attrs)

    def notices(self) -> list[str]:
        out = []
        for what, n in self.counts.items():
            if n:
                one, many = _SKIPPED_NAMES[what]
                out.append(f"skipped {n} {one if n == 1 else many} (not read from the .docx; left untranslated)")
        hf = 0
        try:
            for section in self.document.sections:
                for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                             section.even_page_header, section.even_page_footer):
                    if not part.is_linked_to_previous:
                        hf += sum(1 for p in part.paragraphs if p.text.strip())
        except Exception:  # noqa: BLE001 - headers are a notice, never a failure
            pass
        if hf:
            out.append(f"skipped {hf} page header/footer paragraph(s) (not read from the .docx; left untranslated)")
        return out


def read_docx(path: Path, doc_id: str) -> Document:
    document = _open(path)
    doc = Document(path=path, id=doc_id, format="docx")
    reader = _Reader(document, doc)
    try:
        reader.container(document.element.body)
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - malformed parts must surface as one line
        raise InputError(f"corrupt .docx: cannot read the document body ({type(err).__name__}: {err})", path) from None
    doc.notices.extend(reader.notices())
    try:
        core = document.core_properties
        if (core.title or "").strip():
            doc.metadata["title"] = core.title.strip()
        if (core.author or "").strip():
            doc.metadata["author"] = core.author.strip()
    except Exception:  # noqa: BLE001
        pass
    return doc

"""One WordprocessingML paragraph → its text and inline codes, and back.

The unit of translation is the paragraph. :func:`analyse` walks a ``w:p`` and
returns a :class:`Paragraph`: the text Word shows (runs merged whatever their
revision ids, proofing marks and splits) and its inline codes, offsets into that
text. The reader turns the codes into spans (kind INLINE, pipeline.model); the
English copy writer calls :func:`analyse` again on the same paragraph of the same
package (so it gets the same text and the same code ids, with the live XML
elements) and :func:`rebuild` writes the English in its place.

What becomes what:

* text: ``w:t`` of runs that are shown: not hidden (``w:vanish`` on the run, its
  character style or the paragraph style, ``basedOn`` chains followed; ``w:val``
  "0"/"false"/"off" is visible), not deleted (``w:del``, ``w:moveFrom`` dropped:
  tracked changes read as accepted, ``w:ins``/``w:moveTo`` read through), not a
  field's instructions (``w:instrText`` and everything between a ``w:fldChar``
  begin and its separate, nested fields included). A ruby's base text is read,
  its guide is not. Whitespace is collapsed, the text put in NFC.
* pair codes (``role`` "pair", ``open``/``close`` "" so that the paired-mark
  machinery carries their inner text through the engines): a run of text whose
  formatting differs from the paragraph's most used formatting ("format": its
  ``w:rPr``), a hyperlink, a simple field (``w:fldSimple``), an inline content
  control (``w:sdt``), a complex field whose begin and end are both in the paragraph
  (its result is the text; begin…separate and end are written back around it).
* isolated codes (``role`` "isolated", a point): tabs and breaks (each also a space
  of the text, ``attrs["space"]``), images and other drawings, footnote/endnote/
  comment references and marks, bookmarks, comment ranges, hidden runs, equations,
  the pieces of a field that spans paragraphs, anything else not text.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field

from .docx_package import MC, w

_OFF = {"0", "false", "off", "none"}
_RSID = re.compile(r"^rsid")
#: Run-property children that are not formatting a reader sees (language, spelling).
_NOT_FORMAT = {w("lang"), w("noProof"), w("rPrChange"), w("specVanish"), w("webHidden")}
_DROP = {w("proofErr"), w("lastRenderedPageBreak"), w("moveFromRangeStart"), w("moveFromRangeEnd"),
         w("moveToRangeStart"), w("moveToRangeEnd"), w("customXmlInsRangeStart"), w("customXmlInsRangeEnd"),
         w("customXmlDelRangeStart"), w("customXmlDelRangeEnd")}
_TRANSPARENT = {w("ins"), w("moveTo"), w("smartTag"), w("customXml"), w("dir"), w("bdo")}
_DELETED = {w("del"), w("moveFrom")}
_WRAPPERS = {w("hyperlink"): "link", w("fldSimple"): "field", w("sdt"): "control"}
_BREAKS = {w("tab"): "tab", w("ptab"): "tab", w("br"): "break", w("cr"): "break"}
_REF_LABELS = {w("footnoteReference"): "fn", w("endnoteReference"): "en", w("commentReference"): "comment",
               w("footnoteRef"): "fn mark", w("endnoteRef"): "en mark", w("annotationRef"): "comment mark"}


def on(el) -> bool:
    """A WordprocessingML toggle element (``<w:b/>``, ``<w:vanish w:val="0"/>``)."""
    return el is not None and (el.get(w("val")) or "true").lower() not in _OFF


class Styles:
    """What the paragraph analysis needs of styles.xml: hidden (w:vanish) through
    character and paragraph styles (basedOn chains) and the document defaults."""

    def __init__(self, root=None):
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self.default_hidden = False
        if root is None:
            return
        for s in root.findall(w("style")):
            sid = s.get(w("styleId"))
            if sid:
                self.by_id[sid] = s
                if s.get(w("type")) == "paragraph" and (s.get(w("default")) or "").lower() in ("1", "true", "on"):
                    self.default_para = sid
        rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        if rpr is not None and rpr.find(w("vanish")) is not None:
            self.default_hidden = on(rpr.find(w("vanish")))
        self._hidden: dict[str, bool | None] = {}

    def chain(self, style_id: str | None):
        seen = set()
        style = self.by_id.get(style_id) if style_id else None
        while style is not None and id(style) not in seen and len(seen) < 20:
            seen.add(id(style))
            yield style
            based = style.find(w("basedOn"))
            style = self.by_id.get(based.get(w("val"))) if based is not None else None

    def hidden(self, style_id: str | None) -> bool | None:
        """The style's own or inherited vanish; None when no style in the chain says."""
        if not style_id:
            return None
        if style_id not in self._hidden:
            val = None
            for s in self.chain(style_id):
                v = s.find(f"{w('rPr')}/{w('vanish')}")
                if v is not None:
                    val = on(v)
                    break
            self._hidden[style_id] = val
        return self._hidden[style_id]


def paragraph_style(p) -> str | None:
    ps = p.find(f"{w('pPr')}/{w('pStyle')}")
    return ps.get(w("val")) if ps is not None else None


def format_key(rpr) -> str:
    """Equal keys: equal formatting (revision ids, language, proofing ignored)."""
    if rpr is None:
        return ""
    from lxml import etree

    clean = copy.deepcopy(rpr)
    for el in clean.iter():
        for a in [a for a in el.attrib if _RSID.match(a.rsplit("}", 1)[-1])]:
            del el.attrib[a]
    for child in list(clean):
        if child.tag in _NOT_FORMAT or not isinstance(child.tag, str):
            clean.remove(child)
    if len(clean) == 0:
        return ""
    return etree.tostring(clean, encoding="unicode")


_LABELS = [("b", "bold"), ("i", "italic"), ("u", "underline"), ("strike", "strike"), ("vertAlign", "script"),
           ("color", "colour"), ("highlight", "highlight"), ("rStyle", "style"), ("sz", "size"), ("rFonts", "font"),
           ("caps", "caps"), ("smallCaps", "small caps")]


def format_label(rpr, base) -> str:
    """A short name for how ``rpr`` differs from the paragraph's base formatting."""
    names = []
    for tag, name in _LABELS:
        a = rpr.find(w(tag)) if rpr is not None else None
        b = base.find(w(tag)) if base is not None else None
        if (a is None) != (b is None) or (a is not None and b is not None and dict(a.attrib) != dict(b.attrib)):
            if tag == "rStyle" and a is not None:
                names.append(a.get(w("val")) or name)
            else:
                names.append(name)
    return "+".join(names) or "format"


@dataclass
class Code:
    """An inline code with what the writer needs (live elements of the source)."""

    id: str
    role: str  # "pair" | "isolated"
    start: int
    end: int
    label: str
    kind: str  # "format" | "wrap" | "field" | "object"
    rpr: object = None  # "format": the run properties to write the text with
    wrapper: object = None  # "wrap": the hyperlink/fldSimple/sdt element
    opening: list = field(default_factory=list)  # "field": begin…separate; "object": the elements
    closing: list = field(default_factory=list)  # "field": the end
    space: bool = False  # a tab/break that stands for a space of the text
    pad: bool = False  # an image or mark with a space on each side in the source
    parent: str | None = None  # the enclosing wrap/field code's id

    def native(self) -> str:
        from lxml import etree

        def dump(els) -> str:
            return "".join(etree.tostring(e, encoding="unicode") for e in els)

        if self.kind == "format":
            return etree.tostring(self.rpr, encoding="unicode") if self.rpr is not None else ""
        if self.kind == "wrap":
            shallow = copy.copy(self.wrapper)
            for child in list(shallow):
                if child.tag != w("sdtPr"):
                    shallow.remove(child)
            return etree.tostring(shallow, encoding="unicode")
        return dump(self.opening) + dump(self.closing)


@dataclass
class Paragraph:
    text: str
    codes: list[Code]
    base_rpr: object = None
    hidden_runs: int = 0
    #: Nested paragraphs of text boxes (DrawingML first, VML fallback skipped).
    boxes: list = field(default_factory=list)
    #: A space after the codes at the start (" Primera nota", after a footnote's mark).
    lead: bool = False


class _Builder:
    """Collects text (whitespace collapsed as it goes) and codes for one paragraph."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.space = True  # at the start, a space is dropped
        self.lead = False  # … but one after a point at the start (a footnote's mark) is kept
        self.pieces: list[tuple[int, int, str, object, tuple]] = []  # (start, end, key, rpr, wrappers)
        self.points: list[Code] = []
        self.n = 0

    def add_text(self, text: str, rpr, key: str, wrappers: tuple) -> None:
        text = unicodedata.normalize("NFC", text)
        start = None
        for ch in text:
            if ch.isspace():
                if self.space:
                    if self.length == 0 and self.points:
                        self.lead = True
                    elif self.points and self.points[-1].start == self.length and self.points[-1].role == "isolated":
                        self.points[-1].pad = True  # "imagen ⟨img⟩ en": a space on both sides
                    continue
                ch = " "
                self.space = True
            else:
                self.space = False
            if start is None:
                start = self.length
            self.parts.append(ch)
            self.length += 1
        if start is not None:
            self.pieces.append((start, self.length, key, rpr, wrappers))

    def point(self, kind: str, label: str, elements: list, wrappers: tuple, space: bool = False) -> Code:
        at = self.length
        if space and not self.space:
            self.parts.append(" ")
            self.length += 1
            self.space = True
        elif space:
            space = False  # the text already has a space here: nothing to stand for
        code = Code("", "isolated", at, at, label, kind, opening=elements, space=space,
                    parent=wrappers[-1] if wrappers else None)
        self.points.append(code)
        return code


def _vanish(rpr, styles: Styles, para_hidden: bool | None) -> bool:
    if rpr is not None:
        v = rpr.find(w("vanish"))
        if v is not None:
            return on(v)
        rs = rpr.find(w("rStyle"))
        if rs is not None:
            h = styles.hidden(rs.get(w("val")))
            if h is not None:
                return h
    if para_hidden is not None:
        return para_hidden
    return styles.default_hidden


def _boxes(el) -> list:
    """Paragraphs of the text boxes inside a run's drawing: those of a DrawingML text
    box (wps:txbx) or a VML one (v:textbox) that is not the fallback of the other;
    boxes inside a box are found from their own paragraph."""
    out = []
    for box in el.iter(w("txbxContent")):
        skip = False
        for a in box.iterancestors():
            if a is el:
                break
            if a.tag == f"{{{MC}}}Fallback" or a.tag == w("txbxContent"):
                skip = True
                break
        if not skip:
            out.extend(_top_paragraphs(box))
    return out


def _top_paragraphs(container) -> list:
    """Paragraphs of a text box in reading order, through tables and controls, not
    those of a text box nested inside (they are found from their own run)."""
    found = []
    for child in container:
        if child.tag == w("p"):
            found.append(child)
        elif child.tag in (w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent"), w("customXml")):
            found.extend(_top_paragraphs(child))
    return found


def analyse(p, styles: Styles) -> Paragraph:
    """The text and codes of ``p`` (see the module docstring)."""
    b = _Builder()
    para_hidden = styles.hidden(paragraph_style(p) or styles.default_para)
    fields: list[dict] = []  # open complex fields: {"phase": "instr"|"result", "els": [...], "code": Code|None}
    wraps: list[Code] = []
    boxes: list = []
    hidden = 0

    def in_instr() -> bool:
        return any(f["phase"] == "instr" for f in fields)

    def obj(kind: str, label: str, elements: list, space: bool = False) -> None:
        if in_instr():
            _field_els(fields).extend(elements)  # part of a field's code
            return
        b.point(kind, label, elements, tuple(c.id for c in wraps), space)

    def run_child(r, rpr, child) -> None:
        """A single child of a run, wrapped in a run of its own for the writer."""
        holder = r.makeelement(r.tag, dict(r.attrib))
        if rpr is not None:
            holder.append(copy.deepcopy(rpr))
        holder.append(copy.deepcopy(child))
        return holder

    def field_char(kind: str | None, holder) -> None:
        """begin / separate / end of a complex field (see the module docstring)."""
        if kind == "begin":
            nested = in_instr()  # a field inside another's instructions is all code
            if nested:
                _field_els(fields).append(holder)
            fields.append({"phase": "instr", "nested": nested, "els": None if nested else [holder], "code": None})
        elif kind == "separate" and fields:
            f = fields[-1]
            f["phase"] = "result"
            if f["nested"]:
                _field_els(fields).append(holder)
                return
            f["els"].append(holder)
            if not in_instr():
                f["code"] = b.point("object", "field", f["els"], tuple(c.id for c in wraps))
        elif kind == "end" and fields:
            f = fields.pop()
            if f["nested"] or in_instr():
                els = _field_els(fields) if fields else None
                if els is not None and not f["nested"]:
                    els.extend(f["els"])
                if els is not None:
                    els.append(holder)
                return
            if f["code"] is None:  # begin…end with no result shown
                f["els"].append(holder)
                b.point("object", "field", f["els"], tuple(c.id for c in wraps))
            else:
                f["code"].closing = [holder]
                f["code"].kind, f["code"].role, f["code"].end = "field", "pair", b.length
        else:
            obj("object", "field", [holder])

    def run(r) -> None:
        nonlocal hidden
        rpr = r.find(w("rPr"))
        if _vanish(rpr, styles, para_hidden):
            if any((t.text or "").strip() for t in r.iter(w("t"))):
                hidden += 1
            obj("object", "hidden", [r])
            return
        key = format_key(rpr)
        for child in r:
            tag = child.tag
            if tag == w("rPr") or not isinstance(tag, str):
                continue
            if tag == w("fldChar"):
                field_char(child.get(w("fldCharType")), run_child(r, rpr, child))
            elif in_instr():
                _field_els(fields).append(run_child(r, rpr, child))
            elif tag in (w("t"),):
                b.add_text(child.text or "", rpr, key, tuple(c.id for c in wraps))
            elif tag == w("noBreakHyphen"):
                b.add_text("\u2011", rpr, key, tuple(c.id for c in wraps))
            elif tag in _BREAKS:
                page = child.get(w("type")) in ("page", "column")
                obj("object", "page break" if page else _BREAKS[tag], [run_child(r, rpr, child)], space=True)
            elif tag in (w("delText"), w("delInstrText")):
                continue
            elif tag in _REF_LABELS:
                ref = child.get(w("id"))
                obj("object", _REF_LABELS[tag] + (f" {ref}" if ref else ""), [run_child(r, rpr, child)])
            elif tag in (w("drawing"), w("pict"), w("object"), f"{{{MC}}}AlternateContent"):
                boxes.extend(_boxes(child))
                obj("object", "image" if tag != w("object") else "object", [run_child(r, rpr, child)])
            elif tag == w("ruby"):
                base = child.find(w("rubyBase"))
                for rr in (base if base is not None else []):
                    if rr.tag == w("r"):
                        run(rr)
            elif tag in _DROP:
                continue
            else:
                obj("object", tag.rsplit("}", 1)[-1], [run_child(r, rpr, child)])

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == w("pPr") or tag in _DROP:
                continue
            if tag == w("r"):
                run(child)
            elif tag in _DELETED:
                continue
            elif tag in _TRANSPARENT:
                walk(child)
            elif tag in _WRAPPERS and not in_instr():
                code = Code("", "pair", b.length, b.length, _WRAPPERS[tag], "wrap", wrapper=child,
                            parent=wraps[-1].id if wraps else None)
                b.n += 1
                code.id = f"w{b.n}"
                wraps.append(code)
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    walk(content)
                wraps.pop()
                code.end = b.length
                b.points.append(code)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None and _has_runs(choice):
                    walk(choice)  # its runs are the paragraph's (the fallback is not written back)
                else:
                    boxes.extend(_boxes(child))
                    obj("object", "alternate", [child])
            elif in_instr():
                _field_els(fields).append(child)
            else:
                label = {"bookmarkStart": "bookmark", "bookmarkEnd": "bookmark end",
                         "commentRangeStart": "comment start", "commentRangeEnd": "comment end",
                         "oMath": "equation", "oMathPara": "equation"}.get(tag.rsplit("}", 1)[-1], tag.rsplit("}", 1)[-1])
                obj("object", label, [child])

    walk(p)
    # Open fields left at the paragraph's end (a TOC spans paragraphs): their code so far.
    for f in fields:
        if f["code"] is None and f["els"]:
            b.point("object", "field", f["els"], ())
    return _finish(b, hidden, boxes)


def _field_els(fields: list[dict]) -> list:
    """Where a piece of a field's instructions goes: the innermost open field that is
    not itself inside another's instructions."""
    for f in reversed(fields):
        if f["els"] is not None:
            return f["els"]
    return []


def _has_runs(el) -> bool:
    return any(True for _ in el.iter(w("r")))


def _finish(b: _Builder, hidden: int, boxes: list) -> Paragraph:
    text = "".join(b.parts)
    # A trailing space (after a last tab/break, or in the source) is not text.
    trimmed = text.rstrip(" ")
    cut = len(trimmed)
    pieces = [(s, min(e, cut), k, r, wr) for s, e, k, r, wr in b.pieces if s < cut]
    points = b.points
    for c in points:
        c.start, c.end = min(c.start, cut), min(c.end, cut)
        if c.space and c.start >= cut:
            c.space = False
    # The paragraph's base formatting: the one most of its characters have.
    weight: dict[str, int] = {}
    first: dict[str, object] = {}
    for s, e, k, r, _ in pieces:
        weight[k] = weight.get(k, 0) + e - s
        first.setdefault(k, r)
    base_key = max(weight, key=weight.get) if weight else ""
    # Plain text (no run properties) is the base wherever it is a fair part of the
    # paragraph: a styled phrase then is the code, not the words around it.
    if "" in weight and weight[""] * 4 >= sum(weight.values()):
        base_key = ""
    base = first.get(base_key)
    codes: list[Code] = []
    # Formatting pairs: maximal stretches of one non-base formatting in one wrapper.
    i = 0
    while i < len(pieces):
        s, e, k, r, wr = pieces[i]
        j = i
        while j + 1 < len(pieces) and pieces[j + 1][2] == k and pieces[j + 1][4] == wr and pieces[j + 1][0] == pieces[j][1]:
            j += 1
        end = pieces[j][1]
        if k != base_key:
            # Trim spaces off the edges: the inner text goes through the engine.
            while s < end and text[s] == " ":
                s += 1
            while end > s and text[end - 1] == " ":
                end -= 1
            if end > s:
                codes.append(Code("", "pair", s, end, format_label(r, base), "format", rpr=r,
                                  parent=wr[-1] if wr else None))
        i = j + 1
    codes.extend(points)
    # Ids in source order, pairs before the points that share their start.
    codes.sort(key=lambda c: (c.start, c.role == "isolated", -(c.end - c.start)))
    rename = {}
    for n, c in enumerate(codes, 1):
        rename[c.id] = str(n)
        c.id = str(n)
    for c in codes:
        if c.parent is not None:
            c.parent = rename.get(c.parent)
    # A wrapper with no text of its own (an empty hyperlink) is a point.
    for c in codes:
        if c.role == "pair" and c.end <= c.start:
            c.role, c.end = "isolated", c.start
    return Paragraph(text=trimmed, codes=codes, base_rpr=base, hidden_runs=hidden, boxes=boxes, lead=b.lead)


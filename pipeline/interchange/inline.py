"""Inline codes of the interchange formats as the segment model's spans, and back.

Every reader turns a segment's mixed content (text with TMX ``<ph>``/``<bpt>``…, XLIFF
``<pc>``/``<sc>``…, XLIFF 1.2 ``<g>``/``<x>``…) into plain text plus spans of kind
:data:`~pipeline.model.INLINE` with the model's attrs:

- ``id``: the code's id in its segment (TMX ``x``, else ``i``; XLIFF ``id``), or one we
  number (``"a1"``…) when the file gives none;
- ``role``: ``"pair"`` (covers the text it formats) or ``"isolated"`` (a point);
- ``format``: ``"tmx"`` or ``"xliff"``;
- ``native``: enough to write the code again exactly: ``{"tag", "attrib", "inner"}`` for an
  element (``inner``: its content as XML text, e.g. a TMX ``<ph>``'s escaped native code
  and its ``<sub>``s), ``{"open": …, "close": …}`` for a pair written as two elements
  (``bpt``/``ept``, ``sc``/``ec``, ``bx``/``ex``), ``{"wrap": …}`` for a pair written as
  one element around its text (``hi``, ``pc``, ``g``, ``mrk``); XLIFF adds ``"xliff"`` (its
  version) and, for 2.x ``dataRef``s, ``"data"`` (id → original data);
- ``label``: a short human label ("ph", "bold", a ``ctype``…).

:func:`render` writes text and spans back into an element, with the writer of the
format deciding how each span is spelled (its own codes exactly, another format's codes
as the nearest equivalent, their native code text carried where the format has room).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Callable
from xml.sax.saxutils import escape

from ..model import INLINE, Span

#: Characters XML 1.0 cannot carry: written as U+FFFD by every interchange writer.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_xml_text(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def utc_time(iso: str) -> datetime | None:
    """An ISO 8601 time in UTC to the second (TMX keeps no more); None when missing or
    unreadable. A time without an offset is taken as UTC."""
    if not iso:
        return None
    try:
        ts = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=timezone.utc)
    return ts.astimezone(timezone.utc).replace(microsecond=0)


def local(tag) -> str:
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


def inner_xml(el) -> str:
    """The content of ``el`` as XML text (its text, children and their tails)."""
    from lxml import etree

    parts = [escape(el.text or "")]
    for child in el:
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts)


def set_inner(el, inner: str) -> None:
    """Put XML text ``inner`` (from :func:`inner_xml`) into ``el``."""
    from lxml import etree

    if not inner:
        return
    if "<" not in inner:
        el.text = etree.fromstring(f"<w>{inner}</w>").text
        return
    ns = el.nsmap.get(None)
    wrapper = etree.fromstring(f"<w{f' xmlns={chr(34)}{ns}{chr(34)}' if ns else ''}>{inner}</w>")
    el.text = wrapper.text
    for child in list(wrapper):
        el.append(child)


def native_element(el, *, inner: bool = True) -> dict:
    """What an element needs to be written again: tag (local name), attributes, content."""
    attrib = {k: v for k, v in el.attrib.items()}
    out = {"tag": local(el.tag), "attrib": attrib}
    if inner:
        out["inner"] = inner_xml(el)
    return out


_CODE_TAGS = ("ph", "bpt", "ept", "it", "ut")


def _plain(inner: str) -> str:
    from lxml import etree

    try:
        return "".join(etree.fromstring(f"<w>{inner}</w>").itertext())
    except etree.XMLSyntaxError:
        return ""


def tmx_it_pos(span: Span) -> str:
    """"begin"/"end" for a span that is a TMX ``<it>`` (an isolated start or end code), else ""."""
    native = span.attrs.get("native") or {}
    if span.attrs.get("format") == "tmx" and isinstance(native, dict) and native.get("tag") == "it":
        return (native.get("attrib") or {}).get("pos", "")
    return ""


def code_text(span: Span, end: str = "open") -> str:
    """The native code a span carries as text, "" when it has none: what another format can
    carry. ``end``: "open" or "close" for a pair (its start or end code). Sources: a TMX or
    XLIFF 1.2 code element's content (``<ph>``, ``<bpt>``…), an XLIFF 2 ``originalData``
    entry (``dataRef``, ``dataRefStart``/``dataRefEnd``)."""
    native = span.attrs.get("native") or {}
    if not isinstance(native, dict):
        return ""
    if "tag" in native:
        part, ref_attr = native, "dataRef"
    elif "wrap" in native:
        part, ref_attr = native["wrap"], "dataRefStart" if end == "open" else "dataRefEnd"
    else:
        part, ref_attr = native.get(end) or {}, "dataRef"
    if part.get("tag") in _CODE_TAGS and part.get("inner"):
        return _plain(part["inner"])
    data = {**(native.get("data") or {}), **(part.get("data") or {})}
    ref = (part.get("attrib") or {}).get(ref_attr)
    return data.get(ref, "") if ref else ""


class TextBuilder:
    """Collects a segment's text and its inline codes while a reader walks the XML."""

    def __init__(self, fmt: str, extra: dict | None = None):
        self.fmt = fmt
        self.extra = extra or {}
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[Span] = []
        self._open: dict[str, Span] = {}
        self._auto = 0

    def auto_id(self) -> str:
        self._auto += 1
        return f"a{self._auto}"

    def text(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def _span(self, role: str, cid: str, native: dict, label: str) -> Span:
        attrs = {"id": cid or self.auto_id(), "role": role, "format": self.fmt,
                 "native": {**native, **self.extra}, "label": label}
        return Span(self.length, self.length, INLINE, "", attrs=attrs)

    def isolated(self, cid: str, native: dict, label: str) -> Span:
        span = self._span("isolated", cid, native, label)
        self.spans.append(span)
        return span

    def begin(self, key: str, cid: str, native: dict, label: str) -> Span:
        """A pair's start; ``key`` pairs it with :meth:`finish` (TMX ``i``, XLIFF ids)."""
        span = self._span("pair", cid, native, label)
        self.spans.append(span)
        if key in self._open:  # a second start with the same key: the first stays a point
            self._isolate(self._open.pop(key))
        self._open[key] = span
        return span

    def finish(self, key: str, close: dict, cid: str = "", label: str = "") -> Span:
        span = self._open.pop(key, None)
        if span is None:  # a close without its start: a point of its own
            return self.isolated(cid, close, label or close.get("tag", ""))
        span.end = self.length
        span.attrs["native"] = {"open": span.attrs["native"], "close": close, **self.extra}
        for k in self.extra:
            span.attrs["native"]["open"].pop(k, None)
        return span

    def wrapped(self, cid: str, native: dict, label: str) -> Span:
        """A pair written as one element around its text (``hi``, ``pc``, ``g``, ``mrk``):
        call :meth:`wrap_end` after its content."""
        span = self._span("pair", cid, {"wrap": native}, label)
        self.spans.append(span)
        return span

    def wrap_end(self, span: Span) -> None:
        span.end = self.length

    @staticmethod
    def _isolate(span: Span) -> None:
        span.attrs["role"] = "isolated"
        span.end = span.start

    def result(self) -> tuple[str, list[Span]]:
        for span in self._open.values():
            self._isolate(span)
        self._open.clear()
        text = "".join(self.parts)
        for span in self.spans:
            span.text = text[span.start:span.end]
        return text, self.spans


def _crosses(a: Span, b: Span) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


class Writer:
    """How one format spells codes: subclasses return lxml elements (not yet attached)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def native_isolated(self, span: Span):
        """The element of an isolated code this format wrote itself (its ``_own`` native
        data), or None when the code came from elsewhere."""
        own = self._own(span)  # type: ignore[attr-defined]
        if own and "tag" in own:
            return self._el(own)  # type: ignore[attr-defined]
        if own and "open" in own:
            return self._el(own["open"])  # type: ignore[attr-defined]
        return None

    def unique_id(self, base: str) -> str:
        """``base``, or ``base.2``, ``base.3``… when a code of this unit already has it."""
        cid, n = base, 1
        while cid in self.used:
            n += 1
            cid = f"{base}.{n}"
        self.used.add(cid)
        return cid

    def wrap(self, span: Span):  # an element around the text, or None for two elements
        return None

    def isolated(self, span: Span):
        raise NotImplementedError

    def begin(self, span: Span):
        raise NotImplementedError

    def finish(self, span: Span):
        raise NotImplementedError


def _append_text(container, text: str) -> None:
    if not text:
        return
    if len(container):
        last = container[-1]
        last.tail = (last.tail or "") + text
    else:
        container.text = (container.text or "") + text


def render(parent, text: str, spans: list[Span], writer: Writer,
           clean: Callable[[str], str] = lambda s: s) -> None:
    """Write ``text`` with its inline-code ``spans`` into ``parent``."""
    codes = [s for s in spans if s.kind == INLINE]
    if not codes:
        parent.text = clean(text)
        return
    pairs = [s for s in codes if s.attrs.get("role") == "pair" and s.end > s.start]
    wrapped: dict[int, object] = {}
    for p in pairs:
        if not any(_crosses(p, q) for q in pairs if q is not p):
            el = writer.wrap(p)
            if el is not None:
                wrapped[id(p)] = el
    # (position, order, tie-break, index, action, span); closes first, then points, then opens
    events = []
    for n, sp in enumerate(codes):
        start, end = max(0, min(sp.start, len(text))), max(0, min(sp.end, len(text)))
        if sp.attrs.get("role") == "pair" and end > start:
            if id(sp) in wrapped:
                events.append((start, 2, -end, n, "open", sp))
                events.append((end, 0, -start, -n, "close", sp))
            else:
                events.append((start, 2, -end, n, "begin", sp))
                events.append((end, 0, -start, -n, "finish", sp))
        elif sp.attrs.get("role") == "pair":  # an empty pair: both ends at one point
            events.append((start, 1, 0, n, "empty", sp))
        else:
            events.append((start, 1, 0, n, "point", sp))
    events.sort(key=lambda e: e[:4])
    stack = [parent]
    at = 0
    for pos, _, _, _, action, sp in events:
        _append_text(stack[-1], clean(text[at:pos]))
        at = max(at, pos)
        if action == "open":
            el = wrapped[id(sp)]
            stack[-1].append(el)
            stack.append(el)
        elif action == "close":
            if stack[-1] is wrapped[id(sp)]:
                stack.pop()
        elif action == "begin":
            stack[-1].append(writer.begin(sp))
        elif action == "finish":
            stack[-1].append(writer.finish(sp))
        elif action == "empty":
            stack[-1].append(writer.begin(sp))
            stack[-1].append(writer.finish(sp))
        else:
            stack[-1].append(writer.isolated(sp))
            if sp.attrs.get("space") == "both" and text[at:at + 1] != " ":
                _append_text(stack[-1], " ")  # see memory.normalize_spans
    _append_text(stack[-1], clean(text[at:]))


def describe(spans: list[Span]) -> str:
    """"2 inline codes (ph, bold)" for messages."""
    codes = [s for s in spans if s.kind == INLINE]
    labels = ", ".join(dict.fromkeys(str(s.attrs.get("label") or s.attrs.get("role")) for s in codes))
    return f"{len(codes)} inline code{'s' if len(codes) != 1 else ''} ({labels})"


def write_xml(tree, path, doctype: str | None = None):
    """An interchange file written atomically: UTF-8, declaration, indented."""
    from ..atomic import atomic_open

    with atomic_open(path, "wb") as fh:
        tree.write(fh, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=doctype)
    return path

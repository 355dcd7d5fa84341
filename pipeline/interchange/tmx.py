"""TMX 1.4b (LISA/GALA) export and import.

Written: a ``<header>`` (``srclang="es"``, ``segtype="sentence"``,
``datatype="plaintext"``, ``o-tmf="es2en"``) and one ``<tu>`` per pair with two
``<tuv>``s (``xml:lang`` ``es`` and ``en``). The audit trail is in TMX's own attributes:
``creationdate``/``creationid`` (when and by whom the English was first stored),
``changedate``/``changeid`` (its last change), dates in the TMX form
``YYYYMMDDThhmmssZ``; es2en's provenance as ``<prop type="x-es2en-…">``, among them
``x-es2en-origin`` (``human`` or ``machine``: a CAT tool can tell a machine-only unit).

Inline codes: ``<ph>``, ``<bpt>``/``<ept>`` (paired by ``i``), ``<it>``, ``<ut>`` and
``<hi>`` become the segment model's inline-code spans (:mod:`.inline`) and are written
back exactly; codes from another format are written as ``<ph>`` / ``<bpt>``+``<ept>``
carrying their native code text where it is known.

Read: every ``<tu>`` with a Spanish and an English ``<tuv>`` (any ``es-*``/``en-*``
variant; TMX 1.1 ``lang`` attributes too). Who and when come from the English
``<tuv>``'s ``changeid``/``changedate`` (what OmegaT writes), else the ``<tu>``'s.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from ..errors import InputError
from . import Unit
from .inline import TextBuilder, Writer, clean_xml_text, write_xml, utc_time, code_text, native_element, render, set_inner

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PROP_PREFIX = "x-es2en-"
#: Unit.meta keys written as TMX attributes, not props.
_ATTRIBUTE_META = ("created", "updated", "reviewer", "created-by")



def tmx_date(iso: str) -> str | None:
    """ISO 8601 → TMX ``YYYYMMDDThhmmssZ`` (UTC), or None when unparsable."""
    ts = utc_time(iso)
    return ts.strftime("%Y%m%dT%H%M%SZ") if ts else None


def iso_date(tmx: str) -> str:
    try:
        return datetime.strptime(tmx, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).isoformat()
    except (TypeError, ValueError):
        return ""


class _TmxWriter(Writer):
    """TMX codes: its own exactly; others as ``<ph>`` / ``<bpt>``+``<ept>``."""

    def __init__(self):
        from lxml import etree

        self.E = etree.Element
        self.pair_i: dict[int, str] = {}
        self.used_i: set[str] = set()

    def _element(self, native: dict):
        el = self.E(native["tag"], attrib=native.get("attrib", {}))
        set_inner(el, native.get("inner", ""))
        return el

    @staticmethod
    def _own(span) -> dict | None:
        native = span.attrs.get("native")
        return native if span.attrs.get("format") == "tmx" and isinstance(native, dict) else None

    def _x(self, span) -> dict:
        cid = str(span.attrs.get("id", ""))
        return {"x": cid} if cid.isdigit() else {}

    def wrap(self, span):
        own = self._own(span)
        if own and "wrap" in own:
            return self.E(own["wrap"]["tag"], attrib=own["wrap"].get("attrib", {}))
        return None

    def isolated(self, span):
        own = self._own(span)
        if own and "tag" in own:
            return self._element(own)
        if own and "open" in own:  # a pair's start left alone
            return self._element(own["open"])
        pos = _isolated_end(span)
        el = self.E("it", attrib={"pos": pos, **self._x(span)}) if pos else self.E("ph", attrib=self._x(span))
        el.text = code_text(span) or None
        return el

    def _i(self, span) -> str:
        if id(span) not in self.pair_i:
            n = len(self.pair_i) + 1
            while str(n) in self.used_i:
                n += 1
            self.pair_i[id(span)] = str(n)
            self.used_i.add(str(n))
        return self.pair_i[id(span)]

    def begin(self, span):
        own = self._own(span)
        if own and "open" in own:
            self.used_i.add(own["open"].get("attrib", {}).get("i", ""))
            return self._element(own["open"])
        el = self.E("bpt", attrib={"i": self._i(span), **self._x(span)})
        el.text = code_text(span, "open") or None
        return el

    def finish(self, span):
        own = self._own(span)
        if own and "close" in own:
            return self._element(own["close"])
        el = self.E("ept", attrib={"i": self._i(span)})
        el.text = code_text(span, "close") or None
        return el


def _isolated_end(span) -> str:
    """"begin"/"end" for an XLIFF isolated start/end code (1.2 ``<it>``, 2.x isolated
    ``<sc>``/``<ec>``), written as TMX ``<it pos>``; else ""."""
    native = span.attrs.get("native") or {}
    if span.attrs.get("format") != "xliff" or not isinstance(native, dict):
        return ""
    tag, attrib = native.get("tag"), native.get("attrib") or {}
    if tag == "it":
        return "begin" if attrib.get("pos") == "open" else "end"
    if tag in ("sc", "ec") and attrib.get("isolated") == "yes":
        return "begin" if tag == "sc" else "end"
    return ""


def _seg(parent, text: str, spans) -> None:
    from lxml import etree

    seg = etree.SubElement(parent, "seg")
    render(seg, text, spans, _TmxWriter(), clean_xml_text)


def build(units: list[Unit]):
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", attrib={
        "creationtool": "es2en", "creationtoolversion": __version__, "datatype": "plaintext",
        "segtype": "sentence", "adminlang": "en", "srclang": "es", "o-tmf": "es2en",
        "creationdate": datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")})
    body = etree.SubElement(root, "body")
    for n, u in enumerate(units, 1):
        if u.target is None:
            continue
        attrib = {"tuid": u.name or str(n)}
        created, changed = tmx_date(u.created), tmx_date(u.changed)
        if created:
            attrib["creationdate"] = created
        if u.created_by:
            attrib["creationid"] = clean_xml_text(u.created_by)
        if changed:
            attrib["changedate"] = changed
        if u.changed_by:
            attrib["changeid"] = clean_xml_text(u.changed_by)
        tu = etree.SubElement(body, "tu", attrib=attrib)
        meta = dict(u.meta)
        meta["stamp"] = f"{changed or ''}|{u.changed_by}"
        for key, value in meta.items():
            if key in _ATTRIBUTE_META or not value:
                continue
            etree.SubElement(tu, "prop", type=PROP_PREFIX + key).text = clean_xml_text(str(value))
        for lang, text, spans in (("es", u.source, u.source_spans), ("en", u.target, u.target_spans)):
            tuv = etree.SubElement(tu, "tuv", attrib={XML_LANG: lang})
            _seg(tuv, text, spans)
    return etree.ElementTree(root)


def write(units: list[Unit], path: Path) -> Path:
    return write_xml(build(units), path, doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


# ------------------------------------------------------------------ reading

def _walk(el, b: TextBuilder, problems: list[str]) -> None:
    b.text(el.text)
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            pass
        elif tag in ("ph", "ut", "it"):
            label = child.get("type") or (f"it {child.get('pos')}" if tag == "it" else tag)
            b.isolated(child.get("x") or "", native_element(child), label)
        elif tag == "bpt":
            b.begin(child.get("i") or "", child.get("x") or child.get("i") or "", native_element(child),
                    child.get("type") or "bpt")
        elif tag == "ept":
            b.finish(child.get("i") or "", native_element(child), label="ept")
        elif tag == "hi":
            span = b.wrapped(child.get("x") or "", native_element(child, inner=False), child.get("type") or "hi")
            _walk(child, b, problems)
            b.wrap_end(span)
        else:
            problems.append(f"unexpected element <{tag}> in a <seg>")
        b.text(child.tail)


def _read_seg(seg, problems: list[str]):
    b = TextBuilder("tmx")
    _walk(seg, b, problems)
    return b.result()


def read(path: Path) -> list[Unit]:
    from lxml import etree

    path = Path(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except OSError as err:
        raise InputError(f"cannot read: {err}", path) from err
    except etree.XMLSyntaxError as err:
        raise InputError(f"not well-formed XML: {err.msg}", path, err.lineno) from err
    if root.tag != "tmx":
        raise InputError(f"not a TMX file (root element <{root.tag}>)", path)
    header = root.find("header")
    srclang = (header.get("srclang", "") if header is not None else "").lower()

    units = []
    for n, tu in enumerate(root.iter("tu"), 1):
        problems: list[str] = []
        texts: dict[str, tuple] = {}
        tuvs: dict[str, object] = {}
        for tuv in tu.findall("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
            seg = tuv.find("seg")
            if seg is None:
                continue
            base = lang.split("-")[0].split("_")[0]
            if base in ("es", "en") and base not in texts:
                texts[base] = _read_seg(seg, problems)
                tuvs[base] = tuv
        meta = {p.get("type", "")[len(PROP_PREFIX):]: p.text or ""
                for p in tu.findall("prop") if p.get("type", "").startswith(PROP_PREFIX)}
        meta = {k: v for k, v in meta.items() if v}
        en = tuvs.get("en")

        def stated(attr: str) -> str:
            return (en.get(attr) if en is not None and en.get(attr) else None) or tu.get(attr) or ""

        where = f"tu {tu.get('tuid') or n} (line {tu.sourceline})"
        if "es" not in texts:
            problems.append("no Spanish variant" + (f" (header srclang {srclang})" if srclang else ""))
        elif "en" not in texts:
            problems.append("no English variant")
        source, source_spans = texts.get("es", ("", []))
        target, target_spans = texts.get("en", (None, []))
        units.append(Unit(source, target, status=meta.get("status", ""), meta=meta, where=where,
                          problem="; ".join(dict.fromkeys(problems)), source_spans=source_spans,
                          target_spans=target_spans, created=iso_date(stated("creationdate")),
                          created_by=stated("creationid"), changed=iso_date(stated("changedate")),
                          changed_by=stated("changeid"),
                          stamp_read=f"{stated('changedate')}|{stated('changeid')}"))
    return units

"""TMX 1.4b (LISA/GALA) export and import.

Written: a ``<header>`` (``srclang="es"``, ``segtype="sentence"``,
``datatype="plaintext"``, ``o-tmf="es2en"``) and one ``<tu>`` per pair with two
``<tuv>``s (``xml:lang`` ``es`` and ``en``); ``creationdate``/``changedate`` in the TMX
form ``YYYYMMDDThhmmssZ``; es2en's provenance as ``<prop type="x-es2en-…">``.

Read: every ``<tu>`` with a Spanish and an English ``<tuv>`` (any ``es-*``/``en-*``
variant; TMX 1.1 ``lang`` attributes too). Text inside ``<hi>``/``<sub>`` is kept;
native codes (``<bpt>``, ``<ept>``, ``<it>``, ``<ph>``, ``<ut>``) are dropped, and the
unit says so in a note only if nothing but codes is left.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from ..atomic import atomic_open
from ..errors import InputError
from . import Unit

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PROP_PREFIX = "x-es2en-"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CODES = {"bpt", "ept", "it", "ph", "ut"}


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def tmx_date(iso: str) -> str | None:
    """ISO 8601 → TMX ``YYYYMMDDThhmmssZ`` (UTC), or None when unparsable."""
    if not iso:
        return None
    try:
        ts = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=timezone.utc)
    return ts.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def iso_date(tmx: str) -> str:
    try:
        return datetime.strptime(tmx, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc).isoformat()
    except (TypeError, ValueError):
        return ""


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
        created, changed = tmx_date(u.meta.get("created", "")), tmx_date(u.meta.get("updated", ""))
        if created:
            attrib["creationdate"] = created
        if changed:
            attrib["changedate"] = changed
        tu = etree.SubElement(body, "tu", attrib=attrib)
        for key, value in u.meta.items():
            if key in ("created", "updated") or not value:
                continue
            etree.SubElement(tu, "prop", type=PROP_PREFIX + key).text = _clean(str(value))
        for lang, text in (("es", u.source), ("en", u.target)):
            tuv = etree.SubElement(tu, "tuv", attrib={XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = _clean(text)
    return etree.ElementTree(root)


def write(units: list[Unit], path: Path) -> Path:
    tree = build(units)
    with atomic_open(path, "wb") as fh:
        tree.write(fh, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                   doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    return path


def _seg_text(seg) -> str:
    parts = [seg.text or ""]
    for child in seg:
        if isinstance(child.tag, str) and child.tag not in _CODES:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


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
        texts: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
            seg = tuv.find("seg")
            if seg is None:
                continue
            base = lang.split("-")[0].split("_")[0]
            if base in ("es", "en") and base not in texts:
                texts[base] = _seg_text(seg)
        meta = {p.get("type", "")[len(PROP_PREFIX):]: p.text or ""
                for p in tu.findall("prop") if p.get("type", "").startswith(PROP_PREFIX)}
        if tu.get("creationdate"):
            meta.setdefault("created", iso_date(tu.get("creationdate")))
        if tu.get("changedate"):
            meta.setdefault("updated", iso_date(tu.get("changedate")))
        meta = {k: v for k, v in meta.items() if v}
        where = f"tu {tu.get('tuid') or n} (line {tu.sourceline})"
        problem = ""
        if "es" not in texts:
            problem = "no Spanish variant" + (f" (header srclang {srclang})" if srclang else "")
        elif "en" not in texts:
            problem = "no English variant"
        units.append(Unit(texts.get("es", ""), texts.get("en"), status=meta.get("status", ""), meta=meta,
                          where=where, problem=problem))
    return units

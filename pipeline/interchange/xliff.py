"""XLIFF 2.1 (OASIS) export and import.

Written: one ``<file>``, one ``<unit>`` per pair with one ``<segment>``; the segment
``state`` says what the memory knows (machine → ``translated``, reviewed →
``reviewed``, approved → ``final``); es2en's provenance goes into an
``mda:metadata`` group (the XLIFF 2 Metadata module), category ``es2en``. The 2.1 core
keeps the 2.0 namespace; ``version="2.1"``. What is written validates against the
OASIS schemas (see tests/data/schemas/).

Read: every unit of every file (also inside groups). A unit that a CAT tool split into
several segments is joined back (sources and targets, in order, ignorables included),
since the memory stores whole segments. Text inside ``pc``/``mrk`` is kept, ``cp`` is
decoded; a unit holding codes es2en cannot keep (``ph``, ``sc``, ``ec``, ``sm``/``em``)
is skipped with a reason rather than imported without them.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..atomic import atomic_open
from ..errors import InputError
from . import Unit

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
VERSION = "2.1"
CATEGORY = "es2en"

STATE_OF_STATUS = {"machine": "translated", "reviewed": "reviewed", "approved": "final"}
_STATE_ORDER = {"initial": 0, "translated": 1, "reviewed": 2, "final": 3}

# Characters XML 1.0 cannot carry.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _q(tag: str, ns: str = NS) -> str:
    return f"{{{ns}}}{tag}"


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def build(units: list[Unit], *, src_lang: str = "es", trg_lang: str = "en", original: str = "es2en-memory"):
    """The XLIFF document as an lxml element tree."""
    from lxml import etree

    root = etree.Element(_q("xliff"), nsmap={None: NS, "mda": MDA},
                         attrib={"version": VERSION, "srcLang": src_lang, "trgLang": trg_lang})
    file_el = etree.SubElement(root, _q("file"), id="f1", original=original)
    if not units:
        # a <file> needs at least one unit: an empty one marks "nothing to translate"
        unit_el = etree.SubElement(file_el, _q("unit"), id="empty", translate="no")
        seg = etree.SubElement(unit_el, _q("segment"))
        etree.SubElement(seg, _q("source"))
    for n, u in enumerate(units, 1):
        attrib = {"id": f"u{n}"}
        if u.name:
            attrib["name"] = u.name
        unit_el = etree.SubElement(file_el, _q("unit"), attrib=attrib)
        if u.meta:
            metadata = etree.SubElement(unit_el, _q("metadata", MDA))
            group = etree.SubElement(metadata, _q("metaGroup", MDA), category=CATEGORY)
            for key, value in u.meta.items():
                meta = etree.SubElement(group, _q("meta", MDA), type=key)
                meta.text = _clean(str(value))
        state = STATE_OF_STATUS.get(u.status, "translated" if u.target else "initial")
        seg = etree.SubElement(unit_el, _q("segment"), state=state if u.target is not None else "initial")
        etree.SubElement(seg, _q("source")).text = _clean(u.source)
        if u.target is not None:
            etree.SubElement(seg, _q("target")).text = _clean(u.target)
    return etree.ElementTree(root)


def write(units: list[Unit], path: Path, **options) -> Path:
    tree = build(units, **options)
    with atomic_open(path, "wb") as fh:
        tree.write(fh, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return path


# ------------------------------------------------------------------ reading

_KEEP = {_q("pc"), _q("mrk")}
_CODES = {_q("ph"), _q("sc"), _q("ec"), _q("sm"), _q("em")}


def _inline_text(el, problems: list[str]) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag == _q("cp"):
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                problems.append("a <cp> without a valid hex value")
        elif child.tag in _KEEP:
            parts.append(_inline_text(child, problems))
        elif child.tag in _CODES:
            problems.append(f"inline code <{child.tag.split('}')[1]}> es2en cannot keep")
        else:
            problems.append(f"unexpected element {child.tag} in the text")
        parts.append(child.tail or "")
    return "".join(parts)


def parse(path: Path):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.parse(str(path), parser)
    except OSError as err:
        raise InputError(f"cannot read: {err}", path) from err
    except etree.XMLSyntaxError as err:
        raise InputError(f"not well-formed XML: {err.msg}", path, err.lineno) from err


def read(path: Path) -> list[Unit]:
    path = Path(path)
    root = parse(path).getroot()
    if root.tag != _q("xliff"):
        raise InputError(f"not an XLIFF 2 file (root element {root.tag}, expected <xliff> in {NS})", path)
    version = root.get("version", "")
    if not version.startswith("2."):
        raise InputError(f"XLIFF version {version or '?'}: es2en reads XLIFF 2.x", path)
    src, trg = root.get("srcLang", ""), root.get("trgLang", "")
    if not src.lower().startswith("es") or (trg and not trg.lower().startswith("en")):
        raise InputError(f"languages {src or '?'} → {trg or '?'}: es2en keeps Spanish → English only", path)

    units = []
    for unit_el in root.iter(_q("unit")):
        if unit_el.get("translate") == "no":
            continue
        problems: list[str] = []
        sources, targets, states = [], [], []
        any_target = False
        missing_target = False
        for part in unit_el:
            if part.tag not in (_q("segment"), _q("ignorable")):
                continue
            s = part.find(_q("source"))
            t = part.find(_q("target"))
            sources.append(_inline_text(s, problems) if s is not None else "")
            if t is not None:
                any_target = True
                targets.append(_inline_text(t, problems))
            else:
                # an ignorable without target is whitespace the target keeps as is
                targets.append(sources[-1] if part.tag == _q("ignorable") else "")
                missing_target = missing_target or part.tag == _q("segment")
            if part.tag == _q("segment") and part.get("state"):
                states.append(part.get("state"))
        if any_target and missing_target:
            problems.append("some segments of the unit have no target")
        if states:
            state = min(states, key=lambda st: _STATE_ORDER.get(st, 0))
        else:
            state = "translated" if any_target else "initial"
        meta = {}
        for group in unit_el.iter(_q("metaGroup", MDA)):
            if group.get("category") == CATEGORY:
                for m in group.iter(_q("meta", MDA)):
                    meta[m.get("type", "")] = m.text or ""
        units.append(Unit(source="".join(sources), target="".join(targets) if any_target else None,
                          status=meta.get("status", ""), state=state, name=unit_el.get("name", ""), meta=meta,
                          where=f"unit {unit_el.get('id', '?')} (line {unit_el.sourceline})",
                          problem="; ".join(dict.fromkeys(problems))))
    return units

"""XLIFF 1.2 (OASIS, 2008) export and import: the format OmegaT, Trados, memoQ and Okapi
still write by default, and the one translate-toolkit's command-line tools (xliff2po,
pocount, poconflicts) read.

Written: one ``<file>`` (``source-language="es"``, ``target-language="en"``,
``datatype="plaintext"``) with a ``<tool>`` in its header; one ``<trans-unit>`` per pair
(``resname``: the segment id, when there is one). The target's ``state`` says what the
memory knows:

======== ================================================= ============
status   ``<target state>``                                ``approved``
======== ================================================= ============
machine  ``needs-review-translation``, ``state-qualifier``  ``no``
         ``mt-suggestion``
reviewed ``translated``                                    ``yes``
approved ``final``                                         ``yes``
======== ================================================= ============

(translate-toolkit reads ``approved="no"`` as fuzzy, so a machine text reaches a PO file
as a fuzzy suggestion.) es2en's provenance and audit trail are attributes of the
trans-unit in es2en's own namespace (``urn:es2en:xliff12``, prefix ``es2en``:
``es2en:status``, ``es2en:reviewer``, ``es2en:updated``…), which XLIFF 1.2 allows on every
element and CAT tools keep; the file validates against the OASIS strict schema with
es2en's small schema for those attributes (tests/data/schemas/).

Inline codes: ``<g>``, ``<x/>``, ``<bx/>``/``<ex/>``, ``<ph>``, ``<bpt>``/``<ept>``,
``<it>`` and ``<mrk>`` become the segment model's inline-code spans (:mod:`.inline`) and
are written back exactly; codes of another format become ``<x/>`` or ``<ph>`` (with their
native code text), ``<g>`` or ``<bx/>``/``<ex/>``.

Read: every trans-unit of every file (also in groups) that is not ``translate="no"``
(Trados SDLXLIFF too: its ``sdl:seg`` confirmation levels stand for the state,
ApprovedSignOff → approved, ApprovedTranslation and Translated → reviewed, Draft and
Rejected… → still needs review; ``modified_on``/``last_modified_by`` for when and who);
Okapi's segmentation marks (``<mrk mtype="seg">``) in the target are read through, the
whole ``<source>`` is the Spanish. Who and when: es2en's attributes, else the
``<phase>`` the target (or unit) names: its ``contact-name`` and ``date``.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import __version__
from ..errors import InputError
from . import Unit
from .inline import TextBuilder, Writer, clean_xml_text, write_xml, code_text, local, native_element, render, set_inner, tmx_it_pos

NS = "urn:oasis:names:tc:xliff:document:1.2"
ES2EN = "urn:es2en:xliff12"
VERSION = "1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: es2en status → (state, state-qualifier, approved)
STATE_OF_STATUS = {"machine": ("needs-review-translation", "mt-suggestion", "no"),
                   "reviewed": ("translated", None, "yes"),
                   "approved": ("final", None, "yes")}
#: Unit fields kept as es2en attributes besides its meta.
_FIELDS = {"reviewer": "changed_by", "updated": "changed", "created": "created", "created-by": "created_by"}


def _q(tag: str, ns: str = NS) -> str:
    return f"{{{ns}}}{tag}"



class _Xliff12Writer(Writer):
    """XLIFF 1.2 codes: its own exactly; others as ``x``/``ph``, ``g``, ``bx``/``ex``."""

    def __init__(self):
        from lxml import etree

        self.E = etree.Element
        self.used: set[str] = set()
        self.open_ids: dict[int, str] = {}

    @staticmethod
    def _own(span) -> dict | None:
        native = span.attrs.get("native")
        if span.attrs.get("format") == "xliff" and isinstance(native, dict) and native.get("xliff") == "1.2":
            return native
        return None

    def _el(self, native: dict):
        el = self.E(_q(native["tag"]), attrib=native.get("attrib", {}))
        set_inner(el, native.get("inner", ""))
        return el

    def _id(self, span, suffix: str = "") -> str:
        return self.unique_id(str(span.attrs.get("id") or "c") + suffix)

    def wrap(self, span):
        own = self._own(span)
        if own and "wrap" in own:
            return self.E(_q(own["wrap"]["tag"]), attrib=own["wrap"].get("attrib", {}))
        if own or code_text(span, "open") or code_text(span, "close"):
            return None  # a native code to carry: <bpt>/<ept>
        return self.E(_q("g"), id=self._id(span))

    def isolated(self, span):
        if (native := self.native_isolated(span)) is not None:
            return native
        text = code_text(span)
        pos = tmx_it_pos(span)
        if pos:  # a TMX isolated start/end code: XLIFF 1.2 has the same <it>
            el = self.E(_q("it"), id=self._id(span), pos="open" if pos == "begin" else "close")
            el.text = clean_xml_text(text) or None
            return el
        if text:
            el = self.E(_q("ph"), id=self._id(span))
            el.text = clean_xml_text(text)
            return el
        return self.E(_q("x"), id=self._id(span))

    def begin(self, span):
        own = self._own(span)
        if own and "open" in own:
            return self._el(own["open"])
        cid = self._id(span)
        self.open_ids[id(span)] = cid
        if code_text(span, "open") or code_text(span, "close"):
            el = self.E(_q("bpt"), id=cid)
            el.text = clean_xml_text(code_text(span, "open")) or None
            return el
        return self.E(_q("bx"), id=cid)

    def finish(self, span):
        own = self._own(span)
        if own and "close" in own:
            return self._el(own["close"])
        rid = self.open_ids.pop(id(span), str(span.attrs.get("id")))
        if code_text(span, "open") or code_text(span, "close"):
            el = self.E(_q("ept"), id=rid)
            el.text = clean_xml_text(code_text(span, "close")) or None
            return el
        return self.E(_q("ex"), id=self._id(span, "e"), rid=rid)


def build(units: list[Unit], *, src_lang: str = "es", trg_lang: str = "en", original: str = "es2en-memory"):
    from lxml import etree

    root = etree.Element(_q("xliff"), nsmap={None: NS, "es2en": ES2EN}, version=VERSION)
    file_el = etree.SubElement(root, _q("file"), attrib={
        "original": original, "source-language": src_lang, "target-language": trg_lang,
        "datatype": "plaintext", "tool-id": "es2en"})
    header = etree.SubElement(file_el, _q("header"))
    etree.SubElement(header, _q("tool"), attrib={"tool-id": "es2en", "tool-name": "es2en",
                                                  "tool-version": __version__})
    body = etree.SubElement(file_el, _q("body"))
    for n, u in enumerate(units, 1):
        attrib = {"id": f"u{n}"}
        if u.name:
            attrib["resname"] = u.name
        state, qualifier, approved = STATE_OF_STATUS.get(u.status, ("translated", None, "no"))
        if u.target is not None:
            attrib["approved"] = approved
        meta = dict(u.meta)
        meta.update({key: getattr(u, name) for key, name in _FIELDS.items() if getattr(u, name)})
        for key, value in meta.items():
            if value and re.fullmatch(r"[A-Za-z][\w.-]*", key):
                attrib[_q(key, ES2EN)] = clean_xml_text(str(value))
        tu = etree.SubElement(body, _q("trans-unit"), attrib=attrib)
        source = etree.SubElement(tu, _q("source"), attrib={XML_LANG: src_lang})
        render(source, u.source, u.source_spans, _Xliff12Writer(), clean_xml_text)
        if u.target is not None:
            t_attrib = {XML_LANG: trg_lang, "state": state}
            if qualifier:
                t_attrib["state-qualifier"] = qualifier
            target = etree.SubElement(tu, _q("target"), attrib=t_attrib)
            render(target, u.target, u.target_spans, _Xliff12Writer(), clean_xml_text)
    return etree.ElementTree(root)


def write(units: list[Unit], path: Path, **options) -> Path:
    return write_xml(build(units, **options), path)


# ------------------------------------------------------------------ reading

def _name(el) -> str | None:
    """The local name of an XLIFF 1.2 element (namespace 1.2 or none), else None."""
    if not isinstance(el.tag, str):
        return None
    if el.tag.startswith(f"{{{NS}}}") or not el.tag.startswith("{"):
        return local(el.tag)
    return None


def _walk(el, b: TextBuilder, problems: list[str]) -> None:
    b.text(el.text)
    for child in el:
        tag = _name(child)
        if not isinstance(child.tag, str):
            pass
        elif tag in ("x", "ph", "it"):
            b.isolated(child.get("id", ""), native_element(child), child.get("ctype") or tag)
        elif tag in ("bx", "bpt"):
            key = child.get("rid") or child.get("id", "")
            b.begin(key, child.get("id", ""), native_element(child), child.get("ctype") or tag)
        elif tag in ("ex", "ept"):
            b.finish(child.get("rid") or child.get("id", ""), native_element(child), cid=child.get("id", ""),
                     label=tag)
        elif tag == "mrk" and child.get("mtype") == "seg":
            _walk(child, b, problems)  # Okapi's segment marks: the text is the unit's
        elif tag in ("g", "mrk"):
            span = b.wrapped(child.get("id") or child.get("mid") or "", native_element(child, inner=False),
                             child.get("ctype") or child.get("mtype") or tag)
            _walk(child, b, problems)
            b.wrap_end(span)
        else:
            problems.append(f"unexpected element <{local(child.tag)}> in the text")
        b.text(child.tail)


def _text(el, problems: list[str]):
    b = TextBuilder("xliff", {"xliff": "1.2"})
    if el is not None:
        _walk(el, b, problems)
    return b.result()


SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
_SDL_ORDER = {"sdl:ApprovedSignOff": 3, "sdl:ApprovedTranslation": 2, "sdl:Translated": 1}


def _sdl_segments(tu) -> list:
    defs = tu.find(f"{{{SDL}}}seg-defs")
    return list(defs.iter(f"{{{SDL}}}seg")) if defs is not None else []


def _sdl_date(text: str) -> str:
    """Trados writes ``modified_on`` as "3/2/2026 9:00:00 AM" or "2026-03-02 09:00:00" (UTC)."""
    from datetime import datetime, timezone

    for form in ("%m/%d/%Y %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(text.strip(), form).replace(tzinfo=timezone.utc).isoformat()
        except ValueError:
            continue
    return ""


def read(path: Path) -> list[Unit]:
    from .xliff import parse

    path = Path(path)
    return read_tree(parse(path).getroot(), path)


def _child(el, tag: str):
    found = el.find(_q(tag))
    return found if found is not None else el.find(tag)


def read_tree(root, path: Path) -> list[Unit]:
    if _name(root) != "xliff":
        raise InputError(f"not an XLIFF 1.2 file (root element {root.tag})", path)
    units = []
    for file_el in [e for e in root if _name(e) == "file"]:
        src, trg = file_el.get("source-language", ""), file_el.get("target-language", "")
        if not src.lower().startswith("es") or (trg and not trg.lower().startswith("en")):
            raise InputError(f"languages {src or '?'} → {trg or '?'} (file “{file_el.get('original', '')}”): es2en "
                             f"keeps Spanish → English only", path)
        phases = {}
        for phase in file_el.iter(_q("phase"), "phase"):
            phases[phase.get("phase-name", "")] = phase
        for tu in file_el.iter(_q("trans-unit"), "trans-unit"):
            if tu.get("translate") == "no":
                continue
            problems: list[str] = []
            source_el, target_el = _child(tu, "source"), _child(tu, "target")
            source, source_spans = _text(source_el, problems)
            target, target_spans = _text(target_el, problems) if target_el is not None else (None, [])
            meta = {k[len(ES2EN) + 2:]: v for k, v in tu.attrib.items() if k.startswith(f"{{{ES2EN}}}")}
            fields = {name: meta.pop(key, "") for key, name in _FIELDS.items()}
            phase = phases.get((target_el.get("phase-name") if target_el is not None else None)
                               or tu.get("phase-name") or "")
            if phase is not None and not fields["changed"]:
                fields["changed"] = phase.get("date", "")
                fields["changed_by"] = fields["changed_by"] or phase.get("contact-name", "")
            state = target_el.get("state", "") if target_el is not None else "new"
            sdl = _sdl_segments(tu)
            if sdl and target_el is not None:
                # Trados: each segment's confirmation level; the unit is as far as its least one
                state = min((f"sdl:{seg.get('conf', '')}" for seg in sdl), key=lambda st: _SDL_ORDER.get(st, 0))
                values = {v.get("key"): (v.text or "") for v in sdl[0].iter(f"{{{SDL}}}value")}
                fields["changed"] = fields["changed"] or _sdl_date(values.get("modified_on", ""))
                fields["changed_by"] = fields["changed_by"] or values.get("last_modified_by", "")
                fields["created"] = fields["created"] or _sdl_date(values.get("created_on", ""))
                fields["created_by"] = fields["created_by"] or values.get("created_by", "")
            if target_el is not None and tu.get("approved") == "yes" and state not in ("translated", "signed-off",
                                                                                         "final"):
                state = "translated"  # approved="yes" is at least a translation (as translate-toolkit reads it)
            if target is not None and not target.strip() and not target_spans:
                target = None
            units.append(Unit(source, target, status=meta.get("status", ""), state=state,
                              name=tu.get("resname", ""), meta=meta,
                              where=f"trans-unit {tu.get('id', '?')} (line {tu.sourceline})",
                              problem="; ".join(dict.fromkeys(problems)), source_spans=source_spans,
                              target_spans=target_spans, **fields))
    return units

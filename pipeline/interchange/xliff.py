"""XLIFF 2.1 (OASIS) export and import.

Written: one ``<file>``, one ``<unit>`` per pair with one ``<segment>``; the segment
``state`` says what the memory knows: machine → ``initial`` (a machine text is a
suggestion, not a translation a CAT tool should take as done), reviewed → ``reviewed``,
approved → ``final``. es2en's provenance and audit trail (status, origin, reviewer, created,
created-by, updated, file, engine…, target-sha) go into an ``mda:metadata`` group (the
XLIFF 2 Metadata module), category ``es2en``. The 2.1 core keeps the 2.0 namespace;
``version="2.1"``. What is written validates against the OASIS schemas (see
tests/data/schemas/).

Inline codes: ``<ph>``, ``<pc>``, ``<sc>``/``<ec>``, ``<sm>``/``<em>`` and ``<mrk>`` become the
segment model's inline-code spans (:mod:`.inline`), ``originalData`` included, and are
written back exactly; codes from another format become ``<ph>`` (its native code text in
``originalData``), ``<pc>`` or ``<sc>``/``<ec>``.

Read: every unit of every file (also inside groups). A unit that a CAT tool split into
several segments is joined back (sources and targets, in order, ignorables included),
since the memory stores whole segments; ``cp`` is decoded.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from . import Unit
from .inline import TextBuilder, Writer, clean_xml_text, write_xml, code_text, local, render, tmx_it_pos

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
VERSION = "2.1"
CATEGORY = "es2en"

STATE_OF_STATUS = {"machine": "initial", "reviewed": "reviewed", "approved": "final"}
_STATE_ORDER = {"initial": 0, "translated": 1, "reviewed": 2, "final": 3}


def _q(tag: str, ns: str = NS) -> str:
    return f"{{{ns}}}{tag}"



class _Xliff2Writer(Writer):
    """XLIFF 2 codes: its own exactly; others as ``ph`` (+ originalData), ``pc``, ``sc``/``ec``."""

    def __init__(self, data: dict[str, str]):
        from lxml import etree

        self.E = etree.Element
        self.data = data  # the unit's originalData, filled while writing
        self.used: set[str] = set()
        self.open_ids: dict[int, str] = {}

    @staticmethod
    def _own(span) -> dict | None:
        native = span.attrs.get("native")
        if span.attrs.get("format") == "xliff" and isinstance(native, dict) and \
                str(native.get("xliff", "")).startswith("2"):
            return native
        return None

    def _el(self, native: dict):
        for ref, text in (self._all_data(native)).items():
            self.data.setdefault(ref, text)
        return self.E(_q(native["tag"]), attrib=native.get("attrib", {}))

    def _all_data(self, native: dict) -> dict:
        out = dict(native.get("data") or {})
        for part in ("open", "close", "wrap"):
            out.update((native.get(part) or {}).get("data") or {})
        return out

    def _id(self, span) -> str:
        cid = re.sub(r"[^\w.-]", "_", str(span.attrs.get("id") or "c")) or "c"
        if not re.match(r"[A-Za-z_]", cid):
            cid = cid if cid[0].isdigit() else "c" + cid
        return self.unique_id(cid)

    def _ref(self, text: str) -> str:
        """An originalData id for ``text`` (the same text shares one)."""
        for ref, have in self.data.items():
            if have == text:
                return ref
        n = len(self.data) + 1
        while f"d{n}" in self.data:
            n += 1
        self.data[f"d{n}"] = text
        return f"d{n}"

    def wrap(self, span):
        own = self._own(span)
        if own and "wrap" in own:
            for ref, text in (own["wrap"].get("data") or {}).items():
                self.data.setdefault(ref, text)
            return self.E(_q(own["wrap"]["tag"]), attrib=own["wrap"].get("attrib", {}))
        if own:
            return None
        attrib = {"id": self._id(span)}
        start, end = code_text(span, "open"), code_text(span, "close")
        if start:
            attrib["dataRefStart"] = self._ref(start)
        if end:
            attrib["dataRefEnd"] = self._ref(end)
        return self.E(_q("pc"), attrib=attrib)

    def isolated(self, span):
        if (native := self.native_isolated(span)) is not None:
            return native
        attrib = {"id": self._id(span)}
        text = code_text(span)
        if text:
            attrib["dataRef"] = self._ref(text)
        pos = tmx_it_pos(span)
        if pos:  # a TMX isolated start/end code: an isolated <sc>/<ec>
            attrib["isolated"] = "yes"
            return self.E(_q("sc" if pos == "begin" else "ec"), attrib=attrib)
        if span.attrs.get("label"):
            attrib["disp"] = str(span.attrs["label"])
        return self.E(_q("ph"), attrib=attrib)

    def begin(self, span):
        own = self._own(span)
        if own and "open" in own:
            return self._el(own["open"])
        cid = self._id(span)
        self.open_ids[id(span)] = cid
        attrib = {"id": cid}
        if code_text(span, "open"):
            attrib["dataRef"] = self._ref(code_text(span, "open"))
        return self.E(_q("sc"), attrib=attrib)

    def finish(self, span):
        own = self._own(span)
        if own and "close" in own:
            return self._el(own["close"])
        attrib = {"startRef": self.open_ids.pop(id(span), str(span.attrs.get("id")))}
        if code_text(span, "close"):
            attrib["dataRef"] = self._ref(code_text(span, "close"))
        return self.E(_q("ec"), attrib=attrib)


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
        meta = dict(u.meta)
        meta.update({k: v for k, v in (("reviewer", u.changed_by), ("created", u.created),
                                        ("created-by", u.created_by), ("updated", u.changed)) if v})
        if meta:
            metadata = etree.SubElement(unit_el, _q("metadata", MDA))
            group = etree.SubElement(metadata, _q("metaGroup", MDA), category=CATEGORY)
            for key, value in meta.items():
                etree.SubElement(group, _q("meta", MDA), type=key).text = clean_xml_text(str(value))
        data: dict[str, str] = {}
        state = STATE_OF_STATUS.get(u.status, "translated" if u.target else "initial")
        seg = etree.Element(_q("segment"), state=state if u.target is not None else "initial")
        source = etree.SubElement(seg, _q("source"))
        render(source, u.source, u.source_spans, _Xliff2Writer(data), clean_xml_text)
        if u.target is not None:
            target = etree.SubElement(seg, _q("target"))
            render(target, u.target, u.target_spans, _Xliff2Writer(data), clean_xml_text)
        if data:
            original_data = etree.SubElement(unit_el, _q("originalData"))
            for ref, text in data.items():
                etree.SubElement(original_data, _q("data"), id=ref).text = clean_xml_text(text)
        unit_el.append(seg)
    return etree.ElementTree(root)


def write(units: list[Unit], path: Path, **options) -> Path:
    return write_xml(build(units, **options), path)


# ------------------------------------------------------------------ reading

def _data_of(el, data: dict[str, str]) -> dict:
    refs = {}
    for attr in ("dataRef", "dataRefStart", "dataRefEnd"):
        ref = el.get(attr)
        if ref and ref in data:
            refs[ref] = data[ref]
    return refs


def _native(el, data: dict[str, str]) -> dict:
    out = {"tag": local(el.tag), "attrib": dict(el.attrib)}
    refs = _data_of(el, data)
    if refs:
        out["data"] = refs
    return out


def _walk(el, b: TextBuilder, data: dict[str, str], problems: list[str]) -> None:
    b.text(el.text)
    for child in el:
        tag = local(child.tag) if isinstance(child.tag, str) and child.tag.startswith(f"{{{NS}}}") else None
        if not isinstance(child.tag, str):
            pass
        elif tag == "cp":
            try:
                b.text(chr(int(child.get("hex", ""), 16)))
            except ValueError:
                problems.append("a <cp> without a valid hex value")
        elif tag == "ph":
            b.isolated(child.get("id", ""), _native(child, data), child.get("disp") or child.get("type") or "ph")
        elif tag in ("pc", "mrk"):
            span = b.wrapped(child.get("id", ""), _native(child, data),
                             child.get("disp") or child.get("type") or tag)
            _walk(child, b, data, problems)
            b.wrap_end(span)
        elif tag in ("sc", "sm"):
            if child.get("isolated") == "yes":
                b.isolated(child.get("id", ""), _native(child, data), tag)
            else:
                b.begin(child.get("id", ""), child.get("id", ""), _native(child, data),
                        child.get("disp") or child.get("type") or tag)
        elif tag in ("ec", "em"):
            if child.get("startRef"):
                b.finish(child.get("startRef"), _native(child, data), label=tag)
            else:
                b.isolated(child.get("id", ""), _native(child, data), tag)
        else:
            problems.append(f"unexpected element {child.tag} in the text")
        b.text(child.tail)


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
    return read_tree(parse(path).getroot(), path)


def read_tree(root, path: Path) -> list[Unit]:
    if root.tag != _q("xliff"):
        raise InputError(f"not an XLIFF file (root element {root.tag}, expected <xliff> in {NS} or in the "
                         f"XLIFF 1.2 namespace)", path)
    version = root.get("version", "")
    if not version.startswith("2."):
        raise InputError(f"XLIFF version {version or '?'}: es2en reads XLIFF 1.2 and 2.x", path)
    src, trg = root.get("srcLang", ""), root.get("trgLang", "")
    if not src.lower().startswith("es") or (trg and not trg.lower().startswith("en")):
        raise InputError(f"languages {src or '?'} → {trg or '?'}: es2en keeps Spanish → English only", path)

    units = []
    for unit_el in root.iter(_q("unit")):
        if unit_el.get("translate") == "no":
            continue
        problems: list[str] = []
        data = {}
        original = unit_el.find(_q("originalData"))
        if original is not None:
            for d in original.findall(_q("data")):
                sub: list[str] = []
                b = TextBuilder("xliff")
                _walk(d, b, {}, sub)
                data[d.get("id", "")] = b.result()[0]
        source_b, target_b = TextBuilder("xliff", {"xliff": "2"}), TextBuilder("xliff", {"xliff": "2"})
        states = []
        any_target = False
        missing_target = False
        for part in unit_el:
            if part.tag not in (_q("segment"), _q("ignorable")):
                continue
            s = part.find(_q("source"))
            t = part.find(_q("target"))
            start = source_b.length
            if s is not None:
                _walk(s, source_b, data, problems)
            if t is not None:
                any_target = True
                _walk(t, target_b, data, problems)
            elif part.tag == _q("ignorable"):
                # an ignorable without target is whitespace the target keeps as is
                target_b.text("".join(source_b.parts)[start:])
            else:
                missing_target = True
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
        source, source_spans = source_b.result()
        target, target_spans = target_b.result()
        units.append(Unit(source=source, target=target if any_target else None,
                          status=meta.get("status", ""), state=state, name=unit_el.get("name", ""),
                          meta={k: v for k, v in meta.items() if k not in ("reviewer", "created", "created-by",
                                                                         "updated")},
                          where=f"unit {unit_el.get('id', '?')} (line {unit_el.sourceline})",
                          problem="; ".join(dict.fromkeys(problems)), source_spans=source_spans,
                          target_spans=target_spans if any_target else [], created=meta.get("created", ""),
                          created_by=meta.get("created-by", ""), changed=meta.get("updated", ""),
                          changed_by=meta.get("reviewer", "")))
    return units

"""TBX import/export (ISO 30042): TBX-Basic as OmegaT, Trados and memoQ exchange it.

Two shapes are written and read:

* version 2 (default): TBX 2008 / TBX-Basic, ``<martif>`` → ``<termEntry>`` →
  ``<langSet>`` → ``<tig>``; what most tools (and translate-toolkit) read;
* version 3: TBX v3 (ISO 30042:2019), DCA style, namespace
  ``urn:iso:std:iso:30042:ed-2``, ``<tbx>`` → ``<conceptEntry>`` → ``<langSec>`` →
  ``<termSec>``.

Mapping: ``es`` and ``es_variants`` are the Spanish terms (variants carry
``termType=variant``), ``en`` and ``en_plural`` the English ones (the plural carries
``grammaticalNumber=plural``), ``pos`` → ``partOfSpeech`` (and ``termType`` for
acronyms and phrases), ``domain`` → ``subjectField``, ``note`` → ``<note>``. What
TBX-Basic has no category for (``case``, a ``pos`` it cannot express, comment
lines, the file's columns) travels in ``<note>``/``<p>`` elements that start with
``es2en:``, so a TSV → TBX → TSV round trip loses nothing.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .entry import COLUMNS, GlossaryFile, RowError, entry_from_row
from .tsv import read_bytes

TBX3_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFIX = "es2en:"

_POS_TO_TBX = {
    "noun": ("noun", None),
    "person": ("noun", None),
    "adj": ("adjective", None),
    "verb": ("verb", None),
    "adv": ("adverb", None),
    "name": ("properNoun", None),
    "acronym": ("noun", "acronym"),
    "phrase": (None, "phrase"),
    "other": ("other", None),
}
_TBX_TO_POS = {"noun": "noun", "adjective": "adj", "verb": "verb", "adverb": "adv", "propernoun": "name", "other": "other"}
_TERMTYPE_TO_POS = {"acronym": "acronym", "phrase": "phrase"}

# element names per version
_NAMES = {
    2: {"root": "martif", "header": "martifHeader", "entry": "termEntry", "lang": "langSet", "term": "tig"},
    3: {"root": "tbx", "header": "tbxHeader", "entry": "conceptEntry", "lang": "langSec", "term": "termSec"},
}


def _pos_from_tbx(part_of_speech: str | None, term_type: str | None) -> str:
    if term_type and term_type.lower() in _TERMTYPE_TO_POS:
        return _TERMTYPE_TO_POS[term_type.lower()]
    if part_of_speech:
        return _TBX_TO_POS.get(part_of_speech.strip().lower(), "other")
    return ""


# -- writing ------------------------------------------------------------------------
def format_tbx(gf: GlossaryFile, *, version: int = 2, title: str | None = None) -> bytes:
    from lxml import etree

    if version not in _NAMES:
        raise ValueError(f"TBX version must be 2 or 3, not {version}")
    names = _NAMES[version]
    ns = TBX3_NS if version == 3 else None

    def el(parent, tag, text=None, **attrs):
        node = etree.SubElement(parent, f"{{{ns}}}{tag}" if ns else tag)
        for k, v in attrs.items():
            node.set(XML_LANG if k == "lang" else k, v)
        if text is not None:
            node.text = text
        return node

    if version == 3:
        root = etree.Element(f"{{{ns}}}tbx", nsmap={None: ns})
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
    else:
        root = etree.Element("martif")
        root.set("type", "TBX-Basic-V1")
    root.set(XML_LANG, "es")
    header = el(root, names["header"])
    file_desc = el(header, "fileDesc")
    el(el(file_desc, "titleStmt"), "title", title or (gf.path.stem if gf.path else "glossary"))
    source_desc = el(file_desc, "sourceDesc")
    el(source_desc, "p", f"Exported by es2en from {gf.path.name if gf.path else 'a glossary'} (Spanish → English).")
    el(source_desc, "p", f"{PREFIX}columns={','.join(gf.used_columns())}")
    for c in gf.preamble:
        el(source_desc, "p", f"{PREFIX}preamble={c}")
    for c in gf.footer:
        el(source_desc, "p", f"{PREFIX}footer={c}")
    if version == 2:
        el(el(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = el(el(root, "text"), "body")

    for n, e in enumerate(gf.entries, start=1):
        entry = el(body, names["entry"], id=f"c{n}")
        if e.domain:
            el(entry, "descrip", e.domain, type="subjectField")
        if e.note:
            el(entry, "note", e.note)
        for c in e.comments:
            el(entry, "note", f"{PREFIX}comment={c}")
        if e.case:
            el(entry, "note", f"{PREFIX}case={e.case}")
        pos_tbx, term_type = _POS_TO_TBX.get(e.pos, ("other", None)) if e.pos else (None, None)
        if e.pos and _pos_from_tbx(pos_tbx, term_type) != e.pos:
            el(entry, "note", f"{PREFIX}pos={e.pos}")
        es = el(entry, names["lang"], lang="es")
        tig = el(es, names["term"])
        el(tig, "term", e.es)
        if term_type:
            el(tig, "termNote", term_type, type="termType")
        if pos_tbx:
            el(tig, "termNote", pos_tbx, type="partOfSpeech")
        for v in e.es_variants:
            tig = el(es, names["term"])
            el(tig, "term", v)
            el(tig, "termNote", "variant", type="termType")
        en = el(entry, names["lang"], lang="en")
        tig = el(en, names["term"])
        el(tig, "term", e.en)
        if e.en_plural:
            tig = el(en, names["term"])
            el(tig, "term", e.en_plural)
            el(tig, "termNote", "plural", type="grammaticalNumber")

    doctype = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' if version == 2 else None
    out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True, doctype=doctype)
    if version == 3:
        pi = b'<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        decl, rest = out.split(b"\n", 1)
        out = decl + b"\n" + pi + rest
    return out


def write_tbx(gf: GlossaryFile, path: str | Path, *, version: int = 2) -> None:
    from ..atomic import atomic_open

    with atomic_open(path, "wb") as fh:
        fh.write(format_tbx(gf, version=version))


# -- reading ------------------------------------------------------------------------
def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _lang(node) -> str:
    return (node.get(XML_LANG) or node.get("lang") or "").lower().replace("_", "-")


def _text(node) -> str:
    return "".join(node.itertext()).strip()


def _children(node, *names):
    return [c for c in node if _local(c.tag) in names]


def _term_info(term_container) -> tuple[str, dict[str, str], int]:
    """(term text, {termNote type: value}, line) for a tig/ntig/termSec."""
    term = None
    notes: dict[str, str] = {}
    for d in term_container.iter():
        name = _local(d.tag)
        if name == "term" and term is None:
            term = d
        elif name == "termNote" and d.get("type"):
            notes[d.get("type")] = _text(d)
        elif name == "admin" and d.get("type") == "administrativeStatus":
            notes["administrativeStatus"] = _text(d)
    if term is None:
        return "", notes, term_container.sourceline or 0
    return _text(term), notes, term.sourceline or 0


def read_tbx(
    path: str | Path, *, lenient: bool = False, source_lang: str = "es", target_lang: str = "en"
) -> GlossaryFile:
    from lxml import etree

    path = Path(path)
    data = read_bytes(path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line = err.lineno if err.lineno else None
        msg = (err.msg or str(err)).split(", line ")[0]
        raise InputError(f"not well-formed TBX: {msg}", path, line) from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(f"not a TBX file: root element is <{_local(root.tag)}>, expected <martif> or <tbx>", path, root.sourceline)

    gf = GlossaryFile(path, columns=["es", "en"])
    for p in root.iter():
        if _local(p.tag) == "p" and p.text and p.text.startswith(PREFIX):
            key, _, value = p.text[len(PREFIX):].partition("=")
            if key == "columns":
                gf.columns = [c for c in value.split(",") if c in COLUMNS] or ["es", "en"]
            elif key == "preamble":
                gf.preamble.append(value)
            elif key == "footer":
                gf.footer.append(value)

    src, tgt = source_lang.lower(), target_lang.lower()
    for entry in root.iter():
        if _local(entry.tag) not in ("termEntry", "conceptEntry"):
            continue
        line = entry.sourceline or 0
        row = {k: "" for k in COLUMNS}
        comments: list[str] = []
        notes: list[str] = []
        extra_en: list[str] = []
        es_terms: list[tuple[str, dict]] = []
        en_terms: list[tuple[str, dict]] = []
        pos_override = None

        def collect_meta(node):
            nonlocal pos_override
            for c in node:
                name = _local(c.tag)
                if name == "descripGrp":
                    collect_meta(c)
                elif name == "descrip" and c.get("type") == "subjectField":
                    row["domain"] = row["domain"] or _text(c)
                elif name == "note":
                    t = _text(c)
                    if t.startswith(PREFIX):
                        key, _, value = t[len(PREFIX):].partition("=")
                        if key == "comment":
                            comments.append(value)
                        elif key == "case":
                            row["case"] = value
                        elif key == "pos":
                            pos_override = value
                    elif t:
                        notes.append(t)

        collect_meta(entry)
        for lang_node in _children(entry, "langSet", "langSec"):
            lang = _lang(lang_node)
            collect_meta(lang_node)
            primary = lang.split("-")[0]
            for container in _children(lang_node, "tig", "ntig", "termSec"):
                text, tnotes, _tline = _term_info(container)
                if not text:
                    continue
                if primary == src:
                    es_terms.append((text, tnotes))
                elif primary == tgt:
                    status = tnotes.get("administrativeStatus", "").lower()
                    if status.startswith("deprecated"):
                        continue
                    en_terms.append((text, tnotes))
        if not es_terms or not en_terms:
            missing = source_lang if not es_terms else target_lang
            gf.warnings.append(f"{path}:{line}: skipped: entry has no '{missing}' term")
            continue
        main = next((t for t in es_terms if t[1].get("termType", "").lower() != "variant"), es_terms[0])
        row["es"] = main[0]
        row["es_variants"] = "|".join(t[0] for t in es_terms if t is not main)
        pos = _pos_from_tbx(main[1].get("partOfSpeech"), main[1].get("termType"))
        row["pos"] = pos_override if pos_override is not None else pos
        singular = [t for t in en_terms if t[1].get("grammaticalNumber", "").lower() != "plural"]
        plural = [t for t in en_terms if t[1].get("grammaticalNumber", "").lower() == "plural"]
        if not singular:
            singular, plural = plural[:1], plural[1:]
        row["en"] = singular[0][0]
        row["en_plural"] = plural[0][0] if plural else ""
        extra_en = [t[0] for t in singular[1:]] + [t[0] for t in plural[1:]]
        if extra_en:
            notes.append("other English: " + "; ".join(extra_en))
        row["note"] = "; ".join(notes)
        try:
            gf.entries.append(entry_from_row(row, path=path, line=line, comments=tuple(comments)))
        except RowError as err:
            if not lenient:
                raise InputError(str(err), path, line) from None
            gf.warnings.append(f"{path}:{line}: skipped: {err}")
    return gf

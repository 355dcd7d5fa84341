"""The parts of a .docx package, read straight from its ZIP (no python-docx tree).

Shared by the reader (pipeline.ingest.docx_reader) and the English copy writer
(pipeline.emit.docx_english), which must agree on every part's name and on where
each paragraph of a part is:

* :class:`Package` — the main document part (found through ``_rels/.rels``, so a
  renamed ``word/document2.xml`` is read too), each part's relationships, the
  story parts (headers, footers, footnotes, endnotes, comments) and Strict Open
  XML, whose WordprocessingML namespace is mapped to the transitional one on the
  way in (and back on the way out) so that one code path reads both.
* :func:`iter_units` — the children of a part's story container (``w:body`` of the
  document; the root of a header, footer, footnotes, endnotes or comments part),
  one at a time with lxml's iterparse, cleared once used: memory holds one
  top-level paragraph or table, not the part (a Strict part is mapped as it is
  read; the main part's head, not the part, tells Strict apart).
* :func:`paragraph_positions` — each ``w:p`` of a unit numbered in document order
  (pre-order) across the whole part: ``Block.attrs["position"]``.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Iterator

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"

#: Strict → transitional namespace URIs of what the reader and writer look inside.
_STRICT_MAP = ((W_STRICT.encode(), W.encode()), (R_STRICT.encode(), R.encode()))

#: The main part's content types that are a Word *document* (not a template or .docm).
DOCUMENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _map_strict(data: bytes) -> bytes:
    for a, b in _STRICT_MAP:
        data = data.replace(a, b)
    return data


class _StrictMapped:
    """A Strict part's bytes with its namespaces mapped, read a chunk at a time (the
    part is never held whole). Each chunk is cut after its last ``>``: a namespace
    URI holds none, so no URI straddles a cut."""

    def __init__(self, fh):
        self.fh, self.pending, self.out, self.at = fh, b"", b"", 0

    def read(self, size: int = -1) -> bytes:
        while self.fh is not None and (size < 0 or len(self.out) - self.at < size):
            chunk = self.fh.read(1 << 16)
            data = self.pending + chunk
            if not chunk:
                cut = len(data)
                self.close()
            else:
                cut = data.rfind(b">") + 1
            self.out = self.out[self.at:] + _map_strict(data[:cut])
            self.pending, self.at = data[cut:], 0
        end = len(self.out) if size < 0 else min(self.at + size, len(self.out))
        got, self.at = self.out[self.at:end], end
        return got

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None


@dataclass
class Rel:
    id: str
    type: str  # the relationship type's last path piece: "header", "footnotes", "hyperlink"…
    target: str  # the part name inside the ZIP, or the external URL
    external: bool = False


@dataclass
class StoryPart:
    name: str  # ZIP member name, e.g. "word/header2.xml"
    story: str  # "body" | "header" | "footer" | "footnote" | "endnote" | "comment"
    label: str = ""  # "Header", "First-page header", "Even-page footer (section 2)"…


@dataclass
class Package:
    zf: zipfile.ZipFile
    main: str  # the main document part, "word/document.xml" as a rule
    main_type: str  # its content type
    strict: bool = False
    names: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, zf: zipfile.ZipFile) -> "Package":
        """Find the main part; raise KeyError/ValueError (the caller words them) when
        the package has none or it is not a Word document."""
        names = set(zf.namelist())
        from lxml import etree

        root = etree.fromstring(zf.read("_rels/.rels"))
        main = None
        strict = False
        for rel in root.findall(f"{{{PR}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                main = rel.get("Target", "").lstrip("/")
                strict = rel.get("Type", "").startswith("http://purl.oclc.org/")
                break
        if main is None or main not in names:
            raise KeyError("no main document part")
        ct = etree.fromstring(zf.read("[Content_Types].xml"))
        main_type = ""
        for over in ct.findall(f"{{{CT}}}Override"):
            if over.get("PartName", "").lstrip("/") == main:
                main_type = over.get("ContentType", "")
        if not main_type:
            ext = main.rsplit(".", 1)[-1]
            for d in ct.findall(f"{{{CT}}}Default"):
                if d.get("Extension", "").lower() == ext.lower():
                    main_type = d.get("ContentType", "")
        with zf.open(main) as fh:  # the head only: the part may inflate to many MB
            head = fh.read(2000)
        strict = strict or W_STRICT.encode() in head
        return cls(zf, main, main_type, strict, names)

    # -------------------------------------------------------------- bytes

    def read(self, name: str) -> bytes:
        """A part's bytes, Strict namespaces mapped to transitional ones."""
        data = self.zf.read(name)
        return _map_strict(data) if self.strict else data

    def unmap(self, data: bytes) -> bytes:
        """The writer's bytes back into the package's own (Strict) namespaces."""
        if self.strict:
            for a, b in _STRICT_MAP:
                data = data.replace(b, a)
        return data

    def stream(self, name: str):
        """A part as a file object for iterparse (a Strict part mapped as it is read)."""
        if self.strict:
            return _StrictMapped(self.zf.open(name))
        return self.zf.open(name)

    def parse(self, name: str):
        from lxml import etree

        return etree.fromstring(self.read(name), parser=etree.XMLParser(huge_tree=False, resolve_entities=False))

    # -------------------------------------------------------------- relationships

    def rels(self, part: str) -> dict[str, Rel]:
        base, leaf = posixpath.split(part)
        name = posixpath.join(base, "_rels", leaf + ".rels")
        if name not in self.names:
            return {}
        from lxml import etree

        out = {}
        for rel in etree.fromstring(self.zf.read(name)).findall(f"{{{PR}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            out[rel.get("Id", "")] = Rel(rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], target, external)
        return out

    def related(self, kind: str) -> list[str]:
        """The main part's related parts of one type ("styles", "footnotes"…) that exist."""
        return [r.target for r in self.rels(self.main).values() if r.type == kind and not r.external and r.target in self.names]


_CONTAINERS = {w("body"), w("hdr"), w("ftr"), w("footnotes"), w("endnotes"), w("comments")}


def iter_units(source) -> Iterator[tuple[object, object]]:
    """(container, unit) for each child of a part's story container, in order.

    ``container`` is ``w:body`` for the main part, else the part's root. Each unit is
    a complete element (its subtree parsed); the caller may change it; once the
    caller asks for the next, it is removed from the tree, so memory stays about one
    unit deep. Anything after the container's children (nothing, in Word's parts) is
    not yielded."""
    from lxml import etree

    events = etree.iterparse(source, events=("start", "end"), huge_tree=False, resolve_entities=False,
                             remove_comments=False)
    container = None
    depth = 0
    container_depth = None
    for event, el in events:
        if event == "start":
            depth += 1
            if container is None and el.tag in _CONTAINERS:
                container, container_depth = el, depth
            continue
        depth -= 1
        if container is not None and depth == container_depth and el.getparent() is container:
            yield container, el
            container.remove(el)


def paragraph_positions(unit, start: int) -> tuple[dict[int, int], int]:
    """{w:p element: its position in the part} for the unit's paragraphs, counting
    on from ``start`` in document order; and the next free position."""
    pos: dict = {}
    n = start
    for p in unit.iter(w("p")):
        pos[p] = n  # keyed by the element: the dict keeps its lxml proxy alive
        n += 1
    return pos, n

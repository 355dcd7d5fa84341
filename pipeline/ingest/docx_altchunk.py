"""Embedded documents of a .docx (``w:altChunk``): an HTML or plain-text part that Word
imports in place when it opens the file (mail merges, web-built documents).

Its paragraphs become blocks where the ``w:altChunk`` stands, labelled "Embedded
document" (``attrs["story"]`` "altchunk", ``attrs["embedded"]`` the part's name). They
have no ``attrs["part"]``: the English copy (emit/docx_english.py) leaves the embedded
part as it is, and the reader's notice says so. Other content types (MHTML, RTF, a
nested .docx) are not read: a notice says which part was left untranslated.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

from ..errors import InputError
from ..model import Block, BlockKind

LABEL = "Embedded document"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)

#: HTML elements whose text is one paragraph (the innermost such element wins).
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "blockquote", "pre",
           "div", "caption", "figcaption", "address", "section", "article"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def content_type(package, name: str) -> str:
    """A part's content type from ``[Content_Types].xml`` (Override, else Default by extension)."""
    from lxml import etree

    root = etree.fromstring(package.zf.read("[Content_Types].xml"))
    for over in root.findall(f"{_CT}Override"):
        if over.get("PartName", "").lstrip("/") == name:
            return over.get("ContentType", "").lower()
    ext = posixpath.splitext(name)[1].lstrip(".").lower()
    for d in root.findall(f"{_CT}Default"):
        if d.get("Extension", "").lower() == ext:
            return d.get("ContentType", "").lower()
    return ""


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _html_paragraphs(data: bytes) -> list[str]:
    import lxml.html

    root = lxml.html.document_fromstring(data)
    for el in list(root.iter(*_SKIP)):
        el.drop_tree()
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        inner = [c for c in el if isinstance(c.tag, str) and (c.tag in _BLOCKS or any(
            isinstance(d.tag, str) and d.tag in _BLOCKS for d in c.iterdescendants()))]
        if tag in _BLOCKS and not inner:
            text = _clean(el.text_content())
            if text:
                out.append(text)
            return
        # text of this element outside its block children (loose text in <body>, a <div>)
        loose = [el.text or ""]
        for c in el:
            if c in inner:
                if _clean("".join(loose)):
                    out.append(_clean("".join(loose)))
                loose = []
                walk(c)
            else:
                loose.append(c.text_content() if isinstance(c.tag, str) else "")
            loose.append(c.tail or "")
        if _clean("".join(loose)):
            out.append(_clean("".join(loose)))

    body = root.find("body")
    walk(body if body is not None else root)
    return out


def _text_paragraphs(data: bytes, name: str) -> list[str]:
    from .encoding import decode_bytes

    text, _ = decode_bytes(data, name)
    return [p for p in (_clean(chunk) for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))) if p]


def alt_chunk_blocks(package, name: str) -> tuple[list[Block], str]:
    """The blocks of the embedded part ``name`` and the notice to give about it."""
    if name not in package.names:
        return [], f"an embedded document ({name}, w:altChunk) is missing from the package: nothing to read"
    ctype = content_type(package, name).split(";")[0].strip()
    try:
        if ctype in HTML_TYPES:
            paragraphs = _html_paragraphs(package.zf.read(name))
        elif ctype in TEXT_TYPES:
            paragraphs = _text_paragraphs(package.zf.read(name), name)
        else:
            return [], (f"an embedded document ({name}, {ctype or 'unknown type'}, w:altChunk) is not read: "
                        "left untranslated")
    except (ValueError, UnicodeDecodeError, InputError) as err:  # lxml.html: empty or unparsable document
        return [], f"an embedded document ({name}, w:altChunk) could not be read ({err}): left untranslated"
    blocks = [Block(BlockKind.PARAGRAPH, text, attrs={"story": "altchunk", "label": LABEL, "embedded": name,
                                                     "style": ""}) for text in paragraphs]
    if not blocks:
        return [], f"an embedded document ({name}, w:altChunk) holds no text"
    return blocks, (f"an embedded document ({name}, w:altChunk) was translated in the bilingual outputs and en.md; "
                    "the English .docx keeps it in Spanish")

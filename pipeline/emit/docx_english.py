"""The English copy of a .docx source: OUT/<stem>.en.docx.

The source package is copied member by member; every member is kept byte for byte
(images, styles, numbering, sections, relationships, custom XML…) except:

* the story parts that hold translated blocks (word/document.xml, headers, footers,
  footnotes, endnotes, comments): streamed one top-level paragraph or table at a
  time (pipeline.ingest.docx_package.iter_units), each translated paragraph's runs
  replaced by its English, the inline codes written back where the English of the
  text they covered landed (Segment.target_spans): the source's run properties on
  the English words, hyperlinks, fields, footnote references, tabs, images,
  bookmarks. Paragraph properties are kept; the runs' language says en-US. The
  blocks are read once per rewritten part (``doc.blocks`` may be the run's
  BlockSpool) and met unit by unit in position order, so memory holds the current
  unit and its blocks, not the document. A VML
  text box that is the fallback of a DrawingML one gets the same English.
* docProps/core.xml: the English title, where the title was translated.
* styles.xml and settings.xml: a Spanish default language (``w:lang``,
  ``w:themeFontLang``) becomes en-US, so that Word checks the spelling as English.

Tracked changes are accepted in the rewritten paragraphs (as they were read). A
paragraph whose text the writer does not find as the reader saw it is left in
Spanish and named in the OutputError the writer raises (nothing is left
untranslated without a word). The file appears atomically (pipeline.atomic).
"""

from __future__ import annotations

import copy
import re
import shutil
import zipfile
from pathlib import Path
from typing import Iterator
from xml.sax.saxutils import escape

from ..errors import OutputError
from ..model import Block, Document, RunInfo, Span

_LANG = "en-US"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
#: rPr children that come after w:lang in the schema's sequence.
_AFTER_LANG = {"eastAsianLayout", "specVanish", "oMath", "rPrChange"}


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _w(tag: str) -> str:
    return _W + tag


# ---------------------------------------------------------------- one paragraph


def _english_rpr(rpr, p):
    """A copy of ``rpr`` (or a new rPr) whose language is English."""
    out = copy.deepcopy(rpr) if rpr is not None else p.makeelement(_w("rPr"), {})
    _set_lang(out)
    return out


def _set_lang(rpr) -> None:
    lang = rpr.find(_w("lang"))
    if lang is None:
        lang = rpr.makeelement(_w("lang"), {})
        after = next((c for c in rpr if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] in _AFTER_LANG), None)
        if after is not None:
            after.addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(_w("val"), _LANG)
    if (lang.get(_w("eastAsia")) or "").lower().startswith("es"):
        lang.set(_w("eastAsia"), _LANG)


def block_target(block: Block) -> tuple[str, list[Span]]:
    """The block's English and its inline codes, offsets into that English. Codes
    the segments do not place (a point between two sentences) go to the end of the
    sentence they followed."""
    from ..protect import land_codes

    text_parts: list[str] = []
    spans: list[Span] = []
    placed: set[str] = set()
    offset = 0
    cursor = 0
    bounds: list[tuple[int, int, int]] = []  # (source start, source end, target end)
    for seg in block.segments:
        codes = [s for s in seg.spans if s.inline_code] or seg.found.get("inline", [])
        if seg.target is not None and codes and not seg.target_spans:
            land_codes(seg, seg.target)  # English from the memory or a reviewer
        target = seg.target if seg.target is not None else seg.source
        own = seg.target_spans if seg.target is not None else codes
        for s in own:
            spans.append(Span(s.start + offset, s.end + offset, s.kind, s.text, attrs=s.attrs))
            placed.add(s.attrs["id"])
        start = block.text.find(seg.source, cursor)
        start = cursor if start < 0 else start
        cursor = start + len(seg.source)
        text_parts.append(target)
        offset += len(target)
        bounds.append((start, cursor, offset))
        offset += 1
    english = " ".join(text_parts)
    for code in block.spans:
        if code.inline_code and code.attrs["id"] not in placed:
            at = next((end for s, e, end in bounds if code.start <= e), len(english))
            if code.start == 0:
                at = 0
            spans.append(Span(at, at, code.kind, "", attrs=code.attrs))
    return english, spans


def rewrite_paragraph(p, para, english: str, spans: list[Span]) -> None:
    """Replace ``p``'s content (not its properties) by ``english`` with the codes of
    ``para`` (docx_paragraph.analyse of ``p``) where ``spans`` put them."""
    codes = {c.id: c for c in para.codes}
    where = {s.attrs["id"]: (s.start, s.end) for s in spans if s.attrs.get("id") in codes}
    if para.lead and english and any(s == 0 and codes[c].kind == "object" for c, (s, _) in where.items()):
        english = " " + english  # the space after a footnote's mark
        where = {c: (se if se[0] == 0 and codes[c].kind == "object" else (se[0] + 1, se[1] + 1))
                 for c, se in where.items()}
    n = len(english)
    base = para.base_rpr
    # Per character: the innermost formatting code, and the wrappers around it.
    fmt_at: list[object] = [None] * n
    fmt_len = [n + 1] * n
    wraps_at: list[tuple] = [()] * n
    wrap_codes = []
    for cid, (s, e) in where.items():
        c = codes[cid]
        if c.kind == "format":
            for i in range(max(0, s), min(e, n)):
                if e - s < fmt_len[i]:
                    fmt_at[i], fmt_len[i] = c, e - s
        elif c.kind == "wrap":
            wrap_codes.append((s, e, c))
    for s, e, c in sorted(wrap_codes, key=lambda x: (-(x[1] - x[0]), x[0])):  # outer first
        for i in range(max(0, s), min(e, n)):
            wraps_at[i] = wraps_at[i] + (c,)
    shared: dict[tuple, tuple] = {}  # one tuple object per chain: the loop below compares by identity
    wraps_at = [shared.setdefault(tuple(map(id, t)), t) for t in wraps_at]
    # Events before character k: field ends, points, field starts.
    events: dict[int, list] = {}
    skip: set[int] = set()
    for cid, (s, e) in sorted(where.items(), key=lambda kv: int(kv[0])):
        c = codes[cid]
        if c.kind == "field":
            events.setdefault(min(s, n), []).append((2, c.opening))
            events.setdefault(min(e, n), []).append((0, c.closing))
        elif c.kind == "object":
            k = min(s, n)
            pad = []
            if c.pad and 0 < k < n and english[k - 1] == " " and english[k] != " ":
                pad = [_space_run(p, base)]  # the source's space after it
            events.setdefault(k, []).append((1, [*c.opening, *pad]))
            if c.space:
                if k < n and english[k] == " ":
                    skip.add(k)
                elif k > 0 and english[k - 1] == " ":
                    skip.add(k - 1)
        elif c.kind == "wrap" and e <= s:  # a wrapper with no English text: kept empty
            events.setdefault(min(s, n), []).append((1, [_shell(c)]))

    ppr = p.find(_w("pPr"))
    for child in list(p):
        if child is not ppr:
            p.remove(child)
    if ppr is not None:
        mark = ppr.find(_w("rPr"))
        if mark is not None:
            _set_lang(mark)

    stack: list[tuple[object, object]] = [(None, p)]  # (wrap code, element children go into)
    run_state = {"r": None, "fmt": object(), "text": []}

    def flush() -> None:
        if run_state["r"] is not None and run_state["text"]:
            t = run_state["r"].makeelement(_w("t"), {})
            text = "".join(run_state["text"])
            t.text = text
            if text != text.strip():
                t.set(f"{{{_XML_NS}}}space", "preserve")
            run_state["r"].append(t)
            stack[-1][1].append(run_state["r"])
        run_state["r"], run_state["fmt"], run_state["text"] = None, object(), []

    def enter(chain: tuple) -> None:
        have = [c for c, _ in stack[1:]]
        common = 0
        while common < len(have) and common < len(chain) and have[common] is chain[common]:
            common += 1
        if common == len(have) and common == len(chain):
            return
        flush()
        del stack[1 + common:]
        for c in chain[common:]:
            shell, inner = _open_wrapper(c)
            stack[-1][1].append(shell)
            stack.append((c, inner))

    for k in range(n + 1):
        if k in events:
            before = wraps_at[k - 1] if k > 0 else ()
            after = wraps_at[k] if k < n else ()
            common = []
            for a, b in zip(before, after):
                if a is not b:
                    break
                common.append(a)
            # A field's end stays in the wrapper its text was in, its start goes into the
            # one its text is in (a TOC entry's PAGEREF inside its hyperlink); points
            # go where both sides agree.
            where_to = {0: before, 1: tuple(common), 2: after}
            flush()
            for kind, els in sorted(events[k], key=lambda ev: ev[0]):
                enter(where_to[kind])
                for el in els:
                    if el.tag == _w("r"):
                        rpr = el.find(_w("rPr"))
                        if rpr is not None:
                            _set_lang(rpr)
                    stack[-1][1].append(el)
        if k == n:
            break
        if k in skip:
            continue
        if k == 0 or k in events or wraps_at[k] is not wraps_at[k - 1]:
            enter(wraps_at[k])
        fmt = fmt_at[k]
        if run_state["r"] is None or run_state["fmt"] is not fmt:
            flush()
            r = p.makeelement(_w("r"), {})
            r.append(_english_rpr(fmt.rpr if fmt is not None else base, p))
            run_state["r"], run_state["fmt"] = r, fmt
        run_state["text"].append(english[k])
    flush()


def _space_run(p, rpr):
    r = p.makeelement(_w("r"), {})
    r.append(_english_rpr(rpr, p))
    t = r.makeelement(_w("t"), {f"{{{_XML_NS}}}space": "preserve"})
    t.text = " "
    r.append(t)
    return r


def _open_wrapper(code):
    """A new, empty copy of a hyperlink / simple field / content control, and the
    element the English runs go into."""
    src = code.wrapper
    shell = src.makeelement(src.tag, dict(src.attrib))
    if src.tag == _w("sdt"):
        for keep in ("sdtPr", "sdtEndPr"):
            el = src.find(_w(keep))
            if el is not None:
                shell.append(copy.deepcopy(el))
        inner = shell.makeelement(_w("sdtContent"), {})
        shell.append(inner)
        return shell, inner
    return shell, shell


def _shell(code):
    return _open_wrapper(code)[0]


# ---------------------------------------------------------------- one part

_DECL = re.compile(rb'\sxmlns(?::([\w.-]+))?="([^"]*)"')


def _start_tags(head: bytes, container_local: bytes):
    """(root qname, container qname, offset after the container's start tag, self-closed)."""
    root = re.search(rb"<(?![?!])([\w.-]+:)?([\w.-]+)\b[^>]*>", head)
    if root is None:
        return None
    if root.group(2) == container_local:
        cont = root
    else:
        cont = re.compile(rb"<([\w.-]+:)?" + re.escape(container_local) + rb"\b[^>]*>").search(head, root.end())
        if cont is None:
            return None
    rq = (root.group(1) or b"") + root.group(2)
    cq = (cont.group(1) or b"") + container_local
    return rq, cq, cont.end(), head[cont.end() - 2:cont.end()] == b"/>"


def _in_step(blocks: Iterator[Block]):
    """A part's blocks (in position order) met unit by unit: a function of a unit's
    ``{w:p: position}`` that returns ``{w:p: block}`` for the blocks it holds, taking
    them from ``blocks`` as the positions reach them, so that only the current unit's
    blocks are held. A block whose position no unit has is passed over (as a lookup
    by position would never find it)."""
    ahead = next(blocks, None)

    def take(positions: dict) -> dict:
        nonlocal ahead
        if not positions:
            return {}
        at = {pos: p for p, pos in positions.items()}
        last = max(at)
        todo: dict = {}
        while ahead is not None and int(ahead.attrs["position"]) <= last:
            p = at.get(int(ahead.attrs["position"]))
            if p is not None:
                todo[p] = ahead  # two blocks at one position: the later one, as a dict by position kept
            ahead = next(blocks, None)
        return todo

    return take


def _rewrite_part(package, name: str, blocks: Iterator[Block], styles, out, failures: list[str]) -> None:
    from lxml import etree

    from ..ingest.docx_package import MC, iter_units, paragraph_positions
    from ..ingest.docx_paragraph import analyse

    tags = None
    with package.zf.open(name) as fh:
        head = b""
        while tags is None:
            chunk = fh.read(1 << 16)
            head += chunk
            root = re.search(rb"<(?![?!])([\w.-]+:)?([\w.-]+)\b", head)
            if root is not None:
                tags = _start_tags(head, b"body" if name == package.main else root.group(2))
            if not chunk:
                break
    if tags is None or tags[3]:  # no container, or an empty one: nothing to rewrite
        with package.zf.open(name) as src:
            shutil.copyfileobj(src, out)
        return
    root_q, cont_q, cut, _ = tags
    out.write(head[:cut])
    declared = set(_DECL.findall(head[:cut]))

    start = 0
    blocks_of = _in_step(blocks)
    for _, unit in iter_units(package.stream(name)):
        positions, start = paragraph_positions(unit, start)
        todo = blocks_of(positions)
        if todo:
            _mirror_fallbacks(unit, todo, styles, MC)
            for p in reversed(list(positions)):  # innermost first: a text box before its anchor
                block = todo.get(p)
                if block is None:
                    continue
                para = analyse(p, styles)
                if para.text != block.text:
                    failures.append(block.attrs.get("label") or f"paragraph {block.attrs.get('position')}")
                    continue
                english, spans = block_target(block)
                rewrite_paragraph(p, para, english, spans)
        data = _english_defaults(package.unmap(etree.tostring(unit, encoding="utf-8")))
        # The unit's namespaces are declared on the part's root already.
        end = data.find(b">")
        tag = _DECL.sub(lambda m: b"" if (m.group(1) or b"", m.group(2)) in declared else m.group(0), data[:end])
        out.write(tag + data[end:])
    if cont_q != root_q:
        out.write(b"</" + cont_q + b">")
    out.write(b"</" + root_q + b">")


def _mirror_fallbacks(unit, todo: dict, styles, mc: str) -> None:
    """A VML fallback's paragraphs get the English of the DrawingML choice's paragraph
    with the same text (the reader reads one of the two: translate once, write both)."""
    from ..ingest.docx_paragraph import analyse

    for alt in unit.iter(f"{{{mc}}}AlternateContent"):
        choice, fallback = alt.find(f"{{{mc}}}Choice"), alt.find(f"{{{mc}}}Fallback")
        if choice is None or fallback is None:
            continue
        by_text = {todo[p].text: todo[p] for p in choice.iter(_w("p")) if p in todo}
        if not by_text:
            continue
        for p in fallback.iter(_w("p")):
            if p not in todo:
                block = by_text.get(analyse(p, styles).text)
                if block is not None:
                    todo[p] = block


# ---------------------------------------------------------------- the package


class _PartBlocks:
    """The blocks of each story part, for the part's rewrite, without holding the
    document: ``blocks`` (``doc.blocks``, which may be the run's BlockSpool, read
    from its file again at each pass) are gone through once here for the parts to
    rewrite, the title and each part's last block; the blocks of the small parts
    (headers, footers, a few notes: at most HOLD segments together) are kept from
    that pass, and a larger part (the body) is read again in its turn, up to its
    last block. The reader hands out a part's blocks in position order; a part
    whose blocks come otherwise is sorted (held whole)."""

    HOLD = 2000

    def __init__(self, blocks):
        self.blocks = blocks
        self.last: dict[str, int] = {}  # part → the position of its last block
        self.end: dict[str, int] = {}  # part → the index of its last block in ``blocks``
        self.unordered: set[str] = set()
        self.title: Block | None = None
        self.held: dict[str, list[Block]] = {}
        counts: dict[str, int] = {}  # segments held, per part
        too_many: set[str] = set()
        for index, block in enumerate(blocks):
            part = block.attrs.get("part")
            if part is None or not block.translatable:
                continue
            if block.attrs.get("story") == "title":
                self.title = block
                continue
            position = int(block.attrs["position"])
            if position < self.last.get(part, -1):
                self.unordered.add(part)
            self.last[part], self.end[part] = position, index
            if part in too_many:
                continue
            self.held.setdefault(part, []).append(block)
            counts[part] = counts.get(part, 0) + len(block.segments)
            while sum(counts.values()) > self.HOLD:  # let the largest go: read again in its turn
                largest = max(counts, key=counts.get)
                too_many.add(largest)
                del self.held[largest], counts[largest]

    def of(self, name: str) -> Iterator[Block]:
        """The part's blocks, in position order."""
        chosen = iter(self.held.pop(name)) if name in self.held else self._again(name)
        if name not in self.unordered:
            return chosen
        by_position = {int(b.attrs["position"]): b for b in chosen}  # the later of two at one position
        return iter(sorted(by_position.values(), key=lambda b: int(b.attrs["position"])))

    def _again(self, name: str) -> Iterator[Block]:
        end = self.end.get(name, -1)
        for index, block in enumerate(self.blocks):
            if index > end:
                break
            if (block.attrs.get("part") == name and block.translatable
                    and block.attrs.get("story") != "title"):
                yield block


_LANG_ATTR = re.compile(rb'(<[\w.-]*:?(?:lang|themeFontLang)\b[^>]*?:(?:val|eastAsia)=")es(?:-[A-Za-z0-9]+)?(")')


def _english_defaults(data: bytes) -> bytes:
    return _LANG_ATTR.sub(rb"\1" + _LANG.encode() + rb"\2", data)


def _english_title(data: bytes, title: str) -> bytes:
    pattern = re.compile(rb"(<([\w.-]+:)?title\b[^>]*>)(.*?)(</([\w.-]+:)?title>)", re.DOTALL)
    return pattern.sub(lambda m: m.group(1) + escape(title).encode("utf-8") + m.group(4), data, count=1)


def write_english_docx(doc: Document, path: Path, run: RunInfo | None = None) -> Path:
    """Write the English copy of ``doc`` (read from ``doc.path``, a .docx) to ``path``."""
    from ..atomic import atomic_path
    from ..ingest.docx_package import Package
    from ..ingest.docx_paragraph import Styles

    if doc.format != "docx":
        raise OutputError("an English .docx copy is made from a .docx source only", path)
    blocks = _PartBlocks(doc.blocks)
    parts, title = blocks.last, blocks.title
    failures: list[str] = []
    path = Path(path)
    try:
        zin = zipfile.ZipFile(doc.path)
    except (OSError, zipfile.BadZipFile) as err:
        raise OutputError(f"cannot read the source again: {err}", doc.path) from None
    with zin:
        package = Package.open(zin)
        style_parts = package.related("styles")
        styles = Styles(package.parse(style_parts[0]) if style_parts else None)
        settings = set(package.related("settings")) | set(style_parts)
        story_parts = {package.main, *(r.target for r in package.rels(package.main).values()
                                       if r.type in ("header", "footer", "footnotes", "endnotes", "comments"))}
        with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                name = info.filename
                item = zipfile.ZipInfo(name, date_time=info.date_time)
                item.compress_type, item.external_attr = info.compress_type, info.external_attr
                if name in parts:
                    with zout.open(item, "w", force_zip64=True) as out:
                        _rewrite_part(package, name, blocks.of(name), styles, out, failures)
                elif title is not None and name == title.attrs["part"]:
                    zout.writestr(item, _english_title(zin.read(name), title.target))
                elif name in settings or name in story_parts:
                    zout.writestr(item, _english_defaults(zin.read(name)))
                else:
                    with zin.open(info) as src, zout.open(item, "w", force_zip64=True) as out:
                        shutil.copyfileobj(src, out, 1 << 20)
            if failures:
                shown = ", ".join(failures[:5]) + (f" and {len(failures) - 5} more" if len(failures) > 5 else "")
                raise OutputError(f"{len(failures)} unit(s) could not be written back in English ({shown})", path)
    return path

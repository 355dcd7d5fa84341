"""Markdown reader (.md, .markdown), on markdown-it-py (CommonMark + GFM tables
and strikethrough).

Blocks, in reading order (``attrs["line"]`` is the 1-based source line):

* ATX and setext headings → HEADING (``level`` 1–6, ``attrs["syntax"]`` "atx"/"setext").
* Paragraphs → PARAGRAPH. Inside a block quote they carry ``attrs["blockquote"]``
  (the quote depth); so do headings and list items there.
* List items → LIST_ITEM for the item's first paragraph: ``level`` is the nesting
  depth (1 = top level), ``attrs["marker"]`` the marker as written ("-", "*",
  "1.", "3)"); ``attrs["ordered"]``. Further paragraphs of the same item are
  PARAGRAPHs with ``attrs["list_level"]``; an empty item is an empty LIST_ITEM.
* Fenced code → CODE (``attrs["fence"]``, ``attrs["info"]``), indented code → CODE
  (``attrs["indented"]``); text is the code without fences. Never translated.
* YAML (``---``) / TOML (``+++``) front matter → FRONT_MATTER (text without the
  delimiters, ``attrs["format"]``, ``attrs["delimiter"]``); its scalar ``title``,
  ``date`` and ``author`` keys are copied into ``Document.metadata``.
* Raw HTML blocks → RAW (``attrs["html"]``); thematic breaks → RAW
  (``attrs["thematic_break"]``); lines markdown-it produces no token for (link
  reference definitions) → RAW (``attrs["unparsed"]``), so nothing is lost.
* Tables: the cells are translated. Each cell is a PARAGRAPH with
  ``attrs["table"]`` (index of the table in the document, from 0),
  ``attrs["row"]``/``attrs["col"]`` (from 0; row 0 is the header row),
  ``attrs["header"]`` and ``attrs["align"]`` ("left"/"center"/"right"/None). Empty
  cells are kept as empty (untranslatable) paragraphs so a writer can rebuild the
  grid. A cell's text has its backslash-escaped pipes resolved to ``|`` (as markdown-it
  gives it); a writer escapes pipes again. The same table attrs are used by the
  DOCX reader.
* Not kept: hard line breaks inside a paragraph (lines are joined), and link
  reference definitions nested inside a list item or block quote (top-level ones
  are RAW blocks).

``Block.text`` is the block's inline source with inline markup kept and the block
syntax removed; the lines of a paragraph are joined with single spaces (so a hard
line break inside a paragraph is not preserved).

Inline spans (``Block.spans``, offsets into ``Block.text``):

* ```x``` → ``kind="code"``, bare URLs / ``www.`` / e-mail addresses and
  ``<autolinks>`` → ``kind="url"``, inline HTML tags → ``kind="html"``: each with
  ``target`` = the source verbatim (never translated).
* ``*x*``/``_x_`` → "emphasis", ``**x**`` → "strong", ``~~x~~`` →
  "strikethrough", ``[x](…)``/``[x][ref]``/``[x]`` → "link", ``![alt](…)`` →
  "image": paired spans covering the whole construct, ``target=None``,
  ``attrs["open"]``/``attrs["close"]`` the delimiters as written (for links the
  close is e.g. ``"](https://x.org/a)"``; ``attrs["href"]``/``attrs["src"]`` hold
  the destination), so ``text[start+len(open):end-len(close)]`` is the inner
  text to translate.
* ``word[^1]`` → "footnote", a paired span over the word with ``open`` "" and
  ``close`` the reference (the reference stays on the word's English); a reference
  not glued to a word and a footnote's opening ``[^1]:`` → "footnote" with
  ``target`` = the source verbatim. The footnote's text (``[^1]: …``) is a paragraph
  like any other: CommonMark has no footnotes, so nothing else changes.
* Nesting: spans never cross. A span may lie inside a paired span's inner text
  (``**usa `pip`**``, ``[ver https://x.org](https://x.org)``, links inside
  emphasis); no other overlap occurs. Spans are sorted by start, outer first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.ingest.encoding import read_text_file
from pipeline.model import Block, BlockKind, Document, Span


@lru_cache(maxsize=1)
def parser():
    from markdown_it import MarkdownIt

    # text_join would merge escapes/entities into plain text and lose where they came from.
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


# ---------------------------------------------------------------- front matter

_FM_OPEN = {"---": ("---", "..."), "+++": ("+++",)}
_YAML_LINE = re.compile(r"^(#.*|[\w\"'][^:]*:(\s.*)?|-\s.*|\s+.*|)$")
_TOML_LINE = re.compile(r"^(#.*|[\w\"'.-]+\s*=.*|\[.*\]|\s+.*|)$")
_SCALAR_KEY = re.compile(r"^(title|date|author)\s*[:=]\s*(.+?)\s*$")


def split_front_matter(text: str) -> tuple[str, str, str, int] | None:
    """``(format, delimiter, content, lines used)`` when the text starts with front matter."""
    lines = text.split("\n")
    opener = lines[0].rstrip()
    if opener not in _FM_OPEN:
        return None
    fmt, line_re = ("yaml", _YAML_LINE) if opener == "---" else ("toml", _TOML_LINE)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in _FM_OPEN[opener]:
            body = lines[1:i]
            if not any(b.strip() for b in body) or not all(line_re.match(b) for b in body):
                return None
            return fmt, opener, "\n".join(body), i + 1
    return None


def _front_matter_metadata(content: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in content.split("\n"):
        m = _SCALAR_KEY.match(line)
        if m and not m.group(2).startswith(("[", "{", "|", ">")):
            meta[m.group(1)] = m.group(2).strip("\"'")
    return meta


# ---------------------------------------------------------------- inline spans

_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"“”«»]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_TRAILING = ".,;:!?'\"…»”’*_"


def _trim_url(url: str) -> str:
    while url:
        c = url[-1]
        if c in _TRAILING:
            url = url[:-1]
        elif c == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        elif c == "]" and url.count("]") > url.count("["):
            url = url[:-1]
        else:
            break
    return url


def find_bare_urls(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """URL / e-mail spans in ``text[start:end]`` (offsets into ``text``)."""
    out = []
    for m in _URL.finditer(text, start, len(text) if end is None else end):
        url = _trim_url(m.group())
        if len(url) < 5:
            continue
        out.append(Span(m.start(), m.start() + len(url), "url", url, target=url))
    return out


#: ``[^label]``: a footnote reference (GFM, pandoc), optionally glued to the word before
#: (and that word's closing punctuation); ``[^label]:`` at a block's start: a footnote's text.
_FOOTNOTE = re.compile(r"(\w[\w'’-]*[.,;:!?)»”\"]*)?\[\^[^\]\s]+\](:)?")


def find_footnotes(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Footnote spans in ``text[start:end]``: a reference glued to a word is a paired
    span over the word (``open`` "", ``close`` the reference), so the reference follows
    that word's English wherever the engine puts it; a reference alone, and the
    ``[^label]:`` that opens a footnote's text, are verbatim."""
    out = []
    for m in _FOOTNOTE.finditer(text, start, len(text) if end is None else end):
        ref_start = m.start(1) + len(m.group(1)) if m.group(1) else m.start()
        ref = text[ref_start:m.end()]
        if m.group(2) and m.start() != 0:  # "x[^1]:" mid-text: the colon is the sentence's
            ref = ref[:-1]
        if m.group(1) and not (m.group(2) and m.start() == 0):
            out.append(Span(m.start(), ref_start + len(ref), "footnote", text[m.start():ref_start + len(ref)],
                            attrs={"open": "", "close": ref}))
        else:
            out.append(Span(ref_start, ref_start + len(ref), "footnote", ref, target=ref))
    return out


class _Mismatch(Exception):
    pass


def _find(text: str, needle: str, cur: int) -> int:
    pos = text.find(needle, cur)
    if pos < 0 or (needle and text[cur:pos].strip()):
        raise _Mismatch(needle)
    return pos


def _matching_bracket(text: str, i: int) -> int:
    """Index of the ``]`` closing the ``[`` at ``i`` (escapes and code spans skipped)."""
    depth = 0
    k = i
    while k < len(text):
        c = text[k]
        if c == "\\":
            k += 2
            continue
        if c == "`":
            run = len(text[k:]) - len(text[k:].lstrip("`"))
            close = re.compile(r"(?<!`)" + "`" * run + r"(?!`)").search(text, k + run)
            k = close.end() if close else k + run
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return k
        k += 1
    raise _Mismatch("]")


def _link_tail(text: str, i: int) -> int:
    """End of a link/image's closing part, given ``text[i] == "]"``."""
    j = i + 1
    if text.startswith("(", j):
        k, depth, quote = j, 0, None
        while k < len(text):
            c = text[k]
            if c == "\\":
                k += 2
                continue
            if quote:
                if c == quote:
                    quote = None
            elif c == "<" and text[j + 1 : k].strip() == "":
                gt = text.find(">", k)
                k = gt if gt > 0 else k
            elif c in "\"'" and text[k - 1] in " \t":
                quote = c
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        raise _Mismatch(")")
    if text.startswith("[", j):
        close = text.find("]", j)
        if close < 0:
            raise _Mismatch("]")
        return close + 1
    return j


_PAIRED_KINDS = {"em": "emphasis", "strong": "strong", "s": "strikethrough"}


def _walk(text: str, env: dict) -> list[Span]:
    tokens = parser().parseInline(text, env)[0].children or []
    spans: list[Span] = []
    plain: list[tuple[int, int]] = []
    stack: list[tuple[str, int, str, dict]] = []
    cur = 0
    i = 0
    while i < len(tokens):
        t = tokens[i]
        typ = t.type
        if typ == "text":
            pos = _find(text, t.content, cur)
            if plain and plain[-1][1] == pos:
                plain[-1] = (plain[-1][0], pos + len(t.content))
            else:
                plain.append((pos, pos + len(t.content)))
            cur = pos + len(t.content)
        elif typ == "text_special":
            src = t.markup or t.content
            cur = _find(text, src, cur) + len(src)
        elif typ in ("softbreak", "hardbreak"):
            while cur < len(text) and text[cur] in " \t\\\n":
                cur += 1
        elif typ == "code_inline":
            pos = _find(text, t.markup, cur)
            n = len(t.markup)
            close = re.compile(r"(?<!`)" + "`" * n + r"(?!`)").search(text, pos + n)
            if not close:
                raise _Mismatch("`")
            src = text[pos : close.end()]
            spans.append(Span(pos, close.end(), "code", src, target=src))
            cur = close.end()
        elif typ.endswith("_open") and typ[:-5] in _PAIRED_KINDS:
            pos = _find(text, t.markup, cur)
            stack.append((_PAIRED_KINDS[typ[:-5]], pos, t.markup, {}))
            cur = pos + len(t.markup)
        elif typ.endswith("_close") and typ[:-6] in _PAIRED_KINDS:
            pos = _find(text, t.markup, cur)
            kind, start, opening, extra = stack.pop()
            end = pos + len(t.markup)
            spans.append(Span(start, end, kind, text[start:end], attrs={"open": opening, "close": t.markup}))
            cur = end
        elif typ == "link_open" and t.markup == "autolink":
            pos = _find(text, "<", cur)
            end = text.find(">", pos) + 1
            if end <= 0:
                raise _Mismatch(">")
            src = text[pos:end]
            spans.append(Span(pos, end, "url", src, target=src, attrs={"href": t.attrs.get("href")}))
            cur = end
            while i < len(tokens) and tokens[i].type != "link_close":
                i += 1
        elif typ == "link_open":
            pos = _find(text, "[", cur)
            stack.append(("link", pos, "[", {"href": t.attrs.get("href")}))
            cur = pos + 1
        elif typ == "link_close":
            kind, start, opening, extra = stack.pop()
            close_start = _find(text, "]", cur)
            end = _link_tail(text, close_start)
            attrs: dict[str, Any] = {"open": opening, "close": text[close_start:end], **extra}
            spans.append(Span(start, end, kind, text[start:end], attrs=attrs))
            cur = end
        elif typ == "image":
            pos = _find(text, "![", cur)
            label_end = _matching_bracket(text, pos + 1)
            end = _link_tail(text, label_end)
            attrs = {"open": "![", "close": text[label_end:end], "src": t.attrs.get("src")}
            spans.append(Span(pos, end, "image", text[pos:end], attrs=attrs))
            for s in _walk(text[pos + 2 : label_end], env):
                spans.append(Span(s.start + pos + 2, s.end + pos + 2, s.kind, s.text, s.target, s.value, s.attrs))
            cur = end
        elif typ == "html_inline":
            pos = _find(text, t.content, cur)
            end = pos + len(t.content)
            spans.append(Span(pos, end, "html", t.content, target=t.content))
            cur = end
        else:  # an inline rule this reader does not know: keep going, spans stay valid
            pass
        i += 1
    for start, end in plain:
        spans.extend(find_bare_urls(text, start, end))
        spans.extend(find_footnotes(text, start, end))
    return spans


def inline_spans(text: str, env: dict | None = None) -> list[Span]:
    """The inline spans of one block's text (see the module docstring)."""
    try:
        spans = _walk(text, env if env is not None else {})
    except (_Mismatch, IndexError):
        # The source could not be lined up with markdown-it's tokens: fall back to
        # what is safe to find without it.
        spans = find_bare_urls(text)
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


# ---------------------------------------------------------------- blocks

_LINE_JOIN = re.compile(r"[ \t]*\n[ \t]*")
_ALIGN = re.compile(r"text-align:\s*(\w+)")


def _join(content: str) -> str:
    return _LINE_JOIN.sub(" ", content.strip())


def _blocks(tokens: list, lines: list[str], offset: int, env: dict) -> list[Block]:
    blocks: list[Block] = []
    quote_depth = 0
    lists: list[dict] = []  # {"ordered": bool}
    items: list[dict] = []  # {"marker": str, "started": bool, "line": int}
    covered = 0
    table_index = -1
    i = 0

    def line_of(tok) -> int:
        return (tok.map[0] if tok.map else 0) + 1 + offset

    def container_attrs(attrs: dict) -> dict:
        if quote_depth:
            attrs["blockquote"] = quote_depth
        return attrs

    def add(kind: BlockKind, text: str, level: int = 0, attrs: dict | None = None, spans: bool = True) -> Block:
        attrs = container_attrs(attrs or {})
        block = Block(kind, text, level=level, attrs=attrs)
        if spans and kind in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and text:
            block.spans = inline_spans(text, env)
        blocks.append(block)
        return block

    def gap(upto: int) -> None:
        nonlocal covered
        run: list[str] = []
        start = covered
        for n in range(covered, upto):
            if lines[n].strip():
                if not run:
                    start = n
                run.append(lines[n])
            elif run:
                add(BlockKind.RAW, "\n".join(run), attrs={"unparsed": True, "line": start + 1 + offset})
                run = []
        if run:
            add(BlockKind.RAW, "\n".join(run), attrs={"unparsed": True, "line": start + 1 + offset})
        covered = max(covered, upto)

    while i < len(tokens):
        t = tokens[i]
        if t.level == 0 and t.nesting >= 0 and t.map:
            gap(t.map[0])
            covered = max(covered, t.map[1])
        typ = t.type
        if typ == "heading_open":
            inline = tokens[i + 1]
            attrs = {"syntax": "setext" if t.markup in ("=", "-") else "atx", "line": line_of(t)}
            if items and not items[-1]["started"]:
                items[-1]["started"] = True
                attrs.update(marker=items[-1]["marker"], list_level=len(lists))
            add(BlockKind.HEADING, _join(inline.content), level=int(t.tag[1]), attrs=attrs)
            i += 3
            continue
        if typ == "paragraph_open":
            inline = tokens[i + 1]
            text = _join(inline.content)
            if items and not items[-1]["started"]:
                items[-1]["started"] = True
                add(
                    BlockKind.LIST_ITEM,
                    text,
                    level=len(lists),
                    attrs={"marker": items[-1]["marker"], "ordered": lists[-1]["ordered"], "line": line_of(t)},
                )
            elif items:
                add(BlockKind.PARAGRAPH, text, attrs={"list_level": len(lists), "line": line_of(t)})
            else:
                add(BlockKind.PARAGRAPH, text, attrs={"line": line_of(t)})
            i += 3
            continue
        if typ in ("bullet_list_open", "ordered_list_open"):
            lists.append({"ordered": typ == "ordered_list_open"})
        elif typ in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif typ == "list_item_open":
            marker = (t.info + t.markup) if lists[-1]["ordered"] else t.markup
            items.append({"marker": marker, "started": False, "line": line_of(t)})
        elif typ == "list_item_close":
            item = items.pop()
            if not item["started"]:
                add(
                    BlockKind.LIST_ITEM,
                    "",
                    level=len(lists),
                    attrs={"marker": item["marker"], "ordered": lists[-1]["ordered"], "line": item["line"]},
                )
        elif typ == "blockquote_open":
            quote_depth += 1
        elif typ == "blockquote_close":
            quote_depth -= 1
        elif typ == "fence":
            add(
                BlockKind.CODE,
                t.content.removesuffix("\n"),
                attrs={"fence": t.markup, "info": t.info.strip(), "line": line_of(t)},
            )
        elif typ == "code_block":
            add(BlockKind.CODE, t.content.removesuffix("\n"), attrs={"indented": True, "line": line_of(t)})
        elif typ == "html_block":
            add(BlockKind.RAW, t.content.removesuffix("\n"), attrs={"html": True, "line": line_of(t)})
        elif typ == "hr":
            src = re.sub(r"^[\s>]*", "", lines[t.map[0]]).rstrip() if t.map else t.markup
            add(BlockKind.RAW, src, attrs={"thematic_break": True, "line": line_of(t)})
        elif typ == "table_open":
            table_index += 1
            row = -1
            col = 0
            in_head = False
            i += 1
            while i < len(tokens) and tokens[i].type != "table_close":
                c = tokens[i]
                if c.type == "thead_open":
                    in_head = True
                elif c.type == "thead_close":
                    in_head = False
                elif c.type == "tr_open":
                    row += 1
                    col = 0
                elif c.type in ("th_open", "td_open"):
                    m = _ALIGN.search(str(c.attrs.get("style", "")))
                    cell = tokens[i + 1]
                    add(
                        BlockKind.PARAGRAPH,
                        _join(cell.content),
                        attrs={
                            "table": table_index,
                            "row": row,
                            "col": col,
                            "header": in_head,
                            "align": m.group(1) if m else None,
                            "line": (cell.map[0] if cell.map else t.map[0]) + 1 + offset,
                        },
                    )
                    col += 1
                i += 1
        i += 1
    gap(len(lines))
    return blocks


def parse_markdown(text: str, path: Path, doc_id: str, notices: list[str] | None = None) -> Document:
    """Parse Markdown source (already decoded) into a Document."""
    doc = Document(path=path, id=doc_id, format="md", notices=list(notices or []))
    offset = 0
    fm = split_front_matter(text)
    lines = text.split("\n")
    if fm:
        fmt, delim, content, used = fm
        doc.blocks.append(
            Block(BlockKind.FRONT_MATTER, content, attrs={"format": fmt, "delimiter": delim, "line": 1})
        )
        doc.metadata.update(_front_matter_metadata(content))
        offset = used
        lines = lines[used:]
    body = "\n".join(lines)
    env: dict = {}
    tokens = parser().parse(body, env)
    doc.blocks.extend(_blocks(tokens, lines, offset, env))
    return doc


def read_markdown(path: Path, doc_id: str) -> Document:
    from pipeline.ingest.limits import check_block

    text, notices = read_text_file(path)
    doc = parse_markdown(text, path, doc_id, notices)
    for block in doc.blocks:
        check_block(block.text, path, block.attrs.get("line"), "block")
    return doc

"""Markdown writers: the side-by-side table and the English-only document.

Bilingual layout (``<stem>.bilingual.md``)::

    <!-- es2en:bilingual doc=<doc id> columns=#|Español|English[|QA] -->
    # <English title>
    *<Spanish title>*

    - **Source file:** …            (the same items as the DOCX title block)

    | # | Español | English | QA |
    |---|---|---|---|
    | doc/0/0 | Sentence. | Sentence. | |
    | **doc/1/0** | **Heading** | **Heading** | |     ← heading rows: whole row bold

Blocks copied verbatim (metadata, code, front matter, raw) close the table, are
shown as they are, and the table resumes with its header. One sentence per row;
the first cell is the segment id that review import matches on.

Inside cells: ``|`` → ``\\|``, line breaks → ``<br>``; a literal ``<br`` in the
text is written ``&lt;br`` so it does not read back as a line break.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from ..atomic import atomic_open
from ..model import Block, BlockKind, Document, RunInfo
from .common import columns, facts, has_qa, qa_summary, qa_summary_line, table_rows, title_block_items, titles

MARKER = "es2en:bilingual"

_BR_LITERAL = re.compile(r"<(?=br)", re.IGNORECASE)


def escape_cell(text: str) -> str:
    """Make ``text`` safe inside one GitHub-flavoured table cell (reversible)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BR_LITERAL.sub("&lt;", text)
    text = text.replace("|", "\\|")
    return text.replace("\n", "<br>")


def _bold(text: str) -> str:
    """Bold a heading cell, unless its text carries emphasis markers of its own:
    "**Los datos de **Amazon****" would not render (read_bilingual undoes the same rule)."""
    return f"**{text}**" if text and "*" not in text else text


def _table_header(cols: list[str]) -> list[str]:
    return ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]


def _fence_for(text: str, char: str = "`") -> str:
    longest = max((len(m) for m in re.findall(re.escape(char) + "+", text)), default=0)
    return char * max(3, longest + 1)


def _fenced(text: str, info: str = "", fence: str = "") -> str:
    """``text`` in a code fence that nothing inside it can close."""
    char = fence[:1] if fence[:1] in ("`", "~") else "`"
    needed = _fence_for(text, char)
    fence = fence if fence and fence.strip(char) == "" and len(fence) >= len(needed) else needed
    return f"{fence}{info}\n{text}\n{fence}"


def front_matter_text(block: Block) -> str:
    """Front matter with its delimiters (the reader keeps them in attrs, not text)."""
    text = block.text.strip("\n")
    fmt = str(block.attrs.get("format") or "")
    delim = str(block.attrs.get("delimiter") or ("+++" if fmt == "toml" else "---"))
    if re.match(r"^(---|\+\+\+)[ \t]*$", text.split("\n", 1)[0]):
        return text  # delimiters already in the text
    return f"{delim}\n{text}\n{delim}"


def _verbatim_markdown(block: Block) -> str:
    """A block copied verbatim, shown unchanged (fenced) inside the bilingual file."""
    text = block.text.strip("\n")
    if block.kind is BlockKind.METADATA:
        return "_" + text.replace("_", "\\_") + "_"
    if block.kind is BlockKind.FRONT_MATTER:
        fmt = str(block.attrs.get("format") or ("toml" if block.attrs.get("delimiter") == "+++" else "yaml"))
        return _fenced(front_matter_text(block), fmt)
    if block.kind is BlockKind.CODE:
        info = str(block.attrs.get("info") or block.attrs.get("lang") or "")
        return _fenced(text, info, str(block.attrs.get("fence") or ""))
    return _fenced(text)


def bilingual_markdown_lines(doc: Document, run: RunInfo) -> Iterator[str]:
    """The bilingual file's lines, one row at a time (the text is these joined with
    line feeds, trailing line feeds cut to one: :func:`bilingual_markdown`)."""
    cols = columns(doc)
    qa = has_qa(doc)
    es_title, en_title = titles(doc)
    yield f"<!-- {MARKER} doc={doc.id} columns={'|'.join(cols)} -->"
    yield f"# {en_title or es_title}"
    if en_title:
        yield ""
        yield f"*{es_title}*" if "*" not in es_title else es_title
    yield ""
    for key, value in title_block_items(doc, run):
        yield f"- **{key}:** {value}"
    if qa:
        yield f"- **QA:** {qa_summary_line(doc)}"
    yield ""
    if qa:
        yield "| Check | Errors | Warnings | Info |"
        yield "|---|--:|--:|--:|"
        for count in qa_summary(doc):
            yield f"| {escape_cell(count.check)} | {count.error} | {count.warning} | {count.info} |"
        yield ""

    in_table = False
    for row in table_rows(doc):
        if row.verbatim:
            if in_table:
                yield ""
                in_table = False
            yield _verbatim_markdown(row.block)
            yield ""
            continue
        if not in_table:
            yield from _table_header(cols)
            in_table = True
        seg = row.segment
        label = row.block.attrs.get("label") if row.first_in_block else None  # "Footnote 3", "Header"
        cells = [f"{seg.id} · {escape_cell(label)}" if label else seg.id, escape_cell(seg.source),
                 escape_cell(seg.target or "")]
        if row.block.kind is BlockKind.HEADING:
            cells = [_bold(c) for c in cells]
        if qa:
            cells.append(escape_cell("\n".join(str(f) for f in seg.flags)))
        yield "| " + " | ".join(cells) + " |"
    if in_table:
        yield ""


def bilingual_markdown(doc: Document, run: RunInfo) -> str:
    return "\n".join(bilingual_markdown_lines(doc, run)).rstrip("\n") + "\n"


def write_lines(path: Path, lines: Iterable[str], *, strip_end: bool = False) -> Path:
    """Write ``lines`` joined by line feeds and ending in one, atomically, as they come
    (a few hundred KB at a time): the text is never held whole. ``strip_end``: cut the
    line feeds at the end to one (``"\\n".join(lines).rstrip("\\n") + "\\n"``)."""
    with atomic_open(path) as fh:
        batch: list[str] = []
        size = 0
        held = ""  # line feeds at the end of what is written so far, held back
        first = True
        for line in lines:
            piece = line if first else "\n" + line
            first = False
            if strip_end:
                body = piece.rstrip("\n")
                if body:
                    batch.append(held)
                    batch.append(body)
                    size += len(body)
                    held = piece[len(body):]
                else:
                    held += piece
            else:
                batch.append(piece)
                size += len(piece)
            if size > 1 << 18:
                fh.write("".join(batch))
                batch.clear()
                size = 0
        batch.append("\n")
        fh.write("".join(batch))
    return Path(path)


def write_bilingual_markdown(doc: Document, path: Path, run: RunInfo) -> Path:
    return write_lines(path, bilingual_markdown_lines(doc, run), strip_end=True)


# --- English only ---------------------------------------------------------------

_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|(\d{1,9})([.)])(?=\s|$)|={3,}|`{3,}|~{3,})")
_MD_MARKER = re.compile(r"^([-+*]|\d{1,9}[.)])$")


def _escape_block_start(text: str) -> str:
    """Keep a paragraph a paragraph: escape what Markdown would read as a block marker."""
    m = _BLOCK_START.match(text)
    if not m:
        return text
    if m.group(2):  # "2025. El año…" is not an ordered list
        return m.group(2) + "\\" + text[len(m.group(2)) :]
    return "\\" + text


def _list_marker(block: Block) -> str:
    """The item's marker if Markdown has it ("-", "*", "1.", "3)"), else the nearest
    Markdown marker ("•"/"–" → "-", "a)"/"iv." → "1.")."""
    marker = str(block.attrs.get("marker") or "-").strip()
    if _MD_MARKER.match(marker):
        return marker
    if block.attrs.get("ordered"):
        digits = re.match(r"\d+", marker)
        return (digits.group(0) if digits else "1") + "."
    return "-"


def _gfm_table(cells: list[Block]) -> str:
    """A table the reader split into cell paragraphs, rebuilt (row 0 is the header)."""
    nrows = max(int(b.attrs.get("row", 0)) for b in cells) + 1
    ncols = max(int(b.attrs.get("col", 0)) for b in cells) + 1
    grid = [["" for _ in range(ncols)] for _ in range(nrows)]
    align = [None] * ncols
    for b in cells:
        r, c = int(b.attrs.get("row", 0)), int(b.attrs.get("col", 0))
        text = escape_cell(b.target.strip())
        grid[r][c] = f"{grid[r][c]}<br>{text}" if grid[r][c] and text else grid[r][c] or text
        align[c] = align[c] or b.attrs.get("align")
    rule = {"left": ":---", "center": ":---:", "right": "---:"}
    lines = ["| " + " | ".join(grid[0]) + " |", "|" + "|".join(rule.get(a or "", "---") for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in grid[1:]]
    return "\n".join(lines)


def _english_parts(doc: Document, run: RunInfo) -> Iterator[tuple[str, int]]:
    """(text, block-quote depth) of each part of the English document, in order, as
    the blocks are read (a list or a table is held until it ends)."""
    parts: list[tuple[str, int]] = []
    blocks = iter(doc.blocks)
    peeked = next(blocks, None)  # the block after the one in hand
    if peeked is not None and peeked.kind is BlockKind.FRONT_MATTER:  # must stay the first line
        parts.append((front_matter_text(peeked), 0))
        peeked = next(blocks, None)
    provenance = [f"source: {Path(doc.path).name}", f"engine: {run.engine or '—'}"]
    if run.model_version:
        provenance.append(f"model: {run.model_version}")
    if run.created:
        provenance.append(f"translated: {run.created}")
    comment = "; ".join(provenance).replace("--", "-")  # "--" may not appear in a comment
    parts.append((f"<!-- Translated from Spanish by es2en; {comment} -->", 0))
    shown = facts(doc).has_metadata
    meta = [f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in doc.metadata.items()
            if k not in ("title", "source_locale") and str(v).strip()]
    if meta and not shown:
        parts.append(("_" + " · ".join(meta).replace("_", "\\_") + "_", 0))

    list_lines: list[str] = []
    stack: list[tuple[int, int]] = []  # (nesting level, indent of that item's content)
    list_quote = 0

    def flush_list() -> None:
        if list_lines:
            parts.append(("\n".join(list_lines), list_quote))
            list_lines.clear()
        stack.clear()

    while peeked is not None:
        yield from parts
        parts.clear()
        block, peeked = peeked, next(blocks, None)
        quote = int(block.attrs.get("blockquote") or 0)
        if "table" in block.attrs and block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM):
            flush_list()
            cells = [block]
            while peeked is not None and peeked.attrs.get("table") == block.attrs["table"]:
                cells.append(peeked)
                peeked = next(blocks, None)
            parts.append((_gfm_table(cells), quote))
            continue
        if block.kind is BlockKind.LIST_ITEM:
            if list_lines and quote != list_quote:
                flush_list()
            list_quote = quote
            level = block.level
            while stack and stack[-1][0] >= level:
                stack.pop()
            indent = stack[-1][1] if stack else 0
            marker = _list_marker(block)
            stack.append((level, indent + len(marker) + 1))
            lines = block.target.strip().split("\n")
            list_lines.append(" " * indent + marker + (" " + lines[0] if lines[0] else ""))
            list_lines.extend(" " * (indent + len(marker) + 1) + line for line in lines[1:])
            continue
        if block.kind is BlockKind.PARAGRAPH and block.attrs.get("list_level") and stack:
            # a further paragraph of a list item: indented to that item's content
            level = int(block.attrs["list_level"])
            indent = next((ind for lvl, ind in reversed(stack) if lvl <= level), stack[-1][1])
            text = block.target.strip()
            if text:
                list_lines.append("")
                list_lines.extend(" " * indent + line for line in text.split("\n"))
            continue
        flush_list()
        if block.kind is BlockKind.HEADING:
            text = block.target.strip().replace("\n", " ")
            if text:
                parts.append(("#" * min(max(block.level, 1), 6) + " " + text, quote))
        elif block.kind is BlockKind.PARAGRAPH:
            text = block.target.strip()
            if text and block.attrs.get("story") not in (None, "body", "textbox"):
                text = f"_{block.attrs.get('label', '')}:_ {text}"  # a DOCX header, note, comment, title
            elif text:
                text = _escape_block_start(text)
            if text:
                parts.append((text, quote))
        elif block.kind is BlockKind.FRONT_MATTER:
            parts.append((front_matter_text(block), quote))
        elif block.kind is BlockKind.RAW:
            parts.append((block.text.strip("\n"), quote))  # raw HTML, thematic breaks: as they were
        elif block.kind is BlockKind.CODE:
            info = str(block.attrs.get("info") or block.attrs.get("lang") or "")
            parts.append((_fenced(block.text.strip("\n"), info, str(block.attrs.get("fence") or "")), quote))
        elif block.text.strip():
            parts.append((_verbatim_markdown(block), quote))
    flush_list()
    yield from parts


def english_markdown_lines(doc: Document, run: RunInfo) -> Iterator[str]:
    """The English document's lines: its parts, one apart; parts in one block quote
    are joined with a ">" line."""
    prev_quote = 0
    for n, (text, quote) in enumerate(_english_parts(doc, run)):
        if n:
            yield ">" * quote if quote and quote == prev_quote else ""
        yield "\n".join((("> " * quote) + line).rstrip() if quote else line for line in text.split("\n"))
        prev_quote = quote


def english_markdown(doc: Document, run: RunInfo) -> str:
    """The English document in the source's structure: headings, paragraphs, list
    items with their markers and nesting, block quotes, tables, and code / front
    matter / raw blocks verbatim."""
    return "\n".join(english_markdown_lines(doc, run)) + "\n"


def write_english_markdown(doc: Document, path: Path, run: RunInfo) -> Path:
    return write_lines(path, english_markdown_lines(doc, run))

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

from ..atomic import write_text
from ..model import Block, BlockKind, Document, RunInfo
from .common import columns, has_qa, qa_summary, qa_summary_line, table_rows, title_block_items, titles

MARKER = "es2en:bilingual"

_BR_LITERAL = re.compile(r"<(?=br)", re.IGNORECASE)


def escape_cell(text: str) -> str:
    """Make ``text`` safe inside one GitHub-flavoured table cell (reversible)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BR_LITERAL.sub("&lt;", text)
    text = text.replace("|", "\\|")
    return text.replace("\n", "<br>")


def _bold(text: str) -> str:
    return f"**{text}**" if text else ""


def _table_header(cols: list[str]) -> list[str]:
    return ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]


def _fence_for(text: str, char: str = "`") -> str:
    longest = max((len(m) for m in re.findall(re.escape(char) + "+", text)), default=0)
    return char * max(3, longest + 1)


def _verbatim_markdown(block: Block) -> str:
    """A block copied verbatim, as Markdown that shows it unchanged."""
    text = block.text.rstrip("\n")
    if block.kind is BlockKind.METADATA:
        return "_" + text.replace("_", "\\_") + "_"
    if block.kind is BlockKind.CODE and re.match(r"^(`{3,}|~{3,})", text):
        return text  # the reader kept the fences
    info = str(block.attrs.get("lang") or block.attrs.get("info") or "")
    if block.kind is BlockKind.FRONT_MATTER:
        info = info or ("toml" if text.startswith("+++") else "yaml")
    fence = _fence_for(text)
    return f"{fence}{info}\n{text}\n{fence}"


def bilingual_markdown(doc: Document, run: RunInfo) -> str:
    cols = columns(doc)
    qa = has_qa(doc)
    es_title, en_title = titles(doc)
    out: list[str] = [f"<!-- {MARKER} doc={doc.id} columns={'|'.join(cols)} -->"]
    out.append(f"# {en_title or es_title}")
    if en_title:
        out.append("")
        out.append(f"*{es_title}*")
    out.append("")
    for key, value in title_block_items(doc, run):
        out.append(f"- **{key}:** {value}")
    if qa:
        out.append(f"- **QA:** {qa_summary_line(doc)}")
    out.append("")
    if qa:
        out.append("| Check | Errors | Warnings | Info |")
        out.append("|---|--:|--:|--:|")
        for count in qa_summary(doc):
            out.append(f"| {escape_cell(count.check)} | {count.error} | {count.warning} | {count.info} |")
        out.append("")

    in_table = False
    for row in table_rows(doc):
        if row.verbatim:
            if in_table:
                out.append("")
                in_table = False
            out.append(_verbatim_markdown(row.block))
            out.append("")
            continue
        if not in_table:
            out.extend(_table_header(cols))
            in_table = True
        seg = row.segment
        cells = [seg.id, escape_cell(seg.source), escape_cell(seg.target or "")]
        if row.block.kind is BlockKind.HEADING:
            cells = [_bold(c) for c in cells]
        if qa:
            cells.append(escape_cell("\n".join(str(f) for f in seg.flags)))
        out.append("| " + " | ".join(cells) + " |")
    if in_table:
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_bilingual_markdown(doc: Document, path: Path, run: RunInfo) -> Path:
    write_text(path, bilingual_markdown(doc, run))
    return Path(path)


# --- English only ---------------------------------------------------------------

_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|(\d{1,9})([.)])(?=\s|$)|={3,}|`{3,}|~{3,})")


def _escape_block_start(text: str) -> str:
    """Keep a paragraph a paragraph: escape what Markdown would read as a block marker."""
    m = _BLOCK_START.match(text)
    if not m:
        return text
    if m.group(2):  # "2025. El año…" is not an ordered list
        return m.group(2) + "\\" + text[len(m.group(2)) :]
    return "\\" + text


def english_markdown(doc: Document, run: RunInfo) -> str:
    parts: list[str] = []  # rendered blocks; list items of one list are joined tightly
    blocks = list(doc.blocks)
    if blocks and blocks[0].kind is BlockKind.FRONT_MATTER:  # must stay the first line
        parts.append(blocks[0].text.rstrip("\n"))
        blocks = blocks[1:]
    provenance = [f"source: {Path(doc.path).name}", f"engine: {run.engine or '—'}"]
    if run.model_version:
        provenance.append(f"model: {run.model_version}")
    if run.created:
        provenance.append(f"translated: {run.created}")
    comment = "; ".join(provenance).replace("--", "-")  # "--" may not appear in a comment
    parts.append(f"<!-- Translated from Spanish by es2en; {comment} -->")
    meta = [f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in doc.metadata.items() if k != "title" and str(v).strip()]
    if meta:
        parts.append("_" + " · ".join(meta).replace("_", "\\_") + "_")

    list_lines: list[str] = []
    stack: list[tuple[int, int]] = []  # (nesting level, indent of that item's content)

    def flush_list() -> None:
        if list_lines:
            parts.append("\n".join(list_lines))
            list_lines.clear()
        stack.clear()

    for block in blocks:
        if block.kind is BlockKind.LIST_ITEM:
            level = block.level
            while stack and stack[-1][0] >= level:
                stack.pop()
            indent = stack[-1][1] if stack else 0
            marker = str(block.attrs.get("marker") or "-")
            stack.append((level, indent + len(marker) + 1))
            text = block.target.strip()
            lines = text.split("\n") if text else [""]
            list_lines.append(" " * indent + marker + (" " + lines[0] if lines[0] else ""))
            list_lines.extend(" " * (indent + len(marker) + 1) + line for line in lines[1:])
            continue
        flush_list()
        if block.kind is BlockKind.HEADING:
            text = block.target.strip().replace("\n", " ")
            if text:
                parts.append("#" * min(max(block.level, 1), 6) + " " + text)
        elif block.kind is BlockKind.PARAGRAPH:
            text = block.target.strip()
            if text:
                parts.append(_escape_block_start(text))
        elif block.kind is BlockKind.RAW or (
            block.kind is BlockKind.FRONT_MATTER and re.match(r"^(---|\+\+\+)\s*$", block.text.split("\n", 1)[0])
        ):
            parts.append(block.text.strip("\n"))  # raw HTML, thematic breaks: as they were
        elif block.text.strip():
            parts.append(_verbatim_markdown(block))
    flush_list()
    return "\n\n".join(parts) + "\n"


def write_english_markdown(doc: Document, path: Path, run: RunInfo) -> Path:
    write_text(path, english_markdown(doc, run))
    return Path(path)

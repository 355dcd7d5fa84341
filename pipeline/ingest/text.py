"""Plain-text reader (.txt).

Structure recovered from plain text, in this order:

* **Paragraphs** are separated by blank (whitespace-only) lines; the lines of a
  paragraph are joined with single spaces (hard-wrapped text becomes one line).
* **List items**: a line starting with ``-``, ``*``, ``•``, ``–`` or ``1.``/``1)``
  followed by a space starts a LIST_ITEM (``attrs["marker"]`` is the marker,
  ``level`` the nesting depth by indentation, 1 = top level); following lines
  without a marker continue the item.
* **Metadata**: at the very start of the document, ``date YYYY-MM-DD`` (also
  ``date: …``, ``fecha …``) becomes ``Document.metadata["date"]`` and a METADATA
  block that is never translated.
* **Headings** (level 2, ``attrs["detected"]`` says which rule fired):

  - ``"line"``: a paragraph that is a single short line (≤ 12 words), starts with
    a capital letter, has no sentence punctuation (``. ; … ? !``, a comma or
    quote at its end) and is followed by more text. A colon is allowed only at
    the end ("Fuente: Reuters" stays a paragraph).
  - ``"title-run"``: text scraped from the web often loses the line break after a
    section title, as in the seed: "Conclusiones Clave Con una inversión récord,
    OpenAI y Amazon sellan …". A paragraph starts with a title when it begins
    with a short run of words (≤ 10) followed by a *capitalised closed-class word*
    that opens the sentence — an article, preposition, conjunction, demonstrative,
    possessive, pronoun, common adverb or verb ("Con", "El", "Para", "Según",
    "Este", "No", "Hay" …), or an opening quote/¿/¡ before a capital. Spanish
    capitalises such words only at the start of a sentence, so a capitalised
    "Con" after "Conclusiones Clave" marks where the sentence begins, while
    proper nouns ("Sam Altman dijo …", "OpenAI y Amazon …") never trigger it.
    Guards against false splits: the title has no sentence punctuation (a colon
    on its last word is allowed), does not end in a function word ("Según El
    País, …" stays a sentence), and if it contains a capitalised function word
    after its first word it must be in Title Case (every content word
    capitalised; "Una Alianza Para la IA Con una …" splits before "Con", while
    "Resumen El diario El País publicó …" splits after "Resumen"); a capitalised
    article before a capitalised word is a name ("Visitamos Los Ángeles …",
    "El País"), not a sentence start; what follows
    has at least three words with a lowercase word among its first three. When
    several split points pass, the last one wins. Only the start of a paragraph
    is examined.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.ingest.encoding import _CONTROL, _SIGNATURES, is_blank, read_text_file
from pipeline.ingest.limits import MAX_BLOCK_CHARS, check_block
from pipeline.model import Block, BlockKind, Document

MAX_HEADING_LINE_WORDS = 12
MAX_TITLE_RUN_WORDS = 10

_ARTICLES = "el la los las lo un una unos unas".split()
_PREPOSITIONS = (
    "a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por "
    "según sin sobre tras"
).split()
_CONJUNCTIONS = "y e o u ni pero aunque sino porque pues si como cuando donde mientras que".split()
_DETERMINERS = (
    "este esta estos estas ese esa esos esas aquel aquella aquellos aquellas esto eso aquello "
    "su sus mi mis tu tus nuestro nuestra nuestros nuestras cada otro otra otros otras todo toda "
    "todos todas varios varias muchos muchas algunos algunas algún alguna ningún ninguna dicho dicha "
    "dichos dichas ambos ambas"
).split()
_PRONOUNS = "se le les nos yo él ella ellos ellas usted ustedes quien quienes".split()
_ADVERBS_VERBS = (
    "no ya también además así hoy ayer ahora después antes luego tampoco más menos muy casi "
    "solo sólo aún todavía entonces sin es son fue fueron era será hay había ha han"
).split()
_INTERROGATIVES = "qué cómo cuándo dónde quién cuál cuáles cuánto cuánta cuántos cuántas".split()

#: Words that end a title only in broken text: "Según", "de", "la" …
FUNCTION_WORDS = frozenset(_ARTICLES + _PREPOSITIONS + _CONJUNCTIONS + _DETERMINERS)
#: Closed-class words that, capitalised, mark the start of a sentence.
SENTENCE_OPENERS = frozenset(FUNCTION_WORDS | set(_PRONOUNS + _ADVERBS_VERBS + _INTERROGATIVES))

_OPEN_QUOTES = "“«\"'‘¿¡("
_STRIP = "“”«»\"'‘’¿?¡!()[],.;:…"
_SENTENCE_PUNCT = re.compile(r"[.!?;…,]")

_METADATA = re.compile(r"^(?P<key>date|fecha)\s*:?\s+(?P<value>\d{4}-\d{2}-\d{2})(?=\s|$)\s*", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*•–]|\d{1,3}[.)])[ \t]+(?=\S)")


def _bare(word: str) -> str:
    return word.strip(_STRIP)


def _capitalised(word: str) -> bool:
    w = word.lstrip(_OPEN_QUOTES)
    return bool(w) and (w[0].isupper() or w[0].isdigit())


def _is_opener(word: str, following: str) -> bool:
    if word and word[0] in _OPEN_QUOTES and len(word) > 1 and word[0] != "(":
        rest = word.lstrip(_OPEN_QUOTES)
        return bool(rest) and rest[0].isupper()
    if not (word and word[0].isupper() and _bare(word).lower() in SENTENCE_OPENERS):
        return False
    # "Los Ángeles", "El País", "La Haya": a capitalised article before a
    # capitalised word is part of a name, not the start of a sentence.
    return not (_bare(word).lower() in _ARTICLES and _capitalised(following))


def _title_ok(title: list[str]) -> bool:
    if not title or not _capitalised(title[0]):
        return False
    for i, w in enumerate(title):
        body = w[:-1] if (i == len(title) - 1 and w.endswith(":")) else w
        if _SENTENCE_PUNCT.search(body) or ":" in body:
            return False
        if w[0] in "“«\"‘¿¡" or w[-1] in "”»\"’":
            return False
    if _bare(title[-1]).lower() in FUNCTION_WORDS:
        return False
    has_inner_opener = any(w[0].isupper() and _bare(w).lower() in SENTENCE_OPENERS for w in title[1:])
    if has_inner_opener:
        content = [w for w in title if _bare(w).lower() not in FUNCTION_WORDS and len(_bare(w)) > 3]
        if not all(_capitalised(w) for w in content):
            return False
    return True


def split_title(paragraph: str) -> tuple[str, str] | None:
    """Split a section title run off the start of a paragraph, or return None.

    >>> split_title("Conclusiones Clave Con una inversión récord, OpenAI y Amazon sellan una alianza.")
    ('Conclusiones Clave', 'Con una inversión récord, OpenAI y Amazon sellan una alianza.')
    >>> split_title("Sam Altman dijo que la demanda crecerá.") is None
    True
    """
    words = paragraph.split()
    best = None
    for k in range(1, min(MAX_TITLE_RUN_WORDS, len(words) - 3) + 1):
        if not _is_opener(words[k], words[k + 1] if k + 1 < len(words) else ""):
            continue
        rest = words[k:]
        if len(rest) < 3 or not any(w[:1].islower() for w in rest[1:4]):
            continue
        if _title_ok(words[:k]):
            best = k
    if best is None:
        return None
    return " ".join(words[:best]), " ".join(words[best:])


def _is_heading_line(lines: list[str]) -> bool:
    if len(lines) != 1:
        return False
    line = lines[0].strip()
    words = line.split()
    if not words or len(words) > MAX_HEADING_LINE_WORDS:
        return False
    if not _capitalised(words[0]) or words[0][0] in _OPEN_QUOTES:
        return False
    if line[-1] in ".,;…?!»”\"'" or _LIST_MARKER.match(line):
        return False
    return not re.search(r"[.!?;…]", line) and ":" not in line[:-1]


def _join(lines: list[str]) -> str:
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


def _paragraphs(lines: Iterable[str], path: Path | str = "") -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) for each run of non-blank lines. A paragraph longer
    than the limit (pipeline.ingest.limits) is refused as soon as it passes it."""
    current: list[str] = []
    start = size = 0
    for n, line in enumerate(lines, 1):
        if not is_blank(line):
            if not current:
                start, size = n, 0
            current.append(line)
            size += len(line) + 1
            if size > MAX_BLOCK_CHARS:
                check_block("", path, start, length=size)
        elif current:
            yield start, current
            current = []
    if current:
        yield start, current


def _list_blocks(start: int, lines: list[str]) -> list[Block] | None:
    """Blocks for a paragraph containing list items, or None when it has none."""
    if not any(_LIST_MARKER.match(line) for line in lines):
        return None
    blocks: list[Block] = []
    pending: list[str] = []  # lines before the first marker
    indents: list[int] = []
    item: tuple[int, Block, list[str]] | None = None

    def flush() -> None:
        nonlocal item
        if item is not None:
            _, block, item_lines = item
            block.text = _join(item_lines)
            blocks.append(block)
            item = None

    for n, line in enumerate(lines, start):
        m = _LIST_MARKER.match(line)
        if not m:
            if item is not None:
                item[2].append(line)
            else:
                pending.append(line)
            continue
        if pending:
            blocks.append(Block(BlockKind.PARAGRAPH, _join(pending), attrs={"line": start}))
            pending = []
        flush()
        indent = len(m.group("indent").expandtabs(4))
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        block = Block(BlockKind.LIST_ITEM, "", level=len(indents), attrs={"marker": m.group("marker"), "line": n})
        item = (n, block, [line[m.end():]])
    flush()
    return blocks


def read_text(path: Path, doc_id: str) -> Document:
    text, notices = read_text_file(path)
    doc = Document(path=path, id=doc_id, format="txt", notices=notices)
    doc.blocks = list(text_blocks(doc, text.split("\n")))
    return doc


def stream_text(path: Path, doc_id: str) -> tuple[Document, Iterator[Block]] | None:
    """The document and its blocks as they are read, for a file that decodes as plain
    UTF-8 (the common case): memory holds a paragraph at a time, whatever the file's
    length. None for any other file (a BOM other than UTF-8's, another encoding, NUL
    or control bytes …): read_text decodes those whole, with their notices and errors.
    The blocks equal read_text's; ``doc.metadata`` is filled as they are read."""
    if not utf8_streamable(path):
        return None
    doc = Document(path=path, id=doc_id, format="txt")
    return doc, text_blocks(doc, _utf8_lines(path))


def text_blocks(doc: Document, lines: Iterable[str]) -> Iterator[Block]:
    """The blocks of a text's lines (no line ends): paragraphs, list items, headings,
    the leading date (into ``doc.metadata``), one paragraph of look-ahead."""
    path = doc.path
    paragraphs = _paragraphs(lines, path)
    following = next(paragraphs, None)
    index = -1
    while following is not None:
        line_no, lines = following
        following = next(paragraphs, None)
        index += 1
        check_block(lines[0] if len(lines) == 1 else " ".join(lines), path, line_no)
        if index == 0:
            joined = _join(lines)
            m = _METADATA.match(joined)
            if m:
                try:
                    _dt.date.fromisoformat(m.group("value"))
                except ValueError:
                    m = None
            if m:
                key = "date"
                doc.metadata[key] = m.group("value")
                yield Block(BlockKind.METADATA, joined[: m.end()].strip(),
                            attrs={"key": key, "value": m.group("value"), "line": line_no})
                rest = joined[m.end():]
                if not rest.strip():
                    continue
                # The rest of the first line (and any following lines) is ordinary text.
                lines = [rest]
        listed = _list_blocks(line_no, lines)
        if listed is not None:
            yield from listed
            continue
        joined = _join(lines)
        more_follows = following is not None
        if more_follows and _is_heading_line(lines):
            yield Block(BlockKind.HEADING, joined, level=2, attrs={"detected": "line", "line": line_no})
            continue
        split = split_title(joined)
        if split:
            title, rest = split
            yield Block(BlockKind.HEADING, title, level=2, attrs={"detected": "title-run", "line": line_no})
            yield Block(BlockKind.PARAGRAPH, rest, attrs={"line": line_no})
            continue
        yield Block(BlockKind.PARAGRAPH, joined, attrs={"line": line_no})


def _utf8_lines(path: Path) -> Iterator[str]:
    """The lines of a UTF-8 file as decode_bytes would give them: universal newlines,
    no BOM, NFC (line by line: a line feed never composes with its neighbours). A
    line is read up to the paragraph limit, not further."""
    with open(path, encoding="utf-8-sig", newline=None) as fh:
        n = 0
        while True:
            line = fh.readline(MAX_BLOCK_CHARS + 1)
            if not line:
                return
            n += 1
            if len(line) > MAX_BLOCK_CHARS:
                check_block("", path, n, length=len(line))
            if n == 1 and line.startswith("\ufeff"):
                line = line[1:]
            yield unicodedata.normalize("NFC", line[:-1] if line.endswith("\n") else line)


def utf8_streamable(path: Path, chunk: int = 1 << 20) -> bool:
    """True when decode_bytes would take the file as plain UTF-8 (with or without a
    UTF-8 BOM): valid UTF-8, no NUL, no binary signature, no control bytes in its first
    64 KB (stricter than decode_bytes' own test, so every other file goes its way).
    Reads the file once, a chunk at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        with open(path, "rb") as fh:
            first = True
            while data := fh.read(chunk):
                if first:
                    first = False
                    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
                    if body is data and any(data.startswith(sig) for sig, _ in _SIGNATURES):
                        return False
                    if any(b in _CONTROL for b in data[:65536]):
                        return False
                if b"\x00" in data:
                    return False
                decoder.decode(data)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True

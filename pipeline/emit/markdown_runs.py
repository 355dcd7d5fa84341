"""A Markdown segment as formatted runs, and formatted runs back as Markdown.

The memory keeps the English of a Markdown source with its inline Markdown
(``*x*``, ``**x**``, ``~~x~~``, ```x```, ``[x](url)``). The bilingual DOCX shows
those marks as formatting (italic, bold, struck, monospace, a hyperlink) rather
than as literal characters; review import reads the cell's runs back and writes
them as Markdown again.

The parse is markdown-it's, through :func:`pipeline.ingest.markdown.inline_spans`,
so a ``*`` that is not markup ("3 * 4", a footnote asterisk) stays a character.
Images, raw HTML, URLs, footnote references and everything else markdown-it does
not format are shown as their literal source and read back as such.

:func:`to_markdown` writes the common delimiters (``*``, ``**``, ``~~``, one more
backtick than the code holds, ``[x](url)``), so a cell whose source used them reads
back byte for byte; :func:`same_rendering` tells review import that a cell with the
other spellings (``_x_``, ``__x__``, ``[x][ref]``, a link title) is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Fonts a reviewer may give a run to mark it as code.
MONO_FONTS = {"courier new", "courier", "consolas", "menlo", "monaco", "liberation mono", "dejavu sans mono",
              "source code pro", "lucida console", "noto mono", "fira code", "fira mono"}


@dataclass(frozen=True)
class MdRun:
    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None

    def fmt(self) -> tuple:
        return (self.bold, self.italic, self.strike, self.code, self.href)


#: Characters without which no inline text is formatted (URLs, HTML, entities and
#: escapes are shown as written either way).
_MARKUP = re.compile(r"[*_~`\[]")
_FORMAT = {"strong": "bold", "emphasis": "italic", "strikethrough": "strike"}


def _code_text(src: str) -> str:
    n = len(src) - len(src.lstrip("`"))
    inner = src[n:len(src) - n]
    if len(inner) >= 2 and inner[0] == " " and inner[-1] == " " and inner.strip(" "):
        inner = inner[1:-1]  # CommonMark strips one space on each side
    return inner


def _destination(span) -> str:
    """A link's destination as written (``[x](dest "title")`` → dest), else markdown-it's."""
    close = span.attrs.get("close", "")
    if close.startswith("](") and close.endswith(")"):
        dest = close[2:-1].strip()
        if dest.startswith("<") and dest.endswith(">"):
            return dest[1:-1]
        if dest and not re.search(r"\s", dest):
            return dest
        if dest:
            return dest.split()[0]
    return span.attrs.get("href") or ""


def to_runs(text: str) -> list[MdRun]:
    """The runs a Markdown inline text renders as (merged, no empty runs)."""
    from ..ingest.markdown import inline_spans

    if not _MARKUP.search(text):  # most sentences: nothing markdown-it could format
        return [MdRun(text)] if text else []
    spans = inline_spans(text)
    out: list[MdRun] = []

    def walk(a: int, b: int, fmt: dict, inner: list) -> None:
        pos = a
        k = 0
        while k < len(inner):
            s = inner[k]
            # the spans directly inside [a, b): skip those nested in s
            nested = []
            k += 1
            while k < len(inner) and inner[k].start < s.end:
                nested.append(inner[k])
                k += 1
            if s.start > pos:
                out.append(MdRun(text[pos:s.start], **fmt))
            if s.kind in _FORMAT or s.kind == "link":
                o, c = s.attrs.get("open", ""), s.attrs.get("close", "")
                extra = {"href": _destination(s)} if s.kind == "link" else {_FORMAT[s.kind]: True}
                walk(s.start + len(o), s.end - len(c), {**fmt, **extra}, nested)
            elif s.kind == "code":
                out.append(MdRun(_code_text(s.text), **{**fmt, "code": True}))
            else:  # image, html, url: their source, as written
                out.append(MdRun(text[s.start:s.end], **fmt))
            pos = s.end
        if b > pos:
            out.append(MdRun(text[pos:b], **fmt))

    walk(0, len(text), {}, spans)
    return merge(out)


def plain_text(text: str) -> str:
    """The words a Markdown inline text shows, without its marks."""
    return "".join(r.text for r in to_runs(text))


def merge(runs) -> list[MdRun]:
    out: list[MdRun] = []
    for r in runs:
        if not r.text:
            continue
        if out and out[-1].fmt() == r.fmt():
            out[-1] = MdRun(out[-1].text + r.text, *r.fmt())
        else:
            out.append(r)
    return out


def canonical(runs) -> list[MdRun]:
    """Runs with the formatting of spaces made irrelevant: spaces at a run's edges and
    spaces alone take the marks their two neighbours share (Markdown cannot put a mark
    on a space at a mark's edge, and a reviewer's selection often includes one)."""
    pieces: list[MdRun] = []
    for r in merge(runs):
        if r.code:
            pieces.append(r)
            continue
        body = r.text.strip()
        lead = r.text[: len(r.text) - len(r.text.lstrip())]
        trail = r.text[len(lead) + len(body):]
        pieces += [MdRun(p, *r.fmt()) for p in (lead, body, trail) if p]
    out = []
    for k, r in enumerate(pieces):
        if r.code or r.text.strip():
            out.append(r)
            continue
        prev = next((p for p in reversed(pieces[:k]) if p.code or p.text.strip()), None)
        nxt = next((p for p in pieces[k + 1:] if p.code or p.text.strip()), None)
        if prev is None or nxt is None:
            out.append(MdRun(r.text))
            continue
        out.append(MdRun(r.text, prev.bold and nxt.bold, prev.italic and nxt.italic, prev.strike and nxt.strike,
                         False, prev.href if prev.href == nxt.href else None))
    return merge(out)


def has_formatting(runs) -> bool:
    return any(any(r.fmt()[:4]) or r.href is not None for r in runs)


def _without_bold(runs) -> list[MdRun]:
    return canonical(MdRun(r.text, False, r.italic, r.strike, r.code, r.href) for r in runs)


def same_rendering(a: str, b: str, *, ignore_bold: bool = False) -> bool:
    """Whether two Markdown texts show the same words with the same formatting
    (``ignore_bold``: in a heading row, where every run is bold)."""
    ra, rb = canonical(to_runs(a)), canonical(to_runs(b))
    if ignore_bold:
        ra, rb = _without_bold(ra), _without_bold(rb)
    return ra == rb


_DELIMS = (("**", "*", "~~"), ("__", "_", "~~"))


def _code_src(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") or (code[:1] == " " and code[-1:] == " " and code.strip()) else ""
    return f"{fence}{pad}{code}{pad}{fence}"


def _dest(href: str) -> str:
    """A link destination as Markdown: in <…> when it holds spaces or unbalanced parentheses."""
    if re.search(r"[\s<>]", href) or href.count("(") != href.count(")"):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href


def _serialize(runs: list[MdRun], delims: tuple[str, str, str]) -> str:
    strong, em, strike = delims
    marks = {"bold": strong, "italic": em, "strike": strike}
    out: list[str] = []
    stack: list[tuple[str, str | None]] = []  # ("link", href) / ("bold", None) …

    def wants(r: MdRun) -> set:
        w = {(k, None) for k in ("bold", "italic", "strike") if getattr(r, k)}
        if r.href is not None:
            w.add(("link", r.href))
        return w

    def close_to(depth: int) -> None:
        while len(stack) > depth:
            kind, href = stack.pop()
            out.append(f"]({_dest(href)})" if kind == "link" else marks[kind])

    pending = ""  # spaces: written after the marks that end before them close
    for i, r in enumerate(runs):
        want = wants(r)
        text = r.text
        if r.code:
            lead, body, trail = "", text, ""
        else:
            body = text.strip()
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(lead) + len(body):]
        if not body:  # spaces alone: the marks they lack end before them
            keep = 0
            while keep < len(stack) and stack[keep] in want:
                keep += 1
            if not pending:
                close_to(keep)
            pending += text
            continue
        pending += lead
        keep = 0  # close from the first open mark this run does not have
        while keep < len(stack) and stack[keep] in want:
            keep += 1
        close_to(keep)
        out.append(pending)
        pending = ""
        missing = [m for m in want if m not in stack]

        def reach(m, i=i):  # how many runs on a mark goes: the longest outermost
            n = 0
            for nxt in runs[i:]:
                if m not in wants(nxt) and nxt.text.strip():
                    break
                n += 1
            return (-n, m[0] != "link", m[0])

        for m in sorted(missing, key=reach):
            stack.append(m)
            out.append("[" if m[0] == "link" else marks[m[0]])
        out.append(_code_src(body) if r.code else body)
        pending = trail
    close_to(0)
    out.append(pending)
    return "".join(out)


def to_markdown(runs, *, ignore_bold: bool = False) -> str:
    """Markdown for formatted runs: plain text as typed (a ``*`` a reviewer typed is
    Markdown they meant), marks around the words they cover, spaces outside them."""
    runs = merge(runs)
    if ignore_bold:
        runs = merge(MdRun(r.text, False, r.italic, r.strike, r.code, r.href) for r in runs)
    want = canonical(runs)
    first = None
    for delims in _DELIMS:
        md = _serialize(runs, delims)
        first = first if first is not None else md
        got = to_runs(md)
        if (_without_bold(got) if ignore_bold else canonical(got)) == want:
            return md
    return first

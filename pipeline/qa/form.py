"""form: what the English must keep from the Spanish, character for character.

- ``form.lost``: a bracket or quotation mark of the Spanish missing from the English
  ("Es (muy) importante." → "I'm importantly."; «una inversión» → "investment»").
  Brackets are counted per kind; quotation marks all together (« » “ ” ‘ ’ " and a
  straight ' that is no apostrophe), since English may write «…» as “…”. ¿ and ¡ are
  not counted: English drops them.
- ``form.brackets``: ( ) [ ] { } balanced in the Spanish but not in the English, with
  none of them lost (an extra or misplaced one).
- ``form.quotes``: “ ” « » ‘ ’ pairs or straight " balanced in the Spanish but not in
  the English, with none lost (an apostrophe ’ inside a word does not count).
- ``form.inverted``: ¿ or ¡ left in the English.
- ``form.spaces``: doubled spaces, or a space before , . ; : ! ? in the English that
  the Spanish does not have.
- ``form.verbatim``: URLs, e-mail addresses, @handles, #hashtags and codes (a token
  mixing letters and digits: "G20", "A350", "COVID-19", "787-8") must come back as
  written. A changed URL or e-mail address is an error; a changed code a warning.
"""

from __future__ import annotations

import re

from ..model import Segment, Severity
from . import QAContext, check

_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
_QUOTES = (("“", "”"), ("«", "»"), ("‘", "’"))
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”«»]+[^\s<>\"“”«».,;:!?)\]]", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"(?<![\w@])[@#][A-Za-z_]\w+")
_DIGIT = re.compile(r"\d")
_CODE = re.compile(r"(?<![\w@#.,-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w@]|-\w)")
#: digits + a Spanish ordinal / unit ending are numbers, not codes (the numbers check has them)
_NOT_CODE = re.compile(r"^\d+(?:º|ª|o|a|er|ro|ra|do|da|to|ta|mo|ma|vo|va|no|na|h|hs|km|kg|m|cm|mm|g|s|x|mil|min|am|pm|ml|l|t|kw|mw|gb|mb|tb|d)$", re.I)


_SPACE_BEFORE = re.compile(r"\w\s+[,.;:!?](?!\w)")


def _balanced(text: str, open_: str, close: str) -> bool:
    n = text.count(open_)
    if n != text.count(close):
        return False
    if n == 0:
        return True
    depth = 0
    for ch in text:
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_QUOTE_MARKS = "«»“”‘’\"'"


def quote_marks(text: str) -> int:
    """Quotation marks in ``text``, apostrophes inside a word ("it's", "l’Oréal") not counted."""
    return sum(text.count(q) for q in _QUOTE_MARKS) - len(_APOSTROPHE.findall(text))


def _brackets_lost(seg: Segment) -> bool:
    t = seg.target or ""
    return any(t.count(ch) < seg.source.count(ch) for pair in _PAIRS for ch in pair)


def _quotes_lost(seg: Segment) -> bool:
    return quote_marks(seg.target or "") < quote_marks(seg.source)


@check("form.lost", Severity.WARNING, "a bracket or quotation mark of the Spanish missing from the English")
def lost_marks(seg: Segment, ctx: QAContext):
    s, t = seg.source, seg.target or ""
    for o, c in _PAIRS:
        gone = [ch for ch in (o, c) if t.count(ch) < s.count(ch)]
        if gone:
            yield (f"{' and '.join(f'“{ch}”' for ch in gone)} lost: the Spanish has {s.count(o)} “{o}” and "
                   f"{s.count(c)} “{c}”, the English {t.count(o)} and {t.count(c)}")
    if _quotes_lost(seg):
        yield f"quotation marks lost: {quote_marks(s)} in the Spanish, {quote_marks(t)} in the English"


@check("form.brackets", Severity.WARNING, "brackets balanced in the Spanish but not in the English")
def brackets(seg: Segment, ctx: QAContext):
    t = seg.target or ""
    if _brackets_lost(seg):
        return  # form.lost says it
    for o, c in _PAIRS:
        if not _balanced(seg.source, o, c):
            continue
        if not _balanced(t, o, c):
            yield f"unbalanced “{o}{c}” in the English ({t.count(o)} “{o}”, {t.count(c)} “{c}”)"


def _quote_count(text: str, o: str, c: str) -> tuple[int, int]:
    if o == "‘":  # ’ is also the apostrophe: count only those not inside a word
        if "’" not in text:
            return text.count(o), 0
        closes = len([m for m in re.finditer(r"’", text)
                      if not (m.start() > 0 and text[m.start() - 1].isalnum() and text[m.end():m.end() + 1].isalpha())])
        return text.count(o), closes
    return text.count(o), text.count(c)


@check("form.quotes", Severity.WARNING, "quotation marks balanced in the Spanish but not in the English")
def quotes(seg: Segment, ctx: QAContext):
    s, t = seg.source, seg.target or ""
    if _quotes_lost(seg):
        return  # form.lost says it
    for o, c in _QUOTES:
        so, sc = _quote_count(s, o, c)
        to, tc = _quote_count(t, o, c)
        if so == sc and to != tc:
            yield f"unbalanced {o}…{c} in the English ({to} “{o}”, {tc} “{c}”)"
    if s.count('"') % 2 == 0 and t.count('"') % 2 == 1:
        yield f"odd number of \" in the English ({t.count(chr(34))})"


@check("form.inverted", Severity.WARNING, "¿ or ¡ left in the English")
def inverted(seg: Segment, ctx: QAContext):
    marks = [c for c in "¿¡" if c in (seg.target or "")]
    if marks:
        yield f"Spanish {' and '.join(marks)} in the English"


@check("form.spaces", Severity.WARNING, "doubled spaces or a space before punctuation")
def spaces(seg: Segment, ctx: QAContext):
    t = seg.target or ""
    if "  " in t.strip() and "  " not in seg.source:
        yield "doubled space in the English"
    found = _SPACE_BEFORE.search(t)
    if found and not _SPACE_BEFORE.search(seg.source):
        yield "space before punctuation in the English: “" + found.group(0) + "”"


def verbatim_items(text: str) -> list[tuple[str, str]]:
    """(kind, text) of the URLs, e-mails, handles and codes in ``text``."""
    items: list[tuple[str, str]] = []
    taken: list[tuple[int, int]] = []
    # Each pattern needs a character most sentences lack: skip the scans that cannot match.
    digit = _DIGIT.search(text) is not None
    at = "@" in text
    low = text.lower() if ("w" in text or "W" in text or "h" in text or "H" in text) else ""
    url = "http" in low or "www." in low
    for kind, rx, wanted in (("URL", _URL, url), ("e-mail", _EMAIL, at), ("handle", _HANDLE, at or "#" in text),
                             ("code", _CODE, digit)):
        if not wanted:
            continue
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "code" and _NOT_CODE.match(m.group(0)):
                continue
            taken.append(m.span())
            items.append((kind, m.group(0)))
    return items


@check("form.verbatim", Severity.WARNING, "a URL, e-mail address, handle or code changed")
def verbatim(seg: Segment, ctx: QAContext):
    t = seg.target or ""
    for kind, item in dict.fromkeys(verbatim_items(seg.source)):
        if item in t:
            continue
        severity = Severity.ERROR if kind in ("URL", "e-mail") else Severity.WARNING
        yield severity, f"{kind} “{item}” is not in the English as written"

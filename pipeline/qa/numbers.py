"""numbers: every value in the Spanish is in the English, and nothing extra — by value.

The Spanish side is read with the number stage (``find_numbers``: amounts × scale,
currencies, percent / percentage points / basis points, dates, ordinals, ranges) plus
the bare figures it leaves alone (years, counts: "2012", "42"), read with the same
digit reader (``read_digits``) under the document's locale guess. The English side is
read with ``parse_english_numbers``. Two values match when their amounts are equal as
``Decimal`` and they count the same thing (percent ≠ percentage point; a currency
matches the same ISO code, or an unknown one). So "$38.000 millones de dólares" and
"$38 billion" match, "1,5%" and "1.5%" match, "$38 billion" and "$83 billion" do not.

Not compared: "miles de millones" (no amount), Spanish number words below a million
("siete años": the English may say "seven" or "7" — a "7" in the English is accepted),
and figures glued to letters ("G20", "COVID-19"), which the form check compares as codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Segment, Severity
from . import QAContext, check


@dataclass(frozen=True)
class Value:
    text: str  # as written
    start: int
    end: int
    value: object  # Quantity | DateValue (ranges are split into their ends)
    label: str  # how to show it: the English the number stage renders, or the text

    def __str__(self) -> str:
        return f"“{self.text}”" + (f" (= {self.label})" if self.label and self.label != self.text else "")


_DIGIT = re.compile(r"\d")
_BARE = re.compile(r"(?<![\w@#/:.,'’])(?:(?<=\d-)|(?<!-))(?P<num>\d+(?:[.,]\d+)*)(?![\w/:]|[.,]\d)")
_EN_GLUED_BEFORE = re.compile(r"(?:[A-Za-z][-‑]|[/:])$")
_EN_GLUED_AFTER = re.compile(r"^(?:[/:]\d|\*?[A-Za-z])")
_ROMAN = re.compile(r"(?<![\w.])(?=[MDCLXVI]{2,}(?![\w]))M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?!\w)")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _ends(value) -> list:
    from ..numbers import Range

    if isinstance(value, Range):
        return [value.low, value.high]
    return [value]


def _comparable(v) -> bool:
    from ..numbers import Quantity

    return not (isinstance(v, Quantity) and (v.amount is None or v.vague))


def number_spans(seg: Segment, ctx: QAContext) -> list:
    """The number stage's spans for the segment's Spanish: those the protect stage
    found (``Segment.found``), else found now (a bilingual file read back)."""
    if "numbers" in seg.found:
        return seg.found["numbers"]
    from ..numbers import find_numbers

    from ..numbers import paragraph_guess

    def find():
        guess = paragraph_guess(ctx.locale_guess, seg.source) if ctx.locale_guess is not None else None
        return find_numbers(seg.source, guess, ctx.number_options)

    return ctx.memo(seg, "number_spans", find)


_CARDINAL = None


def _cardinal_re() -> re.Pattern:
    """The number stage's run of cardinal words, compiled once, behind a look-ahead for
    the letters a cardinal word starts with (the scan skips other positions in C)."""
    global _CARDINAL
    if _CARDINAL is None:
        from ..numbers.words import CARDINAL_RE, _SURFACE

        first = sorted({c for w in [*_SURFACE, "medio"] for c in (w[0].lower(), w[0].upper())})
        _CARDINAL = re.compile(r"(?=[" + "".join(first) + r"])" + CARDINAL_RE, re.IGNORECASE)
    return _CARDINAL


def source_values(seg: Segment, ctx: QAContext) -> tuple[list[Value], set[Decimal]]:
    """(values of the Spanish, amounts of its number words that are not compared)."""
    out, covered = _source_figures(seg, ctx)
    return out, _source_words(seg.source, covered)


def _source_figures(seg: Segment, ctx: QAContext) -> tuple[list[Value], list[tuple[int, int]]]:
    """(values of the Spanish, the stretches the number stage's spans cover)."""
    from ..numbers import Quantity, read_digits

    text = seg.source
    guess = ctx.locale_guess
    out: list[Value] = []
    covered: list[tuple[int, int]] = []
    for span in number_spans(seg, ctx):
        covered.append((span.start, span.end))
        if span.kind == "term":
            continue
        for v in _ends(span.value):
            if v is not None and _comparable(v):
                out.append(Value(span.text, span.start, span.end, v, span.target or span.text))
    if _DIGIT.search(text):  # a bare figure needs one
        for m in _BARE.finditer(text):
            a, b = m.span("num")
            if any(s < b and a < e for s, e in covered):
                continue
            read = read_digits(m["num"], guess.decimal_mark, guess.confident, guess.locale) if guess else None
            if read is None:
                continue
            out.append(Value(m["num"], a, b, Quantity(read[0]), m["num"]))
    out.sort(key=lambda v: v.start)
    return out, covered


def _source_words(text: str, covered: list[tuple[int, int]]) -> set[Decimal]:
    """Amounts of the Spanish number words outside ``covered``, and of Roman numerals."""
    from ..numbers.words import parse_cardinal

    words: set[Decimal] = set()
    for m in _cardinal_re().finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        n = parse_cardinal(m.group(0))
        if n is not None:
            words.add(n)
    for m in _ROMAN.finditer(text):  # "siglo XXI": Apertium writes "21st century"
        if m.group(0):
            words.add(Decimal(_roman(m.group(0))))
    return words


def _roman(s: str) -> int:
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total


def english_values(text: str) -> list[Value]:
    """Values of the English, without figures glued to codes or times ("COVID-19", "10:30")."""
    from ..numbers import parse_english_numbers

    out = []
    for span in parse_english_numbers(text):
        if _EN_GLUED_BEFORE.search(text[max(0, span.start - 2):span.start]):
            continue
        if span.text[-1:].isdigit() and _EN_GLUED_AFTER.match(text[span.end:span.end + 3]):
            continue  # "4C", "3D", "787-8*s" (an Apertium mark left inside a code)
        for v in _ends(span.value):
            if v is None or not _comparable(v):
                continue
            out.append(Value(span.text, span.start, span.end, v, span.text))
    return out


def same(a, b) -> bool:
    """True when two values (Quantity or DateValue) say the same thing."""
    from ..numbers import DateValue, Quantity
    from ..numbers.values import TimeValue

    if isinstance(a, TimeValue) or isinstance(b, TimeValue):
        # a time matches the same time, or a bare hour the engine left ("to the 10 hours")
        t, o = (a, b) if isinstance(a, TimeValue) else (b, a)
        if isinstance(o, TimeValue):
            return t == o
        return isinstance(o, Quantity) and o.unit is None and t.minute == 0 and o.amount in (t.hour, t.hour % 12 or 12)
    if isinstance(a, DateValue) or isinstance(b, DateValue):
        return isinstance(a, DateValue) and isinstance(b, DateValue) and a == b
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return False
    if a.amount != b.amount:
        return False
    if a.unit is None and b.unit == "currency":
        # "… 78.500 millones aprobados": the Spanish leaves the currency to an earlier
        # sentence and the English names it ("$78.5 billion"); the amount is what counts
        return True
    if a.unit != b.unit:
        return False
    if a.unit == "currency":
        return a.currency is None or b.currency is None or a.currency == b.currency
    return True


def _analyse(seg: Segment, ctx: QAContext):
    src, covered = _source_figures(seg, ctx)
    tgt = english_values(seg.target or "")
    missing = [s for s in src if not any(same(s.value, t.value) for t in tgt)]
    extra = [t for t in tgt if not any(same(s.value, t.value) for s in src)]
    if extra:  # the Spanish number words are read only when an English value is left
        words = _source_words(seg.source, covered)
        extra = [
            t for t in extra
            if not (getattr(t.value, "amount", None) in words and getattr(t.value, "unit", "x") in (None, "ordinal"))
        ]
    return missing, extra


def compare(seg: Segment, ctx: QAContext):
    """(Spanish values not in the English, English values not in the Spanish)."""
    return ctx.memo(seg, "numbers", lambda: _analyse(seg, ctx))


@check("numbers.missing", Severity.ERROR, "a value in the Spanish is not in the English (compared by value)")
def missing(seg: Segment, ctx: QAContext):
    miss, extra = compare(seg, ctx)
    for v in _unique(miss):
        yield f"{v} is not in the English" + (f"; the English has {_list(extra)}" if extra else "")


@check("numbers.extra", Severity.ERROR, "a value in the English is not in the Spanish")
def extra(seg: Segment, ctx: QAContext):
    miss, extra = compare(seg, ctx)
    if extra and not miss:
        yield f"{_list(extra)} in the English {'is' if len(extra) == 1 else 'are'} not in the Spanish"


def _unique(values: list[Value]) -> list[Value]:
    seen, out = set(), []
    for v in values:
        if (v.text, v.label) not in seen:
            seen.add((v.text, v.label))
            out.append(v)
    return out


def _list(values: list[Value]) -> str:
    return ", ".join(f"“{v.text}”" for v in _unique(values))


#: Spanish number words and abbreviations that are never English: left in the English
#: they mean the number stage did not read a figure (whose value QA then cannot check).
_UNREAD = re.compile(
    r"(?<![\w$])(?:mill[oó]n(?:es)?|bill[oó]n(?:es)?|millardos?|(?-i:mdp|mmdp|mdd|mmdd|mmp)|MMUS\$|MMUSD|MUS\$|"
    r"milmillonari\w*|billonari\w*|(?:onc|doc|trec|catorc|quinc|veint)eav[oa]s?|d[eé]cim[oa]s?\s+(?:primer|segund|"
    r"tercer|cuart|quint|sext|s[eé]ptim|octav|noven)\w*|vig[eé]sim\w*)(?!\w)"
    r"|(?<=\d)\s+mil(?=\s+(?:millones|mdp|mmdp|pesos|dólares|dolares)\b)",
    re.IGNORECASE,
)


@check("numbers.unread", Severity.WARNING, "a Spanish number word or abbreviation is left in the English")
def unread(seg: Segment, ctx: QAContext):
    text = seg.target or ""
    if not text:
        return
    found = sorted({m.group(0).strip() for m in _UNREAD.finditer(text)})
    if found:
        yield (f"{', '.join(f'“{w}”' for w in found)} left in the English: a figure the number stage did not "
               "read (its value is not checked)")

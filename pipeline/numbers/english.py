"""Values in English text, for the QA check that compares both sides by value.

Recognises what the number stage writes and what engines commonly produce: "$38
billion", "€1.5 trillion", "38 billion dollars", "120 billion Mexican pesos", "3.5%",
"3.5 percent", "2 percentage points", "25 basis points", "12,078", "1.5 million",
"half a million", "November 3, 2025", "3 November 2025", "November 2025", "21st",
"November 3 and 4", "47 thousand million Euros", "40 000", "800m".
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberFormatError, get_currency_name, parse_decimal

from ..model import Span
from .values import DateValue, Quantity, Range, TimeValue

_DIGIT = re.compile(r"\d")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SCALE = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "quadrillion": 15,
          "quintillion": 18, "k": 3, "m": 6, "mn": 6, "bn": 9, "tn": 12}
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "MX$": "MXN", "CA$": "CAD", "A$": "AUD"}
_HEADS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "franc": "CHF", "peso": None,
          "crown": None, "sol": "PEN"}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    en = Locale("en")
    out: dict[str, str] = {}
    for code in en.currencies:
        for count in (1, 2):
            n = get_currency_name(code, count, "en").lower()
            if "(" not in n and n and len(n.split()) <= 3:
                out.setdefault(n, code)
    for code in ("USD", "EUR", "GBP", "MXN", "ARS", "COP", "CLP", "JPY", "CHF", "CZK"):
        for count in (1, 2):
            out[get_currency_name(code, count, "en").lower()] = code
    return out


@lru_cache(maxsize=1)
def _patterns():
    names = sorted(_names(), key=len, reverse=True)
    cur = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names if " " in n)
    heads = r"dollars?|euros?|pounds?|yen|francs?|pesos?|crowns?|soles|korunas?"
    months = [m for m in Locale("en").months["format"]["wide"].values()]
    abbr = [m[:3] for m in months] + ["Sept"]
    mon = "|".join(sorted(months + abbr, key=len, reverse=True))
    number = re.compile(
        r"(?<![\w.,])(?P<sign>-)?(?P<sym>US\$|MX\$|CA\$|A\$|[$€£¥]|(?-i:[A-Z]{3})\s)?"
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d|[ \u00a0\u202f\u2009]\d)(?:\.\d+)?"  # "40 000"
        r"|\d+(?:\.\d+)?)(?![\d/:]|[.,]\d)"
        # "47 thousand million" (British 10^9); a one-letter scale only glued: "800m", "$5k" ("200 m" is metres)
        r"(?:[\s-]?(?P<scale>(?:thousand\s+)?(?:million|billion|trillion|quadrillion|quintillion)|thousand|bn|mn|tn)\b"
        r"|(?P<glued>(?-i:m|k))\b)?"
        r"(?![^\W\d_])"  # "4C", "3D", "1990s": a figure glued to letters is a code
        r"(?:\s?(?P<unit>%|per\s?cent\b|percentage\s+points?\b|basis\s+points?\b|bps\b))?"
        r"(?:\s+(?:of\s+)?(?P<cur>" + cur + r"|" + heads + r")\b)?",
        re.IGNORECASE,
    )
    half = re.compile(r"\bhalf\s+an?\s+(?P<scale>million|billion|trillion)\b(?:\s+(?P<cur>" + heads + r")\b)?", re.I)
    date_list = re.compile(
        r"\b(?:(?P<m>" + mon + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
        r"|(?P<e1>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&)\s+(?P<e2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<n>" + mon + r")\.?)"
        r"(?:,?\s+(?P<y>\d{4}))?(?![\d:])"
    )
    date_mdy = re.compile(r"\b(?P<m>" + mon + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?(?!\d)")
    date_dmy = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>" + mon + r")\.?(?:,?\s+(?P<y>\d{4}))?(?!\d)")
    date_my = re.compile(r"\b(?P<m>" + "|".join(months) + r")\s+(?:of\s+)?(?P<y>\d{4})(?!\d)")
    ordinal = re.compile(r"(?<![\w.,])(?P<n>\d+)(?:st|nd|rd|th)\b|\bNo\.\s?(?P<no>\d+)(?![\d.,]\d)")
    mon_num = {}
    for i, m in enumerate(months, 1):
        mon_num[m.lower()] = i
        mon_num[m[:3].lower()] = i
    mon_num["sept"] = 9
    return number, half, date_list, date_mdy, date_dmy, date_my, ordinal, mon_num


_TIME_RE = re.compile(
    r"(?<![\w.,:])(?:(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s?(?P<ap>[ap]\.\s?m\.|[ap]m\b)"
    r"|(?P<h24>[01]?\d|2[0-3])(?::|\*?h)(?P<m24>[0-5]\d)(?![\d:]))"
    r"|(?<!\w)(?:at|until)\s+(?P<word>noon|midnight)\b",
    re.IGNORECASE,
)
_POINT_FRACTION_RE = re.compile(
    r"\b(?P<f>half|a\s+quarter|one\s+quarter|three[-\s]quarters)(?:\s+of)?(?:\s+an?)?[-\s]"
    r"(?P<pc>percentage[-\s])?points?\b|\b(?P<f2>half)[-\s]point\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _currency(sym: str | None, cur: str | None) -> str | None:
    if cur:
        key = re.sub(r"\s+", " ", cur.lower())
        code = _names().get(key)
        if code:
            return code
        head = key.rstrip("s")
        return _HEADS.get(head, _HEADS.get(key))
    if sym:
        sym = sym.strip()
        return _SYMBOLS.get(sym, sym if len(sym) == 3 and sym.isupper() else None)
    return None


@lru_cache(maxsize=8192)
def _en_decimal(digits: str) -> Decimal | None:
    """A figure as English writes it ("12,078.5"), read by Babel; None if malformed."""
    try:
        return parse_decimal(digits, locale="en_US", strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None


def parse_english_numbers(text: str) -> list[Span]:
    """Spans (kind number/currency/percent/date/ordinal) whose ``value`` is a
    Quantity or DateValue comparable with the Spanish side's (a Range of two DateValues
    for "November 3 and 4"). Never raises."""
    try:
        with localcontext() as ctx:
            ctx.prec = 80
            return _parse(text)
    except Exception:  # pragma: no cover
        return []


def _parse(text: str) -> list[Span]:
    if not isinstance(text, str) or not text:
        return []
    digit = _DIGIT.search(text) is not None
    low = text.lower()
    halves = "half" in low or "quarter" in low
    if not digit and not halves and "noon" not in low and "midnight" not in low:
        return []  # every pattern below needs a digit, but "half a million", "a quarter point", "noon"
    number, half, date_list, date_mdy, date_dmy, date_my, ordinal, mon_num = _patterns()
    spans: list[Span] = []

    def free(a, b):
        return all(b <= s.start or a >= s.end for s in spans)

    # a date needs a digit and a month, whose name starts with its abbreviation ("Sept": "Sep")
    dated = digit and any(a in text for a in _MONTH_ABBR)
    for m in date_list.finditer(text) if dated else ():  # "November 3 and 4": two days, as the Spanish side's Range
        mo = mon_num.get((m["m"] or m["n"]).lower().rstrip("."))
        d1, d2 = int(m["d1"] or m["e1"]), int(m["d2"] or m["e2"])
        if mo and 1 <= d1 < d2 <= 31:
            y = int(m["y"]) if m["y"] else None
            spans.append(Span(m.start(), m.end(), "date", m.group(0), None, Range(DateValue(y, mo, d1), DateValue(y, mo, d2))))

    for rx in (date_mdy, date_dmy) if dated else ():
        for m in rx.finditer(text):
            mo = mon_num.get(m["m"].lower().rstrip("."))
            d = int(m["d"])
            if mo and 1 <= d <= 31 and free(m.start(), m.end()):
                y = int(m["y"]) if m["y"] else None
                spans.append(Span(m.start(), m.end(), "date", m.group(0), None, DateValue(y, mo, d)))
    for m in date_my.finditer(text) if dated else ():
        if free(m.start(), m.end()):
            spans.append(Span(m.start(), m.end(), "date", m.group(0), None, DateValue(int(m["y"]), mon_num[m["m"].lower()], None)))
    for m in _TIME_RE.finditer(text):  # "8:45 p.m.", "8 a.m.", "20:45", "at noon"
        if not free(m.start(), m.end()):
            continue
        if m["word"]:
            t = TimeValue(12 if m["word"].lower() == "noon" else 0, 0)
        else:
            h, mi = int(m["h"] or m["h24"]), int(m["m"] or m["m24"] or 0)
            if m["ap"]:
                if not 1 <= h <= 12:
                    continue
                h = (h % 12) + (12 if m["ap"][0].lower() == "p" else 0)
            elif h > 23:
                continue
            t = TimeValue(h, mi)
        start = m.start("word") if m["word"] else m.start()
        spans.append(Span(start, m.end(), "time", text[start:m.end()], None, t))
    for m in _POINT_FRACTION_RE.finditer(text) if halves else ():  # "half a percentage point"
        if free(m.start(), m.end()):
            f = (m["f"] or m["f2"]).lower().replace("-", " ").split()
            v = Decimal({"half": "0.5", "quarter": "0.25", "three": "0.75"}[f[-1] if f[0] in ("a", "one") else f[0]])
            spans.append(Span(m.start(), m.end(), "percent" if m["pc"] else "number", m.group(0), None,
                              Quantity(v, "percentage_point" if m["pc"] else None)))
    for m in half.finditer(text) if halves else ():
        if free(m.start(), m.end()):
            code = _currency(None, m["cur"])
            q = Quantity(Decimal(5) * Decimal(10) ** (_SCALE[m["scale"].lower()] - 1), "currency" if m["cur"] else None, code)
            spans.append(Span(m.start(), m.end(), "currency" if m["cur"] else "number", m.group(0), None, q))
    for m in ordinal.finditer(text):
        if free(m.start(), m.end()):
            spans.append(Span(m.start(), m.end(), "ordinal", m.group(0), None, Quantity(Decimal(m["n"] or m["no"]), "ordinal")))
    isos = _iso_codes()
    for m in number.finditer(text):
        if not free(m.start(), m.end()):
            continue
        value = _en_decimal(re.sub(r"[ \u00a0\u202f\u2009]", "", m["num"]))
        if value is None:
            continue
        scale = m["scale"] or m["glued"]
        if scale:
            value *= Decimal(10) ** sum(_SCALE[w] for w in scale.lower().split())
        sym = m["sym"]
        start = m.start()
        if sym and sym.strip().isalpha() and sym.strip() not in isos:
            sym = None  # "IBM 5150", "CAC 40": three capitals that are no currency
            start = m.start("num") if not m["sign"] else m.start("sign")
            if m["sign"]:
                continue  # "IBM -5": not a signed amount either
        if m["sign"]:
            value = -value
        unit = None
        kind = "number"
        code = None
        if m["unit"]:
            u = m["unit"].lower()
            unit = "percentage_point" if "percentage" in u else ("basis_point" if ("basis" in u or "bp" in u) else "percent")
            kind = "percent"
        elif sym or m["cur"]:
            code = _currency(sym, m["cur"])
            if code is None and sym and not m["cur"]:
                pass
            else:
                unit, kind = "currency", "currency"
        end = m.end()
        if unit is None and m["cur"]:
            end = m.end("scale") if m["scale"] else (m.end("glued") if m["glued"] else m.end("num"))
        spans.append(Span(start, end, kind, text[start:end], None, Quantity(value, unit, code)))
    spans.sort(key=lambda s: s.start)
    return spans

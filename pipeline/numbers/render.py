"""English (en_US) rendering of parsed values, with Babel's CLDR data.

House style (configurable through NumberOptions):
- amounts the Spanish gave with a scale word keep a scale word, moved up while the
  figure stays short: "38.000 millones" → "38 billion", "1,5 billones" → "1.5 trillion",
  "259 mil 433 millones" → "259.433 billion"; plain figures keep all digits: "12.078" →
  "12,078";
- currencies: "$38 billion", "€1.5 trillion", "£3 million" for USD/EUR/GBP; the English
  CLDR name for the rest: "120 billion Mexican pesos", "13 billion Swiss francs";
- percent "3.5%", "2 percentage points", "0.3 percentage point", "25 basis points";
- dates in Babel's en_US long format: "November 3, 2025", "November 3", "November 2025";
- ordinals "1st", "20th".
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, get_currency_name, get_currency_symbol

from .values import DateValue, NumberOptions, Quantity, Range, TimeValue

EN = "en_US"
_SCALES = [(6, "million"), (9, "billion"), (12, "trillion"), (15, "quadrillion"), (18, "quintillion")]
_SCALE_NAME = dict(_SCALES)


def frac_digits(d: Decimal) -> int:
    exp = d.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


@lru_cache(maxsize=16)
def _pattern(k: int) -> str:
    return "#,##0" + ("." + "0" * k if k else "")


def fmt_number(d: Decimal, min_frac: int = 0) -> str:
    """en_US digits with grouping, keeping every significant decimal: 1234.5 → "1,234.5"."""
    k = max(frac_digits(d), min_frac)
    if k > 12:  # absurdly long fraction: let Babel print it as it is
        return format_decimal(d, locale=EN, decimal_quantization=False)
    return format_decimal(d, format=_pattern(k), locale=EN)


#: The most decimals a desk's scaled figure keeps: the value stays exact (QA reconciles
#: by value, so nothing is rounded), and "€2.7153 billion", "85.60214 trillion pesos"
#: still read at a glance; one more ("72.606525 trillion") and the figure stays in the
#: Spanish scale with grouped digits ("72,606,525 million").
DESK_DECIMALS = 5


def choose_scale(value: Decimal, source_exp: int) -> int:
    """The power of ten to write ``value`` with, starting from the Spanish scale word's:
    the largest English scale (up to trillion) at which the figure is at least 1 and
    keeps at most DESK_DECIMALS decimals ("2.715,3 millones" → 2.7153 billion)."""
    if source_exp < 6:
        if abs(value) < Decimal(10) ** 6:
            return 0
        source_exp = 6
    best = source_exp
    for nxt, _ in _SCALES:
        if nxt <= source_exp:
            continue
        if nxt > 12:  # "quadrillion" only where the Spanish said "mil billones"/"trillón"
            break
        m = value / (Decimal(10) ** nxt)
        if abs(m) < 1 or frac_digits(m) > DESK_DECIMALS:
            break
        if abs(m) < 1000:
            best = nxt
    return best


def exact_figure(value: Decimal, options: NumberOptions) -> str:
    """A figure with no Spanish scale word of its own (a mixed compound, thirteen
    digits): with a scale word where no precision is lost and the figure is short
    ("3.12 billion", "$4 trillion", "1.074 million"), else every digit ("47,315,208")."""
    if options.scale_words and abs(value) >= Decimal(10) ** 6 and frac_digits(value) == 0:
        for exp in (12, 9, 6):
            m = value / Decimal(10) ** exp
            if 1 <= abs(m) < 1000 and frac_digits(m) <= DESK_DECIMALS:
                return f"{fmt_number(m.normalize())} {_SCALE_NAME[exp]}"
    return fmt_number(value)


def scaled_figure(value: Decimal, source_exp: int | None, options: NumberOptions, frac: int = 0) -> str:
    """"38 billion", "1.5 trillion", "15,000", "187.35"."""
    if source_exp is None or not options.scale_words:
        return fmt_number(value, frac if source_exp is None else 0)
    exp = choose_scale(value, source_exp)
    if exp == 0:
        return fmt_number(value)
    mantissa = (value / (Decimal(10) ** exp)).normalize()
    return f"{fmt_number(mantissa)} {_SCALE_NAME.get(exp, f'x 10^{exp}')}"


def half_figure(source_exp: int) -> str:
    return f"half a {_SCALE_NAME.get(source_exp, 'million')}"


def currency_amount(figure: str, code: str | None, plural: bool, options: NumberOptions, name_hint: str = "") -> str:
    """Put a currency on an already formatted figure."""
    neg = figure.startswith("-")
    body = figure[1:] if neg else figure
    sign = "-" if neg else ""
    if code is None:
        return f"{figure} {name_hint or 'units'}".strip()
    style = options.currency_style
    if style == "auto":
        style = "symbol" if code in options.symbol_currencies else "name"
    if style == "symbol":
        return f"{sign}{get_currency_symbol(code, EN)}{body}"
    if style == "code":
        return f"{sign}{code} {body}"
    return f"{figure} {get_currency_name(code, 2 if plural else 1, EN)}"


def percent_text(figure: str, unit: str, amount: Decimal | None, options: NumberOptions) -> str:
    one = amount is not None and abs(amount) <= 1
    if unit == "percent":
        return figure + "%" if options.percent_style == "symbol" else f"{figure} percent"
    if unit == "percentage_point":
        return f"{figure} percentage point" + ("" if one else "s")
    if unit == "point":  # index points (décimas of an index)
        return f"{figure} point" + ("" if one else "s")
    if unit == "basis_point":
        return f"{figure} basis point" + ("" if amount == 1 else "s")
    return figure


def ordinal_text(n: int) -> str:
    """"1st", "22nd", "113th". (inflect.engine().ordinal gives the same, but importing
    inflect costs about two seconds through typeguard, so the rule is spelled out.)"""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def date_text(d: DateValue) -> str:
    """"November 3, 2025", "November 3", "November 2025"."""
    if d.year and d.month and d.day:
        return format_date(datetime.date(d.year, d.month, d.day), "long", locale=EN)
    if d.month and d.day:
        return format_skeleton("MMMMd", datetime.date(2000, d.month, d.day), locale=EN)
    if d.year and d.month:
        return format_skeleton("yMMMM", datetime.date(d.year, d.month, 1), locale=EN)
    return str(d.year or "")


def date_list_text(a: DateValue, b: DateValue) -> str:
    """Two days of one month: "November 3 and 4", "November 3 and 4, 2025"."""
    first = format_skeleton("MMMMd", datetime.date(2000, a.month, a.day), locale=EN)
    return f"{first} and {b.day}" + (f", {a.year}" if a.year else "")


def quantity_text(q: Quantity, options: NumberOptions) -> str:
    """A plain rendering of a Quantity (used for English-side display and tests)."""
    if q.amount is None:
        return ""
    fig = fmt_number(q.amount)
    if q.unit == "currency":
        return currency_amount(fig, q.currency, q.amount != 1, options)
    if q.unit == "ordinal":
        return ordinal_text(int(q.amount))
    return percent_text(fig, q.unit or "", q.amount, options)


def range_value(r: Range) -> tuple:
    return (r.low, r.high)


def time_text(t: TimeValue) -> str:
    """AP style: "8:45 p.m.", "8 a.m.", "noon", "midnight"."""
    if t.minute == 0 and t.hour in (0, 12):
        return "midnight" if t.hour == 0 else "noon"
    h = t.hour % 12 or 12
    return f"{h}{f':{t.minute:02d}' if t.minute else ''} {'a.m.' if t.hour < 12 else 'p.m.'}"

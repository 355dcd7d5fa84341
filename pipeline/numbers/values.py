"""Options and the structured values the number stage attaches to spans.

Values are plain frozen dataclasses holding ``Decimal`` amounts, so QA can compare the
Spanish side with the English side with ``==``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class NumberOptions:
    """How numbers are read from Spanish and written in English.

    source_locale: "auto" (infer per document) or a CLDR locale such as es_ES, es_MX,
        es_AR, es_CO, es_CL, es_US; fixes the decimal mark and what a bare "$" means.
    dollar_sign: "auto" (bare "$" = the local peso in Latin American text unless the
        sentence says dólares/USD), "usd" (always US dollars) or "local" (always the
        local currency of the source locale).
    scale_words: write "38 billion" (True) or "38,000,000,000" (False) for amounts
        the Spanish gave with a scale word (millones, mil millones, billones, mdp...).
    currency_style: "auto" (symbol for the currencies in ``symbol_currencies`` —
        "$38 billion", "€1.5 trillion" — English name otherwise — "120 billion Mexican
        pesos"), "symbol" (en_US CLDR symbol always: "MX$120 billion"), "code"
        ("MXN 120 billion") or "name" ("38 billion US dollars").
    percent_style: "symbol" ("3.5%") or "word" ("3.5 percent").
    """

    source_locale: str = "auto"
    dollar_sign: str = "auto"
    scale_words: bool = True
    currency_style: str = "auto"
    percent_style: str = "symbol"
    symbol_currencies: frozenset[str] = field(default_factory=lambda: frozenset({"USD", "EUR", "GBP"}))


@dataclass(frozen=True)
class Quantity:
    """An amount with what it counts.

    unit: None (a plain number), "percent", "percentage_point", "basis_point",
        "ordinal" or "currency" (then ``currency`` holds the ISO 4217 code, or None
        when the text named a currency we could not pin down, e.g. "coronas").
    vague: True for "miles de millones" ("billions") — no exact amount.
    """

    amount: Decimal | None
    unit: str | None = None
    currency: str | None = None
    vague: bool = False


@dataclass(frozen=True)
class DateValue:
    """A calendar date; a part is None when the text did not give it."""

    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True)
class Range:
    low: Quantity | DateValue
    high: Quantity | DateValue


@dataclass(frozen=True)
class TimeValue:
    """A time of day on the 24-hour clock ("a las 20:45 horas" → 20:45)."""

    hour: int
    minute: int = 0

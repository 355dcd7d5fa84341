"""Bounds on what a figure can be, from public figures (sources in docs/numbers.md).

A money amount is converted to US dollars at a rough rate (order of magnitude is all
that matters: the test is a factor of 10 or 1,000 off, never 10%) and compared with
world GDP; a rate that cannot exceed 100% (unemployment, poverty, turnout…) is compared
with 100.
"""

from __future__ import annotations

import re
from decimal import Decimal

#: World GDP, current prices: about US$110 trillion in 2024 (IMF World Economic
#: Outlook, October 2024: 110.06 trillion). No one country's budget, debt or company's
#: revenue comes near it (the largest national budget, the US federal outlays of FY2024,
#: were US$6.75 trillion, CBO); an amount above it is a misreading.
WORLD_GDP_USD = Decimal("110e12")

#: The largest national budget (US federal outlays FY2024, CBO: US$6.75 trillion),
#: rounded up: a government budget, debt or company figure above it is suspect.
LARGEST_BUDGET_USD = Decimal("7e12")

#: US dollars per unit, 2024 annual averages rounded to one or two figures (IMF IFS /
#: central banks). Only the order of magnitude is used.
USD_PER_UNIT = {
    "USD": Decimal("1"), "EUR": Decimal("1.08"), "GBP": Decimal("1.28"), "CHF": Decimal("1.14"),
    "JPY": Decimal("0.0066"), "CNY": Decimal("0.14"), "CAD": Decimal("0.73"), "BRL": Decimal("0.19"),
    "MXN": Decimal("0.055"), "COP": Decimal("0.00025"), "CLP": Decimal("0.00106"), "ARS": Decimal("0.0011"),
    "PEN": Decimal("0.27"), "DOP": Decimal("0.017"), "UYU": Decimal("0.025"), "VES": Decimal("0.027"),
    "BOB": Decimal("0.145"), "PYG": Decimal("0.00013"), "GTQ": Decimal("0.13"), "CRC": Decimal("0.0019"),
    "HNL": Decimal("0.04"), "NIO": Decimal("0.027"), "CUP": Decimal("0.042"),
}


def usd(amount: Decimal, code: str | None) -> Decimal | None:
    """The amount in US dollars, roughly; None for an unknown currency."""
    rate = USD_PER_UNIT.get(code or "")
    return None if rate is None or amount is None else abs(amount) * rate


def money_absurd(amount: Decimal, code: str | None) -> bool:
    """True when the amount is more than world GDP."""
    v = usd(amount, code)
    return v is not None and v > WORLD_GDP_USD


#: Rates that are shares of a whole: they cannot exceed 100%.
BOUNDED_RATE = re.compile(
    r"(?<!\w)(?:desempleo|desocupaci[oó]n|paro|pobreza|indigencia|informalidad|ocupaci[oó]n|participaci[oó]n|"
    r"abstenci[oó]n|cobertura|aprobaci[oó]n|analfabetismo|escolaridad|vacunaci[oó]n)(?!\w)",
    re.IGNORECASE,
)
#: Words that make a percentage a change, which may well exceed 100%.
CHANGE = re.compile(
    r"(?<!\w)(?:aument|increment|crec|subi|sub[ei]|ca[ií]|baj|disminu|redu|alz|var[ií]|inflaci|m[aá]s\s+que|"
    r"interanual|respecto|frente\s+a)",
    re.IGNORECASE,
)


def rate_over_100(text: str, value: Decimal) -> str | None:
    """A reason when ``value``% is a share of a whole above 100 (a misreading or a typo)."""
    if value is None or value <= 100:
        return None
    m = BOUNDED_RATE.search(text)
    if m and not CHANGE.search(text):
        return f"{value}% as a '{m.group(0)}' rate is above 100%: check the source"
    return None

"""Per-document inference of the Spanish locale: decimal mark and country.

The evidence follows docs/spanish-numbers.md: a number with both marks settles it; one
or two digits after a lone separator before a scale word, "%" or a currency make that
separator the decimal mark; institutions, currencies and vocabulary point to a country;
the number evidence (house style) beats the country. The country's own convention comes
from CLDR via Babel.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol, get_territory_currencies

from .values import NumberOptions


@dataclass
class LocaleGuess:
    """What the number stage assumes about one document.

    locale: a CLDR locale ("es_MX", "es_ES", "es" when only the decimal comma is
        known, "es_419" for Latin American text with a decimal point and no country).
    decimal_mark: "," or ".".
    evidence: human-readable reasons, for logs and review notes.
    confident: False when nothing in the document fixed the decimal mark; then a lone
        separator followed by exactly three digits is flagged as ambiguous.
    """

    locale: str
    decimal_mark: str
    evidence: list[str] = field(default_factory=list)
    confident: bool = False
    #: where the decimal mark came from: "numbers" (the document's own figures),
    #: "country" (CLDR, for the country its institutions name), "option" or "default".
    #: A three-digit group read by "country" alone is weak evidence (Colombian and
    #: Mexican outlets mix conventions) and is flagged.
    decimal_from: str = "numbers"
    #: (ISO code, Spanish name) of the money the document named last before this
    #: paragraph: the currency of a later "… 78.500 millones aprobados" that names none
    prior_currency: tuple | None = None

    @property
    def territory(self) -> str | None:
        return _territory(self.locale)

    @property
    def local_dollar_currency(self) -> str | None:
        """The currency a bare "$" stands for in this locale (MXN in es_MX, USD in
        es_US), from CLDR: the territory's currency whose local symbol ends in "$".
        None when the country is unknown or its currency is not written with "$"."""
        return _local_dollar(self.locale)


def _territory(locale: str) -> str | None:
    try:
        t = Locale.parse(locale).territory
    except (ValueError, UnknownLocaleError):
        return None
    return t if t and t.isalpha() else None


@lru_cache(maxsize=64)
def _local_dollar(locale: str) -> str | None:
    from babel.numbers import get_currency_symbol

    t = _territory(locale)
    if not t:
        return None
    try:
        for code in get_territory_currencies(t):
            if get_currency_symbol(code, locale).endswith("$"):
                return code
    except Exception:
        return None
    return None


@lru_cache(maxsize=64)
def locale_marks(locale: str) -> tuple[str, str] | None:
    """(decimal, group) symbols for a CLDR locale, or None if Babel does not know it."""
    try:
        return get_decimal_symbol(locale), get_group_symbol(locale)
    except (ValueError, UnknownLocaleError):
        return None


# --- evidence -------------------------------------------------------------------

_SCALE_AFTER = r"\s*(?:mil\b|mill|bill|trill|millardo|mdp|mmdp|mdd|M€|MM\b|%|por\s+ciento|puntos|€|euros|d[oó]lares|pesos)"
_NUM_IN_TEXT = re.compile(
    r"(?<![\w.,/:\-+])(\d+(?:[.,]\d+)+)(?![\w/:+]|[.,]\d)(?P<after>" + _SCALE_AFTER + r")?",
    re.IGNORECASE,
)

#: (regex, territory, weight, description). Names of institutions and currencies.
_COUNTRY_CUES: list[tuple[str, str, int]] = [
    (r"\b(?:Banxico|SHCP|INEGI|Pemex|CDMX|mmdp|mdp|mdd|MXN|M\.N\.)\b|pesos mexicanos|Ciudad de México", "MX", 2),
    (r"\b(?:INDEC|BCRA|ARS|AFIP)\b|U\$S|pesos argentinos|(?i:\b(?:sos|tenés|podés|querés|sabés|conocé|mirá|hacé|vos)\b)", "AR", 2),
    (r"\b(?:DANE|PGN|COP|Banrep)\b|pesos colombianos|Banco de la República", "CO", 2),
    (r"\b(?:Dipres|Codelco|CLP)\b|pesos chilenos", "CL", 2),
    (r"\b(?:BCV|VES)\b|\bBs\.|millardos?\b|bolívares", "VE", 2),
    (r"(?<!\w)S/\.?\s?\d|\b(?:BCRP|INEI|PEN)\b|\bsoles\b", "PE", 2),
    (r"RD\$|pesos dominicanos", "DO", 2),
    (r"pesos uruguayos|\bUYU\b|\bBCU\b|Banco Central del Uruguay", "UY", 2),
    (r"\b(?:BOE|CNMV|IBEX|Moncloa)\b|\bINE\b|M€|tipos de interés|Producto Interior Bruto|comunidades autónomas", "ES", 2),
    (r"€|\beuros?\b", "ES", 1),
]
#: The characters each pattern's matches can start with, as a look-ahead before it
#: (same order as _COUNTRY_CUES): the scan of a whole document then tries the pattern
#: only there (same matches, 2–3× faster).
_CUE_FIRST = [
    r"[BSIPCmMp]", r"[IBAUp]|(?i:[stpqmhcv])", r"[DPCBp]", r"[DCp]", r"[BVmb]", r"[SBIPs]", r"[Rp]", r"[pUB]",
    r"[BCIMtPc]", r"[€e]",
]
_COUNTRY_RES = [(re.compile("(?=" + f + ")(?:" + p + ")"), t, w) for f, (p, t, w) in zip(_CUE_FIRST, _COUNTRY_CUES)]
_LATAM_RE = re.compile(r"(?=[Ptcu])(?:Producto Interno Bruto|\btasas? de interés\b|\bcomputadora|\bcelular(?:es)?\b|\bustedes\b)")

#: For each pattern of _COUNTRY_CUES (same order) and _LATAM_RE: strings one of which
#: the text contains wherever the pattern matches. A whole document is scanned for
#: them in C far faster than by the patterns, which only run when one is there.
#: None: always run (Argentine voseo words like "sos", "vos" are inside common words).
_CUE_NEEDLES: list[tuple[str, ...] | None] = [
    ("Banxico", "SHCP", "INEGI", "Pemex", "CDMX", "mdp", "mdd", "MXN", "M.N.", "pesos mexicanos", "Ciudad de México"),
    None,
    ("DANE", "PGN", "COP", "Banrep", "pesos colombianos", "Banco de la República"),
    ("Dipres", "Codelco", "CLP", "pesos chilenos"),
    ("BCV", "VES", "Bs.", "millardo", "bolívares"),
    ("S/", "BCRP", "INEI", "PEN", "soles"),
    ("RD$", "pesos dominicanos"),
    ("pesos uruguayos", "UYU", "BCU", "Banco Central del Uruguay"),
    ("BOE", "CNMV", "IBEX", "Moncloa", "INE", "M€", "tipos de interés", "Producto Interior Bruto", "comunidades autónomas"),
    ("€", "euro"),
]
_LATAM_NEEDLES = ("Producto Interno Bruto", "de interés", "computadora", "celular", "ustedes")
assert len(_CUE_NEEDLES) == len(_CUE_FIRST) == len(_COUNTRY_CUES)


def _present(needles: tuple[str, ...] | None, text: str) -> bool:
    return needles is None or any(n in text for n in needles)


def _number_votes(text: str) -> tuple[Counter, list[str]]:
    votes: Counter = Counter()
    why: list[str] = []
    for m in _NUM_IN_TEXT.finditer(text):
        s = m.group(1)
        marks = [c for c in s if c in ".,"]
        parts = re.split(r"[.,]", s)
        scaled = bool(m.group("after"))
        if len(set(marks)) == 2:
            dec = marks[-1]
            if marks.count(dec) == 1 and all(len(p) == 3 for p in parts[1:-1]) and len(parts[0]) <= 3:
                votes[dec] += 3
                why.append(f"'{s}' uses both marks: decimal '{dec}'")
            continue
        mark = marks[0]
        other = "," if mark == "." else "."
        if len(marks) > 1:
            if len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
                votes[other] += 2
                why.append(f"'{s}' groups thousands with '{mark}'")
            continue
        k = len(parts[1])
        if k in (1, 2):
            w = 3 if scaled else 1
            votes[mark] += w
            why.append(f"'{m.group(0).strip()}': {k} digit(s) after '{mark}'" + (" before a scale word/unit" if scaled else ""))
        elif k == 3 and parts[1] == "000":
            votes[other] += 1
            why.append(f"'{s}': ',000'-style group")
        elif k == 3 and parts[1].endswith("0") and scaled:
            # "US$67.860 millones": a decimal is not written with a trailing zero
            votes[other] += 1
            why.append(f"'{m.group(0).strip()}': three digits ending in 0 before a scale word: '{mark}' groups")
        elif k > 3:
            votes[mark] += 1
            why.append(f"'{s}': {k} digits after '{mark}'")
    return votes, why


def infer_locale(text: str, options: NumberOptions | None = None) -> LocaleGuess:
    """Guess the document's locale and decimal mark from its text. Never raises."""
    options = options or NumberOptions()
    if not isinstance(text, str):
        text = str(text)
    if options.source_locale and options.source_locale != "auto":
        marks = locale_marks(options.source_locale)
        if marks:
            return LocaleGuess(options.source_locale, marks[0], [f"source locale set to {options.source_locale}"], True,
                               "option")
    try:
        return _infer(text)
    except Exception as exc:  # pragma: no cover - defensive: never break a run
        return LocaleGuess("es", ",", [f"inference failed: {exc!r}"], False)


def _infer(text: str) -> LocaleGuess:
    votes, evidence = _number_votes(text)
    countries: Counter = Counter()
    for (rx, terr, w), needles in zip(_COUNTRY_RES, _CUE_NEEDLES):
        hits = rx.findall(text) if _present(needles, text) else None
        if hits:
            countries[terr] += w * min(len(hits), 3)
            evidence.append(f"{terr}: {', '.join(sorted(set(h if isinstance(h, str) else h[0] for h in hits))[:3])}")
    latam = _present(_LATAM_NEEDLES, text) and bool(_LATAM_RE.search(text))
    if latam:
        evidence.append("Latin American vocabulary")

    country = None
    if countries:
        (best, score), *rest = countries.most_common(2) + [(None, 0)]
        if score >= 2 and score > rest[0][1]:
            country = best
        if best == "ES" and latam and score < 4:
            country = None

    dec = None
    confident = False
    source = "numbers"
    if votes:
        (top, n), *rest = votes.most_common(2) + [(None, 0)]
        if n > rest[0][1]:
            dec = top
            confident = n >= 2
    if country:
        loc = f"es_{country}"
        marks = locale_marks(loc)
        if dec is None and marks:
            dec = marks[0]
            confident = True
            source = "country"
            evidence.append(f"decimal '{dec}' from CLDR {loc}")
    if dec is None:
        dec = "."  if latam else ","
        source = "default"
        evidence.append(f"no evidence for the decimal mark: assuming '{dec}'")
    if not country:
        loc = "es_419" if dec == "." else "es"
    return LocaleGuess(loc, dec, evidence, confident, source)


#: More cues, for a paragraph only (the document's inference keeps _COUNTRY_CUES, so
#: that the newstest and seed readings stay as they are): ministries, statistics
#: offices, central banks, the country and its capital. (needles, regex, country, weight)
_PARAGRAPH_CUES = [
    (("MinHacienda", "Bogotá", "Colombia", "DIAN", "Superfinanciera", "Medellín", "Emisor", "Petro", "SMMLV", "Ecopetrol"),
     r"\b(?:MinHacienda|DIAN|Superfinanciera|Emisor|SMMLV|Ecopetrol)\b|Bogot[aá]|Colombia|Medell[ií]n|Ministerio de Hacienda y Cr[eé]dito P[uú]blico", "CO", 2),
    (("México", "Mexico", "Coneval", "IMSS", "Monterrey", "Hacienda y Crédito", "Sheinbaum", "CNBV", "Bolsa Mexicana"),
     r"\b(?:Coneval|IMSS|CNBV|Sheinbaum)\b|M[eé]xico|Monterrey|Bolsa Mexicana", "MX", 2),
    (("Argentin", "Buenos Aires", "ANSES", "Milei", "Caputo", "Banco Nación"),
     r"\b(?:ANSES|Milei)\b|Argentin[ao]s?|Buenos Aires|Banco Naci[oó]n", "AR", 2),
    (("Chile", "CMF", "Hacienda de Chile", "Boric", "Cochilco", "SII"),
     r"\b(?:CMF|Boric|Cochilco|SII)\b|Chile(?:no|na)?s?\b|Banco Central de Chile", "CL", 2),
    (("Perú", "Peru", "Lima", "MEF", "Sunat", "BCR"), r"\b(?:MEF|Sunat|SUNAT|BCR)\b|Per[uú]\b|\bLima\b", "PE", 2),
    (("Guatemala", "Banguat"), r"\bBanguat\b|Guatemala", "GT", 2),
    (("Costa Rica", "BCCR", "₡"), r"\bBCCR\b|Costa Rica|₡", "CR", 2),
    (("Bolivia", "$us"), r"Bolivia|\$us\b", "BO", 2),
    (("Paraguay", "Asunción"), r"Paraguay|Asunci[oó]n", "PY", 2),
    (("Ecuador", "Quito", "Guayaquil"), r"Ecuador|Quito|Guayaquil", "EC", 2),
    (("Venezuela", "Caracas", "PDVSA", "Maduro"), r"\b(?:PDVSA|Maduro)\b|Venezuela|Caracas", "VE", 2),
    (("BCRD", "Dominicana", "Santo Domingo", "DGII", "Abinader"), r"\b(?:BCRD|DGII|Abinader)\b|Rep[uú]blica Dominicana|Santo Domingo", "DO", 2),
    (("Uruguay", "Montevideo", "BCU"), r"\bBCU\b|Uruguay|Montevideo", "UY", 2),
    (("España", "Banco de España", "Madrid", "Moncloa", "AIReF"), r"\b(?:AIReF|Moncloa)\b|Espa[nñ]a|Banco de Espa[nñ]a", "ES", 2),
]
#: The country's adjective ("el Gobierno colombiano", "la economía chilena").
_PARAGRAPH_CUES += [
    (("colombian",), r"\bcolombian[oa]s?\b", "CO", 2), (("mexican",), r"\bmexican[oa]s?\b", "MX", 2),
    (("chilen",), r"\bchilen[oa]s?\b", "CL", 2), (("peruan",), r"\bperuan[oa]s?\b", "PE", 2),
    (("venezolan",), r"\bvenezolan[oa]s?\b", "VE", 2), (("dominican",), r"\bdominican[oa]s?\b", "DO", 2),
    (("uruguay",), r"\buruguay[oa]s?\b", "UY", 2), (("guatemaltec",), r"\bguatemaltec[oa]s?\b", "GT", 2),
    (("costarricense",), r"\bcostarricenses?\b", "CR", 2),
]
_PARAGRAPH_RES = [(needles, re.compile(rx), t, w) for needles, rx, t, w in _PARAGRAPH_CUES]


def _country_of(text: str) -> tuple[str | None, list[str]]:
    """The country a stretch of text names clearly (institutions, currencies), if any."""
    countries: Counter = Counter()
    why: list[str] = []
    for needles, rx, terr, w in _PARAGRAPH_RES:
        if _present(needles, text):
            hits = rx.findall(text)
            if hits:
                countries[terr] += w * min(len(hits), 3)
                why.append(f"{terr}: {', '.join(sorted(set(hits))[:3])}")
    for (rx, terr, w), needles in zip(_COUNTRY_RES, _CUE_NEEDLES):
        if needles is None or not _present(needles, text):
            continue  # voseo words are document-level evidence only
        hits = rx.findall(text)
        if hits:
            countries[terr] += w * min(len(hits), 3)
            why.append(f"{terr}: {', '.join(sorted(set(hits))[:3])}")
    if not countries:
        return None, why
    (best, score), *rest = countries.most_common(2) + [(None, 0)]
    if score >= 2 and score > rest[0][1]:
        return best, why
    return None, why


@lru_cache(maxsize=2048)
def _paragraph_country(text: str) -> tuple[str | None, tuple[str, ...]]:
    c, why = _country_of(text)
    return c, tuple(why)


def paragraph_guess(guess: LocaleGuess, paragraph: str) -> LocaleGuess:
    """The document's guess, with the country the paragraph itself names when it names
    another one ("El Banco de la República…" in a Mexican page: a bare "$" there is the
    Colombian peso). The decimal mark stays the document's unless only the country
    fixed it; a set --source-locale is never overridden."""
    if guess.decimal_from == "option" or not paragraph:
        return guess
    country, why = _paragraph_country(paragraph)
    if country is None or country == guess.territory:
        return guess
    loc = f"es_{country}"
    dec = guess.decimal_mark
    source = guess.decimal_from
    if source in ("country", "default"):
        marks = locale_marks(loc)
        if marks:
            dec, source = marks[0], "country"
    return LocaleGuess(loc, dec, [*guess.evidence, f"paragraph: {'; '.join(why)}"], guess.confident or source == "country",
                       source)

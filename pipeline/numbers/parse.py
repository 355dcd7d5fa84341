"""Find Spanish numeric expressions and turn each into a Span with an English target.

The scanner looks for trigger positions (digits, currency symbols, number words, month
names, "entre"/"de" before a number) and tries, at each, the recognisers in turn:
numeric and written dates, times, ranks, digit ordinals, fractions of a point, number
nouns (phrases.py), "el millón", hyphenated ranges, amounts (number + scale word +
compound groups + unit or currency, with the separator, plausibility and currency
evidence of docs/numbers.md), written ordinals and the vague "miles de millones".
Amounts next to each other are then joined into ranges ("entre 2 y 3 millones"), and a
figure that leaves its unit to a neighbour takes it (_carry_units, the ellipsis).

Numbers are parsed with Babel (``parse_decimal`` with a CLDR locale whose marks match
the reading chosen for that number) and kept as ``Decimal``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberFormatError, get_currency_name, parse_decimal

from ..model import Span
from . import render
from .hits import _Hit, _guard_before
from .locale import LocaleGuess, locale_marks
from .phrases import _number_noun, _rank, _scientific, _time
from .plausibility import money_absurd, rate_over_100
from .plausibility import usd as plausibility_usd
from .values import DateValue, NumberOptions, Quantity, Range
from .words import CARDINAL_RE, CARDINAL_WORD_RE, ORDINAL_RE, fold, parse_cardinal, parse_ordinal

# --- lexicon ----------------------------------------------------------------------

_WS = r"[ \t\u00a0\u202f\u2009]"

#: Prefix currency marks → ISO code; "$" and "Bs" depend on the locale.
_PREFIX_CODES = {
    "US$": "USD", "US $": "USD", "U$S": "USD", "u$s": "USD", "u$S": "USD", "U$s": "USD", "USD": "USD", "MMUS$": "USD", "EUR": "EUR", "€": "EUR",
    "MX$": "MXN", "MXN": "MXN", "RD$": "DOP", "S/": "PEN", "S/.": "PEN", "£": "GBP",
    "¥": "JPY", "R$": "BRL", "CA$": "CAD", "COP": "COP", "ARS": "ARS", "CLP": "CLP",
    "PEN": "PEN", "GBP": "GBP", "Bs.": "VES", "Bs": "VES", "Bs.S": "VES", "Bs.F": "VES",
    "$": "$", "MM$": "$", "MXN$": "MXN", "COP$": "COP", "COL$": "COP", "CLP$": "CLP", "ARS$": "ARS",
    "UYU$": "UYU", "DOP$": "DOP", "USD$": "USD", "Q": "GTQ", "₡": "CRC", "GTQ": "GTQ", "CRC": "CRC",
    "$us": "USD", "$US": "USD",
}
_PREFIX_RE = r"(?:MMUS\$|[uU]\$[sS]|\$(?-i:us|US)(?=" + _WS + r"?\d)|(?-i:Q)(?=\d)|₡|(?:MXN|COP|COL|CLP|ARS|UYU|DOP|USD)\$|US\s?\$|U\$S|MX\$|RD\$|CA\$|MM\$|R\$|S/\.?|Bs\.S|Bs\.F|Bs\.?|[$€£¥]|(?:USD|EUR|MXN|COP|ARS|CLP|PEN|GBP|GTQ|CRC)(?=" + _WS + r"?\d))"

#: Scale phrases → power of ten (and an implied currency for the abbreviations).
_SCALE_WORDS = [
    (r"mill[oó]n(?:es)?\s+de\s+millones", 12), (r"mil\s+millones", 9), (r"miles\s+de\s+millones", 9), (r"mil\s+billones", 15),
    (r"millardos?", 9), (r"mill[oó]n(?:es)?", 6), (r"bill[oó]n(?:es)?", 12), (r"miles(?=\s+de\s)", 3),
    (r"trill[oó]n(?:es)?", 18), (r"mill\.", 6), (r"mil", 3),
]
#: abbreviation → (power of ten, implied currency): mdp/mmdp millones/miles de millones
#: de pesos (Mexico), mdd/mmdd of dollars, MM (millones: Chile, Colombia, Venezuela),
#: MMUS$/MMUSD millones de dólares (Chile), MUS$ miles de dólares (Chile), M€ millones
#: de euros (Spain).
_SCALE_ABBR = {"mmp": (9, "$peso"), "mmdp": (9, "$peso"), "mdp": (6, "$peso"), "mmdd": (9, "USD"), "mdd": (6, "USD"),
               "M€": (6, "EUR"), "MM": (6, None), "MMUS$": (6, "USD"), "MMUSD": (6, "USD"), "MUS$": (3, "USD"),
               "MM$": (6, "$"), "MD": (6, "USD"), "M": (6, None)}
_ABBR_ALT = r"(?:(?i:mmdp|mdp|mmdd|mdd|mmp)|MMUS\$|MMUSD|MUS\$|MM\$|M€|MM|MD)"
_SCALE_RE = (
    r"(?:\s+(?P<scale>" + "|".join(p for p, _ in _SCALE_WORDS) + r")(?!\w)"
    r"(?:" + _WS + r"?(?P<abbr2>(?-i:" + _ABBR_ALT + r"))(?![\w€$]))?"  # "48 mil mdp" = 48,000 millones de pesos
    r"|" + _WS + r"?(?P<abbr>(?-i:" + _ABBR_ALT + r"))(?![\w€$])|(?<=\d)(?P<abbrm>(?-i:M))(?![\w€$]))"
)
#: Further groups of a mixed digit/word compound after the first scale word: "47
#: millones [315 mil 208]", "3 mil 120 millones [45 mil 600]", "dos billones [140 mil
#: 300 millones]", "un billón [203,554,000,000]". Validated in _compound_rest.
_GROUP_SCALE = r"mil\s+millones|mill[oó]n(?:es)?|bill[oó]n(?:es)?|mil"
_GROUP = (
    r"\s+(?:\d{1,3}(?:[.,'’]\s?\d{3})*(?:\.\d{1,2})?|" + CARDINAL_RE + r")(?:\s+mil\s+(?:\d{1,3}(?:\.\d{1,2})?|" + CARDINAL_RE + r"))?"
    r"(?:\s+(?:" + _GROUP_SCALE + r"))?(?!\w)(?![.,]\d)"
)

_UNIT_RE = (
    r"(?:(?P<pct>" + _WS + r"?%|\s+por\s*ciento(?!\w)|\s+por\s+cien(?!\w))"
    r"|(?P<pp>\s+puntos?\s+porcentual(?:es)?(?!\w)|\s+p\.\s?p\.|(?P<ppabbr>\s+(?-i:pp)(?!\w)))"
    r"|(?P<bp>\s+puntos?\s+(?:b[aá]sicos?|base)(?!\w)|\s+(?-i:pbs?)(?!\w)|\s+(?-i:p\.\s?b\.?))"
    r"|(?P<dec>\s+d[eé]cimas?(?:\s+de\s+punto(?:\s+porcentual)?)?(?!\w)(?!\s+de\s)))"
)

# Spanish → English plural for currency words we cannot pin to one ISO code.
_HEAD_DEFAULT = {
    "dolar": "USD", "peso": "$peso", "euro": "EUR", "libra": "GBP", "yen": "JPY",
    "franco": "CHF", "corona": None, "sol": "PEN", "bolivar": "VES", "real": "BRL",
    "yuan": "CNY", "rublo": "RUB", "rupia": "INR", "quetzal": "GTQ", "colon": "CRC",
    "lempira": "HNL", "guarani": "PYG", "peseta": "ESP",
}
_HEAD_EN = {"corona": "crowns", "peso": "pesos"}
_HEAD_SURFACE = (
    r"d[oó]lar(?:es)?|pesos?|euros?|libras?|yen(?:es)?|francos?|coronas?|soles|bol[ií]var(?:es)?"
    r"|reales|yuan(?:es)?|rublos?|rupias?|quetzal(?:es)?|col[oó]n(?:es)?|lempiras?|guaran[ií](?:es)?|pesetas?"
)
_EXTRA_NAMES = {
    "dólares americanos": "USD", "dólares norteamericanos": "USD", "dólares USA": "USD",
    "dólares estadounidenses": "USD", "libras esterlinas": "GBP", "moneda nacional": "$peso",
}


@lru_cache(maxsize=1)
def _currency_names() -> dict[str, str]:
    """Spanish currency names (singular and plural) from CLDR → ISO code."""
    from babel.numbers import get_territory_currencies

    es = Locale("es")
    active: set[str] = set()
    for terr in Locale("en").territories:
        try:
            active.update(get_territory_currencies(terr))
        except Exception:
            pass
    names: dict[str, str] = {}
    for code in sorted(es.currencies, key=lambda c: c in active):  # active ones win
        for count in (1, 2):
            name = get_currency_name(code, count, "es").lower()
            if "(" in name or not name or len(name.split()) > 3:
                continue
            names[name] = code
    names.update({k.lower(): v for k, v in _EXTRA_NAMES.items()})
    return names


@lru_cache(maxsize=1)
def _suffix_re() -> str:
    full = sorted(_currency_names(), key=len, reverse=True)
    # only multi-word names or names whose head is a money word: "pesos mexicanos"
    full = [re.escape(n).replace(r"\ ", r"\s+") for n in full if " " in n]
    return (
        r"(?:(?:\s+de\s+|" + _WS + r"?)(?P<sufsym>€|(?-i:USD|EUR|MXN|ARS|COP|CLP|PEN|GBP|JPY|CHF|M\.N\.))(?!\w)"
        r"|\s+(?:de\s*)?(?P<curname>" + "|".join(full) + r"|" + _HEAD_SURFACE + r")(?!\w)"
        r"(?:" + _WS + r"?\((?-i:M\.N\.|MXN|USD)\))?)"
    )


def _head(name: str) -> str:
    w = fold(name.split()[0])
    for h in _HEAD_DEFAULT:
        if w.startswith(h):
            return h
    return w


# --- compiled patterns ---------------------------------------------------------------

_DIGITS = (
    r"(?:\d{1,3}(?:" + _WS + r"\d{3})+(?:,\d+)?(?!\d)(?!" + _WS + r"\d)(?=" + _WS + r"*(?:mil|mill|bill|trill|%|€|euros|d[oó]lares|pesos|soles|(?-i:M)(?!\w)))"
    r"|\d{1,3}(?:[.,'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d/:+]|[.,'’]\d|[-–]\d)"
)


_ONE_WORD = CARDINAL_WORD_RE


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    months = _month_names()
    month_re = "|".join(sorted(months, key=len, reverse=True))
    amount = (
        r"(?P<sign>[-−–]" + _WS + r"?)?(?:(?P<pre>" + _PREFIX_RE + r")" + _WS + r"?)?"
        # after a currency mark, space-grouped digits are a figure even with no scale word
        # ("$1 423 500 y …"); elsewhere they need one (phone numbers, lists of codes)
        r"(?:(?P<num>(?(pre)\d{1,3}(?:" + _WS + r"\d{3})+(?:,\d{1,2})?(?!\d)(?!" + _WS + r"\d)|(?!))|" + _DIGITS + r")"
        r"|(?P<words>" + CARDINAL_RE + r"))"
        r"(?:(?<=mil)\s+(?P<spk2>\d{1,3}(?:\.\d{1,2})?(?=\s+(?:mil\s+millones|mill|bill))|\d{3}(?![\d.,'’:/]|\s+mil\b)))?"  # "tres mil 179.1 millones"
        r"(?:\s+mil\s+(?P<spk>\d{1,3}(?:\.\d{1,2}(?=\s+(?:mill|bill)))?(?![\d.,'’]\d|\d|/|:)|(?:" + CARDINAL_RE + r")(?=\s+(?:mil\s+millones|mill|bill|trill))))?"
        r"(?:" + _SCALE_RE + r")?"
        r"(?(scale)(?:\s+(?P<tail>" + CARDINAL_RE + r"))?)"  # "un millón quinientos mil"
        r"(?:(?<=[nsl])(?P<cont>(?:" + _GROUP + r")+))?"  # "47 millones 315 mil 208"
        r"(?:" + _UNIT_RE + r")?"
        r"(?:" + _suffix_re() + r")?"
    )
    return {
        "amount": re.compile(amount, re.IGNORECASE),
        "date_text": re.compile(
            r"(?P<day>\d{1,2}|1\.?\s?º|primero)\s+de\s+(?P<month>" + month_re + r")"
            r"(?:\s+(?:de|del)\s+(?P<year>\d{4})(?![\d.,]\d))?(?!\w)",
            re.IGNORECASE,
        ),
        "date_list": re.compile(
            r"(?P<d1>\d{1,2})\s+y\s+(?P<day>\d{1,2})\s+de\s+(?P<month>" + month_re + r")"
            r"(?:\s+(?:de|del)\s+(?P<year>\d{4})(?![\d.,]\d))?(?!\w)",
            re.IGNORECASE,
        ),
        "month_year": re.compile(
            r"(?P<month>" + month_re + r")\s+(?:de|del)\s+(?P<year>\d{4})(?![\w.,]\d|\d)", re.IGNORECASE
        ),
        "date_num": re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/.\-]\d|\d|\w)"),
        "ord_digit": re.compile(
            r"(?P<n>\d{1,4})(?:(?P<ind>\.?\s?[ºª]|\.°)|\.?(?P<suf>ero|era|er|ro|ra|do|da|to|ta|mo|ma|vo|va|no|na)(?!\w))"
        ),
        "ord_word": re.compile(ORDINAL_RE, re.IGNORECASE),
        "vague": re.compile(r"miles\s+de\s+millones(?:\s+de\s+(?P<cur>" + _HEAD_SURFACE + r"))?(?!\w)", re.IGNORECASE),
        "trigger": re.compile(
            r"\d+(?:[.,'’]\d+)*|[$€£¥₡]|(?<!\w)(?-i:Q)(?=\d)|(?<!\w)(?:[uU]\$[sS]|(?:MXN|COP|COL|CLP|ARS|UYU|DOP|USD)\$|US\s?\$|U\$S|RD\$|R\$|MX\$|CA\$|MMUS\$|MM\$|S/|Bs|(?:USD|EUR|MXN|COP|ARS|CLP|PEN|GBP|GTQ|CRC)(?=" + _WS + r"?\d))"
            r"|(?<![\w.,])[-−–](?=" + _WS + r"?(?:\d|US\s?\$|\$|U\$S|€))"
            r"|(?i:(?<!\w)(?:mill|bill)[oó]n(?!\w))"
            r"|(?i:(?<!\w)(?:mil\s?millonari|multimillonari|millonari|billonari|millar|el\s+(?:doble|triple|cu[aá]druple)|un\s+trimestre\s+porcentual|cientos\s+de|centenares\s+de|decenas\s+de|un\s+centenar|un\s+cuarto))"
            r"|(?i:(?<!\w)(?:" + _ONE_WORD + r"|" + ORDINAL_RE + r"|(?:" + month_re + r")(?=\s+del?\s+\d)|miles\s+de\s+millones))"
        ),
        "range_open": re.compile(r"(?P<w>entre|desde|del|de)\s+(?:(?:el|los|las)\s+)?$", re.IGNORECASE),
        "range_mid": re.compile(r"^\s+(?P<w>y|a|al|hasta)\s+(?:(?:el|los|las)\s+)?$", re.IGNORECASE),
        "dollar_word": re.compile(r"d[oó]lares|(?<![A-Z])USD|US\s?\$|U\$S"),
        "dollar_mark": re.compile(r"(?<![A-Z])USD|US\s?\$|U\$S|[uU]\$[sS]"),
        "quick": re.compile(
            r"\d|[$€£¥₡]|(?i:mill|bill|trill|ciento|centenar|decenas|cuarto|doble|triple|cu[aá]druple|trimestre|y\s+medio|n[uú]mero\s|de\s+la\s+(?:noche|mañana|tarde|madrugada)|mediod[ií]a|horas|por\s+cien|porcentual|puntos\s+b|punto|av[oa]|[eé]simo|[eé]sima|[eé]cim|" + month_re + r")"
        ),
    }


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    names = {fold(n): i for i, n in Locale("es").months["format"]["wide"].items()}
    names["setiembre"] = 9
    return names


# --- digits → Decimal ----------------------------------------------------------------

@lru_cache(maxsize=4096)
def _locale_for(decimal: str, preferred: str) -> str:
    group = "." if decimal == "," else ","
    if locale_marks(preferred) == (decimal, group):
        return preferred
    return "es_ES" if decimal == "," else "es_MX"


@lru_cache(maxsize=8192)
def read_digits(s: str, doc_decimal: str, confident: bool, locale: str = "es") -> tuple[Decimal, int, str | None] | None:
    """Read a digit string as Spanish writes it: (value, fraction digits, ambiguity).

    The reading of each separator follows docs/spanish-numbers.md: two different marks
    settle it; a repeated mark groups thousands; a lone mark followed by one, two or
    four+ digits is decimal; by exactly three digits it follows the document's decimal
    mark (ambiguous when the document gave no evidence), except ",000"/".000" which
    always groups. The string is then parsed by Babel with a matching CLDR locale.
    """
    core = s.replace("’", "'")
    styled_groups = False
    for ch in ("'", " ", "\u00a0", "\u202f", "\u2009"):
        if ch in core:
            styled_groups = True
            core = core.replace(ch, "")
    marks = [c for c in core if c in ".,"]
    reason = None
    if not marks:
        dec = None
    elif len(set(marks)) == 2:
        dec = marks[-1]
        if marks.count(dec) != 1:
            return None
    elif len(marks) > 1:
        dec = None
        if styled_groups:
            return None
    else:
        mark = marks[0]
        ipart, fpart = core.split(mark)
        k = len(fpart)
        if styled_groups:
            dec = None if (k == 3 and ("'" in s or "’" in s)) else mark
        elif k != 3 or ipart.lstrip("-") in ("0", ""):
            dec = mark
        elif fpart == "000":
            dec = None
        else:
            dec = mark if mark == doc_decimal else None
            if not confident:
                reading = "decimal" if dec else "thousands"
                reason = (f"'{s}': a lone '{mark}' before three digits and no evidence of the "
                          f"document's decimal mark; read as {reading} separator")
    if dec is None:
        group = marks[0] if marks else "."
        dec = "," if group == "." else "."
    if styled_groups:  # "168 074", "1'250.000": keep the digits and the decimal mark only
        core = "".join(c for c in core if c.isdigit() or c == dec)
        if core.count(dec) > 1:
            return None
    loc = _locale_for(dec, locale)
    try:
        value = parse_decimal(core, locale=loc, strict=True)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None
    frac = len(core.rsplit(dec, 1)[1]) if dec in core else 0
    return value, frac, reason


# --- scanner ---------------------------------------------------------------------------



def find_numbers(text: str, guess: LocaleGuess | None = None, options: NumberOptions | None = None) -> list[Span]:
    """Spans for the Spanish numeric expressions in ``text``; never raises."""
    try:
        return _find(text, guess, options)
    except Exception:  # pragma: no cover - a bug must not break a document
        return []


def _find(text: str, guess: LocaleGuess | None, options: NumberOptions | None) -> list[Span]:
    with localcontext() as ctx:
        ctx.prec = 80  # "1" * 40 + " billones" must stay exact
        return _find_in_context(text, guess, options)


def _find_in_context(text: str, guess: LocaleGuess | None, options: NumberOptions | None) -> list[Span]:
    if not isinstance(text, str) or not text:
        return []
    P = _patterns()
    if not _may_have_numbers(text, P):
        return []
    options = options or NumberOptions()
    if guess is None:
        from .locale import infer_locale

        guess = infer_locale(text, options)
    hits: list[_Hit] = []
    pos = 0
    for m in P["trigger"].finditer(text):
        i = m.start()
        if i < pos:
            continue
        hit = (
            _date_num(text, i, P)
            or _date_text(text, i, P, guess)
            or _time(text, i)
            or _rank(text, i)
            or _scientific(text, i, guess, options)
            or _ord_digit(text, i, P)
            or _point_fraction(text, i, options)
            or _number_noun(text, i)
            or _the_scale(text, i, P, guess, options)
            or _hyphen_range(text, i, P, guess, options)
            or _amount(text, i, P, guess, options)
            or _ord_word(text, i, P)
            or _vague(text, i, P, guess, options)
        )
        if hit:
            hits.append(hit)
            pos = hit.end
    hits = _join_ranges(text, hits, options)
    _carry_units(text, hits, options, guess)
    out = []
    for h in hits:
        if not h.emit:
            continue
        target = h.target
        if text[h.start].isupper() and target[:1].islower():
            target = target[0].upper() + target[1:]
        attrs = h.attrs
        if h.cur_name and isinstance(h.value, Quantity) and h.value.unit == "currency" and h.value.currency is None:
            attrs = {**attrs, "cur_name": h.cur_name}  # "pesos" of no known country: the name to say again
        out.append(Span(h.start, h.end, h.kind, text[h.start:h.end], target, h.value, attrs))
    return out


_DIGIT_OR_SIGN = re.compile(r"[\d$€£¥₡]")


@lru_cache(maxsize=1)
def _quick_needles() -> tuple[str, ...]:
    """Strings one of which the case-folded text contains wherever "quick" matches: its
    words, and a piece of each of its patterns ("por\\s+cien" → "por", "[eé]sima" → "sim")."""
    return ("mill", "bill", "trill", "ciento", "centenar", "decenas", "cuarto", "doble", "triple", "druple", "trimestre", "medio", "número", "numero", "noche", "mañana", "tarde", "madrugada", "mediod", "horas", "por", "punto", "sim", "cim", "avo", "ava", *_month_names())


def _may_have_numbers(text: str, P) -> bool:
    """``P["quick"].search(text)``, cheaper: most sentences have a digit, or none of
    the words at all, and plain substring tests tell. The regex decides the rest."""
    if _DIGIT_OR_SIGN.search(text):
        return True
    low = text.casefold()
    if "ı" in low or any(n in low for n in _quick_needles()):  # dotless ı matches "i" in the regex
        return P["quick"].search(text) is not None
    return False


def _date_num(text, i, P):
    m = P["date_num"].match(text, i)
    if not m or not _guard_before(text, i):
        return None
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    attrs = {}
    if mo > 12 and d <= 12:
        d, mo = mo, d
        attrs = {"order": "mm/dd"}
    dv = _valid_date(y, mo, d)
    if not dv:
        return None
    return _Hit(i, m.end(), "date", render.date_text(dv), dv, attrs)


def _valid_date(y, mo, d):
    import datetime

    if d == 0:
        return None
    try:
        datetime.date(y or 2000, mo, d or 1)
    except ValueError:
        return None
    return DateValue(y, mo, d)


_PREPOSITIONS = {"desde", "hasta", "para", "de", "del", "a", "al", "antes", "después", "despues", "entre", "partir", "durante", "por", "tras", "hacia", "sobre"}


def _date_text(text, i, P, guess):
    months = _month_names()
    value = None
    m = P["date_list"].match(text, i)  # "3 y 4 de noviembre" → "November 3 and 4"
    if m and _guard_before(text, i) and not re.search(r"\d\s*,\s*$", text[max(0, i - 6):i]):
        year = int(m["year"]) if m["year"] else None
        first = _valid_date(year, months[fold(m["month"])], int(m["d1"]))
        second = _valid_date(year, months[fold(m["month"])], int(m["day"]))
        if not (first and second and first.day < second.day):
            return None
        value = Range(first, second)
        target = render.date_list_text(first, second)
    else:
        m = P["date_text"].match(text, i)
    if m:
        if not _guard_before(text, i):
            return None
        if value is None:
            day_s = fold(m["day"])
            day = 1 if not day_s[0].isdigit() or "º" in day_s else int(day_s)
            year = int(m["year"]) if m["year"] else None
            value = _valid_date(year, months[fold(m["month"])], day)
            if not value:
                return None
            target = render.date_text(value)
        start = i
        # Swallow a preceding article: "el 3 de noviembre" → "on November 3".
        am = re.search(r"(?<!\w)(el|El)\s+$", text[max(0, i - 8):i])
        if am:
            start = i - (len(text[max(0, i - 8):i]) - am.start())
            prev = re.findall(r"(\w+)\s*$", text[:start])
            if not prev or fold(prev[-1]) not in _PREPOSITIONS:
                target = "on " + target
        return _Hit(start, m.end(), "date", target, value)
    m = P["month_year"].match(text, i)
    if m and fold(m["month"]) in months:
        dv = DateValue(int(m["year"]), months[fold(m["month"])], None)
        return _Hit(i, m.end(), "date", render.date_text(dv), dv)
    return None


def _ord_digit(text, i, P):
    m = P["ord_digit"].match(text, i)
    if not m or not _guard_before(text, i):
        return None
    n = int(m["n"])
    if m["suf"]:
        ok = {1: ("ero", "era", "er", "ro", "ra"), 3: ("ero", "era", "er", "ro", "ra"), 2: ("do", "da"),
              4: ("to", "ta"), 5: ("to", "ta"), 6: ("to", "ta"), 7: ("mo", "ma"), 8: ("vo", "va"),
              9: ("no", "na"), 0: ("mo", "ma")}
        if m["suf"].lower() not in ok[n % 10]:
            return None
    end = m.end()
    return _Hit(i, end, "ordinal", render.ordinal_text(n), Quantity(Decimal(n), "ordinal"))


def _ord_word(text, i, P):
    m = P["ord_word"].match(text, i)
    if not m:
        return None
    n = parse_ordinal(m.group(0))
    if not n or n < 10:
        return None
    if " " not in m.group(0).strip() and re.match(r"(?i)\s+(?:de|parte)\b", text[m.end():m.end() + 8]):
        return None  # "la décima parte", "un doceavo de": fractions
    before = text[max(0, i - 12):i]
    if re.search(r"(?i)(?<!\w)(?:un|una|unos|unas|\d+)\s+$", before):
        return None  # "un onceavo del total", "una décima": fractions, not ordinals
    if (n == 10 or re.search(r"(?i)av[oa]s?$", m.group(0))) and not re.search(
            r"(?i)(?<!\w)(?:el|la|los|las|su|sus|este|esta|ese|esa|por|al|del|nuestro|nuestra|cada)\s+$", before):
        return None  # "décimo"/"onceava" as an ordinal only after a determiner
    return _Hit(i, m.end(), "ordinal", render.ordinal_text(n), Quantity(Decimal(n), "ordinal"))


def _vague(text, i, P, guess, options):
    m = P["vague"].match(text, i)
    if not m:
        return None
    target, cur = "billions", None
    if m["cur"]:
        cur = _resolve_name(m["cur"], guess)
        plural = {"USD": "dollars", None: _HEAD_EN.get(_head(m["cur"]), m["cur"])}.get(cur) or get_currency_name(cur, 2, "en_US")
        target = f"billions of {plural}"
    q = Quantity(None, "currency" if m["cur"] else None, cur, vague=True)
    return _Hit(i, m.end(), "number", target, q)


def _resolve_name(name: str, guess: LocaleGuess) -> str | None:
    names = _currency_names()
    key = re.sub(r"\s+", " ", name.lower())
    code = names.get(key)
    if code is None:
        code = _HEAD_DEFAULT.get(_head(key))
        if code is None and _head(key) not in _HEAD_DEFAULT:
            code = _EXTRA_NAMES.get(key)
    if code == "$peso":
        local = guess.local_dollar_currency
        code = local if local and local != "USD" else None
    return code


#: A percentage elsewhere in the sentence: "pp" after a number is then percentage points.
_PERCENT_CONTEXT = re.compile(r"%|por\s*ciento|porcentual|(?<!\w)(?:tasa|tipos?\s+de\s+inter[eé]s)(?!\w)", re.IGNORECASE)


#: A level in (index) points — "hasta los 100,4 puntos" — and a level in percent.
_INDEX_LEVEL = re.compile(r"\d\s+puntos(?!\s+(?:porcentual|b[aá]sico|base))", re.IGNORECASE)
_PERCENT_LEVEL = re.compile(r"%|por\s*ciento|porcentual", re.IGNORECASE)


_POINT_FRACTION = re.compile(
    r"(?P<f>medio|un\s+cuarto\s+de|tres\s+cuartos\s+de)\s+punto(?P<pc>\s+porcentual)?(?!\w)"
    r"|(?P<n>un|dos|tres|cuatro|cinco|\d)\s+puntos?\s+y\s+medio(?P<pc2>\s+porcentual(?:es)?)?(?!\w)",
    re.IGNORECASE,
)
_RATE_WORDS = re.compile(
    r"%|por\s*ciento|porcentual|(?<!\w)(?:tasas?|tipos?|inter[eé]s|inflaci[oó]n|PIB|desempleo|paro|desocupaci[oó]n|"
    r"d[eé]ficit|deuda|precio\s+del\s+dinero|rendimientos?|bonos?|Fed|Reserva\s+Federal|Banxico|BCE|BCRP|BCCh|"
    r"pol[ií]tica\s+monetaria|referencia)(?!\w)",
    re.IGNORECASE,
)
_INDEX_WORDS = re.compile(
    r"(?<!\w)(?:[ií]ndices?|bolsas?|burs[aá]til|IBEX|IPSA|Merval|Dow|S&P|Nasdaq|BMV|COLCAP|S&P/BMV|enteros|selectivo|"
    r"parqu[eé]|cotizaci[oó]n|partidos?|goles?|liga|encuestas?|sondeo|votos?|CAC|DAX|FTSE|Nikkei|Stoxx|Wall\s+Street)(?!\w)",
    re.IGNORECASE,
)
_FRACTION_VALUE = {"medio": Decimal("0.5"), "un cuarto de": Decimal("0.25"), "tres cuartos de": Decimal("0.75")}
_FRACTION_EN = {"medio": ("half a percentage point", "half a point"),
                "un cuarto de": ("a quarter percentage point", "a quarter point"),
                "tres cuartos de": ("three-quarters of a percentage point", "three-quarters of a point")}


def _point_kind(text: str, said_pc: bool) -> tuple[str | None, str | None]:
    """("percentage_point" | "point", reason when the sentence does not tell)."""
    if said_pc:
        return "percentage_point", None
    rate, index = _RATE_WORDS.search(text), _INDEX_WORDS.search(text)
    if rate and not index:
        return "percentage_point", None
    if index and not rate:
        return "point", None
    if not rate and not index:
        # Nothing in the sentence says rate or index ("el indicador aumentó 3 puntos", "letra de
        # 18 puntos"): the plain "points" is right in every sense but a rate's, so it is kept
        # and the reviewer asked.
        return "point", "'punto(s)': the sentence names no rate or index; read as points (percentage points if a rate)"
    return "percentage_point", "'punto(s)': percentage points of a rate or points of an index? the sentence names both; read as percentage points"


def _point_fraction(text, i, options):
    """"medio punto" (half a percentage point of a rate, half a point of an index),
    "un cuarto de punto", "tres cuartos de punto", "un punto y medio"."""
    m = _POINT_FRACTION.match(text, i)
    if not m or not _guard_before(text, i):
        return None
    kind, why = _point_kind(text, bool(m["pc"] or m["pc2"]))
    if m["f"]:
        key = re.sub(r"\s+", " ", fold(m["f"]))
        value = _FRACTION_VALUE[key]
        target = _FRACTION_EN[key][0 if kind == "percentage_point" else 1]
    else:
        n = Decimal(m["n"]) if m["n"].isdigit() else parse_cardinal(m["n"])
        value = n + Decimal("0.5")
        target = render.percent_text(render.fmt_number(value), "percentage_point" if kind == "percentage_point" else "point", value, options)
    q = Quantity(value, "percentage_point" if kind == "percentage_point" else None)
    attrs = {"ambiguous": True, "reason": why} if why else {}
    return _Hit(i, m.end(), "percent" if kind == "percentage_point" else "number", target, q, attrs, q=q)


_BARE_POINTS = re.compile(r"\s+puntos?(?!\s+(?:porcentual|b[aá]sic|base|de\s+(?:venta|inflexi[oó]n|partida|vista|encuentro)))(?!\w)", re.IGNORECASE)
_RATE_CHANGE = re.compile(
    r"(?<!\w)(?:tipos?\s+de\s+inter[eé]s|tasas?\s+de\s+(?:inter[eé]s|referencia|pol[ií]tica|intermediaci[oó]n|intervenci[oó]n)|precio\s+del\s+dinero|los\s+tipos|las\s+tasas|la\s+tasa|puntos\s+b[aá]sicos)(?!\w)",
    re.IGNORECASE,
)
_PER_PERSON = re.compile(
    r"(?i)(?<!\w)(?:salario\s+m[ií]nimo|sueldo|salario|pensi[oó]n|jubilaci[oó]n|mesada|auxilio\s+de\s+transporte|aguinaldo|"
    r"pasaje|tarifa\s+del?\s+(?:metro|bus|pasaje)|por\s+persona|per\s+c[aá]pita)(?!\w)")
_AGGREGATE = re.compile(r"(?i)(?<!\w)(?:n[oó]mina|masa\s+salarial|presupuesto|fondo|bolsa|costo\s+fiscal|"
                        r"recaudaci[oó]n|gasto|empresas?|pa[ií]s|naci[oó]n|millones\s+de\s+(?:personas|trabajadores))(?!\w)")
_EXCHANGE_RATE = re.compile(r"(?i)(?<!\w)(?:tipo\s+de\s+cambio|cotiz\w*|d[oó]lar)(?!\w)")
_RATE_NOUN = re.compile(r"(?i)(?<!\w)(?:crecimiento|inflaci[oó]n|desempleo|paro|tasa|tipos?|PIB|d[eé]ficit)(?!\w)")
_CHANGE_BEFORE_PCT = re.compile(r"(?i)(?:sub|baj|aument|cay|creci|disminu|redu|recort|elev)\w*\s+(?:en\s+|un\s+|en\s+un\s+)?$")
_CHANGE_BEFORE = re.compile(r"(?:\b(?:un|en\s+un|del|de\s+un|en)\s+)$", re.IGNORECASE)
_CHANGE_VERB = re.compile(r"(?<!\w)(?:sub|baj|recort|rebaj|elev|reduc|increment|aument|alz)\w*", re.IGNORECASE)


_HYPHEN_RANGE = re.compile(r"(?P<a>\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?)[-–](?=\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?\s+(?:d[oó]lares|euros|pesos|soles|bol[ií]vares|millones|mil\s+millones|por\s+ciento)|\d+(?:[.,]\d+)?\s?%)")


def _the_scale(text, i, P, guess, options):
    """"el millón doscientos mil" (the 1.2 million), "el billón de dólares": a scale word
    with the article as its count, read as one of it."""
    if not re.match(r"(?i)(?:mill|bill)[oó]n(?!\w)", text[i:i + 7]) or not re.search(r"(?i)\bel\s$", text[max(0, i - 3):i]):
        return None
    sub = text[:i] + "1 " + text[i:]
    h = _amount(sub, i, P, guess, options, guarded=False)
    if h is None or not h.exp:
        return None
    h.end -= 2
    return h


def _hyphen_range(text, i, P, guess, options):
    """"725-737 dólares" → "$725 to $737", "3-4%" → "3% to 4%": a hyphenated range
    before a unit (a year range such as 2009-2011 has none and is left alone)."""
    m = _HYPHEN_RANGE.match(text, i)
    if not m or not _guard_before(text, i):
        return None
    b = _amount(text, m.end(), P, guess, options, guarded=False)
    if b is None or b.q is None or b.q.amount is None or b.kind == "range":
        return None
    r = read_digits(m["a"], guess.decimal_mark, guess.confident, guess.locale)
    if r is None:
        return None
    low = r[0] * (Decimal(10) ** b.exp if b.exp else 1)
    if low >= b.q.amount:
        return None
    qa = Quantity(low, b.q.unit, b.q.currency)
    if b.q.unit == "currency":
        ta = render.currency_amount(render.scaled_figure(low, b.exp, options, r[1]), b.q.currency, True, options,
                                    _HEAD_EN.get(_head(b.cur_name), b.cur_name) if b.cur_name else "")
    elif b.q.unit:
        ta = render.percent_text(render.fmt_number(low, r[1]), b.q.unit, low, options)
    else:
        ta = render.scaled_figure(low, b.exp, options, r[1])
    return _Hit(i, b.end, "range", f"{ta} to {b.target}", Range(qa, b.q), dict(b.attrs), q=b.q, exp=b.exp,
                cur_name=b.cur_name)


def _amount(text, i, P, guess: LocaleGuess, options: NumberOptions, guarded: bool = True):
    m = P["amount"].match(text, i)
    if not m:
        return None
    tail = None
    if m["tail"]:
        # thousands in words after a scale word: "un millón quinientos mil" = 1,500,000
        tail = parse_cardinal(m["tail"]) if m["scale"] and re.search(r"(?i)(?<!\w)mil$", m["tail"]) else None
        if tail is None:
            m = P["amount"].match(text, i, m.start("tail"))
            if not m:
                return None
    if m["abbr2"] and fold(re.sub(r"\s+", " ", m["scale"])) != "mil":
        m = P["amount"].match(text, i, m.start("abbr2"))  # "millones MM": not one scale
        if not m:
            return None
    cont = None
    if m["cont"]:
        cont = _compound_rest(m)
        if cont is None:
            m = P["amount"].match(text, i, m.start("cont"))
            if not m:
                return None
    if m["ppabbr"] and not _PERCENT_CONTEXT.search(text):
        # "352 pp." is pages (a bibliography); "subió 2 pp. hasta el 11,2%" is percentage points
        m = P["amount"].match(text, i, m.start("ppabbr"))
        if not m:
            return None
    start = i
    if guarded and m["sign"] is None and m["pre"] is None and not _guard_before(text, i):
        return None
    if guarded and m["pre"] is None and m["sign"] is None and m["words"] is None and i > 0 and text[i - 1] in "-–−" \
            and i >= 2 and not text[i - 2].isspace():
        return None
    attrs: dict = {}
    reasons: list[str] = []
    # 1. the figure
    frac = 0
    if m["num"]:
        r = read_digits(m["num"], guess.decimal_mark, guess.confident, guess.locale)
        if r is None:
            return None
        value, frac, digit_why = r
        num_end = m.end("num")
    else:
        digit_why = None
        v = parse_cardinal(m["words"])
        if v is None:
            return None
        value = v
        num_end = m.end("words")
    medio = bool(m["words"]) and fold(m["words"]) == "medio"
    # 2. scale
    exp = None
    implied_cur = None
    if m["spk2"]:
        if not m["words"] or fold(m["words"].split()[-1]) != "mil":
            return None
        value = value + Decimal(m["spk2"])  # "tres mil" + 179.1
    if m["spk"]:
        if not m["num"] and not m["words"]:
            return None
        low = Decimal(m["spk"]) if m["spk"][0].isdigit() else parse_cardinal(m["spk"])
        if low is None:
            return None
        value = value * 1000 + low
        if not (m["scale"] or m["abbr"]):
            exp = 0  # "582 mil 835" = 582,835
    if m["scale"]:
        key = fold(re.sub(r"\s+", " ", m["scale"]))
        for pat, e in _SCALE_WORDS:
            if re.fullmatch(pat.split("(?=")[0], key):  # the look-ahead is for the scanner only
                exp = e
                break
    elif m["abbr"]:
        exp, implied_cur = _SCALE_ABBR[_abbr_key(m["abbr"])]
    elif m["abbrm"]:
        if not (m["pre"] or m["sufsym"] or m["curname"]):
            m = P["amount"].match(text, i, m.start("abbrm"))  # "3M" is a company, not three million
            if not m:
                return None
        else:
            exp = 6  # "GTQ 8632M": millones, glued
    if m["abbr2"] and exp == 3:
        e2, implied_cur = _SCALE_ABBR[_abbr_key(m["abbr2"])]
        exp += e2
    if exp == 3 and m["words"] and not m["num"] and not m["spk2"]:
        return None  # "cinco mil" is just words
    if m["spk2"] and exp is None and not (m["pct"] or m["pp"] or m["bp"] or m["dec"] or m["pre"] or m["sufsym"] or m["curname"]):
        # "mil 500 nuevos empleos" (Mexican style) = 1,500
        q = Quantity(value)
        return _Hit(i, m.end("spk2"), "number", render.fmt_number(value), q, bare=True, q=q)
    if exp:
        value = value * (Decimal(10) ** exp)
    compound = None  # the English figure of "scale word + thousands in words"
    if tail is not None:
        if not exp or exp < 6 or tail >= Decimal(10) ** exp:
            return None
        lead = value
        value += tail
        nat = max(6, (len(str(int(lead))) - 1) // 3 * 3)  # "mil millones" → 9
        if render.frac_digits(value / Decimal(10) ** nat) <= 3:
            compound = render.scaled_figure(value, nat, options)  # "1.5 million", "2.35 million"
        else:  # "mil millones doscientas mil" = 1,000,200,000: no prose writes that
            compound = render.fmt_number(value)
            alt = render.scaled_figure(lead + tail * Decimal(10) ** (nat - 6), nat, options)
            said = text[m.start("words") if m["words"] else m.start("num"):m.end("tail")]
            reasons.append(
                f"'{said}' reads word for word as {compound}; a figure like that is rarely written in words: "
                f"if {alt} was meant, the Spanish is garbled: check the source"
            )
    if cont is not None:
        value += cont
        compound = render.exact_figure(value, options)
        attrs["exact"] = True  # a compound: said again (ellipsis) with every digit
    territory = _PREFIX_TERRITORY.get(re.sub(r"\s", "", m["pre"] or ""))
    if m["num"] and territory and territory != guess.territory and guess.decimal_from in ("country", "default") \
            and cont is None and not m["spk"]:
        # "Q163,469 millones" in a page that fixed no decimal mark: the quetzal's own country
        # writes a decimal point, so the comma groups
        marks = locale_marks(f"es_{territory}")
        if marks and marks[0] != guess.decimal_mark:
            r2 = read_digits(m["num"], marks[0], True, f"es_{territory}")
            if r2 is not None and r2[0] != value / (Decimal(10) ** exp if exp else 1):
                value = r2[0] * (Decimal(10) ** exp if exp else 1)
                frac = r2[1]
                digit_why = (f"'{m['num']}' read with the convention of {territory}, whose currency '{m['pre'].strip()}' "
                             f"it is in (decimal '{marks[0]}'); the page itself does not show its decimal mark")
    alt = None  # the other reading of a lone separator before three digits
    if m["num"] and (exp or m["pre"] or m["sufsym"] or m["curname"] or implied_cur) and cont is None:
        value, frac, alt, digit_why = _three_digits(m["num"], value, frac, guess, digit_why, exp)
    if digit_why:
        reasons.append(digit_why)
    if m["sign"]:
        value = -value
        if compound:
            compound = "-" + compound
    if m["num"] is None and exp is None and m["spk"] is None:
        # written numbers only become spans with a scale ≥ million or a percent unit
        if not (m["pct"] or m["pp"] or m["bp"] or m["dec"]):
            return _Hit(i, num_end, "number", "", Quantity(value), emit=False, bare=True, q=Quantity(value))
    if m["num"] and not (m["scale"] or m["abbr"] or m["pct"] or m["pp"] or m["bp"] or m["dec"] or m["sufsym"] or m["curname"] or m["pre"]) \
            and not m["sign"] and exp is None and m["spk"] is None:
        pts = _BARE_POINTS.match(text, num_end)
        if pts and frac == 0 and 10 <= abs(value) <= 1000 and _RATE_CHANGE.search(text) and not _INDEX_WORDS.search(text) \
                and not re.match(r"\s+(?:del|de)\s+PIB", text[pts.end():pts.end() + 10]):
            # "la tasa bajó 25 puntos", "de 407 a 357 puntos", "75 puntos" beside "50 puntos básicos": a
            # policy rate moves in basis points; a move of 25 percentage points is not one
            q = Quantity(value, "basis_point")
            why = (f"'{text[i:pts.end()]}': 'puntos' of an interest rate read as basis points; check")
            target = render.percent_text(render.fmt_number(value), "basis_point", value, options)
            return _Hit(i, pts.end(), "percent", target, q, {"ambiguous": True, "reason": why}, q=q, frac=frac)
        if pts and abs(value) <= 30:  # a level ("12.078 puntos", "100,4 puntos") is an index's
            kind, why = _point_kind(text, False)
            if why:
                reasons.append(why)
            if kind == "percentage_point" or reasons:
                q = Quantity(value, kind)
                attrs = {"ambiguous": True, "reason": "; ".join(reasons)} if reasons else {}
                target = render.percent_text(render.fmt_number(value, frac), kind, value, options)
                return _Hit(i, pts.end(), "percent", target, q, attrs, q=q, frac=frac)
    if m["num"] and not (m["scale"] or m["abbr"] or m["pct"] or m["pp"] or m["bp"] or m["dec"] or m["sufsym"] or m["curname"] or m["pre"]):
        # a plain figure
        after = text[num_end:num_end + 1]
        if after.isalpha():
            return None
        if exp is None and m["spk"] is None:
            target = render.fmt_number(value, frac)
            q = Quantity(value)
            attrs = {"ambiguous": True, "reason": "; ".join(reasons)} if reasons else {}
            if not any(c in m["num"] for c in ".,'’"):
                target = m["num"]  # years, codes, postal codes: never reformatted
            emit = target != m["num"] or bool(reasons)
            return _Hit(i, num_end, "number", target, q, attrs, emit=emit, bare=True, q=q, frac=frac)
    if m["pre"] == "Q" and not (exp or (m["num"] and (len(re.sub(r"\D", "", m["num"])) >= 3 or re.search(r"[.,]", m["num"])))):
        return None  # "el PIB para Q3": a quarter, not 3 quetzales
    # 3. unit or currency
    end = m.end()
    unit = None
    if m["pct"]:
        unit = "percent"
    elif m["pp"]:
        unit = "percentage_point"
    elif m["bp"]:
        unit = "basis_point"
    elif m["dec"]:
        unit = "percentage_point"
        value = value / 10
        frac = max(frac + 1, 1) if m["num"] else 1
        if "porcentual" not in m["dec"].lower() and _INDEX_LEVEL.search(text) and not _PERCENT_LEVEL.search(text):
            unit = "point"  # "bajó cuatro décimas hasta los 100,4 puntos": an index, not a rate
    code = None
    cur_name = ""
    is_cur = bool(m["pre"] or m["sufsym"] or m["curname"] or implied_cur)
    if is_cur and unit:
        # "5% USD"?? keep only the unit part
        end = max(x for x in (m.end("pct"), m.end("pp"), m.end("bp"), m.end("dec")) if x != -1)
        is_cur = False
    if is_cur:
        code, cur_name, why = _currency_code(m, implied_cur, text, guess, options)
        if why:
            reasons.append(why)
        unit = "currency"
        if m["pre"] in ("MMUS$", "MM$"):
            if exp:
                return None
            exp = 6
            value *= Decimal(10) ** 6
        if exp == 12 and code in _CALQUE_CURRENCIES and m["scale"]:
            value, exp, why = _calque_check(text, text[start:m.end()], value, exp)
            if why:
                reasons.append(why)
            elif guess.locale == "es_US":
                reasons.append("'billón' in US Spanish may mean 10^9 (a calque of 'billion'); read as 10^12")
            elif guess.territory in _LATAM and not _BEYOND_ONE_COUNTRY.search(text) \
                    and Decimal(10) ** 12 <= abs(value) <= 20 * Decimal(10) ** 12:
                # "México supera el billón de dólares en inversiones", "las reservas (del BCR) se
                # incrementaron en 6.83 billones de dólares": a trillion dollars is most of a Latin
                # American GDP (Mexico's, the largest but Brazil's, was US$1.8 trillion in 2024, IMF)
                said = text[start:m.end()]
                value, exp = value / 1000, 9
                reasons.append(f"'{said}' read as 10^9 ('billones' as a calque of 'billions'): ten to the twelve "
                               "US dollars is beyond a Latin American country's figures; check the source")
        per_person = _PER_PERSON.search(text)
        # what one person is paid: a minimum wage or a fare is below US$10,000, any wage below
        # US$10 million (pesos of no known country counted at the weakest peso's rate, COP's)
        in_usd = plausibility_usd(value, code) if code else (plausibility_usd(value, "COP") if cur_name else None)
        bound = 10**4 if per_person and re.match(r"(?i)salario\s+m|auxilio|pasaje|tarifa", per_person.group(0)) else 10**7
        if per_person and exp and not _AGGREGATE.search(text) and (in_usd or 0) > bound \
                and abs(value) / Decimal(10) ** exp >= 1000:
            # "el salario mínimo será de $1’160.000 millones": a wage of a billion pesos is
            # not one; the figure is the amount and "millones" is one scale too many
            said = text[start:m.end()]
            value, exp = value / Decimal(10) ** exp, None
            reasons.append(f"re-read: '{said}' as {render.fmt_number(value)} ('{per_person.group(0)}' is paid to one "
                           f"person; the scale word is one too many); check the source")
        if money_absurd(value, code):
            value, exp, code, cur_name, why = _implausible(text[start:m.end()], value, exp, code, cur_name, alt, m, guess)
            reasons.append(why)
            if alt is not None and why.startswith("re-read"):
                frac = 3 if frac == 0 else 0
    if unit == "percent" and not exp:
        why = rate_over_100(text, value)
        if why:
            reasons.append(why)
        elif value > 100 and _EXCHANGE_RATE.search(text):
            reasons.append(f"'{text[start:end]}': a percentage above 100 where the sentence quotes an exchange rate "
                           "(a price written with '%'?); check the source")
        elif 0 < value <= 1 and _RATE_NOUN.search(text) and _CHANGE_BEFORE_PCT.search(text[max(0, start - 24):start]) \
                and not (_RATE_CHANGE.search(text) and _CHANGE_VERB.search(text) and _CHANGE_BEFORE.search(text[max(0, start - 12):start])):
            reasons.append(f"'{text[start:end]}' as the change of a rate: percent or percentage points? check")
        elif 0 < value <= 1 and _RATE_CHANGE.search(text) and _CHANGE_VERB.search(text) \
                and _CHANGE_BEFORE.search(text[max(0, start - 12):start]):
            # "El BCE sube los tipos un 0,50%": Spanish press writes a change of a rate of
            # half a point as "un 0,5%"; the desk prints percentage points.
            unit = "percentage_point"
            reasons.append(f"'{text[start:end]}' as the change of an interest rate: read as percentage points "
                           "(Spanish press writes 'sube los tipos un 0,5%' for half a point)")
    if unit is None and exp is None and m["spk"] is None:
        return None
    if unit == "currency" and not exp and frac == 1:
        frac = 2  # money keeps whole cents: 85,5 dólares → $85.50
    q = Quantity(value, None if unit == "point" else unit, code)  # index points are plain numbers
    # 4. English
    if compound:
        figure = compound
    elif medio and exp and not is_cur:
        figure = render.half_figure(exp)
    elif medio and exp:
        figure = render.scaled_figure(value, 3, options)
    elif unit == "currency" and not exp and abs(value) >= Decimal(10) ** 9 and render.frac_digits(value) == 0:
        figure = render.exact_figure(value, options)  # "4.000.000.000.000 de dólares" → "$4 trillion"
    else:
        figure = render.scaled_figure(value, exp if exp else None, options, frac)
    if unit == "currency":
        plural = not (value == 1 and not exp)
        target = render.currency_amount(figure, code, plural, options, _HEAD_EN.get(_head(cur_name), cur_name) if cur_name else "")
        kind = "currency"
    elif unit == "point":
        target = render.percent_text(figure, unit, value, options)
        kind = "number"
    elif unit:
        target = render.percent_text(figure, unit, value, options)
        kind = "percent"
    else:
        target = figure
        kind = "number"
    if reasons:
        attrs = {**attrs, "ambiguous": True, "reason": "; ".join(reasons)}
    if exp:
        attrs["scale"] = exp
    return _Hit(start, end, kind, target, q, attrs, q=q, exp=exp, frac=frac, cur_name=cur_name)


def _abbr_key(abbr: str) -> str:
    return abbr.lower() if abbr.lower() in ("mdp", "mmdp", "mdd", "mmdd", "mmp") else abbr


_GROUP_RE = re.compile(
    r"\s+(?P<n>\d{1,3}(?:[.,'’]\s?\d{3})*(?:\.\d{1,2})?|" + CARDINAL_RE + r")(?:\s+mil\s+(?P<k>\d{1,3}(?:\.\d{1,2})?|" + CARDINAL_RE + r"))?"
    r"(?:\s+(?P<s>" + _GROUP_SCALE + r"))?(?!\w)",
    re.IGNORECASE,
)
_GROUP_EXP = {"mil millones": 9, "millon": 6, "millones": 6, "billon": 12, "billones": 12, "mil": 3}


def _compound_rest(m) -> Decimal | None:
    """The value of the groups after the first scale word of a mixed compound ("315 mil
    208" after "47 millones"), or None when they do not form one: each group must be a
    whole number below the scale before it, scales strictly falling, and a group
    without a scale word only after "mil" or as "N mil M"."""
    key = fold(re.sub(r"\s+", " ", m["scale"] or ""))
    prev = next((e for pat, e in _SCALE_WORDS if re.fullmatch(pat.split("(?=")[0], key)), None)
    if prev is None or prev < 6 or m["tail"] or m["abbr2"]:
        return None
    total = Decimal(0)
    pos = 0
    cont = m["cont"]
    while pos < len(cont):
        g = _GROUP_RE.match(cont, pos)
        if not g or g.end() == pos:
            return None
        pos = g.end()
        n = _whole(g["n"])
        if n is None:
            return None
        e = _GROUP_EXP[fold(re.sub(r"\s+", " ", g["s"]))] if g["s"] else 0
        if g["k"]:
            k = _whole(g["k"])
            if k is None or k >= 1000:
                return None
            n = n * 1000 + k
            if e == 0:
                e = 0
            elif e < 6:
                return None
        elif e == 0 and prev != 3 and not re.search(r"\d[.,'’]\s?\d{3}", g["n"]):
            return None  # "47 millones 208": not written so ("112 millones 322,757" is)
        if e >= prev:
            return None
        v = n * Decimal(10) ** e
        if v >= Decimal(10) ** prev:
            return None
        total += v
        prev = e if e else 0
        if e == 0 and pos < len(cont):
            return None
    return total


def _whole(s: str) -> Decimal | None:
    """A compound group's figure: grouped digits ("322,757", the typo "464, 459"), with
    at most cents at the very end ("905.25")."""
    if s[0].isdigit():
        m = re.fullmatch(r"(\d{1,3}(?:[.,'’]\s?\d{3})*)(?:\.(\d{1,2}))?", s)
        if not m:
            return None
        return Decimal(re.sub(r"[.,'’\s]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
    return parse_cardinal(s)


def _three_digits(num: str, value: Decimal, frac: int, guess: LocaleGuess, why: str | None, exp):
    """Settle a lone separator before exactly three digits ("14,500 millones",
    "1,875 millones") with what the figure itself says: (value, frac, the other
    reading's value or None, reason or None).

    A trailing zero settles it as a thousands separator: nobody writes "14,500" for
    14.5. Otherwise the document's decimal mark decides; when only the country (CLDR)
    or nothing fixed that mark, the reading is flagged."""
    m = re.fullmatch(r"-?(\d{1,3})([.,])(\d{3})", num)
    if not m or m.group(1) == "0":
        return value, frac, None, why
    mark, fpart = m.group(2), m.group(3)
    decimal_now = frac == 3
    ratio = Decimal(1000)
    alt = value / ratio if not decimal_now else value * ratio
    if fpart == "000":
        return value, frac, None, why
    if fpart.endswith("0"):
        if decimal_now:
            note = None
            if guess.decimal_from == "numbers":
                note = (f"'{num}': read as a thousands separator (nobody writes a decimal with a trailing zero), "
                        f"though the document's other figures use '{guess.decimal_mark}' as the decimal mark")
            return value * ratio, 0, value, note
        return value, frac, alt, None  # grouping, and the trailing zero agrees: not weak
    if why is None and guess.decimal_from in ("country", "default"):
        reading = "decimal" if decimal_now else "thousands"
        why = (f"'{num}': a lone '{mark}' before three digits, read as the {reading} separator only because "
               f"{'the country' + chr(39) + 's convention' if guess.decimal_from == 'country' else 'nothing in the document'} "
               f"says '{guess.decimal_mark}' is the decimal mark; check the magnitude")
    return value, frac, alt, why


def _implausible(said, value, exp, code, cur_name, alt, m, guess):
    """A money amount above world GDP: re-read it if another reading is plausible
    (the other meaning of a lone separator; a bare "$" as the local peso; "billones"
    as the calque of "billions"), else keep it; either way with the reason."""
    shown = render.fmt_number(plausibility_usd(value, code) / Decimal(10) ** 12)
    base = f"'{said}' read as {render.fmt_number(value)} {code} (about US${shown} trillion, more than world GDP)"
    if alt is not None and not money_absurd(alt, code):
        return alt, exp, code, cur_name, f"re-read: {base}; the other reading of the separator, {render.fmt_number(alt)}, is plausible; check the source"
    sym = re.sub(r"\s", "", m["pre"] or "")
    if sym == "$" and code == "USD" and not m["curname"]:
        local = guess.local_dollar_currency
        if local and local != "USD" and not money_absurd(value, local):
            return value, exp, local, cur_name, f"re-read: {base}; a bare '$' here is more likely the local peso ({local}); check the source"
        if not local or local == "USD":
            return value, exp, None, "pesos", f"re-read: {base}; a bare '$' with billones is more likely a peso of a country the text does not name; check the source"
    if exp == 12 and m["scale"] and not money_absurd(value / 1000, code):
        return value / 1000, 9, code, cur_name, f"re-read: {base}; 'billones' read as 10^9 (a calque of 'billions'); check the source"
    return value, exp, code, cur_name, f"implausible: {base}; check the source"


#: Currency marks that belong to one country: their figures follow its convention when
#: the page shows none.
_PREFIX_TERRITORY = {"Q": "GT", "GTQ": "GT", "RD$": "DO", "S/": "PE", "S/.": "PE", "₡": "CR", "CRC": "CR",
                     "Bs.": "VE", "Bs": "VE", "MX$": "MX", "MXN$": "MX", "MXN": "MX", "COP": "CO", "COP$": "CO",
                     "CLP": "CL", "CLP$": "CL", "ARS": "AR", "ARS$": "AR", "U$S": "AR", "$us": "BO", "UYU$": "UY"}
_LATAM = frozenset({"MX", "CO", "AR", "CL", "PE", "VE", "DO", "UY", "PY", "BO", "EC", "GT", "CR", "HN", "SV", "NI", "PA", "CU"})
_BEYOND_ONE_COUNTRY = re.compile(
    r"(?<!\w)(?:mundial(?:es)?|mundo|global(?:es)?|planeta|Am[eé]rica\s+Latina|Latinoam[eé]rica|regi[oó]n|regional|"
    r"Estados\s+Unidos|EE\.\s?UU\.|EEUU|China|Uni[oó]n\s+Europea|Fed|Reserva\s+Federal|FMI|G-?20|Wall\s+Street|"
    r"Apple|Microsoft|Nvidia|Amazon|Alphabet|Google|Meta|Tesla|Forbes|fortuna|patrimonio|multimillonarios?|milmillonarios?)(?!\w)",
    re.IGNORECASE,
)


# --- the "billones = billions" calque (docs/spanish-numbers.md, magnitude check) ---------

#: Currencies in which 10^12 is more than any company earns or is worth.
_CALQUE_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CHF"})
_NATIONAL = re.compile(
    r"(?<!\w)(?:PIB|producto\s+inter(?:ior|no)|deuda\s+p[uú]blica|presupuestos?|gobiernos?|estados?|tesoro|"
    r"reservas|d[eé]ficit|fiscal(?:es)?|pa[ií]s(?:es)?|naci[oó]n|nacional|econom[ií]as?|mundial|mundo|"
    r"eurozona|zona\s+euro|bancos?\s+centrale?s?|fed|bce|fmi|est[ií]mulo|rescate)(?!\w)",
    re.IGNORECASE,
)
_COMPANY = re.compile(
    r"(?<!\w)(?:(?i:empresas?|compa[nñ][ií]as?|firmas?|grupo|corporaci[oó]n|multinacional|tecnol[oó]gica|petrolera|"
    r"farmac[eé]utica|aerol[ií]nea|automotriz|startup|trimestr(?:e|al))"
    r"|S\.\s?A\.|Inc\.?|Corp\.?|Ltd\.?|Netflix|Apple|Amazon|Google|Alphabet|Microsoft|Meta|Facebook|Tesla|Nvidia|"
    r"OpenAI|Walmart|Samsung|Toyota|PDVSA|Pemex|Petrobras|Ecopetrol|Telef[oó]nica|Inditex|Santander|BBVA|IBM|Intel|"
    r"Disney|Uber)(?!\w)"
)
_FLOW = re.compile(
    r"(?<!\w)(?:ingres(?:os|[oó])|ventas?|vendi[oó]|factur(?:aci[oó]n|[oó]|a|ar[aá])|beneficios?|ganancias?|gan[oó]|"
    r"utilidad(?:es)?|p[eé]rdidas?|ebitda)(?!\w)",
    re.IGNORECASE,
)
_VALUATION = re.compile(
    r"(?<!\w)(?:valor\s+de\s+mercado|capitalizaci[oó]n|valen?|valorad[oa]s?|valuad[oa]s?|valoraci[oó]n)(?!\w)",
    re.IGNORECASE,
)


def _calque_check(text: str, said: str, value: Decimal, exp: int) -> tuple[Decimal, int, str | None]:
    """Judge 'billones' of a hard currency against the sentence: (value, exp, reason or None).

    A company's revenue, sales or profit of a Spanish billón (10^12 dollars or euros) or
    more is impossible, and a company worth ten billones is too: there 'billones' is the
    calque of English 'billions' and is read as 10^9 (flagged). A company's value below
    that, or revenue with no subject to judge it by, stays 10^12 and is flagged. National
    figures (PIB, deuda pública, presupuesto, gobierno…) are trillions: no flag.
    """
    national = _NATIONAL.search(text)
    company = _COMPANY.search(text)
    flow = _FLOW.search(text)
    valuation = _VALUATION.search(text)
    trillions = abs(value) / Decimal(10) ** 12
    if company and not national and (flow or (valuation and trillions >= 10)):
        what = (flow or valuation).group(0)
        return value / 1000, 9, (
            f"'{said}' read as 10^9 ('billones' as a calque of English 'billions'): a company's "
            f"'{what}' of {render.fmt_number(trillions)} trillion is implausible; check the source"
        )
    if (flow or valuation) and not (national and not company):
        what = (flow or valuation).group(0)
        return value, exp, (
            f"'{said}' read as 10^12 (trillion), but 'billones' next to '{what}' may be a calque of English "
            f"'billions' (10^9): check the magnitude against the subject"
        )
    return value, exp, None


def _currency_code(m, implied, text, guess: LocaleGuess, options: NumberOptions):
    """(ISO code or None, Spanish name used, ambiguity reason)."""
    why = None
    if m["curname"]:
        name = m["curname"]
        code = _resolve_name(name, guess)
        if code is None and _head(name) == "peso":
            why = f"'{name}': pesos of an unknown country"
        return code, name, why
    sym = m["sufsym"] or m["pre"]
    if sym:
        sym = re.sub(r"\s", "", sym)
    if implied:
        if implied == "$peso":
            return "MXN", "", None  # mdp / mmdp are Mexican usage
        return implied, "", None
    if sym == "M.N.":
        return guess.local_dollar_currency or "MXN", "", None
    code = _PREFIX_CODES.get(sym, None)
    if sym and sym.startswith("Bs"):
        loc_code = _local_code(guess)
        return (loc_code if loc_code in ("VES", "BOB") else "VES"), "", None
    if code is None and sym and len(sym) == 3 and sym.isupper():
        code = sym
    if code != "$":
        return code, "", None
    # a bare "$"
    local = guess.local_dollar_currency
    if options.dollar_sign == "usd":
        return "USD", "", None
    if options.dollar_sign == "local":
        if local:
            return local, "", None
        return "USD", "", "bare '$' with --dollar-sign local, but the source locale has no '$' currency; read as USD"
    if re.match(r"\s+(?-i:FOB|CIF)\b", text[m.end():m.end() + 5]):
        return "USD", "", "bare '$' before FOB/CIF: trade values are quoted in US dollars; check"
    price_of_dollar = _PRICE_OF_DOLLAR.search(text)
    if _patterns()["dollar_word"].search(text) and not _patterns()["dollar_mark"].search(text) and not price_of_dollar:
        # "… de dólares" elsewhere makes a bare "$" dollars; a text that marks its dollars
        # "US$"/"USD" beside a bare "$" ("$ 12.028.692 millones … US$ 13.200 millones") means
        # the local currency by the bare one
        return "USD", "", None
    if local:
        return local, "", None
    if guess.locale in ("es_419", "es") or guess.territory is None:
        comma = guess.decimal_mark == "," and guess.decimal_from == "numbers" or bool(m["num"] and re.search(r",\d{1,2}$", m["num"]))
        if price_of_dollar or comma or m["scale"] and re.match(r"(?i)bill", m["scale"]) and not _COMPANY.search(text):
            # the price of the dollar is in pesos; the countries whose own currency is the
            # US dollar (US Spanish media, Ecuador, El Salvador, Panama, Puerto Rico) write a
            # decimal point; and 10^12 dollars is beyond any budget but the largest
            why = ("the price of the dollar" if price_of_dollar else "a decimal comma" if comma else "'billones'")
            return None, "pesos", (f"bare '$' in text of unknown country, with {why}: read as pesos "
                                   "(of which country? check)")
        return "USD", "", "bare '$' in text of unknown country: local peso or US dollar? read as USD"
    return "USD", "", None


#: The dollar as a thing priced: "el dólar oficial cerró en $1.270", "$962 por dólar".
_PRICE_OF_DOLLAR = re.compile(
    r"(?i)(?<!\w)(?:el|del|al|un|por)\s+d[oó]lar(?!es)(?:\s+(?:oficial|blue|mayorista|minorista|interbancario|"
    r"paralelo|libre|observado|spot|estadounidense|de\s+referencia))?(?!\w)")


def _local_code(guess: LocaleGuess) -> str | None:
    from babel.numbers import get_territory_currencies

    t = guess.territory
    if not t:
        return None
    try:
        cs = get_territory_currencies(t)
    except Exception:
        return None
    return cs[0] if cs else None


# --- ellipsis: a figure that leaves its unit to the one before or after it ---------

_COUNTED = re.compile(
    r"\s+de\s+(?!(?:los|las|el|la|un|una|ellos|ellas|este|esta|ese|esa|d[oó]lares|euros|pesos|ayudas?|inversi[oó]n|"
    r"hace|ayer|hoy|antes|entonces|aquel|aquella|cada|promedio|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|setiembre|octubre|noviembre|diciembre|"
    r"inversiones|pr[eé]stamos?|deudas?|gastos?|ingresos|ventas|beneficios|p[eé]rdidas|subsidios|subvenciones|fondos|"
    r"recursos|presupuesto|financiaci[oó]n|financiamiento|exportaciones|importaciones|d[eé]ficit|remesas|impuestos|"
    r"aranceles|excedentes|utilidades|ganancias|cr[eé]ditos?|dividendos|capital|activos|pasivos|reservas)\b)[^\W\d]"
    r"|\s+(?:personas|habitantes|hogares|usuarios|trabajadores|empleos|votantes|turistas|visitantes|pasajeros|"
    r"toneladas|barriles|hect[aá]reas|kil[oó]metros|metros|litros|unidades|veh[ií]culos|viviendas|d[oó]sis|"
    r"hombres|mujeres|ni[nñ]os|estudiantes|clientes|afiliados|pensionados|suscriptores|seguidores|espectadores)(?!\w)",
    re.IGNORECASE,
)
_ELLIPSIS_AFTER = re.compile(
    r"\s*(?:[),.;:]|$)|\s*[+−]\s|\s+(?:en|para|a|al|por|y|e|o|frente|contra|mientras|respectivamente|que|registrad[oa]s|aprobad[oa]s)(?!\w)",
    re.IGNORECASE,
)
_ELLIPSIS_BETWEEN = re.compile(r"(?:\by\b|\be\b|\bo\b|,|;|\(|\bfrente\s+a\b|\bcontra\b|\bmientras\b|\ba\b|\bcon\b)", re.IGNORECASE)
_PERCENT_PAIR = re.compile(r"\s*(?:,|y|e|o|a)\s+$|^\s*(?:,\s*)?(?:y|e|o|a)\s+$", re.IGNORECASE)


def _carry_units(text: str, hits: list[_Hit], options: NumberOptions, guess: LocaleGuess | None = None) -> None:
    """A figure whose unit the Spanish leaves to a neighbour takes it, in place:

    - "62.000 millones de euros … y 48.000 en préstamos": a bare figure after a scaled
      amount of money, across a conjunction, comma or parenthesis, with no noun of its
      own and a magnitude within a factor of 1,000 of the first figure, is that many
      of the same scale and currency (€48 billion);
    - "1,62 billones de euros; en el segundo, 1,76 billones": a scaled figure with no
      unit after money takes its currency;
    - "4,7 y 3,9%": a bare figure joined by "y"/"o"/"," to a percentage is a percentage.
    A scaled figure with no unit and no money before it is flagged: its currency (or
    what it counts) is in another sentence; when the document named money before
    (``guess.prior_currency``, kept by the protect stage) the English says that currency,
    and the value stays unit-less (what the Spanish itself says; QA accepts the English
    naming the currency the Spanish left to context).
    """
    prior = getattr(guess, "prior_currency", None)
    money: _Hit | None = None
    last_cash: _Hit | None = None  # the last amount of money without a scale word
    counted_seen = False  # a scaled figure of the sentence counts things ("de toneladas")
    for n, h in enumerate(hits[:-1]):
        # "con 2.000 y 1.200 millones": the first figure takes the second's scale
        nxt = hits[n + 1]
        if h.bare and not h.exp and h.q is not None and h.q.unit is None and h.q.amount is not None \
                and nxt.kind == "number" and nxt.exp and nxt.q is not None and nxt.q.unit is None and nxt.q.amount \
                and re.fullmatch(r"\s+(?:y|e|o|u|a)\s+", text[h.end:nxt.start]) \
                and not re.fullmatch(r"(?:19|20)\d\d", text[h.start:h.end]):
            mant = abs(nxt.q.amount) / Decimal(10) ** nxt.exp
            if mant / 1000 <= abs(h.q.amount) <= mant * 1000:
                value = h.q.amount * Decimal(10) ** nxt.exp
                h.q = h.value = Quantity(value)
                h.exp, h.bare, h.emit = nxt.exp, False, True
                h.target = render.scaled_figure(value, nxt.exp, options)
                h.attrs = {**h.attrs, "scale": nxt.exp}
    for n, h in enumerate(hits):
        q = h.q
        after = text[h.end:h.end + 40]
        if q is None or h.kind == "range":
            if h.kind == "range" and _COUNTED.match(after):
                counted_seen = True
            if h.kind == "range" and isinstance(h.value, Range) and getattr(h.value.high, "unit", "x") is None \
                    and "scale" in h.attrs and not _COUNTED.match(after):
                why = (f"'{text[h.start:h.end]}' has no unit or currency here: it counts what an earlier sentence "
                       "named (check that the English says what)")
                if prior and money is None and not counted_seen and getattr(h.value.low, "unit", "x") is None:
                    code, name = prior
                    low, high = h.value.low.amount, h.value.high.amount
                    e = h.attrs["scale"]
                    first, second = ("between", "and") if h.target.startswith("between") else ("from", "to")
                    h.target = (f"{first} {_money_text(low, e, code, name, options)} "
                                f"{second} {_money_text(high, e, code, name, options)}")
                    why = f"'{text[h.start:h.end]}' read in {code or name}, the currency the text named before; check"
                h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(h.attrs, why)}
            money = None if h.kind == "range" and not (isinstance(h.value, Range) and getattr(h.value.high, "unit", None) == "currency") else money
            if h.kind == "range" and q is not None and q.unit == "currency" and not h.exp:
                last_cash = h  # "(725-737 dólares), México (641)"
            continue
        after = text[h.end:h.end + 40]
        if q.unit == "currency" and h.exp:
            money = h
            continue
        if q.unit == "currency" and not h.exp:
            last_cash = h
        if q.unit == "currency" and not h.exp and money is not None and money.q.currency == q.currency \
                and money.q.amount and h.attrs.get("scale") is None and q.amount is not None:
            # "el Ebitda alcanzó US$ 4.159 millones, que se comparan con los US$ 4.022 del año pasado"
            mant = abs(money.q.amount) / Decimal(10) ** money.exp
            if mant / 2 <= abs(q.amount) <= mant * 2 and 100 <= abs(q.amount) and mant < 10**5 \
                    and q.amount == q.amount.to_integral_value():
                said = text[h.start:h.end]
                _as_money(h, money, q.amount * Decimal(10) ** money.exp, money.exp, options)
                h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(
                    h.attrs, f"'{said}' read as {h.target}, the scale of '{text[money.start:money.end]}' before it; check")}
            continue
        if q.unit is None and q.amount is not None and h.exp and h.exp >= 6 and h.kind == "number":
            counted = _COUNTED.match(after)
            named = _IN_CURRENCY.search(text[max(0, h.start - 60):h.start])
            if named and not counted:
                # "o su equivalente en dólares es de 22 mil 661 millones …"
                head = _head(named.group(1))
                code = _HEAD_DEFAULT.get(head) if head != "peso" else None
                said = text[h.start:h.end]
                h.target = _money_text(q.amount, h.exp, code, named.group(1), options, bool(h.attrs.get("exact")))
                h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(
                    h.attrs, f"'{said}' read as {h.target}: 'en {named.group(1)}' before it; check")}
                continue
            if counted:
                counted_seen = True
                continue  # "11 millones de barriles", "47 millones de habitantes": a count
            if money is not None and money.q.currency is not None:
                said = text[h.start:h.end]
                if h.exp == 12 and money.q.currency in _CALQUE_CURRENCIES and getattr(guess, "territory", None) in _LATAM \
                        and not _BEYOND_ONE_COUNTRY.search(text) and abs(q.amount) <= 20 * Decimal(10) ** 12:
                    _as_money(h, money, q.amount / 1000, 9, options)
                    h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(
                        h.attrs, f"'{said}' read as {h.target} ('billones' as a calque of 'billions': ten to the twelve "
                                 "US dollars is beyond a Latin American country's figures); check the source")}
                    continue
                _as_money(h, money, q.amount, h.exp, options)
                if counted:  # "301.5 millones de inversión física": money, or a count of something?
                    h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(
                        h.attrs, f"'{said}' read as {h.target}, the currency of '{text[money.start:money.end]}'; check")}
                continue
            if counted:
                counted_seen = True
                continue  # "47 millones de habitantes"
            if h.emit:
                why = (f"'{text[h.start:h.end]}' has no unit or currency here: it counts what an earlier sentence "
                       "named (check that the English says what)")
                named = _IN_CURRENCY.search(text[max(0, h.start - 60):h.start])
                if named:  # "o su equivalente en dólares es de 22 mil 661 millones …"
                    prior = (_HEAD_DEFAULT.get(_head(named.group(1))) if _head(named.group(1)) != "peso" else None,
                             named.group(1))
                if prior and not counted_seen:
                    code, name = prior
                    h.target = _money_text(q.amount, h.exp, code, name, options, bool(h.attrs.get("exact")))
                    why = (f"'{text[h.start:h.end]}' has no unit here: read in {code or name}, the currency the text "
                           "named before; check")
                h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(h.attrs, why)}
            continue
        if h.bare and q.unit is None and q.amount is not None:
            nxt = hits[n + 1] if n + 1 < len(hits) else None
            if nxt is not None and nxt.q is not None and nxt.q.unit == "percent" and not h.exp \
                    and _PERCENT_PAIR.search(text[h.end:nxt.start]) and len(text[h.end:nxt.start]) < 6:
                h.q = h.value = Quantity(q.amount, "percent")
                h.target = render.percent_text(render.fmt_number(q.amount, h.frac), "percent", q.amount, options)
                h.emit = True
                continue
            if nxt is not None and nxt.q is not None and nxt.q.unit == "currency" and nxt.exp and not h.exp \
                    and re.fullmatch(r"\s+(?:y|e|o|u|a)\s+", text[h.end:nxt.start]) and nxt.q.amount is not None:
                # "de 2.000 y 1.900 millones de euros": the first figure shares the second's scale and unit
                mant = abs(nxt.q.amount) / Decimal(10) ** nxt.exp
                if mant / 1000 <= abs(q.amount) <= mant * 1000 and not re.fullmatch(r"(?:19|20)\d\d", text[h.start:h.end]):
                    _as_money(h, nxt, q.amount * Decimal(10) ** nxt.exp, nxt.exp, options)
                    h.bare = False
                    continue
            prev = hits[n - 1] if n else None
            if prev is not None and prev.q is not None and prev.q.unit == "percent" and h.frac and not h.exp \
                    and re.search(r"\s(?:y|e|o)\s+$", text[prev.end:h.start]) and len(text[prev.end:h.start]) < 60 \
                    and _ELLIPSIS_AFTER.match(after):
                h.q = h.value = Quantity(q.amount, "percent")
                h.target = render.percent_text(render.fmt_number(q.amount, h.frac), "percent", q.amount, options)
                h.emit = True
                h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(
                    h.attrs, f"'{text[h.start:h.end]}' read as a percentage, like '{text[prev.start:prev.end]}' before it; check")}
                continue
            nxt_cash = next((x for x in hits[n + 1:] if x.emit and x.q is not None), None)
            if last_cash is not None and nxt_cash is not None and nxt_cash.q.unit == "currency" \
                    and not nxt_cash.exp and nxt_cash.q.currency == last_cash.q.currency and not h.exp and q.amount >= 1 \
                    and not re.fullmatch(r"(?:19|20)\d\d", text[h.start:h.end]) and last_cash.q.amount \
                    and abs(last_cash.q.amount) <= abs(q.amount) <= abs(nxt_cash.q.amount) and len(text[last_cash.end:nxt_cash.start]) < 160:
                # "las monedas de 100 colones …, los billetes de 1000 … y el de 5000 colones"
                said = text[h.start:h.end]
                _as_money(h, last_cash, q.amount, 0, options)
                h.target = render.currency_amount(render.fmt_number(q.amount, h.frac), last_cash.q.currency, True, options,
                                                  _HEAD_EN.get(_head(last_cash.cur_name), last_cash.cur_name) if last_cash.cur_name else "")
                h.attrs = {"ambiguous": True, "reason": f"'{said}' read as {h.target}, between two amounts in that currency; check"}
                continue
            if money is None and last_cash is not None and not h.exp and last_cash.q.amount and not h.frac \
                    and text[h.start - 1:h.start] == "(" and text[h.end:h.end + 1] == ")" and q.amount >= 10:
                # "Costa Rica (725-737 dólares), México (641), Uruguay (599)": a list of amounts in
                # parentheses, the unit said once
                ratio = abs(q.amount) / abs(last_cash.q.amount)
                if text[last_cash.end:h.start].count("(") <= 6 and Decimal("0.1") <= ratio <= 10:
                    said = text[h.start:h.end]
                    _as_money(h, last_cash, q.amount, 0, options)
                    h.target = render.currency_amount(render.fmt_number(q.amount), last_cash.q.currency, True, options,
                                                      _HEAD_EN.get(_head(last_cash.cur_name), last_cash.cur_name) if last_cash.cur_name else "")
                    h.attrs = {"ambiguous": True, "reason": f"'{said}' read as {h.target}, the unit of "
                                                            f"'{text[last_cash.start:last_cash.end]}' before it; check"}
                    continue
            if money is None and last_cash is not None and h.frac and not h.exp and last_cash.q.amount:
                between = text[last_cash.end:h.start]
                ratio = abs(q.amount) / abs(last_cash.q.amount)
                if len(between) < 60 and _ELLIPSIS_BETWEEN.search(between) and _ELLIPSIS_AFTER.match(after) \
                        and Decimal("0.1") <= ratio <= 10:
                    # "8,11 bolívares, mientras euro en 7,88": a price beside a price
                    said = text[h.start:h.end]
                    _as_money(h, last_cash, q.amount, 0, options)
                    h.target = render.currency_amount(render.fmt_number(q.amount, max(h.frac, 2)), last_cash.q.currency, True,
                                                      options, _HEAD_EN.get(_head(last_cash.cur_name), last_cash.cur_name) if last_cash.cur_name else "")
                    h.attrs = {"ambiguous": True, "reason": f"'{said}' read as {h.target}, the currency of "
                                                            f"'{text[last_cash.start:last_cash.end]}' before it; check"}
                    continue
            if money is None or money.q.amount is None or not money.exp:
                continue
            between = text[money.end:h.start]
            if len(between) > 160 or not _ELLIPSIS_BETWEEN.search(between) or not _ELLIPSIS_AFTER.match(after):
                continue
            said = text[h.start:h.end]
            if re.fullmatch(r"(?:19|20)\d\d", said) or q.amount != q.amount.to_integral_value() and h.frac > 2:
                continue  # a year
            mantissa = abs(money.q.amount) / Decimal(10) ** money.exp
            if not (mantissa / 1000 <= abs(q.amount) <= mantissa * 1000):
                continue
            _as_money(h, money, q.amount * Decimal(10) ** money.exp, money.exp, options)
            h.bare = False
            if len(between) > 40 or re.search(r"\d", between):
                h.attrs = {**h.attrs, "ambiguous": True, "reason": _join_reason(
                    h.attrs, f"'{said}' read as {h.target}: the scale and currency of '{text[money.start:money.end]}' before it "
                             "(the Spanish leaves them out); check")}


def _money_text(amount: Decimal, exp: int, code: str | None, name: str, options: NumberOptions,
                exact: bool = False) -> str:
    figure = render.exact_figure(amount, options) if exact else render.scaled_figure(amount, exp, options)
    return render.currency_amount(figure, code, True, options, _HEAD_EN.get(_head(name), name) if name else "")


def last_currency(spans: list[Span]) -> tuple[str | None, str] | None:
    """(ISO code, Spanish name) of the last amount of money among ``spans``, for the
    document's running currency (LocaleGuess.prior_currency); None if there is none."""
    for s in reversed(spans):
        vals = [s.value.high, s.value.low] if isinstance(s.value, Range) else [s.value]
        for v in vals:
            if isinstance(v, Quantity) and v.unit == "currency" and (v.currency or s.attrs.get("cur_name")):
                return v.currency, s.attrs.get("cur_name", "")
    return None


_IN_CURRENCY = re.compile(r"(?i)\ben\s+(d[oó]lares|euros|pesos|bol[ií]vares|soles)\b(?!.*\d)")


def _as_money(h: _Hit, money: _Hit, amount: Decimal, exp: int, options: NumberOptions) -> None:
    code = money.q.currency
    figure = render.exact_figure(amount, options) if h.attrs.get("exact") else render.scaled_figure(amount, exp, options)
    h.target = render.currency_amount(figure, code, True, options, _HEAD_EN.get(_head(money.cur_name), money.cur_name) if money.cur_name else "")
    h.q = h.value = Quantity(amount, "currency", code)
    h.kind = "currency"
    h.exp = exp
    h.emit = True
    h.attrs = {**h.attrs, "scale": exp, "carried": True}


def _join_reason(attrs: dict, why: str) -> str:
    return f"{attrs['reason']}; {why}" if attrs.get("reason") else why


# --- ranges -----------------------------------------------------------------------------

def _join_ranges(text: str, hits: list[_Hit], options: NumberOptions) -> list[_Hit]:
    if len(hits) < 2:
        return hits
    P = _patterns()
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        if i + 1 < len(hits) and a.q is not None and hits[i + 1].q is not None:
            b = hits[i + 1]
            mid = P["range_mid"].match(text[a.end:b.start])
            op = P["range_open"].search(text[max(0, a.start - 14):a.start])
            if mid and op and not b.bare and b.q.amount is not None and a.q.amount is not None:
                pair = (fold(op["w"]), fold(mid["w"]))
                ok = (pair[0] == "entre" and pair[1] == "y") or (pair[0] in ("de", "del", "desde") and pair[1] in ("a", "al", "hasta"))
                joined = ok and _range_hit(text, a, b, op, pair, options)
                if joined:
                    out.append(joined)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _range_hit(text, a: _Hit, b: _Hit, op, pair, options):
    qa, qb = a.q, b.q
    exp = a.exp
    val = qa.amount
    if a.bare:
        b_mantissa = abs(qb.amount) / (Decimal(10) ** b.exp) if b.exp else None
        if b.exp and b_mantissa is not None and abs(val) <= b_mantissa:
            exp = b.exp
            val = val * (Decimal(10) ** b.exp)
        qa = Quantity(val, qb.unit, qb.currency)
        # render A like B
        figure = render.scaled_figure(val, exp, options, a.frac)
        if qb.unit == "currency":
            ta = render.currency_amount(figure, qb.currency, True, options, _HEAD_EN.get(_head(b.cur_name), b.cur_name) if b.cur_name else "")
        elif qb.unit:
            ta = render.percent_text(figure, qb.unit, val, options)
        else:
            ta = figure
    else:
        ta = a.target
    tb = b.target
    if qa.unit != qb.unit:
        return None
    # "2 million and 3 million dollars" reads better with the unit on both sides; already so.
    words = ("between", "and") if pair[0] == "entre" else ("from", "to")
    start = a.start - (len(text[max(0, a.start - 14):a.start]) - op.start())
    attrs = {**a.attrs, **b.attrs}
    if a.attrs.get("reason") and b.attrs.get("reason"):
        attrs["reason"] = a.attrs["reason"] + "; " + b.attrs["reason"]
    return _Hit(start, b.end, "range", f"{words[0]} {ta} {words[1]} {tb}", Range(qa, qb), attrs)

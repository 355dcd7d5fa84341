"""Number phrases the amount reader does not cover: times of day ("a las 20:45 horas"),
ranks ("el puesto 382", "la cadena número uno"), number nouns ("milmillonarios", "un
millar de", "el doble") and scientific notation ("6,17 x 10⁹"). Each recogniser takes
the text and a trigger position and returns a _Hit or None (see parse._find_in_context).
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import render
from .hits import _Hit, _guard_before
from .values import Quantity, TimeValue
from .words import fold


_HOUR_WORDS = {"una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
               "diez": 10, "once": 11, "doce": 12}
_TIME = re.compile(
    r"(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d)|h(?P<hm>[0-5]\d))?|(?P<hw>una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?:\s+y\s+(?P<mw>media|cuarto))?)"
    r"(?:\s*(?P<hr>horas|hrs?\.?|h)(?!\w))?"
    r"(?:\s*(?P<ap>[ap]\.\s?m\.|[ap]m\b))?"
    r"(?:\s+(?:de\s+la\s+(?P<part>mañana|tarde|noche|madrugada)|del\s+(?P<noon>mediod[ií]a)))?(?![\d\w])",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"(?:(?P<a>\b[Aa]\s+)|(?<!\w))(?P<las>[Ll]as?)\s+$")
#: Before "las N horas" with nothing else to say it is a time of day: "hasta las 14 horas".
_CLOCK_PREPOSITION = re.compile(r"(?i)\b(?:hasta|desde|sobre|tras|antes\s+de|despu[eé]s\s+de|partir\s+de)\s+$")
_TIME_ALONE = re.compile(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3])h(?P<hm>[0-5]\d)(?!\w)")


def _time(text, i):
    """"a las 20:45 horas" → "at 8:45 p.m.", "las 8 de la mañana" → "8 a.m." (AP style:
    12-hour clock, a.m./p.m., noon, midnight). Only after "la(s)", and only with
    minutes, "horas" or a part of the day, so "las 8 personas" stays a count."""
    b = _TIME_BEFORE.search(text[max(0, i - 8):i])
    if not b:
        alone = _TIME_ALONE.match(text, i)  # "20h15" (Ecuador, France)
        if alone:
            value = TimeValue(int(alone["h"]), int(alone["hm"]))
            return _Hit(i, alone.end(), "time", render.time_text(value), value)
        return None
    m = _TIME.match(text, i)
    if not m or not (m["m"] or m["hm"] or m["hr"] or m["part"] or m["noon"] or m["ap"]):
        return None
    if m["hw"] and not (m["part"] or m["noon"] or m["hr"] or m["ap"]):
        return None  # "las dos" alone: not a time
    las_at = i - (len(text[max(0, i - 8):i]) - b.start("las"))  # where "la(s)" starts
    if not (m["m"] or m["hm"] or m["part"] or m["noon"] or m["ap"]) and not (
            b["a"] or _CLOCK_PREPOSITION.search(text[max(0, las_at - 24):las_at])):
        return None  # "durante las 24 horas", "en las 12 horas siguientes": a duration
    h = int(m["h"]) if m["h"] else _HOUR_WORDS[fold(m["hw"])]
    mi = int(m["m"] or m["hm"] or 0) if m["h"] else {"media": 30, "cuarto": 15}.get(fold(m["mw"] or ""), 0)
    part = fold(m["part"] or "")
    if h > 23 or (m["m"] is None and m["hm"] is None and m["hr"] is None and h > 12):
        return None
    if m["ap"]:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m["ap"][0].lower() == "p" else 0)
        part = ""
    if part == "tarde" and h < 12 or part == "noche" and 6 <= h < 12 or m["noon"] and h < 6:
        h += 12
    elif part == "noche" and h == 12:
        h = 0
    h %= 24
    value = TimeValue(h, mi)
    start = i - (len(text[max(0, i - 8):i]) - b.start())
    target = render.time_text(value)
    if b["a"]:
        target = "at " + target
    elif b.start("las") > 0 or True:
        pass
    return _Hit(start if b["a"] else i - (len(text[max(0, i - 8):i]) - b.start("las")), m.end(), "time", target, value)


_NOUN = re.compile(
    r"(?P<w>mil\s?millonari[oa](?P<p1>s)?|multimillonari[oa](?P<p2>s)?|millonari[oa](?P<p3>s)?)(?!\w)"
    r"|(?P<millar>un\s+millar|millares|un\s+centenar|centenares)\s+de(?!\w)"
    r"|(?P<times>el\s+(?:doble|triple|cu[aá]druple))(?=\s+(?:de|del|que)\b)"
    r"|(?P<bn>billonari[oa](?P<p4>s)?)(?!\w)"
    r"|(?P<tq>un\s+trimestre\s+porcentual)(?!\w)"
    r"|(?P<half_n>un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2})\s+(?P<half_u>años|meses|semanas|días|horas|minutos|siglos|décadas|kilómetros|kilos|litros)\s+y\s+medio(?!\w)"
    r"|(?P<quarter>un\s+cuarto)\s+(?P<qof>del?)(?=\s+(?:todo|toda|todos|todas|los|las|la|el|su|sus|este|esta|ese|esa|[^\W\d]+o?s\b))"
    r"|(?P<vague>cientos|centenares|decenas)\s+de\s+(?P<of>miles|millones)(?:\s+de\s+(?P<cur>d[oó]lares|euros|pesos))?(?!\w)",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(r"(?i)(?:^|(?<!\w)(?:el|la|los|las|un|una|unos|unas|del|al|de|sus?|estos?|estas?|esos?|esas?|cuyos?|\d[\d.,]*))\s+$")


_RANK = re.compile(
    r"(?i)(?:(?<=\bpuesto\s)|(?<=\blugar\s)|(?<=\bposici[oó]n\s)|(?<=\bn[uú]mero\s)(?=\d+(?:\.\d{3})?(?P<numero>)))(?P<n>\d{1,3}(?:\.\d{3})?)(?![\d:/%\w]|[.,]\d)"
    r"|(?P<n3>\d{1,4})(?=\s+(?:del\s+mundo|de\s+la\s+lista|del\s+ranking|de\s+Forbes|del\s+escalaf[oó]n)\b)"
    r"|(?P<n2>\d{1,3})(?![\d:/%\w]|[.,]\d)"
)
_RANK_NOUN_BEFORE = re.compile(r"(?i)\b(?:la|el|su)\s+(?:copa|t[ií]tulo|corona|edici[oó]n|estrella|campeonato)\s+$")
_EVENT_BEFORE_NUMERO = re.compile(
    r"(?i)\b(?:triunfos?|victorias?|derrotas?|goles?|t[ií]tulos?|copas?|ediciones?|edici[oó]n|aniversario|cumplea[nñ]os|"
    r"recortes?|alzas?|subidas?|bajadas?|reducci[oó]n|aumentos?|temporadas?|campeonatos?|lugar|puesto|sitio|posici[oó]n|"
    r"medallas?|partidos?|juegos?|carreras?|etapas?|jornadas?|ronda|vez)\s+n[uú]mero\s+$")
_RANK_LIST_BEFORE = re.compile(r"(?i)\b(?:al|el|y|del)\s+$")
_RANK_WORD = re.compile(r"(?i)(?<=\bn[uú]mero\s)(?P<w>uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)(?!\w)")


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SCIENTIFIC = re.compile(r"(?P<m>\d{1,3}(?:[.,]\d+)?)\s?[x×·]\s?10(?:\^(?P<e>-?\d{1,2})|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")


def _scientific(text, i, guess, options):
    """"6,17 x 10⁹" → "6.17 billion", "3 × 10^12" → "3 trillion"."""
    m = _SCIENTIFIC.match(text, i)
    if not m or not _guard_before(text, i):
        return None
    from .parse import read_digits

    r = read_digits(m["m"], guess.decimal_mark, True, guess.locale)
    if r is None:
        return None
    e = int(m["e"] if m["e"] is not None else m["sup"].translate(_SUPERSCRIPT))
    value = r[0] * Decimal(10) ** e
    target = render.scaled_figure(value, e, options) if e in (6, 9, 12) else render.fmt_number(value)
    q = Quantity(value)
    return _Hit(i, m.end(), "number", target, q, q=q)


def _rank(text, i):
    """"el puesto 382", "en el lugar 605", "el triunfo número 12" → "382nd", "605th",
    "12th" (a rank, AP figures); "la cadena número uno" → "No. 1". Not "el número de"."""
    m = _RANK.match(text, i)
    before = text[max(0, i - 24):i]
    if m and m["n2"] and not _RANK_NOUN_BEFORE.search(before):
        m = None
    if m and m["numero"] is not None and not _EVENT_BEFORE_NUMERO.search(before):
        m = None  # "la línea número 5": a label, not a rank
    if m and m["n3"] and not _RANK_LIST_BEFORE.search(before):
        m = None if not _RANK_NOUN_BEFORE.search(before) else m
    if m:
        n = int((m["n"] or m["n2"] or m["n3"]).replace(".", ""))
        if re.search(r"(?i)\b(?:el|la|los|las|del|al)\s+n[uú]mero\s$", text[max(0, i - 14):i]):
            return None  # "el número 12 de la calle": a number, not a rank
        return _Hit(i, m.end(), "ordinal", render.ordinal_text(n), Quantity(Decimal(n), "ordinal"))
    m = _RANK_WORD.match(text, i)
    if m and not re.search(r"(?i)\b(?:el|la|los|las|del|al)\s+n[uú]mero\s$", text[max(0, i - 14):i]):
        n = {**_HOUR_WORDS, "uno": 1}[fold(m["w"])]
        return _Hit(i - 7 if text[i - 7:i].lower() in ("número ", "numero ") else i, m.end(), "ordinal", f"No. {n}",
                    Quantity(Decimal(n), "ordinal"))
    return None


def _number_noun(text, i):
    """Number words that are nouns: milmillonario(s) → billionaire(s), multimillonario(s)
    (Spanish press: the very rich; Forbes' list) → billionaire(s), millonario(s) →
    millionaire(s) — as nouns only, after a determiner or a figure; "un millar de" → "a
    thousand", "millares de" → "thousands of", "cientos de miles" → "hundreds of
    thousands" (no exact amount)."""
    m = _NOUN.match(text, i)
    if not m or not _guard_before(text, i):
        return None
    q = Quantity(None, vague=True)
    if m["w"]:
        w = fold(m["w"]).replace(" ", "")
        if not w.startswith("milmillonari") and not _DETERMINER_BEFORE.search(text[max(0, i - 14):i]):
            return None  # "un contrato millonario": an adjective, the engine's
        en = "millionaire" if w.startswith("millonari") else "billionaire"
        plural = bool(m["p1"] or m["p2"] or m["p3"])
        return _Hit(i, m.end(), "number", en + ("s" if plural else ""), q)
    if m["millar"]:
        w = fold(m["millar"])
        one = w.startswith("un")
        if "centenar" in w:
            return _Hit(i, m.end(), "number", "about 100" if one else "hundreds of", Quantity(Decimal(100)) if one else q)
        return _Hit(i, m.end(), "number", "a thousand" if one else "thousands of", q)
    if m["times"]:
        w = fold(m["times"]).split()[-1]
        return _Hit(i, m.end(), "number", {"doble": "twice", "triple": "three times"}.get(w, "four times"), q)
    if m["bn"]:  # a Spanish billón is 10^12: a billonario has a trillion
        return _Hit(i, m.end(), "number", "trillionaire" + ("s" if m["p4"] else ""), q)
    if m["tq"]:
        return _Hit(i, m.end(), "percent", "a quarter percentage point", Quantity(Decimal("0.25"), "percentage_point"),
                    {"ambiguous": True, "reason": "'un trimestre porcentual' is a calque of English 'a quarter percentage "
                                                  "point' (trimestre = three months): read as 0.25 percentage point; check"})
    if m["half_n"]:
        n = m["half_n"]
        words = {"un": "one", "una": "one", "dos": "two", "tres": "three", "cuatro": "four", "cinco": "five", "seis": "six",
                 "siete": "seven", "ocho": "eight", "nueve": "nine", "diez": "ten"}
        unit = {"años": "years", "meses": "months", "semanas": "weeks", "días": "days", "horas": "hours",
                "minutos": "minutes", "siglos": "centuries", "décadas": "decades", "kilómetros": "kilometers",
                "kilos": "kilos", "litros": "liters"}[m["half_u"].lower()]
        lead = words.get(fold(n), n)
        if lead == "one":
            unit = unit[:-1]
            return _Hit(i, m.end(), "number", f"{'an' if unit[0] in 'aeiouh' else 'a'} {unit} and a half", q)
        return _Hit(i, m.end(), "number", f"{lead} and a half {unit}", q)
    if m["quarter"]:
        return _Hit(i, m.end(), "number", "a quarter of" + (" the" if fold(m["qof"]) == "del" else ""), q)
    size = {"cientos": "hundreds", "centenares": "hundreds", "decenas": "tens"}[fold(m["vague"])]
    of = {"miles": "thousands", "millones": "millions"}[fold(m["of"])]
    cur = {"dolares": " of dollars", "euros": " of euros", "pesos": " of pesos"}.get(fold(m["cur"] or ""), "")
    return _Hit(i, m.end(), "number", f"{size} of {of}{cur}", q)

"""Spanish plural and gender forms by rule (RAE orthography), English plurals.

Only the head of a term is inflected: the words before the first preposition or
article (``centro de datos`` → ``centros de datos``, ``pequeña y mediana empresa`` →
``pequeñas y medianas empresas``). Accents move as Spanish spelling requires
(``nación`` → ``naciones``, ``examen`` → ``exámenes``, ``interés`` → ``intereses``,
``país`` → ``países``). Forms that may not exist (``hospitals`` as a loanword
plural) cost nothing: the matcher only finds what the text contains.
"""

from __future__ import annotations

import functools
import re
import unicodedata

STRONG = "aeoáéó"
WEAK = "iuíúü"
VOWELS = STRONG + WEAK
_ACUTE = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
_PLAIN = {v: k for k, v in _ACUTE.items()}
_GROUPS = re.compile(f"[{VOWELS}]+")

#: Words that end the inflected head of a multi-word term.
STOP = {
    "de", "del", "a", "al", "en", "para", "con", "sin", "sobre", "por", "entre", "contra",
    "desde", "hacia", "hasta", "según", "tras", "ante", "bajo", "el", "la", "los", "las",
    "lo", "un", "una", "que",
}
#: Conjunctions inside the head: skipped, inflection goes on after them.
CONJ = {"y", "e", "o", "u"}

#: word → (plural, feminine, feminine plural); None where regular rules apply.
IRREGULAR: dict[str, tuple[str | None, str | None, str | None]] = {
    "gran": ("grandes", "gran", "grandes"),
    "primer": ("primeros", "primera", "primeras"),
    "tercer": ("terceros", "tercera", "terceras"),
    "carácter": ("caracteres", None, None),
    "régimen": ("regímenes", None, None),
    "espécimen": ("especímenes", None, None),
    "presidente": (None, "presidenta", "presidentas"),
    "jefe": (None, "jefa", "jefas"),
    "alcalde": (None, "alcaldesa", "alcaldesas"),
    "cliente": (None, "clienta", "clientas"),
}


def _strip_accent_last_group(word: str) -> str:
    """Drop the written accent of the last syllable (nación → nacion-), except on
    a stressed í/ú that makes a hiatus (país → países, baúl → baúles)."""
    groups = list(_GROUPS.finditer(word))
    if not groups:
        return word
    g = groups[-1]
    chars = list(word)
    for i in range(g.start(), g.end()):
        c = chars[i]
        if c in _PLAIN:
            if c in "íú" and g.end() - g.start() > 1:
                return word  # hiatus keeps its accent
            chars[i] = _PLAIN[c]
    return "".join(chars)


def _accent_penultimate(word: str) -> str:
    """Put the accent a plural needs on the stressed syllable of a paroxytone
    (examen → exámen-es, joven → jóven-es)."""
    groups = list(_GROUPS.finditer(word))
    if len(groups) < 2:
        return word
    g = groups[-2]
    seg = word[g.start(): g.end()]
    idx = next((i for i, c in enumerate(seg) if c in STRONG), len(seg) - 1)
    c = seg[idx]
    if c not in _ACUTE:
        return word
    pos = g.start() + idx
    return word[:pos] + _ACUTE[c] + word[pos + 1:]


#: Spellings rare in native Spanish words: a loanword also takes the English -s.
_FOREIGN = re.compile(r"[kw]|sh|th|ck|oo|ee|ou|oi|tt|ff|pp|ll$|ss$|ai(?!r)")


def _has_accent(word: str) -> bool:
    return any(c in _PLAIN for c in word)


def _last_group_accented(word: str) -> bool:
    groups = list(_GROUPS.finditer(word))
    return bool(groups) and any(c in _PLAIN for c in groups[-1].group())


def _syllables(word: str) -> int:
    return len(_GROUPS.findall(word))


def plural_word(word: str) -> list[str]:
    """Plural forms of one lowercase Spanish word, most usual first."""
    if not word or not word.isalpha() or word != word.lower():
        return [word]
    if word in IRREGULAR and IRREGULAR[word][0]:
        return [IRREGULAR[word][0]]
    last = word[-1]
    if last in "aeiouáéó":
        return [word + "s"]
    if last in "íú":
        return [word + "es", word + "s"]
    if last == "z":
        return [word[:-1] + "ces"]
    if last in "sx":
        if _last_group_accented(word):
            return [_strip_accent_last_group(word) + "es"]
        if _syllables(word) == 1:
            return [word + "es"]
        return [word]  # crisis, análisis, lunes, tórax: invariable
    if last == "y":
        return [word + "es"] if len(word) > 1 and word[-2] in VOWELS else [word + "s"]
    if last in "lrndj":
        if _last_group_accented(word):
            return [_strip_accent_last_group(word) + "es"]
        if last == "n" and not _has_accent(word) and _syllables(word) >= 2:
            forms = [_accent_penultimate(word) + "es"]
        else:
            forms = [word + "es"]
        if not _has_accent(word) and _FOREIGN.search(word):
            forms.append(word + "s")  # loanwords: hackers, routers, bitcoins
        return forms
    if word.endswith("ch"):
        return [word + "es", word + "s"]
    return [word + "s"]  # chip → chips, robot → robots, déficit → déficits


def feminine_word(word: str) -> str:
    if not word or not word.isalpha() or word != word.lower():
        return word
    if word in IRREGULAR and IRREGULAR[word][1]:
        return IRREGULAR[word][1]
    if word.endswith("o"):
        return word[:-1] + "a"
    if word.endswith(("or", "ol")) and len(word) > 3:
        return word + "a"
    if word.endswith(("ón", "án", "ín", "és")):
        return _strip_accent_last_group(word) + "a"
    return word  # -e, -ista, -al, -ante, portavoz: one form for both


def _head_indexes(words: list[str]) -> list[int]:
    """Indexes of the words that agree with the head noun."""
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if lw in STOP:
            break
        if lw in CONJ:
            continue
        out.append(i)
    return out


def _combine(words: list[str], idxs: list[int], options: dict[int, list[str]]) -> list[str]:
    """Phrases with each head word replaced by its forms (first forms together,
    then each word's alternatives one at a time, to keep the count small)."""
    base = list(words)
    for i in idxs:
        base[i] = options[i][0]
    out = [" ".join(base)]
    for i in idxs:
        for alt in options[i][1:]:
            w = list(base)
            w[i] = alt
            out.append(" ".join(w))
    return out


@functools.lru_cache(maxsize=65536)
def spanish_forms(es: str, pos: str = "") -> tuple[tuple[str, bool], ...]:
    """Generated forms of a Spanish term as (form, is_plural), without the term
    itself. ``pos``: ``noun``/empty → plurals; ``person`` → plurals and feminine
    forms; ``adj`` → gender and number; anything else → nothing."""
    pos = pos or "noun"
    if pos not in ("noun", "person", "adj"):
        return ()
    words = es.split(" ")
    idxs = _head_indexes(words)
    if not idxs:
        return ()
    found: dict[str, bool] = {}

    def add(form: str, plural: bool) -> None:
        if form != es and form not in found:
            found[form] = plural

    plural_opts = {i: plural_word(words[i]) for i in idxs}
    for f in _combine(words, idxs, plural_opts):
        add(f, True)
    if pos in ("person", "adj"):
        fem = list(words)
        for i in idxs:
            fem[i] = feminine_word(words[i])
        add(" ".join(fem), False)
        fem_plural = {}
        for i in idxs:
            irr = IRREGULAR.get(words[i])
            fem_plural[i] = [irr[2]] if irr and irr[2] else plural_word(fem[i])
        for f in _combine(fem, idxs, fem_plural):
            add(f, True)
    return tuple(found.items())


_ACRONYM = re.compile(r"^[A-Z0-9&.\-]*[A-Z][A-Z0-9&.\-]*$")


@functools.lru_cache(maxsize=65536)
def english_plural(en: str) -> str:
    """English plural: acronyms take -s (AIs, CEOs), a parenthesised acronym goes
    plural with its head (chief executive (CEO) → chief executives (CEOs)), the
    rest goes through inflect."""
    en = en.strip()
    if not en:
        return en
    m = re.match(r"^(.*\S)\s*\(([^()]+)\)$", en)
    if m:
        head, inner = m.groups()
        inner_pl = inner + "s" if _ACRONYM.match(inner) else inner
        return f"{english_plural(head)} ({inner_pl})"
    last = en.split()[-1]
    if _ACRONYM.match(last):
        return en + "s"
    try:
        result = _inflect_engine().plural_noun(en)
    except Exception:  # inflect missing or confused: the regular rule
        result = ""
    return result or en + "s"


@functools.lru_cache(maxsize=1)
def _inflect_engine():
    return _import_inflect().engine()


def _import_inflect():
    """inflect decorates its methods with typeguard's ``@typechecked``, which re-parses
    and re-compiles inflect's whole source at import: ≈ 1.5–2 s of every run that meets
    a plural (measured with python -X importtime). The checks only guard inflect's own
    argument types (we pass str), so import it with the decorator as a pass-through.
    When nothing has imported typeguard yet, inflect meets a stand-in module holding
    only that pass-through, removed right after: importing typeguard itself (it pulls
    in unittest.mock and asyncio) took another 45 ms of every run."""
    import sys
    import types

    if "inflect" in sys.modules:
        return sys.modules["inflect"]

    def passthrough(target=None, **_options):
        return target if target is not None else (lambda t: t)

    typeguard = sys.modules.get("typeguard")
    if typeguard is None:
        stand_in = types.ModuleType("typeguard")
        stand_in.typechecked = passthrough
        sys.modules["typeguard"] = stand_in
        try:
            import inflect
        finally:
            if sys.modules.get("typeguard") is stand_in:
                del sys.modules["typeguard"]
        return inflect
    original = typeguard.typechecked
    typeguard.typechecked = passthrough
    try:
        import inflect
    finally:
        typeguard.typechecked = original
    return inflect


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

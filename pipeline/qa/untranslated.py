"""untranslated: Spanish the engine did not translate.

- ``untranslated.unknown``: words Apertium marked as unknown (``*word``; ``#``/``@``
  marks are generation errors), recorded on ``Segment.unknown_words`` by the
  translate stage. Capitalised unknown words are names (Tymoshenko, Garman) that are
  rightly kept, and are not flagged. Only a live run has these marks: a bilingual file
  read back by ``es2en qa`` has lost them.
- ``untranslated.spanish``: Spanish function words left in the English — words that
  are not English words ("del", "los", "que", "por", "una"…), lowercase and outside
  names ("Rodrigo de Rato", "Los Angeles"). One word that is never English ("cual",
  "los", "que", "porque") flags the segment; words that English text also has ("de",
  "la", "al", "y") need a second Spanish word.
- ``untranslated.copy``: the English is the Spanish, unchanged, and the Spanish is a
  sentence (it has Spanish function words), not a name or a code.
"""

from __future__ import annotations

import re
from itertools import compress, count

from ..model import Segment, Severity
from . import QAContext, check

#: Spanish function words that are not English words: one of them left lowercase in the
#: English is enough ("around the cual will go", Apertium's real output).
STRONG = frozenset(
    """
    cual cuales cuyo cuya cuyos cuyas quien quienes del los las que una unos unas por para pero
    porque también tampoco sus está están estaba fueron sido cuando donde aunque según durante
    mediante todavía aún nuestro nuestra nuestros nuestras estos estas esos esas aquel aquella
    mismo misma mismos mismas otro otra otros otras todos todas muy más sólo
    """.split()
)
#: Spanish words that also occur in English text ("et al.", "la", "Le", "y" as a variable):
#: they count only with another Spanish word. Words that are plainly English as well
#: ("a", "no", "me", "he", "son", "sin", "con", "hay", "ante", "solo") are not listed.
WEAK = frozenset("de la el y o u lo le les se nos al es ha han su ni ya este esta ese esa todo toda entre hasta desde hacia sobre tras sino ser fue".split())
SPANISH_ONLY = STRONG | WEAK
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CAP = re.compile(r"^[A-ZÁÉÍÓÚÑ]")


def spanish_words(text: str) -> list[str]:
    """Lowercase Spanish-only function words in ``text`` that are not part of a name
    (a capitalised word on both sides: "Juan de la Cruz", "Banco de España")."""
    from .form import verbatim_items

    for _, item in verbatim_items(text):  # "www.ejemplo.es", "info@empresa.es" are not Spanish words
        text = text.replace(item, " ")
    tokens = _WORD.findall(text)
    out = []
    # lowercase only: "El Salvador", "Los Angeles" are names (found in C; most English has none)
    for i in compress(count(), map(SPANISH_ONLY.__contains__, tokens)):
        w = tokens[i]
        # inside a name: next capitalised word after a run of particles, previous capitalised
        j = i
        while j + 1 < len(tokens) and tokens[j + 1] in SPANISH_ONLY:
            j += 1
        k = i
        while k > 0 and tokens[k - 1] in SPANISH_ONLY:
            k -= 1
        prev_cap = k > 0 and bool(_CAP.match(tokens[k - 1]))
        next_cap = j + 1 < len(tokens) and bool(_CAP.match(tokens[j + 1]))
        if prev_cap and next_cap:
            continue
        out.append(w)
    return out


@check("untranslated.unknown", Severity.WARNING, "words Apertium did not know (left in Spanish or dropped)")
def unknown(seg: Segment, ctx: QAContext):
    words = []
    for mark in seg.unknown_words:
        word = mark.lstrip("*#@~")
        if not word or (mark.startswith("*") and _CAP.match(word)):
            continue
        if word not in words:
            words.append(word)
    if words:
        yield "not translated: " + ", ".join(f"“{w}”" for w in words)


@check("untranslated.spanish", Severity.WARNING, "Spanish function words left in the English")
def spanish(seg: Segment, ctx: QAContext):
    target = seg.target or ""
    if _normal(target) == _normal(seg.source):
        return  # untranslated.copy says it
    found = spanish_words(target)
    if found and (len(found) >= 2 or found[0] in STRONG):
        shown = list(dict.fromkeys(found))[:6]
        yield f"Spanish words in the English ({len(found)}): " + ", ".join(f"“{w}”" for w in shown)


@check("untranslated.copy", Severity.WARNING, "the English is the Spanish, unchanged")
def copy(seg: Segment, ctx: QAContext):
    if seg.target and _normal(seg.target) == _normal(seg.source) and spanish_words(seg.source):
        yield "the English is a copy of the Spanish"


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()

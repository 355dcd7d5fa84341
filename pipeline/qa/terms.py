"""terms: each glossary term found in the Spanish has its English in the English.

The Spanish is matched with the glossary matcher (the same one the protect stage uses,
so inflected forms — "centros de datos" — are found). The English counts as present
when the entry's English, in singular or plural, is in the target as whole words,
ignoring case, hyphens versus spaces and curly versus straight apostrophes.
"""

from __future__ import annotations

import re

from ..model import Segment, Severity
from . import QAContext, check


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‑", "-").replace("-", " ")
    return " ".join(text.lower().split())


def english_forms(span) -> set[str]:
    """The English a term span may show up as: its target, the entry's singular and plural."""
    forms = {span.target or ""}
    entry = span.value
    en = getattr(entry, "en", "")
    if en:
        forms.add(en)
        plural = getattr(entry, "en_plural", "")
        if not plural:
            try:
                from ..glossary.inflection import english_plural

                plural = english_plural(en)
            except Exception:  # pragma: no cover - inflection is best effort here
                plural = ""
        if plural:
            forms.add(plural)
    return {f for f in forms if f.strip()}


def present(forms: set[str], target: str) -> bool:
    t = _norm(target)
    for f in forms:
        n = _norm(f)
        if n and re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", t):
            return True
    return False


def term_spans(seg: Segment, ctx: QAContext) -> list:
    """Terms of the Spanish, less those inside a numeric expression (the number stage
    writes "millones de dólares" as "$… million": the protect stage drops them too)."""
    if ctx.matcher is None:
        return []

    def find():
        from .numbers import number_spans

        numbers = number_spans(seg, ctx)
        # the spans the protect stage found for this sentence, else matched now
        terms = seg.found["terms"] if "terms" in seg.found else ctx.matcher.find(seg.source)
        return [s for s in terms if s.kind == "term" and not any(s.overlaps(n) for n in numbers)]

    return ctx.memo(seg, "terms", find)


@check("terms.missing", Severity.ERROR, "a glossary term of the Spanish is not translated as the glossary says")
def missing(seg: Segment, ctx: QAContext):
    seen = set()
    for span in term_spans(seg, ctx):
        forms = english_forms(span)
        key = frozenset(forms)
        if key in seen or present(forms, seg.target or ""):
            continue
        seen.add(key)
        yield f"“{span.text}” should be “{span.target}” in the English"

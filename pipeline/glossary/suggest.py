"""Candidate terms from Spanish source documents, for a person to accept.

Two kinds of evidence:

* an acronym next to its expansion, ``Amazon Web Services (AWS)`` or
  ``AWS (Amazon Web Services)``, where the acronym's letters are the initials of
  the expansion's words (``de``, ``la``… skipped: ``Organización Mundial de la Salud
  (OMS)``);
* multi-word phrases repeated in the documents (2–4 words, not starting or ending
  with a function word, not already in the glossary), the longest phrase kept
  where a shorter one never occurs without it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .inflection import strip_accents

FUNCTION = set(
    """a al ante bajo con contra de del desde durante e el ella ellas ellos en entre era es esa ese eso esta
    este esto estos estas fue ha han hasta la las le les lo los mas más me mi muy ni no nos o os para pero
    por que qué se según sin sobre su sus también tan te tras u un una uno unos unas y ya yo como cuando donde
    muy sí si son ser será sido había habían hay está están sea sus cual cuál cuyo cuya todo toda todos todas
    otro otra otros otras mismo misma dicho dijo según ese esa esos esas aquel aquella cada""".split()
)
#: Function words allowed inside a phrase (``centro de datos``, ``I+D``).
INNER = {"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "a", "al"}
_WORD = re.compile(r"[^\W\d_][\w\-]*|\d+")
_BREAK = re.compile(r"[.!?;:,()\[\]“”\"«»—–\n]+")
_ACRO = re.compile(r"\(\s*([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ0-9&+.\-]{1,11})\s*\)")
_ACRO_FIRST = re.compile(r"\b([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9&+.\-]{1,11})\s*\(([^()]{3,120})\)")
_SKIP_INITIAL = {"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "a", "al", "por", "of", "the", "and", "for"}


@dataclass
class Suggestion:
    es: str
    count: int
    kind: str  # "acronym" | "expansion" | "phrase"
    hint: str = ""

    def __str__(self) -> str:
        return f"{self.count}\t{self.kind}\t{self.es}" + (f"\t{self.hint}" if self.hint else "")


def read_document_text(path: str | Path) -> str:
    """Plain text of a .txt/.md (UTF-8) or .docx document."""
    path = Path(path)
    if not path.is_file():
        raise InputError("document not found", path)
    if path.suffix.lower() == ".docx":
        try:
            import docx
        except ImportError:  # pragma: no cover - python-docx is a dependency
            raise InputError("reading .docx needs python-docx", path) from None
        try:
            d = docx.Document(str(path))
        except Exception as err:
            raise InputError(f"not a readable .docx: {err}", path) from None
        return "\n".join(p.text for p in d.paragraphs)
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError("not UTF-8", path, line) from None


def _letters(acronym: str) -> str:
    return strip_accents("".join(c for c in acronym if c.isalpha())).casefold()


def _initials(words: list[str]) -> str:
    return strip_accents("".join(w[0] for w in words if w.casefold() not in _SKIP_INITIAL)).casefold()


def expansion_before(text_before: str, acronym: str) -> str | None:
    """The shortest run of words just before ``(ACRONYM)`` whose initials spell it."""
    letters = _letters(acronym)
    if len(letters) < 2:
        return None
    words = _WORD.findall(text_before[-200:])
    for k in range(1, min(len(words), len(letters) * 2 + 2) + 1):
        cand = words[-k:]
        if cand[0].casefold() in _SKIP_INITIAL:
            continue
        if _initials(cand) == letters:
            return " ".join(cand)
    return None


def acronym_pairs(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs found in the text."""
    pairs = []
    for m in _ACRO.finditer(text):
        acr = m.group(1).rstrip(".")
        if sum(c.isupper() for c in acr) < 2:
            continue
        exp = expansion_before(text[: m.start()], acr)
        if exp:
            pairs.append((acr, exp))
    for m in _ACRO_FIRST.finditer(text):
        acr, inner = m.group(1).rstrip("."), m.group(2).strip()
        words = _WORD.findall(inner)
        if words and _initials(words) == _letters(acr) and len(_letters(acr)) >= 2:
            pairs.append((acr, " ".join(words)))
    return pairs


def _phrases(text: str, nmin: int = 2, nmax: int = 4):
    for clause in _BREAK.split(text):
        words = _WORD.findall(clause)
        for n in range(nmin, nmax + 1):
            for i in range(len(words) - n + 1):
                gram = words[i: i + n]
                first, last = gram[0].casefold(), gram[-1].casefold()
                if first in FUNCTION or last in FUNCTION or first.isdigit() or last.isdigit():
                    continue
                if any(w.casefold() in FUNCTION and w.casefold() not in INNER for w in gram[1:-1]):
                    continue
                if sum(len(w) >= 4 for w in gram) < 2:
                    continue
                yield " ".join(gram)


def suggest_terms(texts: list[str], glossary=None, *, min_count: int = 2, limit: int = 50) -> list[Suggestion]:
    matcher = glossary.matcher() if glossary is not None else None

    def known(phrase: str) -> bool:
        if matcher is None:
            return False
        spans = matcher.find(phrase)
        return any(s.start == 0 and s.end == len(phrase) for s in spans)

    acronyms: list[Suggestion] = []
    seen: set[str] = set()
    full = "\n".join(texts)
    for acr, exp in acronym_pairs(full):
        if acr.casefold() in seen:
            continue
        seen.add(acr.casefold())
        n_acr = len(re.findall(rf"(?<!\w){re.escape(acr)}(?!\w)", full))
        n_exp = len(re.findall(rf"(?<!\w){re.escape(exp)}(?!\w)", full, flags=re.IGNORECASE))
        if not known(acr):
            acronyms.append(Suggestion(acr, n_acr, "acronym", f"= {exp}"))
        if not known(exp):
            seen.add(exp.casefold())
            acronyms.append(Suggestion(exp, n_exp, "expansion", f"= {acr}"))

    counts: Counter[str] = Counter()
    surface: dict[str, Counter] = defaultdict(Counter)
    for t in texts:
        for p in _phrases(t):
            key = p.casefold()
            counts[key] += 1
            surface[key][p] += 1
    frequent = {k: c for k, c in counts.items() if c >= min_count}
    # keep the longest phrase where a shorter one never occurs without it
    keep = []
    for k, c in frequent.items():
        longer = [k2 for k2, c2 in frequent.items() if len(k2) > len(k) and c2 == c and f" {k} " in f" {k2} "]
        if longer:
            continue
        keep.append(k)
    phrases = []
    for k in keep:
        if k in seen:
            continue
        forms = surface[k].most_common()
        best = forms[0][0]
        # capitalised only at the start of a sentence: show the lowercase form
        lower = [f for f, _ in forms if f[0].islower()]
        if best[0].isupper() and lower:
            best = lower[0]
        if known(best):
            continue
        phrases.append(Suggestion(best, frequent[k], "phrase"))
    phrases.sort(key=lambda s: (-s.count, -len(s.es.split()), s.es))
    out = acronyms + phrases
    return out[:limit] if limit else out

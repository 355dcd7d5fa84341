"""Find glossary terms in a sentence: a token trie compiled once per run.

The text is cut into tokens (runs of letters/digits, and single punctuation
marks); the trie is keyed on case- and accent-folded tokens, so one dictionary
look-up per token finds every candidate, whatever the glossary's size. Each
candidate is then checked exactly:

* whole words: tokens are maximal runs of letters and digits, so ``IA`` never
  matches inside ``IAS`` or ``media``; spacing must agree with the entry (``I+D``
  needs no spaces, ``centro de datos`` needs some, any amount, line breaks too);
* case per entry: a case-sensitive entry matches only as written; an insensitive
  one matches any case and its English is re-cased (``Nube`` → ``Cloud``,
  ``INTELIGENCIA ARTIFICIAL`` → ``ARTIFICIAL INTELLIGENCE``);
* accents: text is compared in NFC, so decomposed accents match; accents are
  significant (``público`` is not ``publicó``), except in ALL-CAPS text, where
  Spanish headlines often drop them (``COMUNICACION`` matches ``comunicación``);
* a one-word noun shaped like a participle (``comunicado``) is not matched right
  after a form of *haber* or *ser* (``ha comunicado`` is a verb).

Of overlapping candidates the longest wins (then the leftmost); spans never
overlap.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import compress
from typing import Iterable

from ..model import Span
from .entry import Entry, nfc
from .inflection import english_plural, spanish_forms, strip_accents

TOKEN = re.compile(r"[\w\u0300-\u036f]+|[^\w\s]")
_END = ""  # trie key of the forms ending at a node (tokens are never empty)

_PUNCT = str.maketrans({"’": "'", "‘": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})

#: Forms of haber and ser after which a participle-shaped noun is a verb.
AUX = {
    "ha", "han", "he", "has", "hemos", "habeis", "habia", "habian", "habiamos", "haya", "hayan",
    "hubo", "hubiera", "hubieran", "habra", "habran", "habria", "habrian", "haber", "habiendo",
    "fue", "fueron", "sido", "sera", "seran", "es", "son", "era", "eran", "sea", "sean", "ser",
    "siendo", "estaba", "estaban", "estuvo",
}
_PARTICIPLE = re.compile(r"^[a-záéíóúñ]+(?:ad|id)[oa]s?$")
_SMALL_ES = {"de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "en", "a", "al", "para", "por", "con"}
_SMALL_EN = {"of", "and", "the", "a", "an", "in", "on", "for", "to", "at", "by", "or", "with"}
_GENERATING = {"", "noun", "person", "adj"}
_INVARIABLE_EN = {"adj", "verb", "adv", "name", "other"}


def fold(token: str) -> str:
    """The trie key: case-folded, accents removed, typographic punctuation unified."""
    t = token.casefold()
    if t.isascii():
        return t
    t = unicodedata.normalize("NFD", t.translate(_PUNCT))
    return "".join(c for c in t if not unicodedata.combining(c))


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


@dataclass(frozen=True)
class Form:
    """One Spanish form of an entry, compiled."""

    entry: Entry
    text: str
    tokens: tuple[str, ...]
    gaps: tuple[bool, ...]
    plural: bool
    generated: bool
    sensitive: bool
    guard: bool
    rank: tuple[int, int]  # lower wins: explicit before generated, later entry first

    @property
    def target(self) -> str:
        e = self.entry
        if not self.plural:
            return e.en
        if e.en_plural:
            return e.en_plural
        if e.pos in _INVARIABLE_EN:
            return e.en
        return english_plural(e.en)


def generates(entry: Entry) -> bool:
    """Whether rule-generated Spanish forms are added for this entry."""
    if entry.pos not in _GENERATING:
        return False
    if entry.pos:
        return True
    return not any(c.isupper() for c in entry.es)  # names and acronyms stay as written


def entry_forms(entry: Entry) -> list[tuple[str, bool, bool]]:
    """(form, plural, generated) for an entry: its Spanish, its variants, and the
    forms generated from both."""
    out: dict[str, tuple[bool, bool]] = {}
    gen = generates(entry)
    es_forms = dict(spanish_forms(entry.es, entry.pos)) if gen else {}
    out[entry.es] = (False, False)
    for v in entry.es_variants:
        if v in out:
            continue
        plural = es_forms.get(v, False) or v in (entry.es + "s", entry.es + "es")
        if not plural and gen:
            w, ew = v.split(" ")[0], entry.es.split(" ")[0]
            plural = w.endswith("s") and not ew.endswith("s") and w.islower() and ew.islower()
        out[v] = (plural, False)
    sources = [entry.es, *entry.es_variants] if gen else []
    for src in sources:
        for form, plural in spanish_forms(src, entry.pos):
            if form not in out:
                out[form] = (plural or out.get(src, (False, False))[0], True)
    return [(f, p, g) for f, (p, g) in out.items()]


def compile_form(entry: Entry, text: str, plural: bool, generated: bool, index: int) -> Form | None:
    text = nfc(text)
    toks = tokenize(text)
    if not toks:
        return None
    gaps = tuple(toks[k + 1][0] > toks[k][1] for k in range(len(toks) - 1))
    guard = (
        len(toks) == 1
        and entry.pos in ("", "noun")
        and bool(_PARTICIPLE.match(toks[0][2].lower()))
    )
    return Form(
        entry=entry,
        text=text,
        tokens=tuple(t[2] for t in toks),
        gaps=gaps,
        plural=plural,
        generated=generated,
        sensitive=entry.case_sensitive,
        guard=guard,
        rank=(1 if generated else 0, -index),
    )


def _title_en(target: str) -> str:
    words = target.split(" ")
    out = []
    for i, w in enumerate(words):
        if w[:1].islower() and (i == 0 or w not in _SMALL_EN):
            w = w[0].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def recase(target: str, matched: str, form: str) -> tuple[str, str | None]:
    """English re-cased like the Spanish was, for case-insensitive matches."""
    if matched == form or not target:
        return target, None
    letters = [c for c in matched if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and not all(
        c.isupper() for c in form if c.isalpha()
    ):
        upper = " ".join(w if sum(c.isupper() for c in w) >= 2 else w.upper() for w in target.split(" "))
        return upper, "upper"
    words = [w for w in matched.split() if w.lower() not in _SMALL_ES]
    fwords = [w for w in form.split() if w.lower() not in _SMALL_ES]
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and not all(w[:1].isupper() for w in fwords):
        return _title_en(target), "title"
    if matched[:1].isupper() and not form[:1].isupper() and target[:1].islower():
        return target[0].upper() + target[1:], "capitalized"
    return target, None


class Matcher:
    """Compiled once per run from a glossary's entries (later entries win ties)."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries: list[Entry] = list(entries)
        self.forms: list[Form] = []
        self._root: dict = {}
        self._fold_cache: dict[str, str] = {}
        for index, entry in enumerate(self.entries):
            for text, plural, generated in entry_forms(entry):
                form = compile_form(entry, text, plural, generated, index)
                if form is None:
                    continue
                self.forms.append(form)
                node = self._root
                for tok in form.tokens:
                    node = node.setdefault(fold(tok), {})
                node.setdefault(_END, []).append(form)
        # candidates at one node: best rank first
        stack = [self._root]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key == _END:
                    child.sort(key=lambda f: f.rank)
                else:
                    stack.append(child)

    def __len__(self) -> int:
        return len(self.forms)

    def _key(self, token: str) -> str:
        k = self._fold_cache.get(token)
        if k is None:
            k = fold(token)
            if len(self._fold_cache) < 200_000:
                self._fold_cache[token] = k
        return k

    @staticmethod
    def _verify(form: Form, toks: list, keys: list[str], i: int, j: int) -> bool:
        gaps = form.gaps
        for k in range(j - i):
            if (toks[i + k + 1][0] > toks[i + k][1]) != gaps[k]:
                return False
        ftoks = form.tokens
        for k in range(j - i + 1):
            t = toks[i + k][2]
            ft = ftoks[k]
            if t == ft:
                continue
            if not t.isascii():
                t = nfc(t)
                if t == ft:
                    continue
            if form.sensitive:
                return False
            tc, fc = t.casefold(), ft.casefold()
            if tc == fc:
                continue
            if t.isupper() and strip_accents(tc) == strip_accents(fc):
                continue  # ALL-CAPS text without its accents
            return False
        if form.guard and i > 0 and keys[i - 1] in AUX:
            return False
        return True

    def candidates(self, text: str) -> tuple[list[tuple[int, int, Form]], list[tuple[int, int, str]]]:
        """Every verified match as (first token, last token, form), overlapping,
        and the tokens they index."""
        toks = tokenize(text)
        cache, key = self._fold_cache, self._key
        keys = [cache.get(t[2]) or key(t[2]) for t in toks]
        root = self._root
        out = []
        n = len(toks)
        verify = self._verify
        # only tokens that start some form (found in C; most tokens start none)
        for i in compress(range(n), map(root.__contains__, keys)):
            node = root[keys[i]]
            j = i
            while node is not None:
                forms = node.get(_END)
                if forms:
                    for f in forms:
                        if verify(f, toks, keys, i, j):
                            out.append((i, j, f))
                            break
                j += 1
                if j >= n:
                    break
                node = node.get(keys[j])
        return out, toks

    def find(self, text: str) -> list[Span]:
        """Term spans in ``text``, in order, never overlapping; never raises."""
        try:
            return self._find(text)
        except Exception:  # a matcher bug must not stop a translation run
            return []

    def _find(self, text: str) -> list[Span]:
        if not isinstance(text, str) or not text:
            return []
        found, toks = self.candidates(text)
        if not found:
            return []
        if len(found) > 1:
            found.sort(key=lambda c: (-(toks[c[1]][1] - toks[c[0]][0]), c[0]))
            taken = [False] * len(toks)
            chosen = []
            for i, j, f in found:
                if any(taken[i: j + 1]):
                    continue
                for k in range(i, j + 1):
                    taken[k] = True
                chosen.append((i, j, f))
            chosen.sort(key=lambda c: c[0])
        else:
            chosen = found
        spans = []
        for i, j, f in chosen:
            start, end = toks[i][0], toks[j][1]
            matched = text[start:end]
            target = f.target
            case = None
            if not f.sensitive:
                target, case = recase(target, nfc(matched), f.text)
            spans.append(
                Span(
                    start=start,
                    end=end,
                    kind="term",
                    text=matched,
                    target=target,
                    value=f.entry,
                    attrs={
                        "form": f.text,
                        "plural": f.plural,
                        "generated": f.generated,
                        "recased": case,
                        "keep": f.entry.keep,
                        "source": f.entry.where,
                    },
                )
            )
        return spans

"""Spanish-aware sentence segmentation: the ``segment`` stage.

Approach: one precompiled regex finds every *candidate* boundary — a run of final
punctuation (``.``, ``?``, ``!``, ``…``, possibly mixed with closing quotes/brackets)
followed by whitespace or the end of the text, plus blank lines. Each candidate is then
accepted or rejected by looking at the word before it and at how the next sentence
would start. Punctuation glued to the next character (``$1.5``, ``1.234,56``, ``1.º``,
``EE.UU.``'s inner dot, ``www.ine.es``, ``20.45 h``) is never a candidate, so numbers,
URLs and e-mail addresses need no rules of their own (and a missing space,
``éxito.La``, is not taken for a boundary either). The one exception is ``?``/``!``
glued to an inverted mark: ``¿Sí?¿No?`` is two sentences. Everything is a linear scan:
no lookaheads or lookbehinds that could backtrack on long runs of punctuation.

Conventions (the gold set in ``tests/data/segmentation_gold.jsonl`` follows them):

* A Spanish sentence starts with an upper-case letter, a digit or a symbol; a
  lower-case start after ``.``/``?``/``!`` means the sentence goes on (``¿Vienes?
  —preguntó``, ``¿Quién? ¿por qué?``, ``p. ej. en Madrid``).
* Opening marks (``¿ ¡ « “ " ( —``) are skipped when looking at how the next sentence
  starts, so ``Sí. ¿Vienes?`` and ``dijo. «Basta»`` split.
* Quotes never suppress a boundary. Closing quotes and brackets right after the final
  mark stay with the sentence they close: ``“Hola.” Luego…`` → ``“Hola.”`` |
  ``Luego…``; ``«Hola». Luego`` → ``«Hola».`` | ``Luego``. A quotation of several
  sentences is therefore split like any other text.
* An ellipsis (``…``, ``...``) ends a sentence only before an upper-case start, and
  not after an article, preposition or conjunction (``viajará hacia... Brasil``); in
  brackets (``(…)``, ``[...]``) it marks an omission and never ends one.
* Abbreviations come in two kinds: those that introduce a name or a number (``Sr.``,
  ``Dra.``, ``Avda.``, ``vs.``, ``p. ej.``) never end a sentence; the others (``etc.``,
  ``S.A.``, ``EE. UU.``, ``aprox.``, ``núm.``) end one before an upper-case start but
  not before a number or a lower-case word.
* A single capital letter with a period is an initial (``J. R. R. Tolkien``, ``Sam A.
  Altman``) unless the next word is one that cannot be a surname (``El``, ``La``,
  ``Pero``…): ``Juan Carlos I. El rey`` splits, ``George W. Bush`` does not.
* A list marker (``1.``, ``b.``, ``IV.``) opening a sentence, or right after a colon,
  is not a sentence of its own; a lettered item (``… la solicitud. b. Pagar…``) starts
  one even though it is lower case. ``(1. FC Nürnberg)``: a number right after an
  opening bracket is an ordinal, not an end.
* A blank line always ends a sentence; a single newline is ordinary whitespace.
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans", "split_sentences"]

_TERMINALS = ".?!…"
_CLOSERS = "\"'”’»)]}"
# Marks that may precede the first letter of a sentence (and of a word).
_OPENERS = "¿¡«“‘\"'([{—–-‹•*"

# A maximal run of final punctuation, possibly interleaved with closers, or a blank line.
# It is a candidate when followed by whitespace or the end, or ("¿Sí?¿No?") when a run
# with "?"/"!" is glued to an inverted mark. That test is done in code, not with a
# lookahead: a lookahead would make the regex backtrack quadratically on long runs.
_CANDIDATE = re.compile(r"[.?!…][.?!…\"'”’»)\]}]*|\n[^\S\n]*\n")
_NON_SPACE = re.compile(r"\S")
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[IVXLC]{1,6}|[^\W\d_])\Z")
# Letters-with-dots acronyms such as "EE.UU", "a.C", "O.N.U" (the final dot excluded).
_DOTTED = re.compile(r"(?:[^\W\d_]{1,4}\.)+[^\W\d_]{1,4}\Z")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]\Z")
_ROMAN = re.compile(r"[IVXLC]+\Z")
_LOWER_ITEM = re.compile(r"[a-z][.)]\s+[¿¡«“\"(]?[^\W\d_a-z]")

#: Abbreviations that introduce a name, a place or a number: never the end of a sentence.
_LEADING_ABBREVIATIONS = frozenset(
    """
    sr sra srta sres sras srs srtas dña dñas dn don
    dr dra dres dras lic lcdo lcda ldo lda ing arq prof profa profs mtro mtra
    mons fr fco sto sta stos stas gral cnel tte sgto excmo excma ilmo ilma rvdo rvda pbro
    dip sen pdte pte vda hno hna fdo mr mrs ms st
    avda av pza pl blvd urb ctra c
    vs ej cf cfr vid p.d p.s
    """.split()
)

#: Abbreviations that may end a sentence (before an upper-case start), but never
#: before a number or a lower-case word.
_ABBREVIATIONS = frozenset(
    """
    etc aprox máx mín núm núms nro nros pág págs pp art arts cap caps vol vols fig figs
    tel tfno tlf apdo ed eds ib ibíd íd op cit loc et al atte
    cía hnos ltda inc corp ltd co jr
    ud uds vd vds admón dpto depto dcha izq coord dir
    hrs min seg ee uu bs
    s.a s.l s.a.u s.l.u s.a.b s.c s.r.l c.v
    """.split()
)

#: Words that can start a sentence but cannot be a surname: after a lone capital
#: letter with a period they show that the letter ended the sentence.
_SENTENCE_STARTERS = frozenset(
    """
    el la los las lo un una unos unas al del a ante bajo con contra de desde durante en
    entre hacia hasta para por según sin sobre tras y e o u ni pero aunque sino si no sí
    ya que cuando como donde mientras porque pues este esta estos estas esto ese esa esos
    esas eso aquel aquella su sus mi mis tu tus nuestro nuestra nuestros nuestras se le
    les me te nos os él ella ellos ellas yo tú usted ustedes nosotros hoy ayer mañana
    ahora luego después antes entonces así además también tampoco todo toda todos todas
    cada otro otra otros otras muchos muchas pocos varios varias algunos algunas nadie
    nada hay fue es era son está están ha han había tiene tienen
    """.split()
)

#: Articles, prepositions and conjunctions: a sentence cannot end with them, so an
#: ellipsis after one marks suspense, not an end.
_NO_END_WORDS = frozenset(
    """
    el la los las un una unos unas del al lo a ante bajo con contra de desde en entre
    hacia hasta para por sin sobre tras y e o u ni que pero porque su sus mi mis
    """.split()
)

_UPPER, _LOWER, _DIGIT, _PUNCT, _OTHER, _END = range(6)


def _start_kind(text: str, j: int) -> tuple[int, int]:
    """How the text from j on would start a sentence, and where its first word begins
    (after whitespace and opening marks)."""
    n = len(text)
    while j < n and (text[j].isspace() or text[j] in _OPENERS):
        j += 1
    if j >= n:
        return _END, j
    c = text[j]
    if c.isupper() or c.istitle():
        return _UPPER, j
    if c.islower():
        return _LOWER, j
    if c.isdigit():
        return _DIGIT, j
    if c in _TERMINALS or c in ",;:":
        return _PUNCT, j
    return _OTHER, j


def _word_at(text: str, j: int) -> str:
    """The whitespace-delimited word starting at j."""
    k = j
    n = len(text)
    while k < n and not text[k].isspace():
        k += 1
    return text[j:k]


def _token_before(text: str, i: int) -> tuple[str, int]:
    """The word that ends at i (the final mark's position), without opening marks,
    and where it starts."""
    k = i
    # Words longer than this are never abbreviations; bounding keeps the scan O(1).
    limit = max(0, i - 64)
    while k > limit and not text[k - 1].isspace():
        k -= 1
    while k < i and text[k] in _OPENERS:
        k += 1
    return text[k:i], k


def _opens_sentence(text: str, k: int, sent_start: int) -> bool:
    """Whether only opening marks stand between the sentence start and k."""
    while k > sent_start and text[k - 1] in _OPENERS:
        k -= 1
    return k == sent_start


def _prev_word_start(text: str, k: int) -> int:
    """Start of the word before the one starting at k (k itself if there is none);
    at most 64 characters back, as in _token_before."""
    j = k
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0:
        return k
    limit = max(0, j - 64)
    while j > limit and not text[j - 1].isspace():
        j -= 1
    return j


def _word_before(text: str, k: int) -> str:
    """The word before the one starting at k."""
    j = _prev_word_start(text, k)
    if j == k:
        return ""
    e = j
    while e < k and not text[e].isspace():
        e += 1
    return text[j:e]


def _prev_non_space(text: str, k: int) -> str:
    k -= 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


def _is_plain_word(text: str, i: int) -> bool:
    """Whether the word ending at i is an ordinary word (no abbreviation, no initial)."""
    token, _ = _token_before(text, i)
    low = token.lower()
    return (
        len(token) > 1
        and low not in _LEADING_ABBREVIATIONS
        and low not in _ABBREVIATIONS
        and not _DOTTED.match(token)
    )


def _period_ends_sentence(text: str, i: int, kind: int, nxt: int, sent_start: int) -> bool:
    """Decide for a single '.' at i (closers may follow) before a non-lower-case start."""
    token, tstart = _token_before(text, i)
    if not token:
        return True
    # List markers ("1.", "b.", "IV.") opening a sentence or right after a colon.
    if _LIST_MARKER.match(token) and (
        _opens_sentence(text, tstart, sent_start) or _prev_non_space(text, tstart) == ":"
    ):
        return False
    # "(1. FC Nürnberg)": a number right after a bracket is an ordinal or a marker.
    if token.isdigit() and tstart > 0 and text[tstart - 1] in "([":
        return False
    low = token.lower()
    prev_word = _word_before(text, tstart)
    # (A lone capital is never looked up: "c." is "calle", "C." an initial.)
    if low in _LEADING_ABBREVIATIONS and not (len(token) == 1 and token.isupper()):
        # "Thomas J. Watson Sr." is Senior: after a name that is not the sentence's
        # first word ("Estimado Sr. Pérez") it can end a sentence.
        if not (low == "sr" and prev_word[:1].isupper() and prev_word[-1:].isalpha()
                and _prev_word_start(text, tstart) > sent_start):
            return False
    next_word = _word_at(text, nxt).rstrip(_CLOSERS + ",;:")
    # Pieces of spaced multi-letter abbreviations: "EE. UU.", "S. A.", "a. C.", "J. R.".
    if len(next_word) in (2, 3) and next_word.endswith(".") and next_word[:-1].isalpha():
        nw = next_word[:-1]
        if len(token) == 1 and len(nw) == 1:
            return False
        if len(token) == 2 and len(nw) == 2 and token[0] == token[1] and nw[0] == nw[1] and token.isupper():
            return False
    is_abbreviation = low in _ABBREVIATIONS or bool(_DOTTED.match(token))
    if len(token) == 1 and token.isalpha():
        if token.isupper():
            if any(ch.isdigit() for ch in prev_word):
                pass  # "2.º B.", "grupo 3 C.": a label, not an initial
            elif (len(prev_word) == 2 and prev_word[1] == "." and prev_word[0].islower()) or (
                prev_word == "S." and token in "AL"
            ):
                is_abbreviation = True  # last piece of "a. C.", "d. C.", "S. A.", "S. L."
            elif kind == _UPPER:
                # A lone capital: an initial unless a word that is no surname follows.
                return next_word.strip(_CLOSERS + ".,;:").lower() in _SENTENCE_STARTERS
        else:
            is_abbreviation = True  # lower-case letters: "p.", "h.", "a. m."
    elif _INITIALS.match(token) and token.isupper() and low not in _ABBREVIATIONS:
        # Run-together initials: "J.R.R. Tolkien".
        if kind == _UPPER:
            return next_word.strip(_CLOSERS + ".,;:").lower() in _SENTENCE_STARTERS
    if is_abbreviation:
        if kind == _DIGIT:
            return False
        # "cap. IV", "art. III": a Roman numeral goes with the abbreviation.
        if kind == _UPPER and _ROMAN.match(next_word.rstrip(_CLOSERS + ".,;:")):
            return False
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence in text, in order; leading/trailing
    whitespace excluded; the sentences cover all non-space text."""
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int]] = []
    n = len(text)
    m = _NON_SPACE.search(text)
    if m is None:
        return []
    sent_start = m.start()

    def close(end: int) -> None:
        nonlocal sent_start
        e = end
        while e > sent_start and text[e - 1].isspace():
            e -= 1
        if e > sent_start:
            spans.append((sent_start, e))
        m2 = _NON_SPACE.search(text, end)
        sent_start = m2.start() if m2 else n

    for cm in _CANDIDATE.finditer(text):
        i, end = cm.span()
        if i < sent_start:
            continue
        run = cm.group()
        if run[0] == "\n":  # blank line
            close(i)
            continue
        if end < n and not text[end].isspace():
            if not (text[end] in "¿¡" and ("?" in run or "!" in run)):
                continue
        kind, nxt = _start_kind(text, end)
        if kind == _END:
            continue  # the last sentence is closed below
        if kind == _LOWER:
            # Only a lettered list item ("… la solicitud. b. Pagar la tasa.") starts
            # a sentence with a lower-case letter.
            if not (run == "." and _LOWER_ITEM.match(text, nxt) and _is_plain_word(text, i)):
                continue
        if kind == _PUNCT:
            continue
        if "?" in run or "!" in run:
            split = True
        elif "…" in run or ".." in run:
            # An ellipsis ends a sentence only before a capital; "(…)"/"[…]" is an omission.
            # After a word that cannot end a sentence ("hacia... Brasil") it is suspense.
            split = (
                kind == _UPPER
                and not (i > 0 and text[i - 1] in "([")
                and _token_before(text, i)[0].lower() not in _NO_END_WORDS
            )
        else:
            # A '.' then closers then another mark ("etc.)." , "(EFE).") is a clear end.
            stripped = run.rstrip(_CLOSERS)
            if stripped != "." :
                split = True
            else:
                split = _period_ends_sentence(text, i, kind, nxt, sent_start)
        if split:
            close(end)
    if sent_start < n:
        close(n)
    return spans


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]

"""protect / restore: carry spans (terms, numbers, code, URLs, inline marks) through an engine.

Two encodings, chosen by what the engine can do:

* **markup** (Apertium): each span becomes ``<span id="sN">…</span>`` around its own
  Spanish text, so the engine still sees real words (agreement, word order) and
  translates them in place; restore then replaces the whole span with its English
  ``target`` (terms, numbers, code) or rewraps the translated inner text in the
  original delimiters (``**…**``, ``[…](url)``).
* **surrogates** (neural engines, which destroy tags and letter placeholders): each
  replaced span becomes a round number the model copies ("10", "20", …; measured on
  the test model: 9 of 10 survive, against 6 of 10 for "1001"-style numbers and
  letter tokens). Paired marks are dropped before the engine and put back by finding
  the separately translated inner text in the output.

Every span must come back exactly once; ``restore_*`` return ``None`` when one did
not, and the translate stage falls back (see pipeline/translate.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import INLINE, Severity, Span

#: Which span wins an overlap: the reader's verbatim spans (code, URLs, inline HTML),
#: then numbers, then paired marks (emphasis, links), then glossary terms. A term that
#: touches a link's URL is dropped, not the link; a number that straddles an emphasis
#: mark wins over the mark, since its value must be reconciled.
PRIORITY = {"code": 0, "url": 0, "html": 0, "date": 1, "number": 1, "currency": 1, "percent": 1, "range": 1,
            "ordinal": 1, "time": 1, "paired": 2, "term": 3}


def _rank(span: Span) -> int:
    if "anchor" in span.attrs:  # a point's word (anchor_points): the first to give way
        return 5
    if span.kind == "footnote":  # a Markdown footnote reference: its "1" is not a number
        return 0
    return PRIORITY["paired"] if span.paired else PRIORITY.get(span.kind, 4)


#: An inline code of the source format (Span kind INLINE) has no delimiters in the text:
#: its position in the English is marked, once restored, by two private-use characters
#: (plane 15) that no engine sees and land_codes() turns into Segment.target_spans.
_OPEN0, _CLOSE0, _MARKS = 0xF0000, 0xF8000, 0x8000


def _delims(span: Span) -> tuple[str, str]:
    """What restore puts around a paired span's English inner text."""
    if span.inline_code:
        n = int(span.attrs["id"]) % _MARKS
        return chr(_OPEN0 + n), chr(_CLOSE0 + n)
    return span.attrs["open"], span.attrs["close"]


def _inner_bounds(span: Span) -> tuple[int, int]:
    return span.start + len(span.attrs["open"]), span.end - len(span.attrs["close"])


def _conflict(a: Span, b: Span) -> bool:
    """Two spans conflict when they overlap, unless one sits wholly inside the
    other's translated inner text (a term inside **bold**)."""
    if not a.overlaps(b):
        return False
    for outer, inner in ((a, b), (b, a)):
        if outer.paired:
            i0, i1 = _inner_bounds(outer)
            if i0 <= inner.start and inner.end <= i1:
                return False
    return True


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep a conflict-free set of spans, by priority, then longest, then first."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (_rank(s), -(s.end - s.start), s.start)):
        if not any(_conflict(s, k) for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, -(s.end - s.start)))


@dataclass
class _Node:
    span: Span | None
    children: list["_Node"] = field(default_factory=list)


def _tree(spans: list[Span]) -> _Node:
    root = _Node(None)
    stack = [root]
    for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        while stack[-1].span is not None and s.start >= stack[-1].span.end:
            stack.pop()
        node = _Node(s)
        stack[-1].children.append(node)
        if s.paired:
            stack.append(node)
    return root


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”»’')\]]*)\s*[\"“«‘(\[]*$")


def fit_case(span: Span, before: str) -> str:
    """A term's English, capitalised where it now opens the sentence and lowered
    where the Spanish was capitalised only because it opened the sentence."""
    target = span.target or ""
    if span.kind != "term" or not target or span.attrs.get("keep"):
        return target
    at_start = bool(_SENTENCE_START.search(before))
    if at_start and target[0].islower():
        return target[0].upper() + target[1:]
    if not at_start and span.attrs.get("recased") == "capitalized":
        return target[0].lower() + target[1:]
    return target


# ---------------------------------------------------------------- markup engines

def encode_markup(source: str, spans: list[Span]) -> str:
    """Terms keep their Spanish inside the tag (context for the words around them);
    other replaced spans (numbers, code, URLs) carry a digit, which the engine copies
    and which cannot spill punctuation such as ``$`` or backticks outside the tag."""
    numbers = _surrogate_numbers(source)

    def walk(node: _Node, start: int, end: int) -> str:
        out, pos = [], start
        for child in node.children:
            s = child.span
            out.append(source[pos:s.start])
            idx = spans.index(s)
            if s.paired:
                i0, i1 = _inner_bounds(s)
                out.append(f'<span id="s{idx}">{walk(child, i0, i1)}</span>')
            else:
                inner = s.text if s.kind == "term" else next(numbers)
                out.append(f'<span id="s{idx}">{inner}</span>')
            pos = s.end
        out.append(source[pos:end])
        return "".join(out)

    return walk(_tree(spans), 0, len(source))


_TAG = re.compile(r'<span id="s(\d+)">|</span>')


_CAPITALISED = re.compile(r"(\s*)([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)")
_EN_ARTICLE = re.compile(r"\s*(an?|the)\s", re.IGNORECASE)
_ES_ARTICLE = re.compile(r"(?:un|una|unos|unas|el|la|los|las|lo|del|al)\s", re.IGNORECASE)
#: Letters read with a vowel sound when an acronym is spelt out ("an AI", "an NGO").
_VOWEL_LETTERS = set("AEFHILMNORSX")


def indefinite_article(word: str) -> str:
    """"a" or "an" before ``word``: by its first letter, spelt-out acronyms by the
    letter's name, with the usual exceptions ("a union", "an hour")."""
    if not word:
        return "a"
    first = word.split()[0]
    if len(first) > 1 and first.isupper():
        return "an" if first[0] in _VOWEL_LETTERS else "a"
    low = first.lower()
    if low.startswith(("uni", "use", "usu", "uti", "eu", "one", "once")):
        return "a"
    if low.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    return "an" if low[0] in "aeiou" else "a"


def _engine_article(span: Span, rendering: str) -> str:
    """Apertium may pull the article before a term into the term's tag ("un <span>coche
    eléctrico</span>" → "<span>an electrical car</span>"). Replacing the whole tag
    would drop it, so return the article to keep ("" when there is none to keep)."""
    m = _EN_ARTICLE.match(rendering)
    if span.kind != "term" or not m or _ES_ARTICLE.match(span.text):
        return ""
    word = m.group(1).lower()
    return "the" if word == "the" else indefinite_article(span.target or "")


#: Marks an engine may pull into a span's tag together with the words beside it
#: ("«una <span>inversión</span>»" → "<span>«an investment</span>»"): opening quotes and
#: brackets (and ¿ ¡) before the span, closing ones and sentence punctuation after it.
OPENING_MARKS = "«“‘\"'([{¿¡"
CLOSING_MARKS = "»”’\"')]}.,;:!?"


def _marks_outside(rendering: str, source_text: str) -> tuple[str, str, str]:
    """(lead, core, trail): the marks at either end of what the engine put inside a
    span's tag (with the engine's spaces around them), which replacing the whole tag by
    the span's English would drop, and the rest. Marks the span's own Spanish opens or
    ends with are the span's, not the engine's: they stay in ``core``. With no mark,
    lead and trail are empty (spaces alone inside a tag were always dropped)."""
    src = source_text.strip()
    i = 0
    if src[:1] not in OPENING_MARKS:
        while i < len(rendering) and (rendering[i].isspace() or rendering[i] in OPENING_MARKS):
            i += 1
    j = len(rendering)
    if src[-1:] not in CLOSING_MARKS:
        while j > i and (rendering[j - 1].isspace() or rendering[j - 1] in CLOSING_MARKS):
            j -= 1
    lead, trail = rendering[:i], rendering[j:]
    lead = lead if lead.strip() else ""
    trail = trail if trail.strip() else ""
    return lead, rendering[len(lead):len(rendering) - len(trail)], trail


def restore_markup(output: str, spans: list[Span], source: str = "") -> str | None:
    """Replace each returned span by its English; None if any span is missing,
    duplicated or unbalanced.

    Apertium capitalises the first word after a tag that opens a sentence
    ("<span>Altman</span> Recognized"); when the Spanish word after the span was
    lower case, the English one is lowered again."""
    seen: set[int] = set()
    stack: list[tuple[int, list[str]]] = [(-1, [])]
    pos = 0
    for m in _TAG.finditer(output):
        stack[-1][1].append(output[pos:m.start()])
        pos = m.end()
        if m.group(1) is not None:
            idx = int(m.group(1))
            if idx in seen or idx >= len(spans):
                return None
            seen.add(idx)
            stack.append((idx, []))
        else:
            if len(stack) == 1:
                return None
            idx, parts = stack.pop()
            span = spans[idx]
            if span.paired:
                inner = "".join(parts)
                # Keep the engine's spacing outside the delimiters: "** text **" would not render.
                lead = inner[: len(inner) - len(inner.lstrip())]
                trail = inner[len(inner.rstrip()):]
                o, c = _delims(span)
                text = f"{lead}{o}{inner.strip()}{c}{trail}"
            else:
                lead, core, trail = _marks_outside("".join(parts), span.text)
                before = "".join(p for _, parts in stack for p in parts) + lead
                article = _engine_article(span, core)
                if article:
                    article = fit_case(Span(0, 0, "term", "", article), before)
                    text = f"{article} {fit_case(span, before + article + ' ')}"
                else:
                    text = fit_case(span, before)
                text = f"{lead}{text}{trail}"
            stack[-1][1].append(text)
            if source and re.match(r"\s*[a-záéíóúñ]", source[span.end:]):
                m = _CAPITALISED.match(output, pos)
                if m and m.group(2) != "I":
                    output = output[: m.start(2)] + m.group(2).lower() + output[m.end(2):]
    stack[-1][1].append(output[pos:])
    if len(stack) != 1 or len(seen) != len(spans):
        return None
    return "".join(stack[0][1])


# ------------------------------------------------------------ surrogate engines

@dataclass
class SurrogateEncoding:
    text: str  # what the engine sees
    surrogates: dict[str, Span]  # "10" -> the span it stands for
    paired: list[Span]  # marks to put back after translation
    source: str = ""  # the Spanish it was made from

    def surrogate_spans(self) -> list[Span]:
        """Each surrogate as a span of ``text`` carrying its span's English, for
        aligning an engine's rendering of the surrogate (see translate._repair)."""
        out = []
        for sur, span in self.surrogates.items():
            m = re.search(rf"(?<![\w.,]){sur}(?![\w]|[.,]\d)", self.text)
            if m:
                out.append(Span(m.start(), m.end(), span.kind, sur, span.target, span.value, span.attrs))
        return out


def _surrogate_numbers(source: str):
    n = 0
    while True:
        n += 1
        for cand in (str(10 * n),):
            if not re.search(rf"(?<!\d){cand}(?!\d)", source):
                yield cand


def encode_surrogates(source: str, spans: list[Span]) -> SurrogateEncoding:
    numbers = _surrogate_numbers(source)
    surrogates: dict[str, Span] = {}
    paired: list[Span] = []

    def walk(node: _Node, start: int, end: int) -> str:
        out, pos = [], start
        for child in node.children:
            s = child.span
            out.append(source[pos:s.start])
            if s.paired:
                paired.append(s)
                out.append(walk(child, *_inner_bounds(s)))
            else:
                sur = next(numbers)
                surrogates[sur] = s
                out.append(sur)
            pos = s.end
        out.append(source[pos:end])
        return "".join(out)

    text = walk(_tree(spans), 0, len(source))
    return SurrogateEncoding(text, surrogates, paired, source)


def _surrogate_pattern(sur: str) -> re.Pattern:
    # What the model makes of "10" while still meaning it: "10s", "10th", "10's", and
    # "10,000" (the encoder never picks a surrogate that stands in the source, so
    # "10,000" cannot be a real number of the text). Not "2.10" or "10.5".
    return re.compile(rf"(?<![\w.,]){sur}(?:[.,]000)?(?:st|nd|rd|th|s)?(?:'s(?=\W|$))?(?![\w]|[.,]\d)")


def restore_surrogates_partial(output: str, enc: SurrogateEncoding) -> tuple[str | None, list[Span]]:
    """Put each span's English where its surrogate came back once. Returns the text
    and the spans whose surrogate was lost; the text is None when a surrogate came
    back more than once or survives only in a mangled form ("10,000paid"): such an
    output cannot be trusted."""
    result = output
    lost: list[Span] = []
    found: list[tuple[str, Span, str]] = []
    for i, (sur, span) in enumerate(enc.surrogates.items()):
        pattern = _surrogate_pattern(sur)
        hits = pattern.findall(result)
        if not hits:
            lost.append(span)
            continue
        if len(hits) > 1:
            return None, list(enc.surrogates.values())
        marker = chr(0xE000 + i)  # private use: no engine writes it
        found.append((marker, span, "'s" if hits[0].endswith("'s") else ""))
        result = pattern.sub(marker, result, count=1)
    if has_leftover_surrogate(result, enc):
        return None, list(enc.surrogates.values())
    for marker, span, possessive in found:
        i = result.index(marker)
        result = result[:i] + fit_case(span, result[:i]) + possessive + result[i + 1:]
    return result, lost


def has_leftover_surrogate(text: str, enc: SurrogateEncoding) -> bool:
    """True when a word starting with a surrogate's digits ("10", "10,000paid", "200")
    stands in ``text`` and not in the Spanish (where "2010" is a real year)."""
    source = enc.source
    for sur in enc.surrogates:
        for m in re.finditer(rf"(?<![\w.,]){sur}[^\s]*", text):
            word = m.group(0).rstrip(".,;:!?)\"”'")
            if not re.search(rf"(?<![\w.,]){re.escape(word)}(?!\w)", source):
                return True
    return False


def restore_surrogates(output: str, enc: SurrogateEncoding) -> str | None:
    """Like restore_surrogates_partial, but None unless every span came back once."""
    text, lost = restore_surrogates_partial(output, enc)
    return None if lost else text


def reapply_paired(text: str, span: Span, inner_translation: str) -> tuple[str, bool]:
    """Wrap the first occurrence of ``inner_translation`` in ``text`` with the span's
    delimiters; (text, found)."""
    needle = inner_translation.strip().rstrip(".")
    if not needle:
        return text, False
    i = text.lower().find(needle.lower())
    if i < 0:
        if not span.inline_code:
            return text, False
        window = _best_window(text, needle)
        if window is None:
            return text, False
        i, j = window
    else:
        j = i + len(needle)
    o, c = _delims(span)
    return f"{text[:i]}{o}{text[i:j]}{c}{text[j:]}", True


# ------------------------------------------------------------ inline codes

def _best_window(text: str, needle: str) -> tuple[int, int] | None:
    """The words of ``text`` that best match ``needle`` (the inner text translated
    alone), for an inline code whose words the engine rendered a little differently
    in context ("the report" in "the complete report"): the run of words, about as
    long as the needle, sharing the most words with it; None when under half match."""
    words = [(m.start(), m.end(), m.group(0).lower().strip(_TRAILING)) for m in re.finditer(r"\S+", text)]
    want = [w.lower().strip(_TRAILING) for w in needle.split()]
    if not words or not want:
        return None
    best, score = None, 0.0
    for size in range(max(1, len(want) - 1), len(want) + 3):
        for a in range(0, len(words) - size + 1):
            got = [w for _, _, w in words[a:a + size]]
            common = len(set(got) & set(want))
            value = common / len(set(got) | set(want))
            if common and (value > score or (value == score and best and size < best[1] - best[0])):
                best, score = (a, a + size), value
    if best is None or score < 0.5:
        return None
    start, end = words[best[0]][0], words[best[1] - 1][1]
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return start, end


_TRAILING = ".,;:!?)]»”\"'…"
#: Marker numbers of anchor_points' spans: the point's own id plus this.
_ANCHOR = 0x4000


def anchor_points(source: str, codes: list[Span]) -> list[Span]:
    """For each isolated inline code inside a sentence right after a word ("datos¹",
    an image after "imagen"), a pair span over that word, so that the engines carry
    the word's English as they carry formatting and the point lands right after it
    (land_codes). Anchors give way to every other span (see _rank)."""
    out = []
    for code in codes:
        k = code.start
        if code.attrs.get("role") != "isolated" or not 0 < k < len(source.rstrip()) or source[k - 1].isspace():
            continue
        m = re.search(r"\w+$", source[:k])
        if m:
            out.append(Span(m.start(), k, INLINE, m.group(), attrs={
                "id": str(int(code.attrs["id"]) + _ANCHOR), "role": "pair", "open": "", "close": "",
                "format": code.attrs.get("format", ""), "label": "anchor", "anchor": code.attrs["id"]}))
    return out


def _point(source: str, at: int, target: str) -> int:
    """Where an isolated code (a footnote reference, a tab, an image) at ``at`` of the
    source goes in ``target``: the start or the end where it was there (before the
    closing punctuation where it stood before the source's), else after the word at
    the same relative place."""
    before, after = source[:at].strip(), source[at:].strip()
    if not before:
        return 0
    if not after:
        return len(target)
    if all(ch in _TRAILING for ch in after):
        return len(target.rstrip(_TRAILING))
    words = list(re.finditer(r"\S+", target))
    if not words:
        return len(target)
    k = len(source[:at].split())
    j = min(len(words), max(1, round(k * len(words) / max(1, len(source.split())))))
    end = words[j - 1].end()
    if source[at - 1:at] == " " and end < len(target):  # the code stood before a word
        return words[j].start() if j < len(words) else len(target)
    return end


def land_codes(seg, text: str) -> None:
    """Set ``seg.target`` to ``text`` without the code marks restore put in it, and
    ``seg.target_spans`` to where each of the segment's inline codes landed.

    A pair code the engine lost is placed on the same text where that text stands
    unchanged in the English (a name, a number), else at the end of the sentence,
    and flagged; isolated codes are placed by _point. No code is ever lost."""
    codes = seg.found.get("inline") if "inline" in seg.found else [s for s in seg.spans if s.inline_code]
    clean: list[str] = []
    opened: dict[int, int] = {}
    pairs: dict[int, tuple[int, int]] = {}
    for ch in text:
        o = ord(ch)
        if _OPEN0 <= o < _OPEN0 + _MARKS:
            opened[o - _OPEN0] = len(clean)
        elif _CLOSE0 <= o < _CLOSE0 + _MARKS:
            k = o - _CLOSE0
            if k in opened and k not in pairs:
                pairs[k] = (opened.pop(k), len(clean))
        else:
            clean.append(ch)
    target = "".join(clean)
    seg.target = target
    if not codes:
        seg.target_spans = []
        return
    out: list[Span] = []
    for code in codes:
        attrs = dict(code.attrs)
        n = int(attrs["id"]) % _MARKS
        if attrs.get("role") == "isolated":
            anchor = (int(attrs["id"]) + _ANCHOR) % _MARKS
            at = pairs[anchor][1] if anchor in pairs else _point(seg.source, code.start, target)
            out.append(Span(at, at, INLINE, "", attrs=attrs))
            continue
        if n in pairs:
            s, e = pairs[n]
            while s < e and target[s].isspace():  # an engine's space inside the marks
                s += 1
            while e > s and target[e - 1].isspace():
                e -= 1
        else:
            m = re.search(rf"(?<!\w){re.escape(code.text)}(?!\w)", target, re.IGNORECASE) if code.text.strip() else None
            if m:
                s, e = m.span()
            else:
                s = e = len(target)
                seg.flag("markup", Severity.WARNING,
                         f"{attrs.get('label') or 'formatting'} on “{code.text}” could not be placed in the English: "
                         "kept at the end of the sentence")
        out.append(Span(s, e, INLINE, target[s:e], attrs=attrs))
    seg.target_spans = sorted(out, key=lambda sp: (sp.start, -(sp.end - sp.start)))

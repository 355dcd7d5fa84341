"""fluency: the faults neural engines make — loops, lost length, leftover placeholders, cut-offs.

- ``fluency.repeat``: a word three times in a row, or a 2–4-word sequence twice in a
  row ("enrolled enrolled enrolled", "of the country of the country"), when the
  Spanish has no such repetition itself.
- ``fluency.length``: English/Spanish length ratio (characters) outside the range
  human translators produce for a sentence of that length. ``LENGTH_BOUNDS`` was
  fitted on newstest2012 (3003 human es→en pairs): for each band of Spanish length,
  the 0.1% and 99.9% quantiles of len(en)/len(es), rounded outwards; segments under
  20 characters are not checked (too few characters for a stable ratio). Refit with
  ``python bench/qa.py --fit-length``; docs/qa.md has the numbers.
- ``fluency.placeholder``: a protection placeholder or tag the restore step did not
  take back (``<x id="n1"/>``, ``<span id=…>``, ``⟨1⟩``, ``XNUM1``, ``###T01###``).
- ``fluency.truncated``: the Spanish ends a sentence (. ! ? …) and the English stops
  without one, or the English is under a third of the length the ratio allows.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import eq

from ..model import Segment, Severity
from . import QAContext, check

#: (min Spanish chars, max Spanish chars (exclusive), low ratio, high ratio), fitted on
#: newstest2012 human translations (0.1% / 99.9% quantiles per band).
LENGTH_BOUNDS: tuple[tuple[int, int, float, float], ...] = (
    (20, 40, 0.42, 1.97),
    (40, 80, 0.44, 1.54),
    (80, 10**9, 0.50, 1.36),
)
MIN_LENGTH = 20

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PLACEHOLDER = re.compile(
    r"</?(?:x|span|g|ph|bx|ex|mrk)\b[^>]*>|⟨\d+⟩|\bXNUM\d+\b|\bNUM_\d+\b|#{2,}T?\d+#{2,}", re.IGNORECASE
)
_CLOSERS = "\"'”’»)]}*_"
_END = ".!?…"


def length_bounds(n: int) -> tuple[float, float] | None:
    for lo_len, hi_len, lo, hi in LENGTH_BOUNDS:
        if lo_len <= n < hi_len:
            return lo, hi
    return None


def repeats(text: str) -> list[str]:
    """Repeated runs in ``text``: a word 3+ times in a row; a 2–4-word sequence 3+
    times, or twice with nothing but a space between ("of the country of the country",
    but not "human rights Human Rights First" or "Common Cause (Common Cause)")."""
    toks = _TOKEN.findall(text)
    # A repeat starts at a word equal to the one n = 1…4 words after it: only those
    # positions are tried (found in C; most sentences have none).
    starts = sorted({i for n in (1, 2, 3, 4) for i in compress(count(), map(eq, toks, toks[n:]))})
    if not starts:
        return []
    matches = list(_TOKEN.finditer(text))
    found = []
    i = 0
    for c in starts:
        if c < i:
            continue
        i = c
        hit = None
        for n in (4, 3, 2, 1):
            gram = toks[i:i + n]
            k = i
            while toks[k:k + n] == gram and len(gram) == n:
                k += n
            copies = (k - i) // n
            if n == 1 and toks[i].isdigit():
                continue
            if copies >= 3 or (copies == 2 and n > 1 and text[matches[i + n - 1].end():matches[i + n].start()].isspace()):
                hit = (n, k)
                break
        if hit:
            n, k = hit
            found.append(" ".join(toks[i:i + n]) + f" ×{(k - i) // n}")
            i = k
    return found


@check("fluency.repeat", Severity.WARNING, "a word or phrase repeated in a loop")
def repeat(seg: Segment, ctx: QAContext):
    found = repeats(seg.target or "")
    if found and not repeats(seg.source):
        yield "repeated: " + "; ".join(f"“{f}”" for f in found[:3])


@check("fluency.length", Severity.WARNING, "English much shorter or longer than human translations are")
def length(seg: Segment, ctx: QAContext):
    n = len(seg.source.strip())
    bounds = length_bounds(n)
    if bounds is None or not seg.target:
        return
    ratio = len(seg.target.strip()) / n
    lo, hi = bounds
    if ratio < lo:
        yield f"the English is {ratio:.2f}× the Spanish's length (human translations: ≥ {lo:.2f}×)"
    elif ratio > hi:
        yield f"the English is {ratio:.2f}× the Spanish's length (human translations: ≤ {hi:.2f}×)"


@check("fluency.placeholder", Severity.ERROR, "a protection placeholder left in the English")
def placeholder(seg: Segment, ctx: QAContext):
    target = seg.target or ""
    if not ("<" in target or "⟨" in target or "#" in target or "num" in target.lower()):
        return  # every placeholder has one of these (XNUM1, NUM_1)
    left = [m.group(0) for m in _PLACEHOLDER.finditer(target) if m.group(0) not in seg.source]
    if left:
        yield "placeholder left in the English: " + ", ".join(f"“{p}”" for p in dict.fromkeys(left))


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(t) and t[-1] in _END


@check("fluency.truncated", Severity.WARNING, "the English stops before the end of the sentence")
def truncated(seg: Segment, ctx: QAContext):
    target = (seg.target or "").strip()
    source = seg.source.strip()
    if not target or len(source) < MIN_LENGTH:
        return
    bounds = length_bounds(len(source))
    if bounds and len(target) < len(source) * bounds[0] / 3:
        yield f"the English is only {len(target)} characters for {len(source)} of Spanish"
    elif _ends_sentence(source) and not _ends_sentence(target) and target[-1:] not in ":;,":
        yield "the Spanish ends a sentence, the English stops without one: “…" + target[-30:] + "”"

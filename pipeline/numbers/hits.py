"""What each recogniser of the number stage returns (a match on the way to a Span)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .values import Quantity


@dataclass
class _Hit:
    start: int
    end: int
    kind: str
    target: str
    value: object
    attrs: dict = field(default_factory=dict)
    emit: bool = True
    # for range joining
    q: Quantity | None = None
    exp: int | None = None
    frac: int = 0
    bare: bool = False  # a plain number (no scale/unit/currency)
    cur_name: str = ""


def _guard_before(text: str, i: int) -> bool:
    """True if a number may start at i (not glued to a word, code, time or year range)."""
    if i == 0:
        return True
    p = text[i - 1]
    if p.isalnum() or p in "/:+_'’@#":
        return False
    if p in "-–−.," and i >= 2 and text[i - 2].isalnum():
        return False
    return True

"""The engine protocol: a batch of Spanish strings in, the same number of English out."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Engine(Protocol):
    #: Short engine name shown in outputs ("apertium", "argos").
    name: str
    #: Model/data version shown in outputs and stored with memory entries.
    version: str
    #: Longest input the model accepts, in its own tokens; None when unlimited.
    max_input_tokens: int | None
    #: True when the engine passes inline ``<span id="…">…</span>`` markup through,
    #: translating the text inside in place (Apertium does, the tags as word-bound blanks).
    markup: bool

    def translate_batch(self, texts: list[str]) -> list[str]:
        """Translate every text; the result has the same length and order."""
        ...

    def count_tokens(self, text: str) -> int:
        """Length of ``text`` in the unit of ``max_input_tokens``."""
        ...

    def close(self) -> None:
        ...

"""The number stage: Spanish numeric expressions → values → professional English.

Public API (other stages import only these)::

    guess = infer_locale(document_text, options)         # once per document
    spans = find_numbers(sentence, guess, options)         # per segment
    values = parse_english_numbers(english_sentence)       # for QA

See docs/numbers.md for the rules and the house style.
"""

from .english import parse_english_numbers
from .locale import LocaleGuess, infer_locale, paragraph_guess
from .parse import find_numbers, read_digits
from .values import DateValue, NumberOptions, Quantity, Range

__all__ = [
    "DateValue",
    "LocaleGuess",
    "NumberOptions",
    "Quantity",
    "Range",
    "find_numbers",
    "infer_locale",
    "paragraph_guess",
    "parse_english_numbers",
    "read_digits",
]

"""Counts in messages: "1 segment", "2 segments", "1 entry", "0 entries".

Messages name the nouns they count, so a small rule is enough (inflect would do it
too, at an import cost the command line does not need): a consonant + "y" becomes
"ies", "s"/"x"/"ch"/"sh" take "es", everything else takes "s"; ``many`` overrides it.
"""

from __future__ import annotations


def plural_noun(noun: str) -> str:
    if len(noun) > 1 and noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``n`` and the noun in agreement with it: plural(1, "file") == "1 file"."""
    return f"{n} {noun if n == 1 else (many or plural_noun(noun))}"

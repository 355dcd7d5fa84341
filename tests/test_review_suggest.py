"""Corrections that change the same term the same way become glossary suggestions;
the word diff shown by `es2en review diff`."""

from __future__ import annotations

from pipeline.memory import TranslationMemory
from pipeline.review import _changes, correction_suggestions, word_diff


def test_changes_merge_reorderings():
    assert _changes("The artificial intelligence advanced grows.", "The advanced AI grows.") == [
        ("artificial intelligence advanced", "advanced AI")]
    assert _changes("Same text.", "Same text.") == []
    assert _changes("It sells the cloud.", "It sells cloud.") == []  # a deletion alone is no term


def test_repeated_corrections_become_suggestions(tmp_path):
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        m.store_review("La inteligencia artificial avanzada crece.", "The advanced AI grows.", reviewer="r",
                       previous="The artificial intelligence advanced grows.")
        m.store_review("Amazon invierte en inteligencia artificial avanzada.", "Amazon invests in advanced AI.",
                       reviewer="r", previous="Amazon invests in artificial intelligence advanced.")
        m.store_review("La nube de Amazon.", "Amazon's cloud.", reviewer="r", previous="The cloud of Amazon.")
        m.store_review("Sin texto previo.", "No previous text.", reviewer="r")
        found = correction_suggestions(m)
        assert [(s.spanish, s.machine, s.reviewed, s.count) for s in found] == [
            ("inteligencia artificial avanzada", "artificial intelligence advanced", "advanced AI", 2)]
        assert str(found[0]).startswith("2\tinteligencia artificial avanzada\tadvanced AI")
        assert len(correction_suggestions(m, min_count=1)) == 2


def test_word_diff():
    assert word_diff("a b c d", "a x c d e") == "a [-b-] {+x+} c d {+e+}"
    assert word_diff("same", "same") == "same"


def test_glossary_suggest_from_memory_cli(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "m.sqlite"
    with TranslationMemory(db) as m:
        for es, machine, human in [
            ("La inteligencia artificial avanzada crece.", "The artificial intelligence advanced grows.",
             "The advanced AI grows."),
            ("Amazon invierte en inteligencia artificial avanzada.",
             "Amazon invests in artificial intelligence advanced.", "Amazon invests in advanced AI."),
        ]:
            m.store_review(es, human, reviewer="r", previous=machine)
    proc = subprocess.run([sys.executable, "-m", "pipeline", "glossary", "suggest", "--from-memory", "--memory", str(db)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("2\tinteligencia artificial avanzada\tadvanced AI")
    missing = subprocess.run([sys.executable, "-m", "pipeline", "glossary", "suggest", "--from-memory", "--memory",
                              str(tmp_path / "none.sqlite")], capture_output=True, text=True)
    assert missing.returncode == 2 and "none.sqlite" in missing.stderr

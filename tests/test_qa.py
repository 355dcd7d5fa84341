"""QA checks on real engine output (tests/data/qa/engine_outputs.jsonl, recorded by
tests/data/qa/record.py from Apertium and the vendored test model): for every check,
true positives and true negatives.

A case is (case name, engine, mode): mode "pipeline" is es2en's own output, "raw" the
engine alone on the plain Spanish, "encoded" Apertium's output before the restore step.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.glossary import Entry, Glossary
from pipeline.model import Segment, Severity
from pipeline.qa import CHECKS, QAContext, all_checks, run_checks

DATA = Path(__file__).parent / "data" / "qa" / "engine_outputs.jsonl"
RECORDS = {(r["case"], r["engine"], r["mode"]): r for r in map(json.loads, DATA.open(encoding="utf-8"))}

#: A fixed glossary (the shipped ones may change): terms the recorded sentences contain.
GLOSSARY = Glossary.from_entries([
    Entry("Cámara de Diputados", "Chamber of Deputies"),
    Entry("centro de datos", "data center"),
    Entry("inteligencia artificial", "artificial intelligence"),
    Entry("Banco de España", "Bank of Spain"),
])


@pytest.fixture(scope="module")
def ctx() -> QAContext:
    return QAContext(matcher=GLOSSARY.matcher())


def flags_of(key: tuple[str, str, str], ctx: QAContext, target: str | None = None) -> dict[str, list]:
    r = RECORDS[key]
    seg = Segment(id=key[0], source=r["source"], target=target if target is not None else r["target"],
                  unknown_words=list(r["unknown_words"]))
    run_checks([seg], ctx)
    out: dict[str, list] = {}
    for f in seg.flags:
        out.setdefault(f.check, []).append(f)
    return out


AP, TM = "apertium", "testmodel"

# (check, case, engine, mode) that must be flagged — real engine output
TRUE_POSITIVES = [
    # numbers: values lost or changed
    ("numbers.missing", "nt7", TM, "pipeline"),  # "147 diputados" gone
    ("numbers.missing", "nt8", TM, "pipeline"),  # 226 votos → "266 votes"
    ("numbers.missing", "budget", AP, "raw"),  # 38.000 millones de euros → "38.000 million euros"
    ("numbers.missing", "inflation", AP, "raw"),  # "1,5 points porcentuales", "3,2%"
    ("numbers.missing", "gdp", AP, "raw"),  # "2,1%"
    ("numbers.missing", "nt2652", AP, "raw"),  # "1,4%", "3.064 points"
    ("numbers.missing", "date", TM, "raw"),  # "3 325, the 325 has signed"
    ("numbers.missing", "seed-38bn", AP, "encoded"),  # placeholder "10" instead of $38 billion
    ("numbers.unread", "mdp", AP, "raw"),  # "48 one thousand mdp": Mexican "mdp" left unread
    ("numbers.extra", "nt273", TM, "pipeline"),  # "between 16 and 10th and on November 20"
    # terms
    ("terms.missing", "chamber", AP, "raw"),  # "Camera of Deputies"
    ("terms.missing", "nt2587", AP, "raw"),
    ("terms.missing", "datacenters", AP, "raw"),  # "centers of data"
    ("terms.missing", "datacenters", TM, "raw"),
    # untranslated
    ("untranslated.unknown", "nt3", AP, "pipeline"),  # *exprimer
    ("untranslated.unknown", "nt33", AP, "pipeline"),  # *intercuatrimestral
    ("untranslated.spanish", "nt318", AP, "pipeline"),  # "around the cual will go"
    ("untranslated.spanish", "nt2694", AP, "pipeline"),  # "of the cual obtains"
    # fluency
    ("fluency.repeat", "nt7", TM, "pipeline"),  # "met met met"
    ("fluency.repeat", "nt127", TM, "pipeline"),  # "I'm sure I'm sure I'm sure"
    ("fluency.repeat", "chamber", TM, "pipeline"),  # "support support support"
    ("fluency.repeat", "nt372", TM, "pipeline"),  # "trees trees trees trees"
    ("fluency.length", "nt2", TM, "pipeline"),  # "Uponment of Uclania sent today's proposal."
    ("fluency.length", "nt3", TM, "pipeline"),
    ("fluency.placeholder", "nt2587", AP, "encoded"),  # <span id="s0">…</span> left
    ("fluency.placeholder", "date", AP, "encoded"),
    ("fluency.truncated", "nt21", TM, "pipeline"),  # "… the NATO"
    ("fluency.truncated", "inflation", TM, "pipeline"),  # "The inflation"
    ("fluency.truncated", "nt1866", TM, "pipeline"),  # "All the reports 582,835"
    # form
    ("form.lost", "nt86", TM, "pipeline"),  # one "
    ("form.lost", "nt318", TM, "pipeline"),
    ("form.lost", "parens", TM, "pipeline"),  # "I'm importantly."
    ("form.lost", "brackets", TM, "pipeline"),  # [con sede en Madrid] lost
    ("form.spaces", "nt33", AP, "pipeline"),  # "has stagnated , whereas"
    ("form.spaces", "date", AP, "raw"),  # "it signed  the agreement"
    ("form.verbatim", "nt2134", AP, "pipeline"),  # 3DS → "3*DS"
    ("form.verbatim", "nt1694", AP, "pipeline"),  # 787-8s → "787-8*s"
    ("form.verbatim", "web-email", TM, "pipeline"),  # www.ejemplo.es, info@empresa.es lost
    ("form.verbatim", "url", TM, "pipeline"),
]

# (check, case, engine, mode) that must NOT be flagged — real engine output that is right
TRUE_NEGATIVES = [
    ("numbers", "seed-38bn", AP, "pipeline"),  # $38,000 millones de dólares → $38 billion
    ("numbers", "seed-1.5tn", AP, "pipeline"),  # $1.5 billones → $1.5 trillion
    ("numbers", "seed-38bn", AP, "raw"),  # "$38,000 million dollars": clumsy, same value
    ("numbers", "budget", AP, "pipeline"),
    ("numbers", "inflation", AP, "pipeline"),  # 1,5 puntos porcentuales → 1.5 percentage points
    ("numbers", "gdp", AP, "pipeline"),
    ("numbers", "date", AP, "pipeline"),  # 3 de noviembre de 2025
    ("numbers", "date", AP, "raw"),  # "On 3 November 2025"
    ("numbers", "date", TM, "pipeline"),  # "On November 3, 2025"
    ("numbers", "nt273", AP, "pipeline"),  # entre el 16 y el 20 de noviembre
    ("numbers", "nt372", AP, "pipeline"),  # "IBM 5150": not a currency
    ("numbers", "nt1866", AP, "pipeline"),  # 582 mil 835, 78.03 por ciento
    ("numbers", "nt2270", AP, "pipeline"),  # Siglo XXI → "21st century"
    ("numbers", "nt2652", AP, "pipeline"),  # CAC 40, 1,4%, 3.064
    ("numbers", "nt2880", AP, "pipeline"),  # "200 m de profundidad" → "200 m"
    ("numbers", "nt2959", AP, "pipeline"),  # "(20h45)" → "(20*h45)": a code, not a value
    ("numbers", "nt1694", AP, "pipeline"),  # "787-8s"
    ("terms", "chamber", AP, "pipeline"),
    ("terms", "nt2587", AP, "pipeline"),
    ("terms", "datacenters", AP, "pipeline"),
    ("terms", "seed-38bn", AP, "pipeline"),  # inteligencia artificial; dólares inside the amount
    ("terms", "chamber", TM, "pipeline"),
    ("untranslated.unknown", "nt1", AP, "pipeline"),  # *Tymoshenko: a name, kept
    ("untranslated", "seed-38bn", AP, "pipeline"),
    ("untranslated", "web-email", AP, "pipeline"),  # ".es" of www.ejemplo.es is no Spanish word
    ("untranslated", "nt2587", AP, "pipeline"),  # "Gianfranco Fini"
    ("untranslated", "library", TM, "pipeline"),
    ("fluency", "nt1675", AP, "pipeline"),  # "Common Cause (Common Cause)" is no loop
    ("fluency", "si-si", AP, "pipeline"),  # "Yes, yes, yes, yes." — the Spanish repeats too
    ("fluency", "gracias", AP, "pipeline"),
    ("fluency", "nt2", AP, "pipeline"),
    ("fluency", "nt21", AP, "pipeline"),
    ("fluency", "seed-38bn", AP, "pipeline"),
    ("fluency", "library", TM, "pipeline"),
    ("fluency", "tom", TM, "pipeline"),
    ("form", "quote", AP, "pipeline"),
    ("form", "quote", TM, "pipeline"),  # '"Is an important step," said my minister.'
    ("form", "parens", AP, "pipeline"),
    ("form", "brackets", AP, "pipeline"),
    ("form", "web-email", AP, "pipeline"),  # URL and e-mail kept
    ("form", "url", AP, "pipeline"),
    ("form", "library", AP, "pipeline"),  # "¿" dropped as English does
    ("form", "nt2880", AP, "pipeline"),
]


@pytest.mark.parametrize("check_id,case,engine,mode", TRUE_POSITIVES)
def test_true_positive(check_id, case, engine, mode, ctx):
    found = flags_of((case, engine, mode), ctx)
    assert check_id in found, f"{RECORDS[(case, engine, mode)]['target']!r}: {found}"


@pytest.mark.parametrize("prefix,case,engine,mode", TRUE_NEGATIVES)
def test_true_negative(prefix, case, engine, mode, ctx):
    found = flags_of((case, engine, mode), ctx)
    wrong = {k: v for k, v in found.items() if k == prefix or k.startswith(prefix + ".")}
    assert not wrong, f"{RECORDS[(case, engine, mode)]['target']!r}: {wrong}"


def test_every_check_has_a_true_positive_and_negative():
    ids = {c.id for c in all_checks()}
    tp = {t[0] for t in TRUE_POSITIVES}
    # untranslated.copy, form.inverted, and form.brackets/form.quotes (marks unbalanced
    # with none lost: every engine fault here lost them, form.lost): no engine here
    # produced one (see the hand-edit tests)
    assert ids - tp == {"untranslated.copy", "form.inverted", "form.brackets", "form.quotes"}
    negatives = {t[0] for t in TRUE_NEGATIVES}
    assert all(any(c == n or c.startswith(n + ".") for n in negatives) for c in ids)


# --- hand edits of real output: what a reviewer may do to a bilingual file ------------

def test_changed_amount_is_an_error(ctx):
    key = ("seed-38bn", AP, "pipeline")
    target = RECORDS[key]["target"]
    assert "$38 billion" in target
    found = flags_of(key, ctx, target.replace("$38 billion", "$83 billion"))
    assert [f.severity for f in found["numbers.missing"]] == [Severity.ERROR]
    assert "$83 billion" in found["numbers.missing"][0].message


def test_percent_is_not_percentage_point(ctx):
    key = ("inflation", AP, "pipeline")
    target = RECORDS[key]["target"]
    assert "1.5 percentage points" in target
    assert "numbers.missing" in flags_of(key, ctx, target.replace("1.5 percentage points", "1.5%"))


def test_trillion_is_not_billion(ctx):
    key = ("seed-1.5tn", AP, "pipeline")
    target = RECORDS[key]["target"]
    assert "numbers.missing" in flags_of(key, ctx, target.replace("trillion", "billion"))


def test_extra_value_is_an_error(ctx):
    key = ("chamber", AP, "pipeline")
    found = flags_of(key, ctx, RECORDS[key]["target"].replace("300 votes", "300 votes and 12 abstentions"))
    assert found["numbers.extra"][0].severity is Severity.ERROR


def test_date_changed(ctx):
    key = ("date", AP, "pipeline")
    target = RECORDS[key]["target"]
    assert "numbers.missing" in flags_of(key, ctx, target.replace("2025", "2024"))


def test_copy_and_inverted_marks_left(ctx):
    key = ("library", AP, "pipeline")
    src = RECORDS[key]["source"]
    assert "untranslated.copy" in flags_of(key, ctx, src)  # the Spanish pasted as English
    found = flags_of(key, ctx, "¿" + RECORDS[key]["target"])
    assert "form.inverted" in found
    assert "untranslated.copy" not in flags_of(("tom", AP, "pipeline"), ctx, "Tom")


def test_marks_lost_or_unbalanced_are_flagged_once(ctx):
    """A mark of the Spanish missing from the English is form.lost (and only that); one
    too many or out of place is form.brackets / form.quotes."""
    key = ("parens", AP, "pipeline")
    assert RECORDS[key]["target"] == "It is (very) important."
    for edit in ("It is very) important.", "It is (very important.", "It is very important."):
        found = flags_of(key, ctx, edit)
        assert "form.lost" in found and "form.brackets" not in found, (edit, found)
    found = flags_of(key, ctx, "It is (very)) important.")
    assert "form.brackets" in found and "form.lost" not in found
    key = ("quote", AP, "pipeline")
    target = RECORDS[key]["target"]
    for edit in (target.replace('"', "", 1), target.replace('"', "")):
        found = flags_of(key, ctx, edit)
        assert "form.lost" in found and "form.quotes" not in found, (edit, found)
    assert "form.quotes" in flags_of(key, ctx, target + ' "')
    # English may write «…» as “…”, and an apostrophe is no quotation mark.
    assert not {k for k in flags_of(key, ctx, target.replace('"', "“", 1).replace('"', "”", 1)) if k.startswith("form")}
    assert "form.lost" not in flags_of(key, ctx, target.replace("It is", "It’s"))


def test_url_changed_is_an_error(ctx):
    key = ("url", AP, "pipeline")
    found = flags_of(key, ctx, RECORDS[key]["target"].replace("gob.mx/salud", "gob.mx/health"))
    assert found["form.verbatim"][0].severity is Severity.ERROR


def test_run_twice_replaces_own_flags_and_keeps_others(ctx):
    r = RECORDS[("nt3", AP, "pipeline")]
    seg = Segment("x", r["source"], r["target"], unknown_words=list(r["unknown_words"]))
    seg.flag("protect", "warning", "kept")
    run_checks([seg], ctx)
    run_checks([seg], ctx)
    assert [f.check for f in seg.flags] == ["protect", "untranslated.unknown"]


def test_only_runs_the_named_families():
    r = RECORDS[("nt7", TM, "pipeline")]
    seg = Segment("x", r["source"], r["target"])
    run_checks([seg], QAContext(only=frozenset({"fluency"})))
    assert {f.check for f in seg.flags} == {"fluency.repeat"}


def test_untranslated_segment_is_skipped(ctx):
    seg = Segment("x", "Hola.", None)
    assert run_checks([seg], ctx) == [] and seg.flags == []


def test_registry_describes_every_check():
    for c in all_checks():
        assert c.family in ("numbers", "terms", "untranslated", "fluency", "form")
        assert c.description and c.id in CHECKS


# --- speed-ups that must not change a flag (bench/stages_profile.py) -----------------------


def test_flags_same_whether_protect_spans_are_reused_or_found_again():
    """run_qa takes the number and term spans the protect stage found (Segment.found)
    and the document's locale guess it inferred: the flags are those of QA reading
    everything again (as it does for a bilingual file read back)."""
    from conftest import NEWSTEST_EN, NEWSTEST_ES
    from pipeline.model import Block, BlockKind, Document
    from pipeline.run import SpanFinders, TranslateOptions, segment_document

    es = NEWSTEST_ES.read_text(encoding="utf-8").splitlines()[:600]
    en = NEWSTEST_EN.read_text(encoding="utf-8").splitlines()[:600]

    def flags(reuse: bool):
        finders = SpanFinders.prepare(TranslateOptions())
        doc = Document(path=Path("nt.txt"), id="nt", format="txt",
                       blocks=[Block(BlockKind.PARAGRAPH, " ".join(line.split())) for line in es])
        segment_document(doc)
        finders.apply(doc)
        if not reuse:
            doc.locale_guess = None
            for seg in doc.segments:
                seg.found = {}
        for block, ref in zip(doc.blocks, en):  # the reference, as one line, on the first segment
            for n, seg in enumerate(block.segments):
                seg.target = ref if n == 0 else ""
        ctx = QAContext.from_finders(finders)
        return [(s.id, str(f)) for s, f in run_checks(doc, ctx)]

    reused, fresh = flags(True), flags(False)
    assert reused == fresh
    assert any(f.startswith("error: numbers.") for _, f in fresh)


def _repeats_reference(text: str) -> list[str]:
    """fluency.repeats as first written: every position tried."""
    from pipeline.qa.fluency import _TOKEN

    matches = list(_TOKEN.finditer(text))
    toks = [m.group(0) for m in matches]
    found, i = [], 0
    while i < len(toks):
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
        else:
            i += 1
    return found


def test_repeats_tries_only_recurring_words_with_the_same_result():
    import random

    from pipeline.qa.fluency import repeats

    rng = random.Random(5)
    vocab = ["a", "b", "c", "the", "of", "1", "2", "x"]
    for _ in range(5000):
        text = "".join(rng.choice(vocab) + rng.choice([" ", " ", ", ", "  ", "-"]) for _ in range(rng.randint(0, 14)))
        assert repeats(text) == _repeats_reference(text), text

"""The SQLite translation memory: keys, precedence, provenance, durability, sharing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.memory import SCHEMA_VERSION, TranslationMemory, engine_key, glossary_fingerprint, normalize
from pipeline.model import Provenance, Segment, Severity

KEY_A = engine_key("apertium", "apertium-eng-spa 0.8.1", "none", ["beam="])
KEY_B = engine_key("argos", "translate-es_en 1.0", "none", ["beam="])


def seg(source: str, target: str | None = None, n: int = 1, engine: str = "apertium") -> Segment:
    s = Segment(id=f"doc/1/{n}", source=source, target=target)
    if target is not None:
        s.provenance = Provenance("engine", engine, "v1")
    return s


@pytest.fixture
def mem(tmp_path):
    m = TranslationMemory(tmp_path / ".es2en" / "memory.sqlite")
    yield m
    m.close()


def test_creates_file_wal_and_schema_version(tmp_path):
    path = tmp_path / "deep" / "dir" / "memory.sqlite"
    with TranslationMemory(path) as m:
        assert m.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    # opening again does not add a second version row
    TranslationMemory(path).close()
    assert db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 1


def test_refuses_a_newer_schema_and_garbage(tmp_path):
    path = tmp_path / "m.sqlite"
    TranslationMemory(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (99, 'future')")
    db.commit()
    db.close()
    with pytest.raises(InputError, match="schema version 99"):
        TranslationMemory(path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(InputError, match="not a usable translation memory"):
        TranslationMemory(junk)


def test_normalize():
    assert normalize("  Hola\u00a0\n mundo\t ") == "Hola mundo"
    assert normalize("cafe\u0301") == "café"  # NFD → NFC


@given(st.text())
def test_normalize_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)


def test_machine_rows_are_reused_only_with_the_same_key(mem):
    mem.store_machine([seg("El gato duerme.", "The cat sleeps.")], KEY_A)
    same = [seg("El  gato duerme. ")]  # whitespace differences do not matter
    assert mem.fill(same, KEY_A) == 1
    assert same[0].target == "The cat sleeps."
    assert same[0].provenance.origin == "memory" and same[0].provenance.engine == "apertium"
    other = [seg("El gato duerme.")]
    assert mem.fill(other, KEY_B) == 0 and other[0].target is None
    assert mem.fill([seg("El perro duerme.")], KEY_A) == 0


def test_human_rows_win_for_any_engine(mem):
    mem.store_machine([seg("Hola mundo.", "Hello world.")], KEY_A)
    mem.store_review("Hola mundo.", "Hello, world!", reviewer="r.docx")
    for key in (KEY_A, KEY_B):
        s = seg("Hola mundo.")
        assert mem.fill([s], key) == 1
        assert s.target == "Hello, world!" and s.provenance.origin == "reviewer"
        assert "r.docx" in s.provenance.detail
    # an engine run never overwrites the human row
    mem.store_machine([seg("Hola mundo.", "Hi world.")], KEY_A)
    assert mem.human("Hola mundo.").target == "Hello, world!"


def test_fill_keeps_existing_targets_and_counts_uses(mem):
    mem.store_machine([seg("Uno.", "One.")], KEY_A)
    done = seg("Uno.", "Already here.")
    todo = [seg("Uno.", n=2), seg("Uno.", n=3)]
    assert mem.fill([done, *todo], KEY_A) == 2
    assert done.target == "Already here."
    assert next(mem.entries()).uses == 2


def test_store_machine_skips_memory_and_reviewer_segments(mem):
    filled = seg("Dos.", "Two.")
    filled.provenance = Provenance("memory", "apertium", "v1")
    reviewed = seg("Tres.", "Three.")
    reviewed.provenance = Provenance("reviewer")
    mem.store_machine([filled, reviewed, seg("Cuatro.")], KEY_A)
    assert list(mem.entries()) == []


def test_translation_counter_and_duplicates_in_one_batch(mem):
    mem.store_machine([seg("Uno.", "One.", 1), seg("Uno.", "One.", 2)], KEY_A)
    assert [e.translations for e in mem.entries()] == [1]
    mem.store_machine([seg("Uno.", "One!", 3)], KEY_A)  # translated again (e.g. no fill)
    entry = next(mem.entries())
    assert (entry.translations, entry.target) == (2, "One!")
    assert mem.stats()["retranslated"] == 1


def test_flags_of_cached_translations_come_back_once(mem):
    s = seg("Invertirá 1001 dólares.", "It will invest 1001st dollars.")
    s.flag("numbers", Severity.WARNING, "ambiguous number “1001”")  # source-level, found before translating
    s.flag("protect", Severity.WARNING, "number “1001” could not be enforced")
    s.unknown_words = ["*Invertirá"]
    mem.store_machine([s], KEY_A)
    again = seg("Invertirá 1001 dólares.")
    again.flag("numbers", Severity.WARNING, "ambiguous number “1001”")
    mem.fill([again], KEY_A)
    assert [f.check for f in again.flags] == ["numbers", "protect"]
    assert again.unknown_words == ["*Invertirá"]


def test_store_review_history_and_status(mem):
    r = mem.store_review("Hola.", "Hello.", reviewer="a.docx", previous="Hi.")
    assert (r.action, r.entry.status, r.entry.previous) == ("stored", "reviewed", "Hi.")
    assert mem.store_review("Hola.", "Hello.", reviewer="b.docx").action == "same"
    mem.store_review("Hola.", "Hello.", reviewer="b.docx", status="approved")
    # approved is not downgraded by the same text imported as reviewed
    assert mem.store_review("Hola.", "Hello.", reviewer="c.docx").action == "kept"
    assert mem.human("Hola.").status == "approved"
    mem.store_review("Hola.", "Hello there.", reviewer="d.docx")
    entry = mem.human("Hola.")
    assert (entry.target, entry.status, entry.previous) == ("Hello there.", "reviewed", "Hello.")
    assert [h[0] for h in mem.history("Hola.")] == ["Hello.", "Hello.", "Hello there."]
    with pytest.raises(ValueError):
        mem.store_review("Hola.", "   ", reviewer="e")
    with pytest.raises(ValueError):
        mem.store_review("Hola.", "x", reviewer="e", status="machine")


def test_entries_filters_and_stats(mem):
    mem.store_machine([seg("Uno.", "One."), seg("Dos.", "Two.", 2)], KEY_A)
    mem.store_review("Dos.", "Two!", reviewer="r")
    mem.store_review("Tres.", "Three.", reviewer="r", status="approved")
    assert [e.source for e in mem.entries(status="machine")] == ["Uno.", "Dos."]
    assert [e.target for e in mem.entries(status="human")] == ["Two!", "Three."]
    assert [e.source for e in mem.entries(contains="three")] == ["Tres."]
    assert len(list(mem.entries(limit=2))) == 2
    stats = mem.stats()
    assert (stats["machine"], stats["reviewed"], stats["approved"], stats["sources"]) == (2, 1, 1, 3)


def test_record_outputs_and_occurrences(mem):
    a, b = seg("Uno.", "One.", 1), seg("Dos.", "Two.", 2)
    mem.record_outputs([a, b], "seeds/doc.txt", KEY_A)
    occ = mem.occurrence("doc/1/2")
    assert (occ.source, occ.target, occ.origin, occ.document) == ("Dos.", "Two.", "engine", "seeds/doc.txt")
    b.target = "Two!"
    mem.record_outputs([b], "seeds/doc.txt", KEY_A)
    assert mem.occurrence("doc/1/2").target == "Two!"
    assert {o.seg_id for o in mem.occurrences("doc/")} == {"doc/1/1", "doc/1/2"}
    assert mem.occurrences("other/") == []


def test_glossary_fingerprint_follows_content_and_order(tmp_path):
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("es\ten\nnube\tcloud\n", encoding="utf-8")
    b.write_text("es\ten\nchip\tchip\n", encoding="utf-8")
    fp = glossary_fingerprint([a, b])
    assert fp == glossary_fingerprint([a, b]) != glossary_fingerprint([b, a])
    assert glossary_fingerprint([]) == "none"
    a.write_text("es\ten\nnube\tthe cloud\n", encoding="utf-8")
    assert glossary_fingerprint([a, b]) != fp


def test_two_processes_share_the_memory(tmp_path):
    """A second process writes while this one holds a connection: both see every row
    (WAL + busy timeout), none fails with "database is locked"."""
    path = tmp_path / "m.sqlite"
    mem = TranslationMemory(path)
    code = (
        "import sys; from pipeline.memory import TranslationMemory\n"
        f"m = TranslationMemory({str(path)!r})\n"
        "print('ready', flush=True)\n"
        "for i in range(500):\n"
        "    m.store_review(f'Frase {i}.', f'Sentence {i}.', reviewer='child')\n"
        "m.close()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    for i in range(500):  # raises "database is locked" if the sharing does not work
        mem.store_machine([seg(f"Oración {i}.", f"Sentence {i}.")], KEY_A)
    assert child.wait(timeout=120) == 0
    stats = mem.stats()
    assert (stats["machine"], stats["reviewed"]) == (500, 500)
    mem.close()


def test_uncommitted_batch_is_lost_but_committed_ones_survive_a_kill(tmp_path):
    """SIGKILL in the middle: every finished store_machine call is on disk."""
    path = tmp_path / "m.sqlite"
    code = (
        "import os, signal; from pipeline.memory import TranslationMemory, engine_key\n"
        "from pipeline.model import Segment, Provenance\n"
        f"m = TranslationMemory({str(path)!r})\n"
        "key = engine_key('apertium', 'v1')\n"
        "for b in range(5):\n"
        "    segs = [Segment(f'd/{b}/{i}', f'Frase {b}-{i}.', f'Sentence {b}-{i}.', "
        "provenance=Provenance('engine', 'apertium', 'v1')) for i in range(50)]\n"
        "    m.store_machine(segs, key)\n"
        "m._db.execute('BEGIN IMMEDIATE')\n"
        "m._db.execute(\"INSERT INTO history (source, target, status, time) VALUES ('x', 'y', 'reviewed', 'z')\")\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code])
    assert proc.returncode == -9
    with TranslationMemory(path) as m:
        assert m.stats()["machine"] == 250
        assert m.stats()["history"] == 0


def test_run_engine_key_covers_what_changes_the_english(tmp_path):
    from types import SimpleNamespace

    from pipeline.memory import code_fingerprint, run_engine_key
    from pipeline.run import TranslateOptions

    engine = SimpleNamespace(name="argos", version="translate-es_en 1.9")
    doc = SimpleNamespace(metadata={"source_locale": "es_MX"})
    gl = tmp_path / "g.tsv"
    gl.write_text("es\ten\nnube\tcloud\n", encoding="utf-8")
    finders = SimpleNamespace(glossary=SimpleNamespace(files=[gl]))
    base = run_engine_key(engine, TranslateOptions(), finders, doc)
    assert base.startswith("argos|translate-es_en 1.9|gl:") and f"code={code_fingerprint()}" in base
    assert base == run_engine_key(engine, TranslateOptions(), finders, doc)
    assert base != run_engine_key(engine, TranslateOptions(beam_size=2), finders, doc)
    assert base != run_engine_key(engine, TranslateOptions(dollar_sign="usd"), finders, doc)
    assert base != run_engine_key(engine, TranslateOptions(), SimpleNamespace(glossary=None), doc)
    assert base != run_engine_key(engine, TranslateOptions(), finders, SimpleNamespace(metadata={"source_locale": "es_ES"}))
    gl.write_text("es\ten\nnube\tthe cloud\n", encoding="utf-8")
    assert base != run_engine_key(engine, TranslateOptions(), finders, doc)


def test_two_processes_creating_the_same_memory_at_once(tmp_path):
    """Switching a new file to WAL needs a lock SQLite does not wait for: both
    openers must still succeed (it failed about half the time before the retry)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    for i in range(8):
        path = tmp_path / f"tm{i}.sqlite"
        with ctx.Pool(2) as pool:
            assert pool.map(_open_memory, [str(path), str(path)]) == ["ok", "ok"]


def _open_memory(path: str) -> str:
    try:
        TranslationMemory(path).close()
        return "ok"
    except Exception as err:  # the test compares the messages
        return str(err)


def test_apply_refuses_a_store_over_a_row_changed_since_the_decision(mem):
    from pipeline.memory import Offer

    mem.store_review("Hola.", "Hello.", reviewer="a", time="2026-01-01T00:00:00+00:00")
    decided_against = ("Hello.", "2026-01-01T00:00:00+00:00")
    # another process corrects the row after the importer decided
    mem.store_review("Hola.", "Hello there.", reviewer="b", time="2026-02-01T00:00:00+00:00")
    mem.apply([Offer("store", "Hola.", "Hi.", "reviewed", reviewer="c", time="2026-03-01T00:00:00+00:00",
                     file="x.tmx", expect=decided_against)])
    assert mem.human("Hola.").target == "Hello there."
    refused = [v for v in mem.versions("Hola.") if not v.kept]
    assert [(v.target, v.file) for v in refused] == [("Hi.", "x.tmx")] and "changed during" in refused[0].note


def test_a_retranslation_keeps_the_replaced_machine_text_on_record(mem):
    mem.store_machine([seg("El gato duerme.", "The cat sleeps.")], KEY_A)
    mem.store_machine([seg("El gato duerme.", "The cat is sleeping.")], KEY_A)
    assert mem.machine("El gato duerme.", KEY_A)[0].target == "The cat is sleeping."
    assert [(v.target, v.status, v.engine_key) for v in mem.versions("El gato duerme.")] == [
        ("The cat sleeps.", "machine", KEY_A)]


def test_inline_codes_of_a_cached_translation_come_back_with_it(mem):
    from pipeline.model import INLINE, Span

    def code(start, end, cid):
        return Span(start, end, INLINE, "", attrs={"id": cid, "role": "pair", "format": "docx",
                                                     "native": {"rPr": "<w:b/>"}, "label": "bold"})

    s = seg("El  gato duerme.", "The cat sleeps.")
    s.spans = [code(4, 8, "1")]  # "gato", after a double space
    s.target_spans = [code(4, 7, "1")]  # "cat"
    mem.store_machine([s], KEY_A)
    again = seg("El gato duerme.")
    again.spans = [code(3, 7, "1")]
    assert mem.fill([again], KEY_A) == 1
    assert [(t.start, t.end, t.attrs["id"]) for t in again.target_spans] == [(4, 7, "1")]
    # a segment whose codes differ gets the text, not codes meant for other ones
    other = seg("El gato duerme.")
    other.spans = [code(0, 2, "1")]
    assert mem.fill([other], KEY_A) == 1 and other.target_spans == []
    plain = seg("El gato duerme.")
    assert mem.fill([plain], KEY_A) == 1 and plain.target_spans == []

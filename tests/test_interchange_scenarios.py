"""Translation-memory interchange as a careful TM manager would test it: stale exports,
third-party files over approved English, inline codes in TMX and XLIFF 1.2/2.1, round
trips through translate-toolkit (its Python API and its CLIs) and files shaped like
Okapi's and OmegaT's, dry runs, history, and the schema upgrade of an old memory."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from conftest import machine_segment
from pipeline import memory as memory_module
from pipeline.errors import InputError
from pipeline.interchange import export_memory, import_file, read_units, xliff12
from pipeline.interchange import xliff as xliff2
from pipeline.memory import TranslationMemory, engine_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SCHEMAS = DATA / "schemas"
BIN = Path(sys.executable).parent
KEY = engine_key("apertium", "apertium-eng-spa 0.8.1", "none", ["beam="])
T1, T2, T3 = "2026-01-10T09:00:00+00:00", "2026-02-20T15:30:00+00:00", "2026-03-05T08:00:00+00:00"
FORMATS = [("tmx", None, "m.tmx"), ("xliff", "1.2", "m12.xlf"), ("xliff", "2.1", "m21.xlf")]


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if not found:
            pytest.skip(f"translate-toolkit's {name} is not installed")
        return found
    return str(path)


@pytest.fixture(scope="module")
def schema12():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff12-strict-and-es2en.xsd")))


@pytest.fixture(scope="module")
def schema21():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-and-metadata.xsd")))


@pytest.fixture
def mem(tmp_path):
    m = TranslationMemory(tmp_path / "memory.sqlite")
    m.store_machine([machine_segment("Las ventas subieron.", "The sales went up."),
                     machine_segment("El gato duerme.", "The cat sleeps."),
                     machine_segment("Buenos días.", "Good days.")], KEY)
    m.store_review("Las ventas subieron.", "Sales rose.", reviewer="ana", time=T1)
    m.store_review("Buenos días.", "Good morning.", reviewer="luis", status="approved", time=T1)
    yield m
    m.close()


def _es2en(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def _dump(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return list(db.iterdump())
    finally:
        db.close()


# ------------------------------------------------------------- precedence

@pytest.mark.parametrize("fmt, version, name", FORMATS)
def test_stale_export_never_replaces_a_newer_correction(mem, tmp_path, fmt, version, name):
    stale = tmp_path / name
    export_memory(mem, stale, fmt, xliff_version=version)
    mem.store_review("Las ventas subieron.", "Sales increased.", reviewer="marta", time=T2)
    result = import_file(mem, stale)
    assert result.stored == 0 and not result.replaced and not result.conflicts, result.summary(stale)
    [(unit, line)] = result.kept
    assert "“Sales increased.” kept, not “Sales rose.”" in line and "older" in line
    row = mem.human("Las ventas subieron.")
    assert (row.target, row.reviewer, row.updated) == ("Sales increased.", "marta", T2)  # time not backwards
    summary = "\n".join(result.summary(stale))
    assert "0 replaced, 1 kept, 0 conflicts" in summary and "kept" in summary.splitlines()[1]
    # the refused offer is on record, with its file, and is not a version the memory had
    refused = [v for v in mem.versions("Las ventas subieron.") if not v.kept]
    assert [(v.target, v.file) for v in refused] == [("Sales rose.", str(stale.resolve()))]
    assert [h[0] for h in mem.history("Las ventas subieron.")] == ["Sales rose.", "Sales increased."]


@pytest.mark.parametrize("fmt, version, name", FORMATS)
def test_a_newer_correction_from_another_memory_replaces_with_its_own_time(mem, tmp_path, fmt, version, name):
    out = tmp_path / name
    export_memory(mem, out, fmt, xliff_version=version)
    with TranslationMemory(tmp_path / "other.sqlite") as other:
        import_file(other, out)
        other.store_review("Las ventas subieron.", "Sales increased.", reviewer="marta", time=T2)
        newer = tmp_path / f"newer-{name}"
        export_memory(other, newer, fmt, xliff_version=version)
    result = import_file(mem, newer)
    [(unit, line)] = result.replaced
    assert line.startswith("“Sales rose.” → “Sales increased.”") and "newer" in line
    row = mem.human("Las ventas subieron.")
    assert (row.target, row.reviewer, row.previous) == ("Sales increased.", "marta", "Sales rose.")
    assert row.updated[:19] == T2[:19]  # the correction's own time, not the import's


def test_higher_status_wins_lower_status_is_kept_and_older_approval_is_a_conflict(mem, tmp_path):
    path = tmp_path / "states.xlf"
    path.write_text(f"""<?xml version="1.0"?>
<xliff xmlns="{xliff12.NS}" xmlns:es2en="{xliff12.ES2EN}" version="1.2"><file original="x" source-language="es"
 target-language="en" datatype="plaintext"><body>
 <trans-unit id="a" approved="yes" es2en:status="approved" es2en:updated="{T2}" es2en:reviewer="jefa">
  <source>Las ventas subieron.</source><target state="final">Sales climbed.</target></trans-unit>
 <trans-unit id="b" approved="yes" es2en:status="reviewed" es2en:updated="{T3}" es2en:reviewer="becario">
  <source>Buenos días.</source><target state="translated">Good day.</target></trans-unit>
 <trans-unit id="c" approved="yes" es2en:status="approved" es2en:updated="2025-12-01T00:00:00+00:00">
  <source>El gato duerme.</source><target state="final">The cat is sleeping.</target></trans-unit>
</body></file></xliff>""", encoding="utf-8")
    mem.store_review("El gato duerme.", "The cat naps.", reviewer="ana", time=T1)
    result = import_file(mem, path)
    assert [line.split(" (")[0] for _, line in result.replaced] == ["“Sales rose.” → “Sales climbed.”"]
    assert "approved over reviewed" in result.replaced[0][1]
    assert mem.human("Las ventas subieron.").status == "approved"
    [(_, kept)] = result.kept
    assert "“Good morning.” kept, not “Good day.”" in kept and "lower" in kept
    [(_, conflict)] = result.conflicts
    assert "higher status but is older" in conflict
    assert mem.human("El gato duerme.").target == "The cat naps."
    assert "1 replaced, 1 kept, 1 conflict," in result.summary(path)[0]


def test_same_status_without_times_is_a_conflict_and_the_cli_says_so(mem, tmp_path):
    mem.close()
    path = tmp_path / "tt.tmx"
    # a TMX with no dates, as translate-toolkit writes them
    tmx = pytest.importorskip("translate.storage.tmx")
    store = tmx.tmxfile(sourcelanguage="es", targetlanguage="en")
    store.addtranslation("Las ventas subieron.", "es", "Sales went up.", "en")
    store.savefile(str(path))
    run = _es2en("memory", "import", "tmx", str(path), "--memory", str(tmp_path / "memory.sqlite"))
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 conflict," in run.stdout and "conflict  tu" in run.stdout
    assert "the file gives no time" in run.stdout and "1 conflict: the memory's English was kept" in run.stderr
    with TranslationMemory(tmp_path / "memory.sqlite") as m:
        assert m.human("Las ventas subieron.").target == "Sales rose."


def test_po2tmx_file_over_approved_english_is_kept_with_a_line(mem, tmp_path):
    po = tmp_path / "third.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Buenos días."\nmsgstr "Good day."\n\n'
                  'msgid "La casa es roja."\nmsgstr "The house is red."\n', encoding="utf-8")
    out = tmp_path / "third.tmx"
    run = subprocess.run([_tool("po2tmx"), "-l", "en", "--source-language=es", str(po), str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and out.exists(), run.stderr
    result = import_file(mem, out)
    assert result.stored == 1 and not result.replaced, result.summary(out)
    [(_, line)] = result.kept
    assert "“Good morning.” kept, not “Good day.”" in line and "reviewed is lower than the memory's approved" in line
    assert (mem.human("Buenos días.").target, mem.human("Buenos días.").status) == ("Good morning.", "approved")
    assert mem.human("La casa es roja.").status == "reviewed"
    # even trusted as approved it does not silently win: both approved, no time → conflict
    again = import_file(mem, out, default_status="approved")
    assert len(again.conflicts) == 1 and mem.human("Buenos días.").target == "Good morning."


def test_machine_english_marked_final_does_not_replace_a_human_one(mem, tmp_path):
    path = tmp_path / "cat.xlf"
    path.write_text(f"""<?xml version="1.0"?>
<xliff xmlns="{xliff12.NS}" version="1.2"><file original="x" source-language="es" target-language="en"
 datatype="plaintext"><body><trans-unit id="1"><source>Las ventas subieron.</source>
 <target state="final">The sales went up.</target></trans-unit></body></file></xliff>""", encoding="utf-8")
    result = import_file(mem, path)
    assert "machine English" in result.kept[0][1]
    assert mem.human("Las ventas subieron.").target == "Sales rose."


# ------------------------------------------------------------- dry run, history

def test_dry_run_shows_everything_and_changes_nothing(mem, tmp_path):
    stale = tmp_path / "stale.tmx"
    export_memory(mem, stale)
    mem.store_review("Las ventas subieron.", "Sales increased.", reviewer="marta", time=T2)
    mem.close()
    tree = etree.parse(str(stale))
    tu = tree.getroot().find("body").find("tu")
    clone = etree.fromstring(etree.tostring(tu))
    clone.findall("tuv")[0].find("seg").text = "Una frase nueva."
    tree.getroot().find("body").append(clone)
    tree.write(str(stale), xml_declaration=True, encoding="UTF-8")
    db = tmp_path / "memory.sqlite"
    before = _dump(db)
    run = _es2en("memory", "import", "tmx", str(stale), "--memory", str(db), "--dry-run")
    assert run.returncode == 0, run.stderr
    assert "1 stored, 0 replaced, 1 kept" in run.stdout and "dry run: nothing was changed" in run.stdout
    assert "“Sales increased.” kept, not “Sales rose.”" in run.stdout
    assert _dump(db) == before
    # a dry run against a memory that does not exist creates none
    run = _es2en("memory", "import", "tmx", str(stale), "--memory", str(tmp_path / "none.sqlite"), "--dry-run")
    assert run.returncode == 0 and "4 stored" in run.stdout, run.stdout + run.stderr
    assert not (tmp_path / "none.sqlite").exists()
    # nor does it upgrade an old memory
    old = _old_memory(tmp_path / "old.sqlite")
    before = _dump(old)
    run = _es2en("memory", "import", "tmx", str(stale), "--memory", str(old), "--dry-run")
    assert run.returncode == 0 and "4 stored" in run.stdout, run.stdout + run.stderr
    assert _dump(old) == before


def test_history_keeps_every_version_with_who_when_and_file(mem, tmp_path):
    first = tmp_path / "first.tmx"
    export_memory(mem, first)
    with TranslationMemory(tmp_path / "b.sqlite") as other:
        import_file(other, first)
        other.store_review("Las ventas subieron.", "Sales increased.", reviewer="marta", time=T2)
        second = tmp_path / "second.tmx"
        export_memory(other, second)
    import_file(mem, second)
    import_file(mem, first)  # stale: refused, on record
    versions = mem.versions("Las ventas subieron.")
    assert [(v.target, v.status, v.reviewer, v.kept) for v in versions if v.status != "machine"] == [
        ("Sales rose.", "reviewed", "ana", True),
        ("Sales increased.", "reviewed", "marta", True),
        ("Sales rose.", "reviewed", "ana", False)]
    assert versions[-1].file == str(first.resolve()) and "older" in versions[-1].note
    assert versions[1].time[:19] == T2[:19]
    run = _es2en("memory", "history", "Las ventas subieron.", "--memory", str(tmp_path / "memory.sqlite"))
    assert run.returncode == 0 and "refused" in run.stdout and "marta" in run.stdout, run.stderr


# ------------------------------------------------------------- inline codes

CODES_TMX = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="es" segtype="sentence" datatype="plaintext" adminlang="en"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu tuid="ph"><tuv xml:lang="es"><seg>Ventas de <ph x="1" type="lb">&lt;br/&gt;</ph>millones.</seg></tuv>
 <tuv xml:lang="en"><seg>Sales of <ph x="1" type="lb">&lt;br/&gt;</ph>million.</seg></tuv></tu>
<tu tuid="pair"><tuv xml:lang="es"><seg>Pulse <bpt i="1" x="1">&lt;a href="x"&gt;</bpt>aquí<ept i="1">&lt;/a&gt;</ept>, <hi type="it">ya</hi>.</seg></tuv>
 <tuv xml:lang="en"><seg>Click <bpt i="1" x="1">&lt;a href="x"&gt;</bpt>here<ept i="1">&lt;/a&gt;</ept>, <hi type="it">now</hi>.</seg></tuv></tu>
<tu tuid="it"><tuv xml:lang="es"><seg><it pos="end" x="2">&lt;/b&gt;</it>Fin del texto.</seg></tuv>
 <tuv xml:lang="en"><seg><it pos="end" x="2">&lt;/b&gt;</it>End of the text.</seg></tuv></tu>
<tu tuid="sub"><tuv xml:lang="es"><seg>Vea <ph x="3">&lt;img alt="<sub>logotipo</sub>"/&gt;</ph> arriba.</seg></tuv>
 <tuv xml:lang="en"><seg>See <ph x="3">&lt;img alt="<sub>logo</sub>"/&gt;</ph> above.</seg></tuv></tu>
<tu tuid="bad"><tuv xml:lang="es"><seg>Raro <foo/> aquí.</seg></tuv><tuv xml:lang="en"><seg>Odd here.</seg></tuv></tu>
</body></tmx>"""


def _codes(spans):
    return [(s.start, s.end, s.attrs["role"], str(s.attrs["native"])) for s in spans]


def _tags(path: Path) -> list[str]:
    return [etree.QName(el).localname for el in etree.parse(str(path)).iter()
            if etree.QName(el).localname in ("ph", "bpt", "ept", "it", "hi", "sub", "g", "x", "bx", "ex", "pc",
                                             "sc", "ec", "mrk")]


def test_tmx_codes_are_stored_and_come_back(tmp_path):
    path = tmp_path / "codes.tmx"
    path.write_text(CODES_TMX, encoding="utf-8")
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        result = import_file(m, path)
        assert result.stored == 4
        [(unit, why)] = result.skipped
        assert unit.where.startswith("tu bad") and "<foo>" in why
        row = m.human("Ventas de millones.")
        assert [(s.start, s.end, s.attrs["role"], s.attrs["label"]) for s in row.source_spans] == [
            (10, 10, "isolated", "lb")]
        assert row.target_spans[0].attrs["native"]["inner"] == "&lt;br/&gt;"
        out = tmp_path / "out.tmx"
        export_memory(m, out)
    segs = {tu.get("tuid"): [etree.tostring(s, encoding="unicode").strip() for s in tu.iter("seg")]
            for tu in etree.parse(str(out)).iter("tu")}
    source = {tu.get("tuid"): [etree.tostring(s, encoding="unicode").strip() for s in tu.iter("seg")]
              for tu in etree.parse(str(path)).iter("tu")}
    for want in source.values():
        if "foo" not in want[0]:
            assert want in segs.values()  # every stored unit comes back exactly, codes and all


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_codes_survive_tmx_to_xliff_and_back(tmp_path, version, schema12, schema21):
    path = tmp_path / "codes.tmx"
    path.write_text(CODES_TMX, encoding="utf-8")
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        import_file(m, path)
        rows = {e.source: e for e in m.entries()}
        xlf = tmp_path / "codes.xlf"
        export_memory(m, xlf, "xliff", xliff_version=version)
    (schema12 if version == "1.2" else schema21).assertValid(etree.parse(str(xlf)))
    tags = Counter(_tags(xlf))
    # each TMX code as its XLIFF counterpart, in source and target
    assert tags == ({"ph": 4, "bpt": 2, "ept": 2, "g": 2, "it": 2} if version == "1.2" else
                    {"ph": 4, "pc": 4, "ec": 2})
    with TranslationMemory(tmp_path / "back.sqlite") as back:
        result = import_file(back, xlf)
        assert result.stored == 4 and not result.skipped, result.summary(xlf)
        for source, row in rows.items():
            again = back.human(source)
            assert again.target == row.target
            assert [(s.start, s.end, s.attrs["role"]) for s in again.source_spans] == \
                [(s.start, s.end, s.attrs["role"]) for s in row.source_spans]
            assert [(s.start, s.end, s.attrs["role"]) for s in again.target_spans] == \
                [(s.start, s.end, s.attrs["role"]) for s in row.target_spans]
        tmx_again = tmp_path / "again.tmx"
        export_memory(back, tmx_again)
    # the native codes made it through XLIFF: the <br/>, the link and the image are in the TMX again
    text = tmx_again.read_text(encoding="utf-8")
    for code in ("&lt;br/&gt;", "&lt;a href=\"x\"&gt;", "&lt;/a&gt;", "&lt;/b&gt;"):
        assert code in text, code


XLIFF21_CODES = f"""<?xml version="1.0"?>
<xliff xmlns="{xliff2.NS}" version="2.1" srcLang="es" trgLang="en"><file id="f">
<unit id="u1"><originalData><data id="d1">&lt;br/&gt;</data><data id="d2">&lt;b&gt;</data>
<data id="d3">&lt;/b&gt;</data></originalData>
<segment state="reviewed"><source>Uno<ph id="1" dataRef="d1"/> <pc id="2" dataRefStart="d2" dataRefEnd="d3">dos</pc> <sc id="3"/>tres</source>
<target>One<ph id="1" dataRef="d1"/> <pc id="2" dataRefStart="d2" dataRefEnd="d3">two</pc> <sc id="3"/>three</target></segment>
<segment state="reviewed"><source>cuatro<ec startRef="3"/>.</source><target>four<ec startRef="3"/>.</target></segment>
</unit></file></xliff>"""


def test_xliff21_codes_across_segments_round_trip(tmp_path, schema21):
    path = tmp_path / "codes21.xlf"
    path.write_text(XLIFF21_CODES, encoding="utf-8")
    [unit] = read_units(path)
    assert unit.source == "Uno dos trescuatro."
    assert [(s.start, s.end, s.attrs["role"]) for s in unit.source_spans] == [
        (3, 3, "isolated"), (4, 7, "pair"), (8, 18, "pair")]
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        assert import_file(m, path).stored == 1
        out = tmp_path / "out.xlf"
        export_memory(m, out, "xliff", xliff_version="2.1")
    schema21.assertValid(etree.parse(str(out)))
    [again] = read_units(out)
    assert _codes(again.source_spans) == _codes(unit.source_spans)
    assert _codes(again.target_spans) == _codes(unit.target_spans)
    assert 'dataRef="d1"' in out.read_text(encoding="utf-8")


def test_unreadable_code_skips_the_unit_with_its_reason(tmp_path):
    path = tmp_path / "odd.xlf"
    path.write_text(f"""<?xml version="1.0"?>
<xliff xmlns="{xliff2.NS}" xmlns:x="urn:x" version="2.1" srcLang="es" trgLang="en"><file id="f">
<unit id="u1"><segment state="final"><source>Hola <x:thing/>.</source><target>Hi.</target></segment></unit>
</file></xliff>""", encoding="utf-8")
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        result = import_file(m, path)
        assert result.stored == 0 and "unexpected element" in result.skipped[0][1]
        assert m.human("Hola .") is None


# ------------------------------------------------------------- XLIFF 1.2, CAT-tool files

def test_xliff12_export_is_schema_valid_and_states_say_the_status(mem, tmp_path, schema12):
    out = tmp_path / "m.xlf"
    assert export_memory(mem, out) == 3  # default: XLIFF 1.2, one unit per Spanish text
    doc = etree.parse(str(out))
    schema12.assertValid(doc)
    root = doc.getroot()
    assert root.tag == f"{{{xliff12.NS}}}xliff" and root.get("version") == "1.2"
    units = {tu.find(f"{{{xliff12.NS}}}source").text: tu for tu in root.iter(f"{{{xliff12.NS}}}trans-unit")}
    target = {s: tu.find(f"{{{xliff12.NS}}}target") for s, tu in units.items()}
    assert (target["El gato duerme."].get("state"), target["El gato duerme."].get("state-qualifier"),
            units["El gato duerme."].get("approved")) == ("needs-review-translation", "mt-suggestion", "no")
    assert target["Buenos días."].get("state") == "final" and target["Las ventas subieron."].get("state") == "translated"
    assert units["Buenos días."].get(f"{{{xliff12.ES2EN}}}reviewer") == "luis"
    # the validation is real: a bad state fails
    target["Buenos días."].set("state", "done")
    assert not schema12.validate(doc)


def test_xliff_1_1_without_namespace(tmp_path):
    path = tmp_path / "old.xlf"
    path.write_text("""<?xml version="1.0"?>
<xliff version="1.1"><file original="a.txt" source-language="es" target-language="en" datatype="plaintext">
<body><trans-unit id="1" approved="yes"><source>Hola <x id="1"/>mundo.</source>
<target state="translated">Hello <x id="1"/>world.</target></trans-unit></body></file></xliff>""", encoding="utf-8")
    [unit] = read_units(path)
    assert (unit.source, unit.target, unit.state) == ("Hola mundo.", "Hello world.", "translated")
    assert [(s.start, s.attrs["role"]) for s in unit.target_spans] == [(6, "isolated")]


def test_okapi_shaped_xliff12(tmp_path):
    path = DATA / "interchange" / "okapi-rainbow-1.2.xlf"
    units = read_units(path)
    assert [u.source for u in units] == ["Las ventas crecieron un 5 %.Fin.", "Véase el anexo.",
                                         "Pendiente de traducir.", "Borrador automático."]
    first = units[0]
    assert first.target == "Sales grew by 5%.End."
    assert [(s.start, s.end, s.attrs["label"]) for s in first.target_spans] == [(6, 10, "x-b"), (17, 17, "lb")]
    assert [(s.start, s.end, s.attrs["role"]) for s in units[1].source_spans] == [(6, 14, "pair")]
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        result = import_file(m, path)
        assert result.stored == 2
        reasons = [why for _, why in result.skipped]
        assert reasons == ["no English", "state “needs-review-translation”: the file says this English still "
                                         "needs review"]
        assert m.human("Véase el anexo.").status == "approved"
        assert m.human("Las ventas crecieron un 5 %.Fin.").status == "reviewed"
        out = tmp_path / "back.xlf"
        export_memory(m, out)
    text = out.read_text(encoding="utf-8")
    assert '<g id="1" ctype="x-b">grew</g>' in text and '<x id="2" ctype="lb"/>' in text
    assert '<bx id="3" rid="1" ctype="link"/>the annex<ex id="4" rid="1"/>' in text


def test_omegat_project_memory(tmp_path):
    path = DATA / "interchange" / "omegat-project_save.tmx"
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        result = import_file(m, path)
        assert result.stored == 2, result.summary(path)
        row = m.human("Pulse Intro para seguir.")
        # who and when come from the target <tuv>: the last editor, not the creator
        assert (row.reviewer, row.created_by, row.updated[:19]) == ("luis", "ana", "2026-03-02T09:00:00")
        assert [s.attrs["native"]["inner"] for s in row.target_spans] == ["&lt;x1/&gt;"]
        out = tmp_path / "back.tmx"
        export_memory(m, out)
    tus = etree.parse(str(out)).getroot().iter("tu")
    stamps = {(tu.get("changeid"), tu.get("changedate"), tu.get("creationid")) for tu in tus}
    assert ("luis", "20260302T090000Z", "ana") in stamps


# ------------------------------------------------------------- translate-toolkit

@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_edit_in_translate_toolkit_gets_the_editor_and_time_of_the_edit(mem, tmp_path, version):
    if version == "1.2":
        parse = pytest.importorskip("translate.storage.xliff").xlifffile.parsefile
    else:
        parse = pytest.importorskip("translate.storage.xliff2").Xliff2File.parsefile
    out = tmp_path / "m.xlf"
    export_memory(mem, out, xliff_version=version)
    store = parse(str(out))
    for unit in store.units:
        if unit.source == "Las ventas subieron.":
            unit.target = "Sales rose sharply."
    store.savefile(str(out))
    edit_time = datetime(2026, 4, 1, 12, 0, tzinfo=timezone.utc).timestamp()
    os.utime(out, (edit_time, edit_time))
    result = import_file(mem, out, by="carmen")
    assert len(result.replaced) == 1 and result.unchanged == 2, result.summary(out)
    row = mem.human("Las ventas subieron.")
    assert (row.target, row.reviewer, row.updated[:19]) == ("Sales rose sharply.", "carmen", "2026-04-01T12:00:00")
    assert row.file == str(out.resolve())
    # an unedited unit keeps its own reviewer and time
    assert (mem.human("Buenos días.").reviewer, mem.human("Buenos días.").updated) == ("luis", T1)
    # exported again, the audit trail is the edit's
    again = tmp_path / "again.tmx"
    export_memory(mem, again)
    tu = [t for t in etree.parse(str(again)).iter("tu") if "Sales rose sharply." in "".join(t.itertext())][0]
    assert (tu.get("changeid"), tu.get("changedate")) == ("carmen", "20260401T120000Z")


def test_translate_toolkit_python_api_reads_what_we_write(mem, tmp_path):
    tk12 = pytest.importorskip("translate.storage.xliff")
    tktmx = pytest.importorskip("translate.storage.tmx")
    export_memory(mem, tmp_path / "m.xlf")
    export_memory(mem, tmp_path / "m.tmx")
    store = tk12.xlifffile.parsefile(str(tmp_path / "m.xlf"))
    got = {u.source: (u.target, u.isfuzzy()) for u in store.units}
    assert got == {"Las ventas subieron.": ("Sales rose.", False), "Buenos días.": ("Good morning.", False),
                   "El gato duerme.": ("The cat sleeps.", True)}  # the machine-only unit is fuzzy
    tmx_units = tktmx.tmxfile.parsefile(str(tmp_path / "m.tmx")).units
    assert {u.source: u.target for u in tmx_units} == {k: v[0] for k, v in got.items()}


def test_translate_toolkit_clis_read_the_default_export(mem, tmp_path):
    mem.store_review("El gato duerme.", "The cat is asleep.", reviewer="ana", time=T2)
    mem.store_machine([machine_segment("Hasta luego.", "Until later.")], KEY)
    out = tmp_path / "m.xlf"
    export_memory(mem, out)
    po = tmp_path / "m.po"
    run = subprocess.run([_tool("xliff2po"), str(out), str(po)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    text = po.read_text(encoding="utf-8")
    assert 'msgid "El gato duerme."\nmsgstr "The cat is asleep."' in text
    assert "The cat sleeps." not in text  # the machine English of a corrected sentence is not offered
    assert '#, fuzzy\nmsgid "Hasta luego."' in text  # a machine-only unit: a fuzzy suggestion
    count = subprocess.run([_tool("pocount"), "--csv", str(out)], capture_output=True, text=True, timeout=120)
    assert count.returncode == 0, count.stderr
    fields = count.stdout.strip().splitlines()[-1].split(",")
    assert [int(fields[1]), int(fields[4])] == [3, 1]  # translated messages, fuzzy messages
    for checked in (po, out):  # the PO made from it, and the XLIFF itself (poconflicts reads both)
        run = subprocess.run([_tool("poconflicts"), str(checked), str(tmp_path / f"c-{checked.suffix[1:]}")],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert re.search(r"^0/3 different strings have conflicts", run.stdout, re.M), run.stdout
    # the check can fail: every row, all marked done (what es2en used to export) → conflicts
    bad = tmp_path / "all.xlf"
    export_memory(mem, bad, every_row=True)
    bad.write_text(bad.read_text(encoding="utf-8").replace('approved="no"', 'approved="yes"'), encoding="utf-8")
    run = subprocess.run([_tool("poconflicts"), str(bad), str(tmp_path / "c-bad")], capture_output=True, text=True,
                         timeout=120)
    found = re.search(r"^(\d+)/\d+ different strings have conflicts", run.stdout, re.M)
    assert found and int(found.group(1)) == 3, run.stdout


def test_cli_export_versions_and_machine_switch(mem, tmp_path, schema12, schema21):
    mem.close()
    db = str(tmp_path / "memory.sqlite")
    run = _es2en("memory", "export", "xliff", str(tmp_path / "a.xlf"), "--memory", db)
    assert run.returncode == 0 and "3 units (XLIFF 1.2)" in run.stdout, run.stderr
    schema12.assertValid(etree.parse(str(tmp_path / "a.xlf")))
    run = _es2en("memory", "export", "xliff", str(tmp_path / "b.xlf"), "--memory", db, "--xliff-version", "2.1",
                 "--no-machine")
    assert run.returncode == 0 and "2 units (XLIFF 2.1)" in run.stdout, run.stderr
    schema21.assertValid(etree.parse(str(tmp_path / "b.xlf")))
    run = _es2en("memory", "export", "tmx", str(tmp_path / "c.tmx"), "--memory", db, "--all")
    assert run.returncode == 0 and "5 units" in run.stdout, run.stderr
    origins = [p.text for p in etree.parse(str(tmp_path / "c.tmx")).iter("prop")
               if p.get("type") == "x-es2en-origin"]
    assert sorted(origins) == ["human", "human", "machine", "machine", "machine"]


# ------------------------------------------------------------- schema upgrade

SCHEMA_1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('machine', 'reviewed', 'approved')),
    engine_key TEXT NOT NULL DEFAULT '', engine TEXT NOT NULL DEFAULT '', model_version TEXT NOT NULL DEFAULT '',
    glossary TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL DEFAULT '', previous TEXT,
    flags TEXT NOT NULL DEFAULT '[]', unknown_words TEXT NOT NULL DEFAULT '[]',
    translations INTEGER NOT NULL DEFAULT 0, uses INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL, updated TEXT NOT NULL,
    UNIQUE (source, engine_key), CHECK ((status = 'machine') = (engine_key <> '')));
CREATE TABLE history (id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '', time TEXT NOT NULL);
CREATE INDEX history_source ON history (source);
CREATE TABLE occurrences (seg_id TEXT PRIMARY KEY, document TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,
    target TEXT NOT NULL, origin TEXT NOT NULL DEFAULT '', engine_key TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL);
INSERT INTO schema_version VALUES (1, '2025-06-01T00:00:00+00:00');
INSERT INTO entries (source, target, status, reviewer, previous, created, updated)
    VALUES ('Hola.', 'Hello.', 'reviewed', '/r/review.docx', 'Hi.', '2025-06-01T00:00:00+00:00',
            '2025-06-01T00:00:00+00:00');
INSERT INTO entries (source, target, status, engine_key, engine, translations, created, updated)
    VALUES ('Hola.', 'Hi.', 'machine', 'apertium|v|gl:none|', 'apertium', 1, '2025-05-01', '2025-05-01');
INSERT INTO history (source, target, status, reviewer, time)
    VALUES ('Hola.', 'Hello.', 'reviewed', '/r/review.docx', '2025-06-01T00:00:00+00:00');
"""


def _old_memory(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_1)
    db.commit()
    db.close()
    return path


def test_an_old_memory_is_upgraded_in_place(tmp_path):
    path = _old_memory(tmp_path / "old.sqlite")
    with TranslationMemory(path) as m:
        assert m.schema_version == memory_module.SCHEMA_VERSION == 2
        row = m.human("Hola.")
        assert (row.target, row.previous, row.file, row.created_by, row.target_spans) == (
            "Hello.", "Hi.", "/r/review.docx", "/r/review.docx", [])
        assert [v.file for v in m.versions("Hola.")] == ["/r/review.docx"]
        assert m.machine("Hola.")[0].target == "Hi."
        # and it works as a schema-2 memory: an import with codes is stored
        path_tmx = tmp_path / "codes.tmx"
        path_tmx.write_text(CODES_TMX, encoding="utf-8")
        assert import_file(m, path_tmx).stored == 4
    versions = sqlite3.connect(path).execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(1,), (2,)]


def test_a_failed_upgrade_leaves_the_old_memory_untouched(tmp_path, monkeypatch):
    path = _old_memory(tmp_path / "old.sqlite")
    before = _dump(path)
    real = memory_module._MIGRATIONS[2]

    def fails_half_way(db):
        real(db)  # every ALTER TABLE of the upgrade has run …
        raise sqlite3.OperationalError("disk I/O error (simulated, after the upgrade's statements)")

    monkeypatch.setitem(memory_module._MIGRATIONS, 2, fails_half_way)
    with pytest.raises(InputError, match="cannot write the translation memory"):
        TranslationMemory(path)
    assert _dump(path) == before  # … and none of it is left
    monkeypatch.setitem(memory_module._MIGRATIONS, 2, real)
    with TranslationMemory(path) as m:
        assert m.schema_version == 2 and m.human("Hola.").target == "Hello."


# ------------------------------------------------------------- review import of other formats

def test_review_import_of_odt_or_doc_says_save_as_docx(tmp_path, mem):
    import zipfile

    mem.close()
    odt = tmp_path / "report.bilingual.odt"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", "<office:document-content xmlns:office="
                                   "'urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")
    renamed = tmp_path / "report.bilingual.docx"
    shutil.copy(odt, renamed)
    doc = tmp_path / "report.bilingual.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    rtf = tmp_path / "report.bilingual.docx.rtf"
    rtf.write_text("{\\rtf1\\ansi Hola}", encoding="ascii")
    for path, what in ((odt, "OpenDocument"), (renamed, "OpenDocument"), (doc, "Word 97-2003"), (rtf, "RTF")):
        run = _es2en("review", "import", str(path), "--memory", str(tmp_path / "memory.sqlite"))
        assert run.returncode == 2, run.stdout + run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and what in lines[0] and "save it as Word (.docx)" in lines[0], lines
        assert str(path.name) in lines[0]


def test_trados_sdlxliff_confirmation_levels_and_audit(tmp_path):
    path = DATA / "interchange" / "trados-studio.sdlxliff"
    units = read_units(path)
    assert [(u.source, u.state) for u in units] == [
        ("El informe está listo.", "sdl:ApprovedSignOff"),
        ("Primera frase. Segunda frase.", "sdl:Translated"),  # the least confirmed of its segments
        ("Traducción automática sin revisar.", "sdl:Draft")]
    with TranslationMemory(tmp_path / "m.sqlite") as m:
        result = import_file(m, path)
        assert result.stored == 2 and "still needs review" in result.skipped[0][1], result.summary(path)
        row = m.human("El informe está listo.")
        assert (row.status, row.target, row.reviewer, row.created_by, row.updated[:19]) == (
            "approved", "The report is ready.", "EMEA\\luis", "EMEA\\ana", "2026-03-02T09:00:00")
        assert [(s.start, s.end, s.attrs["native"]["wrap"]["attrib"]["id"]) for s in row.target_spans] == [
            (4, 10, "pt1")]
        assert m.human("Primera frase. Segunda frase.").status == "reviewed"


def test_xliff12_phase_gives_who_and_when_in_any_utc_offset(mem, tmp_path):
    mem.store_review("Las ventas subieron.", "Sales increased.", reviewer="marta", time=T2)  # 15:30Z
    path = tmp_path / "phases.xlf"
    path.write_text(f"""<?xml version="1.0"?>
<xliff xmlns="{xliff12.NS}" version="1.2"><file original="x" source-language="es" target-language="en"
 datatype="plaintext"><header><phase-group>
  <phase phase-name="p1" process-name="translation" contact-name="pablo" date="2026-02-20T17:00:00+02:00"/>
  <phase phase-name="p2" process-name="review" contact-name="rosa" date="2026-02-20T17:45:00+02:00"/>
 </phase-group></header><body>
 <trans-unit id="1"><source>Las ventas subieron.</source>
  <target state="translated" phase-name="p1">Sales went up.</target></trans-unit>
 <trans-unit id="2"><source>Las ventas subieron.</source>
  <target state="translated" phase-name="p2">Sales grew.</target></trans-unit>
</body></file></xliff>""", encoding="utf-8")
    result = import_file(mem, path)
    # 17:00+02:00 is 15:00Z: older than the memory's 15:30Z; 17:45+02:00 is 15:45Z: newer
    assert "older" in result.kept[0][1] and "Sales went up." in result.kept[0][1]
    assert "“Sales increased.” → “Sales grew.”" in result.replaced[0][1]
    row = mem.human("Las ventas subieron.")
    assert (row.target, row.reviewer, row.updated) == ("Sales grew.", "rosa", "2026-02-20T17:45:00+02:00")


def test_empty_memory_exports_valid_xliff12(tmp_path, schema12):
    with TranslationMemory(tmp_path / "empty.sqlite") as m:
        assert export_memory(m, tmp_path / "e.xlf") == 0
    schema12.assertValid(etree.parse(str(tmp_path / "e.xlf")))
    assert read_units(tmp_path / "e.xlf") == []

"""XLIFF 2.1 and TMX 1.4b export/import: schema-valid, readable by translate-toolkit
(an independent implementation), and a lossless round trip between memories. (XLIFF 1.2,
precedence, inline codes and translate-toolkit's CLIs: tests/test_interchange_scenarios.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import machine_segment
from pipeline.errors import InputError
from pipeline.interchange import export_memory, import_file, read_units
from pipeline.interchange import tmx as tmx_format
from pipeline.interchange import xliff as xliff_format
from pipeline.memory import TranslationMemory, engine_key

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"
KEY = engine_key("apertium", "apertium-eng-spa 0.8.1", "none", ["beam="])


@pytest.fixture(scope="module")
def xliff_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-and-metadata.xsd")))


@pytest.fixture
def memory(tmp_path) -> TranslationMemory:
    mem = TranslationMemory(tmp_path / "a.sqlite")
    mem.store_machine([machine_segment("El gato duerme.", "The cat sleeps."),
                       machine_segment("Los precios suben < 5 % & más.", "Prices rise < 5 % & more."),
                       machine_segment("Hola  mundo.", "Hello world.")], KEY)
    mem.store_review("Hola mundo.", "Hello, world!", reviewer="review.docx")
    mem.store_review("Buenos días.", "Good morning.", reviewer="tm.tmx", status="approved")
    yield mem
    mem.close()


def _rows(mem: TranslationMemory):
    return sorted((e.source, e.target, e.status, e.engine_key, e.reviewer) for e in mem.entries())


# ------------------------------------------------------------------- XLIFF

def test_xliff_export_is_schema_valid(memory, tmp_path, xliff_schema):
    out = tmp_path / "m.xlf"
    # one unit per Spanish text (the human English where there is one): 4 of the 5 rows
    assert export_memory(memory, out, xliff_version="2.1") == 4
    doc = etree.parse(str(out))
    xliff_schema.assertValid(doc)
    root = doc.getroot()
    assert root.get("version") == "2.1" and root.get("srcLang") == "es" and root.get("trgLang") == "en"
    states = [s.get("state") for s in root.iter(f"{{{xliff_format.NS}}}segment")]
    # machine-only units are "initial" (a suggestion), below the human ones
    assert sorted(states) == ["final", "initial", "initial", "reviewed"]
    assert export_memory(memory, out, xliff_version="2.1", every_row=True) == 5
    xliff_schema.assertValid(etree.parse(str(out)))


def test_schema_rejects_what_it_should(memory, tmp_path, xliff_schema):
    """The validation is real: a bad state or a bad metadata element fails."""
    out = tmp_path / "m.xlf"
    export_memory(memory, out, xliff_version="2.1")
    doc = etree.parse(str(out))
    seg = next(doc.getroot().iter(f"{{{xliff_format.NS}}}segment"))
    seg.set("state", "done")
    assert not xliff_schema.validate(doc)
    doc = etree.parse(str(out))
    meta = next(doc.getroot().iter(f"{{{xliff_format.MDA}}}meta"))
    del meta.attrib["type"]
    assert not xliff_schema.validate(doc)


def test_empty_memory_exports_valid_xliff(tmp_path, xliff_schema):
    with TranslationMemory(tmp_path / "empty.sqlite") as mem:
        assert export_memory(mem, tmp_path / "e.xlf", xliff_version="2.1") == 0
    xliff_schema.assertValid(etree.parse(str(tmp_path / "e.xlf")))
    assert read_units(tmp_path / "e.xlf") == []


def test_translate_toolkit_reads_our_xliff(memory, tmp_path):
    xliff2 = pytest.importorskip("translate.storage.xliff2")
    out = tmp_path / "m.xlf"
    export_memory(memory, out, xliff_version="2.1")
    store = xliff2.Xliff2File.parsefile(str(out))
    pairs = {(u.source, u.target) for u in store.units}
    assert ("Los precios suben < 5 % & más.", "Prices rise < 5 % & more.") in pairs
    assert ("Hola mundo.", "Hello, world!") in pairs and ("Hola mundo.", "Hello world.") not in pairs
    assert len(store.units) == 4
    final = [u for u in store.units if u.source == "Buenos días."][0]
    assert final.isapproved()
    assert store.getsourcelanguage() == "es" and store.gettargetlanguage() == "en"


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_xliff_round_trip_between_memories(memory, tmp_path, version):
    out = tmp_path / "m.xlf"
    export_memory(memory, out, xliff_version=version, every_row=True)
    with TranslationMemory(tmp_path / "b.sqlite") as other:
        result = import_file(other, out)
        assert (result.stored, len(result.skipped)) == (5, 0)
        assert _rows(other) == _rows(memory)
        again = import_file(other, out)
        assert (again.stored, again.unchanged) == (0, 5)


def test_xliff_edited_in_a_cat_tool(memory, tmp_path):
    """A CAT tool (here: translate-toolkit) changes a machine target and marks others
    reviewed/final: the change and the approvals become human rows, except where the
    memory already has a different human English."""
    xliff2 = pytest.importorskip("translate.storage.xliff2")
    out = tmp_path / "m.xlf"
    export_memory(memory, out, status="machine", xliff_version="2.1", every_row=True)
    store = xliff2.Xliff2File.parsefile(str(out))
    for unit in store.units:
        if unit.source == "El gato duerme.":
            unit.target = "The cat is asleep."
        if unit.source.startswith("Los precios"):
            unit.markapproved(True)  # translate-toolkit: state "reviewed"
        if unit.source == "Hola mundo.":
            unit.xmlelement.set("state", "final")
    store.savefile(str(out))
    result = import_file(memory, out)
    assert result.stored == 2, result.summary(out)
    assert "Hello, world!" in result.kept[0][1] and "machine English" in result.kept[0][1]
    cat = memory.human("El gato duerme.")
    assert (cat.target, cat.status, cat.previous) == ("The cat is asleep.", "reviewed", "The cat sleeps.")
    assert memory.human("Los precios suben < 5 % & más.").status == "reviewed"
    # approving the machine text does not overwrite the human English the memory has
    assert memory.human("Hola mundo.").target == "Hello, world!"
    # the machine row itself is untouched
    assert memory.machine("El gato duerme.", KEY)[0].target == "The cat sleeps."


def test_foreign_xliff_states_and_codes(tmp_path):
    path = tmp_path / "cat.xlf"
    path.write_text(f"""<?xml version="1.0"?>
<xliff xmlns="{xliff_format.NS}" version="2.0" srcLang="es-MX" trgLang="en-US">
 <file id="f">
  <group id="g">
   <unit id="a"><segment state="final"><source>Uno.</source><target>One.</target></segment>
     <ignorable><source> </source></ignorable>
     <segment state="reviewed"><source>Dos.</source><target>Two.</target></segment></unit>
  </group>
  <unit id="b"><segment><source>Sin traducir.</source></segment></unit>
  <unit id="c"><segment state="translated"><source>Hola <ph id="1"/> mundo.</source><target>Hello <ph id="1"/> world.</target></segment></unit>
  <unit id="d"><segment state="translated"><source>Te<pc id="1">x</pc>to&#160;<cp hex="0041"/>.</source><target>Te<mrk id="m">x</mrk>t A.</target></segment></unit>
  <unit id="e"><segment state="initial"><source>Vacío.</source><target></target></segment></unit>
 </file>
</xliff>""", encoding="utf-8")
    units = read_units(path)
    assert [(u.source, u.target, u.state) for u in units[:2]] == [
        ("Uno. Dos.", "One. Two.", "reviewed"), ("Sin traducir.", None, "initial")]
    # codes are kept as inline-code spans, not a reason to skip
    assert not units[2].problem and [s.attrs["role"] for s in units[2].source_spans] == ["isolated"]
    assert units[3].source == "Texto\u00a0A." and units[3].target == "Text A." and not units[3].problem
    assert [(s.start, s.end, s.attrs["native"]["wrap"]["tag"]) for s in units[3].source_spans] == [(2, 3, "pc")]
    with TranslationMemory(tmp_path / "m.sqlite") as mem:
        result = import_file(mem, path)
        assert result.stored == 3, result.summary(path)
        reasons = " | ".join(why for _, why in result.skipped)
        assert reasons == "no English | no English"
        assert mem.human("Uno. Dos.").status == "reviewed"
        assert mem.human("Texto A.").target == "Text A."
        assert [s.attrs["native"]["wrap"]["tag"] for s in mem.human("Texto A.").target_spans] == ["mrk"]


@pytest.mark.parametrize("text, message", [
    ("<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'><file original='x' "
     "source-language='en' target-language='es' datatype='plaintext'><body/></file></xliff>", "Spanish → English"),
    ("<xliff xmlns='urn:example:other' version='3.0'/>", "not an XLIFF file"),
    (f"<xliff xmlns='{xliff_format.NS}' version='2.1' srcLang='en' trgLang='es'><file id='f'/></xliff>",
     "Spanish → English"),
    ("<xliff", "not well-formed"),
])
def test_xliff_refused_with_a_reason(tmp_path, text, message):
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_units(path)


def test_xliff_does_not_resolve_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.xlf"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY x SYSTEM "file://{secret}">]>
<xliff xmlns="{xliff_format.NS}" version="2.1" srcLang="es" trgLang="en"><file id="f">
<unit id="u"><segment state="final"><source>Hola.</source><target>&x;</target></segment></unit></file></xliff>""",
                    encoding="utf-8")
    units = read_units(path)
    assert "TOP SECRET" not in (units[0].target or "")


# --------------------------------------------------------------------- TMX

def test_tmx_export_read_by_translate_toolkit(memory, tmp_path):
    tmx = pytest.importorskip("translate.storage.tmx")
    out = tmp_path / "m.tmx"
    assert export_memory(memory, out) == 4
    store = tmx.tmxfile.parsefile(str(out))
    pairs = {(u.source, u.target) for u in store.units}
    assert ("Los precios suben < 5 % & más.", "Prices rise < 5 % & more.") in pairs
    assert ("Buenos días.", "Good morning.") in pairs and len(pairs) == 4
    root = etree.parse(str(out)).getroot()
    assert root.get("version") == "1.4"
    header = root.find("header")
    assert header.get("srclang") == "es" and header.get("segtype") == "sentence"
    for tu in root.iter("tu"):
        assert [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tu.findall("tuv")] == ["es", "en"]
        assert tu.get("changedate").endswith("Z") and len(tu.get("changedate")) == 16


def test_tmx_round_trip_between_memories(memory, tmp_path):
    out = tmp_path / "m.tmx"
    export_memory(memory, out, every_row=True)
    with TranslationMemory(tmp_path / "b.sqlite") as other:
        result = import_file(other, out)
        assert (result.stored, len(result.skipped)) == (5, 0)
        assert _rows(other) == _rows(memory)


def test_tmx_from_translate_toolkit_imports_as_reviewed(tmp_path):
    tmx = pytest.importorskip("translate.storage.tmx")
    store = tmx.tmxfile(sourcelanguage="es", targetlanguage="en")
    store.addtranslation("La casa es roja.", "es", "The house is red.", "en")
    store.addtranslation("Sin inglés.", "es", "", "en")
    path = tmp_path / "tt.tmx"
    store.savefile(str(path))
    with TranslationMemory(tmp_path / "m.sqlite") as mem:
        result = import_file(mem, path)
        assert result.stored == 1 and len(result.skipped) == 1
        assert mem.human("La casa es roja.").status == "reviewed"
        result = import_file(mem, path, default_status="approved")
        assert mem.human("La casa es roja.").status == "approved"


def test_tmx_variants_and_codes(tmp_path):
    path = tmp_path / "v.tmx"
    path.write_text("""<?xml version="1.0"?>
<tmx version="1.4"><header srclang="es-ES" segtype="sentence" datatype="plaintext" adminlang="en"
 creationtool="x" creationtoolversion="1" o-tmf="x"/><body>
<tu><tuv xml:lang="ES-es"><seg>Pulse <bpt i="1">&lt;b&gt;</bpt>aquí<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    <tuv xml:lang="en-GB"><seg>Click <hi>here</hi>.</seg></tuv></tu>
<tu><tuv lang="es"><seg>Solo español.</seg></tuv></tu>
</body></tmx>""", encoding="utf-8")
    units = tmx_format.read(path)
    assert (units[0].source, units[0].target) == ("Pulse aquí.", "Click here.")
    # the codes are spans: bpt/ept paired by i around "aquí", hi around "here"
    assert [(s.start, s.end, s.attrs["role"]) for s in units[0].source_spans] == [(6, 10, "pair")]
    assert units[0].source_spans[0].attrs["native"]["open"]["inner"] == "&lt;b&gt;"
    assert [(s.start, s.end, s.attrs["label"]) for s in units[0].target_spans] == [(6, 10, "hi")]
    assert units[1].problem == "no English variant"


def test_cli_memory_export_import(memory, tmp_path):
    memory.close()
    es2en = [sys.executable, "-m", "pipeline"]
    for fmt, name in (("xliff", "m.xlf"), ("tmx", "m.tmx")):
        out = tmp_path / name
        run = subprocess.run([*es2en, "memory", "export", fmt, str(out), "--memory", str(tmp_path / "a.sqlite")],
                             capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
        assert run.returncode == 0, run.stderr
        assert "4 units" in run.stdout
        target = tmp_path / f"{fmt}.sqlite"
        run = subprocess.run([*es2en, "memory", "import", fmt, str(out), "--memory", str(target)],
                             capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
        assert run.returncode == 0, run.stderr
        assert "4 stored" in run.stdout

"""Glossary files: TSV/CSV/TBX reading, writing, round trips, errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.glossary import (
    Entry,
    Glossary,
    default_glossary_dir,
    default_glossary_paths,
    load_glossaries,
    read_glossary_file,
    write_glossary_file,
)
from pipeline.glossary.csv_format import format_csv
from pipeline.glossary.tbx import format_tbx
from pipeline.glossary.tsv import format_tsv

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [ROOT / "glossaries" / n for n in ("general.tsv", "currencies.tsv", "names.tsv")]


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- shipped content ------------------------------------------------------------------
def test_shipped_glossaries_load_without_conflicts():
    g = load_glossaries(SHIPPED)
    assert g.conflicts == [] and g.duplicates == [] and g.warnings == []
    general = read_glossary_file(SHIPPED[0])
    assert len(general.entries) >= 150
    by_es = {e.es: e for e in g.entries}
    assert by_es["inteligencia artificial"].en == "artificial intelligence"
    assert by_es["IA"].en == "AI" and by_es["IA"].case_sensitive
    assert by_es["centro de datos"].en == "data center"
    assert by_es["nube"].en == "cloud"
    assert by_es["comunicado"].en == "statement"
    assert by_es["alianza estratégica"].en == "strategic alliance"
    assert by_es["director ejecutivo"].en == "chief executive"
    for name in ("Amazon Web Services", "OpenAI", "ChatGPT", "Nvidia"):
        assert by_es[name].keep, name


def test_shipped_files_are_canonically_formatted():
    """What `glossary add` writes is what is committed: sorted and formatted."""
    for path in SHIPPED:
        gf = read_glossary_file(path)
        assert format_tsv(gf.sorted()) == path.read_text(encoding="utf-8"), path


def test_default_dir_prefers_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert default_glossary_dir() == ROOT / "glossaries"
    (tmp_path / "glossaries").mkdir()
    write(tmp_path / "glossaries", "b.tsv", "es\ten\nnube\tcloud\n")
    write(tmp_path / "glossaries", "a.csv", "es,en\nnube,cloud\n")
    write(tmp_path / "glossaries", "notes.txt", "ignored\n")
    assert default_glossary_dir() == tmp_path / "glossaries"
    assert [p.name for p in default_glossary_paths()] == ["a.csv", "b.tsv"]


# -- TSV --------------------------------------------------------------------------------
def test_tsv_comments_bom_crlf_and_optional_columns(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_bytes(
        "\ufeff# top\r\nes\ten\tpos\r\n# about nube\r\nnube\tcloud\r\n\r\ncentro de datos\tdata center\tnoun\r\n# end\r\n".encode()
    )
    gf = read_glossary_file(p)
    assert gf.preamble == ["# top"] and gf.footer == ["# end"]
    assert [(e.es, e.en, e.pos, e.line) for e in gf.entries] == [("nube", "cloud", "", 4), ("centro de datos", "data center", "noun", 6)]
    assert gf.entries[0].comments == ("# about nube",)


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("es\ten\nnube\t\n", 2, "empty 'en'"),
        ("es\ten\nnube\n", 2, "empty 'en'"),
        ("es\ten\n\tcloud\n", 2, "empty 'es'"),
        ("es\ten\tcase\nIA\tAI\tmaybe\n", 2, "'case' must be"),
        ("es\ten\na\tb\tc\n", 2, "3 fields but the header names 2"),
        ("es\tenglish\nnube\tcloud\n", 1, "unknown column 'english'"),
        ("es\tnote\nnube\tx\n", 1, "lacks required column 'en'"),
        ("es\ten\ten\nnube\tcloud\tx\n", 1, "appears twice"),
        ("# only a comment\n", 1, "no header row"),
        ("", 1, "no header row"),
    ],
)
def test_tsv_errors_name_file_and_line(tmp_path, text, line, fragment):
    p = write(tmp_path, "bad.tsv", text)
    with pytest.raises(InputError) as err:
        load_glossaries([p])
    assert err.value.path == p and err.value.line == line
    assert str(err.value).startswith(f"{p}:{line}: ") and fragment in str(err.value)
    assert "\n" not in str(err.value)


def test_tsv_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "latin1.tsv"
    p.write_bytes("es\ten\nnube\tcloud\ninversión\tinvestment\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.tsv:3: not UTF-8"):
        load_glossaries([p])


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_glossaries([tmp_path / "nope.tsv"])
    with pytest.raises(InputError, match="unknown glossary format"):
        load_glossaries([write(tmp_path, "g.json", "{}")])


def test_lenient_skips_bad_lines_with_warnings(tmp_path):
    p = write(tmp_path, "g.tsv", "es\ten\nnube\tcloud\nroto\t\nIA\tAI\n")
    g = load_glossaries([p], lenient=True)
    assert [e.es for e in g.entries] == ["nube", "IA"]
    assert g.warnings == [f"{p}:3: skipped: empty 'en' field"]


# -- conflicts, fingerprint ------------------------------------------------------------
def test_later_files_win_and_conflicts_are_listed(tmp_path):
    a = write(tmp_path, "a.tsv", "es\ten\nnube\tcloud\ncomunicado\tstatement\n")
    b = write(tmp_path, "b.tsv", "es\ten\nNube\tcloud computing\ncomunicado\tstatement\n")
    g = load_glossaries([a, b])
    assert [(e.es, e.en) for e in g.entries] == [("Nube", "cloud computing"), ("comunicado", "statement")]
    assert g.conflicts == [f"{b}:2: 'Nube' → 'cloud computing' overrides {a}:2: 'nube' → 'cloud'"]
    assert len(g.duplicates) == 1
    g2 = load_glossaries([b, a])
    assert g2.lookup("nube").en == "cloud"


def test_fingerprint_is_stable_and_content_based(tmp_path):
    a = write(tmp_path, "a.tsv", "es\ten\tnote\nnube\tcloud\tx\n")
    b = write(tmp_path, "other-name.tsv", "# a comment\nes\ten\tnote\nnube\tcloud\ty\n")
    c = write(tmp_path, "c.tsv", "es\ten\nnube\tclouds\n")
    fa, fb, fc = (load_glossaries([p]).fingerprint() for p in (a, b, c))
    assert fa == fb != fc and len(fa) == 64
    assert Glossary.from_entries([Entry("nube", "cloud")]).fingerprint() == fa
    assert load_glossaries([]).fingerprint() == load_glossaries([]).fingerprint()


# -- CSV ---------------------------------------------------------------------------------
def test_csv_quoting_and_errors(tmp_path):
    p = write(tmp_path, "g.csv", 'es,en,note\n"centro de datos","data center","a, b"\n# c\nnube,cloud,\n')
    gf = read_glossary_file(p)
    assert [(e.es, e.note, e.line) for e in gf.entries] == [("centro de datos", "a, b", 2), ("nube", "", 4)]
    assert gf.entries[1].comments == ("# c",)
    bad = write(tmp_path, "bad.csv", 'es,en\nnube,cloud\n"IA",\n')
    with pytest.raises(InputError, match=r"bad.csv:3: empty 'en'"):
        read_glossary_file(bad)


# -- round trips -------------------------------------------------------------------------
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["csv", "tbx2", "tbx3"])
def test_round_trip_loses_nothing(tmp_path, path, fmt):
    original = read_glossary_file(path)
    out = tmp_path / f"x.{fmt[:3]}"
    write_glossary_file(original, out, tbx_version=3 if fmt == "tbx3" else 2)
    back = read_glossary_file(out)
    back.path = path
    assert format_tsv(back) == path.read_text(encoding="utf-8")
    assert [e.content() + (e.domain, e.note, e.comments) for e in back.entries] == [
        e.content() + (e.domain, e.note, e.comments) for e in original.entries
    ]


def test_round_trip_keeps_every_field_and_odd_text(tmp_path):
    entries = [
        Entry("director ejecutivo", "chief executive", (), "", "", "person", "business", "CEO in headlines",
              comments=("# people",)),
        Entry("IA", "AI", ("IAs",), "AIs", "sensitive", "acronym", "technology", "x < y & \"z\""),
        Entry("fusiones y adquisiciones", "mergers and acquisitions", pos="phrase"),
        Entry("estratégico", "strategic", pos="adj"),
        Entry("rareza", "oddity", pos="custom-pos", case="insensitive"),
    ]
    from pipeline.glossary.entry import GlossaryFile

    gf = GlossaryFile(tmp_path / "g.tsv", entries, ["es", "en"], ["# head"], ["# tail"])
    for suffix, version in ((".tbx", 2), (".tbx", 3), (".csv", 2), (".tsv", 2)):
        out = tmp_path / f"o{version}{suffix}"
        write_glossary_file(gf, out, tbx_version=version)
        back = read_glossary_file(out)
        assert back.entries == entries, suffix
        assert [e.comments for e in back.entries] == [e.comments for e in entries]
        assert (back.preamble, back.footer) == (["# head"], ["# tail"])
    assert format_csv(gf).count("\n") >= len(entries) + 1


def test_translate_toolkit_reads_our_tbx(tmp_path):
    """An independent TBX reader sees the same terms we wrote."""
    from translate.storage.tbx import tbxfile

    gf = read_glossary_file(SHIPPED[0])
    store = tbxfile.parsestring(format_tbx(gf, version=2))
    units = [u for u in store.units if u.source]
    assert len(units) == len(gf.entries)
    theirs = {u.source: u.target for u in units}
    assert all(theirs[e.es] == e.en for e in gf.entries)
    ia = next(u for u in units if u.source == "IA")
    assert [t.text for t in ia.get_source_terms()] == ["IA", "IAs"]
    assert [t.text for t in ia.get_target_terms()] == ["AI", "AIs"]
    assert "inteligencia artificial" in ia.getnotes()


def test_translate_toolkit_tbx_imports(tmp_path):
    """A TBX written by translate-toolkit (another tool) imports."""
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage="es", targetlanguage="en")
    u = store.addsourceunit("centro de datos")
    u.target = "data center"
    u.addnote("a note")
    p = tmp_path / "tt.tbx"
    p.write_bytes(bytes(store))
    gf = read_glossary_file(p)
    assert [(e.es, e.en) for e in gf.entries] == [("centro de datos", "data center")]


FOREIGN_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en-US">
<martifHeader><fileDesc><sourceDesc><p>from a CAT tool</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1">
  <descripGrp><descrip type="subjectField">finance</descrip></descripGrp>
  <langSet xml:lang="es-ES"><ntig><termGrp><term>tipo de interés</term>
     <termNote type="partOfSpeech">noun</termNote></termGrp></ntig>
     <ntig><termGrp><term>tasa de interés</term></termGrp></ntig></langSet>
  <langSet xml:lang="en-US"><ntig><termGrp><term>interest rate</term></termGrp></ntig>
     <tig><term>rate of interest</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>taux d'intérêt</term></tig></langSet>
</termEntry>
<termEntry id="t2"><langSet xml:lang="es"><tig><term>solo español</term></tig></langSet></termEntry>
</body></text></martif>
"""


def test_foreign_tbx_import(tmp_path):
    p = write(tmp_path, "cat.tbx", FOREIGN_TBX)
    gf = read_glossary_file(p)
    [e] = gf.entries
    assert (e.es, e.es_variants, e.en, e.pos, e.domain) == ("tipo de interés", ("tasa de interés",), "interest rate", "noun", "finance")
    assert gf.warnings == [f"{p}:15: skipped: entry has no 'en' term"]


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("<martif><text><body><termEntry>\n<langSet>\n</termEntry></body></text></martif>", 3, "not well-formed"),
        ("<?xml version='1.0'?>\n<glossary/>", 2, "not a TBX file"),
    ],
)
def test_tbx_errors_name_file_and_line(tmp_path, text, line, fragment):
    p = write(tmp_path, "bad.tbx", text)
    with pytest.raises(InputError) as err:
        read_glossary_file(p)
    assert err.value.line == line and fragment in str(err.value) and str(err.value).startswith(f"{p}:{line}:")


def test_tbx_does_not_resolve_external_entities(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP SECRET")
    text = (
        f'<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<martif><text><body><termEntry><langSet xml:lang="es"><tig><term>a&x;</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>b</term></tig></langSet></termEntry></body></text></martif>'
    )
    gf = read_glossary_file(write(tmp_path, "xxe.tbx", text))
    assert all("SECRET" not in e.es for e in gf.entries)

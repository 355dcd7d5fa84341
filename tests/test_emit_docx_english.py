"""The English copy (OUT/<stem>.en.docx) on real documents: tests/data/docx-corpus holds
Word, LibreOffice, Google Docs, Pages and pandoc files from public test suites (see its
README) and four Spanish versions of them (es__*.docx, made by make_spanish.py).

Every file is translated once with Apertium (the real engine) and the default glossaries;
the tests then compare each English copy with its source part by part."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.emit.docx_english import write_english_docx
from pipeline.ingest import read_document
from pipeline.ingest.docx_package import MC, W, W_STRICT
from pipeline.run import SpanFinders, TranslateOptions, segment_document
from pipeline.translate import translate_segments

from conftest import needs_apertium

CORPUS = Path(__file__).parent / "data" / "docx-corpus"
FILES = sorted(CORPUS.glob("*.docx"))
SPANISH = [f for f in FILES if f.name.startswith("es__")]
#: Corpus files with no text to translate (a chart, an empty document, a form field only).
NO_TEXT = {"docx4j__chart.docx", "docx4j__separator_missing.docx", "mammoth__empty.docx",
           "pydocx__tbl-having-tables.docx"}
STORY = re.compile(r"^word/(document\d*|header\d+|footer\d+|footnotes|endnotes|comments)\.xml$")

pytestmark = needs_apertium


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    """{source name: (Document translated, path of its en.docx)} for every corpus file."""
    from pipeline.engines import select_engine

    out = tmp_path_factory.mktemp("en")
    finders = SpanFinders.prepare(TranslateOptions())
    engine = select_engine("apertium").engine
    done = {}
    try:
        docs = []
        for path in FILES:
            if path.name in NO_TEXT:
                continue
            doc = read_document(path)
            segment_document(doc)
            finders.apply(doc)
            docs.append(doc)
        translate_segments([s for d in docs for s in d.segments], engine)
        for doc in docs:
            done[doc.path.name] = (doc, write_english_docx(doc, out / f"{doc.id}.en.docx"))
    finally:
        engine.close()
    return done


def _tree(data: bytes):
    return etree.fromstring(data.replace(W_STRICT.encode(), W.encode()))


def _live(el) -> bool:
    """Not inside a tracked deletion (the English copy accepts the changes)."""
    return not any(a.tag in (f"{{{W}}}del", f"{{{W}}}moveFrom") for a in el.iterancestors())


def _census(data: bytes) -> dict[str, int]:
    """What must survive translation in a story part, counted."""
    root = _tree(data)
    r_embed = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
    counts = {
        "paragraphs": sum(1 for p in root.iter(f"{{{W}}}p") if _live(p)),
        "tables": sum(1 for _ in root.iter(f"{{{W}}}tbl")),
        "images": sum(1 for el in root.iter() if el.get(r_embed) and _live(el)),
        "links": len({(h.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"),
                       h.get(f"{{{W}}}anchor")) for h in root.iter(f"{{{W}}}hyperlink") if _live(h)}),
        "note references": sum(1 for el in root.iter(f"{{{W}}}footnoteReference", f"{{{W}}}endnoteReference")),
        "fields": sum(1 for el in root.iter(f"{{{W}}}fldChar", f"{{{W}}}fldSimple") if _live(el)),
        "field codes": sum(1 for el in root.iter(f"{{{W}}}instrText") if _live(el)),
        "bookmarks": sum(1 for _ in root.iter(f"{{{W}}}bookmarkStart")),
        "sections": sum(1 for _ in root.iter(f"{{{W}}}sectPr")),
        "comments": sum(1 for _ in root.iter(f"{{{W}}}commentReference")),
        "tabs and breaks": sum(1 for el in root.iter(f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr")
                               if _live(el) and el.getparent().tag == f"{{{W}}}r"),
    }
    styles = sorted(s.get(f"{{{W}}}val", "") for s in root.iter(f"{{{W}}}pStyle"))
    counts["paragraph styles"] = hash(tuple(styles))
    return counts


def test_every_corpus_file_gets_an_english_copy(english):
    assert set(english) == {f.name for f in FILES} - NO_TEXT
    assert len(english) >= 50


def test_members_kept_byte_for_byte_except_the_rewritten_parts(english):
    for name, (doc, en) in english.items():
        rewritten = {b.attrs["part"] for b in doc.blocks if "part" in b.attrs}
        with zipfile.ZipFile(doc.path) as a, zipfile.ZipFile(en) as b:
            assert a.namelist() == b.namelist(), name
            for member in a.namelist():
                same = a.read(member) == b.read(member)
                if member in rewritten or STORY.match(member):
                    continue  # story parts: the language marks at least say en-US
                if member.endswith(("styles.xml", "settings.xml")):
                    continue  # only a Spanish default language changes there
                assert same, f"{name}: {member} changed"


def test_every_story_part_keeps_its_structure(english):
    for name, (doc, en) in english.items():
        with zipfile.ZipFile(doc.path) as a, zipfile.ZipFile(en) as b:
            for member in a.namelist():
                if STORY.match(member) or member == getattr(doc, "_main", None):
                    assert _census(a.read(member)) == _census(b.read(member)), f"{name}: {member}"


def test_english_copies_open_in_python_docx(english):
    import docx

    for name, (doc, en) in english.items():
        try:
            docx.Document(str(doc.path))
        except Exception:  # noqa: BLE001 - python-docx cannot open it (Strict, renamed parts)
            continue
        d = docx.Document(str(en))
        assert d.paragraphs is not None, name


def test_the_english_copy_holds_the_pipelines_english_in_every_unit(english):
    for name, (doc, en) in english.items():
        back = read_document(en)
        written = {(b.attrs["part"], b.attrs["position"]): b.text for b in back.blocks}
        for block in doc.blocks:
            if not block.translatable:
                continue
            key = (block.attrs["part"], block.attrs["position"])
            expected = " ".join(block.target.split())
            assert written.get(key) == expected, f"{name} {block.attrs.get('label', '')} {key}"


_SPANISH_WORDS = {"el", "la", "los", "las", "del", "que", "con", "para", "una", "por", "según", "texto"}


def test_spanish_units_come_out_english(english):
    """On the Spanish versions: no unit keeps the Spanish function words of its source."""
    checked = 0
    for path in SPANISH:
        doc, en = english[path.name]
        back = {(b.attrs["part"], b.attrs["position"]): b.text for b in read_document(en).blocks}
        for block in doc.blocks:
            words = set(re.findall(r"\w+", block.text.lower()))
            if not words & _SPANISH_WORDS:
                continue
            checked += 1
            left = set(re.findall(r"\w+", back[(block.attrs["part"], block.attrs["position"])].lower()))
            assert not left & _SPANISH_WORDS, (block.text, back[(block.attrs["part"], block.attrs["position"])])
    assert checked >= 20


def test_language_marks_say_english(english):
    for path in SPANISH:
        doc, en = english[path.name]
        with zipfile.ZipFile(en) as z:
            for member in z.namelist():
                if member.endswith(".xml") and (STORY.match(member) or member.endswith(("styles.xml", "settings.xml"))):
                    langs = re.findall(rb'w:(?:lang|themeFontLang)\b[^>]*?w:val="([^"]+)"', z.read(member))
                    assert b"es-ES" not in langs, f"{path.name}: {member}"


def test_title_property_in_english(english):
    doc, en = english["es__docx4j__sample-docx.docx"]
    title = next(b for b in doc.blocks if b.attrs.get("story") == "title")
    assert title.text == "Documento de ejemplo"
    core = zipfile.ZipFile(en).read("docProps/core.xml").decode()
    assert f"<dc:title>{title.target}</dc:title>" in core and "Documento" not in core


def test_footnotes_headers_and_comments_are_english(english):
    doc, en = english["es__d2p__example.docx"]
    back = read_document(en)
    by_story = {}
    for b in back.blocks:
        by_story.setdefault(b.attrs.get("story", "body"), []).append(b.text)
    assert by_story["header"] == ["Text of the headed"] or by_story["header"][0] != "Texto del encabezado"
    assert all("nota" not in t for t in by_story["footnote"] + by_story["endnote"]), by_story
    doc, en = english["es__pydocx__comments-rich-para.docx"]
    comments = [b.text for b in read_document(en).blocks if b.attrs.get("story") == "comment"]
    assert len(comments) == 4 and not any("Texto" in c for c in comments), comments


def test_a_footnotes_mark_keeps_its_space(english):
    doc, en = english["es__d2p__example.docx"]
    notes = etree.fromstring(zipfile.ZipFile(en).read("word/footnotes.xml"))
    texts = ["".join(t.text or "" for t in fn.iter(f"{{{W}}}t")) for fn in notes.iter(f"{{{W}}}footnote")
             if fn.get(f"{{{W}}}type") is None]
    assert texts and all(t.startswith(" ") and not t.startswith("  ") for t in texts), texts


def test_vml_fallback_gets_the_same_english_as_its_drawingml_choice(english):
    seen = 0
    for name, (doc, en) in english.items():
        main = next((b.attrs["part"] for b in doc.blocks if b.attrs.get("story", "body") in ("body", "textbox")), None)
        if main is None:
            continue
        root = _tree(zipfile.ZipFile(en).read(main))
        for alt in root.iter(f"{{{MC}}}AlternateContent"):
            choice, fallback = alt.find(f"{{{MC}}}Choice"), alt.find(f"{{{MC}}}Fallback")
            if choice is None or fallback is None:
                continue

            def box_text(el):
                return [" ".join("".join(t.text or "" for t in p.iter(f"{{{W}}}t")).split())
                        for box in el.iter(f"{{{W}}}txbxContent") for p in box.iter(f"{{{W}}}p")]

            a, b = box_text(choice), box_text(fallback)
            if a and b:
                seen += 1
                assert a == b, name
    assert seen >= 1


def test_strict_open_xml_is_written_back_strict(english):
    doc, en = english["mammoth__strict-format.docx"]
    data = zipfile.ZipFile(en).read("word/document.xml")
    assert W_STRICT.encode() in data and W.encode() not in data
    assert [b.text for b in read_document(en).blocks] == [" ".join(b.target.split()) for b in doc.blocks]


_APERTIUM_DATA = Path("/usr/share/apertium/apertium-eng-spa")
_FUNCTION_TAGS = ("<det>", "<pr>", "<cnjcoo>", "<cnjsub>", "<prn>", "<rel>", "<vbser>", "<vbhaver>")


def _dictionary_english(texts: list[str]) -> list[list[list[str]]]:
    """For each Spanish text, each content word's English candidates from Apertium's
    bilingual dictionary (analysis, tagger, lt-proc -b; no transfer): a word alignment
    that does not come from the translation being checked."""
    d = _APERTIUM_DATA
    script = (f"lt-proc -z '{d}/spa-eng.automorf.bin' | apertium-tagger -z -g '{d}/spa-eng.prob'"
              f" | apertium-pretransfer -z | lt-proc -z -b '{d}/spa-eng.autobil.bin'")
    result = []
    for text in texts:  # one text a run: a URL can stop the tagger's null-flush stream
        line = subprocess.run(["bash", "-c", script], input=" ".join(text.split()) + "\0", capture_output=True,
                              text=True, timeout=60, check=True).stdout
        words = []
        for unit in re.findall(r"\^(.*?)\$", line):
            src, *cands = unit.split("/")
            if any(tag in src for tag in _FUNCTION_TAGS):
                continue
            lemmas = [re.sub(r"<.*", "", c).lstrip("*@#").lower() for c in cands] or [src.lstrip("*").lower()]
            words.append([w for w in lemmas if w])
        result.append(words)
    return result


def _found(candidates: list[str], english_words: list[str]) -> bool:
    for lemma in candidates:
        for part in lemma.split():
            stem = part[: max(3, len(part) - 2)]
            if any(w.startswith(stem) for w in english_words):
                return True
    return False


@pytest.mark.skipif(not _APERTIUM_DATA.exists(), reason="Apertium's eng-spa data is not installed")
def test_bold_italic_and_links_sit_on_the_english_of_their_words(english):
    """Every formatting or link code of the Spanish versions, against a dictionary word
    alignment: the code is on the right words when most of its Spanish content words have
    a dictionary English among the English words under it. The share is printed and must
    stay high."""
    from pipeline.emit.docx_english import block_target

    pairs = []
    for path in SPANISH:
        doc, _ = english[path.name]
        for block in doc.blocks:
            english_text, spans = block_target(block)
            for code in block.spans:
                if code.attrs.get("role") != "pair" or code.attrs.get("label") in ("field", "control"):
                    continue
                got = next((english_text[s.start:s.end] for s in spans if s.attrs["id"] == code.attrs["id"]), "")
                pairs.append((code.text, got))
    aligned = _dictionary_english([src for src, _ in pairs])
    agree = checked = 0
    for (src, got), words in zip(pairs, aligned):
        if not words:
            continue  # a number, a URL, a name: nothing in the dictionary to align
        checked += 1
        under = re.findall(r"[\w$€%]+", got.lower())
        if sum(_found(c, under) for c in words) * 2 >= len(words):
            agree += 1
    share = agree / checked
    print(f"\nformatting codes on the English words a dictionary alignment gives: {agree} of {checked} ({share:.0%})")
    assert checked >= 30 and share >= 0.8


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_english_copies_open_in_libreoffice(english, tmp_path):
    """LibreOffice converts to PDF every English copy whose source it converts (it cannot
    load 2010-mcAlternateContent.docx itself)."""
    sources, copies = tmp_path / "sources", tmp_path / "copies"

    def convert(files, out):
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                       capture_output=True, timeout=600, check=False)
        return {f.name.rsplit(".", 1)[0] for f in out.glob("*.pdf")}

    pairs = {doc.path.stem: en for doc, en in english.values()}
    opened = convert([doc.path for doc, _ in english.values()], sources)
    assert len(opened) >= len(pairs) - 2
    written = convert(list(pairs.values()), copies)
    missing = [stem for stem in opened if pairs[stem].name[: -len(".docx")] not in written]
    assert not missing, missing


def test_a_reviewers_correction_of_a_footnote_reaches_the_english_copy(tmp_path):
    """translate → correct the footnote's row in the bilingual .md → review import →
    translate again: the en.docx footnote holds the reviewer's English, its mark kept."""
    from pipeline.memory import TranslationMemory
    from pipeline.review import import_review
    from pipeline.run import translate_documents

    src = CORPUS / "es__d2p__example.docx"
    memory = tmp_path / "memory.sqlite"
    opts = TranslateOptions(engine="apertium", memory=memory, formats=("md", "en.docx"))
    [result] = translate_documents([src], tmp_path / "out", opts)
    md = result.outputs["md"]
    lines = md.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if "· Footnote 1 |" in line)
    cells = lines[row].split(" | ")
    cells[2] = "First footnote: the market grew by 15% in 2023."
    lines[row] = " | ".join(cells)
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with TranslationMemory(memory) as tm:
        import_review(md, tm)
    [again] = translate_documents([src], tmp_path / "again", opts)
    notes = etree.fromstring(zipfile.ZipFile(again.outputs["en.docx"]).read("word/footnotes.xml"))
    first = next(fn for fn in notes.iter(f"{{{W}}}footnote") if fn.get(f"{{{W}}}type") is None)
    assert "".join(t.text or "" for t in first.iter(f"{{{W}}}t")) == " First footnote: the market grew by 15% in 2023."
    assert first.find(f".//{{{W}}}footnoteRef") is not None


def test_the_english_copy_with_the_argos_engine(argos_packages_dir, tmp_path):
    """The neural engine (the vendored test model): codes are placed back without tags in
    its input; every code of every unit is in the English copy and nothing stays Spanish
    without a flag."""
    from pipeline.run import translate_documents

    src = CORPUS / "es__docx4j__sample-docx.docx"
    [result] = translate_documents([src], tmp_path, TranslateOptions(engine="argos", formats=("en.docx",)))
    assert result.error is None
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(result.outputs["en.docx"]) as b:
        assert _census(a.read("word/document.xml")) == _census(b.read("word/document.xml"))
    back = read_document(result.outputs["en.docx"])
    body = [blk.text for blk in back.blocks if blk.attrs.get("story", "body") == "body"]
    assert not any("inteligencia" in t or "centros de datos" in t for t in body), body


def test_qa_checks_an_english_copy_against_its_source(english, tmp_path):
    from pipeline.qa.docx_copy import check_english_docx

    doc, en = english["es__d2p__example.docx"]
    report = check_english_docx(en, doc.path)
    assert report.segments == len([b for b in doc.blocks if b.translatable])
    assert not [f for f in report.findings if f.flag.check == "copy"]
    # The Spanish itself passed off as the copy: every unit untranslated.
    same = tmp_path / "same.en.docx"
    shutil.copy(doc.path, same)
    untranslated = {f.id for f in check_english_docx(same, doc.path).findings if f.flag.check.startswith("untranslated")}
    assert len(untranslated) >= 12  # the QA check leaves out one- and two-word units (names, "Tabla")
    # A copy that lost a footnote reference and a unit.
    broken = tmp_path / "broken.en.docx"
    with zipfile.ZipFile(en) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = re.sub(rb'<w:footnoteReference w:id="\d+"/>', b"", data, count=1)
            if item.filename == "word/endnotes.xml":
                data = re.sub(rb"<w:t(?: [^>]*)?>[^<]*</w:t>", b"", data)
            dst.writestr(item, data)
    copy_errors = [f.flag.message for f in check_english_docx(broken, doc.path).findings if f.flag.check == "copy"]
    assert any("1 fn" in m for m in copy_errors) and sum("not in the English copy" in m for m in copy_errors) == 2


def test_a_unit_that_cannot_be_written_back_fails_the_file_by_name(english, tmp_path):
    from pipeline.errors import OutputError

    doc, _ = english["es__d2p__example.docx"]
    note = next(b for b in doc.blocks if b.attrs.get("label") == "Footnote 2")
    saved = note.text
    note.text = "Un texto que el documento no tiene."
    try:
        with pytest.raises(OutputError, match="Footnote 2") as info:
            write_english_docx(doc, tmp_path / "x.en.docx")
    finally:
        note.text = saved
    assert "1 unit(s) could not be written back" in str(info.value)
    assert not (tmp_path / "x.en.docx").exists() and not list(tmp_path.iterdir())  # nothing half-written


def test_the_bilingual_docx_shows_the_inline_formatting_in_both_columns(english, tmp_path):
    from pipeline.emit import read_bilingual, write_bilingual_docx
    from pipeline.model import RunInfo

    doc, _ = english["es__docx4j__sample-docx.docx"]
    path = write_bilingual_docx(doc, tmp_path / "x.bilingual.docx", RunInfo(engine="apertium"))
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    bold = re.findall(r"<w:r><w:rPr>(?:<w:rFonts[^>]*/>)?<w:b/>[^<]*(?:<[^t][^>]*>)*<w:t[^>]*>([^<]*)</w:t>", xml)
    seg = next(s for s in doc.segments if s.source == "La inteligencia artificial transforma la economía")
    [code] = [s for s in seg.target_spans if s.attrs["label"] == "bold"]
    assert "transforma la economía" in bold and seg.target[code.start:code.end] in bold
    rows = {r.id: r for r in read_bilingual(path)}
    assert rows[seg.id].target == seg.target  # read back as one text, whatever the runs


def test_argos_puts_a_code_on_the_words_its_attention_aligns(argos_packages_dir, tmp_path):
    """Every preamble paragraph of the UN declaration opens with an italic phrase
    ("Considerando", "Convencida también"…). The test model's English rarely holds what it
    makes of the phrase alone; its attention still finds the words: the italic stays on
    English text in (nearly) every paragraph, and most often on its first words."""
    from pipeline.run import translate_documents

    src = CORPUS / "es__docx4j__toc.docx"
    [result] = translate_documents([src], tmp_path, TranslateOptions(engine="argos", formats=("en.docx",)))
    root = _tree(zipfile.ZipFile(result.outputs["en.docx"]).read("word/document.xml"))
    paragraphs = list(root.iter(f"{{{W}}}p"))[18:32]
    on_text = at_start = 0
    for p in paragraphs:
        runs = [(r.find(f"{{{W}}}rPr/{{{W}}}i") is not None, "".join(t.text or "" for t in r.iter(f"{{{W}}}t")))
                for r in p.iter(f"{{{W}}}r")]
        runs = [(it, text) for it, text in runs if text.strip()]
        if any(it for it, _ in runs):
            on_text += 1
            at_start += any(it for it, _ in runs[:2])
    assert on_text >= 12 and at_start >= 10, (on_text, at_start)


def test_the_command_writes_the_english_copy_and_says_when_it_cannot(tmp_path):
    """es2en translate: report.docx gets build/report.en.docx by default; --format en.docx
    for a Markdown source writes nothing and says so."""
    import sys

    src = tmp_path / "informe.docx"
    shutil.copy(CORPUS / "es__pydocx__comments-rich-para.docx", src)
    md = tmp_path / "nota.md"
    md.write_text("# Nota\n\nLa empresa invirtió en **centros de datos**.\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pipeline", "translate", "--engine", "apertium", "--no-memory", "-q",
           "--out", str(tmp_path / "out")]
    proc = subprocess.run([*cmd, str(src)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "informe.bilingual.docx", "informe.bilingual.md", "informe.en.docx", "informe.en.md"]
    proc = subprocess.run([*cmd, "--format", "en.docx", str(md)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "nothing written" in proc.stderr and ".docx sources only" in proc.stderr
    assert not (tmp_path / "out" / "nota.en.docx").exists()


def test_a_point_inside_a_sentence_follows_the_english_of_its_word():
    """A footnote reference after "datos" lands after "data", wherever the engine puts
    the word (the word is carried as a pair, protect.anchor_points); at a sentence's end it
    stays before the full stop."""
    from pipeline.engines import select_engine
    from pipeline.model import INLINE, Segment, Span

    def seg(text: str, after: str) -> Segment:
        k = text.index(after) + len(after)
        return Segment("d/1/1", text, spans=[Span(k, k, INLINE, "", attrs={
            "id": "1", "role": "isolated", "format": "docx", "native": "", "label": "fn 1"})])

    cases = [seg("La empresa invirtió en centros de datos nuevos y en la nube.", "datos"),
             seg("El informe anual muestra una inversión récord este año.", "informe"),
             seg("La inversión creció un 12 % en 2024.", "2024")]
    engine = select_engine("apertium").engine
    try:
        translate_segments(cases, engine)
    finally:
        engine.close()
    marked = [s.target[: s.target_spans[0].start] + "¹" + s.target[s.target_spans[0].start:] for s in cases]
    assert "data¹" in marked[0] and "report¹" in marked[1] and marked[2].endswith("2024¹."), marked

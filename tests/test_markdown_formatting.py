"""Inline Markdown of a .md source in the bilingual outputs and the review round trip:
the bilingual DOCX shows emphasis, strong, code and links as formatting, review import
reads the formatting back as the same Markdown (unchanged cells byte for byte), a
reviewer's bold in Word or ``**…**`` in the bilingual .md reaches the memory as
Markdown, and en.md keeps every mark on the English words. End to end with the real
CLI, Apertium, python-docx and (where installed) LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from conftest import ROOT, bilingual_table, needs_apertium
from pipeline.emit.bilingual_read import read_bilingual
from pipeline.emit.markdown_runs import MdRun, same_rendering, to_markdown, to_runs
from pipeline.ingest.markdown import inline_spans, read_markdown
from pipeline.memory import TranslationMemory

SOURCE = ROOT / "tests" / "data" / "markdown" / "guia-formato.md"
STEM = SOURCE.stem
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ------------------------------------------------------------ Markdown ↔ runs

@pytest.mark.parametrize("text", [
    "The *artificial intelligence* is **very important** for the company.",
    "Use `pip install es2en` to install, or ``a`b``.",
    "See the [project page](https://example.org/proyecto) and ~~old~~ new.",
    "![Logo of the company](logo.png) The result is 3 * 4 = 12.",
    "The price* is high. *Without taxes.",
    "A footnote[^1] explains it.",
    "x **a** **b** ***c*** d, a**b**c, **bold *both* and**",
    "[a **b** c](https://x.org/a) `code` *x `y` z*",
])
def test_markdown_reads_back_byte_for_byte(text):
    assert to_markdown(to_runs(text)) == text


def test_a_star_that_is_not_markup_is_text():
    for text in ("3 * 4 = 12", "El precio* es alto. *Sin impuestos.", "* nota", "a ** b"):
        runs = to_runs(text)
        assert runs == [MdRun(text)], text


def test_other_spellings_show_the_same():
    assert same_rendering("_x_ and __y__", "*x* and **y**")
    assert same_rendering('[a](https://x.org "title")', "[a](https://x.org)")
    assert not same_rendering("*x*", "**x**")
    assert not same_rendering("[a](https://x.org)", "[a](https://y.org)")


def test_formatting_a_reviewer_gives_words_becomes_markdown():
    # spaces selected with the word go outside the marks; neighbours stay apart
    runs = [MdRun("The "), MdRun("AI ", bold=True), MdRun("is "), MdRun("here", italic=True), MdRun(".")]
    assert to_markdown(runs) == "The **AI** is *here*."
    runs = [MdRun("see "), MdRun("the page", href="https://x.org/p"), MdRun(" and "),
            MdRun("run", code=True, bold=True)]
    assert to_markdown(runs) == "see [the page](https://x.org/p) and **`run`**"
    assert to_runs(to_markdown(runs)) == runs
    for href in ("https://x.org/a b", "https://en.wikipedia.org/wiki/Foo_(bar)", "https://x.org/a)"):
        assert to_runs(to_markdown([MdRun("w", href=href)])) == [MdRun("w", href=href)]


def test_footnote_references_stay_on_their_word():
    spans = inline_spans("Una nota al pie[^1] explica el cálculo.[^2] Y **esto**[^n].")
    feet = [(s.text, s.attrs.get("close"), s.target) for s in spans if s.kind == "footnote"]
    assert feet == [("pie[^1]", "[^1]", None), ("cálculo.[^2]", "[^2]", None), ("[^n]", None, "[^n]")]
    (label,) = inline_spans("[^1]: Esta es la nota de 2024.")
    assert (label.kind, label.target) == ("footnote", "[^1]:")


# ------------------------------------------------------------ end to end

ES2EN = [sys.executable, "-m", "pipeline"]


def es2en(*args, cwd: Path) -> str:
    proc = subprocess.run([*ES2EN, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert proc.returncode == 0, f"es2en {' '.join(map(str, args))}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("mdformat")
    shutil.copy(SOURCE, work / SOURCE.name)
    es2en("translate", SOURCE.name, "--engine", "apertium", "--out", "out", "-q", "--jobs", "1", cwd=work)
    return work


@pytest.fixture
def work(first_run, tmp_path) -> Path:
    dst = tmp_path / "work"
    shutil.copytree(first_run, dst)
    return dst


def _row(document, seg_id):
    return next(r for r in bilingual_table(document).rows if r.cells[0].text.split("\n")[0] == seg_id)


def _text(cell) -> str:
    """All of a cell's text, the link's inside its field too (python-docx's .text skips it)."""
    return "".join(t.text or "" for t in cell._tc.iter(W + "t"))


def _memory(work: Path) -> TranslationMemory:
    return TranslationMemory(work / ".es2en" / "memory.sqlite")


def _written(work: Path) -> dict[str, tuple[str, str]]:
    """id → (Spanish, English) of the bilingual .md: the memory's texts as written."""
    return {r.id: (r.source, r.target) for r in read_bilingual(work / "out" / f"{STEM}.bilingual.md")}


def _segment_with(work: Path, spanish: str) -> str:
    return next(i for i, (es, _) in _written(work).items() if spanish in es)


@needs_apertium
def test_bilingual_docx_shows_marks_as_formatting(first_run):
    document = docx.Document(str(first_run / "out" / f"{STEM}.bilingual.docx"))
    written = _written(first_run)
    seg = _segment_with(first_run, "*inteligencia artificial*")
    for cell in _row(document, seg).cells[1:3]:
        assert "*" not in cell.text and "`" not in cell.text
        runs = cell.paragraphs[0].runs
        assert any(r.italic for r in runs) and any(r.bold for r in runs)
    code = _row(document, seg.rsplit("/", 1)[0] + "/2").cells[2]
    assert "`" not in code.text
    assert any(r.font.name == "Courier New" and "pip install es2en" in r.text for r in code.paragraphs[0].runs)
    link = _row(document, _segment_with(first_run, "[página del proyecto]")).cells[2]
    assert "](" not in _text(link) and "[" not in _text(link) and "page" in _text(link)
    fields = link._tc.findall(f".//{W}fldSimple")
    assert [f.get(W + "instr") for f in fields] == [' HYPERLINK "https://example.org/proyecto" ']
    assert "~~" not in link.text and link._tc.find(f".//{W}strike") is not None
    # the title block shows the first heading's words
    assert document.paragraphs[0].text.strip() and "*" not in document.paragraphs[0].text
    assert "*" not in document.core_properties.title
    # not markup: shown as typed
    assert written[_segment_with(first_run, "3 * 4")][1] in _row(document, _segment_with(first_run, "3 * 4")).cells[2].text


@needs_apertium
def test_unchanged_docx_reads_back_byte_for_byte(first_run):
    written = _written(first_run)
    rows = read_bilingual(first_run / "out" / f"{STEM}.bilingual.docx")
    assert [r.id for r in rows] == list(written)
    for r in rows:
        es, en = written[r.id]
        if "_" in es:  # _x_ shows as *x* does in Word: it reads back in the common spelling,
            # and review import takes the memory's own (test_review_import_of_unchanged_…)
            assert same_rendering(r.source, es) and same_rendering(r.target, en)
            assert r.target == en.replace("_", "*")
        else:
            assert (r.source, r.target) == (es, en)
    assert any("**" in en and "*" in es for es, en in written.values())  # the test has marks to lose


@needs_apertium
def test_review_import_of_unchanged_docx_changes_nothing(work):
    before = [(e.source, e.target, e.status) for e in _memory(work).entries()]
    out = es2en("review", "import", f"out/{STEM}.bilingual.docx", cwd=work)
    assert "0 changed" in out and "0 rejected" in out, out
    assert [(e.source, e.target, e.status) for e in _memory(work).entries()] == before


@needs_apertium
def test_bold_added_in_word_is_stored_as_markdown(work):
    path = work / "out" / f"{STEM}.bilingual.docx"
    seg = _segment_with(work, "*inteligencia artificial*")
    spanish, english = _written(work)[seg]
    document = docx.Document(str(path))
    first = _row(document, seg).cells[2].paragraphs[0].runs[0]
    word = first.text.strip()
    assert word and not first.bold
    first.bold = True  # the reviewer selects the first word (and its space) and presses Ctrl+B
    document.save(str(path))
    out = es2en("review", "import", f"out/{STEM}.bilingual.docx", cwd=work)
    assert "1 changed" in out and "0 rejected" in out, out
    stored = _memory(work).human(spanish).target
    assert stored == f"**{word}**" + english[len(word):]
    # the next run shows it as bold, en.md keeps it as Markdown
    es2en("translate", SOURCE.name, "--engine", "apertium", "--out", "out", "-q", "--jobs", "1", cwd=work)
    cell = _row(docx.Document(str(path)), seg).cells[2]
    assert "*" not in cell.text.split(" ")[0] and cell.paragraphs[0].runs[0].bold
    assert stored in (work / "out" / f"{STEM}.en.md").read_text(encoding="utf-8")


@needs_apertium
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_saved_by_libreoffice_reads_back_the_same(work):
    out_dir = work / "lo"
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(out_dir),
                    str(work / "out" / f"{STEM}.bilingual.docx")], capture_output=True, timeout=180, check=True)
    rows = read_bilingual(out_dir / f"{STEM}.bilingual.docx")
    assert {r.id: (r.source, r.target) for r in rows} == {
        i: (es.replace("_", "*"), en.replace("_", "*")) for i, (es, en) in _written(work).items()}


@needs_apertium
def test_markdown_typed_in_the_bilingual_md_is_read_as_markdown(work):
    path = work / "out" / f"{STEM}.bilingual.md"
    seg = _segment_with(work, "3 * 4")
    spanish, english = _written(work)[seg]
    mine = english.replace("12.", "12 (see **AI** and [the guide](https://example.org/ai)).")
    lines = path.read_text(encoding="utf-8").split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith(f"| {seg} |"))
    lines[k] = lines[k].replace(english, mine)
    path.write_text("\n".join(lines), encoding="utf-8")
    out = es2en("review", "import", f"out/{STEM}.bilingual.md", cwd=work)
    assert "1 changed" in out, out
    assert _memory(work).human(spanish).target == mine  # "3 * 4" untouched, marks kept
    es2en("translate", SOURCE.name, "--engine", "apertium", "--out", "out", "-q", "--jobs", "1", cwd=work)
    cell = _row(docx.Document(str(work / "out" / f"{STEM}.bilingual.docx")), seg).cells[2]
    assert "**" not in _text(cell) and "3 * 4" in _text(cell) and "(see AI and the guide)" in _text(cell)
    assert any(r.bold and r.text == "AI" for r in cell.paragraphs[0].runs)
    assert [f.get(W + "instr") for f in cell._tc.findall(f".//{W}fldSimple")] == [' HYPERLINK "https://example.org/ai" ']
    assert mine in (work / "out" / f"{STEM}.en.md").read_text(encoding="utf-8")


# ------------------------------------------------------------ en.md

def _marks(text: str) -> list[tuple[str, str]]:
    """(kind, what stays untranslated) of each inline mark: destinations, code."""
    out = []
    for s in inline_spans(text):
        if s.kind in ("emphasis", "strong", "strikethrough"):
            out.append((s.kind, ""))
        elif s.kind == "link":
            out.append((s.kind, s.attrs.get("href") or ""))
        elif s.kind == "image":
            out.append((s.kind, s.attrs.get("src") or ""))
        elif s.kind == "code":
            out.append((s.kind, s.text))
        elif s.kind == "footnote":
            out.append((s.kind, s.target or s.attrs["close"]))
    return out


@needs_apertium
def test_en_md_carries_every_mark_to_the_english_words(first_run):
    source = read_markdown(SOURCE, STEM)
    english = read_markdown(first_run / "out" / f"{STEM}.en.md", STEM)
    es_blocks = [b for b in source.blocks if b.text and b.kind.name in ("HEADING", "PARAGRAPH", "LIST_ITEM")]
    en_blocks = [b for b in english.blocks if b.text and b.kind.name in ("HEADING", "PARAGRAPH", "LIST_ITEM")]
    assert len(es_blocks) == len(en_blocks)
    total = references = 0
    for es, en in zip(es_blocks, en_blocks):
        assert _marks(en.text) == _marks(es.text), (es.text, en.text)
        total += len(_marks(es.text))
        # the inner words of each paired mark are English: not the Spanish copied
        es_inner = [es.text[s.start + len(s.attrs["open"]):s.end - len(s.attrs["close"])]
                    for s in es.spans if s.paired]
        en_inner = [en.text[s.start + len(s.attrs["open"]):s.end - len(s.attrs["close"])]
                    for s in en.spans if s.paired]
        for a, b in zip(es_inner, en_inner):
            assert b.strip() and (a != b or a.isascii() and len(a.split()) == 1), (a, b)
        # a footnote reference stays on the word before it
        if "[^1]" in es.text[1:]:
            references += 1
            assert "[^1]" in en.text[1:], en.text
            assert en.text[en.text.index("[^1]", 1) - 1].isalpha(), en.text
        elif es.text.startswith("[^1]:"):
            assert en.text.startswith("[^1]: "), en.text
        if "precio*" in es.text:  # asterisks that are not markup: all still there
            assert en.text.count("*") == es.text.count("*") == 2, en.text
    assert total == 12 and references == 1
    text = (first_run / "out" / f"{STEM}.en.md").read_text(encoding="utf-8")
    assert "\n[^1]: " in text and "3 * 4 = 12" in text


@needs_apertium
def test_links_and_code_a_reviewer_makes_in_word_are_stored_as_markdown(work):
    """Word's Insert Link (a w:hyperlink with its relationship), a link Word wrote as a
    complex HYPERLINK field, and a run set in Consolas."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    path = work / "out" / f"{STEM}.bilingual.docx"
    seg = _segment_with(work, "3 * 4")
    spanish, english = _written(work)[seg]
    document = docx.Document(str(path))
    p = _row(document, seg).cells[2].paragraphs[0]
    rid = document.part.relate_to("https://example.org/word", RT.HYPERLINK, is_external=True)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    for xml in (f'<w:r {ns}><w:t xml:space="preserve"> See </w:t></w:r>',
                f'<w:hyperlink {ns} r:id="{rid}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
                f'<w:t>this page</w:t></w:r></w:hyperlink>',
                f'<w:r {ns}><w:t xml:space="preserve">, </w:t></w:r>',
                f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {ns}><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/field" </w:instrText></w:r>',
                f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {ns}><w:t>that one</w:t></w:r>',
                f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
                f'<w:r {ns}><w:t xml:space="preserve"> and </w:t></w:r>',
                f'<w:r {ns}><w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/></w:rPr><w:t>make</w:t></w:r>',
                f'<w:r {ns}><w:t>.</w:t></w:r>'):
        p._p.append(parse_xml(xml))
    document.save(str(path))
    out = es2en("review", "import", f"out/{STEM}.bilingual.docx", cwd=work)
    assert "1 changed" in out and "0 rejected" in out, out
    assert _memory(work).human(spanish).target == (
        english + " See [this page](https://example.org/word), [that one](https://example.org/field) and `make`.")


def test_footnote_reference_is_never_lost_by_argos(tmp_path, argos_packages_dir):
    """The test model rarely renders the word a reference sits on the same way alone
    and in the sentence: the reference is then put on the sentence's last word, flagged."""
    src = tmp_path / "nota.md"
    src.write_text("Una nota al pie[^1] explica el cálculo.\n\nOtra nota[^2] aquí.\n\n[^1]: La nota.\n\n"
                   "[^2]: La otra.\n", encoding="utf-8")
    proc = subprocess.run([*ES2EN, "translate", str(src), "--engine", "argos", "--no-memory", "-q", "--jobs", "1",
                           "--out", str(tmp_path / "out"), "--format", "en.md", "--format", "md"],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR": str(argos_packages_dir)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # a footnote's text may read back as a link reference definition ("[^2]: another."):
    # the lines of en.md, not its blocks
    text = (tmp_path / "out" / "nota.en.md").read_text(encoding="utf-8")
    texts = [p for p in text.split("\n\n") if p.strip() and not p.startswith("<!--")]
    assert len(texts) == 4, texts
    for ref, text in zip(("[^1]", "[^2]"), texts):
        assert text.count(ref) == 1 and text[text.index(ref) - 1].isalpha(), text
    assert texts[2].startswith("[^1]:") and texts[3].startswith("[^2]:")
    bilingual = (tmp_path / "out" / "nota.bilingual.md").read_text(encoding="utf-8")
    placed_late = bilingual.count("could not be placed: given at the sentence's end")
    on_word = sum(1 for ref, t in zip(("[^1]", "[^2]"), texts) if not t.rstrip(".").endswith(ref))
    assert placed_late + on_word >= 2  # each either on a word inside or flagged at the end


@needs_apertium
def test_review_diff_of_an_unchanged_docx_lists_no_change(work):
    proc = subprocess.run([*ES2EN, "review", "diff", f"out/{STEM}.bilingual.docx"], capture_output=True, text=True,
                          cwd=work, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "not imported" not in proc.stdout and "{+" not in proc.stdout, proc.stdout


def test_a_link_with_quotes_and_backslashes_reads_back(tmp_path):
    """Through the real writer and reader: a HYPERLINK field's quoted destination."""
    from pipeline.model import Block, BlockKind, Document, RunInfo, Segment
    from pipeline.emit.docx_bilingual import write_bilingual_docx

    text = 'See [the "odd" one](https://x.org/a\\\\b"c) and **bold** `code`.'
    block = Block(BlockKind.PARAGRAPH, text)
    block.segments = [Segment(id="d/1/1", source=text, target=text)]
    doc = Document(path=tmp_path / "d.md", id="d", format="md", blocks=[block])
    path = write_bilingual_docx(doc, tmp_path / "d.bilingual.docx", RunInfo(engine="apertium"))
    (row,) = read_bilingual(path)
    assert any(r.href and '"' in r.href and "\\" in r.href for r in to_runs(text))
    assert to_runs(row.target) == to_runs(text) and row.markdown

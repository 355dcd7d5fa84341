"""Review round trip, end to end with the real CLI and Apertium: translate the seed,
correct English cells in the bilingual DOCX (python-docx) or Markdown, import them,
translate again — the corrections are in every new output and in the memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, bilingual_table, needs_apertium

pytestmark = needs_apertium

ES2EN = [sys.executable, "-m", "pipeline"]
STEM = SEED.stem
HEADING_ID = f"{STEM}/2/1"  # "Conclusiones Clave"
PARA_ID = f"{STEM}/4/2"  # "La alianza, valorada en $38,000 millones de dólares, …"
EDIT_HEADING = "Key Takeaways"
EDIT_PARA = ("The alliance, valued at US$38 billion, gives OpenAI seven years of access to Amazon's "
             "computing and storage infrastructure to sustain the growth of its AI models.")


def es2en(*args, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([*ES2EN, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"es2en {' '.join(map(str, args))}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Path:
    """A working directory after `es2en translate seeds/… --engine apertium`."""
    work = tmp_path_factory.mktemp("review")
    (work / "seeds").mkdir()
    shutil.copy(SEED, work / "seeds" / SEED.name)
    es2en("translate", f"seeds/{SEED.name}", "--engine", "apertium", "--out", "out", "-q", cwd=work)
    assert (work / ".es2en" / "memory.sqlite").exists()
    return work


@pytest.fixture
def work(first_run, tmp_path) -> Path:
    dst = tmp_path / "work"
    shutil.copytree(first_run, dst)
    return dst


# ------------------------------------------------------------------ helpers

def docx_row(document, seg_id):
    for row in bilingual_table(document).rows:
        if row.cells[0].text == seg_id:
            return row
    raise AssertionError(f"no row {seg_id}")


def set_cell(cell, text: str) -> None:
    """Replace a cell's text the way a reviewer typing over it would: the first run keeps
    its formatting."""
    para = cell.paragraphs[0]
    para.runs[0].text = text
    for run in para.runs[1:]:
        run._r.getparent().remove(run._r)
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)


def edit_docx(path: Path, edits: dict[str, str], column: int = 2) -> None:
    import docx

    document = docx.Document(str(path))
    for seg_id, text in edits.items():
        set_cell(docx_row(document, seg_id).cells[column], text)
    document.save(str(path))


def edit_markdown(path: Path, edits: dict[str, str], column: int = 2) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        seg_id = cells[0].strip("*") if cells else ""
        if seg_id in edits:
            bold = cells[column].startswith("**")
            cells[column] = f"**{edits[seg_id]}**" if bold else edits[seg_id]
            lines[n] = "| " + " | ".join(cells) + " |"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def english_of(path: Path) -> dict[str, str]:
    from pipeline.emit.bilingual_read import read_bilingual

    return {r.id: r.target for r in read_bilingual(path)}


def memory(work: Path):
    from pipeline.memory import TranslationMemory

    return TranslationMemory(work / ".es2en" / "memory.sqlite")


def assert_in_all_outputs(work: Path, edits: dict[str, str]) -> None:
    out = work / "out"
    for name in (f"{STEM}.bilingual.docx", f"{STEM}.bilingual.md"):
        english = english_of(out / name)
        for seg_id, text in edits.items():
            assert english[seg_id] == text, name
    en_md = (out / f"{STEM}.en.md").read_text(encoding="utf-8")
    for text in edits.values():
        assert text in en_md


# ---------------------------------------------------------- the round trips

@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_round_trip(work, fmt):
    """Done-when of issue 6, through the DOCX and through the Markdown table."""
    edits = {HEADING_ID: EDIT_HEADING, PARA_ID: EDIT_PARA}
    reviewed = work / f"{STEM}.reviewed.bilingual.{fmt}"
    shutil.copy(work / "out" / f"{STEM}.bilingual.{fmt}", reviewed)
    (edit_docx if fmt == "docx" else edit_markdown)(reviewed, edits)

    proc = es2en("review", "import", reviewed.name, cwd=work)
    assert "2 changed" in proc.stdout and "0 rejected" in proc.stdout, proc.stdout
    assert EDIT_PARA in proc.stdout

    proc = es2en("translate", f"seeds/{SEED.name}", "--engine", "apertium", "--out", "out", "-q", cwd=work)
    assert "from the translation memory" in proc.stderr
    assert_in_all_outputs(work, edits)
    # the English-only Markdown takes its title from the reviewed heading
    assert (work / "out" / f"{STEM}.en.md").read_text(encoding="utf-8").count(f"# {EDIT_HEADING}") == 1

    listed = es2en("memory", "list", "--status", "reviewed", cwd=work).stdout
    assert EDIT_HEADING in listed and EDIT_PARA in listed
    with memory(work) as mem:
        rows = list(mem.entries(status="reviewed"))
        assert sorted(r.target for r in rows) == sorted(edits.values())
        assert all(r.reviewer.endswith(reviewed.name) for r in rows)
        # the machine English is kept beside the correction
        assert all(r.previous and r.previous != r.target for r in rows)

    diff = es2en("review", "diff", reviewed.name, cwd=work).stdout
    assert f"{PARA_ID}  reviewed" in diff and "[-conclusions-] {+Takeaways+}" in diff
    assert "2 with reviewed English" in diff

    # importing the same file again changes nothing
    again = es2en("review", "import", reviewed.name, cwd=work).stdout
    assert "0 changed" in again


def test_reviewed_english_is_used_with_another_engine_setting(work):
    """Reviewed rows are used whatever the engine key (here: another glossary set)."""
    reviewed = work / "r.bilingual.md"
    shutil.copy(work / "out" / f"{STEM}.bilingual.md", reviewed)
    edit_markdown(reviewed, {PARA_ID: EDIT_PARA})
    es2en("review", "import", reviewed, cwd=work)
    es2en("translate", f"seeds/{SEED.name}", "--engine", "apertium", "--no-glossary", "--out", "out2", "-q",
          cwd=work)
    assert english_of(work / "out2" / f"{STEM}.bilingual.md")[PARA_ID] == EDIT_PARA
    # and --no-memory neither reads nor writes it
    es2en("translate", f"seeds/{SEED.name}", "--engine", "apertium", "--no-memory", "--out", "out3", "-q", cwd=work)
    assert english_of(work / "out3" / f"{STEM}.bilingual.md")[PARA_ID] != EDIT_PARA


# ------------------------------------------------------ what is refused, and how

def test_changed_spanish_cell_is_rejected(work):
    reviewed = work / "r.bilingual.md"
    shutil.copy(work / "out" / f"{STEM}.bilingual.md", reviewed)
    edit_markdown(reviewed, {PARA_ID: "La alianza cambió."}, column=1)
    edit_markdown(reviewed, {PARA_ID: EDIT_PARA, HEADING_ID: EDIT_HEADING})
    proc = es2en("review", "import", reviewed, cwd=work, check=False)
    assert proc.returncode == 1
    assert "1 changed" in proc.stdout and "1 rejected" in proc.stdout
    assert f"rejected  {PARA_ID}" in proc.stdout and "Spanish cell changed" in proc.stdout
    assert EDIT_PARA in proc.stdout  # the English that was not imported is shown, not lost
    with memory(work) as mem:
        assert [e.target for e in mem.entries(status="reviewed")] == [EDIT_HEADING]


def test_docx_tracked_changes_comments_paragraphs(work):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = work / "r.bilingual.docx"
    shutil.copy(work / "out" / f"{STEM}.bilingual.docx", path)
    document = docx.Document(str(path))
    # 1. a tracked change: "Key conclusions" → "Key findings" with Track Changes on
    para = docx_row(document, HEADING_ID).cells[2].paragraphs[0]
    run = para.runs[0]._r
    run.find(qn("w:t")).text = "Key "
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "901")
    deleted.set(qn("w:author"), "Reviewer")
    old = OxmlElement("w:r")
    old_text = OxmlElement("w:delText")
    old_text.text = "conclusions"
    old.append(old_text)
    deleted.append(old)
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "902")
    inserted.set(qn("w:author"), "Reviewer")
    new = OxmlElement("w:r")
    new_text = OxmlElement("w:t")
    new_text.text = "findings"
    new.append(new_text)
    inserted.append(new)
    run.addnext(deleted)
    deleted.addnext(inserted)
    # 2. a comment on another row
    comment_row = docx_row(document, f"{STEM}/3/1")
    document.add_comment(comment_row.cells[2].paragraphs[0].runs, text="“seal” → “forge”?", author="Editor")
    # 3. two paragraphs typed into one English cell
    cell = docx_row(document, PARA_ID).cells[2]
    set_cell(cell, "The alliance is valued at US$38 billion.")
    cell.add_paragraph("It gives OpenAI seven years of access to AWS.")
    document.save(str(path))

    proc = es2en("review", "import", path, cwd=work)
    out = proc.stdout
    assert "2 changed" in out and "0 rejected" in out, out
    assert "tracked changes read as accepted" in out
    assert "several paragraphs in the English cell joined" in out
    assert f"comment on {STEM}/3/1 by Editor" in out and "forge" in out and "not imported" in out
    with memory(work) as mem:
        assert mem.human("Conclusiones Clave").target == "Key findings"
        para_source = next(o.source for o in mem.occurrences(f"{STEM}/") if o.seg_id == PARA_ID)
        assert mem.human(para_source).target == ("The alliance is valued at US$38 billion. "
                                                  "It gives OpenAI seven years of access to AWS.")


def test_docx_merged_cells_are_rejected_with_their_text(work):
    import docx

    path = work / "r.bilingual.docx"
    shutil.copy(work / "out" / f"{STEM}.bilingual.docx", path)
    document = docx.Document(str(path))
    a, b = docx_row(document, f"{STEM}/5/1"), docx_row(document, f"{STEM}/5/2")
    merged = a.cells[2].merge(b.cells[2])
    set_cell(merged, "Both sentences, rewritten as one.")
    document.save(str(path))
    proc = es2en("review", "import", path, cwd=work, check=False)
    assert proc.returncode == 1
    assert "merged vertically" in proc.stdout
    assert "Both sentences, rewritten as one." in proc.stdout
    with memory(work) as mem:
        assert list(mem.entries(status="human")) == []


def test_markdown_split_deleted_and_duplicated_rows(work):
    path = work / "r.bilingual.md"
    shutil.copy(work / "out" / f"{STEM}.bilingual.md", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith(f"| {STEM}/7/1 |"):
            continue  # deleted row
        out.append(line)
        if line.startswith(f"| {STEM}/9/1 |"):
            extra = " |" * (line.count(" | ") - 2)  # a QA column too, when the file has one
            out.append("|  | (segunda mitad) | (second half, split by hand) |" + extra)  # split row
        if line.startswith(f"| {STEM}/10/1 |"):
            cells = line.split(" | ")
            cells[2] = "For OpenAI, the priority is enough capacity."
            out.append(" | ".join(cells))  # the same id twice, different English
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    proc = es2en("review", "import", path, cwd=work, check=False)
    assert proc.returncode == 1
    text = proc.stdout
    assert "row has no segment id" in text and "second half, split by hand" in text
    assert f"segment id {STEM}/10/1 is in 2 rows" in text
    assert f"not in this file (rows deleted?); nothing imported for them: {STEM}/7/1" in text
    assert "0 changed" in text


def test_stale_review_file_does_not_undo_a_newer_review(work):
    """Two reviewers get the same file; the second import wins; importing the first file
    again is refused as stale rather than undoing the second correction."""
    first = work / "first.bilingual.md"
    second = work / "second.bilingual.md"
    for path, text in ((first, "First correction."), (second, "Second correction.")):
        shutil.copy(work / "out" / f"{STEM}.bilingual.md", path)
        edit_markdown(path, {PARA_ID: text})
    assert "1 changed" in es2en("review", "import", first, cwd=work).stdout
    assert "1 changed" in es2en("review", "import", second, cwd=work).stdout
    proc = es2en("review", "import", first, cwd=work, check=False)
    assert proc.returncode == 1 and "stale" in proc.stdout and "Second correction." in proc.stdout
    with memory(work) as mem:
        source = mem.occurrence(PARA_ID).source
        assert mem.human(source).target == "Second correction."
        assert mem.human(source).previous == "First correction."
        assert [h[0] for h in mem.history(source)] == ["First correction.", "Second correction."]

    # A file written before the reviews, untouched, is not a correction either: its
    # machine English is "unchanged", and the import says the memory has newer English.
    proc = es2en("review", "import", work / "out" / f"{STEM}.bilingual.md", cwd=work)
    assert "0 changed" in proc.stdout and "0 rejected" in proc.stdout
    assert "newer reviewed English: “Second correction.” (kept)" in proc.stdout
    # After a new run has written the second correction, the first file is still stale.
    es2en("translate", f"seeds/{SEED.name}", "--engine", "apertium", "--out", "out", "-q", cwd=work)
    assert english_of(work / "out" / f"{STEM}.bilingual.md")[PARA_ID] == "Second correction."
    proc = es2en("review", "import", first, cwd=work, check=False)
    assert proc.returncode == 1 and "stale" in proc.stdout


def test_dry_run_and_unknown_memory(work):
    path = work / "r.bilingual.docx"
    shutil.copy(work / "out" / f"{STEM}.bilingual.docx", path)
    edit_docx(path, {PARA_ID: EDIT_PARA})
    proc = es2en("review", "import", "--dry-run", path, cwd=work)
    assert "1 changed (would be stored" in proc.stdout
    with memory(work) as mem:
        assert list(mem.entries(status="human")) == []
    proc = es2en("review", "import", path, "--memory", "other.sqlite", cwd=work, check=False)
    assert proc.returncode == 2 and "no translation memory here" in proc.stderr
    # an empty memory knows none of the segments: all rejected, with the hint
    from pipeline.memory import TranslationMemory

    TranslationMemory(work / "empty.sqlite").close()
    proc = es2en("review", "import", path, "--memory", "empty.sqlite", cwd=work, check=False)
    assert proc.returncode == 1 and "segment not in this translation memory" in proc.stdout


def test_not_a_bilingual_file(work):
    (work / "notes.md").write_text("# Just notes\n\nNo table here.\n", encoding="utf-8")
    proc = es2en("review", "import", "notes.md", cwd=work, check=False)
    assert proc.returncode == 2 and "no es2en bilingual table" in proc.stderr

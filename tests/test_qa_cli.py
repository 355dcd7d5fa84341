"""``es2en qa`` on the seed's real bilingual outputs (Apertium), untouched and hand-edited,
and the QA stage inside ``es2en translate``."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.emit.bilingual_read import read_bilingual

from conftest import SEED, needs_apertium

pytestmark = needs_apertium


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("qa_seed")
    src = out / "seeds"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    result = CliRunner().invoke(main, ["translate", str(src), "--out", str(out / "build"), "--engine", "apertium",
                                       "--no-memory", "-q"])
    assert result.exit_code == 0, result.output
    stem = SEED.stem
    return out / "build" / f"{stem}.bilingual.docx", out / "build" / f"{stem}.bilingual.md"


def qa(*args):
    return CliRunner().invoke(main, ["qa", *map(str, args)])


@pytest.mark.parametrize("which", [0, 1], ids=["docx", "md"])
def test_untouched_seed_passes(seed_outputs, which):
    result = qa("--fail-on", "error", seed_outputs[which])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def edit_markdown(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    assert text.count("$38 billion") == 1
    edited = tmp_path / path.name
    edited.write_text(text.replace("$38 billion", "$83 billion"), encoding="utf-8")
    return edited


def edit_docx(path, tmp_path):
    import docx

    document = docx.Document(str(path))
    changed = 0
    for table in document.tables:
        for row in table.rows:
            cell = row.cells[2] if len(row.cells) > 2 else None
            if cell is None:
                continue
            for para in cell.paragraphs:
                if "$38 billion" in para.text:
                    runs = [r for r in para.runs if "$38 billion" in r.text]
                    if runs:
                        runs[0].text = runs[0].text.replace("$38 billion", "$83 billion")
                    else:
                        para.text = para.text.replace("$38 billion", "$83 billion")
                    changed += 1
    assert changed == 1
    edited = tmp_path / path.name
    document.save(str(edited))
    return edited


@pytest.mark.parametrize("which,edit", [(0, edit_docx), (1, edit_markdown)], ids=["docx", "md"])
def test_changed_amount_fails(seed_outputs, which, edit, tmp_path):
    edited = edit(seed_outputs[which], tmp_path)
    assert any("$83 billion" in r.target for r in read_bilingual(edited))
    result = qa("--fail-on", "error", edited)
    assert result.exit_code == 1, result.output
    assert "numbers.missing" in result.output and "$83 billion" in result.output
    assert qa("--fail-on", "never", edited).exit_code == 0


def test_json_report(seed_outputs, tmp_path):
    edited = edit_markdown(seed_outputs[1], tmp_path)
    result = qa("--format", "json", edited)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["errors"] == 1 and data["segments"] == 15
    finding = data["findings"][0]
    assert finding["check"] == "numbers.missing" and finding["severity"] == "error"
    assert finding["id"].endswith("/4/2") and finding["where"].startswith("line ")


def test_fail_on_warning(seed_outputs, tmp_path):
    text = seed_outputs[1].read_text(encoding="utf-8").replace("with a record investment", "with a record  investment")
    text = text.replace("With a record investment", "With a record  investment")
    edited = tmp_path / "spaces.bilingual.md"
    edited.write_text(text, encoding="utf-8")
    assert qa("--fail-on", "error", edited).exit_code == 0
    result = qa("--fail-on", "warning", edited)
    assert result.exit_code == 1 and "form.spaces" in result.output


def test_unreadable_file_exits_2(tmp_path):
    bad = tmp_path / "x.bilingual.docx"
    bad.write_bytes(b"not a zip")
    result = qa(bad)
    assert result.exit_code == 2
    assert qa(tmp_path / "missing.bilingual.md").exit_code == 2


def test_glossary_term_removed_is_an_error(seed_outputs, tmp_path):
    text = seed_outputs[1].read_text(encoding="utf-8")
    assert "data centers" in text
    edited = tmp_path / "terms.bilingual.md"
    edited.write_text(text.replace("data centers", "centers of data"), encoding="utf-8")
    result = qa(edited)
    assert result.exit_code == 1 and "terms.missing" in result.output
    assert qa("--no-glossary", edited).exit_code == 0


def test_translate_runs_the_qa_stage(seed_outputs):
    # the run saw Apertium's unknown word (equivaler) and shows it in the QA column
    rows = read_bilingual(seed_outputs[1])
    flagged = [r for r in rows if "untranslated.unknown" in r.qa]
    assert flagged and all("warning" in r.qa for r in flagged)
    text = seed_outputs[1].read_text(encoding="utf-8")
    assert "| untranslated.unknown |" in text  # the summary table
    docx_rows = read_bilingual(seed_outputs[0])
    assert any("untranslated.unknown" in r.qa for r in docx_rows)


@pytest.mark.parametrize("suffix", ["md", "docx"])
def test_untouched_file_reports_every_finding_of_its_qa_column(tmp_path, suffix):
    """`es2en qa` on a file nobody edited finds at least what its QA column says: the QA
    checks again, and the translation stages' findings (here: an ambiguous number,
    which only the run could see) read back from the column, marked as such."""
    src = tmp_path / "cifras.txt"
    src.write_text("Se vendieron 4.022 unidades.\n\nDijo «una inversión» ayer.\n\nEs (muy) importante.\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["translate", str(src), "--out", str(out), "--engine", "apertium",
                                       "--no-memory", "-q", "--format", suffix])
    assert result.exit_code == 0, result.output
    path = out / f"cifras.bilingual.{suffix}"
    column = {(r.id, line) for r in read_bilingual(path) for line in r.qa.splitlines() if line.strip()}
    assert any(": numbers: " in line for _, line in column)  # the stage's flag is there to lose
    result = qa("--format", "json", path)
    report = json.loads(result.output)
    found = {(f["id"], f"{f['severity']}: {f['check']}: {f['message']}") for f in report["findings"]}
    assert column <= found, column - found
    assert all(f.get("from_file") for f in report["findings"] if f["check"] == "numbers")
    text = qa(path).output
    assert "from the file's QA column" in text

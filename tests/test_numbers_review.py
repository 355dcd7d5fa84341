"""Review safety for numbers (issue 14, item 13), with the real CLI and Apertium:

- `es2en review import` warns, per row and in its summary, when the reviewer's English
  changes a value or loses one (the numbers and terms checks of `es2en qa`), and still
  stores the row (the reviewer may be right; the warning says where to look);
- `es2en translate` reports each file's QA errors and warnings on its summary line, and
  `--fail-on error|warning` turns them into exit status 1 for scripts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, needs_apertium

pytestmark = needs_apertium

ES2EN = [sys.executable, "-m", "pipeline"]
PARA_ID = f"{SEED.stem}/4/2"  # "La alianza, valorada en $38,000 millones de dólares, …"


def es2en(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*ES2EN, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("numbers_review")
    (work / "seeds").mkdir()
    shutil.copy(SEED, work / "seeds" / SEED.name)
    proc = es2en("translate", f"seeds/{SEED.name}", "--engine", "apertium", "--out", "out", "-q", cwd=work)
    assert proc.returncode == 0, proc.stderr
    work.joinpath("summary.txt").write_text(proc.stdout, encoding="utf-8")
    return work


def edit_markdown(path: Path, seg_id: str, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if cells and cells[0].strip("*") == seg_id:
            cells[2] = text
            lines[n] = "| " + " | ".join(cells) + " |"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_translate_summary_counts_qa_findings(work):
    line = next(l for l in work.joinpath("summary.txt").read_text(encoding="utf-8").splitlines() if "segments," in l)
    assert "QA: " in line and " error" in line and " warning" in line, line


def test_fail_on_makes_translate_exit_nonzero(work, tmp_path):
    src = tmp_path / "cifra.txt"
    # "entre 2 y 3 millones" and a lone three-digit group of unknown convention: a warning at least
    src.write_text("La empresa invertirá $1,875 millones en la planta.\n", encoding="utf-8")
    ok = es2en("translate", src, "--engine", "apertium", "--no-memory", "--out", tmp_path / "o1", "-q", cwd=work)
    assert ok.returncode == 0, ok.stderr
    assert "warning" in ok.stdout
    strict = es2en("translate", src, "--engine", "apertium", "--no-memory", "--out", tmp_path / "o2", "-q",
                   "--fail-on", "warning", cwd=work)
    assert strict.returncode == 1 and "--fail-on warning" in strict.stderr, (strict.stdout, strict.stderr)
    assert (tmp_path / "o2" / "cifra.bilingual.md").exists()  # the outputs are written all the same


def test_review_import_warns_when_a_value_changes(work):
    reviewed = work / "r.bilingual.md"
    shutil.copy(work / "out" / f"{SEED.stem}.bilingual.md", reviewed)
    edit_markdown(reviewed, PARA_ID, "The alliance, valued at $83 billion, gives OpenAI seven years of access to "
                                     "Amazon's computing and storage infrastructure.")
    proc = es2en("review", "import", reviewed.name, cwd=work)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "1 changed" in out
    assert "warning: 1 changed row(s) whose English changes a value" in out, out
    row = out[out.index(f"changed   {PARA_ID}"):]
    assert "warning: numbers.missing" in row and "$38 billion" in row, out


def test_review_import_is_quiet_when_the_values_stay(work):
    from pipeline.emit.bilingual_read import read_bilingual

    reviewed = work / "ok.bilingual.md"
    shutil.copy(work / "out" / f"{SEED.stem}.bilingual.md", reviewed)
    machine = next(r.target for r in read_bilingual(reviewed) if r.id == PARA_ID)
    assert "$38 billion" in machine
    # a wording change that keeps every value and term
    edited = machine.rstrip(".") + " (as reported)."
    assert edited != machine
    edit_markdown(reviewed, PARA_ID, edited)
    proc = es2en("review", "import", reviewed.name, cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert "1 changed" in proc.stdout and "warning" not in proc.stdout, proc.stdout

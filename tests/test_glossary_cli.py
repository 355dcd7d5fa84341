"""The `glossary` click group: CliRunner for behaviour, one real subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.glossary import read_glossary_file
from pipeline.glossary.cli import glossary

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "openai-aws-alliance.txt"


@pytest.fixture
def gdir(tmp_path, monkeypatch):
    """A working directory with its own glossaries/ (copies of the shipped files)."""
    d = tmp_path / "glossaries"
    shutil.copytree(ROOT / "glossaries", d)
    monkeypatch.chdir(tmp_path)
    return d


def run(*args):
    return CliRunner().invoke(glossary, [str(a) for a in args], catch_exceptions=False)


def test_list_and_search(gdir):
    r = run("list", "--search", "centro de datos", "--forms")
    assert r.exit_code == 0
    es, en, where, forms = r.stdout.splitlines()[0].split("\t")
    assert (es, en) == ("centro de datos", "data center") and where.startswith(f"{gdir / 'general.tsv'}:")
    assert "centros de datos" in r.stdout
    assert "fingerprint" in r.stderr


def test_add_keeps_sorted_refuses_duplicates_warns_on_conflicts(gdir):
    f = gdir / "general.tsv"
    r = run("add", "centro de cómputo", "computing center", "--file", f, "--domain", "technology")
    assert r.exit_code == 0, r.output
    gf = read_glossary_file(f)
    names = [e.es for e in gf.entries]
    assert "centro de cómputo" in names
    from pipeline.glossary.entry import sort_key

    assert [sort_key(n) for n in names] == sorted(sort_key(n) for n in names)
    before = f.read_bytes()
    r = run("add", "centro de datos", "data center", "-f", f)  # already shipped: fine, nothing changes
    assert r.exit_code == 0 and "nothing changed" in r.stdout and f"{f}:" in r.stdout
    r = run("add", "Centro de datos", "data centre", "-f", f)
    assert r.exit_code != 0 and "remove it first" in r.stderr
    assert f.read_bytes() == before
    r = run("add", "Nvidia", "NVIDIA Corp.", "-f", gdir / "extra.tsv")
    assert r.exit_code == 2 and "--create" in r.stderr and not (gdir / "extra.tsv").exists()
    r = run("add", "Nvidia", "NVIDIA Corp.", "-f", gdir / "extra.tsv", "--create")
    assert r.exit_code == 0
    assert "warning:" in r.stderr and "names.tsv" in r.stderr and "conflicts" in r.stderr
    assert (gdir / "extra.tsv").read_text(encoding="utf-8") == "es\ten\nNvidia\tNVIDIA Corp.\n"


def test_add_rejects_bad_input(gdir):
    r = run("add", "x", "  ", "-f", gdir / "general.tsv")
    assert r.exit_code == 2 and r.stderr.strip() == "es2en: error: empty 'en' field"
    r = run("add", "x", "y", "-f", gdir / "general.tsv", "--pos", "nounn")
    assert r.exit_code == 2 and "unknown --pos" in r.stderr
    r = run("add", "x", "y", "-f", gdir / "g.csv")
    assert r.exit_code == 2 and "TSV files only" in r.stderr


def test_remove(gdir):
    f = gdir / "general.tsv"
    n = len(read_glossary_file(f).entries)
    r = run("remove", "Nube", "-f", f)
    assert r.exit_code == 0 and "nube → cloud" in r.stdout
    assert len(read_glossary_file(f).entries) == n - 1
    r = run("remove", "nube", "-f", f)
    assert r.exit_code == 2 and r.stderr.strip() == f"es2en: error: {f}: no entry for 'nube'"


def test_lint_exit_codes_and_messages(gdir, tmp_path):
    r = run("lint")
    assert r.exit_code == 0 and "0 errors, 0 warnings" in r.stderr
    bad = tmp_path / "bad.tsv"
    bad.write_text("es\ten\nnube\tcloud\nroto\t\nnube \tcloud\n", encoding="utf-8")
    r = run("lint", bad)
    assert r.exit_code == 1
    assert f"{bad}:3: error: format: empty 'en' field" in r.stdout.splitlines()
    warn = tmp_path / "warn.tsv"
    warn.write_text("es\ten\nnube\tcloud\nnube\tcloud\n", encoding="utf-8")
    assert run("lint", warn).exit_code == 0
    assert run("lint", warn, "--strict").exit_code == 1
    r = run("lint", gdir / "names.tsv", "--against", SEED)
    assert "'Jensen Huang' never matched" in r.stdout and "'OpenAI' never matched" not in r.stdout


def test_import_export_round_trip(gdir, tmp_path):
    src = gdir / "general.tsv"
    for dest, extra in ((tmp_path / "g.tbx", ["--tbx-version", "2"]), (tmp_path / "g3.tbx", ["--tbx-version", "3"]),
                        (tmp_path / "g.csv", [])):
        r = run("export", dest, "-g", src, *extra)
        assert r.exit_code == 0, r.output
        back = tmp_path / f"back-{dest.name}.tsv"
        r = run("import", dest, back)
        assert r.exit_code == 0, r.output
        assert back.read_bytes() == src.read_bytes()
    assert b"urn:iso:std:iso:30042:ed-2" in (tmp_path / "g3.tbx").read_bytes()


def test_import_merges_and_export_merges_files(gdir, tmp_path):
    csv = tmp_path / "new.csv"
    csv.write_text("es,en\nnube,the cloud\ncomputación de borde,edge computing\n", encoding="utf-8")
    dest = tmp_path / "mine.tsv"
    dest.write_text("es\ten\nnube\tcloud\n", encoding="utf-8")
    r = run("import", csv, dest)
    assert r.exit_code == 0 and "imported 1 new entry into" in r.stdout
    assert "not imported" in r.stderr and "'the cloud'" in r.stderr
    assert dest.read_text(encoding="utf-8") == "es\ten\ncomputación de borde\tedge computing\nnube\tcloud\n"
    r = run("export", tmp_path / "all.tbx")
    assert r.exit_code == 0
    assert len(read_glossary_file(tmp_path / "all.tbx").entries) == sum(
        len(read_glossary_file(p).entries) for p in sorted(gdir.glob("*.tsv"))
    )


def test_import_errors_name_file_and_line(gdir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text('es,en\nnube,cloud\n"IA",\n', encoding="utf-8")
    r = run("import", bad, tmp_path / "out.tsv")
    assert r.exit_code == 2 and r.stderr.strip() == f"es2en: error: {bad}:3: empty 'en' field"
    assert not (tmp_path / "out.tsv").exists()
    r = run("import", bad, tmp_path / "out.tsv", "--lenient")
    assert r.exit_code == 0 and f"warning: {bad}:3: skipped" in r.stderr


def test_suggest(gdir, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(
        "La Agencia Internacional de la Energía (AIE) publicó su informe. La AIE prevé que la demanda de "
        "hidrógeno verde crezca. El hidrógeno verde es caro. Según la AIE, el hidrógeno verde…", encoding="utf-8"
    )
    r = run("suggest", doc, SEED)
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert "3\tacronym\tAIE\t= Agencia Internacional de la Energía" in lines
    assert "3\tphrase\thidrógeno verde" in lines
    assert not any("\tAWS\t" in ln for ln in lines)  # already in names.tsv
    r = run("suggest", "--from-memory", "--memory", "no-such-memory.sqlite")
    assert r.exit_code == 2 and "no-such-memory.sqlite: no translation memory here" in r.stderr
    r = run("suggest", tmp_path / "missing.txt")
    assert r.exit_code == 2 and "document not found" in r.stderr


def test_subprocess_one_line_error_and_exit_code(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("es\ten\nnube\tcloud\nx\ty\tz\n", encoding="utf-8")
    code = "from pipeline.glossary.cli import glossary; glossary()"
    p = subprocess.run([sys.executable, "-c", code, "list", "-g", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stderr == f"es2en: error: {bad}:3: 3 fields but the header names 2 columns\n"
    p = subprocess.run([sys.executable, "-c", code, "lint"], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0, p.stdout + p.stderr

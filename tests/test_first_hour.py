"""What a new user meets in the first hour, run as they run it (subprocesses, real
engines): the engine hint of `make run`, glossary files that must not shadow the
shipped ones, counts that agree with their nouns."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, needs_apertium

ES2EN = [sys.executable, "-m", "pipeline"]
NMT_COMMAND = "es2en models install --from-index es en"


def es2en(args, *, cwd=ROOT, env=None, input=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(ES2EN + [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env,
                          input=input, timeout=300)


@pytest.fixture
def no_argos(tmp_path):
    d = tmp_path / "argos-empty"
    d.mkdir()
    return {"ARGOS_PACKAGES_DIR": str(d)}


# --- the engine hint ---------------------------------------------------------------------

@needs_apertium
def test_auto_falling_back_to_apertium_says_so_once_with_the_command(tmp_path, seed_copy, no_argos):
    proc = es2en(["translate", seed_copy.parent, "--out", tmp_path / "out", "--no-memory", "--format", "md"],
                 env=no_argos)
    assert proc.returncode == 0, proc.stderr
    hints = [line for line in proc.stderr.splitlines() if NMT_COMMAND in line]
    assert len(hints) == 1 and "Apertium" in hints[0], proc.stderr
    text = es2en(["text"], env=no_argos, input="Tengo dos amigos.\n")
    assert text.returncode == 0 and text.stdout.strip()
    assert sum(NMT_COMMAND in line for line in text.stderr.splitlines()) == 1


@needs_apertium
def test_no_hint_when_the_user_chose_apertium(tmp_path, seed_copy, no_argos):
    proc = es2en(["translate", seed_copy.parent, "--out", tmp_path / "out", "--no-memory", "--format", "md",
                  "--engine", "apertium"], env=no_argos)
    assert proc.returncode == 0 and NMT_COMMAND not in proc.stderr


# --- glossary files ----------------------------------------------------------------------

def test_re_adding_a_shipped_entry_succeeds_and_changes_nothing(tmp_path):
    gdir = tmp_path / "glossaries"
    shutil.copytree(ROOT / "glossaries", gdir)
    before = (gdir / "general.tsv").read_bytes()
    proc = es2en(["glossary", "add", "centro de datos", "data center", "--file", "glossaries/general.tsv"],
                 cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "nothing changed" in proc.stdout
    assert (gdir / "general.tsv").read_bytes() == before


@needs_apertium
def test_add_from_another_folder_does_not_start_a_shadowing_glossary(tmp_path, no_argos):
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    proc = es2en(["glossary", "add", "centro de datos", "data center", "--file", "glossaries/general.tsv"],
                 cwd=elsewhere)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "--create" in proc.stderr
    assert not (elsewhere / "glossaries").exists()

    # The shipped glossary is what translates "IA" as "AI" here.
    text = es2en(["text", "--engine", "apertium"], cwd=elsewhere, env=no_argos,
                 input="La IA crece.\n")
    assert "AI" in text.stdout and "glossaries" not in text.stderr

    # Asked for explicitly, the new file is made; every later command in that folder
    # then says once which glossary folder it uses.
    made = es2en(["glossary", "add", "centro de datos", "data center", "--file", "glossaries/general.tsv",
                  "--create"], cwd=elsewhere)
    assert made.returncode == 0 and (elsewhere / "glossaries" / "general.tsv").is_file()
    text = es2en(["text", "--engine", "apertium"], cwd=elsewhere, env=no_argos, input="La IA crece.\n")
    notes = [line for line in text.stderr.splitlines() if "glossaries" in line]
    assert len(notes) == 1, text.stderr
    assert str(elsewhere / "glossaries") in notes[0] and str(ROOT / "glossaries") in notes[0]


# --- counts ------------------------------------------------------------------------------

def test_plural_helper():
    from pipeline.counts import plural

    assert [plural(n, "segment") for n in (0, 1, 2)] == ["0 segments", "1 segment", "2 segments"]
    assert [plural(n, "entry") for n in (1, 3)] == ["1 entry", "3 entries"]
    assert plural(1, "file") == "1 file" and plural(2, "key") == "2 keys" and plural(2, "box") == "2 boxes"


@needs_apertium
def test_one_of_everything_is_singular(tmp_path, no_argos):
    src = tmp_path / "una.txt"
    src.write_text("Tengo dos amigos.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, "--no-memory", "--format", "md", "--engine", "apertium",
                  "--no-glossary"], env=no_argos)
    assert proc.returncode == 0, proc.stderr
    assert f"{src}: 1 segment, apertium" in proc.stdout

    qa = es2en(["qa", out / "una.bilingual.md"])
    assert "1 segment, 0 flagged (0 errors, 0 warnings)" in qa.stdout, qa.stdout

    one = tmp_path / "one.tsv"
    one.write_text("es\ten\nperro\tdog\n", encoding="utf-8")
    listing = es2en(["glossary", "list", "--glossary", one])
    assert "1 entry from 1 file;" in listing.stderr, listing.stderr
    lint = es2en(["glossary", "lint", one])
    assert "0 errors, 0 warnings, 0 infos" in lint.stderr, lint.stderr

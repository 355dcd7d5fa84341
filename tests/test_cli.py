"""The es2en command end to end, as a user runs it: real files, real engines, subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import NEWSTEST_ES, ROOT, has_apertium, needs_apertium

ES2EN = [sys.executable, "-m", "pipeline"]


def run(args, *, env=None, input=None, cwd=None, check=False):
    # --no-memory where it applies: a memory shared between tests would answer from cache.
    if args and args[0] == "translate":
        args = [*args, "--no-memory"]
    proc = subprocess.run(ES2EN + list(args), capture_output=True, text=True, input=input,
                          env={**os.environ, **(env or {})}, cwd=cwd or ROOT, timeout=900)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


@pytest.fixture
def argos_env(argos_packages_dir):
    return {"ARGOS_PACKAGES_DIR": str(argos_packages_dir)}


def test_help_is_fast():
    started = time.perf_counter()
    proc = run(["--help"], check=True)
    # Generous: the point is that no heavy library is imported (measured ~0.05 s).
    assert time.perf_counter() - started < 3
    assert "translate" in proc.stdout and "glossary" in proc.stdout
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "pipeline", "--help"],
                         capture_output=True, text=True, cwd=ROOT).stderr
    for heavy in ("ctranslate2", "argostranslate", "docx", "lxml", "torch", "babel"):
        assert f" {heavy}\n" not in out and f" {heavy}." not in out, heavy


@needs_apertium
def test_translate_seed_with_apertium_writes_three_aligned_outputs(tmp_path, seed_copy):
    out = tmp_path / "build"
    proc = run(["translate", str(seed_copy.parent), "--out", str(out), "--engine", "apertium"], check=True)
    stem = seed_copy.stem
    for suffix in (".bilingual.docx", ".bilingual.md", ".en.md"):
        assert (out / f"{stem}{suffix}").stat().st_size > 0
    assert f"{seed_copy}:" in proc.stdout and "segments, apertium" in proc.stdout
    assert not list(out.glob(".*part"))  # no temporary files left

    from pipeline.emit import read_bilingual

    rows = read_bilingual(out / f"{stem}.bilingual.docx")
    by_source = {r.source: r.target for r in rows}
    assert any("valorada en $38,000 millones de dólares" in s for s in by_source)
    lead = next(t for s, t in by_source.items() if s.startswith("La alianza, valorada"))
    assert "$38 billion" in lead
    # Title metadata is not translated as prose; the title is its own row.
    assert not any("date 2025" in s for s in by_source)
    assert "Conclusiones Clave" in by_source
    md_rows = read_bilingual(out / f"{stem}.bilingual.md")
    assert [r.id for r in md_rows] == [r.id for r in rows]
    english = (out / f"{stem}.en.md").read_text(encoding="utf-8")
    assert "$38 billion" in english and "trillion" in english
    assert "2025-11-03" in english  # the date metadata, kept as metadata


def test_text_with_the_test_model(argos_env):
    proc = run(["text", "--engine", "argos"], input="Tengo dos amigos extranjeros.\n", env=argos_env, check=True)
    assert proc.stdout == "I have two foreign friends.\n"
    assert "TEST MODEL" in proc.stderr


def test_text_keeps_one_output_line_per_input_line(argos_env):
    lines = "Tengo dos amigos.\n\n¿Dónde está Tom? Está en casa.\n"
    proc = run(["text", "--engine", "argos", "--no-glossary"], input=lines, env=argos_env, check=True)
    out = proc.stdout.split("\n")
    assert len(out) == 4 and out[1] == "" and out[3] == ""


@pytest.mark.slow
def test_newstest_with_the_argos_engine_completes(tmp_path, argos_env):
    src = tmp_path / "newstest2012.txt"
    # One paragraph per line, as in the file; blank lines make each its own paragraph.
    src.write_text("\n\n".join(NEWSTEST_ES.read_text(encoding="utf-8").splitlines()),
                   encoding="utf-8")
    proc = run(["translate", str(src), "--out", str(tmp_path / "out"), "--engine", "argos", "--format", "md"],
               env=argos_env, check=True)
    assert "segments, argos" in proc.stdout
    from pipeline.emit import read_bilingual

    rows = read_bilingual(tmp_path / "out" / "newstest2012.bilingual.md")
    assert len(rows) >= 3003 and all(r.target for r in rows)


@pytest.mark.parametrize("content, message", [
    (b"", "no text to translate"),
    (b"  \n\t\n", "no text to translate"),
])
def test_empty_input_is_a_one_line_error_and_writes_nothing(tmp_path, content, message):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(content)
    proc = run(["translate", str(bad), "--out", str(tmp_path / "out"), "--engine", "apertium"])
    assert proc.returncode != 0
    err_lines = [l for l in proc.stderr.splitlines() if "error" in l]
    assert any(str(bad) in l and message in l for l in err_lines), proc.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_missing_path_is_an_error(tmp_path):
    proc = run(["translate", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert proc.returncode != 0
    assert "nope.txt" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_corrupt_docx_is_an_error_and_other_files_still_run(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "in" / "ok.txt").write_text("Tengo dos amigos.\n", encoding="utf-8")
    proc = run(["translate", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--engine", "apertium"])
    assert proc.returncode == 1
    assert "broken.docx" in proc.stderr
    assert not list((tmp_path / "out").glob("broken*"))
    assert (tmp_path / "out" / "ok.bilingual.md").exists()


def test_cp1252_text_is_decoded_with_a_notice(tmp_path):
    src = tmp_path / "latin.txt"
    src.write_bytes("El niño pagó 5 € por la canción.\n".encode("cp1252"))
    proc = run(["translate", str(src), "--out", str(tmp_path / "out"), "--engine", "apertium", "--format", "en.md"],
               check=True)
    assert "cp1252" in proc.stderr
    assert "€" in (tmp_path / "out" / "latin.en.md").read_text(encoding="utf-8")


def test_no_engine_available_lists_install_commands(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Hola.\n", encoding="utf-8")
    empty = tmp_path / "argos"
    empty.mkdir()
    # An empty PATH hides apertium; an empty package dir hides Argos packages.
    env = {"ARGOS_PACKAGES_DIR": str(empty), "PATH": str(tmp_path)}
    proc = run(["translate", str(src), "--out", str(tmp_path / "out")], env=env)
    assert proc.returncode == 3
    assert "apt-get install apertium apertium-eng-spa" in proc.stderr
    assert "es2en models install" in proc.stderr


def test_models_install_rejects_a_file_that_is_not_a_package(tmp_path):
    bad = tmp_path / "x.argosmodel"
    bad.write_bytes(b"nothing")
    proc = run(["models", "install", str(bad)], env={"ARGOS_PACKAGES_DIR": str(tmp_path)})
    assert proc.returncode == 2 and "not a valid Argos package" in proc.stderr


def test_models_install_and_list(tmp_path):
    pkgs = tmp_path / "pk"
    pkgs.mkdir()
    env = {"ARGOS_PACKAGES_DIR": str(pkgs)}
    run(["models", "install", str(ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel")], env=env, check=True)
    listing = run(["models", "list"], env=env, check=True).stdout
    assert "translate-es_en-tatoeba" in listing and "(test model)" in listing


def test_two_files_with_the_same_output_name_are_refused(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "nota.txt").write_text("Tengo dos amigos.\n", encoding="utf-8")
    proc = run(["translate", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out"),
                "--engine", "apertium", "--format", "md"])
    assert proc.returncode == 1
    assert "b/nota.txt" in proc.stderr and "would overwrite" in proc.stderr
    assert (tmp_path / "out" / "nota.bilingual.md").exists()


def test_models_install_refuses_unsafe_or_odd_archives(tmp_path):
    import zipfile

    pkgs = tmp_path / "pk"
    pkgs.mkdir()
    slip = tmp_path / "slip.argosmodel"
    with zipfile.ZipFile(slip, "w") as zf:
        zf.writestr("pkg/metadata.json", '{"type": "translate", "code": "x"}')
        zf.writestr("pkg/../../evil.txt", "no")
    two = tmp_path / "two.argosmodel"
    with zipfile.ZipFile(two, "w") as zf:
        zf.writestr("a/metadata.json", "{}")
        zf.writestr("b/metadata.json", "{}")
    for bad, message in ((slip, "a path outside its folder"), (two, "exactly one folder")):
        proc = run(["models", "install", str(bad)], env={"ARGOS_PACKAGES_DIR": str(pkgs)})
        assert proc.returncode == 2 and message in proc.stderr, proc.stderr
    assert not (tmp_path / "evil.txt").exists() and list(pkgs.iterdir()) == []


def test_models_install_from_index_offline_fails_fast_and_clearly(tmp_path):
    # This machine (and CI) has no internet: the index cannot be fetched. Where it
    # can, the test says nothing about the network and is skipped.
    import socket
    from urllib.parse import urlparse

    import argostranslate.settings

    try:
        socket.getaddrinfo(urlparse(argostranslate.settings.remote_package_index).hostname, 443)
        pytest.skip("this machine can resolve the index host")
    except OSError:
        pass
    started = time.perf_counter()
    proc = run(["models", "install", "--from-index", "es", "en"], env={"ARGOS_PACKAGES_DIR": str(tmp_path)})
    assert proc.returncode == 3
    assert "cannot download the Argos package index (no internet?)" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert time.perf_counter() - started < 60  # one attempt, not argostranslate's endless retries


@pytest.mark.parametrize("engine", ["apertium", "argos"])
def test_seed_amounts_by_value_with_both_engines(tmp_path, seed_copy, argos_env, engine):
    if engine == "apertium" and not has_apertium:
        pytest.skip("apertium is not installed")
    out = tmp_path / "out"
    run(["translate", str(seed_copy), "--out", str(out), "--engine", engine, "--format", "en.md"],
        env=argos_env, check=True)
    english = (out / f"{seed_copy.stem}.en.md").read_text(encoding="utf-8")
    assert "$38 billion" in english and "$1.5 trillion" in english
    for wrong in ("38,000 million", "1.5 billion", "millones", "billones"):
        assert wrong not in english, wrong


@pytest.mark.parametrize("engine", ["apertium", "argos"])
def test_text_spanish_billones_are_trillions(argos_env, engine):
    if engine == "apertium" and not has_apertium:
        pytest.skip("apertium is not installed")
    proc = run(["text", "--engine", engine], input="La deuda pública se sitúa en 1,5 billones de euros.\n",
               env=argos_env, check=True)
    assert "€1.5 trillion" in proc.stdout

"""Engine faults: Apertium missing, crashing or hanging (a stage of its pipeline replaced
by a real executable earlier on PATH that fails: a real subprocess failure); an
Argos package with a corrupt model or metadata; CTranslate2 out of memory on a huge
batch (a real allocation failure under RLIMIT_AS, retried with smaller batches); a
segment over the model's input limit. A clear error or a recovery, never a hang, never
a half-written file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, needs_apertium
from test_reliability_support import (assert_nothing_written, assert_one_line_error, error_lines, es2en,
                                      leftovers)

REAL_LT_PROC = shutil.which("lt-proc")


def _fake_stage(bin_dir: Path, name: str, script: str) -> Path:
    """A stage of the Apertium pipeline (found on PATH, as the mode file names it)
    replaced by ``script``: a real executable, so a failure is a real process failure."""
    bin_dir.mkdir(exist_ok=True)
    path = bin_dir / name
    path.write_text(textwrap.dedent(script), encoding="utf-8")
    path.chmod(0o755)
    return path


def _analyser_failing_on(bin_dir: Path, condition: str, message: str, code: int, log: Path | None = None) -> Path:
    """The real morphological analyser (``lt-proc`` on the .automorf.bin; the other
    lt-proc stages run as they are), except that it dies with ``message`` and exit
    ``code`` on a record (a batch, NUL-terminated) for which ``condition`` holds.
    Each record it sees adds a line to ``log``."""
    return _fake_stage(bin_dir, "lt-proc", f"""\
        #!{sys.executable}
        import os, subprocess, sys
        REAL = {REAL_LT_PROC!r}
        if not any(a.endswith("automorf.bin") for a in sys.argv[1:]):
            os.execv(REAL, [REAL, *sys.argv[1:]])
        real = subprocess.Popen([REAL, *sys.argv[1:]], stdin=subprocess.PIPE)  # its output is ours
        buf = b""
        while chunk := os.read(0, 65536):
            buf += chunk
            while b"\\0" in buf:
                record, buf = buf.split(b"\\0", 1)
                if {str(log)!r} != "None":
                    with open({str(log)!r}, "a") as fh:
                        fh.write("x\\n")
                if {condition}:
                    real.kill()
                    sys.stderr.write({message!r} + "\\n")
                    sys.exit({code})
                real.stdin.write(record + b"\\0")
                real.stdin.flush()
        real.stdin.close()
        sys.exit(real.wait())
        """)


def _path_with(bin_dir: Path) -> str:
    return f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"


@pytest.fixture
def two_docs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-bien.txt").write_text("Tengo dos amigos.\n\nLa casa es grande.\n", encoding="utf-8")
    (folder / "b-mal.txt").write_text("El perro EXPLOTA en la casa.\n\nLa gata duerme.\n", encoding="utf-8")
    return folder


# ----------------------------------------------------------------- Apertium


def _translate_note(tmp_path: Path, path: str):
    """``es2en translate`` with Apertium on a two-paragraph note, PATH set to ``path``:
    (the process, its --out folder)."""
    src = tmp_path / "nota.txt"
    src.write_text("Tengo dos amigos.\n\nLa casa es grande.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, "--engine", "apertium", "--no-memory"],
                 env={"PATH": path}, timeout=120)
    return proc, out


def _assert_engine_error(proc, out: Path, line: str) -> None:
    assert proc.returncode == 3, proc.stderr
    assert error_lines(proc) == [line]
    assert "Traceback" not in proc.stderr
    assert_nothing_written(out)


def test_apertium_missing_from_path(tmp_path):
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    proc, out = _translate_note(tmp_path, str(empty_bin))
    _assert_engine_error(proc, out,
                         "es2en: error: apertium is not installed (sudo apt-get install apertium apertium-eng-spa)")


@needs_apertium
def test_apertium_stage_failing_after_reading_its_input(tmp_path):
    bin_dir = tmp_path / "bin"
    _fake_stage(bin_dir, "apertium-pretransfer", """\
        #!/bin/bash
        head -c 1 > /dev/null
        echo "apertium-pretransfer: error: simulated failure of the stage" >&2
        exit 1
        """)
    started = time.monotonic()
    proc, out = _translate_note(tmp_path, _path_with(bin_dir))
    _assert_engine_error(proc, out,
                         "es2en: error: apertium failed: apertium-pretransfer: error: simulated failure of the stage")
    assert time.monotonic() - started < 60


@needs_apertium
def test_apertium_stage_dying_with_exit_code_0(tmp_path):
    """A stage that aborts mid-record with exit code 0: the answer breaks off (no end
    mark), and the stage's stderr says why."""
    bin_dir = tmp_path / "bin"
    _fake_stage(bin_dir, "apertium-postchunk", """\
        #!/bin/bash
        head -c 10
        echo "terminate called after throwing an instance of 'std::runtime_error'" >&2
        exit 0
        """)
    proc, out = _translate_note(tmp_path, _path_with(bin_dir))
    _assert_engine_error(proc, out,
                         "es2en: error: apertium failed: terminate called after throwing an instance of 'std::runtime_error'")


@needs_apertium
def test_apertium_crashing_on_one_segment_mid_run(tmp_path, two_docs):
    """The real apertium, except that its analyser crashes (SIGSEGV's exit code) on any
    batch holding the word EXPLOTA: the batch is retried in halves, the offending
    segment stops the run with exit 3, the document it belongs to gets no output,
    and whatever was written is complete."""
    bin_dir = tmp_path / "bin"
    _analyser_failing_on(bin_dir, 'b"EXPLOTA" in record', "Segmentation fault (core dumped)", 139)
    out = tmp_path / "out"
    proc = es2en(["translate", two_docs, "--out", out, "--engine", "apertium", "--no-memory", "--jobs", "1"],
                 env={"PATH": _path_with(bin_dir)}, timeout=300)
    assert proc.returncode == 3, proc.stderr
    assert error_lines(proc)[-1] == "es2en: error: apertium failed: Segmentation fault (core dumped)"
    assert "Traceback" not in proc.stderr
    assert not leftovers(out)
    assert not list(out.glob("b-mal.*")) if out.exists() else True
    for md in out.glob("*.bilingual.md") if out.exists() else []:  # complete, never half-written
        from pipeline.emit import read_bilingual

        assert all(r.target for r in read_bilingual(md))


@needs_apertium
def test_apertium_crash_on_a_whole_batch_is_recovered_segment_by_segment(tmp_path):
    """A batch that makes apertium fail is retried in halves, down to one segment per
    record; when each segment alone succeeds, the run finishes with every segment
    translated, as it would have been without the crash."""
    src = tmp_path / "nota.txt"
    src.write_text("Tengo dos amigos.\n\nLa casa es grande.\n\nEl perro es negro.\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    _analyser_failing_on(bin_dir, 'b"\\n" in record.strip()', "Killed", 137)
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, "--engine", "apertium", "--no-memory", "--format", "md"],
                 env={"PATH": _path_with(bin_dir)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    plain = es2en(["translate", src, "--out", tmp_path / "plain", "--engine", "apertium", "--no-memory",
                   "--format", "md"], timeout=300)
    assert plain.returncode == 0, plain.stderr
    from pipeline.emit import read_bilingual

    rows = read_bilingual(out / "nota.bilingual.md")
    assert [r.target for r in rows] == [r.target for r in read_bilingual(tmp_path / "plain" / "nota.bilingual.md")]
    assert [r.target.split()[-1] for r in rows] == ["friends.", "big.", "black."]


@needs_apertium
def test_apertium_that_hangs_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    """A stage that never answers: the engine's timeout kills the whole pipeline
    (its process group), not just the shell, and says so."""
    bin_dir = tmp_path / "bin"
    pid_file = tmp_path / "sleeper.pid"
    _fake_stage(bin_dir, "apertium-pretransfer", f"""\
        #!/bin/bash
        sleep 300 &
        echo $! > {pid_file}
        wait
        """)
    monkeypatch.setenv("PATH", _path_with(bin_dir))
    from pipeline.engines.apertium import ApertiumEngine
    from pipeline.errors import EngineError

    engine = ApertiumEngine(timeout=2)
    started = time.monotonic()
    with pytest.raises(EngineError, match=r"^apertium did not answer within 2 s$"):
        engine.translate_batch(["Tengo dos amigos.", "La casa es grande."])
    assert time.monotonic() - started < 30
    sleeper = int(pid_file.read_text())
    time.sleep(0.2)
    assert not Path(f"/proc/{sleeper}").exists() or "zombie" in Path(f"/proc/{sleeper}/status").read_text()
    engine.close()


# ----------------------------------------------------------------- Argos


@pytest.fixture
def argos_copy(tmp_path, argos_packages_dir) -> Path:
    """A private copy of the test-model package directory, free to damage."""
    dst = tmp_path / "argos"
    shutil.copytree(argos_packages_dir, dst)
    return dst


def _package(packages: Path) -> Path:
    return next(p for p in packages.iterdir() if p.is_dir())


@pytest.mark.parametrize("damage, fragment", [
    ("truncate", "cannot load the Argos model: "),
    ("garbage", "cannot load the Argos model: Unsupported model binary version"),
    ("empty", "cannot load the Argos model: File model.bin is incomplete"),
    ("missing", "Argos package is incomplete (model/model.bin or sentencepiece.model missing)"),
    ("sentencepiece", "cannot load the Argos model: "),
])
def test_corrupt_argos_model(tmp_path, argos_copy, damage, fragment):
    pkg = _package(argos_copy)
    model = pkg / "model" / "model.bin"
    if damage == "truncate":
        with model.open("r+b") as fh:
            fh.truncate(model.stat().st_size // 3)
    elif damage == "garbage":
        model.write_bytes(os.urandom(100_000))
    elif damage == "empty":
        model.write_bytes(b"")
    elif damage == "missing":
        model.unlink()
    else:
        (pkg / "sentencepiece.model").write_bytes(b"not a sentencepiece model")
    src = tmp_path / "nota.txt"
    src.write_text("Tengo dos amigos.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, "--engine", "argos", "--no-memory"],
                 env={"ARGOS_PACKAGES_DIR": str(argos_copy)}, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert_one_line_error(proc, pkg, fragment)
    assert len(error_lines(proc)) == 1
    assert_nothing_written(out)


def test_unreadable_argos_package_folder_is_skipped_and_named(tmp_path, argos_copy):
    pkg = _package(argos_copy)
    (pkg / "metadata.json").write_text("{roto", encoding="utf-8")
    (argos_copy / "a-medias").mkdir()  # an interrupted install: no metadata.json at all
    src = tmp_path / "nota.txt"
    src.write_text("Tengo dos amigos.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, "--engine", "argos", "--no-memory"],
                 env={"ARGOS_PACKAGES_DIR": str(argos_copy)}, timeout=120)
    assert proc.returncode == 3, proc.stderr
    [line] = error_lines(proc)
    assert line.startswith("es2en: error: no Argos Translate es→en package is installed")
    assert f"skipped unreadable Argos package folder {argos_copy / 'a-medias'} (no metadata.json)" in line
    assert f"skipped unreadable Argos package folder {pkg} (metadata.json is not valid JSON" in line
    assert_nothing_written(out)
    # A good package beside a broken folder is still found.
    shutil.rmtree(pkg)
    subprocess.run([sys.executable, "-m", "pipeline", "models", "install",
                    str(ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel")], check=True,
                   env={**os.environ, "ARGOS_PACKAGES_DIR": str(argos_copy)}, capture_output=True, timeout=120)
    proc = es2en(["translate", src, "--out", out, "--engine", "argos", "--no-memory", "--format", "en.md"],
                 env={"ARGOS_PACKAGES_DIR": str(argos_copy)}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "I have two friends." in (out / "nota.en.md").read_text(encoding="utf-8")


_OOM_SCRIPT = """
import resource, sys
from pipeline.engines import argos
engine = argos.ArgosEngine(argos.installed_packages()[0], device="cpu", threads=2, jobs=1,
                           batch_tokens=1_000_000)
resource.setrlimit(resource.RLIMIT_AS, (700 * 2**20, 700 * 2**20))
texts = [("el niño come una manzana roja en la casa grande de su abuela con el perro y la gata " * 4)
         + str(i) for i in range(600)]
try:
    engine.translator.translate_batch([engine.tokenize(t) for t in texts], beam_size=engine.beam_size,
                                      max_batch_size=1_000_000, batch_type="tokens")
    print("NO-OOM")
except (RuntimeError, MemoryError) as err:
    print("OOM", type(err).__name__, err)
out = engine.translate_batch(texts)
print("DONE", len(out), sum(1 for o in out if len(o.split()) >= 5), engine.memory_retries, engine.batch_tokens)
"""


def test_ctranslate2_out_of_memory_on_a_huge_batch_is_retried_in_smaller_batches(tmp_path, argos_packages_dir):
    """Under a 700 MiB address-space limit, one 600-sentence batch makes CTranslate2's
    allocator fail (a real "failed to allocate memory"); the engine halves its batch
    until it fits, translates everything, and keeps the size that fitted."""
    proc = subprocess.run([sys.executable, "-c", _OOM_SCRIPT], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "ARGOS_PACKAGES_DIR": str(argos_packages_dir)},
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines())
    assert "OOM" in lines, f"the huge batch did not run out of memory here: {proc.stdout}"
    assert "failed to allocate" in lines["OOM"] or "MemoryError" in lines["OOM"]
    done, full, retries, batch = map(int, lines["DONE"].split())
    assert done == 600 and full == 600
    assert retries >= 1 and batch < 1_000_000


def test_out_of_memory_messages_are_recognised():
    from pipeline.engines.argos import _out_of_memory

    assert _out_of_memory(RuntimeError("mkl_malloc: failed to allocate memory"))
    assert _out_of_memory(RuntimeError("CUDA failed with error out of memory"))
    assert _out_of_memory(MemoryError())
    assert not _out_of_memory(RuntimeError("Unsupported model binary version"))


def test_segment_over_the_input_limit_is_split_and_the_engine_never_sees_more(argos_packages_dir):
    """A sentence of ~1,000 pieces (the test model takes 255): translated in parts, each
    within the limit, flagged; the English covers every part."""
    from pipeline.engines import argos
    from pipeline.model import Segment
    from pipeline.translate import translate_segments

    engine = argos.ArgosEngine(argos.installed_packages()[0], device="cpu")
    seen: list[int] = []
    real = engine.translate_batch

    def spy(texts, *args, **kwargs):
        seen.extend(engine.count_tokens(t) for t in texts)
        return real(texts, *args, **kwargs)

    engine.translate_batch = spy
    clause = "el niño come una manzana roja en la casa de su abuela"
    source = ", ".join([clause] * 60) + "."
    assert engine.count_tokens(source) > 3 * engine.max_input_tokens
    seg = Segment("doc/1/1", source)
    translate_segments([seg], engine)
    assert seen and max(seen) <= engine.max_input_tokens
    assert any(f.check == "length" and "input limit (255 tokens)" in f.message for f in seg.flags)
    parts = int(next(f.message for f in seg.flags if f.check == "length").split("translated in ")[1].split()[0])
    assert parts >= 4
    assert seg.target and len(seg.target.split()) >= 10 * parts  # every part came back as English


@needs_apertium
def test_a_bad_segment_in_a_big_batch_is_found_in_few_processes(tmp_path, monkeypatch):
    """A 256-segment batch with one segment that makes apertium crash: the batch is
    halved recursively (about 2·log2(256) records, not 256), the other segments are
    never lost, and the bad one raises apertium's message."""
    bin_dir = tmp_path / "bin"
    calls = tmp_path / "calls"
    _analyser_failing_on(bin_dir, 'b"EXPLOTA" in record', "Segmentation fault (core dumped)", 139, log=calls)
    monkeypatch.setenv("PATH", _path_with(bin_dir))
    from pipeline.engines.apertium import ApertiumEngine
    from pipeline.errors import EngineError

    texts = [f"Tengo {n} amigos." for n in range(256)]
    engine = ApertiumEngine()
    assert len(engine.translate_batch(texts)) == 256 and calls.read_text().count("x") == 1
    texts[100] = "El perro EXPLOTA."
    calls.write_text("")
    with pytest.raises(EngineError, match=r"^apertium failed: Segmentation fault \(core dumped\)$"):
        engine.translate_batch(texts)
    assert calls.read_text().count("x") <= 2 * 8 + 1
    engine.close()

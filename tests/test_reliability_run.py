"""Interruption and concurrency with the real command: Ctrl-C (SIGINT to the process,
or to its whole process group as a terminal sends it) stops cleanly with a message,
what was translated stays in the memory and a re-run resumes; two runs sharing one
memory both finish with every segment stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT, everyday_sentences, needs_apertium
from test_reliability_support import ES2EN, error_lines, leftovers



def write_doc(path: Path, lines: list[str]) -> None:
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def stored(db_path: Path) -> set[str]:
    """Spanish of every machine row (read-only, while another process may write)."""
    try:
        db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    except sqlite3.OperationalError:
        return set()
    try:
        return {s for (s,) in db.execute("SELECT source FROM entries WHERE status = 'machine'")}
    except sqlite3.OperationalError:  # not created yet
        return set()
    finally:
        db.close()


def env_for(argos_dir: Path, code: Path = ROOT) -> dict:
    return {**os.environ, "ARGOS_PACKAGES_DIR": str(argos_dir), "PYTHONPATH": str(code), "PYTHONFAULTHANDLER": "1"}


def frozen_code(tmp_path: Path) -> Path:
    """A copy of the pipeline package for both runs of a resume test: the memory's engine
    key hashes the code (pipeline.memory.code_fingerprint), so an edit to the working
    tree between the two runs would rightly make the re-run ignore the stored rows."""
    import shutil

    dst = tmp_path / "code"
    shutil.copytree(ROOT / "pipeline", dst / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    return dst


@pytest.mark.parametrize("engine, target, n, at_least", [
    ("argos", "process", 3000, 300),
    pytest.param("apertium", "group", 5000, 1000, marks=needs_apertium),
])
def test_ctrl_c_stops_cleanly_keeps_the_memory_and_a_rerun_resumes(tmp_path, argos_packages_dir, engine, target,
                                                                  n, at_least):
    doc = everyday_sentences(n)
    write_doc(tmp_path / "largo.txt", doc)
    args = ["translate", "largo.txt", "--out", "out", "--engine", engine, "--no-glossary", "-q",
            "--memory", "tm.sqlite"]
    memory = tmp_path / "tm.sqlite"
    env = env_for(argos_packages_dir, frozen_code(tmp_path))
    proc = subprocess.Popen([*ES2EN, *args], cwd=tmp_path, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while len(stored(memory)) < at_least:
            assert proc.poll() is None, f"finished before it could be interrupted: {proc.communicate()}"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        if target == "group":  # what a terminal's Ctrl-C does: every process in the foreground group
            os.killpg(proc.pid, signal.SIGINT)
        else:
            os.kill(proc.pid, signal.SIGINT)
        interrupted = time.monotonic()
        try:
            out, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGABRT)  # faulthandler: every thread's stack, for the report
            out, err = proc.communicate(timeout=30)
            pytest.fail(f"still running 120 s after Ctrl-C:\n{err[-6000:]}")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert time.monotonic() - interrupted < 60, "Ctrl-C took too long to stop the run"
    assert proc.returncode == 130, err
    assert err.splitlines()[-1] == "es2en: error: interrupted" and "Traceback" not in err, err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert not leftovers(tmp_path)
    kept = stored(memory)
    assert at_least <= len(kept) < n, len(kept)
    assert kept <= set(doc)
    # No stray apertium process of the interrupted run survives it.
    if engine == "apertium":
        time.sleep(0.5)
        assert subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True).stdout.strip() == b""

    rerun = subprocess.run([*ES2EN, *args], cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(kept)} of {n} segments from the translation memory" in rerun.stderr, rerun.stderr
    assert stored(memory) == set(doc)
    from pipeline.emit import read_bilingual

    rows = read_bilingual(tmp_path / "out" / "largo.bilingual.md")
    assert [r.source for r in rows] == doc and all(r.target for r in rows)


@pytest.mark.parametrize("engine", [pytest.param("apertium", marks=needs_apertium), "argos"])
def test_two_runs_sharing_one_memory_both_finish_with_every_segment_stored(tmp_path, argos_packages_dir, engine):
    """Two ``es2en translate`` processes, started together, on documents that share a
    third of their sentences, writing the same memory file."""
    n = 1500 if engine == "apertium" else 600
    a = everyday_sentences(n)
    b = everyday_sentences(n, start=2 * n // 3)  # overlaps the last third of a
    write_doc(tmp_path / "a.txt", a)
    write_doc(tmp_path / "b.txt", b)
    procs = [subprocess.Popen([*ES2EN, "translate", f"{name}.txt", "--out", f"out-{name}", "--engine", engine,
                               "--no-glossary", "-q", "--memory", "tm.sqlite", "--format", "md"],
                              cwd=tmp_path, env=env_for(argos_packages_dir), text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for name in ("a", "b")]
    results = []
    try:
        for p in procs:
            out, err = p.communicate(timeout=600)
            results.append((out, err, p.returncode))
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
    for out, err, code in results:
        assert code == 0, err
        assert "Traceback" not in err and not error_lines(subprocess.CompletedProcess([], code, out, err))
    assert stored(tmp_path / "tm.sqlite") == set(a) | set(b)
    db = sqlite3.connect(tmp_path / "tm.sqlite")
    # One row per sentence and engine key, whoever stored it first.
    assert db.execute("SELECT COUNT(*), COUNT(DISTINCT source) FROM entries").fetchone() == (len(set(a) | set(b)),) * 2
    db.close()
    from pipeline.emit import read_bilingual

    for name, doc in (("a", a), ("b", b)):
        rows = read_bilingual(tmp_path / f"out-{name}" / f"{name}.bilingual.md")
        assert [r.source for r in rows] == doc and all(r.target for r in rows)

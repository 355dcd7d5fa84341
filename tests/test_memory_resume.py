"""Kill and resume: `es2en translate` with the Argos test model is SIGKILLed after some
engine batches were stored; the rerun translates only what was not stored, and a
correction imported while the first run was writing is neither lost nor overwritten."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from conftest import ROOT, everyday_sentences

ES2EN = [sys.executable, "-m", "pipeline"]
#: Sentences in the big input: several engine batches (pipeline.translate.CHUNK = 512).
N = 3000


def write_text_doc(path: Path, title: str, lines: list[str]) -> None:
    path.write_text("\n\n".join([title, *lines]) + "\n", encoding="utf-8")


def es2en(args, cwd, env, check=True):
    proc = subprocess.run([*ES2EN, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"es2en {args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def machine_rows(db_path: Path) -> dict[tuple[str, str], tuple[int, str]]:
    """(source, engine key) → (translations, updated) of every machine row (read-only)."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        return {(s, k): (n, u) for s, n, k, u in db.execute(
            "SELECT source, translations, engine_key, updated FROM entries WHERE status = 'machine'")}
    except sqlite3.OperationalError:  # not created yet
        return {}
    finally:
        db.close()


def edit_english(md: Path, source: str, english: str) -> None:
    lines = md.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        cells = line.split(" | ")
        if len(cells) >= 3 and cells[1] == source:
            cells[2] = english
            lines[n] = " | ".join(cells)
    md.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_kill_and_resume(tmp_path, argos_packages_dir):
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(argos_packages_dir), "PYTHONPATH": str(ROOT)}
    common = ["--engine", "argos", "--no-glossary", "-q", "--memory", "tm.sqlite"]
    memory = tmp_path / "tm.sqlite"
    big = everyday_sentences(N)
    write_text_doc(tmp_path / "big.txt", "Frases de prueba", big)
    # A small document sharing three sentences with the big one, translated and reviewed first.
    shared = [big[1], big[2], big[N - 1]]
    write_text_doc(tmp_path / "small.txt", "Frases", shared)
    es2en(["translate", "small.txt", "--out", "small", "--format", "md", *common], tmp_path, env)
    md = tmp_path / "small" / "small.bilingual.md"
    edit_english(md, shared[0], "FIRST REVIEWED SENTENCE.")
    assert "1 changed" in es2en(["review", "import", md, "--memory", "tm.sqlite"], tmp_path, env).stdout

    # Start the big run; once at least one engine batch is stored, import a second
    # correction while it is still writing, then SIGKILL it.
    before_run = machine_rows(memory)
    proc = subprocess.Popen([*ES2EN, "translate", "big.txt", "--out", "out", *common], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while len(machine_rows(memory)) - len(before_run) < 512:
            assert proc.poll() is None, f"finished before it could be killed: {proc.communicate()}"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        edit_english(md, shared[2], "LAST REVIEWED SENTENCE.")
        imported = es2en(["review", "import", md, "--memory", "tm.sqlite"], tmp_path, env)
        assert "1 changed" in imported.stdout, imported.stdout
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    at_kill = machine_rows(memory)
    stored = set(at_kill) - set(before_run)
    assert 512 <= len(stored) < N - 3, "the kill came too late to prove anything"
    assert not (tmp_path / "out" / "big.bilingual.md").exists()  # outputs come after translation

    # Resume: only what was not stored goes to the engine.
    rerun = es2en(["translate", "big.txt", "--out", "out", *common], tmp_path, env)
    after = machine_rows(memory)
    assert all(n == 1 for n, _ in after.values()), "a finished segment was translated twice"
    for row in at_kill:  # rows from before the kill were reused, not rewritten
        assert after[row] == at_kill[row]
    # The engine got exactly the segments that were neither stored nor reviewed: each
    # engine translation adds one row, and the rerun's count from memory is the rest.
    key = next(k for _, k in stored)
    new_rows = {src for src, k in set(after) - set(at_kill)}
    assert all(k == key for _, k in set(after) - set(at_kill))
    done_before = {src for src, k in at_kill if k == key}
    reviewed = {shared[0], shared[2]}
    everything = set(big) | {"Frases de prueba"}
    assert new_rows == everything - done_before - reviewed
    from_memory = N + 1 - len(new_rows)
    assert f"{from_memory} of {N + 1} segments from the translation memory" in rerun.stderr, rerun.stderr

    # Both corrections survived and are in the new outputs verbatim.
    from pipeline.emit.bilingual_read import read_bilingual
    from pipeline.memory import TranslationMemory

    english = {r.source: r.target for r in read_bilingual(tmp_path / "out" / "big.bilingual.md")}
    assert english[shared[0]] == "FIRST REVIEWED SENTENCE."
    assert english[shared[2]] == "LAST REVIEWED SENTENCE."
    assert all(english[s] for s in big)
    with TranslationMemory(memory) as tm:
        assert sorted(e.target for e in tm.entries(status="reviewed")) == [
            "FIRST REVIEWED SENTENCE.", "LAST REVIEWED SENTENCE."]
        assert tm.stats()["retranslated"] == 0

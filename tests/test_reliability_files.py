"""Glossary and memory files that are malformed, locked or read-only; an output folder
that cannot be written; a full disk. Real files, real SQLite locks held by another
process, ``chattr +i`` (which stops root too) and a 64 KiB tmpfs."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import needs_apertium
from test_reliability_support import (assert_nothing_written, assert_one_line_error, chattr_works, error_lines,
                                      es2en, immutable, leftovers)

pytestmark = needs_apertium
APERTIUM = ["--engine", "apertium"]
SOURCE = "Tengo dos amigos. La casa es grande.\n\nEl perro es negro.\n"


@pytest.fixture
def src(tmp_path) -> Path:
    p = tmp_path / "nota.txt"
    p.write_text(SOURCE, encoding="utf-8")
    return p


@pytest.fixture
def need_chattr(tmp_path):
    if not chattr_works(tmp_path):
        pytest.skip("chattr +i is not available (needs root and a filesystem with immutable attributes)")


def _hold(code: str, ready: str = "ready") -> subprocess.Popen:
    """Start a Python process running ``code`` that prints ``ready`` once it holds its lock."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    assert line == ready, (line, proc.stderr.read() if proc.poll() is not None else "")
    return proc


def _release(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


# ----------------------------------------------------------------- glossary


@pytest.mark.parametrize("name, content, fragment, line", [
    ("roto.tsv", "es\ten\nconsejo\tcouncil\n\tsin español\n", "", 3),
    ("cabecera.tsv", "español\tinglés\nconsejo\tcouncil\n", "unknown column 'español' in header", 1),
    ("vacio.tsv", "", "empty glossary: no header row", 1),
    ("comillas.csv", 'es,en\nconsejo,"council\n', "malformed CSV", 2),
    ("binario.tsv", b"es\ten\nconsejo\tcouncil\n\xff\xfe\n", "not UTF-8 (byte 0xff)", 3),
    ("roto.tbx", "<martif><text><body><termEntry>", "not well-formed TBX", 1),
])
def test_malformed_glossary_stops_before_translating(tmp_path, src, name, content, fragment, line):
    glossary = tmp_path / name
    if isinstance(content, bytes):
        glossary.write_bytes(content)
    else:
        glossary.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM, "--no-memory", "--glossary", glossary], timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert len(error_lines(proc)) == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert_one_line_error(proc, glossary, fragment, line)
    assert_nothing_written(out)


def test_malformed_glossary_lines_are_skipped_with_lenient(tmp_path, src):
    glossary = tmp_path / "roto.tsv"
    glossary.write_text("es\ten\nperro\tcanine\n\tsin español\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM, "--no-memory", "--glossary", glossary, "--lenient",
                  "--format", "en.md"], timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"{glossary}:3: skipped" in proc.stderr
    assert "canine" in (out / "nota.en.md").read_text(encoding="utf-8")


def test_locked_glossary_is_still_read(tmp_path, src):
    """Another process holding an exclusive lock on the glossary (flock, as editors and
    sync tools take) does not stop a run: POSIX locks are advisory, es2en only reads."""
    glossary = tmp_path / "bloqueado.tsv"
    glossary.write_text("es\ten\nperro\tcanine\n", encoding="utf-8")
    holder = _hold(f"import fcntl, sys, time\nf = open({str(glossary)!r}, 'r+')\n"
                   "fcntl.flock(f, fcntl.LOCK_EX)\nprint('ready', flush=True)\ntime.sleep(120)")
    try:
        out = tmp_path / "out"
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--no-memory", "--glossary", glossary,
                      "--format", "en.md"], timeout=120)
    finally:
        _release(holder)
    assert proc.returncode == 0, proc.stderr
    assert "canine" in (out / "nota.en.md").read_text(encoding="utf-8")


def test_read_only_glossary_is_used_and_not_changed_by_glossary_add(tmp_path, src, need_chattr):
    glossary = tmp_path / "fijo.tsv"
    glossary.write_text("es\ten\nperro\tcanine\n", encoding="utf-8")
    before = glossary.read_bytes()
    out = tmp_path / "out"
    with immutable(glossary):
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--no-memory", "--glossary", glossary,
                      "--format", "en.md"], timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert "canine" in (out / "nota.en.md").read_text(encoding="utf-8")
        add = es2en(["glossary", "add", "gata", "she-cat", "--file", glossary], timeout=60)
    assert add.returncode != 0
    assert_one_line_error(add, glossary, "cannot write")
    assert glossary.read_bytes() == before
    assert not leftovers(tmp_path)


# ----------------------------------------------------------------- memory


@pytest.mark.parametrize("content", [b"hola, esto no es una base de datos\n", bytes(range(256)) * 40])
def test_malformed_memory_stops_before_translating(tmp_path, src, content):
    memory = tmp_path / "tm.sqlite"
    memory.write_bytes(content)
    out = tmp_path / "out"
    proc = es2en(["translate", src, "--out", out, *APERTIUM, "--memory", memory], timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert_one_line_error(proc, memory, "not a usable translation memory (file is not a database)")
    assert "--no-memory" in error_lines(proc)[0]
    assert memory.read_bytes() == content  # not "repaired" over the user's file
    assert_nothing_written(out)


def _make_memory(path: Path) -> None:
    from pipeline.memory import TranslationMemory

    TranslationMemory(path).close()


def _lock_code(memory: Path, seconds: float) -> str:
    return (f"import sqlite3, time\ndb = sqlite3.connect({str(memory)!r}, isolation_level=None)\n"
            "db.execute('BEGIN EXCLUSIVE')\nprint('ready', flush=True)\n"
            f"time.sleep({seconds})\ndb.execute('COMMIT')\nprint('released', flush=True)\ntime.sleep(60)")


def test_memory_locked_by_another_process_past_the_timeout(tmp_path, src):
    memory = tmp_path / "tm.sqlite"
    _make_memory(memory)
    holder = _hold(_lock_code(memory, 120))
    try:
        out = tmp_path / "out"
        started = time.monotonic()
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--memory", memory],
                     env={"ES2EN_MEMORY_TIMEOUT": "2"}, timeout=120)
        elapsed = time.monotonic() - started
    finally:
        _release(holder)
    assert proc.returncode == 2, proc.stderr
    assert_one_line_error(proc, memory, "the translation memory is locked by another process (waited 2 s;")
    assert elapsed < 60
    assert_nothing_written(out)


def test_memory_locked_briefly_waits_and_finishes(tmp_path, src):
    memory = tmp_path / "tm.sqlite"
    _make_memory(memory)
    holder = _hold(_lock_code(memory, 3))
    try:
        out = tmp_path / "out"
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--memory", memory, "--format", "md"], timeout=120)
        assert holder.stdout.readline().strip() == "released"
    finally:
        _release(holder)
    assert proc.returncode == 0, proc.stderr
    db = sqlite3.connect(memory)
    assert db.execute("SELECT COUNT(*) FROM entries WHERE status = 'machine'").fetchone()[0] == 3
    db.close()


def test_read_only_memory_file_stops_before_translating(tmp_path, src, need_chattr):
    memory = tmp_path / "tm.sqlite"
    _make_memory(memory)
    before = memory.read_bytes()
    out = tmp_path / "out"
    with immutable(memory):
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--memory", memory], timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert_one_line_error(proc, memory, "the translation memory is read-only (attempt to write a readonly database)")
    assert memory.read_bytes() == before
    assert_nothing_written(out)


def test_memory_in_a_read_only_folder_stops_before_translating(tmp_path, src, need_chattr):
    folder = tmp_path / "tm"
    folder.mkdir()
    memory = folder / "tm.sqlite"
    _make_memory(memory)
    assert sorted(p.name for p in folder.iterdir()) == ["tm.sqlite"]
    out = tmp_path / "out"
    with immutable(folder):
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--memory", memory], timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert_one_line_error(proc, memory, "its folder must be writable")
    assert_nothing_written(out)
    # A new memory in a read-only folder: the same kind of message.
    with immutable(folder):
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--memory", folder / "nueva.sqlite"], timeout=120)
    assert proc.returncode == 2
    assert_one_line_error(proc, folder / "nueva.sqlite", "cannot open the translation memory")
    assert_nothing_written(out)


# ----------------------------------------------------------------- outputs


def test_output_folder_that_cannot_be_written(tmp_path, src, need_chattr):
    out = tmp_path / "out"
    out.mkdir()
    (out / "nota.en.md").write_text("previous English\n", encoding="utf-8")
    with immutable(out):
        proc = es2en(["translate", src, "--out", out, *APERTIUM, "--no-memory"], timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert_one_line_error(proc, out / "nota.bilingual.docx", "cannot write here: Operation not permitted")
    assert error_lines(proc)[-1] == "es2en: error: 1 of 1 file failed"
    assert sorted(p.name for p in out.iterdir()) == ["nota.en.md"]
    assert (out / "nota.en.md").read_text(encoding="utf-8") == "previous English\n"  # untouched
    # A folder that cannot be created inside it.
    with immutable(out):
        proc = es2en(["translate", src, "--out", out / "sub", *APERTIUM, "--no-memory"], timeout=120)
    assert proc.returncode == 1
    assert_one_line_error(proc, out / "sub" / "nota.bilingual.docx", "cannot write here")
    assert not (out / "sub").exists()


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KiB tmpfs (root only); skipped where mounting is not allowed."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); see test_disk_full_* with RLIMIT_FSIZE")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _long_source(path: Path) -> None:
    """~25 KB of Spanish: its bilingual DOCX fits in 64 KiB, DOCX + Markdown do not."""
    sentences = ["Mi hermano come una manzana en la casa grande.", "La niña lee un libro rojo con su abuela.",
                 "El perro y la gata duermen en el jardín."]
    path.write_text("\n\n".join(" ".join(sentences[(i + k) % 3] for k in range(3)) for i in range(180)) + "\n",
                    encoding="utf-8")


def test_disk_full_leaves_no_partial_set_of_outputs(tmp_path, tiny_disk):
    src = tmp_path / "largo.txt"
    _long_source(src)
    proc = es2en(["translate", src, "--out", tiny_disk, *APERTIUM, "--no-memory", "--no-glossary"], timeout=300)
    assert proc.returncode == 1
    assert_nothing_written(tiny_disk)


def test_disk_full_is_one_line_and_leaves_no_temporary_file(tmp_path, tiny_disk):
    src = tmp_path / "largo.txt"
    _long_source(src)
    proc = es2en(["translate", src, "--out", tiny_disk, *APERTIUM, "--no-memory", "--no-glossary"], timeout=300)
    assert proc.returncode == 1, proc.stderr
    line = next(l for l in error_lines(proc) if "No space left on device" in l)
    assert str(tiny_disk / "largo.") in line and "Traceback" not in proc.stderr
    assert not leftovers(tiny_disk)
    for p in tiny_disk.iterdir():  # whatever is there is complete
        if p.suffix == ".docx":
            import docx

            docx.Document(str(p))


def test_disk_full_under_rlimit_fsize(tmp_path, argos_packages_dir):
    """Where no tmpfs can be mounted: a file size limit makes the same write fail (EFBIG).
    The Argos engine runs in-process; Apertium, whose pipeline writes temporary files,
    would fail first (see test_reliability_engines: a crashed stage is an engine error)."""
    src = tmp_path / "largo.txt"
    _long_source(src)
    out = tmp_path / "out"
    code = ("import resource, signal, sys\nsignal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
            "from pipeline.cli import main\nsys.exit(main(['translate', sys.argv[1], '--out', sys.argv[2], "
            "'--engine', 'argos', '--no-memory', '--no-glossary', '--format', 'md'], prog_name='es2en'))")
    proc = subprocess.run([sys.executable, "-c", code, str(src), str(out)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
                                            "ARGOS_PACKAGES_DIR": str(argos_packages_dir)})
    assert proc.returncode == 1, proc.stderr
    assert_one_line_error(proc, out / "largo.bilingual.md", "cannot write: File too large")
    assert_nothing_written(out)


def test_atomic_group_puts_all_outputs_in_place_or_none(tmp_path):
    from pipeline.atomic import atomic_group, atomic_open, write_text

    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("old a\n")
    with pytest.raises(RuntimeError), atomic_group():
        write_text(a, "new a\n")
        assert a.read_text() == "old a\n"  # not yet: the group has not finished
        with atomic_open(b) as fh:
            fh.write("half of b")
            raise RuntimeError("the second output fails")
    assert a.read_text() == "old a\n" and not b.exists() and not leftovers(tmp_path)
    with atomic_group():
        write_text(a, "new a\n")
        write_text(b, "new b\n")
    assert (a.read_text(), b.read_text()) == ("new a\n", "new b\n") and not leftovers(tmp_path)


def test_atomic_group_on_a_full_disk(tiny_disk):
    from pipeline.atomic import atomic_group, write_text
    from pipeline.errors import OutputError

    with pytest.raises(OutputError) as info, atomic_group():
        write_text(tiny_disk / "small.md", "pequeño\n")
        write_text(tiny_disk / "big.md", "x" * 200_000)
    assert str(info.value) == f"{tiny_disk / 'big.md'}: cannot write: No space left on device"
    assert not any(tiny_disk.iterdir())


def test_memory_with_a_damaged_page_stops_with_one_line(tmp_path, src):
    """A real memory whose pages were overwritten on disk: SQLite opens it, then fails
    on the first read ("database disk image is malformed") — one line, not a traceback."""
    memory = tmp_path / "tm.sqlite"
    big = tmp_path / "grande.txt"
    big.write_text("\n\n".join(f"El niño número {i} come una manzana roja en la casa." for i in range(400)),
                   encoding="utf-8")
    first = es2en(["translate", big, "--out", tmp_path / "first", *APERTIUM, "--memory", memory, "--no-glossary",
                   "--format", "md"], timeout=300)
    assert first.returncode == 0, first.stderr
    assert memory.stat().st_size > 5 * 4096 and not Path(f"{memory}-wal").exists()
    with memory.open("r+b") as fh:  # page 3 onwards: table b-tree pages
        fh.seek(2 * 4096)
        fh.write(b"\xff" * 3 * 4096)
    out = tmp_path / "out"
    proc = es2en(["translate", big, "--out", out, *APERTIUM, "--memory", memory, "--no-glossary"], timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert_one_line_error(proc, memory, "the translation memory is damaged (database disk image is malformed)")
    assert_nothing_written(out)

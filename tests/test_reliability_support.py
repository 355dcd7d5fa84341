"""Helpers shared by the tests/test_reliability_*.py files (no tests here).

Every reliability test runs the real ``es2en`` command in a subprocess with a
timeout (a hang fails the test instead of stalling the suite) and checks the three
things a user sees: the one-line message naming the file, the exit code, and what
is (not) left in the output folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ES2EN = [sys.executable, "-m", "pipeline"]
RELIABILITY_DATA = Path(__file__).resolve().parent / "data" / "reliability"
INGEST_DATA = Path(__file__).resolve().parent / "data" / "ingest"
has_chattr = shutil.which("chattr") is not None and os.geteuid() == 0


def es2en(args, *, env=None, cwd=None, timeout=300, input=None) -> subprocess.CompletedProcess:
    """Run ``es2en ARGS``; ``env`` adds to (or, with a None value, removes from) os.environ."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for k, v in (env or {}).items():
        if v is None:
            full_env.pop(k, None)
        else:
            full_env[k] = v
    return subprocess.run([*ES2EN, *map(str, args)], capture_output=True, text=True, cwd=cwd or ROOT,
                          env=full_env, timeout=timeout, input=input)


def error_lines(proc) -> list[str]:
    """stderr lines that report an error (``es2en: error:``; ``error:`` from ``es2en glossary``)."""
    return [line for line in proc.stderr.splitlines() if line.startswith(("es2en: error:", "error:"))]


def assert_one_line_error(proc, path, fragment: str, line: int | None = None) -> str:
    """Exactly one error line names ``path`` (with ``:line`` where given) and holds ``fragment``."""
    where = f"{path}:{line}: " if line else f"{path}: "
    hits = [l for l in error_lines(proc) if where in l]
    assert len(hits) == 1, f"expected one error line naming {where!r}:\n{proc.stderr}"
    assert fragment in hits[0], f"{fragment!r} not in {hits[0]!r}"
    assert "Traceback" not in proc.stderr, proc.stderr
    return hits[0]


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a writer would leave behind after a failure."""
    if not folder.exists():
        return []
    return [p for p in folder.rglob("*") if p.name.endswith(".part")]


def outputs_of(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.glob(f"{stem}.*")) if folder.exists() else []


def assert_nothing_written(folder: Path, stem: str | None = None) -> None:
    """No output (for ``stem``, or at all) and no temporary file in ``folder``."""
    assert not leftovers(folder), leftovers(folder)
    if stem is None:
        assert not folder.exists() or not any(folder.iterdir()), list(folder.iterdir())
    else:
        assert not outputs_of(folder, stem), outputs_of(folder, stem)


@contextlib.contextmanager
def immutable(path: Path):
    """``chattr +i``: even root cannot write, create or delete there (root ignores mode bits)."""
    subprocess.run(["chattr", "+i", str(path)], check=True, capture_output=True)
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False, capture_output=True)


def chattr_works(tmp_path: Path) -> bool:
    if not has_chattr:
        return False
    probe = tmp_path / ".chattr-probe"
    probe.write_text("x")
    ok = subprocess.run(["chattr", "+i", str(probe)], capture_output=True).returncode == 0
    subprocess.run(["chattr", "-i", str(probe)], capture_output=True)
    probe.unlink()
    return ok

"""Peak memory against document size: is it flat?

Runs ``es2en translate --engine apertium --no-memory`` on generated Spanish .txt files
of 0.75, 6 and 30 MB (paragraphs of five sentences, a chapter title every forty) and
on a 1,000-page .docx (50 sentences a page) with the DOCX outputs, each in a child
process, and prints each run's peak RSS (``/usr/bin/time -f %M``: the child and the
Apertium processes it waits for, the largest of them) beside the baseline's on the
same file in the same run, then the ratio largest/smallest peak over every input, the
.docx with both of its DOCX outputs (the bilingual .docx and the English copy .en.docx)
included (target ≤ 1.25: memory is a constant plus the engine's, whatever the length
and the format).

The baseline is the code of ``--base REV`` (a ``git worktree`` of that commit, e.g.
the commit before streaming), or, without ``--base``, this code with streaming
switched off by its internal knobs (ES2EN_KEEP_SEGMENTS and ES2EN_SPOOL_SEGMENTS very
large: every document held whole, as before).

Sentences: ``--sentences FILE`` (one sentence a line, e.g. ../shared/data/newstest2012.es),
else pairs of tests/conftest.everyday_sentences joined with "y" (about 55 characters,
like news sentences). The 30 MB run takes many minutes on two cores: develop with
``--sizes 0.75,3``.

    PYTHONPATH=. .venv/bin/python bench/memory_scale.py --base 74b525c [--sizes 0.75,6,30] [--no-docx]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.25
SENTENCES_PER_PAGE = 50


def sentences(path: Path | None) -> list[str]:
    if path is not None and path.is_file():
        lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        return [l for l in lines if l.count(". ") == 0 and l[-1:] in ".?!\"»”"]
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import everyday_sentences

    base = everyday_sentences(8640)
    # Pairs far apart in the list, so neighbouring sentences differ in every word.
    return [f"{a[:-1]} y {b[0].lower()}{b[1:]}" for a, b in zip(base, base[4321:] + base[:4321])]


def paragraphs(pool: list[str]):
    """Endless paragraphs of five sentences, with a chapter title before every fortieth."""
    k = n = 0
    while True:
        if n % 40 == 0:
            yield True, f"Capítulo {n // 40 + 1}"
        yield False, " ".join(pool[(k + j) % len(pool)] for j in range(5))
        k += 5
        n += 1


def write_txt(path: Path, megabytes: float, pool: list[str]) -> int:
    """A .txt of about ``megabytes`` MB (UTF-8); returns its sentence count."""
    limit, size, count = int(megabytes * 1e6), 0, 0
    with path.open("w", encoding="utf-8") as fh:
        for heading, text in paragraphs(pool):
            data = text + "\n\n"
            fh.write(data)
            size += len(data.encode("utf-8"))
            count += 1 if heading else 5
            if size >= limit:
                break
    return count


def write_docx(path: Path, pages: int, pool: list[str]) -> int:
    import docx

    document = docx.Document()
    count = 0
    for heading, text in paragraphs(pool):
        if count >= pages * SENTENCES_PER_PAGE:
            break
        if heading:
            document.add_heading(text, 2)
            count += 1
        else:
            document.add_paragraph(text)
            count += 5
    document.save(path)
    return count


def peak(tree: Path, args: list[str], env: dict, cwd: Path) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of es2en from ``tree``."""
    env = {**env, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "pipeline", *args],
                          env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    try:
        kb = int(proc.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        kb = 0
    if proc.returncode:
        print(proc.stderr[-2000:], file=sys.stderr)
    return kb / 1024, seconds, proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.75,6,30", help="MB of .txt, comma-separated")
    ap.add_argument("--pages", type=int, default=1000, help="pages of the .docx")
    ap.add_argument("--no-docx", action="store_true")
    ap.add_argument("--base", help="commit for the baseline (a git worktree of it); default: streaming off")
    ap.add_argument("--sentences", type=Path, help="one Spanish sentence a line (default: generated)")
    args = ap.parse_args(argv)
    pool = sentences(args.sentences)
    sizes = [float(s) for s in args.sizes.split(",")]
    env = {**os.environ}
    for knob in ("ES2EN_KEEP_SEGMENTS", "ES2EN_SPOOL_SEGMENTS"):
        env.pop(knob, None)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.base:
            base_tree = tmp / "base"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base_tree), args.base],
                           check=True)
            base_env, base_label = env, f"commit {args.base}"
        else:
            base_tree = ROOT
            base_env = {**env, "ES2EN_KEEP_SEGMENTS": "1000000000", "ES2EN_SPOOL_SEGMENTS": "1000000000"}
            base_label = "streaming off"
        try:
            jobs: list[tuple[str, Path, list[str]]] = []
            for mb in sizes:
                path = tmp / f"texto-{mb:g}mb.txt"
                n = write_txt(path, mb, pool)
                jobs.append((f"{mb:g} MB .txt ({n:,} sentences)", path, []))
            if not args.no_docx:
                from pipeline.emit import FORMATS

                path = tmp / f"libro-{args.pages}p.docx"
                n = write_docx(path, args.pages, pool)
                fmts = ["--format", "docx"] + (["--format", "en.docx"] if "en.docx" in FORMATS else [])
                jobs.append((f"{args.pages}-page .docx ({n:,} sentences, {path.stat().st_size / 1e6:.1f} MB), "
                             f"{' '.join(fmts[1::2])}", path, fmts))
            print(f"{'input':58} {'es2en':>18} {'baseline (' + base_label + ')':>30}")
            peaks = []
            for label, path, fmts in jobs:
                common = ["translate", str(path), "--engine", "apertium", "--no-memory", "-q", *fmts]
                new = peak(ROOT, [*common, "--out", str(tmp / "new")], env, tmp)
                old = peak(base_tree, [*common, "--out", str(tmp / "old")], base_env, tmp)
                peaks.append(new[0])
                print(f"{label:58} {new[0]:7.0f} MB {new[1]:6.0f} s {old[0]:14.0f} MB {old[1]:6.0f} s"
                      + ("" if new[2] == old[2] == 0 else f"  exit {new[2]}/{old[2]}"), flush=True)
        finally:
            if args.base:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)])
    ratio = max(peaks) / min(peaks)
    what = ".txt and .docx" if not args.no_docx else ".txt"
    print(f"peak RSS, largest/smallest ({what}): {ratio:.2f} (target ≤ {TARGET_RATIO}: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

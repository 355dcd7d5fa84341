"""Scale: a generated 1,000-page book (≈ 50,000 segments) through Apertium.

Writes a deterministic book (chapters of newstest2012 sentences, five to a paragraph,
50 sentences a page), runs ``es2en translate --no-memory --engine apertium`` on it in
a child process whose stderr is a terminal (so the progress bar is drawn), and
prints the child's peak RSS (``getrusage(RUSAGE_CHILDREN)``), its wall time and the
last progress line it drew (with its ETA), beside baselines measured in the same run:
raw ``apertium -u`` over the same sentences (time) and es2en on the first 20 pages
(peak RSS of a small run).

    .venv/bin/python bench/scale.py [--pages 1000] [--format docx --format md ...]
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import resource
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSTEST = ROOT / "tests" / "data" / "newstest2012.es"
ES2EN = [str(ROOT / ".venv" / "bin" / "python"), "-m", "pipeline"]
SENTENCES_PER_PAGE = 50
RSS_TARGET_MB = 500


def book(pages: int) -> tuple[str, list[str]]:
    """The book's text and its sentences in order."""
    lines = [l.strip() for l in NEWSTEST.read_text(encoding="utf-8").splitlines() if l.strip()]
    # Single sentences only (a newstest line may hold two), so the count is predictable.
    lines = [l for l in lines if l.count(". ") == 0 and l[-1:] in ".?!\"»”"]
    out, used, k = [], [], 0
    for page in range(pages):
        if page % 20 == 0:
            out.append(f"Capítulo {page // 20 + 1}")
        for _ in range(SENTENCES_PER_PAGE // 5):
            para = [lines[(k + j) % len(lines)] for j in range(5)]
            k += 5
            used.extend(para)
            out.append(" ".join(para))
    return "\n\n".join(out) + "\n", used


def run_with_tty(cmd: list[str], env: dict) -> tuple[int, float, float, str]:
    """Run ``cmd`` with stderr on a pseudo-terminal; return (exit code, seconds,
    peak RSS of the child in MB, what it drew on the terminal)."""
    master, slave = pty.openpty()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    drawn = bytearray()
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk and proc.poll() is not None:
                break
            drawn.extend(chunk)
        elif proc.poll() is not None:
            break
    code = proc.wait()
    seconds = time.perf_counter() - started
    os.close(master)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: measure the big run last.
    return code, seconds, max(peak, before) / 1024, drawn.decode("utf-8", "replace")


def child_peak_mb(cmd: list[str], env: dict) -> float:
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], env=env, capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--format", dest="formats", action="append", help="outputs (default: all three)")
    args = ap.parse_args(argv)
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        text, sentences = book(args.pages)
        path = tmp / "book.txt"
        path.write_text(text, encoding="utf-8")
        small = tmp / "small.txt"
        small.write_text(book(20)[0], encoding="utf-8")
        fmts = [x for f in (args.formats or []) for x in ("--format", f)]
        (tmp / "raw.es").write_text("\n".join(sentences) + "\n", encoding="utf-8")

        started = time.perf_counter()
        with open(tmp / "raw.es", "rb") as fh:
            subprocess.run(["apertium", "-u", "spa-eng"], stdin=fh, stdout=subprocess.DEVNULL, check=True)
        raw_s = time.perf_counter() - started
        small_mb = child_peak_mb([*ES2EN, "translate", "--no-memory", "--engine", "apertium", "-q", *fmts,
                                  str(small), "--out", str(tmp / "out-small")], env)
        code, seconds, peak_mb, drawn = run_with_tty(
            [*ES2EN, "translate", "--no-memory", "--engine", "apertium", *fmts, str(path), "--out", str(tmp / "out")],
            env)
        bars = [l for l in re.split(r"[\r\n]", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)) if "ETA" in l]
        sizes = {p.name: p.stat().st_size for p in (tmp / "out").glob("*")} if code == 0 else {}

    totals = re.findall(r"/(\d+) segments", " ".join(bars))
    segments = int(totals[-1]) if totals else len(sentences)
    print(f"book              {args.pages} pages, {segments:,} segments ({len(text) / 1e6:.1f} MB of text)"
          f"{'; formats ' + ', '.join(args.formats) if args.formats else ''}")
    print(f"es2en             {seconds:,.1f} s, peak RSS {peak_mb:,.0f} MB, exit {code}")
    print(f"baseline          raw apertium -u on the same sentences: {raw_s:,.1f} s "
          f"(es2en takes {seconds / raw_s:.2f}x); es2en on 20 pages: peak RSS {small_mb:,.0f} MB")
    for name, size in sorted(sizes.items()):
        print(f"  output          {name}: {size / 1e6:.1f} MB")
    if bars:
        print(f"progress bar      {len(bars)} redraws with an ETA; one midway: {bars[len(bars) // 2].strip()!r}")
    else:
        print("progress bar      NONE drawn")
    ok = code == 0 and peak_mb < RSS_TARGET_MB and bool(bars)
    print(f"target            peak RSS < {RSS_TARGET_MB} MB with a progress bar showing an ETA: "
          f"{'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Time and memory of reading a large .docx and writing its English copy, against size.

Builds documents of N/4 and N paragraphs (each an everyday sentence and one with a bold
phrase and a link; 30 paragraphs ≈ a page; default N = 30,000: a 1,000-page document,
13 MB of document.xml) from one real package
(tests/data/docx-corpus/es__d2p__example.docx). For each, in a child process: reads it
as a run does (``pipeline.run.open_blocks``: the blocks a top-level unit at a time,
segmented, every segment given its source as "English" with its codes placed
(``protect.land_codes``: no engine, the stages around it are measured), the finished
blocks into a ``BlockSpool``), then writes the English copy from the spool. Prints the
read and write seconds and the child's peak RSS, beside the baseline in the same run:
the document held whole (``read_document``, the blocks in a list) — with ``--base REV``
the code of that commit (a ``git worktree``), e.g. the one before the DOCX was streamed.
Time should grow with size (×4), peak memory should not (target: under 500 MB at 1,000
pages, the larger peak within 1.25× of the smaller).

    PYTHONPATH=. .venv/bin/python bench/docx_english_size.py [N] [--base REV]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "docx-corpus" / "es__d2p__example.docx"
PER_PAGE = 30
TARGET_MB = 500
TARGET_RATIO = 1.25

PARA = ('<w:p><w:r><w:t xml:space="preserve">{s} La empresa invirtió </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
        '<w:t>38.000 millones de dólares</w:t></w:r><w:r><w:t xml:space="preserve"> en centros de datos de </w:t>'
        '</w:r><w:hyperlink w:anchor="x"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>inteligencia '
        'artificial</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> en el año {n}.</w:t></w:r></w:p>')


def build(n: int, out: Path) -> Path:
    """``n`` paragraphs, each an everyday sentence (tests/conftest.everyday_sentences:
    text that compresses as prose does, not past the zip-bomb guard's ratio) and one
    with a bold phrase and a link."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import everyday_sentences
    from xml.sax.saxutils import escape

    pool = [escape(t) for t in everyday_sentences(8640)]
    with zipfile.ZipFile(SOURCE) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode()
                at = text.index("<w:sectPr")
                with dst.open(item.filename, "w") as fh:
                    fh.write(text[:at].encode())
                    for k in range(n):
                        fh.write(PARA.replace("{n}", str(1000 + k)).replace("{s}", pool[(k * 7) % len(pool)]).encode())
                    fh.write(text[at:].encode())
                continue
            dst.writestr(item, data)
    return out


def child(path: Path, out: Path, held: bool) -> dict:
    """Read ``path``, give it its "English", write its English copy: seconds and peak RSS."""
    import resource

    from pipeline.emit.docx_english import write_english_docx
    from pipeline.protect import land_codes

    t0 = time.perf_counter()
    if held:  # the whole document in memory, its blocks in a list
        from pipeline.ingest import read_document
        from pipeline.run import segment_document

        doc = read_document(path)
        segment_document(doc)
        for seg in doc.segments:
            land_codes(seg, seg.source)
        spool = None
    else:  # as a run reads a document again in its turn
        from pipeline.emit.common import BlockSpool
        from pipeline.run import open_blocks, segment_block

        doc, blocks = open_blocks(path)
        spool = BlockSpool()
        for no, block in enumerate(blocks, 1):
            block.segments = segment_block(doc.id, no, block) if block.translatable else []
            for seg in block.segments:
                land_codes(seg, seg.source)
            spool.add([block])
        doc.blocks = spool  # the writers only iterate it
    t1 = time.perf_counter()
    write_english_docx(doc, out)
    t2 = time.perf_counter()
    if spool is not None:
        spool.close()
    return {"read": t1 - t0, "write": t2 - t1, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_child(tree: Path, path: Path, out: Path, held: bool) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(path), str(out),
                           *(["--held"] if held else [])], env=env, capture_output=True, text=True)
    if proc.returncode:
        print(proc.stderr[-2000:], file=sys.stderr)
        return {"read": float("nan"), "write": float("nan"), "peak": float("nan")}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paragraphs", nargs="?", type=int, default=1000 * PER_PAGE, help="the larger document's")
    ap.add_argument("--base", help="commit for the baseline (a git worktree of it); default: held whole, this code")
    ap.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--held", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child, args.held)))
        return 0
    n = args.paragraphs
    sizes = [n // 4, n]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base_tree = ROOT
        if args.base:
            base_tree = tmp / "base"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base_tree), args.base],
                           check=True)
        label = f"commit {args.base}, held whole" if args.base else "held whole"
        try:
            print(f"{'paragraphs':>10} {'pages':>6} | {'streamed: read s':>16} {'write s':>8} {'peak MB':>8} "
                  f"| {'baseline (' + label + '): read s':>36} {'write s':>8} {'peak MB':>8}")
            rows = []
            for k in sizes:
                path = build(k, tmp / f"big-{k}.docx")
                new = run_child(ROOT, path, tmp / f"new-{k}.en.docx", held=False)
                old = run_child(base_tree, path, tmp / f"old-{k}.en.docx", held=True)
                rows.append((k, new, old))
                print(f"{k:>10} {k // PER_PAGE:>6} | {new['read']:>16.2f} {new['write']:>8.2f} {new['peak']:>8.0f} "
                      f"| {old['read']:>36.2f} {old['write']:>8.2f} {old['peak']:>8.0f}", flush=True)
        finally:
            if args.base:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)])
    (small, a, _), (large, b, _) = rows
    time_ratio = (b["read"] + b["write"]) / (a["read"] + a["write"])
    ratio = max(a["peak"], b["peak"]) / min(a["peak"], b["peak"])
    ok = b["peak"] < TARGET_MB and ratio <= TARGET_RATIO
    print(f"streamed, {large // small}× the paragraphs: read + write {time_ratio:.2f}× the time; "
          f"peak RSS {b['peak']:.0f} MB (target < {TARGET_MB} MB), larger/smaller {ratio:.2f} "
          f"(target ≤ {TARGET_RATIO}): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

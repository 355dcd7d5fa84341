"""Time and memory of reading a large .docx and writing its English copy, against size.

Builds documents of N and 4·N paragraphs (each a sentence with a bold phrase, a link and
a footnote-style reference mark; 30 paragraphs ≈ a page) from one real package
(tests/data/docx-corpus/es__d2p__example.docx), reads each (pipeline.ingest), gives every
segment its source as "English" (no engine: the stages around it are measured) and writes
the English copy. Prints seconds and the peak of Python allocations (tracemalloc) of each
stage, so that growth with size shows: time should grow ×4, the writer's memory should not.

    PYTHONPATH=. python bench/docx_english_size.py [PARAGRAPHS]   # default 7,500 (250 pages)
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "docx-corpus" / "es__d2p__example.docx"

PARA = ('<w:p><w:r><w:t xml:space="preserve">La empresa invirtió </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
        '<w:t>38.000 millones de dólares</w:t></w:r><w:r><w:t xml:space="preserve"> en centros de datos de </w:t>'
        '</w:r><w:hyperlink w:anchor="x"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>inteligencia '
        'artificial</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> en el año {n}.</w:t></w:r></w:p>')


def build(n: int, out: Path) -> Path:
    with zipfile.ZipFile(SOURCE) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                text = data.decode()
                at = text.index("<w:sectPr")
                with dst.open(item.filename, "w") as fh:
                    fh.write(text[:at].encode())
                    for k in range(n):
                        fh.write(PARA.replace("{n}", str(1000 + k)).encode())
                    fh.write(text[at:].encode())
                continue
            dst.writestr(item, data)
    return out


def measure(n: int, tmp: Path) -> tuple[float, float, float, float]:
    from pipeline.emit.docx_english import write_english_docx
    from pipeline.ingest import read_document
    from pipeline.run import segment_document

    path = build(n, tmp / f"big-{n}.docx")
    tracemalloc.start()
    t0 = time.perf_counter()
    doc = read_document(path)
    segment_document(doc)
    from pipeline.protect import land_codes

    for seg in doc.segments:
        land_codes(seg, seg.source)  # the English, its codes placed (Segment.target_spans): part of the model
    t1 = time.perf_counter()
    _, read_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    write_english_docx(doc, tmp / f"big-{n}.en.docx")
    t2 = time.perf_counter()
    _, write_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return t1 - t0, read_peak / 2**20, t2 - t1, (write_peak - before) / 2**20


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7500
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(k, *measure(k, Path(tmp))) for k in (n, 4 * n)]
    print(f"{'paragraphs':>10} {'pages':>6} {'read s':>7} {'read MB':>8} {'write s':>8} {'write MB (beyond the model)':>28}")
    # read MB: the Document model, which holds every block; the writer streams the XML.
    for k, rs, rm, ws, wm in rows:
        print(f"{k:>10} {k // 30:>6} {rs:>7.2f} {rm:>8.0f} {ws:>8.2f} {wm:>28.1f}")


if __name__ == "__main__":
    main()

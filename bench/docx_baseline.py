"""es2en's English copy (en.docx) against ``apertium -f docx`` (the baseline) on the
test corpus (tests/data/docx-corpus): per file, whether every story part kept its
structure (paragraphs, tables, images, links, note references, fields, bookmarks,
sections, styles: tests/test_emit_docx_english._census), and on the Spanish versions
the Spanish function words and Apertium unknown-word marks (*word) left in the text.

    PYTHONPATH=. python bench/docx_baseline.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from test_emit_docx_english import _SPANISH_WORDS, CORPUS, NO_TEXT, STORY, _census  # noqa: E402

from pipeline.run import TranslateOptions, translate_documents  # noqa: E402

W_T = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return " ".join(b" ".join(W_T.findall(z.read(n))).decode("utf-8", "replace")
                        for n in z.namelist() if STORY.match(n))


def _kept(src: Path, out: Path) -> bool:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(out) as b:
        return all(_census(a.read(n)) == _census(b.read(n)) for n in a.namelist() if STORY.match(n))


def main() -> None:
    files = [f for f in sorted(CORPUS.glob("*.docx")) if f.name not in NO_TEXT]
    out = Path(tempfile.mkdtemp(prefix="docx-baseline-"))
    t0 = time.perf_counter()
    ours = {r.path.name: r.outputs.get("en.docx") for r in translate_documents(
        files, out / "es2en", TranslateOptions(engine="apertium", formats=("en.docx",)))}
    t1 = time.perf_counter()
    (out / "apertium").mkdir()
    theirs = {}
    for f in files:
        target = out / "apertium" / f.name
        done = subprocess.run(["apertium", "-f", "docx", "spa-eng", str(f), str(target)], capture_output=True,
                              timeout=120)
        theirs[f.name] = target if done.returncode == 0 and target.exists() else None
    t2 = time.perf_counter()
    kept = {"es2en": 0, "apertium -f docx": 0}
    print(f"{'file':46} {'es2en':>6} {'apertium -f docx':>17}")
    for f in files:
        a = ours.get(f.name) is not None and _kept(f, ours[f.name])
        b = theirs.get(f.name) is not None and _kept(f, theirs[f.name])
        kept["es2en"] += a
        kept["apertium -f docx"] += b
        if not (a and b):
            print(f"{f.name[:46]:46} {'kept' if a else 'LOST':>6} {'kept' if b else 'LOST':>17}")
    print(f"\nstructure of every story part kept: es2en {kept['es2en']}/{len(files)} files, "
          f"apertium -f docx {kept['apertium -f docx']}/{len(files)} (same {len(files)} files)")
    print(f"time: es2en {t1 - t0:.1f} s (one run), apertium -f docx {t2 - t1:.1f} s (one process per file)")
    print("\nSpanish versions: Spanish function words / *unknown marks left in the English")
    for f in (f for f in files if f.name.startswith("es__")):
        row = []
        for name, path in (("es2en", ours[f.name]), ("apertium -f docx", theirs[f.name])):
            text = _text(path) if path else ""
            words = re.findall(r"\w+", text.lower())
            marks = len(re.findall(r"[*@#]\w", text))
            row.append(f"{name}: {sum(w in _SPANISH_WORDS for w in words)} / {marks}")
        print(f"  {f.name:40} " + "   ".join(row))


if __name__ == "__main__":
    main()

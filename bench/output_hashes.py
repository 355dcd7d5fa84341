"""Hashes of every output of ``es2en translate`` on every test input, to prove a change
of how the outputs are made (streaming) leaves them byte-identical.

Inputs: tests/data/**/*.{txt,md,docx}, seeds/*, and a few generated ones (a longer
.txt, .md and .docx from tests/conftest.everyday_sentences, with headings, lists, a
table, a date line). Each is translated with Apertium, no memory, all formats, in a
child process; a DOCX is hashed part by part (its unzipped XML), and the run's
timestamp (ISO, or "YYYY-MM-DD HH:MM UTC", or the core properties' dates) is
normalised away. Prints one line per output; ``--save FILE`` writes them as JSON,
``--compare FILE`` exits 1 listing what differs from a saved run.

    PYTHONPATH=. .venv/bin/python bench/output_hashes.py --save /tmp/before.json
    … change the code …
    PYTHONPATH=. .venv/bin/python bench/output_hashes.py --compare /tmp/before.json
    PYTHONPATH=. .venv/bin/python bench/output_hashes.py --compare /tmp/before.json --streamed

``--streamed`` runs every document the way a long one goes (ES2EN_KEEP_SEGMENTS=0:
read again in its turn, a .txt streamed; ES2EN_SPOOL_SEGMENTS=0: every finished block
through the spool's file), so the small test inputs prove the long documents' path too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STAMP = re.compile(rb"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})?| \d{2}:\d{2} UTC)")


def _generated(folder: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import everyday_sentences

    sentences = everyday_sentences(1500)
    paras = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    txt = ["date 2025-11-03", "Informe Anual"]
    md = ["# Informe anual", ""]
    for n, para in enumerate(paras):
        if n % 40 == 0:
            txt.append(f"Capítulo {n // 40 + 1}")
            md.append(f"## Capítulo {n // 40 + 1}\n")
        if n % 17 == 0:
            txt.append("- " + para[:80] + "\n- " + para[80:160])
            md.append("- " + para[:80] + "\n  - " + para[80:160] + "\n")
        else:
            txt.append(para)
            md.append(("> " if n % 23 == 0 else "") + para.replace("Madrid", "*Madrid*") + "\n")
    (folder / "libro.txt").write_text("\n\n".join(txt) + "\n", encoding="utf-8")
    (folder / "libro.md").write_text("\n".join(md), encoding="utf-8")

    import docx

    document = docx.Document()
    document.add_heading("Informe de prueba", 1)
    for n, para in enumerate(paras[:120]):
        if n % 30 == 0:
            document.add_heading(f"Sección {n // 30 + 1}", 2)
        if n % 11 == 0:
            document.add_paragraph(para[:90], style="List Bullet")
        else:
            document.add_paragraph(para)
    table = document.add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = sentences[r * 2 + c]
    document.save(folder / "informe-generado.docx")
    return [folder / "libro.txt", folder / "libro.md", folder / "informe-generado.docx"]


def inputs(folder: Path) -> list[Path]:
    found = sorted(p for p in (ROOT / "tests" / "data").rglob("*")
                   if p.suffix.lower() in (".txt", ".md", ".docx") and p.is_file())
    found += sorted(p for p in (ROOT / "seeds").glob("*") if p.is_file())
    return found + _generated(folder)


def _digest(data: bytes) -> str:
    return hashlib.sha256(_STAMP.sub(b"<time>", data)).hexdigest()[:16]


def hashes(path: Path) -> dict[str, str]:
    if path.suffix != ".docx":
        return {path.name: _digest(path.read_bytes())}
    with zipfile.ZipFile(path) as zf:
        return {f"{path.name}:{name}": _digest(zf.read(name)) for name in sorted(zf.namelist())}


def run_all(python: str, streamed: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "gen").mkdir()
        for n, src in enumerate(inputs(tmp / "gen")):
            label = str(src.relative_to(ROOT)) if src.is_relative_to(ROOT) else f"generated/{src.name}"
            dest = tmp / f"out{n}"
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            if streamed:
                env.update(ES2EN_KEEP_SEGMENTS="0", ES2EN_SPOOL_SEGMENTS="0")
            proc = subprocess.run([python, "-m", "pipeline", "translate", str(src), "--out", str(dest),
                                   "--engine", "apertium", "--no-memory", "-q"],
                                  capture_output=True, text=True, env=env, cwd=tmp)
            # The summary line names temp paths and times: keep its exit code and stderr's shape.
            out[f"{label} exit"] = str(proc.returncode)
            for f in sorted(dest.glob("*")) if dest.exists() else []:
                for key, value in hashes(f).items():
                    out[f"{label} {key}"] = value
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--compare", type=Path)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--streamed", action="store_true", help="every document through the long documents' path")
    args = ap.parse_args(argv)
    got = run_all(args.python, args.streamed)
    for key, value in got.items():
        print(f"{value}  {key}")
    if args.save:
        args.save.write_text(json.dumps(got, indent=1, sort_keys=True))
    if args.compare:
        want = json.loads(args.compare.read_text())
        diff = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
        for key in diff:
            print(f"DIFFERS: {key}: {want.get(key)} → {got.get(key)}")
        print(f"{len(got)} outputs/parts compared, {len(diff)} differ")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

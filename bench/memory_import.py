"""Memory import at scale: ``memory import`` of 10k, 30k and 100k TMX units, time per unit
beside the 10k baseline of the same run.

For each size a TMX is generated (distinct Spanish sentences, every tenth with a ``<ph>``
and a ``<bpt>``/``<ept>`` pair, dates on every unit) and imported twice into a fresh
memory: first into the empty memory (every unit *stored*), then a newer version of the
same file (every unit *replaced*: each decision reads the existing row, writes the new
one and a history line). Reading the file is timed apart from deciding and writing.
The import decides in batches with indexed lookups and one transaction per batch, so
the time per unit grows only as the indexes deepen and a batch touches more of their
pages (a per-unit scan would make it grow tenfold from 10k to 100k). Target: at 100k, the time per unit of
each pass ≤ 1.5× the 10k one (noise on a shared machine included; the best of
``--repeat`` runs counts).

    .venv/bin/python bench/memory_import.py [--sizes 10000,30000,100000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.interchange import import_units, read_units  # noqa: E402
from pipeline.memory import TranslationMemory  # noqa: E402

TARGET = 1.5
WORDS = ("ventas", "informe", "mercado", "empresa", "gobierno", "precio", "ciudad", "datos", "año", "sector",
         "crecimiento", "país", "banco", "proyecto", "equipo", "servicio")
ENGLISH = ("sales", "report", "market", "company", "government", "price", "city", "data", "year", "sector",
           "growth", "country", "bank", "project", "team", "service")


def _sentence(i: int, words) -> str:
    picks = [words[(i // len(words) ** k) % len(words)] for k in range(4)]
    return f"{picks[0].capitalize()} {picks[1]} {picks[2]} {picks[3]} número {i}"


def write_tmx(path: Path, n: int, date: str, suffix: str = "") -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="es" '
                 'segtype="sentence" datatype="plaintext" adminlang="en" creationtool="bench" '
                 'creationtoolversion="1" o-tmf="bench"/><body>\n')
        for i in range(n):
            es, en = _sentence(i, WORDS), _sentence(i, ENGLISH).replace("número", "number") + suffix
            if i % 10 == 0:
                es = f'{es} <ph x="1">&lt;br/&gt;</ph><bpt i="2" x="2">&lt;b&gt;</bpt>fin<ept i="2">&lt;/b&gt;</ept>.'
                en = f'{en} <ph x="1">&lt;br/&gt;</ph><bpt i="2" x="2">&lt;b&gt;</bpt>end<ept i="2">&lt;/b&gt;</ept>.'
            else:
                es, en = es + ".", en + "."
            fh.write(f'<tu tuid="{i}" changedate="{date}" changeid="bench"><tuv xml:lang="es"><seg>{es}</seg></tuv>'
                     f'<tuv xml:lang="en"><seg>{en}</seg></tuv></tu>\n')
        fh.write("</body></tmx>\n")


def measure(n: int, folder: Path) -> dict[str, float]:
    first, second = folder / f"first-{n}.tmx", folder / f"second-{n}.tmx"
    write_tmx(first, n, "20260101T000000Z")
    write_tmx(second, n, "20260301T000000Z", suffix=" (revised)")
    out = {}
    with TranslationMemory(folder / f"m-{n}.sqlite") as memory:
        for name, path, expect in (("stored", first, "stored"), ("replaced", second, "replaced")):
            t = time.perf_counter()
            units = read_units(path)
            out[f"read {name}"] = time.perf_counter() - t
            t = time.perf_counter()
            result = import_units(memory, units, reviewer="bench", file=str(path))
            out[name] = time.perf_counter() - t
            done = result.stored if expect == "stored" else len(result.replaced)
            if done != n:
                raise SystemExit(f"{path.name}: {done} {expect} of {n}: {result.summary(path)[0]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    best: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for n in sizes:
                folder = Path(tmp) / f"{n}-{time.monotonic_ns()}"
                folder.mkdir()
                got = measure(n, folder)
                best[n] = {k: min(v, best.get(n, {}).get(k, v)) for k, v in got.items()}
    base = sizes[0]
    ok = True
    print(f"memory import     TMX units, 1 in 10 with inline codes; µs per unit (× the {base:,}-unit baseline)")
    for n in sizes:
        cells = []
        for phase in ("read stored", "stored", "replaced"):
            per = best[n][phase] / n * 1e6
            ratio = per / (best[base][phase] / base * 1e6)
            cells.append(f"{phase} {per:7.1f} µs ({ratio:4.2f}×)")
            if phase != "read stored" and ratio > TARGET:
                ok = False
        total = sum(best[n].values())
        print(f"  {n:>7,} units   " + "   ".join(cells) + f"   total {total:5.1f} s")
    print(f"target            per-unit import time at {sizes[-1]:,} ≤ {TARGET}× the {base:,} one: "
          f"{'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

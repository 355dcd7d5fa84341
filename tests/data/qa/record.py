"""Record real engine outputs for the QA tests (run by hand; the tests only read the JSONL).

    .venv/bin/python tests/data/qa/record.py

For every case (a newstest2012 sentence, given by line number, or a short sentence
written here) it stores what the engines really returned:

- ``pipeline``: es2en's own run — segment, protect numbers and glossary terms, translate,
  restore — for Apertium and for the vendored test model (Argos, CPU);
- ``raw``: the engine alone on the plain Spanish (no protection);
- ``encoded`` (Apertium): the engine's output for the protected input before restore,
  placeholders and all.

Output: tests/data/qa/engine_outputs.jsonl, one object per (case, engine, mode):
{"case", "engine", "mode", "source", "target", "unknown_words", "flags"}.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
NEWSTEST = HERE.parent / "newstest2012.es"

#: newstest2012.es line numbers (1-based)
NEWSTEST_LINES = [1, 2, 3, 7, 8, 21, 33, 86, 127, 273, 318, 372, 1675, 1694, 1866, 2134, 2270,
                  2587, 2652, 2694, 2880, 2959]
SENTENCES = {
    "seed-38bn": "La alianza, valorada en $38,000 millones de dólares, permitirá a OpenAI acceder durante siete "
                 "años a la infraestructura de cómputo y almacenamiento de Amazon, con el fin de sostener el "
                 "crecimiento de sus modelos de inteligencia artificial (IA).",
    "seed-1.5tn": "La compañía dirigida por Sam Altman tiene previsto invertir alrededor de $1.5 billones de "
                  "dólares en infraestructura tecnológica para los próximos años.",
    "budget": "El presupuesto (que se aprobó ayer) asciende a 38.000 millones de euros.",
    "inflation": "La inflación subió 1,5 puntos porcentuales, hasta el 3,2%.",
    "gdp": "El Banco de España prevé que el PIB crezca un 2,1% en 2025.",
    "chamber": "La Cámara de Diputados aprobó la reforma con 300 votos a favor.",
    "datacenters": "Los centros de datos de la IA consumen mucha energía.",
    "date": "El 3 de noviembre de 2025 se firmó el acuerdo.",
    "web-email": "Más información en www.ejemplo.es o escribiendo a info@empresa.es.",
    "url": "Visite https://www.gob.mx/salud para consultar el calendario de vacunación.",
    "parens": "Es (muy) importante.",
    "brackets": "La empresa [con sede en Madrid] crece.",
    "si-si": "Sí, sí, sí, sí.",
    "gracias": "Muchas gracias, muchas gracias, muchas gracias.",
    "library": "¿Dónde está la biblioteca?",
    "quote": "\"Es un paso importante\", dijo el ministro.",
    "tom": "Tom, ¿dónde estás?",
    "mdp": "Pemex reportó una deuda de 48 mil mdp en el trimestre.",  # numbers.unread: "48 one thousand mdp"
}


def cases() -> dict[str, str]:
    lines = NEWSTEST.read_text(encoding="utf-8").splitlines()
    out = {f"nt{n}": " ".join(lines[n - 1].split()) for n in NEWSTEST_LINES}
    out.update(SENTENCES)
    return out


def install_test_model() -> None:
    pkg_dir = Path(tempfile.mkdtemp()) / "packages"
    pkg_dir.mkdir()
    os.environ["ARGOS_PACKAGES_DIR"] = str(pkg_dir)
    import argostranslate.package
    import argostranslate.settings as settings

    settings.package_data_dir = pkg_dir
    settings.package_dirs = [pkg_dir]
    argostranslate.package.install_from_path(ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel")


def pipeline_run(texts: dict[str, str], engine) -> dict[str, tuple]:
    from pipeline.model import Block, BlockKind, Document
    from pipeline.run import SpanFinders, TranslateOptions, segment_document
    from pipeline.translate import translate_segments

    keys = list(texts)
    doc = Document(path=Path("cases"), id="cases", format="txt",
                   blocks=[Block(BlockKind.PARAGRAPH, texts[k]) for k in keys])
    segment_document(doc)
    SpanFinders.prepare(TranslateOptions()).apply(doc)
    spans = {k: [s for s in b.segments[0].spans] for k, b in zip(keys, doc.blocks)}
    translate_segments(doc.segments, engine)
    out = {}
    for k, b in zip(keys, doc.blocks):
        assert len(b.segments) == 1, (k, [s.source for s in b.segments])
        s = b.segments[0]
        out[k] = (s.target, list(s.unknown_words), [str(f) for f in s.flags], spans[k])
    return out


def main() -> None:
    from pipeline import protect
    from pipeline.engines import select_engine
    from pipeline.engines.apertium import ApertiumEngine

    texts = cases()
    keys = list(texts)
    records = []
    install_test_model()
    for name, make in (("apertium", ApertiumEngine), ("testmodel", lambda: select_engine("argos", "cpu").engine)):
        engine = make()
        try:
            piped = pipeline_run(texts, engine)
            raw = engine.translate_batch([texts[k] for k in keys])
            raw_unknown = list(getattr(engine, "last_unknown", []) or [[] for _ in keys])
            for k, r, unk in zip(keys, raw, raw_unknown):
                target, unknown, flags, spans = piped[k]
                records.append({"case": k, "engine": name, "mode": "pipeline", "source": texts[k], "target": target,
                                "unknown_words": unknown, "flags": flags})
                records.append({"case": k, "engine": name, "mode": "raw", "source": texts[k], "target": r,
                                "unknown_words": list(unk), "flags": []})
            if name == "apertium":
                protected = [(k, spans) for k in keys if (spans := [s for s in protect.resolve_overlaps(piped[k][3])])]
                outs = engine.translate_batch([protect.encode_markup(texts[k], sp) for k, sp in protected])
                for (k, _), o in zip(protected, outs):
                    records.append({"case": k, "engine": name, "mode": "encoded", "source": texts[k], "target": o,
                                    "unknown_words": [], "flags": []})
        finally:
            engine.close()
    out = HERE / "engine_outputs.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records → {out}")


if __name__ == "__main__":
    main()

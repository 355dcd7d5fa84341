"""Emit stage: output names, Markdown writers and reading our bilingual files back.

Documents are built by hand from the seed article's sentences (Spanish) with
hand-written English, so these tests do not depend on ingest/segment/translate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.emit import FORMATS, output_paths, read_bilingual, write_outputs
from pipeline.emit.markdown import bilingual_markdown, english_markdown, escape_cell
from pipeline.emit.bilingual_read import unescape_cell
from pipeline.errors import InputError
from pipeline.model import Block, BlockKind, Document, RunInfo, Segment

# The seed article (seeds/openai-aws-alliance.txt), sentence by sentence, with English.
SEED_PARAGRAPHS: list[list[tuple[str, str]]] = [
    [
        (
            "Con una inversión récord, OpenAI y Amazon sellan una alianza estratégica para impulsar la "
            "infraestructura que sostendrá la inteligencia artificial avanzada.",
            "With a record investment, OpenAI and Amazon seal a strategic alliance to boost the "
            "infrastructure that will sustain advanced artificial intelligence.",
        )
    ],
    [
        (
            "OpenAI, creadora de ChatGPT, selló un acuerdo sin precedentes con Amazon Web Services (AWS), "
            "la división de servicios en la nube de Amazon.",
            "OpenAI, the creator of ChatGPT, sealed an unprecedented deal with Amazon Web Services (AWS), "
            "Amazon's cloud services division.",
        ),
        (
            "La alianza, valorada en $38,000 millones de dólares, permitirá a OpenAI acceder durante siete "
            "años a la infraestructura de cómputo y almacenamiento de Amazon, con el fin de sostener el "
            "crecimiento de sus modelos de inteligencia artificial (IA).",
            "The alliance, valued at $38 billion, will give OpenAI access to Amazon's computing and storage "
            "infrastructure for seven years in order to sustain the growth of its artificial intelligence "
            "(AI) models.",
        ),
    ],
    [
        (
            "De acuerdo con un comunicado emitido por Amazon, el convenio le da a OpenAI acceso casi "
            "inmediato a parte de la potencia de procesamiento de AWS, respaldada por chips de Nvidia, "
            "considerados esenciales para entrenar modelos de inteligencia artificial.",
            "According to a statement issued by Amazon, the agreement gives OpenAI almost immediate access "
            "to part of AWS's processing power, backed by Nvidia chips, considered essential for training "
            "artificial intelligence models.",
        ),
        (
            "Este paso busca resolver uno de los principales desafíos del sector: la enorme cantidad de "
            "energía y capacidad computacional que requieren las nuevas generaciones de IA.",
            "This step seeks to solve one of the sector's main challenges: the enormous amount of energy "
            "and computing capacity that new generations of AI require.",
        ),
    ],
    [
        (
            "La compañía dirigida por Sam Altman tiene previsto invertir alrededor de $1.5 billones de "
            "dólares en infraestructura tecnológica para los próximos años.",
            "The company led by Sam Altman plans to invest around $1.5 trillion in technology "
            "infrastructure over the coming years.",
        )
    ],
    [
        (
            "Para Amazon, la alianza representa una oportunidad de consolidar su liderazgo en el negocio de "
            "los centros de datos.",
            "For Amazon, the alliance is an opportunity to consolidate its leadership in the data center "
            "business.",
        )
    ],
    [
        (
            "“A medida que OpenAI continúa ampliando los límites de lo posible, la infraestructura de primer "
            "nivel de AWS servirá como columna vertebral de sus ambiciones en inteligencia artificial”, "
            "declaró Matt Garman, director ejecutivo de AWS.",
            "“As OpenAI continues to push the boundaries of what is possible, AWS's best-in-class "
            "infrastructure will serve as the backbone of its artificial intelligence ambitions,” said Matt "
            "Garman, chief executive of AWS.",
        )
    ],
    [
        (
            "La compañía de Jeff Bezos había sido una de las pocas grandes tecnológicas que hasta ahora se "
            "había mantenido sin acuerdos directos con OpenAI.",
            "Jeff Bezos's company had been one of the few big tech companies that until now had stayed "
            "without direct agreements with OpenAI.",
        )
    ],
    [
        (
            "Para OpenAI, la prioridad es asegurarse la capacidad suficiente para mantener el ritmo de "
            "innovación.",
            "For OpenAI, the priority is to secure enough capacity to keep up the pace of innovation.",
        )
    ],
    [
        (
            "“Escalar la IA de frontera requiere una capacidad informática masiva y confiable”, explicó Sam "
            "Altman.",
            "“Scaling frontier AI requires massive, reliable compute,” Sam Altman explained.",
        )
    ],
    [
        (
            "“Nuestra alianza con AWS fortalece el ecosistema informático que impulsará esta nueva era y "
            "llevará la inteligencia artificial avanzada a todos”, añadió.",
            "“Our partnership with AWS strengthens the broad compute ecosystem that will power this next "
            "era and bring advanced AI to everyone,” he added.",
        )
    ],
    [
        (
            "El acuerdo contempla que, para finales de 2026, OpenAI utilice por completo los recursos "
            "contratados de AWS.",
            "The agreement provides for OpenAI to use the contracted AWS resources in full by the end of 2026.",
        ),
        (
            "Altman reconoció que la demanda energética crecerá de forma exponencial: hacia 2030, el consumo "
            "de sus modelos podría equivaler al gasto semanal de una central nuclear.",
            "Altman acknowledged that energy demand will grow exponentially: by 2030, the consumption of "
            "its models could equal the weekly output of a nuclear power plant.",
        ),
    ],
]

RUN = RunInfo(
    engine="apertium",
    model_version="apertium-eng-spa 0.8.0",
    glossaries=["glossaries/tech.tsv", "/home/ed/terms/companies.csv"],
    created="2025-11-20T10:31:05+00:00",
    source_locale="es-MX",
)

DOC_ID = "openai-aws-alliance"


class Builder:
    """Builds a Document block by block, giving segments ids doc/block/sentence."""

    def __init__(self, doc_id: str = DOC_ID, path: str = "seeds/openai-aws-alliance.txt"):
        self.doc = Document(path=Path(path), id=doc_id, format="txt", metadata={"date": "2025-11-03"})

    def add(self, kind: BlockKind, sentences=(), text: str | None = None, level: int = 0, **attrs) -> Block:
        b = len(self.doc.blocks)
        if text is None:
            text = " ".join(es for es, _ in sentences)
        block = Block(kind=kind, text=text, level=level, attrs=attrs)
        for i, (es, en) in enumerate(sentences):
            block.segments.append(Segment(id=f"{self.doc.id}/{b}/{i}", source=es, target=en))
        self.doc.blocks.append(block)
        return block


def seed_document(repeat: int = 1, flags: bool = True) -> Document:
    """The seed article as a translated Document; ``repeat`` copies make it long."""
    bld = Builder()
    bld.add(BlockKind.HEADING, [("Conclusiones Clave", "Key Findings")], level=1)
    for part in range(repeat):
        if repeat > 1:
            bld.add(BlockKind.HEADING, [(f"Parte {part + 1}: la alianza", f"Part {part + 1}: the alliance")], level=2)
        for paragraph in SEED_PARAGRAPHS:
            bld.add(BlockKind.PARAGRAPH, paragraph)
    if flags:
        def first(word: str) -> Segment:
            return next(s for s in bld.doc.segments if word in s.source)

        first("$38,000").flag("numbers", "error", "$38,000 millones = 38,000,000,000 USD not in English (found $83 billion)")
        first("centros de datos").flag("terms", "warning", "“centro de datos” → “data center” (glossary tech.tsv) missing")
        first("centros de datos").flag("untranslated", "info", "target ratio 0.61 is low for this source length")
        first("Escalar la IA").flag("length", "info", "target/source length ratio 0.61")
    return bld.doc


def mixed_document() -> Document:
    """Every block kind, nesting, odd characters and an untranslated segment, with
    the attrs the Markdown reader sets (pipeline/ingest/markdown.py)."""
    bld = Builder("mixed", "docs/mixed.md")
    bld.doc.format = "md"
    bld.doc.metadata = {"date": "2025-11-03", "author": "Redacción"}
    bld.add(BlockKind.FRONT_MATTER, text="title: Prueba\ntags: [a, b]", format="yaml", delimiter="---")
    bld.add(BlockKind.HEADING, [("Título | con barra", "Title | with pipe")], level=1)
    bld.add(BlockKind.METADATA, text="date 2025-11-03")
    bld.add(BlockKind.PARAGRAPH, [("Línea uno\nlínea dos.", "Line one\nline two."), ("¿Qué <br> es?", "What <br> is it?")])
    bld.add(BlockKind.LIST_ITEM, [("Primero.", "First.")], level=1, marker="-")
    bld.add(BlockKind.LIST_ITEM, [("Anidado.", "Nested.")], level=2, marker="1.", ordered=True)
    bld.add(BlockKind.LIST_ITEM, [("Anidado dos.", "Nested two.")], level=2, marker="2.", ordered=True)
    bld.add(BlockKind.LIST_ITEM, [("Segundo.", None)], level=1, marker="-")
    bld.add(BlockKind.CODE, text="def f(x):\n    return x | 1  # ``` inside", info="python", fence="```")
    bld.add(BlockKind.HEADING, [("Sección", "Section")], level=2)
    bld.add(BlockKind.PARAGRAPH, [("2025. Un año con *énfasis* y \\| barra escapada.", "2025. A year with *emphasis* and \\| escaped pipe.")])
    bld.add(BlockKind.RAW, text="<div align=\"center\">x</div>", html=True)
    bld.add(BlockKind.PARAGRAPH, [("Cita uno.", "Quote one.")], blockquote=1)
    bld.add(BlockKind.PARAGRAPH, [("Cita dos.", "Quote two.")], blockquote=1)
    bld.add(BlockKind.LIST_ITEM, [("Viñeta.", "Bullet.")], level=1, marker="•")
    bld.add(BlockKind.PARAGRAPH, [("Más texto del punto.", "More text of the item.")], list_level=1)
    bld.add(BlockKind.LIST_ITEM, [("Letra.", "Letter.")], level=1, marker="b)", ordered=True)
    for row, (a, b) in enumerate([("Empresa", "Monto"), ("AWS", "$38,000 millones"), ("", "siete | años")]):
        for col, text in enumerate((a, b)):
            en = {"Empresa": "Company", "Monto": "Amount", "siete | años": "seven | years"}.get(text, text)
            bld.add(BlockKind.PARAGRAPH, [(text, en)] if text else [], text=text, table=0, row=row, col=col,
                    header=row == 0, align="right" if col else None)
    bld.doc.segments[1].flag("numbers", "warning", "a | pipe\nand a newline")
    bld.add(BlockKind.HEADING, [("Los datos de **Amazon**", "The **Amazon** data")], level=2)
    return bld.doc


# --- API ---------------------------------------------------------------------------


def test_output_paths_names_and_subsets(tmp_path):
    doc = seed_document()
    assert output_paths(doc, tmp_path, FORMATS) == {
        "docx": tmp_path / "openai-aws-alliance.bilingual.docx",
        "md": tmp_path / "openai-aws-alliance.bilingual.md",
        "en.md": tmp_path / "openai-aws-alliance.en.md",
    }
    assert list(output_paths(doc, tmp_path, ["en.md", "docx"])) == ["docx", "en.md"]
    assert list(output_paths(doc, tmp_path, "md")) == ["md"]
    with pytest.raises(ValueError, match="pdf"):
        output_paths(doc, tmp_path, ["pdf"])


def test_write_outputs_writes_each_chosen_format_and_nothing_else(tmp_path):
    doc = seed_document()
    out = tmp_path / "out" / "nested"  # created on demand
    paths = write_outputs(doc, out, RUN, formats=("md", "en.md"))
    assert sorted(p.name for p in out.iterdir()) == ["openai-aws-alliance.bilingual.md", "openai-aws-alliance.en.md"]
    assert all(p.stat().st_size > 0 for p in paths.values())
    paths = write_outputs(doc, out, RUN)
    assert set(paths) == set(FORMATS) - {"en.docx"}  # the English copy is made from .docx sources only
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths.values())  # no temp files left


def test_failed_write_leaves_previous_output(tmp_path, monkeypatch):
    doc = seed_document()
    paths = write_outputs(doc, tmp_path, RUN, formats=["md"])
    before = paths["md"].read_text(encoding="utf-8")
    doc.blocks[1].segments[0].target = "CHANGED"
    import pipeline.emit.markdown as md

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(md, "table_rows", broken)
    with pytest.raises(RuntimeError):
        write_outputs(doc, tmp_path, RUN, formats=["md"])
    assert paths["md"].read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == [paths["md"].name]


# --- bilingual Markdown --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["plain", "a | b", "a\nb", "a\r\nb", "x <br> y", "x <BR/> y", "ends with |", "\\| already", "|", ""],
)
def test_cell_escaping_round_trips(text):
    cell = escape_cell(text)
    assert "\n" not in cell and "\r" not in cell
    assert "|" not in cell.replace("\\|", "")
    assert unescape_cell(cell) == text.replace("\r\n", "\n")


def test_bilingual_markdown_layout():
    doc = seed_document()
    text = bilingual_markdown(doc, RUN)
    lines = text.splitlines()
    assert lines[0].startswith("<!-- es2en:bilingual doc=openai-aws-alliance")
    assert lines[1] == "# Key Findings"
    assert "*Conclusiones Clave*" in lines
    for expected in (
        "- **Source file:** openai-aws-alliance.txt",
        "- **Date:** 2025-11-03",
        "- **Engine:** apertium · apertium-eng-spa 0.8.0",
        "- **Glossaries:** tech.tsv, companies.csv",
        "- **Translated:** 2025-11-20 10:31 UTC",
    ):
        assert expected in lines
    assert "| # | Español | English | QA |" in lines
    assert "| **openai-aws-alliance/0/0** | **Conclusiones Clave** | **Key Findings** |  |" in lines
    row = next(l for l in lines if l.startswith("| openai-aws-alliance/2/1 |"))
    assert "$38,000 millones" in row and "error: numbers:" in row
    # one table, one row per segment
    assert sum(1 for l in lines if l.startswith("| openai-aws-alliance/")) == len(doc.segments) - 1


def test_bilingual_markdown_without_flags_has_three_columns():
    text = bilingual_markdown(seed_document(flags=False), RUN)
    assert "| # | Español | English |" in text.splitlines()
    assert "QA" not in text


def test_bilingual_markdown_verbatim_blocks_break_the_table():
    text = bilingual_markdown(mixed_document(), RUN)
    assert "```yaml\n---\ntitle: Prueba\ntags: [a, b]\n---\n```" in text  # delimiters put back
    assert "````python\ndef f(x):\n    return x | 1  # ``` inside\n````" in text  # fence longer than content's
    assert "\n_date 2025-11-03_\n" in text
    assert text.count("| # | Español | English | QA |") == 4  # table resumes after each verbatim block
    assert "| mixed/3/0 | Línea uno<br>línea dos. | Line one<br>line two. |" in text
    assert "| mixed/7/0 | Segundo. |  |  |" in text  # untranslated: empty English cell


def test_markdown_round_trip_through_reader(tmp_path):
    for doc in (seed_document(), mixed_document()):
        path = write_outputs(doc, tmp_path, RUN, formats=["md"])["md"]
        rows = read_bilingual(path)
        assert [r.id for r in rows] == [s.id for s in doc.segments]
        assert [r.source for r in rows] == [s.source for s in doc.segments]
        assert [r.target for r in rows] == [s.target or "" for s in doc.segments]
        assert [r.qa for r in rows] == ["\n".join(str(f) for f in s.flags) for s in doc.segments]
        assert not any(r.problem for r in rows)
        heading_ids = {s.id for b in doc.blocks if b.kind is BlockKind.HEADING for s in b.segments}
        assert {r.id for r in rows if r.heading} == heading_ids


def test_markdown_reader_reports_hand_edits(tmp_path):
    doc = seed_document(flags=False)
    path = write_outputs(doc, tmp_path, RUN, formats=["md"])["md"]
    text = path.read_text(encoding="utf-8")
    text = text.replace("$38 billion", "$83 billion")
    text = text.replace("| openai-aws-alliance/4/0 |", "| |")  # id removed
    text = text.replace("| openai-aws-alliance/5/0 | Para Amazon,", "| openai-aws-alliance/5/0 | extra | Para Amazon,")
    path.write_text(text, encoding="utf-8")
    rows = {r.where: r for r in read_bilingual(path)}
    by_id = {r.id: r for r in rows.values()}
    assert "$83 billion" in by_id["openai-aws-alliance/2/1"].target
    assert any(r.problem.startswith("row has no segment id") for r in rows.values())
    assert by_id["openai-aws-alliance/5/0"].problem == "4 cells where 3 were written"
    assert all(r.where.startswith("line ") for r in rows.values())


def test_reader_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_bilingual(tmp_path / "missing.md")
    other = tmp_path / "notes.md"
    other.write_text("| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    with pytest.raises(InputError, match="no es2en bilingual table"):
        read_bilingual(other)
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable .docx"):
        read_bilingual(bad)
    with pytest.raises(InputError, match="expected .docx or .md"):
        read_bilingual(other.rename(tmp_path / "notes.txt"))


# --- English-only Markdown ---------------------------------------------------


def test_english_markdown_keeps_structure():
    text = english_markdown(mixed_document(), RUN)
    assert text.startswith("---\ntitle: Prueba\ntags: [a, b]\n---\n\n<!-- Translated from Spanish by es2en;")
    assert "Date:" not in text  # the metadata is already shown by the front matter and the METADATA block
    assert "\n# Title | with pipe\n" in text
    assert "\n_date 2025-11-03_\n" in text
    assert "\nLine one\nline two. What <br> is it?\n" in text
    # list markers kept; nesting indented to the parent's content; untranslated → Spanish
    assert "\n- First.\n  1. Nested.\n  2. Nested two.\n- Segundo.\n" in text
    assert "\n````python\ndef f(x):\n    return x | 1  # ``` inside\n````\n" in text
    assert "\n## Section\n" in text
    assert "\n2025\\. A year with *emphasis*" in text  # not an ordered list
    assert '\n<div align="center">x</div>\n' in text
    assert "\n> Quote one.\n>\n> Quote two.\n" in text  # one block quote
    # "•" is no Markdown marker; a further paragraph of an item stays inside it; "b)" → "1."
    assert "\n- Bullet.\n\n  More text of the item.\n1. Letter.\n" in text
    assert "| Company | Amount |\n|---|---:|\n| AWS | $38,000 millones |\n|  | seven \\| years |\n" in text
    assert text.endswith("\n## The **Amazon** data\n")
    assert "Conclus" not in text and "Español" not in text


def test_english_markdown_metadata_line_when_not_shown_otherwise():
    text = english_markdown(seed_document(), RUN)
    assert text.splitlines()[2] == "_Date: 2025-11-03_"


def test_english_markdown_of_seed_has_no_spanish_and_no_table():
    doc = seed_document()
    text = english_markdown(doc, RUN)
    assert "# Key Findings" in text
    assert "|" not in text
    for block in doc.blocks[1:]:
        assert f"\n{block.target}\n" in text
    assert "inversión" not in text


def test_importing_emit_does_not_import_python_docx():
    import subprocess
    import sys

    code = "import sys, pipeline.emit; print(sorted(m for m in ('docx', 'lxml', 'babel') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout
    assert out.strip() == "[]"

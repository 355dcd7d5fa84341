"""glossary lint: each finding on a real file, with file:line."""

from __future__ import annotations

from pathlib import Path

from pipeline.glossary.lint import lint_files

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [ROOT / "glossaries" / n for n in ("currencies.tsv", "general.tsv", "names.tsv")]


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def found(findings, severity, check):
    return [f for f in findings if f.severity == severity and f.check == check]


def test_shipped_glossaries_are_clean():
    findings = lint_files(SHIPPED)
    assert [str(f) for f in findings if f.severity != "info"] == []


def test_errors_and_warnings_in_one_file(tmp_path):
    p = write(
        tmp_path,
        "g.tsv",
        "es\ten\tes_variants\tpos\n"
        "nube\tcloud\n"                       # 2
        "nube\tcloud\n"                       # 3 duplicate
        "Nube\tcloud computing\n"             # 4 conflict in the same file
        "centro de datos \tdata center\n"     # 5 stray whitespace
        "IA\tAI\tIA\n"                        # 6 variant repeats the term
        "red\tnetwork\t\tnoum\n"              # 7 unknown pos
        "roto\t\n"                            # 8 empty field
        "a\tb\t\t\t\t\n"                      # 9 extra tabs
        "tipo  de interés\tinterest rate\n",  # 10 double space
    )
    fs = lint_files([p])
    where = lambda sev, check: sorted(f.where for f in found(fs, sev, check))  # noqa: E731
    assert where("error", "format") == [f"{p}:8"]
    assert where("error", "conflict") == [f"{p}:4"]
    assert where("warning", "duplicate") == [f"{p}:3"]
    assert where("warning", "whitespace") == [f"{p}:10", f"{p}:5"]
    assert where("warning", "variants") == [f"{p}:6"]
    assert where("warning", "pos") == [f"{p}:7"]
    assert where("warning", "columns") == [f"{p}:9"]
    assert str(found(fs, "error", "format")[0]) == f"{p}:8: error: format: empty 'en' field"


def test_bad_header_is_one_error(tmp_path):
    p = write(tmp_path, "g.tsv", "spanish\tenglish\nnube\tcloud\n")
    fs = lint_files([p])
    assert [str(f) for f in fs] == [
        f"{p}:1: error: format: unknown column 'spanish' in header (known: es, en, es_variants, en_plural, case, pos, domain, note)"
    ]


def test_conflicts_across_files_and_shadowing(tmp_path):
    a = write(tmp_path, "a.tsv", "es\ten\nnube\tcloud\ndato\tdatum\n")
    b = write(tmp_path, "b.tsv", "es\ten\tes_variants\nNube\tthe cloud\nnubes\tclouds\ndatos\tdata\tnubes\n")
    fs = lint_files([a, b])
    [conflict] = found(fs, "warning", "conflict")
    assert conflict.where == f"{b}:2" and "the later file wins" in conflict.message
    shadowed = found(fs, "warning", "shadowed")
    # 'nubes' (b:3) is also a variant of 'datos' (b:4), which comes later and wins
    assert [f.where for f in shadowed] == [f"{b}:3"] and "never matches" in shadowed[0].message
    infos = [f.message for f in found(fs, "info", "shadowed")]
    assert any("generated form 'datos'" in m for m in infos)


def test_inside_longer_entries_and_against(tmp_path):
    g = write(tmp_path, "g.tsv", "es\ten\nnube\tcloud\nnube híbrida\thybrid cloud\nquásar\tquasar\n")
    doc = write(tmp_path, "doc.txt", "La nube híbrida.\nOtra nube.\n")
    fs = lint_files([g], against=[doc])
    assert [f.where for f in found(fs, "info", "inside")] == [f"{g}:2"]
    assert [f.message for f in found(fs, "info", "unused")] == [f"'quásar' never matched in {doc}"]


def test_tbx_entries_without_english_are_warnings(tmp_path):
    p = write(
        tmp_path,
        "g.tbx",
        '<martif type="TBX"><text><body><termEntry><langSet xml:lang="es"><tig><term>solo</term></tig>'
        "</langSet></termEntry></body></text></martif>",
    )
    fs = lint_files([p])
    assert [(f.severity, f.message) for f in fs] == [("warning", "entry has no 'en' term")]

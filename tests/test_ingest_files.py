"""read_document dispatch and errors; iter_input_files over files, directories, globs."""

from __future__ import annotations

import os

import docx
import pytest

from pipeline.errors import InputError
from pipeline.ingest import SUPPORTED_SUFFIXES, document_id, iter_input_files, read_document

from conftest import SEED


def _error(call, *args) -> InputError:
    with pytest.raises(InputError) as info:
        call(*args)
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 2
    return info.value


def test_supported_suffixes():
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".docx"}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("openai-aws-alliance.txt", "openai-aws-alliance"),
        ("Informe Año 2025 (final).docx", "informe-ano-2025-final"),
        ("notas.markdown", "notas"),
        ("¿¿??.md", "doc"),
        ("x" * 80 + ".txt", "x" * 48),
    ],
)
def test_document_id(name, expected):
    assert document_id(name) == expected


def test_missing_file(tmp_path):
    err = _error(read_document, tmp_path / "no-existe.txt")
    assert str(err) == f"{tmp_path / 'no-existe.txt'}: no such file"


def test_unsupported_suffix(tmp_path):
    p = tmp_path / "informe.pdf"
    p.write_bytes(b"%PDF-1.4")
    err = _error(read_document, p)
    assert str(p) in str(err) and "unsupported file type '.pdf'" in str(err)
    assert ".docx" in str(err)


def test_directory_given_to_read_document(tmp_path):
    assert "is a directory" in str(_error(read_document, tmp_path))


@pytest.mark.parametrize(
    "name, content",
    [
        ("vacio.txt", b""),
        ("blanco.txt", b"  \n\t\n\xc2\xa0\n"),
        ("vacio.md", b""),
        ("blanco.md", b"\n\n   \n"),
        ("solo-codigo.md", b"---\ntitle: x\n---\n\n```\ncodigo\n```\n"),
    ],
)
def test_no_text_to_translate(tmp_path, name, content):
    p = tmp_path / name
    p.write_bytes(content)
    err = _error(read_document, p)
    assert str(err).startswith(f"{p}: no text to translate")


def test_uppercase_suffix_and_markdown_suffix(tmp_path):
    p = tmp_path / "NOTA.TXT"
    p.write_text("Hola.\n", encoding="utf-8")
    assert read_document(p).format == "txt"
    q = tmp_path / "nota.markdown"
    q.write_text("# Hola\n", encoding="utf-8")
    assert read_document(q).format == "md"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    p = tmp_path / "cerrado.txt"
    p.write_text("Hola.", encoding="utf-8")
    p.chmod(0)
    assert "permission denied" in str(_error(read_document, p))


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / ".oculto").mkdir()
    for rel in ["b/uno.txt", "a/dos.md", "a/sub/tres.markdown", "a/sub/nota.pdf", ".oculto/x.txt", "a/.y.md"]:
        (tmp_path / rel).write_text("Hola.\n", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("Hola.")
    d.save(tmp_path / "a" / "cuatro.docx")
    d.save(tmp_path / "a" / "~$cuatro.docx")  # Word's lock file
    return tmp_path


def test_directory_recursive_sorted_supported_only(tree):
    got = iter_input_files([str(tree)])
    assert [p.relative_to(tree).as_posix() for p in got] == [
        "a/cuatro.docx",
        "a/dos.md",
        "a/sub/tres.markdown",
        "b/uno.txt",
    ]


def test_files_globs_and_duplicates(tree):
    got = iter_input_files([str(tree / "b" / "uno.txt"), str(tree / "a" / "*.md"), str(tree / "**" / "*.txt")])
    assert [p.relative_to(tree).as_posix() for p in got] == ["b/uno.txt", "a/dos.md"]


def test_seed_path_and_path_objects():
    assert iter_input_files([SEED]) == [SEED]


def test_missing_path_and_empty_glob(tree):
    err = _error(iter_input_files, [str(tree / "b" / "uno.txt"), str(tree / "falta.txt")])
    assert str(err) == f"{tree / 'falta.txt'}: no such file or directory"
    err = _error(iter_input_files, [str(tree / "*.docx")])
    assert str(err) == f"{tree / '*.docx'}: the pattern matches no .txt/.md/.docx file"


def test_unsupported_explicit_file_and_empty_directory(tree, tmp_path_factory):
    assert "unsupported file type '.pdf'" in str(_error(iter_input_files, [str(tree / "a" / "sub" / "nota.pdf")]))
    empty = tmp_path_factory.mktemp("vacia")
    assert "no .docx/.markdown/.md/.txt files" in str(_error(iter_input_files, [str(empty)]))


def test_importing_ingest_is_cheap():
    import subprocess
    import sys

    code = "import sys, pipeline.ingest; print(sorted(m for m in ('docx', 'lxml', 'markdown_it') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

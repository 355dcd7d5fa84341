"""Inflation guards (pipeline.ingest.limits): archives that would inflate past the
limits are refused in one line naming the file, the member and the limit, before
anything is parsed; real archives written with zipfile (deflate, streamed, so these
tests stay small in memory), real python-docx and lxml behind them."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from pipeline.errors import InputError
from pipeline.ingest import read_document
from pipeline.ingest.limits import MAX_BLOCK_CHARS, Limits, check_archive, configured, parse_size

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def _base_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Un párrafo corto.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _body_parts() -> tuple[bytes, bytes]:
    """word/document.xml of a python-docx document cut where the body's paragraphs go."""
    with zipfile.ZipFile(io.BytesIO(_base_docx())) as zf:
        xml = zf.read("word/document.xml")
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    return xml[:cut], xml[cut:]


PARAGRAPH = ("<w:p><w:r><w:t>El informe trimestral de la empresa muestra un crecimiento sostenido "
             "de las ventas en todas las regiones del país.</w:t></w:r></w:p>").encode()


def make_docx(path: Path, *, document_size: int = 0, extra: dict[str, bytes | int] | None = None,
              document: bytes | None = None, level: int = 9) -> Path:
    """A .docx whose word/document.xml is ``document`` or ``document_size`` bytes of
    repeated paragraphs (written in pieces: the XML is never held whole); ``extra``
    adds members (bytes, or an int: that many zero bytes, streamed)."""
    head, tail = _body_parts()
    with zipfile.ZipFile(io.BytesIO(_base_docx())) as src, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            if document is not None:
                dst.writestr(info.filename, document)
                continue
            with dst.open(info.filename, "w", force_zip64=document_size > 2**31) as out:
                out.write(head)
                block = PARAGRAPH * max(1, (1 << 20) // len(PARAGRAPH))
                written = len(head)
                while written < document_size:
                    out.write(block)
                    written += len(block)
                out.write(tail)
        for name, data in (extra or {}).items():
            if isinstance(data, int):
                with dst.open(name, "w", force_zip64=data > 2**31) as out:
                    zeros = bytes(1 << 20)
                    for start in range(0, data, len(zeros)):
                        out.write(zeros[: min(len(zeros), data - start)])
            else:
                dst.writestr(name, data)
    return path


def test_inflating_document_refused_naming_member_and_limit(tmp_path):
    bomb = make_docx(tmp_path / "report.docx", document_size=5 * MB)
    assert bomb.stat().st_size < 200_000  # a small file …
    with configured(max_part_size=1 * MB), pytest.raises(InputError) as err:
        read_document(bomb)
    message = str(err.value)
    assert message.startswith(f"{bomb}: word/document.xml inflates")
    assert "1 MB" in message and "--max-part-size" in message and "\n" not in message


def test_raised_limit_reads_a_large_genuine_part(tmp_path):
    big = make_docx(tmp_path / "big.docx", document_size=2 * MB)
    with configured(max_part_size=1 * MB), pytest.raises(InputError):
        read_document(big)
    with configured(max_part_size=3 * MB):
        doc = read_document(big)
    assert len(doc.blocks) > 10_000


def test_ratio_cap_refuses_a_zero_filled_member(tmp_path):
    # 6 MB of zeros compress about 1000:1: past the 100:1 cap for members above 4 MB.
    path = make_docx(tmp_path / "ceros.docx", extra={"word/media/image1.bin": 6 * MB})
    with pytest.raises(InputError, match=r"word/media/image1\.bin inflates [\d,]+:1 .*100:1 cap"):
        read_document(path)


def test_member_past_the_part_size_refused_from_the_directory(tmp_path):
    path = make_docx(tmp_path / "grande.docx", extra={"word/media/video.bin": 3 * MB}, level=1)
    with configured(max_part_size=2 * MB), pytest.raises(InputError, match=r"word/media/video\.bin inflates to 3 MB"):
        read_document(path)


def _lie_about_size(path: Path, name: str, declared: int) -> None:
    """Rewrite the sizes the archive declares for ``name`` (local header and central
    directory), leaving its data as it is."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    local = 0
    while True:
        local = data.index(b"PK\x03\x04", local)
        n = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30: local + 30 + n] == encoded:
            struct.pack_into("<I", data, local + 22, declared)
            break
        local += 4
    central = 0
    while True:
        central = data.index(b"PK\x01\x02", central)
        n = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + n] == encoded:
            struct.pack_into("<I", data, central + 24, declared)
            break
        central += 4
    path.write_bytes(bytes(data))


def test_member_lying_about_its_size_refused(tmp_path):
    path = make_docx(tmp_path / "miente.docx", document_size=5 * MB)
    _lie_about_size(path, "word/document.xml", 2000)
    with zipfile.ZipFile(path) as zf:
        assert zf.getinfo("word/document.xml").file_size == 2000
    with pytest.raises(InputError) as err:
        read_document(path)
    assert "word/document.xml" in str(err.value) and "\n" not in str(err.value)


def test_many_members_refused(tmp_path):
    path = make_docx(tmp_path / "muchos.docx", extra={f"word/media/p{i}.bin": b"x" for i in range(120)})
    with pytest.raises(InputError, match=r"the archive has 1\d\d members, more than the 100"):
        check_archive(path, Limits(max_members=100))
    check_archive(path)  # the default allows it
    read_document(path)


def test_members_together_past_ten_parts_refused(tmp_path):
    extra = {f"word/media/r{i}.bin": os.urandom(900_000) for i in range(12)}
    path = make_docx(tmp_path / "total.docx", extra=extra, level=1)
    with configured(max_part_size=1 * MB), pytest.raises(InputError, match=r"members inflate past 10 MB together"):
        read_document(path)


def test_deep_nesting_refused_by_the_parser(tmp_path):
    head, tail = _body_parts()
    depth = 5000
    nested = b"<w:sdt><w:sdtContent>" * depth + PARAGRAPH + b"</w:sdtContent></w:sdt>" * depth
    path = make_docx(tmp_path / "profundo.docx", document=head + nested + tail)
    with pytest.raises(InputError, match=r"malformed XML \(Excessive depth") as err:
        read_document(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_huge_text_node_refused_by_the_parser(tmp_path):
    head, tail = _body_parts()
    text = os.urandom(9 * MB).hex().encode()[: 12 * MB]  # 12 MB in one w:t, compresses ≈ 2:1
    path = make_docx(tmp_path / "nodo.docx", document=head + b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>" + tail,
                     level=1)
    with pytest.raises(InputError, match=r"malformed XML .*Text node too long"):
        read_document(path)


def test_long_text_paragraph_refused_with_its_line(tmp_path):
    path = tmp_path / "largo.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Título del documento\n\nUna frase corta.\n\n")
        word = "palabra "
        for _ in range(MAX_BLOCK_CHARS // len(word) + 10):
            fh.write(word)
        fh.write("\n")
    with pytest.raises(InputError, match=r"largo\.txt:5: a paragraph longer than 10,000,000 characters"):
        read_document(path)


def test_parse_size():
    assert parse_size("100MB") == 100 * MB
    assert parse_size("1.5 GB") == 1_500_000_000
    assert parse_size("2MiB") == 2 * 1024**2
    assert parse_size("4096") == 4096
    for bad in ("", "MB", "-1MB", "0", "ten"):
        with pytest.raises(ValueError):
            parse_size(bad)


def _es2en(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_cli_refuses_in_one_line_and_writes_nothing(tmp_path):
    make_docx(tmp_path / "report.docx", document_size=3 * MB)
    (tmp_path / "nota.txt").write_text("Una frase corta para traducir.\n", encoding="utf-8")
    proc = _es2en("translate", "report.docx", "nota.txt", "--out", "out", "--engine", "apertium", "--no-memory",
                  "--max-part-size", "1MB", cwd=tmp_path)
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if "report.docx" in line]
    assert errors == ["es2en: error: report.docx: word/document.xml inflates to 3.1 MB, past 1 MB "
                      "(limit --max-part-size 1 MB): refused as a possible zip bomb; if you trust the file, "
                      "raise --max-part-size"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "nota.bilingual.docx", "nota.bilingual.md", "nota.en.md"]


def test_cli_rejects_a_bad_size(tmp_path):
    proc = _es2en("translate", "x.txt", "--max-part-size", "lots", cwd=tmp_path)
    assert proc.returncode == 2 and "--max-part-size" in proc.stderr and "not a size" in proc.stderr


@pytest.mark.slow
def test_real_size_bomb_refused_at_the_default_limit(tmp_path):
    """The issue's case: under 1 MB on disk, 200 MB of repeated paragraphs inside."""
    bomb = make_docx(tmp_path / "report.docx", document_size=200 * MB)
    assert bomb.stat().st_size < 1_000_000
    proc = _es2en("translate", "report.docx", "--out", "out", "--engine", "apertium", "--no-memory", cwd=tmp_path)
    assert proc.returncode == 1
    assert "es2en: error: report.docx: word/document.xml inflates to 200 MB, past 100 MB" in proc.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())

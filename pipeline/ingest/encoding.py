"""Bytes → text for the plain-text readers (.txt, .md).

What is accepted, in this order:

1. a byte-order mark: UTF-8 (``EF BB BF``), UTF-32 LE/BE, UTF-16 LE/BE;
2. UTF-16 without a BOM, when every other byte is NUL (Latin text saved as
   "Unicode" by old Windows tools) — decoded and reported in a notice;
3. anything else containing NUL bytes (or many control bytes, or a known
   binary signature such as ZIP/PDF) is a binary file → :class:`InputError`;
4. strict UTF-8;
5. otherwise a single-byte Western encoding, reported in a notice. cp1252 and
   latin-1 agree on every byte except 0x80–0x9F: in cp1252 those are the curly
   quotes, dashes, ``€``, ``…`` that Spanish text is full of, in latin-1 they are
   C1 control characters that never appear in real text. So bytes in 0x80–0x9F
   that cp1252 defines → cp1252; bytes that cp1252 leaves undefined (0x81, 0x8D,
   0x8F, 0x90, 0x9D) → latin-1; none of them → latin-1 (the two decode such a file
   identically, and latin-1 is the name an editor shows).
   A file whose lines are partly valid UTF-8 with multibyte characters and partly
   not (text pasted from two sources) is decoded line by line, and the notice
   lists the lines that were not UTF-8.

The result has ``\\n`` line endings only (``\\r\\n`` and lone ``\\r`` converted),
no BOM, and is in Unicode NFC (so "é" is one code point whatever the editor
wrote).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from pipeline.errors import InputError

#: Bytes in 0x80–0x9F that cp1252 leaves undefined.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_C1 = frozenset(range(0x80, 0xA0))
#: Control bytes that never occur in text (TAB, LF, VT, FF, CR and ESC are allowed).
_CONTROL = frozenset(set(range(0x00, 0x09)) | {0x0E, 0x0F} | set(range(0x10, 0x1B)) | set(range(0x1C, 0x20)))

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"PK\x03\x04", "a ZIP archive (a .docx/.xlsx/.odt saved under a text suffix?)"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (a legacy Word .doc?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document (save it as .docx or plain text)"),
]


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def _finish(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the NULs sit at every other byte."""
    n = len(data) - len(data) % 2
    if n < 4:
        return None
    even, odd = data[0:n:2], data[1:n:2]
    half = n // 2
    if odd.count(0) >= 0.9 * half and even.count(0) <= 0.1 * half:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) <= 0.1 * half:
        return "utf-16-be"
    return None


def _single_byte(raw: bytes) -> str:
    high = {b for b in raw if b in _C1}
    if high and not (high & _CP1252_UNDEFINED):
        return "cp1252"
    return "latin-1"


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, list[str]]:
    """Decode a text file's bytes; return ``(text, notices)``.

    Raises :class:`InputError` (naming ``path`` and, where it applies, the line)
    for a binary file or undecodable Unicode text.
    """
    notices: list[str] = []

    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as err:
                line = _line_of(data, err.start) if enc == "utf-8-sig" else None
                name = enc.replace("-sig", "")
                raise InputError(
                    f"not valid {name.upper()} although it starts with a {name.upper()} byte-order mark "
                    f"(bad bytes at offset {err.start})",
                    path,
                    line,
                ) from None
            if "\x00" in text:
                raise InputError("binary content: NUL character in the text", path)
            return _finish(text), notices

    for sig, what in _SIGNATURES:
        if data.startswith(sig):
            raise InputError(f"binary file: this is {what}, not text", path)

    if b"\x00" in data:
        enc = _looks_like_bomless_utf16(data)
        if enc:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                text = None
            if text is not None and "\x00" not in text:
                notices.append(f"decoded as {enc.upper()} without a byte-order mark (NUL bytes between letters)")
                return _finish(text), notices
        line = _line_of(data, data.index(b"\x00"))
        raise InputError("binary file (NUL byte), not text", path, line)

    controls = sum(1 for b in data[:65536] if b in _CONTROL)
    if controls > max(8, len(data[:65536]) // 50):
        first = next(i for i, b in enumerate(data) if b in _CONTROL)
        raise InputError(f"binary file ({controls} control bytes), not text", path, _line_of(data, first))

    try:
        return _finish(data.decode("utf-8")), notices
    except UnicodeDecodeError as err:
        first_bad = err.start

    lines = data.splitlines(keepends=True)
    good_multibyte = False
    decoded: list[str] = []
    bad_lines: list[int] = []
    for i, raw in enumerate(lines, 1):
        try:
            s = raw.decode("utf-8")
            good_multibyte = good_multibyte or any(ord(c) > 0x7F for c in s)
            decoded.append(s)
        except UnicodeDecodeError:
            bad_lines.append(i)
            decoded.append("")  # filled below
    where = f"byte 0x{data[first_bad]:02X} at line {_line_of(data, first_bad)}"
    if good_multibyte:
        # Mixed file: keep the UTF-8 lines, decode the others as a single-byte encoding.
        for i in bad_lines:
            raw = lines[i - 1]
            decoded[i - 1] = raw.decode(_single_byte(raw))
        bad = set().union(*(set(lines[i - 1]) for i in bad_lines))
        enc = _single_byte(bytes(bad))
        shown = ", ".join(map(str, bad_lines[:10])) + (" …" if len(bad_lines) > 10 else "")
        notices.append(f"mixed encodings: line(s) {shown} decoded as {enc} (not valid UTF-8, first bad {where})")
        return _finish("".join(decoded)), notices

    enc = _single_byte(data)
    notices.append(f"decoded as {enc} (not valid UTF-8: {where})")
    return _finish(data.decode(enc)), notices


_BLANK = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]*$")


def is_blank(text: str) -> bool:
    """True for a text with nothing but whitespace (including NBSP) and invisible
    characters (zero-width space/joiners, word joiner, BOM, soft hyphen)."""
    return _BLANK.match(text) is not None


def read_source_bytes(path: Path) -> bytes:
    """A source file's bytes; :class:`InputError` with a one-line reason otherwise."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path) from None
    except PermissionError:
        raise InputError("cannot read the file: permission denied", path) from None
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}", path) from None


def read_text_file(path: Path) -> tuple[str, list[str]]:
    """Read and decode a text file; raise :class:`InputError` when it cannot be read."""
    return decode_bytes(read_source_bytes(path), path)

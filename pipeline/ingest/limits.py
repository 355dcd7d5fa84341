"""Inflation guards: what an input may make es2en hold, checked before it is parsed.

A .docx is a ZIP archive; a 1 MB file can inflate to gigabytes (a zip bomb, or a
generated report of repeated paragraphs), and python-docx reads every part it
opens into memory and parses it into a tree. So before the reader opens a .docx,
:func:`check_archive` looks at the archive's directory and refuses it, in one line
naming the file, the member and the limit, when

* it has more than ``max_members`` members (default 10,000; Word writes a few
  dozen, a report with many images a few hundred);
* a member declares more than ``max_part_size`` bytes uncompressed (default 100 MB:
  a 1,000-page report's word/document.xml is about 25 MB), or all members together
  more than ten times that;
* a member above 4 MB declares a compression ratio above ``max_ratio`` (default
  100:1; Word's XML compresses about 10:1, images hardly at all);

and then reads each XML part in chunks, counting what it actually inflates to,
stopping at the limit: the sizes in the directory are the archive's own claim.
(Python's zipfile never returns more than the declared size, and a short claim
then fails its CRC check, which the reader reports as a damaged member; the count
is kept in case either ever changes.)

The XML is then parsed by python-docx's parser with lxml's limits left on: no
``huge_tree`` (a text node over 10 MB and elements nested deeper than 256 levels are
refused), no entity expansion, no network. Text files are bounded per paragraph
(:data:`MAX_BLOCK_CHARS`).

``--max-part-size`` (:func:`configured`) raises the part limit for a genuine large
report; the other limits follow from it where they should (the total).
"""

from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from pipeline.errors import InputError

MB = 1_000_000

#: A paragraph of a .txt/.md file: longer than this is refused (the XML parser's own
#: limit on one text node is the same 10 MB). A file with no blank line between its
#: paragraphs reads as one paragraph.
MAX_BLOCK_CHARS = 10_000_000

#: Members at or below this size are not held to the ratio cap (a small XML part of
#: repeated markup compresses well beyond 100:1 and is harmless).
RATIO_FLOOR = 4 * MB

_CHUNK = 1 << 20
_XML = re.compile(r"\.(xml|rels)$", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    max_part_size: int = 100 * MB
    max_ratio: float = 100.0
    max_members: int = 10_000

    @property
    def max_total_size(self) -> int:
        return 10 * self.max_part_size


_current = Limits()


def current() -> Limits:
    return _current


@contextlib.contextmanager
def configured(max_part_size: int | None = None) -> Iterator[Limits]:
    """The limits of a run: ``max_part_size`` (bytes) instead of the default while
    the block runs (the CLI's ``--max-part-size``)."""
    global _current
    before = _current
    if max_part_size is not None:
        if max_part_size <= 0:
            raise ValueError("max_part_size must be positive")
        _current = replace(before, max_part_size=int(max_part_size))
    try:
        yield _current
    finally:
        _current = before


def human_size(n: float) -> str:
    """1_000_000 → "1 MB", 2_500_000_000 → "2.5 GB" (decimal units, as --max-part-size reads them)."""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{int(n)} bytes"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b|bytes)?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """ "200MB", "1.5 GB", "500k", "1048576" → bytes (K/M/G decimal; KiB/MiB/GiB binary)."""
    m = _SIZE.match(str(text))
    if not m:
        raise ValueError(f"not a size: {text!r} (write e.g. 200MB or 1GB)")
    value, unit = float(m.group(1)), (m.group(2) or "b").lower()
    scale = {"b": 1, "bytes": 1, "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
             "ki": 1024, "kib": 1024, "mi": 1024**2, "mib": 1024**2, "gi": 1024**3, "gib": 1024**3}[unit]
    size = int(value * scale)
    if size <= 0:
        raise ValueError(f"not a positive size: {text!r}")
    return size


def _refuse(path: Path, what: str, limits: Limits) -> InputError:
    return InputError(f"{what} (limit --max-part-size {human_size(limits.max_part_size)}): refused as a possible "
                      "zip bomb; if you trust the file, raise --max-part-size", path)


def check_archive(path: Path | str, limits: Limits | None = None) -> None:
    """Refuse a ZIP-based input (a .docx) that would inflate past ``limits``
    (default: the run's, :func:`current`). A file that is not a readable ZIP archive
    passes: the reader reports that itself."""
    path = Path(path)
    limits = limits or current()
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise InputError(f"the archive has {len(infos):,} members, more than the {limits.max_members:,} "
                             "a Word document could need: refused as a possible zip bomb", path)
        total = 0
        for info in infos:
            size = info.file_size
            total += size
            if size > limits.max_part_size:
                raise _refuse(path, f"{info.filename} inflates to {human_size(size)}, past "
                                    f"{human_size(limits.max_part_size)}", limits)
            if size > RATIO_FLOOR and size > limits.max_ratio * max(info.compress_size, 1):
                ratio = size / max(info.compress_size, 1)
                raise _refuse(path, f"{info.filename} inflates {ratio:,.0f}:1 ({human_size(info.compress_size)} → "
                                    f"{human_size(size)}), past the {limits.max_ratio:.0f}:1 cap", limits)
            if total > limits.max_total_size:
                raise _refuse(path, f"its members inflate past {human_size(limits.max_total_size)} together "
                                    "(ten times the part limit)", limits)
        for info in infos:
            if _XML.search(info.filename) and not info.is_dir():
                _check_actual(zf, info, path, limits)


def _check_actual(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, limits: Limits) -> None:
    """Inflate one member in chunks, counting; stop as soon as it passes the limit."""
    inflated = 0
    try:
        with zf.open(info) as member:
            while chunk := member.read(_CHUNK):
                inflated += len(chunk)
                if inflated > limits.max_part_size:
                    raise _refuse(path, f"{info.filename} inflates past {human_size(limits.max_part_size)} "
                                        f"although it declares {human_size(info.file_size)}", limits)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error):
        return  # damaged or encrypted: the reader's own checks say so


def check_block(text: str, path: Path | str, line: int | None = None, what: str = "paragraph", *,
                length: int | None = None) -> None:
    """Refuse one paragraph of a text file longer than :data:`MAX_BLOCK_CHARS`
    (``length``: its length so far, for a reader that stops as soon as it knows)."""
    length = len(text) if length is None else length
    if length > MAX_BLOCK_CHARS:
        raise InputError(f"a {what} longer than {MAX_BLOCK_CHARS:,} characters: separate the paragraphs with "
                         "blank lines", path, line)

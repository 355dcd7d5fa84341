"""Stage "emit": write a translated Document as side-by-side DOCX, side-by-side
Markdown and English-only Markdown; read our bilingual files back.

One module per format (``docx_bilingual``, ``markdown``) plus ``bilingual_read``
for the way back. Every file is written through :mod:`pipeline.atomic`, so a
reader never sees a half-written output. python-docx is imported only when a DOCX
is written or read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..model import Document, RunInfo
from .bilingual_read import BilingualRow, read_bilingual
from .markdown import write_bilingual_markdown, write_english_markdown

#: Output formats, in the order they are written; ``--format`` picks a subset.
FORMATS = ("docx", "md", "en.md", "en.docx")

#: File name suffix of each format: OUT/<stem><suffix>.
SUFFIXES = {"docx": ".bilingual.docx", "md": ".bilingual.md", "en.md": ".en.md", "en.docx": ".en.docx"}

#: Formats made only from a source of one format (the English copy keeps the source's own).
SOURCE_ONLY = {"en.docx": "docx"}

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "BilingualRow",
    "output_paths",
    "prepare_writers",
    "read_bilingual",
    "write_bilingual_docx",
    "write_bilingual_markdown",
    "write_english_markdown",
    "write_outputs",
]


def _check_formats(formats: Iterable[str]) -> list[str]:
    if isinstance(formats, str):
        formats = [formats]
    chosen = list(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown output format {', '.join(map(repr, unknown))}: choose from {', '.join(FORMATS)}")
    return [f for f in FORMATS if f in chosen]


def output_paths(doc: Document, out_dir: Path, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Where each chosen format goes: ``OUT/<doc.id>.bilingual.docx`` etc.

    ``doc.id`` is the stem the reader chose (the source file's stem, made unique
    per run), so two outputs never share a name.
    """
    out_dir = Path(out_dir)
    return {fmt: out_dir / f"{doc.id}{SUFFIXES[fmt]}" for fmt in _check_formats(formats)
            if SOURCE_ONLY.get(fmt, doc.format) == doc.format}


def write_bilingual_docx(doc: Document, path: Path, run: RunInfo, **options) -> Path:
    from .docx_bilingual import write_bilingual_docx as write

    return write(doc, path, run, **options)


def prepare_writers(formats: Iterable[str] = FORMATS) -> None:
    """Import what the chosen writers need (python-docx and lxml for a DOCX, about
    30 ms). A run calls this while its engine translates, so that the import is not
    paid after the last batch, when nothing else runs."""
    if "docx" in _check_formats(formats):
        import importlib

        importlib.import_module("docx")
        importlib.import_module(".docx_bilingual", __package__)


def write_english_docx(doc: Document, path: Path, run: RunInfo) -> Path:
    from .docx_english import write_english_docx as write

    return write(doc, path, run)


_WRITERS = {
    "en.docx": write_english_docx,
    "docx": write_bilingual_docx,
    "md": write_bilingual_markdown,
    "en.md": write_english_markdown,
}


def write_outputs(doc: Document, out_dir: Path, run: RunInfo, formats: Iterable[str] = FORMATS) -> dict[str, Path]:
    """Write the chosen formats of ``doc`` into ``out_dir``; returns format → path.

    All or nothing: the files are renamed into place together once every one is
    written, so a full disk cannot leave a new DOCX beside an old Markdown file."""
    from ..atomic import atomic_group

    paths = output_paths(doc, out_dir, formats)
    with atomic_group():
        for fmt, path in paths.items():
            _WRITERS[fmt](doc, path, run)
    return paths

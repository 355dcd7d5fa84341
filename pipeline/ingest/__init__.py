"""Stage 1, ingest: source files → :class:`pipeline.model.Document`.

One reader module per format, all returning the same model:

* :mod:`pipeline.ingest.text` — ``.txt`` (paragraphs, list lines, a leading
  ``date YYYY-MM-DD``, section titles found by a documented heuristic);
* :mod:`pipeline.ingest.markdown` — ``.md``/``.markdown`` (markdown-it-py; inline
  code, URLs, emphasis and links recorded as spans);
* :mod:`pipeline.ingest.docx_reader` — ``.docx`` (python-docx; body paragraphs
  and tables in document order);
* :mod:`pipeline.ingest.encoding` — bytes → text for the text formats.

Every problem with an input is an :class:`pipeline.errors.InputError` whose
one-line message names the file (and the line, where there is one).
Adding a format = adding a module and a line in ``READERS``.
"""

from __future__ import annotations

import glob
import os
import re
import unicodedata
from pathlib import Path
from typing import Callable

from pipeline.errors import InputError
from pipeline.model import Document

__all__ = ["SUPPORTED_SUFFIXES", "READERS", "read_document", "iter_input_files", "document_id"]


def _read_txt(path: Path, doc_id: str) -> Document:
    from pipeline.ingest.text import read_text

    return read_text(path, doc_id)


def _read_md(path: Path, doc_id: str) -> Document:
    from pipeline.ingest.markdown import read_markdown

    return read_markdown(path, doc_id)


def _read_docx(path: Path, doc_id: str) -> Document:
    from pipeline.ingest.docx_reader import read_docx

    return read_docx(path, doc_id)


#: suffix (lower case) → reader(path, doc_id) -> Document
READERS: dict[str, Callable[[Path, str], Document]] = {
    ".txt": _read_txt,
    ".md": _read_md,
    ".markdown": _read_md,
    ".docx": _read_docx,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(sorted(READERS))

_GLOB_CHARS = re.compile(r"[*?\[]")


def document_id(path: Path | str, max_len: int = 48) -> str:
    """A short stable name from the file stem: ASCII, lower case, ``[a-z0-9-]``.

    "Informe Año 2025 (final).docx" → "informe-ano-2025-final". The same stem
    always gives the same id; files with the same stem in different folders get
    the same id (callers that read both must tell them apart).
    """
    stem = Path(path).name
    for suffix in sorted(SUPPORTED_SUFFIXES, key=len, reverse=True):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    else:
        stem = Path(path).stem
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rstrip("-")
    return slug or "doc"


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def read_document(path: Path | str) -> Document:
    """Read one source file into a Document (dispatch on the suffix).

    Raises :class:`InputError` for a missing or unreadable file, an unsupported
    suffix, a corrupt file, or a document with no text to translate.
    """
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError("is a directory, not a file (pass it to iter_input_files)", path)
    reader = READERS.get(_suffix(path))
    if reader is None:
        raise InputError(
            f"unsupported file type {path.suffix or '(no suffix)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
            path,
        )
    doc = reader(path, document_id(path))
    from pipeline.ingest.encoding import is_blank

    # Zero-width characters alone (a ZWSP line, a soft hyphen) are not text to translate.
    doc.blocks = [b for b in doc.blocks if not (b.translatable and is_blank(b.text))]
    if not any(b.translatable for b in doc.blocks):
        what = "empty document" if not any(b.text.strip() for b in doc.blocks) else "nothing but code/metadata"
        raise InputError(f"no text to translate ({what})", path)
    return doc


def _hidden(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return any(part.startswith(".") for part in rel) or path.name.startswith("~$")


def _from_directory(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            p = Path(dirpath) / name
            if _suffix(p) in READERS and not _hidden(p, root):
                found.append(p)
    return sorted(found)


def iter_input_files(paths: list[str] | list[Path]) -> list[Path]:
    """Expand files, directories (recursively) and glob patterns into source files.

    Directories and globs yield only supported suffixes (hidden files and Word's
    ``~$`` lock files skipped), sorted; an explicitly named file must exist and
    have a supported suffix. Duplicates are dropped, first occurrence kept.
    Raises :class:`InputError` for a missing path, a glob that matches no
    supported file, an empty directory, or an unsupported explicit file.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = _from_directory(p)
            if not files:
                raise InputError(f"no {'/'.join(SUPPORTED_SUFFIXES)} files in this directory", p)
            for f in files:
                add(f)
        elif p.is_file():
            if _suffix(p) not in READERS:
                raise InputError(
                    f"unsupported file type {p.suffix or '(no suffix)'!r}; supported: {', '.join(SUPPORTED_SUFFIXES)}",
                    p,
                )
            add(p)
        elif _GLOB_CHARS.search(str(raw)):
            matches = sorted(glob.glob(str(raw), recursive=True))
            files: list[Path] = []
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    files.extend(_from_directory(mp))
                elif _suffix(mp) in READERS and not mp.name.startswith("~$"):
                    files.append(mp)
            if not files:
                raise InputError("the pattern matches no .txt/.md/.docx file", str(raw))
            for f in files:
                add(f)
        else:
            raise InputError("no such file or directory", p)
    return out

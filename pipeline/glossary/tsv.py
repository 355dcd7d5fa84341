"""The native format: UTF-8 TSV with a header row; ``#`` starts a comment line.

Comment lines above the header stay at the top of the file; a comment line
between entries belongs to the entry below it (and moves with it when the file is
sorted); comment lines after the last entry stay at the end.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .entry import COLUMNS, REQUIRED, GlossaryFile, RowError, entry_from_row


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (a BOM is allowed); an undecodable byte is reported with its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 (byte 0x{data[err.start]:02x})", path, line) from None


def parse_header(cells: list[str], path: Path, line: int) -> list[str]:
    columns = [c.strip().lower() for c in cells]
    for c in columns:
        if c not in COLUMNS:
            raise InputError(f"unknown column {c!r} in header (known: {', '.join(COLUMNS)})", path, line)
    dupes = {c for c in columns if columns.count(c) > 1}
    if dupes:
        raise InputError(f"column {sorted(dupes)[0]!r} appears twice in header", path, line)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise InputError(f"header lacks required column {missing[0]!r} (header must name es and en)", path, line)
    return columns


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("glossary file not found", path) from None
    except OSError as err:
        raise InputError(f"cannot read glossary: {err.strerror or err}", path) from None


def build_glossary(path: Path, rows, *, lenient: bool = False) -> GlossaryFile:
    """A GlossaryFile from ``rows``: (line number, cells) for data rows and (line
    number, "# comment") for comment lines, in file order, blank lines left out.
    Shared by the TSV and CSV readers: header, comments that travel with the entry
    below them, and bad rows (an error, or a warning when ``lenient``)."""
    gf = GlossaryFile(path, columns=[])
    pending: list[str] = []
    header_seen = False
    for lineno, cells in rows:
        if isinstance(cells, str):
            (pending if header_seen else gf.preamble).append(cells)
            continue
        if not header_seen:
            gf.columns = parse_header(cells, path, lineno)
            header_seen = True
            continue
        try:
            if len(cells) > len(gf.columns) and any(c.strip() for c in cells[len(gf.columns):]):
                raise RowError(f"{len(cells)} fields but the header names {len(gf.columns)} columns")
            entry = entry_from_row(dict(zip(gf.columns, cells)), path=path, line=lineno, comments=tuple(pending))
        except RowError as err:
            if not lenient:
                raise InputError(str(err), path, lineno) from None
            gf.warnings.append(f"{path}:{lineno}: skipped: {err}")
            continue
        pending = []
        gf.entries.append(entry)
    if not header_seen:
        raise InputError("empty glossary: no header row (expected columns es, en, ...)", path, 1)
    gf.footer = pending
    return gf


def read_tsv(path: str | Path, *, lenient: bool = False) -> GlossaryFile:
    path = Path(path)
    return parse_tsv(decode(read_bytes(path), path), path, lenient=lenient)


def parse_tsv(text: str, path: Path, *, lenient: bool = False) -> GlossaryFile:
    raw_lines: dict[int, str] = {}

    def rows():
        for lineno, raw in enumerate(text.split("\n"), start=1):
            line = raw[:-1] if raw.endswith("\r") else raw
            raw_lines[lineno] = line
            if not line.strip():
                continue
            yield lineno, (line.strip() if line.lstrip().startswith("#") else line.split("\t"))

    gf = build_glossary(path, rows(), lenient=lenient)
    gf.raw_lines = raw_lines
    return gf


def _clean(value: str) -> str:
    return " ".join(value.split()) if ("\t" in value or "\n" in value or "\r" in value) else value


def format_tsv(gf: GlossaryFile) -> str:
    columns = gf.used_columns()
    out = list(gf.preamble)
    out.append("\t".join(columns))
    for e in gf.entries:
        out.extend(e.comments)
        row = e.row()
        cells = [_clean(row[c]) for c in columns]
        while len(cells) > 2 and not cells[-1]:
            cells.pop()
        out.append("\t".join(cells))
    out.extend(gf.footer)
    return "\n".join(out) + "\n"


def write_tsv(gf: GlossaryFile, path: str | Path) -> None:
    from ..atomic import write_text

    write_text(path, format_tsv(gf))

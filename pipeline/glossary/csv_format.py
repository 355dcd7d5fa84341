"""CSV import/export with the same columns as the TSV (RFC 4180 quoting).

A row whose first cell starts with ``#`` is a comment, as in the TSV.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputError
from .entry import GlossaryFile, RowError, entry_from_row
from .tsv import decode, parse_header


def read_csv(path: str | Path, *, lenient: bool = False) -> GlossaryFile:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("glossary file not found", path) from None
    except OSError as err:
        raise InputError(f"cannot read glossary: {err.strerror or err}", path) from None
    text = decode(data, path)
    gf = GlossaryFile(path, columns=[])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    pending: list[str] = []
    header_seen = False
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            raise InputError(f"malformed CSV: {err}", path, reader.line_num or start) from None
        if not any(c.strip() for c in cells):
            continue
        if cells[0].lstrip().startswith("#") and not any(c.strip() for c in cells[1:]):
            (pending if header_seen else gf.preamble).append(cells[0].strip())
            continue
        if not header_seen:
            gf.columns = parse_header(cells, path, start)
            header_seen = True
            continue
        try:
            if len(cells) > len(gf.columns) and any(c.strip() for c in cells[len(gf.columns):]):
                raise RowError(f"{len(cells)} fields but the header names {len(gf.columns)} columns")
            entry = entry_from_row(dict(zip(gf.columns, cells)), path=path, line=start, comments=tuple(pending))
        except RowError as err:
            if not lenient:
                raise InputError(str(err), path, start) from None
            gf.warnings.append(f"{path}:{start}: skipped: {err}")
            continue
        pending = []
        gf.entries.append(entry)
    if not header_seen:
        raise InputError("empty glossary: no header row (expected columns es, en, ...)", path, 1)
    gf.footer = pending
    return gf


def format_csv(gf: GlossaryFile) -> str:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    columns = gf.used_columns()
    for c in gf.preamble:
        w.writerow([c])
    w.writerow(columns)
    for e in gf.entries:
        for c in e.comments:
            w.writerow([c])
        row = e.row()
        w.writerow([row[c] for c in columns])
    for c in gf.footer:
        w.writerow([c])
    return buf.getvalue()


def write_csv(gf: GlossaryFile, path: str | Path) -> None:
    from ..atomic import write_text

    write_text(path, format_csv(gf))

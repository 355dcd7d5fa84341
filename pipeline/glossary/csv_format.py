"""CSV import/export with the same columns as the TSV (RFC 4180 quoting).

A row whose first cell starts with ``#`` is a comment, as in the TSV.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InputError
from .entry import GlossaryFile
from .tsv import build_glossary, decode, read_bytes


def read_csv(path: str | Path, *, lenient: bool = False) -> GlossaryFile:
    path = Path(path)
    text = decode(read_bytes(path), path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    def rows():
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                raise InputError(f"malformed CSV: {err}", path, reader.line_num or start) from None
            if not any(c.strip() for c in cells):
                continue
            if cells[0].lstrip().startswith("#") and not any(c.strip() for c in cells[1:]):
                yield start, cells[0].strip()
            else:
                yield start, cells

    return build_glossary(path, rows(), lenient=lenient)


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

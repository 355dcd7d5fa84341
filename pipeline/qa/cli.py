"""``es2en qa FILE…``: check existing bilingual files; a thin click layer over
:func:`pipeline.qa.report.check_bilingual`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command("qa")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Findings as lines of text or as one JSON document.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding is at least this severe.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Glossary file whose terms are checked (repeatable). Default: every file in glossaries/.")
@click.option("--no-glossary", is_flag=True, help="Check no glossary terms.")
@click.option("--source-locale", default="auto", show_default=True,
              help="Spanish variety for numbers (es_ES, es_MX, …); auto infers it per file.")
@click.option("--dollar-sign", type=click.Choice(["auto", "usd", "local"]), default="auto", show_default=True,
              help="What a bare $ in the Spanish means.")
@click.option("--source", "source", type=click.Path(path_type=Path),
              help="For an English copy FILE.en.docx: the .docx it was translated from (pipeline/qa/docx_copy.py).")
def qa(files, fmt, fail_on, glossaries, no_glossary, source_locale, dollar_sign, source):
    """Check bilingual FILE.bilingual.docx / FILE.bilingual.md files written by es2en,
    or an English copy FILE.en.docx against its --source.

    Numbers are compared by value (the Spanish column re-read with the number parser),
    glossary terms must have their English, and untranslated text, NMT faults and form
    are checked. The translation stages' findings in the file's QA column (an ambiguous
    number, a lost span: what only the run could see) are reported too, marked "from the
    file's QA column". Exit code: 0 clean, 1 a finding at or above --fail-on, 2 unreadable file.
    """
    from ..errors import Es2enError, InputError
    from . import QAContext
    from .report import check_bilingual

    gl = [] if no_glossary else (list(glossaries) or None)
    reports, failed_input = [], False
    try:  # one context for all files: the locale is inferred per file by run_checks
        ctx = QAContext.prepare(glossaries=gl, source_locale=source_locale, dollar_sign=dollar_sign)
    except Es2enError as err:
        click.echo(f"es2en: error: {err}", err=True)
        sys.exit(err.exit_code)
    for path in files:
        try:
            if path.name.lower().endswith(".en.docx"):
                from .docx_copy import check_english_docx

                if source is None:
                    raise InputError("an English copy is checked against its source: give --source SOURCE.docx", path)
                reports.append(check_english_docx(path, source, ctx))
            else:
                reports.append(check_bilingual(path, ctx))
        except Es2enError as err:
            click.echo(f"es2en: error: {err}", err=True)
            failed_input = True
    if fmt == "json":
        data = [r.as_dict() for r in reports]
        click.echo(json.dumps(data[0] if len(files) == 1 and data else data, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            click.echo(r.as_text())
    if failed_input:
        sys.exit(2)
    sys.exit(1 if any(r.fails(fail_on) for r in reports) else 0)

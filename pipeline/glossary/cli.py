"""``es2en glossary list|add|remove|lint|import|export|suggest``.

A thin layer over the library: every command reads files with the same readers
the translation run uses, so what ``lint`` accepts is what the run accepts.
Errors are one line naming file and line, with a non-zero exit.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from ..counts import plural
from ..errors import Es2enError, InputError

_GLOSSARY_OPT = click.option(
    "--glossary",
    "-g",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Glossary file (repeatable; later files win). Default: every file in glossaries/.",
)


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"es2en: error: {message}", err=True)
    sys.exit(code)


def _warn(message: str) -> None:
    click.echo(f"es2en: warning: {message}", err=True)


def _errors_as_lines(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Es2enError as err:
            _fail(str(err), err.exit_code)

    return wrapper


def _paths(glossaries: tuple[Path, ...]) -> list[Path]:
    from .model import default_glossary_dir, default_glossary_paths

    if glossaries:
        return list(glossaries)
    paths = default_glossary_paths()
    if not paths:
        raise InputError("no glossary files found", default_glossary_dir())
    return paths


@click.group("glossary")
def glossary() -> None:
    """Maintain glossary files (TSV in glossaries/; CSV and TBX import/export)."""


@glossary.command("list")
@_GLOSSARY_OPT
@click.option("--search", "-s", help="Only entries whose Spanish or English contains this text.")
@click.option("--domain", help="Only entries of this domain.")
@click.option("--forms", is_flag=True, help="Also show the Spanish forms the matcher generates.")
@click.option("--lenient", is_flag=True, help="Skip malformed lines with a warning.")
@_errors_as_lines
def list_cmd(glossaries, search, domain, forms, lenient):
    """List entries (after conflicts are resolved) with file:line."""
    from .matcher import entry_forms
    from .model import load_glossaries

    g = load_glossaries(_paths(glossaries), lenient=lenient)
    for w in g.warnings:
        _warn(w)
    for c in g.conflicts:
        _warn(f"conflict: {c}")
    needle = search.casefold() if search else None
    n = 0
    for e in g.entries:
        if needle and needle not in e.es.casefold() and needle not in e.en.casefold():
            continue
        if domain and e.domain != domain:
            continue
        n += 1
        line = f"{e.es}\t{e.en}\t{e.where}"
        if forms:
            extra = [f for f, _p, _g in entry_forms(e) if f != e.es]
            if extra:
                line += "\t" + " | ".join(extra)
        click.echo(line)
    click.echo(f"{plural(n, 'entry')} from {plural(len(g.files), 'file')}; fingerprint {g.fingerprint()[:16]}", err=True)


@glossary.command("add")
@click.argument("es")
@click.argument("en")
@click.option("--file", "-f", "file", required=True, type=click.Path(path_type=Path), help="TSV file to add to.")
@click.option("--create", is_flag=True, help="Start FILE if it does not exist (without it, a missing FILE is an error).")
@click.option("--variants", default="", help="Extra Spanish forms, |-separated.")
@click.option("--plural", "en_plural", default="", help="English plural when the rule (inflect) gets it wrong.")
@click.option("--case", type=click.Choice(["sensitive", "insensitive"]), default=None)
@click.option("--pos", default="", help="noun (default), person, adj, name, acronym, phrase, verb, adv, other.")
@click.option("--domain", default="")
@click.option("--note", default="")
@_GLOSSARY_OPT
@_errors_as_lines
def add_cmd(es, en, file, variants, en_plural, case, pos, domain, note, glossaries, create):
    """Add ES → EN to a TSV file, keeping it sorted and formatted.

    An identical entry already in the file is fine (nothing changes); another English
    for the same Spanish in the same file is refused; warns when another glossary file
    gives a different English. FILE must exist unless --create is given: a mistyped
    path (or glossaries/… run from another folder) must not start a new glossary that
    then replaces the shipped ones for every command run there."""
    from .entry import COLUMNS, GlossaryFile, POS_VALUES, RowError, entry_from_row
    from .model import read_glossary_file
    from .tsv import write_tsv

    if file.suffix.lower() != ".tsv":
        raise InputError("add writes TSV files only (use import for CSV/TBX)", file)
    if pos not in POS_VALUES:
        raise InputError(f"unknown --pos {pos!r} (known: {', '.join(p for p in POS_VALUES if p)})")
    try:
        new = entry_from_row(
            {"es": es, "en": en, "es_variants": variants, "en_plural": en_plural, "case": case or "",
             "pos": pos, "domain": domain, "note": note}
        )
    except RowError as err:
        raise InputError(str(err)) from None
    if not file.exists() and not create:
        from .model import default_glossary_dir

        raise InputError(f"no such glossary file (pass --create to start a new one; the glossaries in use "
                         f"here are in {default_glossary_dir()})", file)
    gf = read_glossary_file(file) if file.exists() else GlossaryFile(file, columns=list(COLUMNS[:2]))
    for e in gf.entries:
        if e.key == new.key:
            if e.en == new.en:
                click.echo(f"already in {file}:{e.line}: {e.es} → {e.en} (nothing changed)")
                return
            raise InputError(f"{e.es!r} is already → {e.en!r} here; remove it first to change it", file, e.line)
    others = [p for p in (glossaries or _default_or_empty()) if p.resolve() != file.resolve()]
    for p in others:
        try:
            other = read_glossary_file(p, lenient=True)
        except Es2enError as err:
            _warn(f"not checked: {err}")
            continue
        for e in other.entries:
            if e.key == new.key and e.en != new.en:
                _warn(f"{e.where}: {e.es!r} → {e.en!r} conflicts (the file loaded later wins)")
    gf.entries.append(new.with_(path=file))
    write_tsv(gf.sorted(), file)
    click.echo(f"added to {file}: {new.es} → {new.en}")


def _default_or_empty() -> list[Path]:
    from .model import default_glossary_paths

    return default_glossary_paths()


@glossary.command("remove")
@click.argument("es")
@click.option("--file", "-f", "file", required=True, type=click.Path(path_type=Path))
@click.option("--en", default=None, help="Only the entry with this English.")
@_errors_as_lines
def remove_cmd(es, file, en):
    """Remove the entry for ES from a TSV file."""
    from .entry import nfc
    from .model import read_glossary_file
    from .tsv import write_tsv

    if file.suffix.lower() != ".tsv":
        raise InputError("remove edits TSV files only", file)
    gf = read_glossary_file(file)
    key = nfc(es.strip()).casefold()
    gone = [e for e in gf.entries if e.key == key and (en is None or e.en == en)]
    if not gone:
        raise InputError(f"no entry for {es!r}" + (f" → {en!r}" if en else ""), file)
    gf.entries = [e for e in gf.entries if not any(e is g for g in gone)]
    write_tsv(gf.sorted(), file)
    for e in gone:
        click.echo(f"removed from {file}:{e.line}: {e.es} → {e.en}")


@glossary.command("lint")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--against", multiple=True, type=click.Path(path_type=Path), help="Documents: report entries never matched in them (repeatable).")
@click.option("--strict", is_flag=True, help="Exit non-zero on warnings too.")
@click.option("--verbose", "-v", is_flag=True, help="Show infos (terms inside longer terms, …).")
@_errors_as_lines
def lint_cmd(files, against, strict, verbose):
    """Check glossary files (default: every file in glossaries/)."""
    from .lint import lint_files

    findings = lint_files(_paths(files), against=list(against) or None)
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
        if f.severity != "info" or verbose or (f.check == "unused" and against):
            click.echo(str(f))
    click.echo(f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
               f"{plural(counts['info'], 'info')}", err=True)
    if counts["error"] or (strict and counts["warning"]):
        sys.exit(1)


@glossary.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Overwrite DEST instead of merging into it.")
@click.option("--lenient", is_flag=True, help="Skip malformed entries with a warning.")
@_errors_as_lines
def import_cmd(source, dest, replace, lenient):
    """Import a CSV or TBX glossary into a TSV file (merged and sorted)."""
    from .entry import GlossaryFile
    from .model import read_glossary_file
    from .tsv import write_tsv

    if dest.suffix.lower() != ".tsv":
        raise InputError("import writes TSV (the native format); use export for CSV/TBX", dest)
    src = read_glossary_file(source, lenient=lenient)
    for w in src.warnings:
        _warn(w)
    if replace or not dest.exists():
        out = GlossaryFile(dest, [e.with_(path=dest) for e in src.entries], src.used_columns(), src.preamble, src.footer)
        write_tsv(out, dest)
        click.echo(f"imported {plural(len(src.entries), 'entry')} into {dest}")
        return
    gf = read_glossary_file(dest)
    have = {e.key: e for e in gf.entries}
    added = 0
    for e in src.entries:
        old = have.get(e.key)
        if old is not None:
            if old.en != e.en:
                _warn(f"{e.where}: {e.es!r} → {e.en!r} not imported: {old.where} has {old.en!r}")
            continue
        gf.entries.append(e.with_(path=dest))
        have[e.key] = e
        added += 1
    write_tsv(gf.sorted(), dest)
    click.echo(f"imported {plural(added, 'new entry')} into {dest} ({len(src.entries) - added} already there)")


@glossary.command("export")
@click.argument("dest", type=click.Path(path_type=Path))
@_GLOSSARY_OPT
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="2", show_default=True,
              help="2: TBX-Basic (martif, what most tools read); 3: TBX v3 (ISO 30042:2019).")
@_errors_as_lines
def export_cmd(dest, glossaries, tbx_version):
    """Export glossaries to DEST (.tbx, .csv or .tsv by extension).

    One file is exported as it is (comments included); several are merged,
    later files winning conflicts."""
    from .entry import COLUMNS, GlossaryFile
    from .model import load_glossaries, read_glossary_file, write_glossary_file

    paths = _paths(glossaries)
    if len(paths) == 1:
        gf = read_glossary_file(paths[0])
    else:
        g = load_glossaries(paths)
        for c in g.conflicts:
            _warn(f"conflict: {c}")
        gf = GlossaryFile(dest, list(g.entries), list(COLUMNS[:2]))
    write_glossary_file(gf, dest, tbx_version=int(tbx_version))
    click.echo(f"exported {plural(len(gf.entries), 'entry')} to {dest}")


@glossary.command("suggest")
@click.argument("docs", nargs=-1, type=click.Path(path_type=Path))
@_GLOSSARY_OPT
@click.option("--min-count", default=2, show_default=True, help="Phrases seen fewer times are left out.")
@click.option("--limit", default=50, show_default=True, help="At most this many suggestions (0: all).")
@click.option("--from-memory", is_flag=True,
              help="Suggest from reviewers' corrections in the translation memory instead of documents.")
@click.option("--memory", "memory_path", type=click.Path(path_type=Path), default=Path(".es2en/memory.sqlite"),
              show_default=True, help="The translation memory read by --from-memory.")
@_errors_as_lines
def suggest_cmd(docs, glossaries, min_count, limit, from_memory, memory_path):
    """Candidate terms from Spanish documents (acronyms beside their expansion,
    repeated multi-word phrases) with counts, leaving out what the glossaries
    already cover. Output: count, kind, Spanish, hint (tab-separated)."""
    from .model import load_glossaries
    from .suggest import read_document_text, suggest_terms

    if from_memory:
        # Corrections that change the same phrase the same way in several segments.
        from ..memory import TranslationMemory
        from ..review import correction_suggestions

        if not memory_path.is_file():
            _fail(f"{memory_path}: no translation memory here (es2en translate creates it; see --memory)", 2)
        tm = TranslationMemory(memory_path)
        try:
            found = correction_suggestions(tm, min_count=min_count)
        finally:
            tm.close()
        for suggestion in found[: limit or None]:
            click.echo(str(suggestion))
        return
    if not docs:
        _fail("give one or more Spanish documents (.txt, .md, .docx)", 2)
    texts = [read_document_text(d) for d in docs]
    g = load_glossaries(_paths(glossaries)) if (glossaries or _default_or_empty()) else None
    for s in suggest_terms(texts, g, min_count=min_count, limit=limit):
        click.echo(str(s))


if __name__ == "__main__":  # pragma: no cover
    glossary()

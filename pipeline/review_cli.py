"""``es2en review`` (import, diff) and ``es2en memory`` (list, stats, export, import):
thin click commands over :mod:`pipeline.review`, :mod:`pipeline.memory` and
:mod:`pipeline.interchange`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .memory import DEFAULT_PATH


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"es2en: error: {message}", err=True)
    sys.exit(code)


def memory_option(f):
    return click.option("--memory", "memory_path", type=click.Path(path_type=Path), default=DEFAULT_PATH,
                        show_default=True, help="Translation memory file (SQLite).")(f)


def _open(path: Path, must_exist: bool = True):
    from .errors import Es2enError
    from .memory import TranslationMemory

    if must_exist and not path.exists():
        _fail(f"{path}: no translation memory here (translate first, or give --memory PATH)", 2)
    try:
        return TranslationMemory(path)
    except Es2enError as err:
        _fail(str(err), err.exit_code)


# ---------------------------------------------------------------- review

@click.group()
def review() -> None:
    """Bring a reviewer's corrections back from the bilingual DOCX/Markdown."""


@review.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@memory_option
@click.option("--approve", is_flag=True, help="Store the changed English as approved rather than reviewed.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; change nothing.")
def review_import(files, memory_path, approve, dry_run):
    """Import changed English cells of FILE.bilingual.docx / FILE.bilingual.md.

    Rows are matched by segment id; a row whose Spanish cell changed, merged/split rows
    and empty English cells are rejected with the reason. Exit status 1 when any row
    was rejected.
    """
    from .errors import Es2enError
    from .review import APPROVED, REVIEWED, import_review

    rejected = 0
    with _open(memory_path) as memory:
        for path in files:
            try:
                report = import_review(path, memory, status=APPROVED if approve else REVIEWED, dry_run=dry_run)
            except Es2enError as err:
                _fail(str(err), err.exit_code)
            for line in report.summary():
                click.echo(line)
            rejected += len(report.rejected)
    if rejected:
        from .counts import plural

        _fail(f"{plural(rejected, 'row')} not imported (see above)")


@review.command("diff")
@click.argument("file", type=click.Path(path_type=Path))
@memory_option
@click.option("--all", "show_all", is_flag=True, help="Also list segments without a reviewed English.")
def review_diff(file, memory_path, show_all):
    """Show machine vs reviewed English per segment of a bilingual file."""
    from .errors import Es2enError
    from .review import review_diff as diff, word_diff

    with _open(memory_path) as memory:
        try:
            rows = diff(file, memory)
        except Es2enError as err:
            _fail(str(err), err.exit_code)
    shown = 0
    for r in rows:
        if not r.differs and not show_all:
            continue
        shown += 1
        who = f" ({r.reviewer})" if r.reviewer else ""
        click.echo(f"{r.id}  {r.status}{who}")
        click.echo(f"  es:       {r.source}")
        click.echo(f"  machine:  {r.machine}")
        if r.status != "machine":
            click.echo(f"  {r.status + ':':<9} {r.reviewed}")
            click.echo(f"  diff:     {word_diff(r.machine, r.reviewed)}")
    reviewed = sum(1 for r in rows if r.differs)
    from .counts import plural

    click.echo(f"{plural(len(rows), 'segment')}, {reviewed} with reviewed English differing from the machine's")


# ---------------------------------------------------------------- memory

@click.group()
def memory() -> None:
    """Translation memory: list, stats, history, export/import XLIFF 1.2/2.1 and TMX 1.4b."""


STATUS_CHOICE = click.Choice(["machine", "reviewed", "approved", "human"])


@memory.command("list")
@memory_option
@click.option("--status", type=STATUS_CHOICE, help="Only rows with this status (human: reviewed and approved).")
@click.option("--contains", help="Only rows whose Spanish or English contains this text.")
@click.option("--limit", type=click.IntRange(1), help="At most this many rows.")
def memory_list(memory_path, status, contains, limit):
    """List memory rows: status, origin, Spanish and English."""
    with _open(memory_path) as mem:
        for e in mem.entries(status=status, contains=contains, limit=limit):
            origin = e.reviewer if e.human else f"{e.engine} {e.model_version}".strip()
            click.echo(f"{e.status:<9} {e.updated[:19]}  {origin}")
            click.echo(f"  es: {e.source}")
            click.echo(f"  en: {e.target}")


@memory.command("stats")
@memory_option
def memory_stats(memory_path):
    """Counts of rows per status, engine keys and engine translations."""
    with _open(memory_path) as mem:
        s = mem.stats()
        click.echo(f"{mem.path} (schema {mem.schema_version})")
    click.echo(f"  machine: {s['machine']}  reviewed: {s['reviewed']}  approved: {s['approved']}  "
               f"sources: {s['sources']}  engine keys: {s['engine_keys']}")
    click.echo(f"  engine translations stored: {s['engine_translations']}  translated more than once: "
               f"{s['retranslated']}  history: {s['history']} versions ({s['refused']} refused by imports)  "
               f"segment ids known: {s['occurrences']}")


@memory.command("export")
@click.argument("fmt", metavar="xliff|tmx", type=click.Choice(["xliff", "tmx"]))
@click.argument("out", type=click.Path(path_type=Path))
@memory_option
@click.option("--status", type=STATUS_CHOICE, help="Only rows with this status (human: reviewed and approved).")
@click.option("--xliff-version", type=click.Choice(["1.2", "2.1"]), default="1.2", show_default=True,
              help="XLIFF version to write (1.2: what OmegaT, Trados, memoQ, Okapi and translate-toolkit's "
                   "CLIs read; 2.1: OASIS's current one).")
@click.option("--machine/--no-machine", default=True, show_default=True,
              help="Include Spanish segments that only have a machine English (marked as machine).")
@click.option("--all", "every_row", is_flag=True,
              help="Every row (each engine key's machine text beside the human one): a full copy for another "
                   "es2en memory, not for a CAT tool.")
def memory_export(fmt, out, memory_path, status, xliff_version, machine, every_row):
    """Write the memory as XLIFF (1.2 or 2.1) or TMX 1.4b to OUT.

    By default one unit per Spanish segment: its human English (approved or reviewed)
    if it has one, else its newest machine English, marked as machine (TMX prop
    x-es2en-origin, XLIFF state needs-review-translation / initial).
    """
    from .errors import Es2enError
    from .interchange import export_memory

    with _open(memory_path) as mem:
        try:
            n = export_memory(mem, out, fmt, status=status, xliff_version=xliff_version, machine=machine,
                              every_row=every_row)
        except Es2enError as err:
            _fail(str(err), err.exit_code)
    from .counts import plural

    what = f"XLIFF {xliff_version}" if fmt == "xliff" else "TMX 1.4b"
    click.echo(f"{out}: {plural(n, 'unit')} ({what})")


@memory.command("import")
@click.argument("fmt", metavar="xliff|tmx", type=click.Choice(["xliff", "tmx"]))
@click.argument("file", type=click.Path(path_type=Path))
@memory_option
@click.option("--status", "default_status", type=click.Choice(["reviewed", "approved"]), default="reviewed",
              show_default=True, help="Status of units whose file does not say (TMX from other tools).")
@click.option("--by", "by", metavar="NAME",
              help="Who made the file's edits that carry no name of their own (default: the file's name).")
@click.option("--dry-run", is_flag=True, help="Show every decision (stored, replaced, kept, conflicts); change "
                                              "nothing.")
def memory_import(fmt, file, memory_path, default_status, by, dry_run):
    """Read XLIFF 1.2/2.x or TMX pairs from FILE into the memory.

    A human English is never replaced by an older one or by a lower status (approved >
    reviewed > machine; at the same status the later time wins, by the unit's own
    date). Every replacement and every refusal is listed; the history keeps every
    version. Exit status 1 when there are conflicts (a decision is needed).
    """
    from .errors import Es2enError
    from .interchange import import_file
    from .memory import TranslationMemory

    if dry_run:
        # a copy in RAM: the file is not created, upgraded or written
        try:
            mem = (TranslationMemory.copy_of(memory_path) if memory_path.exists()
                   else TranslationMemory(":memory:"))
        except Es2enError as err:
            _fail(str(err), err.exit_code)
    else:
        mem = _open(memory_path, must_exist=False)
    def progress(done: int, total: int) -> None:
        # on a terminal only, for files of more than a few batches
        if total > 10_000 and sys.stderr.isatty():
            click.echo(f"\r{file.name}: {done:,}/{total:,} units", err=True, nl=done == total)

    with mem:
        try:
            result = import_file(mem, file, fmt, default_status=default_status, by=by, dry_run=dry_run,
                                 progress=progress)
        except Es2enError as err:
            _fail(str(err), err.exit_code)
    for line in result.summary(file):
        click.echo(line)
    if result.conflicts:
        _fail(f"{len(result.conflicts)} conflict{'' if len(result.conflicts) == 1 else 's'}: the memory's English "
              f"was kept (see above)")


@memory.command("history")
@click.argument("source")
@memory_option
def memory_history(source, memory_path):
    """Every version the memory has seen for the Spanish SOURCE: status, time, who, file,
    and whether it became the memory's English (refused offers are marked "refused")."""
    with _open(memory_path) as mem:
        versions = mem.versions(source)
    if not versions:
        _fail(f"no history for “{source}” in {memory_path}")
    for v in versions:
        mark = "" if v.kept else "  refused"
        click.echo(f"{v.time[:19]}  {v.status:<9} {v.reviewer or '-'}  {v.file or '-'}{mark}")
        click.echo(f"  en: {v.target}")
        if v.note:
            click.echo(f"  ({v.note})")

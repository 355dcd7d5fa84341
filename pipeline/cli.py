"""The ``es2en`` command: a thin click layer over the library.

Heavy libraries are imported inside the commands, and sub-groups (glossary, …) are
loaded only when used, so ``es2en --help`` stays instant.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from pathlib import Path

import click

from . import __version__
from .counts import plural

#: Sub-command groups living in their own modules, imported on first use.
LAZY_GROUPS = {
    "glossary": ("pipeline.glossary.cli", "glossary", "Maintain glossary files: list, add, remove, lint, import, export."),
    "review": ("pipeline.review_cli", "review", "Import a reviewer's corrections from a bilingual DOCX/Markdown; diff."),
    "memory": ("pipeline.review_cli", "memory", "Translation memory: list, stats, export/import XLIFF 2.1 and TMX."),
    "qa": ("pipeline.qa.cli", "qa", "Check a bilingual DOCX/Markdown file: numbers by value, terms, form."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_GROUPS])

    def get_command(self, ctx, name):
        if name in LAZY_GROUPS:
            module, attr, _ = LAZY_GROUPS[name]
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def format_commands(self, ctx, formatter):
        # List lazy groups with their one-line help without importing them.
        rows = []
        for name in self.list_commands(ctx):
            if name in LAZY_GROUPS:
                rows.append((name, LAZY_GROUPS[name][2]))
            else:
                cmd = super().get_command(ctx, name)
                rows.append((name, cmd.get_short_help_str(limit=70)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"es2en: error: {message}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"es2en: {message}", err=True)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="es2en")
def main() -> None:
    """Offline Spanish → English translation with side-by-side review files."""


def engine_options(f):
    f = click.option("--engine", type=click.Choice(["auto", "argos", "apertium"]), default="auto", show_default=True,
                     help="auto: an installed Argos package, else Apertium, else the test model (with a warning).")(f)
    f = click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True,
                     help="Where the Argos engine runs; auto uses CUDA only when it is usable.")(f)
    f = click.option("--beam-size", type=click.IntRange(1, 16), default=None,
                     help="Beam size for the Argos engine (default 2, chosen by measurement: bench/beam.py).")(f)
    f = click.option("--jobs", type=click.IntRange(1, 256), default=None,
                     help="Engine batches translated at once: Apertium processes, or CTranslate2 replicas "
                          "sharing the cores. Default: one per CPU core.")(f)
    f = click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
                     help="Glossary file to enforce (repeatable; later files win). Default: every file in glossaries/.")(f)
    f = click.option("--no-glossary", is_flag=True, help="Enforce no glossary.")(f)
    f = click.option("--lenient", is_flag=True,
                     help="Skip malformed glossary lines with a warning instead of stopping.")(f)
    f = click.option("--source-locale", default="auto", show_default=True,
                     help="Spanish variety for numbers (es_ES, es_MX, es_AR, …); auto infers it per document.")(f)
    f = click.option("--dollar-sign", type=click.Choice(["auto", "usd", "local"]), default="auto", show_default=True,
                     help="What a bare $ means: auto (local peso unless the text says dólares/USD), usd, or local.")(f)
    return f


def _glossary_note(opts) -> None:
    """Say once (stderr) when the default glossaries come from a folder other than the
    project's: a glossaries/ folder in the working directory replaces the shipped ones."""
    if opts.glossaries is not None:
        return
    from .glossary.model import default_glossary_dir, default_glossary_paths

    used = default_glossary_dir()
    project = Path(__file__).resolve().parent.parent / "glossaries"
    if project.is_dir() and used.resolve() != project.resolve():
        files = default_glossary_paths(used)
        warn(f"using the glossaries in {used} ({plural(len(files), 'file')}), not the project's {project}")


def _options(engine, device, beam_size, glossaries, no_glossary, lenient, source_locale, dollar_sign, formats=(),
             jobs=None):
    """TranslateOptions from the options that ``engine_options`` adds to a command."""
    from .run import TranslateOptions

    opts = TranslateOptions(engine=engine, device=device, beam_size=beam_size,
                            glossaries=[] if no_glossary else (list(glossaries) or None), lenient_glossary=lenient,
                            source_locale=source_locale, dollar_sign=dollar_sign, jobs=jobs)
    if formats:
        opts.formats = tuple(formats)
    return opts


def _size(value: str | None) -> int | None:
    if value is None:
        return None
    from .ingest.limits import parse_size

    try:
        return parse_size(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("build"), show_default=True,
              help="Output folder.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["docx", "md", "en.md", "en.docx"]),
              help="Outputs to write (repeatable). Default: all; en.docx (the English copy) for .docx inputs only.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--memory", "memory_path", type=click.Path(path_type=Path), default=Path(".es2en/memory.sqlite"),
              show_default=True, help="Translation memory: reviewed English is reused, engine output cached.")
@click.option("--no-memory", is_flag=True, help="Neither read nor write the translation memory.")
@click.option("--cluster", metavar="ray://HOST:PORT|local",
              help="Translate on a Ray cluster (pip install 'es2en[cluster]'); local: start Ray on this machine. "
                   "--jobs is then the number of workers (default: one per CPU of the cluster).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="never", show_default=True,
              help="Exit with status 1 when a QA finding at or above this severity is in the outputs (for scripts).")
@click.option("--max-part-size", metavar="SIZE", callback=lambda ctx, param, value: _size(value),
              help="Largest part a .docx may inflate to (e.g. 300MB, 1GB); larger ones are refused as "
                   "possible zip bombs. Default: 100MB.")
@engine_options
def translate(paths, out_dir, formats, quiet, memory_path, no_memory, cluster, fail_on, max_part_size, **engine_kw):
    """Translate Spanish .txt/.md/.docx files (or folders, or globs) into OUT.

    Writes OUT/<name>.bilingual.docx, OUT/<name>.bilingual.md and OUT/<name>.en.md, and for a .docx
    source OUT/<name>.en.docx: the source document in English, every part and format kept.
    Each file's summary line counts its QA errors and warnings; --fail-on error|warning
    makes the exit status 1 when there are any (the outputs are written all the same).
    """
    from .errors import Es2enError
    from .run import translate_documents

    opts = _options(formats=formats, **engine_kw)
    _glossary_note(opts)
    opts.memory = None if no_memory else memory_path
    opts.cluster = cluster
    opts.max_part_size = max_part_size
    bar = task = None
    if not quiet and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("translating"), BarColumn(), MofNCompleteColumn(), TextColumn("segments, ETA"),
                       TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        task = bar.add_task("translate", total=None)

    def say(line: str, err: bool = False) -> None:
        if bar is not None:
            bar.console.print(line, highlight=False, markup=False)
        else:
            click.echo(line, err=err)

    def on_file(result) -> None:
        if result.error:
            say(f"es2en: error: {result.error}", err=True)
            return
        for notice in result.notices:
            say(f"es2en: {result.path}: {notice}", err=True)
        names = ", ".join(p.name for p in result.outputs.values())
        if not names:  # --format en.docx alone for a .txt/.md source
            say(f"es2en: {result.path}: nothing written: the chosen formats ({', '.join(opts.formats)}) "
                "are made from .docx sources only", err=True)
        qa = f"QA: {plural(result.qa_errors, 'error')}, {plural(result.qa_warnings, 'warning')}"
        say(f"{result.path}: {plural(result.segments, 'segment')}, {result.engine}, {result.seconds:.1f} s, {qa} → {names}")

    def on_progress(done: int, total: int) -> None:
        if bar is not None:
            bar.update(task, completed=done, total=total)

    try:
        if bar is not None:
            bar.start()
        results = translate_documents(paths, out_dir, opts, on_progress=on_progress, on_file=on_file,
                                      on_warning=lambda m: say(f"es2en: {m}", err=True))
    except Es2enError as err:
        fail(str(err), err.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    finally:
        if bar is not None:
            bar.stop()
    if any(r.engine == "apertium" for r in results):
        _engine_hint(opts.engine)
    failed = sum(1 for r in results if r.error)
    if failed:
        fail(f"{failed} of {plural(len(results), 'file')} failed")
    errors, warnings = sum(r.qa_errors for r in results), sum(r.qa_warnings for r in results)
    if fail_on == "error" and errors or fail_on == "warning" and (errors or warnings):
        fail(f"QA found {plural(errors, 'error')} and {plural(warnings, 'warning')} (--fail-on {fail_on}); see the QA column of the outputs")


#: The one command that gets a neural model, for the hint below.
NMT_INSTALL = "es2en models install --from-index es en"


def _engine_hint(engine: str) -> None:
    """One line on stderr when --engine auto fell back to Apertium because no neural
    (non-test) Argos package is installed: which engine ran, and how to get the better one."""
    if engine != "auto":
        return
    from .engines import argos

    if not any(not p.is_test_model for p in argos.installed_packages()):
        warn(f"translated with Apertium (rule-based): no neural Argos model is installed; "
             f"for better English run `{NMT_INSTALL}` (needs internet)")


@main.command()
@engine_options
def text(**engine_kw):
    """Translate standard input to standard output, line by line.

    Each input line is one paragraph; the output has exactly as many lines.
    """
    from .errors import Es2enError
    from .run import translate_lines

    lines = sys.stdin.read().splitlines()
    opts = _options(**engine_kw)
    _glossary_note(opts)
    try:
        for line in translate_lines(lines, opts, on_warning=warn):
            click.echo(line)
    except Es2enError as err:
        fail(str(err), err.exit_code)
    if opts.engine == "auto":
        from .engines import apertium

        if apertium.available():
            _engine_hint(opts.engine)


@main.group()
def models() -> None:
    """List and install Argos Translate models."""


@models.command("list")
def models_list():
    """Show installed engines and Argos es→en packages."""
    from .engines import apertium, argos

    pkgs = argos.installed_packages()
    for p in pkgs:
        tag = "  (test model)" if p.is_test_model else ""
        click.echo(f"argos     {p.code} {p.version}  {p.path}{tag}")
    if apertium.available():
        click.echo(f"apertium  apertium-eng-spa {apertium.package_version()}")
    if not pkgs and not apertium.available():
        from .engines import NO_ENGINE_HELP

        click.echo(NO_ENGINE_HELP)


@models.command("install")
@click.argument("package_file", required=False, type=click.Path(path_type=Path))
@click.option("--from-index", nargs=2, metavar="FROM TO", help="Download from the Argos package index (needs internet).")
@click.option("--index", "index", metavar="URL",
              help="Package index (a folder holding index.json, or the .json itself); default: "
                   "ARGOS_PACKAGE_INDEX, else Argos's own index.")
@click.option("--timeout", type=click.FloatRange(min=0.01), default=20.0, show_default=True,
              help="Seconds a connection or a read may stall before the download is given up.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def models_install(package_file, from_index, index, timeout, quiet):
    """Install an Argos package from FILE.argosmodel (offline) or from the index."""
    from .packages import install_file, install_from_index
    from .errors import Es2enError

    try:
        if package_file and not from_index:
            click.echo(f"installed {install_file(package_file)}")
        elif from_index and not package_file:
            with _download_bar(quiet) as progress:
                installed = install_from_index(*from_index, index=index, timeout=timeout, progress=progress)
            click.echo(f"installed {installed}")
        else:
            fail("give either FILE.argosmodel or --from-index FROM TO", 2)
    except Es2enError as err:
        fail(str(err), err.exit_code)


@contextlib.contextmanager
def _download_bar(quiet: bool):
    """A rich download bar on stderr (bytes, speed, time left), or None when quiet or
    when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    with Progress("download", BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("download", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield progress


if __name__ == "__main__":  # pragma: no cover
    main()

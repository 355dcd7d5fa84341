"""Translation engines behind one protocol (see base.Engine), and how one is chosen.

``--engine auto``: an installed Argos es→en package that is not a test model, else
Apertium, else the test model with a loud warning, else a clear error that lists
the commands installing an engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import EngineError
from .base import Engine

ENGINE_NAMES = ("auto", "argos", "apertium")

NO_ENGINE_HELP = (
    "no Spanish→English engine is installed; install one of: "
    "`sudo apt-get install apertium apertium-eng-spa` (Apertium), "
    "`es2en models install FILE.argosmodel` (an Argos package file), "
    "`es2en models install --from-index es en` (needs internet)"
)


@dataclass
class EngineChoice:
    engine: Engine
    warning: str | None = None


def select_engine(name: str = "auto", device: str = "auto", beam_size: int | None = None,
                  jobs: int | None = None) -> EngineChoice:
    """``jobs``: engine batches translated at once (Apertium processes, CTranslate2
    replicas); None: one per CPU core present."""
    from . import apertium, argos

    def make_argos(pkg) -> Engine:
        kwargs = {"beam_size": beam_size} if beam_size else {}
        return argos.ArgosEngine(pkg, device=device, jobs=jobs, **kwargs)

    if name == "apertium":
        return EngineChoice(apertium.ApertiumEngine(jobs=jobs))
    def broken() -> str:
        found = argos.broken_packages()
        return "".join(f"; skipped unreadable Argos package folder {path} ({why})" for path, why in found)

    if name == "argos":
        packages = argos.installed_packages()
        if not packages:
            raise EngineError("no Argos Translate es→en package is installed "
                              "(es2en models install FILE.argosmodel, or --from-index es en with internet)" + broken())
        pkg = packages[0]
        warning = f"{pkg.code} is a TEST MODEL: fine for short everyday sentences, useless on news" if pkg.is_test_model else None
        return EngineChoice(make_argos(pkg), warning)
    if name != "auto":
        raise EngineError(f"unknown engine {name!r} (choose one of {', '.join(ENGINE_NAMES)})")

    packages = argos.installed_packages()
    real = [p for p in packages if not p.is_test_model]
    if real:
        return EngineChoice(make_argos(real[0]))
    if apertium.available():
        return EngineChoice(apertium.ApertiumEngine(jobs=jobs), broken().lstrip("; ") or None)
    if packages:
        return EngineChoice(make_argos(packages[0]),
                            f"WARNING: only the test model {packages[0].code} is installed; its translations of "
                            "news text are useless. " + NO_ENGINE_HELP)
    raise EngineError(NO_ENGINE_HELP + broken())


__all__ = ["Engine", "EngineChoice", "select_engine", "ENGINE_NAMES", "NO_ENGINE_HELP"]

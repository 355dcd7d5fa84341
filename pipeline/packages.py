"""Installing Argos Translate packages (``es2en models install``).

A package file is a zip with ``metadata.json``; we check it before handing it to
``argostranslate.package``, so a wrong or corrupt file gets a one-line error.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from .errors import EngineError, InputError


def _argos():
    # Point argostranslate at ARGOS_PACKAGES_DIR even if it changed after import.
    from .engines.argos import installed_packages

    installed_packages()
    import argostranslate.package

    return argostranslate.package


def install_file(path: str | Path) -> str:
    """Install a local .argosmodel file; return the package code."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path)
    try:
        with zipfile.ZipFile(path) as zf:
            meta_name = next((n for n in zf.namelist() if n.endswith("metadata.json") and n.count("/") <= 1), None)
            if meta_name is None:
                raise InputError("not an Argos package (metadata.json missing)", path)
            meta = json.loads(zf.read(meta_name))
    except (zipfile.BadZipFile, json.JSONDecodeError, OSError) as err:
        raise InputError(f"not a valid Argos package: {err}", path) from err
    if meta.get("type", "translate") != "translate":
        raise InputError(f"not a translation package (type {meta.get('type')!r})", path)
    _argos().install_from_path(path)
    return f"{meta.get('code', path.stem)} ({meta.get('from_code')}→{meta.get('to_code')})"


def install_from_index(from_code: str, to_code: str) -> str:
    """Download and install a package from the Argos index (needs internet)."""
    package = _argos()
    try:
        package.update_package_index()
        available = package.get_available_packages()
    except Exception as err:  # urllib and socket errors of many kinds
        raise EngineError(f"cannot reach the Argos package index (no internet?): {err}") from err
    match = next((p for p in available if p.from_code == from_code and p.to_code == to_code), None)
    if match is None:
        raise EngineError(f"the Argos package index has no {from_code}→{to_code} package"
                          " (or the index could not be downloaded: no internet?)")
    try:
        package.install_from_path(match.download())
    except Exception as err:
        raise EngineError(f"cannot download {match.code}: {err}") from err
    return f"{match.code} ({from_code}→{to_code})"

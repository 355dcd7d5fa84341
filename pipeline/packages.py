"""Installing Argos Translate packages (``es2en models install``).

A package file is a zip holding one folder with ``metadata.json``. We check it and
unpack it ourselves into the Argos packages folder (``ARGOS_PACKAGES_DIR``): through a
temporary folder renamed into place, so a broken file leaves nothing half-installed,
and without argostranslate's own installer, which imports its translate module and
with it stanza and torch (seconds, and a failure where those are missing).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from .errors import EngineError, InputError


def _argos():
    # Point argostranslate at ARGOS_PACKAGES_DIR even if it changed after import.
    from .engines.argos import installed_packages

    installed_packages()
    import argostranslate.package

    return argostranslate.package


def packages_dir() -> Path:
    _argos()
    import argostranslate.settings

    return Path(argostranslate.settings.package_data_dir)


def install_file(path: str | Path) -> str:
    """Install a local .argosmodel file; return the package code."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
            unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts]
            if unsafe:
                raise InputError(f"refusing a package with a path outside its folder: {unsafe[0]}", path)
            if len(tops) != 1:
                raise InputError("not an Argos package (it must hold exactly one folder)", path)
            (top,) = tops
            if f"{top}/metadata.json" not in names:
                raise InputError("not an Argos package (metadata.json missing)", path)
            meta = json.loads(zf.read(f"{top}/metadata.json"))
            if meta.get("type", "translate") != "translate":
                raise InputError(f"not a translation package (type {meta.get('type')!r})", path)
            dest_root = packages_dir()
            dest_root.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix=".installing-", dir=dest_root) as tmp:
                zf.extractall(tmp)
                dest = dest_root / top
                if dest.exists():
                    shutil.rmtree(dest)
                (Path(tmp) / top).rename(dest)
    except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"not a valid Argos package: {err}", path) from err
    except OSError as err:
        raise EngineError(f"cannot install the package: {err.strerror or err}", path) from err
    return f"{meta.get('code', top)} ({meta.get('from_code')}→{meta.get('to_code')})"


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
        downloaded = match.download()
    except Exception as err:
        raise EngineError(f"cannot download {match.code}: {err}") from err
    return install_file(downloaded)

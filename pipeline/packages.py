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


#: Seconds to wait for the package index or a download before giving up.
NETWORK_TIMEOUT = 20


def _fetch(url: str, what: str) -> bytes:
    """One attempt with a timeout: argostranslate's own downloader retries forever
    on a machine without internet."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=NETWORK_TIMEOUT) as response:
            return response.read()
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise EngineError(f"cannot download {what} (no internet?): {reason}; "
                          "on an offline machine, copy a .argosmodel file here and run "
                          "`es2en models install FILE.argosmodel`") from err


def install_from_index(from_code: str, to_code: str) -> str:
    """Download and install a package from the Argos index (needs internet)."""
    _argos()
    import argostranslate.settings

    raw = _fetch(argostranslate.settings.remote_package_index, "the Argos package index")
    try:
        index = json.loads(raw)
    except json.JSONDecodeError as err:
        raise EngineError(f"the Argos package index is not valid JSON: {err}") from err
    matches = [p for p in index if p.get("from_code") == from_code and p.get("to_code") == to_code
               and p.get("type", "translate") == "translate"]
    if not matches:
        raise EngineError(f"the Argos package index has no {from_code}→{to_code} package")
    package = matches[0]
    last: EngineError | None = None
    for url in package.get("links", []):
        try:
            data = _fetch(url, package.get("code", "the package"))
        except EngineError as err:
            last = err
            continue
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{package.get('code', 'package')}.argosmodel"
            path.write_bytes(data)
            return install_file(path)
    raise last or EngineError(f"the Argos package index lists no download for {package.get('code')}")

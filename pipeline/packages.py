"""Installing Argos Translate packages (``es2en models install``).

A package file is a zip holding one folder with ``metadata.json``. We check it and
unpack it ourselves into the Argos packages folder (``ARGOS_PACKAGES_DIR``): through a
temporary folder renamed into place, so a broken file leaves nothing half-installed,
and without argostranslate's own installer, which imports its translate module and
with it stanza and torch (seconds, and a failure where those are missing).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import socket
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path, PurePosixPath
from typing import Callable

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


def install_file(path: str | Path, expect: tuple[str, str] | None = None) -> str:
    """Install a local .argosmodel file; return the package code. ``expect``: the
    (from, to) language pair the package must translate."""
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
            if not isinstance(meta, dict):
                raise InputError("not an Argos package (metadata.json is not an object)", path)
            if meta.get("type", "translate") != "translate":
                raise InputError(f"not a translation package (type {meta.get('type')!r})", path)
            if not meta.get("from_code") or not meta.get("to_code"):
                raise InputError("not an Argos package (metadata.json has no from_code/to_code)", path)
            if expect and (meta["from_code"], meta["to_code"]) != tuple(expect):
                raise InputError(f"a {meta['from_code']}→{meta['to_code']} package, not "
                                 f"{expect[0]}→{expect[1]}", path)
            dest_root = packages_dir()
            dest_root.mkdir(parents=True, exist_ok=True)
            # Unpack beside the target, then rename: the package appears whole or not at all;
            # an older version is moved aside first and removed only once the new one is in.
            with tempfile.TemporaryDirectory(prefix=".installing-", dir=dest_root) as tmp:
                zf.extractall(tmp)
                dest = dest_root / top
                old = Path(tmp) / ".previous"
                if dest.exists():
                    dest.rename(old)
                try:
                    (Path(tmp) / top).rename(dest)
                except OSError:
                    if old.exists():
                        old.rename(dest)
                    raise
    except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"not a valid Argos package: {err}", path) from err
    except OSError as err:
        raise EngineError(f"cannot install the package: {err.strerror or err}", path) from err
    return f"{meta.get('code', top)} ({meta.get('from_code')}→{meta.get('to_code')})"


#: Seconds a connection, or one read of the index or a download, may stall before we give up.
NETWORK_TIMEOUT = 20
#: argostranslate's default index (a folder: index.json is joined to it).
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: A package index is a few tens of kB; refuse to read more than this.
MAX_INDEX_BYTES = 16 * 1024 * 1024
#: Tries of one download link (the first and the resumes after a broken transfer).
DOWNLOAD_ATTEMPTS = 3
_OFFLINE_HINT = ("on an offline machine, copy a .argosmodel file here and run "
                 "`es2en models install FILE.argosmodel`")


def index_url(index: str | None = None) -> str:
    """The index.json URL of ``index`` (a URL), else ARGOS_PACKAGE_INDEX, else Argos's own.

    argostranslate appends "index.json" to ARGOS_PACKAGE_INDEX as it stands, so a
    mirror given without its final "/" turns into ``…/mirrorindex.json``; we add the
    "/" first. A URL that already names a .json file is taken as the index itself."""
    base = (index or os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX).strip()
    _require_http(base, "package index")
    if base.lower().endswith(".json"):
        return base
    return urllib.parse.urljoin(base if base.endswith("/") else base + "/", "index.json")


def _require_http(url: str, what: str) -> None:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https") or not urllib.parse.urlsplit(url).netloc:
        raise EngineError(f"refusing the {what} link {url!r}: only http:// and https:// links are used")


def _network_error(what: str, url: str, err: BaseException, timeout: float | None = None) -> EngineError:
    if isinstance(err, urllib.error.HTTPError):
        return EngineError(f"cannot download {what}: {url}: HTTP {err.code} {err.reason}")
    if isinstance(err, (TimeoutError, socket.timeout)) or "timed out" in str(getattr(err, "reason", err)):
        secs = f" after {timeout:g} s" if timeout else ""
        return EngineError(f"cannot download {what}: {url}: no answer{secs} (time-out; --timeout sets it)")
    reason = getattr(err, "reason", None) or err
    return EngineError(f"cannot download {what} (no internet?): {url}: {reason}; {_OFFLINE_HINT}")


def _open(url: str, timeout: float, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, headers={"User-Agent": "es2en", **(headers or {})})
    return urllib.request.urlopen(request, timeout=timeout)


def fetch_index(url: str, timeout: float = NETWORK_TIMEOUT) -> list[dict]:
    """The package index at ``url``: one request, a time-out, no retries (argostranslate's
    get_available_packages() recurses forever when there is neither a cached index nor
    a network, so we never call it)."""
    try:
        with _open(url, timeout) as response:
            raw = response.read(MAX_INDEX_BYTES + 1)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        raise _network_error("the Argos package index", url, err, timeout) from err
    if len(raw) > MAX_INDEX_BYTES:
        raise EngineError(f"the Argos package index at {url} is larger than {MAX_INDEX_BYTES} bytes")
    try:
        index = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise EngineError(f"the Argos package index at {url} is not valid JSON: {err}") from err
    if not isinstance(index, list):
        raise EngineError(f"the Argos package index at {url} is not a list of packages")
    return [p for p in index if isinstance(p, dict)]


def _version_key(package: dict) -> tuple:
    parts = str(package.get("package_version", "0")).split(".")
    return tuple(int(p) if p.isdigit() else 0 for p in parts)


def choose_package(index: list[dict], from_code: str, to_code: str, url: str = "") -> dict:
    """The newest translation package for the pair."""
    matches = [p for p in index if p.get("from_code") == from_code and p.get("to_code") == to_code
               and p.get("type", "translate") == "translate"]
    if not matches:
        where = f" at {url}" if url else ""
        raise EngineError(f"the Argos package index{where} has no {from_code}→{to_code} package")
    return max(matches, key=_version_key)


def _download(url: str, part: Path, timeout: float, expected_size: int | None,
              progress: Callable[[int, int | None], None] | None) -> None:
    """Download ``url`` into ``part``; a transfer that breaks off (a time-out, a short
    body) is resumed with an HTTP Range request, up to DOWNLOAD_ATTEMPTS tries. Raises
    EngineError; ``part`` may then hold a partial file (the caller removes it)."""
    total = expected_size
    last: BaseException | None = None
    for _attempt in range(DOWNLOAD_ATTEMPTS):
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        try:
            with _open(url, timeout, headers) as response:
                resumed = have and response.status == 206
                if have and not resumed:  # the server ignored Range: start again
                    have = 0
                length = response.headers.get("Content-Length")
                if length and length.isdigit():
                    total = have + int(length)
                with open(part, "ab" if resumed else "wb") as out:
                    done = have
                    if progress:
                        progress(done, total)
                    while chunk := response.read(64 * 1024):
                        out.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
            size = part.stat().st_size
            if total is not None and size < total:
                raise http.client.IncompleteRead(b"", total - size)
            return
        except urllib.error.HTTPError as err:  # 404 and the like: no point in retrying
            raise _network_error("the package", url, err) from err
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
            last = err
    got = part.stat().st_size if part.exists() else 0
    if isinstance(last, http.client.IncompleteRead) or (total and got < total):
        raise EngineError(f"the download of {url} broke off after {got} of {total} bytes "
                          f"({DOWNLOAD_ATTEMPTS} tries); nothing was installed")
    raise _network_error("the package", url, last or OSError("unknown error"), timeout)


def _check_download(path: Path, package: dict, url: str) -> None:
    """The size and checksum the index gives (argospm's index gives neither today; a
    mirror's index may add "size" in bytes and "sha256")."""
    size = package.get("size")
    if isinstance(size, int) and path.stat().st_size != size:
        raise EngineError(f"the download of {url} has {path.stat().st_size} bytes, the index says {size}; "
                          "nothing was installed")
    for field_name in ("sha256", "checksum"):
        want = package.get(field_name)
        if isinstance(want, str) and want:
            want = want.lower().removeprefix("sha256:")
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
            if digest.hexdigest() != want:
                raise EngineError(f"the download of {url} does not match the index's sha256 checksum; "
                                  "nothing was installed")
            return


def install_from_index(from_code: str, to_code: str, index: str | None = None,
                       timeout: float = NETWORK_TIMEOUT,
                       progress: Callable[[int, int | None], None] | None = None) -> str:
    """Download the newest ``from_code``→``to_code`` package of the Argos index (or of
    the mirror ``index`` / ARGOS_PACKAGE_INDEX) and install it. The download goes to a
    temporary file in the packages folder and is unpacked and renamed into place only
    once it is complete and a valid package; on any failure the folder is left as it was."""
    url = index_url(index)
    package = choose_package(fetch_index(url, timeout), from_code, to_code, url)
    name = package.get("code") or f"translate-{from_code}_{to_code}"
    links = [link for link in package.get("links", []) if isinstance(link, str)]
    if not links:
        raise EngineError(f"the Argos package index at {url} lists no download for {name}")
    for link in links:
        _require_http(link, f"{name} package")
    dest_root = packages_dir()
    created = not dest_root.exists()
    dest_root.mkdir(parents=True, exist_ok=True)
    last: EngineError | None = None
    try:
        for link in links:
            safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:80]  # the index names it
            fd, tmp = tempfile.mkstemp(prefix=f".download-{safe}-", suffix=".argosmodel.part", dir=dest_root)
            os.close(fd)
            part = Path(tmp)
            try:
                _download(link, part, timeout, package.get("size") if isinstance(package.get("size"), int) else None,
                          progress)
                _check_download(part, package, link)
                try:
                    return install_file(part, expect=(from_code, to_code))
                except InputError as err:
                    raise EngineError(f"the download of {link} is not a valid Argos package "
                                      f"({err.message}); nothing was installed") from err
            except EngineError as err:
                last = err
            finally:
                part.unlink(missing_ok=True)
        raise last or EngineError(f"cannot download {name}")
    finally:
        if created and dest_root.exists() and not any(dest_root.iterdir()):
            dest_root.rmdir()

"""`es2en models install --from-index` against a real HTTP server on the loopback
interface (http.server in a thread): the index, the vendored test package, and the
ways a download goes wrong. Each failure: one line, a non-zero exit, the packages
folder exactly as it was (no half-installed package, no temporary file)."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, TEST_MODEL

ES2EN = [sys.executable, "-m", "pipeline"]
PACKAGE = TEST_MODEL.read_bytes()


def entry(link: str, **extra) -> dict:
    """One index.json entry, with the fields argospm's real index has."""
    return {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "es", "from_name": "Spanish",
            "to_code": "en", "to_name": "English", "links": [link], "code": "translate-es_en", **extra}


class Server:
    """Routes: path → (kind, payload). Kinds: "bytes" (Range honoured), "truncated"
    (a Content-Length larger than the body sent, then the connection closes),
    "truncated-once" (truncated on the first request, whole with Range after),
    "slow" (no answer for ``payload`` seconds), "404"."""

    def __init__(self):
        self.routes: dict[str, tuple[str, object]] = {}
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server.requests.append((self.path, self.headers.get("Range")))
                kind, payload = server.routes.get(self.path, ("404", None))
                if kind == "404":
                    self.send_error(404)
                    return
                if kind == "slow":
                    time.sleep(payload)
                    kind, payload = "bytes", PACKAGE
                if kind == "truncated-once":
                    first = sum(1 for p, _ in server.requests if p == self.path) == 1
                    kind = "truncated" if first else "bytes"
                body = payload
                start = 0
                rng = self.headers.get("Range")
                if kind == "bytes" and rng and rng.startswith("bytes="):
                    start = int(rng[6:].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                if kind == "truncated":
                    self.wfile.write(body[: len(body) // 3])
                    self.close_connection = True
                    return
                self.wfile.write(body[start:])

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def index(self, *entries: dict, path: str = "/mirror/index.json") -> None:
        self.routes[path] = ("bytes", json.dumps(list(entries)).encode())

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


@pytest.fixture
def pkgs(tmp_path) -> Path:
    d = tmp_path / "packages"
    d.mkdir()
    (d / "keep-me.txt").write_text("a user's file", encoding="utf-8")
    return d


def snapshot(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def install(pkgs: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    inherited = {k: v for k, v in os.environ.items() if k != "ARGOS_PACKAGE_INDEX"}
    env = {**inherited, "ARGOS_PACKAGES_DIR": str(pkgs), **(env or {})}
    return subprocess.run(ES2EN + ["models", "install", "--from-index", "es", "en", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL)


def real_looking_package(tmp_path: Path) -> bytes:
    """The vendored test model repackaged as "translate-es_en" (its folder and the code
    in metadata.json): es2en tells a test model by that code, so this one counts as a
    real package and --engine auto must prefer it to Apertium."""
    out = tmp_path / "translate-es_en.argosmodel"
    with zipfile.ZipFile(TEST_MODEL) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for item in src.infolist():
            name = item.filename.replace("translate-es_en-tatoeba/", "translate-es_en/", 1)
            data = src.read(item)
            if name == "translate-es_en/metadata.json":
                meta = json.loads(data)
                meta.update(code="translate-es_en", package_version="1.9")
                data = json.dumps(meta).encode()
            dst.writestr(name, data) if not item.is_dir() else dst.writestr(name, b"")
    return out.read_bytes()


def assert_failed_cleanly(proc, pkgs: Path, before: list[str], *words: str) -> None:
    assert proc.returncode != 0, proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for w in words:
        assert w in lines[0], lines[0]
    assert snapshot(pkgs) == before


def test_installs_from_a_mirror_and_auto_then_picks_it(tmp_path, server, pkgs, monkeypatch):
    body = real_looking_package(tmp_path)
    server.routes["/files/translate-es_en-1_9.argosmodel"] = ("bytes", body)
    server.index(entry(f"{server.url}/files/translate-es_en-1_9.argosmodel", size=len(body),
                       sha256=hashlib.sha256(body).hexdigest()))
    # The mirror given without its final "/": argostranslate would fetch …/mirrorindex.json.
    proc = install(pkgs, "--index", f"{server.url}/mirror")
    assert proc.returncode == 0, proc.stderr
    assert "installed translate-es_en (es→en)" in proc.stdout
    assert ("/mirror/index.json", None) in server.requests
    assert sorted(p.name for p in pkgs.iterdir()) == ["keep-me.txt", "translate-es_en"]
    assert (pkgs / "translate-es_en" / "model" / "model.bin").stat().st_size > 0

    import argostranslate.settings as settings

    # installed_packages() repoints argostranslate at ARGOS_PACKAGES_DIR: undo it afterwards.
    monkeypatch.setattr(settings, "package_data_dir", settings.package_data_dir)
    monkeypatch.setattr(settings, "package_dirs", list(settings.package_dirs))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(pkgs))
    from pipeline.engines import select_engine

    choice = select_engine("auto", device="cpu")
    assert choice.engine.name == "argos" and choice.warning is None
    assert choice.engine.translate_batch(["Tengo dos amigos."])[0].strip()


def test_argos_package_index_variable_is_used_and_gets_its_slash(server, pkgs):
    server.routes["/p.argosmodel"] = ("bytes", PACKAGE)
    server.index(entry(f"{server.url}/p.argosmodel"), path="/office/index.json")
    proc = install(pkgs, env={"ARGOS_PACKAGE_INDEX": f"{server.url}/office"})
    assert proc.returncode == 0, proc.stderr
    assert (pkgs / "translate-es_en-tatoeba" / "metadata.json").is_file()
    assert not [p for p in pkgs.iterdir() if p.name.startswith(".")]


def test_a_broken_transfer_is_resumed_with_a_range_request(server, pkgs):
    server.routes["/p.argosmodel"] = ("truncated-once", PACKAGE)
    server.index(entry(f"{server.url}/p.argosmodel"))
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert proc.returncode == 0, proc.stderr
    ranges = [r for p, r in server.requests if p == "/p.argosmodel"]
    assert ranges == [None, f"bytes={len(PACKAGE) // 3}-"]
    assert (pkgs / "translate-es_en-tatoeba" / "model" / "model.bin").stat().st_size > 0


def test_404(server, pkgs):
    server.index(entry(f"{server.url}/missing.argosmodel"))
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "HTTP 404", "/missing.argosmodel")


def test_truncated_download(server, pkgs):
    server.routes["/p.argosmodel"] = ("truncated", PACKAGE)
    server.index(entry(f"{server.url}/p.argosmodel"))
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "broke off", "nothing was installed")
    assert len([1 for p, _ in server.requests if p == "/p.argosmodel"]) == 3  # bounded tries


def test_bad_zip(server, pkgs):
    server.routes["/p.argosmodel"] = ("bytes", b"PK\x03\x04 this is no zip file" * 100)
    server.index(entry(f"{server.url}/p.argosmodel"))
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "not a valid Argos package", "/p.argosmodel")


def test_a_zip_that_is_not_an_argos_package(server, tmp_path, pkgs):
    odd = tmp_path / "odd.zip"
    with zipfile.ZipFile(odd, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"type": "translate", "code": "x"}))
    server.routes["/p.argosmodel"] = ("bytes", odd.read_bytes())
    server.index(entry(f"{server.url}/p.argosmodel"))
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "from_code/to_code")


def test_size_and_checksum_from_the_index_are_checked(server, pkgs):
    server.routes["/p.argosmodel"] = ("bytes", PACKAGE)
    before = snapshot(pkgs)
    server.index(entry(f"{server.url}/p.argosmodel", size=len(PACKAGE) + 1))
    assert_failed_cleanly(install(pkgs, "--index", f"{server.url}/mirror/"), pkgs, before, "the index says")
    server.index(entry(f"{server.url}/p.argosmodel", sha256="0" * 64))
    assert_failed_cleanly(install(pkgs, "--index", f"{server.url}/mirror/"), pkgs, before, "sha256")


def test_slow_server_hits_the_timeout(server, pkgs):
    server.routes["/p.argosmodel"] = ("slow", 3.0)
    server.index(entry(f"{server.url}/p.argosmodel"))
    before = snapshot(pkgs)
    started = time.perf_counter()
    proc = install(pkgs, "--index", f"{server.url}/mirror/", "--timeout", "0.3")
    assert_failed_cleanly(proc, pkgs, before, "time-out", "0.3 s")
    assert time.perf_counter() - started < 30


def test_index_without_the_pair(server, pkgs):
    other = entry(f"{server.url}/p.argosmodel")
    other.update(from_code="fr", to_code="en", code="translate-fr_en")
    server.index(other)
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "has no es→en package")
    assert [p for p, _ in server.requests] == ["/mirror/index.json"]


def test_a_link_that_is_not_http_is_refused(server, pkgs):
    server.index(entry("file:///etc/passwd"))
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "refusing", "only http:// and https://")


def test_an_index_that_is_not_json(server, pkgs):
    server.routes["/mirror/index.json"] = ("bytes", b"<html>a captive portal</html>")
    before = snapshot(pkgs)
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert_failed_cleanly(proc, pkgs, before, "not valid JSON")


def test_a_package_code_with_a_path_in_it_stays_in_the_packages_folder(server, pkgs, tmp_path):
    server.routes["/p.argosmodel"] = ("bytes", PACKAGE)
    server.index(entry(f"{server.url}/p.argosmodel", code="../../escape"))
    proc = install(pkgs, "--index", f"{server.url}/mirror/")
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in pkgs.iterdir()) == ["keep-me.txt", "translate-es_en-tatoeba"]
    assert not [p for p in tmp_path.rglob("*escape*")]

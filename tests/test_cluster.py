"""Scale-out on Ray (pipeline.cluster): a real local Ray cluster — a head and two worker
nodes, each its own raylet and processes on this machine — translates a directory
with the Argos test model. The outputs and the translation memory equal a local run's
(timestamps aside), and a worker SIGKILLed mid-run loses and duplicates nothing."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import socket
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from conftest import SEED, needs_apertium

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install -e '.[test]' installs it)")

from pipeline import cluster as cluster_mod  # noqa: E402
from pipeline.run import TranslateOptions, translate_documents  # noqa: E402

pytestmark = pytest.mark.slow

SUBJECTS = ["El niño", "La niña", "Mi hermano", "Tu madre", "El profesor", "La doctora", "Nuestro vecino", "Su amiga"]
VERBS = ["come", "quiere", "compra", "busca", "lava", "tiene", "mira", "vende", "pinta", "rompe"]
OBJECTS = ["una manzana", "el libro", "la casa", "un coche", "la mesa", "una carta", "el pan", "la puerta"]


def sentences(n: int, start: int = 0) -> list[str]:
    combos = itertools.product(SUBJECTS, VERBS, OBJECTS)
    return [f"{s} {v} {o}." for s, v, o in itertools.islice(combos, start, start + n)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ray_cluster(argos_packages_dir):
    """Head (no CPUs: it only coordinates) + two worker nodes of one CPU each, in a temp
    dir of their own (RAY_TMPDIR, so nothing touches another Ray on this machine) and on
    a free port; shut down whatever happens. Nodes inherit ARGOS_PACKAGES_DIR."""
    from ray.cluster_utils import Cluster

    tmp = tempfile.mkdtemp(prefix="es2en-ray-", dir="/tmp")  # short: Ray's Unix socket paths
    old = os.environ.get("RAY_TMPDIR")
    os.environ["RAY_TMPDIR"] = tmp
    os.makedirs(os.path.join(tmp, "ray"))
    cluster = None
    try:
        cluster = Cluster(initialize_head=True, head_node_args={
            "num_cpus": 0, "gcs_server_port": free_port(), "include_dashboard": False,
            "object_store_memory": 100 * 1024 * 1024, "temp_dir": os.path.join(tmp, "ray")})
        for _ in range(2):
            cluster.add_node(num_cpus=1, object_store_memory=80 * 1024 * 1024)
        yield cluster
    finally:
        if ray.is_initialized():
            ray.shutdown()
        if cluster is not None:
            cluster.shutdown()
        if old is None:
            os.environ.pop("RAY_TMPDIR", None)
        else:
            os.environ["RAY_TMPDIR"] = old
        shutil.rmtree(tmp, ignore_errors=True)


def make_corpus(folder: Path, n: int) -> Path:
    """Plain text, Markdown (emphasis, a link, code, numbers) and DOCX sources, and the
    news seed (long sentences: placeholders lost and repaired by attention)."""
    import docx

    folder.mkdir()
    lines = sentences(n)
    (folder / "frases.txt").write_text("Frases de prueba\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notas.md").write_text(
        "# Notas de *prueba*\n\nTengo **dos** amigos y un 3,5 % de [descuento](https://example.com).\n\n"
        "- El 3 de noviembre de 2025 compré 1.500 manzanas.\n- Usa `pip install` ahora.\n", encoding="utf-8")
    d = docx.Document()
    d.add_heading("Una carta", level=1)
    for s in sentences(12, start=n):
        d.add_paragraph(s)
    d.save(folder / "carta.docx")
    shutil.copy(SEED, folder / SEED.name)
    return folder


STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d| UTC)?")


def normalised_outputs(out: Path) -> dict[str, bytes]:
    """Every output file's bytes with timestamps replaced; a DOCX as its XML parts."""
    files: dict[str, bytes] = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                for name in sorted(z.namelist()):
                    data = z.read(name)
                    if name.endswith((".xml", ".rels")):
                        data = STAMP.sub("<time>", data.decode("utf-8")).encode()
                    files[f"{path.name}!{name}"] = data
        else:
            files[path.name] = STAMP.sub("<time>", path.read_text(encoding="utf-8")).encode()
    return files


def machine_rows(db: Path) -> dict[str, tuple]:
    con = sqlite3.connect(db)
    try:
        return {src: rest for src, *rest in con.execute(
            "SELECT source, target, engine_key, flags, unknown_words, translations FROM entries "
            "WHERE status = 'machine'")}
    finally:
        con.close()


def newest_busy(translator) -> "cluster_mod._Actor | None":
    """The worker that was given a batch last (it has surely not finished it yet)."""
    for _ in range(100):
        try:
            sent = list(translator._inflight.values())
            break
        except RuntimeError:  # changed by the driver thread while read
            continue
    else:
        return None
    return sent[-1][1] if sent else None


def run(src: Path, out: Path, memory: Path, cluster: str | None = None, on_progress=None, engine="argos",
        glossaries=()):
    opts = TranslateOptions(engine=engine, glossaries=None if glossaries is None else list(glossaries), memory=memory, cluster=cluster)
    results = translate_documents([src], out, opts, on_progress=on_progress)
    assert [r.error for r in results if r.error] == []
    return results


def test_cluster_run_equals_local_run(tmp_path, ray_cluster):
    src = make_corpus(tmp_path / "in", 120)
    run(src, tmp_path / "local", tmp_path / "local.sqlite")
    run(src, tmp_path / "cluster", tmp_path / "cluster.sqlite", cluster=ray_cluster.address)

    local, remote = normalised_outputs(tmp_path / "local"), normalised_outputs(tmp_path / "cluster")
    assert sorted(local) == sorted(remote)
    assert len([n for n in local if n.endswith(".bilingual.docx!word/document.xml")]) == 4
    assert "carta.en.docx!word/document.xml" in local  # the .docx source also gets its English copy
    for name in local:
        assert remote[name] == local[name], name
    # The memory got the same rows (English, QA flags, unknown words), each translated once.
    local_rows = machine_rows(tmp_path / "local.sqlite")
    assert machine_rows(tmp_path / "cluster.sqlite") == local_rows
    assert {n for *_, n in local_rows.values()} == {1}

    # A second run takes everything from the memory (no worker is started for nothing
    # to do), and the outputs stay the same.
    run(src, tmp_path / "again", tmp_path / "cluster.sqlite", cluster=ray_cluster.address)
    assert normalised_outputs(tmp_path / "again") == remote
    assert machine_rows(tmp_path / "cluster.sqlite") == local_rows


@needs_apertium
def test_cluster_run_equals_local_run_apertium(tmp_path, ray_cluster):
    """Apertium workers (inline markup through the engine, unknown-word marks for QA),
    with the shipped glossaries enforced."""
    src = make_corpus(tmp_path / "in", 40)
    run(src, tmp_path / "local", tmp_path / "local.sqlite", engine="apertium", glossaries=None)
    run(src, tmp_path / "cluster", tmp_path / "cluster.sqlite", cluster=ray_cluster.address, engine="apertium",
        glossaries=None)
    assert normalised_outputs(tmp_path / "cluster") == normalised_outputs(tmp_path / "local")
    rows = machine_rows(tmp_path / "cluster.sqlite")
    assert rows == machine_rows(tmp_path / "local.sqlite")
    assert any(words != "[]" for _, _, _, words, _ in rows.values())  # unknown words came back


def record_translators(monkeypatch) -> list:
    """Make every RayTranslator the run starts land in the returned list, so a test
    can pick the worker to kill."""
    started: list[cluster_mod.RayTranslator] = []

    class Recording(cluster_mod.RayTranslator):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(cluster_mod, "RayTranslator", Recording)
    return started


def test_worker_killed_mid_run(tmp_path, ray_cluster, monkeypatch):
    """SIGKILL one worker actor while it has batches in flight: they are sent to the
    other worker, the killed one is restarted by Ray, and every segment is translated
    and stored exactly once."""
    monkeypatch.setattr(cluster_mod, "BATCH_SEGMENTS", 32)  # many batches: the kill lands mid-run
    started = record_translators(monkeypatch)
    src = make_corpus(tmp_path / "in", 600)
    killed: list[int] = []  # segments done when the worker was killed
    progress: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> None:
        progress.append((done, total))
        if killed or not started:
            return
        busy = newest_busy(started[0])
        if busy is not None:
            pid = busy.info["pid"]
            os.kill(pid, signal.SIGKILL)
            killed.append(done)

    results = run(src, tmp_path / "cluster", tmp_path / "cluster.sqlite", cluster=ray_cluster.address,
                  on_progress=on_progress)
    assert killed, "no worker was busy to be killed"
    total = sum(r.segments for r in results)
    assert progress[-1] == (total, total)
    assert killed[0] < total / 2, "the kill came too late to prove anything"
    assert started[0].resubmitted >= 1, "no batch was in flight on the killed worker"

    # Every segment translated and stored once: one row per distinct Spanish sentence,
    # each with translations = 1, and the same rows and outputs as a local run.
    run(src, tmp_path / "local", tmp_path / "local.sqlite")
    rows = machine_rows(tmp_path / "cluster.sqlite")
    assert {n for *_, n in rows.values()} == {1}
    assert rows == machine_rows(tmp_path / "local.sqlite")
    assert normalised_outputs(tmp_path / "cluster") == normalised_outputs(tmp_path / "local")


def test_worker_node_lost_mid_run(tmp_path, ray_cluster, monkeypatch):
    """A whole worker node (raylet, object store, the actor on it) is killed mid-run: its
    batches go to the workers on the other nodes and the run completes, each segment
    stored once. The node's actor cannot come back (no room elsewhere); the run does not
    wait for it."""
    monkeypatch.setattr(cluster_mod, "BATCH_SEGMENTS", 32)
    started = record_translators(monkeypatch)
    ray_cluster.add_node(num_cpus=1, object_store_memory=80 * 1024 * 1024)  # three worker nodes
    nodes = {n.node_id: n for n in ray_cluster.worker_nodes}
    src = make_corpus(tmp_path / "in", 600)
    lost: list[int] = []

    def on_progress(done: int, total: int) -> None:
        if lost or not started:
            return
        busy = newest_busy(started[0])
        if busy is not None and busy.info["node"] in nodes:
            ray_cluster.remove_node(nodes[busy.info["node"]], allow_graceful=False)
            lost.append(done)

    results = run(src, tmp_path / "cluster", tmp_path / "cluster.sqlite", cluster=ray_cluster.address,
                  on_progress=on_progress)
    assert lost and lost[0] < sum(r.segments for r in results) / 2
    # (Whether a batch had to be sent again depends on timing: the actor's process may
    # outlive its raylet long enough to hand back the batch it was decoding.)
    assert started[0].workers == 3
    run(src, tmp_path / "local", tmp_path / "local.sqlite")
    rows = machine_rows(tmp_path / "cluster.sqlite")
    assert {n for *_, n in rows.values()} == {1}
    assert rows == machine_rows(tmp_path / "local.sqlite")
    assert normalised_outputs(tmp_path / "cluster") == normalised_outputs(tmp_path / "local")


def test_cluster_without_ray_says_how_to_install(monkeypatch, argos_packages_dir, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    from pipeline.errors import EngineError

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Tengo dos amigos.\n", encoding="utf-8")
    with pytest.raises(EngineError, match=r"pip install 'es2en\[cluster\]'"):
        translate_documents([src], tmp_path / "out", TranslateOptions(engine="argos", glossaries=[], cluster="local"))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())

"""Scale-out: ``translate_documents`` on a Ray cluster with 1 and 2 workers, beside the local run.

Starts a Ray cluster on this machine — a head that only coordinates and two worker
nodes of one CPU each (``ray.cluster_utils.Cluster``: separate raylets and processes,
as on separate machines, in a temp dir and on free ports of its own) — then
translates the same folder (``--docs`` documents made of newstest2012 sentences, or
``--sentences FILE``, or generated short sentences when the file is missing) four ways, interleaved
``--repeat`` times, keeping the best of each:

- local, every core (the default ``--jobs``), and local with ``--jobs 1``;
- ``--cluster`` with 1 worker and with 2 workers.

Every run goes through ``pipeline.run.translate_documents`` with the default
glossaries and no translation memory, and writes all three outputs. Cluster times
include starting the worker actors (each loads its engine); that start-up is also
shown on its own. The outputs of every cluster run are checked against the local
run's (timestamps aside).

    .venv/bin/python bench/cluster.py [--docs 24] [--per-doc 50] [--repeat 2] [--engine argos|apertium]
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODEL = ROOT / "tests" / "data" / "translate-es_en-tatoeba.argosmodel"
NEWSTEST = ROOT / "tests" / "data" / "newstest2012.es"
STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d| UTC)?")


def corpus(n: int, path: Path) -> list[str]:
    if path.exists():
        lines = [" ".join(l.split()) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        return lines[:n]
    subjects = ["El niño", "La niña", "Mi hermano", "Tu madre", "El profesor", "La doctora", "Nuestro vecino"]
    verbs = ["come", "quiere", "compra", "busca", "lava", "tiene", "mira", "vende", "pinta", "rompe"]
    objects = ["una manzana", "el libro", "la casa", "un coche", "la mesa", "una carta", "el pan", "la puerta"]
    when = ["", " hoy", " ahora", " mañana"]
    return [f"{s} {v} {o}{w}." for w, s, v, o in itertools.islice(itertools.product(when, subjects, verbs, objects), n)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def md_outputs(out: Path) -> dict[str, str]:
    return {p.name: STAMP.sub("<time>", p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.md"))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=24)
    ap.add_argument("--per-doc", type=int, default=50, help="sentences per document")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--engine", choices=["argos", "apertium"], default="argos")
    ap.add_argument("--sentences", type=Path, default=NEWSTEST, help="Spanish, one sentence a line")
    args = ap.parse_args(argv)
    try:
        import ray
        from ray.cluster_utils import Cluster
    except ImportError:
        print("cluster           skipped: Ray is not installed (pip install -e '.[cluster]')")
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="es2en-bench-", dir="/tmp"))  # short: Ray's socket paths
    os.environ["RAY_TMPDIR"] = str(tmp)
    (tmp / "ray").mkdir()
    if args.engine == "argos":
        os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "argos")
        (tmp / "argos").mkdir()
        import argostranslate.package
        import argostranslate.settings as settings

        settings.package_data_dir = tmp / "argos"
        settings.package_dirs = [tmp / "argos"]
        argostranslate.package.install_from_path(MODEL)

    from pipeline import cluster as cluster_mod
    from pipeline.run import TranslateOptions, translate_documents

    src = tmp / "in"
    src.mkdir()
    lines = corpus(args.docs * args.per_doc, args.sentences)
    for d in range(args.docs):
        chunk = lines[d * args.per_doc:(d + 1) * args.per_doc]
        if chunk:
            (src / f"doc{d:03d}.txt").write_text("\n\n".join(chunk) + "\n", encoding="utf-8")

    startups: dict[str, list[float]] = {}

    class Timed(cluster_mod.RayTranslator):
        def _start_workers(self) -> None:
            t = time.perf_counter()
            super()._start_workers()
            startups.setdefault(f"cluster, {self.workers} worker{'s' * (self.workers > 1)}", []).append(
                time.perf_counter() - t)

    cluster_mod.RayTranslator = Timed

    t0 = time.perf_counter()
    cluster = Cluster(initialize_head=True, head_node_args={
        "num_cpus": 0, "gcs_server_port": free_port(), "include_dashboard": False,
        "object_store_memory": 100 * 1024 * 1024, "temp_dir": str(tmp / "ray")})
    try:
        for _ in range(2):
            cluster.add_node(num_cpus=1, object_store_memory=80 * 1024 * 1024)
        boot = time.perf_counter() - t0
        configs = [("local, every core", dict(jobs=None)), ("local, --jobs 1", dict(jobs=1)),
                   ("cluster, 1 worker", dict(jobs=1, cluster=cluster.address)),
                   ("cluster, 2 workers", dict(jobs=2, cluster=cluster.address))]
        best: dict[str, float] = {}
        segments = 0
        reference = None
        for rep in range(args.repeat):
            for i, (name, kw) in enumerate(configs):
                out = tmp / f"out{rep}-{i}"
                opts = TranslateOptions(engine=args.engine, memory=None, **kw)
                t = time.perf_counter()
                results = translate_documents([src], out, opts)
                seconds = time.perf_counter() - t
                errors = [r.error for r in results if r.error]
                if errors:
                    print(f"{name}: {errors[0]}")
                    return 1
                segments = sum(r.segments for r in results)
                best[name] = min(best.get(name, seconds), seconds)
                got = md_outputs(out)
                if reference is None:
                    reference = got
                elif got != reference:
                    print(f"{name}: outputs differ from the local run's")
                    return 1
                shutil.rmtree(out)
    finally:
        if ray.is_initialized():
            ray.shutdown()
        cluster.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)

    cpus = len(os.sched_getaffinity(0))
    print(f"cluster: {segments} segments in {args.docs} documents, engine {args.engine}, {cpus} CPU cores, "
          f"best of {args.repeat}; Ray cluster (head + 2 one-CPU worker nodes) started in {boot:.1f} s; "
          f"load average {os.getloadavg()[0]:.1f}")
    base = segments / best["local, every core"]
    print(f"{'run':22} {'seconds':>8} {'segments/s':>11} {'vs local':>9} {'worker start-up':>16}")
    for name, _ in configs:
        rate = segments / best[name]
        start = f"{min(startups[name]):.1f} s" if name in startups else ""
        print(f"{name:22} {best[name]:8.1f} {rate:11.1f} {rate / base:8.2f}x {start:>16}")
    print("outputs of every run identical (timestamps aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

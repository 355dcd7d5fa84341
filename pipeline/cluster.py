"""Scale-out: the engine batches of a run translated by worker actors on a Ray cluster.

``es2en translate PATH... --cluster ray://HOST:PORT`` (or ``--cluster local``) runs the
same pipeline as a local run, on the driver: reading, segmenting, span finding, the
translation memory (filled before, stored as batches arrive), QA and the outputs. Only
the engine batches go out — ``pipeline.translate.translate_stream`` hands each one to
:meth:`RayTranslator.submit` instead of a local thread — so large and small documents
balance, and the outputs are those of a local run.

Each worker actor loads its engine once (the CTranslate2 model of the driver's Argos
package, or an Apertium runner in the driver's mode) and runs
``pipeline.translate._translate_jobs`` — protect, translate, restore — on a batch; the
flags and unknown words it adds come back with the English and are applied to the
driver's segments. A batch whose worker dies (process killed, node lost) is sent to
another worker; Ray restarts the dead actor where there is room. A batch is taken from
the first worker that finishes it, so no segment is lost or stored twice.

Ray is optional: ``pip install 'es2en[cluster]'``.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from .errors import EngineError
from .model import Flag, Segment

#: Segments per batch; None: the engine's own batch size (the same as a local run's).
BATCH_SEGMENTS: int | None = None
#: CPUs each worker actor asks Ray for; an Argos worker runs that many CTranslate2 threads.
CPUS_PER_WORKER = 1
#: Batches queued on one worker beyond the one it runs, so it never waits for the driver.
QUEUED_PER_WORKER = 1
#: Seconds to wait for the workers to start (load their engine), and for a lost one to
#: come back when no other worker is left.
READY_TIMEOUT = 300.0
#: Times one batch is sent out before the run gives up (each try on a worker that died).
MAX_TRIES = 4
#: Object store of a ``--cluster local`` instance (bytes): batches are small.
LOCAL_OBJECT_STORE = 200 * 1024 * 1024

INSTALL_HINT = "--cluster needs Ray: pip install 'es2en[cluster]' (on the driver and on every node of the cluster)"


def import_ray():
    try:
        import ray
    except ImportError as err:
        raise EngineError(INSTALL_HINT) from err
    return ray


# ------------------------------------------------------------------ workers

@dataclass(frozen=True)
class EngineSpec:
    """What a worker builds: exactly the driver's engine."""

    name: str  # "argos" | "apertium"
    version: str  # the driver's engine.version; a worker with another one is refused
    package: str = ""  # Argos package code
    device: str = "cpu"
    beam_size: int | None = None
    mode: str = ""  # Apertium mode
    threads: int = 1

    @classmethod
    def of(cls, engine, device: str = "auto", threads: int = 1) -> "EngineSpec":
        if engine.name == "argos":
            return cls("argos", engine.version, package=engine.package.code, device=device,
                       beam_size=engine.beam_size, threads=threads)
        if engine.name == "apertium":
            return cls("apertium", engine.version, mode=engine.mode)
        raise EngineError(f"the {engine.name} engine cannot run on a cluster (argos and apertium can)")

    def build(self):
        from .engines import apertium, argos

        if self.name == "apertium":
            return apertium.ApertiumEngine(mode=self.mode, jobs=1)
        found = [p for p in argos.installed_packages() if p.code == self.package]
        if not found:
            raise EngineError(f"the Argos package {self.package} is not installed on this node "
                              "(es2en models install FILE.argosmodel, with ARGOS_PACKAGES_DIR as on the driver)")
        kwargs = {"beam_size": self.beam_size} if self.beam_size else {}
        return argos.ArgosEngine(found[0], device=self.device, threads=self.threads, jobs=1, **kwargs)


class Worker:
    """A Ray actor (see :meth:`RayTranslator._start_workers`): one engine, loaded once."""

    def __init__(self, spec: EngineSpec):
        self.engine = spec.build()

    def info(self) -> dict[str, Any]:
        import socket

        from . import __version__
        from .memory import code_fingerprint

        import ray

        return {"pid": os.getpid(), "host": socket.gethostname(), "node": ray.get_runtime_context().get_node_id(),
                "version": self.engine.version,
                "code": code_fingerprint(), "es2en": __version__}

    def translate(self, segments: list[tuple[str, str]], jobs: list[tuple[int, str, list]]):
        """Protect, translate and restore one batch. ``segments``: (id, source) of the
        batch's segments; ``jobs``: (segment index, text, spans). Returns the English of
        each job and, per segment, the flags and unknown words translation added."""
        from .translate import _translate_jobs

        copies = [Segment(id=seg_id, source=source) for seg_id, source in segments]
        outputs = _translate_jobs([(copies[i], text, spans) for i, text, spans in jobs], self.engine)
        return outputs, [(c.flags, c.unknown_words) for c in copies]


# ------------------------------------------------------------------- driver

class _Batch:
    __slots__ = ("segments", "jobs", "future", "tries")

    def __init__(self, jobs: list[tuple[Segment, str, list]]):
        index: dict[int, int] = {}
        self.segments: list[Segment] = []
        self.jobs = []
        for seg, text, spans in jobs:
            if id(seg) not in index:
                index[id(seg)] = len(self.segments)
                self.segments.append(seg)
            self.jobs.append((index[id(seg)], text, spans))
        self.future: Future = Future()
        self.future.set_running_or_notify_cancel()
        self.tries = 0

    def finish(self, result) -> None:
        outputs, added = result
        for seg, (flags, words) in zip(self.segments, added):
            seg.flags.extend(Flag(f.check, f.severity, f.message) for f in flags)
            seg.unknown_words.extend(words)
        self.future.set_result(outputs)


class _Actor:
    __slots__ = ("handle", "info", "load", "up", "down_since")

    def __init__(self, handle):
        self.handle, self.info, self.load, self.up, self.down_since = handle, {}, 0, False, time.monotonic()


class RayTranslator:
    """Worker actors on a Ray cluster and the driver thread that feeds them batches.

    ``address``: ``local`` (start a Ray instance on this machine, one worker per core),
    ``local:N`` (N workers), ``ray://HOST:PORT`` (Ray Client), or ``HOST:PORT``/``auto``
    (the GCS address, when the driver runs on a node of the cluster). When Ray is already
    initialised in this process, that connection is used (and left open).
    ``workers``: actors to start (default: the cluster's CPUs / ``cpus_per_worker``).
    """

    def __init__(self, address: str, engine, *, device: str = "auto", workers: int | None = None,
                 cpus_per_worker: int | None = None):
        ray = self._ray = import_ray()
        self.engine = engine
        self.cpus_per_worker = cpus_per_worker or CPUS_PER_WORKER
        self.spec = EngineSpec.of(engine, device, threads=self.cpus_per_worker)
        self._owns_ray = False
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._queue: deque[_Batch] = deque()
        self._inflight: dict[Any, tuple[_Batch, _Actor]] = {}
        self._pings: dict[Any, _Actor] = {}
        self._repings: list[tuple[float, _Actor]] = []  # (when, actor): ask again after a failed ping
        self._stop = False
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self.actors: list[_Actor] = []
        self.resubmitted = 0  # batches sent again after their worker died
        self._retired: list[str] = []  # why restarted workers were refused
        self._warned: set[str] = set()
        try:
            if not ray.is_initialized():
                self._connect(address, workers)
            if workers is None:
                cpus = ray.cluster_resources().get("CPU", 0)
                workers = max(1, int(cpus // self.cpus_per_worker))
        except BaseException:
            self.close()
            raise
        self._workers = workers

    # -- set-up

    def _connect(self, address: str, workers: int | None) -> None:
        ray = self._ray
        kwargs: dict[str, Any] = {"log_to_driver": False, "logging_level": "warning"}
        if address == "local" or address.startswith("local:"):
            from .translate import default_workers

            n = int(address.split(":", 1)[1]) if ":" in address else (workers or default_workers())
            ray.init(num_cpus=n * self.cpus_per_worker, include_dashboard=False,
                     object_store_memory=LOCAL_OBJECT_STORE, **kwargs)
        else:
            try:
                ray.init(address=address, **kwargs)
            except (ConnectionError, RuntimeError, ValueError) as err:
                raise EngineError(f"cannot connect to the Ray cluster at {address}: {err}") from err
        self._owns_ray = True

    def _start_workers(self) -> None:
        """Start the actors and wait until each has loaded its engine (at the first batch:
        a run that the translation memory answers entirely starts none)."""
        ray, workers = self._ray, self._workers
        actor_class = ray.remote(Worker).options(num_cpus=self.cpus_per_worker, max_restarts=-1,
                                                 max_task_retries=0)
        self.actors = [_Actor(actor_class.remote(self.spec)) for _ in range(workers)]
        refs = {a.handle.info.remote(): a for a in self.actors}
        try:
            ready = ray.get(list(refs), timeout=READY_TIMEOUT)
        except ray.exceptions.GetTimeoutError as err:
            raise EngineError(f"{workers} cluster workers of {self.cpus_per_worker} CPU(s) each did not start within "
                              f"{READY_TIMEOUT:.0f} s (cluster resources: {ray.cluster_resources()})") from err
        except ray.exceptions.RayTaskError as err:
            raise EngineError(f"a cluster worker could not load the engine: {_cause(err)}") from err
        for actor, info in zip(refs.values(), ready):
            self._accept(actor, info)
        self._thread = threading.Thread(target=self._run, name="es2en-cluster", daemon=True)
        self._thread.start()

    def _accept(self, actor: _Actor, info: dict) -> None:
        """Refuse a worker with another model or another es2en release; a worker whose
        es2en source differs within one release (an editable checkout edited since the
        driver started) is only warned about."""
        from . import __version__
        from .memory import code_fingerprint

        if info["version"] != self.engine.version:
            raise EngineError(f"the cluster worker on {info['host']} has {info['version']}, the driver "
                              f"{self.engine.version}: install the same model on every node")
        if info["es2en"] != __version__:
            raise EngineError(f"the cluster worker on {info['host']} runs es2en {info['es2en']}, the driver "
                              f"{__version__}: install the same es2en on every node")
        if info["code"] != code_fingerprint() and info["code"] not in self._warned:
            self._warned.add(info["code"])
            logging.getLogger("es2en.cluster").warning(
                "the cluster worker on %s runs other es2en source than the driver (code %s, the driver's %s); "
                "its English may differ", info["host"], info["code"], code_fingerprint())
        actor.info, actor.up = info, True
        actor.load = sum(1 for _, a in self._inflight.values() if a is actor)

    @property
    def workers(self) -> int:
        return self._workers

    @property
    def chunk(self) -> int | None:
        return BATCH_SEGMENTS

    # -- the run

    def submit(self, jobs: list[tuple[Segment, str, list]]) -> Future:
        """Send one batch (``translate_stream``'s ``submit`` hook)."""
        if self._thread is None:
            self._start_workers()
        batch = _Batch(jobs)
        with self._lock:
            if self._error is not None:
                batch.future.set_exception(self._error)
                return batch.future
            self._queue.append(batch)
        self._wake.set()
        return batch.future

    def _run(self) -> None:
        try:
            while not self._stop:
                self._dispatch()
                self._ping_due()
                refs = [*self._inflight, *self._pings]
                if not refs and not self._repings:
                    self._wake.wait(0.5)
                    self._wake.clear()
                    continue
                if refs:
                    ready, _ = self._ray.wait(refs, num_returns=1, timeout=0.05)
                else:  # only workers to ask after again, later
                    ready = []
                    time.sleep(0.05)
                for ref in ready:
                    if ref in self._inflight:
                        self._on_batch(ref, *self._inflight.pop(ref))
                    else:
                        self._on_ping(ref, self._pings.pop(ref))
                self._check_alive()
        except BaseException as err:  # noqa: BLE001 - handed to the caller through the futures
            self._fail(err if isinstance(err, EngineError) else EngineError(f"cluster driver failed: {err!r}"))

    def _dispatch(self) -> None:
        while True:
            live = [a for a in self.actors if a.up and a.load <= QUEUED_PER_WORKER]
            with self._lock:
                if not live or not self._queue:
                    return
                batch = self._queue.popleft()
            actor = min(live, key=lambda a: a.load)
            batch.tries += 1
            segments = [(s.id, s.source) for s in batch.segments]
            self._inflight[actor.handle.translate.remote(segments, batch.jobs)] = (batch, actor)
            actor.load += 1

    def _on_batch(self, ref, batch: _Batch, actor: _Actor) -> None:
        ray = self._ray
        actor.load -= 1
        try:
            result = ray.get(ref)
        except _lost_errors(ray) as err:
            self._lost(actor, err)
            if batch.tries >= MAX_TRIES:
                batch.future.set_exception(EngineError(f"a batch failed on {batch.tries} cluster workers: {err}"))
                return
            self.resubmitted += 1
            with self._lock:
                self._queue.appendleft(batch)
            return
        except ray.exceptions.RayTaskError as err:
            cause = _cause(err)
            batch.future.set_exception(cause if isinstance(cause, EngineError) else EngineError(
                f"a cluster worker failed: {cause!r}"))
            return
        batch.finish(result)

    def _lost(self, actor: _Actor, err: BaseException) -> None:
        """The worker died (or its node did): its other batches come back failed too;
        ask after it until Ray has restarted it."""
        if actor.up:
            actor.up, actor.down_since = False, time.monotonic()
        if actor not in self._pings.values() and all(a is not actor for _, a in self._repings):
            self._pings[actor.handle.info.remote()] = actor

    def _on_ping(self, ref, actor: _Actor) -> None:
        ray = self._ray
        try:
            info = ray.get(ref)
        except _lost_errors(ray):
            self._repings.append((time.monotonic() + 1.0, actor))  # not back yet: ask again soon
            return
        try:
            self._accept(actor, info)
        except EngineError as err:  # restarted with another model or es2en: not for this run
            self._retired.append(str(err))
            self.actors.remove(actor)
            self._ray.kill(actor.handle, no_restart=True)

    def _ping_due(self) -> None:
        now = time.monotonic()
        due = [a for t, a in self._repings if t <= now]
        self._repings = [(t, a) for t, a in self._repings if t > now]
        for actor in due:
            self._pings[actor.handle.info.remote()] = actor

    def _check_alive(self) -> None:
        if any(a.up for a in self.actors) or not (self._queue or self._inflight):
            return
        if not self.actors:
            raise EngineError(f"no cluster worker is left: {'; '.join(self._retired)}")
        since = max(a.down_since for a in self.actors)
        if time.monotonic() - since > READY_TIMEOUT:
            raise EngineError(f"no cluster worker has been available for {READY_TIMEOUT:.0f} s")

    def _fail(self, err: BaseException) -> None:
        with self._lock:
            self._error = err
            waiting = [*self._queue, *(b for b, _ in self._inflight.values())]
            self._queue.clear()
            self._inflight.clear()
        for batch in waiting:
            if not batch.future.done():
                batch.future.set_exception(err)

    # -- the end

    def close(self) -> None:
        """Stop the workers (and the local Ray instance this object started)."""
        self._stop = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        ray = self._ray
        for actor in self.actors:
            try:
                ray.kill(actor.handle, no_restart=True)
            except Exception:  # noqa: BLE001 - already gone
                pass
        self.actors = []
        if self._owns_ray and ray.is_initialized():
            ray.shutdown()
            self._owns_ray = False

    def __enter__(self) -> "RayTranslator":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _lost_errors(ray) -> tuple[type[BaseException], ...]:
    """Errors after which a batch is sent to another worker: the worker or its node died
    (or the result was lost with the node)."""
    ex = ray.exceptions
    return (ex.RayActorError, ex.WorkerCrashedError, ex.NodeDiedError, ex.LocalRayletDiedError, ex.ObjectLostError)


def _cause(err: BaseException) -> BaseException:
    """The exception raised inside the worker, not Ray's wrapper."""
    cause = getattr(err, "cause", None)
    return cause if isinstance(cause, BaseException) else err

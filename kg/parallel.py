"""Running the per-article work: in this process, in worker processes, or on Dask.

Extraction (article → :class:`~kg.model.Extraction`) and rendering (extraction →
RDF text) are pure functions of their input and the rules, so they can run
anywhere.  An :class:`Executor` maps a function over batches of work and gives
the results back **in input order**, so the build's output does not depend on the
executor or the number of workers:

* ``SerialExecutor``: this process (``--jobs 1``);
* ``ProcessExecutor``: a ``multiprocessing`` pool (``--jobs N``); each worker loads
  the rules once;
* ``DaskExecutor``: a ``dask.distributed`` cluster (``--executor dask``, with
  ``--scheduler ADDRESS`` or a local cluster); each Dask worker loads the rules once.

A batch function never raises for one bad article: it returns the error in that
article's slot, and the build reports it and goes on.

>>> ex = SerialExecutor()
>>> list(ex.map(len, [[1, 2], [3]]))
[2, 1]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from .cache import dump
from .model import Article
from .normalize import apply_remap
from .rdftext import article_block_and_counts

__all__ = [
    "Executor",
    "SerialExecutor",
    "ProcessExecutor",
    "DaskExecutor",
    "make_executor",
    "run_aside",
    "extract_batch",
    "render_batch",
]

# --------------------------------------------------------------------------- batch work


def _extractor(rule_dirs: tuple[str, ...], version: str):
    from .pipeline import get_extractor

    extractor = get_extractor(rule_dirs)
    if version and extractor.rules.version != version:
        raise RuntimeError(
            f"this worker's rules (version {extractor.rules.version[:12]}) differ from the "
            f"build's ({version[:12]}): install the same kg and rule folders on every worker"
        )
    return extractor


def extract_batch(
    job: tuple[tuple[str, ...], str, list[tuple[int, Article]]],
) -> list[tuple[int, bytes | None, str]]:
    """Extract a batch of ``(index, article)``: ``(index, dump(extraction), "")`` each, or
    ``(index, None, error message)`` for an article whose extraction failed."""
    rule_dirs, version, batch = job
    extractor = _extractor(rule_dirs, version)
    out = []
    for index, article in batch:
        try:
            out.append((index, dump(extractor(article)), ""))
        except Exception as exc:  # one bad article must not stop the build
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out.append((index, None, f"{type(exc).__name__}: {exc} (at {where.name}, "
                                     f"{os.path.basename(where.filename)}:{where.lineno})"))  # fmt: skip
    return out


def render_batch(job: tuple[str, bool, list[tuple[int, bytes, tuple]]]) -> list[tuple]:
    """Apply the corpus merge to a batch of extractions and write their RDF text:
    ``(index, dump(merged without its mentions) or None when unchanged, block, counts,
    error)`` (block:
    :func:`kg.rdftext.article_block`)."""
    from .cache import load

    base, include_text, batch = job
    out = []
    for index, data, part in batch:
        try:
            ext = load(data, light=not part)  # the merge rebuilds entities from mentions
            merged = apply_remap(ext, part) if part else ext
            block, counts = article_block_and_counts(merged, base, include_text=include_text)
            # the main process keeps extractions without their mention lists
            light = dump(replace(merged, mentions=())) if part else None
            out.append((index, light, block, counts, ""))
        except Exception as exc:
            out.append((index, None, None, ({}, {}), f"{type(exc).__name__}: {exc}"))
    return out


# --------------------------------------------------------------------------- executors


class Executor:
    """Maps a batch function over batches, results in input order."""

    name = "serial"
    workers = 1

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the workers."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialExecutor(Executor):
    """Everything in this process."""

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        return map(fn, batches)


def _warm(rule_dirs: tuple[str, ...], version: str) -> None:  # pool initializer
    _extractor(rule_dirs, version)


class ProcessExecutor(Executor):
    """A pool of ``jobs`` worker processes, each loading the rules once."""

    name = "processes"

    def __init__(self, jobs: int, rule_dirs: tuple[str, ...] = (), version: str = ""):
        self.workers = jobs
        gc.freeze()  # the loaded rules: no collector pass copies their pages in the workers
        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded rules copy-on-write; forkserver/spawn load them again
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pool = context.Pool(jobs, initializer=_warm, initargs=(rule_dirs, version))

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        return self.pool.imap(fn, batches)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


class DaskExecutor(Executor):
    """Batches as tasks on a ``dask.distributed`` cluster: the one at ``scheduler``, or a
    local cluster of ``jobs`` worker processes when no address is given."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int = 2, processes: bool = True):
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1,
                                        processes=processes, dashboard_address=None)  # fmt: skip
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def map(self, fn: Callable[[Any], Any], batches: Iterable[Any]) -> Iterator[Any]:
        # a bounded window of tasks in flight keeps memory flat on long inputs
        window = 4 * self.workers
        pending: list = []
        for batch in batches:
            pending.append(self.client.submit(fn, batch, pure=False))
            if len(pending) >= window:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(
    executor: str = "processes",
    jobs: int = 1,
    scheduler: str | None = None,
    rule_dirs: tuple[str, ...] = (),
    version: str = "",
) -> Executor:
    """The executor a build asked for (``--executor``, ``--jobs``, ``--scheduler``)."""
    if executor == "dask":
        return DaskExecutor(scheduler, jobs=max(jobs, 1))
    if jobs > 1:
        return ProcessExecutor(jobs, rule_dirs, version)
    return SerialExecutor()


# --------------------------------------------------------------------------- one task aside


def run_aside(fn: Callable[[], object]) -> Callable[[], None] | None:
    """Start ``fn()`` in a forked copy of this process, which shares this one's memory
    (copy-on-write) so nothing is pickled; returns ``wait()``, which waits for it and raises
    what it raised.  None, and nothing started, where fork is not safe: no ``os.fork``
    (Windows), or other threads running (a fork copies only this one, and a lock one of
    them holds would stay locked in the copy).

    >>> wait = run_aside(lambda: None)
    >>> wait is None or wait() is None
    True
    """
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    sys.stdout.flush()
    sys.stderr.flush()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: run, send back the exception if any, and leave at once
        status = 0
        try:
            os.close(read)
            fn()
            payload = b""
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
            status = 1
            try:
                payload = pickle.dumps(exc)
            except Exception:  # an exception that does not pickle
                payload = pickle.dumps(RuntimeError(f"{type(exc).__name__}: {exc}"))
        try:
            with os.fdopen(write, "wb") as fh:
                fh.write(payload)
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)  # no atexit handlers, no second flush of the parent's buffers
    os.close(write)

    def wait() -> None:
        with os.fdopen(read, "rb") as fh:
            payload = fh.read()
        _, status = os.waitpid(pid, 0)
        if payload:
            raise pickle.loads(payload)
        if status != 0:  # killed (out of memory …) before it could say why
            code = os.waitstatus_to_exitcode(status)
            how = f"was killed by signal {-code}" if code < 0 else f"ended with exit code {code}"
            raise OSError(f"the process started aside {how}")

    return wait

"""Building a corpus fast: in parallel, cached, streamed and incremental.

:func:`build_corpus` is what ``python build.py PATH … [--jobs N]`` runs:

1. **extract** — articles are read one by one; an article whose extraction is in
   the cache (``OUT/cache``, keyed by its content hash, the rules' version and the kg
   version: :mod:`kg.cache`) is read back, the others are extracted in batches by the
   executor (:mod:`kg.parallel`: this process, ``--jobs N`` worker processes, or Dask);
2. **merge** — aliases are merged across the corpus (:func:`kg.normalize.corpus_remap`);
3. **write** — each article's graph is written as text (:mod:`kg.rdftext`) to
   ``graph.trig`` and ``graph.ttl``, in input order, by the executor; an article whose
   graph is the same as in the previous build (same extraction, same merge) is not
   rendered again: when articles were only added, the new graphs are appended to both
   files in place, otherwise the unchanged ones are copied from the previous ``graph.trig``;
4. **store** (:meth:`BuildResult.start_store` runs it in a thread while the caller writes
   the view and the report; :meth:`BuildResult.update_store` waits for it) —
   ``OUT/store`` is bulk-loaded from those files, or, when it holds the previous build,
   patched: only the graphs of changed, new and removed articles (and the corpus totals
   that changed) are touched, and the default graph stays their merge.

Results are in input order whatever the executor, so ``--jobs 4`` writes the same
bytes as ``--jobs 1``.  ``OUT/cache/manifest.json`` remembers where each article's graph
is in ``graph.trig``, where the totals begin in ``graph.ttl`` and what the store holds; if
any of them was changed by anything else, the build notices and writes or loads
everything again.
"""

from __future__ import annotations

import ctypes
import gc
import gzip
import json
import os
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path

from . import __version__
from .cache import CACHE_DIR, ExtractionCache, article_key, load
from .cache import FORMAT as CACHE_FORMAT
from .model import Article, Extraction, Skipped
from .normalize import corpus_remap, remap_part
from .parallel import extract_batch, make_executor, render_batch
from .rdftext import GRAPH_FORMAT, CorpusWriter, _digest128, _q, prefix_header

__all__ = ["BuildResult", "build_corpus", "input_size"]

MANIFEST = "manifest.json"
SEEN = "ttl-seen.bin"  # the 128-bit digests of graph.ttl's shared lines
TOTALS = "totals.bin"  # the corpus totals (mentions per entity, sentences per pair)


@dataclass
class BuildResult:
    """What a build made: the (merged) extractions in input order, without their mention
    lists (the cache keeps those; the outputs need the entities and relations), the inputs
    it skipped, the output files, and counts (``articles``, ``chars``, ``extracted``, ``cached``,
    ``unread`` (input files unchanged since the last build, whose articles came from the
    cache), ``written``, ``copied`` or ``kept``; after :meth:`update_store`: ``store``,
    ``seconds``)."""

    extractions: list[Extraction]
    skipped: list[Skipped] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    stats: dict[str, object] = field(default_factory=dict)
    plan: _StorePlan | None = None

    _thread: threading.Thread | None = None
    _error: BaseException | None = None

    def update_store(self) -> dict[str, object]:
        """Load or patch ``OUT/store``, or wait for :meth:`start_store` to finish.  Returns
        :attr:`stats`; raises what the store update raised."""
        if self.plan is not None:
            self.plan.clock.lap("outputs")  # since write: the caller's view, report …
        if self._thread is not None:
            if self._thread.is_alive() and self.plan is not None:
                self.plan.progress.stage(f"waiting for the SPARQL store {self.plan.out}/store")  # type: ignore[attr-defined]
                self.plan.show = True  # the loader's progress from here on
                # what the caller freed (its extractions, the outputs' tables) goes back to
                # the system instead of staying in this process beside the bulk loader's
                _release_memory()
            self._thread.join()
            self._thread = None
            if self._error is not None:
                error, self._error = self._error, None
                raise error
            if self.plan is not None:
                self.plan.clock.lap("store wait")  # "store" ran alongside "outputs"
        if self.plan is not None:
            plan, self.plan = self.plan, None
            if not plan.done:
                _release_memory()
                plan.show = True
                plan.run()
            plan.save()
        return self.stats

    def store_is_patched(self) -> bool:
        """Whether :meth:`update_store` patches the store (a few graphs changed: quick)
        rather than loading it again."""
        return self.plan is not None and not self.plan.done and self.plan.decide()[0]

    def start_store(self) -> None:
        """Start updating ``OUT/store`` in a thread, so that the bulk loader (which leaves
        Python's lock while it works) runs while this process writes the view, the report
        and the exports; :meth:`update_store` waits for it."""
        if self.plan is None or self._thread is not None:
            return
        plan = self.plan

        def run() -> None:
            try:
                plan.run()
            except BaseException as exc:  # re-raised by update_store in the main thread
                self._error = exc

        self._thread = threading.Thread(target=run, name="kg-store", daemon=True)
        self._thread.start()


def input_size(paths: list[str], exclude: Path | None = None) -> int:
    """Bytes of input under ``paths`` (a gzip file counts its uncompressed size), for the
    progress bar's estimate of the time left; nothing under ``exclude`` counts."""
    total = 0
    skip = exclude.resolve() if exclude is not None else None
    for given in map(Path, paths):
        files = [given] if given.is_file() else (p for p in given.rglob("*") if p.is_file())
        for path in files:
            if skip is not None and path.resolve().is_relative_to(skip):
                continue
            try:
                size = path.stat().st_size
                if path.suffix == ".gz" and size >= 18:
                    with open(path, "rb") as fh:  # ISIZE: the last 4 bytes of a gzip file
                        fh.seek(-4, os.SEEK_END)
                        size = max(size, struct.unpack("<I", fh.read(4))[0])
                total += size
            except (OSError, gzip.BadGzipFile):
                continue
    return total


def _fingerprint(key: str, part: tuple, base: str, include_text: bool) -> str:
    data = repr((GRAPH_FORMAT, key, part, base, include_text)).encode("utf-8", "surrogatepass")
    return blake2b(data, digest_size=16).hexdigest()


class _Manifest:
    """``OUT/cache/manifest.json``: the previous build's blocks in ``graph.trig`` and the
    graphs the store holds."""

    def __init__(self, out: Path):
        self.path = out / CACHE_DIR / MANIFEST
        self.trig, self.ttl = out / "graph.trig", out / "graph.ttl"
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
            if self.data.get("kg") != __version__:
                self.data = {}
        except (OSError, ValueError):
            self.data = {}
        self.old_store = self.data.get("store")

    def blocks(self) -> dict[str, list]:
        """iri → [fingerprint, offset, length, own_start, own_end] of the previous
        ``graph.trig``, if it is still the file this manifest describes."""
        if self.data.get("trig") and self.data["trig"] == _stat(self.trig):
            return self.data.get("blocks", {})
        return {}

    def store_state(self, files: list) -> dict[str, str] | None:
        """iri → fingerprint of the graphs in the store, if it holds what the manifest says:
        its data files are those the last build left (:func:`_store_files`)."""
        from .store import LAYOUT

        state = self.old_store
        if not state or not files or state.get("files") != files or state.get("layout") != LAYOUT:
            return None
        return state.get("graphs")

    def appendable(self) -> tuple[int, int, set[int]] | None:
        """Where the previous build's corpus totals begin in ``graph.trig`` and
        ``graph.ttl``, and the digests of the shared lines in ``graph.ttl`` (what
        :class:`CorpusWriter` needs to append to them), if both files and the digests
        are still what that build wrote."""
        ttl = self.data.get("ttl") or {}
        blocks = self.blocks()
        if not blocks or not ttl.get("stat") or ttl["stat"] != _stat(self.ttl):
            return None
        try:
            raw = (self.path.parent / SEEN).read_bytes()
        except OSError:
            return None
        if len(raw) != 16 * ttl.get("seen", -1):
            return None
        seen = {int.from_bytes(raw[k : k + 16], "little") for k in range(0, len(raw), 16)}
        return max(b[1] + b[2] for b in blocks.values()), ttl["end"], seen

    def totals(self):
        """The corpus totals (:class:`kg.rdf.CorpusTotals`) of the build that wrote the files
        :meth:`appendable` checks, if they are still what it kept; else None."""
        from .cache import _counts_loads
        from .rdf import CorpusTotals

        digest = (self.data.get("ttl") or {}).get("totals")
        try:
            data = (self.path.parent / TOTALS).read_bytes()
        except OSError:
            return None
        if not digest or blake2b(data, digest_size=16).hexdigest() != digest:
            return None
        try:
            mentions, pairs = _counts_loads(data)
        except ValueError:
            return None
        totals = CorpusTotals()
        totals.mentions.update(mentions)
        totals.pairs.update(pairs)
        return totals

    def save(self, blocks: dict, store: dict | None, stats: dict | None = None,
             ttl: dict | None = None, inputs: dict | None = None) -> None:  # fmt: skip
        self.data = {"kg": __version__, "trig": _stat(self.trig), "blocks": blocks,
                     "store": store, "last_build": stats}  # fmt: skip
        if ttl is not None:
            ttl["stat"] = _stat(self.ttl)
            self.data["ttl"] = ttl
        if inputs is not None:
            self.data["inputs"] = inputs
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)


class _Clock:
    """Seconds spent in each stage (kept in the manifest as ``last_build``)."""

    def __init__(self) -> None:
        self.t = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.t, 3)
        self.t = now


class _Noop:
    def __call__(self, *args, **kwargs) -> None:
        pass

    def stage(self, *args, **kwargs) -> None:
        pass

    def writing(self, *args, **kwargs) -> None:
        pass

    def storing(self, *args, **kwargs) -> None:
        pass


def build_corpus(*args, **kwargs) -> BuildResult:
    """Build ``paths`` into ``out``: see :func:`_build_corpus` for the arguments.

    The cyclic garbage collector is off meanwhile (the build makes millions of objects
    and no cycles; its passes over them tripled the time to read extractions back), and
    what the build returns is frozen out of its way afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = _build_corpus(*args, **kwargs)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return result


def _build_corpus(
    paths: list[str],
    out: str | Path,
    *,
    rule_dirs: tuple[str, ...] = (),
    base: str,
    include_text: bool = False,
    jobs: int = 1,
    executor: str = "processes",
    scheduler: str | None = None,
    use_cache: bool = True,
    on_skip: Callable[[Skipped], None] | None = None,
    warn: Callable[[str], None] | None = None,
    progress=None,
    batch_size: int = 8,
    render_batch_size: int = 32,
) -> BuildResult:
    """Build ``paths`` into ``out`` (see the module docstring).  Returns a
    :class:`BuildResult`; raises OSError/ValueError when the rules cannot be loaded.

    ``batch_size`` articles go to a worker at a time to be extracted, ``render_batch_size``
    to have their RDF written (rendering is quick: with 8 per batch the workers waited for
    the main process half the time on the CCTV corpus, with 32 the write stage took 9 s
    instead of 12)."""
    from .ingest import duplicate, input_files, read_file
    from .pipeline import get_extractor
    clock = _Clock()
    out = Path(out)
    (out / CACHE_DIR).mkdir(parents=True, exist_ok=True)
    progress = progress or _Noop()
    warn = warn or (lambda message: print(f"warning: {message}", file=sys.stderr))
    skipped: list[Skipped] = []

    def skip(s: Skipped) -> None:
        skipped.append(s)
        if on_skip is not None:
            on_skip(s)

    extractor = get_extractor(tuple(rule_dirs))
    version = extractor.rules.version
    cache = ExtractionCache(out, report=warn) if use_cache else None
    total_bytes = input_size(paths, out)
    stats: dict[str, object] = {"extracted": 0, "cached": 0, "unread": 0}

    keys: list[str] = []
    names: list[str] = []
    data: list[bytes | None] = []
    exts: list[Extraction | None] = []
    state = {"chars": 0, "done": 0}

    # each input file's articles (their keys) and problems, by the file's size and time: a
    # re-build takes an unchanged file's articles from the cache without reading it
    manifest = _Manifest(out)
    old_inputs = manifest.data.get("inputs") or {}
    input_version = f"{version}/{CACHE_FORMAT}"
    inputs: dict[str, dict] = {}

    # cache hits: (index, key, the article or None when its file was not read, file, root),
    # read from the cache after the jobs for the other articles are out, so that the
    # workers extract new articles while this process reads the cached ones
    later: list[tuple[int, str, Article | None, Path | None, Path | None]] = []

    def slot(key: str, name: str) -> int:
        keys.append(key)
        names.append(name)
        data.append(None)
        exts.append(None)
        return len(keys) - 1

    def jobs_of(articles: list[tuple[Article, str]]) -> Iterator[tuple]:
        """Jobs for the articles the cache does not have; the others wait in ``later``."""
        cached = cache.has_many(k for _, k in articles) if cache is not None else set()
        misses = []
        for article, key in articles:
            index = slot(key, article.path or article.id)
            if key in cached:
                later.append((index, key, article, None, None))
            else:
                misses.append((index, article))
        yield from batches_of(misses)

    def batches_of(misses: list[tuple[int, Article]]) -> Iterator[tuple]:
        for start in range(0, len(misses), batch_size):
            yield (tuple(rule_dirs), version, misses[start : start + batch_size])

    def read_later() -> Iterator[tuple]:
        """Fill in the cache hits; jobs for the entries found damaged meanwhile."""
        damaged: list[tuple[int, str, Article | None, Path | None, Path | None]] = []
        for start in range(0, len(later), 500):
            chunk = later[start : start + 500]
            hits = cache.get_many([key for _, key, *_ in chunk]) if cache is not None else {}
            for entry in chunk:
                index, key = entry[0], entry[1]
                if key not in hits:
                    damaged.append(entry)
                    continue
                ext, data[index] = hits[key]  # (without its mention lists)
                exts[index] = ext
                state["done"] += 1
                state["chars"] += len(ext.article.text)
            progress(state["done"], state["chars"], total_bytes)
        later.clear()
        misses = [(index, article) for index, _, article, _, _ in damaged if article is not None]
        unread: dict[Path, tuple[Path, dict[str, int]]] = {}
        for index, key, article, file, root in damaged:
            if article is None and file is not None and root is not None:
                unread.setdefault(file, (root, {}))[1][key] = index  # its file was not read
        for file, (root, wanted) in unread.items():
            for article in read_file(file, root, lambda s: None):  # its problems are known
                index = wanted.pop(article_key(article, version), None)
                if index is not None:
                    names[index] = article.path or article.id
                    misses.append((index, article))
        yield from batches_of(misses)

    def reusable(file: Path, st: list[int] | None) -> dict | None:
        """The previous build's record of ``file``, if the file is unchanged (size, time)
        and every article of it is in the cache: its articles need not be read."""
        record = old_inputs.get(str(file))
        if cache is None or not _unchanged(record, st, input_version):
            return None
        if len(record.get("ids") or ()) != len(record["keys"]):  # written by an older kg
            return None
        return record if len(cache.has_many(record["keys"])) == len(set(record["keys"])) else None

    def extraction_jobs() -> Iterator[tuple]:
        batch: list[tuple[Article, str]] = []
        ids: set[str] = set()
        # the output folder may sit inside the input: its files are never articles
        for file, root in input_files(paths, on_skip=skip, exclude=[out]):
            st = _stat(file)
            problems: list[Skipped] = []

            def file_skip(s: Skipped, problems=problems) -> None:
                problems.append(s)
                skip(s)

            record = reusable(file, st)
            if record is not None:  # unchanged: its articles come from the cache unread
                if batch:  # the articles before it go first
                    yield from jobs_of(batch)
                    batch = []
                for s in record["skips"]:
                    file_skip(Skipped(*s))
                for key, article_id in zip(record["keys"], record["ids"], strict=True):
                    if article_id in ids:
                        skip(duplicate(file, article_id))
                        continue
                    ids.add(article_id)
                    later.append((slot(key, str(file)), key, None, file, root))
                file_keys, file_ids = record["keys"], record["ids"]
                stats["unread"] += 1
            else:
                file_keys, file_ids = [], []
                for article in read_file(file, root, file_skip):
                    key = article_key(article, version)
                    file_keys.append(key)
                    file_ids.append(article.id)
                    if article.id in ids:
                        skip(duplicate(file, article.id))
                        continue
                    ids.add(article.id)
                    batch.append((article, key))
                    if len(batch) >= 64:
                        yield from jobs_of(batch)
                        batch = []
            if st is not None:
                inputs[str(file)] = {"stat": st, "version": input_version, "keys": file_keys,
                                     "ids": file_ids,
                                     "skips": [[s.path, s.reason, s.line] for s in problems]}  # fmt: skip
        if batch:
            yield from jobs_of(batch)
        yield from read_later()

    fresh: list[tuple[str, bytes]] = []
    if executor == "processes" and not any(
        r.get("version") == input_version for r in old_inputs.values()
    ):  # a first build: the workers share the segmenter made here (forked, copy-on-write);
        extractor.ready()  # a re-build makes it only in a worker that gets an article
    with make_executor(executor, jobs, scheduler, tuple(rule_dirs), version) as ex:
        # 1. extract (cache hits are filled in by extraction_jobs() as the input is read)
        for results in ex.map(extract_batch, extraction_jobs()):
            for index, blob, error in results:
                if blob is None:
                    skip(Skipped(names[index], f"extraction failed: {error}"))
                    continue
                ext = load(blob, light=True)
                exts[index], data[index] = ext, blob
                fresh.append((keys[index], blob))
                state["done"] += 1
                state["chars"] += len(ext.article.text)
                progress(state["done"], state["chars"], total_bytes)
        progress(state["done"], state["chars"], total_bytes, final=True)
        stats["extracted"], stats["cached"] = len(fresh), state["done"] - len(fresh)
        order = [i for i, e in enumerate(exts) if e is not None]
        if cache is not None:
            cache.put_many(fresh)
            cache.keep_only({keys[i] for i in order})
            cache.commit()
        del fresh
        if not order:
            if cache is not None:
                cache.close()
            return BuildResult([], skipped, {}, stats)

        # 2. merge aliases across the corpus
        clock.lap("extract")
        progress.stage("merging aliases across articles")
        remap = corpus_remap(exts[i] for i in order)  # type: ignore[misc]
        parts = {i: remap_part(exts[i], remap) for i in order}  # type: ignore[arg-type]

        # 3. write graph.trig and graph.ttl, copying unchanged articles' graphs
        clock.lap("merge")
        progress.stage(f"writing {out}/graph.trig and graph.ttl")
        old_blocks = manifest.blocks()
        prints = {i: _fingerprint(keys[i], parts[i], base, include_text) for i in order}
        iris = {i: f"{base}article/{_q(exts[i].article.id)}" for i in order}  # type: ignore[union-attr]
        same = [i for i in order if (old_blocks.get(iris[i]) or [None])[0] == prints[i]]
        trig, ttl = out / "graph.trig", out / "graph.ttl"
        trig_tmp, ttl_tmp = out / "graph.trig.tmp", out / "graph.ttl.tmp"
        # only articles added, none changed or gone: append them to the files in place, and
        # patch the corpus totals of the previous build (kept with it) if they are there
        resume = manifest.appendable() if len(same) == len(old_blocks) else None
        old_sums = manifest.totals() if resume is not None else None
        kept = (
            cache.get_rendered((prints[i] for i in same), counts=old_sums is None)
            if cache is not None else {}
        )  # fmt: skip
        reuse = {i for i in same if prints[i] in kept}
        if old_sums is not None and len(reuse) != len(old_blocks):  # some graph not kept
            resume = old_sums = None
            kept = cache.get_rendered(prints[i] for i in same) if cache is not None else {}
            reuse = {i for i in same if prints[i] in kept}
        elif len(reuse) != len(old_blocks):
            resume = None
        need = [i for i in order if i not in reuse]
        old_tail = old_totals = None
        if old_sums is not None:
            old_tail = _old_tail(trig, manifest.data)
        elif old_blocks:
            old_totals = _old_totals(trig, manifest.data)
        if resume is not None:
            manifest.save({}, None)  # the files are being changed: trust nothing until done
            writer = CorpusWriter(trig, ttl, base, resume=resume, totals=old_sums)
        else:
            writer = CorpusWriter(trig_tmp, ttl_tmp, base)
        new_blocks: dict[str, list] = {}
        rendered: list[tuple[str, bytes | None, tuple]] = []
        old_file = open(trig, "rb") if reuse and resume is None else None  # noqa: SIM115
        try:
            def batches() -> Iterator[tuple]:
                for s in range(0, len(need), render_batch_size):
                    batch = [(i, data[i], parts[i]) for i in need[s : s + render_batch_size]]
                    for i, _, _ in batch:
                        data[i] = None  # sent: the main process need not keep it
                    yield (base, include_text, batch)

            results = ex.map(render_batch, batches())
            pending: dict[int, tuple] = {}
            for n, i in enumerate(order):
                iri = iris[i]
                if i in reuse:
                    _, offset, length, own_start, own_end = old_blocks[iri]
                    merged_blob, counts = kept[prints[i]]
                    if merged_blob is not None:
                        exts[i] = load(merged_blob, light=True)
                    if resume is not None:
                        writer.keep(iri, (offset, length, own_start, own_end), counts)
                    else:
                        old_file.seek(offset)  # type: ignore[union-attr]
                        block = (old_file.read(length), own_start, own_end, None)  # type: ignore[union-attr]
                        writer.add(iri, block, counts)
                else:
                    while i not in pending:
                        for r in next(results):
                            pending[r[0]] = r
                    _, merged_blob, block, counts, error = pending.pop(i)
                    if error:
                        raise ValueError(f"{names[i]}: cannot write its graph: {error}")
                    if merged_blob is not None:
                        exts[i] = load(merged_blob, light=True)
                    writer.add(iri, block, counts)
                    rendered.append((prints[i], merged_blob, counts))
                new_blocks[iri] = [prints[i], *writer.blocks[iri]]
                if n % 256 == 0:
                    progress.writing(n + 1, len(order))
            totals = writer.finish(old_tail)
            del old_tail
        except BaseException:
            writer.close()
            trig_tmp.unlink(missing_ok=True)
            ttl_tmp.unlink(missing_ok=True)
            if cache is not None:
                cache.close()
            raise
        finally:
            if old_file is not None:
                old_file.close()
    new_state = {iris[i]: prints[i] for i in order}
    stale: dict[str, bytes] = {}
    if resume is None and old_blocks:  # before the previous graph.trig is replaced
        old = [iri for iri, b in old_blocks.items() if new_state.get(iri) != b[0]]
        if _patchable(len(old), len(order)):  # (else the store is loaded again)
            stale = _stale_lines(trig, {iri: old_blocks[iri] for iri in old}, writer.seen)
    if resume is None:
        manifest.save({}, None)  # graph.trig is being replaced: trust nothing until done
        trig_tmp.replace(trig)
        ttl_tmp.replace(ttl)
    seen = writer.seen
    (out / CACHE_DIR / SEEN).write_bytes(b"".join(d.to_bytes(16, "little") for d in seen))
    sums = _save_totals(out, writer.totals)
    if cache is not None:
        cache.put_rendered(rendered)
        cache.keep_rendered(set(prints.values()))
        cache.close()
    if resume is None:
        stats.update(written=len(need), copied=len(reuse))
    else:
        stats.update(written=len(need), copied=0, kept=len(reuse))
    stats["totals"] = "patched" if writer.totals_delta is not None else "written"
    clock.lap("write")

    # 4. the store: BuildResult.start_store / update_store
    corpus = f"{base}graph/corpus"
    plan = _StorePlan(
        out=out, trig=trig, ttl=ttl, manifest=manifest, blocks=new_blocks, state=new_state,
        changed={iris[i]: writer.blocks[iris[i]] for i in order},
        old_totals=old_totals, totals=totals, totals_delta=writer.totals_delta, corpus=corpus,
        clock=clock, stats=stats, progress=progress, inputs=inputs, stale=stale,
        ttl_info={"end": writer.ttl_end, "seen": len(seen), "totals": sums},
    )  # fmt: skip
    stats.update(articles=len(order), chars=state["chars"])
    result: list[Extraction] = [exts[i] for i in order]  # type: ignore[misc]
    out_files = {"ttl": ttl, "trig": trig, "store": out / "store"}
    return BuildResult(result, skipped, out_files, stats, plan)


@dataclass
class _StorePlan:
    out: Path
    trig: Path
    ttl: Path
    manifest: _Manifest
    blocks: dict
    state: dict[str, str]
    changed: dict[str, tuple[int, int, int, int]]  # iri -> its block in graph.trig
    old_totals: list[str] | None
    totals: list[str] | None
    # (lines gone, lines added) of the totals when the writer patched them (then
    # old_totals and totals are None)
    totals_delta: tuple[list[str], list[str]] | None
    corpus: str
    clock: _Clock
    stats: dict
    progress: object
    ttl_info: dict
    inputs: dict
    # iri -> the triples of the default graph that only the previous version of a changed
    # or removed article had (:func:`_stale_lines`)
    stale: dict[str, bytes] = field(default_factory=dict)
    done: bool = False
    # show the bulk loader's progress (set once the build waits for the store, so that
    # it does not mix with the stages of the outputs written meanwhile)
    show: bool = False
    loaded: tuple[int, int, float] | None = None  # bytes done, total, when loading began
    _decision: tuple[bool, list[str], list[str]] | None = None  # see decide()

    def _loading(self, done: int, total: int) -> None:  # from the bulk loader's threads
        began = self.loaded[2] if self.loaded else time.monotonic()
        self.loaded = (done, total, began)
        if self.show:
            self.progress.storing(done, total, time.monotonic() - began)  # type: ignore[attr-defined]

    def decide(self) -> tuple[bool, list[str], list[str]]:
        """Whether the store is patched (it holds the last build's graphs, and few changed)
        or bulk-loaded again; the graphs to replace and to remove when patched."""
        if self._decision is None:
            from .store import STORE_DIR

            old_state = None
            if (self.out / STORE_DIR).is_dir() and (
                self.old_totals is not None or self.totals_delta is not None
            ):
                old_state = self.manifest.store_state(_store_files(self.out / STORE_DIR))
            changed = [iri for iri, fp in self.state.items() if (old_state or {}).get(iri) != fp]
            gone = sorted(set(old_state or ()) - set(self.state) - {self.corpus})
            patch = (
                old_state is not None
                and _patchable(len(changed) + len(gone), len(self.state))
                # what the previous versions had that no article has now is known
                and all(iri in self.stale for iri in gone)
                and all(iri in self.stale for iri in changed if iri in old_state)  # type: ignore[operator]
            )
            self._decision = (patch, changed, gone)
        return self._decision

    def run(self) -> None:
        from .store import (
            STORE_DIR,
            load_store,
            open_store,
            patch_default,
            remove_graph,
            replace_graph,
        )

        started = time.perf_counter()
        self.progress.stage(f"updating the SPARQL store {self.out}/store")  # type: ignore[attr-defined]
        patch, changed, gone = self.decide()
        if patch:
            store = open_store(self.out)  # (opened only here: the bulk loader opens its own)
            header = prefix_header().encode()
            for iri in gone:
                remove_graph(store, iri, self.stale[iri], header)
            with open(self.trig, "rb") as fh:
                for iri in changed:
                    offset, length, start, _ = self.changed[iri]
                    fh.seek(offset)
                    block = fh.read(length)
                    head = block.index(b"{\n") + 2  # the graph's lines: provenance first
                    replace_graph(store, iri, block[head:start], block[start:-3], header,
                                  stale=self.stale.get(iri, b""))  # fmt: skip
            if self.totals_delta is not None:
                lines_out, lines_in = self.totals_delta
            else:
                old_lines, new_lines = set(self.old_totals), set(self.totals)  # type: ignore[arg-type]
                lines_out, lines_in = old_lines - new_lines, new_lines - old_lines  # type: ignore[assignment]
            removed = "".join(line + " .\n" for line in lines_out).encode()
            added = "".join(line + " .\n" for line in lines_in).encode()
            if removed or added:
                patch_default(store, removed, added, header)
            store.flush()
            del store
            self.stats["store"] = f"patched ({len(changed)} graphs replaced, {len(gone)} removed)"
        else:
            self.totals = self.totals_delta = None  # not needed: free them before the bulk load
            self.loaded = (0, 1, time.monotonic())
            load_store(self.out, self.trig, self.ttl, count=False, on_progress=self._loading)
            self.stats["store"] = "bulk-loaded"
        self.state[self.corpus] = "totals"
        self.files, self.done = _store_files(self.out / STORE_DIR), True
        self.store_seconds = round(time.perf_counter() - started, 3)

    def save(self) -> None:
        """Record the stage times and what the store holds (``OUT/cache/manifest.json``)."""
        self.clock.laps["store"] = self.store_seconds
        self.stats.update(seconds=self.clock.laps)
        from .store import LAYOUT

        store = {"files": self.files, "graphs": self.state, "layout": LAYOUT}
        self.manifest.save(self.blocks, store, self.stats, self.ttl_info, self.inputs)


# --------------------------------------------------------------------------- helpers


def _unchanged(record: dict | None, st: list[int] | None, input_version: str) -> bool:
    """Whether an input file's record in the manifest says it is as the last build read it
    (same size and time, read with the same rules: other rules give other cache keys)."""
    return bool(record) and st is not None and record.get("stat") == st and (
        record.get("version") == input_version
    )


def _stat(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _store_files(folder: Path) -> list[list]:
    """``[name, size]`` of the store's data files (RocksDB tables and non-empty logs): any
    write to the store changes them, and reading it does not, so they tell whether the
    store still holds what the last build left — without counting millions of quads."""
    try:
        entries = [(p.name, p.stat().st_size) for p in folder.iterdir()
                   if p.suffix in (".sst", ".log")]  # fmt: skip
    except OSError:
        return []
    return sorted([name, size] for name, size in entries if size or name.endswith(".sst"))


def _release_memory() -> None:
    """Give freed memory back to the system before the store's bulk loader needs its own."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _patchable(changed: int, articles: int) -> bool:
    """Whether so few of ``articles`` graphs changed that the store is patched graph by
    graph rather than loaded again."""
    return changed <= max(50, articles // 4)


def _stale_lines(trig: Path, blocks: dict[str, list], seen: set[int]) -> dict[str, bytes]:
    """iri -> the lines of an article's graph in the previous ``graph.trig`` (``blocks``:
    iri -> [fingerprint, offset, length, own_start, own_end]) that went to the default
    graph (its own lines and its shared ones) and that no article has now (``seen``: the
    digests of the new build's shared lines; no other article has its own lines)."""
    stale = {}
    with open(trig, "rb") as fh:
        for iri, (_, offset, length, own_start, _) in blocks.items():
            fh.seek(offset)
            lines = fh.read(length)[own_start:-3].split(b" .\n")[:-1]
            stale[iri] = b"".join(
                line + b" .\n" for line in lines if _digest128(line) not in seen
            )
    return stale


def _old_tail(trig: Path, data: dict) -> bytes:
    """What the previous ``graph.trig`` holds after the last article's block (its
    corpus-totals graph)."""
    end = max(b[1] + b[2] for b in data["blocks"].values())
    with open(trig, "rb") as fh:
        fh.seek(end)
        return fh.read()


def _save_totals(out: Path, totals) -> str:
    """Keep ``totals`` (a :class:`kg.rdf.CorpusTotals`) beside the cache for the next build
    (:meth:`_Manifest.totals`); returns their digest."""
    from .cache import _counts_dumps

    data = _counts_dumps((totals.mentions, totals.pairs))
    (out / CACHE_DIR / TOTALS).write_bytes(data)
    return blake2b(data, digest_size=16).hexdigest()


def _old_totals(trig: Path, data: dict) -> list[str] | None:
    """The corpus-totals lines of the previous ``graph.trig`` (the block after the last
    article's)."""
    if not data.get("blocks"):
        return None
    tail = _old_tail(trig, data).decode("utf-8")
    if "{\n" not in tail:
        return []
    body = tail[tail.index("{\n") + 2 : tail.rindex("}")]
    return body.split(" .\n")[:-1]

"""The persistent SPARQL store: Oxigraph (``pyoxigraph``), one named graph per article.

``OUT/store/`` is an on-disk Oxigraph database that SPARQL runs against without
re-parsing Turtle.  Its named graphs are the articles' graphs (``graph.trig``) and its
default graph is their merge without the provenance (``graph.ttl``: each triple once, no
statements or evidence), kept in step with them on every update.  Building again updates
it in place: the named graph of every article in the build is replaced, and the graphs of
articles no longer in the input are removed, so adding or deleting a file and re-building
keeps the store in step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

__all__ = [
    "STORE_DIR",
    "open_store",
    "load_store",
    "replace_graph",
    "remove_graph",
    "patch_graph",
]

STORE_DIR = "store"


def open_store(out_dir: str | Path, read_only: bool = False) -> ox.Store:
    """The store of a build folder (``OUT/store``)."""
    path = Path(out_dir) / STORE_DIR
    if read_only:
        if not path.is_dir():
            raise FileNotFoundError(
                f"no store in {out_dir} (build first: python build.py … -o {out_dir})"
            )
        return ox.Store.read_only(str(path))
    path.mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


# --------------------------------------------------------------------------- fast paths
# A build writes graph.trig (the named graphs) and graph.ttl (their merged graph) as text; the
# store is loaded from those files in bulk, or patched graph by graph on a re-build.


def _chunks(path: Path, end: bytes, size: int) -> Iterable[bytes]:
    """``path`` in pieces of about ``size`` bytes cut after ``end`` (the end of a TriG
    graph or a triple), each with the file's ``@prefix`` lines (which end at a blank line)."""
    with open(path, "rb") as fh:
        head = b""
        rest = b""
        while True:
            data = fh.read(size)
            if not data:
                break
            data = rest + data
            if not head:
                cut = data.find(b"\n\n") + 2
                if cut < 2:  # the prefixes are longer than a piece
                    rest = data
                    continue
                head, data = data[:cut], data[cut:]
            cut = data.rfind(end)
            if cut < 0:
                rest = data
                continue
            cut += len(end)
            rest = data[cut:]
            yield head + data[:cut]
        if rest.strip():
            yield head + rest


def _trig_pieces(path: Path, size: int) -> Iterable[bytes]:
    """:func:`_chunks` of a TriG file this package wrote, with every graph bigger than
    ``size`` cut into pieces of its own, each inside the graph's braces: the bulk loader's
    memory grows with its piece, and the corpus totals are one graph (57 MB for the CCTV
    corpus: loaded whole, it raised the loader's peak memory by about 130 MB)."""
    for piece in _chunks(path, b"\n}\n\n", size):
        if len(piece) <= 2 * size:
            yield piece
            continue
        cut = piece.index(b"\n\n") + 2
        head, rest = piece[:cut], piece[cut:]
        small: list[bytes] = []  # whole graphs, loaded together
        start = 0
        while start < len(rest):
            end = rest.find(b"\n}\n\n", start)
            end = len(rest) if end < 0 else end + 4
            block = rest[start:end]
            start = end
            if len(block) <= size:
                small.append(block)
                continue
            if small:
                yield head + b"".join(small)
                small = []
            brace = block.index(b"{\n") + 2
            graph, body = block[:brace], block[brace : -len(b"}\n\n")]
            at = 0
            while at < len(body):
                stop = body.rfind(b" .\n", at, at + size) + 3  # after a whole triple
                if stop < at + 3:  # a triple longer than a piece
                    stop = body.find(b" .\n", at + size) + 3
                if stop < at + 3 or len(body) - at <= size:
                    stop = len(body)
                yield head + graph + body[at:stop] + b"}\n\n"
                at = stop
        if small:
            yield head + b"".join(small)


def load_store(
    out_dir: str | Path,
    trig: Path,
    ttl: Path,
    chunk: int = 4 << 20,
    count: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> int | None:
    """Empty ``OUT/store`` and bulk-load it: the named graphs of ``trig``, and ``ttl`` (the
    merged graph) as the default graph.  The files are loaded in
    pieces of about ``chunk`` bytes, which bounds the bulk loader's memory (for the 10 M
    quads of the CCTV corpus: 1.9 GB in one piece, 0.5 GB in 16 MB pieces and 0.1 GB less
    in 4 MB pieces, as fast).
    ``trig`` and ``ttl`` are files this package wrote (one graph or triple per line end).
    ``on_progress(done, total)`` is called with the bytes loaded so far after each piece,
    and with ``done == total`` before the store is compacted (from the loading threads).
    Returns the quad count (None when not ``count``)."""
    store = open_store(out_dir)
    store.clear()

    pieces = chain(
        ((piece, ox.RdfFormat.TRIG, None) for piece in _trig_pieces(trig, chunk)),
        ((piece, ox.RdfFormat.TURTLE, ox.DefaultGraph()) for piece in _chunks(ttl, b" .\n", chunk)),
    )
    lock = threading.Lock()
    total = trig.stat().st_size + ttl.stat().st_size
    loaded = [0]

    def loader() -> None:
        while True:
            with lock:
                piece, fmt, graph = next(pieces, (None, None, None))
            if piece is None:
                return
            store.bulk_load(piece, format=fmt, to_graph=graph, lenient=True)
            if on_progress is not None:
                with lock:
                    loaded[0] += len(piece)  # (each piece repeats the prefixes: a bit more)
                    on_progress(min(loaded[0], total - 1), total)

    # The bulk loader works on one core and leaves Python's lock: two threads load the
    # pieces side by side (the same store as one after the other, in half the time)
    with ThreadPoolExecutor(2) as pool:
        for done in [pool.submit(loader) for _ in range(2)]:
            done.result()
    if on_progress is not None:
        on_progress(total, total)
    store.flush()
    # Compact what the pieces left behind: on the CCTV corpus, queries that read thousands
    # of rows run 2-4x faster on the compacted store (people-posts 113 -> 28 ms).
    store.optimize()
    return len(store) if count else None  # counting reads every quad: 2 s for 7 M


def _in_a_named_graph(store: ox.Store, triple: ox.Triple) -> bool:
    return any(
        not isinstance(q.graph_name, ox.DefaultGraph)
        for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
    )


def remove_graph(store: ox.Store, iri: str) -> int:
    """Remove a named graph and, from the default graph, its triples that no other named
    graph has.  Returns how many triples left the default graph."""
    node = ox.NamedNode(iri)
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, node)]
    store.remove_graph(node) if store.contains_named_graph(node) else None
    gone = 0
    for t in triples:
        if not _in_a_named_graph(store, t):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
            gone += 1
    return gone


def replace_graph(
    store: ox.Store, iri: str, data: bytes, prefixes: bytes = b"", facts: int = 0
) -> None:
    """Replace a named graph with the Turtle ``data`` and add ``data[facts:]`` (the lines
    after its provenance, :func:`kg.rdftext.article_block`) to the default graph
    (``prefixes``: the ``@prefix`` lines ``data`` needs)."""
    remove_graph(store, iri)
    store.load(prefixes + data, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(iri))
    store.load(prefixes + data[facts:], format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())


def patch_graph(
    store: ox.Store, iri: str, removed: bytes, added: bytes, prefixes: bytes = b""
) -> None:
    """Remove the Turtle triples ``removed`` from a named graph and add ``added``, in the
    default graph too (for triples no other named graph has: the corpus totals)."""
    node = ox.NamedNode(iri)
    for t in ox.parse(prefixes + removed, format=ox.RdfFormat.TURTLE):
        store.remove(ox.Quad(t.subject, t.predicate, t.object, node))
        if not _in_a_named_graph(store, t):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
    text = prefixes + added
    store.load(text, format=ox.RdfFormat.TURTLE, to_graph=node)
    store.load(text, format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())

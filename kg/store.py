"""The persistent SPARQL store: Oxigraph (``pyoxigraph``), one named graph per article.

``OUT/store/`` is an on-disk Oxigraph database that SPARQL runs against without
re-parsing Turtle.  Its default graph is the merged knowledge graph (``graph.ttl``: the
entities, the articles, the facts and the corpus totals, each triple once, no statements
or evidence).  Each article has a named graph (named by the article's IRI) with its
provenance: its statements and their evidence (:func:`lean_block`).  ``graph.trig``
repeats the article's own triples and the entities it names in every article's graph, so
that each graph there can be read alone; in the store they would be 1.3 M more quads on the
CCTV corpus, indexed six ways each (two fifths of the store's load time), for triples the
default graph already has.  Ask for evidence with ``GRAPH ?g { ?st rdf:subject … ;
prov:wasDerivedFrom ?ev . ?ev kg:sentence ?s }`` and for the entities, their names and the
article's title (``?g schema:headline ?t``) outside the ``GRAPH`` pattern.

Building again updates the store in place: the named graph of every new or changed article
is replaced, the graphs of articles no longer in the input are removed, and the default
graph loses the triples no article has any more, so adding or deleting a file and
re-building keeps the store in step.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import chain
from pathlib import Path

import pyoxigraph as ox

__all__ = [
    "STORE_DIR",
    "open_store",
    "load_store",
    "lean_block",
    "replace_graph",
    "remove_graph",
    "patch_default",
]

STORE_DIR = "store"
#: What the store's graphs hold (:func:`lean_block`): a store a build left with another
#: layout is loaded again rather than patched.
LAYOUT = 3


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


def _graphs(path: Path, size: int) -> Iterator[tuple[bytes, bytes]]:
    """The ``@prefix`` lines of a TriG file this package wrote (they end at a blank line) and
    its graph blocks (``NAME {`` … ``}``) one by one, reading ``size`` bytes at a time."""
    with open(path, "rb") as fh:
        data = b""
        while b"\n\n" not in data:
            more = fh.read(size)
            if not more:
                return
            data += more
        cut = data.index(b"\n\n") + 2
        head, data, at, scan = data[:cut], data[cut:], 0, 0
        while True:
            end = data.find(b"\n}\n\n", scan)
            if end >= 0:
                yield head, data[at : end + 4]
                at = scan = end + 4
                continue
            more = fh.read(size)
            if not more:
                break
            scan = max(0, len(data) - at - 3)  # (the end mark may straddle the two reads)
            data, at = data[at:] + more, 0
        if data[at:].strip():
            yield head, data[at:]


def lean_block(block: bytes) -> bytes | None:
    """An article's graph block as the store keeps it: its provenance (statements and
    evidence), which comes first (:func:`kg.rdftext.article_block`), without the lines about
    the article itself and the entities' lines that follow (the default graph has them,
    once).  None for a graph with no lines about itself (the corpus totals: in the default
    graph only)."""
    name = block[: block.index(b" {\n")]
    first = block.find(b"\n" + name + b" ")
    if first < 0:
        return None
    return block[: first + 1] + b"}\n\n"


def _trig_pieces(path: Path, size: int) -> Iterator[tuple[bytes, int]]:
    """The article graphs of a TriG file this package wrote, as the store keeps them
    (:func:`lean_block`), in pieces of about ``size`` bytes that each start with the file's
    ``@prefix`` lines; with each piece, how many bytes of the file it stands for.  A graph
    bigger than ``size`` is cut into pieces of its own, each inside the graph's braces: the
    bulk loader's memory grows with its piece."""
    small: list[bytes] = []  # whole graphs, loaded together
    held = read = 0
    head = b""
    for head, block in _graphs(path, size):
        read += len(block)
        lean = lean_block(block)
        if lean is None:
            continue
        if len(lean) <= size:
            small.append(lean)
            held += len(lean)
            if held >= size:
                yield head + b"".join(small), read
                small, held, read = [], 0, 0
            continue
        if small:
            yield head + b"".join(small), 0
            small, held = [], 0
        brace = lean.index(b"{\n") + 2
        graph, body = lean[:brace], lean[brace : -len(b"}\n\n")]
        at = 0
        while at < len(body):
            stop = body.rfind(b" .\n", at, at + size) + 3  # after a whole triple
            if stop < at + 3:  # a triple longer than a piece
                stop = body.find(b" .\n", at + size) + 3
            if stop < at + 3 or len(body) - at <= size:
                stop = len(body)
            yield head + graph + body[at:stop] + b"}\n\n", read if stop == len(body) else 0
            at = stop
        read = 0
    if small or read:
        yield head + b"".join(small), read


def _chunks(path: Path, size: int) -> Iterator[tuple[bytes, int]]:
    """A Turtle file this package wrote (one triple per line, after its ``@prefix`` lines)
    in pieces of about ``size`` bytes cut after a triple, each with the prefixes; with each
    piece, how many bytes of the file it stands for."""
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
            cut = data.rfind(b" .\n")
            if cut < 0:
                rest = data
                continue
            cut += 3
            rest = data[cut:]
            yield head + data[:cut], cut
        if rest.strip():
            yield head + rest, len(rest)


def load_store(
    out_dir: str | Path,
    trig: Path,
    ttl: Path,
    chunk: int = 4 << 20,
    count: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
) -> int | None:
    """Empty ``OUT/store`` and bulk-load it: the article graphs of ``trig`` as the store
    keeps them (:func:`lean_block`), and ``ttl`` (the merged graph) as the default graph.
    The files are loaded in pieces of about ``chunk`` bytes, which bounds the bulk loader's
    memory (for the 10 M quads of the CCTV corpus: 1.9 GB in one piece, 0.5 GB in 16 MB
    pieces and 0.1 GB less in 4 MB pieces, as fast).
    ``trig`` and ``ttl`` are files this package wrote (one graph or triple per line end).
    ``on_progress(done, total)`` is called with the bytes of the files read so far after
    each piece, and with ``done == total`` before the store is compacted (from the loading
    threads).  Returns the quad count (None when not ``count``)."""
    store = open_store(out_dir)
    store.clear()

    pieces = chain(
        ((piece, n, ox.RdfFormat.TRIG, None) for piece, n in _trig_pieces(trig, chunk)),
        ((piece, n, ox.RdfFormat.TURTLE, ox.DefaultGraph()) for piece, n in _chunks(ttl, chunk)),
    )
    lock = threading.Lock()
    total = trig.stat().st_size + ttl.stat().st_size
    loaded = [0]

    def loader() -> None:
        while True:
            with lock:
                piece, n, fmt, graph = next(pieces, (None, 0, None, None))
            if piece is None:
                return
            store.bulk_load(piece, format=fmt, to_graph=graph, lenient=True)
            if on_progress is not None:
                with lock:
                    loaded[0] += n
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


def _turtle(prefixes: bytes, lines: bytes) -> Iterator[ox.Triple]:
    return ox.parse(prefixes + lines, format=ox.RdfFormat.TURTLE) if lines.strip() else iter(())


def _remove_default(store: ox.Store, lines: bytes, prefixes: bytes) -> None:
    for t in _turtle(prefixes, lines):
        store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))


def remove_graph(store: ox.Store, iri: str, facts: bytes = b"", prefixes: bytes = b"") -> None:
    """Remove an article's named graph, and from the default graph the Turtle triples
    ``facts`` (its lines that no other article has: the caller knows which)."""
    node = ox.NamedNode(iri)
    if store.contains_named_graph(node):
        store.remove_graph(node)
    _remove_default(store, facts, prefixes)


def replace_graph(
    store: ox.Store, iri: str, named: bytes, facts: bytes, prefixes: bytes = b"",
    stale: bytes = b"",
) -> None:  # fmt: skip
    """Replace an article's named graph with the Turtle triples ``named`` (its provenance,
    :func:`lean_block`), remove ``stale`` from the default graph (what
    only its previous version had) and add ``facts`` (its own and shared lines)."""
    remove_graph(store, iri, stale, prefixes)
    store.load(prefixes + named, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(iri))
    store.load(prefixes + facts, format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())


def patch_default(store: ox.Store, removed: bytes, added: bytes, prefixes: bytes = b"") -> None:
    """Remove the Turtle triples ``removed`` from the default graph and add ``added`` (the
    corpus totals that changed)."""
    _remove_default(store, removed, prefixes)
    if added.strip():
        store.load(prefixes + added, format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())

"""Load a build into a triple-store server: ``python build.py push --endpoint URL``.

Each article's named graph is sent with the SPARQL 1.1 Graph Store HTTP Protocol
(``PUT URL?graph=IRI``, which replaces the graph), and then the default graph (``PUT
URL?default``: the merged graph, with the entities and the corpus totals), so any server
that speaks it (Oxigraph server ``http://host:7878/store``, Apache Jena Fuseki
``http://host:3030/DATASET/data``, GraphDB …) ends up with the same graphs as the
embedded store, and re-pushing after a re-build replaces the re-built articles.

Example::

    oxigraph serve --location kgdb --bind 127.0.0.1:7878 &
    python build.py push --endpoint http://127.0.0.1:7878/store
"""

from __future__ import annotations

import io
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from .rdf import PREFIXES
from .store import open_store

__all__ = ["push", "PushError", "with_prefixes"]


class PushError(RuntimeError):
    """The server refused a graph or could not be reached (the message says which)."""


def with_prefixes(query: str) -> str:
    """``query`` with the PREFIX lines a server needs (the embedded store declares them)."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()) + query


def push(out_dir: str | Path, endpoint: str, timeout: float = 60.0) -> int:
    """PUT every named graph of ``OUT/store``, and then its default graph (the merged graph:
    the entities, the facts and the corpus totals), to the Graph Store endpoint; returns
    how many graphs were sent."""
    store = open_store(out_dir, read_only=True)
    graphs: list[ox.NamedNode | ox.DefaultGraph] = sorted(store.named_graphs(), key=lambda g: g.value)
    graphs.append(ox.DefaultGraph())
    for graph in graphs:
        triples = io.BytesIO()  # the server wants the triples of one graph
        ox.serialize((q.triple for q in store.quads_for_pattern(None, None, None, graph)), triples,
                     format=ox.RdfFormat.N_TRIPLES)  # fmt: skip
        if isinstance(graph, ox.DefaultGraph):
            url, name = f"{endpoint}?default", "the default graph"
        else:
            url, name = f"{endpoint}?{urllib.parse.urlencode({'graph': graph.value})}", f"graph {graph.value}"
        request = urllib.request.Request(url, data=triples.getvalue(), method="PUT",
                                         headers={"Content-Type": "application/n-triples"})  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status not in (200, 201, 204):
                    raise PushError(f"{endpoint}: {name}: HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise PushError(f"{endpoint}: {name}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
    return len(graphs)

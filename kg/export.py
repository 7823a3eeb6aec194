"""The entity graph for other tools: GraphML, GEXF (Gephi) and CSV.

:func:`exportable` turns the graph of :func:`kg.analysis.entity_graph` into one
whose ids and attributes every format accepts: node ids are ``"Type:name"``
strings (:func:`node_id`), aliases are joined with ``"|"``, and the analysis's
``degree``, ``pagerank`` and ``community`` become node attributes, so Gephi can
size and colour by them at once.  :func:`write_exports` writes

* ``graph.graphml`` — GraphML (yEd, Cytoscape, igraph, ``networkx.read_graphml``);
* ``graph.gexf`` — GEXF 1.2 for Gephi (``label`` is the name, ``weight`` the edge weight);
* ``nodes.csv`` and ``edges.csv`` — UTF-8 *with* a byte-order mark, comma-separated,
  so Excel opens the Chinese text correctly on a double click, and
  ``pandas.read_csv`` / ``csv`` with ``encoding="utf-8-sig"`` read them unchanged
  (pandas strips the mark with plain ``utf-8`` too).  A text cell that starts with
  ``= + - @`` gets a leading ``'`` so that a spreadsheet shows it rather than
  running it as a formula (:func:`safe_cell`);
* ``relations.csv`` — the typed relations with their direction
  (subject, predicate, object, post, articles).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx

from .analysis import Analysis, typed_relations
from .model import Extraction

__all__ = [
    "NODE_COLUMNS",
    "EDGE_COLUMNS",
    "node_id",
    "exportable",
    "safe_cell",
    "write_csv",
    "write_exports",
]

NODE_COLUMNS = (
    "id", "label", "type", "aliases", "mentions", "articles", "first", "last",
    "degree", "pagerank", "community",
)  # fmt: skip
EDGE_COLUMNS = ("source", "target", "weight", "cooccur", "typed", "relations")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# characters XML 1.0 does not allow (C0 controls but tab and newlines, surrogates, U+FFFE/F)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _legal(value: object) -> object:
    """A GraphML/GEXF attribute value: lists joined with "|", None as "", text made XML-legal."""
    if isinstance(value, tuple | list):
        value = "|".join(map(str, value))
    if value is None:
        return ""
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def node_id(key: tuple[str, str]) -> str:
    """The string id of an entity in the exports (characters XML forbids are dropped).

    >>> node_id(("Place", "南川区"))
    'Place:南川区'
    """
    return _NOT_XML.sub("", f"{key[0]}:{key[1]}")


def exportable(G: nx.Graph, analysis: Analysis | None = None) -> nx.Graph:
    """A copy of the entity graph with string ids and GraphML/GEXF-legal attributes.

    >>> G = nx.Graph()
    >>> G.add_node(("Place", "南川区"), type="Place", name="南川区", aliases=("南川", "南川县"))
    >>> H = exportable(G)
    >>> dict(H.nodes["Place:南川区"])["aliases"]
    '南川|南川县'
    """
    H = nx.Graph()
    for k, d in G.nodes(data=True):
        attrs = {"label": d.get("name", k[1]), "type": d.get("type", k[0])}
        attrs.update((name, value) for name, value in d.items() if name not in ("name", "type"))
        if analysis is not None:
            attrs["degree"] = analysis.degree.get(k, 0)
            attrs["pagerank"] = float(analysis.pagerank.get(k, 0.0))
            attrs["community"] = analysis.community.get(k, -1)
        H.add_node(node_id(k), **{a: _legal(v) for a, v in attrs.items()})
    for u, v, d in G.edges(data=True):
        H.add_edge(node_id(u), node_id(v), **{a: _legal(x) for a, x in d.items()})
    return H


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (numbers unchanged).

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("南川区"), safe_cell(-1)
    ("'=HYPERLINK(1)", '南川区', -1)
    """
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def write_csv(path: Path, header: tuple[str, ...] | list[str], rows) -> Path:
    """Write rows as UTF-8-with-BOM CSV (see the module docstring)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for row in rows:
            w.writerow([safe_cell(c) for c in row])
    return path


def write_exports(
    analysis: Analysis, out: str | Path, extractions: list[Extraction] | None = None
) -> dict[str, Path]:
    """Write the GraphML, GEXF and CSV exports into ``out``; returns kind → path.

    ``relations.csv`` is written when ``extractions`` are given.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    H = exportable(analysis.graph, analysis)
    paths = {"graphml": out / "graph.graphml", "gexf": out / "graph.gexf"}
    nx.write_graphml(H, paths["graphml"], encoding="utf-8", prettyprint=False)
    nx.write_gexf(H, paths["gexf"], encoding="utf-8", prettyprint=False)
    paths["nodes"] = write_csv(
        out / "nodes.csv",
        NODE_COLUMNS,
        ([n, *(d.get(c, "") for c in NODE_COLUMNS[1:])] for n, d in H.nodes(data=True)),
    )
    paths["edges"] = write_csv(
        out / "edges.csv",
        EDGE_COLUMNS,
        ([u, v, *(d.get(c, "") for c in EDGE_COLUMNS[2:])] for u, v, d in H.edges(data=True)),
    )
    if extractions is not None:
        rows = sorted(typed_relations(extractions).items())
        paths["relations"] = write_csv(
            out / "relations.csv",
            ("subject", "predicate", "object", "post", "articles"),
            ([node_id(s), p, node_id(o), post, n] for (s, p, o, post), n in rows),
        )
    return paths

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
from xml.sax.saxutils import escape

import networkx as nx

from . import __version__
from .analysis import Analysis, typed_relations
from .model import Extraction

__all__ = [
    "NODE_COLUMNS",
    "EDGE_COLUMNS",
    "node_id",
    "exportable",
    "safe_cell",
    "write_csv",
    "write_graphml",
    "write_gexf",
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


_ATTR_ESC = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _x(value: object) -> str:
    """Text or attribute value, XML-escaped (newlines and tabs kept as character references)."""
    return escape(value if isinstance(value, str) else repr(value), _ATTR_ESC)


def _attr_types(items) -> dict[str, str]:
    """Attribute name → ``long`` / ``double`` / ``boolean`` / ``string`` over all ``items``."""
    seen: dict[str, set[type]] = {}
    for d in items:
        for name, value in d.items():
            seen.setdefault(name, set()).add(type(value))
    out = {}
    for name, kinds in seen.items():
        if kinds == {bool}:
            out[name] = "boolean"
        elif kinds <= {int}:
            out[name] = "long"
        elif kinds <= {int, float}:
            out[name] = "double"
        else:
            out[name] = "string"
    return out


def _value(value: object, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return _x(value if kind != "string" else str(value))


def write_graphml(H: nx.Graph, path: str | Path) -> Path:
    """Write an undirected graph with string ids and scalar attributes as GraphML, streamed
    (what :func:`networkx.write_graphml` writes, several times faster on large graphs)."""
    node_types = _attr_types(d for _, d in H.nodes(data=True))
    edge_types = _attr_types(d for *_, d in H.edges(data=True))
    keys = {("node", a): f"n{i}" for i, a in enumerate(node_types)}
    keys.update({("edge", a): f"e{i}" for i, a in enumerate(edge_types)})
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
                '"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')  # fmt: skip
        for (scope, name), key in keys.items():
            kind = (node_types if scope == "node" else edge_types)[name]
            f.write(f'<key id="{key}" for="{scope}" attr.name="{_x(name)}" attr.type="{kind}"/>\n')
        f.write('<graph edgedefault="undirected">\n')
        for n, d in H.nodes(data=True):
            data = "".join(
                f'<data key="{keys["node", a]}">{_value(v, node_types[a])}</data>'
                for a, v in d.items()
            )
            f.write(f'<node id="{_x(n)}">{data}</node>\n')
        for u, v, d in H.edges(data=True):
            data = "".join(
                f'<data key="{keys["edge", a]}">{_value(x, edge_types[a])}</data>'
                for a, x in d.items()
            )
            f.write(f'<edge source="{_x(u)}" target="{_x(v)}">{data}</edge>\n')
        f.write("</graph>\n</graphml>\n")
    return Path(path)


def write_gexf(H: nx.Graph, path: str | Path) -> Path:
    """Write an undirected graph as GEXF 1.2 for Gephi, streamed: the node attribute
    ``label`` is the node's label and the edge attribute ``weight`` the edge's weight.
    No date is written, so the same graph gives the same file."""
    node_types = _attr_types(
        {a: v for a, v in d.items() if a != "label"} for _, d in H.nodes(data=True)
    )
    edge_types = _attr_types(
        {a: v for a, v in d.items() if a != "weight"} for *_, d in H.edges(data=True)
    )
    ids = {("node", a): str(i) for i, a in enumerate(node_types)}
    ids.update({("edge", a): str(i) for i, a in enumerate(edge_types)})

    def attvalues(scope: str, d: dict, types: dict) -> str:
        vals = "".join(
            f'<attvalue for="{ids[scope, a]}" value="{_value(v, types[a])}"/>'
            for a, v in d.items() if a in types
        )  # fmt: skip
        return f"<attvalues>{vals}</attvalues>" if vals else ""

    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft"'
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
                '"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
                f'<meta><creator>kg {_x(__version__)}</creator></meta>\n'
                '<graph defaultedgetype="undirected" mode="static">\n')  # fmt: skip
        for scope, types in (("node", node_types), ("edge", edge_types)):
            f.write(f'<attributes class="{scope}" mode="static">')
            for a, kind in types.items():
                f.write(f'<attribute id="{ids[scope, a]}" title="{_x(a)}" type="{kind}"/>')
            f.write("</attributes>\n")
        f.write("<nodes>\n")
        for n, d in H.nodes(data=True):
            label = _x(d.get("label", n))
            f.write(
                f'<node id="{_x(n)}" label="{label}">{attvalues("node", d, node_types)}</node>\n'
            )
        f.write("</nodes>\n<edges>\n")
        for i, (u, v, d) in enumerate(H.edges(data=True)):
            w = f' weight="{_value(d["weight"], "double")}"' if "weight" in d else ""
            f.write(f'<edge id="{i}" source="{_x(u)}" target="{_x(v)}"{w}>'
                    f'{attvalues("edge", d, edge_types)}</edge>\n')  # fmt: skip
        f.write("</edges>\n</graph>\n</gexf>\n")
    return Path(path)


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
    write_graphml(H, paths["graphml"])
    write_gexf(H, paths["gexf"])
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

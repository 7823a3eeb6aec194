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
from collections import Counter
from collections.abc import Iterator
from itertools import repeat
from pathlib import Path
from string import Formatter

import networkx as nx

from . import __version__
from .analysis import Analysis, typed_relations
from .columns import (
    _FORMULA,
    BOM,
    Columns,
    _legal,
    _x,
    columns,
    encode,
    kind_of,
    node_id,
    safe_cell,
    write_csv_columns,
)
from .gcpause import paused_gc
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


def _rows(G: nx.Graph, analysis: Analysis | None = None) -> tuple[list, list]:
    """The nodes ``(id, attributes)`` and edges ``(u, v, attributes)`` of :func:`exportable`,
    as plain lists (what the writers stream; no second graph is built)."""
    if analysis is not None:
        degree, rank, community = analysis.degree, analysis.pagerank, analysis.community
    ids = {}
    nodes = []
    for k, d in G.nodes(data=True):
        ids[k] = n = node_id(k)
        attrs = {"label": d.get("name", k[1]), "type": d.get("type", k[0])}
        attrs.update((name, value) for name, value in d.items() if name not in ("name", "type"))
        if analysis is not None:
            attrs["degree"] = degree.get(k, 0)
            attrs["pagerank"] = float(rank.get(k, 0.0))
            attrs["community"] = community.get(k, -1)
        nodes.append((n, {a: _legal(v) for a, v in attrs.items()}))
    edges = [(ids[u], ids[v], {a: _legal(x) for a, x in d.items()}) for u, v, d in G.edges(data=True)]
    return nodes, edges


def exportable(G: nx.Graph, analysis: Analysis | None = None) -> nx.Graph:
    """A copy of the entity graph with string ids and GraphML/GEXF-legal attributes.

    >>> G = nx.Graph()
    >>> G.add_node(("Place", "南川区"), type="Place", name="南川区", aliases=("南川", "南川县"))
    >>> H = exportable(G)
    >>> dict(H.nodes["Place:南川区"])["aliases"]
    '南川|南川县'
    """
    nodes, edges = _rows(G, analysis)
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


def write_csv(path: Path, header: tuple[str, ...] | list[str], rows) -> Path:
    """Write rows as UTF-8-with-BOM CSV (see the module docstring)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(BOM)  # as "utf-8-sig" does
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(
            [("'" + c) if isinstance(c, str) and c.startswith(_FORMULA) else c for c in row]
            for row in rows
        )  # safe_cell, inline
    return path


def _attr_types(items) -> dict[str, str]:
    """Attribute name → ``long`` / ``double`` / ``boolean`` / ``string`` over all ``items``
    (in the order the names first occur)."""
    shapes: dict[tuple, None] = {}  # (names, types) of the rows, most rows share one
    for d in items:
        shapes.setdefault((tuple(d), tuple(map(type, d.values()))), None)
    seen: dict[str, set[type]] = {}
    for names, kinds in shapes:
        for name, kind in zip(names, kinds, strict=True):
            seen.setdefault(name, set()).add(kind)
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


_ENCODERS = {
    "boolean": lambda v: "true" if v else "false",
    "double": lambda v: repr(float(v)),
    "long": _x,
    "string": lambda v: _x(str(v)),
}


def _encode(rows: list[dict]) -> tuple[dict[str, str], list[tuple[tuple, tuple]]]:
    """The attribute types of ``rows`` and each row's attribute names and XML text."""
    types = _attr_types(rows)
    enc = {name: _ENCODERS[kind] for name, kind in types.items()}
    return types, [(tuple(d), tuple([enc[a](v) for a, v in d.items()])) for d in rows]


class _Table:
    """Nodes and edges ready to stream: the attribute types, the escaped ids, labels, ends
    and GEXF weights, and each row's attribute names with their XML text."""

    def __init__(self, nodes: list[tuple], edges: list[tuple]):
        self.node_types, self.node_rows = _encode([d for _, d in nodes])
        self.edge_types, self.edge_rows = _encode([d for *_, d in edges])
        ids = {n: _x(n) for n, _ in nodes}
        self.node_ids = [ids[n] for n, _ in nodes]
        self.labels = [_x(d.get("label", n)) for n, d in nodes]
        self.ends = [(ids.get(u) or _x(u), ids.get(v) or _x(v)) for u, v, _ in edges]
        self.weights = [  # GEXF's edge weight
            f' weight="{float(d["weight"])!r}"' if "weight" in d else "" for *_, d in edges
        ]

    @classmethod
    def of(cls, H: nx.Graph) -> _Table:
        return cls(list(H.nodes(data=True)), list(H.edges(data=True)))

    @classmethod
    def of_columns(cls, c: Columns) -> _Table:
        """The table of :func:`kg.columns.columns` (every row has the same attributes)."""
        t = cls([], [])
        t.node_types = {a: kind_of(col) for a, col in c.nodes.items()}
        t.edge_types = {a: kind_of(col) for a, col in c.edges.items()}
        nodes = [encode(col, t.node_types[a]) for a, col in c.nodes.items()]
        edges = [encode(col, t.edge_types[a]) for a, col in c.edges.items()]
        names, edge_names = tuple(c.nodes), tuple(c.edges)
        t.node_rows, t.edge_rows = _Uniform(names, nodes), _Uniform(edge_names, edges)
        t.node_ids = encode(c.node_ids, "string")
        t.labels = nodes[names.index("label")]  # a column of text (see columns())
        index = dict(zip(c.node_ids, t.node_ids, strict=True))
        t.ends = [(index[u], index[v]) for u, v in c.ends]
        weight = c.edges.get("weight")
        t.weights = [f' weight="{w}"' for w in encode(weight, "double")] if weight else [
            ""
        ] * len(c.ends)
        return t


def _lines(rows: list[tuple], head: str, item, tail: str, *first: list) -> Iterator[str]:
    """One line per row: ``head`` filled with the row's ``first`` values, then ``item`` filled
    with ``(attribute, position)`` for each attribute it keeps, then ``tail`` — one
    ``str.format`` template per set of attribute names."""
    templates: dict[tuple, str] = {}
    skip = len(first)

    def template(names: tuple) -> str:
        if names not in templates:
            items = "".join(filter(None, (item(a, skip + i) for i, a in enumerate(names))))
            templates[names] = head + tail(items)
        return templates[names]

    if isinstance(rows, _Uniform):  # one template, filled column by column
        return _filled(template(rows.names), [*first, *rows.columns])
    return (
        template(names).format(*values, *row)
        for *values, (names, row) in zip(*first, rows, strict=True)
    )


def _filled(template: str, columns: list[list[str]]) -> Iterator[str]:
    """``map(template.format, *columns)`` for columns of text and a template of plain
    ``{i}`` fields: each line joined from the template's text and the row's values, the
    template parsed once instead of once per row."""
    args: list = []
    text = ""
    for literal, name, spec, conversion in Formatter().parse(template):
        text += literal
        if name is None:
            continue
        if not name.isdigit() or spec or conversion:  # not a plain {i}: format it
            return map(template.format, *columns)
        args += [repeat(text), columns[int(name)]]
        text = ""
    if not args:
        return map(template.format, *columns)
    return map("".join, zip(*args, repeat(text)))


class _Uniform:
    """Rows that all have the attributes ``names``: their XML text by column."""

    def __init__(self, names: tuple, columns: list[list[str]]) -> None:
        self.names, self.columns = names, columns


def write_graphml(H: nx.Graph | _Table, path: str | Path) -> Path:
    """Write an undirected graph with string ids and scalar attributes as GraphML, streamed
    (what :func:`networkx.write_graphml` writes, several times faster on large graphs)."""
    t = H if isinstance(H, _Table) else _Table.of(H)
    keys = {("node", a): f"n{i}" for i, a in enumerate(t.node_types)}
    keys.update({("edge", a): f"e{i}" for i, a in enumerate(t.edge_types)})
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
                '"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')  # fmt: skip
        for (scope, name), key in keys.items():
            kind = (t.node_types if scope == "node" else t.edge_types)[name]
            f.write(f'<key id="{key}" for="{scope}" attr.name="{_x(name)}" attr.type="{kind}"/>\n')
        f.write('<graph edgedefault="undirected">\n')
        f.write("".join(_lines(
            t.node_rows, '<node id="{0}">', lambda a, i: f'<data key="{keys["node", a]}">{{{i}}}</data>',
            lambda items: f"{items}</node>\n", t.node_ids,
        )))  # fmt: skip
        f.write("".join(_lines(
            t.edge_rows, '<edge source="{0}" target="{1}">',
            lambda a, i: f'<data key="{keys["edge", a]}">{{{i}}}</data>',
            lambda items: f"{items}</edge>\n", *zip(*t.ends, strict=True) if t.ends else ([], []),
        )))  # fmt: skip
        f.write("</graph>\n</graphml>\n")
    return Path(path)


def write_gexf(H: nx.Graph | _Table, path: str | Path) -> Path:
    """Write an undirected graph as GEXF 1.2 for Gephi, streamed: the node attribute
    ``label`` is the node's label and the edge attribute ``weight`` the edge's weight.
    No date is written, so the same graph gives the same file."""
    t = H if isinstance(H, _Table) else _Table.of(H)
    node_types = {a: k for a, k in t.node_types.items() if a != "label"}
    edge_types = {a: k for a, k in t.edge_types.items() if a != "weight"}
    node_ids = {a: str(i) for i, a in enumerate(node_types)}
    edge_ids = {a: str(i) for i, a in enumerate(edge_types)}

    def attvalue(ids: dict[str, str]):
        return lambda a, i: f'<attvalue for="{ids[a]}" value="{{{i}}}"/>' if a in ids else ""

    def attvalues(close: str):
        return lambda items: (f"<attvalues>{items}</attvalues>" if items else "") + close

    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft"'
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation='
                '"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
                f'<meta><creator>kg {_x(__version__)}</creator></meta>\n'
                '<graph defaultedgetype="undirected" mode="static">\n')  # fmt: skip
        for scope, types in (("node", node_types), ("edge", edge_types)):
            f.write(f'<attributes class="{scope}" mode="static">')
            for i, (a, kind) in enumerate(types.items()):
                f.write(f'<attribute id="{i}" title="{_x(a)}" type="{kind}"/>')
            f.write("</attributes>\n")
        f.write("<nodes>\n")
        f.write("".join(_lines(
            t.node_rows, '<node id="{0}" label="{1}">', attvalue(node_ids),
            attvalues("</node>\n"), t.node_ids, t.labels,
        )))  # fmt: skip
        f.write("</nodes>\n<edges>\n")
        f.write("".join(_lines(
            t.edge_rows, '<edge id="{0}" source="{1}" target="{2}"{3}>', attvalue(edge_ids),
            attvalues("</edge>\n"), list(map(str, range(len(t.ends)))),
            [u for u, _ in t.ends], [v for _, v in t.ends], t.weights,
        )))  # fmt: skip
        f.write("</edges>\n</graph>\n</gexf>\n")
    return Path(path)


def write_exports(
    analysis: Analysis,
    out: str | Path,
    extractions: list[Extraction] | None = None,
    relations: Counter | None = None,
) -> dict[str, Path]:
    """Write the GraphML, GEXF and CSV exports into ``out``; returns kind → path.

    ``relations.csv`` is written when ``extractions`` are given (``relations``, their
    :func:`~kg.analysis.typed_relations` when the caller has it, saves counting again).  The graph of
    :func:`kg.analysis.entity_graph` is written a column at a time (:mod:`kg.columns`).
    """
    with paused_gc():  # many small strings, no cycles
        return _write_exports(analysis, Path(out), extractions, relations)


def _write_exports(
    analysis: Analysis, out: Path, extractions: list[Extraction] | None, relations: Counter | None
) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {"graphml": out / "graph.graphml", "gexf": out / "graph.gexf"}
    cols = columns(analysis.graph, analysis)
    if cols is not None:
        table = _Table.of_columns(cols)
        n, m = len(cols.node_ids), len(cols.ends)
        node_cols = [cols.node_ids, *(cols.nodes.get(c, [""] * n) for c in NODE_COLUMNS[1:])]
        edge_cols = [[u for u, _ in cols.ends], [v for _, v in cols.ends],
                     *(cols.edges.get(c, [""] * m) for c in EDGE_COLUMNS[2:])]  # fmt: skip
        write_graphml(table, paths["graphml"])
        write_gexf(table, paths["gexf"])
        paths["nodes"] = write_csv_columns(out / "nodes.csv", NODE_COLUMNS, node_cols)
        paths["edges"] = write_csv_columns(out / "edges.csv", EDGE_COLUMNS, edge_cols)
    else:  # nodes (or edges) with different attributes: row by row
        H = exportable(analysis.graph, analysis)
        nodes, edges = list(H.nodes(data=True)), list(H.edges(data=True))
        table = _Table(nodes, edges)
        write_graphml(table, paths["graphml"])
        write_gexf(table, paths["gexf"])
        paths["nodes"] = write_csv(
            out / "nodes.csv",
            NODE_COLUMNS,
            ([n, *(d.get(c, "") for c in NODE_COLUMNS[1:])] for n, d in nodes),
        )
        paths["edges"] = write_csv(
            out / "edges.csv",
            EDGE_COLUMNS,
            ([u, v, *(d.get(c, "") for c in EDGE_COLUMNS[2:])] for u, v, d in edges),
        )
    if extractions is not None:
        rows = sorted((relations if relations is not None else typed_relations(extractions)).items())
        paths["relations"] = write_csv(
            out / "relations.csv",
            ("subject", "predicate", "object", "post", "articles"),
            ([node_id(s), p, node_id(o), post, n] for (s, p, o, post), n in rows),
        )
    return paths

"""The exports of a large entity graph, written column by column.

:func:`kg.export.write_exports` writes the very bytes that :func:`kg.export.write_graphml`,
:func:`kg.export.write_gexf` and :func:`kg.export.write_csv` write for
:func:`kg.export.exportable`'s graph, but when every node has the same attributes and
every edge too — as in :func:`kg.analysis.entity_graph` — it does the work once per
attribute instead of once per value: a column of names is checked for characters that
XML forbids or must escape in one search over the joined column, numbers are formatted
by ``map``, and a row becomes a line by one ``str.format``.  :func:`columns` returns
``None`` for any other graph, and the row-by-row writers take it.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node(("Place", "南川<区>"), type="Place", name="南川<区>", aliases=("南川",))
>>> c = columns(G)
>>> c.node_ids, c.nodes["label"], c.nodes["aliases"]
(['Place:南川<区>'], ['南川<区>'], ['南川'])
>>> encode(c.nodes["label"], "string")
['南川&lt;区&gt;']
"""

from __future__ import annotations

import csv
import re
from operator import itemgetter
from pathlib import Path

import networkx as nx

from .analysis import Analysis
from .louvain import edge_list as edges_of

__all__ = ["Columns", "columns", "encode", "kind_of", "node_id", "safe_cell", "write_csv_columns"]

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_LINE = re.compile("^[-=+@\t\r]", re.MULTILINE)  # a cell of "\n".join(cells) starts so
BOM = "\ufeff"  # the byte-order mark of the CSV files (see kg.export)
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


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula (numbers unchanged).

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("南川区"), safe_cell(-1)
    ("'=HYPERLINK(1)", '南川区', -1)
    """
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
            "\t": "&#9;"}  # fmt: skip
_SPECIAL = re.compile('[&<>"\n\r\t]')


def _x(value: object) -> str:
    """Text or attribute value, XML-escaped (newlines and tabs kept as character references).

    >>> _x('a<b & "c"\\n')
    'a&lt;b &amp; &quot;c&quot;&#10;'
    """
    text = value if isinstance(value, str) else repr(value)
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group()], text) if _SPECIAL.search(text) else text

_RESERVED = frozenset({"label", "degree", "pagerank", "community"})


class Columns:
    """The node ids and attribute columns, the edge ends and attribute columns of a graph
    (values made GraphML/GEXF-legal, as :func:`kg.export.exportable` makes them)."""

    def __init__(self, node_ids: list[str], nodes: dict[str, list],
                 ends: list[tuple[str, str]], edges: dict[str, list]) -> None:  # fmt: skip
        self.node_ids, self.nodes, self.ends, self.edges = node_ids, nodes, ends, edges


def columns(G: nx.Graph, analysis: Analysis | None = None) -> Columns | None:
    """The columns of :func:`kg.export.exportable`'s graph of ``G``, or ``None`` when the
    nodes (or the edges) do not all have the same attributes in the same order, when two
    node ids coincide, or when the graph has no node."""
    keys = list(G)
    data = [d for _, d in G.nodes(data=True)]
    if not keys or len({tuple(d) for d in data}) != 1:
        return None
    names = tuple(data[0])
    if _RESERVED & set(names):
        return None
    ids = [node_id(k) for k in keys]
    if len(set(ids)) < len(ids):
        return None
    nodes = {
        "label": [d["name"] for d in data] if "name" in names else [k[1] for k in keys],
        "type": [d["type"] for d in data] if "type" in names else [k[0] for k in keys],
    }
    for name in names:
        if name not in ("name", "type"):
            nodes[name] = [d[name] for d in data]
    if analysis is not None:
        degree, rank, community = analysis.degree, analysis.pagerank, analysis.community
        nodes["degree"] = [degree.get(k, 0) for k in keys]
        nodes["pagerank"] = [float(rank.get(k, 0.0)) for k in keys]
        nodes["community"] = [community.get(k, -1) for k in keys]
    edge_list = edges_of(G)
    edge_data = list(map(itemgetter(2), edge_list))  # map and zip: no Python step per edge
    if len(set(map(tuple, edge_data))) > 1:
        return None
    edge_names = tuple(edge_data[0]) if edge_data else ()
    edges = {name: list(map(itemgetter(name), edge_data)) for name in edge_names}
    index = dict(zip(keys, ids, strict=True)).__getitem__
    ends = list(zip(map(index, map(itemgetter(0), edge_list)),
                    map(index, map(itemgetter(1), edge_list)), strict=True))  # fmt: skip
    legal = {name: _legal_column(col) for name, col in nodes.items()}
    return Columns(ids, legal, ends, {n: _legal_column(c) for n, c in edges.items()})


def _legal_column(col: list) -> list:
    """``[legal(v) for v in col]``, skipping the work when nothing would change."""
    kinds = set(map(type, col))
    if kinds <= {int, float, bool}:
        return col
    if kinds == {str}:
        if _NOT_XML.search("\n".join(col)) is None:  # "\n" is legal: no value has to change
            return col
    return [_legal(v) for v in col]


def kind_of(col: list) -> str:
    """The GraphML/GEXF type of a column: what :func:`kg.export._attr_types` says of it."""
    kinds = set(map(type, col))
    if kinds == {bool}:
        return "boolean"
    if kinds <= {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    return "string"


def encode(col: list, kind: str) -> list[str]:
    """The XML text of each value of a column of type ``kind`` (escaped for attributes)."""
    if kind == "long":
        return list(map(repr, col))
    if kind == "double":
        return list(map(repr, map(float, col)))
    if kind == "boolean":
        return ["true" if v else "false" for v in col]
    strs = list(map(str, col))
    joined = "\x00".join(strs)
    if _SPECIAL.search(joined) is None:
        return strs
    if joined.count("\x00") != len(strs) - 1:  # a value holds the separator itself
        return list(map(_x, strs))
    for char, ref in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                      ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):  # fmt: skip
        joined = joined.replace(char, ref)
    return joined.split("\x00")


def write_csv_columns(path: Path, header: tuple[str, ...], cols: list[list]) -> Path:
    """:func:`kg.export.write_csv` of the rows ``zip(*cols)``, a column at a time."""
    safe = []
    for col in cols:
        kinds = set(map(type, col))
        if str not in kinds:
            safe.append(col)
        elif kinds == {str}:  # one search over the column: a line may start with a formula
            risky = _FORMULA_LINE.search("\n".join(col)) is not None
            safe.append([("'" + c) if c.startswith(_FORMULA) else c for c in col] if risky else col)
        else:
            safe.append([safe_cell(c) for c in col])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(BOM)  # what "utf-8-sig" writes first, without its Python-level encoder per row
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(zip(*safe, strict=True))
    return path

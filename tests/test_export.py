"""Tests for kg.export: GraphML, GEXF and CSV exports read back and compared to the graph."""

from __future__ import annotations

import csv
import doctest
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import kg.columns
import kg.export
from kg.analysis import analyse
from kg.export import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    exportable,
    node_id,
    write_exports,
    write_gexf,
    write_graphml,
)
from kg.model import Relation
from tests.test_analysis import CN, NC, SQ, XI, corpus, make

EVIL = '<script>alert("x")</script> & 1'
FORMULA = ("Organisation", '=HYPERLINK("http://x")')
CONTROL = ("Programme", "坝坝\x0b加油站")


def hostile() -> list:
    """The test corpus plus names that break markup, spreadsheets and XML."""
    evil = ("Person", EVIL)
    return corpus() + [
        make("h1", "2023-02-01", {evil: 2, FORMULA: 1, CONTROL: 1, NC: 1},
             {(evil, NC): 1, (FORMULA, NC): 1}, (Relation(evil, "holdsPost", "书记|主任", at=NC),),
             {evil: ("A|B", "<b>")}),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> tuple:
    exts = hostile()
    a = analyse(exts, seed=0)
    out = tmp_path_factory.mktemp("exports")
    return a, exportable(a.graph, a), write_exports(a, out, exts)


def test_exportable_has_string_ids_and_legal_attributes(written) -> None:
    a, H, _ = written
    assert set(H) == {node_id(k) for k in a.graph}
    assert H.number_of_edges() == a.graph.number_of_edges()
    legal = (str, int, float)
    for _, d in H.nodes(data=True):
        assert set(d) == set(NODE_COLUMNS[1:])
        assert all(isinstance(v, legal) for v in d.values())
    for *_, d in H.edges(data=True):
        assert set(d) == set(EDGE_COLUMNS[2:]) and all(isinstance(v, legal) for v in d.values())
    nc = H.nodes[node_id(NC)]
    assert nc["label"] == "南川区" and nc["aliases"] == "南川|南川区人民政府"
    assert nc["community"] == a.community[NC] and nc["pagerank"] == a.pagerank[NC]
    assert nc["degree"] == a.graph.degree(NC)
    assert "Programme:坝坝加油站" in H  # the vertical tab XML forbids is dropped


def test_graphml_round_trip(written) -> None:
    _, H, paths = written
    back = nx.read_graphml(paths["graphml"])
    assert not back.is_directed()
    assert dict(back.nodes(data=True)) == dict(H.nodes(data=True))
    assert {frozenset((u, v)): d for u, v, d in back.edges(data=True)} == {
        frozenset((u, v)): d for u, v, d in H.edges(data=True)
    }
    assert back.nodes[f"Person:{EVIL}"]["aliases"] == "<b>|A|B"


def test_gexf_round_trip(written) -> None:
    _, H, paths = written
    text = paths["gexf"].read_text(encoding="utf-8")
    assert 'defaultedgetype="undirected"' in text
    back = nx.read_gexf(paths["gexf"])
    assert set(back) == set(H)
    for n, d in H.nodes(data=True):
        assert back.nodes[n] == d, n
    assert back.number_of_edges() == H.number_of_edges()
    for u, v, d in H.edges(data=True):
        got = dict(back.edges[u, v])
        got.pop("id", None)
        assert got == {**d, "weight": float(d["weight"])}


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_nodes_and_edges_round_trip(written) -> None:
    a, H, paths = written
    for kind in ("nodes", "edges", "relations"):
        assert paths[kind].read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    nodes = {r["id"]: r for r in _rows(paths["nodes"])}
    assert list(next(iter(nodes.values()))) == list(NODE_COLUMNS)
    assert set(nodes) == set(H)
    for n, d in H.nodes(data=True):
        row = nodes[n]
        for col in NODE_COLUMNS[1:]:
            want = d[col]
            got = row[col]
            if isinstance(want, str) and want.startswith(("=", "+", "-", "@")):
                want = "'" + want
            assert got == str(want), (n, col)
    edges = {(r["source"], r["target"]): r for r in _rows(paths["edges"])}
    assert len(edges) == H.number_of_edges()
    for u, v, d in H.edges(data=True):
        r = edges.get((u, v)) or edges[(v, u)]
        assert int(r["weight"]) == d["weight"] and int(r["cooccur"]) == d["cooccur"]
        assert r["relations"] == d["relations"]
    rel = _rows(paths["relations"])
    assert {"subject": node_id(SQ), "predicate": "locatedIn", "object": node_id(NC), "post": "",
            "articles": "1"} in rel  # fmt: skip
    assert {"subject": node_id(XI), "predicate": "holdsPost", "object": node_id(CN),
            "post": "国家主席", "articles": "1"} in rel  # fmt: skip


def test_csv_cells_are_not_formulas(written) -> None:
    _, _, paths = written
    labels = [r["label"] for r in _rows(paths["nodes"])]
    assert "'" + FORMULA[1] in labels and FORMULA[1] not in labels
    assert EVIL in labels  # text is kept as is otherwise (CSV is not HTML)


def test_pandas_reads_the_csv(written) -> None:
    _, H, paths = written
    nodes = pd.read_csv(paths["nodes"], encoding="utf-8")  # the BOM does not leak into "id"
    assert list(nodes.columns) == list(NODE_COLUMNS)
    assert len(nodes) == H.number_of_nodes()
    assert nodes.set_index("id").loc[node_id(NC), "mentions"] == H.nodes[node_id(NC)]["mentions"]
    edges = pd.read_csv(paths["edges"])
    assert edges["weight"].sum() == sum(d["weight"] for *_, d in H.edges(data=True))


def test_exports_of_the_same_input_are_identical(tmp_path: Path) -> None:
    exts = hostile()
    one = write_exports(analyse(exts, seed=0), tmp_path / "one", exts)
    two = write_exports(analyse(exts[::-1], seed=0), tmp_path / "two", exts[::-1])
    for kind, path in one.items():
        assert path.read_bytes() == two[kind].read_bytes(), kind


def test_xml_writers_keep_awkward_values(tmp_path: Path) -> None:
    H = nx.Graph()
    H.add_node("a&<b>", label='say "hi"\n\tnext line', n=1, flag=True, x=2)
    H.add_node("c", label="c", n=2.5, flag=False, x=3)
    H.add_edge("a&<b>", "c", weight=2, note="x\ry")
    g = nx.read_graphml(write_graphml(H, tmp_path / "g.graphml"))
    assert dict(g.nodes(data=True)) == {
        "a&<b>": {"label": 'say "hi"\n\tnext line', "n": 1.0, "flag": True, "x": 2},
        "c": {"label": "c", "n": 2.5, "flag": False, "x": 3},
    }
    assert g.edges["a&<b>", "c"] == {"weight": 2, "note": "x\ry"}
    x = nx.read_gexf(write_gexf(H, tmp_path / "g.gexf"))
    assert x.nodes["a&<b>"] == {"label": 'say "hi"\n\tnext line', "n": 1.0, "flag": True, "x": 2}
    assert x.edges["a&<b>", "c"]["weight"] == 2.0 and x.edges["a&<b>", "c"]["note"] == "x\ry"


def test_doctests() -> None:
    assert doctest.testmod(kg.export).failed == 0
    assert doctest.testmod(kg.columns).failed == 0


def test_column_writers_write_what_the_row_writers_write(written, tmp_path: Path) -> None:
    a, H, paths = written  # write_exports went column by column (kg.columns) …
    assert kg.export.columns(a.graph, a) is not None
    rows = tmp_path / "rows"  # … the writers of a networkx graph go row by row
    rows.mkdir()
    assert write_graphml(H, rows / "g.graphml").read_bytes() == paths["graphml"].read_bytes()
    assert write_gexf(H, rows / "g.gexf").read_bytes() == paths["gexf"].read_bytes()
    nodes = ([n, *(d.get(c, "") for c in NODE_COLUMNS[1:])] for n, d in H.nodes(data=True))
    edges = ([u, v, *(d.get(c, "") for c in EDGE_COLUMNS[2:])] for u, v, d in H.edges(data=True))
    csv_nodes = kg.export.write_csv(rows / "n.csv", NODE_COLUMNS, nodes)
    csv_edges = kg.export.write_csv(rows / "e.csv", EDGE_COLUMNS, edges)
    assert csv_nodes.read_bytes() == paths["nodes"].read_bytes()
    assert csv_edges.read_bytes() == paths["edges"].read_bytes()


def test_a_graph_of_mixed_attributes_goes_row_by_row(tmp_path: Path) -> None:
    exts = hostile()
    a = analyse(exts, seed=0)
    a.graph.nodes[NC]["extra"] = 1  # one node with one more attribute
    assert kg.export.columns(a.graph, a) is None
    paths = write_exports(a, tmp_path, exts)
    g = nx.read_graphml(paths["graphml"])
    assert g.nodes[node_id(NC)]["extra"] == 1 and "extra" not in g.nodes[node_id(CN)]


@pytest.mark.parametrize(
    "col",
    [
        ["南川区", "=1+1", "三泉镇"],  # a formula after the first cell
        ["a", "b\n=c", "-", "+x", "@y", "\tz", "\rw"],  # one inside a cell (left as is), then all
        ["南川区", "a\nb", ""],  # nothing to change
        ["1", 2, "-3.5", None],  # mixed cells go one by one
    ],
)
def test_column_csv_is_the_plain_csv(col: list, tmp_path: Path) -> None:
    """write_csv_columns and write_csv write what csv with "utf-8-sig" and safe_cell write."""
    plain = tmp_path / "plain.csv"
    with open(plain, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(("x", "n"))
        w.writerows([kg.columns.safe_cell(c), i] for i, c in enumerate(col))
    cols = kg.columns.write_csv_columns(tmp_path / "c.csv", ("x", "n"), [col, list(range(len(col)))])
    rows = kg.export.write_csv(tmp_path / "r.csv", ("x", "n"), [[c, i] for i, c in enumerate(col)])
    assert cols.read_bytes() == plain.read_bytes() == rows.read_bytes()
    assert plain.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    "template",
    ['<n id="{0}">{1}</n>\n', "{1}{0}", "{{x}}{0}}}{{", "{0:>3}|{1}", "no field", "{0!r}{1}"],
)
def test_filled_lines_are_the_formatted_lines(template: str) -> None:
    cols = [["甲", "a&b", ""], ["1", "{0}", "}"]]
    assert list(kg.export._filled(template, cols)) == list(map(template.format, *cols))

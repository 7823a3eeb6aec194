"""Tests for kg.view: the pyvis HTML view of the graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.model import Entity, Extraction, Relation
from kg.rdf import article_graph, corpus_graphs, entity_iri
from kg.view import to_networkx, write_view
from tests.test_rdf import PERSON_HAN, _ev, make_extraction

EVIL = "<script>alert(1)</script>"


def _data(page: str, name: str) -> list[dict]:
    """The JSON array passed to ``new vis.DataSet`` for ``nodes`` or ``edges``."""
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    assert match, name
    return json.loads(match.group(1))


def _evil_extraction() -> Extraction:
    ext = make_extraction()
    evil = Entity("Organisation", EVIL, ("A&B <b>x</b>",))
    relation = Relation(PERSON_HAN, "holdsPost", "<i>主任</i>", (_ev("第一书记韩楚"),), at=evil.key)
    return Extraction(ext.article, (), ext.entities + (evil,), ext.relations + (relation,))


def test_view_file_is_utf8_with_names(tmp_path: Path) -> None:
    out = write_view([make_extraction()], tmp_path / "view.html", title="南川 <测试>")
    assert out.exists()
    page = out.read_bytes().decode("utf-8")  # strict: must be valid UTF-8
    assert '<meta charset="utf-8">' in page
    for name in (
        "韩楚",
        "王静",
        "南川区",
        "三泉镇",
        "观音村",
        "鸣玉镇中心社区",
        "重庆日报",
        "书记工作室",
    ):
        assert name in page, name
    assert "南川 &lt;测试&gt;" in page and "<测试>" not in page
    assert 'id="kg-legend"' in page
    nodes = _data(page, "nodes")
    assert {n["label"] for n in nodes} >= {"韩楚", "南川区", "书记工作室"}
    assert len({n["color"] for n in nodes}) == 4  # one colour per type


def test_edges(tmp_path: Path) -> None:
    page = write_view(make_extraction(), tmp_path / "v.html").read_text(encoding="utf-8")
    nodes = {n["id"]: n["label"] for n in _data(page, "nodes")}
    edges = [(nodes[e["from"]], nodes[e["to"]], e.get("label", "")) for e in _data(page, "edges")]
    assert ("观音村", "三泉镇", "位于") in edges
    assert ("南川区", "书记工作室", "开展") in edges
    assert ("韩楚", "鸣玉镇中心社区", "第一书记") in edges
    co = [e for e in _data(page, "edges") if e.get("width") == 1]
    assert len(co) == 1 and "2 句" in co[0]["title"]


def test_no_unescaped_markup_in_tooltips(tmp_path: Path) -> None:
    page = write_view([_evil_extraction()], tmp_path / "evil.html").read_text(encoding="utf-8")
    assert EVIL not in page
    assert "<b>x</b>" not in page and "<i>主任</i>" not in page
    for item in _data(page, "nodes") + _data(page, "edges"):
        assert "<" not in item.get("title", ""), item
    (evil,) = [n for n in _data(page, "nodes") if n["label"] == EVIL]
    assert "&lt;script&gt;" in evil["title"] and "A&amp;B" in evil["title"]


def test_view_from_graph_and_dataset(tmp_path: Path) -> None:
    graph = article_graph(make_extraction())
    a = write_view(graph, tmp_path / "g.html").read_text(encoding="utf-8")
    b = write_view(corpus_graphs([make_extraction()]), tmp_path / "d.html").read_text(
        encoding="utf-8"
    )
    assert a == b
    assert "韩楚" in a


def test_to_networkx() -> None:
    net = to_networkx(article_graph(make_extraction()))
    han = str(entity_iri(*PERSON_HAN))
    assert net.nodes[han]["type"] == "Person"
    assert net.nodes[han]["posts"] == ["鸣玉镇中心社区第一书记"]
    assert net.nodes[str(entity_iri("Place", "南川区"))]["aliases"] == ["南川"]
    kinds = sorted(d["kind"] for _, _, d in net.edges(data=True))
    assert kinds == ["coOccursWith", "holdsPost", "locatedIn", "locatedIn", "runs"]

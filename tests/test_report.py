"""Tests for kg.report and kg.charts: the self-contained HTML report of the analysis."""

from __future__ import annotations

import doctest
import re
from html.parser import HTMLParser
from pathlib import Path

import kg.charts
import kg.report
from kg.analysis import analyse, top_entities
from kg.charts import bar_chart, line_chart, nice_ticks
from kg.cli import main
from kg.report import render_report, write_analysis, write_report
from tests.test_analysis import corpus, make
from tests.test_export import EVIL, hostile


class _Page(HTMLParser):
    """Tags, attributes and text of a page, for checks that are not string matching."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _section(page: str, anchor: str) -> str:
    match = re.search(rf'<section id="{anchor}">(.*?)</section>', page, re.S)
    assert match, anchor
    return match.group(1)


def test_report_has_the_tables_and_charts() -> None:
    a = analyse(corpus(), seed=0)
    page = render_report(a, title="测试")
    for anchor in ("types", "top", "time", "per-type", "communities", "pairs", "dates"):
        assert f'<section id="{anchor}">' in page
    panels = [k for k in top_entities(a.graph, 8) if k in a.monthly]
    assert page.count("<svg") == 3 + len(panels) and len(panels) > 3
    per_type = _section(page, "per-type")
    for head in ("mentions", "degree", "PageRank", "community"):
        assert f">{head}</th>" in per_type
    assert "习近平" in per_type and "南川区" in per_type
    assert "三泉镇 locatedIn 南川区" in _section(page, "pairs")
    dates = _section(page, "dates")
    assert "2022-12-31" in dates and "2023-03-10" in dates
    communities = _section(page, "communities")
    assert communities.count("<tr>") == len(a.communities) + 1
    assert f"largest first: {sum(len(c) > 1 for c in a.communities)} of two or more" in communities


def test_report_links_the_network_view_and_exports() -> None:
    page = _Page(render_report(analyse(corpus())))
    links = [d["href"] for t, d in page.tags if t == "a"]
    assert links[0] == "graph.html"
    assert {"graph.gexf", "graph.graphml", "nodes.csv", "edges.csv", "relations.csv"} <= set(links)


def test_report_is_self_contained() -> None:
    page = render_report(analyse(hostile()))
    tags = _Page(page).tags
    assert not [t for t, _ in tags if t in ("script", "link", "img", "iframe", "object")]
    for _, attrs in tags:  # the only URL is the SVG namespace, which is never fetched
        for name, value in attrs.items():
            if value and re.match(r"(https?:)?//", value):
                assert (name, value) == ("xmlns", "http://www.w3.org/2000/svg")
    assert "@import" not in page and "url(" not in page


def test_hostile_names_are_escaped() -> None:
    page = render_report(analyse(hostile()), title="<i>title</i>")
    assert "<script" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 1" in page
    assert "<title>&lt;i&gt;title&lt;/i&gt;</title>" in page
    text = "".join(_Page(page).text)
    assert EVIL in text  # shown as text, exactly
    assert '("http://x")' not in page and "(&quot;http://x&quot;)" in page  # quotes too


def test_charts_escape_and_scale() -> None:
    svg = bar_chart([(EVIL, 5, "#000"), ("南川区", 10, "#111")])
    assert "<script" not in svg and "&lt;script" in svg
    widths = [float(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="([\d.]+)"', svg)]
    assert widths[1] == 2 * widths[0]  # bars proportional to their values
    line = line_chart([(EVIL, {"2023-01": 4, "2023-03": 2})], ["2023-01", "2023-02", "2023-03"])
    assert "&lt;script" in line and "<script" not in line
    points = re.search(r'<polyline points="([^"]+)"', line).group(1).split()
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[1] > ys[2] > ys[0]  # 0 (missing month) lowest on the page, then 2, then 4
    assert nice_ticks(87) == [0, 20, 40, 60, 80, 100] and nice_ticks(3, 3) == [0, 1, 2, 3]


def test_undated_corpus_says_so() -> None:
    exts = [e for e in corpus() if e.article.date is None]
    page = render_report(analyse(exts))
    assert "No dated articles" in _section(page, "time") and "no dates" in page


def test_same_input_same_report(tmp_path: Path) -> None:
    one = write_report(analyse(corpus(), seed=2), tmp_path / "one.html").read_bytes()
    two = write_report(analyse(corpus()[::-1], seed=2), tmp_path / "two.html").read_bytes()
    assert one == two
    one.decode("utf-8")


def test_write_analysis_writes_report_and_exports(tmp_path: Path) -> None:
    paths = write_analysis(hostile(), tmp_path)
    assert set(paths) == {"report", "graphml", "gexf", "nodes", "edges", "relations"}
    assert all(p.parent == tmp_path and p.stat().st_size > 0 for p in paths.values())
    assert "南川区" in paths["report"].read_text(encoding="utf-8")


def test_build_writes_the_report(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["-o", str(out), "-q"]) == 0
    for name in (
        "report.html",
        "graph.html",
        "graph.graphml",
        "graph.gexf",
        "nodes.csv",
        "edges.csv",
    ):
        assert (out / name).is_file(), name
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="graph.html"' in page and "南川区" in page and "韩楚" in page


def test_doctests() -> None:
    assert doctest.testmod(kg.report).failed == 0
    assert doctest.testmod(kg.charts).failed == 0


def test_long_names_are_shortened_with_the_full_name_in_the_tooltip() -> None:
    long = ("Organisation", "中华人民共和国国务院国有资产监督管理委员会")
    page = render_report(analyse([*corpus(), make("l1", "2023-01-01", {long: 9})]))
    per_type = _section(page, "per-type")
    assert f'title="{long[1]} · 机构"' in per_type
    assert ">中华人民共和国国务院国…<" in per_type and f">{long[1]}<" not in per_type


def test_a_corpus_without_entities_still_gets_a_report() -> None:
    from kg.model import Article, Extraction

    page = render_report(analyse([Extraction(Article("x", "无名。"), (), (), ())]))
    assert "<b>0</b><span>entities</span>" in page and "No dated articles" in page


def test_write_analysis_leaves_no_reference_cycle(tmp_path: Path) -> None:
    """The entity graph is freed on return, not left to the collector (networkx's cached
    views refer back to the graph); the build pauses the collector while it writes."""
    import gc

    from kg.network import network

    exts = corpus()
    write_analysis(exts, tmp_path / "warm", net=network(exts))  # imports, caches
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        write_analysis(exts, tmp_path / "out", net=network(exts))
        left = gc.collect()
    finally:
        if was:
            gc.enable()
    assert left == 0 and (tmp_path / "out" / "graph.graphml").exists()

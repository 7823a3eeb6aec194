"""Tests for kg.analysis: the entity graph, centrality, communities, top lists and time."""

from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

import networkx as nx
import pytest

import kg.analysis
from kg.analysis import (
    analyse,
    communities,
    community_of,
    entity_graph,
    mentions_per_month,
    month_range,
    pagerank,
    strongest_pairs,
    top_by_type,
    top_entities,
    typed_relations,
)
from kg.model import ARTICLE, Article, Entity, Evidence, Extraction, Relation

ROOT = Path(__file__).resolve().parents[1]

XI, LI = ("Person", "习近平"), ("Person", "李强")
CN, BJ, NC = ("Place", "中国"), ("Place", "北京市"), ("Place", "南川区")
SQ = ("Place", "三泉镇")
GWY, CCTV = ("Organisation", "国务院"), ("Organisation", "央视网")
BRI = ("Programme", "一带一路")


def make(
    art: str,
    date: str | None,
    entities: dict[tuple[str, str], int],
    pairs: dict[tuple, int] | None = None,
    relations: tuple[Relation, ...] = (),
    aliases: dict[tuple[str, str], tuple[str, ...]] | None = None,
) -> Extraction:
    """A hand-made extraction: entities with mention counts, co-occurrence pair counts."""
    aliases = aliases or {}
    ents = tuple(Entity(k[0], k[1], aliases.get(k, ()), n) for k, n in sorted(entities.items()))
    ev = (Evidence(art, "句子。", 0, 3),)
    rels = [Relation(ARTICLE, "mentions", e.key, ev, count=e.mentions) for e in ents]
    rels += [Relation(a, "coOccursWith", b, ev * n, count=n) for (a, b), n in (pairs or {}).items()]
    return Extraction(Article(art, "句子。", date=date), (), ents, (*rels, *relations))


def corpus() -> list[Extraction]:
    """Two groups (national leaders; Chongqing places) joined by one weak link."""
    return [
        make("a1", "2023-01-05", {XI: 3, CN: 2, GWY: 1}, {(CN, XI): 2, (GWY, XI): 1},
             (Relation(XI, "holdsPost", "国家主席", at=CN),), {CN: ("中华人民共和国",)}),
        make("a2", "2023-03-10", {XI: 1, LI: 2, GWY: 2, CN: 1}, {(GWY, LI): 2, (LI, XI): 3, (CN, LI): 2, (GWY, XI): 2},
             (Relation(LI, "holdsPost", "总理", at=GWY), Relation(LI, "role", "代表"))),
        make("a3", "2022-12-31", {NC: 4, SQ: 2, BJ: 1}, {(NC, SQ): 3, (BJ, NC): 1},
             (Relation(SQ, "locatedIn", NC),), {NC: ("南川",)}),
        make("a4", None, {NC: 1, SQ: 1, CN: 1, BRI: 1}, {(NC, SQ): 1, (CN, NC): 1},
             (Relation(GWY, "runs", BRI), Relation(("Person", "王静"), "author", ARTICLE)),
             {NC: ("南川区人民政府",)}),
        make("a5", "2023-bad", {CCTV: 1}, {}, (Relation(CCTV, "publishedBy", CCTV),)),
    ]  # fmt: skip


def test_nodes_carry_type_name_aliases_mentions_and_dates() -> None:
    G = entity_graph(corpus())
    nc = G.nodes[NC]
    assert (nc["type"], nc["name"]) == ("Place", "南川区")
    assert nc["aliases"] == ("南川", "南川区人民政府")  # union over articles, sorted
    assert nc["mentions"] == 5 and nc["articles"] == 2
    assert (nc["first"], nc["last"]) == ("2022-12-31", "2022-12-31")  # a4 has no date
    assert G.nodes[CN]["aliases"] == ("中华人民共和国",)
    assert (G.nodes[XI]["first"], G.nodes[XI]["last"]) == ("2023-01-05", "2023-03-10")
    assert G.nodes[CCTV]["first"] == ""  # its only article's date is not yyyy-mm-dd
    # an entity a relation names but no article lists still becomes a node
    assert G.nodes[BRI]["mentions"] == 1 and BRI in G[GWY]


def test_edges_sum_cooccurrence_and_typed_relations() -> None:
    G = entity_graph(corpus())
    e = G.edges[NC, SQ]
    assert (e["cooccur"], e["typed"], e["weight"]) == (4, 1, 5)
    assert e["relations"] == "三泉镇 locatedIn 南川区"
    assert G.edges[XI, CN]["relations"] == "习近平 holdsPost(国家主席) 中国"
    assert G.edges[LI, GWY]["weight"] == 3  # 2 sentences + 1 holdsPost
    assert G.edges[GWY, BRI] == {
        "weight": 1,
        "cooccur": 0,
        "typed": 1,
        "relations": "国务院 runs 一带一路",
    }
    assert not any(G.has_edge(u, u) for u in G)  # publishedBy to itself is no edge
    assert ("Person", "王静") not in G  # author links a person to the article, not an entity


def test_typed_relations_count_articles_not_evidence() -> None:
    ev = Evidence("x", "s", 0, 1)
    r = Relation(SQ, "locatedIn", NC, (ev, ev, ev))
    exts = [make(a, None, {SQ: 1, NC: 1}, relations=(r, r)) for a in ("x", "y")]
    assert typed_relations(exts) == Counter({(SQ, "locatedIn", NC, ""): 2})


def test_graph_does_not_depend_on_article_order() -> None:
    a, b = entity_graph(corpus()), entity_graph(corpus()[::-1])
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))


def test_degree_and_pagerank_rank_the_hub_first() -> None:
    G = entity_graph(corpus())
    pr = pagerank(G)
    assert abs(sum(pr.values()) - 1) < 1e-9
    degree = dict(G.degree())
    # the Chongqing hub outranks the places that only it links to
    assert pr[NC] > pr[SQ] > pr[BJ]
    assert degree[NC] == 3 and degree[BJ] == 1


def test_pagerank_follows_weights() -> None:
    G = nx.Graph()
    G.add_edge("a", "hub", weight=10)
    G.add_edge("b", "hub", weight=1)
    pr = pagerank(G)
    assert pr["a"] > pr["b"]
    assert pagerank(nx.Graph()) == {}


def test_communities_split_the_two_groups() -> None:
    G = entity_graph(corpus())
    parts = communities(G, seed=0)
    assert sorted(map(len, parts), reverse=True) == list(map(len, parts))  # largest first
    comm = community_of(parts)
    assert comm[XI] == comm[LI] == comm[GWY]
    assert comm[NC] == comm[SQ] == comm[BJ]
    assert comm[XI] != comm[NC]
    assert sorted(n for p in parts for n in p) == sorted(G)  # a partition of the nodes
    for part in parts:  # most mentioned member first
        m = [G.nodes[n]["mentions"] for n in part]
        assert m == sorted(m, reverse=True)


def test_communities_are_the_same_for_the_same_seed() -> None:
    G = nx.les_miserables_graph()
    for n in G:
        G.nodes[n]["mentions"] = G.degree(n)
    first = communities(G, seed=7)
    assert communities(G, seed=7) == first
    assert communities(nx.Graph(G), seed=7) == first  # a copy too
    assert len(first) > 3


def _communities_in_subprocess(hash_seed: str) -> list:
    code = (
        "import json\n"
        "from kg.ingest import iter_articles\n"
        "from kg.pipeline import SAMPLE_DIR, build, get_extractor\n"
        "from kg.analysis import analyse\n"
        "ex = get_extractor()\n"
        "a = analyse(build([ex(x) for x in iter_articles([str(SAMPLE_DIR)])]), seed=3)\n"
        "print(json.dumps([[list(k) for k in p] for p in a.communities], ensure_ascii=False))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)  # fmt: skip
    return json.loads(out.stdout)


def test_communities_are_the_same_in_every_process() -> None:
    """Louvain over sets of string tuples: set order changes with the hash seed, the
    communities must not."""
    a, b = _communities_in_subprocess("1"), _communities_in_subprocess("12345")
    assert a == b and len(a) > 1


def test_top_entities_per_type_and_ties() -> None:
    G = entity_graph(corpus())
    assert top_entities(G, 3) == [NC, XI, CN]  # 5, 4, 4 mentions: ties by key
    tops = top_by_type(G, 2)
    assert list(tops) == ["Person", "Place", "Organisation", "Programme"]
    assert tops["Person"] == [XI, LI] and tops["Place"] == [NC, CN]
    assert tops["Programme"] == [BRI]
    pr = pagerank(G)
    best_place = max((k for k in G if k[0] == "Place"), key=pr.get)
    assert top_entities(G, 1, by=pr, type="Place") == [best_place]
    assert top_by_type(G, 1, by=pr)["Place"] == [best_place]
    assert top_by_type(G, 1, by="articles")["Place"] == [CN]  # 3 articles


def test_strongest_pairs() -> None:
    G = entity_graph(corpus())
    # pairs in key order; ties (3 sentences each) by key: Organisation < Person < Place
    assert strongest_pairs(G, 3) == [(SQ, NC, 4), (GWY, XI, 3), (XI, LI, 3)]
    assert all(c > 0 and u < v for u, v, c in strongest_pairs(G, 100))
    assert strongest_pairs(G, 1, by="weight") == [(SQ, NC, 5)]


def test_mentions_per_month_on_dated_articles() -> None:
    exts = corpus() + [make("a6", "2023-01-31", {XI: 5})]
    monthly = mentions_per_month(exts)
    assert monthly[XI] == Counter({"2023-01": 8, "2023-03": 1})
    assert monthly[NC] == Counter({"2022-12": 4})  # the undated article is left out
    assert CCTV not in monthly  # so is the badly dated one
    assert set(mentions_per_month(exts, [XI])) == {XI}


def test_month_range() -> None:
    assert month_range("2022-11", "2023-02") == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert month_range("2023-05-20", "2023-05-01") == ["2023-05"]
    assert month_range("", "2023-01") == [] and month_range("2023-02", "2023-01") == []


def test_analyse_on_the_sample() -> None:
    from kg.ingest import iter_articles
    from kg.pipeline import SAMPLE_DIR, build, get_extractor

    ex = get_extractor()
    exts = build([ex(a) for a in iter_articles([str(SAMPLE_DIR)])])
    a = analyse(exts, seed=0)
    G = a.graph
    assert a.articles == 1 and a.first == a.last == "2022-10-20"
    names = {G.nodes[k]["name"] for k in G}
    assert {"南川区", "韩楚", "书记工作室"} <= names
    assert max(a.pagerank, key=a.pagerank.get) == ("Place", "南川区")
    assert a.degree[("Place", "南川区")] == max(a.degree.values())
    assert set(a.community) == set(G)
    assert analyse(exts, seed=0).communities == a.communities


def test_doctests() -> None:
    assert doctest.testmod(kg.analysis).failed == 0


@pytest.fixture(scope="module")
def cctv_1000(shared: Path) -> list[Extraction]:
    from kg.ingest import iter_articles
    from kg.pipeline import build, get_extractor

    path = shared / "data" / "cctv_xwlb_news" / "xwlb_stories.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} absent")
    ex = get_extractor()
    return build([ex(a) for a in islice(iter_articles([path]), 1000)])


@pytest.mark.shared
def test_analysis_of_1000_cctv_stories(cctv_1000: list[Extraction]) -> None:
    a = analyse(cctv_1000, seed=0)
    G = a.graph
    assert a.articles == 1000 and a.dated == 1000
    assert G.number_of_nodes() > 2000 and G.number_of_edges() > 5000
    assert abs(sum(a.pagerank.values()) - 1) < 1e-6
    assert sorted(n for p in a.communities for n in p) == sorted(G)
    assert len(a.communities[0]) > 50  # real structure, not singletons only
    people = top_by_type(G, 3)["Person"]
    assert ("Person", "习近平") in people  # the news programme's most named person
    for _, d in G.nodes(data=True):  # every dated entity's dates lie within the corpus
        if d["first"]:
            assert a.first <= d["first"] <= d["last"] <= a.last
    # the strongest pair's count is the sum of that pair's co-occurrence relations
    u, v, c = strongest_pairs(G, 1)[0]
    again = sum(r.count for x in cctv_1000 for r in x.relations
                if r.predicate == "coOccursWith" and {r.subject, r.object} == {u, v})  # fmt: skip
    assert c == again > 20
    # mentions per month add up to the entity's mentions (every story is dated)
    for k in top_entities(G, 5):
        assert sum(a.monthly[k].values()) == G.nodes[k]["mentions"]


def test_the_view_network_gathers_what_the_analysis_needs() -> None:
    from kg.network import network

    exts = corpus()
    net = network(exts)
    assert net.typed == typed_relations(exts) and net.typed
    a, b = analyse(exts, seed=0), analyse(exts, seed=0, net=net)
    assert nx.utils.graphs_equal(a.graph, b.graph) and a.communities == b.communities
    dated = {k: d["first"] for k, d in a.graph.nodes(data=True) if d["first"]}
    assert dated and dated == {k: v for k, v in net.first.items() if k in dated}


def _plain_entity_graph(net) -> nx.Graph:
    """entity_graph the plain way: networkx's add_nodes_from / add_edges_from, pairs sorted
    by node rank (the code before the fast path)."""
    cooccur = {(a, b): d["count"] for (a, b, rel), d in net.edges.items() if rel == "coOccursWith"}
    labels: dict = {}
    typed: Counter = Counter()
    for (s, pred, o, post), n in net.typed.items():
        pair = (s, o) if s <= o else (o, s)
        typed[pair] += n
        p = f"holdsPost({post})" if pred == "holdsPost" else pred
        labels.setdefault(pair, []).append(f"{s[1]} {p} {o[1]}")
    linked = cooccur.keys() | typed.keys()
    keys = sorted({k for k, d in net.nodes.items() if d["articles"]} | {k for p in linked for k in p})
    rank = {k: i for i, k in enumerate(keys)}
    none = {"aliases": (), "mentions": 0, "articles": 0}
    G = nx.Graph()
    G.add_nodes_from(
        (k, {"type": k[0], "name": k[1], "aliases": tuple(d["aliases"]), "mentions": d["mentions"],
             "articles": d["articles"], "first": net.first.get(k, ""), "last": net.last.get(k, "")})
        for k in keys
        for d in (net.nodes.get(k, none),)
    )  # fmt: skip
    for u, v in sorted(linked, key=lambda p: (rank[p[0]], rank[p[1]])):
        c, t = cooccur.get((u, v), 0), typed.get((u, v), 0)
        G.add_edge(u, v, weight=c + t, cooccur=c, typed=t,
                   relations="; ".join(sorted(labels[u, v])) if t else "")  # fmt: skip
    return G


def _same_graph(G: nx.Graph, H: nx.Graph) -> None:
    """The same nodes, data and adjacency, in the same order (what the exports and
    the communities depend on)."""
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert [(u, list(nbrs.items())) for u, nbrs in G.adj.items()] == [
        (u, list(nbrs.items())) for u, nbrs in H.adj.items()
    ]
    assert list(G.edges(data=True)) == list(H.edges(data=True))


def test_entity_graph_is_the_plain_construction() -> None:
    from kg.network import network

    net = network(corpus())
    _same_graph(entity_graph(net), _plain_entity_graph(net))
    G = entity_graph(net)
    G.add_edge(("Place", "甲"), ("Place", "乙"))  # a graph that networkx keeps working on
    assert G.degree(("Place", "甲")) == 1 and nx.number_connected_components(G) >= 1


@pytest.mark.shared
def test_entity_graph_is_the_plain_construction_on_1000_cctv_stories(
    cctv_1000: list[Extraction],
) -> None:
    from kg.network import network

    net = network(cctv_1000)
    G = entity_graph(net)
    assert G.number_of_edges() > 5000
    _same_graph(G, _plain_entity_graph(net))


def test_pagerank_is_networkx_pagerank() -> None:
    """The fast path gives networkx's very numbers (not just close ones), self-loops too."""
    G = entity_graph(corpus())
    want = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10, max_iter=200)
    assert pagerank(G) == want and list(pagerank(G)) == list(want)
    G.add_edge(SQ, SQ, weight=3)
    G.add_node(("Place", "孤岛"))  # dangling
    assert pagerank(G) == nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10, max_iter=200)


@pytest.mark.shared
def test_pagerank_is_networkx_pagerank_on_1000_cctv_stories(cctv_1000: list[Extraction]) -> None:
    G = entity_graph(cctv_1000)
    assert pagerank(G) == nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-10, max_iter=200)


@pytest.mark.parametrize("by", ["mentions", "articles", "pagerank"])
def test_top_entities_is_the_plain_ranking(by: str) -> None:
    G = entity_graph(corpus())
    G.add_node(("Place", "无名"), type="Place")  # no score: counts as 0
    score = pagerank(G) if by == "pagerank" else {k: d.get(by, 0) for k, d in G.nodes(data=True)}
    for type in (None, "Person", "Place", "Organisation"):
        plain = sorted((k for k, t in G.nodes(data="type") if type is None or t == type),
                       key=lambda k: (-score.get(k, 0), k))  # fmt: skip
        for n in (1, 3, 1000):
            assert top_entities(G, n, score if by == "pagerank" else by, type) == plain[:n]
    assert len(plain) > 1


def test_strongest_pairs_is_the_plain_ranking() -> None:
    G = entity_graph(corpus())
    G.add_edge(("Place", "甲"), ("Place", "乙"), cooccur=2, typed=0)  # the larger end first
    for by in ("cooccur", "typed", "weight"):
        edges = [(*sorted((u, v)), d.get(by, 0)) for u, v, d in G.edges(data=True)]
        plain = sorted((e for e in edges if e[2] > 0), key=lambda e: (-e[2], e[0], e[1]))
        for n in (1, 2, 1000):
            assert strongest_pairs(G, n, by) == plain[:n]
    assert (("Place", "乙"), ("Place", "甲"), 2) in strongest_pairs(G, 1000)  # "乙" < "甲"


def test_mentions_per_month_of_some_keys_is_the_filtered_whole() -> None:
    e = Entity("Place", "中国", (), 2)
    same_name = Extraction(Article("x", "", date="2023-01-05"), (),
                           (Entity("Organisation", "中国", (), 5), e), ())  # fmt: skip
    exts = corpus() + [same_name]
    whole = mentions_per_month(exts)
    for keys in ([e.key], [XI, e.key, ("Person", "无此人")], []):
        assert mentions_per_month(exts, keys) == {k: v for k, v in whole.items() if k in keys}
    assert ("Organisation", "中国") in whole and whole[e.key]["2023-01"] >= 2

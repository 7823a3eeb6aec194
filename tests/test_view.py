"""Tests for kg.network (the entity network of a corpus) and kg.view (the HTML page).

The page's behaviour in a real browser is tested in ``test_browser.py``; here: the
network, what is chosen for drawing, and that the page file is self-contained and
carries hostile text only as escaped data."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest

from kg.cli import main
from kg.model import ARTICLE, Article, Entity, Evidence, Extraction, Relation
from kg.network import importance, select, to_networkx
from kg.view import script_json, write_view
from tests.test_rdf import PERSON_HAN, PLACE_CENTRE, PLACE_NANCHUAN, _ev, make_extraction

HOSTILE = (
    "<script>alert(1)</script>",
    "</script><script>window.__pwned=1</script>",
    "<img src=x onerror=alert(2)>",
    "javascript:alert(3)",
    '<a href="javascript:alert(4)">href</a>',
    "A&B \u2028 \u2029 <!-- x",
)


def page_data(page: str) -> dict:
    """The JSON data block of a written page."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def hostile_extraction() -> Extraction:
    """Hand-made entities, aliases, posts, titles, evidence and URLs full of markup."""
    text = "".join(HOSTILE)
    article = Article(
        "evil/1", text, title=HOSTILE[1], date="2024-01-01", url="javascript:alert(5)"
    )
    ev = Evidence("evil/1", HOSTILE[2] + HOSTILE[4], 0, 10)
    person = Entity("Person", HOSTILE[0], (HOSTILE[3], HOSTILE[4]), mentions=3)
    org = Entity("Organisation", HOSTILE[1], (HOSTILE[5],), mentions=2)
    place = Entity("Place", HOSTILE[2], mentions=1)
    relations = (
        Relation(person.key, "holdsPost", HOSTILE[4], (ev,), at=org.key),
        Relation(org.key, "locatedIn", place.key, (ev,)),
        Relation(person.key, "coOccursWith", place.key, (ev,), count=2),
        Relation(ARTICLE, "mentions", person.key, (ev,)),
    )
    return Extraction(article, (), (person, org, place), relations)


# --------------------------------------------------------------------------- network


def test_to_networkx_nodes_and_edges() -> None:
    net = to_networkx([make_extraction()])
    han = net.nodes[PERSON_HAN]
    assert (han["type"], han["name"], han["mentions"], han["articles"]) == ("Person", "韩楚", 2, 1)
    assert han["posts"] == [("第一书记", "鸣玉镇中心社区")]
    assert han["post_evidence"][("第一书记", "鸣玉镇中心社区")][0].sentence.startswith("鸣玉镇")
    assert han["mention_evidence"] and "韩楚" in han["mention_evidence"][0].sentence
    assert net.nodes[PLACE_NANCHUAN]["aliases"] == ["南川"]
    assert sorted(k for *_, k in net.edges(keys=True)) == [
        "coOccursWith", "holdsPost", "locatedIn", "locatedIn", "runs"
    ]  # fmt: skip
    post = net.edges[PERSON_HAN, PLACE_CENTRE, "holdsPost"]
    assert post["posts"] == ["第一书记"] and post["evidence"][0].article == make_extraction().article.id
    co = net.edges[PERSON_HAN, PLACE_NANCHUAN, "coOccursWith"]
    assert co["count"] == 2 and len(co["evidence"]) == 2
    assert net.graph["articles"][make_extraction().article.id].title.startswith("南川")


def test_to_networkx_adds_up_articles_and_stores_symmetric_relations_once() -> None:
    a, b = make_extraction("a1"), make_extraction("a2")
    flipped = Relation(PLACE_NANCHUAN, "coOccursWith", PERSON_HAN, (_ev("韩楚说", "a2"),), count=3)
    b = Extraction(b.article, (), b.entities, b.relations + (flipped,))
    net = to_networkx([a, b])
    assert net.nodes[PERSON_HAN]["mentions"] == 4 and net.nodes[PERSON_HAN]["articles"] == 2
    co = [(x, y) for x, y, k in net.edges(keys=True) if k == "coOccursWith"]
    assert len(co) == 1  # both directions, both articles: one edge
    assert net.edges[co[0] + ("coOccursWith",)]["count"] == 2 + 2 + 3
    assert net.edges[PERSON_HAN, PLACE_CENTRE, "holdsPost"]["count"] == 2


def test_importance_and_select() -> None:
    net = to_networkx([make_extraction()])
    score = importance(net)
    assert max(score, key=score.get) == PLACE_NANCHUAN  # 3 mentions and the most relations
    assert select(net, top=2).nodes == sorted(net, key=lambda k: (-score[k], k))[:2]
    assert len(select(net).nodes) == net.number_of_nodes()  # small graphs: everything
    people = select(net, types=["Person"])
    assert {k[0] for k in people.nodes} == {"Person"}
    near = select(net, focus="韩楚", hops=1)
    assert near.focus == [PERSON_HAN] and near.nodes[0] == PERSON_HAN
    assert set(near.nodes) == {PERSON_HAN, PLACE_CENTRE, PLACE_NANCHUAN}
    assert select(net, focus="南川").focus == [PLACE_NANCHUAN]  # an alias finds it
    assert select(net, focus="无此人").missing_focus == "无此人"


# --------------------------------------------------------------------------- page


def test_page_is_utf8_self_contained_and_pinned_by_csp(tmp_path: Path) -> None:
    out = write_view([make_extraction()], tmp_path / "view.html", title="南川 <测试>")
    page = out.read_bytes().decode("utf-8")  # strict: must be valid UTF-8
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>南川 &lt;测试&gt;</title>" in page and "<测试>" not in page
    markup = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S).lower()
    for absent in ("<link", "src=", "href=", "url(", "<iframe", "<object", "<embed"):
        assert absent not in markup, absent
    for absent in ("bootstrap", "node_modules", "cdnjs", "jsdelivr", "unpkg", "@import"):
        assert absent not in page.lower(), absent
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2 and "vis-network" in scripts[0]  # pyvis's copy, inlined
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    data = page_data(page)
    names = {e[0] for e in data["entities"]}
    assert {"韩楚", "王静", "南川区", "鸣玉镇中心社区", "书记工作室"} <= names
    assert len(data["nodes"]) == len(data["entities"]) == 8
    summary = data["summary"]
    assert (summary["articles"], summary["entities"], summary["shownEntities"]) == (1, 8, 8)
    assert summary["leftOut"] == []


def test_panel_data_has_posts_relations_and_evidence(tmp_path: Path) -> None:
    data = page_data(write_view([make_extraction()], tmp_path / "v.html").read_text("utf-8"))
    names = [e[0] for e in data["entities"]]
    han = names.index("韩楚")
    details = data["details"][str(han)]
    (post,) = details["posts"]
    assert post[:2] == ["第一书记", "鸣玉镇中心社区"]
    article, sentence, start, end, part = post[2][0]
    assert "第一书记韩楚" in sentence and part == "text" and 0 <= start < end
    assert data["articles"][article][1:3] == ["南川 党建引领促发展 凝心筑梦谱新篇", "2022-10-20"]
    relations = {(data["relations"][r[0]][0], names[r[2]]) for r in details["rels"]}
    assert relations == {("holdsPost", "鸣玉镇中心社区")}
    assert [names[c[0]] for c in details["co"]] == ["南川区"]
    drawn = {(names[e[0]], names[e[1]], data["relations"][e[2]][0]) for e in data["edges"]}
    assert ("韩楚", "鸣玉镇中心社区", "holdsPost") in drawn
    assert ("观音村", "三泉镇", "locatedIn") in drawn


def test_hostile_text_is_only_escaped_data(tmp_path: Path) -> None:
    page = write_view([hostile_extraction()], tmp_path / "evil.html", title=HOSTILE[0])
    text = page.read_text(encoding="utf-8")
    for bad in ("<script>alert", "</script><script>", "<img", "<a href", "\u2028", "<!--"):
        assert bad not in text, bad
    assert text.count("</script>") == 3  # the data block and the two scripts
    data = page_data(text)  # … and the data decodes back to the very same strings
    assert {e[0] for e in data["entities"]} == {HOSTILE[0], HOSTILE[1], HOSTILE[2]}
    assert data["title"] == HOSTILE[0]
    assert data["articles"][0][1] == HOSTILE[1] and data["articles"][0][4] == "javascript:alert(5)"


def test_script_json_escapes() -> None:
    raw = {"s": "</script><!--&\u2028\u2029"}
    text = script_json(raw)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == raw


def test_large_views_say_what_is_left_out(tmp_path: Path) -> None:
    page = write_view([make_extraction()], tmp_path / "v.html", top=3).read_text("utf-8")
    data = page_data(page)
    assert len(data["nodes"]) == 3 and len(data["entities"]) == 8  # all entities searchable
    assert "5 more are found by search" in " ".join(data["summary"]["leftOut"])
    hidden = [i for i, e in enumerate(data["entities"]) if not e[5]]
    assert hidden and all(str(i) not in data["details"] for i in hidden)
    assert data["links"]  # undrawn entities bring their links to drawn ones
    missing = write_view([make_extraction()], tmp_path / "m.html", focus="无此人")
    assert "no entity is named “无此人”" in page_data(missing.read_text("utf-8"))["summary"]["leftOut"][0]
    with pytest.raises(ValueError, match="unknown entity type"):
        write_view([make_extraction()], tmp_path / "x.html", types=["People"])


def test_build_view_options(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "out"
    args = ["-q", "-o", str(out), "--view-focus", "韩楚", "--hops", "1", "--view-type", "人物,Place"]
    assert main(args) == 0
    data = page_data((out / "graph.html").read_text("utf-8"))
    names = [e[0] for e in data["entities"]]
    assert names[data["focus"][0]] == "韩楚"
    drawn = {names[i] for i in data["nodes"]}
    assert "韩楚" in drawn and len(drawn) < len(names)
    assert {data["types"][data["entities"][i][1]][0] for i in data["nodes"]} <= {"Person", "Place"}
    assert main(["-q", "-o", str(out), "--view-top", "4"]) == 0
    assert len(page_data((out / "graph.html").read_text("utf-8"))["nodes"]) == 4
    with pytest.raises(SystemExit) as stop:
        main(["-o", str(out), "--view-type", "Persons"])
    assert stop.value.code == 2 and "unknown type 'Persons'" in capsys.readouterr().err


def test_network_of_a_graph_is_the_network_itself() -> None:
    from kg.network import Network, network

    exts = [make_extraction("a1"), make_extraction("a2")]
    net = network(exts)
    again = Network.of(to_networkx(exts))
    assert list(again.nodes) == list(net.nodes) and list(again.edges) == list(net.edges)
    assert all(again.incident(k) == net.incident(k) for k in net.nodes)
    assert select(net, top=2).nodes == select(to_networkx(exts), top=2).nodes


def test_doctests() -> None:
    import doctest

    import kg.gcpause
    import kg.network
    import kg.view

    for module in (kg.network, kg.view, kg.gcpause):
        assert doctest.testmod(module).failed == 0, module.__name__


def _plain_drawn_edges(net, selection, per_node: int) -> list:
    """page_data's edges the plain way: every edge of the network looked at once."""
    from kg.network import RELATIONS

    drawn = set(selection.nodes)
    keys = sorted(net.nodes, key=lambda k: (-selection.score[k], k))
    index = {k: i for i, k in enumerate(keys)}
    strongest: dict = {}
    for (a, b, rel), data in net.edges.items():
        if a in drawn and b in drawn:
            kind = "co" if rel == "coOccursWith" else "typed"
            for end in (a, b):
                strongest.setdefault((kind, end), []).append((-data["count"], a, b, rel, data))
    kept = {}
    for (kind, _), items in strongest.items():
        for _, a, b, rel, data in sorted(items, key=lambda x: x[:4])[: per_node if kind == "co" else 12]:
            kept[a, b, rel] = data
    return [
        [index[a], index[b], RELATIONS.index(rel), d["count"], "、".join(d.get("posts", ()))]
        for (a, b, rel), d in sorted(kept.items(), key=lambda x: (x[0][2] == "coOccursWith", x[0]))
    ]


def test_the_network_shortcuts_are_the_plain_computations() -> None:
    """importance from the counts gathered by network(), incident edges found per node
    and the drawn edges found from the drawn entities give what the plain loops give."""
    from kg.network import Network, network
    from kg.view import page_data as data_of
    from tests.test_analysis import corpus

    exts = corpus() + [make_extraction("a1"), make_extraction("a2"), hostile_extraction()]
    net = network(exts)
    plain = Network.of(to_networkx(exts))  # no counts gathered: the plain loop
    assert net.strength is not None and plain.strength is None
    assert importance(net) == importance(plain) and len(importance(net)) == len(net.nodes)
    for k in net.nodes:
        edges = [(a, b, rel, d) for (a, b, rel), d in net.edges.items() if k in (a, b)]
        assert net.incident(k) == [e for e in edges if e[0] == k] + [e for e in edges if e[1] == k]
    for top in (3, 6, 100):
        sel = select(net, top=top)
        for per_node in (1, 5):
            data = data_of(net, sel, title="t", cooccur_per_node=per_node)
            got = data["edges"]
            assert got == _plain_drawn_edges(net, sel, per_node)
        keys = sorted(net.nodes, key=lambda k: (-sel.score[k], k))
        assert [e[0] for e in data["entities"]] == [k[1] for k in keys]
        for k in sel.nodes:  # the strongest co-occurring entities of each drawn one
            partners = [(d["count"], b if a == k else a) for a, b, rel, d in net.incident(k)
                        if rel == "coOccursWith"]  # fmt: skip
            partners.sort(key=lambda p: (-p[0], p[1]))
            want = [[keys.index(o), n] for n, o in partners[:10]]
            assert [c[:2] for c in data["details"][keys.index(k)]["co"]] == want
    assert got  # the edges of the whole network


def test_network_edges_are_in_node_order_with_their_counts() -> None:
    """network() sorts each subject's edges apart: the result is the one sorted order."""
    from kg.network import network
    from tests.test_analysis import corpus

    exts = corpus() + [make_extraction("a1"), make_extraction("a2"), hostile_extraction()]
    for articles in (exts, exts[::-1]):
        net = network(articles)
        rank = {k: i for i, k in enumerate(sorted(net.nodes))}
        assert list(net.nodes) == sorted(net.nodes)
        assert list(net.edges) == sorted(net.edges, key=lambda e: (rank[e[0]], rank[e[1]], e[2]))
        assert {rel for *_, rel in net.edges} > {"coOccursWith", "holdsPost", "locatedIn"}
        strength = dict.fromkeys(net.nodes, 0)
        for (a, b, _), d in net.edges.items():
            strength[a] += d["count"]
            strength[b] += d["count"]
        assert net.strength == strength
    again = network(exts)  # the same edges and counts in either article order
    assert [(k, d["count"]) for k, d in again.edges.items()] == [
        (k, d["count"]) for k, d in net.edges.items()
    ]

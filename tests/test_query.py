"""Tests of kg.store and kg.query: the Oxigraph store, the query command and every
example query of ontology/queries/ with its answer on the bundled sample."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.pipeline import SAMPLE_DIR
from kg.query import QUERIES_DIR, QueryError, format_result, load_query, run_query, width
from kg.rdf import corpus_iri
from kg.store import open_store

TOTALS = str(corpus_iri())

ROOT = Path(__file__).resolve().parents[1]


def _build(paths: list[Path], out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "build.py", *map(str, paths), "-o", str(out), "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    assert _build([], folder).returncode == 0
    return folder


def _rows(out: Path, name: str) -> list[tuple]:
    result = run_query(open_store(out, read_only=True), load_query(name))
    names = [v.value for v in result.variables]
    return [tuple(sol[n].value if sol[n] is not None else None for n in names) for sol in result]


def test_there_are_at_least_ten_commented_example_queries() -> None:
    queries = sorted(QUERIES_DIR.glob("*.rq"))
    assert len(queries) >= 10
    for q in queries:
        assert q.read_text(encoding="utf-8").startswith("#"), q.name


def test_people_posts(out: Path) -> None:
    assert _rows(out, "people-posts") == [("韩楚", "第一书记", "鸣玉镇中心社区")]


def test_places_inside_places_transitively(out: Path) -> None:
    rows = set(_rows(out, "places-inside"))
    assert all(inside != "重庆市" for _, inside in rows)  # only what is inside 南川区
    # each place with the place it sits in directly, down the chain 南川区 ⊃ 三泉镇 ⊃ 观音村 ⊃ …
    assert {("三泉镇", "南川区"), ("观音村", "三泉镇"), ("观音岩驿站", "观音村")} <= rows


def test_programmes_and_who_runs_them(out: Path) -> None:
    rows = {(p, r) for p, r, _ in _rows(out, "programmes-runners")}
    assert {("五进五联", "南川区"), ("书记工作室", "南川区"), ("坝坝加油站", "观音岩驿站")} <= rows


def test_where_posts_are_held(out: Path) -> None:
    assert _rows(out, "where-posts-are-held") == [("鸣玉镇中心社区", "韩楚", "第一书记")]


def test_who_appears_with_whom_most_often(out: Path) -> None:
    rows = _rows(out, "cooccurring-people")
    counts = [int(n) for _, _, n in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    assert ("南川区", "坝坝加油站", "3") in rows


def test_everything_about_one_entity_with_evidence(out: Path) -> None:
    rows = _rows(out, "entity-facts")
    post = [r for r in rows if r[0].endswith("holdsPost")]
    # one row per fact: the post, how many sentences state it, one of them
    assert post and post[0][1] == "第一书记" and int(post[0][2]) >= 1 and "韩楚" in post[0][3]
    assert not any(r[0].endswith(("coOccursWith", "mentions")) for r in rows)


def test_articles_mentioning_an_entity_between_two_dates(out: Path) -> None:
    rows = _rows(out, "articles-mentioning")
    assert [(a, d) for a, d, _ in rows] == [("cqrb-2022-10-20-p015-nanchuan.txt", "2022-10-20")]


def test_most_mentioned_entities_per_type(out: Path) -> None:
    rows = _rows(out, "most-mentioned")
    places = [r for r in rows if r[0] == "Place"]
    assert places[0][1] == "南川区" and int(places[0][2]) > 10


def test_aliases(out: Path) -> None:
    rows = set(_rows(out, "aliases"))
    assert {
        ("Place", "南川区", "南川"),
        ("Person", "李永进", "老李"),
        ("Person", "李永进", "李叔"),
    } <= rows


def test_article_credits(out: Path) -> None:
    rows = {(n, r, p) for _, n, r, p in _rows(out, "article-credits")}
    assert rows == {
        ("重庆日报", "author", "王静"),
        ("重庆日报", "author", "刘廷"),
        ("重庆日报", "photographer", "汪新"),
    }


def test_ask_whether_a_place_is_inside_another(out: Path) -> None:
    assert bool(run_query(open_store(out, read_only=True), load_query("is-inside")))


def test_every_example_query_runs(out: Path) -> None:
    store = open_store(out, read_only=True)
    for q in sorted(QUERIES_DIR.glob("*.rq")):
        assert format_result(run_query(store, q.read_text(encoding="utf-8")))


def test_a_syntax_error_says_where(out: Path) -> None:
    with pytest.raises(QueryError, match=r"1:\d+"):
        run_query(open_store(out, read_only=True), "SELECT ?x WHERE { ?x ?y }")


def test_table_aligns_chinese_text() -> None:
    assert width("韩楚") == 4 and width("ab") == 2


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_command_formats(out: Path, fmt: str) -> None:
    proc = subprocess.run(
        [sys.executable, "build.py", "query", "people-posts", "-o", str(out), "--format", fmt],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    if fmt == "json":
        bindings = json.loads(proc.stdout)["results"]["bindings"]
        assert bindings[0]["person"]["value"] == "韩楚"
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(proc.stdout)))
        assert rows[0] == ["person", "post", "where"] and rows[1][0] == "韩楚"
    elif fmt == "tsv":
        assert "韩楚" in proc.stdout and "\t" in proc.stdout
    else:
        assert "韩楚" in proc.stdout and "(1 row)" in proc.stdout


def test_query_command_reports_errors_without_a_traceback(out: Path, tmp_path: Path) -> None:
    for args in (
        ["SELECT ?x WHERE { ?x ?y }", "-o", str(out)],
        ["people-posts", "-o", str(tmp_path / "none")],
    ):
        proc = subprocess.run([sys.executable, "build.py", "query", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)  # fmt: skip
        assert (
            proc.returncode == 2
            and proc.stderr.startswith("error:")
            and "Traceback" not in proc.stderr
        )


def test_rebuilding_updates_the_store_graph_by_graph(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_DIR / "cqrb-2022-10-20-p015-nanchuan.txt", corpus)
    extra = corpus / "extra.txt"
    extra.write_text(
        "奉节县开展“三联三帮”行动。\n县委书记李明远说，要把工作做实。", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert _build([corpus], out).returncode == 0
    article = "https://kg.example.org/id/article/cqrb-2022-10-20-p015-nanchuan.txt"
    # one named graph per article; the corpus totals are in the default graph
    assert {g.value for g in open_store(out).named_graphs()} == {
        article, "https://kg.example.org/id/article/extra.txt"}  # fmt: skip
    assert TOTALS not in {g.value for g in open_store(out).named_graphs()}
    extra.unlink()  # the article is gone: its graph goes too
    assert _build([corpus], out).returncode == 0
    store = open_store(out)
    assert {g.value for g in store.named_graphs()} == {article}
    # and the corpus totals no longer count it
    mentions, pairs = _totals_read(store)
    assert mentions == _mentions_by_aggregation(store)
    assert pairs == _pairs_of_the_articles([corpus])
    assert not any(name.startswith("奉节") for name in _totals_read(store)[0])
    assert not bool(store.query('ASK { ?p rdfs:label "三联三帮"@zh }', prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
                                use_default_graph_as_union=True))  # fmt: skip
    assert not bool(store.query('ASK { ?p rdfs:label "李明远"@zh }', prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
                                use_default_graph_as_union=True))  # fmt: skip


_AGGREGATE_MENTIONS = """
SELECT ?name (SUM(COALESCE(?c, 1)) AS ?n) WHERE {
  GRAPH ?g { ?st rdf:predicate kg:mentions ; rdf:object ?e . OPTIONAL { ?st kg:count ?c } }
  ?e rdfs:label ?name .
} GROUP BY ?name"""
_READ_MENTIONS = "SELECT ?name ?n WHERE { ?e kg:totalMentions ?n ; rdfs:label ?name }"
_READ_PAIRS = """SELECT ?a ?b ?n WHERE {
  ?p a kg:CoOccurrence ; kg:entityA ?x ; kg:entityB ?y ; kg:sentences ?n .
  ?x rdfs:label ?a . ?y rdfs:label ?b . }"""


def _row_set(store, query: str) -> set[tuple]:
    return {tuple(term.value for term in sol) for sol in run_query(store, query)}


def _mentions_by_aggregation(store) -> dict:
    return {name: int(n) for name, n in _row_set(store, _AGGREGATE_MENTIONS)}


def _pairs_of_the_articles(paths: list[Path]) -> dict:
    """Sentences shared by each pair of entities, summed over the articles' extractions
    (an article's graph holds only the plain coOccursWith triple, not its count)."""
    from kg.ingest import iter_articles
    from kg.normalize import merge_corpus
    from kg.pipeline import get_extractor

    extract = get_extractor()
    pairs: dict = {}
    for ext in merge_corpus([extract(a) for a in iter_articles(paths)]):
        seen: dict = {}
        for r in ext.relations:
            if r.predicate == "coOccursWith":
                key = tuple(sorted((r.subject[1], r.object[1])))
                seen[key] = max(seen.get(key, 0), r.count)
        for key, n in seen.items():
            pairs[key] = pairs.get(key, 0) + n
    return pairs


def _totals_read(store) -> tuple[dict, dict]:
    mentions = {name: int(n) for name, n in _row_set(store, _READ_MENTIONS)}
    pairs = {tuple(sorted((a, b))): int(n) for a, b, n in _row_set(store, _READ_PAIRS)}
    return mentions, pairs


def test_corpus_totals_equal_the_sums_of_the_articles_statements(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_DIR / "cqrb-2022-10-20-p015-nanchuan.txt", corpus)
    (corpus / "second.txt").write_text(
        "南川区委书记张明说，南川区开展“五进五联”行动。南川区和三泉镇共同推进“五进五联”行动。",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert _build([corpus], out).returncode == 0
    store = open_store(out, read_only=True)
    mentions, pairs = _totals_read(store)
    assert mentions == _mentions_by_aggregation(store)
    assert pairs == _pairs_of_the_articles([corpus])
    # an entity of both articles is counted in both
    assert mentions["南川区"] > 32 and len(pairs) > 50


def test_most_mentioned_is_the_top_ten_of_each_type(out: Path) -> None:
    rows = _rows(out, "most-mentioned")
    store = open_store(out, read_only=True)
    mentions = _mentions_by_aggregation(store)
    for type_ in ("Person", "Place", "Organisation", "Programme"):
        got = [(name, int(n)) for t, name, n in rows if t == type_]
        assert 0 < len(got) <= 10
        assert [n for _, n in got] == sorted((n for _, n in got), reverse=True)
        assert all(mentions[name] == n for name, n in got)
    places = dict((name, int(n)) for t, name, n in rows if t == "Place")
    assert max(places.values()) == places["南川区"]


def test_the_strongest_pairs_are_the_top_of_the_summed_statements(out: Path) -> None:
    rows = _rows(out, "cooccurring-people")
    _, pairs = _totals_read(open_store(out, read_only=True))
    assert pairs == _pairs_of_the_articles([SAMPLE_DIR])
    assert len(rows) == min(20, len(pairs))
    assert [int(n) for _, _, n in rows] == sorted(pairs.values(), reverse=True)[: len(rows)]
    assert all(pairs[tuple(sorted((a, b)))] == int(n) for a, b, n in rows)

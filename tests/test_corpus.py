"""Tests of kg.corpus, kg.parallel, kg.cache and kg.rdftext: a build in parallel, cached and
incremental gives the same graph, the same files and the same store as a plain one."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, NamedNode
from rdflib import RDF, Dataset, Graph
from rdflib.compare import isomorphic

from kg.corpus import build_corpus
from kg.ingest import iter_articles
from kg.pipeline import SAMPLE_DIR, Extractor, build, get_extractor
from kg.progress import Progress
from kg.query import QUERIES_DIR, load_query, run_query
from kg.rdf import DEFAULT_BASE, KG, corpus_graphs, facts_graph, union_graph
from kg.rdftext import write_corpus
from kg.store import open_store

pytestmark = pytest.mark.filterwarnings(
    "ignore:.*(default_context|ConjunctiveGraph) is deprecated:DeprecationWarning"
)

ROOT = Path(__file__).resolve().parents[1]
DEV = [ROOT / "tests" / "data" / d for d in ("dev", "devb", "devc", "devd")]
INPUTS = [SAMPLE_DIR, *DEV]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample and the development articles (24 articles, several formats) in one folder."""
    folder = tmp_path_factory.mktemp("corpus") / "in"
    for source in INPUTS:
        shutil.copytree(source, folder / source.name,
                        ignore=shutil.ignore_patterns("*.gold.json", "README.md"))  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    """The sample and the first development set (6 articles): quick to build many times."""
    folder = tmp_path_factory.mktemp("small") / "in"
    for source in INPUTS[:2]:
        shutil.copytree(source, folder / source.name,
                        ignore=shutil.ignore_patterns("*.gold.json", "README.md"))  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def n(corpus: Path) -> int:
    """How many articles ``corpus`` holds."""
    count = sum(1 for _ in iter_articles([corpus]))
    assert count >= 20
    return count


def _build(paths, out: Path, **kw):
    kw.setdefault("base", DEFAULT_BASE)
    result = build_corpus([str(p) for p in paths], out, **kw)
    result.update_store()
    return result


def _quads(out: Path) -> set[tuple]:
    store = open_store(out, read_only=True)
    return {(q.subject.value, q.predicate.value, str(q.object), str(q.graph_name)) for q in store}


def _trig_graphs(out: Path) -> dict[str, set[str]]:
    """graph name → the set of lines of its block in ``graph.trig`` (order aside)."""
    text = (out / "graph.trig").read_text(encoding="utf-8")
    graphs = {}
    for block in text.split("}\n\n"):
        if " {\n" in block:
            head, body = block.split(" {\n", 1)
            graphs[head.splitlines()[-1]] = set(body.splitlines())
    return graphs


def _answers(out: Path) -> dict[str, set]:
    store = open_store(out, read_only=True)
    return {
        q.stem: {tuple(map(str, row)) for row in run_query(store, load_query(str(q)))}
        if "SELECT" in q.read_text(encoding="utf-8") else bool(run_query(store, load_query(str(q))))
        for q in sorted(QUERIES_DIR.glob("*.rq"))
    }  # fmt: skip


# --------------------------------------------------------------------------- RDF as text


def test_text_writer_gives_the_rdflib_graph(corpus: Path, n: int, tmp_path: Path) -> None:
    extractor = get_extractor()
    extractions = build([extractor(a) for a in iter_articles([corpus])])
    write_corpus(extractions, tmp_path / "g.trig", tmp_path / "g.ttl")
    expected = corpus_graphs(extractions)
    parsed = Dataset()
    parsed.parse(tmp_path / "g.trig", format="trig")
    names = {g.identifier for g in expected.graphs() if len(g)}
    assert names == {g.identifier for g in parsed.graphs() if len(g)} and len(names) == n + 1
    for name in names:
        assert isomorphic(parsed.graph(name), expected.graph(name)), name
    ttl = Graph().parse(tmp_path / "g.ttl", format="turtle")
    facts = facts_graph(expected)
    assert isomorphic(ttl, facts) and len(ttl) == len(facts)
    assert len(facts) < len(union_graph(expected))  # the provenance is in graph.trig only


def test_block_and_counts_in_one_pass_equal_the_two_functions(corpus: Path) -> None:
    from kg.rdftext import article_block, article_block_and_counts, article_counts

    extractions = build([get_extractor()(a) for a in iter_articles([corpus])])
    assert any(article_counts(e)[1] for e in extractions)  # co-occurrences are counted too
    for ext in extractions:
        assert article_block_and_counts(ext) == (article_block(ext), article_counts(ext))


def test_text_writer_escapes_what_turtle_needs(tmp_path: Path) -> None:
    from kg.model import Article, Entity, Extraction

    odd = 'say "hi" \\ back\nslash\r'
    ext = Extraction(Article('a"1\\', odd, title=odd, path="x\\y.txt"), (),
                     (Entity("Person", odd, (odd + "2",)),), ())  # fmt: skip
    write_corpus([ext], tmp_path / "g.trig", tmp_path / "g.ttl")
    ttl = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert isomorphic(ttl, facts_graph(corpus_graphs([ext])))


# --------------------------------------------------------------------------- executors


@pytest.fixture(scope="module")
def serial(corpus: Path, n: int, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial") / "out"
    result = _build([corpus], out, jobs=1)
    assert result.stats["extracted"] == n and not result.skipped
    return out


def test_jobs_2_writes_the_same_bytes_as_jobs_1(
    corpus: Path, n: int, serial: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = _build([corpus], out, jobs=2, render_batch_size=5)  # several batches in flight
    assert len(result.extractions) == n
    # the merged extractions come back without their mention lists, the rest as build() gives
    expected = build([get_extractor()(a) for a in iter_articles([corpus])])
    assert any(e.mentions for e in expected) and not any(e.mentions for e in result.extractions)
    assert [(e.article, e.entities, e.relations) for e in result.extractions] == [
        (e.article, e.entities, e.relations) for e in expected
    ]
    again = _build([corpus], out, jobs=2)  # from the cache: the same
    assert [(e.entities, e.relations, e.mentions) for e in again.extractions] == [
        (e.entities, e.relations, e.mentions) for e in result.extractions
    ]
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (serial / name).read_bytes(), name
    assert _quads(out) == _quads(serial)


def test_dask_local_cluster_gives_the_same_graph(small: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    plain, out = tmp_path / "plain", tmp_path / "dask"
    _build([small], plain, use_cache=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        result = _build([small], out, executor="dask", jobs=2)  # a LocalCluster of 2 processes
    assert result.stats["extracted"] == 6
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (plain / name).read_bytes(), name
    assert _quads(out) == _quads(plain)


def test_a_failing_article_in_a_worker_is_reported_and_skipped(
    small: Path, tmp_path: Path, monkeypatch
) -> None:
    original = Extractor.__call__

    def flaky(self, article):
        if "dev2" in (article.path or ""):
            raise RuntimeError("rule bug")
        return original(self, article)

    monkeypatch.setattr(Extractor, "__call__", flaky)  # forked workers inherit it
    skipped = []
    result = _build([small], tmp_path / "out", jobs=2, on_skip=skipped.append, use_cache=False)
    assert len(result.extractions) == 5
    assert [s.path for s in skipped] == ["dev/dev2-rmrb-jiangxi-qingfeng-huqi.txt"]
    assert "RuntimeError: rule bug" in skipped[0].reason


# --------------------------------------------------------------------------- cache


def test_a_rebuild_reads_every_extraction_from_the_cache(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([small], out)
    first = {name: (out / name).read_bytes() for name in ("graph.trig", "graph.ttl")}
    again = _build([small], out)
    assert again.stats["extracted"] == 0 and again.stats["cached"] == 6
    assert again.stats["kept"] == 6 and again.stats["written"] == 0
    assert {name: (out / name).read_bytes() for name in first} == first


def test_changed_rules_miss_the_cache(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([small], out)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "posts.txt").write_text("首席体验官\n", encoding="utf-8")
    again = _build([small], out, rule_dirs=(str(rules),))
    assert again.stats["extracted"] == 6 and again.stats["cached"] == 0


def test_a_damaged_cache_entry_is_extracted_again(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([small], out)
    expected = (out / "graph.ttl").read_bytes()
    db = sqlite3.connect(out / "cache" / "extractions.sqlite")
    db.execute("UPDATE extraction SET data = x'00ff' WHERE rowid = (SELECT min(rowid) FROM extraction)")
    db.commit()
    db.close()
    warned: list[str] = []
    again = _build([small], out, warn=warned.append)
    assert again.stats["extracted"] == 1 and again.stats["cached"] == 5
    # its file was unchanged, so not read, until the entry was found damaged
    assert again.stats["unread"] == sum(1 for p in small.rglob("*") if p.is_file())
    assert len(warned) == 1 and "damaged cache entry" in warned[0]
    assert (out / "graph.ttl").read_bytes() == expected


def test_cached_extractions_load_with_or_without_their_mentions() -> None:
    from dataclasses import replace

    from kg.cache import dump, load

    ext = get_extractor()(next(iter(iter_articles([SAMPLE_DIR]))))
    assert ext.mentions
    data = dump(ext)
    assert load(data) == ext
    assert load(data, light=True) == replace(ext, mentions=())
    # cut anywhere, even inside the mention lists (which a light load does not read)
    for cut in (1, len(data) // 2, len(data) - 1):
        for light in (False, True):
            with pytest.raises(ValueError, match="damaged cache entry"):
                load(data[:cut], light=light)


def test_a_manifest_without_article_ids_reads_the_files_once(small: Path, tmp_path: Path) -> None:
    """A build folder of an older kg (no article ids in its manifest): the files are read,
    the extractions still come from the cache, and the next build reads nothing."""
    out = tmp_path / "out"
    _build([small], out)
    expected = (out / "graph.trig").read_bytes()
    manifest = out / "cache" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for record in data["inputs"].values():
        del record["ids"]
    manifest.write_text(json.dumps(data), encoding="utf-8")
    again = _build([small], out)
    assert again.stats["unread"] == 0 and again.stats["extracted"] == 0
    assert (out / "graph.trig").read_bytes() == expected
    third = _build([small], out)
    assert third.stats["unread"] > 0 and third.stats["extracted"] == 0


def test_a_cache_that_is_not_a_database_is_moved_aside(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "cache").mkdir(parents=True)
    (out / "cache" / "extractions.sqlite").write_bytes(b"not a database at all" * 100)
    warned: list[str] = []
    result = _build([small], out, warn=warned.append)
    assert result.stats["extracted"] == 6 and "moved to" in warned[0]


# --------------------------------------------------------------------------- incremental


def test_adding_and_removing_an_article_matches_a_fresh_build(small: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(small, folder)
    out = tmp_path / "out"
    _build([folder], out)
    added = folder / "added.txt"
    added.write_text("南川区委书记张明说，南川区开展“五进五联”行动。北京市和南川区合作。",
                     encoding="utf-8")  # fmt: skip
    result = _build([folder], out)
    assert result.stats["extracted"] == 1 and result.stats["store"].startswith("patched")
    fresh = tmp_path / "fresh"
    _build([folder], fresh, use_cache=False)
    for name in ("graph.trig", "graph.ttl"):  # another article's merge changed: rewritten
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _quads(out) == _quads(fresh)
    assert _answers(out) == _answers(fresh)

    added.unlink()
    (folder / "dev" / "dev5-qdnrb-2024-05-22-langde.txt").unlink()
    result = _build([folder], out)
    assert result.stats["extracted"] == 0 and result.stats["store"].startswith("patched")
    fresh2 = tmp_path / "fresh2"
    _build([folder], fresh2, use_cache=False)
    assert (out / "graph.trig").read_bytes() == (fresh2 / "graph.trig").read_bytes()
    assert _quads(out) == _quads(fresh2)


def test_an_edited_article_is_patched_in_the_store_as_a_fresh_build(small: Path, tmp_path: Path) -> None:
    """An edited article's graph is replaced, and the merged graph loses what only its old
    text named (a person, a post, a place inside another) but keeps what another article
    still names (南川区)."""
    folder = tmp_path / "in"
    shutil.copytree(small, folder)
    edited = folder / "edited.txt"
    edited.write_text("綦江区委书记李明远说，綦江区东溪镇开展“三联三帮”行动。南川区派人学习。",
                      encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    _build([folder], out)
    edited.write_text("南川区开展植树活动。", encoding="utf-8")
    result = _build([folder], out)
    assert result.stats["extracted"] == 1 and result.stats["store"].startswith("patched")
    fresh = tmp_path / "fresh"
    _build([folder], fresh, use_cache=False)
    assert _quads(out) == _quads(fresh)
    store = open_store(out, read_only=True)
    labels = {q.object.value for q in store.quads_for_pattern(
        None, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, DefaultGraph())}  # fmt: skip
    assert "南川区" in labels and not {"李明远", "东溪镇", "三联三帮"} & labels


def test_an_added_article_is_appended_to_the_graph_files(small: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(small, folder)
    out = tmp_path / "out"
    _build([folder], out)
    before = (out / "graph.trig").stat().st_size
    (folder / "added.txt").write_text("漠河市开展“北极光”计划。", encoding="utf-8")
    result = _build([folder], out)
    assert result.stats["extracted"] == 1 and result.stats["store"].startswith("patched")
    # appended in place: the same graphs as a fresh build's (the new article's last),
    # and graph.ttl still has each triple once
    assert result.stats["kept"] == 6 and result.stats["written"] == 1
    assert (out / "graph.trig").stat().st_size > before
    fresh = tmp_path / "fresh"
    _build([folder], fresh, use_cache=False)
    assert _trig_graphs(out) == _trig_graphs(fresh)
    assert (out / "graph.trig").read_bytes() != (fresh / "graph.trig").read_bytes()
    lines = (out / "graph.ttl").read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == sorted((fresh / "graph.ttl").read_text(encoding="utf-8").splitlines())
    assert len(set(lines)) == len(lines)
    assert _quads(out) == _quads(fresh) and _answers(out) == _answers(fresh)
    # the next build reads the appended files back; a changed graph.ttl is written anew
    assert _build([folder], out).stats["kept"] == 7
    assert _trig_graphs(out) == _trig_graphs(fresh) and _quads(out) == _quads(fresh)
    with open(out / "graph.ttl", "a", encoding="utf-8") as fh:
        fh.write("# edited by hand\n")
    result = _build([folder], out)
    assert "kept" not in result.stats and result.stats["copied"] == 7
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()


@pytest.mark.parametrize("damage", ["none", "missing", "truncated", "other totals"])
def test_an_append_patches_the_corpus_totals_kept_with_the_last_build(
    small: Path, tmp_path: Path, damage: str
) -> None:
    """Adding articles patches the previous build's corpus totals (kept in the cache)
    instead of counting every article again; totals that are missing, damaged or not the
    last build's are not trusted: counted again, with the same graphs and store."""
    folder = tmp_path / "in"
    shutil.copytree(small, folder)
    out = tmp_path / "out"
    _build([folder], out)
    kept = out / "cache" / "totals.bin"
    if damage == "missing":
        kept.unlink()
    elif damage == "truncated":
        kept.write_bytes(kept.read_bytes()[:-7])
    elif damage == "other totals":  # a well-formed file of another build
        other = tmp_path / "other"
        _build([small / "dev"], other)
        shutil.copy(other / "cache" / "totals.bin", kept)
    (folder / "added.txt").write_text("南川区委书记张明说，南川区和漠河市开展“北极光”计划。",
                                      encoding="utf-8")  # fmt: skip
    result = _build([folder], out)
    assert result.stats["kept"] == 6 and result.stats["store"].startswith("patched")
    assert result.stats["totals"] == ("patched" if damage == "none" else "written")
    fresh = tmp_path / "fresh"
    _build([folder], fresh, use_cache=False)
    assert _trig_graphs(out) == _trig_graphs(fresh)
    assert _quads(out) == _quads(fresh) and _answers(out) == _answers(fresh)
    # the patched totals are kept in their turn: the next addition patches them again
    (folder / "added2.txt").write_text("漠河市开展“北极光”计划。", encoding="utf-8")
    assert _build([folder], out).stats["totals"] == "patched"
    _build([folder], fresh, use_cache=False)
    assert _trig_graphs(out) == _trig_graphs(fresh) and _quads(out) == _quads(fresh)


def test_unchanged_input_files_are_not_read_again(small: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(small, folder)
    (folder / "recs.jsonl").write_text(
        '{"id": "r1", "text": "北京市开展“春风”行动。"}\n{broken\n{"id": "r2", "text": "上海市召开会议。"}\n',
        encoding="utf-8",
    )
    files = sum(1 for p in folder.rglob("*") if p.is_file())
    out = tmp_path / "out"
    first = _build([folder], out)
    assert first.stats["unread"] == 0
    reported: list = []
    again = _build([folder], out, on_skip=reported.append)
    assert again.stats["unread"] == files and again.stats["extracted"] == 0
    assert [a.article for a in again.extractions] == [a.article for a in first.extractions]
    assert [(s.path, s.reason) for s in reported] == [(s.path, s.reason) for s in first.skipped]
    assert any("recs.jsonl" in s.path for s in reported)  # the broken line, reported again
    # an edited file is read again (its size and time changed), the others are not
    (folder / "recs.jsonl").write_text('{"id": "r1", "text": "北京市开展“春风”行动。"}\n',
                                       encoding="utf-8")  # fmt: skip
    third = _build([folder], out)
    assert third.stats["unread"] == files - 1
    assert {e.article.id for e in third.extractions} >= {"r1"}
    assert "r2" not in {e.article.id for e in third.extractions}
    fresh = tmp_path / "fresh"
    _build([folder], fresh, use_cache=False)
    assert _quads(out) == _quads(fresh)


def test_a_duplicate_id_is_resolved_again_when_the_first_copy_goes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text('{"id": "x", "text": "北京市开展“春风”行动。"}\n', encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "x", "text": "上海市召开会议。"}\n', encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):
        result = _build([folder], out)
        assert [e.article.text for e in result.extractions] == ["北京市开展“春风”行动。"]
        assert any("duplicate article id" in s.reason for s in result.skipped)
    (folder / "a.jsonl").unlink()
    result = _build([folder], out)
    assert [e.article.text for e in result.extractions] == ["上海市召开会议。"]


def test_a_rebuild_that_changes_most_graphs_reloads_the_store(tmp_path: Path) -> None:
    """More than 50 articles, all changed (another base IRI): the store is loaded again
    (it was once still open for the patch it did not make, and the loader could not lock it)."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": f"a{i}", "text": f"北京市第{i}次开展“春风”行动。"}, ensure_ascii=False)
             for i in range(60)]  # fmt: skip
    (folder / "recs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    _build([folder], out)
    other = "https://example.org/other/"
    result = _build([folder], out, base=other)
    assert result.stats["store"] == "bulk-loaded"
    fresh = tmp_path / "fresh"
    _build([folder], fresh, base=other)
    assert _quads(out) == _quads(fresh)


def test_a_store_changed_behind_the_builds_back_is_loaded_again(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build([small], out)
    expected = _quads(out)
    store = open_store(out)
    store.update("DELETE WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }")
    store.flush()
    del store
    result = _build([small], out)
    assert result.stats["store"] == "bulk-loaded"
    assert _quads(out) == expected


# --------------------------------------------------------------------------- progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    p = Progress(stream, every=0)
    p(5, 1000, 10_000)
    p.stage("writing")
    p.writing(5, 5)
    p(5, 1000, 10_000, final=True)
    assert stream.getvalue() == ""


def test_progress_on_a_terminal_shows_articles_rate_and_time_left() -> None:
    stream = _Tty()
    p = Progress(stream, every=0)
    p(50, 100_000, 1_000_000)
    assert "50 articles" in stream.getvalue() and "left" in stream.getvalue()
    assert "articles/s" in stream.getvalue()


def test_a_message_clears_the_progress_line_first() -> None:
    stream = _Tty()
    p = Progress(stream, every=0)
    p(50, 100_000, 1_000_000)
    line = stream.getvalue()
    p.message("skipped a.txt: empty file")
    after = stream.getvalue()[len(line) :]
    assert after == "\r" + " " * (len(line) - 1) + "\r" + "skipped a.txt: empty file\n"
    p(60, 120_000, 1_000_000)  # the progress line comes back below the message
    assert stream.getvalue().endswith("left") and "60 articles" in stream.getvalue()
    quiet = io.StringIO()  # off a terminal the message is printed all the same
    Progress(quiet).message("skipped b.txt: empty file")
    assert quiet.getvalue() == "skipped b.txt: empty file\n"


def test_progress_shows_the_store_loading_then_compacting() -> None:
    stream = _Tty()
    p = Progress(stream, every=0)
    p.storing(300 << 20, 600 << 20, 10.0)
    assert stream.getvalue().endswith("loading the SPARQL store: 300/600 MB (50%), ~0:10 left")
    p.storing(600 << 20, 600 << 20, 20.0)
    last = stream.getvalue().rsplit("\r", 1)[-1]
    assert last.startswith("  compacting the SPARQL store …") and last.endswith("\n")
    quiet = io.StringIO()
    Progress(quiet, every=0).storing(1, 2, 1.0)
    assert quiet.getvalue() == ""


def test_a_build_shows_the_store_loading_on_a_terminal(small: Path, tmp_path: Path) -> None:
    """The bulk loader reports every piece (here the files are loaded in one piece each, so
    the last report is 'compacting'); a build off a terminal prints none of it."""
    from kg.store import load_store

    out = tmp_path / "out"
    stream = _Tty()
    result = build_corpus([str(small)], out, base=DEFAULT_BASE, progress=Progress(stream, every=0))
    result.update_store()
    assert result.stats["store"] == "bulk-loaded"
    text = stream.getvalue()
    assert "compacting the SPARQL store" in text.split("graph.trig and graph.ttl")[-1]
    seen: list[tuple[int, int]] = []
    load_store(tmp_path / "again", out / "graph.trig", out / "graph.ttl", chunk=4096,
               on_progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    total = (out / "graph.trig").stat().st_size + (out / "graph.ttl").stat().st_size
    assert len(seen) > 3 and all(t == total for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (total, total)
    assert all(d < total for d, _ in seen[:-1])


def _lean_quads(trig: Path) -> set[tuple[str, str, str, str]]:
    """The named graphs of ``trig`` as the store keeps them: in each article's graph, its
    statements and their evidence; no totals graph."""
    files = Dataset()
    files.parse(trig, format="trig")
    quads = set()
    for graph in files.graphs():
        name = str(graph.identifier)
        if name == "urn:x-rdflib:default" or name.endswith("/graph/corpus"):
            continue
        provenance = set(graph.subjects(RDF.type, KG.Statement)) | set(graph.subjects(RDF.type, KG.Evidence))
        quads |= {(str(s), str(p), str(o), name) for s, p, o in graph if s in provenance}
    return quads


def test_the_store_holds_the_graph_files(serial: Path, tmp_path: Path) -> None:
    """The bulk loader (two threads, the files in small pieces) loads the article graphs
    of graph.trig without the article's own triples and the entities' (their classes,
    labels, memberships and relations) and, as the default graph, graph.ttl, where those
    are."""
    from kg.store import load_store

    expected = _lean_quads(serial / "graph.trig")
    facts = {(str(s), str(p), str(o), "DEFAULT")
             for s, p, o in Graph().parse(serial / "graph.ttl", format="turtle")}  # fmt: skip
    for own in ("#label", "ontology#mentions", "/headline"):  # an entity's, the article's
        assert any(p.endswith(own) for _, p, _, _ in facts)
        assert not any(p.endswith(own) for _, p, _, _ in expected)
    assert any(p.endswith("#sentence") for _, p, _, _ in expected)
    assert any(o.endswith("ontology#mentions") for _, _, o, _ in expected)  # a statement
    expected |= facts
    assert load_store(tmp_path, serial / "graph.trig", serial / "graph.ttl", chunk=4096) == len(expected)
    got = {(q.subject.value, q.predicate.value, q.object.value,
            "DEFAULT" if q.graph_name == DefaultGraph() else q.graph_name.value)
           for q in open_store(tmp_path, read_only=True)}  # fmt: skip
    assert got == expected
    assert got == {(q.subject.value, q.predicate.value, q.object.value,
                    "DEFAULT" if q.graph_name == DefaultGraph() else q.graph_name.value)
                   for q in open_store(serial, read_only=True)}  # fmt: skip


@pytest.mark.parametrize("size", [300, 4096, 1 << 22])
def test_the_bulk_loader_gets_pieces_of_about_the_size_asked(serial: Path, size: int) -> None:
    """A graph bigger than a piece (every article's here, the corpus totals on a large
    corpus) is cut into pieces inside its braces; together they hold the article graphs as
    the store keeps them, and they stand for every byte of the file."""
    import pyoxigraph as ox

    from kg.store import _trig_pieces

    trig = serial / "graph.trig"
    pieces = list(_trig_pieces(trig, size))
    head = trig.read_bytes().index(b"\n\n") + 2
    longest = max(map(len, trig.read_bytes().splitlines(keepends=True)))
    graph_line = max(len(line) for line in trig.read_bytes().splitlines() if line.endswith(b" {"))
    assert all(len(p) <= head + graph_line + 4 + max(2 * size, size + longest) for p, _ in pieces)
    assert len(pieces) > 1 or trig.stat().st_size <= 2 * size
    assert head + sum(n for _, n in pieces) == trig.stat().st_size
    got = set()
    for piece, _ in pieces:
        got |= {(q.subject.value, q.predicate.value, q.object.value, q.graph_name.value)
                for q in ox.parse(piece, format=ox.RdfFormat.TRIG)}  # fmt: skip
    assert got == _lean_quads(trig)


@pytest.mark.parametrize("which", ["graph.ttl", "graph.trig"])
def test_the_built_graph_conforms_to_the_shapes(serial: Path, which: str) -> None:
    """The merged graph, and every article's graph with its statements and evidence."""
    pyshacl = pytest.importorskip("pyshacl")
    if which == "graph.ttl":
        data = Graph().parse(serial / which, format="turtle")
    else:
        dataset = Dataset()
        dataset.parse(serial / which, format="trig")
        data = union_graph(dataset)
        assert (None, RDF.type, KG.Statement) in data and (None, RDF.type, KG.Evidence) in data
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    conforms, _, report = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none"
    )
    assert conforms, report


def test_the_command_line_builds_with_jobs_and_refuses_zero(small: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    def cli(*args):
        return subprocess.run([sys.executable, str(ROOT / "build.py"), *map(str, args)],
                              capture_output=True, text=True, timeout=300)  # fmt: skip

    proc = cli(small, "-o", tmp_path / "cli", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and "built 6 articles" in proc.stdout  # no progress off a tty
    plain = tmp_path / "plain"
    _build([small], plain, use_cache=False)
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "cli" / name).read_bytes() == (plain / name).read_bytes(), name
    bad = cli(small, "-o", tmp_path / "bad", "--jobs", "0")
    assert bad.returncode == 2 and "--jobs" in bad.stderr

"""Tests of kg.pipeline: the bundled sample end to end, determinism, and invariants
that hold for any text (hypothesis)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.evaluate import load_gold
from kg.ingest import read_path
from kg.model import ENTITY_TYPES, Article, Extraction
from kg.normalize import claimed_spans, match_key
from kg.pipeline import SAMPLE_DIR, Extractor, build, get_extractor, mentions_in_text
from kg.rdf import corpus_graphs, facts_graph, union_graph, write_outputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = SAMPLE_DIR / "cqrb-2022-10-20-p015-nanchuan.txt"


@pytest.fixture(scope="module")
def sample() -> Extraction:
    (article,) = read_path(SAMPLE, SAMPLE.parent)
    return get_extractor()(article)


@pytest.fixture(scope="module")
def gold(shared: Path) -> dict:
    path = shared / "gold" / "cqrb-2022-10-20-p015-nanchuan.gold.json"
    if not path.is_file():
        pytest.skip("sample gold file absent")
    return load_gold(path)


# --------------------------------------------------------------------------- the sample, end to end


@pytest.mark.shared
def test_sample_finds_every_required_gold_entity(sample: Extraction, gold: dict) -> None:
    found = {(e.type, match_key(e.name)) for e in sample.entities}
    missed = []
    for ent in gold["entities"]:
        if not ent.get("required", True):
            continue
        forms = {match_key(f) for f in (ent["name"], *ent.get("aliases", ()))}
        if not any((ent["type"], f) in found for f in forms):
            missed.append((ent["type"], ent["name"]))
    assert missed == []


@pytest.mark.shared
def test_sample_extracts_none_of_the_gold_not_entities(sample: Extraction, gold: dict) -> None:
    bad = {match_key(n) for n in gold["not_entities"]}
    assert [e.name for e in sample.entities if match_key(e.name) in bad] == []
    assert [m.text for m in sample.mentions if match_key(m.text) in bad] == []


def test_sample_relation_evidence_slices_the_article(sample: Extraction) -> None:
    text = sample.article.text
    assert sample.relations
    for r in sample.relations:
        assert r.evidence, r
        for ev in r.evidence:
            assert ev.article == sample.article.id
            if ev.part == "text":
                assert text[ev.start : ev.end] == ev.sentence, r
            else:
                assert ev.part == "source" and ev.start <= ev.end


def test_sample_mentions_slice_the_article_and_entities_match_them(sample: Extraction) -> None:
    text = sample.article.text
    assert all(text[m.start : m.end] == m.text for m in sample.mentions)
    keys = {e.key for e in sample.entities}
    assert {(m.type, m.canonical) for m in sample.mentions} <= keys
    assert {e.type for e in sample.entities} == set(ENTITY_TYPES)


def test_extraction_is_deterministic(sample: Extraction) -> None:
    again = get_extractor()(sample.article)
    fresh = Extractor(get_extractor().rules)(sample.article)
    assert again == sample
    assert fresh == sample
    assert build([sample]) == build([again])


def test_extraction_is_the_same_in_another_process(sample: Extraction) -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from kg.ingest import read_path; from kg.pipeline import get_extractor;"
        "from pathlib import Path; p = Path(sys.argv[2]);"
        "(a,) = read_path(p, p.parent); e = get_extractor()(a);"
        "print(repr((e.mentions, e.entities, e.relations)))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(SAMPLE)],
        env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=True,
    ).stdout  # fmt: skip
    assert out.strip() == repr((sample.mentions, sample.entities, sample.relations))


# --------------------------------------------------------------------------- any text (hypothesis)

_WORDS = [
    "南川区", "江北", "重庆", "奉节县", "白沙镇", "黑石山村", "社区", "镇", "村", "街道", "区委", "县委",
    "宣传部", "统战部", "党委书记", "第一书记", "书记", "志愿者", "村民", "说", "表示", "李", "王", "张",
    "建国", "晓红", "开展", "打造", "行动", "机制", "品牌", "有限公司", "大学", "党支部", "各级", "基层",
    "与", "合作", "结对", "摄/", "本报记者", "同心", "夜校", "“", "”", "、", "，", "。", "《", "》",
]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(list("“”、，。《》0123456789")),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(["\n", " ", "\u3000"]),
)
RANDOM_TEXT = st.lists(_PIECES, max_size=40).map("".join)
_SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(RANDOM_TEXT)
def test_mentions_of_any_text_slice_it(text: str) -> None:
    for m in mentions_in_text(text):
        assert text[m.start : m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)
        assert m.type in ENTITY_TYPES
        assert m.canonical


@_SETTINGS
@given(RANDOM_TEXT)
def test_mentions_of_any_text_do_not_overlap(text: str) -> None:
    mentions = mentions_in_text(text)
    assert mentions == sorted(mentions)
    spans = sorted(claimed_spans(mentions))  # a quoted team claims only its suffix
    for (_, a_end), (b_start, _) in pairwise(spans):
        assert a_end <= b_start, mentions


@_SETTINGS
@given(RANDOM_TEXT)
def test_relations_of_any_text_have_evidence_that_slices_it(text: str) -> None:
    ext = get_extractor()(Article(id="random", text=text, authors=("王静",), newspaper="重庆日报"))
    for r in ext.relations:
        assert r.evidence
        for ev in r.evidence:
            if ev.part == "text":
                assert text[ev.start : ev.end] == ev.sentence


@_SETTINGS
@given(RANDOM_TEXT)
def test_turtle_of_any_text_parses_back_to_the_same_graph(text: str) -> None:
    ext = get_extractor()(Article(id="random-article", text=text))
    graph = facts_graph(corpus_graphs([ext]))
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_outputs([ext], tmp)
        parsed = Graph().parse(paths["ttl"], format="turtle")
    assert isomorphic(parsed, graph)


# --------------------------------------------------------------------------- the built graph


def test_sample_graph_conforms_to_the_shapes(sample: Extraction) -> None:
    pyshacl = pytest.importorskip("pyshacl")
    data = union_graph(corpus_graphs(build([sample])))
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    conforms, _, report = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none"
    )
    assert conforms, report


def test_two_builds_of_the_sample_give_isomorphic_graphs(tmp_path: Path) -> None:
    graphs = []
    for run in ("a", "b"):
        (article,) = read_path(SAMPLE, SAMPLE.parent)
        ext = Extractor()(article)  # a fresh extractor each time
        paths = write_outputs(build([ext]), tmp_path / run)
        graphs.append(Graph().parse(paths["ttl"], format="turtle"))
    assert len(graphs[0]) > 500
    assert isomorphic(graphs[0], graphs[1])


def test_release_frees_the_segmenter_and_extraction_still_works() -> None:
    import kg.segment

    extractor = Extractor().ready()
    before = extractor(Article("r1", "南川区委书记张明说，南川区开展“五进五联”行动。"))
    assert extractor.rules.version in kg.segment._CACHE
    extractor.release()
    assert extractor._recognizer is None and extractor.rules.version not in kg.segment._CACHE
    after = extractor(Article("r1", "南川区委书记张明说，南川区开展“五进五联”行动。"))
    assert after.entities == before.entities and after.relations == before.relations


# --------------------------------------------------------------------------- run_aside


_ASIDE = """
import os, sys
from pathlib import Path
from kg.parallel import run_aside

mark = Path(sys.argv[1])
wait = run_aside(lambda: mark.write_text(str(os.getpid())))
wait()
print("pid", int(mark.read_text()) != os.getpid())

def fail():
    raise FileNotFoundError(2, "No such file or directory", "view.html")

try:
    run_aside(fail)()
except FileNotFoundError as exc:
    print("raised", exc.filename)

def unpicklable():
    class Local(Exception):
        pass
    raise Local("made in the copy")

try:
    run_aside(unpicklable)()
except RuntimeError as exc:
    print("runtime", exc)

try:
    run_aside(lambda: os.kill(os.getpid(), 9))()
except OSError as exc:
    print("killed", exc)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_run_aside_runs_in_another_process_and_reports_its_failure(tmp_path: Path) -> None:
    """In a fresh interpreter (this one may run other tests' threads, and then
    ``run_aside`` rightly declines to fork)."""
    proc = subprocess.run([sys.executable, "-c", _ASIDE, str(tmp_path / "pid")],
                          cwd=Path(__file__).resolve().parents[1], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["pid True", "raised view.html",
                                        "runtime Local: made in the copy",
                                        "killed the process started aside was killed by signal 9"]  # fmt: skip


def test_run_aside_does_not_fork_while_other_threads_run() -> None:
    import threading

    from kg.parallel import run_aside

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert run_aside(lambda: None) is None
    finally:
        release.set()
        other.join()

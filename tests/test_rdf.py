"""Tests for kg.rdf: IRIs, graphs, SHACL conformance, serialisation and SPARQL."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from kg.model import ARTICLE, Article, Entity, Evidence, Extraction, Relation
from kg.rdf import (
    DEFAULT_BASE,
    KG,
    article_graph,
    article_iri,
    corpus_graphs,
    corpus_iri,
    entity_iri,
    facts_graph,
    post_iri,
    serialize_trig,
    totals_graph,
    union_graph,
    write_outputs,
)

# rdflib's own TriG parser and Dataset use deprecated rdflib APIs internally.
pytestmark = pytest.mark.filterwarnings(
    "ignore:.*(default_context|ConjunctiveGraph) is deprecated:DeprecationWarning"
)

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

ART_ID = "cqrb-2022-10-20-p015-nanchuan"
TEXT = (
    "南川 党建引领促发展 凝心筑梦谱新篇\n"
    "鸣玉镇中心社区第一书记韩楚说，南川区打造“书记工作室”。\n"
    "南川区三泉镇观音村的观音岩驿站。韩楚在南川区工作。\n"
    "本报记者 王静"
)


def _sentence(text: str, needle: str) -> tuple[str, int, int]:
    """The sentence of ``text`` (split at 。 and newlines) containing ``needle``."""
    for match in re.finditer(r"[^。\n]+。?", text):
        if needle in match.group():
            return match.group(), match.start(), match.end()
    raise AssertionError(needle)


def _ev(needle: str, article: str = ART_ID, part: str = "text") -> Evidence:
    sentence, start, end = _sentence(TEXT, needle)
    return Evidence(article, sentence, start, end, part)


PERSON_HAN = ("Person", "韩楚")
PERSON_WANG = ("Person", "王静")
PLACE_NANCHUAN = ("Place", "南川区")
PLACE_SANQUAN = ("Place", "三泉镇")
PLACE_GUANYIN = ("Place", "观音村")
PLACE_CENTRE = ("Place", "鸣玉镇中心社区")
ORG_CQRB = ("Organisation", "重庆日报")
PROG_STUDIO = ("Programme", "书记工作室")


def make_extraction(article_id: str = ART_ID) -> Extraction:
    article = Article(
        id=article_id,
        text=TEXT,
        title="南川 党建引领促发展 凝心筑梦谱新篇",
        date="2022-10-20",
        newspaper="重庆日报",
        edition="第015版",
        page=15,
        section="奋进新时代·新发展理念在重庆",
        authors=("王静",),
        url="https://epaper.cqrb.cn/html/cqrb/2022-10/20/015/content_1.htm",
        path="corpus/cqrb-2022-10-20-p015-nanchuan.txt",
    )
    entities = (
        Entity("Person", "韩楚", mentions=2),
        Entity("Person", "王静", mentions=1),
        Entity("Place", "南川区", ("南川",), mentions=3),
        Entity("Place", "三泉镇", mentions=1),
        Entity("Place", "观音村", mentions=1),
        Entity("Place", "鸣玉镇中心社区", ("中心社区",), mentions=1),
        Entity("Organisation", "重庆日报", mentions=0),
        Entity("Programme", "书记工作室", mentions=1),
    )
    header = Evidence(article_id, "重庆日报 2022年10月20日 第015版", 0, 22, "source")
    relations = (
        Relation(
            PERSON_HAN, "holdsPost", "第一书记", (_ev("第一书记韩楚", article_id),), at=PLACE_CENTRE
        ),
        Relation(PLACE_GUANYIN, "locatedIn", PLACE_SANQUAN, (_ev("三泉镇观音村", article_id),)),
        Relation(PLACE_SANQUAN, "locatedIn", PLACE_NANCHUAN, (_ev("南川区三泉镇", article_id),)),
        Relation(ARTICLE, "publishedIn", ORG_CQRB, (header,)),
        Relation(PERSON_WANG, "author", ARTICLE, (_ev("本报记者", article_id),)),
        Relation(PLACE_NANCHUAN, "runs", PROG_STUDIO, (_ev("书记工作室", article_id),)),
        Relation(
            PERSON_HAN,
            "coOccursWith",
            PLACE_NANCHUAN,
            (_ev("韩楚说", article_id), _ev("韩楚在南川区", article_id)),
            count=2,
        ),
        Relation(ARTICLE, "mentions", PERSON_HAN, (_ev("韩楚说", article_id),)),
    )
    return Extraction(article, (), entities, relations)


def load_ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def load_shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def validate(data: Graph) -> tuple[bool, str]:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none"
    )
    return conforms, text


@pytest.fixture(scope="module")
def graph() -> Graph:
    return article_graph(make_extraction())


# --------------------------------------------------------------------------- ontology


def test_ontology_parses_and_aligns_classes() -> None:
    onto = load_ontology()
    assert (URIRef("https://kg.example.org/ontology"), RDF.type, OWL.Ontology) in onto
    foaf_person = URIRef("http://xmlns.com/foaf/0.1/Person")
    org_organization = URIRef("http://www.w3.org/ns/org#Organization")
    expected = {
        KG.Person: {SDO.Person, foaf_person},
        KG.Place: {SDO.Place},
        KG.Organisation: {SDO.Organization, org_organization},
        KG.Programme: {SDO.Project},
        KG.Article: {SDO.NewsArticle, PROV.Entity},
        KG.Post: {URIRef("http://www.w3.org/ns/org#Role")},
        KG.Membership: {URIRef("http://www.w3.org/ns/org#Membership")},
        KG.Statement: {RDF.Statement},
        KG.Evidence: {PROV.Entity},
    }
    for cls, supers in expected.items():
        assert (cls, RDF.type, OWL.Class) in onto, cls
        assert supers <= set(onto.objects(cls, RDFS.subClassOf)), cls
        langs = {label.language for label in onto.objects(cls, RDFS.label)}
        assert {"en", "zh"} <= langs, cls


def test_ontology_declares_every_term_of_the_namespace() -> None:
    onto = load_ontology()
    declared = {
        s
        for s in onto.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(str(KG))
    }
    terms = {KG[name] for name in KG.__annotations__ if not name.startswith("_")}
    assert terms == declared
    for term in terms - {KG.Person, KG.Place, KG.Organisation, KG.Programme}:
        langs = {label.language for label in onto.objects(term, RDFS.label)}
        assert {"en", "zh"} <= langs, term
        assert onto.value(term, RDFS.comment) is not None, term


def test_shapes_use_only_declared_terms() -> None:
    declared = set(load_ontology().subjects(RDF.type, None))
    used = {
        node
        for triple in load_shapes()
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(str(KG))
    }
    assert used and used <= declared, used - declared


def test_misspelled_term_fails() -> None:
    with pytest.raises(AttributeError):
        _ = KG.locatedin


def test_shapes_parse() -> None:
    shapes = load_shapes()
    assert len(shapes) > 50


# --------------------------------------------------------------------------- IRIs

IRI_RE = re.compile(
    r"^https?://[A-Za-z0-9.\-]+(/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*)?(#[A-Za-z0-9\-._~%]*)?$"
)


def test_iris_are_stable() -> None:
    assert entity_iri("Place", "南川区") == URIRef(
        "https://kg.example.org/id/place/%E5%8D%97%E5%B7%9D%E5%8C%BA"
    )
    assert entity_iri("Person", "韩楚") == URIRef(
        "https://kg.example.org/id/person/%E9%9F%A9%E6%A5%9A"
    )
    assert article_iri("a b/c") == URIRef("https://kg.example.org/id/article/a%20b%2Fc")
    assert post_iri("第一书记").startswith("https://kg.example.org/id/post/%E7%AC%AC")
    assert entity_iri("Programme", "同心·夜校", base="http://x.test/").startswith(
        "http://x.test/programme/"
    )
    with pytest.raises(ValueError):
        entity_iri("Thing", "南川区")
    with pytest.raises(ValueError):
        entity_iri("Place", "")


def test_all_iris_valid_and_no_blank_nodes(graph: Graph) -> None:
    nodes = {n for triple in graph for n in triple}
    assert not [n for n in nodes if not isinstance(n, URIRef | Literal)]
    for node in nodes:
        if isinstance(node, URIRef):
            assert node.isascii(), node
            assert IRI_RE.match(node), node
            assert " " not in node and "<" not in node and '"' not in node


def test_iris_do_not_depend_on_process() -> None:
    """Hashed IRIs (statements, evidence, memberships) are the same with any hash seed."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.test_rdf import make_extraction; from kg.rdf import article_graph;"
        "g = article_graph(make_extraction());"
        "print(sorted(str(s) for s in set(g.subjects())))"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", code, str(ROOT)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


# --------------------------------------------------------------------------- content


def test_article_node(graph: Graph) -> None:
    art = article_iri(ART_ID)
    assert (art, RDF.type, KG.Article) in graph
    assert graph.value(art, KG.articleId) == Literal(ART_ID)
    assert graph.value(art, SDO.datePublished) == Literal("2022-10-20", datatype=XSD.date)
    assert graph.value(art, SDO.headline) == Literal(
        "南川 党建引领促发展 凝心筑梦谱新篇", lang="zh"
    )
    assert graph.value(art, KG.page) == Literal(15)
    assert graph.value(art, KG.edition) == Literal("第015版", lang="zh")
    assert graph.value(art, KG.text) is None
    text_graph = article_graph(make_extraction(), include_text=True)
    assert str(text_graph.value(art, KG.text)) == TEXT


def test_entities_labels_and_mentions(graph: Graph) -> None:
    art = article_iri(ART_ID)
    nanchuan = entity_iri("Place", "南川区")
    assert (nanchuan, RDF.type, KG.Place) in graph
    assert list(graph.objects(nanchuan, RDFS.label)) == [Literal("南川区", lang="zh")]
    assert list(graph.objects(nanchuan, SKOS.altLabel)) == [Literal("南川", lang="zh")]
    mentioned = set(graph.objects(art, KG.mentions))
    assert len(mentioned) == 8
    assert entity_iri("Organisation", "重庆日报") in mentioned


def test_direct_triples(graph: Graph) -> None:
    art = article_iri(ART_ID)
    assert (entity_iri("Place", "观音村"), KG.locatedIn, entity_iri("Place", "三泉镇")) in graph
    assert (art, KG.publishedIn, entity_iri("Organisation", "重庆日报")) in graph
    assert (art, KG.author, entity_iri("Person", "王静")) in graph
    assert (entity_iri("Place", "南川区"), KG.runs, entity_iri("Programme", "书记工作室")) in graph
    assert (entity_iri("Person", "韩楚"), KG.coOccursWith, entity_iri("Place", "南川区")) in graph
    (membership,) = graph.objects(entity_iri("Person", "韩楚"), KG.holdsPost)
    assert graph.value(membership, KG.member) == entity_iri("Person", "韩楚")
    assert graph.value(membership, KG.post) == post_iri("第一书记")
    assert graph.value(membership, KG.postAt) == entity_iri("Place", "鸣玉镇中心社区")
    assert (post_iri("第一书记"), RDF.type, KG.Post) in graph


def test_statements_and_evidence(graph: Graph) -> None:
    statements = set(graph.subjects(RDF.type, KG.Statement))
    assert len(statements) == 7  # every relation but the one coOccursWith
    art = article_iri(ART_ID)
    wang = entity_iri("Person", "王静")
    (author_statement,) = graph.subjects(RDF.predicate, KG.author)
    assert graph.value(author_statement, RDF.subject) == art
    assert graph.value(author_statement, RDF.object) == wang
    # co-occurrence is a statistic: a plain triple here, summed in the corpus totals
    assert not set(graph.subjects(RDF.predicate, KG.coOccursWith))
    for evidence in graph.subjects(RDF.type, KG.Evidence):
        start = graph.value(evidence, KG.start).toPython()
        end = graph.value(evidence, KG.end).toPython()
        if str(graph.value(evidence, KG.part)) == "text":
            assert TEXT[start:end] == str(graph.value(evidence, KG.sentence))


def test_role_photographer_photo_source_published_by_cooperates() -> None:
    ext = make_extraction()
    ev = _ev("第一书记韩楚")
    more = (
        Relation(("Person", "任隆兴"), "role", "志愿者", (ev,)),
        Relation(("Person", "汪新"), "photographer", ARTICLE, (ev,)),
        Relation(("Organisation", "南川区委宣传部"), "photoSource", ARTICLE, (ev,)),
        Relation(ORG_CQRB, "publishedBy", ("Organisation", "重庆日报报业集团"), (ev,)),
        Relation(PLACE_CENTRE, "cooperatesWith", ("Organisation", "四川美术学院"), (ev,)),
        Relation(PERSON_HAN, "holdsPost", "书记", (ev,)),  # no "at"
    )
    g = article_graph(Extraction(ext.article, (), ext.entities, ext.relations + more))
    art = article_iri(ART_ID)
    assert (entity_iri("Person", "任隆兴"), KG.role, post_iri("志愿者")) in g
    assert (art, KG.photographer, entity_iri("Person", "汪新")) in g
    assert (art, KG.photoSource, entity_iri("Organisation", "南川区委宣传部")) in g
    cqrb = entity_iri(*ORG_CQRB)
    assert (cqrb, KG.publishedBy, entity_iri("Organisation", "重庆日报报业集团")) in g
    assert cqrb in set(g.objects(art, KG.mentions))
    # entities only named in relations are declared but not "mentioned"
    assert g.value(entity_iri("Person", "任隆兴"), RDFS.label) == Literal("任隆兴", lang="zh")
    assert entity_iri("Person", "任隆兴") not in set(g.objects(art, KG.mentions))
    assert len(set(g.objects(entity_iri(*PERSON_HAN), KG.holdsPost))) == 2
    conforms, text = validate(g)
    assert conforms, text


def test_duplicate_relations_are_merged() -> None:
    ext = make_extraction()
    rel = ext.relations[1]
    twice = Relation(rel.subject, rel.predicate, rel.object, (_ev("观音岩驿站"),))
    g = article_graph(Extraction(ext.article, (), ext.entities, ext.relations + (twice,)))
    (statement,) = [
        s
        for s in g.subjects(RDF.predicate, KG.locatedIn)
        if g.value(s, RDF.subject) == entity_iri(*PLACE_GUANYIN)
    ]
    assert len(set(g.objects(statement, PROV.wasDerivedFrom))) == 1  # same sentence: one evidence


def test_unknown_predicate_and_bad_relations() -> None:
    ext = make_extraction()
    bad = Relation(PERSON_HAN, "likes", PLACE_NANCHUAN)
    with pytest.raises(ValueError, match="likes"):
        article_graph(Extraction(ext.article, (), ext.entities, (bad,)))
    as_lists = Relation(list(PLACE_GUANYIN), "locatedIn", list(PLACE_SANQUAN))  # e.g. from JSON
    g = article_graph(Extraction(ext.article, (), ext.entities, (as_lists,)))
    assert (entity_iri(*PLACE_GUANYIN), KG.locatedIn, entity_iri(*PLACE_SANQUAN)) in g
    for relation in (
        Relation(PERSON_HAN, "locatedIn", "南川区"),  # object not a key
        Relation(PERSON_HAN, "author", PERSON_WANG),  # no ARTICLE side
        Relation(("Thing", "x"), "runs", PROG_STUDIO),  # unknown type
        Relation(PERSON_HAN, "holdsPost", ""),  # empty post
    ):
        with pytest.raises(ValueError):
            article_graph(Extraction(ext.article, (), ext.entities, (relation,)))


# --------------------------------------------------------------------------- SHACL


def test_graph_conforms_to_shapes(graph: Graph) -> None:
    conforms, text = validate(graph)
    assert conforms, text


def test_broken_evidence_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    evidence = next(iter(broken.subjects(RDF.type, KG.Evidence)))
    broken.remove((evidence, KG.end, None))
    conforms, text = validate(broken)
    assert not conforms
    assert "end" in text


def test_evidence_start_after_end_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    evidence = next(iter(broken.subjects(RDF.type, KG.Evidence)))
    broken.set((evidence, KG.start, Literal(10_000)))
    assert not validate(broken)[0]


def test_entity_without_label_does_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    broken.remove((entity_iri("Place", "三泉镇"), RDFS.label, None))
    assert not validate(broken)[0]
    english = Graph() + graph
    english.set((entity_iri("Place", "三泉镇"), RDFS.label, Literal("Sanquan", lang="en")))
    assert not validate(english)[0]  # no zh label
    two = Graph() + graph
    two.add((entity_iri("Place", "三泉镇"), RDFS.label, Literal("三泉", lang="zh")))
    assert not validate(two)[0]  # two zh labels
    plain = Graph() + graph
    plain.add((entity_iri("Place", "三泉镇"), RDFS.label, Literal("三泉")))
    assert not validate(plain)[0]  # untagged label
    bilingual = Graph() + graph
    bilingual.add((entity_iri("Place", "三泉镇"), RDFS.label, Literal("Sanquan", lang="en")))
    assert validate(bilingual)[0]  # an extra English label is fine
    empty_alias = Graph() + graph
    empty_alias.add((entity_iri("Place", "三泉镇"), SKOS.altLabel, Literal("", lang="zh")))
    assert not validate(empty_alias)[0]


def test_statement_without_evidence_and_bad_location_do_not_conform(graph: Graph) -> None:
    broken = Graph() + graph
    statement = next(iter(broken.subjects(RDF.type, KG.Statement)))
    broken.remove((statement, PROV.wasDerivedFrom, None))
    assert not validate(broken)[0]
    wrong = Graph() + graph
    wrong.add((entity_iri("Place", "三泉镇"), KG.locatedIn, entity_iri("Person", "韩楚")))
    assert not validate(wrong)[0]


# --------------------------------------------------------------------------- serialisation


def test_turtle_round_trip_is_isomorphic(graph: Graph, tmp_path: Path) -> None:
    paths = write_outputs([make_extraction()], tmp_path)
    text = paths["ttl"].read_text(encoding="utf-8")
    assert "韩楚" in text  # UTF-8, not escaped
    for prefix in ("kg", "schema", "skos", "rdfs", "xsd"):
        assert f"@prefix {prefix}: " in text
    parsed = Graph().parse(paths["ttl"], format="turtle")
    # the article and the corpus totals, without the statements and their evidence
    provenance = set(graph.subjects(RDF.type, KG.Statement)) | set(
        graph.subjects(RDF.type, KG.Evidence)
    )
    assert provenance  # the example has statements with evidence
    expected = Graph()
    for triple in graph + totals_graph([make_extraction()]):
        if triple[0] not in provenance:
            expected.add(triple)
    assert isomorphic(parsed, expected)
    assert set(parsed) == set(expected)
    assert not set(parsed.subjects(RDF.type, KG.Statement))
    assert (None, PROV.wasDerivedFrom, None) not in parsed


def test_building_twice_gives_identical_text(tmp_path: Path) -> None:
    first = write_outputs([make_extraction(), make_extraction("other-article")], tmp_path / "a")
    second = write_outputs([make_extraction(), make_extraction("other-article")], tmp_path / "b")
    for key in ("ttl", "trig"):
        assert first[key].read_bytes() == second[key].read_bytes()
    assert article_graph(make_extraction()).serialize(format="turtle") == article_graph(
        make_extraction()
    ).serialize(format="turtle")


def test_output_is_identical_across_processes(tmp_path: Path) -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.test_rdf import make_extraction; from kg.rdf import write_outputs;"
        "write_outputs([make_extraction('b-article'), make_extraction('a-article'), make_extraction()], sys.argv[2])"
    )
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run(
            [sys.executable, "-c", code, str(ROOT), str(tmp_path / seed)],
            env=env,
            cwd=ROOT,
            check=True,
        )
    for name in ("graph.ttl", "graph.trig"):
        texts = {(tmp_path / seed / name).read_bytes() for seed in ("1", "2", "3")}
        assert len(texts) == 1, name


def test_trig_named_graphs_and_union(tmp_path: Path) -> None:
    extractions = [make_extraction(), make_extraction("cqrb-2022-10-21-p001-other")]
    paths = write_outputs(extractions, tmp_path)
    dataset = Dataset()
    dataset.parse(paths["trig"], format="trig")
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {article_iri(e.article.id) for e in extractions} | {corpus_iri()}
    assert isomorphic(dataset.graph(corpus_iri()), totals_graph(extractions))
    for ext in extractions:
        assert isomorphic(dataset.graph(article_iri(ext.article.id)), article_graph(ext))
    ttl = Graph().parse(paths["ttl"], format="turtle")
    assert isomorphic(facts_graph(dataset), ttl)
    # graph.ttl is the union of the graphs without exactly the statements and evidence
    left_out = set(union_graph(dataset)) - set(ttl)
    kinds = {o for s, _, o in left_out if (s, RDF.type, o) in left_out}
    assert kinds == {KG.Statement, KG.Evidence}
    assert {s for s, _, _ in left_out} == {s for s, p, o in left_out if p == RDF.type}
    # the same entity in two articles is one node
    assert len(set(ttl.subjects(RDF.type, KG.Person))) == 2


def test_corpus_graphs_rejects_duplicate_ids() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        corpus_graphs([make_extraction(), make_extraction()])


def test_serialize_trig_is_utf8() -> None:
    data = serialize_trig(corpus_graphs([make_extraction()]))
    assert "鸣玉镇中心社区".encode() in data
    assert data.decode("utf-8")


# --------------------------------------------------------------------------- SPARQL

PREFIXES = f"""
PREFIX kg: <{KG}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX prov: <{PROV}>
"""


def test_sparql_post_and_place(graph: Graph) -> None:
    query = (
        PREFIXES
        + """
    SELECT ?post ?where WHERE {
        ?person rdfs:label "韩楚"@zh ; kg:holdsPost ?m .
        ?m kg:post/rdfs:label ?post ; kg:postAt/rdfs:label ?where .
    }"""
    )
    rows = [(str(r.post), str(r.where)) for r in graph.query(query)]
    assert rows == [("第一书记", "鸣玉镇中心社区")]


def test_sparql_transitive_location(graph: Graph) -> None:
    query = (
        PREFIXES
        + """
    SELECT ?up WHERE { ?p rdfs:label "观音村"@zh ; kg:locatedIn+ ?x . ?x rdfs:label ?up }"""
    )
    assert {str(r.up) for r in graph.query(query)} == {"三泉镇", "南川区"}


def test_sparql_evidence_of_statement(graph: Graph) -> None:
    query = (
        PREFIXES
        + """
    SELECT ?sentence ?start ?end WHERE {
        ?s a kg:Statement ; rdf:subject ?a ; rdf:predicate kg:locatedIn ; rdf:object ?b ;
           prov:wasDerivedFrom ?e .
        ?a rdfs:label "观音村"@zh . ?b rdfs:label "三泉镇"@zh .
        ?e kg:sentence ?sentence ; kg:start ?start ; kg:end ?end ; kg:inArticle ?art .
        ?art kg:articleId ?id .
    }"""
    )
    rows = list(graph.query(query))
    assert len(rows) == 1
    sentence, start, end = str(rows[0].sentence), rows[0].start.toPython(), rows[0].end.toPython()
    assert sentence == "南川区三泉镇观音村的观音岩驿站。"
    assert TEXT[start:end] == sentence


def test_default_base_constant() -> None:
    assert DEFAULT_BASE == "https://kg.example.org/id/"


# --------------------------------------------------------------------------- property tests

_NAME = st.text(
    alphabet=st.sampled_from(
        list("南川区三泉镇观音村韩楚书记·、“”《》 <>&%#/?\"'\\") + ["\u3000", "é"]
    ),
    min_size=1,
    max_size=8,
).filter(lambda s: s.strip() != "")


@settings(max_examples=60, deadline=None)
@given(
    place_a=_NAME,
    place_b=_NAME,
    person=_NAME,
    aliases=st.lists(_NAME, max_size=3),
    article_id=_NAME,
    post=_NAME,
)
def test_any_names_round_trip(
    place_a: str, place_b: str, person: str, aliases: list[str], article_id: str, post: str
) -> None:
    sentence = f"{place_a}{place_b}{person}"
    ev = Evidence(article_id, sentence, 0, len(sentence))
    ext = Extraction(
        Article(article_id, sentence, title=person),
        (),
        (Entity("Place", place_a, tuple(aliases)), Entity("Person", person)),
        (
            Relation(("Place", place_a), "locatedIn", ("Place", place_b), (ev,)),
            Relation(("Person", person), "holdsPost", post, (ev,), at=("Place", place_b)),
        ),
    )
    graph = article_graph(ext)
    for node in {n for triple in graph for n in triple}:
        if isinstance(node, URIRef):
            assert IRI_RE.match(node), node
    for fmt in ("turtle", "nt"):
        parsed = Graph().parse(data=graph.serialize(format=fmt), format=fmt)
        assert isomorphic(parsed, graph), fmt
    dataset = Dataset()
    dataset.parse(data=serialize_trig(corpus_graphs([ext])).decode("utf-8"), format="trig")
    assert isomorphic(union_graph(dataset), graph)


# --------------------------------------------------------------------------- the gold example


@pytest.mark.shared
def test_gold_relations_build_a_conforming_graph(shared: Path) -> None:
    """Every relation of the gold file (with a stand-in sentence as evidence) fits the shapes."""
    gold = json.loads(
        (shared / "gold" / "cqrb-2022-10-20-p015-nanchuan.gold.json").read_text(encoding="utf-8")
    )
    text = (shared / "corpus" / gold["article"]["file"]).read_text(encoding="utf-8")
    article_id = gold["article"]["file"].removesuffix(".txt")
    types = {e["name"]: e["type"] for e in gold["entities"]}

    def key(name: str) -> tuple[str, str] | str:
        return name if name == ARTICLE else (types[name], name)

    def evidence(*names: str) -> Evidence:
        for match in re.finditer(r"[^。！？\n]+[。！？]?", text):
            if all(n in match.group() for n in names if n != ARTICLE):
                return Evidence(article_id, match.group(), match.start(), match.end())
        first = text.splitlines()[0]
        return Evidence(article_id, first, 0, len(first))

    relations = []
    for r in gold["relations"]:
        at = key(r["at"]) if r.get("at") in types else None
        obj = r["o"] if r["p"] in ("holdsPost", "role") else key(r["o"])
        relations.append(Relation(key(r["s"]), r["p"], obj, (evidence(r["s"]),), at=at))
    meta = gold["article"]
    ext = Extraction(
        Article(article_id, text, title=meta["title"], date=meta["date"], page=meta["page"]),
        (),
        tuple(Entity(e["type"], e["name"], tuple(e["aliases"])) for e in gold["entities"]),
        tuple(relations),
    )
    graph = article_graph(ext)
    conforms, report = validate(graph)
    assert conforms, report
    query = (
        PREFIXES
        + 'SELECT ?up WHERE { ?p rdfs:label "观音岩驿站"@zh ; kg:locatedIn+/rdfs:label ?up }'
    )
    assert {str(r.up) for r in graph.query(query)} >= {"观音村", "三泉镇", "南川区", "重庆市"}

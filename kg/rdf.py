"""Build RDF graphs (rdflib) from :class:`~kg.model.Extraction` objects.

The vocabulary is ``ontology/kg.ttl`` (namespace :data:`KG`); the shapes a
graph must satisfy are ``ontology/shapes.ttl``.  Every node has an IRI — there
are no blank nodes — and every IRI is a pure function of the extracted
content, so the same input gives the same IRIs (and the same serialisation) on
any machine:

* entities:     ``{base}{type lowercase}/{quote(name)}``  e.g. ``…/id/place/%E5%8D%97…``
* articles:     ``{base}article/{quote(id)}``
* posts/roles:  ``{base}post/{quote(word)}``
* memberships:  ``{base}membership/{sha1(person, post, at)}``
* statements:   ``{base}statement/{sha1(article id, subject, predicate, object, at)}``
* evidence:     ``{base}evidence/{sha1(article id, part, start, end, sentence)}``
* co-occurrence totals: ``{base}cooccurrence/{sha1(entity a, entity b)}``
* the corpus totals graph: ``{base}graph/corpus``

``quote`` is :func:`urllib.parse.quote` with ``safe=""`` (UTF-8, percent
encoded), so every IRI is plain ASCII.  The hashed parts are IRIs relative to
``base``, so the hashes do not depend on the base.

Each :class:`~kg.model.Relation` becomes (a) a direct triple in the ``kg:``
namespace and (b) a ``kg:Statement`` (``rdf:subject``/``rdf:predicate``/
``rdf:object``, optional ``kg:at`` and ``kg:count``) that
``prov:wasDerivedFrom`` one ``kg:Evidence`` per :class:`~kg.model.Evidence`.

The statements and their evidence (provenance) are kept in the article's named graph
only: the merged graph (:func:`facts_graph`: ``graph.ttl`` and the store's default graph)
has the direct triples, the entities, the articles and the totals.  Ask for evidence with
``GRAPH ?g { ?st rdf:subject … ; prov:wasDerivedFrom ?ev . ?ev kg:sentence ?s }``.

Besides one named graph per article, :func:`corpus_graphs` writes one named graph of
corpus-level totals (:func:`totals_graph`): each entity's ``kg:totalMentions`` and one
``kg:CoOccurrence`` per pair of entities that share sentences, with ``kg:sentences``; the
most mentioned entities of each type and the strongest pairs carry their ``kg:rank``.
They are sums of the articles' statements, kept so that "most mentioned" and "who
appears with whom" read one triple per entity or pair instead of aggregating every
statement of the corpus.
"""

from __future__ import annotations

import hashlib
import io
import json
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.model import ARTICLE, ENTITY_TYPES, Entity, Evidence, Extraction, Relation

__all__ = [
    "KG",
    "KG_NAMESPACE",
    "DEFAULT_BASE",
    "PREFIXES",
    "PREDICATES",
    "entity_iri",
    "article_iri",
    "post_iri",
    "membership_iri",
    "statement_iri",
    "evidence_iri",
    "corpus_iri",
    "cooccurrence_iri",
    "totals_graph",
    "CorpusTotals",
    "new_graph",
    "article_graph",
    "corpus_graphs",
    "union_graph",
    "facts_graph",
    "PROVENANCE",
    "serialize_trig",
    "write_outputs",
]

#: The ontology namespace (the ``kg:`` prefix).
KG_NAMESPACE = "https://kg.example.org/ontology#"

#: Where instance IRIs live unless another base is given.
DEFAULT_BASE = "https://kg.example.org/id/"


class KG(DefinedNamespace):
    """The terms of ``ontology/kg.ttl``; a misspelled term raises ``AttributeError``."""

    _NS = Namespace(KG_NAMESPACE)
    _fail = True

    # classes
    Person: URIRef
    Place: URIRef
    Organisation: URIRef
    Programme: URIRef
    Article: URIRef
    Post: URIRef
    Membership: URIRef
    Statement: URIRef
    Evidence: URIRef
    CoOccurrence: URIRef
    # relations between entities
    locatedIn: URIRef
    holdsPost: URIRef
    member: URIRef
    post: URIRef
    postAt: URIRef
    role: URIRef
    cooperatesWith: URIRef
    runs: URIRef
    publishedBy: URIRef
    coOccursWith: URIRef
    # relations of articles
    author: URIRef
    photographer: URIRef
    photoSource: URIRef
    publishedIn: URIRef
    mentions: URIRef
    # statements and evidence
    at: URIRef
    count: URIRef
    inArticle: URIRef
    sentence: URIRef
    start: URIRef
    end: URIRef
    part: URIRef
    # corpus totals
    totalMentions: URIRef
    entityA: URIRef
    entityB: URIRef
    sentences: URIRef
    rank: URIRef
    # article data
    articleId: URIRef
    edition: URIRef
    page: URIRef
    section: URIRef
    source: URIRef
    sourcePath: URIRef
    text: URIRef


#: Prefixes bound on every graph this module makes (and so written to Turtle/TriG).
PREFIXES: dict[str, str] = {
    "kg": KG_NAMESPACE,
    "schema": str(SDO),
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
}

# Relation predicates, grouped by the shape of their subject and object.
_ENTITY_TO_ENTITY = ("locatedIn", "cooperatesWith", "runs", "publishedBy", "coOccursWith")
_TO_POST = ("holdsPost", "role")
_AGENT_OF_ARTICLE = ("author", "photographer", "photoSource")  # (key, ARTICLE) stored on article
_ARTICLE_TO_ENTITY = ("publishedIn", "mentions")  # (ARTICLE, key)

#: Every relation predicate :func:`article_graph` understands.
PREDICATES: frozenset[str] = frozenset(
    _ENTITY_TO_ENTITY + _TO_POST + _AGENT_OF_ARTICLE + _ARTICLE_TO_ENTITY
)

_ZH = "zh"


# --------------------------------------------------------------------------- IRIs


def _quote(text: str) -> str:
    return quote(text, safe="")


def entity_iri(type: str, name: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the entity ``(type, name)``: ``{base}{type lowercase}/{quoted name}``."""
    if type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {type!r} (expected one of {ENTITY_TYPES})")
    if not name:
        raise ValueError(f"empty {type} name")
    return URIRef(f"{base}{type.lower()}/{_quote(name)}")


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of an article: ``{base}article/{quoted id}``."""
    if not article_id:
        raise ValueError("empty article id")
    return URIRef(f"{base}article/{_quote(article_id)}")


def post_iri(word: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a post or role word (第一书记, 志愿者): ``{base}post/{quoted word}``."""
    if not word:
        raise ValueError("empty post or role word")
    return URIRef(f"{base}post/{_quote(word)}")


def _relative(node: URIRef | None, base: str) -> str:
    if node is None:
        return ""
    text = str(node)
    return text[len(base) :] if text.startswith(base) else text


def _digest(*parts: object) -> str:
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def membership_iri(
    person: URIRef, post: URIRef, at: URIRef | None = None, base: str = DEFAULT_BASE
) -> URIRef:
    """The IRI of a membership (``person`` holds ``post`` at ``at``), from a sha1 of the three."""
    key = _digest("membership", _relative(person, base), _relative(post, base), _relative(at, base))
    return URIRef(f"{base}membership/{key}")


def statement_iri(
    article_id: str,
    subject: URIRef,
    predicate: URIRef,
    obj: URIRef,
    at: URIRef | None = None,
    base: str = DEFAULT_BASE,
) -> URIRef:
    """The IRI of the statement of one relation in one article, from a sha1 of its content."""
    key = _digest(
        "statement",
        article_id,
        _relative(subject, base),
        str(predicate),
        _relative(obj, base),
        _relative(at, base),
    )
    return URIRef(f"{base}statement/{key}")


def evidence_iri(evidence: Evidence, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of one piece of evidence, from a sha1 of its article, part, offsets and sentence."""
    key = _digest(
        "evidence",
        evidence.article,
        evidence.part,
        evidence.start,
        evidence.end,
        evidence.sentence,
    )
    return URIRef(f"{base}evidence/{key}")


def corpus_iri(base: str = DEFAULT_BASE) -> URIRef:
    """The name of the named graph of corpus totals (:func:`totals_graph`)."""
    return URIRef(f"{base}graph/corpus")


def cooccurrence_iri(a: URIRef, b: URIRef, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of the corpus total of two entities' co-occurrence (``a`` sorts first)."""
    return URIRef(f"{base}cooccurrence/{_digest('cooccurrence', _relative(a, base), _relative(b, base))}")


# --------------------------------------------------------------------------- graphs


def new_graph() -> Graph:
    """An empty graph with the :data:`PREFIXES` bound (and no others)."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _new_dataset() -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    return dataset


def _zh(text: str) -> Literal:
    return Literal(text, lang=_ZH)


def _add_article(graph: Graph, node: URIRef, ext: Extraction, include_text: bool) -> None:
    article = ext.article
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, KG.articleId, Literal(article.id)))
    if article.title:
        graph.add((node, SDO.headline, _zh(article.title)))
    if article.date:
        graph.add((node, SDO.datePublished, Literal(article.date, datatype=XSD.date)))
    if article.edition:
        graph.add((node, KG.edition, _zh(article.edition)))
    if article.page is not None:
        graph.add((node, KG.page, Literal(article.page)))
    if article.section:
        graph.add((node, KG.section, _zh(article.section)))
    if article.source:
        graph.add((node, KG.source, _zh(article.source)))
    if article.path:
        graph.add((node, KG.sourcePath, Literal(article.path)))
    if article.url:
        graph.add((node, SDO.url, Literal(article.url, datatype=XSD.anyURI)))
    if include_text and article.text:
        graph.add((node, KG.text, _zh(article.text)))


def _add_entity(graph: Graph, entity: Entity, base: str) -> URIRef:
    node = entity_iri(entity.type, entity.name, base)
    graph.add((node, RDF.type, KG[entity.type]))
    graph.add((node, RDFS.label, _zh(entity.name)))
    for alias in entity.aliases:
        if alias and alias != entity.name:
            graph.add((node, SKOS.altLabel, _zh(alias)))
    return node


_TYPES = frozenset(ENTITY_TYPES)


def _key(value: object, predicate: str, role: str) -> tuple[str, str]:
    """``value`` as an entity key ``(type, name)``, or a ValueError naming the relation."""
    if type(value) is tuple and len(value) == 2 and value[0] in _TYPES and type(value[1]) is str:
        if value[1]:  # the common case, checked first
            return value  # type: ignore[return-value]
    elif (
        isinstance(value, tuple | list)
        and len(value) == 2
        and all(isinstance(part, str) for part in value)
        and value[0] in ENTITY_TYPES
        and value[1]
    ):
        return (value[0], value[1])
    raise ValueError(
        f"relation {predicate!r}: {role} must be an entity key (type, name), got {value!r}"
    )


def _key_node(graph: Graph, value: object, predicate: str, role: str, base: str) -> URIRef:
    """The IRI of an entity key, declaring the entity (type and label) in ``graph``."""
    type_, name = _key(value, predicate, role)
    return _add_entity(graph, Entity(type_, name), base)


def _word(value: object, predicate: str) -> str:
    if isinstance(value, str) and value and value != ARTICLE:
        return value
    raise ValueError(f"relation {predicate!r}: object must be a post or role word, got {value!r}")


def _post_node(graph: Graph, word: str, base: str) -> URIRef:
    node = post_iri(word, base)
    graph.add((node, RDF.type, KG.Post))
    graph.add((node, RDFS.label, _zh(word)))
    return node


def _article_and_other(relation: Relation) -> object:
    """For a relation between the article and an entity, the entity side."""
    if relation.subject == ARTICLE and relation.object != ARTICLE:
        return relation.object
    if relation.object == ARTICLE and relation.subject != ARTICLE:
        return relation.subject
    raise ValueError(
        f"relation {relation.predicate!r} must link {ARTICLE!r} and an entity, "
        f"got {relation.subject!r} -> {relation.object!r}"
    )


def _merge(relations: Iterable[Relation]) -> list[Relation]:
    """Relations with the same subject, predicate, object and ``at`` merged into one.

    Evidence is united (first-seen order); the count is the largest given.
    """
    merged: dict[tuple, Relation] = {}
    for relation in relations:
        key = tuple(
            tuple(part) if isinstance(part, list) else part
            for part in (relation.subject, relation.predicate, relation.object, relation.at)
        )
        seen = merged.get(key)
        if seen is None:
            merged[key] = relation
            continue
        evidence = seen.evidence + tuple(e for e in relation.evidence if e not in seen.evidence)
        merged[key] = replace(seen, evidence=evidence, count=max(seen.count, relation.count))
    return list(merged.values())


def _add_relation(
    graph: Graph, relation: Relation, article_id: str, article: URIRef, base: str
) -> None:
    predicate = relation.predicate
    if predicate not in PREDICATES:
        raise ValueError(
            f"unknown relation predicate {predicate!r} (expected one of {sorted(PREDICATES)})"
        )
    term = KG[predicate]
    at = None if relation.at is None else _key_node(graph, relation.at, predicate, "at", base)

    if predicate in _ENTITY_TO_ENTITY:
        subject = _key_node(graph, relation.subject, predicate, "subject", base)
        object_ = _key_node(graph, relation.object, predicate, "object", base)
    elif predicate in _TO_POST:
        subject = _key_node(graph, relation.subject, predicate, "subject", base)
        post = _post_node(graph, _word(relation.object, predicate), base)
        if predicate == "role":
            object_ = post
        else:  # holdsPost: person -> membership(member, post, postAt)
            object_ = membership_iri(subject, post, at, base)
            graph.add((object_, RDF.type, KG.Membership))
            graph.add((object_, KG.member, subject))
            graph.add((object_, KG.post, post))
            if at is not None:
                graph.add((object_, KG.postAt, at))
    else:  # between the article and an entity: always stored on the article
        subject = article
        object_ = _key_node(graph, _article_and_other(relation), predicate, "entity", base)

    graph.add((subject, term, object_))
    if predicate == "coOccursWith":  # statistics, not a statement: see CoOccurrence
        return

    statement = statement_iri(article_id, subject, term, object_, at, base)
    graph.add((statement, RDF.type, KG.Statement))
    graph.add((statement, RDF.subject, subject))
    graph.add((statement, RDF.predicate, term))
    graph.add((statement, RDF.object, object_))
    if at is not None:
        graph.add((statement, KG.at, at))
    if relation.count != 1:
        graph.add((statement, KG.count, Literal(int(relation.count))))
    for evidence in relation.evidence:
        graph.add(
            (statement, PROV.wasDerivedFrom, _add_evidence(graph, evidence, article_id, base))
        )


def _add_evidence(graph: Graph, evidence: Evidence, article_id: str, base: str) -> URIRef:
    if not evidence.article:
        evidence = replace(evidence, article=article_id)
    node = evidence_iri(evidence, base)
    source = article_iri(evidence.article, base)
    if evidence.article != article_id:  # evidence from another article: declare that article
        graph.add((source, RDF.type, KG.Article))
        graph.add((source, KG.articleId, Literal(evidence.article)))
    graph.add((node, RDF.type, KG.Evidence))
    graph.add((node, KG.inArticle, source))
    graph.add((node, KG.sentence, _zh(evidence.sentence)))
    graph.add((node, KG.start, Literal(int(evidence.start))))
    graph.add((node, KG.end, Literal(int(evidence.end))))
    graph.add((node, KG.part, Literal(evidence.part)))
    return node


def article_graph(
    ext: Extraction, base: str = DEFAULT_BASE, *, include_text: bool = False
) -> Graph:
    """The triples of one article: the article, its entities, relations and their evidence.

    Every entity of ``ext.entities`` is typed, labelled (``rdfs:label`` @zh,
    ``skos:altLabel`` @zh for aliases) and ``kg:mentions``-ed by the article.
    Entities that appear only in relations are typed and labelled too.  With
    ``include_text`` the article text is stored as ``kg:text``.

    Raises ValueError for an unknown predicate or a malformed relation.
    """
    graph = new_graph()
    article_id = ext.article.id
    article = article_iri(article_id, base)
    _add_article(graph, article, ext, include_text)
    for entity in ext.entities:
        graph.add((article, KG.mentions, _add_entity(graph, entity, base)))
    for relation in _merge(ext.relations):
        _add_relation(graph, relation, article_id, article, base)
    return graph


def corpus_graphs(
    extractions: Iterable[Extraction], base: str = DEFAULT_BASE, *, include_text: bool = False
) -> Dataset:
    """A dataset with one named graph per article (graph name = the article's IRI).

    Raises ValueError when two extractions have the same article id.
    """
    dataset = _new_dataset()
    seen: set[URIRef] = set()
    totals = CorpusTotals()
    for ext in extractions:
        name = article_iri(ext.article.id, base)
        if name in seen:
            raise ValueError(f"duplicate article id {ext.article.id!r}")
        seen.add(name)
        named = dataset.graph(name)
        named.addN(
            (s, p, o, named) for s, p, o in article_graph(ext, base, include_text=include_text)
        )
        totals.add(ext)
    if seen:
        named = dataset.graph(corpus_iri(base))
        named.addN((s, p, o, named) for s, p, o in totals.graph(base))
    return dataset


#: How many entities of each type, and how many co-occurring pairs, get a ``kg:rank``.
RANKED_ENTITIES, RANKED_PAIRS = 100, 1000


class CorpusTotals:
    """Mentions per entity and shared sentences per pair of entities, summed over articles
    exactly as the articles' statements count them (``kg:count``, 1 when absent)."""

    def __init__(self) -> None:
        self.mentions: Counter[tuple[str, str]] = Counter()
        self.pairs: Counter[tuple[tuple[str, str], tuple[str, str]]] = Counter()

    def add(self, ext: Extraction) -> None:
        """Count one article's ``mentions`` and ``coOccursWith`` relations."""
        self.add_relations(_merge(ext.relations))

    def add_relations(self, relations: Iterable[Relation]) -> None:
        """Count ``mentions`` and ``coOccursWith`` relations already merged (:func:`_merge`)."""
        for relation in relations:
            if relation.predicate == "mentions":
                key = _key(_article_and_other(relation), "mentions", "entity")
                self.mentions[key] += relation.count
            elif relation.predicate == "coOccursWith":
                a = _key(relation.subject, "coOccursWith", "subject")
                b = _key(relation.object, "coOccursWith", "object")
                self.pairs[(a, b) if a <= b else (b, a)] += relation.count

    def graph(self, base: str = DEFAULT_BASE) -> Graph:
        """The totals as triples (:func:`totals_graph`)."""
        graph = new_graph()
        ranked: dict[str, list] = {t: [] for t in ENTITY_TYPES}
        for (type_, name), n in self.mentions.items():
            node = entity_iri(type_, name, base)
            graph.add((node, KG.totalMentions, Literal(int(n))))
            ranked[type_].append((-n, name, node))
        for entries in ranked.values():
            for rank, (_, _, node) in enumerate(sorted(entries)[:RANKED_ENTITIES], 1):
                graph.add((node, KG.rank, Literal(rank)))
        pairs = []
        for (a, b), n in self.pairs.items():
            ia, ib = entity_iri(*a, base), entity_iri(*b, base)
            node = cooccurrence_iri(ia, ib, base)
            graph.add((node, RDF.type, KG.CoOccurrence))
            graph.add((node, KG.entityA, ia))
            graph.add((node, KG.entityB, ib))
            graph.add((node, KG.sentences, Literal(int(n))))
            pairs.append((-n, a[1], b[1], a[0], b[0], node))
        for rank, entry in enumerate(sorted(pairs)[:RANKED_PAIRS], 1):
            graph.add((entry[-1], KG.rank, Literal(rank)))
        return graph


def totals_graph(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Graph:
    """Corpus totals of ``extractions``: ``E kg:totalMentions n`` for every mentioned
    entity and a ``kg:CoOccurrence`` (``kg:entityA``, ``kg:entityB``, ``kg:sentences``)
    for every pair of entities that share a sentence somewhere in the corpus.

    Ranks (``kg:rank``, 1 = first) go to the :data:`RANKED_ENTITIES` most mentioned entities
    of each type (ties by name) and the :data:`RANKED_PAIRS` pairs with the most sentences
    (ties by the names), so "top N" questions read N triples however large the corpus."""
    totals = CorpusTotals()
    for ext in extractions:
        totals.add(ext)
    return totals.graph(base)


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all graphs of ``dataset`` (named and default) in one graph."""
    graph = new_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


#: The classes of provenance nodes: their triples stay in the articles' named graphs.
PROVENANCE = (KG.Statement, KG.Evidence)


def facts_graph(dataset: Dataset) -> Graph:
    """The merged knowledge graph of ``dataset`` (``graph.ttl``, the store's default
    graph): every triple of every graph except those of statements and evidence
    (:data:`PROVENANCE`), which are kept in the articles' named graphs only."""
    union = union_graph(dataset)
    provenance = {s for cls in PROVENANCE for s in union.subjects(RDF.type, cls)}
    graph = new_graph()
    graph.addN((s, p, o, graph) for s, p, o in union if s not in provenance)
    return graph


def serialize_trig(dataset: Dataset) -> bytes:
    """``dataset`` as UTF-8 TriG with its named graphs in IRI order (deterministic)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Dataset.default_context
        serializer = TrigSerializer(dataset)
    # The store keeps its graphs in a set: sort them so the text is the same on every run.
    serializer.contexts.sort(key=lambda context: str(context.identifier))
    stream = io.BytesIO()
    serializer.serialize(stream, encoding="utf-8")
    return stream.getvalue()


def write_outputs(
    extractions: Iterable[Extraction],
    out_dir: str | Path,
    base: str = DEFAULT_BASE,
    *,
    include_text: bool = False,
    dataset: Dataset | None = None,
    graph: Graph | None = None,
) -> dict[str, Path]:
    """Write ``graph.ttl`` (the merged graph, :func:`facts_graph`) and ``graph.trig`` (one
    named graph per article, with the provenance).

    Both files are UTF-8.  Returns ``{"ttl": path, "trig": path}``.  A caller that
    already built the dataset (and its facts graph) passes them to save the work.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if dataset is None:
        dataset = corpus_graphs(extractions, base, include_text=include_text)
    if graph is None:
        graph = facts_graph(dataset)
    paths = {"ttl": out / "graph.ttl", "trig": out / "graph.trig"}
    paths["ttl"].write_bytes(graph.serialize(format="turtle", encoding="utf-8"))
    paths["trig"].write_bytes(serialize_trig(dataset))
    return paths

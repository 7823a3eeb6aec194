"""RDF as text, written directly: the same graph as :mod:`kg.rdf`, without rdflib.

:func:`kg.rdf.article_graph` builds an rdflib graph triple by triple, which is
fine for one article and far too slow for ten thousand (rdflib's Turtle and TriG
serialisers dominated large builds).  This module writes the very same triples as
Turtle/TriG text lines — full IRIs for instances, prefixed names for the vocabulary,
one triple per line — so that a build can stream them to ``graph.trig``,
``graph.ttl`` and the store.  :func:`article_text` gives one article's triples in three
parts:

* ``provenance``: the article's statements and their evidence (``kg:Statement``,
  ``kg:Evidence``) — only in the article's named graph (``graph.trig``);
* ``own``: the other triples whose subject is this article alone (its metadata, what it
  mentions, its byline) — never repeated in another article's graph;
* ``shared``: triples that other articles may also have (entity labels, posts,
  memberships, relations between entities) — :func:`write_corpus` writes each of them
  once in ``graph.ttl``.

``graph.ttl`` (and the store's default graph) is the merged knowledge graph: ``own`` and
``shared`` of every article and the corpus totals, without the provenance, which stays in
the named graphs (a statement and an evidence node for every relation: on the CCTV corpus
they would be 2.1 M of the merged graph's 3.0 M triples).

The tests check that the text parses to a graph isomorphic to ``article_graph``.

>>> from kg.model import Article, Entity, Extraction
>>> ext = Extraction(Article("a1", "南川区"), (), (Entity("Place", "南川区"),), ())
>>> provenance, own, shared = article_text(ext)
>>> shared[0]
'<https://kg.example.org/id/place/%E5%8D%97%E5%B7%9D%E5%8C%BA> a kg:Place'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from hashlib import blake2b, sha1
from json.encoder import encode_basestring as _json_str
from pathlib import Path
from urllib.parse import quote

from .model import ENTITY_TYPES, Evidence, Extraction, Relation
from .rdf import (
    _AGENT_OF_ARTICLE,
    _ENTITY_TO_ENTITY,
    _TO_POST,
    DEFAULT_BASE,
    PREDICATES,
    PREFIXES,
    RANKED_ENTITIES,
    RANKED_PAIRS,
    CorpusTotals,
    _article_and_other,
    _key,
    _merge,
    _word,
)

__all__ = [
    "GRAPH_FORMAT",
    "ArticleBlock",
    "ArticleText",
    "CorpusWriter",
    "article_block",
    "article_block_and_counts",
    "article_counts",
    "article_text",
    "prefix_header",
    "totals_lines",
    "trig_block",
    "write_corpus",
]

#: Changes whenever the triples written for the same extraction change, so that graphs
#: saved by an earlier build (``OUT/cache``) are rendered again instead of copied.
GRAPH_FORMAT = 3

#: (provenance lines, own lines, shared lines) of one article; each line is ``subject
#: predicate object`` without the final `` .``.
ArticleText = tuple[list[str], list[str], list[str]]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_INT = "^^xsd:integer"


def prefix_header() -> str:
    """The ``@prefix`` lines of :data:`kg.rdf.PREFIXES`, as rdflib's Turtle writes them."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + "\n"


def _escape(text: str) -> str:
    if "\\" in text or '"' in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPES)
    return text


def _lit(text: str) -> str:
    return '"' + _escape(text) + '"'


def _zh(text: str) -> str:
    return '"' + _escape(text) + '"@zh'


def _digest(*parts: str | int) -> str:
    """:func:`kg.rdf._digest` (sha1 of the parts' compact JSON), without ``json.dumps``."""
    data = "[" + ",".join(_json_str(p) if isinstance(p, str) else str(int(p)) for p in parts) + "]"
    return sha1(data.encode("utf-8")).hexdigest()


def _int(value: int) -> str:
    return f'"{int(value)}"{_XSD_INT}'


@lru_cache(maxsize=1 << 17)
def _q(text: str) -> str:
    return quote(text, safe="")


class _Writer:
    """The triples of one article, sorted into own and shared lines."""

    def __init__(self, ext: Extraction, base: str):
        self.base, self.ext = base, ext
        self.article_id = ext.article.id
        if not self.article_id:
            raise ValueError("empty article id")
        self.article = f"<{base}article/{_q(self.article_id)}>"
        self.own: dict[str, None] = {}
        self.prov: dict[str, None] = {}  # statements and evidence
        self.evidences: dict[Evidence, str] = {}
        self.nodes: dict[tuple[str, str], tuple[str, str]] = {}  # key -> (node, relative IRI)
        self.shared: dict[str, None] = {}

    def entity(self, type_: str, name: str, aliases: Iterable[str] = ()) -> str:
        rel = f"{type_.lower()}/{_q(name)}"
        node = f"<{self.base}{rel}>"
        self.nodes[(type_, name)] = (node, rel)
        shared = self.shared
        shared[f"{node} a kg:{type_}"] = None
        shared[f"{node} rdfs:label {_zh(name)}"] = None
        for alias in aliases:
            if alias and alias != name:
                shared[f"{node} skos:altLabel {_zh(alias)}"] = None
        return node

    def key_node(self, value: object, predicate: str, role: str) -> tuple[str, str]:
        """``(node, relative IRI)`` of an entity key, declared once (its type and label)."""
        known = self.nodes.get(value) if type(value) is tuple else None  # type: ignore[arg-type]
        if known is not None:
            return known
        type_, name = _key(value, predicate, role)
        self.entity(type_, name)
        return self.nodes[(type_, name)]

    def post(self, word: str) -> tuple[str, str]:
        rel = f"post/{_q(word)}"
        node = f"<{self.base}{rel}>"
        self.shared[f"{node} a kg:Post"] = None
        self.shared[f"{node} rdfs:label {_zh(word)}"] = None
        return node, rel

    def relation(self, relation: Relation) -> None:
        predicate = relation.predicate
        if predicate not in PREDICATES:
            raise ValueError(
                f"unknown relation predicate {predicate!r} (expected one of {sorted(PREDICATES)})"
            )
        base, own, shared = self.base, self.own, self.shared
        term = f"kg:{predicate}"
        at, at_rel = (
            ("", "") if relation.at is None else self.key_node(relation.at, predicate, "at")
        )
        if predicate in _ENTITY_TO_ENTITY:
            subject, s_rel = self.key_node(relation.subject, predicate, "subject")
            obj, o_rel = self.key_node(relation.object, predicate, "object")
            shared[f"{subject} {term} {obj}"] = None
            if predicate == "coOccursWith":  # statistics, not a statement: see CoOccurrence
                return
        elif predicate in _TO_POST:
            subject, s_rel = self.key_node(relation.subject, predicate, "subject")
            post, post_rel = self.post(_word(relation.object, predicate))
            if predicate == "role":
                obj, o_rel = post, post_rel
            else:  # holdsPost: person -> membership(member, post, postAt)
                o_rel = "membership/" + _digest("membership", s_rel, post_rel, at_rel)
                obj = f"<{base}{o_rel}>"
                shared[f"{obj} a kg:Membership"] = None
                shared[f"{obj} kg:member {subject}"] = None
                shared[f"{obj} kg:post {post}"] = None
                if at:
                    shared[f"{obj} kg:postAt {at}"] = None
            shared[f"{subject} {term} {obj}"] = None
        else:  # between the article and an entity: always stored on the article
            subject, s_rel = self.article, f"article/{_q(self.article_id)}"
            side = _article_and_other(relation)
            obj, o_rel = self.key_node(side, predicate, "entity")
            own[f"{subject} {term} {obj}"] = None
        predicate_iri = f"https://kg.example.org/ontology#{predicate}"
        st_rel = "statement/" + _digest(
            "statement", self.article_id, s_rel, predicate_iri, o_rel, at_rel
        )
        statement = f"<{base}{st_rel}>"
        prov = self.prov
        prov[f"{statement} a kg:Statement"] = None
        prov[f"{statement} rdf:subject {subject}"] = None
        prov[f"{statement} rdf:predicate {term}"] = None
        prov[f"{statement} rdf:object {obj}"] = None
        if at:
            prov[f"{statement} kg:at {at}"] = None
        if relation.count != 1:
            prov[f"{statement} kg:count {_int(relation.count)}"] = None
        for evidence in relation.evidence:
            prov[f"{statement} prov:wasDerivedFrom {self.evidence(evidence)}"] = None

    def evidence(self, evidence: Evidence) -> str:
        node = self.evidences.get(evidence)
        if node is None:
            node = self.evidences[evidence] = self._evidence(evidence)
        return node

    def _evidence(self, evidence: Evidence) -> str:
        if not evidence.article:
            evidence = replace(evidence, article=self.article_id)
        key = _digest(
            "evidence", evidence.article, evidence.part, evidence.start, evidence.end,
            evidence.sentence,
        )  # fmt: skip
        node = f"<{self.base}evidence/{key}>"
        prov = self.prov
        source = f"<{self.base}article/{_q(evidence.article)}>"
        if evidence.article != self.article_id:
            self.shared[f"{source} a kg:Article"] = None
            self.shared[f"{source} kg:articleId {_lit(evidence.article)}"] = None
        prov[f"{node} a kg:Evidence"] = None
        prov[f"{node} kg:inArticle {source}"] = None
        prov[f"{node} kg:sentence {_zh(evidence.sentence)}"] = None
        prov[f"{node} kg:start {_int(evidence.start)}"] = None
        prov[f"{node} kg:end {_int(evidence.end)}"] = None
        prov[f"{node} kg:part {_lit(evidence.part)}"] = None
        return node

    def article_lines(self, include_text: bool) -> None:
        a, node, own = self.ext.article, self.article, self.own
        own[f"{node} a kg:Article"] = None
        own[f"{node} kg:articleId {_lit(a.id)}"] = None
        if a.title:
            own[f"{node} schema:headline {_zh(a.title)}"] = None
        if a.date:
            own[f"{node} schema:datePublished {_lit(a.date)}^^xsd:date"] = None
        if a.edition:
            own[f"{node} kg:edition {_zh(a.edition)}"] = None
        if a.page is not None:
            own[f"{node} kg:page {_int(a.page)}"] = None
        if a.section:
            own[f"{node} kg:section {_zh(a.section)}"] = None
        if a.source:
            own[f"{node} kg:source {_zh(a.source)}"] = None
        if a.path:
            own[f"{node} kg:sourcePath {_lit(a.path)}"] = None
        if a.url:
            own[f"{node} schema:url {_lit(a.url)}^^xsd:anyURI"] = None
        if include_text and a.text:
            own[f"{node} kg:text {_zh(a.text)}"] = None


assert set(_AGENT_OF_ARTICLE) <= PREDICATES  # stored on the article, like publishedIn


def article_text(
    ext: Extraction, base: str = DEFAULT_BASE, *, include_text: bool = False
) -> ArticleText:
    """The triples of :func:`kg.rdf.article_graph` as text lines: ``(provenance, own,
    shared)`` (see the module docstring).

    Raises ValueError for an unknown predicate or a malformed relation, as
    ``article_graph`` does.
    """
    return _article_text(ext, base, include_text)[0]


def _article_text(
    ext: Extraction, base: str, include_text: bool
) -> tuple[ArticleText, list[Relation]]:
    """:func:`article_text` and the merged relations it wrote."""
    w = _Writer(ext, base)
    w.article_lines(include_text)
    for entity in ext.entities:
        node = w.entity(entity.type, entity.name, entity.aliases)
        w.own[f"{w.article} kg:mentions {node}"] = None
    relations = _merge(ext.relations)
    for relation in relations:
        w.relation(relation)
    own = w.own
    return (list(w.prov), list(own), [line for line in w.shared if line not in own]), relations


def trig_block(ext: Extraction, text: ArticleText, base: str = DEFAULT_BASE) -> str:
    """One article's named graph as a TriG block (graph name = the article's IRI)."""
    return _block(f"<{base}article/{_q(ext.article.id)}>", *text)


def _block(name: str, *parts: list[str]) -> str:
    lines = [line for part in parts for line in part]
    body = "".join(line + " .\n" for line in lines)
    return f"{name} {{\n{body}}}\n\n"


#: One article's graph as a TriG block: (UTF-8 bytes, where its own lines start and end,
#: the 128-bit digests of its shared lines or None).
ArticleBlock = tuple[bytes, int, int, "list[int] | None"]


def _digest128(line: bytes) -> int:
    return int.from_bytes(blake2b(line, digest_size=16).digest(), "little")


def article_block(
    ext: Extraction, base: str = DEFAULT_BASE, *, include_text: bool = False
) -> ArticleBlock:
    """One article's named graph as a TriG block, ready for :meth:`CorpusWriter.add`: its
    provenance lines first, then its own lines (from the block's ``own_start``), then the
    shared ones (from ``own_end``)."""
    return _article_block(ext, base, _article_text(ext, base, include_text)[0])


def article_block_and_counts(
    ext: Extraction, base: str = DEFAULT_BASE, *, include_text: bool = False
) -> tuple[ArticleBlock, tuple[dict, dict]]:
    """``(article_block(ext), article_counts(ext))``, merging the relations once."""
    text, relations = _article_text(ext, base, include_text)
    totals = CorpusTotals()
    totals.add_relations(relations)
    return _article_block(ext, base, text), (dict(totals.mentions), dict(totals.pairs))


def _article_block(ext: Extraction, base: str, text: ArticleText) -> ArticleBlock:
    prov, own, shared = text
    head = f"<{base}article/{_q(ext.article.id)}> {{\n".encode()
    prov_bytes = "".join(line + " .\n" for line in prov).encode()
    own_bytes = "".join(line + " .\n" for line in own).encode()
    shared_lines = [line.encode() for line in shared]
    data = b"".join(
        (head, prov_bytes, own_bytes, *(line + b" .\n" for line in shared_lines), b"}\n\n")
    )
    start = len(head) + len(prov_bytes)
    return data, start, start + len(own_bytes), [_digest128(line) for line in shared_lines]


def article_counts(ext: Extraction) -> tuple[dict, dict]:
    """One article's contribution to :class:`kg.rdf.CorpusTotals`: (mentions, pairs)."""
    totals = CorpusTotals()
    totals.add(ext)
    return dict(totals.mentions), dict(totals.pairs)


def totals_lines(totals: CorpusTotals, base: str = DEFAULT_BASE) -> list[str]:
    """The triples of ``totals.graph(base)`` (the corpus-totals graph) as text lines."""
    lines: list[str] = []
    ranked: dict[str, list] = {t: [] for t in ENTITY_TYPES}
    # each entity's IRI and the JSON string of its relative IRI (for the digest of a pair's
    # node, as :func:`_digest` makes it), once per entity rather than once per pair
    nodes: dict[tuple[str, str], tuple[str, str]] = {}

    def node_of(key: tuple[str, str]) -> tuple[str, str]:
        found = nodes.get(key)
        if found is None:
            rel = f"{key[0].lower()}/{_q(key[1])}"
            found = nodes[key] = (f"<{base}{rel}>", _json_str(rel))
        return found

    for (type_, name), n in totals.mentions.items():
        node, _ = node_of((type_, name))
        lines.append(f"{node} kg:totalMentions {_int(n)}")
        ranked[type_].append((-n, name, node))
    for entries in ranked.values():
        for rank, (_, _, node) in enumerate(sorted(entries)[:RANKED_ENTITIES], 1):
            lines.append(f"{node} kg:rank {_int(rank)}")
    pairs = []
    for (a, b), n in totals.pairs.items():
        (ia, ja), (ib, jb) = node_of(a), node_of(b)
        digest = sha1(f'["cooccurrence",{ja},{jb}]'.encode()).hexdigest()  # _digest(…)
        node = f"<{base}cooccurrence/{digest}>"
        lines.append(f"{node} a kg:CoOccurrence")
        lines.append(f"{node} kg:entityA {ia}")
        lines.append(f"{node} kg:entityB {ib}")
        lines.append(f"{node} kg:sentences {_int(n)}")
        pairs.append((-n, a[1], b[1], a[0], b[0], node))
    for rank, entry in enumerate(sorted(pairs)[:RANKED_PAIRS], 1):
        lines.append(f"{entry[-1]} kg:rank {_int(rank)}")
    return lines


class CorpusWriter:
    """Writes ``graph.trig`` (one named graph per article, then the corpus totals) and
    ``graph.ttl`` (their merge without the provenance: each triple once) as the articles
    come, in the order given.

    ``blocks`` records where each article's block is in ``graph.trig``: ``iri →
    (offset, length, own_start, own_end)`` (bytes), so a later build can copy it."""

    def __init__(
        self,
        trig_path: Path,
        ttl_path: Path,
        base: str = DEFAULT_BASE,
        *,
        resume: tuple[int, int, set[int]] | None = None,
    ):
        """``resume=(trig_end, ttl_end, seen)`` appends to the files of an earlier writer
        instead: they are cut where its corpus totals began (:attr:`offset` and
        :attr:`ttl_end` of that writer), and ``seen`` is its :attr:`seen`."""
        self.base = base
        mode = "r+b" if resume is not None else "wb"
        self.trig = open(trig_path, mode)  # noqa: SIM115 - closed in close()
        self.ttl = open(ttl_path, mode)  # noqa: SIM115
        # 128-bit digests of the shared lines written so far: a quarter of the memory of
        # the lines themselves, and no collision in any corpus that fits on a disk
        self.seen: set[int] = set()
        self.totals = CorpusTotals()
        self.blocks: dict[str, tuple[int, int, int, int]] = {}
        if resume is not None:
            self.offset, ttl_end, self.seen = resume
            for fh, end in ((self.trig, self.offset), (self.ttl, ttl_end)):
                fh.truncate(end)
                fh.seek(end)
            return
        header = prefix_header().encode()
        self.trig.write(header)
        self.ttl.write(header)
        self.offset = len(header)

    def keep(self, iri: str, where: tuple[int, int, int, int], counts: tuple[dict, dict]) -> None:
        """An article's graph that is already in the files (``where`` as in :attr:`blocks`,
        written by an earlier writer or by :meth:`add`): its place and counts are noted."""
        self.blocks[iri] = where
        self.totals.mentions.update(counts[0])
        self.totals.pairs.update(counts[1])

    def add(self, iri: str, block: ArticleBlock, counts: tuple[dict, dict]) -> None:
        """An article's graph: its block (:func:`article_block`, or copied from an earlier
        ``graph.trig`` as :attr:`blocks` says, ``digests`` then None) and its counts."""
        data, own_start, own_end, digests = block
        self.trig.write(data)
        self.keep(iri, (self.offset, len(data), own_start, own_end), counts)
        self.offset += len(data)
        self.ttl.write(data[own_start:own_end])
        lines = data[own_end:-3].split(b" .\n")[:-1]  # the block ends "}\n\n"
        if digests is None:
            digests = [_digest128(line) for line in lines]
        seen = self.seen
        fresh = []
        for digest, line in zip(digests, lines, strict=True):
            if digest not in seen:
                seen.add(digest)
                fresh.append(line)
        if fresh:
            self.ttl.write(b" .\n".join(fresh) + b" .\n")

    def finish(self) -> list[str]:
        """Write the corpus-totals graph (when there are articles); returns its lines."""
        lines = totals_lines(self.totals, self.base) if self.blocks else []
        self.ttl_end = self.ttl.tell()
        if lines:
            name = f"{self.base}graph/corpus"
            self.trig.write(_block(f"<{name}>", lines, []).encode())
            self.ttl.write("".join(line + " .\n" for line in lines).encode())
        self.close()
        return lines

    def close(self) -> None:
        self.trig.close()
        self.ttl.close()


def write_corpus(
    extractions: Iterable[Extraction],
    trig_path: Path,
    ttl_path: Path,
    base: str = DEFAULT_BASE,
    *,
    include_text: bool = False,
) -> None:
    """Write ``graph.trig`` and ``graph.ttl`` of ``extractions`` (the graphs of
    :func:`kg.rdf.corpus_graphs`, totals included).

    Raises ValueError on a duplicate article id or a malformed relation."""
    writer = CorpusWriter(trig_path, ttl_path, base)
    try:
        for ext in extractions:
            iri = f"{base}article/{_q(ext.article.id)}"
            if iri in writer.blocks:
                raise ValueError(f"duplicate article id {ext.article.id!r}")
            writer.add(iri, article_block(ext, base, include_text=include_text),
                       article_counts(ext))  # fmt: skip
    finally:
        writer.finish()

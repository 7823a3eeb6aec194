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

import heapq
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
    "totals_patched",
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
    body = " .\n".join(lines) + " .\n" if lines else ""
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
    node_of = _Nodes(base)
    lines = [f"{node_of(key)[0]} kg:totalMentions {_int(n)}" for key, n in totals.mentions.items()]
    lines += _entity_rank_lines(totals.mentions, node_of)
    for (a, b), n in totals.pairs.items():
        lines += _pair_lines(a, b, n, node_of)
    lines += _pair_rank_lines(totals.pairs, node_of)
    return lines


def totals_patched(
    old: CorpusTotals, new: CorpusTotals, old_lines: list[bytes], base: str = DEFAULT_BASE
) -> tuple[list[bytes], list[str], list[str]] | None:
    """:func:`totals_lines` of ``new`` (as UTF-8 bytes), made from ``old_lines``, those of
    ``old``, when ``new`` is ``old`` with more counted (as when articles are added: each
    entity or pair keeps its place, the new ones come after), and the lines gone and the
    lines added; only the lines whose count changed and the ranks are made again.  None if
    ``old_lines`` are not the lines of ``old``.

    >>> old, new = CorpusTotals(), CorpusTotals()
    >>> old.mentions.update({("Place", "南川区"): 2, ("Person", "韩楚"): 1})
    >>> new.mentions.update({("Place", "南川区"): 3, ("Person", "韩楚"): 1, ("Place", "綦江区"): 1})
    >>> new.pairs.update({(("Place", "南川区"), ("Place", "綦江区")): 1})
    >>> before, after = totals_lines(old, "http://x/"), totals_lines(new, "http://x/")
    >>> lines, gone, added = totals_patched(old, new, [x.encode() for x in before], "http://x/")
    >>> lines == [x.encode() for x in after]
    True
    >>> sorted(gone) == sorted(set(before) - set(after)), sorted(added) == sorted(set(after) - set(before))
    (True, True)
    >>> totals_patched(old, new, [x.encode() for x in before[1:]], "http://x/") is None
    True
    """
    node_of = _Nodes(base)
    ranks = _entity_rank_lines(old.mentions, node_of), _pair_rank_lines(old.pairs, node_of)
    n_m, n_p = len(old.mentions), len(old.pairs)
    if len(old_lines) != n_m + len(ranks[0]) + 4 * n_p + len(ranks[1]):
        return None
    mentions, pairs = old_lines[:n_m], old_lines[n_m + len(ranks[0]) : -len(ranks[1]) or None]
    if old_lines[n_m : n_m + len(ranks[0])] != [x.encode() for x in ranks[0]] or (
        ranks[1] and old_lines[-len(ranks[1]) :] != [x.encode() for x in ranks[1]]
    ):
        return None
    gone: list[str] = []
    added: list[str] = []
    was_get = old.mentions.get
    for at, (key, n) in enumerate(new.mentions.items()):
        was = was_get(key)
        if was == n:
            continue
        line = f"{node_of(key)[0]} kg:totalMentions {_int(n)}"
        added.append(line)
        if was is None:
            mentions.append(line.encode())
            continue
        before = f"{node_of(key)[0]} kg:totalMentions {_int(was)}"
        if at >= n_m or mentions[at] != before.encode():
            return None
        gone.append(before)
        mentions[at] = line.encode()
    was_get = old.pairs.get
    for at, (key, n) in enumerate(new.pairs.items()):
        was = was_get(key)
        if was == n:
            continue
        lines = _pair_lines(*key, n, node_of)
        if was is None:
            added += lines
            pairs += map(str.encode, lines)
            continue
        before = _pair_lines(*key, was, node_of)[-1]
        if at >= n_p or pairs[4 * at + 3] != before.encode():
            return None
        gone.append(before)
        added.append(lines[-1])
        pairs[4 * at + 3] = lines[-1].encode()
    after = _entity_rank_lines(new.mentions, node_of), _pair_rank_lines(new.pairs, node_of)
    for was_ranks, now_ranks in zip(ranks, after, strict=True):
        was_set, now_set = set(was_ranks), set(now_ranks)
        gone += [line for line in was_ranks if line not in now_set]
        added += [line for line in now_ranks if line not in was_set]
    lines = [*mentions, *map(str.encode, after[0]), *pairs, *map(str.encode, after[1])]
    return lines, gone, added


class _Nodes:
    """An entity's IRI and the JSON string of its relative IRI (for the digest of a pair's
    node, as :func:`_digest` makes it), made once per entity rather than once per pair."""

    def __init__(self, base: str):
        self.base = base
        self.nodes: dict[tuple[str, str], tuple[str, str]] = {}

    def __call__(self, key: tuple[str, str]) -> tuple[str, str]:
        found = self.nodes.get(key)
        if found is None:
            rel = f"{key[0].lower()}/{_q(key[1])}"
            found = self.nodes[key] = (f"<{self.base}{rel}>", _json_str(rel))
        return found


def _pair_node(a: tuple[str, str], b: tuple[str, str], node_of: _Nodes) -> str:
    digest = sha1(f'["cooccurrence",{node_of(a)[1]},{node_of(b)[1]}]'.encode()).hexdigest()  # _digest(…)
    return f"<{node_of.base}cooccurrence/{digest}>"


def _pair_lines(a: tuple[str, str], b: tuple[str, str], n: int, node_of: _Nodes) -> list[str]:
    """The lines of one co-occurring pair (its count last)."""
    node = _pair_node(a, b, node_of)
    return [f"{node} a kg:CoOccurrence", f"{node} kg:entityA {node_of(a)[0]}",
            f"{node} kg:entityB {node_of(b)[0]}", f"{node} kg:sentences {_int(n)}"]  # fmt: skip


def _entity_rank_lines(mentions: dict, node_of: _Nodes) -> list[str]:
    """The ranks of the :data:`RANKED_ENTITIES` most mentioned entities of each type (ties
    by name)."""
    ranked: dict[str, list] = {t: [] for t in ENTITY_TYPES}
    for (type_, name), n in mentions.items():
        ranked[type_].append((-n, name))
    return [
        f"{node_of((type_, name))[0]} kg:rank {_int(rank)}"
        for type_, entries in ranked.items()
        for rank, (_, name) in enumerate(heapq.nsmallest(RANKED_ENTITIES, entries), 1)
    ]


def _pair_rank_lines(pairs: dict, node_of: _Nodes) -> list[str]:
    """The ranks of the :data:`RANKED_PAIRS` pairs with the most sentences (ties by the
    names, then the types)."""
    top = heapq.nsmallest(RANKED_PAIRS, ((-n, a[1], b[1], a[0], b[0]) for (a, b), n in pairs.items()))
    return [
        f"{_pair_node((ta, a), (tb, b), node_of)} kg:rank {_int(rank)}"
        for rank, (_, a, b, ta, tb) in enumerate(top, 1)
    ]


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
        totals: CorpusTotals | None = None,
    ):
        """``resume=(trig_end, ttl_end, seen)`` appends to the files of an earlier writer
        instead: they are cut where its corpus totals began (:attr:`offset` and
        :attr:`ttl_end` of that writer), and ``seen`` is its :attr:`seen`.  ``totals``,
        that writer's :attr:`totals` (then :meth:`keep` needs no counts), lets
        :meth:`finish` patch its corpus-totals graph instead of writing it again."""
        self.base = base
        mode = "r+b" if resume is not None else "wb"
        self.trig = open(trig_path, mode)  # noqa: SIM115 - closed in close()
        self.ttl = open(ttl_path, mode)  # noqa: SIM115
        # 128-bit digests of the shared lines written so far: a quarter of the memory of
        # the lines themselves, and no collision in any corpus that fits on a disk
        self.seen: set[int] = set()
        self.totals = CorpusTotals()
        self.blocks: dict[str, tuple[int, int, int, int]] = {}
        self._before: CorpusTotals | None = None  # the earlier writer's totals
        #: after :meth:`finish` patched the totals: (lines gone, lines added)
        self.totals_delta: tuple[list[str], list[str]] | None = None
        if resume is not None:
            if totals is not None:
                self.totals, self._before = totals, CorpusTotals()
                self._before.mentions, self._before.pairs = totals.mentions.copy(), totals.pairs.copy()
            self.offset, ttl_end, self.seen = resume
            for fh, end in ((self.trig, self.offset), (self.ttl, ttl_end)):
                fh.truncate(end)
                fh.seek(end)
            return
        header = prefix_header().encode()
        self.trig.write(header)
        self.ttl.write(header)
        self.offset = len(header)

    def keep(
        self, iri: str, where: tuple[int, int, int, int], counts: tuple[dict, dict] | None
    ) -> None:
        """An article's graph that is already in the files (``where`` as in :attr:`blocks`,
        written by an earlier writer or by :meth:`add`): its place and counts are noted
        (``counts`` None: the earlier writer's ``totals`` given to this one hold them)."""
        self.blocks[iri] = where
        if counts is None:
            return
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

    def finish(self, old_tail: bytes | None = None) -> list[str] | None:
        """Write the corpus-totals graph (when there are articles); returns its lines.

        ``old_tail``: when the writer appends with the earlier writer's ``totals``, what
        came after the articles in ``graph.trig`` before (the earlier corpus-totals
        graph).  Its lines are patched (:func:`totals_patched`: only the changed counts
        and the ranks are made again, and the same lines come out as written whole);
        :attr:`totals_delta` tells which lines went and came, and None is returned."""
        self.ttl_end = self.ttl.tell()
        name = f"<{self.base}graph/corpus>"
        if self._before is not None and old_tail is not None and self.blocks:
            old_lines = _graph_lines(old_tail, name)
            patched = None
            if old_lines is not None:
                patched = totals_patched(self._before, self.totals, old_lines, self.base)
            if patched is not None:
                lines, gone, added = patched
                body = b" .\n".join(lines) + b" .\n" if lines else b""
                self.trig.write(b"%s {\n%s}\n\n" % (name.encode(), body))
                self.ttl.write(body)
                self.totals_delta = (gone, added)
                self.close()
                return None
        lines = totals_lines(self.totals, self.base) if self.blocks else []
        if lines:
            self.trig.write(_block(name, lines, []).encode())
            self.ttl.write((" .\n".join(lines) + " .\n").encode())
        self.close()
        return lines

    def close(self) -> None:
        self.trig.close()
        self.ttl.close()


def _graph_lines(tail: bytes, name: str) -> list[bytes] | None:
    """The lines of the one named graph ``name`` that ``tail`` (the end of a ``graph.trig``)
    holds, without their " ." (none when ``tail`` is empty); None when it holds other things."""
    if not tail:
        return []
    head = f"{name} {{\n".encode()
    if not tail.startswith(head) or not tail.endswith(b"}\n\n"):
        return None
    body = tail[len(head) : -3]
    if body and not body.endswith(b" .\n"):
        return None
    return body.split(b" .\n")[:-1]


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

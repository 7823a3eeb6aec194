"""The entity network of a corpus, and which part of it to draw.

:func:`network` turns the extractions of a build (after the corpus merge) into a
:class:`Network` of plain dicts: one node per entity, one edge per related pair and
relation, each edge keeping its evidence.  It reads the extractions directly (no RDF)
in one pass, which also gathers what the analysis needs (:func:`kg.analysis.entity_graph`
builds its graph from the network), so the build goes through the extractions once for
both.  :func:`to_networkx` gives the same network as a :class:`networkx.MultiDiGraph`.
:func:`select` chooses the entities a view draws: the most important ones, one
entity's neighbourhood, or some types.

>>> from kg.model import Article, Entity, Evidence, Extraction, Relation
>>> ev = Evidence("a1", "第一书记韩楚说", 0, 7)
>>> ext = Extraction(Article("a1", "第一书记韩楚说"), (),
...     (Entity("Person", "韩楚", mentions=1), Entity("Place", "南川区", ("南川",), 2)),
...     (Relation(("Person", "韩楚"), "holdsPost", "第一书记", (ev,), at=("Place", "南川区")),))
>>> net = to_networkx([ext])
>>> net.nodes["Person", "韩楚"]["posts"]
[('第一书记', '南川区')]
>>> [(a[1], b[1], k) for a, b, k in net.edges(keys=True)]
[('韩楚', '南川区', 'holdsPost')]
>>> select(net, top=1).nodes
[('Place', '南川区')]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.gcpause import paused_gc
from kg.model import ARTICLE, ENTITY_TYPES, Extraction, Relation

__all__ = [
    "RELATIONS", "SYMMETRIC", "Network", "Selection", "find", "importance", "network", "select",
    "to_networkx",
]  # fmt: skip

#: Relations drawn between entities, in legend order.
RELATIONS: tuple[str, ...] = (
    "locatedIn",
    "holdsPost",
    "runs",
    "cooperatesWith",
    "publishedBy",
    "coOccursWith",
)
#: Relations without a direction (stored once, from the smaller key to the larger).
SYMMETRIC: frozenset[str] = frozenset({"cooperatesWith", "coOccursWith"})

Key = tuple[str, str]

#: Relations between two entities that the analysis counts (``holdsPost`` via its ``at``).
TYPED_RELATIONS: tuple[str, ...] = (
    "locatedIn",
    "holdsPost",
    "runs",
    "cooperatesWith",
    "publishedBy",
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def article_date(ext: Extraction) -> str:
    """The article's ISO date, or "" when it has none (or not in yyyy-mm-dd form)."""
    d = ext.article.date or ""
    return d if _DATE.fullmatch(d) else ""


def endpoints(r: Relation) -> tuple[Key, Key] | None:
    """(subject, object) of a typed relation between two different entities, else None;
    the object of a ``holdsPost`` is where the post is held."""
    if r.predicate not in TYPED_RELATIONS:
        return None
    s, o = r.subject, r.at if r.predicate == "holdsPost" else r.object
    if not (isinstance(s, tuple) and isinstance(o, tuple)) or s == o:
        return None
    return s, o


class Network:
    """The entity network of a corpus in plain dicts (what the view draws from).

    ``nodes`` maps entity keys, sorted, to their attributes and ``edges`` maps
    ``(subject, object, relation)``, sorted, to theirs — the attributes of
    :func:`to_networkx`, which builds the :class:`networkx.MultiDiGraph` of the same
    network; ``articles`` maps article ids to :class:`~kg.model.Article`.  For the
    analysis (:func:`kg.analysis.entity_graph`), gathered in the same pass: ``first`` and
    ``last`` map entities to the first and last date of an article naming them, and
    ``typed`` is :func:`kg.analysis.typed_relations`.  ``strength`` maps each entity to the
    summed ``count`` of its edges (what :func:`importance` adds to the mentions), or is
    ``None`` when :func:`network` did not make it; :meth:`incident` and :meth:`edges_from`
    index the edges once, so change neither ``nodes`` nor ``edges`` after using them.
    """

    def __init__(self, nodes: dict[Key, dict], edges: dict[tuple[Key, Key, str], dict],
                 articles: dict) -> None:  # fmt: skip
        self.nodes, self.edges, self.articles = nodes, edges, articles
        self.first: dict[Key, str] = {}
        self.last: dict[Key, str] = {}
        self.typed: Counter[tuple[Key, str, Key, str]] = Counter()
        self.strength: dict[Key, int] | None = None  # summed edge counts (see importance)
        self._out: dict[Key, list[tuple]] | None = None
        self._into: dict[Key, list[tuple]] = {}
        self._incident: dict[Key, list[tuple]] = {}

    @classmethod
    def of(cls, net: Network | nx.MultiDiGraph) -> Network:
        """``net`` itself, or the network of a graph from :func:`to_networkx`."""
        if isinstance(net, Network):
            return net
        nodes = {k: d for k, d in net.nodes(data=True)}
        edges = {(a, b, rel): d for a, b, rel, d in net.edges(keys=True, data=True)}
        return cls(nodes, edges, net.graph.get("articles", {}))

    def incident(self, key: Key) -> list[tuple[Key, Key, str, dict]]:
        """The edges ``(a, b, relation, data)`` of ``key``: those from it, then those to
        it (each by the other end, then relation), as networkx lists them."""
        found = self._incident.get(key)
        if found is None:
            found = self._incident[key] = self.edges_from(key) + self._into[key]
        return found

    def edges_from(self, key: Key) -> list[tuple[Key, Key, str, dict]]:
        """The edges ``(key, b, relation, data)`` from ``key``, by ``b`` then relation."""
        if self._out is None:  # every node's lists in one pass over the edges
            out: dict[Key, list] = {k: [] for k in self.nodes}
            into: dict[Key, list] = {k: [] for k in self.nodes}
            for k, d in self.edges.items():
                edge = (*k, d)
                out[k[0]].append(edge)
                into[k[1]].append(edge)
            self._out, self._into = out, into
        return self._out[key]

    def to_networkx(self) -> nx.MultiDiGraph:
        """The network as a :class:`networkx.MultiDiGraph` (see :func:`to_networkx`)."""
        net = nx.MultiDiGraph()
        net.add_nodes_from(self.nodes.items())
        net.add_edges_from((a, b, rel, d) for (a, b, rel), d in self.edges.items())
        net.graph["articles"] = self.articles
        return net


def to_networkx(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """The entities of ``extractions`` and the relations between them.

    Nodes are entity keys ``(type, name)`` with attributes ``type``, ``name``,
    ``aliases`` (sorted list), ``mentions`` (summed over articles),
    ``articles`` (how many articles name it), ``posts`` (sorted ``(post, at)``
    pairs, ``at`` = "" when not said), ``post_evidence`` (``(post, at)`` →
    evidence list) and ``mention_evidence`` (the first sentence naming it in each
    article).  Edges are keyed by relation name with attributes ``relation``,
    ``count`` (co-occurrence: sentences; others: articles saying it),
    ``evidence`` (:class:`~kg.model.Evidence` list) and, for ``holdsPost``,
    ``posts`` (the post words).  ``cooperatesWith`` and ``coOccursWith`` are
    stored once per pair.  ``net.graph["articles"]`` maps article ids to
    :class:`~kg.model.Article`.
    """
    return network(extractions).to_networkx()


def network(extractions: Iterable[Extraction]) -> Network:
    """The :class:`Network` of ``extractions``: :func:`to_networkx` without networkx."""
    with paused_gc():  # hundreds of thousands of small objects, no cycles
        return _network(extractions)


def _network(extractions: Iterable[Extraction]) -> Network:
    articles: dict[str, object] = {}
    spans: dict[Key, list[str]] = {}  # entity → [first date, last date]
    typed: Counter[tuple[Key, str, Key, str]] = Counter()
    nodes: dict[Key, dict] = {}
    edges: dict[tuple[Key, Key, str], dict] = {}
    co: dict[Key, dict[Key, list]] = {}  # co-occurrence: a → b → [count, evidence], a < b

    def node(key: Key) -> dict:
        data = nodes.get(key)
        if data is None:
            data = nodes[key] = {
                "type": key[0],
                "name": key[1],
                "aliases": set(),
                "mentions": 0,
                "articles": 0,
                "posts": set(),
                "post_evidence": defaultdict(list),
                "mention_evidence": [],
            }
        return data

    nodes_get, co_get, spans_get = nodes.get, co.get, spans.get
    for ext in extractions:
        articles[ext.article.id] = ext.article
        date = article_date(ext)
        for entity in ext.entities:
            k = (entity.type, entity.name)  # entity.key
            data = nodes_get(k) or node(k)
            if entity.aliases:
                data["aliases"].update(entity.aliases)
            data["mentions"] += entity.mentions
            data["articles"] += 1
            if date:
                span = spans_get(k)
                if span is None:
                    spans[k] = [date, date]
                elif date < span[0]:
                    span[0] = date
                elif date > span[1]:
                    span[1] = date
        stated = set()  # typed relations between entities (kg.analysis.typed_relations)
        for rel in ext.relations:
            pred, subj, obj = rel.predicate, rel.subject, rel.object
            if pred == "coOccursWith":  # the most frequent: the general case below, inlined
                if not isinstance(subj, tuple) or not isinstance(obj, tuple) or obj == subj:
                    continue
                if obj < subj:
                    subj, obj = obj, subj
                inner = co_get(subj)
                if inner is None:
                    inner = co[subj] = {}
                edge = inner.get(obj)
                if edge is None:  # its entities get their nodes after the loop
                    inner[obj] = [rel.count, list(rel.evidence)]
                else:
                    edge[0] += rel.count
                    edge[1] += rel.evidence
                continue
            if pred == "mentions":  # the next most frequent
                if subj == ARTICLE and isinstance(obj, tuple) and rel.evidence:
                    (nodes_get(obj) or node(obj))["mention_evidence"].append(rel.evidence[0])
                continue
            if pred in TYPED_RELATIONS:
                ends = endpoints(rel)
                if ends is not None:
                    stated.add((ends[0], pred, ends[1], obj if pred == "holdsPost" else ""))
            if not isinstance(subj, tuple):
                continue
            if pred in ("holdsPost", "role") and isinstance(obj, str) and obj != ARTICLE:
                at = rel.at if pred == "holdsPost" and isinstance(rel.at, tuple) else None
                post = (obj, at[1] if at else "")
                data = node(subj)
                data["posts"].add(post)
                data["post_evidence"][post].extend(rel.evidence)
                if at is None or at == subj:
                    continue
                obj = at
            elif pred not in RELATIONS or not isinstance(obj, tuple) or obj == subj:
                continue
            if pred in SYMMETRIC and obj < subj:
                subj, obj = obj, subj
            edge = edges.get((subj, obj, pred))
            if edge is None:
                node(subj), node(obj)
                edge = edges[subj, obj, pred] = {
                    "relation": pred,
                    "count": 0,
                    "evidence": [],
                }
            edge["count"] += rel.count if pred == "coOccursWith" else 1
            edge["evidence"].extend(rel.evidence)
            if pred == "holdsPost":
                edge.setdefault("posts", set()).add(rel.object)
        if stated:
            typed.update(stated)

    for key in (co.keys() | set().union(*co.values())) - nodes.keys():  # co-occurring only
        node(key)
    order = sorted(nodes)
    rank = {k: i for i, k in enumerate(order)}
    sorted_nodes = {}
    for key in order:
        data = sorted_nodes[key] = nodes[key]
        aliases = data["aliases"]
        data["aliases"] = sorted(aliases - {key[1]}) if aliases else []
        data["posts"] = sorted(data["posts"])
        data["post_evidence"] = dict(data["post_evidence"])
    # the edges by (subject, object, relation) in node order: each subject's edges sorted
    # apart (most subjects only co-occur, and then by the object's rank alone)
    typed_from: dict[Key, list] = {}
    for k in edges:
        typed_from.setdefault(k[0], []).append(k)
    sorted_edges = {}
    strength = dict.fromkeys(order, 0)
    rank_of = rank.__getitem__
    for a in order:
        inner = co_get(a)
        stated = typed_from.get(a)
        if stated is None:
            if inner is None:
                continue
            total = 0
            for b in sorted(inner, key=rank_of):
                count, evidence = inner[b]
                sorted_edges[a, b, "coOccursWith"] = {"relation": "coOccursWith", "count": count, "evidence": evidence}  # fmt: skip
                total += count
                strength[b] += count
            strength[a] += total
            continue
        mixed = [(rank_of(k[1]), k[2], k) for k in stated]
        if inner is not None:
            mixed += [(rank_of(b), "coOccursWith", (a, b, "coOccursWith")) for b in inner]
        mixed.sort()  # (rank, relation) is unique: the keys are never compared
        for _, rel, k in mixed:
            if rel == "coOccursWith":
                count, evidence = inner[k[1]]
                data = sorted_edges[k] = {"relation": "coOccursWith", "count": count, "evidence": evidence}  # fmt: skip
            else:
                data = sorted_edges[k] = edges[k]
                if "posts" in data:
                    data["posts"] = sorted(data["posts"])
            strength[a] += data["count"]
            strength[k[1]] += data["count"]
    net = Network(sorted_nodes, sorted_edges, articles)
    net.first = {k: span[0] for k, span in spans.items()}
    net.last = {k: span[1] for k, span in spans.items()}
    net.typed, net.strength = typed, strength
    return net


def importance(net: Network | nx.MultiDiGraph) -> dict[Key, float]:
    """How important each entity is: its mentions plus its weighted degree (every
    relation counts its ``count``), a centrality that is cheap on large graphs."""
    net = Network.of(net)
    if net.strength is not None:  # gathered by network(): integers, so the same sums
        strength = net.strength
        return {key: float(data["mentions"]) + strength[key] for key, data in net.nodes.items()}
    score = {key: float(data["mentions"]) for key, data in net.nodes.items()}
    for (a, b, _), data in net.edges.items():
        count = data["count"]
        score[a] += count
        score[b] += count
    return score


@dataclass
class Selection:
    """The entities a view draws and why (``note`` says what was left out)."""

    nodes: list[Key]
    score: dict[Key, float]
    focus: list[Key] = field(default_factory=list)
    hops: int = 0
    reach: int = 0  # entities within reach of the focus (before the size limit)
    missing_focus: str = ""  # a focus name that matched no entity


def find(net: Network | nx.MultiDiGraph, name: str) -> list[Key]:
    """The entities named ``name`` (canonical name or alias; any type)."""
    name = name.strip()
    nodes = Network.of(net).nodes
    return [k for k, d in nodes.items() if d["name"] == name or name in d["aliases"]]


def select(
    net: Network | nx.MultiDiGraph,
    *,
    top: int | None = None,
    focus: str | None = None,
    hops: int = 2,
    types: Iterable[str] | None = None,
    default_top: int = 300,
) -> Selection:
    """Choose the entities to draw.

    Without ``focus``: the ``top`` most important entities (see
    :func:`importance`; default ``default_top``).  With ``focus``: the
    entities within ``hops`` relations of the entities named ``focus``, nearest
    first then most important, at most ``top`` (default ``default_top``).
    ``types`` keeps only entities of those types (the focus itself stays).
    """
    net = Network.of(net)
    score = importance(net)
    wanted = set(types) if types else set(ENTITY_TYPES)
    limit = default_top if top is None else max(int(top), 0)
    sel = Selection([], score, hops=hops)
    if focus:
        sel.focus = find(net, focus)
        if not sel.focus:
            sel.missing_focus = focus
    if sel.focus:
        dist = _distances(net, sel.focus, hops)
        inside = [k for k in dist if k in sel.focus or k[0] in wanted]
        sel.reach = len(inside)
        inside.sort(key=lambda k: (dist[k], -score[k], k))
        sel.nodes = inside[: max(limit, len(sel.focus))]
    else:
        rank = [k for _, k in sorted([(-score[k], k) for k in net.nodes])]  # keys are unique
        sel.nodes = [k for k in rank if k[0] in wanted][:limit]
    return sel


def _distances(net: Network, sources: list[Key], hops: int) -> dict[Key, int]:
    """Hop distance (ignoring direction) from ``sources``, up to ``hops``."""
    dist = {s: 0 for s in sources}
    queue = deque(sources)
    while queue:
        here = queue.popleft()
        if dist[here] >= hops:
            continue
        for a, b, *_ in net.incident(here):
            other = b if a == here else a
            if other not in dist:
                dist[other] = dist[here] + 1
                queue.append(other)
    return dist

"""The entity network of a corpus as a :mod:`networkx` graph, and which part of it to draw.

:func:`to_networkx` turns the extractions of a build (after the corpus merge)
into a :class:`networkx.MultiDiGraph`: one node per entity, one edge per
related pair and relation, each edge keeping its evidence.  It reads the
extractions directly (no RDF), so the whole CCTV corpus takes seconds.
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

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from kg.model import ARTICLE, ENTITY_TYPES, Extraction

__all__ = ["RELATIONS", "SYMMETRIC", "Selection", "find", "importance", "select", "to_networkx"]

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
    net = nx.MultiDiGraph()
    articles: dict[str, object] = {}
    nodes: dict[Key, dict] = {}
    edges: dict[tuple[Key, Key, str], dict] = {}

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

    for ext in extractions:
        articles[ext.article.id] = ext.article
        for entity in ext.entities:
            data = node(entity.key)
            data["aliases"].update(entity.aliases)
            data["mentions"] += entity.mentions
            data["articles"] += 1
        for rel in ext.relations:
            pred, subj, obj = rel.predicate, rel.subject, rel.object
            if pred == "mentions" and subj == ARTICLE and isinstance(obj, tuple):
                node(obj)["mention_evidence"].extend(rel.evidence[:1])
                continue
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

    for key in sorted(nodes):
        data = nodes[key]
        data["aliases"] = sorted(data["aliases"] - {key[1]})
        data["posts"] = sorted(data["posts"])
        data["post_evidence"] = dict(data["post_evidence"])
        net.add_node(key, **data)
    for (a, b, pred), data in sorted(edges.items()):
        if "posts" in data:
            data["posts"] = sorted(data["posts"])
        net.add_edge(a, b, key=pred, **data)
    net.graph["articles"] = articles
    return net


def importance(net: nx.MultiDiGraph) -> dict[Key, float]:
    """How important each entity is: its mentions plus its weighted degree (every
    relation counts its ``count``), a centrality that is cheap on large graphs."""
    score = {key: float(data["mentions"]) for key, data in net.nodes(data=True)}
    for a, b, count in net.edges(data="count"):
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


def find(net: nx.MultiDiGraph, name: str) -> list[Key]:
    """The entities named ``name`` (canonical name or alias; any type)."""
    name = name.strip()
    return [k for k, d in net.nodes(data=True) if d["name"] == name or name in d["aliases"]]


def select(
    net: nx.MultiDiGraph,
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
    score = importance(net)
    wanted = set(types) if types else set(ENTITY_TYPES)
    limit = default_top if top is None else max(int(top), 0)
    sel = Selection([], score, hops=hops)
    rank = sorted(net.nodes, key=lambda k: (-score[k], k))
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
        sel.nodes = [k for k in rank if k[0] in wanted][:limit]
    return sel


def _distances(net: nx.MultiDiGraph, sources: list[Key], hops: int) -> dict[Key, int]:
    """Hop distance (ignoring direction) from ``sources``, up to ``hops``."""
    dist = {s: 0 for s in sources}
    queue = deque(sources)
    while queue:
        here = queue.popleft()
        if dist[here] >= hops:
            continue
        for other in (*net.successors(here), *net.predecessors(here)):
            if other not in dist:
                dist[other] = dist[here] + 1
                queue.append(other)
    return dist

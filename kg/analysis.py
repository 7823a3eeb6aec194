"""Network analysis of a corpus: the entity graph, centrality, communities and time.

Everything works from the corpus's :class:`~kg.model.Extraction` objects (what
:func:`kg.pipeline.build` returns), not from RDF, so a corpus of tens of
thousands of entities is analysed in seconds.

:func:`entity_graph` builds an undirected, weighted :class:`networkx.Graph`:

* a node per entity, keyed ``(type, name)``, with ``type``, ``name``, ``aliases``
  (a sorted tuple), ``mentions`` (summed over the corpus), ``articles`` (how many
  articles name it) and ``first`` / ``last`` (the first and last article date,
  ``""`` when no article naming it is dated);
* an edge between two entities that occur in one sentence or that a typed
  relation links (``locatedIn``, ``holdsPost`` — the person to the organisation or
  place where the post is held —, ``runs``, ``cooperatesWith``, ``publishedBy``),
  with ``cooccur`` (sentences in which both occur), ``typed`` (articles stating a
  typed relation between them), ``weight = cooccur + typed`` and ``relations``
  (the typed relations, readable: ``"三泉镇 locatedIn 南川区"``, joined with ``"; "``).

Nodes and edges are inserted in sorted order, so the graph, and everything computed
from it, does not depend on the order of the articles.

>>> from kg.model import Article, Entity, Extraction, Relation
>>> a, b = ("Place", "南川区"), ("Place", "三泉镇")
>>> ext = Extraction(
...     Article("a1", "南川区三泉镇。", date="2022-10-20"), (),
...     (Entity("Place", "南川区", ("南川",), 1), Entity("Place", "三泉镇", (), 1)),
...     (Relation(b, "locatedIn", a), Relation(b, "coOccursWith", a, count=1)))
>>> G = entity_graph([ext])
>>> G.nodes[a]["aliases"], G.nodes[a]["first"]
(('南川',), '2022-10-20')
>>> G.edges[a, b]["weight"], G.edges[a, b]["relations"]
(2, '三泉镇 locatedIn 南川区')
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter

import networkx as nx

from .gcpause import paused_gc
from .louvain import edge_list, louvain_communities
from .model import ENTITY_TYPES, Extraction
from .network import TYPED_RELATIONS, Network, article_date, endpoints, network

__all__ = [
    "TYPED_RELATIONS",
    "Analysis",
    "analyse",
    "entity_graph",
    "typed_relations",
    "pagerank",
    "communities",
    "community_of",
    "top_entities",
    "top_by_type",
    "strongest_pairs",
    "mentions_per_month",
    "month_range",
]

Key = tuple[str, str]


def typed_relations(extractions: Iterable[Extraction]) -> Counter[tuple[Key, str, Key, str]]:
    """Typed relations between entities, counted by the articles that state them.

    Keys are ``(subject, predicate, object, post)``; ``post`` is the post of a
    ``holdsPost`` (whose object is then where it is held), else ``""``.

    >>> from kg.model import Article, Extraction, Relation
    >>> p, o = ("Person", "韩楚"), ("Place", "鸣玉镇中心社区")
    >>> ext = Extraction(Article("a", ""), (), (), (Relation(p, "holdsPost", "第一书记", at=o),))
    >>> typed_relations([ext, ext])
    Counter({(('Person', '韩楚'), 'holdsPost', ('Place', '鸣玉镇中心社区'), '第一书记'): 2})
    """
    out: Counter = Counter()
    for ext in extractions:
        seen = set()
        for r in ext.relations:
            ends = endpoints(r)
            if ends is not None:
                post = r.object if r.predicate == "holdsPost" else ""
                seen.add((ends[0], r.predicate, ends[1], post))
        out.update(seen)
    return out


def entity_graph(extractions: Iterable[Extraction] | Network) -> nx.Graph:
    """The undirected, weighted entity graph of a corpus (see the module docstring), from
    its extractions or from their :class:`~kg.network.Network` (which has all it needs)."""
    net = extractions if isinstance(extractions, Network) else network(extractions)
    edges = net.edges
    labels: dict[tuple[Key, Key], list[str]] = defaultdict(list)
    typed: Counter[tuple[Key, Key]] = Counter()
    for (s, pred, o, post), n in net.typed.items():
        pair = _pair(s, o)
        typed[pair] += n
        p = f"holdsPost({post})" if pred == "holdsPost" else pred
        labels[pair].append(f"{s[1]} {p} {o[1]}")
    # (u, v, co-occurrences) of each linked pair, u < v: the co-occurring pairs come in
    # the network's order, which is already the pairs' order (keys sort as their ranks)
    rows = [(a, b, d["count"]) for (a, b, rel), d in edges.items() if rel == "coOccursWith"]
    rows += [(u, v, 0) for u, v in typed if (u, v, "coOccursWith") not in edges]
    rows.sort()  # a few runs to merge; (u, v) is unique, so the counts are never compared
    keys = {k for k, d in net.nodes.items() if d["articles"]}  # named by an article
    for u, v, _ in rows:
        keys.add(u)
        keys.add(v)
    nodes, first, last, none = net.nodes, net.first, net.last, {"aliases": (), "mentions": 0, "articles": 0}
    G = nx.Graph()
    # what add_nodes_from and add_edges_from make, in their order, without their checks
    # per node and per edge (the graph is new; tests/test_analysis.py compares the two)
    node_data, adj = G._node, G._adj
    for k in sorted(keys):
        d = nodes.get(k, none)
        node_data[k] = {"type": k[0], "name": k[1], "aliases": tuple(d["aliases"]),
                        "mentions": d["mentions"], "articles": d["articles"],
                        "first": first.get(k, ""), "last": last.get(k, "")}  # fmt: skip
        adj[k] = {}
    typed_get = typed.get
    for u, v, c in rows:
        t = typed_get((u, v), 0)
        adj[u][v] = adj[v][u] = {"weight": c + t, "cooccur": c, "typed": t,
                                 "relations": "; ".join(sorted(labels[u, v])) if t else ""}  # fmt: skip
    return G


def _pair(a: Key, b: Key) -> tuple[Key, Key]:
    return (a, b) if a <= b else (b, a)


def pagerank(G: nx.Graph, weight: str | None = "weight", alpha: float = 0.85) -> dict:
    """PageRank of every node (weighted by ``weight``; sums to 1).

    >>> G = nx.Graph([("a", "b"), ("a", "c")])
    >>> pr = pagerank(G)
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('a', 1.0)
    """
    if not len(G):
        return {}
    if weight is None or G.is_directed() or G.is_multigraph():
        return nx.pagerank(G, alpha=alpha, weight=weight, tol=1e-10, max_iter=200)
    return _pagerank(G, weight, alpha, tol=1e-10, max_iter=200)


def _pagerank(G: nx.Graph, weight: str, alpha: float, tol: float, max_iter: int) -> dict:
    """``nx.pagerank(G, alpha, weight=weight, tol=tol, max_iter=max_iter)`` of an undirected
    graph: networkx's own computation (``_pagerank_scipy``) step by step, with the matrix
    of :func:`networkx.to_scipy_sparse_array` made from :func:`~kg.louvain.edge_list`
    (the same entries in the same order, so the very same floating-point results)."""
    import numpy as np
    import scipy as sp

    nodelist = list(G)
    N = len(nodelist)
    index = dict(zip(nodelist, range(N), strict=True)).__getitem__
    edges = edge_list(G)
    row = list(map(index, map(itemgetter(0), edges)))
    col = list(map(index, map(itemgetter(1), edges)))
    data = [d.get(weight, 1) for _, _, d in edges]
    d, r, c = data + data, row + col, col + row
    selfloops = list(nx.selfloop_edges(G, data=weight, default=1))
    if selfloops:
        diag_index, diag_data = zip(*((index(u), -wt) for u, v, wt in selfloops), strict=True)
        d += diag_data
        r += diag_index
        c += diag_index
    A = sp.sparse.coo_array((d, (r, c)), shape=(N, N), dtype=float).asformat("csr")
    S = A.sum(axis=1)
    S[S != 0] = 1.0 / S[S != 0]
    Q = sp.sparse.dia_array((S.T, 0), shape=A.shape).tocsr()
    A = Q @ A
    x = np.repeat(1.0 / N, N)
    p = np.repeat(1.0 / N, N)
    dangling_weights = p
    is_dangling = np.where(S == 0)[0]
    for _ in range(max_iter):
        xlast = x
        x = alpha * (x @ A + sum(x[is_dangling]) * dangling_weights) + (1 - alpha) * p
        err = np.absolute(x - xlast).sum()
        if err < N * tol:
            return dict(zip(nodelist, map(float, x), strict=True))
    raise nx.PowerIterationFailedConvergence(max_iter)


def communities(
    G: nx.Graph, seed: int = 0, weight: str | None = "weight", resolution: float = 1.0
) -> list[list]:
    """Louvain communities, largest first, each sorted by mentions (then key).

    The result depends only on the graph and ``seed``: the same input gives the
    same communities in the same order, so community ``i`` is a stable number.  They
    are networkx's Louvain communities, found by :mod:`kg.louvain`.

    >>> G = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> communities(G, seed=1)
    [[1, 2, 3], [4, 5, 6]]
    """
    if weight is None or not isinstance(seed, int):
        found = nx.community.louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    else:  # the same partition, found several times faster
        found = louvain_communities(G, weight=weight, resolution=resolution, seed=seed)
    order = {n: i for i, n in enumerate(G)}  # G's node order (sorted by entity_graph)

    def rank(n) -> tuple:
        return (-G.nodes[n].get("mentions", 0), order[n])

    members = [sorted(c, key=rank) for c in found]
    return sorted(members, key=lambda c: (-len(c), rank(c[0])))


def community_of(parts: list[list]) -> dict:
    """Node → community number (its index in ``parts``).

    >>> community_of([["a", "b"], ["c"]])
    {'a': 0, 'b': 0, 'c': 1}
    """
    return {n: i for i, part in enumerate(parts) for n in part}


def top_entities(
    G: nx.Graph, n: int = 10, by: str | Mapping = "mentions", type: str | None = None
) -> list:
    """The ``n`` nodes with the highest ``by`` — a node attribute, or a mapping such as
    :func:`pagerank`'s result — of one type or all; ties by key.

    >>> G = nx.Graph()
    >>> G.add_node(("Place", "甲"), type="Place", mentions=3)
    >>> G.add_node(("Place", "乙"), type="Place", mentions=5)
    >>> top_entities(G, 1), top_entities(G, 1, by={("Place", "甲"): 0.9})
    ([('Place', '乙')], [('Place', '甲')])
    """
    # (-score, key) pairs: their natural order is the ranking (keys are unique, so a tie
    # on the score is decided by the key and nothing is compared further)
    nodes = G._node.items()  # what G.nodes(data=True) yields, without a step per node
    if isinstance(by, Mapping):
        get = by.get
        ranked = [(-get(k, 0), k) for k, d in nodes if type is None or d.get("type") == type]
    else:
        ranked = [(-d.get(by, 0), k) for k, d in nodes if type is None or d.get("type") == type]
    return [k for _, k in heapq.nsmallest(n, ranked)]  # sorted(…)[:n]


def top_by_type(G: nx.Graph, n: int = 10, by: str | Mapping = "mentions") -> dict[str, list]:
    """:func:`top_entities` of every entity type, in :data:`~kg.model.ENTITY_TYPES` order."""
    return {t: top_entities(G, n, by, t) for t in ENTITY_TYPES}


def strongest_pairs(G: nx.Graph, n: int = 20, by: str = "cooccur") -> list[tuple]:
    """The ``n`` edges with the highest ``by`` count: ``(u, v, count)`` with ``u <= v``,
    ties by key.

    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", cooccur=2); G.add_edge("b", "c", cooccur=7)
    >>> strongest_pairs(G, 1)
    [('b', 'c', 7)]
    """
    # (-count, u, v, count): their natural order is the ranking ((u, v) is unique)
    ranked = [
        (-c, u, v, c) if u <= v else (-c, v, u, c)
        for u, v, d in edge_list(G)
        for c in (d.get(by, 0),)
        if c > 0
    ]
    return [(u, v, c) for _, u, v, c in heapq.nsmallest(n, ranked)]


def mentions_per_month(
    extractions: Iterable[Extraction], keys: Iterable[Key] | None = None
) -> dict[Key, Counter[str]]:
    """Mentions of each entity (or of ``keys`` only) per month ``yyyy-mm`` of dated articles.

    >>> from kg.model import Article, Entity, Extraction
    >>> e = Entity("Place", "南川区", (), 2)
    >>> exts = [Extraction(Article(str(i), "", date=d), (), (e,), ())
    ...         for i, d in enumerate(["2022-10-20", "2022-10-01", "2022-12-03", None])]
    >>> dict(mentions_per_month(exts)[e.key])
    {'2022-10': 4, '2022-12': 2}
    """
    wanted = None if keys is None else set(keys)
    names = None if wanted is None else {k[1] for k in wanted}  # a cheap first test
    out: dict[Key, Counter[str]] = defaultdict(Counter)
    for ext in extractions:
        month = article_date(ext)[:7]
        if not month:
            continue
        for e in ext.entities:
            if names is not None and e.name not in names:
                continue
            if e.mentions and (wanted is None or (e.type, e.name) in wanted):
                out[e.type, e.name][month] += e.mentions
    return dict(out)


def month_range(first: str, last: str) -> list[str]:
    """Every month ``yyyy-mm`` from ``first`` to ``last`` (both included; days ignored).

    >>> month_range("2022-11", "2023-02")
    ['2022-11', '2022-12', '2023-01', '2023-02']
    """
    first, last = first[:7], last[:7]
    if not first or not last or first > last:
        return []
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass
class Analysis:
    """Everything the report and the exports show, computed once.

    ``pagerank``, ``degree`` and ``community`` map node → value; ``communities``
    lists the members of each community, largest first; ``monthly`` holds the
    mentions per month of the ``top`` most mentioned entities.
    """

    graph: nx.Graph
    pagerank: dict
    degree: dict
    communities: list[list]
    community: dict
    monthly: dict[Key, Counter[str]]
    articles: int
    dated: int
    first: str = ""
    last: str = ""
    seed: int = 0
    extra: dict = field(default_factory=dict)


def analyse(
    extractions: Iterable[Extraction], seed: int = 0, top: int = 8, net: Network | None = None
) -> Analysis:
    """Build the entity graph and compute centrality, communities and time in one pass.

    ``net``, the :func:`~kg.network.network` of the same extractions (the view's), saves
    going through them again; ``extra["typed_relations"]`` is :func:`typed_relations`.

    >>> from kg.model import Article, Entity, Extraction
    >>> ext = Extraction(Article("a", "", date="2022-10-20"), (),
    ...                  (Entity("Place", "南川区", (), 2),), ())
    >>> a = analyse([ext])
    >>> a.articles, a.first, a.degree[("Place", "南川区")], a.community[("Place", "南川区")]
    (1, '2022-10-20', 0, 0)
    """
    extractions = list(extractions)
    with paused_gc():  # many small objects, no cycles
        return _analyse(extractions, seed, top, net if net is not None else network(extractions))


def _analyse(extractions: list[Extraction], seed: int, top: int, net: Network) -> Analysis:
    G = entity_graph(net)
    parts = communities(G, seed=seed)
    dates = sorted(d for d in map(article_date, extractions) if d)
    keys = top_entities(G, top)
    return Analysis(
        graph=G,
        pagerank=pagerank(G),
        degree=dict(G.degree()),
        communities=parts,
        community=community_of(parts),
        monthly=mentions_per_month(extractions, keys),
        articles=len(extractions),
        dated=len(dates),
        first=dates[0] if dates else "",
        last=dates[-1] if dates else "",
        seed=seed,
        extra={"typed_relations": net.typed},
    )

"""Louvain communities of a weighted, undirected graph, fast and exactly as networkx finds them.

:func:`louvain_communities` gives the very partition that
:func:`networkx.community.louvain_communities` gives for the same undirected graph,
weight, resolution, threshold and integer seed — the same moves in the same order,
the same random shuffles, the same floating-point expressions — so the communities
of a corpus do not change with the implementation.  It works on node numbers and
lists instead of a :class:`networkx.Graph` per level, which makes it a few times
faster on the entity graph of a large corpus.

>>> import networkx as nx
>>> G = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
>>> sorted(map(sorted, louvain_communities(G, seed=1)))
[[1, 2, 3], [4, 5, 6]]
>>> louvain_communities(G, seed=1) == nx.community.louvain_communities(G, seed=1)
True
"""

from __future__ import annotations

import random

import networkx as nx

__all__ = ["edge_list", "louvain_communities"]

# A level of the algorithm: the neighbours of each node with the weight of the link,
# in networkx's adjacency order (a self-loop included).
Adjacency = list[dict[int, float]]
_CACHE_KEY = "kg.louvain.edge_list"


def edge_list(G: nx.Graph) -> list[tuple]:
    """``list(G.edges(data=True))`` of an undirected graph, several times faster on large
    graphs (networkx's edge view makes a few generator steps per edge).  The list is kept
    in networkx's own cache of ``G``, which networkx empties whenever ``G`` changes, so
    the analysis, the communities and the exports of one graph make it once; do not
    change it.

    >>> edge_list(nx.path_graph(3)) == list(nx.path_graph(3).edges(data=True))
    True
    """
    if G.is_directed() or G.is_multigraph():
        return list(G.edges(data=True))
    cache = getattr(G, "__networkx_cache__", None)
    if cache is not None and _CACHE_KEY in cache:
        return cache[_CACHE_KEY]
    seen: set = set()
    out: list[tuple] = []
    for u, nbrs in G._adj.items():  # networkx's own order: by node, each link once
        out.extend([(u, v, d) for v, d in nbrs.items() if v not in seen])
        seen.add(u)
    if cache is not None:
        cache[_CACHE_KEY] = out
    return out


def louvain_communities(
    G: nx.Graph,
    weight: str = "weight",
    resolution: float = 1.0,
    threshold: float = 0.0000001,
    seed: int = 0,
) -> list[set]:
    """The communities of ``G`` (a list of node sets), as networkx's Louvain finds them
    (see the module docstring).  Directed and multi-graphs go to networkx itself."""
    if G.is_directed() or G.is_multigraph():
        return nx.community.louvain_communities(
            G, weight=weight, resolution=resolution, threshold=threshold, seed=seed
        )
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    # networkx first copies the graph edge by edge: that copy's adjacency order is used
    adj: Adjacency = [{} for _ in nodes]
    for u, v, d in edge_list(G):
        i, j, w = index[u], index[v], d.get(weight, 1)
        adj[i][j] = w
        adj[j][i] = w
    partition = [{i} for i in range(len(nodes))]
    if G.number_of_edges() == 0:
        return [{nodes[i] for i in part} for part in partition]
    rng = random.Random(seed)
    degrees = _degrees(adj)
    m = sum(degrees) / 2
    mod = _modularity(adj, degrees, partition, resolution)
    partition, inner, improvement = _one_level(adj, degrees, m, partition, resolution, rng)
    final = partition
    while True:
        final = partition
        new_mod = _modularity(adj, degrees, inner, resolution)
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        adj = _reduce(adj, inner)
        degrees = _degrees(adj)
        partition, inner, improvement = _one_level(adj, degrees, m, partition, resolution, rng)
        if not improvement:
            break
    return [{nodes[i] for i in part} for part in final]


def _degrees(adj: Adjacency) -> list:
    """Weighted degrees (a self-loop counts twice), as ``Graph.degree(weight=...)``."""
    return [sum(nbrs.values()) + nbrs.get(n, 0) for n, nbrs in enumerate(adj)]


def _modularity(adj: Adjacency, degrees: list, parts: list[set], resolution: float) -> float:
    """:func:`networkx.community.modularity`, term by term in the same order."""
    deg_sum = sum(degrees)
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    total = 0
    for part in parts:
        inside = 0
        for u in part:
            for v, w in adj[u].items():
                if v in part and v >= u:  # each link once, a self-loop once
                    inside += w
        out_degree_sum = sum(degrees[u] for u in part)
        total += inside / m - resolution * out_degree_sum * out_degree_sum * norm
    return total


def _one_level(
    adj: Adjacency, degrees: list, m: float, partition: list[set], resolution: float, rng
) -> tuple[list[set], list[set], bool]:
    """One level of moves: networkx's ``_one_level`` on numbered nodes."""
    n = len(adj)
    node2com = list(range(n))
    inner = [{u} for u in range(n)]
    Stot = list(degrees)
    nbrs = [[(v, w) for v, w in a.items() if v != u] for u, a in enumerate(adj)]
    members = [frozenset(part) for part in partition]  # the original nodes of each node here
    rand_nodes = list(range(n))
    rng.shuffle(rand_nodes)
    # a node without neighbours never moves (its only gain is 0) and nothing moves to it
    rand_nodes = [u for u in rand_nodes if nbrs[u]]
    two_m2 = 2 * m**2
    nb_moves = 1
    improvement = False
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod = 0
            best_com = node2com[u]
            weights2com: dict[int, float] = {}
            for v, wt in nbrs[u]:
                c = node2com[v]
                weights2com[c] = weights2com.get(c, 0.0) + wt
            degree = degrees[u]
            Stot[best_com] -= degree
            if best_com not in weights2com:  # networkx's defaultdict adds it here
                weights2com[best_com] = 0.0
            remove_cost = -weights2com[best_com] / m + resolution * (
                Stot[best_com] * degree
            ) / two_m2
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (Stot[nbr_com] * degree) / two_m2
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            Stot[best_com] += degree
            if best_com != node2com[u]:
                com = members[u]
                partition[node2com[u]].difference_update(com)
                inner[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner[best_com].add(u)
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    return list(filter(len, partition)), list(filter(len, inner)), improvement


def _reduce(adj: Adjacency, parts: list[set]) -> Adjacency:
    """The graph of the communities ``parts``: networkx's ``_gen_graph``, link by link
    in the same order, so the next level sees the same adjacency order."""
    node2com = [0] * len(adj)
    for i, part in enumerate(parts):
        for u in part:
            node2com[u] = i
    out: Adjacency = [{} for _ in parts]
    for u, nbrs in enumerate(adj):
        cu = node2com[u]
        for v, w in nbrs.items():
            if v < u:  # networkx's edge view: each link once, from its first end
                continue
            cv = node2com[v]
            total = out[cu].get(cv, 0) + w
            out[cu][cv] = total
            out[cv][cu] = total
    return out

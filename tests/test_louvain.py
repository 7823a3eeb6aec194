"""Tests for kg.louvain: the very communities networkx's Louvain finds, on many graphs."""

from __future__ import annotations

import doctest
import random

import networkx as nx
import pytest

import kg.louvain
from kg.louvain import edge_list, louvain_communities


def random_graph(seed: int) -> nx.Graph:
    """Up to 120 nodes in shuffled order, weighted links, some isolated nodes and cliques."""
    r = random.Random(seed)
    G = nx.Graph()
    G.add_nodes_from(r.sample(range(10_000), r.randint(0, 120)))
    nodes = list(G)
    for _ in range(r.randint(0, 4 * len(nodes) + 1) if len(nodes) > 1 else 0):
        a, b = r.sample(nodes, 2)
        G.add_edge(a, b, weight=r.randint(1, 9))
    for _ in range(r.randint(0, 3)):  # dense groups, so there are several levels
        group = r.sample(nodes, min(len(nodes), 6))
        G.add_edges_from((a, b, {"weight": 5}) for a in group for b in group if a != b)
    return G


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("resolution", [1.0, 0.5, 2.0])
def test_same_partition_as_networkx(seed: int, resolution: float) -> None:
    G = random_graph(seed)
    ours = louvain_communities(G, seed=seed, resolution=resolution)
    theirs = nx.community.louvain_communities(G, seed=seed, resolution=resolution)
    assert ours == theirs  # the same sets in the same order


@pytest.mark.parametrize("seed", range(10))
def test_float_weights(seed: int) -> None:
    G = random_graph(seed)
    for *_, d in G.edges(data=True):
        d["weight"] = d["weight"] / 3
    assert louvain_communities(G, seed=seed) == nx.community.louvain_communities(G, seed=seed)


def test_tuple_keys_and_a_missing_weight() -> None:
    G = nx.karate_club_graph()
    G = nx.relabel_nodes(G, {n: ("Person", f"人{n}") for n in G})
    for *_, d in list(G.edges(data=True))[::3]:
        del d["weight"]  # counts 1, as in networkx
    assert louvain_communities(G, seed=7) == nx.community.louvain_communities(G, seed=7)
    assert len(louvain_communities(G, seed=7)) > 1


def test_no_links_every_node_alone() -> None:
    G = nx.Graph()
    G.add_nodes_from("abc")
    assert louvain_communities(G) == [{"a"}, {"b"}, {"c"}]


def test_doctests() -> None:
    assert doctest.testmod(kg.louvain).failed == 0


def test_the_edge_list_follows_changes_to_the_graph() -> None:
    G = random_graph(3)
    assert edge_list(G) == list(G.edges(data=True)) and edge_list(G) is edge_list(G)
    u, v, _ = edge_list(G)[0]
    G.remove_edge(u, v)
    G.add_edge("new", u, weight=1)
    assert edge_list(G) == list(G.edges(data=True))

"""A basic interactive view of the knowledge graph (pyvis/vis-network HTML).

:func:`write_view` takes extractions, an rdflib graph or a dataset, builds a
:mod:`networkx` multigraph of the entities (:func:`to_networkx`) and writes it
as a single UTF-8 HTML file: nodes are entities coloured by type (with a
legend), edges are the typed relations between entities — ``locatedIn``,
``runs``, ``cooperatesWith``, ``publishedBy`` and ``holdsPost`` (person to the
organisation or place, labelled with the post) — and thin grey co-occurrence
edges.

Tooltips are plain text, HTML-escaped, so no name can inject markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.model import ENTITY_TYPES, Extraction
from kg.rdf import KG, corpus_graphs, union_graph

__all__ = ["TYPE_COLOURS", "TYPE_NAMES_ZH", "to_networkx", "write_view"]

#: Node colour of each entity type.
TYPE_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "Place": "#4e79a7",
    "Organisation": "#f28e2b",
    "Programme": "#59a14f",
}

#: Chinese name of each entity type (for tooltips and the legend).
TYPE_NAMES_ZH: dict[str, str] = {
    "Person": "人物",
    "Place": "地点",
    "Organisation": "机构",
    "Programme": "项目",
}

# Typed relations drawn as edges: predicate -> (edge label, colour, symmetric).
_EDGE_STYLES: dict[str, tuple[str, str, bool]] = {
    "locatedIn": ("位于", "#4e79a7", False),
    "runs": ("开展", "#59a14f", False),
    "cooperatesWith": ("合作", "#b07aa1", True),
    "publishedBy": ("主办", "#f28e2b", False),
}
_POST_COLOUR = "#e15759"
_COOCCUR_COLOUR = "#c8c8c8"


def _as_graph(source: Graph | Dataset | Extraction | Iterable[Extraction]) -> Graph:
    if isinstance(source, Dataset):
        return union_graph(source)
    if isinstance(source, Graph):
        return source
    if isinstance(source, Extraction):
        source = [source]
    return union_graph(corpus_graphs(source))


def _label(graph: Graph, node: URIRef) -> str:
    labels = sorted(str(label) for label in graph.objects(node, RDFS.label))
    return labels[0] if labels else str(node)


def _count(value: object) -> int:
    if isinstance(value, Literal):
        try:
            return int(value.toPython())
        except (TypeError, ValueError):
            return 1
    return 1


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entities of ``graph`` and the relations between them as a networkx multigraph.

    Node ids are entity IRIs (strings) with attributes ``label``, ``type``,
    ``aliases`` and ``posts``; edges carry ``kind`` (the predicate, or
    ``holdsPost``/``coOccursWith``), ``label`` and, for co-occurrence, ``count``
    (the sentences summed over all articles).
    """
    net = nx.MultiDiGraph()
    for type_ in ENTITY_TYPES:
        for node in sorted(set(graph.subjects(RDF.type, KG[type_]))):
            aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)})
            net.add_node(
                str(node), label=_label(graph, node), type=type_, aliases=aliases, posts=[]
            )

    for predicate in _EDGE_STYLES:
        seen: set[tuple[str, str]] = set()
        for s, o in sorted(graph.subject_objects(KG[predicate])):
            a, b = str(s), str(o)
            if a not in net or b not in net:
                continue
            if _EDGE_STYLES[predicate][2]:
                a, b = min(a, b), max(a, b)
            if (a, b) in seen:
                continue
            seen.add((a, b))
            net.add_edge(a, b, kind=predicate, label=_EDGE_STYLES[predicate][0])

    for person, membership in sorted(graph.subject_objects(KG.holdsPost)):
        post = graph.value(membership, KG.post)
        word = _label(graph, post) if post is not None else ""
        at = graph.value(membership, KG.postAt)
        if str(person) not in net:
            continue
        where = _label(graph, at) if at is not None else ""
        net.nodes[str(person)]["posts"].append(f"{where}{word}" if where else word)
        if at is not None and str(at) in net:
            net.add_edge(str(person), str(at), kind="holdsPost", label=word)
    for person, post in sorted(graph.subject_objects(KG.role)):
        if str(person) in net:
            net.nodes[str(person)]["posts"].append(_label(graph, post))

    counts: dict[tuple[str, str], int] = {}
    for s, o in graph.subject_objects(KG.coOccursWith):
        a, b = sorted((str(s), str(o)))
        counts.setdefault((a, b), 0)
    for statement in graph.subjects(RDF.predicate, KG.coOccursWith):
        s, o = graph.value(statement, RDF.subject), graph.value(statement, RDF.object)
        a, b = sorted((str(s), str(o)))
        counts[(a, b)] = counts.get((a, b), 0) + _count(graph.value(statement, KG.count))
    for (a, b), n in sorted(counts.items()):
        if a in net and b in net and a != b:
            net.add_edge(a, b, kind="coOccursWith", label="", count=max(n, 1))
    return net


def _tooltip(*lines: str) -> str:
    """Plain-text tooltip: escaped, so vis-network can never render it as markup."""
    return html.escape("\n".join(line for line in lines if line), quote=False)


def _legend(title: str) -> str:
    items = "".join(
        f'<span style="display:inline-block;margin-right:12px">'
        f'<span style="display:inline-block;width:12px;height:12px;border-radius:6px;'
        f'background:{TYPE_COLOURS[t]};vertical-align:middle"></span> '
        f"{html.escape(TYPE_NAMES_ZH[t])} {html.escape(t)}</span>"
        for t in ENTITY_TYPES
    )
    edges = " · ".join(
        html.escape(f"{label} {predicate}") for predicate, (label, _, _) in _EDGE_STYLES.items()
    )
    edges += ' · 职务 holdsPost · <span style="color:#999">灰线 共现 coOccursWith</span>'
    return (
        '<div id="kg-legend" style="font-family:sans-serif;font-size:14px;margin:8px">'
        f'<h1 style="font-size:20px;margin:4px 0">{html.escape(title)}</h1>'
        f'<div>{items}</div><div style="color:#555;margin-top:4px">{edges}</div></div>'
    )


def write_view(
    source: Graph | Dataset | Extraction | Iterable[Extraction],
    path: str | Path,
    *,
    title: str = "知识图谱",
    height: str = "800px",
) -> Path:
    """Write an interactive HTML view of ``source`` to ``path`` (UTF-8) and return the path.

    ``source`` is extractions (one or many), an rdflib graph as written by
    :mod:`kg.rdf`, or a dataset of per-article graphs.
    """
    net = to_networkx(_as_graph(source))
    view = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    # Keep Chinese readable in the page (tojson still escapes <, >, & and ').
    view.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}

    for node, data in net.nodes(data=True):
        type_ = data["type"]
        lines = [data["label"], f"{TYPE_NAMES_ZH[type_]} {type_}"]
        if data["aliases"]:
            lines.append("别名: " + "、".join(data["aliases"]))
        if data["posts"]:
            lines.append("职务/身份: " + "、".join(sorted(set(data["posts"]))))
        view.add_node(
            node,
            label=data["label"],
            title=_tooltip(*lines),
            color=TYPE_COLOURS[type_],
            size=10 + min(net.degree(node), 20),
        )

    for a, b, data in net.edges(data=True):
        kind = data["kind"]
        name_a, name_b = net.nodes[a]["label"], net.nodes[b]["label"]
        if kind == "coOccursWith":
            view.add_edge(
                a,
                b,
                title=_tooltip(f"共现 coOccursWith: {name_a} — {name_b}", f"{data['count']} 句"),
                color=_COOCCUR_COLOUR,
                width=1,
                arrows={"to": {"enabled": False}},
            )
        elif kind == "holdsPost":
            view.add_edge(
                a,
                b,
                label=data["label"],
                title=_tooltip(f"holdsPost: {name_a} — {data['label']} @ {name_b}"),
                color=_POST_COLOUR,
                width=2,
            )
        else:
            label, colour, symmetric = _EDGE_STYLES[kind]
            options = {"arrows": {"to": {"enabled": False}}} if symmetric else {}
            view.add_edge(
                a,
                b,
                label=label,
                title=_tooltip(f"{kind}: {name_a} → {name_b}"),
                color=colour,
                width=2,
                **options,
            )

    page = view.generate_html()
    page = page.replace(
        '<meta charset="utf-8">',
        f'<meta charset="utf-8">\n        <title>{html.escape(title)}</title>',
        1,
    )
    page = page.replace("<body>", "<body>\n" + _legend(title), 1)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(page)
    return out

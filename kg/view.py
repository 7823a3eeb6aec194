"""The HTML network view: one self-contained, offline, UTF-8 page (vis-network).

:func:`write_view` takes the extractions of a build, builds the entity network
(:func:`kg.network.to_networkx`), chooses what to draw (:func:`kg.network.select`:
by default the 300 most important entities) and writes one HTML file with
vis-network — the copy that ships inside the ``pyvis`` package — inlined, so the
page makes no request to any host and references no other file.

Article text is untrusted: the data goes into the page as JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, the page script puts it on screen with ``textContent`` only, and
a Content-Security-Policy allows no script but the page's own two (by hash)
and no connection at all.

>>> import tempfile, pathlib
>>> from kg.model import Article, Entity, Extraction
>>> ext = Extraction(Article("a1", "韩楚说"), (), (Entity("Person", "韩楚", mentions=1),), ())
>>> with tempfile.TemporaryDirectory() as tmp:
...     page = write_view([ext], pathlib.Path(tmp) / "graph.html").read_text(encoding="utf-8")
>>> "韩楚" in page and "https://" not in page.split("<script>")[0]
True
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import html
import json
import logging
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import networkx as nx

from kg.gcpause import paused_gc
from kg.model import ENTITY_TYPES, Evidence, Extraction
from kg.network import RELATIONS, Key, Network, Selection, network, select, to_networkx

__all__ = [
    "TYPE_STYLES",
    "RELATION_STYLES",
    "DEFAULT_TOP",
    "page_data",
    "render_page",
    "script_json",
    "to_networkx",
    "write_view",
]

log = logging.getLogger("kg.view")

#: Entities drawn when no size is asked for.
DEFAULT_TOP = 300

#: type -> (Chinese name, colour, vis-network shape)
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("人物", "#e15759", "dot"),
    "Place": ("地点", "#4e79a7", "triangle"),
    "Organisation": ("机构", "#f28e2b", "square"),
    "Programme": ("项目", "#59a14f", "diamond"),
}

#: relation -> (Chinese name, colour, dashes (false or a pattern), width, arrow)
RELATION_STYLES: dict[str, tuple[str, str, object, float, bool]] = {
    "locatedIn": ("位于", "#4e79a7", False, 2.0, True),
    "holdsPost": ("任职", "#e15759", False, 2.5, True),
    "runs": ("开展", "#59a14f", [8, 4], 2.0, True),
    "cooperatesWith": ("合作", "#b07aa1", [3, 3], 2.0, False),
    "publishedBy": ("主办", "#f28e2b", [10, 3, 2, 3], 2.0, True),
    "coOccursWith": ("共现", "#b4b4b4", False, 0.6, False),
}

_MAX_EVIDENCE = 3  # sentences shown per relation, post or mention list
_MAX_RELATIONS = 40  # typed relations listed in a node's panel
_MAX_PARTNERS = 10  # co-occurring entities listed in a node's panel
_MAX_TYPED_EDGES = 12  # typed relations drawn per entity (its strongest)
_MAX_LINKS = 5  # links of an entity that is not drawn, to drawn ones
_MAX_SENTENCE = 240  # characters of an evidence sentence

_VIS = ("lib", "vis-9.1.2")
_TEMPLATES = Path(__file__).with_name("templates")


# --------------------------------------------------------------------------- data


class _Refs:
    """Articles and entities referred to by index in the page data."""

    def __init__(self, net: Network):
        self.articles = net.articles
        self.article_index: dict[str, int] = {}
        self.article_rows: list[list] = []

    def article(self, article_id: str) -> int:
        if article_id not in self.article_index:
            art = self.articles.get(article_id)
            row = [article_id, "", "", "", ""]
            if art is not None:
                source = art.newspaper or art.source or art.publisher or ""
                row = [article_id, art.title or "", art.date or "", source, art.url or ""]
            self.article_index[article_id] = len(self.article_rows)
            self.article_rows.append(row)
        return self.article_index[article_id]

    def evidence(self, evidence: Iterable[Evidence]) -> list[list]:
        out, seen = [], set()
        for ev in evidence:
            key = (ev.article, ev.start, ev.end, ev.part)
            if key in seen:
                continue
            seen.add(key)
            sentence = ev.sentence
            if len(sentence) > _MAX_SENTENCE:
                sentence = sentence[: _MAX_SENTENCE - 1] + "…"
            out.append([self.article(ev.article), sentence, ev.start, ev.end, ev.part])
            if len(out) >= _MAX_EVIDENCE:
                break
        return out


def page_data(
    net: Network | nx.MultiDiGraph,
    selection: Selection,
    *,
    title: str,
    cooccur_per_node: int | None = None,
    vis_options: dict | None = None,
) -> dict:
    """Everything the page shows, as JSON-ready lists (entities by index).

    All entities are in ``entities`` (the search index); the drawn ones are
    ``nodes`` with their importance in ``values``; ``edges`` join drawn
    entities; ``details`` holds each drawn entity's posts, relations and
    evidence, ``links`` the strongest links of undrawn entities to drawn ones.
    ``vis_options`` replaces the page's own vis-network options (top-level keys,
    e.g. ``physics``), for comparisons such as ``benchmarks/view.py``.
    """
    net = Network.of(net)
    score = selection.score  # most important first, then by key (keys are unique)
    keys = [k for _, k in sorted([(-score[k], k) for k in net.nodes])]
    index = {k: i for i, k in enumerate(keys)}
    drawn = set(selection.nodes)
    refs = _Refs(net)
    entities = [
        [k[1], ENTITY_TYPES.index(k[0]), d["aliases"], d["mentions"], d["articles"], int(k in drawn)]
        for k in keys
        for d in (net.nodes[k],)
    ]
    if cooccur_per_node is None:
        cooccur_per_node = 5 if len(drawn) <= 400 else 3 if len(drawn) <= 1000 else 2

    # Edges between drawn entities: an edge is drawn when it is among the strongest
    # few of either end (typed relations and co-occurrence counted apart), so that
    # hubs do not bury the picture and every entity keeps its own strongest links.
    between = {"typed": 0, "co": 0}
    strongest: dict[tuple[str, Key], list] = {}
    for a, b, rel, data in (e for k in selection.nodes for e in net.edges_from(k)):  # each once
        if b not in drawn:
            continue
        kind = "co" if rel == "coOccursWith" else "typed"
        between[kind] += 1
        for end in (a, b):
            strongest.setdefault((kind, end), []).append((-data["count"], a, b, rel, data))
    kept: dict[tuple, dict] = {}
    for (kind, _), items in strongest.items():
        items.sort(key=lambda x: x[:4])
        limit = cooccur_per_node if kind == "co" else _MAX_TYPED_EDGES
        for _, a, b, rel, data in items[:limit]:
            kept[a, b, rel] = data
    edges = [
        [index[a], index[b], RELATIONS.index(rel), d["count"], "、".join(d.get("posts", ()))]
        for (a, b, rel), d in sorted(kept.items(), key=lambda x: (x[0][2] == "coOccursWith", x[0]))
    ]
    drawn_co = sum(1 for *_, rel in kept if rel == "coOccursWith")
    all_pairs = len(net.edges)

    details = {}
    for k in selection.nodes:
        details[index[k]] = _details(net, k, index, refs)
    near: dict[Key, list] = {}  # the links of undrawn entities to drawn ones, from the drawn side
    for k in selection.nodes:
        for a, b, rel, data in net.incident(k):
            other = b if a == k else a
            if other not in drawn:
                link = (-data["count"], index[k], RELATIONS.index(rel), int(a == other))
                near.setdefault(other, []).append(link)
    links = {}
    for k in keys:
        if k in near:
            items = sorted(near[k])
            links[index[k]] = [[o, r, out, -c] for c, o, r, out in items[:_MAX_LINKS]]

    left_out = []
    hidden = len(keys) - len(drawn)
    if selection.missing_focus:
        left_out.append(f"no entity is named “{selection.missing_focus}”: showing the top "
                        f"{len(drawn):,} instead")  # fmt: skip
    if hidden:
        how = (
            f"the {len(drawn):,} entities nearest to {'、'.join(k[1] for k in selection.focus)} "
            f"(within {selection.hops} hop{'s' if selection.hops != 1 else ''}: {selection.reach:,})"
            if selection.focus
            else f"the top {len(drawn):,} entities by importance (mentions + relations)"
        )
        left_out.append(
            f"showing {how}; {hidden:,} more are found by search — rebuild with "
            "--view-top N, --view-focus NAME or --view-type TYPE for another part"
        )
    if drawn_co < between["co"]:
        left_out.append(
            f"co-occurrence lines: the {cooccur_per_node} strongest of each entity "
            f"({drawn_co:,} of {between['co']:,} between the entities shown)"
        )
    if len(kept) - drawn_co < between["typed"]:
        left_out.append(
            f"typed relations: the {_MAX_TYPED_EDGES} strongest of each entity "
            f"({len(kept) - drawn_co:,} of {between['typed']:,}; all are listed in the side panel)"
        )
    return {
        "title": title,
        "summary": {
            "articles": len(refs.articles),
            "entities": len(keys),
            "relations": all_pairs,
            "shownEntities": len(drawn),
            "shownRelations": len(edges),
            "leftOut": left_out,
        },
        "types": [[t, *TYPE_STYLES[t]] for t in ENTITY_TYPES],
        "relations": [[r, *RELATION_STYLES[r]] for r in RELATIONS],
        "entities": entities,
        "nodes": [index[k] for k in selection.nodes],
        "values": [round(selection.score[k], 2) for k in selection.nodes],
        "focus": [index[k] for k in selection.focus],
        "edges": edges,
        "details": details,
        "links": links,
        "articles": refs.article_rows,
        "visOptions": vis_options,
    }


def _details(net: Network, k, index: dict, refs: _Refs) -> dict:
    """A drawn entity's panel: posts, typed relations, co-occurring entities, mentions."""
    data = net.nodes[k]
    posts = [
        [post, at, refs.evidence(data["post_evidence"].get((post, at), ()))]
        for post, at in data["posts"]
    ]
    rels, partners = [], []
    for a, b, rel, d in net.incident(k):
        other = b if a == k else a
        if rel == "coOccursWith":
            partners.append((-d["count"], other, len(partners), d))  # sorts as it should
        else:
            rels.append([RELATIONS.index(rel), int(a == k), index[other], d["count"],
                         "、".join(d.get("posts", ())), d["evidence"]])  # fmt: skip
    rels.sort(key=lambda r: (r[0], -r[3], r[2]))
    for r in rels[:_MAX_RELATIONS]:
        r[5] = refs.evidence(r[5])
    top = heapq.nsmallest(_MAX_PARTNERS, partners)  # by count, then key, then as listed
    co = [[index[o], -n, refs.evidence(d["evidence"][:1])] for n, o, _, d in top]
    return {
        "posts": posts,
        "rels": rels[:_MAX_RELATIONS],
        "moreRels": max(len(rels) - _MAX_RELATIONS, 0),
        "co": co,
        "moreCo": max(len(partners) - _MAX_PARTNERS, 0),
        "mentions": refs.evidence(data["mention_evidence"]),
    }


# --------------------------------------------------------------------------- page


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element and any HTML context.

    >>> script_json({"a": "</script><b>&\\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return text


def _vis_file(name: str) -> str:
    return resources.files("pyvis").joinpath(*_VIS, name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_page(data: dict) -> str:
    """The HTML page for :func:`page_data`'s ``data``: vis-network, the page
    script, the styles and the data inlined, with a strict Content-Security-Policy."""
    vis_js = _vis_file("vis-network.min.js").replace("</script", "<\\/script")
    app_js = (_TEMPLATES / "view.js").read_text(encoding="utf-8")
    css = _vis_file("vis-network.css") + (_TEMPLATES / "view.css").read_text(encoding="utf-8")
    page = (_TEMPLATES / "view.html").read_text(encoding="utf-8")
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
        f"style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    parts = {
        "csp": html.escape(csp, quote=False),  # single quotes inside a double-quoted attribute
        "title": html.escape(data["title"]),
        "css": css.replace("</style", "<\\/style"),
        "data": script_json(data),
        "vis": vis_js,
        "app": app_js,
    }
    # one pass: text put in is never scanned for markers again
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], page)


def write_view(
    extractions: Iterable[Extraction] | Network | nx.MultiDiGraph,
    path: str | Path,
    *,
    title: str = "知识图谱",
    top: int | None = None,
    focus: str | None = None,
    hops: int = 2,
    types: Iterable[str] | None = None,
) -> Path:
    """Write the network view of ``extractions`` to ``path`` (UTF-8) and return the path.

    ``top`` entities are drawn (default :data:`DEFAULT_TOP`, most important
    first); ``focus`` draws the neighbourhood of the entity with that name or
    alias up to ``hops`` relations away instead; ``types`` draws only those
    entity types.  Every entity stays in the page's search.  A network from
    :func:`~kg.network.network` or :func:`to_networkx` can be given instead of extractions.
    """
    with paused_gc():
        return _write_view(extractions, path, title, top, focus, hops, types)


def _write_view(extractions, path, title, top, focus, hops, types) -> Path:
    if isinstance(extractions, Network | nx.Graph):
        net = Network.of(extractions)
    else:
        net = network(extractions)
    types = list(types) if types else None
    for t in types or ():
        if t not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {t!r} (expected one of {list(ENTITY_TYPES)})")
    selection = select(net, top=top, focus=focus, hops=hops, types=types, default_top=DEFAULT_TOP)
    if selection.missing_focus:
        log.warning("no entity is named %r: the view shows the top entities instead", focus)
    page = render_page(page_data(net, selection, title=title))
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(page)
    return out

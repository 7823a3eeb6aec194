"""The analysis report: ``OUT/report.html``, one self-contained page.

:func:`write_analysis` is what the build calls: it analyses the corpus
(:func:`kg.analysis.analyse`), writes the exports (:mod:`kg.export`) and the
report, which links to them and to the network view ``graph.html`` next to it.

The page is UTF-8, has no scripts and makes no network request: styles are
inline and the charts are SVG written here (:mod:`kg.charts`).  Every name and
title is HTML-escaped, since article text is untrusted.

>>> from kg.model import Article, Entity, Extraction
>>> ext = Extraction(Article("a", "", date="2022-10-20"), (),
...                  (Entity("Person", "<script>x</script>", (), 1),), ())
>>> page = render_report(analyse([ext]))
>>> "&lt;script&gt;x&lt;/script&gt;" in page and "<script>" not in page
True
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from . import __version__
from .analysis import Analysis, analyse, month_range, strongest_pairs, top_by_type, top_entities
from .charts import bar_chart, line_chart, shorten
from .export import write_exports
from .gcpause import paused_gc
from .model import ENTITY_TYPES, Extraction
from .network import Network

__all__ = ["TYPE_COLOURS", "TYPE_NAMES_ZH", "render_report", "write_report", "write_analysis"]

#: Colour of each entity type (the network view's colours).
TYPE_COLOURS = {
    "Person": "#e15759",
    "Place": "#4e79a7",
    "Organisation": "#f28e2b",
    "Programme": "#59a14f",
}
#: Chinese name of each entity type.
TYPE_NAMES_ZH = {"Person": "人物", "Place": "地点", "Organisation": "机构", "Programme": "项目"}

_CSS = """
:root{--ink:#222;--mute:#666;--line:#e3e3e3;--bg:#fafafa}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,
"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
header{background:#1f2a38;color:#fff;padding:28px 40px 22px}
header h1{margin:0 0 4px;font-size:26px;font-weight:600}
header p{margin:0;color:#c9d3df}
header a{color:#9fd0ff}
nav{margin-top:14px;display:flex;flex-wrap:wrap;gap:8px}
nav a{background:#2f3f54;color:#fff;text-decoration:none;padding:5px 12px;border-radius:14px;font-size:14px}
nav a.main{background:#3d8bfd}
main{max-width:1320px;margin:0 auto;padding:24px 40px 48px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:0 0 22px}
h2{font-size:19px;margin:0 0 4px}
.note{color:var(--mute);font-size:13px;margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 22px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.card b{display:block;font-size:24px;font-weight:600}
.card span{color:var(--mute);font-size:13px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:18px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:5px 7px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--mute);font-size:12px;text-transform:uppercase;letter-spacing:.03em}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr:hover td{background:#f4f8ff}
h3{font-size:15px;margin:6px 0}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;vertical-align:baseline}
.chip{display:inline-block;border-radius:10px;padding:0 8px;margin:2px 3px 2px 0;font-size:13px;color:#fff}
.rel{color:var(--mute);font-size:12px}
.name{white-space:nowrap}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:6px 18px;margin-top:14px}
.panel{margin:0}.panel figcaption{font-size:14px;margin:0 0 0 52px}
.mix{white-space:nowrap;font-size:13px}
footer{color:var(--mute);font-size:12px;text-align:center;padding:0 0 30px}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _pr(value: float) -> str:
    return f"{value:.4f}" if value >= 0.0001 else f"{value:.1e}"


def _name(a: Analysis, key, n: int = 16) -> str:
    """An entity's name with its type's dot; the full name, type and aliases as tooltip."""
    d = a.graph.nodes[key]
    colour = TYPE_COLOURS.get(key[0], "#999")
    aliases = "、".join(d.get("aliases", ()))
    tip = f"{key[1]} · {TYPE_NAMES_ZH.get(key[0], key[0])}" + (f" · {aliases}" if aliases else "")
    return (f'<span class="name" title="{_e(tip)}"><span class="dot" style="background:{colour}">'
            f"</span>{_e(shorten(key[1], n))}</span>")  # fmt: skip


def _chip(key) -> str:
    return f'<span class="chip" style="background:{TYPE_COLOURS.get(key[0], "#999")}">{_e(key[1])}</span>'


def _table(head: list[str], rows: Iterable[list[str]], numeric: set[int] = frozenset()) -> str:
    th = "".join(
        f'<th class="n">{_e(h)}</th>' if i in numeric else f"<th>{_e(h)}</th>"
        for i, h in enumerate(head)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _section(title: str, note: str, body: str, anchor: str) -> str:
    return f'<section id="{anchor}"><h2>{_e(title)}</h2><p class="note">{note}</p>{body}</section>'


def _cards(a: Analysis) -> str:
    G = a.graph
    span = f"{a.first} – {a.last}" if a.first else "no dates"
    groups = sum(1 for part in a.communities if len(part) > 1)
    items = [
        (f"{a.articles:,}", "articles"),
        (f"{G.number_of_nodes():,}", "entities"),
        (f"{G.number_of_edges():,}", "links between entities"),
        (f"{groups:,}", f"communities ({len(a.communities) - groups:,} entities linked to none)"),
        (span, f"{a.dated:,} dated articles"),
    ]
    return (
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for v, k in items)
        + "</div>"
    )


def _per_type(a: Analysis) -> str:
    counts = {t: 0 for t in ENTITY_TYPES}
    for t in a.graph.nodes(data="type"):
        counts[t[1]] = counts.get(t[1], 0) + 1
    bars = [
        (f"{TYPE_NAMES_ZH.get(t, '')} {t}".strip(), n, TYPE_COLOURS.get(t, "#999"))
        for t, n in counts.items()
    ]
    type_chart = bar_chart(bars, width=560, label=170, chars=16)
    top = [
        (k[1], a.graph.nodes[k]["mentions"], TYPE_COLOURS.get(k[0], "#999"))
        for k in top_entities(a.graph, 15)
    ]
    return (
        _section("Entities per type", "How many distinct entities of each type the corpus names.",
                 type_chart, "types")
        + _section("Top entities", "The 15 most mentioned entities, coloured by type.",
                   bar_chart(top, width=760, label=190), "top")
    )  # fmt: skip


def _timeline(a: Analysis, n: int = 8) -> str:
    keys = [k for k in top_entities(a.graph, n) if k in a.monthly]
    if not keys or not a.first:
        return _section("Mentions over time", "No dated articles: nothing to draw.", "", "time")
    months = month_range(a.first[:7], a.last[:7])
    series = [(k[1], dict(a.monthly[k])) for k in keys]
    together = line_chart(series[:5], months, width=1080, height=300)
    panels = "".join(
        f'<figure class="panel"><figcaption>{_name(a, k)} <span class="rel">'
        f"{sum(a.monthly[k].values()):,} mentions</span></figcaption>"
        + line_chart(
            [s], months, width=360, height=140, legend=False, colour=TYPE_COLOURS.get(k[0])
        )
        + "</figure>"
        for k, s in zip(keys, series, strict=True)
    )
    note = (f"Mentions per month, {_e(months[0])} to {_e(months[-1])}: the five most mentioned "
            f"entities together, then each of the top {len(keys)} on its own scale.")  # fmt: skip
    return _section(
        "Mentions over time", note, together + f'<div class="panels">{panels}</div>', "time"
    )


def _top_tables(a: Analysis, n: int = 10) -> str:
    tables = []
    for t, keys in top_by_type(a.graph, n).items():
        rows = [
            [str(i), _name(a, k, 12), f"{a.graph.nodes[k]['mentions']:,}", f"{a.graph.nodes[k]['articles']:,}",
             f"{a.degree[k]:,}", _pr(a.pagerank.get(k, 0.0)), f"#{a.community[k]}"]
            for i, k in enumerate(keys, 1)
        ]  # fmt: skip
        head = ["", "name", "mentions", "articles", "degree", "PageRank", "community"]
        colour = TYPE_COLOURS.get(t, "#999")
        title = f'<h3><span class="dot" style="background:{colour}"></span>{_e(TYPE_NAMES_ZH.get(t, ""))} {_e(t)}</h3>'
        tables.append(
            "<div>"
            + title
            + (_table(head, rows, {0, 2, 3, 4, 5}) if rows else '<p class="note">none</p>')
            + "</div>"
        )
    note = ("Most mentioned first. Degree: distinct entities linked to it; PageRank: its share of a "
            "random walk along the weighted links; community: see below.")  # fmt: skip
    return _section(
        "Top entities per type", note, '<div class="grid">' + "".join(tables) + "</div>", "per-type"
    )


def _communities(a: Analysis, n: int = 12, members: int = 10) -> str:
    rows = []
    for i, part in enumerate(a.communities[:n]):
        kinds = {t: sum(1 for k in part if k[0] == t) for t in ENTITY_TYPES}
        mix = "<br>".join(
            f'<span class="dot" style="background:{TYPE_COLOURS[t]}"></span>{_e(TYPE_NAMES_ZH[t])} {c:,}'
            for t, c in kinds.items() if c
        )  # fmt: skip
        main = "".join(_chip(k) for k in part[:members])
        rows.append([f"#{i}", f"{len(part):,}", f'<div class="mix">{mix}</div>', main])
    alone = sum(1 for part in a.communities if len(part) == 1)
    note = (f"Louvain communities of the weighted graph (seed {a.seed}), largest first: "
            f"{len(a.communities) - alone:,} of two or more entities, and {alone:,} entities "
            "linked to no other. Main members: the most mentioned.")  # fmt: skip
    return _section(
        "Communities",
        note,
        _table(["", "size", "types", "main members"], rows, {0, 1}),
        "communities",
    )


def _pairs(a: Analysis, n: int = 20) -> str:
    rows = []
    for u, v, c in strongest_pairs(a.graph, n):
        rel = a.graph.edges[u, v].get("relations", "")
        rows.append([_name(a, u), _name(a, v), f"{c:,}", f'<span class="rel">{_e(rel)}</span>'])
    note = "Pairs of entities named in the most sentences together, with any typed relation between them."
    return _section(
        "Strongest co-occurrence pairs",
        note,
        _table(["entity", "entity", "sentences", "relations"], rows, {2}),
        "pairs",
    )


def _dates(a: Analysis, n: int = 20) -> str:
    rows = []
    for k in top_entities(a.graph, n):
        d = a.graph.nodes[k]
        monthly = a.monthly.get(k, {})
        peak = max(sorted(monthly), key=monthly.get, default="")
        rows.append([_name(a, k), _e(d["first"] or "–"), _e(d["last"] or "–"), f"{len(monthly):,}" if monthly else "–",
                     _e(f"{peak} ({monthly[peak]:,})" if peak else "–")])  # fmt: skip
    note = "First and last article date naming each of the most mentioned entities, months with mentions and the busiest month."
    return _section(
        "First and last mentions",
        note,
        _table(["name", "first", "last", "months", "peak month"], rows, {3}),
        "dates",
    )


def render_report(a: Analysis, title: str = "kg report") -> str:
    """The report page of an analysis, as a string."""
    links = [("graph.html", "Network view", "main"), ("graph.gexf", "GEXF (Gephi)", ""),
             ("graph.graphml", "GraphML", ""), ("nodes.csv", "nodes.csv", ""),
             ("edges.csv", "edges.csv", ""), ("relations.csv", "relations.csv", "")]  # fmt: skip
    nav = "".join(f'<a class="{c}" href="{_e(h)}">{_e(t)}</a>' for h, t, c in links)
    body = (
        _cards(a)
        + _per_type(a)
        + _timeline(a)
        + _top_tables(a)
        + _communities(a)
        + _pairs(a)
        + _dates(a)
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p>People, places, organisations and programmes of "
        f"{a.articles:,} article{'s' if a.articles != 1 else ''}, and how they are linked.</p><nav>{nav}</nav></header>"
        f"<main>{body}</main><footer>kg {_e(__version__)} · communities seed {a.seed} · "
        f"same input, same report</footer></body></html>\n"
    )


def write_report(a: Analysis, path: str | Path, title: str = "kg report") -> Path:
    """Write :func:`render_report` to ``path`` (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(a, title), encoding="utf-8")
    return path


def write_analysis(
    extractions: Iterable[Extraction], out: str | Path, seed: int = 0, net: Network | None = None
) -> dict[str, Path]:
    """Analyse a built corpus and write ``OUT/report.html`` and the exports; kind → path.

    ``net`` is the :func:`~kg.network.network` of the same extractions, when the
    caller has it already (the build does: the view draws it)."""
    extractions = list(extractions)
    with paused_gc():  # millions of small objects, no cycles
        a = analyse(extractions, seed=seed, top=20, net=net)
        paths = {"report": write_report(a, Path(out) / "report.html")}
        relations = a.extra["typed_relations"]
        paths.update(write_exports(a, out, extractions, relations=relations))
        # networkx caches its views (G.nodes, G.edges, G.degree) on the graph, and they refer
        # back to it: without them the graph is freed on return, not by a pass of the collector
        for view in ("nodes", "edges", "degree"):
            a.graph.__dict__.pop(view, None)
    return paths

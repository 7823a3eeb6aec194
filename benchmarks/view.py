"""Benchmark: how long the network view takes to settle in headless chromium, and how
long building the view of a whole corpus takes.

    python benchmarks/view.py [--shared PATH] [--limit N] [--synthetic] [--sizes 300,1000,2000]

For each size it writes a view of that many nodes (the most important entities of the
CCTV corpus, from ``--shared``/``KG_SHARED``; synthetic graphs without it or with
``--synthetic``) and loads it in Debian's chromium with the network blocked, twice: with
the page's own vis-network options and with pyvis's default options (the baseline,
measured in the same run).  The time is from navigation start until the layout has
settled (vis-network's ``stabilizationIterationsDone``, after which physics stops).
Target (issue 4): 2,000 nodes settled in under 5 s.  With the corpus it also times
building the view of all of it (network + page), the way ``build.py`` does after the
corpus merge.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pyvis.network import Network  # noqa: E402

from kg.model import ARTICLE, Article, Entity, Evidence, Extraction, Relation  # noqa: E402
from kg.nereval import resolve_shared  # noqa: E402
from kg.network import network, select  # noqa: E402
from kg.view import page_data, render_page, write_view  # noqa: E402
from tests.browser import chromium, console_errors, load, missing  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001 - progress shows as it happens
TARGET = 5.0


def corpus_extractions(shared: Path, limit: int | None) -> list[Extraction]:
    from kg.ingest import iter_articles
    from kg.pipeline import build, get_extractor

    corpus = shared / "data" / "cctv_xwlb_news" / "xwlb_stories.jsonl.gz"
    extractor = get_extractor()
    t = time.perf_counter()
    out = []
    for article in iter_articles([str(corpus)], on_skip=lambda s: None):
        out.append(extractor(article))
        if limit and len(out) >= limit:
            break
    print(f"extracted {len(out):,} stories in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    out = build(out)
    print(f"merged aliases across the corpus in {time.perf_counter() - t:.1f} s")
    return out


def synthetic_extractions(entities: int, seed: int = 7) -> list[Extraction]:
    """Articles naming entities with a skewed popularity, co-occurring in sentences, with
    a few typed relations (posts, places in places): about ``entities`` entities in all."""
    rng = random.Random(seed)
    types = ("Person", "Place", "Organisation", "Programme")
    pool = [(types[i % 4], f"实体{i}") for i in range(entities)]
    weights = [1 / (i + 1) ** 0.6 for i in range(entities)]
    out = []
    for a in range(entities * 2):
        aid = f"syn{a}"
        named = sorted(set(rng.choices(pool, weights, k=8)) | {pool[(a * 7) % entities]})
        text = "。".join(name for _, name in named)
        ev = Evidence(aid, text[:40], 0, min(len(text), 40))
        rels = [Relation(ARTICLE, "mentions", k, (ev,)) for k in named]
        for x, y in zip(named, named[1:], strict=False):
            rels.append(Relation(x, "coOccursWith", y, (ev,), count=1))
        places = [k for k in named if k[0] == "Place"]
        people = [k for k in named if k[0] == "Person"]
        if places and people and rng.random() < 0.3:
            rels.append(Relation(people[-1], "holdsPost", "书记", (ev,), at=places[-1]))
        if len(places) > 1 and rng.random() < 0.3:
            rels.append(Relation(places[-1], "locatedIn", places[0], (ev,)))
        ents = tuple(Entity(t, n, mentions=1) for t, n in named)
        out.append(Extraction(Article(aid, text, title=f"文章{a}", date="2024-01-01"), (), ents,
                              tuple(rels)))  # fmt: skip
    return out


def settle_times(pages: dict[str, Path], repeat: int, cap: float) -> dict[str, float]:
    """Median settle time of each page over ``repeat`` loads in one browser; a load that
    has not settled after ``cap`` seconds counts as ``cap`` and is not repeated."""
    times: dict[str, list[float]] = {name: [] for name in pages}
    with chromium() as driver:
        for _ in range(repeat):
            for name, page in pages.items():
                if times[name] and times[name][-1] >= cap:
                    continue
                try:
                    times[name].append(load(driver, page, timeout=cap))
                except TimeoutError:
                    times[name].append(cap)
                errors = console_errors(driver)
                if errors:
                    print(f"  console errors in {name}: {errors[:3]}")
                driver.get("about:blank")
    return {name: statistics.median(ts) for name, ts in times.items()}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    p.add_argument("--limit", type=int, help="only the first N stories of the corpus")
    p.add_argument("--synthetic", action="store_true", help="synthetic graphs even with the corpus")
    p.add_argument("--sizes", default="300,1000,2000", help="node counts (default 300,1000,2000)")
    p.add_argument("--repeat", type=int, default=3, help="loads per page (median; default 3)")
    p.add_argument("--no-baseline", action="store_true", help="skip pyvis's default options")
    p.add_argument("--cap", type=float, default=60.0, help="give up on a load after this (s)")
    args = p.parse_args()
    reason = missing()
    if reason:
        print(f"cannot run the browser: {reason}")
        return 1
    sizes = [int(s) for s in args.sizes.split(",")]
    shared = None if args.synthetic else resolve_shared(args.shared)
    if shared is not None and not (shared / "data" / "cctv_xwlb_news").is_dir():
        shared = None
    if shared is not None:
        extractions = corpus_extractions(shared, args.limit)
        source = f"CCTV corpus ({len(extractions):,} stories)"
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            net = network(extractions)  # the build's one pass
            t_net = time.perf_counter() - t
            write_view(net, Path(tmp) / "graph.html", title="CCTV")
            t_all = time.perf_counter() - t
        print(
            f"view of the whole corpus ({len(net.nodes):,} entities, "
            f"{len(net.edges):,} relations): {t_all:.1f} s "
            f"(network {t_net:.1f} s, page {t_all - t_net:.1f} s)"
        )
    else:
        net = network(synthetic_extractions(max(sizes) * 3))
        source = f"synthetic graph ({len(net.nodes):,} entities)"
    baseline = json.loads(Network().options.to_json())
    print(f"settle time in headless chromium, {source}, median of {args.repeat} loads:")
    print(f"{'nodes':>6} {'edges':>6} {'kg view':>9} {'pyvis defaults':>15} {'ratio':>6}  target")
    with tempfile.TemporaryDirectory() as tmp:
        pages, edges = {}, {}
        for n in sizes:
            selection = select(net, top=n)
            data = page_data(net, selection, title=f"{n} nodes")
            edges[n] = len(data["edges"])
            pages[f"kg{n}"] = Path(tmp) / f"kg{n}.html"
            pages[f"kg{n}"].write_text(render_page(data), encoding="utf-8")
            if not args.no_baseline:
                data["visOptions"] = baseline
                pages[f"base{n}"] = Path(tmp) / f"base{n}.html"
                pages[f"base{n}"].write_text(render_page(data), encoding="utf-8")
        times = settle_times(pages, args.repeat, args.cap)
    ok = True
    for n in sizes:
        ours, base = times[f"kg{n}"], times.get(f"base{n}")
        capped = base is not None and base >= args.cap
        ratio = f"{'≥' if capped else ' '}{base / ours:4.0f}x" if base is not None else "     -"
        base_text = f"{'>' if capped else ' '}{base:12.1f} s" if base is not None else f"{'-':>15}"
        verdict = ""
        if n == 2000 or n == max(sizes):
            verdict = "PASS" if ours < TARGET else "FAIL"
            ok = ok and ours < TARGET
            verdict += f" (< {TARGET:.0f} s at {n:,} nodes)"
        print(f"{n:>6} {edges[n]:>6} {ours:7.2f} s {base_text} {ratio}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

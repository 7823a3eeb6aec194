"""Benchmark: the analysis, report and exports of the CCTV news corpus, against the
extraction of the same stories measured in the same run.

    python benchmarks/analysis.py [--shared PATH] [--limit N] [--out DIR]

Extracts the stories (one process, the baseline), then times each step of
``kg.report.write_analysis``: the entity graph, PageRank, the Louvain communities and the
time series (``analyse``), the report, and the GraphML, GEXF and CSV exports.  Then it
times the whole outputs step the way ``build.py`` runs it after the corpus merge: one
pass over the extractions (``kg.network.network``), the network view ``graph.html``, and
the analysis, report and exports.  Prints seconds per step, the ratios of analysis +
report + exports and of the whole outputs step to the extraction, and the peak resident
memory.  Target (issue 5): seconds, not minutes — a small fraction of the extraction.
"""

from __future__ import annotations

import argparse
import functools
import gc
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.analysis import analyse  # noqa: E402
from kg.export import write_exports  # noqa: E402
from kg.gcpause import paused_gc  # noqa: E402
from kg.ingest import iter_articles  # noqa: E402
from kg.nereval import NO_CCTV, cctv_corpus  # noqa: E402
from kg.network import network  # noqa: E402
from kg.pipeline import build, get_extractor  # noqa: E402
from kg.report import write_analysis, write_report  # noqa: E402
from kg.view import write_view  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001 - progress shows as it happens


def _timed(label: str, fn, times: dict):
    t = time.perf_counter()
    result = fn()
    times[label] = time.perf_counter() - t
    print(f"  {label:<28} {times[label]:7.2f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    p.add_argument("--limit", type=int, help="only the first N stories")
    p.add_argument("--out", help="where to write the report and exports (default: a temp dir)")
    args = p.parse_args(argv)
    corpus = cctv_corpus(args.shared)
    if corpus is None:
        print(NO_CCTV)
        return 0
    out = Path(args.out or tempfile.mkdtemp(prefix="kg-analysis-"))
    times: dict[str, float] = {}
    ex = get_extractor()
    articles = list(islice(iter_articles([corpus]), args.limit))
    print(f"{len(articles):,} stories, {sum(len(a.text) for a in articles):,} characters")
    exts = _timed("extract (baseline)", lambda: [ex(a) for a in articles], times)
    exts = _timed("merge across the corpus", lambda: build(exts), times)
    gc.freeze()  # as kg.corpus.build_corpus leaves the extractions: out of the collector's way
    a = _timed("analyse (graph, PageRank, …)", lambda: analyse(exts, seed=0, top=20), times)
    G = a.graph
    print(f"  → {G.number_of_nodes():,} entities, {G.number_of_edges():,} links, "
          f"{len(a.communities):,} communities")  # fmt: skip
    _timed("report.html", lambda: write_report(a, out / "report.html"), times)
    paths = _timed("exports (GraphML, GEXF, CSV)", lambda: write_exports(a, out, exts), times)
    ours = sum(times[k] for k in ("analyse (graph, PageRank, …)", "report.html",
                                  "exports (GraphML, GEXF, CSV)"))  # fmt: skip
    base = times["extract (baseline)"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"analysis + report + exports: {ours:.1f} s = {ours / base:.2f} × the extraction "
          f"({base:.1f} s); peak resident memory {peak:,.0f} MB")  # fmt: skip
    for kind, path in sorted(paths.items()):
        print(f"  {kind:<9} {path.stat().st_size / 1e6:7.1f} MB  {path}")

    print("the outputs step as build.py runs it:")
    whole = out / "build"
    with paused_gc():  # as kg.cli.cmd_build
        net = _timed("one pass (kg.network)", lambda: network(exts), times)
        _timed("graph.html", lambda: write_view(net, whole / "graph.html", title="kg"), times)
        _timed("analysis, report, exports", lambda: write_analysis(exts, whole, net=net), times)
        net = None  # freed before the collector runs, as in cmd_build
        t = time.perf_counter()
    times["collector, at the end"] = time.perf_counter() - t
    print(f"  {'collector, at the end':<28} {times['collector, at the end']:7.2f} s")
    step = sum(times[k] for k in ("one pass (kg.network)", "graph.html", "analysis, report, exports",
                                  "collector, at the end"))  # fmt: skip
    print(f"outputs step (view + analysis + report + exports): {step:.1f} s = "
          f"{step / base:.2f} × the extraction ({base:.1f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

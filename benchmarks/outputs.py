"""Benchmark: the build's outputs step of this checkout against another checkout's, on the
same extractions, in alternating runs, and whether they write the same bytes.

    python benchmarks/outputs.py --baseline DIR [--shared PATH] [--limit N] [--rounds 3]

``DIR`` is another checkout of kg (``git worktree add /tmp/kg-main main``).  The CCTV
stories (the first ``N``, default all) are extracted and merged once, then each checkout runs
the outputs step the way ``build.py`` does after the corpus merge (``kg.network.network``,
``graph.html``, the analysis, ``report.html`` and the GraphML, GEXF and CSV exports) in a
process of its own, baseline and this checkout in turn, ``--rounds`` times.  Prints each
run's CPU seconds, the best of each and their ratio, and compares the files the two wrote.
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import gc
import pickle
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("graph.html", "report.html", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv",
         "relations.csv")  # fmt: skip

print = functools.partial(print, flush=True)  # noqa: A001 - progress shows as it happens


def child(root: str, extractions: str, out: str) -> None:
    """The outputs step of the checkout at ``root``; prints its CPU seconds."""
    sys.path.insert(0, root)
    import kg

    if not Path(kg.__file__).resolve().is_relative_to(Path(root).resolve()):
        raise SystemExit(f"kg comes from {kg.__file__}, not from {root}")
    from kg.gcpause import paused_gc
    from kg.network import network
    from kg.report import write_analysis
    from kg.view import write_view

    with open(extractions, "rb") as f:
        exts = pickle.load(f)
    gc.freeze()  # as kg.corpus.build_corpus leaves the extractions
    t = time.process_time()
    with paused_gc():  # as kg.cli.cmd_build
        net = network(exts)
        write_view(net, Path(out) / "graph.html", title="kg")
        write_analysis(exts, out, net=net)
        del net
    print(time.process_time() - t)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--baseline", help="another checkout of kg to compare with")
    p.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    p.add_argument("--limit", type=int, help="only the first N stories")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    sys.path.insert(0, str(ROOT))
    from kg.ingest import iter_articles
    from kg.nereval import NO_CCTV, cctv_corpus
    from kg.pipeline import build, get_extractor

    corpus = cctv_corpus(args.shared)
    if corpus is None:
        print(NO_CCTV)
        return 0
    if not args.baseline or not (Path(args.baseline) / "kg" / "network.py").is_file():
        print("give --baseline DIR: another checkout of kg (git worktree add /tmp/kg-main main)")
        return 2
    with tempfile.TemporaryDirectory(prefix="kg-outputs-") as folder:
        return compare(Path(folder), args, get_extractor, iter_articles, build, corpus)


def compare(tmp: Path, args: argparse.Namespace, get_extractor, iter_articles, build, corpus) -> int:
    """Extract once into ``tmp``, run both checkouts' outputs step in turn, compare."""
    ex = get_extractor()
    articles = list(islice(iter_articles([corpus]), args.limit))
    print(f"{len(articles):,} stories: extracting and merging once …")
    exts = [replace(e, mentions=()) for e in build([ex(a) for a in articles])]  # as cmd_build
    with open(tmp / "extractions.pickle", "wb") as f:
        pickle.dump(exts, f, protocol=pickle.HIGHEST_PROTOCOL)
    del exts
    roots = {"baseline": str(Path(args.baseline).resolve()), "this checkout": str(ROOT)}
    cpu: dict[str, list[float]] = {name: [] for name in roots}
    for _ in range(args.rounds):
        for name, root in roots.items():
            out = tmp / name.replace(" ", "-")
            out.mkdir(exist_ok=True)
            cmd = [
                sys.executable,
                __file__,
                "--child",
                root,
                str(tmp / "extractions.pickle"),
                str(out),
            ]
            seconds = float(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            cpu[name].append(seconds)
            print(f"  {name:<14} {seconds:6.2f} s of CPU")
    old, new = min(cpu["baseline"]), min(cpu["this checkout"])
    print(f"outputs step, best of {args.rounds}: baseline {old:.2f} s, this checkout {new:.2f} s "
          f"= {new / old:.2f} × the baseline")  # fmt: skip
    same = [
        f
        for f in FILES
        if filecmp.cmp(tmp / "baseline" / f, tmp / "this-checkout" / f, shallow=False)
    ]
    print(f"identical files: {len(same)} of {len(FILES)}"
          + ("" if len(same) == len(FILES) else f" (differ: {sorted(set(FILES) - set(same))})"))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: every example query on the embedded Oxigraph store and on rdflib's
in-memory engine, over the graph of the CCTV news corpus, in the same run.

    python benchmarks/sparql.py [--shared PATH] [--limit N] [--jobs 2] [--repeat 5]
    python benchmarks/sparql.py --out OUT      # an existing build instead

Builds the CCTV corpus (or its first N stories) with ``build.py``, then loads the build's
``graph.trig`` (the articles' named graphs) and ``graph.ttl`` (the default graph) into an
rdflib in-memory dataset, the baseline.  Queries that name one of the
sample's entities are also asked about the corpus's most mentioned one (``NAME@corpus``).

Prints, per query, the median latency on each engine and the ratio, then the ratio of
the summed medians.  Targets (issue 3): every query under 100 ms at the median on the
embedded store, and the store at least 10x faster than rdflib overall.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import itertools
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import Dataset  # noqa: E402
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID  # noqa: E402

from kg.nereval import NO_CCTV, cctv_corpus  # noqa: E402
from kg.push import with_prefixes  # noqa: E402
from kg.query import QUERIES_DIR, run_query  # noqa: E402
from kg.store import open_store  # noqa: E402

print = functools.partial(print, flush=True)  # noqa: A001 - progress shows as it happens


def _time(fn, repeat: int, cap: float = 0.0) -> float:
    """Median seconds of ``repeat`` runs; with ``cap``, one run stopped at ``cap`` seconds
    (SIGALRM) counts as ``cap`` and ends the measurement (rdflib can take minutes)."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        if cap:
            signal.setitimer(signal.ITIMER_REAL, cap)
        try:
            fn()
        except _Stop:
            return cap
        finally:
            if cap:
                signal.setitimer(signal.ITIMER_REAL, 0)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


class _Stop(Exception):
    pass


def _alarm(signum, frame):
    raise _Stop


#: Names in the example queries that only the sample has, and the type of entity that
#: replaces each in the ``@corpus`` variants (the corpus's most mentioned of that type).
_SAMPLE_NAMES = {"韩楚": "Person", "南川区": "Place"}


def _queries(store) -> list[tuple[str, str]]:
    """Every example query; those that name one of the sample's entities also asked about
    the corpus's most mentioned entity of the same type (``NAME@corpus``), so that they
    are measured on an entity with many facts rather than on one the corpus lacks."""
    top = {}
    for type_ in set(_SAMPLE_NAMES.values()):
        rows = list(run_query(store, f"SELECT ?n WHERE {{ ?e kg:rank 1 ; a kg:{type_} ; rdfs:label ?n }}"))
        if rows:
            top[type_] = rows[0]["n"].value
    out = []
    for q in sorted(QUERIES_DIR.glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        out.append((q.stem, text))
        variant = text
        for name, type_ in _SAMPLE_NAMES.items():
            if type_ in top:
                variant = variant.replace(f'"{name}"@zh', f'"{top[type_]}"@zh')
        if variant != text:
            out.append((q.stem + "@corpus", variant))
    return out


def _build(corpus: Path, limit: int | None, out: Path, jobs: int) -> None:
    """Build the first ``limit`` stories of ``corpus`` (all without it) into ``out`` with the
    real command line, as a user would."""
    source = corpus
    if limit:
        source = out.parent / "stories.jsonl"
        with gzip.open(corpus, "rt", encoding="utf-8") as fh, open(source, "w", encoding="utf-8") as w:
            w.writelines(itertools.islice(fh, limit))
    cmd = [sys.executable, str(ROOT / "build.py"), str(source), "-o", str(out), "-q", "--jobs", str(jobs)]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL)
    if done.returncode not in (0, 3):  # 3: some records skipped (empty stories), the rest built
        raise SystemExit(f"the build failed (exit status {done.returncode})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    p.add_argument("--limit", type=int, help="only the first N stories")
    p.add_argument("--out", type=Path, help="use this existing build instead of building one")
    p.add_argument("--jobs", type=int, default=2, help="build processes (default 2)")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--cap", type=float, default=60.0, help="seconds one rdflib query may take")
    p.add_argument("--store-only", action="store_true",
                   help="time the store alone (rdflib needs many GB and minutes for a large build)")  # fmt: skip
    args = p.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out
        t0 = time.perf_counter()
        if out is None:
            corpus = cctv_corpus(args.shared)
            if corpus is None:
                print(NO_CCTV)
                return 0
            out = Path(tmp) / "out"
            _build(corpus, args.limit, out, args.jobs)
        t1 = time.perf_counter()
        store = open_store(out, read_only=True)
        graph = Dataset()  # the same dataset as the store: named graphs and default graph
        if not args.store_only:
            graph.parse(out / "graph.trig", format="trig")
            graph.graph(DATASET_DEFAULT_GRAPH_ID).parse(out / "graph.ttl", format="turtle")
        t2 = time.perf_counter()
        articles = list(run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }"))[0]
        rdflib_part = "" if args.store_only else f", {sum(1 for _ in graph.quads())} quads in rdflib"
        print(f"{articles['n'].value} articles, {len(store)} quads in the store{rdflib_part}")
        if not args.store_only:
            print(f"build {t1 - t0:.1f}s, load rdflib from graph.trig and graph.ttl {t2 - t1:.1f}s")
        print()
        print(f"{'query':<24}{'store ms':>10}" + ("" if args.store_only else f"{'rdflib ms':>11}{'ratio':>8}"))
        total_store = total_rdflib = 0.0
        slow = []
        for name, text in _queries(store):

            def on_store(text=text):
                result = run_query(store, text)
                return bool(result) if not hasattr(result, "variables") else list(result)

            def on_rdflib(text=text):
                return list(graph.query(with_prefixes(text)))

            s = _time(on_store, args.repeat)
            r = 0.0 if args.store_only else _time(on_rdflib, max(1, min(args.repeat, 3)), args.cap)
            total_store, total_rdflib = total_store + s, total_rdflib + r
            slow += [name] if s > 0.1 else []
            capped = ">" if r >= args.cap else " "
            if args.store_only:
                print(f"{name:<24}{s * 1000:>10.1f}")
                continue
            print(
                f"{name:<24}{s * 1000:>10.1f}{capped}{r * 1000:>10.1f}{r / s if s else float('inf'):>8.1f}"
            )
        if args.store_only:
            print(f"{'all (sum of medians)':<24}{total_store * 1000:>10.1f}   (rdflib not run)")
        else:
            print(f"{'all (sum of medians)':<24}{total_store * 1000:>10.1f}{total_rdflib * 1000:>11.1f}"
                  f"{total_rdflib / total_store:>8.1f}")  # fmt: skip
        print(
            "\nevery query under 100 ms on the store:",
            "yes" if not slow else f"no ({', '.join(slow)})",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python build.py`` and its sub-commands.

``python build.py [PATH ...] [-o OUT]``
    Build the graph of the articles under PATH (files or folders; the bundled
    sample when none is given) into OUT (default ``out/``)::

        python build.py                       # the bundled sample → out/
        python build.py ~/news -o news-graph  # a folder of articles

``python build.py evaluate GOLD.json ...``
    Build each gold file's article and score it as ``shared/gold/README.md``
    says::

        python build.py evaluate ../shared/gold/*.gold.json

Exit status: 0 when every input was built, 3 when some inputs were skipped
(the rest is built), 1 when nothing could be built, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from functools import partial
from pathlib import Path

from . import __version__
from .model import ENTITY_TYPES, Skipped
from .progress import Progress

__all__ = ["main", "EXIT_OK", "EXIT_PARTIAL", "EXIT_NOTHING", "Progress"]

EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3
COMMANDS = ("build", "evaluate", "query", "serve", "push")


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py",
        description="Build a knowledge graph of people, places, organisations and programmes "
        "from Chinese news articles.",
        epilog="Sub-command: 'build.py evaluate GOLD.json...' scores against hand annotation.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (default: the bundled sample)",
    )
    p.add_argument("-o", "--out", default="out", help="output folder (default: out/)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="extra rule-data folder, merged after the defaults (repeatable)")  # fmt: skip
    p.add_argument("--base", default=None, help="base IRI for the graph's resources")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    view = p.add_argument_group("network view (OUT/graph.html)")
    view.add_argument("--view-top", type=int, default=None, metavar="N",
                      help="draw the N most important entities (default 300)")  # fmt: skip
    view.add_argument("--view-focus", default=None, metavar="NAME",
                      help="draw the neighbourhood of the entity with this name or alias")  # fmt: skip
    view.add_argument("--hops", type=int, default=2, metavar="K",
                      help="how far the --view-focus neighbourhood reaches (default 2)")  # fmt: skip
    view.add_argument("--view-type", type=_view_types, action="extend", default=None,
                      metavar="TYPE", help="draw only these types (Person, Place, Organisation, "
                      "Programme or 人物, 地点, 机构, 项目; repeatable or comma-separated)")  # fmt: skip
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes for extraction and RDF writing (default 1)")  # fmt: skip
    p.add_argument("--executor", choices=("processes", "dask"), default="processes",
                   help="run the per-article work in local processes or on Dask")  # fmt: skip
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); default a local cluster")  # fmt: skip
    p.add_argument("--no-cache", action="store_true",
                   help="extract every article again (ignore OUT/cache)")  # fmt: skip
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    return p


def _view_types(text: str) -> list[str]:
    """``--view-type`` values: English or Chinese type names, comma-separated."""
    from .view import TYPE_STYLES

    names = {t.lower(): t for t in TYPE_STYLES} | {zh: t for t, (zh, *_) in TYPE_STYLES.items()}
    out = []
    for word in filter(None, (w.strip() for w in text.replace("，", ",").split(","))):
        if word.lower() not in names:
            raise argparse.ArgumentTypeError(
                f"unknown type {word!r} (choose from {', '.join(TYPE_STYLES)})"
            )
        out.append(names[word.lower()])
    return out


def _eval_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py evaluate", description="Score against gold files.")
    p.add_argument("gold", nargs="+", metavar="GOLD.json")
    p.add_argument("--corpus", action="append", default=[], metavar="DIR",
                   help="where to look for the gold files' articles (also: next to the gold, ../corpus)")  # fmt: skip
    p.add_argument("--rules", action="append", default=[], metavar="DIR")
    return p


def _warner(progress: Progress | None):
    """How the build prints a warning: above the progress line when there is one."""
    if progress is None:
        return None  # build_corpus prints "warning: …" to stderr
    return lambda message: progress.message(f"warning: {message}")


def _report_skip(skip: Skipped, progress: Progress | None = None) -> None:
    where = f"{skip.path}:{skip.line}" if skip.line else skip.path
    reason = skip.reason
    for prefix in (f"{skip.path}: line {skip.line}: ", f"{skip.path}: "):
        if reason.startswith(prefix):
            reason = reason[len(prefix) :]
            break
    if progress is not None:  # not in the middle of the progress line
        progress.message(f"skipped {where}: {reason}")
    else:
        print(f"skipped {where}: {reason}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .corpus import build_corpus
    from .gcpause import paused_gc
    from .network import network
    from .parallel import run_aside
    from .pipeline import SAMPLE_DIR, get_extractor
    from .rdf import DEFAULT_BASE
    from .report import write_analysis
    from .view import write_view

    paths = args.paths or [str(SAMPLE_DIR)]
    for p in paths:
        if not Path(p).exists():
            print(f"error: no such file or folder: {p}", file=sys.stderr)
            return EXIT_USAGE
    if args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    t0 = time.monotonic()
    try:
        get_extractor(tuple(args.rules))
    except (OSError, ValueError) as exc:  # a user's rules folder that is missing or broken
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = Path(args.out)
    progress = Progress() if not args.quiet else None
    try:
        result = build_corpus(
            paths, out, rule_dirs=tuple(args.rules), base=args.base or DEFAULT_BASE,
            jobs=args.jobs, executor=args.executor, scheduler=args.scheduler,
            use_cache=not args.no_cache, on_skip=lambda s: _report_skip(s, progress),
            progress=progress, warn=_warner(progress),
        )  # fmt: skip
    except ImportError as exc:  # --executor dask without dask installed
        print(f"error: {exc} (pip install 'kg[dask]')", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as exc:  # a graph that cannot be written, a full disk …
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    # every article is extracted: the rules' dictionaries are not needed any more in this
    # process, and the view, the analysis and the store want the memory
    get_extractor(tuple(args.rules)).release()
    extractions, skipped, outputs = result.extractions, result.skipped, result.outputs
    if not extractions:
        print(f"nothing built: 0 articles, {len(skipped)} skipped", file=sys.stderr)
        return EXIT_NOTHING
    # a bulk load of the store is the longest step: it starts first, and runs while the view,
    # report and exports are written; a patch is quick, and starts once the view is forked
    patched = result.store_is_patched()
    if not patched:
        result.start_store()
    if progress is not None:
        progress.stage(f"writing {out}/graph.html")
    with paused_gc():  # the collector once at the end, not at each step
        net = network(extractions)  # one pass over the extractions for the view and the analysis

        view = partial(
            write_view, net, out / "graph.html", title="kg: " + ", ".join(paths),
            top=args.view_top, focus=args.view_focus, hops=args.hops, types=args.view_type,
        )  # fmt: skip

        # on a re-build the view is written by a copy of this process (forked: nothing to
        # pickle) while this one writes the report and the exports, on the other core
        wait = run_aside(view) if patched else None
        if patched:
            result.start_store()
        failed: OSError | None = None  # a page or export that cannot be written (the store is)
        try:
            outputs["html"] = out / "graph.html" if wait is not None else view()
            if progress is not None:
                progress.stage(f"writing {out}/report.html and the exports (GraphML, GEXF, CSV)")
            outputs.update(write_analysis(extractions, out, net=net))
        except OSError as exc:
            failed = exc
        finally:
            if wait is not None:
                try:
                    wait()
                except OSError as exc:
                    failed = failed or exc
        del net, view
    text = summary(extractions, outputs) if not args.quiet and failed is None else ""
    n = len(extractions)
    del extractions  # the store's bulk loader wants the memory
    result.extractions = []
    try:
        result.update_store()  # waits for the store
    except (OSError, ValueError, SyntaxError) as exc:  # a store locked, a full disk …
        print(f"error: the SPARQL store {out}/store was not updated: {exc} (the other "
              "outputs are written; build again to retry)", file=sys.stderr)  # fmt: skip
        return EXIT_NOTHING
    if failed is not None:
        print(f"error: the view, report or exports were not all written: {failed} (the graph "
              "files and the store are; build again to retry)", file=sys.stderr)  # fmt: skip
        return EXIT_NOTHING
    if text:
        print(text)
    print(f"built {n} articles, skipped {len(skipped)}, in {time.monotonic() - t0:.1f}s → {out}/")
    return EXIT_PARTIAL if skipped else EXIT_OK


def summary(extractions, outputs: dict) -> str:
    """Entities per type, relations per type, the top entities and the output files."""
    entities: dict[tuple[str, str], int] = Counter()
    for ext in extractions:
        for e in ext.entities:
            entities[e.key] += e.mentions
    rel_counts: Counter[str] = Counter(r.predicate for ext in extractions for r in ext.relations)
    lines = ["entities:"]
    by_type = Counter(t for t, _ in entities)
    lines.append("  " + "  ".join(f"{t} {by_type.get(t, 0)}" for t in ENTITY_TYPES))
    lines.append("relations:")
    lines.append("  " + "  ".join(f"{p} {n}" for p, n in sorted(rel_counts.items())))
    lines.append("top entities (mentions):")
    for t in ENTITY_TYPES:
        top = sorted(
            ((n, name) for (typ, name), n in entities.items() if typ == t),
            key=lambda x: (-x[0], x[1]),
        )[:5]
        lines.append(f"  {t:<13}" + "  ".join(f"{name} {n}" for n, name in top))
    lines.append("outputs:")
    width = max(map(len, outputs), default=0)
    for kind, path in outputs.items():
        lines.append(f"  {kind:<{width}} {path}")
    return "\n".join(lines)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import (
        check_relations,
        find_gold_article,
        format_scores,
        load_gold,
        score_entities,
    )
    from .ingest import IngestError, read_path
    from .pipeline import get_extractor

    try:
        extractor = get_extractor(tuple(args.rules))
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    for g in args.gold:
        gold_path = Path(g)
        try:
            gold = load_gold(gold_path)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = EXIT_NOTHING
            continue
        article_path = find_gold_article(gold, gold_path, map(Path, args.corpus))
        if article_path is None:
            name = (gold.get("article") or {}).get("file")
            print(
                f"error: {gold_path}: article file {name!r} not found (use --corpus DIR)",
                file=sys.stderr,
            )
            status = EXIT_NOTHING
            continue
        try:
            articles = read_path(article_path, article_path.parent)
        except IngestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = EXIT_NOTHING
            continue
        wanted = (gold.get("article") or {}).get("id")
        if wanted:  # one record of a JSON Lines file
            articles = [a for a in articles if a.id == wanted or a.id.endswith("#" + str(wanted))]
            if not articles:
                print(
                    f"error: {gold_path}: no record with id {wanted!r} in {article_path}",
                    file=sys.stderr,
                )
                status = EXIT_NOTHING
                continue
        for article in articles:
            ext = extractor(article)
            scores = score_entities(gold, ext.entities)
            rels = check_relations(gold, ext)
            print(format_scores(scores, rels, title=f"== {gold_path.name} ({article_path.name})"))
    return status


def _query_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py query",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a build's store. "
        "The kg:, schema:, skos:, prov:, rdfs: … prefixes are declared for you.",
        epilog="Example: python build.py query ontology/queries/people-posts.rq",
    )
    p.add_argument(
        "query", metavar="QUERY_OR_FILE", help="a query, a .rq file, or a name in ontology/queries/"
    )
    p.add_argument("-o", "--out", default="out", help="the build folder (default: out/)")
    p.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json"))
    return p


def cmd_query(args: argparse.Namespace) -> int:
    from .query import QueryError, format_result, load_query, run_query
    from .store import open_store

    try:
        store = open_store(args.out, read_only=True)
        print(format_result(run_query(store, load_query(args.query)), args.format))
    except (QueryError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py serve",
        description="Serve a build's store as a read-only SPARQL 1.1 endpoint (/sparql), "
        "with a query page (/) and the network view (/graph.html).",
        epilog="Example: python build.py serve --out out --port 8000",
    )
    p.add_argument("-o", "--out", default="out", help="the build folder (default: out/)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    p.add_argument("--port", type=int, default=8000)
    return p


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    try:
        serve(args.out, args.host, args.port)
    except (FileNotFoundError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _push_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py push",
        description="Load a build, one named graph per article and the merged graph, into a store that speaks the "
        "SPARQL 1.1 Graph Store HTTP Protocol (Oxigraph server, Fuseki, GraphDB …).",
        epilog="Example: python build.py push --endpoint http://127.0.0.1:7878/store",
    )
    p.add_argument("--endpoint", required=True, help="the Graph Store endpoint URL")
    p.add_argument("-o", "--out", default="out", help="the build folder (default: out/)")
    return p


def cmd_push(args: argparse.Namespace) -> int:
    from .push import PushError, push

    try:
        n = push(args.out, args.endpoint)
    except (PushError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    print(f"pushed {n} article graphs to {args.endpoint}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "push":
        return cmd_push(_push_parser().parse_args(argv[1:]))
    if argv and argv[0] == "serve":
        return cmd_serve(_serve_parser().parse_args(argv[1:]))
    if argv and argv[0] == "query":
        return cmd_query(_query_parser().parse_args(argv[1:]))
    if argv and argv[0] == "evaluate":
        return cmd_evaluate(_eval_parser().parse_args(argv[1:]))
    if argv and argv[0] == "build":
        argv = argv[1:]
    return cmd_build(_build_parser().parse_args(argv))

"""Benchmark: per-article extraction against jieba.lcut, one process, in the same run.

    python benchmarks/extract.py [--shared PATH] [--limit N] [--repeat R]

Reads the first N stories of ``shared/data/cctv_xwlb_news/xwlb_stories.jsonl.gz`` (all
19,594 by default) and then, in the same run and the same process, alternating R times
(default 3):

1. times single-process ``jieba.lcut`` over the text of every story (the baseline);
2. times ``kg``'s extraction of every story (``kg.pipeline.get_extractor()``: segmentation,
   the rules, names, entities and relations — what a build's worker does per article).

It prints characters per second for both (best of R, and the first kg round, whose word
memory starts empty as in a fresh worker) and the ratio of the times.  The cyclic garbage
collector is off while timing, as in a build.  Issue 5 asks a full build with ``--jobs 2``
to take at most 1.5x ``jieba.lcut``; this measures the extraction part of it.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nereval import NO_CCTV, cctv_corpus  # noqa: E402


def _timed(fn, items) -> float:
    """Seconds to call ``fn`` on every item, the cyclic collector off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.perf_counter()
        for item in items:
            fn(item)
        return time.perf_counter() - t0
    finally:
        if enabled:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="first N stories only (default: all)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of each, best kept (default 3)")
    args = ap.parse_args(argv)
    source = cctv_corpus(args.shared)
    if source is None:
        sys.exit(f"error: {NO_CCTV}")
    if args.repeat < 1:
        sys.exit("error: --repeat must be at least 1")

    from kg.ingest import iter_articles

    articles = list(islice(iter_articles([source]), args.limit or None))
    texts = [a.text for a in articles]
    chars = sum(map(len, texts))
    print(f"corpus: {len(articles)} stories, {chars:,} characters", flush=True)

    import jieba

    from kg.pipeline import get_extractor

    t0 = time.perf_counter()
    jieba.initialize()
    extractor = get_extractor()
    print(f"loading jieba and the rules: {time.perf_counter() - t0:.1f}s", flush=True)
    gc.freeze()  # the loaded rules, as a build's workers do

    base, kg = [], []
    for round_ in range(1, args.repeat + 1):
        base.append(_timed(jieba.lcut, texts))
        kg.append(_timed(extractor, articles))
        print(f"  round {round_}: jieba.lcut {base[-1]:.1f}s, kg extraction {kg[-1]:.1f}s "
              f"({kg[-1] / base[-1]:.2f}x)", flush=True)  # fmt: skip

    best_base, best_kg = min(base), min(kg)
    print()
    print(
        f"{'one process, best of ' + str(args.repeat):<36} {'s':>7} {'k chars/s':>10} {'x jieba':>8}"
    )
    print(
        f"{'jieba.lcut (baseline)':<36} {best_base:7.2f} {chars / best_base / 1000:10.0f} {1:8.2f}"
    )
    print(f"{'kg extraction':<36} {best_kg:7.2f} {chars / best_kg / 1000:10.0f} "
          f"{best_kg / best_base:8.2f}")  # fmt: skip
    print(f"{'kg extraction, first round':<36} {kg[0]:7.2f} {chars / kg[0] / 1000:10.0f} "
          f"{kg[0] / base[0]:8.2f}")  # fmt: skip
    print()
    print(f"kg extraction / jieba.lcut, one process each: {best_kg / best_base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

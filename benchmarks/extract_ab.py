"""Benchmark: extraction by an older revision and by the working tree, in one process.

    python benchmarks/extract_ab.py [--base REV] [--shared PATH] [--limit N] [--repeat R]

Reads the first N stories (default 3,000) of ``shared/data/cctv_xwlb_news/xwlb_stories.jsonl.gz``,
loads the ``kg`` package of git revision REV (default ``HEAD``; ``git archive`` into a
temporary folder, imported as ``kg_base``) next to the working tree's ``kg``, and then
alternates R times (default 3): ``jieba.lcut`` over the stories' texts (the baseline),
the old extraction and the new one (the order of the two swaps every round).  Times are
CPU times of this process (``time.process_time``: the machine's other jobs disturb them
less than wall-clock times).  It prints characters per second and the ratio to
``jieba.lcut`` of each, for the first round (each extractor's memory of words starts
empty, as in a fresh worker) and the best round, and checks that both give the same
extractions (``repr``).
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nereval import NO_CCTV, cctv_corpus  # noqa: E402


def _load_base(rev: str, folder: Path):
    """The ``kg`` package of revision ``rev``, imported as ``kg_base``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "kg"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "kg").rename(folder / "kg_base")
    sys.path.insert(0, str(folder))
    import kg_base.pipeline

    return kg_base.pipeline


def _timed(fn, items) -> float:
    t0 = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--base", default="HEAD", help="the older git revision (default: HEAD)")
    ap.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    ap.add_argument("--limit", type=int, default=3000, help="first N stories (default 3000)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds, best kept (default 3)")
    args = ap.parse_args(argv)
    source = cctv_corpus(args.shared)
    if source is None:
        sys.exit(f"error: {NO_CCTV}")
    if args.repeat < 1 or args.limit < 1:
        sys.exit("error: --repeat and --limit must be at least 1")

    import jieba

    from kg import pipeline
    from kg.ingest import iter_articles

    with tempfile.TemporaryDirectory() as tmp:
        try:
            base = _load_base(args.base, Path(tmp))
        except subprocess.CalledProcessError as e:
            sys.exit(f"error: git archive {args.base}: {e.stderr.decode().strip()}")
        articles = list(islice(iter_articles([source]), args.limit))
        texts = [a.text for a in articles]
        chars = sum(map(len, texts))
        print(f"corpus: {len(articles)} stories, {chars:,} characters; old: {args.base}")
        jieba.initialize()
        extract = {"old": base.get_extractor(), "new": pipeline.get_extractor()}
        same = all(repr(extract["old"](a)) == repr(extract["new"](a)) for a in articles[:500])
        for ex in extract.values():  # the first round starts with no words remembered
            fresh = type(ex.recognizer)(ex.rules, ex.recognizer.seg)
            if isinstance(getattr(type(ex), "recognizer", None), property):
                ex._recognizer = fresh  # the recognizer is a property, made on first use
            else:
                ex.recognizer = fresh
        gc.freeze()
        gc.disable()
        times: dict[str, list[float]] = {"jieba.lcut": [], "old": [], "new": []}
        for round_ in range(args.repeat):
            times["jieba.lcut"].append(_timed(jieba.lcut, texts))
            for name in ("old", "new") if round_ % 2 == 0 else ("new", "old"):
                times[name].append(_timed(extract[name], articles))
            print(f"  round {round_ + 1}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items()), flush=True)  # fmt: skip
        gc.enable()
    lcut = min(times["jieba.lcut"])
    print(f"\n{'CPU s, one process':<30} {'first':>7} {'k chars/s':>10} {'x jieba':>8}"
          f" {'best':>7} {'k chars/s':>10} {'x jieba':>8}")  # fmt: skip
    for name, ts in times.items():
        first, best = ts[0], min(ts)
        print(f"{name:<30} {first:7.2f} {chars / first / 1000:10.0f} {first / lcut:8.2f}"
              f" {best:7.2f} {chars / best / 1000:10.0f} {best / lcut:8.2f}")  # fmt: skip
    old, new = times["old"], times["new"]
    print(f"\nnew / old speed: first round {old[0] / new[0]:.2f}, best {min(old) / min(new):.2f}")
    print(f"same extractions (repr) on the first {min(500, len(articles))} stories: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

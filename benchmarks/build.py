"""Benchmark: a full build of the CCTV news corpus against jieba.lcut, in the same run.

    python benchmarks/build.py [--shared PATH] [--limit N] [--jobs 1,2] [--keep DIR]

Writes the first N stories of ``shared/data/cctv_xwlb_news/xwlb_stories.jsonl.gz`` (all
19,594 by default) to a temporary folder and then, in the same run:

1. times single-process ``jieba.lcut`` over the text of every story (the baseline);
2. for each ``--jobs`` value, times ``python build.py CORPUS -o OUT --jobs J -q`` from an
   empty OUT (read, extract, relations, RDF files, store, view — the whole build) and
   samples the memory of the build and all its worker processes (the sum of their
   proportional set sizes, PSS, so pages shared by forked workers count once; RSS too);
3. adds one new story to the corpus and times the re-build (cache and store kept).

It prints characters per second, wall time, peak memory and the ratios against the
baseline.  Targets (issue 5, 2-core machine): full build with --jobs 2 at most 1.5x
jieba.lcut; peak memory under 1.5 GB; re-build after adding one article at most 5% of a
full build.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.nereval import NO_CCTV, cctv_corpus  # noqa: E402


def _memory_sampler(pid: int, peak: dict, stop: threading.Event) -> None:
    """Sample the PSS and RSS of ``pid`` and its descendants every 0.5 s; keep the peaks."""
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        pss = rss = 0
        try:
            procs = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for proc in procs:
            try:
                info = proc.memory_full_info()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            pss += getattr(info, "pss", info.rss)
            rss += info.rss
        peak["pss"] = max(peak.get("pss", 0), pss)
        peak["rss"] = max(peak.get("rss", 0), rss)
        stop.wait(0.5)


def run_build(corpus: Path, out: Path, jobs: int) -> dict:
    """Time one ``build.py`` run and sample its memory."""
    cmd = [sys.executable, str(ROOT / "build.py"), str(corpus), "-o", str(out), "-q",
           "--jobs", str(jobs)]  # fmt: skip
    peak: dict = {}
    stop = threading.Event()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = threading.Thread(target=_memory_sampler, args=(proc.pid, peak, stop), daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 3):
        sys.exit(f"build failed ({proc.returncode}):\n{stderr.decode()[-3000:]}")
    try:  # the build's own stage times
        last = json.loads((out / "cache" / "manifest.json").read_text(encoding="utf-8"))
        stages = (last.get("last_build") or {}).get("seconds", {})
    except (OSError, ValueError):
        stages = {}
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "pss": peak.get("pss", 0), "rss": peak.get("rss", 0),
            "stages": stages, "line": stdout.decode().strip().splitlines()[-1]}  # fmt: skip


def _stages(r: dict) -> str:
    """The build's stage times ("outputs": the view, the report and the exports; "store":
    loading or patching the store, alongside the outputs when "store wait" is given, which
    is how much longer it took); the rest of the wall time is start-up and the rules."""
    stages = r["stages"]
    alongside = "store wait" in stages
    rest = r["wall"] - sum(v for k, v in stages.items() if not (alongside and k == "store"))
    return "[" + ", ".join(f"{k} {v:.1f}s" for k, v in stages.items()) + f", other {rest:.1f}s]"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--shared", help="the shared data folder (default: $KG_SHARED or ../shared)")
    ap.add_argument("--limit", type=int, default=0, help="first N stories only (default: all)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    ap.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temp dir)")
    args = ap.parse_args(argv)
    source = cctv_corpus(args.shared)
    if source is None:
        sys.exit(f"error: {NO_CCTV}")

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    if work.exists() and args.keep:
        shutil.rmtree(work)
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    lines = gzip.open(source, "rt", encoding="utf-8").read().splitlines()
    body, spare = (lines[: args.limit], lines[args.limit]) if args.limit else (lines[:-1], lines[-1])
    (corpus / "stories.jsonl").write_text("\n".join(body) + "\n", encoding="utf-8")

    from kg.ingest import iter_articles

    texts = [a.text for a in iter_articles([corpus])]
    chars = sum(map(len, texts))
    print(f"corpus: {len(texts)} stories, {chars:,} characters ({work})", flush=True)

    import jieba

    jieba.initialize()
    t0 = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    base = time.perf_counter() - t0
    print(f"baseline jieba.lcut, one process: {base:.1f}s, {chars / base / 1000:.0f}k chars/s", flush=True)  # fmt: skip

    rows = []
    full = {}
    for jobs in [int(j) for j in args.jobs.split(",")]:
        out = work / f"out-j{jobs}"
        r = run_build(corpus, out, jobs)
        full[jobs] = (r, out)
        rows.append((f"full build --jobs {jobs}", r, r["wall"] / base))
        print(f"  {rows[-1][0]}: {r['wall']:.1f}s ({r['line']}) {_stages(r)}", flush=True)

    jobs = max(full)
    r_full, out = full[jobs]
    record = json.loads(spare)
    record["id"] = f"{record.get('id', 'story')}-added"
    (corpus / "added.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    r = run_build(corpus, out, jobs)
    rows.append((f"re-build, one article added, --jobs {jobs}", r, r["wall"] / base))
    print(f"  {rows[-1][0]}: {r['wall']:.1f}s ({r['line']}) {_stages(r)}", flush=True)

    print()
    print(f"{'run':<42} {'wall s':>7} {'cpu s':>7} {'k chars/s':>10} {'x jieba':>8} "
          f"{'peak PSS':>9} {'peak RSS':>9}")  # fmt: skip
    for name, r, ratio in rows:
        print(f"{name:<42} {r['wall']:7.1f} {r['cpu']:7.1f} {chars / r['wall'] / 1000:10.0f} "
              f"{ratio:8.2f} {r['pss'] / 2**20:8.0f}M {r['rss'] / 2**20:8.0f}M")  # fmt: skip
    print(f"{'jieba.lcut (baseline)':<42} {base:7.1f} {chars / base / 1000:10.0f} {1:8.2f}")
    print()
    print(f"full build --jobs {jobs} / jieba.lcut: {r_full['wall'] / base:.2f} (target <= 1.5)")
    print(f"peak memory --jobs {jobs}: {r_full['pss'] / 2**30:.2f} GB PSS (target < 1.5 GB)")
    print(f"re-build after adding one article / full build: {r['wall'] / r_full['wall']:.1%} (target <= 5%)")  # fmt: skip
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

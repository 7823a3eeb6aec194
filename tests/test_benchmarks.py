"""The benchmark scripts run, on a few stories of the shared corpora, and print their
results: a benchmark that no longer runs would go unnoticed until someone needs its
figures.  (Their figures here are not checked against targets: a few stories on a busy
machine say nothing about speed; the README gives the measured ones.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"[0-9]+(?:\.[0-9]+)?"


def bench(shared: Path, script: str, *args: str, timeout: int = 300) -> str:
    """Run ``benchmarks/SCRIPT`` on the shared data; its standard output (it must succeed)."""
    env = dict(os.environ, KG_SHARED=str(shared), PYTHONIOENCODING="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return proc.stdout


def test_the_build_benchmark_prints_its_three_ratios(shared: Path) -> None:
    out = bench(shared, "build.py", "--limit", "60", "--jobs", "2")
    assert re.search(rf"full build --jobs 2 / jieba\.lcut: {NUMBER} \(target <= 1\.5\)", out), out
    assert re.search(rf"peak memory --jobs 2: {NUMBER} GB PSS \(target < 1\.5 GB\)", out), out
    assert re.search(rf"re-build after adding one article / full build: {NUMBER}%", out), out
    # the re-build built the corpus and the added story (the build's own summary lines)
    stories = int(re.search(r"corpus: (\d+) stories", out).group(1))
    assert re.search(rf"full build --jobs 2: .*\(built {stories} articles", out), out
    assert re.search(rf"re-build, one article added.*\(built {stories + 1} articles", out), out


def test_the_extraction_benchmarks_print_ratios_and_the_same_extractions(shared: Path) -> None:
    out = bench(shared, "extract.py", "--limit", "40", "--repeat", "1")
    assert re.search(rf"kg extraction / jieba\.lcut, one process each: {NUMBER}", out), out
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("extract_ab.py compares with a git revision: needs a git checkout")
    out = bench(shared, "extract_ab.py", "--limit", "30", "--repeat", "1")  # old: HEAD
    assert re.search(rf"new / old speed: first round {NUMBER}, best {NUMBER}", out), out
    assert "same extractions (repr) on the first 30 stories: True" in out, out


def test_the_outputs_benchmarks_run(shared: Path, tmp_path: Path) -> None:
    # --out: the script keeps its outputs (in a new temp folder by default) for people to look at
    out = bench(shared, "analysis.py", "--limit", "60", "--out", str(tmp_path / "analysis"))
    assert (tmp_path / "analysis" / "report.html").is_file()
    assert re.search(rf"outputs step .*: {NUMBER} s = {NUMBER} × the extraction", out), out
    out = bench(shared, "outputs.py", "--baseline", str(ROOT), "--limit", "40", "--rounds", "1")
    assert "identical files: 7 of 7" in out, out


def test_the_sparql_benchmark_runs_every_example_query(shared: Path) -> None:
    out = bench(shared, "sparql.py", "--limit", "60", "--repeat", "1", "--cap", "10")
    queries = sorted(p.stem for p in (ROOT / "ontology" / "queries").glob("*.rq"))
    for name in queries:
        assert re.search(rf"^{re.escape(name)}\s", out, re.M), (name, out)
    assert re.search(r"every query under 100 ms on the store: (yes|no)", out), out


def test_the_ner_benchmark_scores_both_systems(shared: Path) -> None:
    out = bench(shared, "ner_dev.py", "--limit", "50")
    assert re.search(r"^kg\s+\|", out, re.M) and re.search(r"^jieba-posseg\s+\|", out, re.M), out


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium")
def test_the_view_benchmark_loads_the_page_in_chromium(shared: Path) -> None:
    out = bench(shared, "view.py", "--limit", "60", "--repeat", "1", "--sizes", "60",
                "--no-baseline", "--cap", "60")  # fmt: skip
    assert re.search(rf"^\s+\d+\s+\d+\s+{NUMBER} s", out, re.M), out

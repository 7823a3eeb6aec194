"""Tests of kg.cli: ``python build.py`` run end to end, as a user runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip


def _labels(path: Path) -> set[str]:
    graph = Graph().parse(path, format="turtle")
    return {str(o) for o in graph.objects(None, RDFS.label) if isinstance(o, Literal)}


# --------------------------------------------------------------------------- the bundled sample


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("sample") / "out"
    return run("-o", out), out


def test_default_build_of_the_sample_succeeds(sample_build) -> None:
    proc, out = sample_build
    assert proc.returncode == 0, proc.stderr
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name


def test_default_build_prints_counts_per_type_and_a_summary_line(sample_build) -> None:
    proc, out = sample_build
    counts = dict(re.findall(r"(Person|Place|Organisation|Programme) (\d+)", proc.stdout))
    assert set(counts) == {"Person", "Place", "Organisation", "Programme"}
    assert all(int(n) > 0 for n in counts.values())
    assert "built 1 articles, skipped 0" in proc.stdout
    assert str(out) in proc.stdout


def test_default_build_graph_has_the_sample_byline(sample_build) -> None:
    _proc, out = sample_build
    labels = _labels(out / "graph.ttl")
    assert {"王静", "刘廷", "汪新", "重庆日报"} <= labels


def test_quiet_build_prints_only_the_summary_line(tmp_path: Path) -> None:
    proc = run("-q", "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("built 1 articles")


# --------------------------------------------------------------------------- bad inputs

GOOD_UTF8 = "东溪镇开展志愿服务\n綦江区东溪镇党委书记黄志明说，要把服务做到群众家门口。\n"
GOOD_GBK = "文峰镇召开大会\n巫溪县文峰镇大坪村的志愿者刘晓燕每周都来帮忙。\n"


def test_folder_with_bad_files_builds_the_good_ones_and_exits_3(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "qijiang.txt").write_text(GOOD_UTF8, encoding="utf-8")
    (news / "wuxi.txt").write_bytes(GOOD_GBK.encode("gbk"))
    (news / "photo.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (news / "empty.txt").write_bytes(b"")
    proc = run(news, "-o", tmp_path / "out")
    assert proc.returncode == 3, proc.stderr
    assert "photo.bin" in proc.stderr and "empty.txt" in proc.stderr
    assert "qijiang.txt" not in proc.stderr and "wuxi.txt" not in proc.stderr
    assert "built 2 articles, skipped 2" in proc.stdout
    labels = _labels(tmp_path / "out" / "graph.ttl")
    assert "黄志明" in labels  # from the UTF-8 article
    assert "刘晓燕" in labels  # from the GBK article
    assert "巫溪县" in labels


def test_folder_with_only_a_binary_file_exits_1(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "photo.bin").write_bytes(bytes(range(256)) * 8)
    proc = run(news, "-o", tmp_path / "out")
    assert proc.returncode == 1
    assert "photo.bin" in proc.stderr
    assert "nothing built" in proc.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_store_that_cannot_be_written_is_an_error_and_the_rest_is_built(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "store" / "LOCK").mkdir()  # the store's lock file cannot be created
    proc = run("-o", out)
    assert proc.returncode == 1
    assert "SPARQL store" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "graph.ttl").exists() and (out / "graph.html").exists()


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    proc = run(missing, "-o", tmp_path / "out")
    assert proc.returncode == 2
    assert str(missing) in proc.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    proc = run("--no-such-option")
    assert proc.returncode == 2
    assert "usage" in proc.stderr


# --------------------------------------------------------------------------- evaluate and help


@pytest.mark.shared
def test_evaluate_prints_the_score_table(shared: Path) -> None:
    gold = shared / "gold" / "cqrb-2022-10-20-p015-nanchuan.gold.json"
    if not gold.is_file():
        pytest.skip("sample gold file absent")
    proc = run("evaluate", gold)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"== {gold.name}")
    rows = {line.split()[0]: line.split()[1:] for line in proc.stdout.splitlines() if line.strip()}
    for name in ("Person", "Place", "Organisation", "Programme", "micro"):
        assert len(rows[name]) == 7, name
    assert "not_entities extracted:" in proc.stdout
    assert "required relations found:" in proc.stdout


def test_evaluate_of_a_file_that_is_not_gold_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = run("evaluate", bad)
    assert proc.returncode == 1
    assert "bad.gold.json" in proc.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--help"], ["PATH", "--out", "--rules", "evaluate"]),
        (["build", "--help"], ["PATH", "--out"]),
        (["evaluate", "--help"], ["GOLD.json", "--corpus"]),
    ],
)
def test_every_command_has_help(args: list[str], words: list[str]) -> None:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage:")
    for word in words:
        assert word in proc.stdout


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("kg ")


def test_an_output_folder_inside_the_input_is_not_read_as_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("南川区三泉镇开展“五进五联”行动。", encoding="utf-8")
    for _ in range(2):  # the second build finds graph.html, the store, the cache … in news/out
        proc = run(corpus, "-o", corpus / "out", "-q")
        assert proc.returncode == 0, proc.stderr
        assert "skipped" not in proc.stderr
        assert "built 1 articles, skipped 0" in proc.stdout


# --------------------------------------------------------------------------- re-builds


def test_a_rebuild_writes_the_same_outputs_as_a_fresh_build(tmp_path: Path) -> None:
    """A re-build patches the store, and writes the view in a forked copy of the process
    meanwhile: every output file is the same as a fresh build's, and the store answers."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_UTF8, encoding="utf-8")
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert run("-q", folder, "-o", out).returncode == 0
    (folder / "b.txt").write_text("南川区委书记张明说，南川区开展“五进五联”行动。\n", encoding="utf-8")
    proc = run(folder, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "graph.html" in proc.stdout and "built 2 articles" in proc.stdout
    assert run("-q", folder, "-o", fresh, "--no-cache").returncode == 0
    names = ["graph.html", "report.html", "graph.graphml", "graph.gexf", "nodes.csv",
             "edges.csv", "relations.csv", "graph.ttl"]  # fmt: skip
    for name in names:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert "张明" in (out / "graph.html").read_text(encoding="utf-8")
    query = run("query", "-o", out, "--format", "csv",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }")  # fmt: skip
    assert query.returncode == 0 and query.stdout.split() == ["n", "2"], query.stderr


def test_a_view_that_fails_in_the_forked_copy_is_reported(tmp_path: Path) -> None:
    """The view of a re-build is written aside: a failure there still stops the build with
    the error (here graph.html cannot be written: it is a folder)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_UTF8, encoding="utf-8")
    out = tmp_path / "out"
    assert run("-q", folder, "-o", out).returncode == 0
    (out / "graph.html").unlink()
    (out / "graph.html").mkdir()
    (folder / "b.txt").write_text("南川区委书记张明说。\n", encoding="utf-8")
    proc = run("-q", folder, "-o", out)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: the view, report or exports were not all written")
    assert "graph.html" in proc.stderr and "Is a directory" in proc.stderr
    assert (out / "report.html").is_file() and (out / "store").is_dir()
    assert "张明" in (out / "graph.ttl").read_text(encoding="utf-8")

"""Tests of kg.push against a real Oxigraph server (PyPI package ``oxigraph``) that the
test starts on loopback: the example queries give the same answers there as in the
embedded store, and re-pushing replaces graphs instead of adding to them."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.push import push, with_prefixes
from kg.query import QUERIES_DIR, run_query
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server (PyPI package oxigraph) is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxdb")),
         "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    proc = subprocess.run([sys.executable, "build.py", "-o", str(folder), "-q"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return folder


def _server_rows(base: str, query: str) -> set[tuple]:
    client = SPARQLWrapper(f"{base}/query")
    client.setQuery(with_prefixes(query))
    client.setReturnFormat(JSON)
    data = client.queryAndConvert()
    if "boolean" in data:
        return {(data["boolean"],)}
    names = data["head"]["vars"]
    return {tuple(b.get(n, {}).get("value") for n in names) for b in data["results"]["bindings"]}


def _local_rows(out: Path, query: str) -> set[tuple]:
    result = run_query(open_store(out, read_only=True), query)
    if not hasattr(result, "variables"):
        return {(bool(result),)}
    names = [v.value for v in result.variables]
    return {tuple(s[n].value if s[n] is not None else None for n in names) for s in result}


def test_example_queries_answer_the_same_on_the_server(server: str, out: Path) -> None:
    assert push(out, f"{server}/store") == 2  # the article's graph and the corpus totals
    for q in sorted(QUERIES_DIR.glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        assert _server_rows(server, text) == _local_rows(out, text), q.name


def test_pushing_again_replaces_the_graphs(server: str, out: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    push(out, f"{server}/store")
    first = _server_rows(server, count)
    push(out, f"{server}/store")
    assert _server_rows(server, count) == first


def test_push_to_nowhere_is_a_clear_error(out: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "build.py", "push", "--endpoint", f"http://127.0.0.1:{_free_port()}/store",
         "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1 and "cannot reach" in proc.stderr and "Traceback" not in proc.stderr

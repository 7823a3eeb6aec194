"""Tests of kg.serve: the SPARQL 1.1 endpoint over loopback, with a real client
(SPARQLWrapper): content negotiation, graphs, a malformed query, an update attempt,
the time limit and the request size limit."""

from __future__ import annotations

import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.serve import MAX_REQUEST_BYTES, make_server

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve")
    proc = subprocess.run([sys.executable, "build.py", "-o", str(out), "-q"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    server = make_server(out, "127.0.0.1", 0, time_limit=2.0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _client(base: str, query: str, fmt, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(f"{base}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_as_json(endpoint: str, method: str) -> None:
    result = _client(
        endpoint, "PREFIX kg: <https://kg.example.org/ontology#>\n" + PEOPLE, JSON, method
    )
    names = [b["name"]["value"] for b in result.queryAndConvert()["results"]["bindings"]]
    assert "韩楚" in names and "王静" in names


def test_declared_prefixes_need_no_prefix_lines(endpoint: str) -> None:
    rows = _client(endpoint, PEOPLE, JSON).queryAndConvert()["results"]["bindings"]
    assert len(rows) >= 7


@pytest.mark.parametrize(
    ("fmt", "marker"), [(XML, b"<sparql"), (CSV, b"name\r\n"), (TSV, b"?name")]
)
def test_content_negotiation(endpoint: str, fmt, marker: bytes) -> None:
    body = _client(endpoint, PEOPLE, fmt).query().response.read()
    assert marker in body and "韩楚".encode() in body


def test_ask(endpoint: str) -> None:
    ask = 'ASK { ?p rdfs:label "韩楚"@zh }'
    assert _client(endpoint, ask, JSON).queryAndConvert()["boolean"] is True


def test_construct_as_turtle(endpoint: str) -> None:
    query = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a kg:Person ; rdfs:label ?n }"
    body = _client(endpoint, query, TURTLE).query().response.read().decode("utf-8")
    assert "韩楚" in body


def test_malformed_query_is_a_400_without_a_stack_trace(endpoint: str) -> None:
    with pytest.raises(QueryBadFormed) as err:
        _client(endpoint, "SELECT ?x WHERE { ?x ?y }", JSON).query()
    assert "Traceback" not in str(err.value)


def test_updates_are_refused(endpoint: str) -> None:
    request = urllib.request.Request(
        f"{endpoint}/sparql", data=b'INSERT DATA { <urn:a> <urn:b> "c" }',
        headers={"Content-Type": "application/sparql-update"}, method="POST",
    )  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 403 and b"read-only" in err.value.read()


def test_a_query_over_the_time_limit_is_stopped(endpoint: str) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{endpoint}/sparql?query={urllib.request.quote(slow)}", timeout=30)
    assert err.value.code == 503 and b"time limit" in err.value.read()


def test_a_request_over_the_size_limit_is_refused(endpoint: str) -> None:
    big = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_REQUEST_BYTES).encode()
    request = urllib.request.Request(f"{endpoint}/sparql", data=big, method="POST",
                                     headers={"Content-Type": "application/sparql-query"})  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 413


def test_query_page_and_view(endpoint: str) -> None:
    page = urllib.request.urlopen(f"{endpoint}/", timeout=10).read().decode("utf-8")
    assert "people-posts" in page and "<textarea" in page
    assert urllib.request.urlopen(f"{endpoint}/graph.html", timeout=10).status == 200

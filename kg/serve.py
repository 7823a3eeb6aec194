"""A SPARQL 1.1 Protocol endpoint over a build's store: ``python build.py serve``.

* ``GET /sparql?query=…`` and ``POST /sparql`` (``application/x-www-form-urlencoded``
  with ``query=…``, or ``application/sparql-query``) run SELECT, ASK, CONSTRUCT and
  DESCRIBE; the ``Accept`` header chooses SPARQL JSON (default), XML, CSV or TSV for
  results and Turtle (default) or N-Triples for graphs.
* Safe by default: read-only (updates get ``403``), loopback unless ``--host`` says
  otherwise, a time limit per query (``503``), a request size limit (``413``), and no
  stack traces in responses.
* ``/`` is a small query page with the example queries; ``/graph.html`` the network view.

Example::

    python build.py serve --out out --port 8000
    curl -H 'Accept: text/csv' 'http://127.0.0.1:8000/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201'
"""

from __future__ import annotations

import html
import io
import multiprocessing
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from .query import QUERIES_DIR, QueryError, run_query
from .rdf import PREFIXES
from .store import STORE_DIR, open_store

__all__ = ["make_server", "serve", "MAX_REQUEST_BYTES", "TIME_LIMIT"]

MAX_REQUEST_BYTES = 64 * 1024
TIME_LIMIT = 10.0  # seconds

_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


_SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "n-triples": "application/n-triples",
}


def _pick(accept: str, table: dict, default: str) -> tuple[str, object]:
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media, table[media]
    return default, table[default]


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _evaluate(store: ox.Store, query: str, accept: str) -> tuple[str, str, bytes]:
    """("ok", media type, body) or (status, "text/plain", message) for one query."""
    try:
        result = run_query(store, query)
        if isinstance(result, ox.QueryTriples):
            media, fmt = _pick(accept, _GRAPHS, "text/turtle")
            out = io.BytesIO()
            ox.serialize(result, out, format=fmt)
            return "ok", media, out.getvalue()
        media, fmt = _pick(accept, _RESULTS, "application/sparql-results+json")
        return "ok", media, result.serialize(format=fmt)
    except QueryError as exc:
        return "400", "text/plain", str(exc).encode("utf-8")
    except Exception:  # noqa: BLE001 - never a stack trace in a response
        return "500", "text/plain", b"internal error"


def _worker(store_dir: str, conn) -> None:
    """A process that answers queries on a read-only store until its pipe closes."""
    store = ox.Store.read_only(store_dir)
    while True:
        try:
            query, accept = conn.recv()
        except EOFError:
            return
        conn.send(_evaluate(store, query, accept))


class _Evaluator:
    """Queries run in a worker process, so one that runs past the time limit can be
    stopped for real (the process is killed and a fresh one started)."""

    def __init__(self, store_dir: Path, limit: float):
        self.store_dir, self.limit = str(store_dir), limit
        self.lock = threading.Lock()
        self.ctx = multiprocessing.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(self.store_dir, child), daemon=True)
        self.proc.start()
        child.close()

    def __call__(self, query: str, accept: str) -> tuple[str, bytes]:
        with self.lock:
            self.conn.send((query, accept))
            if not self.conn.poll(self.limit):
                self.proc.kill()
                self.proc.join()
                self._start()
                raise _Refused(
                    HTTPStatus.SERVICE_UNAVAILABLE, f"query time limit ({self.limit:g} s) exceeded"
                )
            status, media, body = self.conn.recv()
        if status == "400":
            raise _Refused(HTTPStatus.BAD_REQUEST, body.decode("utf-8"))
        if status != "ok":
            raise _Refused(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")
        return media, body

    def close(self) -> None:
        self.conn.close()
        self.proc.kill()
        self.proc.join()


def _page(out_dir: Path) -> bytes:
    examples = []
    for q in sorted(QUERIES_DIR.glob("*.rq")):
        text = q.read_text(encoding="utf-8")
        examples.append(
            f'<option value="{html.escape(text, quote=True)}">{html.escape(q.stem)}</option>'
        )
    prefixes = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items())
    body = f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>kg SPARQL</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}textarea{{width:100%;height:14em}}</style></head>
<body><h1>kg SPARQL</h1><p>Prefixes declared for you: <code>{html.escape(", ".join(PREFIXES))}</code>.
<a href="graph.html">Network view</a>.</p>
<form method="get" action="sparql"><p><select onchange="this.form.query.value=this.value">
<option value="">— example queries —</option>{"".join(examples)}</select></p>
<textarea name="query">SELECT ?name WHERE {{ ?p a kg:Person ; rdfs:label ?name }}</textarea>
<p><select name="format"><option value="text/csv">CSV</option>
<option value="application/sparql-results+json">JSON</option></select>
<button type="submit">Run</button></p></form>
<details><summary>prefixes</summary><pre>{html.escape(prefixes)}</pre></details></body></html>"""
    return body.encode("utf-8")


def make_server(out_dir: str | Path, host: str = "127.0.0.1", port: int = 8000,
                time_limit: float = TIME_LIMIT) -> ThreadingHTTPServer:  # fmt: skip
    """A ready (not yet serving) endpoint over ``OUT/store``."""
    out = Path(out_dir)
    open_store(out, read_only=True)  # a clear error now if there is no store
    evaluate = _Evaluator(out / STORE_DIR, time_limit)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql"

        def log_message(self, fmt: str, *args) -> None:  # quiet unless asked
            if getattr(self.server, "verbose", False):
                sys.stderr.write(f"{self.address_string()} - {fmt % args}\n")

        def _send(self, status: HTTPStatus, media: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _refuse(self, exc: _Refused) -> None:
            self._send(exc.status, "text/plain", (exc.message + "\n").encode("utf-8"))

        def _run(self, query: str | None, update: str | None, accept: str) -> None:
            try:
                if update is not None:
                    raise _Refused(
                        HTTPStatus.FORBIDDEN,
                        "this endpoint is read-only: SPARQL updates are refused",
                    )
                if not query:
                    raise _Refused(HTTPStatus.BAD_REQUEST, "no query: give ?query=… or POST one")
                media, body = evaluate(query, accept)
                self._send(HTTPStatus.OK, media, body)
            except _Refused as exc:
                self._refuse(exc)

        def _accept(self, params: dict) -> str:
            """The wanted media type: a ``format``/``output`` parameter (json, xml, csv,
            tsv, turtle or a media type), else the ``Accept`` header."""
            for key in ("format", "output"):
                if key in params:
                    value = params[key][0].lower()
                    return _SHORT.get(value, value)
            return self.headers.get("Accept", "")

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            url = urlparse(self.path)
            if url.path in ("/", "/index.html"):
                return self._send(HTTPStatus.OK, "text/html", _page(out))
            if url.path == "/graph.html" and (out / "graph.html").is_file():
                return self._send(HTTPStatus.OK, "text/html", (out / "graph.html").read_bytes())
            if url.path != "/sparql":
                return self._refuse(_Refused(HTTPStatus.NOT_FOUND, "not found"))
            if len(url.query) > MAX_REQUEST_BYTES:
                return self._refuse(_Refused(HTTPStatus.REQUEST_URI_TOO_LONG, "request too large"))
            params = parse_qs(url.query)
            self._run(
                params.get("query", [None])[0],
                params.get("update", [None])[0],
                self._accept(params),
            )

        def do_POST(self) -> None:  # noqa: N802
            if urlparse(self.path).path != "/sparql":
                return self._refuse(_Refused(HTTPStatus.NOT_FOUND, "not found"))
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_REQUEST_BYTES:
                return self._refuse(
                    _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large")
                )
            raw = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            accept = self.headers.get("Accept", "")
            if kind == "application/sparql-update":
                return self._run(None, raw, accept)
            if kind == "application/sparql-query":
                return self._run(raw, None, accept)
            params = parse_qs(raw)
            self._run(
                params.get("query", [None])[0],
                params.get("update", [None])[0],
                self._accept(params),
            )

    server = ThreadingHTTPServer((host, port), Handler)
    server.evaluator = evaluate  # closed with the server
    original_close = server.server_close

    def close() -> None:
        original_close()
        evaluate.close()

    server.server_close = close
    return server


def serve(out_dir: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted."""
    server = make_server(out_dir, host, port)
    print(
        f"SPARQL endpoint: http://{host}:{server.server_port}/sparql (query page: /, view: /graph.html)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

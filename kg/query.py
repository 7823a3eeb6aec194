"""SPARQL over a build's store: ``python build.py query QUERY_OR_FILE``.

The prefixes of :data:`kg.rdf.PREFIXES` (``kg:``, ``schema:``, ``skos:``, ``prov:`` …)
are declared for every query; the default graph is the merged graph (the entities, the
facts, the corpus totals) and ``GRAPH ?g { … }`` reaches each article's statements and
their evidence (:mod:`kg.store`).  Results print as an aligned table (Chinese characters count
two columns), CSV, TSV or SPARQL JSON.

Example::

    python build.py query ontology/queries/people-posts.rq
    python build.py query 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }' --format csv
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pyoxigraph as ox

from .rdf import PREFIXES

__all__ = ["QUERIES_DIR", "QueryError", "run_query", "format_result", "load_query", "width"]

QUERIES_DIR = Path(__file__).resolve().parents[1] / "ontology" / "queries"
FORMATS = ("table", "csv", "tsv", "json")
_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


class QueryError(ValueError):
    """A query that cannot run: its message says where and why (no traceback)."""


def load_query(query_or_file: str) -> str:
    """The text of a query given inline, as a file path, or as a name in the library."""
    for candidate in (
        Path(query_or_file),
        QUERIES_DIR / query_or_file,
        QUERIES_DIR / f"{query_or_file}.rq",
    ):
        try:
            if candidate.is_file():
                return candidate.read_text(encoding="utf-8")
        except OSError:
            continue
    return query_or_file


def run_query(store: ox.Store, sparql: str):
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; SPARQL errors become QueryError."""
    try:
        return store.query(sparql, prefixes=dict(PREFIXES))
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except (OSError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def width(text: str) -> int:
    """Columns a string takes in a terminal (wide CJK characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns) :]}"
        return term.value
    return str(term)


def format_result(result, fmt: str = "table") -> str:
    """A query result as text: ``table`` | ``csv`` | ``tsv`` | ``json`` (SPARQL results
    formats for SELECT/ASK; N-Triples for CONSTRUCT/DESCRIBE in csv/tsv/json)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "table":
            return "yes" if bool(result) else "no"
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    if isinstance(result, ox.QueryTriples):
        out = io.BytesIO()
        ox.serialize(result, out, format=ox.RdfFormat.N_TRIPLES if fmt != "table" else ox.RdfFormat.TURTLE,
                     prefixes=dict(PREFIXES) if fmt == "table" else None)  # fmt: skip
        return out.getvalue().decode("utf-8")
    if fmt != "table":
        return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    names = [v.value for v in result.variables]
    rows = [[_cell(sol[n]) for n in names] for sol in result]
    widths = [max([width(n), *(width(r[i]) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)

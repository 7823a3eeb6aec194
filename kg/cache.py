"""The extraction cache: ``OUT/cache/extractions.sqlite``.

Extracting an article is a pure function of the article and the rules, so its
:class:`~kg.model.Extraction` is stored under a key made of the article's content
hash, the rules' version (a hash of the rule data) and the ``kg`` version.  A
re-build extracts only the articles whose key is new: an edited article, changed
rules or a new ``kg`` release miss the cache; everything else is read back.

A damaged entry (a half-written file, a pickle from an incompatible version) is
reported, dropped and extracted again; a cache that cannot be opened at all is
moved aside and started afresh.  Nothing in the cache is needed to read the
build's outputs, so deleting ``OUT/cache`` is always safe.

>>> from kg.model import Article
>>> article_key(Article("a1", "南川区"), "rules-v1") == article_key(Article("a1", "南川区"), "rules-v1")
True
>>> article_key(Article("a1", "南川区"), "rules-v1") == article_key(Article("a1", "南川区"), "rules-v2")
False
"""

from __future__ import annotations

import hashlib
import io
import marshal
import pickle
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from . import __version__
from .model import Article, Extraction

__all__ = ["CACHE_DIR", "ExtractionCache", "article_key", "dump", "load"]

CACHE_DIR = "cache"
_PROTOCOL = 5
_HEAD = pickle.PROTO + bytes([_PROTOCOL])  # how a pickle of this protocol begins


#: The layout of what is cached (changes when :mod:`kg.model`'s pickles or :func:`dump` do).
FORMAT = 4


def article_key(article: Article, rules_version: str) -> str:
    """A hash of everything the extraction reads: the article's fields, the rules, kg."""
    data = repr((__version__, FORMAT, rules_version, article)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def dump(ext: Extraction) -> bytes:
    """An extraction as bytes (what the cache and the workers exchange): two pickles, the
    extraction without its mention lists and then the mentions, so that :func:`load` with
    ``light`` reads only the first — the corpus merge and the outputs need the entities
    and relations, and the mentions were a third of the time to load them.  Not
    compressed: compressing took as long as pickling, for 2.4 times fewer bytes."""
    light = replace(ext, mentions=()) if ext.mentions else ext
    return pickle.dumps(light, protocol=_PROTOCOL) + pickle.dumps(ext.mentions, protocol=_PROTOCOL)


def load(data: bytes, light: bool = False) -> Extraction:
    """The extraction of :func:`dump` (``light``: without its mention lists); raises
    ValueError when ``data`` is damaged."""
    try:
        fh = io.BytesIO(data)
        ext = pickle.Unpickler(fh).load()
        if light:  # the mentions are not read: is their pickle there, whole?
            rest = memoryview(data)[fh.tell() :]
            if rest[:2] != _HEAD or rest[-1:] != b".":
                raise EOFError("the mention lists are cut short")
            mentions = ()
        else:
            mentions = pickle.Unpickler(fh).load()  # (a fresh memo: a pickle of its own)
    except Exception as exc:  # UnpicklingError, AttributeError, EOFError …
        raise ValueError(f"damaged cache entry ({type(exc).__name__}: {exc})") from None
    if not isinstance(ext, Extraction):
        raise ValueError(f"damaged cache entry (a {type(ext).__name__}, not an Extraction)")
    if not isinstance(mentions, tuple):
        raise ValueError(f"damaged cache entry (mentions: a {type(mentions).__name__}, not a tuple)")
    return replace(ext, mentions=mentions) if mentions else ext


class ExtractionCache:
    """Extractions by :func:`article_key`, in one SQLite file under ``OUT/cache``.

    ``report`` receives a message for every damaged entry (default: ignore)."""

    def __init__(self, out_dir: str | Path, report: Callable[[str], None] | None = None):
        self.folder = Path(out_dir) / CACHE_DIR
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / "extractions.sqlite"
        self.report = report or (lambda message: None)
        self.hits = self.misses = self.damaged = 0
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:  # not a database: start again, keep the old file
            aside = self.path.with_suffix(".damaged")
            self.path.replace(aside)
            self.report(f"cache {self.path} could not be read ({exc}); moved to {aside.name}")
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False)  # read by the pool's feeder
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, data BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS rendered (key TEXT PRIMARY KEY, merged BLOB, counts BLOB)")
        db.execute("SELECT count(*) FROM extraction").fetchone()
        return db

    def get_many(self, keys: Iterable[str]) -> dict[str, tuple[Extraction, bytes]]:
        """``key → (extraction without its mention lists, its bytes)`` for the cached ones
        among ``keys``; damaged entries are dropped and reported."""
        keys = list(keys)
        found: dict[str, tuple[Extraction, bytes]] = {}
        for key, data in self._rows("extraction", "data", keys):
            try:
                found[key] = (load(data, light=True), data)
            except ValueError as exc:
                self.damaged += 1
                self.report(f"cache entry {key[:12]}…: {exc}; extracting the article again")
                self.db.execute("DELETE FROM extraction WHERE key = ?", (key,))
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def has_many(self, keys: Iterable[str]) -> set[str]:
        """The keys among ``keys`` that the cache has (their entries are not read)."""
        return {row[0] for row in self._rows("extraction", "1", list(keys))}

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store ``(key, dump(extraction))`` pairs."""
        self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", items)

    def keep_only(self, keys: set[str]) -> int:
        """Drop entries whose key is not in ``keys`` (old versions of articles); returns how many."""
        return self._drop_others("extraction", keys)

    def get_rendered(
        self, keys: Iterable[str], counts: bool = True
    ) -> dict[str, tuple[bytes | None, tuple | None]]:
        """What :meth:`put_rendered` kept for a written article graph: ``fingerprint →
        (dump of the merged extraction or None when the merge left it unchanged, counts)``
        (``counts=False``: None instead of the counts, which are not read)."""
        found = {}
        if not counts:
            return {key: (merged, None) for key, merged in self._rows("rendered", "merged", list(keys))}
        for key, merged, data in self._rows("rendered", "merged, counts", list(keys)):
            try:
                found[key] = (merged, _counts_loads(data))
            except ValueError as exc:
                self.report(f"cache entry {key[:12]}…: {exc}; writing the graph again")
        return found

    def put_rendered(self, items: Iterable[tuple[str, bytes | None, tuple]]) -> None:
        """Store ``(fingerprint, merged dump or None, counts)`` of written article graphs."""
        self.db.executemany(
            "INSERT OR REPLACE INTO rendered VALUES (?, ?, ?)",
            ((k, m, _counts_dumps(c)) for k, m, c in items),
        )

    def keep_rendered(self, keys: set[str]) -> None:
        """Drop the rendered entries not in ``keys``."""
        self._drop_others("rendered", keys)

    def _rows(self, table: str, columns: str, keys: list[str]) -> Iterable[tuple]:
        """``(key, columns…)`` rows of ``table`` for ``keys``, asked 500 keys at a time
        (SQLite limits the number of parameters of one statement)."""
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(
                f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})", chunk
            ).fetchall()

    def _drop_others(self, table: str, keys: set[str]) -> int:
        """Delete the rows of ``table`` whose key is not in ``keys``; returns how many."""
        stale = [k for (k,) in self.db.execute(f"SELECT key FROM {table}") if k not in keys]
        self.db.executemany(f"DELETE FROM {table} WHERE key = ?", ((k,) for k in stale))
        return len(stale)

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()


def _counts_dumps(counts: tuple[dict, dict]) -> bytes:
    mentions, pairs = counts
    return marshal.dumps((
        tuple((t, n, c) for (t, n), c in mentions.items()),
        tuple((ta, a, tb, b, c) for ((ta, a), (tb, b)), c in pairs.items()),
    ))  # fmt: skip


def _counts_loads(data: bytes) -> tuple[dict, dict]:
    try:
        mentions, pairs = marshal.loads(data)
        return (
            {(t, n): c for t, n, c in mentions},
            {((ta, a), (tb, b)): c for ta, a, tb, b, c in pairs},
        )
    except (ValueError, EOFError, TypeError) as exc:
        raise ValueError(f"damaged cache entry ({type(exc).__name__}: {exc})") from None

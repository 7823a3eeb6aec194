"""The only module that knows the order of the stages.

read (``kg.ingest``) → recognise (``kg.rules``) → resolve names
(``kg.normalize``) → relations (``kg.relations``) → merge across the corpus →
RDF (``kg.rdf``) and view (``kg.view``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .model import Article, Extraction, Mention
from .normalize import (
    build_entities,
    defined_aliases,
    home_places,
    listed_places,
    merge_corpus,
    resolve,
)
from .relations import extract_relations
from .resources import Rules, load_rules
from .rules import Recognizer
from .script import looks_traditional, restore, to_simplified

__all__ = [
    "Extractor",
    "get_extractor",
    "mentions_in_text",
    "build",
]

SAMPLE_DIR = Path(__file__).with_name("sample")


class Extractor:
    """Article → :class:`Extraction`, a pure function of the article and the rules."""

    def __init__(self, rules: Rules | None = None):
        self.rules = rules or load_rules()
        self._recognizer: Recognizer | None = None

    @property
    def recognizer(self) -> Recognizer:
        """The segmenter and the recognisers, made on first use: loading jieba's dictionary
        takes a second and a half and 150 MB, which a re-build that finds every article in
        its cache does not need (or needs in one worker only)."""
        if self._recognizer is None:
            self._recognizer = Recognizer(self.rules)
        return self._recognizer

    def release(self) -> None:
        """Free the segmenter and the recognisers (about 150 MB); they are made again
        when next needed.  A build calls it once every article is extracted."""
        from .segment import drop_segmenter

        self._recognizer = None
        drop_segmenter(self.rules)

    def ready(self) -> Extractor:
        """Make the recognisers now (before worker processes are forked, to share them)."""
        self.recognizer  # noqa: B018 - made on first use
        return self

    def mentions(self, text: str, article: Article | None = None) -> list[Mention]:
        """Resolved mentions of ``text``; a text in traditional characters is read through
        its simplified copy and its mentions and names are given back as written."""
        return self._mentions(text, article, _simplified_copy(text))

    def _mentions(self, text: str, article: Article | None, simple: str | None) -> list[Mention]:
        page = [o for o in (article.newspaper, article.publisher) if o] if article else []
        if simple is None:
            return self._completed(text, resolve(self.recognizer.find(text, article), self.rules, page))
        if article is not None:
            article = replace(
                article,
                authors=tuple(map(to_simplified, article.authors)),
                photographers=tuple(map(to_simplified, article.photographers)),
            )
        found = self._completed(
            simple, resolve(self.recognizer.find(simple, article), self.rules, map(to_simplified, page))
        )
        return [
            replace(m, text=text[m.start : m.end], canonical=restore(m.canonical, simple, text))
            for m in found
        ]

    def _completed(self, text: str, found: list[Mention]) -> list[Mention]:
        """The resolved mentions of ``text``, with the places a list of places names and the
        short names the article defines."""
        seg = self.recognizer.seg
        found = listed_places(
            text, found, self.recognizer.generic, lambda w: (seg.tag(w), seg.freq(w)), self.rules.admin_short
        )
        return defined_aliases(text, found)

    def __call__(self, article: Article) -> Extraction:
        simple = _simplified_copy(article.text)
        mentions = self._mentions(article.text, article, simple)
        entities = build_entities(mentions)
        # relation cues (与…合作, 担任) read the simplified copy of a traditional text
        work = article if simple is None else replace(article, text=simple)
        relations, extra = extract_relations(
            work, mentions, entities, self.rules, home_places(mentions, self.rules)
        )
        if work is not article:  # evidence quotes the article as written, posts as written
            relations = tuple(
                replace(r, evidence=tuple(
                    replace(e, sentence=article.text[e.start : e.end]) if e.part == "text" else e
                    for e in r.evidence
                ), object=_as_written(r, simple, article.text))
                for r in relations
            )  # fmt: skip
        return Extraction(
            article,
            tuple(mentions),
            tuple(sorted((*entities, *extra), key=lambda e: e.key)),
            relations,
        )


def _as_written(r, simple: str, text: str):
    """A relation's post or role (副市长) as the traditional text writes it (副市長): the
    same characters where its evidence sentence has it."""
    if not isinstance(r.object, str) or r.predicate not in ("holdsPost", "role"):
        return r.object
    for e in r.evidence:
        if e.part == "text":
            return restore(r.object, simple[e.start : e.end], text[e.start : e.end])
    return r.object


def _simplified_copy(text: str) -> str | None:
    """The simplified copy of a text in traditional characters, else None."""
    return to_simplified(text) if looks_traditional(text) else None


_DEFAULT: dict[tuple, Extractor] = {}


def get_extractor(rule_dirs: tuple[str, ...] = ()) -> Extractor:
    """A shared extractor for a set of user rule folders (loading takes a second)."""
    key = tuple(str(d) for d in rule_dirs)
    if key not in _DEFAULT:
        _DEFAULT[key] = Extractor(load_rules(list(rule_dirs)))
    return _DEFAULT[key]


def mentions_in_text(text: str) -> list[Mention]:
    """Resolved mentions of a bare text with the default rules."""
    return get_extractor().mentions(text)


def build(extractions: list[Extraction]) -> list[Extraction]:
    """Corpus-level steps after every article is extracted."""
    return merge_corpus(extractions)

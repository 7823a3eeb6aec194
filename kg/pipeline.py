"""The only module that knows the order of the stages.

read (``kg.ingest``) → recognise (``kg.rules``) → resolve names
(``kg.normalize``) → relations (``kg.relations``) → merge across the corpus →
RDF (``kg.rdf``) and view (``kg.view``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .model import Article, Extraction, Mention, Relation
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
        drop = post_only_bodies(work.text, mentions, relations, self.recognizer.posts)
        if drop:  # 朝阳村党支部|书记秦建平: the post is at the village, the branch no entity
            mentions = [m for m in mentions if (m.type, m.canonical or m.text) not in drop]
            entities = [e for e in entities if e.key not in drop]
            relations = tuple(r for r in relations if r.subject not in drop and r.object not in drop)
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


#: A party body or mass organisation of a village, town, community, company …: its level
#: word and its kind (村|党支部, 社区|党委, 镇|妇联)
_LOCAL_BODY = re.compile(r"(社区|街道|村|镇|乡|县|区|市|公司|医院|集团|委)(党委|党支部|党总支|党工委|妇联|团委)$")


def post_only_bodies(
    text: str, mentions: Iterable[Mention], relations: Iterable[Relation], posts: Iterable[str]
) -> set[tuple[str, str]]:
    """The organisations that the article names only as where a post is held: a party
    body or mass organisation of a place or company (朝阳村党支部, 钱塘镇党委, 常山庄村妇联)
    whose every mention is followed by a post (朝阳村党支部书记秦建平, 党委副书记, 委员).
    Such a post is held at the place (ANNOTATION: 韩楚 holds 第一书记 at
    鸣玉镇中心社区), and the body is no entity of its own, unless the article has it act:
    a relation names it, or its short form stands alone (社区党委把辖区划分为…,
    在街道党工委的推动下).

    >>> from kg.model import Mention
    >>> text = "朝阳村党支部书记秦建平说。"
    >>> ms = [Mention(0, 6, "朝阳村党支部", "Organisation", "org-suffix")]
    >>> post_only_bodies(text, ms, (), {"书记", "党支部书记"})
    {('Organisation', '朝阳村党支部')}
    >>> post_only_bodies(text + "村党支部把党小组建在网格上。", ms, (), {"书记"})
    set()
    """
    mentions = list(mentions)
    cues = tuple(sorted(posts, key=len, reverse=True))
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for m in mentions:
        if m.type == "Organisation":
            spans.setdefault((m.type, m.canonical or m.text), []).append((m.start, m.end))
    acting = {k for r in relations if r.predicate not in ("mentions", "coOccursWith")
              for k in (r.subject, r.object, r.at) if isinstance(k, tuple)}  # fmt: skip
    drop = set()
    for key, where in spans.items():
        body = _LOCAL_BODY.search(key[1])
        if body is None or key in acting:
            continue
        if not all(text.startswith(cues, end) or text.startswith(("常务", "专职"), end) for _, end in where):
            continue
        short = body.group(0)
        inside = [(m.start, m.end) for m in mentions if short in m.text]
        alone = (
            i for i in _find_all(text, short)
            if not any(s <= i < e for s, e in inside) and not text.startswith(cues, i + len(short))
        )  # fmt: skip
        if next(alone, None) is None:
            drop.add(key)
    return drop


def _find_all(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


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

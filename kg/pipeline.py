"""The only module that knows the order of the stages.

read (``kg.ingest``) → recognise (``kg.rules``) → resolve names
(``kg.normalize``) → relations (``kg.relations``) → merge across the corpus →
RDF (``kg.rdf``) and view (``kg.view``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import Article, Extraction, Mention, Skipped
from .normalize import build_entities, home_places, merge_corpus, resolve
from .relations import extract_relations
from .resources import Rules, load_rules
from .rules import Recognizer

__all__ = [
    "Extractor",
    "get_extractor",
    "mentions_in_text",
    "extract_article",
    "BuildResult",
    "build",
]

SAMPLE_DIR = Path(__file__).with_name("sample")


class Extractor:
    """Article → :class:`Extraction`, a pure function of the article and the rules."""

    def __init__(self, rules: Rules | None = None):
        self.rules = rules or load_rules()
        self.recognizer = Recognizer(self.rules)

    def mentions(self, text: str, article: Article | None = None) -> list[Mention]:
        page = [o for o in (article.newspaper, article.publisher) if o] if article else []
        return resolve(self.recognizer.find(text, article), self.rules, page)

    def __call__(self, article: Article) -> Extraction:
        mentions = self.mentions(article.text, article)
        entities = build_entities(mentions)
        relations, extra = extract_relations(
            article, mentions, entities, self.rules, home_places(mentions, self.rules)
        )
        return Extraction(
            article,
            tuple(mentions),
            tuple(sorted((*entities, *extra), key=lambda e: e.key)),
            relations,
        )


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


def extract_article(article: Article, rule_dirs: tuple[str, ...] = ()) -> Extraction:
    return get_extractor(rule_dirs)(article)


@dataclass
class BuildResult:
    extractions: list[Extraction] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)


def build(extractions: list[Extraction]) -> list[Extraction]:
    """Corpus-level steps after every article is extracted."""
    return merge_corpus(extractions)

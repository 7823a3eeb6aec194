"""The small, frozen shapes that flow between the stages of ``kg``.

Every stage is a plain function that takes these objects and returns new ones;
nothing here does any work.  Offsets are Python string indices (code points)
into :attr:`Article.text`, end exclusive, so that
``article.text[m.start:m.end] == m.text`` always holds for a :class:`Mention`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

__all__ = [
    "ENTITY_TYPES",
    "ARTICLE",
    "Article",
    "MetaSpan",
    "Mention",
    "Entity",
    "Evidence",
    "Relation",
    "Extraction",
    "Skipped",
    "mention_order",
]

#: The four entity types of ANNOTATION.md, in display order.
ENTITY_TYPES: tuple[str, ...] = ("Person", "Place", "Organisation", "Programme")

#: Stand-in subject/object for "the article itself" in relations.
ARTICLE = "ARTICLE"


@dataclass(frozen=True, slots=True)
class MetaSpan:
    """Where a metadata value was read in the *source document* (not the body).

    ``start``/``end`` index the decoded source document (the whole page or
    JSON record text), ``line`` is the source line it came from.
    """

    field: str
    value: str
    line: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: body text plus the metadata read from its page.

    ``text`` is what a reader reads: the title, captions and body paragraphs
    and the byline, one paragraph per line, page furniture removed.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO 8601 yyyy-mm-dd
    newspaper: str | None = None
    publisher: str | None = None
    edition: str | None = None  # e.g. 第015版
    page: int | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    photo_source: str | None = None  # 图片除署名外由 X 提供
    captions: tuple[str, ...] = ()
    source: str | None = None  # e.g. "CCTV 新闻联播"
    url: str | None = None
    path: str | None = None  # source file, relative to the input root
    meta_spans: tuple[MetaSpan, ...] = ()


@dataclass(frozen=True, order=True, slots=True)
class Mention:
    """A typed span of an article's text found by a named rule."""

    start: int
    end: int
    text: str
    type: str
    rule: str = ""
    canonical: str = ""  # canonical name the mention resolves to ("" = text)
    info: str = ""  # rule-specific extra, e.g. the adcode of a gazetteer place
    alias: str = ""  # a name of the entity not written here (南川区 for 南川 when only 南川 is)


#: ``sorted(mentions, key=mention_order) == sorted(mentions)``, without a Python-level
#: comparison of two field tuples for every pair compared.
mention_order = attrgetter(*(f.name for f in fields(Mention) if f.compare))


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity: a canonical name, its type and its aliases."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    info: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.name)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was said: a sentence of an article and its offsets.

    ``part`` is ``"text"`` when ``start``/``end`` index :attr:`Article.text`
    and ``"source"`` when they index the source document (page header and
    footer facts such as the newspaper).
    """

    article: str
    sentence: str
    start: int
    end: int
    part: str = "text"


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two entities (or an entity and the article).

    ``subject`` and ``object`` are entity keys ``(type, name)``, or
    :data:`ARTICLE`; for ``holdsPost`` and ``role`` the object is the post or
    role word and ``at`` the organisation or place where the post is held.
    """

    subject: tuple[str, str] | str
    predicate: str
    object: tuple[str, str] | str
    evidence: tuple[Evidence, ...] = ()
    at: tuple[str, str] | None = None
    count: int = 1


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def _pickled_by_fields(cls: type) -> type:
    """Pickle instances of a frozen, slotted dataclass as ``cls(*fields)``: as fast to load
    as a plain dataclass (the default for slotted ones is twice as slow), with no
    per-instance ``__dict__`` (a third less memory for a corpus's extractions)."""
    values = attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self):  # noqa: N807
        return cls, values(self)

    cls.__reduce__ = __reduce__
    return cls


for _cls in (MetaSpan, Article, Mention, Entity, Evidence, Relation, Extraction):
    _pickled_by_fields(_cls)

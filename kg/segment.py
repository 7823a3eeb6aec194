"""Segmentation: jieba on the extractor's own tokenizer, tokens with offsets.

A :class:`Segmenter` owns a ``jieba.Tokenizer`` instance (never the global one)
with the rule data's user dictionary, and knows each dictionary word's part of
speech so that rules can ask "is this token a verb?" without running the slow
``posseg`` tagger.

Speed: jieba cuts about 0.4 M characters a second.  ``rjieba`` (jieba's algorithm
and dictionary in Rust) cuts 10 M a second and gives jieba's tokens on runs of
Chinese characters, letters and digits, and on the spaces and punctuation between them,
but joins ``-`` and ``.`` differently (``S-300``, ``BQ.1.1``) and knows more rare
characters.  So the text goes to ``rjieba`` in one piece, except each block that jieba
itself would cut (a run of Chinese characters, letters, digits and ``+#&._%-``) holding
one of ``+#&._%-``, and each run of other characters (rare Chinese characters, letters
with accents, control characters …), which go to jieba: the tokens are exactly jieba's
(checked on the CCTV corpus in the tests).  Every word added goes to both tokenizers.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import NamedTuple

from .resources import Rules

__all__ = ["Token", "Segmenter", "get_segmenter", "drop_segmenter"]


def _segmenters():
    """jieba and rjieba (None when missing: jieba then cuts everything), imported when a
    segmenter is first made: a re-build that finds every article in its cache does without
    them (0.2 s of imports)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    try:  # the accelerator
        import rjieba
    except ImportError:  # pragma: no cover - rjieba is a pinned dependency
        rjieba = None
    return jieba, rjieba


# Characters that rjieba cuts as jieba does wherever they stand: jieba's block characters
# but +#&._%-, white space and common punctuation.  Any other run goes to jieba, widened to
# the whole jieba block it touches (S-300, BQ.1.1, 1.5%).
_SAFE = (
    "\u4e00-\u9fd5a-zA-Z0-9 \t\r\n\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    "\uff5b-\uff65\u2010-\u2027\u00b7" + re.escape("!\"$'()*,/:;<=>?@[]^`{|}~")
)
_UNSAFE = re.compile(f"[^{_SAFE}]+")
_BLOCK_CHAR = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]")  # jieba.re_han_default
_BLOCK_REST = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]*")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    tag: str  # dictionary part of speech, "" for words jieba made up (HMM)
    freq: int  # dictionary frequency, 0 for unknown words


def _load_tags(dict_path: Path) -> dict[str, str]:
    tags: dict[str, str] = {}
    with open(dict_path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                tags[parts[0]] = parts[2]
    return tags


#: Adverbs that open the four-character verb phrases of official prose (充分|发挥, 积极|探索).
_ADVERBS = frozenset((
    "充分", "积极", "大力", "切实", "认真", "全面", "深入", "不断", "努力", "坚决", "着力", "持续",
    "加快", "广泛", "主动", "统筹", "扎实", "稳步", "严格", "依法", "尽快", "逐步", "全力",
))  # fmt: skip


def _tag_verb_phrases(tags: dict[str, str]) -> None:
    """Tag as verbs the dictionary's words made of an adverb and a verb, which it tags as
    nouns or idioms (充分发挥 n, 积极探索 n, 严格执法 nr): read as nouns they open the names of
    bodies and places (海南|充分发挥|百姓|宣讲团). Nouns stay nouns (积极分子, 有效期限)."""
    for word in [w for w in tags if len(w) == 4 and w[:2] in _ADVERBS]:  # (a few hundred of them)
        if tags[word] not in ("v", "vn", "d", "ad") and tags.get(word[2:]) in ("v", "vn"):
            tags[word] = "v"


class Segmenter:
    """jieba segmentation with dictionary tags, one instance per rule set."""

    def __init__(self, rules: Rules, fast: bool = True):
        jieba, rjieba = _segmenters()
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        self.fast = rjieba.Jieba() if fast and rjieba is not None else None
        self.tags = _load_tags(Path(jieba.__file__).with_name("dict.txt"))
        _tag_verb_phrases(self.tags)
        self.generation = 0  # goes up whenever a word's tag or frequency may have changed
        self._slow: dict[str, list[tuple[str, int, int]]] = {}  # see _slow_cut
        self._slow_generation = 0
        for line in rules.userdict:
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            word = parts[0]
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = (
                parts[2]
                if len(parts) > 2
                else (parts[1] if len(parts) == 2 and not parts[1].isdigit() else "n")
            )
            self._add(word, freq, tag)
            self.tags[word] = tag

    def tag(self, word: str) -> str:
        return self.tags.get(word, "")

    def freq(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word, 0) or 0

    def add_word(self, word: str, tag: str = "n", freq: int | None = None) -> None:
        self._add(word, freq, tag)
        self.tags.setdefault(word, tag)

    def default_tag(self, word: str, tag: str) -> None:
        """Tag ``word`` with ``tag`` unless it has a tag (change tags only through this
        method and :meth:`add_word`: :attr:`generation` tells what was remembered is stale)."""
        self.tags.setdefault(word, tag)
        self.generation += 1

    def _add(self, word: str, freq: int | None, tag: str) -> None:
        self.generation += 1
        self.tokenizer.add_word(word, freq, tag)
        if self.fast is not None:  # the same frequency jieba chose (suggested when None)
            self.fast.add_word(word, self.tokenizer.FREQ[word], tag)

    def cut(self, text: str) -> list[tuple[str, int, int]]:
        """``(word, start, end)`` exactly as ``jieba.Tokenizer.tokenize(text, HMM=True)``."""
        if self.fast is None:
            return list(self.tokenizer.tokenize(text, HMM=True))
        fast, slow = self.fast.tokenize, self._slow_cut
        unsafe, in_block, block_rest = _UNSAFE.search, _BLOCK_CHAR.match, _BLOCK_REST.match
        out: list[tuple[str, int, int]] = []
        pos, n = 0, len(text)
        while pos < n:
            m = unsafe(text, pos)
            if m is None:
                s = e = n
            else:  # jieba cuts text[s:e], widened to the blocks at its ends
                s, e = m.span()
                if in_block(text, s):
                    while s > pos and in_block(text, s - 1):
                        s -= 1
                if in_block(text, e - 1):
                    e = block_rest(text, e).end()
            if s > pos:
                if pos:
                    out.extend(
                        (w, a + pos, b + pos) for w, a, b in fast(text[pos:s], "default", True)
                    )
                else:
                    out.extend(fast(text if s == n else text[:s], "default", True))
            if e > s:
                out.extend((w, a + s, b + s) for w, a, b in slow(text[s:e]))
            pos = e
        return out

    def _slow_cut(self, piece: str) -> list[tuple[str, int, int]]:
        """jieba's tokens of a piece (5.2%, S-300, 2023.10), remembered while the words stay
        the same (the same pieces come back again and again; jieba takes 20 µs on each)."""
        if self._slow_generation != self.generation or len(self._slow) >= 4096:  # a few MB
            self._slow.clear()
            self._slow_generation = self.generation
        found = self._slow.get(piece)
        if found is None:
            found = self._slow[piece] = list(self.tokenizer.tokenize(piece, HMM=True))
        return found

    def tokens(self, text: str) -> list[Token]:
        """Tokens of ``text`` with offsets into it (``text[t.start:t.end] == t.text``)."""
        freq = self.tokenizer.FREQ.get
        tag = self.tags.get
        make = tuple.__new__  # Token(...) without its Python-level __new__
        return [
            make(Token, (word, start, end, tag(word, ""), freq(word, 0) or 0))
            for word, start, end in self.cut(text)
        ]


_CACHE: dict[str, Segmenter] = {}
_LOCK = threading.Lock()


def get_segmenter(rules: Rules) -> Segmenter:
    """One shared :class:`Segmenter` per rule set, keyed by the rules' content hash
    (building one takes a second; an ``id()`` key could hand a freed rule set's
    tokenizer, with other words added, to a new one)."""
    with _LOCK:
        seg = _CACHE.get(rules.version)
        if seg is None:
            seg = _CACHE[rules.version] = Segmenter(rules)
        return seg


def drop_segmenter(rules: Rules) -> None:
    """Forget the shared segmenter of ``rules`` (its dictionaries are freed when nothing
    else holds it; the next :func:`get_segmenter` makes a new one)."""
    with _LOCK:
        _CACHE.pop(rules.version, None)

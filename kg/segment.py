"""Segmentation: jieba on the extractor's own tokenizer, tokens with offsets.

A :class:`Segmenter` owns a ``jieba.Tokenizer`` instance (never the global one)
with the rule data's user dictionary, and knows each dictionary word's part of
speech so that rules can ask "is this token a verb?" without running the slow
``posseg`` tagger.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

import jieba

from .resources import Rules

__all__ = ["Token", "Segmenter", "get_segmenter"]

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Token:
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


class Segmenter:
    """jieba segmentation with dictionary tags, one instance per rule set."""

    def __init__(self, rules: Rules):
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        self.tags = _load_tags(Path(jieba.__file__).with_name("dict.txt"))
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
            self.tokenizer.add_word(word, freq, tag)
            self.tags[word] = tag

    def tag(self, word: str) -> str:
        return self.tags.get(word, "")

    def freq(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word, 0) or 0

    def add_word(self, word: str, tag: str = "n", freq: int | None = None) -> None:
        self.tokenizer.add_word(word, freq, tag)
        self.tags.setdefault(word, tag)

    def tokens(self, text: str) -> list[Token]:
        """Tokens of ``text`` with offsets into it (``text[t.start:t.end] == t.text``)."""
        out = []
        freq = self.tokenizer.FREQ
        tags = self.tags
        for word, start, end in self.tokenizer.tokenize(text, HMM=True):
            out.append(Token(word, start, end, tags.get(word, ""), freq.get(word, 0) or 0))
        return out


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

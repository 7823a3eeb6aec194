"""Traditional characters: read them as simplified ones without moving any offset.

The rules, jieba's dictionary and the gazetteer are in simplified characters.  An
article in traditional characters (香港文匯報, a Big5 file) is read through a
character-for-character map, so every offset into the simplified copy is an offset
into the original and mentions, names and evidence keep the article's own writing.
The map is OpenCC's ``TSCharacters.txt`` from the PyPI package
``opencc-python-reimplemented`` (first choice of each character).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

__all__ = ["to_simplified", "looks_traditional", "restore"]


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            first = values.split(" ")[0] if values else ""
            if len(key) == 1 and len(first) == 1 and first != key:
                table[ord(key)] = first
    return table


def to_simplified(text: str) -> str:
    """``text`` with each traditional character replaced by its simplified one (same length)."""
    return text.translate(_table())


@functools.lru_cache(maxsize=1)
def _deleting() -> dict[int, None]:
    """A translation table that deletes each character :func:`to_simplified` changes."""
    return dict.fromkeys(_table())


_HAN_RUN = re.compile("[\u4e00-\u9fff]+")


def looks_traditional(text: str, share: float = 0.03) -> bool:
    """Is ``text`` written in traditional characters (not a simplified text with a few)?"""
    changed = len(text) - len(text.translate(_deleting()))  # str.translate runs in C
    if changed < 3:
        return False
    han = sum(map(len, _HAN_RUN.findall(text)))
    return han > 0 and changed / han >= share


def restore(name: str, simplified: str, original: str) -> str:
    """A name found in ``simplified`` as the original writes it, where it is written there."""
    if not name:
        return name
    pos = simplified.find(name)
    return original[pos : pos + len(name)] if pos >= 0 else name

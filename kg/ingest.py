"""Read news files into :class:`~kg.model.Article` objects.

Ingest is the first stage: it turns files and folders into articles and never
raises for bad input while walking (:func:`iter_articles` reports every problem
as a :class:`~kg.model.Skipped`).  It understands

* plain text in UTF-8, UTF-16, GB18030/GBK or Big5 (:func:`decode_bytes`),
* e-paper pages saved as text, whose page furniture (navigation, newspaper
  list, publisher, date, edition, copyright footer ...) is removed from the
  body and read as metadata (:func:`parse_epaper`),
* JSON Lines / JSON records with ``text`` and optional ``title``, ``date``,
  ``id``, ``source``, ``url`` (optionally gzip'd),
* HTML pages (main text only, with the standard library's parser).

Example::

    >>> art = parse_epaper("标题\\n第001版:要闻\\n上一版 下一版\\n正文第一段。\\n", "p1")
    >>> art.text, art.edition, art.page, art.section
    ('标题\\n正文第一段。', '第001版', 1, '要闻')
"""

from __future__ import annotations

import codecs
import functools
import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import cache
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from .model import Article, MetaSpan, Skipped

__all__ = [
    "IngestError",
    "Byline",
    "decode_bytes",
    "read_path",
    "iter_articles",
    "input_files",
    "read_file",
    "duplicate",
    "parse_epaper",
    "looks_like_epaper",
    "parse_byline",
    "photo_credits",
]

OnSkip = Callable[[Skipped], object]


class IngestError(Exception):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, reason: str, path: str | os.PathLike[str] | None = None) -> None:
        self.reason = reason
        self.path = None if path is None else str(path)
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Chinese encodings in order of preference when their scores tie.
_CHINESE = ("gb18030", "big5", "cp950", "big5hkscs")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MIN_COMMON_SHARE = 0.6


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding_name)``, detecting the encoding.

    Strict UTF-8 and byte-order marks first, then BOM-less UTF-16 by its NUL
    pattern, then charset-normalizer's guesses and the Chinese encodings, of
    which the one whose text has the largest share of common characters wins.
    Raises :class:`IngestError` for binary or undecodable data.

    >>> decode_bytes("新闻".encode("gbk"))
    ('新闻', 'gb18030')
    """
    if not data:
        return "", "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], name)
            return _checked(text), "utf-8-sig" if name == "utf-8" else name
    if b"\x00" in data:
        name = _utf16_by_nuls(data)
        if name is None:
            raise IngestError("binary file (NUL bytes)")
        return _checked(_strict(data, name)), name
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        return _detect(data)


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise IngestError(f"cannot decode as {name}: {exc.reason} at byte {exc.start}") from None


def _checked(text: str) -> str:
    """``text``, unless control characters show it is binary data."""
    sample = text[:200_000]
    bad = len(_CONTROL_RE.findall(sample))
    if "\x00" in sample or bad > 0.05 * len(sample):
        raise IngestError(f"binary file ({bad} control characters)")
    return text


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 byte order whose ASCII characters explain the NUL bytes, if any."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 0.8 * (even + odd):
        return "utf-16-le"
    if even >= 0.8 * (even + odd):
        return "utf-16-be"
    return None


def _detect(data: bytes) -> tuple[str, str]:
    guesses = [_SUPERSETS.get(m.encoding, m.encoding) for m in from_bytes(data)]
    decoded: dict[str, str] = {}
    for name in dict.fromkeys([*guesses, *_CHINESE]):
        try:
            decoded[name] = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    scored = [
        (_common_share(t), -_CHINESE.index(n), n) for n, t in decoded.items() if n in _CHINESE
    ]
    if scored and max(scored)[0] >= _MIN_COMMON_SHARE:
        name = max(scored)[2]
        return _checked(decoded[name]), name
    for name in guesses:
        if name in decoded:
            return _checked(decoded[name]), name
    raise IngestError("binary or undecodable file (no text encoding fits)")


@cache
def _common_chars() -> frozenset[str]:
    """GB2312 level-1 (simplified) and Big5 level-1 (traditional) characters."""
    chars: set[str] = set()
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for name, leads in (("gb2312", range(0xB0, 0xD8)), ("big5", range(0xA4, 0xC7))):
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(name))
                except UnicodeDecodeError:
                    continue
    return frozenset(c for c in chars if "\u4e00" <= c <= "\u9fff")


def _common_share(text: str) -> float:
    """Share of common CJK characters among the non-ASCII letters of ``text``."""
    letters = [c for c in text[:50_000] if ord(c) > 0x7F and c.isalpha()]
    common = _common_chars()
    return sum(c in common for c in letters) / len(letters) if letters else 0.0


# --------------------------------------------------------------------------- lines

_EDGE_RE = re.compile(r"^[\s\ufeff\u200b]+|[\s\ufeff\u200b]+$")
_SPACE_RE = re.compile(r"[\s\ufeff\u200b]+")
_FINAL_RE = re.compile(r"[。！？!?]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_HAN = "\u4e00-\u9fff"


def _strip(line: str) -> str:
    return _EDGE_RE.sub("", line)


def _same(a: str, b: str) -> bool:
    return _SPACE_RE.sub("", a) == _SPACE_RE.sub("", b)


def _lines(raw: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` pairs of ``raw``, line breaks removed."""
    offset = 0
    for line in raw.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def _is_title(line: str) -> bool:
    return len(line) < 60 and not _FINAL_RE.search(line)


# --------------------------------------------------------------------------- page furniture

_NAV_WORDS = (
    "上一版", "下一版", "上一篇", "下一篇", "上一期", "下一期", "前一版", "后一版",
    "放大", "缩小", "默认", "返回目录", "返回首页", "返回主页", "版面导航", "标题导航",
    "版面目录", "本版标题", "往期回顾", "往期查询", "PDF下载", "下载PDF", "查看PDF", "打印",
    "关闭",
)  # fmt: skip
_NAV_RE = re.compile("|".join(map(re.escape, sorted(_NAV_WORDS, key=len, reverse=True))))
_DATE_RE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d))"
)
_COMPACT_DATE_RE = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})$")
_WEEKDAY_RE = re.compile(r"(?:星期|礼拜)[一二三四五六日天]?|周[一二三四五六日天]|农历\S*")
_EDITION_RE = re.compile(r"(第\s*[A-Za-z]?\s*(\d{1,3})\s*版)(?:\s*[:：]\s*(.*\S))?")
_PAPER = rf"[{_HAN}A-Za-z·]{{1,15}}(?:报|刊|杂志)"
_PAPER_RE = re.compile(_PAPER)
_PUBLISHER_RE = re.compile(
    rf"^\s*([{_HAN}A-Za-z（）()]{{2,30}}?(?:集团|社|公司))\s*(?:主管主办|主办出版|主办|主管|出版)\s*$"
)
_COPYRIGHT_RE = re.compile(
    r"版权所有|未经.{0,8}授权|不得(?:复制|转载)|copyright|©|all rights reserved", re.I
)
_HOLDER_RE = re.compile(
    r"^\s*(?:(?:©|copyright|\(c\)|\d{4}(?:\s*[-–—]\s*\d{4})?)[\s:：]*)*"
    rf"([{_HAN}A-Za-z·]{{2,20}}?)\s*版权所有",
    re.I,
)
_CONTACT_RE = re.compile(
    r"邮编|邮政编码|ICP|公网安备|备案号"
    r"|^\s*(?:地址|社址|电话|传真|联系电话|热线|E-?mail|邮箱)\s*[:：]",
    re.I,
)
_CITATION_RE = re.compile(rf"^\s*《\s*({_PAPER})\s*》\s*[（(][^（）()]*\d[^（）()]*版\s*[）)]\s*$")
_SUPPORT_RE = re.compile(r"^\s*(?:技术支持|技术服务|powered by)", re.I)


class _Hit(NamedTuple):
    """A metadata value found on a furniture line (offsets within the line)."""

    field: str
    value: str
    start: int
    end: int
    source: str


def _mask(s: str, start: int, end: int) -> str:
    return s[:start] + " " * (end - start) + s[end:]


def _classify(line: str) -> tuple[frozenset[str], list[_Hit]] | None:
    """Furniture kinds and metadata hits of a page line; None for content."""
    if len(_strip(line)) <= 100 and not _FINAL_RE.search(line):
        for check in (_papers_line, _publisher_line, _footer_line, _citation_line):
            found = check(line)
            if found is not None:
                return found
    return _masked_line(line)


def _papers_line(line: str) -> tuple[frozenset[str], list[_Hit]] | None:
    """``重庆日报 | 重庆科技报``: a menu of short names."""
    parts = re.split(r"[|｜]", line)
    if len(parts) < 2 or any(not re.fullmatch(rf"\s*[{_HAN}A-Za-z·]{{2,15}}\s*", p) for p in parts):
        return None
    offset, hits = 0, []
    for part in parts:
        name = _strip(part)
        if not hits and _PAPER_RE.fullmatch(name):
            start = offset + part.index(name)
            hits.append(_Hit("newspaper", name, start, start + len(name), "papers"))
        offset += len(part) + 1
    return frozenset({"papers" if hits else "menu"}), hits


def _publisher_line(line: str) -> tuple[frozenset[str], list[_Hit]] | None:
    """``重庆日报报业集团主办``."""
    m = _PUBLISHER_RE.match(line)
    if m is None:
        return None
    hits = [_Hit("publisher", m.group(1), m.start(1), m.end(1), "publisher")]
    paper = re.match(r".+?报(?=报业|报社|社)", m.group(1))
    if paper:
        hits.append(
            _Hit("newspaper", paper.group(0), m.start(1), m.start(1) + paper.end(), "publisher")
        )
    return frozenset({"publisher"}), hits


def _footer_line(line: str) -> tuple[frozenset[str], list[_Hit]] | None:
    """Copyright, address/contact and technical-support lines."""
    if _SUPPORT_RE.search(line):
        return frozenset({"support"}), []
    if _CONTACT_RE.search(line):
        return frozenset({"contact"}), []
    if not _COPYRIGHT_RE.search(line):
        return None
    hits = []
    m = _HOLDER_RE.match(line)
    if m:
        holder, start = m.group(1), m.start(1)
        paper = re.fullmatch(rf"({_PAPER})社?", holder)
        if paper:
            hits.append(_Hit("newspaper", paper.group(1), start, start + paper.end(1), "copyright"))
        if holder.endswith("社"):
            hits.append(_Hit("publisher", holder, start, m.end(1), "copyright"))
    return frozenset({"copyright"}), hits


def _citation_line(line: str) -> tuple[frozenset[str], list[_Hit]] | None:
    """``《 人民日报 》（ 2022年10月20日 01 版）``: the page's own citation."""
    m = _CITATION_RE.match(line)
    if m is None:
        return None
    hits = [_Hit("newspaper", m.group(1), m.start(1), m.end(1), "citation")]
    d = _DATE_RE.search(line, m.end(1))
    iso = _iso_from_match(d) if d else None
    if d and iso:
        hits.append(_Hit("date", iso, d.start(), d.end(), "citation"))
    return frozenset({"citation"}), hits


def _masked_line(line: str) -> tuple[frozenset[str], list[_Hit]] | None:
    """Navigation, date and edition lines: furniture when nothing else is left."""
    s, kinds, hits = line, set(), []
    for m in _NAV_RE.finditer(line):
        s = _mask(s, m.start(), m.end())
        kinds.add("nav")
    m = _DATE_RE.search(s)
    iso = _iso_from_match(m) if m else None
    if m and iso:
        hits.append(_Hit("date", iso, m.start(), m.end(), "date"))
        s = _mask(s, m.start(), m.end())
        kinds.add("date")
        for w in _WEEKDAY_RE.finditer(s):
            s = _mask(s, w.start(), w.end())
    m = _EDITION_RE.search(s)
    if m:
        edition = _SPACE_RE.sub("", m.group(1))
        hits.append(_Hit("edition", edition, m.start(1), m.end(1), "edition"))
        if m.group(3):
            hits.append(_Hit("section", m.group(3), m.start(3), m.end(3), "edition"))
        s = _mask(s, m.start(), m.end())
        kinds.add("edition")
    return _furniture_rest(s, kinds, hits)


def _furniture_rest(
    s: str, kinds: set[str], hits: list[_Hit]
) -> tuple[frozenset[str], list[_Hit]] | None:
    rest = _strip(s)
    if not kinds:
        return None
    if _LETTER_RE.search(rest):
        if not (kinds & {"date", "edition"} and _PAPER_RE.fullmatch(rest)):
            return None
        start = s.index(rest)
        hits.append(_Hit("newspaper", rest, start, start + len(rest), "dateline"))
    return frozenset(kinds), hits


def looks_like_epaper(raw: str) -> bool:
    """Whether ``raw`` carries e-paper furniture (navigation or edition lines plus more)."""
    kinds: set[str] = set()
    for _, line in _lines(raw):
        found = _classify(line) if _strip(line) else None
        if found:
            kinds |= found[0]
    return len(kinds) >= 2 and bool(kinds & {"nav", "edition"})


# --------------------------------------------------------------------------- dates


def _iso_from_match(m: re.Match[str]) -> str | None:
    year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def _iso_date(value: object) -> str | None:
    """An ISO date from a record's ``date`` (ISO, 2022/10/20, 20221020, 2022年10月20日)."""
    if not isinstance(value, str | int):
        return None
    text = _strip(str(value))
    m = _COMPACT_DATE_RE.match(text) or _DATE_RE.match(text)
    if m is None:
        return None
    if m.re is _COMPACT_DATE_RE:
        try:
            return date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    return _iso_from_match(m)


# --------------------------------------------------------------------------- bylines


class Byline(NamedTuple):
    """The credits of one byline line.

    ``cued`` is true when a cue (记者, 文/, 摄, 图片由…提供, brackets) makes the
    line a byline wherever it stands; a bare list of names is one only at the
    end of a body.
    """

    authors: tuple[str, ...]
    photographers: tuple[str, ...]
    photo_source: str | None
    cued: bool


_CUE_WORDS = (
    "本报记者", "特约记者", "实习记者", "本报通讯员", "特约通讯员", "通讯员", "实习生",
    "本報記者", "特約記者", "實習記者", "本報通訊員", "通訊員", "實習生", "記者", "本報",
    "记者", "本报", "文", "图", "圖", "摄影", "攝影", "摄", "攝", "作者", "撰文", "执笔",
    "執筆", "报道", "報道", "报导", "撰稿", "整理",
)  # fmt: skip
_ROLE_RE = re.compile(r"^.*?(?:[记記]者|通[讯訊][员員]|[实實][习習]生)")
_CUE = r"(?:(?:本[报報]|特[约約]|[实實][习習])?(?:[记記]者|通[讯訊][员員])|[实實][习習]生)"
_NAME = rf"[{_HAN}]{{2,4}}(?:(?![{_HAN}])|(?=[摄攝]))"
_NAMES = rf"{_NAME}(?:[ \t\u3000\xa0、，,]+{_NAME})*"
_PHOTO_AFTER_RE = re.compile(
    rf"(?:^|(?<=[\s（(【\[|｜]))(?:[摄攝]影?\s*[/／:：]|[图圖]\s*[/／])\s*((?:{_CUE}\s*)?{_NAMES})"
)
_PHOTO_BEFORE_RE = re.compile(
    rf"(?:^|(?<=[\s（(【\[/／|｜。]))((?:{_CUE}\s*)?{_NAMES})\s*[/／]?\s*[摄攝]影?"
    r"(?=$|[\s）)】\]。，,；;、（(])"  # (孙亮摄（中经视觉）: the agency in brackets after)
)
_PHOTO_SOURCE_RE = re.compile(
    r"[（(]?\s*(?:本版|本文|本期)?(?:图片|照片|图|圖片|圖)(?:除署名外)?均?由\s*(\S+?)\s*提供\s*[）)]?"
)
_TEXT_AND_PHOTOS_RE = re.compile(r"^(?:文\s*[/／、]\s*[图圖]|[图圖]\s*[/／、]\s*文|文[图圖]|[图圖]文)\s*[/／:：]?\s*")
_TEXT_AND_PHOTOS_END_RE = re.compile(r"\s+(?:文\s*[/／、]\s*[图圖]|[图圖]\s*[/／、]\s*文)\s*$")
_AUTHOR_CUE_RE = re.compile(rf"{_CUE}|^(?:文|作者|撰文|执笔|執筆)\s*[/／:：|｜]")
_INLINE_RE = re.compile(rf"[（(]\s*({_CUE}[^（）()摄攝]{{2,40}}?)\s*[）)]")
_DISPATCH_RE = re.compile(r"\s*(?:本报讯|本报[^\s，,。（(]{1,12}电|新华社[^\s，,。（(]{1,12}电)")
_EDITOR_WORDS = ("责任编辑", "責任編輯", "值班编辑", "编辑", "編輯", "校对", "审核", "审校", "编审")
_EDITOR_RE = re.compile(r"^[（(【\[]?\s*(?:" + "|".join(_EDITOR_WORDS) + ")")
#: The labels that end a byline's authors (作者：… 责任编辑：…).
_EDITOR_LABELS = frozenset((*_EDITOR_WORDS, "责编"))
_BRACKETS = "（）()【】[]"


@functools.lru_cache(maxsize=1)
def _surname_initials() -> frozenset[str]:
    """First characters of the surnames in the rule data (kg/data/surnames.txt): a
    cue-less line of names is a byline only if every name starts with one."""
    from .resources import DATA_DIR, _read_words

    return frozenset(w[0] for w in _read_words(DATA_DIR / "surnames.txt"))


#: Titles of a page's boxes that look like a byline's cue and a name (记者手记, 【链接】).
_BOX_TITLES = frozenset("手记 链接 相关链接 编后 编者按 短评 点评 述评 评论 观察 背景 延伸阅读 采访手记 记者手记".split())


def _names(chunk: str) -> list[str]:
    """The names in ``chunk`` with cue words dropped; [] unless all tokens are names."""
    names = []
    for token in re.split(r"[\s、，,/／:：|｜]+", chunk.strip(_BRACKETS + " □■●◆▲")):
        if token in _EDITOR_LABELS:
            break  # 作者：周晓燕 楼佳琪 责任编辑：陈思远: the editors are no authors
        token = _ROLE_RE.sub("", token)  # 本报记者张三, 光明日报记者 -> 张三, ""
        if token in _BOX_TITLES:
            return []  # ■记者手记, 【链接】: the title of a box, not a byline
        if not token or token in _CUE_WORDS:
            continue
        if not re.fullmatch(rf"[{_HAN}]{{2,4}}", token):
            return []
        names.append(token)
    return names


def photo_credits(line: str) -> tuple[str, ...]:
    """Photographers credited in a caption or paragraph (``摄/汪新``, ``记者 张三 摄``).

    >>> photo_credits("开展廉洁主题教育 摄/汪新")
    ('汪新',)
    >>> photo_credits("图为生产车间。\u3000孙亮摄（中经视觉）")
    ('孙亮',)
    >>> photo_credits("工人正在捞纸。\u3000本报通讯员\u3000汪\u3000卉\u3000摄")
    ('汪卉',)
    """
    found: list[str] = []
    line = _SPACED_NAME_RE.sub(r"\1\2", line)  # 汪　卉: a two-character name spaced out
    for regex in (_PHOTO_AFTER_RE, _PHOTO_BEFORE_RE):
        for m in regex.finditer(line):
            found += _names(m.group(1))
    return tuple(dict.fromkeys(found))


#: A two-character name written with a full-width space between its characters, as 人民日报
#: and other papers set them to the width of three (本报记者　汪　卉): one character, the space,
#: one character, each with no Chinese character on its other side.
_SPACED_NAME_RE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])\u3000([\u4e00-\u9fff])(?![\u4e00-\u9fff])")


def _cut(s: str, m: re.Match[str]) -> str:
    return s[: m.start()] + " " + s[m.end() :]


def parse_byline(line: str) -> Byline | None:
    """Read a whole line as a byline, or None when it is anything else.

    >>> parse_byline("王静 刘廷 图片除署名外由南川区委宣传部提供")
    Byline(authors=('王静', '刘廷'), photographers=(), photo_source='南川区委宣传部', cued=True)
    """
    s = _strip(line)
    if not s or len(s) > 60 or _FINAL_RE.search(s) or _EDITOR_RE.match(s):
        return None
    both = _TEXT_AND_PHOTOS_RE.match(s) or _TEXT_AND_PHOTOS_END_RE.search(s)
    if both:  # 文/图 王五, 记者 王静 文/图: the author took the photographs too
        s = "文/" + s[both.end() :] if both.start() == 0 else s[: both.start()]
    source = None
    if m := _PHOTO_SOURCE_RE.search(s):
        source, s = m.group(1), _cut(s, m)
    photographers = photo_credits(s)
    for regex in (_PHOTO_AFTER_RE, _PHOTO_BEFORE_RE):
        s = regex.sub(" ", s)
    core = _strip(s)
    bracketed = bool(re.fullmatch(r"[（(【\[].*[）)】\]]", core))
    core = _strip(core.strip(_BRACKETS))
    authors = _names(core) if core else []
    if (core and not authors) or not (authors or photographers or source):
        return None
    cued = bool(_AUTHOR_CUE_RE.search(core) or bracketed or source or photographers)
    if not cued and not all(n[0] in _surname_initials() for n in authors):
        return None
    if both:
        photographers = tuple(dict.fromkeys([*photographers, *authors]))
    return Byline(tuple(authors), photographers, source, cued)


def _credits(lines: list[str]) -> tuple[list[str], list[str], str | None, set[int]]:
    """Authors, photographers, photo source and the indexes of author byline lines."""
    authors: list[str] = []
    photographers: list[str] = []
    source, byline_rows, last = None, set(), len(lines) - 1
    for i, line in enumerate(lines):
        photographers += photo_credits(line)
        if _SOURCE_RE.search(line) and len(line) < 80:
            continue  # 来源：… 作者：…: read by _head_lines already
        b = parse_byline(line)
        if b and (b.cued or (i >= last - 1 and len(b.authors) >= 2)):
            authors += b.authors
            source = source or b.photo_source
            byline_rows |= {i} if b.authors else set()
        elif i < 3 or i >= last - 1 or _DISPATCH_RE.match(line):
            # (a page of short items: each 本报讯（记者 罗斌）… names its reporters)
            for m in _INLINE_RE.finditer(line):
                authors += _names(m.group(1))
    return list(dict.fromkeys(authors)), list(dict.fromkeys(photographers)), source, byline_rows


def _is_caption(line: str) -> bool:
    return (len(line) < 40 and not _FINAL_RE.search(line)) or bool(photo_credits(line))


def _captions(lines: list[str], byline_rows: set[int]) -> list[str]:
    """The short lines before the first real paragraph (author bylines excluded)."""
    captions = []
    for i, line in enumerate(lines):
        if not _is_caption(line):
            break
        if i not in byline_rows:
            captions.append(line)
    return captions


# --------------------------------------------------------------------------- e-paper pages

_NEWSPAPER_ORDER = ("copyright", "citation", "papers", "dateline", "masthead", "publisher")


def _pick(hits: list[tuple[_Hit, int, str]], field: str) -> tuple[_Hit, int, str] | None:
    """The hit that decides ``field``: newspapers by source priority, else the first."""
    found = [h for h in hits if h[0].field == field]
    if field == "newspaper":
        found.sort(key=lambda h: _NEWSPAPER_ORDER.index(h[0].source))
    return found[0] if found else None


def _masthead(lines: list[tuple[int, str]]) -> tuple[int, tuple[frozenset[str], list[_Hit]]] | None:
    """``四川日报`` alone on the first line, the date or the edition on the next: the
    paper's masthead, not the article's title (offset of the line, its hits).  ``lines``:
    the first two lines that are not blank."""
    if len(lines) < 2:
        return None
    (offset, line), (_, following) = lines[0], lines[1]
    name = _strip(line)
    found = _classify(following)
    if len(name) > 10 or not _PAPER_RE.fullmatch(name) or found is None or not (
        found[0] & {"date", "edition"}
    ):
        return None
    start = line.index(name)
    return offset, (frozenset({"masthead"}), [_Hit("newspaper", name, start, start + len(name), "masthead")])


def parse_epaper(raw: str, article_id: str, path: str | None = None) -> Article:
    """Parse an e-paper page saved as text: body without furniture, plus metadata.

    ``meta_spans`` locate the newspaper, publisher, date, edition and section in
    ``raw`` (``raw[start:end] == value`` except for the date, whose span is the
    date as written).
    """
    title, content, hits = "", [], []
    masthead = _masthead(list(islice(((o, line) for o, line in _lines(raw) if _strip(line)), 2)))
    for offset, line in _lines(raw):
        text = _strip(line)
        found = _classify(line) if text else None
        if masthead is not None and offset == masthead[0]:
            found = masthead[1]
        if found is not None:
            hits += [(h, offset, text) for h in found[1]]
        elif text and not title:
            title = text
        elif text and not _same(text, title):
            content.append(text)
    spans = [
        _meta_span(c)
        for f in ("newspaper", "publisher", "date", "edition", "section")
        if (c := _pick(hits, f))
    ]
    meta = {s.field: s.value for s in spans}
    authors, photographers, source, byline_rows = _credits(content)
    edition = meta.get("edition")
    digits = re.sub(r"\D", "", edition or "")
    return Article(
        id=article_id,
        text="\n".join([title, *content] if title else content),
        title=title,
        date=meta.get("date"),
        newspaper=meta.get("newspaper"),
        publisher=meta.get("publisher"),
        edition=edition,
        page=int(digits) if digits else None,
        section=meta.get("section"),
        authors=tuple(authors),
        photographers=tuple(photographers),
        photo_source=source,
        captions=tuple(_captions(content, byline_rows)),
        path=path,
        meta_spans=tuple(spans),
    )


def _meta_span(chosen: tuple[_Hit, int, str]) -> MetaSpan:
    hit, offset, line = chosen
    return MetaSpan(hit.field, hit.value, line, offset + hit.start, offset + hit.end)


_SITE_FURNITURE_RE = re.compile(
    r"ICP备|公网安备|网站标识码|版权所有|Copyright|©|技术支持[:：]|^\s*(?:主办|承办|协办)[:：]|邮编[:：]|"
    r"^\s*地址[:：]|^\s*(?:网站地图|联系我们|关于我们)|^\s*(?:打印|关闭|分享到)"
)
#: A WeChat public account's page as copied: its prompts and buttons, and the line under
#: the title (原创 李思雨 武侯组工 2023-11-08 18:30 发表于四川: author, account, date).
_WECHAT_FURNITURE_RE = re.compile(
    r"^\s*(?:点击(?:上方)?蓝字\s*关注我们|阅读原文|(?:分享|收藏|点赞|在看|赞)(?:\s+(?:分享|收藏|点赞|在看|赞))+"
    r"|长按(?:识别)?二维码\s*关注我们|微信扫一扫|关注该公众号|微信扫一扫\s*关注该公众号)\s*$"
)
_WECHAT_META_RE = re.compile(
    r"^(?:原创\s+)?(?:(?P<author>[\u4e00-\u9fff]{2,4})\s+)?(?P<account>[^\s\d:：]{2,20})\s+"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2})?(?:\s+发表于\S{1,8})?\s*$"
)
_SOURCE_RE = re.compile(r"(?:来源|稿源|出处|来自)\s*[:：]\s*([^\s\d　]{2,20})")
_SIZE_BUTTONS_RE = re.compile(
    r"(?:[【\[]?\s*字[号体]\s*[:：]?)?\s*[【\[]?大[】\]]?\s+[【\[]?中[】\]]?\s+[【\[]?小[】\]]?\s*[】\]]?\s*$"
)
_TITLE_SITE_RE = re.compile(
    r"^(.+?)\s*(?:_|｜|\||-|—|－)\s*([^_｜|\-—－]{2,20}?(?:网|报|台|频道|新闻|日报|政府|门户网站))\s*$"
)
_AUTHOR_FIELD_RE = re.compile(
    r"(?:作者|记者|撰稿)\s*[:：]\s*((?:[\u4e00-\u9fff·]{2,4}[\s、，,]*){1,4})"
)


def _head_lines(lines: list[str]) -> tuple[list[str], dict]:
    """Read the lines under a title that belong to the page as much as to the article:
    ``发布时间：2023-10-17 09:32 来源：县融媒体中心 作者：李娜 牛晓东 浏览次数：1268`` gives
    the source, the date and the authors, and stays in the text as
    ``来源：县融媒体中心 作者：李娜 牛晓东`` (the evidence of those facts); counters,
    font-size buttons, 责任编辑 and the site's footer lines are dropped.  Returns the
    remaining lines and what was read (keys: source, date, authors)."""
    meta: dict = {"authors": []}
    out = []
    for i, line in enumerate(lines):
        if _EDITOR_RE.match(line) or (len(line) < 100 and _SITE_FURNITURE_RE.search(line)):
            continue  # 责任编辑, ICP备案, 主办/承办, 地址/邮编: the site's, not the article's
        m = _SOURCE_RE.search(line) if i < 12 and len(line) < 120 else None
        if m is None or (
            m.start() and not re.search(r"(?:发布时间|时间|日期)\s*[:：]|\d{4}", line[: m.start()])
        ):
            out.append(line)
            continue
        meta.setdefault("source", m.group(1))
        if d := _DATE_RE.search(line):
            meta.setdefault("date", _iso_from_match(d))
        line = re.sub(r"(?:浏览|阅读|点击)(?:次数|量)?\s*[:：]?\s*\d*", " ", line)  # (浏览次数：<script>)
        line = _SIZE_BUTTONS_RE.sub("", line)
        line = re.sub(
            r"(?:发布时间|时间|日期)?\s*[:：]?\s*"
            + _DATE_TEXT
            + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?",
            " ",
            line,
        )
        if a := _AUTHOR_FIELD_RE.search(line):  # 作者：李娜 牛晓东
            meta["authors"] += _names(a.group(1))
        else:
            rest = line[m.end() :]
            if (b := parse_byline(rest)) is not None:  # 来源：江城新闻网 记者 周洁 通讯员 韩雪
                meta["authors"] += list(b.authors)
        kept = " ".join(line.split())
        if kept:
            out.append(kept)
    return out, meta


_DATE_TEXT = r"\d{2,4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"


_PAPER_HEADER_RE = re.compile(
    r"^(?P<paper>[\u4e00-\u9fff]{2,10}(?:日报|晚报|报|时报))\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"(?:\s*星期.)?(?:\s*(?P<edition>(?:第\s*|[A-Z])0*(?P<page>\d+)\s*版))?(?:\s*[:：]?\s*(?P<section>\S{2,20}))?\s*$"
)


#: A news story's opening dateline naming its paper (香港文匯報訊, 大众日报讯; not 本报讯).
_PAPER_DATELINE_RE = re.compile(r"^(?![本])([\u4e00-\u9fff]{2,12}?[报報])[讯訊]")


def _plain_article(raw: str, article_id: str, path: str | None) -> Article:
    """A plain text article: the first line is its title when it reads like one; a
    paper's header line before it (大众日报 2024年04月23日 第07版 市县观察), or the same on
    up to four lines, gives the newspaper, date, page and section."""
    lines = [t for t in map(_strip, raw.splitlines()) if t and not _WECHAT_FURNITURE_RE.match(t)]
    wechat = next(
        (k for k, t in enumerate(lines[:4]) if k and _WECHAT_META_RE.match(t) and _is_title(lines[k - 1])), None
    )
    account = None
    if wechat is not None:  # the title, then 原创 AUTHOR ACCOUNT DATE: the account publishes it
        account = _WECHAT_META_RE.match(lines[wechat])
        lines = lines[wechat - 1 :]
    header = None
    for k in (4, 3, 2, 1):  # (南方日报 / 2023年10月11日 星期三 / A06版 / 百千万工程·清远观察: one per line)
        if len(lines) > k and (k == 1 or all(len(t) <= 20 for t in lines[:k])):
            header = _PAPER_HEADER_RE.match(" ".join(lines[:k]))
            if header:
                lines = lines[k:]
                break
    title = lines[0] if lines and _is_title(lines[0]) else ""
    body = [t for t in lines[1 if title else 0 :] if not _same(t, title)]
    body, meta = _head_lines(body)
    authors, photographers, source, _ = _credits(body)
    if header:
        meta.setdefault("date", _iso_date(re.sub(r"\s", "", header["date"])))
        meta["source"] = header["paper"]
    if account is not None:
        meta["source"] = account["account"]
        meta.setdefault("date", _iso_date(account["date"]))
        if account["author"]:
            meta["authors"].insert(0, account["author"])
    if not meta.get("source"):  # 香港文匯報訊（記者 李嘉欣）: the paper's own dateline
        paper = next((m.group(1) for t in body[:3] if (m := _PAPER_DATELINE_RE.match(t))), None)
        if paper is not None:
            meta["source"] = paper
    return Article(
        id=article_id,
        text="\n".join([title, *body] if title else body),
        title=title,
        date=meta.get("date"),
        edition=header["edition"].replace(" ", "") if header and header["edition"] else None,
        page=int(header["page"]) if header and header["page"] else None,
        section=header["section"] if header else None,
        newspaper=meta.get("source"),
        authors=tuple(dict.fromkeys([*meta["authors"], *authors])),
        photographers=tuple(photographers),
        photo_source=source,
        path=path,
    )


# --------------------------------------------------------------------------- HTML

_HTML_SKIP = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "template",
     "iframe", "svg", "button", "select", "textarea"}
)  # fmt: skip
_HTML_BLOCK = frozenset(
    {"p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
     "dt", "dd", "tr", "td", "th", "table", "section", "article", "main", "blockquote",
     "pre", "figure", "figcaption", "address", "center", "title", "body"}
)  # fmt: skip
_CJK_BREAK_RE = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\f\v]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])"
)


def _collapse(parts: list[str]) -> str:
    return _strip(_SPACE_RE.sub(" ", _CJK_BREAK_RE.sub("", "".join(parts))))


class _HTMLText(HTMLParser):
    """Collects the title and the paragraphs of the visible main text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.main = 0
        self.where: str | None = None  # "title" or "h1" while inside one
        self.title: list[str] = []
        self.h1: list[str] = []
        self.buffer: list[str] = []
        self.paragraphs: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_SKIP:
            self.skip += 1
        elif not self.skip:
            if tag in _HTML_BLOCK:
                self._flush()
            if tag in ("main", "article"):
                self.main += 1
            if tag == "title" or (tag == "h1" and not self.h1):
                self.where = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HTML_BLOCK and not self.skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
        elif not self.skip:
            if tag in _HTML_BLOCK:
                self._flush()
            if tag in ("main", "article") and self.main:
                self.main -= 1
            if tag == self.where:
                self.where = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.where == "title":
            self.title.append(data)
            return
        if self.where == "h1":
            self.h1.append(data)
        self.buffer.append(data)

    def _flush(self) -> None:
        text = _collapse(self.buffer)
        if text:
            self.paragraphs.append((text, self.main > 0))
        self.buffer = []


def _html_article(raw: str, article_id: str, path: str | None) -> Article:
    """An HTML page's main text: title from ``<title>`` or the first ``<h1>``."""
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    parser._flush()
    title = _collapse(parser.title) or _collapse(parser.h1)
    site = None
    while m := _TITLE_SITE_RE.match(title):  # …“家门口”_江城新闻网, …致富路_市县新闻_广西新闻网
        title, site = m.group(1), site or m.group(2)
    while m := re.match(r"^(.+?)\s*[_｜|]\s*[^_｜|]{2,8}$", title):  # …致富路_市县新闻: a section
        title = m.group(1)
    main = [t for t, in_main in parser.paragraphs if in_main]
    lines = main or [t for t, _ in parser.paragraphs]
    again = next((k for k, t in enumerate(lines) if title and _same(t, title)), None)
    if again is not None and again < 15:
        lines = lines[again + 1 :]  # menus and breadcrumbs come before the title's repeat
    body = [t for t in lines if not _same(t, title)]
    if not title and not body:
        raise IngestError("no text in the HTML page")
    body, meta = _head_lines(body)
    authors, photographers, source, _ = _credits(body)
    return Article(
        id=article_id,
        text="\n".join([title, *body] if title else body),
        title=title,
        date=meta.get("date"),
        newspaper=site or meta.get("source"),  # published on the site; 来源 is where it came from
        source=meta.get("source"),
        authors=tuple(dict.fromkeys([*meta["authors"], *authors])),
        photographers=tuple(photographers),
        photo_source=source,
        path=path,
    )


# --------------------------------------------------------------------------- JSON records

_PLACEHOLDERS = frozenset({"undefined", "null", "none", "nan", "n/a", "-"})


def _text_field(value: object) -> str:
    """A record's string field, stripped; "" for non-strings and placeholders (``undefined``)."""
    text = _strip(value) if isinstance(value, str) else ""
    return "" if text.lower() in _PLACEHOLDERS else text


#: A record's fields under the names news sites and scrapers give them, first found wins.
_TEXT_KEYS = ("text", "content", "body", "article", "正文", "内容")
_TITLE_KEYS = ("title", "headline", "标题")
_SUBTITLE_KEYS = ("subtitle", "subTitle", "sub_title", "副标题")
_DATE_KEYS = ("date", "pubDate", "pub_date", "publishDate", "publish_date", "publishTime", "publish_time",
              "published", "datetime", "time", "日期", "发布时间")  # fmt: skip
_URL_KEYS = ("url", "link", "shareUrl", "share_url", "链接")


def _field(record: dict, keys: tuple[str, ...]) -> object:
    """The first of ``keys`` that ``record`` has (None when it has none)."""
    return next((record[k] for k in keys if k in record), None)


#: A text field that holds markup (news apps keep ``<p>…</p>`` in ``content``).
_MARKUP_RE = re.compile(r"</?(?:p|br|div|span|section|strong|img|h[1-6])\b[^<>]*>", re.I)


def _field_lines(text: str) -> list[str]:
    """A text field's paragraphs: its lines, or the blocks of the HTML it holds."""
    if _MARKUP_RE.search(text):
        parser = _HTMLText()
        parser.feed(text)
        parser.close()
        parser._flush()
        return [t for t, _ in parser.paragraphs]
    return [t for t in map(_strip, text.splitlines()) if t]


def _record_article(record: object, default_id: str, path: str) -> Article:
    """An article from one JSON record; ValueError names what is missing."""
    if not isinstance(record, dict):
        raise ValueError(f"record is a JSON {type(record).__name__}, not an object")
    body = _field_lines(_text_field(_field(record, _TEXT_KEYS)))
    if not _LETTER_RE.search(" ".join(body)):
        raise ValueError("record has no usable 'text' (or 'content', 'body')")
    title = _text_field(_field(record, _TITLE_KEYS))
    if title and _same(body[0], title):
        body = body[1:]
    subtitle = _text_field(_field(record, _SUBTITLE_KEYS))
    if subtitle and not (body and _same(body[0], subtitle)):
        body.insert(0, subtitle)  # the deck under the title is read as well
    edition = re.search(r"(?:第\s*|\b[A-Z])0*(\d{1,3})\s*版", _text_field(record.get("edition")) or "")
    rid = record.get("id")
    written = record.get("authors", record.get("author"))  # "吴晓辉 周敏", ["吴晓辉", "周敏"]
    outlet = _text_field(record.get("newspaper")) or _text_field(record.get("source"))
    section = None
    if m := re.fullmatch(r"(.{2,12}?)\s*[-－—–]\s*(.{2,12}(?:频道|版|栏目))", outlet.strip()):
        outlet, section = m.group(1), m.group(2)  # 人民网-江西频道: the outlet and its channel
    if isinstance(written, list):
        written = " ".join(str(a) for a in written if isinstance(a, str))
    # a caption's credit in the first or last lines (…制作奶豆腐。　记者　苏日娜　摄)
    photographers = [n for line in (body[:2] + body[2:][-3:]) if "摄" in line for n in photo_credits(line)]
    return Article(
        id=default_id if rid is None or str(rid).strip() == "" else str(rid),
        text="\n".join([title, *body] if title else body),
        title=title,
        date=_iso_date(_field(record, _DATE_KEYS)),
        authors=tuple(_names(written)) if isinstance(written, str) else (),
        photographers=tuple(dict.fromkeys(photographers)),
        source=_text_field(record.get("source")) or None,
        newspaper=_outlet(outlet),
        section=section,
        edition=_SPACE_RE.sub("", edition.group(0)) if edition else None,
        page=int(edition.group(1)) if edition else None,
        url=_text_field(_field(record, _URL_KEYS)) or None,
        path=path,
    )


def _outlet(name: str) -> str | None:
    """A record's ``source``/``newspaper`` as an outlet name (新闻联播, 央视网), or None."""
    name = name.strip()
    return (
        name
        if 2 <= len(name) <= 20 and re.search(r"[\u4e00-\u9fff]", name) and "http" not in name
        else None
    )


def _records(doc: object) -> list[object]:
    """The records of a JSON document: a list, one object, or a wrapped list."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict) and not any(k in doc for k in _TEXT_KEYS):
        for key in ("articles", "records", "items", "data", "news"):
            if isinstance(doc.get(key), list):
                return doc[key]
    return [doc]


def _open(path: Path) -> io.BufferedIOBase:
    """``path`` opened for reading bytes, gunzipped when its name ends in ``.gz``."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _read_bytes(path: Path) -> bytes:
    with _open(path) as fh:
        data = fh.read()
    if not data:
        raise IngestError("empty file", path)
    return data


def _read_text(path: Path) -> str:
    try:
        text, _ = decode_bytes(_read_bytes(path))
    except IngestError as exc:
        raise IngestError(exc.reason, path) from None
    if not _strip(text):
        raise IngestError("empty file (whitespace only)", path)
    return text


def _utf8_streamable(path: Path) -> bool:
    """Whether a JSON Lines file can be read line by line as UTF-8."""
    with _open(path) as fh:
        head = fh.read(1 << 16)
    if not head:
        raise IngestError("empty file", path)
    if b"\x00" in head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """``(line_number, text)``; text is None for a line that is not UTF-8."""
    if not _utf8_streamable(path):
        yield from enumerate(_read_text(path).split("\n"), 1)
        return
    with _open(path) as fh:
        for number, data in enumerate(fh, 1):
            try:
                yield number, data.decode("utf-8").lstrip("\ufeff")
            except UnicodeDecodeError:
                yield number, None


def _jsonl_articles(path: Path, rel: str, report: OnSkip) -> Iterator[Article]:
    count = 0
    for number, line in _jsonl_lines(path):
        if line is not None and not line.strip():
            continue
        count += 1
        try:
            if line is None:
                raise ValueError("line is not valid UTF-8")
            yield _record_article(json.loads(line), f"{rel}#{number}", rel)
        except json.JSONDecodeError as exc:
            report(
                Skipped(
                    str(path),
                    f"{path}: line {number}: invalid JSON: {exc.msg} (column {exc.colno})",
                    number,
                )
            )
        except ValueError as exc:
            report(Skipped(str(path), f"{path}: line {number}: {exc}", number))
    if not count:
        raise IngestError("empty file (no records)", path)


def _json_articles(path: Path, rel: str, report: OnSkip) -> Iterator[Article]:
    text = _read_text(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise IngestError(
                f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path
            ) from None
        yield from _jsonl_articles(path, rel, report)  # JSON Lines saved as .json
        return
    records = _records(doc)
    if isinstance(doc, dict) and records == [doc]:
        yield _record_or_raise(doc, rel, path)
        return
    for number, record in enumerate(records, 1):
        try:
            yield _record_article(record, f"{rel}#{number}", rel)
        except ValueError as exc:
            report(Skipped(str(path), f"{path}: record {number}: {exc}", number))


def _record_or_raise(record: object, rel: str, path: Path) -> Article:
    try:
        return _record_article(record, rel, rel)
    except ValueError as exc:
        raise IngestError(str(exc), path) from None


# --------------------------------------------------------------------------- files and folders

_SKIP_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .ico .svg .heic .pdf .zip .rar .7z .tar .tgz"
    " .bz2 .xz .zst .exe .dll .so .dylib .o .a .bin .iso .dmg .mp3 .mp4 .m4a .wav .avi .mov"
    " .mkv .flac .ogg .webm .doc .docx .xls .xlsx .ppt .pptx .odt .ods .woff .woff2 .ttf"
    " .otf .eot .pyc .class .jar .db .sqlite .pkl .npy .npz .parquet .h5".split()
)
_TEXT_SUFFIXES = frozenset(".txt .text .md .json .jsonl .html .htm .xhtml".split())


def _kind(path: Path) -> str:
    """``jsonl``, ``json``, ``html`` or ``text`` from the name (``.gz`` looked through)."""
    name = path.name.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    return {".json": "json", ".html": "html", ".htm": "html", ".xhtml": "html"}.get(suffix, "text")


def _not_text(path: Path) -> str | None:
    """Why ``path`` is obviously not a text file, else None."""
    name = path.name.lower()
    suffix = os.path.splitext(name)[1]
    if suffix == ".gz":
        inner = os.path.splitext(name.removesuffix(".gz"))[1]
        return None if inner in _TEXT_SUFFIXES or inner == ".ndjson" else "compressed archive"
    return f"not a text file ({suffix})" if suffix in _SKIP_SUFFIXES else None


def _relpath(path: Path, root: Path) -> str:
    rel = os.path.relpath(path, root)
    return Path(path.name if rel.startswith("..") else rel).as_posix()


def _read(path: Path, root: Path, report: OnSkip) -> Iterator[Article]:
    rel, kind = _relpath(path, root), _kind(path)
    if kind == "jsonl":
        yield from _jsonl_articles(path, rel, report)
    elif kind == "json":
        yield from _json_articles(path, rel, report)
    else:
        raw = _read_text(path)
        if kind == "html":
            article = _html_article(raw, rel, rel)
        elif looks_like_epaper(raw):
            article = parse_epaper(raw, rel, rel)
        else:
            article = _plain_article(raw, rel, rel)
        if not article.text:
            raise IngestError("no article text (page furniture only)", path)
        yield article


def read_path(
    path: str | os.PathLike[str],
    root: str | os.PathLike[str] | None = None,
    *,
    on_skip: OnSkip | None = None,
) -> list[Article]:
    """The articles of one file; ids are relative to ``root`` (default: the file's folder).

    Raises :class:`IngestError` for unreadable, binary, undecodable or empty
    files.  Broken records of a JSON file go to ``on_skip`` (one that has only
    broken records raises).
    """
    file = Path(path)
    skipped: list[Skipped] = []

    def report(skip: Skipped) -> None:
        skipped.append(skip)
        if on_skip is not None:
            on_skip(skip)

    if not file.is_file():
        raise IngestError("a folder, not a file" if file.is_dir() else "no such file", file)
    try:
        articles = list(_read(file, file.parent if root is None else Path(root), report))
    except IngestError as exc:
        raise exc if exc.path else IngestError(exc.reason, file) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"cannot read: {exc}", file) from None
    if not articles and skipped:
        raise IngestError(
            f"no usable records ({len(skipped)} skipped; first: {skipped[0].reason})", file
        )
    return articles


def _files(
    given: Path, report: OnSkip, exclude: frozenset[Path] = frozenset()
) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for a file or every visible file under a folder, sorted; folders
    in ``exclude`` (resolved paths) are not entered."""
    if given.is_file():
        yield given, given.parent
        return
    if not given.is_dir():
        report(Skipped(str(given), f"{given}: no such file or directory"))
        return

    def unreadable(exc: OSError) -> None:
        report(Skipped(str(exc.filename), f"{exc.filename}: cannot read: {exc.strerror}"))

    found = []
    for folder, dirs, names in os.walk(given, onerror=unreadable):
        dirs[:] = [
            d for d in dirs if not d.startswith(".") and Path(folder, d).resolve() not in exclude
        ]
        found += [Path(folder, n) for n in names if not n.startswith(".")]
    for file in sorted(found, key=lambda p: _relpath(p, given)):
        yield file, given


def _safe_read(file: Path, root: Path, report: OnSkip) -> Iterator[Article]:
    """:func:`_read` with every problem turned into a :class:`Skipped`."""
    why = _not_text(file)
    if why:
        report(Skipped(str(file), f"{file}: {why}"))
        return
    try:
        yield from _read(file, root, report)
    except IngestError as exc:
        report(Skipped(str(file), str(exc) if exc.path else f"{file}: {exc.reason}"))
    except (OSError, EOFError, zlib.error) as exc:
        report(Skipped(str(file), f"{file}: cannot read: {exc}"))
    except Exception as exc:  # bad input must never stop the walk
        report(Skipped(str(file), f"{file}: unexpected {type(exc).__name__}: {exc}"))


def iter_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    on_skip: OnSkip | None = None,
    on_article: Callable[[Article], object] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Article]:
    """Articles of files and folders (recursive, sorted, hidden entries ignored).

    Folders in ``exclude`` are not read: a build leaves out its own output folder when
    that folder is inside the input.

    Problems are passed to ``on_skip`` as :class:`Skipped` and the walk goes on;
    a later article whose id was already seen is skipped too.
    """
    report: OnSkip = on_skip or (lambda skip: None)
    seen: set[str] = set()
    for file, root in input_files(paths, on_skip=report, exclude=exclude):
        for article in read_file(file, root, report):
            if article.id in seen:
                report(duplicate(file, article.id))
                continue
            seen.add(article.id)
            if on_article is not None:
                on_article(article)
            yield article


def input_files(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    on_skip: OnSkip | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for every file :func:`iter_articles` reads, in its order (``root``:
    the folder the articles' paths are relative to)."""
    report: OnSkip = on_skip or (lambda skip: None)
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    skip_dirs = frozenset(Path(d).resolve() for d in exclude)
    for given in paths:
        yield from _files(Path(given), report, skip_dirs)


def read_file(file: Path, root: Path, on_skip: OnSkip) -> Iterator[Article]:
    """The articles of one file of :func:`input_files`; problems go to ``on_skip``."""
    yield from _safe_read(file, root, on_skip)


def duplicate(file: Path, article_id: str) -> Skipped:
    """What :func:`iter_articles` reports for an article whose id came earlier."""
    return Skipped(str(file), f"{file}: duplicate article id {article_id!r}")

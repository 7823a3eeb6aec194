"""Shared pieces of the recognisers: character classes, the token-or-mention
:class:`_Piece`, and the helpers every recogniser uses to judge a word."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import count, repeat
from operator import add, attrgetter, itemgetter
from typing import NamedTuple

import ahocorasick

from .model import Mention, mention_order
from .resources import Rules
from .segment import Segmenter, Token

__all__ = ["RuleBase", "is_han", "occurrences", "QUOTE_RE"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_ALL_HAN = re.compile(r"^[\u3400-\u9fff]+$")
#: A name in single quotation marks (also inside a double-quoted speech: ‘一企一专员’).
_SINGLE_QUOTE = r"‘([^‘’“”\n]{1,20})’"
QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|" + _SINGLE_QUOTE)
SINGLE_QUOTE_RE = re.compile(_SINGLE_QUOTE)
_SENT_PUNCT = set("，。！？；：,.!?;:…")
#: Counties' short names that are words of their own (滨海湿地: coastal; 牡丹: a peony; 两江四岸:
#: two rivers): never a place alone.
_WORD_SHORTS = frozenset(("滨海", "牡丹", "两江"))
#: Verbs and verbal nouns that name what a memorial remembers (南湖|革命|纪念馆, 南昌|起义|纪念馆,
#: 红军|会师|旧址): part of its name.
_MEMORIAL_WORDS = frozenset(("革命", "起义", "会师", "抗战", "解放", "战役", "暴动", "长征"))
_STOP_TAGS = {"v", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "m", "mq",
              "q", "y", "e", "o", "x", "f", "ad", "vd", "vn", "a", "i", "l", "t", "tg", "d", "z",
              "h", "k", "b", "dg", "ag", "vg", "an", "df", "rg", "yg", "mg"}  # fmt: skip
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "ng"}
_FUNCTION_CHARS = set(
    "的了在和与及或是为把被将对从到向于由等就都也又还而并之其这那个些各每该本要能可应需不"
)
_FUNCTION_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "m", "mq", "q", "f",
                  "y", "e", "o", "d", "ad", "vd", "t", "x"}  # fmt: skip
_KINSHIP = {
    "叔",
    "姨",
    "伯",
    "婶",
    "哥",
    "姐",
    "嫂",
    "爷",
    "奶",
    "妈",
    "爸",
    "总",
    "老",
    "工",
    "师",
    "某",
    "家",
    "氏",
    "们",
    "老太",
    "老汉",
    "老伯",
    "大爷",
    "大妈",
    "大娘",
    "大姐",
    "大哥",
    "阿姨",
    "师傅",
    "婆婆",
    "奶奶",
    "爷爷",
    "大伯",
    "大叔",
    "大婶",
    "大嫂",
    "阿婆",
    "阿公",
    "老奶奶",
    "老爷爷",
    "老大爷",
    "老太太",
}
_PREP = set("距离自据按经随沿朝往至驻像")
_GAP_BREAKERS = set(
    "的了在和与及或是为把被将对从到向于由等这那个些各每该也还就又再才要能可应需不"
)  # not 都/之/其: 四都乡; 不: 小病不出|村 is a saying, not a village
_VERBISH = set("到来去给让在从向往至是有把被对为以进入回驻返做")
#: Verbs that name a body's field of work (投资促进中心, 智能制造研究院, 第三巡察组).
_FIELD_VERBS = frozenset(
    "投资 促进 服务 管理 发展 保护 监测 推广 交易 指挥 制造 执法 救助 治理 监督 检验 检测 调解 培训 "
    "孵化 运载 巡察 监察 规划 设计 改革 保障 应急 评估 认证 储备 开发 创新 研究 教育 招商 融资 "
    "担保 调度 控制 预防 救援 防治 协调 仲裁 鉴定 勘察 测绘 咨询 流通 营销 传播 出版 加工 "
    "旅游 生产 销售 经营 种植 养殖 物流 振兴 体育 考古 保育 养老 托育".split()
)
#: A manner or a title named after a model (枫桥式公安派出所, 法国式大学): no body's own name.
_AFTER_A_MODEL = re.compile("[\u4e00-\u9fff]{2}式")
_COMMON_FREQ = 3000  # a dictionary noun more frequent than this is a common word, not a name
_PROG_GAP = re.compile(
    r"^(?:的|了|起|出|好|上|[0-9０-９一二三四五六七八九十百千万余多]+[个项家名批支所场次座条]?|一系列|系列|新|首个|一批|一个)?$"
)
_FORMULA = re.compile(r"[0-9０-９NnXx]+[名个户位家条项]|[+＋].*[+＋].*[+＋]")


_START = attrgetter("start")
#: A token's or a piece's text, start and end (tuple items: C loops with ``map``).
_TEXT_OF, _START_OF, _END_OF = itemgetter(0), itemgetter(1), itemgetter(2)
_NO_MENTION = (None,)


def by_start(items: list[Token]) -> dict[int, Token]:
    """``{t.start: t for t in items}``, built by C loops.

    >>> by_start([Token("李", 0, 1, "", 0), Token("说", 1, 2, "v", 9)])[1].text
    '说'
    """
    return dict(zip(map(_START_OF, items), items, strict=True))


def index_by_end(items: list) -> dict[int, int]:
    """``{t.end: i for i, t in enumerate(items)}`` (the last wins), built by C loops.

    >>> index_by_end([Token("李", 0, 1, "", 0), Token("说", 1, 2, "v", 9)])
    {1: 0, 2: 1}
    """
    return dict(zip(map(_END_OF, items), count()))


class Memo(dict):
    """A dict that works out a missing key's value with ``fn`` and remembers it, so that
    ``map(memo.__getitem__, keys)`` asks ``fn`` once per key (a C loop after that).

    >>> m = Memo(len); list(map(m.__getitem__, ["ab", "c", "ab"])), m
    ([2, 1, 2], {'ab': 2, 'c': 1})
    """

    __slots__ = ("fn",)

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        value = self[key] = self.fn(key)
        return value


def trie_pattern(words: Iterable[str]) -> str:
    """A regex that matches what ``"|".join(map(re.escape, sorted(words, key=len,
    reverse=True)))`` matches (the longest word at each place), as a trie of the words:
    at each character the regex engine follows one branch instead of trying every word.

    >>> p = re.compile(trie_pattern(["书记", "书记员", "记者", "村支书"]))
    >>> [m.group() for m in p.finditer("村支书记者和书记员、书记")]
    ['村支书', '记者', '书记员', '书记']
    """
    trie: dict = {}
    for w in words:
        if not w:
            raise ValueError("trie_pattern: an empty word matches everywhere")
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # a word ends here: go on if the text does (greedy ?), else stop here
        return f"(?:{body})?" if "" in node else body

    return pattern(trie) or "(?!)"


def _as_pieces(tokens: list[Token]) -> list[_Piece]:
    """``[_Piece(*t, None) for t in tokens]``, built by C loops."""
    return list(map(tuple.__new__, repeat(_Piece), map(add, tokens, repeat(_NO_MENTION))))


def is_han(s: str) -> bool:
    return bool(_ALL_HAN.match(s))


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, non-overlapping, left to right: the starts of
    ``re.finditer(re.escape(word), text)``, found faster.

    >>> occurrences("老李说李李", "李李"), occurrences("ab", "")
    ([3], [0, 1, 2])
    """
    if not word:
        return list(range(len(text) + 1))
    out = []
    k = text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + len(word))
    return out


class _Piece(NamedTuple):
    """A token, or a place mention taken whole, in left-to-right order."""

    text: str
    start: int
    end: int
    tag: str
    freq: int
    mention: Mention | None = None


def _automaton(words) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for w in words:
        if w:
            a.add_word(w, w)
    a.make_automaton()
    return a


class RuleBase:
    """What the recognisers share: the rule data and the word tests."""

    rules: Rules
    seg: Segmenter

    def _short_ok(self, short: str) -> bool:
        """May a short admin name (南川, 大连) stand for the place on its own?"""
        if short in self.generic or short in _WORD_SHORTS:
            return False
        tag, freq = self.seg.tag(short), self.seg.freq(short)
        if any(p.level != "county" for p in self.rules.admin_short[short]):
            return not (
                tag in _STOP_TAGS and freq >= 300
            )  # 大连, 拉萨: cities are known by short names
        return tag == "ns" or freq == 0 or (freq < 300 and tag not in _STOP_TAGS)

    def _nameish(self, p: _Piece) -> bool:
        """May this piece be part of a name (before a suffix)?"""
        if p.mention is not None:
            return True
        if re.fullmatch(r"第[一二三四五六七八九十]{1,3}", p.text):
            return True  # 第一中学, 第三人民医院
        if len(p.text) == 1 and p.text in _PREP:
            return False  # 距 + 报德村
        if not is_han(p.text) or p.text.startswith(self._determiner_prefixes):
            return False
        if (
            p.tag in ("", "l")
            and len(p.text) > 1
            and (
                any(c in _VERBISH for c in p.text[1:])
                or p.text[0] in "要能可应需也还都就又再才刚至驻经由往及和与或选做同跟"
            )
        ):
            return False  # 兰到, 专程来, 及省: a made-up word (or idiom) that swallowed a verb
        if p.tag[:1] == "v" and len(p.text) == 2 and p.text[1] in "下上起出进到好完过住":
            return False  # 租下|古镇, 建起|广场: a verb and its complement
        if p.tag not in _STOP_TAGS or p.text in _MEMORIAL_WORDS:
            return not (len(p.text) == 1 and p.text in _FUNCTION_CHARS)
        return p.freq < 20 and not any(c in _FUNCTION_CHARS for c in p.text)

    def _common_word(self, p: _Piece) -> bool:
        """Is a whole token that ends in a suffix an ordinary word (乡村, 城镇, 上山)?"""
        if p.text in self.generic:
            return True
        if not p.tag or not p.freq:
            return False
        if p.tag in _NAME_TAGS:
            return p.freq >= 1000
        return p.freq >= 300

    def _specific(self, pieces: list[_Piece]) -> bool:
        """Does a stem hold a name (not only common nouns)?"""
        for p in pieces:
            if p.mention is not None or p.tag == "" or p.tag in _NAME_TAGS or p.freq < _COMMON_FREQ:
                if p.text not in self.generic:
                    return True
        return False

    @staticmethod
    def _pieces(tokens: list[Token], mentions: list[Mention]) -> list[_Piece]:
        """Tokens, with each mention taken as one piece (tokens split at its edges).

        The tokens follow each other and the mentions do not overlap, so the tokens a
        mention touches are found by bisection; the others become pieces whole, in a
        comprehension."""
        cuts = sorted(mentions, key=_START)
        n = len(cuts)
        if not cuts:
            return _as_pieces(tokens)
        starts, ends = list(map(_START_OF, tokens)), list(map(_END_OF, tokens))
        touched = sorted(
            {
                k
                for m in cuts
                for k in range(bisect_right(ends, m.start), bisect_left(starts, m.end))
            }
        )
        out: list[_Piece] = []
        i = done = 0
        for k in touched:
            out += _as_pieces(tokens[done:k])
            done = k + 1
            tok = tokens[k]
            s = tok.start
            while s < tok.end:
                while i < n and cuts[i].end <= s:
                    i += 1
                m = cuts[i] if i < n else None
                if m is not None and m.start <= s < m.end:
                    if not out or out[-1].mention is not m:
                        out.append(
                            _Piece(
                                m.text, m.start, m.end, "nr" if m.type == "Person" else "ns", 0, m
                            )
                        )
                    s = m.end
                    continue
                e = tok.end if m is None or m.start >= tok.end else m.start
                whole = s == tok.start and e == tok.end
                out.append(_Piece(tok.text[s - tok.start : e - tok.start], s, e,
                                  tok.tag if whole else "", tok.freq if whole else 0))  # fmt: skip
                s = e
        out += _as_pieces(tokens[done:])
        return out


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, then the earliest."""
    chosen: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect_left(spans, (m.start, m.start))
        if (i > 0 and spans[i - 1][1] > m.start) or (i < len(spans) and spans[i][0] < m.end):
            continue
        spans.insert(i, (m.start, m.end))
        chosen.append(m)
    return sorted(chosen, key=mention_order)

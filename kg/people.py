"""People: a post or role word and a name (第一书记韩楚), speakers (X 说), lists, posts and
honorifics after a name, objects of verbs that take a person, foreign names, bylines,
and every repeat of a found name; kinship address (老李) as an alias."""

from __future__ import annotations

import re
from functools import cached_property
from itertools import compress, count

from .model import Article, Mention
from .rulebase import (
    _END_OF,
    _FUNCTION_CHARS,
    _FUNCTION_TAGS,
    _HAN,
    _KINSHIP,
    _TEXT_OF,
    RuleBase,
    by_start,
    is_han,
    occurrences,
)
from .segment import Token

__all__ = ["PeopleRules"]


_KIN_AFTER = frozenset("叔姨伯婶哥姐嫂爷奶")
#: Last characters of the names of birds, fish and plants, which a list of names has not.
_SPECIES_ENDS = frozenset("鹳鹭莺鸭鹅鸡虾蟹菜稻麦")
#: Words before a place's name that a name does not follow (首都罗安达).
_PLACE_HEADS = ("首都", "首府", "省会", "港口城市", "城市", "小镇", "县城", "古城")
#: Words that are no given name after a surname's character (单周|新冠).
_NOT_GIVEN = frozenset(("新冠", "疫情", "肺炎"))
#: Verbs of holding a post (李明是重庆市委书记, 王建国现任…局长).
_POST_VERBS = frozenset(("担任", "现任", "出任", "是", "系"))
#: What PeopleRules._context_class says of a text that passed name_at's test.
_NAME_SHAPED = 1


def _kinship_starts(text: str, surname: str) -> list[int]:
    """Starts of 老李 and 李叔 (two characters each), non-overlapping, left to right: the
    starts of ``re.finditer(f"老{surname}|{surname}[叔姨伯婶哥姐嫂爷奶]", text)`` for a
    surname of one character, found faster.

    >>> _kinship_starts("老李和李叔、李姐", "李")
    [0, 3, 6]
    """
    starts = []
    k = text.find(surname)
    while k >= 0:
        if k and text[k - 1] == "老":
            starts.append(k - 1)
        if text[k + 1 : k + 2] in _KIN_AFTER:
            starts.append(k)
        k = text.find(surname, k + 1)
    out, pos = [], 0
    for k in sorted(set(starts)):
        if k >= pos:
            out.append(k)
            pos = k + 2
    return out


#: Surnames that, before a verb, are far more often an adverb or a conjunction (曾 回信,
#: 时 摧毁, 常 来): a given name made of a verb does not follow them.
_ADVERB_SURNAMES = frozenset("曾时常全同先后正再才刚即仍亦已总均共只便边")


#: Ends of abstract nouns that jieba's dictionary may tag as names (高端化, 幸福感), and
#: that no name in a list of names ends with (吴邦国、戴秉国 end with characters of
#: ordinary words too: the longer list of ``nonname_finals`` would drop them).
_ABSTRACT_FINALS = frozenset("化性感率度型式类")


#: A name of two or three characters that opens the title, or a part of it after its column's
#: 【…】 or a space, and a colon (【…】路生梅：扎根黄土高原 潘从明：守正创新).
_HEADING_NAME = re.compile(r"(?:^|】|[ \u3000])([\u4e00-\u9fff]{2,3})：")
#: Time words that follow a name opening a clause (李国兵|去年|添置了烘干机).
_TIME_AFTER_NAME = frozenset(("去年", "今年", "前年", "当年", "如今", "此前", "近年来", "早在", "从小", "一直"))
#: Verbs of speech that jieba may glue to a name's last character (李|明说, 时称).
_SPEECH_CHARS = "说称讲道问"
#: Characters of Uyghur names that are not among the transliteration characters (they are
#: common words' too), read only next to a middle dot.
_UYGHUR_CHARS = "不则卜吾夏外如守敏洪玉甫都满"
#: What follows a Mongolian or Tibetan word that names a place or a body, not a person
#: (巴音|胡舒嘎查, 乌兰|牧骑, 查干|淖尔).
_NOT_AFTER_A_NAME = ("嘎查", "苏木", "淖尔", "牧骑", "浩特", "村", "镇", "乡", "旗", "盟", "市", "县", "区", "湖", "河", "山",
                     "草原", "寺", "庙", "花", "沟", "郭勒", "诺尔", "公司", "合作社")  # fmt: skip
#: What opens a clause before a speaker's name.
_CLAUSE_OPENERS = frozenset("”。，！？；：\n 　,!?;:")
#: A title after a name that says it is one (黄润秋常委, 刘家强委员, 王建平同志), what stands
#: before such a name (the start of a clause or a list), and surnames that are as often a
#: preposition before a title's holder (向全馆同志: to them, not a name).
_TITLE_AFTER_NAME = re.compile("常委|委员|同志")
_BEFORE_A_TITLED_NAME = frozenset("，。；：、！？\n“（(")
_PREPOSITION_SURNAMES = frozenset("向和与同对给跟把被为从在将让由")
#: Where a person stands in a photo, after the name in its caption: 张建国(右), 李明（左二）.
_CAPTION_SIDE = re.compile("[（(][左右][一二三四五六七八九]?[)）]")
#: An age before a name (80多岁的|夏春生老人, 67岁的|普汝明是), and what may follow such a name:
#: punctuation, a word of address or a verb that opens what the person did.
_AGE = re.compile(r"(?:\d+|[一二三四五六七八九十百两]+)多?岁的")
_AFTER_AN_AGED_NAME = (
    "，", "。", "、", "；", "：", "（", "老人", "爷爷", "奶奶", "大爷", "大妈", "阿姨", "老汉", "老伯", "婆婆",
    "是", "说", "表示", "告诉", "介绍", "在", "和", "与", "已", "已经", "也", "今年", "每天", "曾", "刚", "从",
    "带", "把", "被", "家", "一家", "老两口", "夫妇", "正在", "仍", "依然", "还", "便", "就", "第一次", "终于",
)  # fmt: skip

#: One-character short names of countries before 方 (中方, 马方 = Malaysia's side).
_SIDES = frozenset("中美俄英法德日韩朝马泰越印巴以伊沙埃乌土澳加菲柬老缅蒙哈吉塔叙黎约卢孟莫汤毛罗古智秘阿斯尼")
#: What follows such a side in a sentence (马方愿, 卢方以, 莫方用).
_SIDE_VERBS = frozenset("愿以用视将对也同与和在是为把称表认希感高赞支欢致坚")

#: Common Japanese surnames of two characters (首相高市早苗, 外相茂木敏充).
_JP_SURNAMES = frozenset(
    "安倍 岸田 高市 石破 茂木 上川 岩屋 野田 福田 鸠山 麻生 小泉 河野 加藤 松野 浜田 小池 玉城 "
    "铃木 田中 山口 佐藤 渡边 伊藤 中村 小林 山本 吉田 山田 松本 井上 木村 清水 池田 桥本 石原 "
    "前原 枝野 二阶 甘利 西村 高村 志位 冈田 宫泽 细川 村山 海部 竹下 羽田 林田 斋藤 中谷 木原 "
    "赤泽 武藤 小野田 片山".split()
)

#: Last characters of places named after a family (陆家嘴, 于家堡, 杨家岭, 向家坝).
_LANDFORMS = frozenset("嘴堡湾坝沟庄寨岭坪沱岩坡屯营峪洼垭塆冲")

#: Characters before 月 that make a month or a time (本月, 五月), not a given name (明月).
_MONTH_HEADS = frozenset("本上下这今去每当正腊元一二三四五六七八九十同次前")
#: Measure words: after a verb they are no given name (修条路, 买个房).
_MEASURE_CHARS = frozenset("条个只件张把座间棵头匹")

#: What one does *to* someone (向观众介绍, 向烈士敬献): after 向 and a word, 向 is a preposition.
_TOLD_VERBS = ("介绍", "讲解", "讲述", "说明", "汇报", "致", "敬献", "发出", "表示", "学习", "颁发", "赠送",
               "捐赠", "提出", "通报", "宣讲", "展示", "报告", "传达", "推荐", "问好", "请教", "求助")  # fmt: skip

#: Words ending like a job (…长, …员, …师) that are none (延长|商超营业时间).
_NOT_JOBS = frozenset(
    "延长 增长 成长 生长 擅长 助长 拉长 加长 见长 消长 滋长 疯长 专长 特长 漫长 冗长 狭长 细长 "
    "修长 深长 悠长 动员 充员 满员 减员 裁员 扩员 全员 京师 誓师 出师 班师 会师 兴师 人员".split()
)

#: What follows the verb 作 (作了说明, 作报告) after a name.
_ZUO_OBJECTS = ("了", "报告", "说明", "讲话", "发言", "总结", "部署", "重要讲话", "工作报告", "批示", "关于",
                "交流", "表态", "典型", "专题", "辅导", "动员", "安排", "汇报", "点评", "指示", "述职", "的")

#: Spaces that stand between a byline's role and names (记者 王静 刘廷).
_SPACES = (" ", "\u3000", "\xa0")

#: Single characters that end an unknown word jieba made of a name's last character and
#: the word after it (黄信|敬则|透露, 刘海|生曾|明确表示): adverbs that come before a verb.
_ADVERB_TAILS = frozenset("则曾也就都还亦便即又将正已均仍才再")

#: An age right before a name (55岁的|潘阿各).
_AGE_BEFORE = re.compile(r"(?<![\d.])(?:[1-9]\d?|1\d\d|[一二三四五六七八九十]{1,3})岁的")

#: Single characters that, standing alone after a two-character name, are not its third
#: character (主任王刚|来|了, 村民王华|家, 记者张强|摄).
_NOT_NAME_TAILS = frozenset("们家摄笑看想问答谈去来到说称讲道等在和与把被给让叫带领同跟向对为是有")

#: Address words after a surname: 陈女士 and 施先生 are no names (see ANNOTATION: forms of
#: address used alone are not persons).
_ADDRESS = frozenset(("女士", "先生", "小姐", "太太", "夫人", "老师", "同学", "姑娘", "小伙"))

#: What may follow a name jieba cut after its second character (种植大户谭家|兵|的, 村民黄玉|芬|把).
_AFTER_A_CUT_NAME = frozenset(("的", "，", "。", "、", "；", "：", "是", "把", "将", "也", "还", "就", "又", "都", "正", "被", "给"))
#: A list's item of a name's length, closed by the list's next mark or the clause's end.
_LIST_ITEM = re.compile("[\u4e00-\u9fff]{2,3}(?=[、，。；和等也及与])")
#: … and what may follow a name whose last character jieba cut off (孙述|涛|等).
_AFTER_A_CUT_LAST = _AFTER_A_CUT_NAME | {"等", "和", "说"}
#: Tags of a lone character that is not a name's last one (verbs, particles, numbers …).
_LONE_TAGS = frozenset(("v", "vd", "vg", "p", "c", "u", "uj", "ul", "uz", "d", "r", "m", "q", "y", "e"))


def _all_in(text: str, chars: frozenset[str] | set[str]) -> bool:
    return all(c in chars for c in text)


class PeopleRules(RuleBase):
    """Recognisers of people (a mixin of :class:`kg.rules.Recognizer`)."""

    # -- 4. people -------------------------------------------------------------------

    def name_at(
        self,
        text: str,
        pos: int,
        tok_at: dict[int, Token],
        cued: bool = False,
        split: bool = False,
    ) -> int | None:
        """End of a personal name starting at ``pos``, or None.

        ``cued``: a post or role word stands right before (书记周建国), so a given
        name may be an ordinary word (建国, 德福). ``split``: the cue starts a word, so a
        word that holds its last character and the surname may be split (副署|长孙|寿山)."""
        if pos >= len(text):
            return None
        if cued and text[pos : pos + 2] in self.clan_names and is_han(text[pos : pos + 4]) and (
            pos + 4 in tok_at or pos + 4 == len(text) or not _HAN.match(text[pos + 4]) or text[pos + 4] == "说"
        ) and not any(c in _FUNCTION_CHARS or c in _SPEECH_CHARS for c in text[pos + 2 : pos + 4]) and not (
            self.seg.freq(text[pos + 2 : pos + 4]) >= 100  # (吉尔|表示: a word, not a given name)
        ):
            return pos + 4  # 书记吉克阿呷, 村民沙马拉且: a Yi clan name and a given name
        if cued and text[pos : pos + 2] in self._minority_heads:
            end = self.minority_name_end(text, pos, tok_at)
            if end is not None and (end - pos >= 3 or text[pos] not in self.surnames or text[end : end + 1] in _SPEECH_CHARS):
                return end  # 书记其木格, 牧民巴图孟和, 管护员才让多杰: no surname opens them
        sl = (
            2
            if text[pos : pos + 2] in self.compound_surnames
            else 1
            if text[pos] in self.surnames
            else 0
        )
        if not sl:
            tok = tok_at.get(pos)
            nxt = tok_at.get(tok.end) if tok is not None else None
            if (
                cued and nxt is not None and nxt.text in self.speech
                and len(tok.text) == 3 and tok.freq == 0 and not tok.tag and is_han(tok.text)
                and not any(c in _FUNCTION_CHARS or c in _SPEECH_CHARS for c in tok.text)
            ):  # fmt: skip
                return tok.end  # 部长怀进鹏表示: a rare surname, a word jieba does not know, a speech verb
            return None
        tok = tok_at.get(pos)
        if tok is None and split:
            # 副署|长孙|寿山: jieba glued the post's last character to the surname; the
            # rest of that word stands for a token of its own
            cover = tok_at.get(pos - 1)
            if cover is not None and cover.end == pos + sl:
                tok = Token(text[pos : cover.end], pos, cover.end, "", 0)
        end = None
        if tok is not None:
            n = len(tok.text)
            if sl + 1 <= n <= sl + 2 and is_han(tok.text):
                nxt = tok_at.get(tok.end)
                if (
                    tok.freq == 0
                    or tok.tag.startswith("nr")
                    or (cued and tok.freq < 20 and tok.tag not in ("v", "a", "ad", "an"))
                ):
                    end = (
                        tok.end
                    )  # (楼栋长)何国|强是: a rare word after a post may be a name's head
                elif (
                    cued
                    and nxt is not None
                    and (nxt.text in self.speech or nxt.text in ("）", ")", "报道"))  # 记者江建国报道
                    and tok.tag not in ("v", "p", "c", "r", "d")
                    and (tok.freq < 1000 or text[pos] in self.common_surnames)  # 企业家|代表团|出席
                ):  # （记者马力）: a byline's name that is also a word
                    end = (
                        tok.end
                    )  # 总经理万里告诉记者: a post, a name that is also a word, a speech verb
                elif (
                    cued and n == sl + 1 and nxt is not None and len(nxt.text) == 2 and nxt.freq == 0
                    and nxt.text[1] in "是说家" and nxt.text[0] not in _FUNCTION_CHARS and _HAN.match(nxt.text[0])
                ):  # fmt: skip
                    end = tok.end + 1  # 退休教师周长|清是: jieba read 周长 as a word and glued 是 to the name's end
                else:
                    return None
            elif n == sl:
                nxt = tok_at.get(tok.end)
                if (
                    nxt is not None
                    and 1 <= len(nxt.text) <= 2
                    and is_han(nxt.text)
                    and (
                        nxt.freq == 0
                        or nxt.tag.startswith("nr")
                        or (nxt.tag in ("ng", "nz", "n") and nxt.freq < 500)
                        or (len(nxt.text) == 1 and nxt.text not in _FUNCTION_CHARS)
                        or (  # 部长李|明清: a given name jieba reads as a period of time
                            cued and nxt.tag == "t" and len(nxt.text) == 2 and nxt.freq < 5000
                            and (
                                not nxt.text.endswith(("天", "日", "年", "月", "前", "后", "时", "晚", "早"))
                                or (nxt.text[1] == "月" and nxt.text[0] not in _MONTH_HEADS)  # 站长覃|明月
                            )
                        )
                        or (
                            cued
                            and nxt.tag in ("ns", "nz", "n", "nt", "s", "j", "a", "an", "b", "z")
                            and nxt.text[-1] not in _FUNCTION_CHARS
                            # 观察员|国|地位: a rare surname and a very common word make no name
                            and (nxt.freq < 5000 or text[pos] in self.common_surnames)
                            and nxt.text not in self.org_suffixes  # 村民|宿|协会: a body's suffix
                            and nxt.text not in self._cue_words  # 传承人|向|学员: a role, not a name
                            and not nxt.text.endswith("员")
                        )
                        or (  # 种粮大户王|丰收, 院士胡|自强: a given name that is a rarer verb
                            cued
                            and nxt.tag in ("v", "vn")
                            and len(nxt.text) == 2
                            and nxt.freq < 2000
                            and nxt.text[-1] not in _FUNCTION_CHARS
                            and nxt.text[-1] not in _SPEECH_CHARS  # 张|明说: the verb is glued on
                            and text[pos] not in _ADVERB_SURNAMES  # 总书记|曾|回信
                            # 院士|南|繁育|种: the verb ends in a word with what follows (育种)
                            and self.seg.freq(text[nxt.end - 1 : nxt.end + 1]) < 100
                        )
                        or (  # 第一书记何|立新: after a post, a given name jieba reads as a rare adverb
                            cued
                            and nxt.tag == "d"
                            and len(nxt.text) == 2
                            and nxt.freq < 100
                            and nxt.text[-1] not in _FUNCTION_CHARS
                        )
                        or (  # 校长马建设说, 董事长周立新告诉: a post, a name that is a word, a speech verb
                            cued
                            and nxt.tag not in ("p", "c", "u", "uj", "ul", "r", "m", "q", "x")
                            and tok_at.get(nxt.end) is not None
                            and tok_at[nxt.end].text in self.speech
                        )
                    )
                ):
                    end = nxt.end
                elif (
                    nxt is not None
                    and len(nxt.text) == 2
                    and nxt.text[1] in _SPEECH_CHARS
                    and is_han(nxt.text)
                ):
                    end = nxt.start + 1  # 李|明说: jieba glued the verb to the given name
                elif (
                    cued
                    and nxt is not None
                    and len(nxt.text) == 3
                    and nxt.freq == 0
                    and nxt.text[2] in _SPEECH_CHARS
                    and is_han(nxt.text)
                    and not any(c in _FUNCTION_CHARS for c in nxt.text[:2])
                ):
                    end = nxt.start + 2  # 书记向|明华说: a surname jieba read as a preposition
            elif n > sl + 2 and tok.freq == 0 and is_han(tok.text[: sl + 2]):
                # 韩楚与: a made-up word running past the name; cut before a function word
                for k in (sl + 2, sl + 1):
                    if (
                        text[pos + k] in _FUNCTION_CHARS or text[pos + k] in "家说笑称"
                    ) and k >= sl + 1:
                        end = pos + k
                        break
        if end is not None and end - pos == sl + 1 and tok is not None and tok.end == end and tok.freq == 0:
            nxt = tok_at.get(end)
            if (
                nxt is not None
                and len(nxt.text) == 2
                and nxt.text[1] == "说"  # (not 韩正|访问)
                and is_han(nxt.text)
                and nxt.text[0] not in _FUNCTION_CHARS
                and nxt.text[0] not in "直再才却只总常据听来"
            ):
                return end + 1  # 周德|明说: a made-up word, and jieba glued the verb to the name's end
        if cued and end is not None and end - pos == sl + 1 and tok is not None and tok.end == end and (
            tok.freq == 0 or tok.tag.startswith("nr")
        ):
            nxt = tok_at.get(end)
            if nxt is not None and 2 <= len(nxt.text) <= 3 and is_han(nxt.text) and nxt.text[0] not in _FUNCTION_CHARS \
                    and not _all_in(text[pos : end + 2], self.translit) and not nxt.tag.startswith("nr") \
                    and nxt.text[0] not in _NOT_NAME_TAILS and (
                    self.seg.tag(nxt.text[0]) not in _LONE_TAGS or (nxt.text[1] == "家" and nxt.freq == 0)
                ) and (
                (len(nxt.text) == 2 and nxt.freq < 50 and self.seg.tag(nxt.text[1]) in ("v", "vg"))
                or (len(nxt.text) == 2 and nxt.text[1] == "家" and nxt.freq < 500)
                or (len(nxt.text) == 3 and nxt.freq == 0 and self.seg.tag(nxt.text[1]) in ("v", "vg"))
                or (  # 志愿者李子|墨正带|着: the name's last character, an adverb and a verb
                    len(nxt.text) == 3 and nxt.freq == 0 and nxt.text[1] in _ADVERB_TAILS
                    and self.seg.tag(nxt.text[2]) in ("v", "vg")
                )
            ):  # fmt: skip
                return end + 1  # 退休教师王德|贵站|了起来, 村民刘国|富家|的, 老人李素|珍拉着: jieba glued the
                # name's last character to the verb or the word after it (not a foreign name: 哈维|斯托)
        if end is not None and end - pos == sl + 1:
            one, after = tok_at.get(end), None
            if (
                one is not None
                and len(one.text) == 1
                and is_han(one.text)
                and (one.text not in _FUNCTION_CHARS or one.text == "和")
            ):
                after = tok_at.get(one.end)
            if after is not None and (
                after.text in self.speech
                or after.text.startswith(self._speech_heads)  # 刘国|中|出席会议
                or (after.text == "、" and one.text != "和" and tok is not None and tok.freq == 0)
                or (  # 种植大户谭家|兵|的: after a role, a surname's word jieba knows and a character
                    cued
                    and tok is not None
                    and (tok.tag.startswith("nr") or (tok.freq == 0 and after.text in ("笑", "说")))  # 陈月|娥|笑
                    and len(tok.text) == sl + 1
                    and one.text not in _FUNCTION_CHARS
                    and one.text not in _NOT_NAME_TAILS
                    and self.seg.tag(one.text) not in _LONE_TAGS
                    and (
                        after.text in _AFTER_A_CUT_NAME  # 民宿主人朱德|兵|是, 村民黄玉|芬|把
                        or after.text in ("笑", "说")  # 村民陈月|娥|笑着说
                        or (len(after.text) >= 2 and is_han(after.text) and after.tag[:1] in ("t", "d", "r", "p", "v"))
                        # 返乡青年李鹏|飞|办起: a verb after the name's last character
                    )  # 志愿者…、陈家|明|每周都来
                )
                or (  # 主席万|鄂|湘|、: after a post, three characters jieba left alone
                    cued
                    and tok is not None
                    and len(tok.text) == sl
                    and one.text not in _FUNCTION_CHARS
                    and one.text not in _NOT_NAME_TAILS
                    and (
                        after.text in ("、", "，", "。", "；")
                        or (  # 村支书于|殿|红|专门邀请: … before a word, the last no verb or adverb
                            len(after.text) >= 2
                            and is_han(after.text)
                            and after.freq > 0
                            and self.seg.tag(one.text) not in _LONE_TAGS
                            and self.seg.tag(nxt.text) not in _LONE_TAGS
                        )
                    )
                )
                or (  # 记者蒋悦|飞|）, 总经理王以|卓|郑重宣读: after a post, a name jieba
                    # does not know, and a character that is no verb, particle or word of
                    # its own before punctuation or a word
                    cued
                    and tok is not None
                    and tok.freq == 0
                    and one.text not in _NOT_NAME_TAILS
                    and one.text not in _FUNCTION_CHARS
                    and (
                        (lone_tag := self.seg.tag(one.text)) not in _LONE_TAGS
                        or (lone_tag == "d" and after.text in "，。；）)！？")
                    )  # 外相林芳|正|。: an adverb's character ends a name before punctuation
                    and (
                        after.text in "，。；）)：！？"
                        or after.text in _SPACES
                        or (len(after.text) >= 2 and is_han(after.text))
                    )
                )
            ):  # 林知|远|介绍, 刘国|中|、, 罗应|和|介绍 (和 before a verb joins nothing)
                end = one.end  # the last character of the name stood alone
            nxt = tok_at.get(end)
            if (
                nxt is not None
                and (  # 网格员唐小|燕都|要: a place jieba knows, or a word it does not
                    nxt.freq == 0
                    or (cued and nxt.freq < 500 and nxt.text[1:2] in _ADVERB_TAILS and tok is not None and tok.freq < 20)
                )
                and len(nxt.text) == 2
                and is_han(nxt.text)
                and (
                    self.seg.tag(nxt.text[1]) in ("v", "vg")
                    or nxt.text[1] in "说笑称讲道"
                    or nxt.text[1] in _ADVERB_TAILS  # 黄信|敬则|透露, 刘海|生曾|明确表示
                )
                and nxt.text[0] not in _FUNCTION_CHARS
            ):
                end += 1  # 叶茂|林笑着说: the last character of the name went to the verb
            elif (
                nxt is not None
                and len(nxt.text) == 3
                and nxt.text[1:] in _ADDRESS
                and nxt.text[0] not in _FUNCTION_CHARS
                and is_han(nxt.text[0])
            ):
                end += 1  # 李晓|林先生: the last character of the name went to the address
        if end is None:
            return None
        if all(c in self.translit for c in text[pos:end]):
            end = self._translit_end(text, pos, end)
        if (
            end - pos > sl + 1
            and text[end - 1] in _SPEECH_CHARS + "摄"
            and tok is not None
            and tok.freq == 0
        ):
            end -= 1  # 林晓说: jieba made one word of a name and the verb after it
        name = text[pos:end]
        spoken = cued and tok_at.get(end) is not None and (
            tok_at[end].text in self.speech or tok_at[end].text == "报道"  # 记者江建国报道
        )
        # 副校长龚育之在…: after a post, a name jieba's dictionary knows as one may hold 之
        known = cued and tok is not None and tok.end == end and tok.start == pos and tok.tag.startswith("nr") and tok.freq > 0
        if (
            # 县长罗应和介绍: a post, two characters and a speech verb make a name even of
            # function characters (应, 和), which a name has no other way to show
            (
                any(c in _FUNCTION_CHARS for c in name[sl:])
                and not (spoken and len(name) == sl + 2)
                and not (known and len(name) == sl + 2)
            )
            or name in self.generic
            or name[sl:] in _KINSHIP
            or name[sl:] in _ADDRESS
        ):
            return None
        tag = self.seg.tag(name)
        closed = cued and tok_at.get(end) is not None and tok_at[end].text in ("）", ")")
        if (
            tag
            and not tag.startswith("nr")
            and self.seg.freq(name) > 0
            and not ((spoken or closed) and tag not in _FUNCTION_TAGS - {"m"})
        ):
            return None
        if name in self.posts or name in self.roles:
            return None
        if name[0] in "边一" and name[0] in text[end : end + 12]:
            return None  # 边清理废墟，边…, 一边…一边: doing two things at once, not a name
        if len(name) == sl + 1 and name[-1] in _SPEECH_CHARS:
            return None  # 采访|时称: an adverb and a speech verb
        if len(name) == sl + 1 and name[-1] in _MEASURE_CHARS and _HAN.match(text[end : end + 1]):
            return None  # 村民|修条|路: a verb and a measure word before its noun
        if name[sl:] in self.roles or name[sl:] in self.posts:
            return None  # 游客|向记者|介绍: a preposition and a role, not 向 and a given name
        if tok is not None and tok.tag == "p" and len(tok.text) == sl and (
            (word_freq := self.seg.freq(name[sl:])) >= 5000
            or (word_freq >= 500 and text.startswith(_TOLD_VERBS, end))
        ):
            return None  # 书记|向|大家|说明, 主任|向|观众|介绍: a preposition and a common word
            # (not 村民向大军拿着, 书记向阳说: a given name that is also a word)
        return end

    @cached_property
    def _minority_lasts(self) -> frozenset[str]:
        """The last characters of the Mongolian and Tibetan name syllables."""
        return frozenset(w[-1] for w in self.minority)

    @cached_property
    def _minority_heads(self) -> frozenset[str]:
        """The first two characters of the Mongolian and Tibetan name syllables."""
        return frozenset(w[:2] for w in self.minority if len(w) >= 2)

    def minority_name_end(self, text: str, pos: int, tok_at: dict[int, Token], least: int = 1) -> int | None:
        """End of a Mongolian or Tibetan name at ``pos``: at least ``least`` of the syllables
        of ``minority_names.txt``, longest first (乌云|其其格, 才让|多杰, 阿拉坦|仓; 宝音), three
        at most, not the start of a place's or a body's name (巴音|胡舒嘎查, 乌兰|牧骑) nor
        of a longer word."""
        end = pos
        parts = 0
        while parts < 3:
            k = next((k for k in (5, 4, 3, 2, 1) if text[end : end + k] in self.minority and (k > 1 or parts)), 0)
            if not k or end + k > len(text):
                break
            end += k
            parts += 1
            if k == 1:
                break  # (a one-character syllable ends a name: 阿拉坦|仓)
        if parts < least or end - pos < 2 or text.startswith(_NOT_AFTER_A_NAME, end):
            return None
        if end < len(text) and _HAN.match(text[end]) and end not in tok_at and \
                text[end] not in _FUNCTION_CHARS and text[end] not in _SPEECH_CHARS and text[end] not in "家一等们":  # fmt: skip
            return None  # the run ends inside a word (but 乌云其其格|家的作坊)
        return end

    def _minority_speaker(self, text: str, at: int, tok_at: dict[int, Token]) -> int | None:
        """Start of a name of two or more Mongolian or Tibetan syllables that opens a clause
        and ends at ``at``, a speech verb (”索南才让说)."""
        for size in range(8, 3, -1):
            s = at - size
            if s >= 0 and (s == 0 or text[s - 1] in _CLAUSE_OPENERS) and \
                    self.minority_name_end(text, s, tok_at, least=2) == at:  # fmt: skip
                return s
        return None

    def _japanese_name_at(self, text: str, pos: int, tok_at: dict[int, Token]) -> int | None:
        """End of a Japanese name after a post (首相高市早苗, 首相岸田文雄): a common Japanese
        surname of two characters and a given name of one or two, which jieba cuts apart
        or glues to the surname's last character (岸|田文雄)."""
        if text[pos : pos + 2] not in _JP_SURNAMES:
            return None
        cut = pos + 2
        tok = tok_at.get(cut)
        if tok is None:  # 岸|田文雄: the token holding the surname's end runs into the name
            for k in (1, 2):
                t = tok_at.get(cut - k)
                if t is not None:
                    tok = Token(text[cut : t.end], cut, t.end, "", 0) if t.end > cut else None
                    break
        if tok is None or not is_han(tok.text):
            return None
        if not (1 <= len(tok.text) <= 2 or (len(tok.text) == 3 and tok.text[-1] == "郎")):
            return None  # (桥本 + 龙太郎: a given name of three characters ends in 郎)
        if tok.text in self.speech or tok.text[0] in _FUNCTION_CHARS or tok.text[-1] in _SPEECH_CHARS:
            return None
        nxt = tok_at.get(tok.end)
        if (
            len(tok.text) == 1
            and nxt is not None
            and len(nxt.text) == 2
            and nxt.text[1] in _SPEECH_CHARS
            and nxt.freq == 0
        ):
            return nxt.start + 1  # 茂木|敏|充称: the given name's last character went to the verb
        return tok.end

    def _translit_end(self, text: str, pos: int, end: int = 0, chars: frozenset[str] | None = None) -> int:
        """End of a run of transliteration characters (``chars``, default all of them) from
        ``pos`` (梅德韦杰夫, 8 at most)."""
        end = max(end, pos)
        chars = self.translit if chars is None else chars
        while end < len(text) and end - pos < 16 and text[end] in chars:
            end += 1
        while end > pos and text[end - 1] in "·‧•-－":
            end -= 1
        # 普京|顿时: the run's last character starts a common word with the next one
        while (
            end - pos > 2
            and end < len(text)
            and self.seg.freq(text[end - 1 : end + 1]) >= 1000
            and not self.seg.tag(text[pos:end]).startswith("nr")  # 特朗普|通电话, not 特朗|普通
        ):
            end -= 1
        if end - pos > 3 and text.startswith("特别", end - 2):
            end -= 2  # 马克龙|特别强调: the one common word both of whose characters are transliteration ones
        return end

    def foreign_name_at(self, text: str, pos: int) -> int | None:
        """A transliterated name right after a cue (总理内塔尼亚胡): 3-8 such characters."""
        end = self._translit_end(text, pos)
        run = text[pos:end]
        short_ok = end - pos == 2 and (
            text[end : end + 1] in tuple("说表称在与和，。、的会指强访出")
            or self.seg.freq(text[end : end + 2]) >= 1000  # 普京|提出, 普京|登上: a word follows
            or (  # 拜登|互致: jieba knows the foreign name, and no foreign piece follows
                self.seg.tag(run) == "nrt"
                and not any(c in self.translit for c in text[end : end + 2])
            )
        ) and not (  # 密切, 英明 (主席英明领导): a word of the dictionary, not a name
            self.seg.freq(run) >= 100 and self.seg.tag(run)[:2] not in ("nr", "ns")
        )
        if (end - pos < 3 and not short_ok) or self.gazetteer_word_at(text, pos):
            return None
        return end

    def _unknown_run(self, text: str, pos: int, tok_at: dict[int, Token]) -> int | None:
        """A foreign name jieba cut into odd pieces after a post (总理 + 朔 + 尔茨): short
        unknown, foreign-name or abbreviation tokens up to a verb or function word."""
        end, pieces, foreign = pos, 0, False
        while end in tok_at and pieces < 4:
            t = tok_at[end]
            if (
                not is_han(t.text)
                or len(t.text) > 3
                or t.tag not in ("", "nrt", "nr", "nrfg", "j", "ng")
                or (t.tag in ("", "j", "ng") and not self._mostly_translit(t.text))
            ):
                break  # 拜登|互致: a made-up word of other characters ends the name (济约 does not)
            foreign = foreign or t.tag == "nrt"
            end, pieces = t.end, pieces + 1
        if (
            pieces < 2
            or not foreign
            or not 2 <= end - pos <= 6
            or self.gazetteer_word_at(text, pos)
        ):
            return None
        return end

    def _mostly_translit(self, piece: str) -> bool:
        """Whether at least half of ``piece`` (all of a one-character piece) is
        transliteration characters (济约 of 米尔|济约|耶夫, not 互致 of 拜登|互致)."""
        return 2 * sum(c in self.translit for c in piece) >= max(2, len(piece))

    def _foreign_head(self, text: str, start: int, tok_end: dict[int, Token]) -> int:
        """Start of the foreign name that ends a found one at ``start``, when jieba cut its
        first part off (泽|连斯基, 彼得·|汉密尔顿): transliterated pieces before it, joined
        directly or by a middle dot, that are no place or organisation (俄罗斯|普京)."""
        for _ in range(3):
            prev = tok_end.get(start)
            if prev is not None and prev.text in ("·", "‧", "•"):
                prev = tok_end.get(prev.start)
            if (
                prev is None
                or len(prev.text) > 4
                or (prev.tag not in ("", "nr", "nrt", "nrfg") and len(prev.text) > 1)  # 佩 (zg)
                or prev.text in _FUNCTION_CHARS
                or not _all_in(prev.text, self.translit)
                or self.gazetteer_word_at(text, prev.start)
            ):
                break
            start = prev.start
        return start

    def _foreign_tail(self, text: str, end: int, tok_at: dict[int, Token]) -> int:
        """End of the foreign name whose first two characters end at ``end``: up to three
        more pieces that jieba knows as foreign names or made up of (mostly)
        transliteration characters, none the start of a place or body."""
        for _ in range(3):
            t = tok_at.get(end)
            if (
                t is None
                or not (
                    (t.tag == "nrt" and _all_in(t.text, self.translit))
                    or (t.tag == "" and len(t.text) >= 2 and self._mostly_translit(t.text))
                )
                or self.gazetteer_word_at(text, end)
            ):
                break
            end = t.end
        return end

    def gazetteer_word_at(self, text: str, pos: int) -> bool:
        return any(
            text.startswith(w, pos)
            for w in (text[pos : pos + k] for k in range(2, 8))
            if (w in self.known and self.known[w][0] != "Person") or w in self.rules.admin or w in self.rules.admin_short
        )  # (a leader the known list names is a name: 石泰峰、李干杰、…、刘金国出席)

    def people(self, text: str, tokens: list[Token], article: Article | None) -> list[Mention]:
        tok_at = by_start(tokens)
        tok_end = dict(zip(map(_END_OF, tokens), tokens, strict=True))
        found: dict[tuple[int, int], Mention] = {}

        def add(s: int, e: int, rule: str, info: str = "") -> None:
            if s and (text[s - 1].isdigit() or text[s - 1] in "百千万亿"):
                return  # 300|余人, 17|万标箱: a count, not a name
            if rule == "name-context" and (
                text.endswith(_PLACE_HEADS, 0, s)  # 首都|罗安达: a city, not a name
                or text[e - 1] in "寨制" or text[s + 1 : e] in _NOT_GIVEN  # 万家寨, 田长制, 周新冠
            ):
                return
            if e - s == 3 and text[s + 1] == "家" and text[e - 1] in _LANDFORMS \
                    and rule not in ("post", "role", "list", "byline", "photo-credit"):  # fmt: skip
                return  # 陆家嘴, 于家堡, 向家坝: a place named after a family, not a person
            if e - s == 3 and text[e - 1] == "所" and text[e : e + 1] in "绘作写画拍著撰编制说言述讲":
                e -= 1  # 画家鲁治|所绘: the particle 所 before a verb, not a name's character
            if e - s == 3 and self.known.get(text[s : s + 2], ("",))[0] == "Person" and (
                text[e - 1] in "在同和与对向说作送访等" or self.seg.freq(text[e - 1 : e + 1]) > 0
            ):  # (not 主治医生|刘鹤莺|在, 王晨阳: another name that starts with a leader's)
                e -= 1  # 诗人杜甫|寓居, 李强|调研: a figure the known list names, then a verb's character
            if e - s == 3 and text[e - 1] == "作" and text.startswith(_ZUO_OBJECTS, e):
                e -= 1  # 秘书长刘奇|作了说明: the verb 作, not a name's last character
            if e - s == 2 and text[e - 1] in "村镇乡县区省" and not self.seg.tag(text[s:e]).startswith("nr"):
                return  # 余村: a village, not a name
            if text[e - 1] in "团队" and rule not in ("byline", "photo-credit"):
                return  # 党代表|宣讲团, 顾问团, 龙舟队: a group (no given name ends in 团 or 队)
            while e - s > 2 and text[e - 1] in _ADVERB_TAILS and _all_in(text[s : e - 1], self.translit) \
                    and not text.startswith(("说", "表示", "介绍", "告诉"), e):  # fmt: skip
                e -= 1  # 卢拉|已|多次呼吁: an adverb after a foreign name (but 书记胡德才|说: a name)
            if (
                e - s >= 4
                and text[s] in "同和与跟向对给"
                and _all_in(text[s + 1 : e], self.translit)
                and not self.seg.tag(text[s:e]).startswith("nr")
            ):
                s += 1  # 习近平主席|同|朔尔茨总理: a preposition before a foreign name
            if (
                text[s + 1 : s + 2] == "方"
                and text[s] in _SIDES
                and (e - s == 2 or text[s + 2] in _SIDE_VERBS)
                and rule not in ("post", "role", "list", "byline", "photo-credit")
            ):
                return  # 马方|愿, 巴方: a country's side in talks, not a name (记者马方 is one)
            found.setdefault((s, e), Mention(s, e, text[s:e], "Person", rule, "", info))

        def listed(end: int, cue: str) -> None:
            """The names listed after the first one a cue stands before."""
            while end < len(text) and (text[end] == "、" or text[end] in _SPACES):
                # 书记李一、王二; 记者 王静 刘廷 (a byline's names, one space apart)
                nxt = self.name_at(text, end + 1, tok_at, cued=True)
                if nxt is None and text[end] == "、" and (item := _LIST_ITEM.match(text, end + 1)) \
                        and text[end + 1] in self.common_surnames and item.group(0) not in self.generic \
                        and not self.seg.freq(item.group(0)):  # fmt: skip
                    nxt = item.end()  # 委员徐坤、…、许可慰|也: a name in a list whose head is a word (许可)
                if nxt is None or (text[end] in _SPACES and not 2 <= nxt - end - 1 <= 3):
                    break
                add(end + 1, nxt, "list", cue)
                end = nxt
                if text[end : end + 1] == "和":  # 村民黄德贵、刘素芬和陈小军: the list's last name
                    last = self.name_at(text, end + 1, tok_at, cued=True)
                    if last is not None and text[last : last + 1] not in ("、", "和"):
                        add(end + 1, last, "list", cue)
                    break

        for m in self.cue_re.finditer(text):
            cue, e = m.group(0), m.end()
            if cue not in self.posts and cue not in self.roles:
                continue
            b = m.start()
            split = b in tok_at or (b and text[b - 1] in "副正总" and b - 1 in tok_at)  # 副|署长
            while text[e : e + 1] in _SPACES and e - m.end() < 2:
                e += 1  # （记者 周松）: a byline's space
            end = self._japanese_name_at(text, e, tok_at) if cue in self.posts else None
            if end is None:
                end = self.name_at(text, e, tok_at, cued=True, split=split)
            if end is None and cue in self.posts:
                end = self.foreign_name_at(text, e) or self._unknown_run(text, e, tok_at)
            elif (
                end is None and "·" in text[e : e + 8]
            ):  # 游客娜塔莎·伊万诺娃: a foreign name after a role
                end = self.foreign_name_at(text, e)
            if end is None:
                continue
            if end - e == 2 and (last := tok_at.get(end)) is not None and len(last.text) == 1 \
                    and (last.tag.startswith("nr") or last.tag == "zg") and text[end + 1 : end + 2] in _AFTER_A_CUT_LAST:  # fmt: skip
                end += 1  # 副主席孙述|涛|等, 种植户张述|彪|正: jieba cut the name's last character off
            elif end - e == 2 or (end - e == 3 and _all_in(text[e:end], self.translit)):
                # 冯德|莱恩, 米尔|济约|耶夫, 谢尔久|科夫: jieba cut a foreign name
                end = self._foreign_tail(text, end, tok_at)
            add(e, end, "post" if cue in self.posts else "role", cue)
            listed(end, cue)
        if "岁的" in text:
            for m in _AGE_BEFORE.finditer(text):  # 55岁的潘阿各, 今年36岁的李红梅: an age before a name
                end = self.name_at(text, m.end(), tok_at, cued=True)
                if end is not None and end - m.end() == 2 and text[end - 1] == "阿" and _HAN.match(text[end : end + 1]):
                    end += 1  # 55岁的潘阿各: 阿 opens a Yi given name (阿各), it ends none
                if end is not None and 2 <= end - m.end() <= 3:
                    add(m.end(), end, "role", "岁的")
        texts = list(map(_TEXT_OF, tokens))
        jobs = [t for t in tokens if t.text[-1] in "员长师"]
        for t in jobs:  # 巡河员邓平安, 楼长王强: a job word of the usual shape before a name
            if (
                2 <= len(t.text) <= 4
                and is_han(t.text)
                and t.text not in self._cue_words
                and t.text not in _NOT_JOBS  # 延长|商超营业时间: a verb, not a job
                and not (t.start and text[t.start - 1 : t.start + 1] in self.rules.admin_short)  # 大|连长|海大桥: 大连
            ):
                end = self.name_at(text, t.end, tok_at, cued=True)
                if end is not None:
                    add(t.end, end, "post" if t.text[-1] == "长" else "role", t.text)
                    if not t.text.endswith(("成员", "人员", "会员", "委员", "组员")):
                        listed(end, t.text)  # (成员贾马西、哈马斯加沙地带…: members of several bodies)
        for t in compress(
            tokens, map(self.person_verbs.__contains__, texts)
        ):  # 选派杨帆到…, 会见梅德韦杰夫: the
            end = self.name_at(text, t.end, tok_at)  # object of a verb that takes a person
            if end is not None and not text.startswith(("村", "镇", "乡", "街道", "社区"), end):
                add(t.end, end, "person-verb")  # (not 派驻|国茶|村: a village's name)
        if "岁的" in text:
            for m in _AGE.finditer(text):  # 80多岁的|夏春生老人, 67岁的|普汝明是: an age before a name
                end = self.name_at(text, m.end(), tok_at, cued=True)
                if end is not None and text.startswith(_AFTER_AN_AGED_NAME, end) and \
                        text[m.end() : end] not in self.generic and text[m.end() : end] not in self.roles:  # fmt: skip
                    add(m.end(), end, "age")
        if "委员" in text or "常委" in text or "同志" in text:
            for m in _TITLE_AFTER_NAME.finditer(text):  # ，黄润秋常委发言, 刘家强委员说: a name
                at = m.start()  # before a title, jieba's cut of it whatever (黄润|秋, 刘家|强)
                for s0 in (at - 3, at - 2):
                    name = text[s0:at]
                    if s0 < 0 or (s0 and text[s0 - 1] not in _BEFORE_A_TITLED_NAME) or \
                            name in self.generic or name in self.known or name in self.rules.admin or \
                            (self.seg.freq(name) >= 50 and not self.seg.tag(name).startswith("nr")) or \
                            self.seg.freq(name) >= 1000 or name[0] in _PREPOSITION_SURNAMES:  # fmt: skip
                        continue  # ，党委委员, /顾问委员会: a body's member; 向全馆同志: to, not a name
                    if name[0] in self.surnames and at in tok_at and is_han(name) and (
                        self.name_at(text, s0, tok_at, cued=True) == at
                        or (s0 in tok_at and not _FUNCTION_CHARS.intersection(name[1:])
                            and name[-1] not in self.nonname_finals)
                    ):  # fmt: skip
                        add(s0, at, "speaker")
                        break
        if "左" in text or "右" in text:
            for m in _CAPTION_SIDE.finditer(text):  # 张建国(右)正在调解: who is where in a photo
                at = m.start()
                for s0 in (at - 3, at - 2, at - 4):
                    if s0 < 0 or (s0 and _HAN.match(text[s0 - 1]) and s0 not in tok_at):
                        continue  # a name starts a word
                    if self.name_at(text, s0, tok_at, cued=True) == at:
                        add(s0, at, "speaker")
                        break
        if "：" in text:  # 徐利民：牢记为民宗旨: a person a heading is about, before its colon
            for m in _HEADING_NAME.finditer(text, 0, max(text.find("\n"), 0) or len(text)):
                s0, e0 = m.span(1)
                name = m.group(1)
                if (
                    (len(name) == 3 and self.seg.freq(name) == 0 and name[0] in self.surnames)
                    or (self.seg.tag(name).startswith("nr") and name[0] in self.common_surnames)
                ) and name[-1] not in self.nonname_finals \
                        and name not in self.generic and not self.gazetteer_word_at(text, s0) and (
                            self.name_at(text, s0, tok_at, cued=True) == e0
                            or (s0 in tok_at and tok_at[s0].end == e0 and len(name) == 3)  # 潘从明: 从 in a name
                            or (len(name) == 3 and name[0] in self.common_surnames and self.seg.freq(name) == 0)  # 李|胜利
                        ):  # fmt: skip
                    add(s0, e0, "speaker")
        for m in self.speech_re.finditer(text):
            if self.minority and text[m.start() - 1 : m.start()] in self._minority_lasts:
                s0 = self._minority_speaker(text, m.start(), tok_at)
                if s0 is not None:
                    add(s0, m.start(), "speaker")
                    continue
            tok = tok_end.get(m.start())
            if (
                tok is not None and len(tok.text) == 2 and tok.start >= 2 and text[tok.start - 2] in "”。，！？"
                and text[tok.start - 1] in self.common_surnames and text[tok.start - 1] not in "向于和与对把被从在将"
                and tok.tag not in ("r", "v", "vn", "p", "c", "d") and tok.text not in self.generic
            ):  # fmt: skip
                # ”周|国庆|说: a surname jieba left alone and a given name that is a word, at a
                # clause's start right before the speech verb
                if self.name_at(text, tok.start - 1, tok_at, cued=True) == tok.end:
                    add(tok.start - 1, tok.end, "speaker")
                    continue
            if tok is None or tok.text.endswith("方") or not self._name_token(text, tok, tok_at):
                continue
            if self._at_clause_start(text, tok) or (tok.start, tok.end) in found:
                add(tok.start, tok.end, "speaker")
        for i in compress(count(), map(_POST_VERBS.__contains__, texts)):
            # 李明是重庆市委书记, 王建国现任南川区教育局局长: a name, a verb of holding a post,
            # where (a run of words of no particle) and a post that ends the clause
            if not i or tokens[i - 1].end != tokens[i].start:
                continue
            tok = tokens[i - 1]
            if (
                (tok.start, tok.end) in found
                or not self._name_token(text, tok, tok_at)
                or not self._at_clause_start(text, tok)
            ):
                continue
            start = tokens[i].end
            for m in self.cue_re.finditer(text, start, min(len(text), start + 20)):
                if m.group(0) not in self.posts:
                    continue
                between = text[start : m.start()]
                if (
                    between
                    and is_han(between)
                    and not any(c in _FUNCTION_CHARS for c in between)
                    and text[m.end() : m.end() + 1] in ("", "，", "。", "；", "、", "！", "\n")
                ):
                    add(tok.start, tok.end, "post-verb", m.group(0))
                    break
        if "·" in text:
            self._dot_names(text, add)
        if "、" in text:
            self._name_lists(text, tok_at, add)
        self._context_names(text, tokens, texts, found, add)
        for (s, e), m in list(found.items()):  # 泽|连斯基, 彼得·|汉密尔顿: the whole name
            head = self._foreign_head(text, s, tok_end) if _all_in(m.text, self.translit) else s
            if head < s:
                del found[(s, e)]
                add(head, e, m.rule, m.info)
        for name in sorted({m.text for m in found.values()}):  # every repeat of a found name
            if self.seg.freq(name) >= 100 and not self.seg.tag(name).startswith("nr"):
                continue  # 高明: elsewhere it is the ordinary word
            if name in self.known or name in self.rules.admin:
                continue  # 乌克兰: a place wherever else it stands
            for k in occurrences(text, name):
                add(k, k + len(name), "repeat")
        by_surname: dict[str, set[str]] = {}
        for m in found.values():
            if len(m.text) in (2, 3) and m.text[:2] not in self.compound_surnames:
                by_surname.setdefault(m.text[0], set()).add(m.text)
        for surname, names in sorted(by_surname.items()):
            if len(names) != 1:
                continue  # 老李 is an alias only when one 李 is in the article
            (name,) = names
            for k in _kinship_starts(text, surname):
                found.setdefault(
                    (k, k + 2), Mention(k, k + 2, text[k : k + 2], "Person", "kinship", name)
                )
        if article is not None:
            for names, rule in (
                (article.authors, "byline"),
                (article.photographers, "photo-credit"),
            ):
                for name in names:
                    pos = text.rfind(name)
                    if pos >= 0:
                        add(pos, pos + len(name), rule)
        return list(found.values())

    def _dot_names(self, text: str, add) -> None:
        """Names joined by a middle dot (阿依古丽·买买提, 穆罕默德·本·萨勒曼), not a column's
        title (希望的田野上·三夏时节) or a body named after a person (约翰斯·霍普金斯大学)."""
        done = -1
        for k in (i for i, c in enumerate(text) if c == "·"):
            if k < done:
                continue  # a later part of a name already found
            head = self._dot_name_head(text, k)
            if head is None:
                continue
            chars = self._dot_chars
            end = self._translit_end(text, k + 1, chars=chars)
            while text[end : end + 1] == "·":  # 穆罕默德·本·萨勒曼
                more = self._translit_end(text, end + 1, chars=chars)
                if more == end + 1:
                    break
                end = more
            done = end
            if (
                end - k - 1 >= 2
                and 2 * sum(c in chars for c in text[k + 1 : end]) >= end - k - 1
                and (
                    not text.startswith(self._name_enders, end)  # 约翰斯·霍普金斯|大学
                    or text.startswith(("会见", "会谈", "会晤", "会同", "会上", "部长", "院长", "队长"), end)  # 塞西|会见
                )
            ):
                add(head, end, "name-context")  # 阿依古丽·买买提, 雪克来提·扎克尔

    def _name_lists(self, text: str, tok_at: dict[int, Token], add) -> None:
        """参加活动的有冉小平、谭艳和陈功: three names or more listed with 、 (the last may
        follow 和 or 及), each of a Chinese name's shape and no place's name, are people
        even with no post or role before them."""
        for m in re.finditer(r"(?:^|(?<=[有：:，,。；\s]))(?=[\u4e00-\u9fff]{2,3}、)", text):
            items, pos = [], m.start()
            while True:
                end = self.name_at(text, pos, tok_at)
                if end is None or not 2 <= end - pos <= 3 or self.gazetteer_word_at(text, pos):
                    break
                sep = text[end : end + 1]
                if sep in ("和", "及") and text[end + 1 : end + 2] == "、" and end - pos == 2:
                    end += 1  # 王东明、魏凤和、卢展工: 和 ends the name
                    sep = "、"
                items.append((pos, end))
                if sep == "、" or (sep in ("和", "及") and len(items) >= 2):
                    pos = end + 1
                    continue
                break
            if (
                len(items) >= 3
                and (items[-1][1] == len(text) or text[items[-1][1]] in "等，。；、和及同一参出")
                and not any(text[e - 1] in _SPECIES_ENDS for s, e in items)  # 白鹭、柳莺和布谷
            ):
                for s, e in items:
                    add(s, e, "list")

    @cached_property
    def _dot_chars(self) -> frozenset[str]:
        """The transliteration characters and those of Uyghur names (阿不都热合曼·吐尔逊,
        如克亚·艾则孜, 阿依努尔·吾买尔) that are also common words' (不, 都, 外, 则): in a
        name joined by a middle dot only."""
        return frozenset(self.translit | set(_UYGHUR_CHARS))

    def _dot_name_head(self, text: str, dot: int) -> int | None:
        """Start of the first part of a name joined by a middle dot at ``dot``: two to six
        transliteration characters (阿依古丽·, 夏巴兹·; not 希望的田野上·), and a
        surname's character before them after a post, a list's 、 or a clause's start
        (主席雪|克来提·扎克尔); no place's name."""
        start = dot
        while start > 0 and dot - start < 6 and text[start - 1] in self._dot_chars:
            start -= 1
        if text.endswith(("阿卜", "阿布"), 0, start):
            start -= 2  # 阿卜|杜勒马吉德·特本: an Arabic name's Abd- before six characters
        elif text.endswith("阿", 0, start) and text[start : start + 1] in ("卜", "布"):
            start -= 1  # 阿|卜杜勒法塔赫·塞西
        if dot - start < 2:
            return None
        if (
            start > 0
            and text[start - 1] in self.surnames
            and (
                start == 1
                or not is_han(text[start - 2])
                or text[start - 2] == "、"
                or text.endswith(self._post_role_tuple, 0, start - 1)
            )
        ):
            start -= 1
        return None if self.gazetteer_word_at(text, start) else start

    def _name_token(self, text: str, tok: Token, tok_at: dict[int, Token]) -> bool:
        """May ``tok``, before a speech verb or a verb of holding a post, be a name: two or
        three characters of a Chinese name's shape that jieba knows as a name or made up?"""
        return (
            2 <= len(tok.text) <= 3
            and (tok.freq == 0 or tok.tag.startswith("nr"))
            and self.name_at(text, tok.start, tok_at) == tok.end
        )

    @staticmethod
    def _at_clause_start(text: str, tok: Token) -> bool:
        """Does ``tok`` start a clause or follow a list's 、 or a conjunction?"""
        before = text[tok.start - 1] if tok.start else "。"
        return not _HAN.match(before) or before in "、和与及"

    def _run_on_name(self, tokens: list[Token], i: int) -> bool:
        """Is token ``i`` a two-character name with the next name's surname glued on, in
        names run together without 、 (蔡奇丁 + 薛祥 + 李希)?"""
        tok = tokens[i]
        if len(tok.text) != 3 or tok.freq or tok.tag or i + 2 >= len(tokens):
            return False
        nxt, after = tokens[i + 1], tokens[i + 2]
        return (
            tok.text[2] in self.surnames
            and tok.text[2] not in _FUNCTION_CHARS
            and tok.text[2] not in _ADVERB_SURNAMES
            and len(nxt.text) == 2
            and nxt.freq == 0
            and is_han(nxt.text)
            and (  # another name, or what the people listed did, follows
                after.tag.startswith("nr")
                or (after.freq == 0 and 2 <= len(after.text) <= 3 and after.text[0] in self.surnames)
                or after.text.startswith(self._speech_heads)
                or after.text in self.speech
            )
        )

    _DOCTRINES = ("理论", "思想", "主义", "精神", "同志", "诞辰", "故居", "纪念馆")
    #: A word of 2-4 characters with a dictionary frequency and none of these tags, or of
    #: another length and no doctrine word at its end, is no name in context: the other
    #: words need a closer look.
    _CONTEXT_TAGS = frozenset(("nr", "nrfg", "nrt", "ns", "nz", ""))

    def _foreign_word(self, text: str, tag: str) -> bool:
        """Is a word jieba tags as a name a foreign one: tagged so (nrt), or tagged a plain
        name and made of three or more transliteration characters not led by a surname
        (克林顿, 阿巴查; not 叶利钦, which name_at reads as a Chinese name's shape)?"""
        return tag == "nrt" or (
            tag == "nr"
            and len(text) >= 3
            and text[0] not in self.surnames
            and text[:2] not in self.compound_surnames
            and _all_in(text, self.translit)
        )

    def _context_candidates_plain(self, tokens: list[Token]) -> list[int]:
        """Indexes of the tokens :meth:`_context_names` looks at closely."""
        tags, doctrines = self._CONTEXT_TAGS, self._DOCTRINES
        return [
            i
            for i, t in enumerate(tokens)
            if (2 <= len(t.text) <= 4 and (not t.freq or t.tag in tags))
            or t.text.endswith(doctrines)
        ]

    def _context_candidates(self, texts: list[str]) -> list[int]:
        """:meth:`_context_candidates_plain` less the tokens whose own text already rules
        them out (:meth:`_context_class` says 0), found by C loops over a memo of it."""
        memo = self._context_memo
        if self._context_generation != self.seg.generation or len(memo) > 150_000:
            memo.clear()  # it asks the segmenter about words and parts of words
            self._context_generation = self.seg.generation
        return list(compress(count(), map(memo.__getitem__, texts)))

    def _context_class(self, text: str) -> int:
        """What :meth:`_context_names` may do with a token of this text (its tag and
        frequency the segmenter's, as :meth:`kg.rules.Recognizer._tokens` gives them):
        0, skip it whatever stands around it; :data:`_NAME_SHAPED`, add it or not by what
        stands around it, its name shape (the test with ``name_at``) passed; 2, look
        at everything.  The same tests in the same order as its loop."""
        tag, freq, n = self.seg.tag(text), self.seg.freq(text), len(text)
        doctrine = text.endswith(self._DOCTRINES)
        if not ((2 <= n <= 4 and (not freq or tag in self._CONTEXT_TAGS)) or doctrine):
            return 0
        if n >= 4 and doctrine:
            head = text[:-2]
            return 2 if 2 <= len(head) <= 4 and self.seg.tag(head) in ("nr", "nrfg", "nrt") else 0
        if not 2 <= n <= 4:
            return 0
        foreign = self._foreign_word(text, tag)
        surname = text[0] in self.surnames or text[:2] in self.compound_surnames
        if not (foreign or tag in ("ns", "nz", "") or surname) or not is_han(text):
            return 0
        if tag in ("ns", "nz", "") and all(c in self.translit for c in text):
            return 2  # 普京 + 总统: up to the word after it
        if not foreign:
            if not surname:
                return 0
            if text[0] in self.translit:
                return 2  # name_at reads past the token only after a transliteration character
            if self.name_at(text, 0, {0: Token(text, 0, n, tag, freq)}) != n:
                return 0
        known = tag in ("nr", "nrfg", "nrt")
        if not (known or freq == 0) or (known and n == 2 and freq >= 1000):
            return 0
        given = text[2 if text[:2] in self.compound_surnames else 1 :]
        if (
            len(given) >= 2
            and self.seg.freq(given) >= 50
            and not self.seg.tag(given).startswith("nr")
        ):
            return 0
        return _NAME_SHAPED

    def _context_names(
        self, text: str, tokens: list[Token], texts: list[str], found: dict, add
    ) -> None:
        """Names jieba knows or made up, confirmed by what stands around them:
        江泽民同志, 邓小平、江泽民, 克林顿说, 在金大中访美.

        ``texts``: the tokens' texts.  The tokens whose own text rules them out are
        skipped, and a name's shape is not tested again where its text passed the test
        (:meth:`_context_class`), unless ``self._context_fast`` is false (for tests)."""
        if self._context_fast:
            candidates, memo = self._context_candidates(texts), self._context_memo
        else:
            candidates, memo = self._context_candidates_plain(tokens), {}
        for i in candidates:
            tok = tokens[i]
            n = len(tok.text)
            if n >= 4 and tok.text.endswith(self._DOCTRINES):  # 邓小平理论, 马克思主义
                head = tok.text[:-2]
                if (
                    2 <= len(head) <= 4
                    and self.seg.tag(head) in ("nr", "nrfg", "nrt")
                    and head not in self.generic  # 崇高|精神
                    and not tok.text.endswith("主义")  # 马克思主义: a doctrine, no one named
                ):
                    add(tok.start, tok.start + len(head), "name-context")
                continue
            if not 2 <= n <= 4:
                continue
            foreign = self._foreign_word(tok.text, tok.tag)
            if not (
                foreign
                or tok.tag in ("ns", "nz", "")
                or tok.text[0] in self.surnames
                or tok.text[:2] in self.compound_surnames
            ):
                continue  # neither a foreign name, nor a word that may be one, nor a surname
            if (tok.start, tok.end) in found or not is_han(tok.text):
                continue
            if tok.text in self.after_name or tok.text in self.roles:  # (posts are among them)
                continue  # 王储, 夫人: a title or a role word, not a name
            if tok.text in self.generic:
                continue  # 龙卷风: jieba tags it a name
            if tok.text in self.known or tok.text in self.rules.admin:
                continue  # 黎巴嫩|边境: a place jieba tags as a name
            if text[max(0, tok.start - 2) : tok.start] in ("台风", "飓风"):
                continue  # 台风|杜苏芮: a storm's name
            if n == 3 and tok.text[-1] in "同和与向":
                continue  # 韩正同|新加坡…: jieba glued the name to the word after it
            if tok.text[-1] == "副" and tok.tag == "":
                continue  # 组织部|原副|部长: "former deputy" before a post, not a name
            if n == 3 and tok.text[-1] in "会委局厅署" and not foreign:
                continue  # 银监会|主席: a body's short name that jieba tags as a name
            if i and tok.tag == "" and tokens[i - 1].text.endswith("个"):
                continue  # 一个|公募|呼吁: a made-up word after a count is no name
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if (
                nxt in self.after_name
                and nxt not in self.speech
                and tok.tag in ("ns", "nz", "")
                and not self.gazetteer_word_at(text, tok.start)
                and all(c in self.translit for c in tok.text)
                and n >= 2
            ):
                add(
                    tok.start, tok.end, "name-context", nxt if nxt in self.posts else ""
                )  # 普京总统
                continue
            if (
                not foreign
                and memo.get(tok.text) != _NAME_SHAPED
                and (
                    (
                        tok.text[0] not in self.surnames
                        and tok.text[:2] not in self.compound_surnames
                    )
                    or self.name_at(text, tok.start, {tok.start: tok}) != tok.end
                )
            ):  # no surname: not a name (name_at says the same, more slowly)
                continue
            if n == 3 and tok.freq == 0 and tok.text[-1] in "笑叹" and text.startswith(("着说", "着回答", "道"), tok.end) \
                    and text[tok.start] in self.common_surnames:  # fmt: skip
                add(tok.start, tok.end - 1, "name-context")  # ”罗佳|笑着说: jieba glued the smile to the name
                continue
            known = tok.tag in ("nr", "nrfg", "nrt")
            if not (known or tok.freq == 0) or (known and n == 2 and tok.freq >= 1000):
                continue
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            after = nxt in self.after_name or any(nxt.startswith(w) for w in ("说", "表示", "指出"))
            listed = (
                known
                and not foreign
                and tok.freq < 500
                and tok.text[-1] not in _ABSTRACT_FINALS  # 高端化、智能化: not 邓小平、江泽民
                and any(
                    0 <= j < len(tokens)
                    and tokens[j].text in ("、", "和")
                    and 0 <= j + d < len(tokens)
                    and tokens[j + d].tag in ("nr", "nrfg")
                    for j, d in ((i + 1, 1), (i - 1, -1))
                )
            )  # 邓小平、江泽民: a list of names jieba knows
            sl = 2 if tok.text[:2] in self.compound_surnames else 1
            given = tok.text[sl:]
            # ，李国兵去年…, 李国兵说: a word jieba made up of a common surname and a given name
            # that is a word, opening a clause before a time or a speech verb
            clause_name = (
                n == 3 and tok.freq == 0 and not tok.tag and tok.text[:sl] in self.common_surnames
                and (nxt in _TIME_AFTER_NAME or any(nxt.startswith(w) for w in ("说", "表示", "指出", "介绍")))
                and (tok.start == 0 or text[tok.start - 1] in "，。；：！？\n“")
            )  # fmt: skip
            if (
                len(given) >= 2
                and self.seg.freq(given) >= 50
                and not self.seg.tag(given).startswith("nr")
                and not clause_name
            ):
                continue  # 高素质, 党护党: surname-like char + an ordinary word
            if nxt[:1] and nxt.startswith(self._name_enders) and (
                nxt not in self.posts or nxt.startswith(self._place_enders)
            ):  # 叶巴滩水电站: the name of a place or a body; but a post that starts like
                continue  # a body's name follows a name (王毅|部长, 赵乐际|委员长; not 安居镇|镇长)
            plain = clause_name or (
                n >= 3
                and not foreign
                and tok.text[-1] not in self.nonname_finals
                and (
                    (known and tok.freq < 20000 and tok.text[:sl] in self.common_surnames)
                    or (
                        n == 3
                        and tok.freq == 0
                        and tok.text[:sl] in self.common_surnames
                        and nxt not in self.nonname_finals
                    )
                )
            )
            if (plain or after) and self._run_on_name(tokens, i):
                # 王沪宁|蔡奇丁|薛祥|李希: names run together, jieba glued the next
                # name's surname to this one
                add(tok.start, tok.end - 1, "name-context")
                add(tok.end - 1, tokens[i + 1].end, "name-context")
                continue
            if plain and not (after or listed) and 0 < tok.start and tok.end < len(text) and \
                    text[tok.start - 1] in "“\"‘「" and text[tok.end] in "”\"’」":  # fmt: skip
                continue  # 引育“金凤凰”: a word in quotation marks, no one's name
            if after or listed or plain:
                start = tok.start
                prev = tokens[i - 1] if i else None
                if (  # 丁|薛祥: jieba cut the surname off a three-character name
                    n == 2
                    and tok.freq == 0
                    and prev is not None
                    and prev.end == tok.start
                    and len(prev.text) == 1
                    and prev.tag == "nr"
                    and prev.text in self.surnames
                    and prev.text not in _FUNCTION_CHARS
                    and prev.text not in _ADVERB_SURNAMES
                ):
                    start = prev.start
                add(start, tok.end, "name-context", nxt if nxt in self.posts else "")

"""Places: the gazetteer (provinces, cities, counties, known names) and places named by a
suffix (三泉 + 镇), chained after the place before them (南川区三泉镇观音村)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from .model import Mention
from .resources import MUNICIPALITIES, admin_places, short_inside
from .rulebase import (
    _COMMON_FREQ,
    _END_OF,
    _FIELD_VERBS,
    _FUNCTION_CHARS,
    _GAP_BREAKERS,
    _HAN,
    _MEMORIAL_WORDS,
    _NAME_TAGS,
    _PREP,
    _SENT_PUNCT,
    _START_OF,
    _STOP_TAGS,
    _VERBISH,
    _WORD_SHORTS,
    RuleBase,
    _Piece,
    index_by_end,
    is_han,
)
from .segment import Token

__all__ = ["PlaceRules"]

_START = attrgetter("start")
_END_START = itemgetter(1, 0)

#: Words before a river's name that show it is one (沿着鹳河向北).
_ALONG = ("沿着", "沿", "顺着", "跨过", "横跨", "流经", "穿过", "依傍", "紧邻")
#: Words after a river or hill name that show it is one (抚河源头, 赣江两岸).
_RIVER_CONTEXT = (
    "源头",
    "流域",
    "两岸",
    "沿岸",
    "畔",
    "边",
    "上游",
    "下游",
    "中游",
    "干流",
    "支流",
    "岸边",
    "水",
    "沿线",
    "入",
)


#: Ends of a body's name: 融科公司|和|冰山集团 are two bodies, not one with two fields.
_BODY_ENDS = ("公司", "集团", "银行", "大学", "学院", "医院", "协会", "委员会", "局", "厅", "部", "院", "所")

#: Words after two countries' short names (巴中友好, 巴中两国 …).
_PAIR_WORDS = ("友好", "友谊", "关系", "两国", "双方", "合作", "建交", "经济走廊", "全天候", "特殊", "人民", "铁杆", "战略")

#: Words a place's name does not run back over (they end the words before it).
#: One character that opens a town's name before a known place's (小南海镇, 新北京村).
_TOWN_MODIFIERS = frozenset("小大新老东西南北上下中前后")
#: What makes a word of 部 after a ministry's name (部门, 部署, 部分, 部队, 部位, 部件, 部落).
_BU_WORDS = frozenset("门署分队位件落")
#: A town's and a village's names one after the other (龙兴镇江口村, 可大乡长田村), which
#: jieba may cut across the town's suffix (龙兴|镇江|口村, 可|大|乡长|田村).
_TOWN_THEN_VILLAGE = re.compile("(?<=[\u4e00-\u9fa5]{2})[镇乡](?=[\u4e00-\u9fa5]{2,3}?(?:村|社区))")
#: What 村 opens as a village's own office or affairs (村务, 村报账员, 村党组织书记).
_VILLAGE_NOUNS = ("务", "报账", "党组织", "干部", "集体", "会计", "级", "规", "医")
#: Function words that no town's name holds, even right after its county (开州区大进镇).
_STRICT_BREAKERS = frozenset("的了在和与及或是把被将对从到向于由等这那个些各每该也还就又再才要能应需给让")
#: Common words before 社区 that say what kind of community it is, not which.
_NOT_COMMUNITY_NAMES = frozenset(("示范", "重点", "试点", "城市", "农村", "城乡", "老旧", "新型", "智慧", "绿色"))
#: The country's regions by compass point and old name: in a body's name they are part of it.
_REGIONS = frozenset(("西北", "西南", "东北", "东南", "华北", "华东", "华南", "华中", "中南", "江南", "岭南", "西部", "东部"))
#: What makes 中国 part of a fixed phrase (中国梦, 中国特色, 中国红, 中国结, 中国饭碗).
_CHINA_PHRASES = ("梦", "特色", "红", "结", "饭碗", "式")
#: An edition's number right before an event's name (第十五届|全国运动会, 第139届|广交会).
_EDITION_BEFORE = re.compile(r"第[0-9一二三四五六七八九十百]+届$")
#: What turns a county's or a city's short name into a longer place's name (滨江|绿道,
#: 山城|巷, 兴隆|坳): a lane, a path or a col named after it (not 路, 街, 溪, 湾 …, which as
#: often start the next name or word: 台州|路桥区, 广州|街头, 浙江|溪头村, 苏州|湾).
_LONGER_NAME_AFTER = ("绿道", "步道", "古道", "巷", "坳")
_NOT_LONGER_AFTER = ("巷道",)
#: Sites named after a body (中国人民志愿军|烈士陵园, 新四军|纪念馆, 八路军|太行纪念馆).
_MEMORIALS_OF_BODIES = ("烈士陵园", "陵园", "纪念馆", "纪念碑", "纪念塔", "陈列馆", "太行纪念馆")
#: What follows a leader's name in the name of a doctrine (习近平|新时代中国特色社会主义思想).
_DOCTRINE_AFTER = ("新时代", "经济思想", "外交思想", "法治思想", "强军思想", "生态文明思想", "文化思想", "思想", "理论")
#: The compass's regions, and the one-character names of provinces that open a part of theirs
#: (渝东北, 川西北, 黔东南, 湘西南).
_COMPASS = frozenset(("东北", "西北", "东南", "西南"))
_PROVINCE_CHARS = frozenset("渝川黔鄂湘皖苏浙闽粤桂滇陕甘晋冀豫鲁辽吉黑蒙宁青藏琼赣")
#: Known places that a smaller place is named after with 小 (小三峡, 小南海).
_SMALLER_NAMESAKES = frozenset(("三峡", "南海", "东海", "西湖", "黄山", "江南", "桂林", "香港", "上海", "北京"))
#: Regions that an article may call ``X地区`` (黄淮海地区, 西南地区, 长三角地区): China's and a
#: province's parts and the world's (not a city or a country: 顿涅茨克地区 is no 顿涅茨克).
_AREAS = _REGIONS | frozenset((
    "陕北", "陕南", "关中", "苏北", "苏南", "苏中", "皖南", "皖北", "胶东", "辽东", "川西", "川南", "粤东", "粤西",
    "粤北", "闽南", "闽东", "闽西", "赣南", "陇东", "藏北", "北疆", "南疆", "潮汕", "黄淮海", "黄淮", "江淮", "中原",
    "长三角", "珠三角", "京津冀", "中东", "亚太", "拉美", "中亚", "东亚", "东南亚", "西亚", "南亚", "东北亚", "加勒比",
    "巴尔干", "成渝", "粤港澳", "滇中", "滇西", "滇南", "渝西", "渝东", "黔北", "鄂西", "豫南", "豫北", "豫西", "冀中",
    "冀南", "鲁西", "鲁中", "晋南", "晋北", "蒙东", "蒙西",
))  # fmt: skip
#: A stretch of a river after its name (长江|中下游地区, 黄河|上游): a region of its own.
_RIVER_PART = re.compile(r"(?:中下|中上|上中|上|中|下)游(?:地区)?")
#: Ages before a place's kind (千年古镇, 百年老街): no names.
_AGES = frozenset(("千年", "百年", "数百年", "上千年", "几百年", "近千年", "千百年"))
#: Words of a village's own that start with 村 (村集体, 村民): after a village's name they
#: are no part of it (余村|村集体经济), and after 村 no one-character name ends (X村|村民).
_VILLAGE_WORDS = ("村集体", "村民", "村委", "村干部", "村两委", "村党", "村务", "村级", "村里", "村庄", "村容")
#: Those of them that a village's name never ends in (余|村民; but 集体村|党支部, 余村|村集体).
_VILLAGERS_WORDS = ("村民", "村委", "村干部", "村两委", "村务", "村级")
#: Verbs and function words that start no name (not 向, 于, 和: surnames; not 那: 素万|那普).
_NO_NAME_STARTS = frozenset("这以来去回进等是的了在把被对从到为该各每其将")
#: Characters before 村 right after a town that make no village's name (东溪镇各村, 全村).
_NOT_ONE_CHAR_VILLAGES = frozenset("各每全本该同邻此原新老大小上下前后东西南北中村乡镇多几两诸某一其另贫穷富强")
#: Kinds of village, not names, after a town (东溪镇|示范村, 全镇|贫困村).
_NOT_VILLAGE_NAMES = _NOT_COMMUNITY_NAMES | frozenset(
    ("贫困", "空壳", "中心", "行政", "自然", "先进", "传统", "特色", "美丽", "文明", "样板", "明星", "薄弱", "软弱", "涣散", "边缘", "偏远", "示范", "重点", "试点")
)
#: … which end no village's name either (省定贫困|村, 软弱涣散|村; but 石门自然村 is 石门's, and
#: 鸣玉镇中心社区 its town's)
_VILLAGE_KIND_ENDS = tuple(sorted(w for w in _NOT_VILLAGE_NAMES if len(w) >= 2 and w not in ("自然", "中心")))
#: A slogan about villages helping villages (强村带弱|村, 村看|村).
_VILLAGE_SLOGAN = re.compile("村[带看帮比学扶促]")
#: Verbs after which a place's name starts (位于三排镇南岗村, 来到大进镇红旗村).
_WHERE_VERBS = frozenset(("位于", "地处", "坐落于", "来到", "走进", "前往", "抵达", "落户", "地处于"))
#: Words for beside a lake, a river or a mountain (湖畔, 溪边, 山脚下): what comes before names it.
_BESIDE = ("畔", "边", "岸", "脚下", "旁")
#: Words before 和 that are no field of work (国家和军事联盟, 国家和地区): two things listed.
_NOT_FIELDS = frozenset(("国家", "地区", "政府", "人民", "企业", "机构", "部门", "单位", "组织", "城市", "团队"))
#: Kinds of body written before a body's name (市场研究机构克普勒公司).
_APPOSED = frozenset(("机构", "基地", "团队", "企业", "平台", "单位", "巨头", "龙头"))
#: Words before a site's name that end what comes before it: verbs of visiting, using and
#: going to, counts (参观|江泽民故居, 一处|古迹遗址, 一座座|烈士陵园).
_SITE_STEM_BREAKS = frozenset(("参观", "利用", "充分利用", "瞻仰", "处", "项", "座", "个", "一座座", "一处", "多处", "人们",
                               "馆藏", "局限于", "揭露", "揭露出")) | _WHERE_VERBS  # fmt: skip
#: Kinds of site often named by a kind (古人类遗址, 地标商圈, 生产性服务业集聚区): their
#: names must hold a name.
_KIND_PRONE_SITES = frozenset(("遗址", "商圈", "集聚区", "产业集聚区", "农场", "林场"))
#: Words jieba tags as places that are idioms or kinds of feature, not names.
_NATURE_IDIOMS = frozenset(("信口开河", "崇山峻岭", "半壁江山", "荒山野岭", "冰峰雪岭", "咸水湖", "淡水湖", "人工湖", "锦绣河山",
                            "大好河山", "万水千山", "千山万水", "刀山火海", "名山大川", "江山", "母亲河", "半山区"))  # fmt: skip
#: Features named after a county or a city (綦江河, 门源盆地, 渝中半岛).
_COUNTY_FEATURES = frozenset(("河", "江", "溪", "峡", "半岛", "盆地", "草原", "平原", "瀑布", "大瀑布", "峡谷", "大峡谷"))
#: Words right after a mountain's or a river's name that show it is one (明月山|下, 贡江|之畔).
_FEATURE_AFTER = (*_RIVER_CONTEXT, "下", "脚下", "山下", "北麓", "南麓", "东麓", "西麓", "山麓", "之畔", "之巅", "山顶", "山上",
                  "山间", "奔流", "穿城", "蜿蜒", "流过", "深处", "腹地", "的水")  # fmt: skip
#: Words right before a mountain's or a river's name that show it is one (依托|歌乐山).
_FEATURE_BEFORE = (*_ALONG, "依托", "地处", "登上", "攀登", "背靠", "环绕", "坐落在", "位于")
#: Tags of a word that names a person or a place (江泽民|故居, 秦岭|国家植物园).
_PERSON_OR_PLACE = frozenset(("nr", "nrfg", "nrt", "ns"))
#: Kinds of site whose name must hold a name (张飞庙, 杨尚昆故居, 懒坝国际禅境艺术度假区),
#: not only common nouns (盐场遗址, 木业产业集聚区: kinds of site).
_NAMED_SITES = frozenset(("遗址", "故居", "旧址", "烈士墓", "陵园", "纪念地", "陈列馆", "展览馆", "民俗馆", "邻里中心", "物流园",
                          "旅游度假区", "度假区", "风貌区", "传统风貌区", "历史文化风貌区", "文创街区", "商圈", "集聚区",
                          "产业集聚区", "植物园", "博览园", "渡口", "公馆", "庙", "祠", "瀑布", "大瀑布", "大街", "胡同",
                          "纪念园", "东路", "西路", "南路", "北路", "中路", "农场", "林场", "铁路", "隧道"))  # fmt: skip
#: A place named after a family and a landform (陆家嘴, 于家堡) …
_FAMILY_PLACE_RE = re.compile("[\u4e00-\u9fa5]家[嘴堡湾坝沟庄寨岭坪沱岩坡屯营峪洼垭塆冲]")
#: … is none of its own before a body's or a unit's suffix (周家坝派出所, 周家坝街道).
_FAMILY_PLACE_BODIES = ("派出所", "小学", "中学", "学校", "卫生院", "医院", "街道", "社区", "村", "镇", "乡")
#: A level's character and what follows it as one word (和|县里): no county 和县 there.
_LEVEL_WORDS = frozenset(("县里", "县城", "县市", "县区", "市里", "市区", "市县", "区里", "区县"))
#: Suffixes that make a place only of one word jieba knows as a place (南迦巴瓦峰, 天津港,
#: 北京路, 八廓街): the word, alone, is the name.
_KNOWN_WORD_SUFFIXES = ("峰", "港", "路", "街")
#: Words ending in 路 that name no road (丝绸之路, 铺平道路, 致富路).
_NOT_ROADS = ("道路", "公路", "马路", "铁路", "之路", "大路", "小路", "山路", "水路", "陆路", "网路", "思路", "出路", "新路")
#: Streets and roads: a community or a subdistrict named after one follows it (南大街|社区).
_STREET_SUFFIXES = ("大街", "胡同", "东路", "西路", "南路", "北路", "中路", "路", "街")
#: Old streets, named only by one name right before them (州桥老街).
_OLD_STREETS = ("老街", "古街")
#: Heads of kinds of port, not names (深水港, 枢纽港, 避风港).
_PORT_KINDS = frozenset(("避风", "深水", "枢纽", "内河", "出海", "国际", "自由", "喂给", "支线", "干线", "沿海", "中转"))
#: A company's name going on after a known body's (中国石油 + 吉林石化公司, 中国中化 + 控股有限责任公司).
_COMPANY_AFTER = re.compile("[\u4e00-\u9fff]{0,8}?(?:公司|集团|有限|股份)")


def _landmark_word(p: _Piece) -> bool:
    """A rare word of three characters or more that ends like a landmark (观音桥, 朝天门):
    the name of a place a business district or a site is named after."""
    return p.tag == "n" and p.freq < 30 and len(p.text) >= 3 and p.text[-1] in "桥碑门坝坪口塔楼"


#: Railway lines and tunnels: named by one word jieba made up or abbreviates (京原, 渝钦, 红霞岭).
_LINES = frozenset(("铁路", "高铁", "高速公路", "高速", "隧道"))
#: … not kinds of line or words around one (市域铁路, 普速铁路, 拓宽|铁路, 中老两国|铁路).
_LINE_KINDS = frozenset(("高原", "市域", "普速", "东西", "米轨", "城际", "市郊", "高速", "干线", "支线", "货运", "客运",
                         "重载", "跨境", "电气化", "单线", "复线", "双线", "地方", "国家", "国际", "两国", "三国",
                         "北接", "南接", "东接", "西接", "比老", "拓宽", "亚冬会", "全国", "各地", "通行",
                         # … nor what is said of a line or the word before it (新开工|高速公路, 南起|京哈|高速,
                         # 沿|杭台|高铁, 联通|杭黄|高铁)
                         "新开工", "改扩建", "国省", "电驱", "全自动", "最北", "南起", "北起", "东起", "西起",
                         "联通", "八纵八横", "开工", "在建", "新建", "途经", "连接", "串联", "亚运",
                         "着", "好", "内", "沿", "在", "从", "向", "到", "往", "经", "的", "了", "和", "与", "及",
                         "等", "至", "由", "自", "乘", "坐", "搭"))  # fmt: skip
#: What a memorial's stem holds when it names no one memorial (革命烈士陵园, 英雄纪念碑).
_MEMORIAL_KINDS = _MEMORIAL_WORDS | {"烈士", "革命烈士", "英雄", "人民英雄", "先烈", "红军", "历史"}

#: County short names that are common words after their province (辽宁振兴发展, 黑龙江富裕起来).
_NOT_AFTER_PARENT = frozenset(("振兴", "富裕", "和平", "团结", "开放", "发展", "安定", "长安")) | _WORD_SHORTS

#: Days that squares, roads and bridges are named after (八一广场, 五一路, 五四大街) …
_DATE_NAMES = frozenset(("八一", "五一", "五四", "七一", "二七", "一二九", "九一八", "五卅", "十一"))
#: … and what they name.
_DATE_NAMED = frozenset(("广场", "路", "大道", "大街", "大桥", "桥", "公园", "纪念馆", "纪念碑"))

#: What a kind of museum starts with (专题博物馆, 顶级博物馆, 中小博物馆).
_MUSEUM_KINDS = ("专题", "顶级", "世界一流", "一流", "中小", "校内", "著名", "全国", "综合性", "各地", "特展", "大型",
                 "小型", "国有", "非国有", "民办", "行业", "数字")  # fmt: skip
#: Going into or out of villages and townships (出村, 下乡): no place's name ends so.
_MOVES = frozenset(("出村", "进村", "入村", "回村", "下乡", "回乡", "返乡", "进乡", "出乡", "离乡", "到村", "驻村"))

#: Kinds of reservoir (中小|水库, 病险|水库): no reservoir's name.
_RESERVOIR_KINDS = frozenset(("中小", "病险", "小型", "中型", "大型", "大中型", "小微", "骨干", "山塘", "各类", "主要",
                              "重点", "梯级", "在建", "新建", "调蓄", "灌溉", "饮用水", "水源", "干流", "支流", "干支流"))  # fmt: skip

#: Old towns and streets named after their county (平遥古城, 正定古城).
_OLD_TOWNS = frozenset(("古城", "古镇"))
#: Zones named for a trade after their place (永川大数据产业园, 锂电循环产业园).
_ZONES = frozenset(("产业园", "工业园", "工业园区", "园区", "产业园区", "物流园", "科技园", "创业园", "示范园", "集聚区",
                    "产业集聚区", "开发区", "高新区"))  # fmt: skip
#: Verbs of working with someone that jieba may tag as nouns: no part of a body's name.
_LINKING_VERBS = frozenset(("联系", "对接", "依托", "携手", "牵手", "邀请", "联手"))
#: A town's, a subdistrict's, a village's or a community's suffix (:meth:`PlaceRules.context_units`).
_UNIT_RE = re.compile("街道|镇|乡|苏木")
#: Function characters that no unit's name holds (but 礼让镇, 向阳村, 和平里街道 are names).
_UNIT_BREAKERS = frozenset("的了在是把被将对从到于等这些各每该也还就又再才及与或不之做")
#: Words that 乡 or 镇 opens (宜居宜业和美乡村): no unit's suffix there.
_UNIT_WORDS = frozenset(("乡村", "乡亲", "乡贤", "乡土", "乡情", "乡愁", "乡音", "乡镇", "乡风", "乡里", "乡邻",
                         "镇村", "镇街", "镇域", "镇区"))
#: Verbs of visiting that jieba glues to a place's name (游|石宝寨, 看|古寨).
_VISITS = frozenset("游看逛访")
#: Kinds and epithets that end in 镇 or 乡 (产业强镇, 中国伞乡, 异域他乡).
_UNIT_TAILS = frozenset(("强镇", "名镇", "大镇", "重镇", "小镇", "古镇", "集镇", "城镇", "雪乡", "他乡", "故乡", "家乡", "水乡",
                         "侨乡", "之乡", "原乡", "异乡", "同乡", "老乡", "下乡", "返乡", "还乡", "城乡", "伞乡", "畅乡"))
#: Positions that name no village after a town (复兴镇|沿江村 is one; 某镇|周边村 is not).
_NOT_LOCATIVE_NAMES = frozenset(("周边", "附近", "沿线", "境内", "辖内", "区内", "以内", "以外", "下属", "所属", "内外", "各地",
                                 "当地", "本地", "外地", "周围", "一带", "之间", "中间", "里面", "外面"))  # fmt: skip
#: Measure words after a number (一处社区, 三座村): a count, not a name.
_MEASURES = frozenset("个处座条家户批片所")
#: What opens a clause before a unit's name: a line, a punctuation mark, a quotation mark.
_UNIT_LEADS = frozenset("\n，,。；;：:！？!?、“”\"（( 　")
#: Words right before a unit's name that open it (在丰盛镇, 来到青年镇, 位于九曲街道).
_UNIT_OPENERS = ("在", "到", "从", "来到", "走进", "走访", "位于", "地处", "前往", "深入", "赴")
#: Tags of a two-character word across a town's start or inside its name that break it
#: when a word follows the town (到达|五峰镇, 湖州|已有|入乡).
_LOOSE_BREAK_TAGS = frozenset(("v", "vd", "vn", "d", "p", "c", "r", "u", "ad"))
#: Prepositions that open a town a word follows (从甲洼镇赶来, 扎根八一镇).
_UNIT_PREPOSITIONS = ("在", "从", "到", "来到", "走进", "前往", "赴", "扎根")
#: Marks right after a unit's name that close it (在丰盛镇,).
_UNIT_STOPS = frozenset("，,、。；;：:！？!?）)”")
#: A unit's own bodies and offices right after its name (十里镇党委, 两路街道办事处).
_UNIT_BODIES = ("党委", "党工委", "人民政府", "政府", "办事处", "卫生院", "派出所", "便民服务中心", "综合文化站")
#: A village's or community's name (2-3 characters; a 嘎查's up to 5) right after its town.
_VILLAGE_AFTER = re.compile("([\u4e00-\u9fa5]{2,5}?)(村|社区|嘎查)")
#: Tags of words that name no unit: places by position, pronouns, distinctions, function words
#: (周边, 当地, 本地, 所在, 主要).
_NOT_UNIT_TAGS = frozenset(("f", "s", "r", "rr", "rz", "b", "p", "c", "u", "uj", "ul", "uz", "ud", "d", "q", "mq"))
#: A word this frequent before 街道 is a street's kind (商业街道), not a subdistrict's name.
_STREET_FREQ = 5000
_PLACE_STEM_STOPS = frozenset(("工程", "控制性工程", "标志性工程", "关键工程", "重点工程", "项目", "座", "这座", "一座",
                               # 人|和|街道|邢家桥社区: a bare unit word is no part of the next place's name
                               "街道", "社区", "小区", "乡镇", "村庄", "苏木", "嘎查",
                               # 县城|南宾街道: the town's seat is no part of its subdistrict's name
                               "县城", "城区", "市区", "镇区", "主城", "主城区", "老城区", "新城区", "中心城区",
                               # 家乡|少云镇: a hometown is no part of its name
                               "家乡", "老家", "故乡"))


class PlaceRules(RuleBase):
    """Recognisers of places (a mixin of :class:`kg.rules.Recognizer`)."""

    # -- 1. gazetteer ----------------------------------------------------------

    def _gazetteer_hits(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of every gazetteer word in ``text``, overlapping, by end
        and then longest first, as an Aho-Corasick automaton gives them, but faster: the
        words are looked up by length only where two characters start one."""
        words, lengths, size = self._gaz_words, self._gaz_lengths, len(text)
        hits = []
        for i in [i for i in range(size - 1) if text[i : i + 2] in lengths]:
            for n in lengths[text[i : i + 2]]:
                if i + n > size:
                    break
                if text[i : i + n] in words:
                    hits.append((i, i + n, text[i : i + n]))
        if self._gaz_singles:
            hits += [(i, i + 1, c) for i, c in enumerate(text) if c in self._gaz_singles]
        hits.sort(key=_END_START)
        return hits

    def gazetteer_mentions(
        self, text: str, bounds: set[int], tokens: list[Token] | None = None
    ) -> list[Mention]:
        out = []
        hits = self._gazetteer_hits(text)
        token_starts = bounds
        held: list = []  # (sorted token starts, token by start), made when first needed

        def word_at(pos: int) -> Token | None:
            """The token that holds ``pos`` (None without tokens)."""
            if tokens is None:
                return None
            if not held:
                held.extend((sorted(token_starts), {t.start: t for t in tokens}))
            return held[1].get(held[0][bisect_right(held[0], pos) - 1])

        ends: dict[int, list[str]] = {}  # the places that end where another may start
        for _s, e, w in hits:
            ends.setdefault(e, []).append(w)
        # where a county's name starts, written with its level (海东市|民和县: 民和 is short for
        # 民和回族土族自治县), right after a city's full name: it bounds a word, whatever jieba cut
        county_starts = {
            s for s, e, w in hits
            if ((w[-1] == "县" and w in self.rules.admin) or (w in self.rules.admin_short and text[e : e + 1] == "县"))
            and any(c[-1] == "市" and c in self.rules.admin for c in ends.get(s, ()))
        }
        # a full name also bounds a word: 北京|人民大会堂 inside one jieba word
        bounds = bounds | {s for s, _e, w in hits if w in self.known or w in self.rules.admin} | county_starts
        for start, end, word in hits:
            if word in self.known:
                label, canonical = self.known[word]
                if label == "Person" and (
                    start not in token_starts or end not in token_starts or text.startswith(_DOCTRINE_AFTER, end)
                ):
                    continue  # 任|何维|护, 韩正|在 … inside words; 习近平|新时代…思想: a doctrine's name
                if label == "Place" and start in token_starts and (whole := word_at(start)) is not None \
                        and whole.start == start and whole.end > end and whole.tag == "ns" \
                        and self.place_suffixes.get(text[end : whole.end]) == "nature":  # fmt: skip
                    continue  # 渤海|湾, 洞庭|湖区: a feature jieba knows that the known place's name opens
                if word[-1] == "部" and text[end : end + 1] in _BU_WORDS:
                    continue  # 公安|部门, 建设|部署: a department or a plan, not the ministry
                if label == "Organisation" and text.startswith(_MEMORIALS_OF_BODIES, end):
                    continue  # 中国人民志愿军|烈士陵园, 东北抗日联军|纪念馆: a site named after the body
                if label == "Organisation" and (after := _COMPANY_AFTER.match(text, end)) \
                        and not any(c in "和与及同对向入国" for c in after.group(0)):  # fmt: skip
                    continue  # 中国铁建|重工集团股份有限公司: the head of a longer company's name
                    # (not 非盟加入二十国集团, 欧盟和七国集团)
                holder = word_at(start) if start not in token_starts else None
                if holder is not None and holder.end < end and end not in bounds:
                    # 居民|进行, 其中|国企: a short name across two dictionary words, starting
                    # and ending inside them (not inside a word jieba made up: 从东|海之滨)
                    if len(word) == 2 and holder.freq > 0 and holder.tag not in ("nt", "nz"):
                        continue
                elif holder is not None and holder.end >= end and (
                    (holder.end > end and holder.tag not in ("nt", "nz"))
                    or (
                        holder.tag == "ns"
                        and label == "Place"
                        and not self._place_prefix(text[holder.start : start])
                    )
                ):
                    # 天|南海|北, 发展|中国|家: a name inside a word, touching neither end;
                    # 阿尔|泰山: the end of a longer place's name
                    continue
                if label == "Place" and word in _REGIONS and (opened := word_at(start)) is not None \
                        and opened.tag == "nt" and opened.start == start and opened.end > end:  # fmt: skip
                    continue  # 西北|农林科技大学: a region that opens a body's name is no place here
                if word == "中国" and (text.startswith(_CHINA_PHRASES, end) or text[start - 1 : start] == "新"):
                    continue  # 中国梦, 中国特色…之路, 中国结, 新中国成立: a phrase or an era, not the place
                if label == "Place" and text.startswith(("特色社会主义", "式现代化"), end):
                    continue  # 习近平新时代中国特色社会主义思想: a fixed political term, not the place
                if label == "Programme" and text.startswith("成果", end) and not word.endswith("教育"):
                    continue  # 巩固拓展脱贫攻坚成果: what a campaign achieved, a policy's term
                    # (not 巩固…学习教育成果: the fruits of a study campaign, which is named)
                if label == "Programme" and text.startswith(("建设峰会", "峰会"), end):
                    continue  # 数字中国|建设峰会: a summit named after the programme, not the programme
                if label == "Programme" and (edition := _EDITION_BEFORE.search(text, max(0, start - 8), start)):
                    # 第十五届|全国运动会, 第139届|广交会: the edition's fullest name
                    name = text[edition.start() : end]
                    out.append(Mention(edition.start(), end, name, label, "known", canonical))
                    continue
                if (
                    label == "Place"
                    and (word in _REGIONS or word[-1] in "东南西北中" or text[end : end + 1] != "边")  # (洱海|边)
                    and text[end : end + 1] in ("部", "侧", "角", "边", "面", "方")
                    and text[end : end + 2] not in ("方面", "边境", "边界", "部分")  # 乌克兰方面, 黎巴嫩边境, 华南|部分地区
                    and not (text.startswith("方向", end) and word not in _REGIONS)  # 赫尔松方向 (not 西北方向)
                ):
                    continue  # 西南部, 东北角: a direction, not the region
                if label == "Place" and text.startswith("族", end):
                    continue  # 朝鲜|族, 蒙古|族: a people, not the country
                if label == "Place" and start and text[start - 1] == "小" and word in _SMALLER_NAMESAKES:
                    continue  # 小三峡, 小南海: a smaller place named after it, not it
                if label == "Place" and word in _COMPASS and start and text[start - 1] in _PROVINCE_CHARS:
                    name = text[start - 1 : end]  # 渝东北, 川西北, 黔东南: a province's part
                    out.append(Mention(start - 1, end, name, label, "known", name))
                    continue
                if word in _AREAS and text.startswith(("港区", "苏区", "片区", "园区"), end):
                    continue  # 北疆|港区, 闽东|苏区: a region's name opens a site's or an area's
                if word in _AREAS and text.startswith("地区", end) and canonical == word:
                    # 黄淮海|地区, 西南|地区: the region's fullest name as the article writes it
                    out.append(Mention(start, end + 2, word + "地区", label, "known", word + "地区"))
                    continue
                if label == "Place" and word[-1] in "江河" and (part := _RIVER_PART.match(text, end)) and (
                    part.group(0).endswith("地区") or text[start - 1 : start] == "、"
                    or text.startswith(("、", "等", "城市群", "和", "与"), part.end())
                ):  # fmt: skip
                    # 长江|中下游地区, 成渝、长江|中游等城市群: a stretch of a river and the land
                    # along it, as a region (not 长江上游生态屏障: where on the river)
                    name = text[start : part.end()]
                    out.append(Mention(start, part.end(), name, label, "known", name))
                    continue
                out.append(Mention(start, end, word, label, "known", canonical))
            elif word == "金山" and text.startswith("银山", end):
                continue  # 绿水青山就是金山银山: a saying, not the district
            elif word in self.rules.admin:
                if len(word) == 2 and start not in token_starts:
                    continue  # 组和|县区: a two-character county (和县) must start a word
                if len(word) == 2 and text[end - 1 : end + 1] in _LEVEL_WORDS and end - 1 in token_starts:
                    continue  # 和|县里, 和|县市区: its level opens a word, not 和县
                if start not in token_starts and (holder := word_at(start)) is not None and holder.tag == "ns" \
                        and holder.start < start < holder.end < end and self.seg.freq(text[holder.end : end]) > 0 \
                        and (holder.text in self.rules.admin_short or holder.text in self.rules.admin):  # fmt: skip
                    continue  # 涪陵|城区: the end of one place and an ordinary word, not 陵城区
                if start not in token_starts and (holder := word_at(start)) is not None and \
                        holder.start < start < holder.end < end and holder.freq >= 1000 and \
                        self.seg.freq(text[holder.end : end]) >= 1000:  # fmt: skip
                    continue  # 沿海|城市: two ordinary words, not 海城市
                if word in self.generic:
                    continue  # 城区, 郊区, 矿区: county names that are also ordinary words
                if word[-1] == "市" and text.startswith("市民", end - 1) and end - 1 in token_starts \
                        and end not in county_starts:  # fmt: skip
                    continue  # 深圳|市民, 重庆|市民: the city's people (not 北京市|民政局, 海东市|民和县)
                out.append(Mention(start, end, word, "Place", "admin", word))
            elif word == "巴中" and text.startswith(_PAIR_WORDS, end):
                continue  # 巴中友好, 巴中两国: Pakistan and China, not the city of 巴中
            elif start in bounds:  # a short form must start a word …
                if word[0] in "镇乡村区县市" and start and _HAN.match(text[start - 1]):
                    continue  # 龙角镇巴阳村: 镇巴 here is the end of one name and the start of another
                level = text[end : end + 1]
                if level and level in "区县市州" and word + level not in self.rules.admin and \
                        text[end : end + 2] not in ("市场", "区域", "县城", "市民", "区间", "区位", "市值", "区块", "市面") and \
                        word + level not in self.generic:  # fmt: skip
                    # (大城|市: a big city, not 大城县's)
                    # … 石柱县, 武隆区: the short name with its level (a renamed county keeps its code)
                    out.append(Mention(start, end + 1, word + level, "Place", "admin-level", ""))
                elif text.startswith(_LONGER_NAME_AFTER, end) and not text.startswith(_NOT_LONGER_AFTER, end):
                    continue  # 滨江|绿道, 山城|巷, 兴隆|坳: a longer place's name
                elif end in bounds and (
                    word in self._short_alone
                    or (word in self._short_listed and "、" in (text[start - 1 : start], text[end : end + 1]))
                    or (self.seg.freq(word) < 300 and self._written_in_full(text, word))
                    or self._after_its_parent(word, ends.get(start, ()))
                ):  # … and end one (哈尔滨、大连: a city that is also a word, in a list; 大足
                    # (an adverb to jieba) where the article writes 大足区)
                    out.append(Mention(start, end, word, "Place", "admin-short", ""))
        return out

    def _after_its_parent(self, word: str, before: Iterable[str]) -> bool:
        """Is the county's or city's short name ``word`` written right after the city or the
        province it lies in (郴州|资兴, 北京|大兴: jieba reads 资兴 and 大兴 as words of their own)?"""
        if word in _NOT_AFTER_PARENT:
            return False  # 辽宁|振兴, 黑龙江|富裕: a verb or an adjective, not 振兴区, 富裕县
        return any(short_inside(word, prev, self.rules) for prev in before)

    def _county_short(self, m: Mention) -> bool:
        """Is ``m`` a county's short name only (金凤, 丰镇), which towns elsewhere share?"""
        return m.rule == "admin-short" and all(p.level == "county" for p in self.rules.admin_short[m.text])

    def _written_in_full(self, text: str, short: str) -> bool:
        """Does ``text`` name the place of ``short`` in full (大足区 for 大足)?"""
        return any(p.name in text for p in self.rules.admin_short[short] if p.name != short)

    def _place_prefix(self, head: str) -> bool:
        """Is ``head``, before a known place inside one word, a place itself or a position
        (英国|伦敦, 长江|三峡, 东|耶路撒冷, 南|太平洋), not the start of a longer name
        (阿尔|泰山, 秦|淮河, 九|华山)?"""
        if len(head) == 1:
            return head in "东西南北中环古大小新老上下前后内外"
        if self.seg.tag(head) in _STOP_TAGS and self.seg.freq(head) >= 1000:
            return True  # 符合|中国: jieba glued a verb to the place and called it one
        return head in self._gaz_words or any(
            head[:k] in self._gaz_words and self._place_prefix(head[k:]) for k in range(2, len(head))
        )

    # -- 2. places by suffix ------------------------------------------------------

    def _reservoir_kind(self, word: str) -> bool:
        """Does ``word`` before 水库 say what kind of reservoir it is or where on a river
        (中小, 病险, 调度, 上游), not name one (于桥, 小浪底, 公明)?"""
        tag = self.seg.tag(word)
        return word in _RESERVOIR_KINDS or tag in ("l", "f", "v", "vn", "a", "d", "m") or word[0] in "一几" or any(
            c in "及和与的了着座个性" for c in word  # (一座座, 来水及, 控制性; not 三坝, 于桥)
        ) or (
            self.seg.freq(word) >= 100 and tag not in ("ns", "nz", "nr")
        )

    def _after_a_city(self, pieces: list[_Piece], k: int) -> bool:
        """Does piece ``k``, a noun, follow a city's or a county's name right away (海口|骑楼|老街,
        呼和浩特|塞上|老街): a street named by it there?"""
        q = pieces[k]
        prev = pieces[k - 1] if k else None
        return (
            prev is not None and prev.end == q.start and prev.mention is not None
            and prev.mention.rule in ("admin", "admin-short", "admin-level")
            and q.mention is None and q.tag in ("n", "s", "ns", "nz") and len(q.text) == 2
        )  # fmt: skip

    def _memorial_namer(self, pieces: list[_Piece], at: int) -> _Piece | None:
        """The word right before a memorial's kind (长征|纪念馆, 烈士|纪念馆) that names it,
        or None: a mountain or a region (六盘山, 狼牙山, 东北), or a name jieba does not know
        or knows as a proper noun (红岩, 古田会议), or a province, city or county (福建省|革命历史
        纪念馆; :func:`kg.normalize._choose` tells a place the memorial is in from its name)."""
        p = next((q for q in reversed(pieces) if q.end == at), None)
        if p is None or not is_han(p.text) or not 2 <= len(p.text) <= 4:
            return None
        if p.mention is not None:  # (a province's, city's or county's: 福建省|革命历史纪念馆)
            return p if p.mention.type == "Place" and p.mention.rule in (
                "suffix-nature", "known", "admin", "admin-level", "admin-short") else None
        if p.text in self.generic or p.text in _MEMORIAL_KINDS or not self._nameish(p):
            return None
        return p if (p.tag == "nz" or (p.tag == "" and p.freq == 0)) else None

    def _stem(
        self, pieces: list[_Piece], idx: int, cut: int, max_len: int, chain: bool, unit: bool = False
    ):
        """Walk back from piece ``idx`` (cut at ``cut``): the stem pieces before a suffix
        (``unit``: of a town's or a village's, whose name is short)."""
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
            known_body = (
                first.tag == "nt"
                and len(first.text) >= 4
                and any(
                    head.text[:k] in self.rules.admin_short or head.text[:k] in self.rules.admin
                    for k in (2, 3)
                )
            )
            body_known = (  # 抗议|七国集团: a body jieba knows starts the name, unless a place comes first
                not chain
                and first.tag == "nt"
                and len(first.text) >= 4
                and idx > 0
                and pieces[idx - 1].mention is None
                and pieces[idx - 1].freq >= 500
                and (
                    pieces[idx - 1].tag[:1] in ("v", "d", "p", "r", "l")
                    or pieces[idx - 1].tag == "nz"
                    or pieces[idx - 1].text in self.person_verbs  # 北京|会见/n|亚洲开发银行
                )
                and pieces[idx - 1].text not in self.national
            )
            if (
                head.start > first.start
                or (first.tag == "" and first.freq == 0 and len(head.text) >= 2)
                or known_body
                or body_known
            ):
                return stem  # 平田村 (a made-up word), 贵州大学 (a body jieba knows): the head is the whole name
            j = idx - 1
        length = sum(len(p.text) for p in stem)
        while j >= 0:
            p = pieces[j]
            if p.mention is not None and p.mention.type == "Person":
                break  # 秦小兰到大坪村: a person's name ends a place's name
            if p.text in ("原", "前", "现") and p.mention is None:
                break  # 湖北省政府|原|党组成员: the former holder of a post, not a body's name
            if unit and stem and p.mention is None and len(p.text) >= 2 and p.text[-1] in "镇乡" and p.freq == 0:
                break  # 和|乐镇|六连村: a town's name (jieba cut its first character off) ends the village's
            if p.text in (")", "）") and j >= 2 and pieces[j - 2].text in ("(", "（") and pieces[j - 1].mention is not None \
                    and pieces[j - 1].mention.type == "Place" and j >= 3 and is_han(pieces[j - 3].text) \
                    and pieces[j - 3].tag not in ("v", "vn", "p", "c", "u", "uj", "ul", "r", "m"):  # fmt: skip
                stem[0:0] = [pieces[j - 3], pieces[j - 2], pieces[j - 1], p]  # 西部(重庆)科学城: a place in brackets
                length += sum(len(q.text) for q in pieces[j - 3 : j + 1])
                j -= 4
                continue
            if p.text in ("成", "为") and p.mention is None and j and pieces[j - 1].tag.startswith("v"):
                break  # 改造|成|白果巷邻里中心: what a verb made of it, not the name's first character
            if chain and (p.text in self.posts or p.text in self.roles):
                break  # 第一书记|姜|镇: a post ends a place's name (not a body's: 总统办公室)
            if not chain and stem and p.mention is None and len(p.text) >= 3 and p.text.endswith("队") \
                    and p.text in self.org_suffixes:  # fmt: skip
                break  # 驻村工作队|联系|塔里木大学…学院: a team, then the body it works with
            if not chain and stem and p.mention is None and p.text in _LINKING_VERBS:
                break  # 联系|塔里木大学…学院, 依托|…: a verb jieba tags as a noun
            if unit and length >= 2 and (
                (p.mention is not None and p.mention.type == "Place")
                or (p.mention is None and (p.text in self.rules.admin_short or p.text in self.rules.admin))
                or (p.mention is None and p.freq >= 100 and p.tag not in ("ns", "nr", "nz", "nrt", "j", ""))
            ):
                # 六安 + 林寨村, 眉山 + 永丰村: a place before a name is its parent (长寿 + 村
                # is one name); 落地|小岗村: a common word before a name is no part of it
                break
            if (
                p.mention is not None
                and chain
                and p.mention.type == "Place"
                and p.mention.rule != "admin-short"
            ):
                if p.mention.rule == "suffix-nature" and j == idx and not stem:
                    stem.insert(0, p)  # 仙女山 + 街道: a town named after a mountain
                elif unit and p.mention.rule == "known" and j == idx and not stem:
                    stem.insert(0, p)  # 小 + 南海 + 镇: a town named after a known place
                    q = pieces[j - 1] if j > 0 else None
                    if q is not None and q.mention is None and q.end == p.start and q.text in _TOWN_MODIFIERS:
                        stem.insert(0, q)
                break  # a chain: the place before is the parent, not part of the name
            if not chain and p.text == "和" and stem and j > 0 \
                    and stem[0].mention is None and stem[0].tag != "ns" and stem[0].text not in self._gaz_words \
                    and self._nameish(pieces[j - 1]) and pieces[j - 1].text not in _NOT_FIELDS \
                    and pieces[j - 1].mention is None \
                    and not pieces[j - 1].text.endswith(_BODY_ENDS):  # fmt: skip
                stem.insert(0, p)  # 文化广电和旅游局, 工业和信息化部: 和 inside a body's name
                length += 1
                j -= 1
                continue
            if p.mention is None and p.tag == "" and p.text[:1] == "驻":
                # 交通运输厅|驻六岭|村: the place's name starts after 驻 (_trim cuts it off)
                piece = self._trim(p)
                if piece is not None and self._nameish(piece) and length + len(piece.text) <= max_len:
                    stem.insert(0, piece)
                break
            if not chain and stem and p.mention is None and self._specific(stem) and (
                p.text in _APPOSED or (p.text.endswith("者") and not p.text.endswith("主义者"))
            ):
                break  # 研究机构|克普勒公司, 创新引领者|北京智源研究院: a kind of body, then its name
            if stem and p.mention is None and p.text == "现代" and length + 2 <= max_len and (
                not chain or (j and pieces[j - 1].text in (")", "）"))
            ):
                stem.insert(0, p)  # 临夏 + 现代 + 职业学院: “modern” in a body's name (jieba: a time word);
                # 秀山(武陵) + 现代 + 物流园区: in a place's, after a bracketed place
                length += 2
                j -= 1
                continue
            if not chain and p.mention is None and p.text in _FIELD_VERBS and length + 2 <= max_len:
                stem.insert(0, p)  # 投资 + 促进 + 中心, 智能 + 制造 + 研究院: a field of work, not a verb
                length += 2
                j -= 1
                continue
            if p.mention is None and p.text in ("东", "西", "南", "北") and len(stem) == 1 and len(stem[0].text) == 1 \
                    and stem[0].mention is None and stem[0].tag in ("nr", "ng", "zg", "") and length + 1 <= max_len:  # fmt: skip
                stem.insert(0, p)  # 西 + 彭 + 工业园区: a direction opens a one-character name (西彭)
                length += 1
                j -= 1
                continue
            if not self._nameish(p) or (chain and p.text in _PLACE_STEM_STOPS):
                break  # 控制性工程|伶仃洋大桥, 7座|特大桥: a place's name starts after these
            trimmed = self._trim(p)
            if trimmed is None or length + len(trimmed.text) > max_len:
                break
            stem.insert(0, trimmed)
            length += len(trimmed.text)
            if trimmed is not p or (
                p.mention is not None
                and (chain or p.mention.rule not in ("suffix-site", "suffix-nature"))
                and p.mention.rule != "admin-short"  # 江西 + 抚 + 河源 + 省级自然保护区
            ):
                if not chain and p.mention is not None and j > 0 and pieces[j - 1].tag == "nt" and \
                        pieces[j - 1].end == p.start and length + len(pieces[j - 1].text) <= max_len:  # fmt: skip
                    stem.insert(
                        0, pieces[j - 1]
                    )  # 共青团 + 广昌 + 县委: a body named before its place
                elif (
                    not chain
                    and p.mention is not None
                    and p.mention.type == "Place"
                    and p.mention.rule == "known"
                    and j > 0
                    and pieces[j - 1].end == p.start
                    and pieces[j - 1].mention is not None
                    and pieces[j - 1].mention.type == "Place"
                    and pieces[j - 1].mention.rule in ("admin", "admin-short", "admin-level", "known")
                    and (
                        pieces[j - 1].mention.rule != "admin-short"
                        or any(  # a city's short name (重庆, 宜昌), not a county's (决赛中|和德国队)
                            q.level != "county"
                            for q in self.rules.admin_short.get(pieces[j - 1].text, ())
                        )
                    )
                    and length + len(pieces[j - 1].text) <= max_len
                ):
                    stem.insert(0, pieces[j - 1])  # 重庆 + 三峡 + 学院: the city before the name
                break
            j -= 1
        return stem

    def _trim(self, p: _Piece) -> _Piece | None:
        """Cut a verb or function word off the front of a made-up word (当上泽京 → 泽京)."""
        if p.mention is None and not p.tag and len(p.text) == 2 and p.text[0] in _NO_NAME_STARTS:
            return None  # 以|余村, 来|余村, 这所|学校: a verb or a function word, then one character
        if p.mention is None and not p.tag and len(p.text) >= 2 and p.text[0] in _VISITS:
            # 游|石宝寨: a visit, then the place (看|古寨: then a kind of place)
            return _Piece(p.text[1:], p.start + 1, p.end, "", 0, None) if len(p.text) >= 3 else None
        if p.mention is not None or p.tag or len(p.text) < 3:
            return p if is_han(p.text) else None
        for k in (2, 1):
            head = p.text[:k]
            tag = self.seg.tag(head)
            if (k == 2 and tag in _STOP_TAGS) or (k == 1 and (head in _FUNCTION_CHARS or head == "驻")):
                rest = p.text[k:]
                return _Piece(rest, p.start + k, p.end, "", 0, None) if len(rest) >= 2 else None
        return p if is_han(p.text) else None

    def _town_and_village(self, text: str, pieces: list[_Piece]) -> list[Mention]:
        """``…区 + 龙兴镇 + 江口村`` where jieba cut across the town's suffix (龙兴|镇江|口村,
        大|进镇|红旗|村, 可|大|乡长|田村): the town's name (2-3 characters) starts after a
        place, a punctuation mark or a preposition, the village's (2-3) ends in 村 or 社区,
        and neither is an ordinary word or holds a function word (a verb's character is
        allowed only right after a place: 开州区大进镇).  The two mentions replace the
        pieces under them (in place)."""
        out: list[Mention] = []
        for m in _TOWN_THEN_VILLAGE.finditer(text):
            at = m.start()
            starts, ends = list(map(_START_OF, pieces)), list(map(_END_OF, pieces))
            k = bisect_right(starts, at) - 1
            if k < 0:
                continue
            village = re.match("[\u4e00-\u9fa5]{2,3}?(?:村|社区)", text[at + 1 :]).group()  # type: ignore[union-attr]
            v_stem = village[:-2] if village.endswith("社区") else village[:-1]
            end = at + 1 + len(village)
            for size in (2, 3):
                begin = at - size
                town = text[begin:at]
                if begin < 0 or not is_han(town):
                    break
                j = bisect_right(ends, begin) - 1  # the piece ending at begin
                before = pieces[j] if j >= 0 else None
                glued = pieces[j + 1] if j + 1 < len(pieces) else None
                if glued is not None and glued.start == begin - 1 and glued.end == begin + 1 \
                        and text[begin - 1] in "在到从于至赴" and glued.freq < 100 and glued.mention is None:  # fmt: skip
                    # 在化|龙镇|裴岭|村: jieba glued the preposition to the name's first character
                    pieces[j + 1 : j + 2] = [
                        _Piece(text[begin - 1], begin - 1, begin, "p", 1000, None),
                        _Piece(text[begin], begin, begin + 1, "", 0, None),
                    ]
                    starts, ends = list(map(_START_OF, pieces)), list(map(_END_OF, pieces))
                    k = bisect_right(starts, at) - 1
                    j += 1
                    before = pieces[j]
                if begin and (before is None or before.end != begin):
                    continue  # the town's name would start inside a word
                after_place = before is not None and before.mention is not None and before.mention.type == "Place"
                if not (
                    after_place or before is None or before.text in _SENT_PUNCT or before.text in "、（(“"
                    or (before.tag in ("p", "uj", "c") and before.freq >= 1000)
                    or before.text in _WHERE_VERBS  # 位于|三排镇|南岗村
                ):
                    continue
                if pieces[k].start in (begin, at) and pieces[k].end == at + 1 and not (
                    k > j + 1 and pieces[k - 1].start == begin and pieces[k - 1].tag in ("m", "mq", "q", "t")
                ):
                    break  # 龙兴镇 or 镇 is a word: the suffix rules find the names (not after a
                    # name jieba reads as a number: 三角|镇|红星村)
                if not all(q.mention is None or self._county_short(q.mention) for q in pieces[j + 1 : k + 1]):
                    break  # 湖南|宁乡|井冲村: a place's name is no part of the town's (a county's
                    # short name may be: 金凤|镇海|龙村, 乐|丰镇|桐|山村)
                breakers = _STRICT_BREAKERS if after_place else _GAP_BREAKERS | _VERBISH
                if any(c in breakers for c in town + v_stem) or any(
                    w in self.generic or (self.seg.freq(w) >= _COMMON_FREQ and self.seg.tag(w) not in _NAME_TAGS)
                    for w in (town, v_stem)
                ):
                    break
                tail = text[at - 1 : at + 1]
                if self.seg.freq(tail) >= 100 and self.seg.tag(tail) not in _NAME_TAGS:
                    break  # 浙北|水乡: the suffix makes a word with the character before it
                hi = bisect_left(starts, end)
                if pieces[hi - 1].end != end or any(
                    q.mention is not None and q.mention.type != "Place" for q in pieces[j + 1 : hi]
                ):
                    break  # the village's name would end inside a word, or a person's name is there
                made = (
                    Mention(begin, at + 1, text[begin : at + 1], "Place", "suffix-town", "", text[at]),
                    Mention(at + 1, end, village, "Place", "suffix-village", "", village[len(v_stem) :]),
                )
                pieces[j + 1 : hi] = [_Piece(x.text, x.start, x.end, "ns", 0, x) for x in made]
                out.extend(made)
                break
        return out

    def suffix_places(self, text: str, pieces: list[_Piece]) -> list[Mention]:
        out: list[Mention] = []
        if "镇" in text or "乡" in text:
            out += self._town_and_village(text, pieces)
        hits = sorted(
            ((e + 1 - len(w), e + 1, w) for e, w in self.place_suffix_ac.iter(text)),
            key=lambda h: (h[1], -(h[1] - h[0])),
        )
        taken_end = -1
        starts: list[int] = []
        ends: dict[int, int] = {}
        changed = True  # the pieces' positions, worked out again only after a mention is inserted
        for s_start, s_end, suffix in hits:
            if changed:
                starts = list(map(_START_OF, pieces))
                ends = index_by_end(pieces)
                changed = False
            if s_end == taken_end or s_end not in ends or pieces[ends[s_end]].mention is not None:
                continue
            level = self.place_suffixes[suffix]
            if suffix == "屯" and text[s_start - 1 : s_start] in "村乡":
                continue  # 边境村屯: villages, no name
            if suffix in ("镇", "乡") and text.startswith("街道", s_end) and not text.startswith("街道办", s_end):
                continue  # 嘉定镇|街道: a subdistrict named after the old town (its 街道 suffix takes it)
            if suffix == "洞" and text[s_start - 1 : s_start] in "主导券涵隧桥":
                continue  # 双主洞, 中导洞: a tunnel's bores, not a cave
            if (
                level in ("town", "village")
                and suffix not in ("村", "镇", "乡")  # (杉口村|村民, 东建乡|乡亲)
                and text[s_end : s_end + 1] in ("村", "镇", "乡")
            ):
                continue  # 林寨|村: the name goes on to the village's own suffix
            if level == "site" and text[s_end : s_end + 1] == "村" and not text.startswith(_VILLAGE_WORDS, s_end):
                continue  # 中门寺|村, 大桥|村: a village named after a temple or a bridge
            if level == "site" and suffix in _STREET_SUFFIXES and text.startswith(("社区", "街道"), s_end):
                continue  # 南大街|社区: a community named after its street
            if suffix == "社区" and text.startswith(("卫生服务", "卫生院", "医院"), s_end):
                continue  # 中和街道|社区卫生服务中心: a health centre, not a community
            if suffix == "村" and text.startswith(("街道", "社区"), s_end):
                continue  # 新山村|街道, 民主村|社区: a subdistrict or community named after a village
            if suffix == "村" and text[s_start - 1 : s_start] == "村" and text.startswith(_VILLAGE_WORDS, s_start):
                continue  # 余村|村集体, 余村|村民: a village, then its own word (not 余村村)
            whole_word = False
            i = bisect_right(starts, s_start) - 1
            p = pieces[i]
            road = None
            if suffix == "路" and p.start == s_start and i and (q := pieces[i - 1]).end == s_start \
                    and q.tag == "ns" and len(q.text) == 2 and q.mention is None and q.text not in self.generic \
                    and not (s_end < len(text) and self.seg.freq(text[s_start : s_end + 1]) > 0) \
                    and (not q.start or not _HAN.match(text[q.start - 1]) or text[q.start - 1] in "的在沿着到至经往从"
                         or (i >= 2 and (r := pieces[i - 2]).end == q.start and r.mention is not None
                             and r.mention.type == "Place")):  # fmt: skip
                # (not 鲜花的千里|保鲜|路: a journey)
                road = q  # 北滨|路, 嘉陵|路: a road named by a place's word jieba knows (not 路线, 路口)
            elif suffix in _KNOWN_WORD_SUFFIXES:
                if suffix == "街" and text.startswith("道", s_end):
                    continue  # 八廓街|道: a subdistrict named after its street (jieba: 八廓街 + 道)
                if not (p.tag == "ns" and p.start < s_start and p.end == s_end and len(p.text) >= 3) or (
                    (self.seg.freq(p.text[:-1]) >= 500 and self.seg.tag(p.text[:-1]) not in _PERSON_OR_PLACE)
                    or p.text[:-1] in _PORT_KINDS
                    or (suffix in ("路", "街") and (p.text.endswith(_NOT_ROADS) or self.seg.tag(p.text[:-1]) not in ("ns", "nr", "")))
                ):
                    continue  # 南迦巴瓦峰, 天津港: only a peak or port jieba knows (李峰, 高峰; 香港, 港澳
                    # are none), named by no common word (深水港, 枢纽港: kinds of port)
            elif suffix == "古城" and not (p.start == s_start and i and pieces[i - 1].end == s_start
                                         and pieces[i - 1].text in self.rules.admin_short):  # fmt: skip
                continue  # 平遥古城, 正定古城: only a county's or a city's old town (not 花灯耀古城)
            elif suffix in _OLD_STREETS and not (
                p.start == s_start and i and (q := pieces[i - 1]).end == s_start and 2 <= len(q.text) <= 3
                and is_han(q.text) and (q.tag in ("ns", "nz", "") or (q.mention is not None and q.mention.type == "Place")
                                        or self._after_a_city(pieces, i - 1))
                and (not self._common_word(q) or self._after_a_city(pieces, i - 1))
                and self._nameish(q) and q.text not in self.generic
                and q.text not in _OLD_TOWNS and q.text not in ("县城", "老城", "城区", "市区", "山城")
            ):  # fmt: skip
                continue  # 州桥|老街: one name right before it (not 走进|这条|老街, 甘肃兰州|老街)
            if road is not None:
                stem, whole_word = [road], True
            elif p.start < s_start and p.end == s_start + 1 and suffix == "山区" and p.tag == "ns" and len(p.text) >= 3:
                stem = [_Piece(p.text[:-1], p.start, s_start, "ns", 0, None)]  # 武陵山|区: a mountain's region
                whole_word = True
            elif suffix in _KNOWN_WORD_SUFFIXES or (
                suffix == "寺" and p.tag in ("ns", "nz") and p.start < s_start and p.end == s_end and len(p.text) >= 3
            ):  # 大佛寺: a temple jieba knows
                stem = [_Piece(p.text[: s_start - p.start], p.start, s_start, "ns", 0, None)]
                whole_word = True  # 河北|黄骅港: the port alone (its province is its parent)
            elif p.start < s_start:  # the suffix ends a longer word: 鸣玉镇, 龙川江
                if p.end != s_end:
                    continue
                stem = self._stem(pieces, i, s_start, 8, True, level in ("town", "village"))
                if (
                    level == "nature"
                    and len(p.text) == 2
                    and (p.tag == "ns" or (p.freq == 0 and (
                        text.endswith(_ALONG, 0, p.start)  # 涪江、琼江: a made-up word in a list of rivers
                        or (text[p.start - 1 : p.start] == "、" and text[p.start - 2 : p.start - 1] == suffix))))
                    and p.text not in self.generic
                    and text[s_end : s_end + 1] not in "场镇乡村街区县市社"
                    and p.text[0] not in "大小高深老新古上下前后内外山"
                    and (
                        not _HAN.match(text[s_end : s_end + 1])
                        or text.startswith(_RIVER_CONTEXT, s_end)
                        or (p.tag == "ns" and text.startswith(_FEATURE_AFTER, s_end)
                            and not (i and pieces[i - 1].end == p.start and _HAN.match(pieces[i - 1].text[-1:])
                                     and (len(pieces[i - 1].text) == 1 or pieces[i - 1].freq == 0)))
                        # 苍山|脚下 (not 大|巴山|深处, 沿璧|南河: the name may start before the word)
                        or text.endswith(_ALONG, 0, p.start)  # 沿着沙河散步
                        # 嘉陵江、渠江、涪江|三江: a river in a list of rivers
                        or (text[p.start - 1 : p.start] == "、" and text[p.start - 2 : p.start - 1] == suffix)
                    )
                ):
                    stem = [
                        _Piece(p.text[:1], p.start, s_start, "ns", 0, None)
                    ]  # 抚河: a name jieba knows
                    q = pieces[i - 1] if i else None
                    if q is not None and len(q.text) == 1 and q.mention is None and (q.tag in ("zg", "ng") or (
                        q.tag in ("nr", "n") and (q.start == 0 or text[q.start - 1] in _UNIT_LEADS)  # ，梅 + 溪河
                    )) \
                            and _HAN.match(q.text) and q.text not in _FUNCTION_CHARS and q.text not in _PREP:  # fmt: skip
                        stem.insert(0, q)  # 璧 + 南河: a character jieba left alone opens the name
                    whole_word = True
                elif level == "nature":
                    if p.text in _NATURE_IDIOMS or (suffix in ("河", "江", "湖", "溪") and suffix in p.text[: s_start - p.start]):
                        continue  # 崇山峻岭, 母亲河: an idiom or a metaphor; 巡河护河: two verbs and their objects
                    if (stem is None or p.tag not in ("", "ns")) and len(p.text) >= 3 and is_han(p.text) \
                            and p.text not in self.generic and self._named_feature(text, p):  # fmt: skip
                        # 四面山, 大别山 (jieba knows them as places), 明月山|下, 依托|歌乐山: the
                        # whole word, though its head is an ordinary word (四面, 明月)
                        stem = [_Piece(p.text[: s_start - p.start], p.start, s_start, "ns", 0, None)]
                        whole_word = True
                    elif stem is None or not (
                        p.tag in ("", "ns") or (p.tag.startswith("nr") and p.freq < 50)
                    ):
                        continue
                    else:
                        stem = [q for q in stem if q.start >= p.start]
            else:  # the suffix is a word of its own: 三泉 + 镇, 中心 + 社区
                if i == 0:
                    continue
                if level == "nature":  # 巴拉 + 河(畔): only one name-like word before it
                    q = pieces[i - 1]
                    if (
                        text.startswith(_BESIDE, s_end)
                        and len(suffix) == 1
                        and 2 <= len(q.text) <= 3
                        and is_han(q.text)
                        and q.end == s_start
                        and (q.mention is None or (q.mention.rule == "admin-short" and suffix == "湖"))
                        and (q.tag in ("ns", "nz", "") or (q.tag == "n" and q.freq < 5000))
                        and q.text[-1] not in "江河湖溪山场"
                        and not q.text.startswith(self._determiner_prefixes)
                        and q.text not in self.generic
                        and not any(c in _FUNCTION_CHARS or c in _PREP for c in q.text)
                    ):  # 桃花 + 溪|畔, 长寿 + 湖|畔, 菩提 + 山|脚下: a feature by its side is named
                        stem = [q]
                        whole_word = True
                    elif suffix == "山区" and q.tag != "ns":
                        continue  # 边远|山区, 抢通|山区: 山区 is a word; only a mountain's name makes it a region
                    elif (
                        q.mention is not None and q.mention.rule == "admin-short" and q.end == s_start
                        and suffix in _COUNTY_FEATURES and q.text[-1] != suffix[0]  # (沅江|江畔)
                        and all(a.level == "county" or (len(suffix) > 1 and a.level == "city")
                                for a in self.rules.admin_short.get(q.text, ()))  # (重庆|江畔, 新疆|盆地)
                        and (len(suffix) > 1 or text.startswith(_FEATURE_AFTER, s_end))
                    ):  # fmt: skip
                        stem = [q]  # 綦江 + 河|奔流, 门源 + 盆地, 渝中 + 半岛: a feature named after its county
                        whole_word = True
                    elif (
                        q.mention is None and q.end == s_start and len(suffix) == 1 and 2 <= len(q.text) <= 3
                        and is_han(q.text) and q.tag == "n" and q.freq < 2000 and q.text not in self.generic
                        and q.text[-1] not in "场区园村镇乡站馆院所"  # (亚布力滑雪场|山脚下)
                        and not any(c in _FUNCTION_CHARS for c in q.text)
                        and (text.startswith(_FEATURE_AFTER, s_end) or text.endswith(_FEATURE_BEFORE, 0, q.start))
                    ):  # fmt: skip
                        stem = [q]  # 依托 + 女娲 + 山, 芙蓉 + 江|两岸, 苍头 + 河|的水: a name of ordinary words
                        whole_word = True
                    elif q.mention is not None and q.mention.rule == "suffix-nature" and q.end == s_start \
                            and suffix in ("峡谷", "大峡谷", "湿地", "瀑布"):  # fmt: skip
                        stem = [q]  # 油草河 + 峡谷: a feature named after the river that made it
                        whole_word = True
                    elif q.mention is not None or not (2 <= len(q.text) <= 4 and is_han(q.text)) or \
                            q.tag not in ("", "ns", "nrt", "nr", "nz") or self._common_word(q) or \
                            not self._nameish(q) or \
                            (not q.tag and q.text[0] in "从在到向于由把被将给让") or \
                            q.text.startswith(self._determiner_prefixes):  # 这座|高原: no name  # fmt: skip
                        continue
                    else:
                        stem = [q]
                elif suffix in _OLD_STREETS:
                    stem = [pieces[i - 1]]  # 州桥|老街 (checked above)
                    whole_word = True
                elif suffix in _OLD_TOWNS and pieces[i - 1].end == s_start and pieces[i - 1].text in self.rules.admin_short \
                        and pieces[i - 1].text not in _OLD_TOWNS:  # (古城|古镇: two kinds)
                    stem = [pieces[i - 1]]  # 平遥|古城, 正定|古城: the old town of a county jieba reads as a word
                    whole_word = True
                else:
                    stem = self._stem(pieces, i - 1, pieces[i - 1].end, 8, True, level in ("town", "village"))
            gap = self._chain_gap(text, pieces, i if p.start >= s_start else i - 1, s_start, level)
            straddle = p.start < s_start and self._common_word(p) and not p.tag.startswith("v")
            if (
                gap is not None and not straddle
            ):  # 农村, 乡村 straddle a gap; 岭 + 下乡 does not count
                stem = gap  # 大渡口区 + 跳磴 + 镇: the words between a place and a suffix name the next one
            if (not stem or len(text[stem[0].start : s_start]) < 2) and suffix == "村" and s_start:
                one = text[s_start - 1]  # 天荒坪镇 + 余村: a one-character name right after its town
                town = self._parent_before(pieces, s_start - 1)
                if (
                    town is not None and town.text.endswith(("镇", "乡")) and _HAN.match(one)
                    and one not in _FUNCTION_CHARS and one not in _GAP_BREAKERS and one not in _VERBISH
                    and one not in _NOT_ONE_CHAR_VILLAGES and not text.startswith(_VILLAGE_WORDS, s_end)
                ):  # fmt: skip
                    stem, whole_word = [_Piece(one, s_start - 1, s_start, "", 0, None)], True
            if suffix == "书院" and text.endswith(("街道", "社区", "村", "镇", "乡", "区", "县", "市"), 0, s_start):
                continue  # 银雀山街道|书院: a place's reading room, not an academy named
            if suffix == "街道" and text[s_start - 1 : s_start] in ("外", "内") and text[s_start - 2 : s_start - 1] in "室户":
                continue  # 半室外|街道: a street of a building, no subdistrict
            if level in ("town", "village") and text[s_start - 1 : s_end] in _MOVES and (
                before := next((q for q in reversed(pieces) if q.end <= s_start - 1 and q.start < s_start - 1), None)
            ) is not None and before.end == s_start - 1 and (
                before.text in ("不", "没") or (len(before.text) >= 2 and self.seg.freq(before.text) >= 100)
            ):  # fmt: skip
                continue  # 农产品|出村, 工业品|下乡: goods going out of villages, not a village (but 岭下乡)
            if level == "site" and suffix in _DATE_NAMED and (
                day := next((d for d in _DATE_NAMES if text.endswith(d, 0, s_start)), None)
            ) and any(q.start == s_start - len(day) for q in pieces) and text[s_end : s_end + 1] != "舞":  # fmt: skip
                # 南昌|八一广场, 长沙|五一广场 (one word for jieba): named after a day
                stem, whole_word = [_Piece(day, s_start - len(day), s_start, "", 0, None)], True
            if stem is None:
                continue
            while (
                level == "site" and len(stem) >= 2
                and stem[0].mention is not None and stem[0].mention.rule in ("admin", "admin-short")
                and not stem[0].text.startswith(MUNICIPALITIES)
                and all(o.level == "province" for o in admin_places(stem[0].text, self.rules))
                and stem[1].start == stem[0].end
                and len(text[stem[1].start : s_start]) >= 2
                and self._specific(stem[1:])  # (not 新疆 + 办事处纪念馆, 百余家景区: no name after it)
            ):  # fmt: skip
                stem = stem[1:]  # 广西 + 南宁南站, 黑龙江 + 军川农场: a province, then a site in it
                # (not a municipality's: 重庆璧山高新区, 上海浦东机场 are the names)
            if suffix in _LINES and not whole_word:
                # 京原|铁路, 渝|钦|铁路, 红霞|岭|隧道: a line's or a tunnel's name is the words
                # jieba made up, abbreviates or reads as names right before it, two to four
                # characters (not 城际|铁路, 新疆|铁路: the railways of a region, 盾构|隧道)
                tail: list[_Piece] = []
                last = stem[-1] if stem else None
                if last is not None and last.mention is not None and last.mention.rule == "suffix-nature":
                    tail = [last]  # 红霞岭 + 隧道, 高黎贡山 + 隧道: a tunnel named by its mountain
                elif suffix != "隧道":
                    for q in reversed(stem):
                        if q.mention is not None or not is_han(q.text) or len(q.text) > 3 or q.text in _LINE_KINDS or not (
                            q.freq == 0 or q.tag in ("nz", "j", "ns", "nr", "ng") or len(q.text) == 1
                        ) or sum(len(t.text) for t in tail) + len(q.text) > 4:  # fmt: skip
                            break
                        tail.insert(0, q)
                    if tail and len(tail[0].text) >= 3 and tail[0].text[0] in _LINE_KINDS:
                        t = tail[0]  # 着济郑|高铁, 沿杭台|高铁: jieba glued the word before to the name
                        tail[0] = _Piece(t.text[1:], t.start + 1, t.end, "", 0, None)
                    if "".join(t.text for t in tail) in _LINE_KINDS or not 2 <= sum(len(t.text) for t in tail) <= 4 or all(
                        len(t.text) == 1 and t.tag not in ("j", "nr") for t in tail
                    ):
                        tail = []
                if not tail:
                    continue
                stem = tail
            if suffix in ("水库", "蓄滞洪区") and not whole_word and stem:
                last = stem[-1]
                if not is_han(last.text) or (last.mention is None and self._reservoir_kind(last.text)):
                    continue  # 中小|水库, 调度|水库, 病险|水库: a kind of reservoir, not one named
                if last.mention is None and len(stem) >= 2 and len(last.text) <= 2 and stem[-2].mention is None \
                        and self.seg.freq(stem[-2].text) == 0 and is_han(stem[-2].text):  # fmt: skip
                    stem = stem[-2:]  # 关门|嘴子|水库: a name jieba cut in two
                else:
                    stem = [last]  # 丹江口|水库, 于桥|水库: its name is the word before it (not 水利工程|三坝水库)
            if level == "site" and stem and all(q.mention is None and q.text in _MEMORIAL_KINDS for q in stem):
                namer = self._memorial_namer(pieces, stem[0].start)
                if namer is None:
                    continue  # 革命烈士|陵园, 革命|纪念馆: a kind of memorial, not one named
                stem = [namer, *stem]  # 六盘山|长征|纪念馆, 东北|烈士|纪念馆: named by where or what
            name_start = stem[0].start if stem else s_start
            stem_text = text[name_start:s_start]
            if suffix in ("博物馆", "博物院") and (
                text.startswith(_MUSEUM_KINDS, name_start) or any(v in stem_text for v in ("步入", "亮相", "走进", "参观"))
                or re.search(r"[一二三四五六七八九十百几多两\d]+[家省地座个所]", stem_text)
            ):  # fmt: skip
                continue  # 专题博物馆, 全国近百家博物馆, 夫人步入博物馆: a kind or a count of museums
            if level == "site" and stem_text.startswith("人民") and text.endswith("中国", 0, name_start):
                name_start -= 2  # 中国|人民抗日战争纪念馆: the people's memorial is China's
                stem_text = text[name_start:s_start]
            if name_start and text[name_start - 1].isdigit() and stem_text[:1] in "座个条处家所宗":
                continue  # 7座|特大桥: a count
            if name_start and text[name_start - 1].isdigit() and stem_text[:1] in "年月日" and len(stem_text) >= 3:
                name_start += 1  # 1989年|孙家集街道: the date before the name is no part of it
                stem_text = stem_text[1:]
            if level in ("town", "village") and stem_text[:1] in "前后" and len(stem_text) >= 3 and name_start \
                    and text[name_start - 1] in "年月天日周":  # fmt: skip
                name_start += 1  # 4年前|嘎拉村: a time ago, then the village
                stem_text = stem_text[1:]
            if re.fullmatch(r"[多几数两一二三四五六七八九十百千]+[片个处座条批]", stem_text):
                continue  # 多片|历史文化街区: a count of places
            if stem_text in _AGES or (stem_text[:-1] in _AGES and stem_text[-1] in "古老"):
                continue  # 千年|古镇, 百年|老街: an age, not a name
            if level == "village" and (
                stem_text.endswith(_VILLAGE_KIND_ENDS) or _VILLAGE_SLOGAN.search(stem_text)
            ):
                continue  # 省定贫困|村, 软弱涣散|村: a kind of village; 强村带弱|村: a slogan
            if stem_text.endswith("式") and len(stem_text) >= 3 and not whole_word:
                continue  # 家族式|苗寨: a manner, not a name (but 新式村 is one)
            if level in ("town", "village") and stem_text.endswith("派出所"):
                continue  # 周家坝派出所|社区民警: a body's people, not a community of that name
            if stem and re.fullmatch("[一二三四五六七八九十两几]大", stem[-1].text):
                continue  # 芙蓉洞|三大|景区, 北京|两大|机场: a count of places (not 中共一大|纪念馆)
            if level in ("town", "village") and stem_text[-1:] in "两几各每该全多等诸" and len(suffix) == 1:
                continue  # 沙田、虎门|两镇, 等村: a count or a list's end, not a name
            if (
                suffix == "村"
                and text.startswith(_VILLAGE_NOUNS, s_end)
                and self.seg.freq(stem_text) >= 30
                and self.seg.tag(stem_text) not in _NAME_TAGS
            ):
                continue  # 伙同|村报账员, 选派|村党组织书记, 历年|村务: a word, then a village's office
            if stem and text[name_start:s_end] in self.generic:
                continue  # 渝北区|城市社区: a kind of place, not one named by its parent
            named_by_village = suffix in ("社区", "街道") and len(stem_text) >= 3 and stem_text.endswith("村")
            if level == "site" and suffix in _ZONES and not whole_word and (len(stem_text) < 2 or not self._specific(stem)):
                field = self._zone_field(text, pieces, name_start, stem or [])
                if field is not None:  # 永川 + 大数据 + 产业园, 射洪经济开发区 + 锂电循环 + 产业园
                    stem, name_start = field, field[0].start
                    stem_text = text[name_start:s_start]
            elif level == "site" and suffix in _ZONES and not whole_word and stem and not self._named(stem) \
                    and (parent := self._parent_before(pieces, name_start)) is not None \
                    and parent.rule in ("admin", "admin-level", "suffix-town") and not parent.text.endswith(("省", "自治区")):  # fmt: skip
                name_start = parent.start  # 巫山县 + 电子商务 + 产业园: a county's or a town's zone of a trade
                stem_text = text[name_start:s_start]
            if suffix in _NAMED_SITES:
                named = self._named_site(text, suffix, s_start, s_end, stem, stem_text, whole_word)
                if named is None:
                    continue
                if named is not stem:
                    stem = named
                    name_start = stem[0].start if stem else s_start
                    stem_text = text[name_start:s_start]
            if suffix == "大街" and stem_text in ("东", "南", "西", "北", "中"):
                whole_word = True  # 葛城街道 + 南大街: a street named by its direction, inside its subdistrict
            if not whole_word and not named_by_village and (len(stem_text) < 2 or not self._specific(stem)):
                # (民主村 + 社区, 新山村 + 街道: named after a village, not by their parent)
                # 中心社区, 工业园区: a generic stem is named by its parent (鸣玉镇中心社区)
                parent = self._parent_before(pieces, name_start)
                if parent is None or (len(stem_text) < 2 and level != "site"):
                    continue
                name_start = parent.start
            if text[name_start:s_end] in self.generic:
                continue  # 跨海特大桥: a kind of place, not a name
            if self._in_short_quote(text, name_start, s_end):
                continue  # “空壳村”, “中国名茶之乡”: a label or slogan in quotation marks, not a place
            county = self._county_before_town(text, name_start, s_start) if level == "town" else None
            if county is not None:  # 秀山 + 洪安镇 (jieba: 秀|山洪|安镇): the county, then its town
                out.append(county)
                self._insert_piece(pieces, county)
                name_start = county.end
            if suffix == "山" and text[s_end : s_end + 1] == "脉" and s_end + 1 in ends:
                s_end, suffix = s_end + 1, "山脉"  # 罗霄山|脉: a mountain range (jieba leaves 脉 alone)
            mention = Mention(
                name_start, s_end, text[name_start:s_end], "Place", "suffix-" + level, "", suffix
            )
            out.append(mention)
            taken_end = s_end
            self._insert_piece(pieces, mention)
            changed = True
        return out

    def village_repeats(self, text: str, places: list[Mention], pieces: list[_Piece]) -> list[Mention]:
        """余村, 集体村 (found after 天荒坪镇, 二圣镇): a village's whole name elsewhere in the
        article names it too, where no longer mention holds it (集体村党支部领办…, 以余村为…,
        余村|村集体; not 余|村民).  The mentions are put among ``pieces`` for the rules that follow."""
        out: list[Mention] = []
        taken = [(m.start, m.end) for m in places]
        for name in dict.fromkeys(m.text for m in places if m.rule == "suffix-village" and m.info == "村"):
            for k in re.finditer(re.escape(name), text):
                a, b = k.span()
                if any(s < b and a < e for s, e in taken) or text.startswith(_VILLAGERS_WORDS, b - 1):
                    continue  # (余|村民: the 村 starts another word)
                lo = bisect_right(list(map(_END_OF, pieces)), a)
                hi = bisect_left(list(map(_START_OF, pieces)), b, lo)
                if any(p.mention is not None for p in pieces[lo:hi]):
                    continue  # (a person's or a place's name is there)
                m = Mention(a, b, name, "Place", "stem-alias", name)
                out.append(m)
                taken.append((a, b))
                self._insert_piece(pieces, m)
        return out

    def context_units(self, text: str, places: list[Mention], pieces: list[_Piece]) -> list[Mention]:
        """Towns, subdistricts, villages and communities whose names are ordinary words
        (丰盛, 青年, 礼让, 两路; 三元, 八角, 胜利), which the suffix rules leave alone: found
        where the context leaves no doubt.  A town or subdistrict where a clause opens with
        it, after 在/来到… or after its county, and a punctuation mark, its own body
        (党委, 政府) or its village follows (在丰盛镇,; 渝北区回兴街道,; 在礼让镇川西村);
        a village or community right after a town (分水镇三元村村民, 鱼洞街道新华社区居民).
        The mentions are put among ``pieces`` for the rules that follow."""
        if not any(u in text for u in ("镇", "乡", "街道", "村", "社区", "苏木", "嘎查")):
            return []
        out: list[Mention] = []
        towns = [m for m in places if m.rule == "suffix-town"]
        for u in _UNIT_RE.finditer(text):
            pos, unit = u.start(), u.group()
            if text[pos : pos + 2] in _UNIT_WORDS:
                continue  # 乡村, 镇村: the suffix opens a word (most hits: skipped before any other test)
            end = u.end()
            follows = (
                text[end : end + 1] in _UNIT_STOPS
                or text.startswith(_UNIT_BODIES, end)
                or (unit != "街道" and _VILLAGE_AFTER.match(text, end) is not None)
                or self._place_at(pieces, end)  # 回兴街道|宝环社区: its community follows
            )
            # 巴宜区八一镇的, 从甲洼镇赶来: a word may follow a town its county or a
            # preposition opens, if the name is no word (or 的 follows it)
            loose = (
                not follows
                and unit != "街道"
                and (text[end : end + 1] == "的" or bool(_HAN.match(text[end : end + 1])))
                and text[end : end + 1] != "长"  # 僰王山镇原副镇长: a post
            )
            if not (follows or loose):
                continue
            for size in (2, 3, 4, 5) if unit == "苏木" else (2, 3, 4):
                a = pos - size
                stem = text[a:pos]
                if a < 0 or not self._unit_stem(stem, unit, text, pos):
                    continue
                if size >= 4 and not self._foreign_stem(stem):
                    continue  # (在桑根达来镇, 在赛音胡都嘎苏木: a long name is a Mongolian one)
                parent = self._parent_before(pieces, a) is not None
                if loose and not (
                    (parent or text.endswith(_UNIT_PREPOSITIONS, 0, a))
                    and (text[end] == "的" or (self.seg.freq(stem) == 0 and text[end] not in _UNIT_BREAKERS))
                    # no verb or adverb across its start or inside it (到达|五峰镇, 湖州已有入乡)
                    and not any(self.seg.tag(text[k : k + 2]) in _LOOSE_BREAK_TAGS for k in range(a - 1, pos - 1))
                ):
                    continue
                opened = (
                    a == 0 or text[a - 1] in _UNIT_LEADS or text.endswith(_UNIT_OPENERS, 0, a) or parent
                )
                if opened and self._free(pieces, a, end, stem_end=pos) and not self._in_short_quote(text, a, end):
                    m = Mention(a, end, text[a:end], "Place", "suffix-town", "", unit)
                    out.append(m)
                    towns.append(m)
                    self._insert_piece(pieces, m)
                    break
        for town in towns:
            v = _VILLAGE_AFTER.match(text, town.end)
            if v is None or (v.group(2) != "嘎查" and len(v.group(1)) > 3):
                continue
            stem, unit = v.group(1), v.group(2)
            if len(stem) >= 4 and not self._foreign_stem(stem):
                continue
            end = v.end()
            if unit == "村" and text.startswith("社区", end):
                unit, end = "社区", end + 2  # 铜元局街道|长江村社区: a community named after a village
                stem = text[town.end : end - 2]
            elif text.startswith(_VILLAGE_WORDS, end - 1) and not text.startswith("村民宿", end - 1) and (
                self.seg.freq(stem) >= _COMMON_FREQ and self.seg.tag(stem) not in _NAME_TAGS
            ):
                continue  # 丰盛镇|广大|村民, 朝鲜族乡|组织|村里: no village (but 八角村|民宿)
            if self._village_stem(stem) and self._free(pieces, town.end, end):
                m = Mention(town.end, end, text[town.end : end], "Place", "suffix-village", "", unit)
                out.append(m)
                self._insert_piece(pieces, m)
        return out

    def family_places(self, text: str, pieces: list[_Piece], places: list[Mention] = ()) -> list[Mention]:
        """Places named after a family and a landform (陆家嘴, 于家堡, 向家坝, 杨家岭): a common
        surname, 家 and a landform's character, no word going on from it (刘家|庄园), and no
        entity found there yet (村民王家坝: a person after a role; 石家庄: a city)."""
        if "家" not in text:
            return []
        out: list[Mention] = []
        surnames = self.common_surnames
        for m in _FAMILY_PLACE_RE.finditer(text):
            s, e = m.start(), m.end()
            if text[s] not in surnames or self.seg.freq(text[s : s + 2]) >= 1000:
                continue  # 国家湾区, 大家坝坝会: a word, not a family
            if self.seg.freq(text[e - 1 : e + 1]) >= 20 or self.seg.freq(text[s : e + 1]) > 0:
                continue  # 刘家|庄园, 李家|沟通: the landform's character opens a word
            if text.startswith(_FAMILY_PLACE_BODIES, e):
                continue  # 周家坝派出所, 周家坝街道: the body's or the unit's name holds it
            if self._free(pieces, s, e) and not any(q.start <= s and e <= q.end for q in places):
                out.append(Mention(s, e, text[s:e], "Place", "family-place", "", text[e - 1]))  # (周家坝街道)
        return out

    def _unit_stem(self, stem: str, unit: str, text: str, pos: int) -> bool:
        """Can ``stem`` name a town or a subdistrict (``unit``) in :meth:`context_units`?"""
        if not is_han(stem) or any(c in _UNIT_BREAKERS for c in stem):
            return False
        if stem in self.generic or stem in _NOT_VILLAGE_NAMES or stem in _REGIONS or stem in _AGES or \
                stem.startswith(self._determiner_prefixes) or any(c in "个些座处条" for c in stem):  # fmt: skip
            return False
        tag = self.seg.tag(stem)
        if tag in _NOT_UNIT_TAGS or (tag == "v" and self.seg.freq(stem) >= 500):
            return False  # 在当地|镇, 周边|乡镇, 组织|街道
        if unit == "街道":
            return self.seg.freq(stem) < _STREET_FREQ or tag in _NAME_TAGS  # 在商业街道: a street
        if text[pos - 1 : pos + 1] in _UNIT_TAILS or stem[-1] in "两几多":
            return False  # 产业强镇, “童话雪乡”; 沙田、虎门|两镇 (和美|乡村: skipped by the caller)
        return self.seg.freq(text[pos - 1 : pos + 1]) < 5  # 丹灶|小镇, 沿海|侨乡, 直通|乌镇: a word ends it

    def _named_feature(self, text: str, p: _Piece) -> bool:
        """Is the word ``p``, ending in a mountain's or a river's suffix, a feature's name:
        a place jieba knows (四面山, 大别山, 九曲溪; not an idiom: 崇山峻岭), or a word with a
        feature's context around it (明月山|下, 贡江|之畔, 依托|歌乐山, 沿|笋溪河)?"""
        if p.text in _NATURE_IDIOMS:
            return False
        if p.tag == "ns":
            return True
        return p.tag in ("n", "nr", "nrfg", "nz", "") and (
            text.startswith(_FEATURE_AFTER, p.end)
            or text.endswith(_FEATURE_BEFORE, 0, p.start)
            or (text.endswith("在", 0, p.start) and text[p.end : p.end + 1] in ("，", ",", "。"))  # 在白马山,
        )

    def _named_site(
        self, text: str, suffix: str, s_start: int, s_end: int, stem: list[_Piece], stem_text: str, whole_word: bool
    ) -> list[_Piece] | None:
        """The stem of a site of a kind that a name must open (:data:`_NAMED_SITES`): None for
        no site, ``stem`` itself when it stands, a new stem (maybe empty: the site is then
        named by the place before it) otherwise."""
        if len(suffix) == 1 and (
            self.seg.freq(text[s_start - 1 : s_end]) >= 5 or re.match("[\u4e00-\u9fa5]?[镇乡村]", text[s_end : s_end + 2])
        ):
            return None  # 宫殿|宗庙, 寺庙: a kind of temple; 琉璃庙镇, 庙荒村: a place's name goes on
        if stem_text.endswith("等") or "、" in stem_text or re.match("[一二三四五六七八九十两几]大", stem_text):
            return None  # 湖南鸡叫城等|遗址: a list of sites; 十大核心商圈: a count
        if suffix == "商圈" and stem and all(q.mention is not None and q.mention.rule.startswith("admin") for q in stem):
            return None  # 重庆|商圈, 闵行区|商圈: the business districts of a city, not one
        if whole_word:
            return stem
        cut = max((k for k, q in enumerate(stem) if q.mention is None and (
            (q.tag.startswith("v") and q.text != "革命") or q.text in _SITE_STEM_BREAKS
        )), default=-1)  # fmt: skip  (枣园 + 革命 + 旧址: 革命 is part of the name)
        stem = stem[cut + 1 :]  # 参观|叶剑英故居, 充分利用|良渚古城遗址, 一处|古迹遗址
        lone = len(stem) == 1 and stem[0].mention is None and stem[0].text not in self.rules.admin_short and (
            (stem[0].freq >= 500 and stem[0].tag not in _PERSON_OR_PLACE) or stem[0].tag in ("a", "ad", "an", "b")
        )  # (壮美|瀑布: a kind; but 平遥|古城: a county jieba reads as a word)
        if lone or not self._specific(stem) or (
            (suffix in _KIND_PRONE_SITES or text[stem[0].start - 1 : stem[0].start] == "的") and not self._named(stem)
        ):
            return []  # 抗战|遗址, 智慧|商圈, 盐场|遗址: a kind of site, named only by a place before it
        return stem

    def _zone_field(self, text: str, pieces: list[_Piece], start: int, stem: list[_Piece]) -> list[_Piece] | None:
        """The trade an industrial zone is named for, between a place and the zone's suffix
        at ``start`` (永川 + 大数据, 射洪经济开发区 + 锂电循环, 于都 + 工业): common nouns,
        adjectives and verbal nouns, two to six characters, no function word.  A city's or a
        county's name, short or full, or a town's opens the zone's name (永川大数据产业园,
        巫山县电子商务产业园); a province or a zone before it is its parent (射洪经济开发区 ⊃
        锂电循环产业园).  None when no place is there."""
        k = bisect_right(list(map(_END_OF, pieces)), start) - 1  # the piece ending at start
        field: list[_Piece] = [p for p in stem if p.mention is None]
        if len(field) != len(stem) or text[:start].endswith(tuple(_NOT_VILLAGE_NAMES)):
            return None  # (海南自贸港重点|园区: a kind of zone)
        while k >= 0 and sum(len(q.text) for q in field) < 6:
            p = pieces[k]
            if p.mention is not None:
                if p.mention.type != "Place" or not field or sum(len(q.text) for q in field) < 2:
                    return None
                opens = p.mention.rule == "admin-short" or (
                    p.mention.rule in ("admin", "admin-level", "suffix-town") and not p.text.endswith(("省", "自治区"))
                )  # 巫山县电子商务产业园, 围龙镇现代农业产业园: a county's or a town's full name too
                return [p, *field] if opens else field
            if not is_han(p.text) or p.text in self.generic or any(c in _FUNCTION_CHARS for c in p.text) \
                    or p.tag[:1] not in ("n", "a", "b", "j", "") and p.tag != "vn":  # fmt: skip
                return None
            field.insert(0, p)
            k -= 1
        return None

    def _named(self, stem: list[_Piece]) -> bool:
        """Does a stem hold a name: a place, a person or a body found in it, or a word that
        jieba does not know or knows as a name (not only rare common nouns: 盐场, 木业)?"""
        return any(
            (p.mention is not None or p.tag == "" or p.tag in _NAME_TAGS or _landmark_word(p)) and p.text not in self.generic
            for p in stem
        )

    def _foreign_stem(self, stem: str) -> bool:
        """Is ``stem`` (four or five characters) a transliterated name, as a Mongolian one
        (桑根达来, 赛音胡都嘎): a word jieba does not know and no common word in it?"""
        tokens = self.seg.tokens(stem)
        return any(t.freq == 0 and len(t.text) >= 2 for t in tokens) and not any(
            len(t.text) >= 2 and t.freq >= 1000 and t.tag not in _NAME_TAGS for t in tokens
        )

    def _village_stem(self, stem: str) -> bool:
        """Can ``stem``, right after a town, name its village or community?"""
        tag = self.seg.tag(stem)
        return (
            is_han(stem)
            # (边临镇|东于架村: 于 inside a name, not opening it as a preposition)
            and stem[0] not in _UNIT_BREAKERS
            and not any(c in _UNIT_BREAKERS or c in "个全所数几多" for c in stem if c != "于")
            and stem[1:2] not in _MEASURES  # 一处|社区, 三座|村
            and not (tag == "v" and self.seg.freq(stem) >= 100)  # 河田镇|挂任|村党支部第一书记
            and stem not in self.generic
            and stem not in _NOT_VILLAGE_NAMES
            and not stem.startswith(self._determiner_prefixes)
            and tag not in _NOT_UNIT_TAGS - {"d", "f"}  # (大同村: jieba's 大同 is an adverb; 沿江村 a position)
            and stem not in _NOT_LOCATIVE_NAMES
        )

    @staticmethod
    def _place_at(pieces: list[_Piece], pos: int) -> bool:
        """Does a place found as a piece start at ``pos``?"""
        k = bisect_left(list(map(_START_OF, pieces)), pos)
        return k < len(pieces) and pieces[k].start == pos and pieces[k].mention is not None \
            and pieces[k].mention.type == "Place"  # fmt: skip

    @staticmethod
    def _free(pieces: list[_Piece], start: int, end: int, stem_end: int | None = None) -> bool:
        """Is no entity found in text[start:end] yet (a county's or a known place's short
        name inside the stem may be: 凤山|街道, 长江|村社区)?"""
        lo = bisect_right(list(map(_END_OF, pieces)), start)
        hi = bisect_left(list(map(_START_OF, pieces)), end, lo)
        for p in pieces[lo:hi]:
            m = p.mention
            if m is None:
                continue
            if m.type == "Place" and m.rule in ("admin-short", "known") and start <= m.start \
                    and m.end <= (end if stem_end is None else stem_end) and (m.start, m.end) != (start, end):
                continue  # fmt: skip
            return False
        return True

    def _county_before_town(self, text: str, start: int, s_start: int) -> Mention | None:
        """A county's or a city's name (秀山, 江津区) that opens a town's stem of four or more
        characters, leaving at least two for the town's own name (秀山洪安镇 → 秀山 + 洪安镇;
        not 长寿湖镇, not 秀山镇)."""
        stem = text[start:s_start]
        for k in range(len(stem) - 2, 1, -1):  # the longest first (马边彝族自治县 + 民主镇)
            if len(stem) - k > 4:
                continue  # (a town's own name is short: not 凯里 + 乔郡隆迪亚尼镇, in Kenya)
            head = stem[:k]
            if head in self.rules.admin:
                return Mention(start, start + k, head, "Place", "admin")
            if k <= 3 and any(o.level in ("county", "city") for o in self.rules.admin_short.get(head, ())):
                return Mention(start, start + k, head, "Place", "admin-short")
        return None

    def _chain_gap(self, text: str, pieces: list[_Piece], i: int, s_start: int, level: str):
        """The 2-4 characters between a place (or the start of a clause) and a town or
        village suffix, as one stem piece: 大渡口区 + 跳磴 + 镇, “。” + 四都 + 乡."""
        if level not in ("town", "village"):
            return None
        k = i - 1 if pieces[i].start >= s_start else i  # the piece before the suffix
        if (
            text.startswith("村", s_start) and k >= 2 and pieces[k].text == "和" and pieces[k].end == s_start
            and len(pieces[k - 1].text) == 1 and pieces[k - 1].mention is None
            and pieces[k - 1].text not in _GAP_BREAKERS and pieces[k - 1].text not in _VERBISH
            and pieces[k - 2].mention is not None and pieces[k - 2].text.endswith(("镇", "乡"))
            and pieces[k - 2].end == pieces[k - 1].start and is_han(pieces[k - 1].text)
        ):  # fmt: skip
            # 南沱镇 + 睦和村: 和 inside a village's name right after its town
            return [_Piece(text[pieces[k - 1].start : s_start], pieces[k - 1].start, s_start, "", 0, None)]
        j = i
        while (
            j >= 0
            and pieces[j].mention is None
            and pieces[j].end > s_start - 5
            and is_han(pieces[j].text)
            and not (pieces[j].tag in ("p", "c", "uj", "ul", "r") and pieces[j].freq >= 1000)
        ):  # 在 + 四都 + 乡
            j -= 1
        if j >= 0 and pieces[j].mention is not None:
            if pieces[j].mention.type != "Place":
                return None
        elif (
            j >= 0
            and is_han(pieces[j].text)
            and not (pieces[j].tag in ("p", "c", "uj", "ul", "r") and pieces[j].freq >= 1000)
        ):
            return None  # neither a place nor a boundary before the gap
        start = pieces[j].end if j >= 0 else 0
        rest = [q for q in pieces[j + 2 :] if q.start < s_start]
        if j + 1 < len(pieces) and pieces[j + 1].text in _PLACE_STEM_STOPS and len(rest) == 1 \
                and rest[0].tag == "" and rest[0].freq == 0 and s_start - pieces[j + 1].end >= 2:  # fmt: skip
            start = pieces[j + 1].end  # 县城 + 南宾 + 街道, 县城 + 迁陵镇: a made-up name after the town's seat
            j += 1
        gap = text[start:s_start]
        if not 2 <= len(gap) <= 4 or not is_han(gap) or gap[0] in _PREP:
            return None
        if level == "village" and any(c in "镇乡" for c in gap[1:-1]):
            return None  # 万宁市 + 和|乐镇|六连 + 村: a town and its village, not one name
        if (j < 0 or pieces[j].mention is None) and gap[0] in _VISITS:
            return None  # ，看古 + 寨: a visit, then a kind of place
        if len(gap) >= 3 and gap[-1] in "路街" and text.startswith(("街道", "社区"), s_start) and \
                not any(c in _GAP_BREAKERS or c in _VERBISH for c in gap):  # fmt: skip
            return [_Piece(gap, start, s_start, "", 0, None)]  # 石油路 + 街道, 人和街 + 社区: named after a street
        after_town = (
            j >= 0 and pieces[j].mention is not None and pieces[j].text.endswith(("镇", "乡"))
            and pieces[j].end == start and text.startswith("村", s_start) and len(gap) == 2
        )  # fmt: skip
        if any(c in _GAP_BREAKERS or c in _VERBISH for c in gap):
            return None
        if gap.startswith(self._determiner_prefixes) or gap in self.generic:
            return None
        if j + 1 < len(pieces) and pieces[j + 1].tag == "f" and len(pieces[j + 1].text) > 1:
            return None  # 阿尔泰山 + 脚下 + 雪都村: a place's position, not the next name's start
        tag, freq = self.seg.tag(gap), self.seg.freq(gap)
        if text.startswith("社区", s_start) and j >= 0 and pieces[j].mention is not None and \
                pieces[j].text.endswith(("街道", "镇")) and pieces[j].end == start and len(gap) == 2 \
                and tag in ("a", "n", "an") and gap not in _NOT_COMMUNITY_NAMES:  # fmt: skip
            return [_Piece(gap, start, s_start, "", 0, None)]  # 南津街街道 + 幸福社区, 凤城街道 + 桃花社区
        if after_town and tag in ("a", "n", "an", "ad") and gap not in _NOT_VILLAGE_NAMES:
            return [_Piece(gap, start, s_start, "", 0, None)]  # 隘口镇 + 富裕村, 云集镇 + 团结村
        if (tag in _STOP_TAGS and freq >= 100) or (freq >= _COMMON_FREQ and tag not in _NAME_TAGS):
            return None  # 示范村, 重点村: an ordinary word before the suffix
        first = pieces[j + 1] if j + 1 < len(pieces) else None
        if (
            first is not None
            and len(first.text) > 1
            and first.freq >= _COMMON_FREQ
            and first.tag not in _NAME_TAGS
        ):
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
        closed = min(
            (i for i in (text.find(q, end, opened + longest + 2) for q in "”」’") if i >= 0),
            default=-1,
        )
        return closed >= 0

    @staticmethod
    def _parent_before(pieces: list[_Piece], pos: int) -> Mention | None:
        """The place taken whole as the piece that ends at ``pos``, if any (the pieces
        follow each other and do not overlap, so it is found by bisection)."""
        k = bisect_left(list(map(_END_OF, pieces)), pos)
        p = pieces[k] if k < len(pieces) else None
        if p is not None and p.end == pos and p.mention is not None and p.mention.type == "Place":
            return p.mention
        return None

    @staticmethod
    def _insert_piece(pieces: list[_Piece], m: Mention) -> None:
        """Replace the pieces under ``m`` by one mention piece (in place); pieces sticking
        out of it keep their outer part.  The pieces follow each other and do not overlap,
        so the ones under it are found by bisection."""
        lo = bisect_right(list(map(_END_OF, pieces)), m.start)  # the first to end after it starts
        hi = bisect_left(list(map(_START_OF, pieces)), m.end, lo)  # the first to start after it
        new = []
        if lo < hi and pieces[lo].start < m.start:
            p = pieces[lo]
            new.append(_Piece(p.text[: m.start - p.start], p.start, m.start, "", 0, None))
        new.append(_Piece(m.text, m.start, m.end, "ns", 0, m))
        if lo < hi and pieces[hi - 1].end > m.end:
            p = pieces[hi - 1]
            new.append(_Piece(p.text[m.end - p.start :], m.end, p.end, "", 0, None))
        pieces[lo:hi] = new

    def _stem_aliases(self, text: str, places: list[Mention], bounds: set[int]) -> list[Mention]:
        """三泉 for 三泉镇: a town's or village's bare name elsewhere in the article."""
        out = []
        for m in places:
            if m.rule not in ("suffix-town", "suffix-village") or m.info not in ("镇", "乡", "村"):
                continue
            stem = m.text[: -len(m.info)]
            if len(stem) == 1:
                continue  # (余村: its whole name elsewhere is found by village_repeats)
            if len(stem) < 2 or self.seg.freq(stem) >= 100 or stem in self.generic:
                continue
            for k in re.finditer(re.escape(stem), text):
                opened = text.rfind("“", 0, k.start())
                if opened > text.rfind("”", 0, k.start()) and text.find("”", k.end()) != k.end():
                    continue  # “红岩先锋”: inside a quoted name, not the village
                if k.start() in bounds and text[k.end() : k.end() + len(m.info)] != m.info:
                    out.append(Mention(k.start(), k.end(), stem, "Place", "stem-alias", m.text))
        return out

"""Relations between entities, each with the sentence it came from.

Every function here takes an article and its resolved mentions and returns
:class:`~kg.model.Relation` objects whose evidence is the sentence (with its
offsets in :attr:`Article.text`) that states the fact, or the page line for
facts read from the page header.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from itertools import combinations

from .model import ARTICLE, Article, Entity, Evidence, Mention, Relation, mention_order
from .resources import Rules

__all__ = ["sentences", "extract_relations", "MAX_COOCCUR_PER_SENTENCE"]

_SENT_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\n")
MAX_COOCCUR_PER_SENTENCE = 30
_COOP = re.compile(r"(?:进行|开展|签订|达成|深化|加强|深度|全面)?[^，。；！？\n]{0,6}?合作")
_RUN_VERBS = re.compile(
    "开展|组建|打造|推行|实施|成立|推出|创建|建立|举办|深化|探索|启动|发起|搭建|实行|推进|开设|设立|创办|建成|评选|创新(?=[“\"])"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text``: split after 。！？；… and at line ends."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        seg = text[start:end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip("\n"))
            out.append((start + lead, start + trail))
        start = end
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        out.append((start + lead, len(text.rstrip())))
    return out


class _Context:
    def __init__(self, article: Article, mentions: list[Mention]):
        self.article = article
        self.text = article.text
        self.spans = sentences(self.text)
        self.starts = [s for s, _ in self.spans]
        self.mentions = sorted(mentions, key=mention_order)
        self.by_end = {m.end: m for m in self.mentions}
        self.by_start = {m.start: m for m in self.mentions}
        self.place_names = {
            m.text: m.canonical or m.text for m in self.mentions if m.type == "Place"
        }
        self.org_names = {
            m.text: m.canonical or m.text for m in self.mentions if m.type == "Organisation"
        }
        self._evidence: dict[int, Evidence] = {}  # one Evidence per sentence, made once
        self.homes: dict[str, str] = {}  # the article's places by kind (extract_relations)
        self.extra: list[Entity] = []  # bodies only a relation names (渝中区委 + 组织部)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def evidence(self, pos: int) -> Evidence:
        return self.sentence_evidence(self.sent_of(pos) if self.spans else -1)

    def sentence_evidence(self, sent: int) -> Evidence:
        """The evidence of sentence ``sent`` (-1: the whole text, when it has none)."""
        ev = self._evidence.get(sent)
        if ev is None:
            s, e = self.spans[sent] if sent >= 0 else (0, len(self.text))
            ev = self._evidence[sent] = Evidence(self.article.id, self.text[s:e], s, e)
        return ev


def _key(m: Mention) -> tuple[str, str]:
    return (m.type, m.canonical or m.text)


def _prefix_parents(places: list[Entity]) -> list[tuple[Entity, Entity]]:
    """``(place, parent)``: the parent is the place with the longest name or alias (two
    characters or more) that starts the place's name and is shorter; the first such place
    on a tie.  Each name's prefixes are looked up, longest first.

    >>> a, b = Entity("Place", "鸣玉镇"), Entity("Place", "鸣玉镇中心社区")
    >>> [(e.name, p.name) for e, p in _prefix_parents([a, b])]
    [('鸣玉镇中心社区', '鸣玉镇')]
    """
    owners: dict[str, list[Entity]] = {}  # a name or alias -> the places that have it
    for q in places:
        for form in (q.name, *q.aliases):
            if len(form) >= 2:
                owners.setdefault(form, []).append(q)
    out = []
    for e in places:
        for n in range(len(e.name) - 1, 1, -1):
            parent = next((q for q in owners.get(e.name[:n], ()) if q is not e), None)
            if parent is not None:
                out.append((e, parent))
                break
    return out


def _located_in(
    ctx: _Context, entities: tuple[Entity, ...], rules: Rules, homes: dict
) -> list[Relation]:
    rels: dict[tuple, list[Evidence]] = defaultdict(list)
    has_parent: set[tuple[str, str]] = set()
    places = [m for m in ctx.mentions if m.type == "Place"]

    def add(child, parent, ev):
        if child != parent:
            rels[(child, parent)].append(ev)
            has_parent.add(child)

    # a chain: 南川区三泉镇观音村 — each place inside the one before it
    for a, b in zip(places, places[1:], strict=False):
        if a.end == b.start and _key(a) != _key(b):
            add(_key(b), _key(a), ctx.evidence(b.start))
    # an address: 华溪村位于石柱县中益乡, 金佛山地处南川区境内 — inside the last of the chain
    for a in places:
        verb = next((v for v in _LOCATED_VERBS if ctx.text.startswith(v, a.end)), None)
        if verb is None:
            continue
        pos, last = a.end + len(verb), None
        while (b := next((q for q in places if q.start == pos), None)) is not None:
            last, pos = b, b.end
        if (
            last is not None
            and last.rule in ("admin", "admin-short", "admin-level", "suffix-town", "suffix-village")
            and not ctx.text.startswith(_NEAR_WORDS, pos)  # 位于五指山|脚下: near it, not in it
        ):
            add(_key(a), _key(last), ctx.evidence(a.start))
    # a body named after a place, right after that place's parent: 大东坝镇横樟村党支部
    place_names = sorted({m.canonical or m.text for m in places}, key=len, reverse=True)
    for a in places:
        o = ctx.by_start.get(a.end)
        if o is not None and o.type == "Organisation":
            inner = next(
                (n for n in place_names if o.text.startswith(n) and len(n) < len(o.text)), None
            )
            if inner and inner != (a.canonical or a.text):
                add(("Place", inner), _key(a), ctx.evidence(o.start))
    # a name that starts with its parent's name: 鸣玉镇中心社区 ⊂ 鸣玉镇, 南川工业园区 ⊂ 南川区
    place_ents = [e for e in entities if e.type == "Place"]
    first = {}
    for m in places:
        first.setdefault(_key(m), m.start)
    for e, parent in _prefix_parents(place_ents):
        if e.key in first:
            add(e.key, parent.key, ctx.evidence(first[e.key]))
    # the gazetteer: a county inside its city or province, when both are in the article
    by_code = {}
    for e in place_ents:
        if e.info:
            by_code[e.info] = e.key
    for e in place_ents:
        if e.info and e.info in rules.admin_by_code:
            for code in rules.admin_by_code[e.info].parent_codes:
                if code in by_code:
                    add(e.key, by_code[code], ctx.evidence(first.get(e.key, 0)))
                    break
    # a town with no written parent: the county of its sentence, else the article's county
    county = homes.get("")
    for m in places:
        key = _key(m)
        if m.rule != "suffix-town" or key in has_parent:
            continue
        sent = ctx.sent_of(m.start)
        in_sentence = {
            _key(o) for o in places
            if o.info.isdigit() and len(o.info) == 6 and not o.info.endswith("00") and ctx.sent_of(o.start) == sent
        }  # fmt: skip
        if len(in_sentence) == 1:
            add(key, next(iter(in_sentence)), ctx.evidence(m.start))
        elif county:
            add(key, ("Place", county), ctx.evidence(m.start))
    return [
        Relation(c, "locatedIn", p, tuple(dict.fromkeys(ev))) for (c, p), ev in sorted(rels.items())
    ]


#: Words after a place that put something near it, not in it (五指山脚下, 黄河上游).
_NEAR_WORDS = ("脚下", "山下", "山麓", "上游", "中游", "下游", "附近", "边缘", "周边", "对面", "旁边")
#: Words between a place and its address (华溪村位于石柱县中益乡).
_LOCATED_VERBS = ("位于", "地处", "坐落于", "座落于", "坐落在", "地处于", "位於")

_POSTS: frozenset[str] = frozenset()
_POST_LONGEST = 0
#: Roles that are jobs at a body (教授, 主任医师): listed before a post, held at the body named before them.
_JOB_ROLES = frozenset((
    "教授", "副教授", "研究员", "副研究员", "助理研究员", "讲师", "博士生导师", "硕士生导师", "主任医师",
    "副主任医师", "主治医师", "高级工程师", "工程师", "教师", "医生", "院士", "专家",
))  # fmt: skip
_DEPTS: tuple[str, ...] = ()


def _post_ending_at(text: str, end: int) -> str | None:
    """The longest post that ends at ``end`` of ``text``."""
    for k in range(min(_POST_LONGEST, end), 0, -1):
        if text[end - k : end] in _POSTS:
            return text[end - k : end]
    return None


_PARTY_BODIES = ("党支部", "党总支", "党工委", "党委", "村委会", "居委会")


def _at_before(ctx: _Context, pos: int) -> Mention | None:
    """The organisation or place a post written at ``pos`` is held at: right before it
    (鸣玉镇中心社区第一书记), or across 驻村 and a comma (…陈家铺村，驻村第一书记)."""
    m = ctx.by_end.get(pos)
    k = pos
    if m is None and ctx.text[max(0, k - 2) : k] == "驻村":
        k -= 2
        m = ctx.by_end.get(k)
    if m is None and k > 0 and ctx.text[k - 1] in "，,":
        m = ctx.by_end.get(k - 1)
    return m if m is not None and m.type in ("Organisation", "Place") else None


_PARTY_GROUP = ("党组", "党委")

#: Words for a body already named in the article (公司董事长郑启航: the company named before).
_BODY_WORDS = ("合作社", "研究院", "公司", "集团", "协会", "学校", "医院")
#: Posts whose first character names the kind of body (院长: the institute named before).
_IMPLIED_BODY = {
    "院长": ("院",), "副院长": ("院",), "校长": ("学", "校"), "副校长": ("学", "校"),
    "社长": ("社",), "行长": ("银行",), "副行长": ("银行",), "所长": ("所",), "馆长": ("馆",),
}  # fmt: skip


def _body_named_before(ctx: _Context, cue_start: int, cue: str) -> Mention | None:
    """公司董事长郑启航, 合作社理事长赵金花, 院长宋怀瑾: a post at a body the article
    named before by its full name; the nearest one of that kind."""
    text = ctx.text
    if text[cue_start - 1 : cue_start] == "、":
        # 科学技术部党组书记、部长王志刚, 国务院总理、党组书记李克强: a body's party group
        # and its head are one body; not 总书记、国家主席 or 统一党主席、总统
        post = _post_ending_at(text, cue_start - 1)
        if post is None:
            return None
        before = cue_start - 1 - len(post)
        word = next((w for w in _BODY_WORDS if text.endswith(w, 0, before)), None)
        if word is not None and ctx.by_end.get(before) is None:
            # 公司党支部书记、副总经理孙婷: both posts at the company named before
            return _nearest_body(ctx, before - len(word), (word,))
        m = ctx.by_end.get(before)
        if (
            m is not None
            and m.type == "Organisation"
            and not m.text.endswith(_PARTY_BODIES)
            and (post.startswith(_PARTY_GROUP) or cue.startswith(_PARTY_GROUP) or cue in _IMPLIED_BODY)
        ):
            return m
        return None
    word = next((w for w in _BODY_WORDS if text.endswith(w, 0, cue_start)), None)
    if word is not None:
        ends, before = (word,), cue_start - len(word)
        if ctx.by_end.get(cue_start) is not None:
            return None
    elif cue in _IMPLIED_BODY and (cue_start == 0 or text[cue_start - 1] in "，。；：\n "):
        ends, before = _IMPLIED_BODY[cue], cue_start  # 。院长宋怀瑾表示 (not 《俄罗斯报》社长)
    else:
        return None
    return _nearest_body(ctx, before, ends)


def _committee_dept(ctx: _Context, cue_start: int) -> tuple[str, int] | None:
    """渝中区委常委、组织部部长: a department written bare after a post on the party
    committee it belongs to; its full name (渝中区委组织部) and where the department's
    word starts."""
    text = ctx.text
    dept = next((d for d in _DEPTS if text.endswith(d, 0, cue_start)), None)
    if dept is None:
        return None
    start = cue_start - len(dept)
    if not text.endswith("常委、", 0, start):
        return None
    committee = ctx.by_end.get(start - 3)
    if committee is None or committee.type != "Organisation":
        return None
    name = committee.canonical or committee.text
    return (name + dept, start) if name.endswith("委") else None


def _last_named(ctx: _Context, before: int, keep) -> Mention | None:
    """The last mention starting before ``before`` for which ``keep`` holds."""
    found = None
    for q in ctx.mentions:
        if q.start >= before:
            break
        if keep(q):
            found = q
    return found


def _is_han_char(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _nearest_body(ctx: _Context, before: int, ends: tuple[str, ...]) -> Mention | None:
    """The last organisation ending in one of ``ends`` that the article names before ``before``."""
    return _last_named(
        ctx, before, lambda q: q.type == "Organisation" and q.end <= before and q.text.endswith(ends)
    )


#: Words for a village, town or community the article named before (社区党委书记陈玉兰).
_UNIT_WORDS = ("社区", "街道", "村", "镇", "乡")


def _unit_named_before(ctx: _Context, cue_start: int) -> Mention | None:
    """在璧城街道金剑社区，社区党委书记陈玉兰: a post after a bare unit word (社区, 村) is
    held at the place of that kind the article named last."""
    text = ctx.text
    word = next((w for w in _UNIT_WORDS if text.endswith(w, 0, cue_start)), None)
    if word is None:
        return None
    before = cue_start - len(word)
    if before > 0 and text[before - 1] in "该本此":
        before -= 1  # 该村党支部书记罗德明: that village, named before
    elif before > 0 and _is_han_char(text[before - 1]) and text[before - 1] not in "和与及同跟":
        return None  # 金剑社区党委书记 is the direct case; 各村 is no one place (but 李向阳和|村党总支书记)
    return _last_named(
        ctx, before, lambda q: q.type == "Place" and q.text.endswith(word) and q.end <= before
    )


def _short_body_before(ctx: _Context, cue_start: int) -> Mention | None:
    """锦绣物业项目经理张建国 after …锦绣物业服务有限公司: a post after a short form of a
    body the article named before in full (four to eight characters of its name, at the
    start of a clause)."""
    text = ctx.text
    for k in range(min(8, cue_start), 3, -1):
        start = cue_start - k
        short = text[start:cue_start]
        if not all(map(_is_han_char, short)):
            continue
        if start > 0 and _is_han_char(text[start - 1]):
            continue  # not the start of a clause
        found = _last_named(
            ctx,
            start,
            lambda q, start=start, short=short: (
                q.type == "Organisation" and q.end <= start and short in q.text and q.text != short
            ),
        )
        if found is not None:
            return found
    return None


#: The head of a county, district or city, written without it: held at the one the
#: article is about (县长谭明 in an article about 石柱土家族自治县).
_HEAD_POSTS = {"县长": "县", "区长": "区", "市长": "市"}


def _head_post_place(ctx: _Context, cue_start: int, level: str) -> tuple | None:
    """Where a 县长 (区长, 市长) written without a place is head: of the place whose
    committee the post listed before it is at (重庆市委副书记、市长胡衡华), else of the
    only place of that kind the article names (县委副书记、县长谭明)."""
    if ctx.text[cue_start - 1 : cue_start] == "、":
        for _post, (kind, name) in _earlier_posts(ctx, cue_start):
            if kind == "Place" and name.endswith(level) and len(name) > 2:
                return ("Place", name)  # 璧山区委副书记 (区委副书记 at 璧山区)、区长
            for body in ("委", "政府", "人民政府"):
                k = name.find(level + body)
                if k >= 2 and name.endswith(level + body):  # 重庆市委 → 重庆市
                    return ("Place", ctx.place_names.get(name[: k + 1], name[: k + 1]))
    names = {n for n in ctx.place_names.values() if n.endswith(level) and len(n) > 2}
    home = ctx.homes.get(level)
    if home not in names or len(names) != 1:
        return None
    for m in ctx.mentions:  # 淮北市政府…副市长胡亮 in an article that names only 上海市
        name = m.canonical or m.text
        if m.type == "Organisation" and (level + "委" in name or level + "政府" in name or level + "人民政府" in name):
            if not name.startswith(home):
                return None
    return ("Place", home)


#: Posts held in a village (驻村第一书记赵明远: the village the article was just about).
_VILLAGE_POSTS = frozenset(("第一书记", "驻村第一书记", "村党支部书记", "村支书", "村主任", "村委会主任"))


def _village_of_post(ctx: _Context, cue_start: int, cue: str) -> Mention | None:
    """…柳树沟村是…定点帮扶村。驻村第一书记赵明远: a village's post at the start of a
    clause is held at the village named last in the sentence or the two before it."""
    if cue not in _VILLAGE_POSTS:
        return None
    text = ctx.text
    start = cue_start - 2 if text[cue_start - 2 : cue_start] == "驻村" else cue_start
    if start > 0 and _is_han_char(text[start - 1]) and text[start - 1] != "的":
        return None  # 镇党委第一书记, 各村第一书记: another body's, or no one village's
        # (派驻朝阳村的第一书记, 当选的村党支部书记: the village's)
    sent = ctx.sent_of(start)
    return _last_named(
        ctx, start, lambda q: q.type == "Place" and q.text.endswith("村") and ctx.sent_of(q.start) >= sent - 2
    )


def _post_at(ctx: _Context, cue: str, at_m: Mention | None, pred: str) -> tuple[str, tuple | None]:
    at = _key(at_m) if at_m is not None else None
    if at_m is not None and at_m.type == "Organisation" and pred == "holdsPost":
        # 东溪镇党委书记: the post 党委书记 held at the place 东溪镇
        body = next((b for b in _PARTY_BODIES if at_m.text.endswith(b)), None)
        name = at_m.text[: -len(body)] if body else ""
        if body and len(name) >= 2 and (name in ctx.place_names or name[-1] in "镇乡村区县市"):
            return body + cue, ("Place", ctx.place_names.get(name, name))
        if body is None and at_m.text.endswith(("妇联", "团委")) and at_m.text[:-2].endswith(("村", "社区")):
            # 常山庄村妇联主席: the post 妇联主席 held at the village
            name = at_m.text[:-2]
            return at_m.text[-2:] + cue, ("Place", ctx.place_names.get(name, name))
        if body and len(name) >= 2 and name in ctx.org_names:
            # 秀山县人民医院党委书记: the post 党委书记 held at the hospital the article names
            return body + cue, ("Organisation", ctx.org_names[name])
        whole = at_m.canonical or at_m.text  # (区委 as written, 南川区委 resolved)
        place = whole[:-1]
        if whole.endswith("委") and len(place) >= 3 and place[-1] in "区县市省州" and cue in _COMMITTEE_POSTS:
            # 璧山区委书记: the post 区委书记 held at the place 璧山区, as gold files write it
            return place[-1] + "委" + cue, ("Place", ctx.place_names.get(place, place))
    return cue, at


#: A company's departments, no bodies of their own: a post in one is held at the company.
_COMPANY_DEPTS = ("人力资源部", "财务部", "人事部", "市场部", "销售部", "技术部", "研发部", "行政部",
                  "综合部", "生产部", "采购部", "品牌部")  # fmt: skip
#: A party committee's posts, written after the committee of a place (璧山区委|副书记).
_COMMITTEE_POSTS = frozenset(("书记", "副书记", "常委", "常务副书记", "第一书记"))
#: Posts of a town's, a township's or a community's own, after its party committee's post.
_UNIT_POSTS = frozenset(("镇长", "乡长", "纪委书记", "人大主席", "武装部长", "主任"))
#: A company's own posts, and how a company's name ends (for a post listed after its party branch's).
_COMPANY_POSTS = frozenset(("董事长", "总经理", "经理", "总裁", "监事长", "董事", "理事长", "社长", "厂长"))
_COMPANY_ENDS = ("公司", "集团", "合作社", "厂")


def _earlier_posts(ctx: _Context, start: int) -> list[tuple[str, tuple]]:
    """中共中央政治局常委、国务院总理李强: the posts listed (with 、) before the one
    right before the name, each as (post, organisation)."""
    out = []
    while start > 0 and ctx.text[start - 1] == "、":
        end = start - 1
        found = None
        for k in range(min(_POST_LONGEST, end), 0, -1):  # 区纪委|书记, not 区|纪委书记
            post = ctx.text[end - k : end]
            at_m = ctx.by_end.get(end - k) if post in _POSTS or post in _JOB_ROLES else None
            if post not in _POSTS and at_m is not None and at_m.type != "Organisation":
                at_m = None  # (四川美术学院教授、区政协委员: a job at a body is a post there)
            if at_m is not None and at_m.type in ("Organisation", "Place"):
                found = (post, at_m)
                break
        if found is None:  # 公司党支部书记、…: a post at the company named before
            post = _post_ending_at(ctx.text, end)
            word = post and next((w for w in _BODY_WORDS if ctx.text.endswith(w, 0, end - len(post))), None)
            body = _nearest_body(ctx, end - len(post) - len(word), (word,)) if word else None
            if body is None and post:  # 社区党委书记、…: at the community named before;
                # 昌陶新材党支部书记、…: at the company named before in full
                body = _unit_named_before(ctx, end - len(post)) or _short_body_before(ctx, end - len(post))
            if body is not None:
                out.append((post, _key(body)))
            break
        out.append(_post_at(ctx, found[0], found[1], "holdsPost"))  # 东溪镇党委|副书记: 党委副书记 at 东溪镇
        start = found[1].start
    return out


def _people(ctx: _Context) -> list[Relation]:
    out: dict[tuple, list[Evidence]] = defaultdict(list)
    last_post: dict[int, tuple] = {}
    for m in ctx.mentions:
        if m.type != "Person":
            continue
        for post, at in _took_post(ctx, m):  # 选派杨帆到报德村担任驻村第一书记
            out[(_key(m), "holdsPost", post, at)].append(ctx.evidence(m.start))
        if m.rule not in ("post", "role", "list", "name-context") or not m.info:
            continue
        cue = m.info
        if m.rule == "name-context":  # 李强总理: the post after the name
            at_m = ctx.by_end.get(m.start)
            at = _key(at_m) if at_m is not None and at_m.type in ("Organisation", "Place") else None
            out[(_key(m), "holdsPost", cue, at)].append(ctx.evidence(m.start))
            continue
        if m.rule == "list":
            prev = last_post.get(m.start - 1)
            if prev is None:
                continue
            pred, at = prev
        else:
            pred = "holdsPost" if m.rule == "post" else "role"
            cue_start = m.start - len(cue)
            at_m = _at_before(ctx, cue_start)
            if at_m is None:  # 黑石山村党支部书记: the organisation ends inside the cue
                for end in range(cue_start + 1, m.start - 1):
                    inner = ctx.by_end.get(end)
                    if (
                        inner is not None
                        and inner.start < cue_start
                        and ctx.text[end : m.start] in _POSTS
                    ):
                        at_m, cue = inner, ctx.text[end : m.start]
                        cue_start = end
                        break
            if at_m is None and pred == "holdsPost":
                # 美国国防部|长, 德国外交部|长: the body's last character is the post's first
                inner = ctx.by_end.get(m.start - 1)
                if (
                    inner is not None
                    and inner.type == "Organisation"
                    and inner.start < cue_start
                    and ctx.text[m.start - 2 : m.start] in _POSTS
                    and ctx.text[m.start - 2] in "部局厅署院"
                ):
                    at_m = inner
                    cue_start = m.start - 1  # (the post keeps its own name: 外交部长)
            if at_m is None and pred == "holdsPost":
                dept = next((d for d in _COMPANY_DEPTS if ctx.text.endswith(d, 0, cue_start)), "")
                body = ctx.by_end.get(cue_start - len(dept)) if dept else None
                if body is not None and body.type == "Organisation":
                    # 重庆永驰智能装备有限公司人力资源部经理: the department's post, at the company
                    at_m, cue, cue_start = body, dept + cue, cue_start - len(dept)
            if at_m is None and pred == "holdsPost":
                at_m = (
                    _body_named_before(ctx, cue_start, cue)
                    or _unit_named_before(ctx, cue_start)
                    or _village_of_post(ctx, cue_start, cue)
                    or _short_body_before(ctx, cue_start)
                )
            if at_m is None and pred == "holdsPost":
                dept = _committee_dept(ctx, cue_start)
                if dept is not None:  # 渝中区委常委、组织部部长何刚
                    name, start = dept
                    ctx.extra.append(Entity("Organisation", name, (), 0))
                    for post, org in _earlier_posts(ctx, start):
                        out[(_key(m), "holdsPost", post, org)].append(ctx.evidence(m.start))
                    last_post[m.end] = (pred, ("Organisation", name))
                    out[(_key(m), pred, cue, ("Organisation", name))].append(ctx.evidence(m.start))
                    continue
            if at_m is None and pred == "holdsPost" and ctx.text[cue_start - 1 : cue_start] == "、":
                # 溪口村党支部书记、村委会主任陈金水: the posts listed before, and a village's
                # committee post at the village of the one before it
                earlier = _earlier_posts(ctx, cue_start)
                for post, org in earlier:
                    out[(_key(m), "holdsPost", post, org)].append(ctx.evidence(m.start))
                if earlier and (
                    # 东溪镇党委副书记、镇长罗晓峰, 岚天乡党委委员、纪委书记刘红梅: the unit's own post
                    (earlier[0][1][0] == "Place" and (cue.startswith(("村委会", "居委会", "村")) or cue.lstrip("副") in _UNIT_POSTS))
                    # 重庆白马山文旅发展有限公司党支部书记、董事长罗永红: a company's post at the company
                    or (earlier[0][1][1].endswith(_COMPANY_ENDS) and cue.lstrip("副") in _COMPANY_POSTS)
                ):
                    last_post[m.end] = (pred, earlier[0][1])
                    out[(_key(m), pred, cue, earlier[0][1])].append(ctx.evidence(m.start))
                    continue
            if pred == "role" and at_m is None and cue in _JOB_ROLES and ctx.text[cue_start - 1 : cue_start] == "、":
                earlier = _earlier_posts(ctx, cue_start)
                if earlier and earlier[0][1][0] == "Organisation":
                    # 西南大学资源环境学院教授、博士生导师杨帆: both jobs at the college
                    for post, org in earlier:
                        out[(_key(m), "holdsPost", post, org)].append(ctx.evidence(m.start))
                    last_post[m.end] = ("holdsPost", earlier[0][1])
                    out[(_key(m), "holdsPost", cue, earlier[0][1])].append(ctx.evidence(m.start))
                    continue
            if (
                pred == "role"
                and at_m is not None
                and at_m.type == "Organisation"
                and at_m.end == cue_start
            ):
                pred = "holdsPost"  # 浙江农林大学教授吴建华: a role at a body is a post there
            elif pred == "role":
                if (
                    at_m is not None
                    and at_m.type == "Place"
                    and at_m.end == cue_start
                    and at_m.text.endswith(("社区", "村"))
                    and cue.endswith(("员", "长"))
                ):  # 湖光社区网格员周小雨: a community's job is also a post held there
                    out[(_key(m), "holdsPost", cue, _key(at_m))].append(ctx.evidence(m.start))
                at_m = None
            cue, at = _post_at(ctx, cue, at_m, pred)
            if at is None and pred == "holdsPost" and cue.lstrip("副") in _HEAD_POSTS:
                at = _head_post_place(ctx, cue_start, _HEAD_POSTS[cue.lstrip("副")])
            if pred == "holdsPost" and at_m is not None:
                for post, org in _earlier_posts(
                    ctx, at_m.start if at_m.end == cue_start else cue_start
                ):
                    out[(_key(m), "holdsPost", post, org)].append(ctx.evidence(m.start))
        last_post[m.end] = (pred, at)
        out[(_key(m), pred, cue, at)].append(ctx.evidence(m.start))
    return [
        Relation(s, p, o, tuple(dict.fromkeys(ev)), at=at)
        for (s, p, o, at), ev in sorted(out.items(), key=str)
    ]


def _took_post(ctx: _Context, m: Mention) -> list[tuple[str, tuple | None]]:
    """PERSON (到|在 PLACE) 担任 (驻村) POST: the post the person took, and where."""
    text, pos = ctx.text, m.end
    at = None
    if text.startswith(("到", "在", "赴"), pos):
        place = next(
            (q for q in ctx.mentions if q.start == pos + 1 and q.type in ("Place", "Organisation")),
            None,
        )
        if place is None:
            return []
        at, pos = _key(place), place.end
    for verb in ("担任", "出任", "现任", "是", "系"):
        if text.startswith(verb, pos):
            start = pos + len(verb)
            if at is None:  # 担任张槐村党支部书记, 是四川安岳县隆恩村党支部书记: where, then the post
                body, start = _chain_at(ctx, start)
                if body is not None:
                    k = _longest_post_at(text, start)
                    return [_post_at(ctx, text[start : start + k], body, "holdsPost")] if k else []
            if verb in ("是", "系", "现任"):
                return []  # 他是…: only a place or a body and the post say what he holds
            start += 2 if text.startswith("驻村", start) else 0
            k = _longest_post_at(text, start)
            return [(text[start : start + k], at)] if k else []
    return []


def _longest_post_at(text: str, start: int) -> int:
    """The length of the longest post that starts at ``start`` of ``text`` (0: none)."""
    for k in range(min(_POST_LONGEST, len(text) - start), 0, -1):
        if text[start : start + k] in _POSTS:
            return k
    return 0


def _chain_at(ctx: _Context, pos: int) -> tuple[Mention | None, int]:
    """The last of the places and bodies written one after the other from ``pos``
    (四川 + 安岳县 + 隆恩村党支部), and where it ends; (None, pos) when none starts there."""
    last = None
    while True:
        here = [q for q in ctx.mentions if q.start == pos and q.type in ("Place", "Organisation")]
        if not here:
            return last, pos
        last = max(here, key=lambda q: q.end)
        pos = last.end


def _page_facts(ctx: _Context, mentions: list[Mention]) -> tuple[list[Relation], list[Entity]]:
    art = ctx.article
    rels, extra = [], []
    persons = {m.canonical or m.text: m for m in mentions if m.type == "Person"}
    for names, pred in ((art.authors, "author"), (art.photographers, "photographer")):
        for name in names:
            m = persons.get(name)
            ev = ctx.evidence(m.start) if m else Evidence(art.id, name, 0, 0, "source")
            rels.append(Relation(("Person", name), pred, ARTICLE, (ev,)))
            if m is None:
                extra.append(Entity("Person", name, (), 0))

    def source_ev(field: str, value: str) -> Evidence:
        for span in art.meta_spans:
            if span.field == field:
                return Evidence(art.id, span.line, span.start, span.end, "source")
        return Evidence(art.id, value, 0, 0, "source")

    if art.newspaper:
        rels.append(Relation(ARTICLE, "publishedIn", ("Organisation", art.newspaper),
                             (source_ev("newspaper", art.newspaper),)))  # fmt: skip
        extra.append(Entity("Organisation", art.newspaper, (), 0))
        if art.publisher and art.publisher != art.newspaper:
            rels.append(Relation(("Organisation", art.newspaper), "publishedBy", ("Organisation", art.publisher),
                                 (source_ev("publisher", art.publisher),)))  # fmt: skip
            extra.append(Entity("Organisation", art.publisher, (), 0))
    if art.photo_source:
        orgs = [
            m
            for m in mentions
            if m.type == "Organisation" and art.photo_source in (m.text, m.canonical)
        ]
        name = orgs[0].canonical if orgs else art.photo_source
        ev = ctx.evidence(orgs[0].start) if orgs else source_ev("photo_source", art.photo_source)
        rels.append(Relation(("Organisation", name), "photoSource", ARTICLE, (ev,)))
        if not orgs:
            extra.append(Entity("Organisation", name, (), 0))
    return rels, extra


def _cooperation(ctx: _Context) -> list[Relation]:
    out: dict[tuple, list[Evidence]] = defaultdict(list)
    orgish = [m for m in ctx.mentions if m.type in ("Organisation", "Place")]
    for i, b in enumerate(orgish):
        if b.start == 0 or ctx.text[b.start - 1] not in "与和同":
            continue
        while (
            i + 1 < len(orgish) and orgish[i + 1].start == b.end
        ):  # 与綦江区东溪镇: the last of a chain
            i += 1
            b = orgish[i]
        if not _COOP.match(ctx.text, b.end) and not ctx.text.startswith("结对", b.end):
            continue
        sent = ctx.sent_of(b.start)
        first = b
        while any(o.end == first.start for o in orgish):
            first = next(o for o in orgish if o.end == first.start)
        before = [a for a in orgish if ctx.sent_of(a.start) == sent and a.end < first.start]
        unit = ctx.text[first.start - 3 : first.start - 1]
        if len(unit) == 2 and unit[0] in "全该本" and unit[1] in "乡村镇区县市":
            # 全乡与重庆三峡学院结对共建: the township named before, not a body in between
            named = [a for a in orgish if a.type == "Place" and a.end <= first.start - 3 and a.text.endswith(unit[1])]
            before = named[-1:] or before
        if before:
            a = before[-1]
            pair = tuple(sorted([_key(a), _key(b)]))
            if pair[0] != pair[1]:
                out[pair].append(ctx.evidence(b.start))
    return [
        Relation(a, "cooperatesWith", b, tuple(dict.fromkeys(ev)))
        for (a, b), ev in sorted(out.items())
    ]


#: Unit words that stand for the place or body of that kind named before (社区建立了…).
_BARE_UNITS = ("社区", "街道", "村", "镇", "乡", "公司")


def _bare_unit_runner(ctx: _Context, orgish: list[Mention], s0: int, sent: int, end: int) -> Mention | None:
    """The runner of a programme whose run verb follows a bare unit word (社区建立了,
    村里推行: 里 is allowed): the last place or body of that kind named in this sentence or
    the two before it, not a body inside a post of it (桃坡社区党委书记…说,社区建立了 → 桃坡社区)."""
    verbs = list(_RUN_VERBS.finditer(ctx.text, s0, end))
    if not verbs:
        return None
    at = verbs[-1].start()
    before = ctx.text[s0:at]
    if before.endswith("里"):
        before = before[:-1]
    unit = next((u for u in _BARE_UNITS if before.endswith(u)), None)
    start = s0 + len(before) - len(unit) if unit else -1
    if unit is None or ctx.by_end.get(s0 + len(before)) is not None or (start and ctx.text[start - 1] not in "，,。；;、 "):
        return None  # (a name ends there, or the word is part of another: 该社区, 全村)
    return next(
        (a for a in reversed(orgish)
         if a.end <= start and a.text.endswith(unit) and ctx.sent_of(a.start) >= sent - 2),
        None,
    )  # fmt: skip


def _natural(m: Mention) -> bool:
    """Whether a place is a natural feature (a desert, a river: found by its kind's suffix,
    or a known desert, plateau or basin), which runs nothing."""
    return m.rule == "suffix-nature" or m.text.endswith(("沙漠", "沙地", "高原", "盆地"))


def _runs(ctx: _Context) -> list[Relation]:
    out: dict[tuple, list[Evidence]] = defaultdict(list)
    # (a desert or a river runs nothing: 塔克拉玛干沙漠“锁边”)
    orgish = [m for m in ctx.mentions if m.type in ("Organisation", "Place") and not _natural(m)]
    for p in ctx.mentions:
        if p.type != "Programme":
            continue
        sent = ctx.sent_of(p.start)
        s0 = ctx.spans[sent][0] if ctx.spans else 0
        runner = None
        opener = p.start - 1 if p.start and ctx.text[p.start - 1] in '“"「' else p.start
        direct = ctx.by_end.get(opener)
        if direct is not None and direct.type in ("Organisation", "Place") and not _natural(direct):
            runner = direct
        elif (bare := _bare_unit_runner(ctx, orgish, s0, sent, p.start)) is not None:
            runner = bare  # …党委书记冉红梅说,社区建立了“民族之家”: the community named before
        else:
            for a in reversed([a for a in orgish if s0 <= a.start and a.end <= p.start]):
                if _RUN_VERBS.search(ctx.text, a.end, p.start):
                    runner = a
                    break
        if runner is not None:
            out[(_key(runner), _key(p))].append(ctx.evidence(p.start))
            partner = ctx.by_end.get(runner.start - 1)
            if (
                partner is not None
                and partner.type == runner.type == "Organisation"
                and ctx.text[runner.start - 1] in "与和、"
                and partner.start >= s0
            ):  # 区委统战部与区工商联联合实施“万企兴万村”行动: both run it
                out[(_key(partner), _key(p))].append(ctx.evidence(p.start))
    return [Relation(a, "runs", b, tuple(dict.fromkeys(ev))) for (a, b), ev in sorted(out.items())]


def _mentions_and_cooccurrence(ctx: _Context, entities) -> list[Relation]:
    first: dict[tuple, int] = {}
    per_sent: dict[int, set] = defaultdict(set)
    for m in ctx.mentions:
        first.setdefault(_key(m), m.start)
        per_sent[ctx.sent_of(m.start)].add(_key(m))
    rels = [
        Relation(ARTICLE, "mentions", e.key, (ctx.evidence(first[e.key]),), count=e.mentions)
        for e in entities
        if e.key in first
    ]
    pairs: dict[tuple, list[Evidence]] = defaultdict(list)
    for sent, keys in sorted(per_sent.items()):
        keys = sorted(keys)[:MAX_COOCCUR_PER_SENTENCE]
        ev = ctx.sentence_evidence(sent)
        for a, b in combinations(keys, 2):
            pairs[(a, b)].append(ev)
    rels += [
        Relation(a, "coOccursWith", b, tuple(ev), count=len(ev))
        for (a, b), ev in sorted(pairs.items())
    ]
    return rels


def extract_relations(
    article: Article,
    mentions: list[Mention],
    entities: tuple[Entity, ...],
    rules: Rules,
    homes: dict,
) -> tuple[tuple[Relation, ...], tuple[Entity, ...]]:
    """All relations of one article, and the entities only the page metadata names."""
    global _POSTS, _POST_LONGEST, _DEPTS
    if not _POSTS:
        _POSTS = rules.wordset("posts")
        _POST_LONGEST = max(map(len, _POSTS | _JOB_ROLES), default=0)
        _DEPTS = tuple(sorted(rules.wordset("org_depts"), key=len, reverse=True))
    ctx = _Context(article, mentions)
    ctx.homes = homes
    page, extra = _page_facts(ctx, mentions)
    rels = [
        *_located_in(ctx, entities, rules, homes),
        *_people(ctx),
        *page,
        *_cooperation(ctx),
        *_runs(ctx),
        *_mentions_and_cooccurrence(ctx, entities),
    ]
    known = {e.key for e in entities}
    extra = tuple(e for e in dict.fromkeys([*extra, *ctx.extra]) if e.key not in known)
    return tuple(rels), extra

"""Tests of kg.relations: sentences, and each relation with the evidence it came from.

Most tests hand :func:`kg.relations.extract_relations` mentions made by hand, so
that they check this stage alone; a few run the whole extractor on a new
sentence to check the stages fit together.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import ARTICLE, Article, Entity, Evidence, Extraction, Mention, MetaSpan, Relation
from kg.normalize import build_entities, home_places
from kg.pipeline import get_extractor
from kg.relations import MAX_COOCCUR_PER_SENTENCE, _prefix_parents, extract_relations, sentences


@pytest.fixture(scope="module")
def rules():
    return get_extractor().rules


def _mentions(text: str, spec: list[tuple]) -> list[Mention]:
    """Mentions from (surface, type, rule[, canonical[, info]]) in text order (each after the last)."""
    out, pos = [], 0
    for surface, type_, rule, *rest in spec:
        start = text.index(surface, pos)
        canonical = rest[0] if rest else surface
        info = rest[1] if len(rest) > 1 else ""
        out.append(Mention(start, start + len(surface), surface, type_, rule, canonical, info))
        pos = start + len(surface)
    return out


def _relations(article: Article, mentions: list[Mention], rules) -> tuple[Relation, ...]:
    entities = build_entities(mentions)
    rels, _extra = extract_relations(
        article, mentions, entities, rules, home_places(mentions, rules)
    )
    return rels


def _by(rels, predicate: str) -> dict[tuple, Relation]:
    return {(r.subject, r.object, r.at): r for r in rels if r.predicate == predicate}


def _assert_evidence_slices(article: Article, rels) -> None:
    for r in rels:
        assert r.evidence, r
        for ev in r.evidence:
            assert ev.article == article.id
            if ev.part == "text":
                assert article.text[ev.start : ev.end] == ev.sentence, r
            else:
                assert ev.part == "source"


def P(name: str) -> tuple[str, str]:
    return ("Place", name)


def ORG(name: str) -> tuple[str, str]:
    return ("Organisation", name)


def PER(name: str) -> tuple[str, str]:
    return ("Person", name)


# --------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("白沙镇召开大会。村民参加！", ["白沙镇召开大会。", "村民参加！"]),
        ("他说：“路修好了。”大家都笑了。", ["他说：“路修好了。”", "大家都笑了。"]),
        (
            "标题一行\n正文第一句；第二句？\n\n  本报记者 赵一鸣",
            ["标题一行", "正文第一句；", "第二句？", "本报记者 赵一鸣"],
        ),
        ("没有句号的结尾", ["没有句号的结尾"]),
        ("真的吗？！是的……好。", ["真的吗？！", "是的……", "好。"]),
        ("", []),
        ("\n\n  \n", []),
    ],
)
def test_sentences_split_after_end_marks_and_at_lines(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


_TEXT = st.text(
    alphabet=st.sampled_from(list("镇村书记说“”。！？；…，、 \n\u3000ab1")), max_size=60
)


@settings(max_examples=50, deadline=None)
@given(_TEXT)
def test_sentence_spans_cover_every_visible_character_once(text: str) -> None:
    spans = sentences(text)
    covered = [0] * len(text)
    last_end = 0
    for s, e in spans:
        assert last_end <= s < e <= len(text)
        assert "\n" not in text[s:e]
        assert not text[s].isspace()
        last_end = e
        for i in range(s, e):
            covered[i] += 1
    for i, c in enumerate(text):
        assert covered[i] == 1 if not c.isspace() else covered[i] <= 1, (i, c)


# --------------------------------------------------------------------------- locatedIn

CHAIN = "江津区白沙镇黑石山村的村民种植了花椒。"


def test_chain_gives_located_in_each_place_inside_the_one_before(rules) -> None:
    art = Article(id="jiangjin", text=CHAIN)
    ms = _mentions(CHAIN, [("江津区", "Place", "admin", "江津区", "500116"),
                           ("白沙镇", "Place", "suffix-town", "白沙镇", "镇"),
                           ("黑石山村", "Place", "suffix-village", "黑石山村", "村")])  # fmt: skip
    located = _by(_relations(art, ms, rules), "locatedIn")
    assert set(located) == {(P("白沙镇"), P("江津区"), None), (P("黑石山村"), P("白沙镇"), None)}
    for rel in located.values():
        assert rel.evidence == (Evidence("jiangjin", CHAIN, 0, len(CHAIN)),)


def test_located_in_from_the_gazetteer_and_from_a_longer_name(rules) -> None:
    text = "重庆市召开大会。江北区观音桥街道参加，观音桥街道中心社区也来了。"
    art = Article(id="t", text=text)
    ms = _mentions(text, [("重庆市", "Place", "admin", "重庆市", "500000"),
                          ("江北区", "Place", "admin", "江北区", "500105"),
                          ("观音桥街道", "Place", "suffix-town", "观音桥街道", "街道"),
                          ("观音桥街道中心社区", "Place", "suffix-village", "观音桥街道中心社区", "社区")])  # fmt: skip
    located = _by(_relations(art, ms, rules), "locatedIn")
    assert (P("江北区"), P("重庆市"), None) in located  # county in its province-level city
    assert (P("观音桥街道"), P("江北区"), None) in located  # the chain
    assert (
        P("观音桥街道中心社区"),
        P("观音桥街道"),
        None,
    ) in located  # name starts with its parent's


def test_town_without_written_parent_is_in_the_county_of_the_article(rules) -> None:
    text = "奉节县召开会议。草堂镇的干部参加。"
    art = Article(id="t", text=text)
    ms = _mentions(text, [("奉节县", "Place", "admin", "奉节县", "500236"),
                          ("草堂镇", "Place", "suffix-town", "草堂镇", "镇")])  # fmt: skip
    (rel,) = [r for r in _relations(art, ms, rules) if r.predicate == "locatedIn"]
    assert (rel.subject, rel.object) == (P("草堂镇"), P("奉节县"))
    assert rel.evidence[0].sentence == "草堂镇的干部参加。"


def test_chain_before_a_party_branch_still_gives_places() -> None:
    ext = get_extractor()(
        Article(id="t", text="綦江区东溪镇黑石山村党支部书记杨光荣说，村里新修了公路。")
    )
    located = _by(ext.relations, "locatedIn")
    assert (P("东溪镇"), P("綦江区"), None) in located
    assert (P("黑石山村"), P("东溪镇"), None) in located
    assert (PER("杨光荣"), "党支部书记", P("黑石山村")) in _by(ext.relations, "holdsPost")
    # the branch is named only as where the post is held: the post is at the village
    assert ("Organisation", "黑石山村党支部") not in {e.key for e in ext.entities}


@pytest.mark.parametrize(
    ("text", "body", "kept"),
    [
        pytest.param("朝阳村党支部书记秦建平说，村里新修了公路。", "朝阳村党支部", False, id="post-only"),
        pytest.param("钱塘镇党委副书记谢永川说。", "钱塘镇党委", False, id="deputy-post-only"),
        pytest.param("常山庄村妇联主席于春梅说。", "常山庄村妇联", False, id="womens-federation-post-only"),
        pytest.param(
            "青桐社区党委书记孙丽介绍，社区党委把党员组织起来。", "青桐社区党委", True,
            id="short-form-acts",
        ),
        pytest.param(
            "青桐社区党委组建志愿服务队。青桐社区党委书记孙丽说。", "青桐社区党委", True,
            id="body-acts-by-name",
        ),
    ],
)  # fmt: skip
def test_a_body_named_only_where_a_post_is_held_is_no_entity(text, body, kept) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    keys = {e.key for e in ext.entities}
    assert (("Organisation", body) in keys) is kept
    if not kept:
        assert not any(("Organisation", body) in (r.subject, r.object, r.at) for r in ext.relations)
        assert not any(m.text == body for m in ext.mentions)


def test_a_post_of_a_hospitals_party_committee_is_held_at_the_hospital() -> None:
    ext = get_extractor()(
        Article(id="t", text="秀山县人民医院与重庆医科大学开展合作。秀山县人民医院党委书记、院长彭建华介绍。")
    )
    posts = _by(ext.relations, "holdsPost")
    assert (PER("彭建华"), "党委书记", ("Organisation", "秀山县人民医院")) in posts
    assert ("Organisation", "秀山县人民医院党委") not in {e.key for e in ext.entities}


# --------------------------------------------------------------------------- holdsPost, role


def test_post_after_a_place_or_organisation_is_held_at_it(rules) -> None:
    text = "白沙镇党委书记黄志明介绍情况。江津区委统战部部长王晓红说，要做好服务。"
    art = Article(id="t", text=text)
    ms = _mentions(text, [("白沙镇", "Place", "suffix-town", "白沙镇", "镇"),
                          ("黄志明", "Person", "post", "黄志明", "党委书记"),
                          ("江津区委统战部", "Organisation", "org-suffix", "江津区委统战部"),
                          ("王晓红", "Person", "post", "王晓红", "部长")])  # fmt: skip
    posts = _by(_relations(art, ms, rules), "holdsPost")
    assert set(posts) == {
        (PER("黄志明"), "党委书记", P("白沙镇")),
        (PER("王晓红"), "部长", ORG("江津区委统战部")),
    }
    assert (
        posts[(PER("黄志明"), "党委书记", P("白沙镇"))].evidence[0].sentence
        == "白沙镇党委书记黄志明介绍情况。"
    )


def test_role_word_gives_role_without_place_and_a_list_shares_the_post(rules) -> None:
    text = "志愿者刘晓燕每周都来。镇党委书记邓小龙、冉红梅参加活动。"
    art = Article(id="t", text=text)
    ms = _mentions(text, [("刘晓燕", "Person", "role", "刘晓燕", "志愿者"),
                          ("邓小龙", "Person", "post", "邓小龙", "党委书记"),
                          ("冉红梅", "Person", "list", "冉红梅", "党委书记")])  # fmt: skip
    rels = _relations(art, ms, rules)
    assert set(_by(rels, "role")) == {(PER("刘晓燕"), "志愿者", None)}
    assert set(_by(rels, "holdsPost")) == {
        (PER("邓小龙"), "党委书记", None),
        (PER("冉红梅"), "党委书记", None),
    }


def test_post_relations_end_to_end() -> None:
    text = "綦江区东溪镇党委书记黄志明介绍，志愿者刘晓燕每周都来帮忙。"
    ext = get_extractor()(Article(id="t", text=text))
    assert (PER("黄志明"), "党委书记", P("东溪镇")) in _by(ext.relations, "holdsPost")
    assert (PER("刘晓燕"), "志愿者", None) in _by(ext.relations, "role")
    _assert_evidence_slices(ext.article, ext.relations)


@pytest.mark.parametrize(
    ("text", "post", "at"),
    [
        pytest.param(
            "芜湖星瀚智能装备有限公司的生产线上，机器人正在测试。公司董事长郑启航告诉记者，订单很多。",
            ("郑启航", "董事长"),
            "芜湖星瀚智能装备有限公司",
            id="company-named-before",
        ),
        pytest.param(
            "安徽省硅基新材料研究院组建创新联合体。院长宋怀瑾表示，研究院将继续攻关。",
            ("宋怀瑾", "院长"),
            "安徽省硅基新材料研究院",
            id="institute-implied-by-the-post",
        ),
        pytest.param(
            "财政部党组书记、部长刘昆在贵阳作宣讲报告。",
            ("刘昆", "部长"),
            "财政部",
            id="party-group-and-head-of-one-body",
        ),
        pytest.param(
            "德国外交部长贝尔伯克计划驱逐外交官。",
            ("贝尔伯克", "外交部长"),
            "德国外交部",
            id="foreign-ministry-sharing-its-last-character",
        ),
        pytest.param(
            "美国国防部长奥斯汀21日称，美方将开始培训。",
            ("奥斯汀", "部长"),
            "美国国防部",
            id="another-countrys-ministry-not-chinas",
        ),
    ],
)
def test_post_at_a_body_named_before(text: str, post: tuple[str, str], at: str) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    assert (PER(post[0]), post[1], ORG(at)) in _by(ext.relations, "holdsPost")
    _assert_evidence_slices(ext.article, ext.relations)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("中共中央总书记、国家主席习近平会见来宾。", id="party-and-state-posts"),
        pytest.param("马拉维大会党主席、总统查克维拉表示祝贺。", id="party-chair-and-president"),
        pytest.param("《俄罗斯报》社长涅戈伊察说，文章很重要。新华社记者报道。", id="newspaper-in-title-marks"),
    ],
)
def test_post_after_another_post_is_not_always_at_the_same_body(text: str) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    posts = [r for r in ext.relations if r.predicate == "holdsPost" and r.object in ("国家主席", "总统", "社长")]
    assert posts and all(r.at is None for r in posts)


@pytest.mark.parametrize(
    ("text", "person", "post", "at"),
    [
        pytest.param("2000年，徐淙祥担任张槐村党支部书记。", "徐淙祥", "党支部书记", P("张槐村"), id="took-a-branch-post"),
        pytest.param(
            "刘艳英是四川安岳县隆恩村党支部书记。", "刘艳英", "党支部书记", P("隆恩村"), id="is-a-branch-secretary"
        ),
        pytest.param("李明是重庆市委书记。", "李明", "市委书记", P("重庆市"), id="is-a-committee-secretary"),
        pytest.param(
            "记者了解到，王建国现任南川区教育局局长。", "王建国", "局长", ORG("南川区教育局"), id="now-holds-a-post"
        ),
    ],
)
def test_a_verb_of_holding_a_post_names_the_person_the_post_and_where(
    text: str, person: str, post: str, at: tuple
) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    assert (PER(person), post, at) in _by(ext.relations, "holdsPost")


@pytest.mark.parametrize(
    ("text", "person", "at"),
    [
        # a post after a bare unit word: held at the place of that kind named before
        pytest.param(
            "在璧城街道金剑社区，社区党委书记陈玉兰带领居民成立了志愿服务队。", "陈玉兰", P("金剑社区"), id="community-named-before"
        ),
        pytest.param("南川区三泉镇观音村，村党支部书记李永进说，要抓好产业。", "李永进", P("观音村"), id="village-named-before"),
        # a village's post at a clause's start: held at the village just named
        pytest.param(
            "丹水湾镇柳树沟村是定点帮扶村。驻村第一书记赵明远到任后，牵头创办合作社。", "赵明远", P("柳树沟村"), id="stationed"
        ),
        pytest.param("广西壮族自治区交通运输厅驻六岭村工作队进村。第一书记蓝天走访全村后，把修路列为头号任务。", "蓝天", P("六岭村"), id="first-secretary"),
    ],
)
def test_a_local_post_written_without_its_place_is_held_at_the_place_named_before(
    text: str, person: str, at: tuple
) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    assert [r.at for r in ext.relations if r.predicate == "holdsPost" and r.subject == PER(person)] == [at]


def test_posts_listed_before_a_villages_committee_post_are_held_at_the_village() -> None:
    ext = get_extractor()(Article(id="t", text="”溪口村党支部书记、村委会主任陈金水说。"))
    posts = _by(ext.relations, "holdsPost")
    assert (PER("陈金水"), "党支部书记", P("溪口村")) in posts
    assert (PER("陈金水"), "村委会主任", P("溪口村")) in posts


def test_a_post_after_a_short_form_of_a_body_named_before_is_held_there() -> None:
    text = "山西锦绣物业服务有限公司负责小区。锦绣物业项目经理张建国告诉记者，公司每季度接受测评。"
    ext = get_extractor()(Article(id="t", text=text))
    assert (PER("张建国"), "项目经理", ORG("山西锦绣物业服务有限公司")) in _by(ext.relations, "holdsPost")


def test_a_communitys_job_is_a_role_and_a_post_held_there_but_a_villager_only_a_role() -> None:
    ext = get_extractor()(Article(id="t", text="湖光社区网格员周小雨负责8栋楼。观音村村民向华长说，路修好了。"))
    assert (PER("周小雨"), "网格员", P("湖光社区")) in _by(ext.relations, "holdsPost")
    assert (PER("周小雨"), "网格员", None) in _by(ext.relations, "role")
    assert (PER("向华长"), "村民", None) in _by(ext.relations, "role")
    assert not [r for r in ext.relations if r.predicate == "holdsPost" and r.subject == PER("向华长")]


@pytest.mark.parametrize(
    ("text", "person", "post", "at"),
    [
        pytest.param("江西省水利科学研究院高级工程师刘红梅介绍。", "刘红梅", "高级工程师", "江西省水利科学研究院", id="senior-engineer"),
        pytest.param("通渭县第一中学语文教师王春梅和同事坐上大巴。", "王春梅", "语文教师", "通渭县第一中学", id="teacher-of-a-subject"),
        pytest.param("天水师范学院教育学院副教授赵文博说。", "赵文博", "副教授", "天水师范学院教育学院", id="associate-professor"),
    ],
)
def test_a_professional_role_at_the_body_before_it_is_a_post_there(text: str, person: str, post: str, at: str) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    assert (PER(person), post, ORG(at)) in _by(ext.relations, "holdsPost")


def test_that_village_is_the_village_named_before() -> None:
    ext = get_extractor()(Article(id="t", text="三角镇红岩村是市级示范村。该村党支部书记罗德明介绍，村里引进了企业。"))
    assert (PER("罗德明"), "党支部书记", P("红岩村")) in _by(ext.relations, "holdsPost")


def test_a_listed_post_ends_at_its_body_not_at_the_longest_post() -> None:
    text = "綦江区纪委监委深化警示教育。区纪委书记、区监委主任杨华说，要正风肃纪。"
    posts = _by(get_extractor()(Article(id="t", text=text)).relations, "holdsPost")
    # (区纪委 and 区监委 are short forms of the 綦江区纪委监委 the article writes out)
    assert (PER("杨华"), "书记", ORG("綦江区纪委监委")) in posts
    assert (PER("杨华"), "主任", ORG("綦江区纪委监委")) in posts
    text = "区纪委书记、区监委主任杨华说，要正风肃纪。綦江区召开会议。"
    posts = _by(get_extractor()(Article(id="t", text=text)).relations, "holdsPost")
    assert (PER("杨华"), "书记", ORG("綦江区纪委")) in posts
    assert (PER("杨华"), "主任", ORG("綦江区监委")) in posts


def test_two_bodies_joined_by_yu_both_run_the_programme() -> None:
    text = "南川区的企业很多。区委统战部与区工商联联合实施“万企兴万村”行动。"
    runs = _by(get_extractor()(Article(id="t", text=text)).relations, "runs")
    assert set(runs) >= {(ORG("南川区委统战部"), ("Programme", "万企兴万村"), None), (ORG("南川区工商联"), ("Programme", "万企兴万村"), None)}


@pytest.mark.parametrize(
    ("text", "person", "at"),
    [
        pytest.param("石柱县召开推进会。县委副书记、县长谭明主持会议。", "谭明", P("石柱县"), id="county-of-the-article"),
        pytest.param("近日，记者对重庆市委副书记、市长胡衡华进行了专访。", "胡衡华", P("重庆市"), id="city-of-the-committee"),
        pytest.param(
            "上海市召开会议。安徽省淮北市政府原党组成员、副市长胡亮被通报。", "胡亮", None, id="another-citys-government"
        ),
    ],
)
def test_a_head_of_a_county_or_city_is_held_at_it(text: str, person: str, at: tuple | None) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    heads = [r.at for r in ext.relations if r.predicate == "holdsPost" and r.subject == PER(person) and r.object.endswith("长")]
    assert heads == [at]


def test_posts_listed_after_the_word_for_a_company_are_held_at_the_company_named_before() -> None:
    text = "重庆瑞丰科技有限公司是一家软件企业，公司党支部书记、副总经理孙婷说，公司发展很快。"
    posts = _by(get_extractor()(Article(id="t", text=text)).relations, "holdsPost")
    assert (PER("孙婷"), "党支部书记", ORG("重庆瑞丰科技有限公司")) in posts
    assert (PER("孙婷"), "副总经理", ORG("重庆瑞丰科技有限公司")) in posts


@pytest.mark.parametrize(
    ("text", "place", "dept"),
    [
        pytest.param("渝中区委常委、组织部部长何刚表示，将推广经验。", "渝中区", "渝中区委组织部", id="written-out"),
        pytest.param("南川区召开会议。区委常委、宣传部部长李明说。", "南川区", "南川区委宣传部", id="abbreviated"),
    ],
)
def test_a_department_after_a_post_on_its_committee_is_that_committees(text: str, place: str, dept: str) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    posts = _by(ext.relations, "holdsPost")
    person = next(r.subject for r in ext.relations if r.predicate == "holdsPost")
    assert (person, "区委常委", P(place)) in posts  # a place's committee's post is held at the place
    assert (person, "部长", ORG(dept)) in posts
    assert ORG(dept) in {e.key for e in ext.entities}


def test_posts_of_a_traditional_text_are_written_as_it_writes_them() -> None:
    ext = get_extractor()(Article(id="t", text="創新科技及工業局局長陳志明與深圳市副市長周海濤簽署備忘錄。"))
    assert (PER("周海濤"), "副市長", P("深圳市")) in _by(ext.relations, "holdsPost")


def test_the_whole_township_cooperating_is_the_township_named_before() -> None:
    ext = get_extractor()(Article(id="t", text="巫山县曲尺乡党委书记向东说，全乡与重庆三峡学院结对共建。"))
    assert set(_by(ext.relations, "cooperatesWith")) == {(ORG("重庆三峡学院"), P("曲尺乡"), None)}


def test_innovating_a_quoted_model_runs_it_but_innovation_as_a_noun_does_not() -> None:
    runs = _by(get_extractor()(Article(id="t", text="水江镇创新“党建+网格+大数据”治理机制。")).relations, "runs")
    assert (P("水江镇"), ("Programme", "党建+网格+大数据"), None) in runs
    text = "重庆将建设一批创新示范智能工厂和“5G+工业互联网”先导示范场景。"
    assert not _by(get_extractor()(Article(id="t", text=text)).relations, "runs")


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        pytest.param("华溪村位于石柱县中益乡，距县城60公里。", "华溪村", "中益乡", id="weiyu-a-chain"),
        pytest.param("金佛山地处南川区境内。", "金佛山", "南川区", id="dichu"),
    ],
)
def test_an_address_puts_a_place_inside_the_last_of_its_chain(text: str, child: str, parent: str) -> None:
    assert (P(child), P(parent), None) in _by(get_extractor()(Article(id="t", text=text)).relations, "locatedIn")


def test_near_a_place_is_not_in_it() -> None:
    located = _by(get_extractor()(Article(id="t", text="毛纳村位于五指山脚下，背靠国家公园。")).relations, "locatedIn")
    assert not [k for k in located if k[0] == P("毛纳村")]


def test_a_desert_runs_nothing() -> None:
    text = "新疆南疆多地陆续启动塔克拉玛干沙漠“锁边”工程建设。"
    runners = {r.subject for r in get_extractor()(Article(id="t", text=text)).relations if r.predicate == "runs"}
    # not the desert written right before the programme: the region (南疆, inside 新疆) that
    # opens the sentence
    assert runners == {P("南疆")}


@pytest.mark.parametrize(
    ("text", "runner"),
    [
        pytest.param(
            "在桃花源街道桃坡社区,大家生活在一起。”桃坡社区党委书记冉红梅说,社区建立了“民族之家”,定期组织活动。",
            P("桃坡社区"), id="community-after-a-post-of-its-committee",
        ),
        pytest.param("南川区三泉镇观音村,村里开展“坝坝加油站”活动。", P("观音村"), id="village-in-it"),
    ],
)  # fmt: skip
def test_a_bare_unit_word_before_a_run_verb_is_the_unit_named_before(text: str, runner: tuple) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    assert {r.subject for r in ext.relations if r.predicate == "runs"} == {runner}


def test_a_bare_unit_word_after_a_determiner_names_no_place() -> None:
    ext = get_extractor()(Article(id="t", text="南川区观音村很美。各村党支部书记王明要带头。"))
    assert [r.at for r in ext.relations if r.predicate == "holdsPost"] == [None]


@pytest.mark.parametrize(
    "text", ["李明是南川区人。", "关键是党支部书记要带头。", "李明是一名党员，也是村里的书记员。"]
)
def test_no_post_after_the_verb_no_post_held(text: str) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    assert not _by(ext.relations, "holdsPost")


def test_branch_secretary_holds_the_post_at_the_branch_or_village() -> None:
    ext = get_extractor()(Article(id="t", text="黑石山村党支部书记杨光荣说，村里新修了公路。"))
    (rel,) = [r for r in ext.relations if r.predicate == "holdsPost"]
    assert rel.at in (ORG("黑石山村党支部"), P("黑石山村"))


# --------------------------------------------------------------------------- page facts


BYLINE_TEXT = "东溪镇开展“三联三帮”行动。志愿者刘晓燕每周都来帮忙。\n本报记者 赵一鸣 孙悦\n摄/钱进"


@pytest.fixture(scope="module")
def bylined() -> Extraction:
    article = Article(
        id="cqrb-2023-05-06-p004-qijiang",
        text=BYLINE_TEXT,
        authors=("赵一鸣", "孙悦"),
        photographers=("钱进",),
        newspaper="重庆日报",
        publisher="重庆日报报业集团",
        meta_spans=(
            MetaSpan("newspaper", "重庆日报", "重庆日报 2023年05月06日 第004版", 100, 104),
        ),
    )
    return get_extractor()(article)


def test_author_photographer_published_in_from_metadata(bylined: Extraction) -> None:
    rels = bylined.relations
    assert set(_by(rels, "author")) == {
        (PER("赵一鸣"), ARTICLE, None),
        (PER("孙悦"), ARTICLE, None),
    }
    assert set(_by(rels, "photographer")) == {(PER("钱进"), ARTICLE, None)}
    assert set(_by(rels, "publishedIn")) == {(ARTICLE, ORG("重庆日报"), None)}
    assert set(_by(rels, "publishedBy")) == {(ORG("重庆日报"), ORG("重庆日报报业集团"), None)}


def test_byline_evidence_is_the_byline_line_and_page_facts_cite_the_source(
    bylined: Extraction,
) -> None:
    rels = bylined.relations
    (author,) = [r for r in rels if r.predicate == "author" and r.subject == PER("孙悦")]
    assert author.evidence[0].sentence == "本报记者 赵一鸣 孙悦"
    (photo,) = [r for r in rels if r.predicate == "photographer"]
    assert photo.evidence[0].sentence == "摄/钱进"
    (paper,) = [r for r in rels if r.predicate == "publishedIn"]
    assert paper.evidence == (
        Evidence(bylined.article.id, "重庆日报 2023年05月06日 第004版", 100, 104, "source"),
    )
    _assert_evidence_slices(bylined.article, rels)


def test_metadata_people_and_bodies_become_entities(bylined: Extraction) -> None:
    keys = {e.key for e in bylined.entities}
    assert {
        PER("赵一鸣"),
        PER("孙悦"),
        PER("钱进"),
        ORG("重庆日报"),
        ORG("重庆日报报业集团"),
    } <= keys


def test_author_not_in_the_text_gets_source_evidence(rules) -> None:
    art = Article(id="t", text="白沙镇召开大会。", authors=("吴刚",))
    ms = _mentions(art.text, [("白沙镇", "Place", "suffix-town", "白沙镇", "镇")])
    rels, extra = extract_relations(art, ms, build_entities(ms), rules, {})
    (author,) = [r for r in rels if r.predicate == "author"]
    assert author.evidence == (Evidence("t", "吴刚", 0, 0, "source"),)
    assert PER("吴刚") in {e.key for e in extra}


# --------------------------------------------------------------------------- cooperation, runs


def test_cooperation_and_runs_end_to_end() -> None:
    text = "綦江区委宣传部与西南大学开展合作。綦江区开展“三联三帮”行动。"
    ext = get_extractor()(Article(id="t", text=text))
    assert (ORG("綦江区委宣传部"), ORG("西南大学"), None) in _by(ext.relations, "cooperatesWith")
    assert (P("綦江区"), ("Programme", "三联三帮"), None) in _by(ext.relations, "runs")


def test_cooperation_with_a_chain_of_places() -> None:
    ext = get_extractor()(Article(id="t", text="西南大学与綦江区东溪镇结对共建。"))
    coop = [r for r in ext.relations if r.predicate == "cooperatesWith"]
    assert any(ORG("西南大学") in (r.subject, r.object) for r in coop)


# --------------------------------------------------------------------------- mentions, coOccursWith


def test_co_occurrence_counts_sentences(rules) -> None:
    text = (
        "綦江区委宣传部与西南大学开展合作。西南大学的专家到綦江区委宣传部座谈。东溪镇也派人参加。"
    )
    art = Article(id="t", text=text)
    ms = _mentions(text, [("綦江区委宣传部", "Organisation", "org-suffix"), ("西南大学", "Organisation", "org-suffix"),
                          ("西南大学", "Organisation", "org-suffix"), ("綦江区委宣传部", "Organisation", "org-suffix"),
                          ("东溪镇", "Place", "suffix-town", "东溪镇", "镇")])  # fmt: skip
    rels = _relations(art, ms, rules)
    co = _by(rels, "coOccursWith")
    assert set(co) == {
        (ORG("綦江区委宣传部"), ORG("西南大学"), None)
    }  # 东溪镇 is alone in its sentence
    rel = co[(ORG("綦江区委宣传部"), ORG("西南大学"), None)]
    assert rel.count == 2 and len(rel.evidence) == 2
    assert [ev.sentence for ev in rel.evidence] == [
        "綦江区委宣传部与西南大学开展合作。",
        "西南大学的专家到綦江区委宣传部座谈。",
    ]
    mentions = _by(rels, "mentions")
    assert mentions[(ARTICLE, ORG("西南大学"), None)].count == 2
    assert mentions[(ARTICLE, P("东溪镇"), None)].count == 1
    _assert_evidence_slices(art, rels)


def test_co_occurrence_is_capped_per_sentence(rules) -> None:
    names = [f"第{n}村" for n in range(MAX_COOCCUR_PER_SENTENCE + 5)]
    text = "、".join(names) + "参加。"
    art = Article(id="t", text=text)
    ms = _mentions(text, [(n, "Place", "suffix-village") for n in names])
    co = [r for r in _relations(art, ms, rules) if r.predicate == "coOccursWith"]
    assert len(co) == len(list(combinations(range(MAX_COOCCUR_PER_SENTENCE), 2)))


def test_every_relation_has_evidence_that_slices_the_text(rules) -> None:
    text = ("江津区白沙镇党委书记黄志明说，白沙镇与西南大学开展合作。\n"
            "白沙镇推行“积分制”管理。村民张秀英参加。\n本报记者 赵一鸣")  # fmt: skip
    art = Article(
        id="t", text=text, authors=("赵一鸣",), photographers=("钱进",), newspaper="重庆日报"
    )
    ext = get_extractor()(art)
    predicates = {r.predicate for r in ext.relations}
    assert {"locatedIn", "holdsPost", "role", "author", "photographer", "publishedIn", "runs",
            "cooperatesWith", "mentions", "coOccursWith"} <= predicates  # fmt: skip
    _assert_evidence_slices(art, ext.relations)


def _prefix_parents_plain(places: list[Entity]) -> list[tuple[Entity, Entity]]:
    """The walk over every pair of places that _prefix_parents replaced."""
    out = []
    for e in places:
        best = None
        for q in places:
            if q is e:
                continue
            for form in (q.name, *q.aliases):
                if len(form) >= 2 and e.name.startswith(form) and len(e.name) > len(form):
                    if best is None or len(form) > best[1]:
                        best = (q, len(form))
        if best:
            out.append((e, best[0]))
    return out


_NAME = st.text(alphabet="鸣玉镇中心区", min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_NAME, st.lists(_NAME, max_size=2)), max_size=7))
def test_prefix_parents_are_those_of_the_walk_over_all_pairs(
    rows: list[tuple[str, list[str]]],
) -> None:
    places = [Entity("Place", name, tuple(aliases)) for name, aliases in rows]
    assert _prefix_parents(places) == _prefix_parents_plain(places)


def test_doctests_of_relations() -> None:
    import doctest

    import kg.relations

    result = doctest.testmod(kg.relations)
    assert result.failed == 0 and result.attempted > 0


def test_prefix_parent_on_a_tie_is_the_first_place_with_that_form() -> None:
    first = Entity("Place", "玉镇", ("鸣玉",))
    second = Entity("Place", "鸣玉")
    child = Entity("Place", "鸣玉镇")
    for places in ([first, second, child], [second, first, child]):
        expected = _prefix_parents_plain(places)
        assert _prefix_parents(places) == expected
        assert dict((e.name, p) for e, p in expected)["鸣玉镇"] == places[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "夜幕降临,龙溪街道红锦社区党群服务中心灯火通明。社区党委书记、居委会主任刘晓梅正和居民商量加装电梯。",
            [("刘晓梅", "党委书记", P("红锦社区")), ("刘晓梅", "居委会主任", P("红锦社区"))],
            id="posts-of-a-community-named-before",
        ),
        pytest.param(
            "3月上旬，喜德县阿普村的花椒熟了。为打消顾虑，李向阳和村党总支书记吉克阿呷商量先示范种植。",
            [("吉克阿呷", "党总支书记", P("阿普村"))],
            id="village-post-after-he",
        ),
        pytest.param(
            "记者见到了重庆白马山文旅发展有限公司党支部书记、董事长罗永红。",
            [("罗永红", "党支部书记", ORG("重庆白马山文旅发展有限公司")),
             ("罗永红", "董事长", ORG("重庆白马山文旅发展有限公司"))],
            id="company-post-after-its-branchs",
        ),
        pytest.param(
            "东溪镇党委副书记、镇长罗晓峰介绍,工作坊破解了难题。",
            [("罗晓峰", "党委副书记", P("东溪镇")), ("罗晓峰", "镇长", P("东溪镇"))],
            id="towns-head-after-its-party-post",
        ),
        pytest.param(
            "重庆昌陶新材料有限公司建起了实训基地。昌陶新材党支部书记、副总经理吴丽萍说,产值增长近三成。",
            [("吴丽萍", "党支部书记", ORG("重庆昌陶新材料有限公司")),
             ("吴丽萍", "副总经理", ORG("重庆昌陶新材料有限公司"))],
            id="short-company-name-before-a-list-of-posts",
        ),
        pytest.param(
            "在璧山区委书记邹晓岚看来,招商引资是经济工作的生命线。",
            [("邹晓岚", "区委书记", P("璧山区"))],
            id="district-committees-secretary-at-the-district",
        ),
        pytest.param(
            "璧山区委副书记、区长蒋明远表示,璧山将持续深化改革。",
            [("蒋明远", "区委副书记", P("璧山区")), ("蒋明远", "区长", P("璧山区"))],
            id="district-head-after-the-committees-post",
        ),
        pytest.param(
            "合川区人民检察院副检察长宋宁说,今年共办理公益诉讼案件31件。",
            [("宋宁", "副检察长", ORG("合川区人民检察院"))],
            id="deputy-of-a-post-in-the-list",
        ),
        pytest.param(
            "西南大学资源环境学院教授、博士生导师杨帆带领团队常年驻守山上。",
            [("杨帆", "教授", ORG("西南大学资源环境学院")), ("杨帆", "博士生导师", ORG("西南大学资源环境学院"))],
            id="two-jobs-at-a-college",
        ),
        pytest.param(
            "重庆医科大学附属第一医院主任医师、市政协委员林海涛在协商会上建议。",
            [("林海涛", "主任医师", ORG("重庆医科大学附属第一医院"))],
            id="a-job-at-a-hospital-before-a-post",
        ),
        pytest.param(
            "丰都县三建乡朝阳村发展民宿。重庆市农业农村委员会派驻朝阳村的第一书记任小川还帮他在网上推广。",
            [("任小川", "第一书记", P("朝阳村"))],
            id="village-post-after-de",
        ),
    ],
)
def test_posts_listed_with_a_unit_or_a_company_named_before(text: str, expected: list[tuple]) -> None:
    ext = get_extractor()(Article(id="t", text=text))
    posts = _by(ext.relations, "holdsPost")
    for name, post, at in expected:
        assert (PER(name), post, at) in posts, sorted(posts)

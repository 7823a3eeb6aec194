"""Tests of kg.normalize: match keys, canonical names, overlaps, entities, corpus merging."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article, Entity, Extraction, Mention
from kg.normalize import build_entities, home_places, match_key, merge_corpus, resolve
from kg.pipeline import get_extractor, mentions_in_text


@pytest.fixture(scope="module")
def rules():
    return get_extractor().rules


def _places(text: str) -> dict[str, tuple[str, str]]:
    """surface form -> (canonical, adcode) of the Place mentions of ``text``."""
    return {m.text: (m.canonical, m.info) for m in mentions_in_text(text) if m.type == "Place"}


# --------------------------------------------------------------------------- match_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("“三联三帮”行动", "三联三帮行动"),
        ("《乡村振兴促进法》", "乡村振兴促进法"),
        ("「红色管家」", "红色管家"),
        ("‘头雁’工程", "头雁工程"),
        ("最差效能科室（街道）群众评", "最差效能科室(街道)群众评"),  # full-width brackets, NFKC
        ("ＡＰＰ１２３", "APP123"),  # full-width letters and digits
        ("喜迎二十大 幸福我来讲", "喜迎二十大幸福我来讲"),
        ("喜迎二十大\u3000幸福我来讲", "喜迎二十大幸福我来讲"),  # ideographic space
        ("河长＋检察长", "河长+检察长"),
    ],
)
def test_match_key_ignores_width_quotes_and_spaces(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("江北区", "江北"), ("三联三帮", "三联三帮行动"), ("渝北区", "渝中区")]
)
def test_match_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


_NAMEISH = st.text(
    alphabet=st.sampled_from(
        list("江北区奉节县三联三帮行动红色驿站“”‘’「」《》 \u3000（）()＋+ＡＢ１２AB12·、")
    ),
    max_size=30,
)


@settings(max_examples=50, deadline=None)
@given(_NAMEISH)
def test_match_key_is_idempotent_and_strips_every_quote_and_space(name: str) -> None:
    key = match_key(name)
    assert match_key(key) == key
    assert not any(c in key for c in "“”‘’「」《》 \u3000")
    assert match_key("“" + name + "”") == key


# --------------------------------------------------------------------------- short admin names


@pytest.mark.parametrize(
    ("text", "short", "canonical", "code"),
    [
        ("重庆江北的观音桥商圈人气很旺。", "江北", "江北区", "500105"),
        ("宁波江北的老外滩人气很旺。", "江北", "江北区", "330205"),
        ("重庆永川的茶山竹海风景秀丽。", "永川", "永川区", "500118"),
        ("重庆是一座山城。", "重庆", "重庆市", "500000"),
        ("杭州西湖区的游客很多。", "杭州", "杭州市", "330100"),
    ],
)
def test_short_admin_name_resolves_with_context(
    text: str, short: str, canonical: str, code: str
) -> None:
    # ANNOTATION: the canonical name is the fullest form *in the article*; with only the
    # short form written, that is the name, and the official one (with its code) an alias
    (m,) = [m for m in mentions_in_text(text) if m.text == short]
    assert (m.canonical, m.alias, m.info) == (short, canonical, code)


def test_short_admin_name_takes_the_full_name_written_in_the_article() -> None:
    places = _places("重庆市召开会议，重庆各区县参加。")
    assert places["重庆"] == ("重庆市", "500000")


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("重庆市江北区观音桥街道开展志愿服务。", "江北区", "500105"),
        ("浙江省宁波市江北区开展志愿服务。", "江北区", "330205"),
        ("杭州西湖区的游客很多。", "西湖区", "330106"),
        ("江西省南昌市西湖区朝阳洲街道开展活动。", "西湖区", "360103"),
    ],
)
def test_ambiguous_full_name_takes_the_code_of_its_context(text: str, name: str, code: str) -> None:
    assert _places(text)[name] == (name, code)


def test_short_form_with_level_joins_the_official_name_written_in_the_article() -> None:
    places = _places("石柱土家族自治县中益乡召开大会。石柱县有关部门参加。")
    assert places["石柱县"] == places["石柱土家族自治县"] == ("石柱土家族自治县", "500240")


def test_short_form_with_level_alone_is_its_own_canonical_name() -> None:
    assert _places("石柱县中益乡华溪村的蜂蜜卖得很好。")["石柱县"][0] == "石柱县"


def test_bare_county_short_name_without_corroboration_is_dropped() -> None:
    assert "江北" not in _places("江北的观音桥商圈人气很旺。")  # the bare county name, unconfirmed


def test_short_name_is_an_alias_of_the_full_name_entity() -> None:
    text = "重庆江北区召开会议，江北的干部群众参加。"
    entities = {e.key: e for e in build_entities(mentions_in_text(text))}
    jiangbei = entities[("Place", "江北区")]
    assert jiangbei.aliases == ("江北",)
    assert jiangbei.mentions == 2
    assert jiangbei.info == "500105"


def test_ambiguous_name_uses_context_named_later_in_the_article() -> None:
    text = "江北区召开会议，江北的干部群众参加。重庆的媒体作了报道。"
    assert _places(text)["江北区"] == ("江北区", "500105")
    assert _places(text)["江北"] == ("江北区", "500105")


# --------------------------------------------------------------------------- resolve


def _m(
    start: int, text: str, type_: str, rule: str, canonical: str = "", info: str = ""
) -> Mention:
    return Mention(start, start + len(text), text, type_, rule, canonical, info)


def test_resolve_keeps_the_longest_of_overlapping_candidates(rules) -> None:
    # 江津区委统战部开展活动
    cands = [
        _m(0, "江津区", "Place", "admin", "江津区"),
        _m(4, "统战部", "Organisation", "jieba-nt", "统战部"),
        _m(0, "江津区委统战部", "Organisation", "org-suffix", "", "委统战部"),
    ]
    place, body = resolve(cands, rules)
    assert (body.text, body.type, body.canonical) == (
        "江津区委统战部",
        "Organisation",
        "江津区委统战部",
    )
    # the district that opens the body's name is a place of its own (not the 统战部 inside)
    assert (place.text, place.type) == ("江津区", "Place")


def test_a_body_opened_by_a_short_name_or_a_word_claims_it(rules) -> None:
    # 南川中学, 区委统战部: no full name of a place opens these bodies' names
    cands = [
        _m(0, "南川", "Place", "admin-short", "南川区"),
        _m(0, "南川中学", "Organisation", "org-suffix", "", "中学"),
    ]
    assert [m.text for m in resolve(cands, rules)] == ["南川中学"]


def test_resolve_breaks_length_ties_by_rule_then_position(rules) -> None:
    # same span: a known name beats a guessed person; overlapping equal spans: the earlier wins
    cands = [
        _m(0, "黄山", "Person", "name-context"),
        _m(0, "黄山", "Place", "known", "黄山"),
        _m(3, "李一平", "Person", "post", "", "书记"),
        _m(4, "一平说", "Person", "post", "", "书记"),
    ]
    out = resolve(cands, rules)
    assert [(m.start, m.text, m.type) for m in out] == [
        (0, "黄山", "Place"),
        (3, "李一平", "Person"),
    ]


def test_resolve_output_is_sorted_and_does_not_overlap(rules) -> None:
    cands = [
        _m(5, "东溪镇", "Place", "suffix-town", "", "镇"),
        _m(0, "綦江区", "Place", "admin", "綦江区"),
        _m(0, "綦江区东溪", "Place", "suffix-site"),
        _m(3, "区东", "Place", "admin-short"),
    ]
    out = resolve(cands, rules)
    assert out == sorted(out)
    assert all(a.end <= b.start for a, b in pairwise(out))


def test_abbreviated_organ_takes_the_county_the_article_is_about(rules) -> None:
    text = "奉节县召开大会，奉节县各乡镇参加。巫山县也派人参加。县委宣传部作了发言。"
    orgs = [m for m in mentions_in_text(text) if m.type == "Organisation"]
    assert [(m.text, m.canonical) for m in orgs] == [("县委宣传部", "奉节县委宣传部")]
    homes = home_places(mentions_in_text(text), rules)
    assert homes["县"] == "奉节县" and homes[""] == "奉节县"


def test_abbreviated_organ_without_a_home_place_keeps_its_own_name() -> None:
    (org,) = [m for m in mentions_in_text("县委宣传部作了发言。") if m.type == "Organisation"]
    assert org.canonical == "县委宣传部"


# --------------------------------------------------------------------------- build_entities


def test_build_entities_groups_mentions_with_aliases_and_counts() -> None:
    mentions = [
        _m(0, "江北区", "Place", "admin", "江北区", "500105"),
        _m(10, "江北", "Place", "admin-short", "江北区", "500105"),
        _m(20, "县委宣传部", "Organisation", "org-abbrev", "奉节县委宣传部", "县"),
        _m(30, "奉节县委宣传部", "Organisation", "org-suffix", "奉节县委宣传部"),
        _m(40, "三联三帮", "Programme", "quoted", "三联三帮", "行动"),
        _m(50, "三联三帮", "Programme", "repeat", "三联三帮"),
        _m(60, "李一平", "Person", "post", "", "书记"),
    ]
    entities = build_entities(mentions)
    assert [e.key for e in entities] == sorted(e.key for e in entities)
    by_key = {e.key: e for e in entities}
    assert by_key[("Place", "江北区")] == Entity("Place", "江北区", ("江北",), 2, "500105")
    assert by_key[("Organisation", "奉节县委宣传部")].aliases == ("县委宣传部",)
    assert by_key[("Programme", "三联三帮")] == Entity(
        "Programme", "三联三帮", ("三联三帮行动",), 2, ""
    )
    assert by_key[("Person", "李一平")] == Entity("Person", "李一平", (), 1, "")


def test_build_entities_does_not_list_a_quote_variant_as_alias() -> None:
    mentions = [
        _m(0, "“红色驿站”", "Programme", "quoted", "红色驿站"),
        _m(9, "红色驿站", "Programme", "repeat"),
    ]
    (entity,) = build_entities(mentions)
    assert entity.aliases == () and entity.mentions == 2


# --------------------------------------------------------------------------- merge_corpus


@pytest.fixture(scope="module")
def two_articles() -> tuple[Extraction, Extraction]:
    ex = get_extractor()
    a = ex(
        Article(id="fengjie", text="奉节县开展“三联三帮”行动，干部下沉一线。", newspaper="重庆日报")
    )
    b = ex(
        Article(id="wushan", text="巫山县推行“三联三帮行动”，效果明显。", newspaper="三峡都市报")
    )
    return a, b


def test_merge_corpus_maps_an_alias_of_another_article_to_its_entity(two_articles) -> None:
    a, b = two_articles
    assert ("Programme", "三联三帮行动") in {e.key for e in b.entities}
    merged = {ext.article.id: ext for ext in merge_corpus([a, b])}
    assert merged["fengjie"] == a  # nothing to change there
    keys = {e.key for e in merged["wushan"].entities}
    assert ("Programme", "三联三帮") in keys and ("Programme", "三联三帮行动") not in keys
    runs = [r for r in merged["wushan"].relations if r.predicate == "runs"]
    assert [(r.subject, r.object) for r in runs] == [
        (("Place", "巫山县"), ("Programme", "三联三帮"))
    ]
    assert all(
        m.canonical == "三联三帮" for m in merged["wushan"].mentions if m.type == "Programme"
    )


def test_merge_corpus_is_the_same_for_both_input_orders(two_articles) -> None:
    a, b = two_articles
    forward = {ext.article.id: ext for ext in merge_corpus([a, b])}
    backward = {ext.article.id: ext for ext in merge_corpus([b, a])}
    assert forward == backward
    assert [e.article.id for e in merge_corpus([b, a])] == ["wushan", "fengjie"]  # order kept


def test_merge_corpus_leaves_an_alias_of_two_entities_alone() -> None:
    def ext(
        article_id: str, entities: tuple[Entity, ...], mentions: tuple[Mention, ...] = ()
    ) -> Extraction:
        return Extraction(Article(id=article_id, text=""), mentions, entities, ())

    a = ext("a", (Entity("Place", "江北区", ("江北",), 1, "500105"),))
    b = ext("b", (Entity("Place", "江北街道", ("江北",), 1),))
    c = ext(
        "c", (Entity("Place", "江北", (), 1),), (_m(0, "江北", "Place", "suffix-town", "江北"),)
    )
    for order in ([a, b, c], [c, b, a]):
        assert merge_corpus(order) == order


def test_merge_corpus_joins_a_short_name_of_two_places_to_the_one_most_articles_mean() -> None:
    """河北 is 河北省 in most articles and 河北区 (Tianjin) in one: the province and the
    district stay two places, and 河北 joins the province."""
    texts = [
        "河北省石家庄市召开会议。河北各地积极落实。",
        "河北雄安新区建设加快推进。",
        "河北唐山的钢铁企业加快转型。",
        "天津市河北区召开会议。",
        "天津河北的居民参加活动。",
    ]
    extractor = get_extractor()
    exts = [extractor(Article(id=f"a{i}", text=t)) for i, t in enumerate(texts)]
    assert ("河北", ("河北区",)) in [(e.name, e.aliases) for e in exts[4].entities]
    for order in (exts, exts[::-1]):
        merged = {ext.article.id: ext for ext in merge_corpus(order)}
        places = {e.name for ext in merged.values() for e in ext.entities if e.type == "Place"}
        assert {"河北省", "河北区"} <= places and "河北" not in places
        assert "河北区" in {e.name for e in merged["a3"].entities}
        assert "河北省" in {e.name for e in merged["a1"].entities}


def test_merge_corpus_keeps_metadata_entities(two_articles) -> None:
    a, b = two_articles
    merged = {ext.article.id: ext for ext in merge_corpus([a, b])}
    assert ("Organisation", "三峡都市报") in {e.key for e in b.entities}
    assert ("Organisation", "三峡都市报") in {e.key for e in merged["wushan"].entities}


def test_merge_corpus_gives_no_duplicate_or_self_relations() -> None:
    ex = get_extractor()
    a = ex(Article(id="fengjie", text="奉节县开展“三联三帮”行动，干部下沉一线。"))
    b = ex(Article(id="wushan", text="巫山县推行“三联三帮行动”，又深化“三联三帮”，效果明显。"))
    for ext in merge_corpus([a, b]):
        keys = [(r.subject, r.predicate, r.object, r.at) for r in ext.relations]
        assert len(keys) == len(set(keys))
        assert all(r.subject != r.object for r in ext.relations)


def test_an_abbreviated_committee_is_the_full_committee_the_article_writes() -> None:
    """市商务委 is the 重庆市商务委员会 the article writes out (委 stands for 委员会)."""
    ext = get_extractor()(Article("t", "重庆市商务委员会派驻第一书记。市商务委每年组织培训。"))
    assert [e.name for e in ext.entities if e.type == "Organisation"] == ["重庆市商务委员会"]


def test_an_autonomous_prefectures_abbreviated_organ_is_the_one_the_article_writes() -> None:
    """州委组织部 is the 恩施州委组织部 the article writes, not a form made from the
    prefecture's full name."""
    text = "恩施土家族苗族自治州利川市。恩施州委组织部牵头。州委组织部负责人说。"
    ext = get_extractor()(Article("t", text))
    assert [e.name for e in ext.entities if e.type == "Organisation"] == ["恩施州委组织部"]


# --------------------------------------------------------------------------- defined short names


def test_a_short_name_the_article_defines_is_an_alias_wherever_it_is_written() -> None:
    text = (
        "在璧山高新区,重庆锐能电驱科技有限公司(以下简称“锐能科技”)的新厂房里一片繁忙。"
        "锐能科技董事长何东升告诉记者,订单已排到年底。"
    )
    ext = get_extractor()(Article(id="t", text=text))
    company = next(e for e in ext.entities if e.name == "重庆锐能电驱科技有限公司")
    assert "锐能科技" in company.aliases
    assert not any(e.name == "锐能科技" for e in ext.entities)
    posts = {(r.subject, r.object, r.at) for r in ext.relations if r.predicate == "holdsPost"}
    assert (("Person", "何东升"), "董事长", ("Organisation", "重庆锐能电驱科技有限公司")) in posts


def test_a_defined_short_name_stands_for_a_body_and_its_part_written_before_it() -> None:
    text = "重庆市公安局合川区分局(以下简称“合川区公安分局”)开展专项行动。合川区公安分局民警说。"
    names = {e.name: e.aliases for e in get_extractor()(Article(id="t", text=text)).entities}
    assert "合川区公安分局" in names.get("重庆市公安局合川区分局", ())
    assert "合川区分局" not in names


def test_a_short_name_that_is_only_a_kind_of_body_is_no_alias() -> None:
    text = "重庆锐能电驱科技有限公司(以下简称“公司”)成立于2018年。公司员工300人。"
    ext = get_extractor()(Article(id="t", text=text))
    company = next(e for e in ext.entities if e.name == "重庆锐能电驱科技有限公司")
    assert "公司" not in company.aliases


def test_a_defined_short_name_replaces_a_shorter_mention_inside_it() -> None:
    text = ("重庆黄水康养旅游开发有限公司(以下简称“黄水康旅”)新建露营地3处。"
            "“营位要提前一周预订。”黄水康旅总经理余振华说。")  # fmt: skip
    ext = get_extractor()(Article(id="t", text=text))
    assert not any(e.type == "Person" and e.name == "康旅" for e in ext.entities)
    posts = {(r.subject, r.object, r.at) for r in ext.relations if r.predicate == "holdsPost"}
    assert (("Person", "余振华"), "总经理", ("Organisation", "重庆黄水康养旅游开发有限公司")) in posts


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("推动北京、上海、商务系统、网络安全等领域合作。", "商务系统"),  # no place's end, an ordinary word
        ("游客来自北京、上海、广西南宁等地。", "广西南宁"),  # a province and a city, not one place
        ("双方在北京、上海和重庆签约。", "上海和重庆"),
    ],
)
def test_a_list_of_places_makes_no_place_of_other_things(text: str, wrong: str) -> None:
    assert wrong not in {m.text for m in mentions_in_text(text) if m.type == "Place"}

"""Tests of kg.script: articles in traditional characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article
from kg.pipeline import get_extractor
from kg.script import looks_traditional, restore, to_simplified

TRAD = (
    "深圳市福田區福保街道與香港特別行政區政府合作。創新科技及工業局局長陳志明表示，合作區發展很快。"
)


def test_traditional_text_is_read_as_simplified_without_moving_offsets() -> None:
    simple = to_simplified(TRAD)
    assert len(simple) == len(TRAD)
    assert "福田区福保街道与香港特别行政区政府" in simple
    assert looks_traditional(TRAD) and not looks_traditional(simple)


def test_restore_gives_the_name_as_the_article_writes_it() -> None:
    assert restore("福田区", to_simplified(TRAD), TRAD) == "福田區"
    assert restore("不在文中", to_simplified(TRAD), TRAD) == "不在文中"


def test_a_traditional_article_gives_traditional_names_and_evidence() -> None:
    ext = get_extractor()(Article(id="hk", text=TRAD))
    names = {(e.type, e.name) for e in ext.entities}
    assert ("Place", "福田區") in names and ("Place", "福保街道") in names
    assert ("Person", "陳志明") in names
    for m in ext.mentions:
        assert TRAD[m.start : m.end] == m.text
    for r in ext.relations:
        for ev in r.evidence:
            if ev.part == "text":
                assert TRAD[ev.start : ev.end] == ev.sentence


def test_a_simplified_article_is_left_alone() -> None:
    text = "南川区三泉镇观音村的志愿者任隆兴开展理论宣讲。"
    assert not looks_traditional(text)
    assert {m.text for m in get_extractor().mentions(text)} >= {
        "南川区",
        "三泉镇",
        "观音村",
        "任隆兴",
    }


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(TRAD + "abc，。")), max_size=60))
def test_any_text_keeps_its_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="區與發展南川区与发展a，", max_size=60))
def test_looks_traditional_counts_as_the_plain_definition(text: str) -> None:
    table = {ord(c) for c in "區與發"}  # characters TSCharacters maps (checked below)
    assert (
        all(to_simplified(c) != c for c in "區與發")
        and to_simplified("南川区与发展a，") == "南川区与发展a，"
    )
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    changed = sum(1 for c in text if ord(c) in table)
    assert looks_traditional(text) == (han > 0 and changed >= 3 and changed / han >= 0.03)

"""Tests of kg.evaluate: entity scores, relation checks and the sample's gold file."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest

import kg.evaluate
from kg.evaluate import (
    CHECKED_RELATIONS,
    check_relations,
    find_gold_article,
    format_scores,
    load_gold,
    score_entities,
)
from kg.ingest import read_path
from kg.model import ARTICLE, Article, Entity, Evidence, Extraction, Relation
from kg.pipeline import get_extractor

GOLD = {
    "entities": [
        {"type": "Place", "name": "江津区", "aliases": ["江津"], "required": True},
        {"type": "Place", "name": "白沙镇", "aliases": [], "required": True},
        {"type": "Place", "name": "黑石山村", "required": True},
        {"type": "Person", "name": "李一平", "aliases": [], "required": True},
        {"type": "Person", "name": "王晓红", "aliases": [], "required": True},
        {
            "type": "Organisation",
            "name": "江津区委统战部",
            "aliases": ["区委统战部"],
            "required": True,
        },
        {"type": "Organisation", "name": "重庆日报报业集团", "aliases": [], "required": False},
        {"type": "Programme", "name": "三联三帮", "aliases": ["三联三帮行动"], "required": True},
        {"type": "Programme", "name": "最差效能科室(街道)群众评", "aliases": [], "required": True},
    ],
    "not_entities": ["硬骨头", "主心骨"],
    "relations": [
        {"s": "白沙镇", "p": "locatedIn", "o": "江津区", "required": True},
        {"s": "黑石山村", "p": "locatedIn", "o": "白沙镇", "required": True},
        {"s": "李一平", "p": "holdsPost", "o": "书记", "at": "江津区", "required": True},
        {"s": "王晓红", "p": "holdsPost", "o": "部长", "at": "江津区委统战部", "required": False},
        {"s": "李一平", "p": "author", "o": "ARTICLE", "required": True},
        {"s": "ARTICLE", "p": "publishedIn", "o": "重庆日报", "required": True},
        {"s": "江津区", "p": "runs", "o": "三联三帮", "required": True},
    ],
}

PREDICTED = [
    Entity("Place", "江津"),  # an alias of 江津区
    Entity("Place", "白沙镇"),
    Entity("Place", "重庆市"),  # not in gold: false positive
    Entity("Person", "李一平"),
    Entity("Person", "张三"),  # false positive
    Entity("Organisation", "区委统战部"),  # alias
    Entity("Organisation", "重庆日报报业集团"),  # optional
    Entity("Programme", "“三联三帮”行动"),  # quotes ignored
    Entity("Programme", "最差效能科室（街道）群众评"),  # full-width brackets: NFKC
    Entity("Programme", "硬骨头"),  # a not_entity
]


@pytest.fixture(scope="module")
def scores() -> dict:
    return score_entities(GOLD, PREDICTED)


@pytest.mark.parametrize(
    ("type_", "tp", "fp", "matched", "required", "precision", "recall", "f1"),
    [
        ("Place", 2, 1, 2, 3, 2 / 3, 2 / 3, 2 / 3),
        ("Person", 1, 1, 1, 2, 0.5, 0.5, 0.5),
        ("Organisation", 2, 0, 1, 1, 1.0, 1.0, 1.0),
        ("Programme", 2, 1, 2, 2, 2 / 3, 1.0, 0.8),
        ("micro", 7, 3, 6, 8, 0.7, 0.75, 2 * 0.7 * 0.75 / 1.45),
    ],
)
def test_score_entities_exact_numbers(
    scores, type_, tp, fp, matched, required, precision, recall, f1
) -> None:
    row = scores[type_]
    assert (row["tp"], row["fp"], row["matched"], row["required"]) == (tp, fp, matched, required)
    assert row["precision"] == pytest.approx(precision)
    assert row["recall"] == pytest.approx(recall)
    assert row["f1"] == pytest.approx(f1)


def test_score_entities_lists_misses_and_false_positives(scores) -> None:
    assert scores["Place"]["misses"] == ["黑石山村"]
    assert scores["Person"]["misses"] == ["王晓红"]
    assert scores["Place"]["false_positives"] == ["重庆市"]
    assert scores["Person"]["false_positives"] == ["张三"]
    assert scores["Programme"]["false_positives"] == ["硬骨头"]
    assert scores["Organisation"]["misses"] == scores["Organisation"]["false_positives"] == []


def test_not_entities_extracted_are_reported(scores) -> None:
    assert scores["not_entities_found"] == ["硬骨头"]
    quoted = score_entities(GOLD, [Entity("Programme", "“主心骨”"), Entity("Place", "硬 骨头")])
    assert quoted["not_entities_found"] == ["“主心骨”", "硬 骨头"]


def test_optional_entity_is_neither_required_nor_a_false_positive() -> None:
    without = score_entities(GOLD, [Entity("Place", "白沙镇")])
    with_optional = score_entities(
        GOLD, [Entity("Place", "白沙镇"), Entity("Organisation", "重庆日报报业集团")]
    )
    assert with_optional["micro"]["required"] == without["micro"]["required"] == 8
    assert with_optional["micro"]["recall"] == without["micro"]["recall"]
    assert with_optional["micro"]["fp"] == without["micro"]["fp"] == 0
    missing_optional = score_entities(GOLD, [])
    assert "重庆日报报业集团" not in missing_optional["Organisation"]["misses"]


def test_type_must_match_and_other_types_are_ignored() -> None:
    s = score_entities(GOLD, [Entity("Organisation", "江津区"), Entity("Article", "江津区")])
    assert s["Place"]["matched"] == 0
    assert s["Organisation"]["false_positives"] == ["江津区"]
    assert s["micro"]["tp"] + s["micro"]["fp"] == 1


def test_empty_prediction_scores_zero_without_dividing_by_zero() -> None:
    s = score_entities(GOLD, [])
    assert s["micro"]["precision"] == s["micro"]["recall"] == s["micro"]["f1"] == 0.0
    assert score_entities({"entities": []}, [])["micro"]["f1"] == 0.0


def test_module_examples_run() -> None:
    result = doctest.testmod(kg.evaluate)
    assert result.attempted > 0 and result.failed == 0


# --------------------------------------------------------------------------- relations


def _ev() -> tuple[Evidence, ...]:
    return (Evidence("t", "x", 0, 1),)


def _extraction(relations: list[Relation]) -> Extraction:
    return Extraction(Article(id="t", text="x"), (), (), tuple(relations))


def test_check_relations_found_and_missing() -> None:
    ext = _extraction([
        Relation(("Place", "白沙镇"), "locatedIn", ("Place", "江津"), _ev()),  # alias of the gold object
        Relation(("Person", "李一平"), "holdsPost", "书记", _ev(), at=("Place", "江津区")),
        Relation(("Person", "王晓红"), "holdsPost", "部长", _ev(), at=("Organisation", "区委统战部")),
        Relation(("Person", "李一平"), "author", ARTICLE, _ev()),
        Relation(("Place", "江津区"), "runs", ("Programme", "三联三帮"), _ev()),
    ])  # fmt: skip
    result = {(r["s"], r["p"], r["o"]): r for r in check_relations(GOLD, ext)}
    assert ("江津区", "runs", "三联三帮") not in result  # not a checked predicate
    assert {k: r["found"] for k, r in result.items()} == {
        ("白沙镇", "locatedIn", "江津区"): True,
        ("黑石山村", "locatedIn", "白沙镇"): False,
        ("李一平", "holdsPost", "书记"): True,
        ("王晓红", "holdsPost", "部长"): True,
        ("李一平", "author", "ARTICLE"): True,
        ("ARTICLE", "publishedIn", "重庆日报"): False,
    }
    assert result[("王晓红", "holdsPost", "部长")]["required"] is False


def test_check_relations_needs_the_right_place_of_a_post() -> None:
    ext = _extraction(
        [Relation(("Person", "李一平"), "holdsPost", "书记", _ev(), at=("Place", "白沙镇"))]
    )
    (rel,) = [r for r in check_relations(GOLD, ext) if r["p"] == "holdsPost" and r["s"] == "李一平"]
    assert rel["found"] is False


def test_check_relations_only_given_predicates() -> None:
    ext = _extraction(
        [Relation(("Place", "江津区"), "runs", ("Programme", "“三联三帮”行动"), _ev())]
    )
    (rel,) = check_relations(GOLD, ext, predicates=("runs",))
    assert rel["found"] is True
    assert "runs" not in CHECKED_RELATIONS


def test_format_scores_shows_the_table_misses_and_relations(scores) -> None:
    ext = _extraction([Relation(("Person", "李一平"), "author", ARTICLE, _ev())])
    text = format_scores(scores, check_relations(GOLD, ext), title="== test")
    lines = text.splitlines()
    assert lines[0] == "== test"
    assert lines[1].split() == ["type", "P", "R", "F1", "pred", "tp", "req", "found"]
    assert lines[6].split() == ["micro", "0.700", "0.750", "0.724", "10", "7", "8", "6"]
    assert "  missed Place: 黑石山村" in lines
    assert "  false Programme: 硬骨头" in lines
    assert "not_entities extracted: 1 (硬骨头)" in lines
    assert any(line.startswith("required relations found: 1/5") for line in lines)
    assert "  missing relation: 李一平 holdsPost 书记 at 江津区" in lines


@pytest.mark.parametrize(
    "content",
    ["not json", "[1, 2]", json.dumps({"entities": "none"}), json.dumps({"article": {}})],
)
def test_load_gold_rejects_files_that_are_not_gold(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="bad.gold.json"):
        load_gold(path)


def test_load_gold_reads_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "g.gold.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOLD, ensure_ascii=False).encode())
    assert load_gold(path) == GOLD


def test_find_gold_article_looks_next_to_the_gold_and_in_search(tmp_path: Path) -> None:
    gold = {"article": {"file": "a.txt"}, "entities": []}
    (tmp_path / "gold").mkdir()
    (tmp_path / "corpus").mkdir()
    (tmp_path / "elsewhere").mkdir()
    gold_path = tmp_path / "gold" / "a.gold.json"
    assert find_gold_article(gold, gold_path) is None
    (tmp_path / "corpus" / "a.txt").write_text("正文。", encoding="utf-8")
    assert find_gold_article(gold, gold_path) == tmp_path / "corpus" / "a.txt"
    (tmp_path / "elsewhere" / "a.txt").write_text("正文。", encoding="utf-8")
    assert (
        find_gold_article(gold, gold_path, [tmp_path / "elsewhere"])
        == tmp_path / "elsewhere" / "a.txt"
    )
    assert find_gold_article({"entities": []}, gold_path) is None


# --------------------------------------------------------------------------- the sample's gold file


@pytest.fixture(scope="module")
def sample_scored(shared: Path) -> tuple[dict, dict, list[dict]]:
    gold_path = shared / "gold" / "cqrb-2022-10-20-p015-nanchuan.gold.json"
    if not gold_path.is_file():
        pytest.skip("sample gold file absent")
    gold = load_gold(gold_path)
    article_path = find_gold_article(gold, gold_path)
    assert article_path is not None
    (article,) = read_path(article_path, article_path.parent)
    ext = get_extractor()(article)
    return gold, score_entities(gold, ext.entities), check_relations(gold, ext)


@pytest.mark.shared
def test_sample_gold_micro_f1(sample_scored) -> None:
    _gold, scores, _rels = sample_scored
    assert scores["micro"]["f1"] >= 0.93, format_scores(scores, [])


@pytest.mark.shared
@pytest.mark.parametrize("type_", ["Person", "Place", "Organisation", "Programme"])
def test_sample_gold_f1_per_type(sample_scored, type_: str) -> None:
    _gold, scores, _rels = sample_scored
    assert scores[type_]["f1"] >= 0.90, (scores[type_]["misses"], scores[type_]["false_positives"])


@pytest.mark.shared
def test_sample_gold_no_not_entities(sample_scored) -> None:
    _gold, scores, _rels = sample_scored
    assert scores["not_entities_found"] == []


@pytest.mark.shared
def test_sample_gold_every_required_checked_relation_found(sample_scored) -> None:
    gold, _scores, rels = sample_scored
    required = [r for r in rels if r["required"]]
    assert {r["p"] for r in required} == set(CHECKED_RELATIONS)
    assert len(required) == sum(
        1 for r in gold["relations"] if r["p"] in CHECKED_RELATIONS and r.get("required", True)
    )
    assert [r for r in required if not r["found"]] == []


# --------------------------------------------------------------------------- development articles

DEV = sorted((Path(__file__).parent / "data").glob("dev*/*.gold.json"))


@pytest.mark.parametrize("gold_path", DEV, ids=[p.name.split(".")[0] for p in DEV])
def test_development_articles_score_well(gold_path: Path) -> None:
    """Original articles written for these tests, in other papers' styles and formats
    (e-paper pages, reports, 新闻联播 records, HTML pages, WeChat and local papers,
    GB18030): a regression guard for the rules, not the held-out figure."""
    gold = load_gold(gold_path)
    article_path = find_gold_article(gold, gold_path)
    assert article_path is not None
    articles = read_path(article_path, article_path.parent)
    if wanted := gold["article"].get("id"):  # one record of a JSON Lines file
        articles = [a for a in articles if a.id == wanted or a.id.endswith("#" + wanted)]
    (article,) = articles
    ext = get_extractor()(article)
    scores = score_entities(gold, ext.entities)
    # dev and devb were used to write the rules; devc only for a few of them; deve and devf
    # and devg (first runs 0.73-0.91, 0.90-0.98 and 0.86-0.97 per article) prompted the rules of
    # late 2026, devh, devi and devj (first runs 0.79-0.92, 0.76-0.91 and 0.80-0.92) those of its last days,
    # devk to devr (first runs 0.82-0.97) those of its very last, devs to devv (first runs
    # 0.73-0.97: devs6's Mongolian names and 苏木) those of the round after, devw and devx
    # (0.80-0.95) those of the next; devy and devz (0.77-0.94: 广州's streets, 上海's old
    # streets and gardens) were held back until the end of that round
    floor = {"dev": 0.90, "devb": 0.90, "deve": 0.85, "devf": 0.85, "devg": 0.85}.get(gold_path.parent.name, 0.80)
    assert scores["micro"]["f1"] >= floor, format_scores(scores, [])
    # devh's writers list 枫桥经验 (a known programme), a brand after 擦亮 and a ledger named
    # like a working rule as not entities, devi's a quoted system the text says is in force
    # (实行“双聘制”), devk's a quoted policy word (“引才”政策), devm's a quoted reform and a
    # metaphor (“街道吹哨、物业报到”, “流动课堂”), devo's a tourism slogan (打造“古镇花乡”):
    # judgement calls the rules make the other way
    if gold_path.parent.name not in ("devc", "devh", "devi", "devk", "devm", "devo"):
        assert scores["not_entities_found"] == []


# --------------------------------------------------------------------------- real news, hand-annotated

CCTV_GOLD = sorted((Path(__file__).parent / "data").glob("cctv*/*.gold.json"))


@pytest.fixture(scope="module")
def cctv_records(tmp_path_factory) -> dict[str, Path]:
    """The CCTV stories the gold files annotate, each written to a JSON Lines file of its own
    (the stories are read from the shared folder, which the project does not copy)."""
    import gzip

    from kg.nereval import cctv_corpus

    corpus = cctv_corpus()
    if corpus is None:
        pytest.skip("shared data folder absent (set KG_SHARED or create ../shared)")
    wanted = {load_gold(p)["article"]["id"] for p in CCTV_GOLD}
    folder = tmp_path_factory.mktemp("cctv-gold")
    out: dict[str, Path] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                out[record["id"]] = folder / f"{record['id']}.jsonl"
                out[record["id"]].write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def _cctv_scores(gold_path: Path, records: dict[str, Path]) -> dict:
    gold = load_gold(gold_path)
    path = records[gold["article"]["id"]]
    (article,) = read_path(path, path.parent)
    return score_entities(gold, get_extractor()(article).entities)


#: Stories with three required entities or fewer swing by a third on one miss: they count in
#: their set's pooled score only (cctvj's 电力 story names a trading centre, a clean-energy base
#: and a transmission project, none of which the rules know).
CCTV_STORIES = [p for p in CCTV_GOLD if sum(e.get("required", True) for e in load_gold(p)["entities"]) >= 4]


@pytest.mark.parametrize("gold_path", CCTV_STORIES, ids=[f"{p.parent.name}-{p.name.split('.')[0]}" for p in CCTV_STORIES])
def test_real_cctv_stories_score_well(gold_path: Path, cctv_records) -> None:
    """Real 新闻联播 stories annotated by hand by annotators who had not seen the rules
    (cctva to cctvc, cctve, cctvf, cctvi, cctvj, cctvm, cctvn, cctvq, cctvr, cctvu and cctvv were
    used to improve them; cctvd, cctvg, cctvh, cctvk, cctvl, cctvo, cctvp, cctvs, cctvt, cctvw and
    cctvx were held back until the end of a round): no story falls far behind."""
    scores = _cctv_scores(gold_path, cctv_records)
    floor = _HARD_STORIES.get(gold_path.name.split(".")[0], 0.65)
    assert scores["micro"]["f1"] >= floor, format_scores(scores, [])


#: Stories of the fourth round (cctvm to cctvp) that scored below 0.65 when first scored
#: (8435a60) and still do, with a floor a little under that score: most of what they name is
#: out of the rules' reach (a research park's districts, and companies by their short names).
#: Three others then scored 0.400, 0.610 and 0.636 and now score 0.676 to 0.787.
_HARD_STORIES = {
    "xwlb-20250401-03": 0.57,  # cctvo, held back: 0.625 when first scored, 0.625 now
}


@pytest.mark.parametrize(
    ("folder", "floor"),
    [("cctva", 0.95), ("cctvb", 0.95), ("cctvc", 0.92), ("cctvd", 0.90),
     ("cctve", 0.87), ("cctvf", 0.89), ("cctvg", 0.87), ("cctvh", 0.88),
     ("cctvi", 0.91), ("cctvj", 0.88), ("cctvk", 0.91), ("cctvl", 0.86),
     ("cctvm", 0.90), ("cctvn", 0.92), ("cctvo", 0.90), ("cctvp", 0.91),
     ("cctvq", 0.88), ("cctvr", 0.91), ("cctvs", 0.90), ("cctvt", 0.87),
     ("cctvu", 0.89), ("cctvv", 0.89), ("cctvw", 0.90), ("cctvx", 0.88)],
)  # fmt: skip
def test_real_cctv_stories_pooled(folder: str, floor: float, cctv_records) -> None:
    """Pooled over a set, real news stays near where the rules brought it (first runs: cctva
    0.915, cctvb 0.887, cctvc 0.851, cctvd 0.852 (held back: 0.875 when first scored), cctve
    0.830, cctvf 0.850, cctvg 0.870 and cctvh 0.870 (both held back: 0.879 and 0.876 when
    first scored), cctvi 0.882, cctvj 0.860, cctvk 0.906 and cctvl 0.856 (the last two held
    back, first scored at 0.906 and 0.856), cctvm 0.895, cctvn 0.923, cctvo 0.902 and cctvp 0.916
    (all four first scored with the rules of 8435a60, before any of their misses was read; cctvo
    and cctvp were held back), cctvq 0.842, cctvr 0.889, cctvs 0.909 and cctvt 0.855 (first
    scored with the rules of 9c58a2a; cctvs and cctvt were held back), cctvu 0.888, cctvv 0.880,
    cctvw 0.921 and cctvx 0.900 (first scored with the rules of d7d098b; cctvw and cctvx were held
    back); see each set's README for its figures now)."""
    totals = {"tp": 0, "fp": 0, "matched": 0, "required": 0}
    for gold_path in (p for p in CCTV_GOLD if p.parent.name == folder):
        micro = _cctv_scores(gold_path, cctv_records)["micro"]
        for k in totals:
            totals[k] += micro[k]
    precision = totals["tp"] / (totals["tp"] + totals["fp"])
    recall = totals["matched"] / totals["required"]
    assert 2 * precision * recall / (precision + recall) >= floor, (precision, recall)

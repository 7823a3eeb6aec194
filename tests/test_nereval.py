"""Tests for kg.nereval: BIO loaders, exact-match scoring, the jieba baseline, real dev sets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg import nereval
from kg.model import Mention

__all__: list[str] = []


# --------------------------------------------------------------------------- loaders


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_decode_bio_rules() -> None:
    tags = ["I-PER", "I-PER", "B-LOC", "B-LOC", "O", "I-ORG", "I-LOC", "B-ORG", "I-ORG"]
    assert nereval.decode_bio(tags) == [
        (0, 2, "PER"),  # I- without B- starts a span
        (2, 3, "LOC"),  # adjacent B-B of the same type: two spans
        (3, 4, "LOC"),
        (5, 6, "ORG"),  # I- after O starts a span
        (6, 7, "LOC"),  # I- of another type starts a span
        (7, 9, "ORG"),  # span running to the end of the sentence
    ]
    assert nereval.decode_bio([]) == []
    assert nereval.decode_bio(["O", "O"]) == []
    with pytest.raises(ValueError):
        nereval.decode_bio(["B-MISC"])


def test_load_peoples_daily(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "pd.dev",
        "欧 B-LOC\n美 B-LOC\n在 O\n１ O\n９ O\n\n"  # adjacent one-char spans, full-width digits
        "\n"  # extra blank line: no empty sentence
        "泽 I-PER\n民 I-PER\n访 O\n港 B-LOC\n\n"  # I- without B-
        "新 B-ORG\n华 I-ORG\n社 I-ORG\n李 B-PER\n鹏 I-PER",  # last sentence, no trailing newline
    )
    data = nereval.load_peoples_daily(path)
    assert data == [
        ("欧美在１９", [(0, 1, "LOC"), (1, 2, "LOC")]),
        ("泽民访港", [(0, 2, "PER"), (3, 4, "LOC")]),
        ("新华社李鹏", [(0, 3, "ORG"), (3, 5, "PER")]),
    ]


def test_load_peoples_daily_rejects_garbage(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.dev", "中国 B-LOC\n")
    with pytest.raises(ValueError):
        nereval.load_peoples_daily(path)


def test_load_msra(tmp_path: Path) -> None:
    sents = _write(
        tmp_path / "s.txt",
        "江 苏 如 皋 市 １ ０ \n"  # trailing space as in the real file
        "华 社 长 在 京\n"
        "中 美 会 谈",  # no trailing newline
    )
    tags = _write(
        tmp_path / "t.txt",
        "B-LOC I-LOC B-LOC I-LOC I-LOC O O \nI-ORG I-ORG O O B-LOC\nB-LOC B-LOC O O",
    )
    assert nereval.load_msra(sents, tags) == [
        ("江苏如皋市１０", [(0, 2, "LOC"), (2, 5, "LOC")]),
        ("华社长在京", [(0, 2, "ORG"), (4, 5, "LOC")]),
        ("中美会谈", [(0, 1, "LOC"), (1, 2, "LOC")]),
    ]


def test_load_msra_misaligned(tmp_path: Path) -> None:
    sents = _write(tmp_path / "s.txt", "中 国\n")
    tags = _write(tmp_path / "t.txt", "B-LOC\n")
    with pytest.raises(ValueError):
        nereval.load_msra(sents, tags)


# --------------------------------------------------------------------------- scoring


def test_score_exact_numbers() -> None:
    gold = [
        [(0, 2, "PER"), (3, 5, "LOC"), (6, 9, "ORG")],
        [(0, 1, "LOC"), (2, 4, "LOC")],
    ]
    pred = [
        [(0, 2, "PER"), (3, 5, "ORG"), (6, 9, "ORG"), (6, 9, "ORG")],  # wrong type; duplicate
        [(0, 1, "LOC"), (2, 5, "LOC"), (7, 8, "PER")],  # wrong boundary; spurious
    ]
    s = nereval.score(gold, pred)
    assert s["PER"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0, "f1": 2 / 3}
    assert s["LOC"] == {"tp": 1, "fp": 1, "fn": 2, "precision": 0.5, "recall": 1 / 3, "f1": 0.4}
    assert s["ORG"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0, "f1": 2 / 3}
    assert s["micro"] == {
        "tp": 3,
        "fp": 3,
        "fn": 2,
        "precision": 0.5,
        "recall": 0.6,
        "f1": pytest.approx(6 / 11),
    }


def test_score_empty_and_errors() -> None:
    s = nereval.score([[]], [[]])
    assert s["micro"] == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    with pytest.raises(ValueError):
        nereval.score([[]], [])
    with pytest.raises(ValueError):
        nereval.score([[]], [[(0, 1, "MISC")]])


def test_lenient_drops_single_chars() -> None:
    assert nereval.drop_single_char([(0, 1, "LOC"), (1, 3, "PER")]) == [(1, 3, "PER")]


def test_flatten_longest() -> None:
    spans = [(0, 2, "LOC"), (0, 4, "ORG"), (3, 6, "ORG"), (5, 7, "PER"), (0, 4, "ORG")]
    assert nereval.flatten_longest(spans) == [(0, 4, "ORG"), (5, 7, "PER")]


def test_evaluate_dataset_with_fake_predictor() -> None:
    data = [("我在北京工作", [(2, 4, "LOC")]), ("中美会谈", [(0, 1, "LOC"), (1, 2, "LOC")])]

    def fake(text: str) -> list[nereval.Span]:
        return [(2, 4, "LOC")] if "北京" in text else [(0, 1, "LOC"), (0, 4, "ORG")]

    res = nereval.evaluate_dataset(data, fake)
    assert res["sentences"] == 2 and res["chars"] == 10 and res["seconds"] >= 0
    assert res["gold"] == {"PER": 0, "LOC": 3, "ORG": 0}
    assert (res["strict"]["micro"]["tp"], res["strict"]["micro"]["fp"]) == (2, 1)
    assert res["strict"]["micro"]["fn"] == 1
    # lenient: the two 1-char gold LOCs and the 1-char predicted LOC disappear
    assert res["lenient"]["LOC"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert res["lenient"]["ORG"]["fp"] == 1

    report = nereval.format_report(
        {"toy": {"fake": res, "kg": {"error": "ModuleNotFoundError: kg.pipeline"}}}
    )
    assert "lenient" in report and "1-character" in report
    assert "== toy ==" in report and "unavailable" in report
    assert "2 sentences, 10 characters" in report


def test_evaluate_dataset_rejects_out_of_range() -> None:
    with pytest.raises(ValueError):
        nereval.evaluate_dataset([("北京", [])], lambda t: [(0, 5, "LOC")], warmup=False)


def test_kg_spans_maps_types(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    fake = types.ModuleType("kg.pipeline")

    def mentions_in_text(text: str) -> list[Mention]:
        return [
            Mention(0, 3, text[0:3], "Organisation"),
            Mention(0, 2, text[0:2], "Place"),  # nested in the ORG: flattened away
            Mention(4, 6, text[4:6], "Person"),
            Mention(6, 10, text[6:10], "Programme"),  # dropped
        ]

    fake.mentions_in_text = mentions_in_text  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kg.pipeline", fake)
    text = "重庆市委书记陈敏尔乡村振兴"
    assert nereval.kg_spans(text) == [(0, 3, "ORG"), (4, 6, "PER")]
    assert nereval.kg_spans(text, flatten=False) == [(0, 2, "LOC"), (0, 3, "ORG"), (4, 6, "PER")]


# --------------------------------------------------------------------------- jieba baseline


def test_jieba_baseline_finds_beijing() -> None:
    text = "我在北京工作"
    spans = nereval.jieba_posseg_spans(text)
    assert (2, 4, "LOC") in spans
    assert all(text[s:e] for s, e, _ in spans)


def test_jieba_offsets_survive_odd_input() -> None:
    text = "１９９８年 ABC\n李鹏会见克林顿"
    for s, e, _t in nereval.jieba_posseg_spans(text):
        assert 0 <= s < e <= len(text)
    assert (10, 12, "PER") in nereval.jieba_posseg_spans(text)


# --------------------------------------------------------------------------- real dev sets


def _shared_or_skip() -> Path:
    shared = nereval.resolve_shared()
    if shared is None or not shared.is_dir():
        pytest.skip("shared data folder absent (set KG_SHARED or create ../shared)")
    return shared


def _counts(data: list[nereval.Sentence]) -> tuple[int, int, int, Counter[str]]:
    types = Counter(t for _, spans in data for _, _, t in spans)
    return len(data), sum(len(t) for t, _ in data), sum(types.values()), types


@pytest.mark.shared
def test_real_peoples_daily_dev_counts() -> None:
    shared = _shared_or_skip()
    data = nereval.load_dataset(shared, "peoples_daily_1998_dev")
    if data is None:
        pytest.skip("peoples_daily_1998_ner/example.dev absent")
    n, chars, ents, types = _counts(data)
    # figures from shared/data/peoples_daily_1998_ner/README.md
    assert (n, chars, ents) == (2318, 109870, 3819)
    assert types == Counter({"LOC": 1951, "ORG": 984, "PER": 884})
    # characters verbatim, no width normalisation (this file happens to use ASCII digits)
    raw = (shared / nereval.DATASETS["peoples_daily_1998_dev"][0]).read_text(encoding="utf-8")
    column = "".join(line.rpartition(" ")[0] for line in raw.splitlines() if line.strip())
    assert "".join(text for text, _ in data) == column


@pytest.mark.shared
def test_real_msra_val_counts() -> None:
    shared = _shared_or_skip()
    data = nereval.load_dataset(shared, "msra_val")
    if data is None:
        pytest.skip("msra_ner/val_*.txt absent")
    n, chars, ents, types = _counts(data)
    # figures from shared/data/msra_ner/README.md
    assert (n, chars, ents) == (2792, 134711, 4771)
    assert types == Counter({"LOC": 2298, "ORG": 1331, "PER": 1142})
    assert data[0][0].startswith("近日在江苏如皋市城西乡，１０００多个品种")
    assert data[0][1][:2] == [(3, 5, "LOC"), (5, 8, "LOC")]  # full-width １０００ kept

"""Tests of kg.segment: the tokens are jieba's, whichever tokenizer cut them."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from kg.ingest import iter_articles
from kg.pipeline import SAMPLE_DIR
from kg.resources import load_rules
from kg.segment import Segmenter

ROOT = Path(__file__).resolve().parents[1]
DEV = [ROOT / "tests" / "data" / d for d in ("dev", "devb", "devc", "devd")]


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    segmenter = Segmenter(load_rules())
    assert segmenter.fast is not None, "rjieba is a dependency: the fast path must be tested"
    return segmenter


def _jieba(seg: Segmenter, text: str) -> list[tuple[str, int, int]]:
    return list(seg.tokenizer.tokenize(text, HMM=True))


@pytest.mark.parametrize(
    "text",
    [
        "S-300导弹和BQ.1.1毒株",  # rjieba alone joins S-300 and BQ.1.1
        "20th.cpcnews.cn网站，1.5%的增长，C#与C++",
        "𠀀字和䶮字、龘",  # characters jieba's blocks leave out
        "第一行\r\n第二行\n\n  两个空格\t制表\u3000全角空格",
        "韩楚说，南川区三泉镇观音村的观音岩驿站。",
        "",
        " ",
        "ABC123abc",
        "2024年GDP增长5.2%，CPI上涨0.3%，G20峰会在Rio举行",  # letters and digits in a block
        "é中文-x\r\n\x0b\x1c文字ＡＢＣ１２３",  # accents, control characters, full width
        "Ⅱ期工程、①②，αβ中文-",  # rare symbols; a block that ends the text
    ],
)
def test_cut_gives_jiebas_tokens(seg: Segmenter, text: str) -> None:
    assert seg.cut(text) == _jieba(seg, text)


def test_cut_gives_jiebas_tokens_on_the_sample_and_the_development_articles(seg) -> None:
    articles = list(iter_articles([SAMPLE_DIR, *DEV]))
    assert len(articles) > 20
    for article in articles:
        assert seg.cut(article.text) == _jieba(seg, article.text), article.id


def test_added_words_reach_both_tokenizers(seg: Segmenter) -> None:
    text = "我们去了嵖岈山风景区看看"
    seg.add_word("嵖岈山风景区", "ns")
    assert ("嵖岈山风景区", 4, 10) in seg.cut(text)
    assert seg.cut(text) == _jieba(seg, text)
    assert seg.tag("嵖岈山风景区") == "ns" and seg.freq("嵖岈山风景区") > 0


def test_remembered_jieba_pieces_follow_added_words(seg: Segmenter) -> None:
    text = "新型S-300型号导弹和S-300型号"
    before = seg.cut(text)  # the piece S-300型号 is cut by jieba, and remembered
    assert before == _jieba(seg, text) and ("S-300型号", 2, 9) not in before
    seg.add_word("S-300型号", "nz")
    after = seg.cut(text)
    assert ("S-300型号", 2, 9) in after and after == _jieba(seg, text)


def test_tokens_carry_offsets_tags_and_frequencies(seg: Segmenter) -> None:
    text = "南川区开展S-300活动"
    tokens = seg.tokens(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == text
    first = tokens[0]
    assert first.freq == seg.freq(first.text) and first.tag == seg.tag(first.text)


@pytest.mark.shared
def test_cut_gives_jiebas_tokens_on_cctv_stories(seg: Segmenter, shared: Path) -> None:
    path = shared / "data" / "cctv_xwlb_news" / "xwlb_stories.jsonl.gz"
    if not path.is_file():
        pytest.skip("CCTV corpus absent")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, 1500):
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
            assert seg.cut(text) == _jieba(seg, text), record.get("id")

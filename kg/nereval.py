"""Mention-level NER evaluation on the People's Daily 1998 and MSRA dev sets.

The two corpora are character-level BIO with the types ``PER``/``LOC``/``ORG``
(see the READMEs under ``shared/data/peoples_daily_1998_ner`` and
``shared/data/msra_ner``).  This module loads them into
``(sentence text, gold spans)`` pairs, runs a *predictor* (a function
``text -> spans``) over every sentence and scores exact-match mentions.

Two predictors are provided:

* :func:`kg_spans` -- our rule-based extractor (``kg.pipeline.mentions_in_text``),
  with ``Person``/``Place``/``Organisation`` mapped to ``PER``/``LOC``/``ORG``
  and ``Programme`` dropped;
* :func:`jieba_posseg_spans` -- the jieba 0.42.1 part-of-speech tagger as a
  same-run baseline (``nr``/``nrfg``/``nrt`` -> PER, ``ns`` -> LOC, ``nt`` -> ORG).

Spans are ``(start, end_exclusive, type)`` with code-point offsets into the
sentence text.  Two scores are reported: *strict* (every span) and *lenient*
(1-character spans dropped from gold and prediction alike, because the corpora
tag one-character abbreviations such as 中/美/港 while our annotation guide
does not).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "NER_TYPES",
    "Span",
    "Sentence",
    "Predictor",
    "DATASETS",
    "KG_TYPE_MAP",
    "JIEBA_FLAG_MAP",
    "decode_bio",
    "load_peoples_daily",
    "load_msra",
    "resolve_shared",
    "load_dataset",
    "drop_single_char",
    "flatten_longest",
    "score",
    "jieba_posseg_spans",
    "kg_spans",
    "evaluate_dataset",
    "format_report",
]

#: The corpus entity types, in display order.
NER_TYPES: tuple[str, ...] = ("PER", "LOC", "ORG")

#: ``(start, end_exclusive, type)``.
Span = tuple[int, int, str]
#: ``(sentence text, gold spans)``.
Sentence = tuple[str, list[Span]]
#: A system under evaluation: sentence text -> predicted spans.
Predictor = Callable[[str], Iterable[Span]]

#: Dataset name -> file paths relative to the ``shared`` folder.
DATASETS: dict[str, tuple[str, ...]] = {
    "peoples_daily_1998_dev": ("data/peoples_daily_1998_ner/example.dev",),
    "msra_val": ("data/msra_ner/val_sentences.txt", "data/msra_ner/val_tags.txt"),
}

#: ``kg`` entity type -> corpus type (``Programme`` has no corpus counterpart).
KG_TYPE_MAP: dict[str, str] = {"Person": "PER", "Place": "LOC", "Organisation": "ORG"}

#: jieba part-of-speech flag -> corpus type.
JIEBA_FLAG_MAP: dict[str, str] = {
    "nr": "PER",
    "nrfg": "PER",
    "nrt": "PER",
    "ns": "LOC",
    "nt": "ORG",
}

_REPO = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- loading


def decode_bio(tags: Sequence[str]) -> list[Span]:
    """Decode one sentence's BIO tags into spans.

    ``B-X`` always starts a span; ``I-X`` continues the open span if it has the
    same type and otherwise (after ``O``, after another type, or at the start)
    starts a new span.  ``O`` closes any open span.  Unknown types raise
    :class:`ValueError`.
    """
    spans: list[Span] = []
    start = -1
    kind = ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if kind:
                spans.append((start, i, kind))
            kind = ""
            continue
        prefix, sep, typ = tag.partition("-")
        if not sep or prefix not in ("B", "I") or typ not in NER_TYPES:
            raise ValueError(f"unknown BIO tag {tag!r} at position {i}")
        if prefix == "I" and typ == kind:
            continue
        if kind:
            spans.append((start, i, kind))
        start, kind = i, typ
    if kind:
        spans.append((start, len(tags), kind))
    return spans


def load_peoples_daily(path: str | os.PathLike[str]) -> list[Sentence]:
    """Load a People's Daily 1998 NER file (``<char> <tag>`` per line).

    Sentences are separated by blank lines; a final sentence without a
    trailing blank line is kept.  Characters are taken verbatim (full-width
    digits and letters stay full-width).
    """
    out: list[Sentence] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            out.append(("".join(chars), decode_bio(tags)))
            chars.clear()
            tags.clear()

    with open(path, encoding="utf-8-sig") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                flush()
                continue
            char, sep, tag = line.rpartition(" ")
            if not sep or len(char) != 1 or not tag:
                raise ValueError(f"{path}:{lineno}: expected '<char> <tag>', got {line!r}")
            chars.append(char)
            tags.append(tag)
    flush()
    return out


def load_msra(
    sent_path: str | os.PathLike[str], tag_path: str | os.PathLike[str]
) -> list[Sentence]:
    """Load the MSRA split: line-aligned, space-separated characters and tags.

    Blank lines (in both files) are skipped; a line whose token counts differ,
    or a multi-character token, raises :class:`ValueError`.
    """
    with open(sent_path, encoding="utf-8-sig") as fh:
        sent_lines = fh.read().splitlines()
    with open(tag_path, encoding="utf-8-sig") as fh:
        tag_lines = fh.read().splitlines()
    while sent_lines and not sent_lines[-1].strip():
        sent_lines.pop()
    while tag_lines and not tag_lines[-1].strip():
        tag_lines.pop()
    if len(sent_lines) != len(tag_lines):
        raise ValueError(f"{sent_path} has {len(sent_lines)} lines, {tag_path} {len(tag_lines)}")
    out: list[Sentence] = []
    for lineno, (sline, tline) in enumerate(zip(sent_lines, tag_lines, strict=True), 1):
        chars = [c for c in sline.split(" ") if c]  # not split(): keep U+3000 etc. as chars
        tags = tline.split()
        if len(chars) != len(tags):
            raise ValueError(f"line {lineno}: {len(chars)} characters but {len(tags)} tags")
        if any(len(c) != 1 for c in chars):
            raise ValueError(f"line {lineno}: token longer than one character")
        if chars:
            out.append(("".join(chars), decode_bio(tags)))
    return out


def resolve_shared(cli: str | os.PathLike[str] | None = None) -> Path | None:
    """Find the ``shared`` folder: ``--shared`` value, else ``$KG_SHARED``, else ``<repo>/../shared``.

    Returns ``None`` only when nothing was given and the default does not
    exist; an explicitly given path is returned even if it is missing.
    """
    if cli:
        return Path(cli)
    env = os.environ.get("KG_SHARED")
    if env:
        return Path(env)
    default = _REPO.parent / "shared"
    return default if default.is_dir() else None


#: The CCTV news stories (``xwlb_stories.jsonl.gz``), relative to the shared folder.
CCTV_CORPUS = Path("data") / "cctv_xwlb_news" / "xwlb_stories.jsonl.gz"
#: What the benchmarks say when the shared data is not there.
NO_CCTV = "the CCTV corpus is not available (give --shared PATH or set KG_SHARED); nothing to do"


def cctv_corpus(cli: str | os.PathLike[str] | None = None) -> Path | None:
    """The CCTV news stories file of the shared folder (see :func:`resolve_shared`), or
    None when it is not there."""
    shared = resolve_shared(cli)
    path = shared / CCTV_CORPUS if shared else None
    return path if path is not None and path.is_file() else None


def load_dataset(shared: str | os.PathLike[str], name: str) -> list[Sentence] | None:
    """Load dataset ``name`` (a key of :data:`DATASETS`) from ``shared``; ``None`` if absent."""
    paths = [Path(shared) / rel for rel in DATASETS[name]]
    if not all(p.is_file() for p in paths):
        return None
    if len(paths) == 1:
        return load_peoples_daily(paths[0])
    return load_msra(paths[0], paths[1])


# --------------------------------------------------------------------------- scoring


def drop_single_char(spans: Iterable[Span]) -> list[Span]:
    """The spans longer than one character (the *lenient* view)."""
    return [s for s in spans if s[1] - s[0] > 1]


def flatten_longest(spans: Iterable[Span]) -> list[Span]:
    """Resolve overlaps the way the corpora do: keep the longest span.

    Spans are taken longest first (ties: leftmost first, then type order) and
    kept if they overlap nothing kept so far.  Exact duplicates collapse.
    """
    order = {t: i for i, t in enumerate(NER_TYPES)}
    ranked = sorted(set(spans), key=lambda s: (s[0] - s[1], s[0], order.get(s[2], 99), s[2]))
    kept: list[Span] = []
    for s in ranked:
        if all(s[1] <= k[0] or k[1] <= s[0] for k in kept):
            kept.append(s)
    return sorted(kept)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def score(
    gold: Sequence[Iterable[Span]], pred: Sequence[Iterable[Span]]
) -> dict[str, dict[str, float | int]]:
    """Exact-match mention scores.

    ``gold`` and ``pred`` are aligned per sentence (one span collection per
    sentence).  A predicted span is a true positive iff the same
    ``(start, end, type)`` is in that sentence's gold; duplicates count once.
    Returns ``{"PER"|"LOC"|"ORG"|"micro": {"tp", "fp", "fn", "precision",
    "recall", "f1"}}``; ratios with a zero denominator are 0.0.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    counts = {t: [0, 0, 0] for t in NER_TYPES}
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g, p = set(g_spans), set(p_spans)
        for s in g | p:
            if s[2] not in counts:
                raise ValueError(f"unknown span type {s[2]!r} in {s!r}")
            c = counts[s[2]]
            if s in g and s in p:
                c[0] += 1
            elif s in p:
                c[1] += 1
            else:
                c[2] += 1
    result = {t: _prf(*counts[t]) for t in NER_TYPES}
    result["micro"] = _prf(*(sum(counts[t][i] for t in NER_TYPES) for i in range(3)))
    return result


# --------------------------------------------------------------------------- predictors


@lru_cache(maxsize=1)
def _jieba_tagger() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tagger.lcut("初始化")  # load the dictionary now, not inside a timed run
    return tagger


def jieba_posseg_spans(text: str) -> list[Span]:
    """Baseline: jieba.posseg names (nr/nrfg/nrt -> PER, ns -> LOC, nt -> ORG).

    Uses a private ``POSTokenizer(jieba.Tokenizer())`` (HMM on), never the
    global jieba instance, so user dictionaries loaded elsewhere do not leak in.
    """
    spans: list[Span] = []
    pos = 0
    for pair in _jieba_tagger().cut(text):
        word, flag = pair.word, pair.flag
        if text.startswith(word, pos):
            start = pos
        else:  # defensive: jieba should always reproduce the input verbatim
            start = text.find(word, pos)
            if start < 0:
                continue
        pos = start + len(word)
        typ = JIEBA_FLAG_MAP.get(flag)
        if typ and word:
            spans.append((start, pos, typ))
    return spans


def kg_spans(text: str, *, flatten: bool = True) -> list[Span]:
    """Our extractor: ``kg.pipeline.mentions_in_text`` mapped to corpus types.

    ``Person``/``Place``/``Organisation`` become ``PER``/``LOC``/``ORG``;
    ``Programme`` (and any other type) is dropped.  With ``flatten`` (the
    default) overlapping mentions are reduced to the longest, matching the
    corpora's longest-span convention; duplicates always collapse.
    """
    from kg.pipeline import mentions_in_text  # lazy: the pipeline is heavy / optional

    spans = {
        (m.start, m.end, KG_TYPE_MAP[m.type])
        for m in mentions_in_text(text)
        if m.type in KG_TYPE_MAP and m.end > m.start
    }
    return flatten_longest(spans) if flatten else sorted(spans)


# --------------------------------------------------------------------------- evaluation


def evaluate_dataset(
    data: Sequence[Sentence], predictor: Predictor, *, warmup: bool = True
) -> dict[str, Any]:
    """Run ``predictor`` over every sentence and score it.

    Returns ``{"sentences", "chars", "seconds", "gold": {type: count},
    "strict": score(...), "lenient": score(...)}``.  ``seconds`` is wall time
    of the prediction loop only; with ``warmup`` the predictor is first called
    once on a short sentence so that dictionary loading is not timed.
    """
    if warmup:
        list(predictor("我在北京工作。"))
    preds: list[list[Span]] = []
    t0 = time.perf_counter()
    for text, _gold in data:
        preds.append(list(predictor(text)))
    seconds = time.perf_counter() - t0
    for (text, _), spans in zip(data, preds, strict=True):
        for s in spans:
            if not 0 <= s[0] < s[1] <= len(text):
                raise ValueError(f"predicted span {s!r} outside sentence of length {len(text)}")
    golds = [g for _, g in data]
    gold_counts = {t: sum(1 for g in golds for s in g if s[2] == t) for t in NER_TYPES}
    return {
        "sentences": len(data),
        "chars": sum(len(text) for text, _ in data),
        "seconds": seconds,
        "gold": gold_counts,
        "strict": score(golds, preds),
        "lenient": score(
            [drop_single_char(g) for g in golds], [drop_single_char(p) for p in preds]
        ),
    }


_HEADER = """\
Mention-level NER, exact match on (start, end, type); P/R/F1 in percent.
strict  = every span.
lenient = 1-character spans dropped from gold AND predictions. The corpora tag one-character
          abbreviations (中/美/港/京 as LOC, bare surnames as PER) which our annotation guide
          does not; lenient removes that convention difference.
Other corpus conventions NOT corrected for: nested names flattened to the longest span
(中国检察日报社影视部 is one ORG), ORG includes 市委/党中央/十五大/sports teams, no
Programme type (kg Programme mentions are dropped). kg overlaps are flattened longest-first.
seconds = prediction wall time after one warm-up call (dictionary loading excluded)."""


def _table(systems: dict[str, dict[str, Any]], mode: str) -> list[str]:
    cols = [*NER_TYPES, "micro"]
    name_w = max([len("system"), *(len(s) for s in systems)])
    head1 = " " * name_w + " | " + " | ".join(f"{c:^17}" for c in cols)
    head2 = f"{'system':<{name_w}} | " + " | ".join(f"{'P':>5} {'R':>5} {'F1':>5}" for _ in cols)
    head1 += f" | {'sents':>6} {'chars':>8} {'sec':>7}"
    head2 += f" | {'':>6} {'':>8} {'':>7}"
    lines = [head1, head2, "-" * len(head2)]
    for name, res in systems.items():
        if "error" in res:
            lines.append(f"{name:<{name_w}} | unavailable: {res['error']}")
            continue
        cells = []
        for c in cols:
            m = res[mode][c]
            cells.append(
                f"{100 * m['precision']:5.1f} {100 * m['recall']:5.1f} {100 * m['f1']:5.1f}"
            )
        lines.append(
            f"{name:<{name_w}} | "
            + " | ".join(cells)
            + f" | {res['sentences']:>6} {res['chars']:>8} {res['seconds']:>7.2f}"
        )
    return lines


def format_report(results: dict[str, dict[str, dict[str, Any]]]) -> str:
    """Render ``{dataset: {system: evaluate_dataset(...) result}}`` as text tables.

    A system result of the form ``{"error": message}`` is shown as unavailable.
    For every dataset there is a strict and a lenient table plus the gold
    mention counts and the micro tp/fp/fn per system.
    """
    out = [_HEADER]
    for dataset, systems in results.items():
        ok = [r for r in systems.values() if "error" not in r]
        out.append("")
        out.append(f"== {dataset} ==")
        if ok:
            first = ok[0]
            gold = ", ".join(f"{t} {first['gold'][t]}" for t in NER_TYPES)
            out.append(
                f"{first['sentences']} sentences, {first['chars']} characters; "
                f"gold mentions: {sum(first['gold'].values())} ({gold})"
            )
        for mode in ("strict", "lenient"):
            out.append("")
            out.append(f"[{mode}]")
            out.extend(_table(systems, mode))
            for name, res in systems.items():
                if "error" not in res:
                    m = res[mode]["micro"]
                    out.append(f"  {name}: micro tp={m['tp']} fp={m['fp']} fn={m['fn']}")
    return "\n".join(out) + "\n"

"""NER dev-set benchmark: kg vs. jieba posseg on People's Daily 1998 and MSRA.

Usage::

    python benchmarks/ner_dev.py [--shared PATH] [--limit N]

The ``shared`` folder is ``--shared``, else ``$KG_SHARED``, else
``<repo>/../shared``.  Both systems run on both datasets in the same process
and the report (strict and lenient mention-level P/R/F1) goes to stdout.
Exits 0 with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["main"]

_REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", help="path of the shared folder (default: $KG_SHARED or ../shared)"
    )
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each dataset")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be positive")

    if str(_REPO) not in sys.path:
        sys.path.insert(0, str(_REPO))
    from kg import nereval

    shared = nereval.resolve_shared(args.shared)
    if shared is None or not shared.is_dir():
        where = shared if shared is not None else "(none: no --shared, no $KG_SHARED, no ../shared)"
        print(f"NER dev data not found: shared folder {where}. Nothing to evaluate.")
        return 0

    datasets: dict[str, list[nereval.Sentence]] = {}
    for name in nereval.DATASETS:
        data = nereval.load_dataset(shared, name)
        if data is None:
            print(f"note: dataset {name} not found under {shared}; skipped", file=sys.stderr)
            continue
        datasets[name] = data[: args.limit] if args.limit else data
    if not datasets:
        print(f"NER dev data not found under {shared}/data. Nothing to evaluate.")
        return 0

    systems: dict[str, nereval.Predictor] = {
        "kg": nereval.kg_spans,
        "jieba-posseg": nereval.jieba_posseg_spans,
    }
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for dname, data in datasets.items():
        results[dname] = {}
        for sname, predictor in systems.items():
            try:
                results[dname][sname] = nereval.evaluate_dataset(data, predictor)
            except ImportError as exc:  # kg.pipeline not written yet
                results[dname][sname] = {"error": f"{type(exc).__name__}: {exc}"}
    print(nereval.format_report(results), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())

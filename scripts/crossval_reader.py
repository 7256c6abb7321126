"""Cross-validate the whole embedded reader on corpus lines, per slot kind.

`crossval.py` scores one classifier on its own task. This scores what `groundwork corpus`
scores (act, rules and classifiers together) on folds of the train split's corpus lines,
with every classifier retrained without the fold, so its figures read like the held-out
ones. The rules are not retrained: they were written while looking at train lines, so
on lines older than a rule the figure flatters it. `--since ID` scores only lines from
ID on, e.g. a batch written after the rules by someone who never read them.

    .venv/bin/python scripts/crossval_reader.py --kinds yes_no text incentives
    .venv/bin/python scripts/crossval_reader.py --kinds yes_no --since u1592 --failures
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.evaluation.corpus import check, kind_of, line_number, read  # noqa: E402
from app.understanding import classifiers as clf  # noqa: E402
from app.understanding.embedded import EmbeddedUnderstanding  # noqa: E402
from app.understanding.training import (  # noqa: E402
    encoder_for,
    examples,
    fit,
    load_corpus,
    load_exemplars,
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", nargs="+", default=["yes_no", "text", "incentives"])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--since", default="u0001", help="score only lines from this id on")
    parser.add_argument("--failures", action="store_true", help="list the misread lines")
    args = parser.parse_args(argv)

    corpus = load_corpus(split="train")
    exemplars = load_exemplars()
    scored = [
        row
        for row in corpus
        if kind_of(row) in args.kinds and line_number(row["id"]) >= line_number(args.since)
    ]
    hits: dict[str, list[bool]] = defaultdict(list)
    failures: list[str] = []
    for seed in args.seeds:
        order = np.random.RandomState(seed).permutation(len(scored))
        for fold in range(args.folds):
            held = {scored[i]["id"] for i in order[fold :: args.folds]}
            data = examples([row for row in corpus if row["id"] not in held] + exemplars)
            models = {
                task: fit(task, data[task], encoder_for(task)) for task in clf.TASKS if data[task]
            }
            reader = EmbeddedUnderstanding(classifiers=models)
            for row in (row for row in scored if row["id"] in held):
                ok, why = check(row, read(row, reader))
                hits[kind_of(row)].append(ok)
                if not ok:
                    failures.append(f"  {row['id']}: {why} | {row['text']}")
            print(f"seed {seed}, fold {fold + 1}/{args.folds}", file=sys.stderr, flush=True)
    print(
        f"reader cross-validation, lines from {args.since}, {args.folds} folds x {len(args.seeds)} seeds"
    )
    for kind, values in sorted(hits.items()):
        print(f"  {kind:12} {np.mean(values):.3f}  (n={len(values) // len(args.seeds)})")
    if args.failures:
        print("\n".join(sorted(set(failures))))
    return 0


if __name__ == "__main__":
    sys.exit(main())

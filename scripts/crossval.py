"""Cross-validate an understanding classifier on the train split and exemplars.

This is how model and data changes are judged: the held-out split of the utterance corpus
is never read here, so it stays an honest estimate for requesters nobody has seen.
Training goes through `app.understanding.training.fit`, so the features and model are the
ones `groundwork train` ships.

    .venv/bin/python scripts/crossval.py yes_no
    .venv/bin/python scripts/crossval.py act --folds 5 --seeds 0 1
    .venv/bin/python scripts/crossval.py yes_no --extra round2_yes_no_act.jsonl

With `--extra FILE` (an exemplar file name), the folds are drawn from everything else and
FILE is added to every training fold: it answers "does this file help on the rest?".

With `--corpus-only`, only the corpus's train lines are split into folds and the exemplars
are always trained on: most exemplars were written to teach one thing, in one voice, so a
test fold of exemplars says less about real requesters than a fold of corpus lines does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.understanding import classifiers as clf  # noqa: E402
from app.understanding.training import (  # noqa: E402
    EXEMPLARS_DIR,
    encoder_for,
    examples,
    fit,
    load_corpus,
    load_exemplars,
)

Example = tuple[str, str, str]


def accuracy(task: str, train: list[Example], test: list[Example]) -> float:
    encoder = encoder_for(task)
    model = fit(task, train, encoder)
    vectors = encoder.encode_for_reading([text for text, _, _ in test])
    right = 0
    for vector, (text, slot, label) in zip(vectors, test, strict=True):
        features = clf.task_input(task, vector, text, slot, model.word_index)
        right += model.predict(features)[0] == label
    return right / len(test)


def main(argv: Sequence[str] | None = None) -> int:
    from sklearn.model_selection import StratifiedKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=clf.TASKS)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--extra", help="an exemplar file added to every training fold")
    parser.add_argument(
        "--corpus-only", action="store_true", help="test folds from corpus lines only"
    )
    args = parser.parse_args(argv)

    rows = load_corpus(split="train")
    exemplar_rows = load_exemplars(skip=args.extra)
    always = examples(exemplar_rows)[args.task] if args.corpus_only else []
    data = examples(rows if args.corpus_only else rows + exemplar_rows)[args.task]
    extra = examples(load_corpus(EXEMPLARS_DIR / args.extra))[args.task] if args.extra else []
    labels = np.array([label for _, _, label in data])

    scores: dict[str, list[float]] = {"without extra": [], "with extra": []} if extra else {}
    plain: list[float] = []
    for seed in args.seeds:
        folds = StratifiedKFold(args.folds, shuffle=True, random_state=seed)
        for train_idx, test_idx in folds.split(np.zeros(len(labels)), labels):
            train = [data[i] for i in train_idx] + always
            test = [data[i] for i in test_idx]
            if extra:
                scores["without extra"].append(accuracy(args.task, train, test))
                scores["with extra"].append(accuracy(args.task, train + extra, test))
            else:
                plain.append(accuracy(args.task, train, test))
    print(f"{args.task}: {len(data)} examples, {args.folds} folds x {len(args.seeds)} shuffles")
    for name, values in (scores or {"accuracy": plain}).items():
        print(f"  {name:14} {np.mean(values):.3f}  (folds {min(values):.3f}-{max(values):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

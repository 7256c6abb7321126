"""Understanding accuracy on the held-out split of the utterance corpus, per slot kind.

The floors are today's measured figures less a margin of a row or two (19-81 rows per kind:
one row is 1-5 points), so a change that makes the product read unseen requesters clearly
worse fails here; the issue's target is 0.9 for every kind. Changes are chosen by
cross-validation on the train split, not by these figures.
The held-out rows are never used for training (`groundwork train` reads the train split).
"""

from __future__ import annotations

import pytest

from app.evaluation.corpus import CorpusReport, evaluate
from app.understanding.embedded import get_understanding
from app.understanding.training import load_corpus

FLOORS = {
    "number": 0.9,
    "date": 0.95,
    "yes_no": 0.8,
    "choice": 0.85,
    "incentives": 0.82,
    "impact": 0.95,
    "text": 0.87,  # 31/33 in session 9; one row is 3 points
    "multi_fact": 0.73,
}


@pytest.fixture(scope="module")
def heldout() -> CorpusReport:
    return evaluate(load_corpus(split="heldout"), get_understanding())


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_heldout_accuracy_per_kind(heldout: CorpusReport, kind: str) -> None:
    assert heldout.accuracy[kind] >= FLOORS[kind], heldout.accuracy


FRESH_FLOORS = {"yes_no": 0.87}
"""The `fresh` split: 2,300 yes/no lines by twelve writers nobody trained on (0.890 when
measured, session 9); with that many lines a drop of 2 points is some 46 replies."""


@pytest.fixture(scope="module")
def fresh() -> CorpusReport:
    return evaluate(load_corpus(split="fresh"), get_understanding())


@pytest.mark.parametrize("kind", sorted(FRESH_FLOORS))
def test_fresh_writers_accuracy_per_kind(fresh: CorpusReport, kind: str) -> None:
    assert fresh.accuracy[kind] >= FRESH_FLOORS[kind], fresh.accuracy


def test_training_never_reads_the_heldout_or_fresh_split() -> None:
    rows = load_corpus(split="train")
    assert rows and all(r["split"] == "train" for r in rows)

"""Understanding accuracy on the held-out split of the utterance corpus, per slot kind.

The floors are today's measured figures less a margin of a row or two (19-81 rows per kind:
one row is 1-5 points), so a change that makes the product read unseen requesters clearly
worse fails here; the issue's target is 0.9 for every kind. The `fresh` split (writers no
model learnt from) is guarded the same way. Changes are chosen by
cross-validation on the train split, not by these figures.
The held-out rows are never used for training (`groundwork train` reads the train split).
"""

from __future__ import annotations

import pytest

from app.evaluation.corpus import CorpusReport, evaluate
from app.understanding.embedded import get_understanding
from app.understanding.training import load_corpus

FLOORS = {
    "heldout": {
        "number": 0.9,
        "date": 0.95,
        "yes_no": 0.87,  # 73/81 since session 12's MPNet reader (66 before); a row is 1.2 points
        "choice": 0.85,
        "incentives": 0.82,
        "impact": 0.95,
        "text": 0.87,  # 31/33 in sessions 9 and 12; one row is 3 points
        "multi_fact": 0.73,
    },
    # 2,068 yes/no lines by eleven writers no model or rule learnt from (0.909 when measured
    # in session 11, 0.946 in session 12); with that many lines a drop of 2 points is some 40
    # replies
    "fresh": {"yes_no": 0.925, "multi_fact": 0.36},
}


@pytest.fixture(scope="module")
def reports() -> dict[str, CorpusReport]:
    return {split: evaluate(load_corpus(split=split), get_understanding()) for split in FLOORS}


@pytest.mark.parametrize(
    ("split", "kind"),
    [(split, kind) for split, floors in FLOORS.items() for kind in sorted(floors)],
)
def test_accuracy_per_kind(reports: dict[str, CorpusReport], split: str, kind: str) -> None:
    assert reports[split].accuracy[kind] >= FLOORS[split][kind], reports[split].accuracy


def test_training_never_reads_the_heldout_or_fresh_split() -> None:
    rows = load_corpus(split="train")
    assert rows and all(r["split"] == "train" for r in rows)

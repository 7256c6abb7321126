"""A small knowledge base written for the tests, and an encoder that counts its work.

The unit tests embed with `HashingEncoder` (character n-grams, no model files): fast and
deterministic, and queries that share words with a section find it. Meaning-level retrieval
is tested on the real knowledge base (`test_real_corpus.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from app.understanding.embeddings import HashingEncoder

DOCS: dict[str, str] = {
    "job-aids.md": """---
title: Job aids
topics: [job aids, checklists]
applies_to:
  recommendations: [job_aid]
  root_causes: [knowledge]
---
# Job aids

A job aid holds the steps so that memory doesn't have to.

## When a job aid fits

Use a checklist when the task is rare and the steps are forgotten between uses. People
who did it well once only need a reminder at the point of need, not a course.

## Pitfalls

A job aid nobody can find is no job aid. Put it where the task happens.
""",
    "obstacles.md": """---
title: Removing obstacles
applies_to:
  recommendations: [remove_obstacles]
  root_causes: [resources]
---
## Broken tools come first

When the till crashes or the form is missing, fix the tool. Training people to work
around a broken process teaches them the workaround.
""",
    "candidate-metrics.md": """---
title: Candidate metrics by business area
applies_to:
  slots: [metric, baseline]
---
## Sales

- **Win rate**: the share of qualified bids that close as won.
- **Average deal size**: revenue per closed deal.
- **Discount depth**: the average discount given on closed deals.

## Customer service

- **First-contact resolution**: the share of calls solved without a call back.
- **Repeat calls**: customers calling again about the same problem within a week.
- **Complaints per thousand orders**: complaints logged against orders shipped.
""",
    "README.md": "Editors' notes: not part of the knowledge base.\n",
}


def write_corpus(root: Path, docs: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (DOCS if docs is None else docs).items():
        (root / name).write_text(text, encoding="utf-8")
    return root


class CountingEncoder:
    """`HashingEncoder` that records every text it embeds, to prove what was (not) redone."""

    def __init__(self) -> None:
        self.inner = HashingEncoder()
        self.dim = self.inner.dim
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.encode(texts)

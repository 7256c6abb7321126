"""Score a candidate yes/no rule before it ships: where it fires, how often it is right, and
which of the reader's answers it would change.

Two parts of the corpus, kept apart so that a rule is judged on lines it was not written
from (docs/status.md, sessions 10 and 11):

- `train`: the train split's yes/no lines, among them the fresh writers whose misses were
  read to write rules (A-D and M-N, "dev" in session 10, trained on since session 11);
- `unread`: the fresh split, writers E-L (u4924-u6452) and P-R (u8012-u8559), from whom no
  rule was written and no model learnt.

A rule is a function `text -> "yes" | "no" | "partly" | None`, named as `module:function`;
"fixes" are lines it reads right where the reader as it stands does not, "breaks" the other
way round (a rule the reader already runs shows none). Wrong readings are listed for the
train lines only.

    .venv/bin/python scripts/score_rule.py app.understanding.polarity:wished_answer
    .venv/bin/python scripts/score_rule.py mymodule:rule --slot mandate
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.evaluation.corpus import check, kind_of, read  # noqa: E402
from app.understanding.embedded import EmbeddedUnderstanding  # noqa: E402
from app.understanding.training import load_corpus  # noqa: E402


def part(row: dict) -> str:
    return "train" if row["split"] == "train" else "unread"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rule", help="module:function")
    parser.add_argument("--slot", help="only lines answering this question")
    args = parser.parse_args(argv)
    module, name = args.rule.split(":")
    rule = getattr(importlib.import_module(module), name)

    reader = EmbeddedUnderstanding()
    counts: Counter[tuple[str, str]] = Counter()
    for row in load_corpus(split="train") + load_corpus(split="fresh"):
        if kind_of(row) != "yes_no" or row["asking"] == "confirm":
            continue
        if args.slot and row["asking"] != args.slot:
            continue
        label = rule(row["text"])
        if label is None:
            continue
        where = part(row)
        gold = row["expect"].get(row["asking"], row["expect"]["act"])
        reader_right = check(row, read(row, reader))[0]
        counts[where, "fires"] += 1
        counts[where, "right"] += label == gold
        counts[where, "fixes"] += label == gold and not reader_right
        counts[where, "breaks"] += label != gold and reader_right
        if label != gold and where != "unread":
            print(f"  wrong ({where}) {row['id']}: {label} != {gold} | {row['text']}")
    for where in ("train", "unread"):
        print(
            f"{where:7} fires {counts[where, 'fires']:4}  right {counts[where, 'right']:4}  "
            f"fixes {counts[where, 'fixes']:3}  breaks {counts[where, 'breaks']:3}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

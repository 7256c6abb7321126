"""Compare a blind label audit of corpus lines with the corpus's own labels.

Two annotators who had not seen the corpus, its labels, the split or the code each labelled
the same lines from `tests/data/README.md`'s conventions (their inputs carried opaque keys,
the asked question and the reply, nothing else). This script maps the keys back to corpus
ids and reports, per split and slot kind, how often each annotator agrees with the corpus
and with the other annotator.

The rule for changing a corpus label was fixed before any agreement figure was seen: a label
changes only where both annotators, independently, give the same reading, that reading
differs from the corpus's, and neither annotator marked the line as unsure. Only what the
scorer checks is compared: the act, and the value of every slot a label names (numbers
within 1%). `--apply` writes those changes; the script never prints a reply's text.

    .venv/bin/python scripts/label_audit.py AUDIT_DIR
    .venv/bin/python scripts/label_audit.py AUDIT_DIR --apply
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.evaluation.corpus import kind_of, line_number  # noqa: E402
from app.evaluation.scenarios import close_enough  # noqa: E402
from app.interview import framework as fw  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "utterances.jsonl"
OLD_WRITER_LAST = 910


def scored(expect: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The parts of a label that `corpus.check` scores: the act and the slot values."""
    return expect.get("act", ""), {k: v for k, v in expect.items() if k in fw.SLOT_BY_NAME}


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    act_a, slots_a = scored(a)
    act_b, slots_b = scored(b)
    if act_a != act_b or slots_a.keys() != slots_b.keys():
        return False
    return all(close_enough(slots_a[k], slots_b[k]) for k in slots_a)


def source(row: dict[str, Any]) -> str:
    if row["split"] == "heldout":
        return "heldout"
    return "train-old" if line_number(row["id"]) <= OLD_WRITER_LAST else "train-new"


def load_labels(paths: Sequence[Path]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        for line in path.read_text().splitlines():
            if line.strip():
                item = json.loads(line)
                out[item["key"]] = item
    return out


def reader_table(
    keys: dict[str, str],
    first: dict[str, dict[str, Any]],
    second: dict[str, dict[str, Any]],
    rows: list[dict[str, Any]],
    by_id: dict[str, int],
) -> None:
    """How the reader's misses fall against the annotators: a miss on a line where both
    annotators, independently, also read it otherwise than the corpus is a miss a careful
    human makes too. Counts only: held-out lines are never shown."""
    from app.evaluation.corpus import check, read
    from app.understanding.embedded import EmbeddedUnderstanding

    reader = EmbeddedUnderstanding()
    tally: Counter[tuple[str, str, str]] = Counter()
    for key, row_id in keys.items():
        row = rows[by_id[row_id]]
        a, b = first.get(key), second.get(key)
        if a is None or b is None:
            continue
        got = read(row, reader)
        group = (source(row), kind_of(row))
        right = check(row, got)[0]
        shared = same(a["expect"], b["expect"])
        disputed = shared and not same(a["expect"], row["expect"])
        tally[(*group, "lines")] += 1
        tally[(*group, "reader=corpus")] += right
        tally[(*group, "disputed")] += disputed
        tally[(*group, "missed, disputed")] += (not right) and disputed
        if shared:
            tally[(*group, "reader=A=B")] += check({**row, "expect": a["expect"]}, got)[0]
    columns = ("lines", "reader=corpus", "disputed", "missed, disputed", "reader=A=B")
    print("\nthe reader against the corpus and the annotators' shared reading")
    print(f"{'split':10} {'kind':11} " + "  ".join(columns))
    for split in ("heldout", "train-old", "train-new"):
        for s, kind in sorted({(s, k) for s, k, _ in tally if s == split}):
            print(
                f"{s:10} {kind:11} " + "  ".join(f"{tally[(s, kind, c)]:{len(c)}}" for c in columns)
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("audit_dir", type=Path)
    parser.add_argument("--apply", action="store_true", help="write the agreed changes")
    parser.add_argument(
        "--reader",
        action="store_true",
        help="also count, per kind, where the shipped reader agrees with the corpus and with "
        "the annotators' shared reading (counts only, no text)",
    )
    args = parser.parse_args(argv)

    keys: dict[str, str] = json.loads((args.audit_dir / "key.json").read_text())
    first = load_labels(sorted(args.audit_dir.glob("labels_part*_A.jsonl")))
    second = load_labels(sorted(args.audit_dir.glob("labels_part*_B.jsonl")))
    lines = CORPUS.read_text().splitlines()
    rows = [json.loads(line) for line in lines]
    by_id = {row["id"]: i for i, row in enumerate(rows)}

    tally: Counter[tuple[str, str, str]] = Counter()
    changes: dict[str, dict[str, Any]] = {}
    for key, row_id in keys.items():
        row = rows[by_id[row_id]]
        a, b = first.get(key), second.get(key)
        if a is None or b is None:
            tally[(source(row), kind_of(row), "missing")] += 1
            continue
        group = (source(row), kind_of(row))
        tally[(*group, "lines")] += 1
        tally[(*group, "A=corpus")] += same(a["expect"], row["expect"])
        tally[(*group, "B=corpus")] += same(b["expect"], row["expect"])
        tally[(*group, "A=B")] += same(a["expect"], b["expect"])
        if (
            same(a["expect"], b["expect"])
            and not same(a["expect"], row["expect"])
            and a.get("sure", True)
            and b.get("sure", True)
        ):
            act, slots = scored(a["expect"])
            kept = {k: v for k, v in row["expect"].items() if k in ("unit", "corrections")}
            changes[row_id] = {"act": act, **slots, **kept}
            tally[(*group, "changed")] += 1

    groups = sorted({(s, k) for s, k, _ in tally})
    print(f"{'split':10} {'kind':11} lines  A=corpus B=corpus  A=B  changed")
    for split in ("heldout", "train-old", "train-new"):
        for s, kind in (g for g in groups if g[0] == split):
            n = tally[(s, kind, "lines")]
            print(
                f"{s:10} {kind:11} {n:5}  {tally[(s, kind, 'A=corpus')]:8} "
                f"{tally[(s, kind, 'B=corpus')]:8} {tally[(s, kind, 'A=B')]:4} "
                f"{tally[(s, kind, 'changed')]:8}"
            )
    print(f"labels to change: {len(changes)}")
    if args.reader:
        reader_table(keys, first, second, rows, by_id)
    if args.apply:
        for row_id, expect in changes.items():
            row = rows[by_id[row_id]]
            row["expect"] = expect
            lines[by_id[row_id]] = json.dumps(row, ensure_ascii=False)
        CORPUS.write_text("\n".join(lines) + "\n")
        print(f"wrote {len(changes)} changed labels to {CORPUS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

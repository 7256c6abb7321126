"""Reference reading vectors from the real all-mpnet-base-v2 (transformers, torch), for
`embeddings.MPNetEncoder`'s tests.

NEEDS A SEPARATE VENV with torch==2.13.0 and transformers: never install torch into the
project's .venv (the app must not import it). For example:

    python3 -m venv /tmp/mpv
    /tmp/mpv/bin/pip install torch==2.13.0          # first, and exactly this version
    /tmp/mpv/bin/pip install transformers numpy safetensors
    /tmp/mpv/bin/python scripts/make_mpnet_reference.py .venv/share/groundwork/all-mpnet-base-v2

It writes `tests/data/mpnet_reference.json` ({"sentences": [...], "vectors": [[...]]}): for
each sentence the means of layers 8 and 6 over its tokens, each of unit length, side by side
(1,536 floats rounded to 6 decimals), which is what `MPNetEncoder.encode_for_reading` gives.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "mpnet_reference.json"
LONG = (
    "They know the standard in theory, because it is in the handbook and we went through it "
    "at induction, but in practice nobody checks, the targets on the board are about speed, "
    "and the two team leaders who used to give feedback every Friday have both moved on. "
)
SENTENCES = [
    "Honestly no.",
    "Yeah mostly, apart from the night shift who never get the memo.",
    "Not really - nobody has ever sat down with them and said what good looks like.",
    "They KNOW. They just don't care, because nothing happens if they skip it!!",
    "Sort of? Some do, some don't; it depends who trained them.",
    "Nope 🙂 never been asked",
    "Oui, ils savent. Café-au-lait naïveté.",
    "x",
    LONG * 8,  # past 384 tokens: truncated as sentence-transformers does
]


def main() -> int:
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_dir", type=Path)
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModel.from_pretrained(args.model_dir).eval()
    vectors = []
    with torch.no_grad():
        for text in SENTENCES:
            batch = tokenizer([text], return_tensors="pt", truncation=True, max_length=384)
            states = model(**batch, output_hidden_states=True).hidden_states
            halves = [
                torch.nn.functional.normalize(states[layer].mean(1), dim=-1)[0].numpy()
                for layer in (8, 6)
            ]
            vectors.append([round(float(x), 6) for x in np.concatenate(halves)])
    OUT.write_text(json.dumps({"sentences": SENTENCES, "vectors": vectors}) + "\n")
    print(f"wrote {OUT} ({len(SENTENCES)} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Small classifiers over sentence embeddings, for what rules can't read reliably.

Why a model: a yes/no with hedges ("yeah mostly, apart from nights"), a consequence that
punishes the right behaviour, a problem too small to fund — phrase lists tuned on a few
requesters score well on them and badly on the next one. These classifiers are trained
from the labelled utterance corpus (`groundwork train`, train split only) and stored as
plain weight matrices, so run time needs only numpy: one or two matrix products per
decision (a linear model, or one with a small ReLU layer where that generalised better).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from app.interview import framework as fw
from app.understanding.embeddings import DIM

WEIGHTS_PATH = Path(__file__).with_name("models") / "classifiers.npz"

_YES = re.compile(
    r"^\W*(yes|yeah|yep|yup|ya|yea|sure|definitely|absolutely|of course|certainly|correct|right|totally|indeed|aye)\b",
    re.I,
)
_NO = re.compile(
    r"^\W*(no|nope|nah|not really|not at all|never|none|nobody|no one|nothing)\b", re.I
)
NEGATION = re.compile(
    r"\b(not|no|never|dont|cant|wont|isnt|arent|doesnt|didnt|nobody|nothing|none|neither|nor|hardly|barely|without)\b"
    r"|n['’]t\b",
    re.I,
)
"""A word boundary before "n't" never matches inside "don't", so the contraction has its own
branch."""
_HEDGE = re.compile(
    r"\b(mostly|partly|partially|some|sometimes|kind of|sort of|somewhat|not always|not all|half|most|usually|generally|in theory|on paper|apart from|except|although|though|but|however|mixed|depends)\b",
    re.I,
)
_QUESTION = re.compile(
    r"^\W*(what|why|how|which|who|when|where|do you|does|is it|are you|can you|could you|should i|sorry\?|huh|meaning)\b",
    re.I,
)
_UNKNOWN = re.compile(
    r"\b(no idea|not sure|don'?t know|dunno|no clue|unsure|can'?t say|couldn'?t say|haven'?t (got|a)|have to (check|ask|find)|need to (check|ask|find)|i'?d have to)\b",
    re.I,
)
_NUMBER = re.compile(r"\d")
DENIED_TROUBLE = re.compile(
    r"\b(?:no|not|never|nobody|no[\s-]one|nothing|n['’]t|without)(?:['’]s)?\s+(?:\w+\s+){0,3}?"
    r"(?:problems?|issues?|worries|worry|complaints?|complain(?:ed|s)?|doubts?|trouble|concerns?|"
    r"rocket\s+science|hassle|bother|fuss|wrong)\b",
    re.I,
)
"""A negation of trouble ("no worries there", "nobody's complained", "never had a single
complaint", "not rocket science"): it says all is well, so it is not counted as a negation."""
DENIAL_TASKS = frozenset({"yes_no", "act"})
"""Tasks whose cues count denied trouble apart from other negations. Every yes/no question
is put so that yes means all is well, and the sentence embedding and the negation count
read "no worries" as a no. `scripts/feature_experiment.py`-style CV (yes/no, layer 4,
four shuffles): 0.9356 -> 0.9370 overall, first writer's lines 0.910 -> 0.921 (0.9361 and
0.916 with at most two words between the negation and the trouble, and no "nobody's").
Act ("no complaints" is an answer, not a dodge), two shuffles: 0.9734 -> 0.9736 and
0.9744 -> 0.9763, first writer's lines 0.966 -> 0.971 and 0.975 -> 0.976."""


def cue_features(text: str, task: str | None = None) -> np.ndarray:
    """A few regular surface cues the embedding model is known to blur (polarity, questions).
    For `DENIAL_TASKS`, denied trouble is a cue of its own and not a negation."""
    t = text.strip()
    words = len(t.split())
    denied = len(DENIED_TROUBLE.findall(t)) if task in DENIAL_TASKS else 0
    negations = max(len(NEGATION.findall(t)) - denied, 0)
    cues = [
        1.0 if t.endswith("?") else 0.0,
        1.0 if _QUESTION.search(t) else 0.0,
        1.0 if _YES.search(t) else 0.0,
        1.0 if _NO.search(t) else 0.0,
        min(negations, 3) / 3,
        min(len(_HEDGE.findall(t)), 3) / 3,
        1.0 if _UNKNOWN.search(t) else 0.0,
        1.0 if _NUMBER.search(t) else 0.0,
        min(words, 40) / 40,
    ]
    if task in DENIAL_TASKS:
        cues.append(min(denied, 2) / 2)
    return np.array(cues, dtype=np.float32)


SLOT_KINDS = ("text", "number", "date", "yes_no", "choice")


def slot_features(slot: str | None) -> np.ndarray:
    """The kind of the question and the question itself: "Me." answers "who sponsors this?"
    but dodges "what business result should improve?"."""
    kind = fw.SLOT_BY_NAME[slot].kind if slot in fw.SLOT_BY_NAME else None
    kinds = [1.0 if kind == k else 0.0 for k in SLOT_KINDS]
    names = [1.0 if slot == s.name else 0.0 for s in fw.SLOTS]
    return np.array(kinds + names, dtype=np.float32)


_TOKEN = re.compile(r"\w+|\?")
WORD_FEATURE_SCALE = 0.3
"""Word n-grams are binary; scaled down so they refine the embedding rather than drown it."""
WORD_TASKS = frozenset({"act", "yes_no", "incentives", "impact"})
"""Tasks where cross-validation showed word n-grams help: polarity and "what is rewarded"
live in small words ("not", "only", "for speed") that a sentence embedding blurs, and
"only", "a few minutes", "nobody would notice" mark a small problem."""
LAYER_TASKS = frozenset({"act", "yes_no"})
"""Tasks that also read a middle encoder layer (`embeddings.encode_for_reading`), chosen by
`scripts/feature_experiment.py` (5-fold on the corpus's train lines, exemplars always
trained on): yes/no 0.914-0.915 -> 0.929-0.931 over three shuffles, act 0.970-0.971 ->
0.973-0.974 over two (0.963-0.966 -> 0.971-0.975 on the first writer's lines). The others
read the sentence vector alone."""
POLARITY_TASKS = frozenset({"yes_no"})
"""Tasks that read the reply through `embeddings.MPNetEncoder` (all-mpnet-base-v2's layers
8 and 6) instead of MiniLM's layers 6 and 4. Yes/no is where MiniLM fell short: trained on
the same lines, the classifier alone read the eight fresh writers E-L 0.888 -> 0.934 (1,529
lines) and P-R 0.954 -> 0.972 (539) with MPNet's 8 + 6, against 0.929 and 0.977 with the
full 12-layer model (12 + 8) and 0.926 / 0.969 with layer 8 alone (session 12). The other
tasks already read well enough for the four times the cost: MPNet's eight layers take
about 29 ms for a 19-token reply on this machine, MiniLM's six 7 ms."""
SLOT_TASKS = frozenset({"act"})
"""Tasks that also see which question was asked. Not yes/no: cross-validation showed no
gain, the evidence in an answer already says which way it points."""


OPENING_TASKS = frozenset({"yes_no"})
"""Tasks whose n-grams from the reply's opening clause are also features of their own
("^no", "^not really"): English puts the answer first ("No. They're superb technicians,
but..."), so "no" in the opening says more than a "no" in the explanation.
`scripts/feature_experiment.py --opening-grams`, yes/no with layer 4: 0.929 -> 0.937 and
0.931 -> 0.935 on two shuffles; the first writer's lines 0.899 -> 0.918 and 0.902 -> 0.911."""
_OPENING = re.compile(r"^.*?(?:[.!?;:](?=\s)|\s[-–—]\s|,(?=\s)|$)", re.S)


def opening(text: str) -> str:
    """The reply up to its first sentence end, comma or dash: "No," of "No, they can't"."""
    m = _OPENING.match(text.strip())
    return (m.group(0).strip() if m else "") or text


def ngrams(text: str, task: str | None = None) -> list[str]:
    """Lower-cased words and word pairs; training and run time share this tokenizer.
    For `OPENING_TASKS`, the opening clause's n-grams again, marked with "^"."""
    tokens = _TOKEN.findall(text.lower())
    grams = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    if task in OPENING_TASKS:
        grams += [f"^{g}" for g in ngrams(opening(text))]
    return grams


def word_features(text: str, vocabulary: dict[str, int], task: str | None = None) -> np.ndarray:
    out = np.zeros(len(vocabulary), dtype=np.float32)
    for gram in ngrams(text, task):
        index = vocabulary.get(gram)
        if index is not None:
            out[index] = WORD_FEATURE_SCALE
    return out


@dataclass(frozen=True)
class LinearClassifier:
    labels: tuple[str, ...]
    weights: np.ndarray  # (features or hidden units, classes)
    bias: np.ndarray  # (classes,)
    vocabulary: tuple[str, ...] = ()
    """The word n-grams this classifier reads, in weight-row order after the dense features."""
    hidden_weights: np.ndarray | None = None  # (features, hidden units)
    hidden_bias: np.ndarray | None = None
    """An optional ReLU layer before the linear one (see `training.HIDDEN`)."""

    @property
    def word_index(self) -> dict[str, int]:
        return _word_index(self.vocabulary)

    def scores(self, features: np.ndarray) -> dict[str, float]:
        if self.hidden_weights is not None and self.hidden_bias is not None:
            features = np.maximum(features @ self.hidden_weights + self.hidden_bias, 0)
        return self._softmax(features @ self.weights + self.bias)

    def predict_text(
        self, task: str, embedding: np.ndarray, text: str, slot: str | None = None
    ) -> tuple[str, float]:
        return _best(self.scores_text(task, embedding, text, slot))

    def scores_text(
        self, task: str, embedding: np.ndarray, text: str, slot: str | None = None
    ) -> dict[str, float]:
        """`scores(task_input(...))` without building the word-feature vector.

        The word n-grams are thousands of columns of which a reply sets a handful, so their
        part of the first product is a sum of a few weight rows. Besides being cheaper, it
        keeps the big matrix product out of BLAS, whose threads contend when several
        requests classify at once.
        """
        dense = task_input(task, embedding, text, slot)
        first = self.hidden_weights if self.hidden_weights is not None else self.weights
        index = self.word_index
        rows = sorted({index[g] for g in ngrams(text, task) if g in index})
        out = _vector_times(dense, first[: len(dense)])
        if rows:
            out = out + WORD_FEATURE_SCALE * first[len(dense) + np.array(rows)].sum(axis=0)
        if self.hidden_weights is not None and self.hidden_bias is not None:
            out = _vector_times(np.maximum(out + self.hidden_bias, 0), self.weights)
        return self._softmax(out + self.bias)

    def _softmax(self, logits: np.ndarray) -> dict[str, float]:
        logits = logits - logits.max()
        probs = np.exp(logits)
        probs /= probs.sum()
        return {label: float(p) for label, p in zip(self.labels, probs, strict=True)}

    def predict(self, features: np.ndarray) -> tuple[str, float]:
        return _best(self.scores(features))


def _best(scores: dict[str, float]) -> tuple[str, float]:
    label = max(scores, key=scores.__getitem__)
    return label, scores[label]


def _vector_times(vector: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """vector @ matrix in numpy's own loop rather than BLAS: for a few hundred by a hundred
    it is as fast single-threaded, and BLAS threads contend when requests run at once."""
    return np.einsum("i,ij->j", vector, matrix)


TASKS = ("act", "yes_no", "incentives", "impact", "frequency", "topic")
"""`topic` says which cause question a sentence answers, or "other": it finds a cause said in
passing ("It's statutory, after all." while the target is asked), whose polarity `yes_no`
then reads (`EmbeddedUnderstanding._said_in_passing`)."""
TOPIC_MIN_WORDS = 4
"""Shorter answers ("No, not really") say nothing about which question they answer: the topic
model neither learns from them nor reads a sentence much shorter."""


@lru_cache(maxsize=16)
def _word_index(vocabulary: tuple[str, ...]) -> dict[str, int]:
    return {gram: i for i, gram in enumerate(vocabulary)}


def task_input(
    task: str,
    embedding: np.ndarray,
    text: str,
    slot: str | None = None,
    vocabulary: dict[str, int] | None = None,
) -> np.ndarray:
    """The feature vector a task's classifier sees; training and run time share this function.

    `embedding` is a row of `encode_for_reading`: tasks outside `LAYER_TASKS` take its first
    half, the sentence vector."""
    dense = embedding if task in LAYER_TASKS else embedding[:DIM]
    parts = [dense.astype(np.float32, copy=False), cue_features(text, task)]
    if task in SLOT_TASKS:
        parts.append(slot_features(slot))
    if vocabulary:
        parts.append(word_features(text, vocabulary, task))
    return np.concatenate(parts)


@lru_cache(maxsize=1)
def load_classifiers(path: Path = WEIGHTS_PATH) -> dict[str, LinearClassifier]:
    data = np.load(path, allow_pickle=False)
    result: dict[str, LinearClassifier] = {}
    for task in TASKS:
        if f"{task}.weights" not in data:
            continue
        labels = tuple(str(x) for x in data[f"{task}.labels"])
        key = f"{task}.vocabulary"
        vocabulary = tuple(str(x) for x in data[key]) if key in data else ()
        hidden = f"{task}.hidden_weights" in data
        result[task] = LinearClassifier(
            labels,
            data[f"{task}.weights"],
            data[f"{task}.bias"],
            vocabulary,
            data[f"{task}.hidden_weights"] if hidden else None,
            data[f"{task}.hidden_bias"] if hidden else None,
        )
    return result


def save_classifiers(classifiers: dict[str, LinearClassifier], path: Path = WEIGHTS_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    for task, clf in classifiers.items():
        arrays[f"{task}.labels"] = np.array(clf.labels)
        arrays[f"{task}.weights"] = clf.weights.astype(np.float32)
        arrays[f"{task}.bias"] = clf.bias.astype(np.float32)
        if clf.vocabulary:
            arrays[f"{task}.vocabulary"] = np.array(clf.vocabulary)
        if clf.hidden_weights is not None and clf.hidden_bias is not None:
            arrays[f"{task}.hidden_weights"] = clf.hidden_weights.astype(np.float32)
            arrays[f"{task}.hidden_bias"] = clf.hidden_bias.astype(np.float32)
    np.savez_compressed(path, **arrays)
    load_classifiers.cache_clear()

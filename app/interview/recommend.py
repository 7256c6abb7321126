"""From captured answers to a recommendation, by the framework's ordered rules.

Pure: the rules live in `framework.RULES`; retrieval of supporting guidance (sources) is
added later by the knowledge layer, which may only enrich the rationale, never change the
choice.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from app.interview import framework as fw
from app.interview.progress import holds, ready_for_recommendation
from app.interview.state import InterviewState


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True)

    primary: str
    secondary: tuple[str, ...] = ()
    root_causes: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    """Plain-language reasons, primary first; the rationale is composed from them."""

    @property
    def rationale(self) -> str:
        label = fw.RECOMMENDATION_LABELS[self.primary]
        text = f"Recommended: {label}, because {self.reasons[0]}." if self.reasons else ""
        if self.secondary:
            extra = "; ".join(
                f"{fw.RECOMMENDATION_LABELS[rec]} ({why})"
                for rec, why in zip(self.secondary, self.reasons[1:], strict=False)
            )
            text += f" Also worth doing: {extra}."
        return text


def root_causes(state: InterviewState) -> tuple[str, ...]:
    causes = [r.cause for r in fw.RULES if r.cause and holds(r.when, state)]
    return tuple(dict.fromkeys(causes))


def recommend(state: InterviewState) -> Recommendation | None:
    """The recommendation, or None while the core promise forbids one."""
    if not ready_for_recommendation(state):
        return None
    matched = [r for r in fw.RULES if holds(r.when, state)]
    # Strong evidence first; within the same strength the framework's order decides.
    ordered = sorted(
        matched, key=lambda r: (r.recommendation not in _OVERRIDES, r.strength != "strong")
    )
    causes = root_causes(state)
    if not ordered:
        return Recommendation(
            primary=fw.FALLBACK_RECOMMENDATION,
            root_causes=(fw.FALLBACK_CAUSE,),
            reasons=(fw.FALLBACK_WHY,),
        )
    recs: list[str] = []
    reasons: list[str] = []
    for rule in ordered:
        if rule.recommendation not in recs:
            recs.append(rule.recommendation)
            reasons.append(rule.why)
    return Recommendation(
        primary=recs[0], secondary=tuple(recs[1:]), root_causes=causes, reasons=tuple(reasons)
    )


_OVERRIDES = ("compliance_training", "no_action")
"""Recommendations that win regardless of evidence strength (mandate, not worth solving)."""

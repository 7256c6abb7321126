"""Plain-text reports for the `eval`, `corpus` and `train` commands."""

from __future__ import annotations

from pathlib import Path

from app.evaluation.corpus import CorpusReport
from app.evaluation.scenarios import Metrics, ScenarioResult


def scenario_table(results: list[ScenarioResult]) -> str:
    lines = [f"{'scenario':38} {'turns':>5} {'sub':>4} {'slots':>6} {'cause':>6} {'rec':>22}"]
    for r in results:
        slots = f"{sum(r.slot_checks.values())}/{len(r.slot_checks)}"
        primary = (r.intake.get("recommendation") or {}).get("primary", "-")
        mark = "" if r.recommendation_ok in (True, None) else " ✗"
        cause = {True: "ok", False: "✗", None: "-"}[r.root_cause_ok]
        lines.append(
            f"{r.id[:38]:38} {r.turns:>5} {('yes' if r.submitted else 'no'):>4} {slots:>6} {cause:>6} {primary + mark:>22}"
        )
    return "\n".join(lines)


def metrics_block(m: Metrics) -> str:
    return "\n".join(
        [
            f"scenarios              {m.scenarios}",
            f"slot accuracy          {m.slot_accuracy:.3f}",
            f"root-cause accuracy    {m.root_cause_accuracy:.3f}",
            f"recommendation acc.    {m.recommendation_accuracy:.3f}",
            f"premature proposals    {m.premature_proposals}",
            f"submitted rate         {m.submitted_rate:.3f}",
            f"mean turns             {m.mean_turns:.2f}",
            f"within max turns       {m.within_max_turns:.3f}",
            "grounded in guidance   "
            + ("n/a (no knowledge index)" if m.grounded_rate is None else f"{m.grounded_rate:.3f}"),
        ]
    )


def corpus_block(report: CorpusReport, split: str) -> str:
    lines = [f"utterance corpus, split={split}: {sum(report.counts.values())} utterances"]
    lines += [
        f"  {kind:12} {report.accuracy[kind]:.3f}  (n={report.counts[kind]})"
        for kind in report.accuracy
    ]
    lines.append(f"  {'overall':12} {report.overall:.3f}")
    return "\n".join(lines)


def failures_block(report: CorpusReport, limit: int = 40) -> str:
    return "\n".join(f"  {i}: {why} | {text[:90]}" for i, text, why in report.failures[:limit])


def relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)

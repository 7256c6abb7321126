"""The seam between the interview engine and whatever reads free text.

The embedded implementation (rules, number/date parsing, a local sentence-embedding model)
is the default; an LLM implementation can replace it. Either only *extracts*: the engine
decides the flow.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from app.interview.state import Interpretation, InterviewState


class Understanding(Protocol):
    def interpret(self, text: str, state: InterviewState, today: date) -> Interpretation:
        """Read `text` as the answer to `state.asking`, plus any facts for other slots."""
        ...

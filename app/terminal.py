"""`groundwork chat`: the interview in a terminal, in process, for trying the framework out.

Nothing is stored; the intake record is printed as JSON at the end.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime

from app.interview import engine
from app.interview.intake import build_intake
from app.understanding.base import Understanding


def chat(
    understanding: Understanding,
    read: Callable[[str], str] = input,
    write: Callable[[str], object] = print,
) -> dict[str, object]:
    state, reply = engine.start()
    write(f"\n{reply.text}\n")
    while not reply.done:
        try:
            text = read("> ")
        except (EOFError, KeyboardInterrupt):
            write("\n(stopped; nothing was submitted)")
            break
        if not text.strip():
            continue
        today = datetime.now(UTC).date()
        state, reply = engine.advance(state, understanding.interpret(text, state, today))
        write(f"\n{reply.text}\n")
    intake = build_intake(state)
    if state.submitted:
        write(json.dumps(intake, indent=2, default=str))
    return intake


if __name__ == "__main__":  # pragma: no cover
    from app.understanding.embedded import get_understanding

    chat(get_understanding())
    sys.exit(0)

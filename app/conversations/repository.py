"""Queries and writes on conversations and turns. Explicit session, never a commit.

The per-message path (`load_for_turn`, `add_turn`, `save_progress`) uses plain SQL
statements on the tables rather than ORM objects: every message runs them, two of them
inside the one SQLite write lock, and the ORM's unit of work (object construction,
identity map, change tracking, a reload of every object expired by the first commit)
cost more CPU than the statements themselves. They write exactly the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, insert, update
from sqlmodel import Session, col, select

from app.conversations.models import Conversation, Role, Turn

_conversations: Table = Conversation.__table__  # type: ignore[attr-defined]
_turns: Table = Turn.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TurnContext:
    """What processing a message needs from its conversation, as read under its lock."""

    state: dict[str, Any]
    done: bool
    last_seq: int


def get(session: Session, conversation_id: str) -> Conversation | None:
    return session.get(Conversation, conversation_id)


def load_for_turn(session: Session, conversation_id: str) -> TurnContext | None:
    """The conversation's stored state with its last turn number, in one statement.

    One statement means one snapshot: the state and the sequence number always agree, so a
    concurrent writer we did not see makes our next insert collide on (conversation_id, seq)
    instead of silently building on a stale state. Columns, not the ORM object: this is
    always a fresh read (no identity-map copy can be stale) and costs no object to build.
    """
    last_seq = (
        select(func.coalesce(func.max(Turn.seq), 0))
        .where(Turn.conversation_id == conversation_id)
        .scalar_subquery()
    )
    statement = select(_conversations.c.state, _conversations.c.done, last_seq).where(
        _conversations.c.id == conversation_id
    )
    row = session.connection().execute(statement).first()
    if row is None:
        return None
    state, done, seq = row
    return TurnContext(state=state, done=bool(done), last_seq=int(seq))


def add(session: Session, conversation: Conversation) -> Conversation:
    session.add(conversation)
    session.flush()
    return conversation


def add_turn(
    session: Session,
    *,
    conversation_id: str,
    seq: int,
    role: Role,
    text: str,
    asking_slot: str | None,
    now: datetime,
) -> None:
    """Insert one turn; a taken (conversation_id, seq) raises IntegrityError right here."""
    session.connection().execute(
        insert(_turns).values(
            conversation_id=conversation_id,
            seq=seq,
            role=role,
            text=text,
            asking_slot=asking_slot,
            created_at=now,
        )
    )


def save_progress(
    session: Session,
    conversation_id: str,
    *,
    state: dict[str, Any],
    stage: str,
    done: bool,
    now: datetime,
) -> None:
    """Store the interview's new state (`InterviewState.model_dump(mode="json")`)."""
    session.connection().execute(
        update(_conversations)
        .where(_conversations.c.id == conversation_id)
        .values(state=state, stage=stage, done=done, updated_at=now)
    )


def turns(session: Session, conversation_id: str) -> list[Turn]:
    statement = select(Turn).where(Turn.conversation_id == conversation_id).order_by(col(Turn.seq))
    return list(session.exec(statement))

"""Queries and writes on conversations and turns. Explicit session, never a commit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.conversations.models import Conversation, Role, Turn


def get(session: Session, conversation_id: str) -> Conversation | None:
    return session.get(Conversation, conversation_id)


def load_for_turn(session: Session, conversation_id: str) -> tuple[Conversation, int] | None:
    """The conversation, freshly read, with its last turn number, in one statement.

    One statement means one snapshot: the state and the sequence number always agree, so a
    concurrent writer we did not see makes our next insert collide on (conversation_id, seq)
    instead of silently building on a stale state.
    """
    last_seq = (
        select(func.coalesce(func.max(Turn.seq), 0))
        .where(Turn.conversation_id == conversation_id)
        .scalar_subquery()
    )
    statement = (
        select(Conversation, last_seq)
        .where(Conversation.id == conversation_id)
        .execution_options(populate_existing=True)
    )
    row = session.exec(statement).first()
    if row is None:
        return None
    conversation, seq = row
    return conversation, int(seq)


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
) -> Turn:
    turn = Turn(
        conversation_id=conversation_id,
        seq=seq,
        role=role,
        text=text,
        asking_slot=asking_slot,
        created_at=now,
    )
    session.add(turn)
    session.flush()
    return turn


def turns(session: Session, conversation_id: str) -> list[Turn]:
    statement = select(Turn).where(Turn.conversation_id == conversation_id).order_by(col(Turn.seq))
    return list(session.exec(statement))

"""Tables for chat sessions: the conversation (with the interview state) and its turns.

The interview state is stored whole, as JSON, on the conversation: the engine is a pure
function of that state, so one row is all it takes to resume an interview.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlmodel import Column, Field, SQLModel

from app.db import UTCDateTime, utc_now

Role = Literal["requester", "assistant"]
ROLES: tuple[Role, ...] = ("requester", "assistant")


def new_id() -> str:
    return str(uuid.uuid4())


class Conversation(SQLModel, table=True):
    __tablename__ = "conversation"

    id: str = Field(default_factory=new_id, primary_key=True, sa_type=String(36))
    token_hash: str = Field(sa_type=String(64))
    """sha256 hex of the bearer token; the token itself is shown once, at creation."""
    requester_name: str | None = Field(default=None, sa_type=String(200))
    requester_email: str | None = Field(default=None, sa_type=String(320))
    requester_department: str | None = Field(default=None, sa_type=String(200))
    state: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    """`InterviewState.model_dump(mode="json")`; always replaced, never mutated in place."""
    stage: str = Field(sa_type=String(20))
    done: bool = False
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class Turn(SQLModel, table=True):
    """One message, in order. `seq` is unique per conversation, which also makes two
    processes racing on the same conversation fail loudly instead of losing a message."""

    __tablename__ = "turn"
    __table_args__ = (
        UniqueConstraint("conversation_id", "seq"),
        CheckConstraint("role IN ('requester', 'assistant')", name="role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(
        sa_column=Column(
            String(36), ForeignKey("conversation.id", ondelete="CASCADE"), nullable=False
        )
    )
    seq: int
    role: str = Field(sa_type=String(16))
    text: str = Field(sa_type=Text)
    asking_slot: str | None = Field(default=None, sa_type=String(40))
    """For the assistant, the slot its reply asks for; for the requester, the slot they
    were answering."""
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)

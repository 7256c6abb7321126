"""Request and response bodies of the conversation API (design section 4).

Message length is deliberately *not* a schema constraint: an over-long message is a 413
with its own explanation, not one more 422 item. Everything else about bad text (empty,
NUL bytes, unencodable surrogates that would crash the database driver) is refused here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from app.interview.state import Asking


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode text") from exc
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


StorableText = Annotated[str, AfterValidator(_storable)]
MessageText = Annotated[str, AfterValidator(_storable), AfterValidator(_not_blank)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_storable)]


class RequesterIn(BaseModel):
    name: ShortText | None = None
    email: (
        Annotated[
            str, Field(max_length=320, pattern=r"^[^@\s]+@[^@\s]+$"), AfterValidator(_storable)
        ]
        | None
    ) = None
    department: ShortText | None = None


class StartConversation(BaseModel):
    requester: RequesterIn | None = None
    text: MessageText | None = None
    """The first message; processed as the first turn when given."""


class PostMessage(BaseModel):
    text: MessageText


class AskingOut(BaseModel):
    slot: str
    kind: str
    options: list[str] = []

    @classmethod
    def of(cls, asking: Asking | None) -> AskingOut | None:
        if asking is None:
            return None
        return cls(slot=asking.slot, kind=asking.kind, options=list(asking.options))


class ConversationStarted(BaseModel):
    conversation_id: str
    token: str
    """Shown this once; it is the only way back into the conversation."""
    message: str
    asking: AskingOut | None
    stage: str
    done: bool
    intake_id: str


class MessageReply(BaseModel):
    conversation_id: str
    message: str
    asking: AskingOut | None
    stage: str
    done: bool
    intake_id: str


class TurnOut(BaseModel):
    seq: int
    role: str
    text: str
    asking_slot: str | None
    created_at: datetime


class RequesterOut(BaseModel):
    name: str | None
    email: str | None
    department: str | None


class Transcript(BaseModel):
    conversation_id: str
    stage: str
    done: bool
    asking: AskingOut | None
    intake_id: str | None
    requester: RequesterOut
    turns: list[TurnOut]
    created_at: datetime
    updated_at: datetime

"""What can go wrong with a conversation, as the caller should hear it."""

from __future__ import annotations

from app.errors import Conflict, Forbidden, NotFound, PayloadTooLarge, Unauthorized


class MissingToken(Unauthorized):
    detail = "This conversation needs its token: send 'Authorization: Bearer <token>'."


class WrongToken(Forbidden):
    detail = "That token does not belong to this conversation."


class ConversationNotFound(NotFound):
    detail = "Conversation not found."


class IntakeNotFound(NotFound):
    detail = "This conversation has no intake record."


class ConversationFinished(Conflict):
    detail = "This conversation is finished: the intake has been submitted."


class ConversationBusy(Conflict):
    detail = (
        "Another message for this conversation was being processed at the same time; "
        "yours was not answered. Please send it again."
    )


class MessageTooLong(PayloadTooLarge):
    def __init__(self, limit: int) -> None:
        super().__init__(
            f"Message too long: at most {limit} characters, please shorten it or split it."
        )

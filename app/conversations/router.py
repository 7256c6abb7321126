"""HTTP routes of the requester chat (design section 4). Thin: deps in, one service call out.

Handlers that run the understanding and the engine are plain `def`: that work is CPU-bound,
and FastAPI runs sync handlers in its threadpool instead of blocking the event loop.
"""

from __future__ import annotations

from fastapi import APIRouter, status

from app.conversations import service
from app.conversations.dependencies import AuthorizedConversation
from app.conversations.schemas import (
    AskingOut,
    ConversationStarted,
    MessageReply,
    PostMessage,
    StartConversation,
    Transcript,
)
from app.deps import ClockDep, RetrieverDep, SessionDep, SettingsDep, UnderstandingDep
from app.intakes.models import IntakePublic

router = APIRouter(prefix="/conversations", tags=["conversations"])

_AUTH_ERRORS: dict[int | str, dict[str, str]] = {
    401: {"description": "No token"},
    403: {"description": "Another conversation's token"},
    404: {"description": "Unknown conversation"},
}


@router.post("", status_code=status.HTTP_201_CREATED, responses={413: {"description": "Too long"}})
def start_conversation(
    body: StartConversation,
    session: SessionDep,
    settings: SettingsDep,
    understanding: UnderstandingDep,
    clock: ClockDep,
    retriever: RetrieverDep,
) -> ConversationStarted:
    """Open a conversation; the token in the answer is shown only this once."""
    started = service.start(
        session,
        understanding=understanding,
        clock=clock,
        max_chars=settings.max_message_chars,
        retriever=retriever,
        requester=body.requester.model_dump() if body.requester else None,
        text=body.text,
    )
    return ConversationStarted(
        conversation_id=started.conversation_id,
        token=started.token,
        message=started.reply.text,
        asking=AskingOut.of(started.reply.asking),
        stage=started.reply.stage,
        done=started.reply.done,
        intake_id=started.intake_id,
    )


@router.post(
    "/{conversation_id}/messages",
    responses={
        **_AUTH_ERRORS,
        409: {"description": "Finished or busy"},
        413: {"description": "Too long"},
    },
)
def post_message(
    conversation: AuthorizedConversation,
    body: PostMessage,
    session: SessionDep,
    settings: SettingsDep,
    understanding: UnderstandingDep,
    clock: ClockDep,
    retriever: RetrieverDep,
) -> MessageReply:
    """Answer one requester message; the message is stored before anything else happens."""
    outcome = service.take_turn(
        session,
        conversation_id=conversation.id,
        text=body.text,
        understanding=understanding,
        clock=clock,
        max_chars=settings.max_message_chars,
        retriever=retriever,
    )
    return MessageReply(
        conversation_id=outcome.conversation_id,
        message=outcome.reply.text,
        asking=AskingOut.of(outcome.reply.asking),
        stage=outcome.reply.stage,
        done=outcome.reply.done,
        intake_id=outcome.intake_id,
    )


@router.get("/{conversation_id}", responses=_AUTH_ERRORS)
def read_transcript(conversation: AuthorizedConversation, session: SessionDep) -> Transcript:
    """All turns in order, with where the interview stands."""
    return service.transcript(session, conversation)


@router.get("/{conversation_id}/intake", responses=_AUTH_ERRORS)
def read_intake(conversation: AuthorizedConversation, session: SessionDep) -> IntakePublic:
    """The intake record this conversation fills (a draft until the requester confirms)."""
    return service.intake_of(session, conversation)

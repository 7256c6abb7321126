"""Access to one conversation: its bearer token, checked before any data is read out.

Order matters and is part of the contract: no token is 401, an unknown conversation 404,
someone else's token 403 — and in every case the handler never runs.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.conversations import repository as repo
from app.conversations.exceptions import ConversationNotFound, MissingToken, WrongToken
from app.conversations.models import Conversation
from app.conversations.security import token_matches
from app.deps import SessionDep

bearer = HTTPBearer(
    auto_error=False, description="The token returned when the conversation was created."
)


def authorized_conversation(
    conversation_id: str,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Conversation:
    # Extension point: an API key whose role may read intakes will also be accepted here.
    if credentials is None or not credentials.credentials:
        raise MissingToken()
    conversation = repo.get(session, conversation_id)
    if conversation is None:
        raise ConversationNotFound()
    if not token_matches(credentials.credentials, conversation.token_hash):
        raise WrongToken()
    return conversation


AuthorizedConversation = Annotated[Conversation, Depends(authorized_conversation)]

"""Running the interview over HTTP: load state, understand, advance, store, reply.

Processing one requester message is two short transactions around the CPU-bound work:

1. store the requester's turn and **commit** — their words are kept even if reading them
   fails later (a bug, a crash of the process, a timeout) and L&D can still see them. This
   commit does not wait for the disk (`db.deferred_sync`): the next one flushes it;
2. understand the text and advance the engine (no database lock held meanwhile), then store
   the assistant's turn, the new state and the intake draft, and **commit** durably, before
   the reply is returned: an acknowledged answer survives even a power loss.

Both commits happen while this conversation's lock is held, so the next message of the same
conversation always starts from the stored result of the previous one. That is why this
service commits, unlike the rest of the code, which leaves it to the request's session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic_core import to_jsonable_python
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.conversations import repository as repo
from app.conversations import security
from app.conversations.exceptions import (
    ConversationBusy,
    ConversationFinished,
    ConversationNotFound,
    IntakeNotFound,
    MessageTooLong,
)
from app.conversations.locks import conversation_locks
from app.conversations.models import Conversation
from app.conversations.schemas import AskingOut, RequesterOut, Transcript, TurnOut
from app.db import deferred_sync, writing
from app.intakes import repository as intakes
from app.intakes.models import IntakePublic, intake_record
from app.interview import engine
from app.interview import framework as fw
from app.interview.state import Asking, InterviewState, Reply
from app.knowledge.guidance import grounded_intake, with_guidance
from app.knowledge.retriever import Retriever
from app.understanding.base import Understanding

Clock = Callable[[], datetime]
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    conversation_id: str
    intake_id: str
    reply: Reply


@dataclass(frozen=True)
class Started(Outcome):
    token: str


def check_length(text: str, limit: int) -> None:
    if len(text) > limit:
        raise MessageTooLong(limit)


def start(
    session: Session,
    *,
    understanding: Understanding,
    clock: Clock,
    max_chars: int,
    requester: dict[str, str | None] | None = None,
    text: str | None = None,
    retriever: Retriever | None = None,
) -> Started:
    """Open a conversation (and its draft intake); answer `text` as the first turn if given."""
    if text is not None:
        check_length(text, max_chars)
    now = clock()
    token = security.new_token()
    state, reply = engine.start()
    requester = requester or {}
    with writing(session):  # one writer at a time (see app.db.writing)
        conversation = repo.add(
            session,
            Conversation(
                token_hash=security.hash_token(token),
                requester_name=requester.get("name"),
                requester_email=requester.get("email"),
                requester_department=requester.get("department"),
                state=state.model_dump(mode="json"),
                stage=reply.stage,
                done=reply.done,
                created_at=now,
                updated_at=now,
            ),
        )
        conversation_id = conversation.id
        repo.add_turn(
            session,
            conversation_id=conversation_id,
            seq=1,
            role="assistant",
            text=reply.text,
            asking_slot=reply.asking.slot if reply.asking else None,
            now=now,
        )
        intake = intakes.create(
            session,
            data=grounded_intake(state),
            now=now,
            conversation_id=conversation_id,
            requester=requester,
        )
        intake_id = intake.id
        session.commit()
    if text is not None:
        reply = take_turn(
            session,
            conversation_id=conversation_id,
            text=text,
            understanding=understanding,
            clock=clock,
            max_chars=max_chars,
            retriever=retriever,
        ).reply
    return Started(conversation_id=conversation_id, intake_id=intake_id, reply=reply, token=token)


def take_turn(
    session: Session,
    *,
    conversation_id: str,
    text: str,
    understanding: Understanding,
    clock: Clock,
    max_chars: int,
    retriever: Retriever | None = None,
) -> Outcome:
    """Process one requester message (see the module docstring for the transactions)."""
    check_length(text, max_chars)
    with conversation_locks.hold(conversation_id):
        loaded = repo.load_for_turn(session, conversation_id)
        if loaded is None:
            raise ConversationNotFound()
        if loaded.done:
            raise ConversationFinished()
        state = InterviewState.model_validate(loaded.state)
        last_seq = loaded.last_seq

        received = clock()
        deferred_sync(session)
        _commit_or_busy(
            session,
            lambda: repo.add_turn(
                session,
                conversation_id=conversation_id,
                seq=last_seq + 1,
                role="requester",
                text=text,
                asking_slot=state.asking,
                now=received,
            ),
        )

        today = received.astimezone(UTC).date()  # the conversation's clock is UTC
        interpretation = understanding.interpret(text, state, today)
        new_state, reply = engine.advance(state, interpretation)
        reply = with_guidance(state, new_state, reply, retriever)
        fields = grounded_intake(new_state, retriever)  # retrieval before the write transaction
        # Serialised here rather than in the write transaction: other requests queue for
        # SQLite's one write lock, so it is held for the statements only.
        stored_state = new_state.model_dump(mode="json")
        data = to_jsonable_python(fields)

        now = clock()
        intake_id = _commit_or_busy(
            session,
            lambda: _record_reply(
                session, conversation_id, last_seq + 2, stored_state, reply, data, now
            ),
        )
    return Outcome(conversation_id=conversation_id, intake_id=intake_id, reply=reply)


def _record_reply(
    session: Session,
    conversation_id: str,
    seq: int,
    state: dict[str, Any],
    reply: Reply,
    fields: dict[str, Any],
    now: datetime,
) -> str:
    """The assistant's turn, the new state and the intake draft (one transaction)."""
    repo.add_turn(
        session,
        conversation_id=conversation_id,
        seq=seq,
        role="assistant",
        text=reply.text,
        asking_slot=reply.asking.slot if reply.asking else None,
        now=now,
    )
    repo.save_progress(
        session, conversation_id, state=state, stage=reply.stage, done=reply.done, now=now
    )

    intake = intakes.get_by_conversation(session, conversation_id)
    if intake is None:  # created with the conversation; only missing if deleted since
        conversation = repo.get(session, conversation_id)
        intake = intakes.create(
            session,
            data=fields,
            now=now,
            conversation_id=conversation_id,
            requester=_requester(conversation) if conversation else None,
        )
    else:
        intakes.replace_data(session, intake, fields, now)
    if reply.done:
        intakes.submit(session, intake, now=now, actor=f"conversation:{conversation_id}")
    return intake.id


def _commit_or_busy(session: Session, write: Callable[[], T]) -> T:
    """Run `write` and commit; a clash on a turn number means another process got there
    first, which the caller hears as 409 rather than a 500."""
    try:
        with writing(session):
            result = write()
            session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise ConversationBusy() from exc
    return result


# --- reading ----------------------------------------------------------------------------------


def current_asking(state: InterviewState) -> Asking | None:
    """What the last reply asked for, from the stored state (the reply itself is a turn)."""
    if state.submitted or state.asking is None:
        return None
    slot = fw.SLOT_BY_NAME.get(state.asking)
    return engine.asking_for(slot) if slot else None


def transcript(session: Session, conversation: Conversation) -> Transcript:
    state = InterviewState.model_validate(conversation.state)
    intake = intakes.get_by_conversation(session, conversation.id)
    return Transcript(
        conversation_id=conversation.id,
        stage=conversation.stage,
        done=conversation.done,
        asking=AskingOut.of(current_asking(state)),
        intake_id=intake.id if intake else None,
        requester=RequesterOut(**_requester(conversation)),
        turns=[
            TurnOut(
                seq=t.seq,
                role=t.role,
                text=t.text,
                asking_slot=t.asking_slot,
                created_at=t.created_at,
            )
            for t in repo.turns(session, conversation.id)
        ],
        created_at=conversation.created_at,
        updated_at=conversation.updated_at,
    )


def intake_of(session: Session, conversation: Conversation) -> IntakePublic:
    intake = intakes.get_by_conversation(session, conversation.id)
    if intake is None:
        raise IntakeNotFound()
    return intake_record(intake)


def _requester(conversation: Conversation) -> dict[str, str | None]:
    return {
        "name": conversation.requester_name,
        "email": conversation.requester_email,
        "department": conversation.requester_department,
    }

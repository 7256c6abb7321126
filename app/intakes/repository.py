"""Queries and writes on intakes. Functions take the session explicitly and never commit.

Every change bumps `version` and stamps `updated_at`, so an `If-Match` from a client that
read an older copy is detected whoever made the change (the chat or L&D).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic_core import to_jsonable_python
from sqlmodel import Session, select

from app.intakes.models import Intake, IntakeAudit


def get(session: Session, intake_id: str) -> Intake | None:
    return session.get(Intake, intake_id)


def get_by_conversation(session: Session, conversation_id: str) -> Intake | None:
    return session.exec(select(Intake).where(Intake.conversation_id == conversation_id)).first()


def create(
    session: Session,
    *,
    data: dict[str, Any],
    now: datetime,
    conversation_id: str | None = None,
    requester: dict[str, str | None] | None = None,
    source: str = "chat",
    external_ref: str | None = None,
) -> Intake:
    requester = requester or {}
    intake = Intake(
        conversation_id=conversation_id,
        status="draft",
        version=1,
        requester_name=requester.get("name"),
        requester_email=requester.get("email"),
        requester_department=requester.get("department"),
        data=to_jsonable_python(data),
        created_at=now,
        updated_at=now,
        source=source,
        external_ref=external_ref,
    )
    session.add(intake)
    session.flush()
    return intake


def replace_data(session: Session, intake: Intake, data: dict[str, Any], now: datetime) -> None:
    """Store the interview's latest view of the record (a new dict, so the JSON column is
    seen as changed)."""
    data = to_jsonable_python(data)
    if data == intake.data:
        return
    intake.data = data
    _touch(session, intake, now)


def submit(session: Session, intake: Intake, *, now: datetime, actor: str) -> None:
    """draft -> submitted, once; the audit trail records who submitted it."""
    if intake.status != "draft":
        return
    intake.status = "submitted"
    intake.submitted_at = now
    _touch(session, intake, now)
    add_audit(
        session,
        intake_id=intake.id,
        now=now,
        actor=actor,
        action="submitted",
        changes={"status": ["draft", "submitted"]},
    )


def add_audit(
    session: Session,
    *,
    intake_id: str,
    now: datetime,
    actor: str,
    action: str,
    changes: dict[str, Any],
) -> IntakeAudit:
    entry = IntakeAudit(
        intake_id=intake_id, at=now, actor=actor, action=action, changes=to_jsonable_python(changes)
    )
    session.add(entry)
    return entry


def audit_trail(session: Session, intake_id: str) -> list[IntakeAudit]:
    statement = (
        select(IntakeAudit)
        .where(IntakeAudit.intake_id == intake_id)
        .order_by(IntakeAudit.at, IntakeAudit.id)  # type: ignore[arg-type]
    )
    return list(session.exec(statement))


def _touch(session: Session, intake: Intake, now: datetime) -> None:
    intake.version += 1
    intake.updated_at = now
    session.add(intake)

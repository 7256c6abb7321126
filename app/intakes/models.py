"""The intake record: its table, its audit trail, and its public (contract) shape.

The fields L&D works with (status, priority, assignee, notes) are columns, so they can be
filtered and updated with optimistic concurrency (`version`). What the interview produced
(goal, metric, audience, causes, recommendation...) is one JSON document in `data`: it is
always written whole from the interview state, never edited field by field, and the
contract lets it grow without a migration.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlmodel import Column, Field, SQLModel

from app.db import UTCDateTime, utc_now

IntakeStatus = Literal[
    "draft", "submitted", "triaged", "accepted", "declined", "in_progress", "done"
]
STATUSES: tuple[str, ...] = IntakeStatus.__args__  # type: ignore[attr-defined]


def new_id() -> str:
    return str(uuid.uuid4())


_STATUS_CHECK = "status IN (" + ", ".join(f"'{s}'" for s in STATUSES) + ")"


class Intake(SQLModel, table=True):
    __tablename__ = "intake"
    __table_args__ = (
        CheckConstraint(_STATUS_CHECK, name="status"),
        Index("ix_intake_status_created_at", "status", "created_at"),
        Index("ix_intake_source_external_ref", "source", "external_ref"),
    )

    id: str = Field(default_factory=new_id, primary_key=True, sa_type=String(36))
    conversation_id: str | None = Field(
        default=None,
        sa_column=Column(
            String(36),
            ForeignKey("conversation.id", ondelete="SET NULL"),
            unique=True,
            nullable=True,
        ),
    )
    """The chat that fills it; an intake outlives its conversation if that is deleted."""
    status: str = Field(default="draft", sa_type=String(20))
    version: int = 1
    """Bumped on every change; clients send it back (`If-Match`) to update safely."""
    priority: str | None = Field(default=None, sa_type=String(20))
    assignee: str | None = Field(default=None, sa_type=String(200))
    notes: str | None = Field(default=None, sa_type=Text)
    requester_name: str | None = Field(default=None, sa_type=String(200))
    requester_email: str | None = Field(default=None, sa_type=String(320))
    requester_department: str | None = Field(default=None, sa_type=String(200))
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    """The interview's contract fields (`app.interview.intake.build_intake`)."""
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    submitted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    source: str = Field(default="chat", sa_type=String(40))
    """Where it came from: "chat", or the ticketing system that filed it."""
    external_ref: str | None = Field(default=None, sa_type=String(200))


class IntakeAudit(SQLModel, table=True):
    """Who changed what on an intake, and when; `changes` maps a field to [old, new]."""

    __tablename__ = "intake_audit"
    __table_args__ = (Index("ix_intake_audit_intake_id_at", "intake_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    intake_id: str = Field(
        sa_column=Column(String(36), ForeignKey("intake.id", ondelete="CASCADE"), nullable=False)
    )
    at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    actor: str = Field(sa_type=String(200))
    action: str = Field(sa_type=String(40))
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


# --- the public shape (design section 4) ----------------------------------------------------


class Requester(BaseModel):
    name: str | None = None
    email: str | None = None
    department: str | None = None


class Metric(BaseModel):
    name: str | None = None
    baseline: float | None = None
    target: float | None = None
    unit: str | None = None


class Audience(BaseModel):
    description: str | None = None
    size: int | None = None


class Source(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc: str
    title: str | None = None


class Recommendation(BaseModel):
    model_config = ConfigDict(extra="allow")

    primary: str
    secondary: list[str] = []
    rationale: str = ""
    sources: list[Source] = []


class IntakePublic(BaseModel):
    """The intake record as the API returns it. Fields the interview adds later (beyond the
    contract) pass through unchanged (`extra="allow"`)."""

    model_config = ConfigDict(extra="allow")

    id: str
    conversation_id: str | None
    status: IntakeStatus
    version: int
    requester: Requester
    requested_solution: str | None = None
    business_goal: str | None = None
    metric: Metric = Metric()
    deadline: str | None = None
    audience: Audience = Audience()
    desired_behavior: str | None = None
    root_causes: list[str] = []
    mandate: bool | None = None
    existing_resources: str | None = None
    sponsor: str | None = None
    recommendation: Recommendation | None = None
    objectives: list[str] = []
    evaluation_plan: dict[str, str] | None = None
    answers: dict[str, str] = {}
    missing: list[str] = []
    completeness: float = 0.0
    priority: str | None = None
    assignee: str | None = None
    notes: str | None = None
    source: str
    external_ref: str | None = None
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None


def intake_record(intake: Intake) -> IntakePublic:
    """Columns and the interview document merged into the contract shape."""
    return IntakePublic.model_validate(
        {
            **intake.data,
            "id": intake.id,
            "conversation_id": intake.conversation_id,
            "status": intake.status,
            "version": intake.version,
            "requester": {
                "name": intake.requester_name,
                "email": intake.requester_email,
                "department": intake.requester_department,
            },
            "priority": intake.priority,
            "assignee": intake.assignee,
            "notes": intake.notes,
            "source": intake.source,
            "external_ref": intake.external_ref,
            "created_at": intake.created_at,
            "updated_at": intake.updated_at,
            "submitted_at": intake.submitted_at,
        }
    )

"""Conversations, their turns, intakes and the intake audit trail.

The first schema. Constraint names follow `app.db.NAMING_CONVENTION`, so later
migrations can refer to them by name.

Revision ID: f242f1557cc1
Revises:
Create Date: 2026-11-24 22:22:00.710368+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f242f1557cc1"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "conversation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("requester_name", sa.String(length=200), nullable=True),
        sa.Column("requester_email", sa.String(length=320), nullable=True),
        sa.Column("requester_department", sa.String(length=200), nullable=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation")),
    )
    op.create_table(
        "intake",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("conversation_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(length=20), nullable=True),
        sa.Column("assignee", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("requester_name", sa.String(length=200), nullable=True),
        sa.Column("requester_email", sa.String(length=320), nullable=True),
        sa.Column("requester_department", sa.String(length=200), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("external_ref", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'submitted', 'triaged', 'accepted', 'declined', 'in_progress', 'done')",
            name=op.f("ck_intake_status"),
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_intake_conversation_id_conversation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake")),
        sa.UniqueConstraint("conversation_id", name=op.f("uq_intake_conversation_id")),
    )
    op.create_index("ix_intake_status_created_at", "intake", ["status", "created_at"])
    op.create_index("ix_intake_source_external_ref", "intake", ["source", "external_ref"])
    op.create_table(
        "turn",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("asking_slot", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('requester', 'assistant')", name=op.f("ck_turn_role")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["conversation.id"],
            name=op.f("fk_turn_conversation_id_conversation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turn")),
        sa.UniqueConstraint("conversation_id", "seq", name=op.f("uq_turn_conversation_id_seq")),
    )
    op.create_table(
        "intake_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("intake_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["intake_id"],
            ["intake.id"],
            name=op.f("fk_intake_audit_intake_id_intake"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intake_audit")),
    )
    op.create_index("ix_intake_audit_intake_id_at", "intake_audit", ["intake_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_intake_audit_intake_id_at", table_name="intake_audit")
    op.drop_table("intake_audit")
    op.drop_table("turn")
    op.drop_index("ix_intake_source_external_ref", table_name="intake")
    op.drop_index("ix_intake_status_created_at", table_name="intake")
    op.drop_table("intake")
    op.drop_table("conversation")

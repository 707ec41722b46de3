"""Reminders: branches, chats, secretaries, schedules, deadlines, completions, outbox.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from bot.database import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _branch_fk() -> sa.Column:
    return sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id", ondelete="CASCADE"),
                     nullable=False)


def upgrade() -> None:
    op.create_table(
        "branches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("committee", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("committee", "name", name="uq_branch_name"),
    )
    op.create_index("ix_branches_committee", "branches", ["committee"])
    op.create_table(
        "branch_chats",
        sa.Column("id", sa.Integer, primary_key=True),
        _branch_fk(),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text),
        sa.UniqueConstraint("platform", "chat_id", name="uq_branch_chat"),
    )
    op.create_index("ix_branch_chats_branch_id", "branch_chats", ["branch_id"])
    op.create_table(
        "branch_members",
        sa.Column("id", sa.Integer, primary_key=True),
        _branch_fk(),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.UniqueConstraint("branch_id", "platform", "user_id", name="uq_member"),
    )
    op.create_index("ix_branch_members_branch_id", "branch_members", ["branch_id"])
    op.create_table(
        "schedules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("branch_id", sa.Integer, sa.ForeignKey("branches.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("phrase", sa.Text, nullable=False),
        sa.Column("spec", sa.JSON, nullable=False),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("lead_minutes", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "deadlines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("phrase", sa.Text, nullable=False),
        sa.Column("spec", sa.JSON, nullable=False),
        sa.Column("committee", sa.String(255)),
        sa.Column("branch_ids", sa.JSON),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("lead_minutes", sa.JSON, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.String(64)),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_table(
        "completions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("deadline_id", sa.Integer,
                  sa.ForeignKey("deadlines.id", ondelete="CASCADE"), nullable=False),
        _branch_fk(),
        sa.Column("occurrence", sa.Date, nullable=False),
        sa.Column("done_at", UTCDateTime, nullable=False),
        sa.Column("done_by", sa.String(64)),
        sa.UniqueConstraint("deadline_id", "branch_id", "occurrence", name="uq_completion"),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(255), nullable=False, unique=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("branch_id", sa.Integer),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("source_id", sa.Integer),
        sa.Column("occurrence", UTCDateTime),
        sa.Column("lead_minutes", sa.Integer, nullable=False),
        sa.Column("due_at", UTCDateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("buttons", sa.JSON, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UTCDateTime),
        sa.Column("claimed_at", UTCDateTime),
        sa.Column("sent_at", UTCDateTime),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("message_id", sa.String(64)),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
    )
    op.create_index("ix_outbox_due", "outbox", ["state", "due_at"])
    op.create_index("ix_outbox_chat_id", "outbox", ["chat_id"])


def downgrade() -> None:
    for table in ("outbox", "completions", "deadlines", "schedules", "branch_members",
                  "branch_chats", "branches"):
        op.drop_table(table)

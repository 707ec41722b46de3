"""Curation: admins, audit log, dialog states, known members.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from bot.database import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _who() -> list[sa.Column]:
    return [sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("platform", sa.String(16), nullable=False),
            sa.Column("user_id", sa.String(64), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "admins", *_who(),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("granted_by", sa.String(64), nullable=False),
        sa.Column("granted_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("platform", "user_id", name="uq_admin"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(96), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(128), nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_table(
        "dialog_states", *_who(),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("step", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("platform", "user_id", name="uq_dialog"),
    )
    op.create_table(
        "known_members", *_who(),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("added_at", UTCDateTime, nullable=False),
        sa.UniqueConstraint("platform", "user_id", name="uq_known_member"),
    )


def downgrade() -> None:
    for table in ("known_members", "dialog_states", "audit_log", "admins"):
        op.drop_table(table)

"""Claim tokens on the outbox and the inbox; one-time codes that bind a chat to a branch.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from bot.database import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("claimed_by", sa.String(128), nullable=True))
    op.add_column("updates_inbox", sa.Column("claimed_by", sa.String(128), nullable=True))
    op.create_table(
        "branch_invites",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("branch_name", sa.String(255), nullable=False),
        sa.Column("committee", sa.String(255), nullable=False),
        sa.Column("created_by", sa.String(96), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
        sa.Column("used_at", UTCDateTime, nullable=True),
        sa.Column("used_in", sa.String(96), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("branch_invites")
    op.drop_column("updates_inbox", "claimed_by")
    op.drop_column("outbox", "claimed_by")

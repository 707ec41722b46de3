"""Webhook inbox.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from bot.database import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "updates_inbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("update_id", sa.BigInteger, nullable=False, unique=True),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("claimed_at", UTCDateTime),
        sa.Column("processed_at", UTCDateTime),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_updates_inbox_state", "updates_inbox", ["state", "update_id"])


def downgrade() -> None:
    op.drop_table("updates_inbox")

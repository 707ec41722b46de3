"""A secretary who blocked the bot is not reminded until they write to it again.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from bot.database import UTCDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("branch_members") as batch:
        batch.add_column(sa.Column("blocked_at", UTCDateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("branch_members") as batch:
        batch.drop_column("blocked_at")

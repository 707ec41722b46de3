"""When a member's answer last took a turn of the shared send pace: reminders wait behind it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("send_pace") as batch:
        batch.add_column(sa.Column("answer_at", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("send_pace") as batch:
        batch.drop_column("answer_at")

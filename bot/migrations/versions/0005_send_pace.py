"""A send pace shared by every process.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "send_pace",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("next_free", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("send_pace")

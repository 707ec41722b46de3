"""How many parts of a long reminder have been delivered.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("parts_sent", sa.Integer, nullable=False,
                                      server_default="0"))


def downgrade() -> None:
    op.drop_column("outbox", "parts_sent")

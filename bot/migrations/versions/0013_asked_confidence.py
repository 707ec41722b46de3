"""How sure the engine was of each answer, so weak answers reach the admins' queue too.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("asked_questions") as batch:
        batch.add_column(sa.Column("confidence", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("asked_questions") as batch:
        batch.drop_column("confidence")

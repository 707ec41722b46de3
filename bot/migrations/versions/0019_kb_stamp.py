"""A random stamp renewed with every knowledge-base change: a saved search index is reused only
for the very state it was built from, even if the database was recreated and its counter
started again.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_state") as batch:
        batch.add_column(sa.Column("stamp", sa.String(32), nullable=True))
    op.execute(sa.text("UPDATE kb_state SET stamp = :stamp").bindparams(stamp=uuid.uuid4().hex))


def downgrade() -> None:
    with op.batch_alter_table("kb_state") as batch:
        batch.drop_column("stamp")

"""Inbox keys are strings: Zalo names its messages with strings, Telegram with numbers.

Updates are claimed in arrival order (the row id), which every platform has.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_updates_inbox_state", table_name="updates_inbox")
    with op.batch_alter_table("updates_inbox") as batch:
        batch.alter_column("update_id", existing_type=sa.BigInteger, type_=sa.String(64),
                           existing_nullable=False, postgresql_using="update_id::text")
    op.create_index("ix_updates_inbox_state", "updates_inbox", ["state", "id"])


def downgrade() -> None:
    op.drop_index("ix_updates_inbox_state", table_name="updates_inbox")
    with op.batch_alter_table("updates_inbox") as batch:
        batch.alter_column("update_id", existing_type=sa.String(64), type_=sa.BigInteger,
                           existing_nullable=False, postgresql_using="update_id::bigint")
    op.create_index("ix_updates_inbox_state", "updates_inbox", ["state", "update_id"])

"""Whether a reminder goes to a group or a private chat: flood limits follow the chat's kind.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("chat_kind", sa.String(8), nullable=False,
                                      server_default="private"))
    # rows planned before: Telegram group ids are negative
    op.execute("UPDATE outbox SET chat_kind = 'group' "
               "WHERE platform = 'telegram' AND chat_id LIKE '-%'")


def downgrade() -> None:
    op.drop_column("outbox", "chat_kind")

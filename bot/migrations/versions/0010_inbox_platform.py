"""The webhook inbox keyed by (platform, update id): Telegram and Zalo ids may coincide.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from bot.database import UTCDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_COLUMNS = ("id", "update_id", "payload", "state", "received_at", "claimed_at", "claimed_by",
            "processed_at", "error")


def upgrade() -> None:
    # A new table and a copy: the old unique constraint on update_id has no name on SQLite.
    op.create_table(
        "updates_inbox_new",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False, server_default="telegram"),
        sa.Column("update_id", sa.BigInteger, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("claimed_at", UTCDateTime),
        sa.Column("claimed_by", sa.String(128)),
        sa.Column("processed_at", UTCDateTime),
        sa.Column("error", sa.Text),
        sa.UniqueConstraint("platform", "update_id", name="uq_inbox_update"),
    )
    columns = ", ".join(_COLUMNS)
    op.execute(f"INSERT INTO updates_inbox_new ({columns}, platform) "
               f"SELECT {columns}, 'telegram' FROM updates_inbox")
    op.drop_index("ix_updates_inbox_state", table_name="updates_inbox")
    op.drop_table("updates_inbox")
    op.rename_table("updates_inbox_new", "updates_inbox")
    op.create_index("ix_updates_inbox_state", "updates_inbox", ["state", "update_id"])


def downgrade() -> None:
    op.drop_index("ix_updates_inbox_state", table_name="updates_inbox")
    op.drop_constraint("uq_inbox_update", "updates_inbox", type_="unique")
    op.drop_column("updates_inbox", "platform")
    op.create_unique_constraint("uq_inbox_update_id", "updates_inbox", ["update_id"])
    op.create_index("ix_updates_inbox_state", "updates_inbox", ["state", "update_id"])

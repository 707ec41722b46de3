"""Alembic environment: runs on the connection handed over by bot.database."""

from alembic import context

import bot.inbox  # noqa: F401  (registers the tables on Base.metadata)
import jobs.budget  # noqa: F401
import jobs.models  # noqa: F401
import knowledge.models  # noqa: F401
from bot.database import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through `chibo db upgrade` (bot.database.Database).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

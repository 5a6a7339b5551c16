"""Alembic environment: always run programmatically, on a connection the program hands over."""

from alembic import context

from biv_desktop.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("BIV Desktop runs its migrations itself; use biv_desktop.store.migrate.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

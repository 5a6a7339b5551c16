"""a session carries its theme's materials

Revision ID: 0002
Revises: 0001

Sessions planned before this revision get their theme's materials from the plan their group was planned
from, matched by the session's number (its theme's place); a session whose group has no plan, or whose
number the plan does not reach, gets none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("group_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("materials", sa.Text(), nullable=False, server_default=""))
    op.execute(
        """
        UPDATE group_session SET materials = COALESCE((
            SELECT theme.materials FROM support_group
            JOIN theme ON theme.plan_id = support_group.theme_plan_id AND theme.position = group_session.number
            WHERE support_group.id = group_session.group_id
        ), '')
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("group_session", schema=None) as batch_op:
        batch_op.drop_column("materials")

"""funding part for training places

Revision ID: 0005
Revises: 0001
Create Date: 2026-12-03 10:00:00

A funding part can be marked as the money for the municipality's places on the group-leader training,
so the follow-up report can say how much is at stake when places are left unused. Existing parts are not
marked.
"""

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('funding_part', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('for_training_places', sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table('funding_part', schema=None) as batch_op:
        batch_op.drop_column('for_training_places')

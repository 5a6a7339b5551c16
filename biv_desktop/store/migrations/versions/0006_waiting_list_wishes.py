"""waiting list wishes

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 13:00:00

A waiting-list entry can name what the person waits for: a group, or a mother tongue and an age band.
Adds the optional columns ``waiting_list_entry.group_id``, ``language_id``, ``age_min`` and ``age_max``.
Existing entries name nothing (the program then goes by the participant's own language and age, as
before); nothing else is touched.
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('waiting_list_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('group_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('language_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('age_min', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('age_max', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f('fk_waiting_list_entry_group_id_support_group'),
            'support_group', ['group_id'], ['id'], ondelete='SET NULL',
        )
        batch_op.create_foreign_key(
            op.f('fk_waiting_list_entry_language_id_language'),
            'language', ['language_id'], ['id'], ondelete='RESTRICT',
        )
        batch_op.create_check_constraint(
            op.f('ck_waiting_list_entry_wish_age_band'),
            '(age_min IS NULL AND age_max IS NULL) OR (age_min IS NOT NULL AND age_max IS NOT NULL '
            'AND age_min <= age_max AND age_min >= 0)',
        )


def downgrade() -> None:
    with op.batch_alter_table('waiting_list_entry', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_waiting_list_entry_wish_age_band'), type_='check')
        batch_op.drop_constraint(op.f('fk_waiting_list_entry_language_id_language'), type_='foreignkey')
        batch_op.drop_constraint(op.f('fk_waiting_list_entry_group_id_support_group'), type_='foreignkey')
        batch_op.drop_column('age_max')
        batch_op.drop_column('age_min')
        batch_op.drop_column('language_id')
        batch_op.drop_column('group_id')

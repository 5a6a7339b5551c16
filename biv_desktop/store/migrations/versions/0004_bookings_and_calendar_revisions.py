"""interpreter bookings and calendar revisions of sessions

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-03 09:45:00

Adds the table ``interpreter_booking`` (a session's interpreter booking: state, agency or freelance, when
it changed) and the column ``group_session.revision`` (how many times the session's calendar-visible facts
changed; an exported calendar's SEQUENCE). Nothing else is touched.
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'interpreter_booking',
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column(
            'state',
            sa.Enum(
                'to_book', 'requested', 'confirmed', 'cancelled',
                name='state', native_enum=False, create_constraint=True, length=32,
            ),
            nullable=False,
        ),
        sa.Column('agency', sa.String(length=120), nullable=False),
        sa.Column('freelance', sa.Boolean(), nullable=False),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ['session_id'], ['group_session.id'],
            name=op.f('fk_interpreter_booking_session_id_group_session'), ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_interpreter_booking')),
        sa.UniqueConstraint('session_id', name=op.f('uq_interpreter_booking_session_id')),
        sa.UniqueConstraint('uuid', name=op.f('uq_interpreter_booking_uuid')),
    )
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('group_session', schema=None) as batch_op:
        batch_op.drop_column('revision')
    op.drop_table('interpreter_booking')

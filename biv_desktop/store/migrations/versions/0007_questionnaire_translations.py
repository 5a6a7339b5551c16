"""questionnaire translations

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-03 12:39:51

Each question and answer option of a questionnaire can have a translation per language, entered by the
coordinator, so a group's evaluation form prints in Swedish and the group's language side by side. Two new
tables; nothing existing changes.
"""

import sqlalchemy as sa
from alembic import op


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "question_translation",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("language_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=400), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_question_translation_text_not_empty")),
        sa.ForeignKeyConstraint(
            ["language_id"],
            ["language.id"],
            name=op.f("fk_question_translation_language_id_language"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_question_translation_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_translation")),
        sa.UniqueConstraint(
            "question_id", "language_id", name=op.f("uq_question_translation_question_id_language_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_question_translation_uuid")),
    )
    with op.batch_alter_table("question_translation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_translation_language_id"), ["language_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_question_translation_question_id"), ["question_id"], unique=False
        )

    op.create_table(
        "answer_option_translation",
        sa.Column("option_id", sa.Integer(), nullable=False),
        sa.Column("language_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=160), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.CheckConstraint(
            "length(trim(label)) > 0", name=op.f("ck_answer_option_translation_label_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["language_id"],
            ["language.id"],
            name=op.f("fk_answer_option_translation_language_id_language"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["answer_option.id"],
            name=op.f("fk_answer_option_translation_option_id_answer_option"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_option_translation")),
        sa.UniqueConstraint(
            "option_id", "language_id", name=op.f("uq_answer_option_translation_option_id_language_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_answer_option_translation_uuid")),
    )
    with op.batch_alter_table("answer_option_translation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_answer_option_translation_language_id"), ["language_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_answer_option_translation_option_id"), ["option_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("answer_option_translation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_option_translation_option_id"))
        batch_op.drop_index(batch_op.f("ix_answer_option_translation_language_id"))

    op.drop_table("answer_option_translation")
    with op.batch_alter_table("question_translation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_translation_question_id"))
        batch_op.drop_index(batch_op.f("ix_question_translation_language_id"))

    op.drop_table("question_translation")

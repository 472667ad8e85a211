"""Scoring: judges, scores with a blind second pass, measured attempts, the audit log; rubric
deduction items and the competition's scoring options

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["school_class.id"],
            name=op.f("fk_judge_class_id_school_class"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_judge_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teacher.id"], name=op.f("fk_judge_teacher_id_teacher"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judge")),
    )
    op.create_index(op.f("ix_judge_competition_id"), "judge", ["competition_id"], unique=False)
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_attempt_entry_id_entry"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempt")),
        sa.UniqueConstraint("entry_id", "number", name=op.f("uq_attempt_entry_id")),
    )
    op.create_table(
        "score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("check_value", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_score_criterion_id_criterion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_score_entry_id_entry"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"], ["judge.id"], name=op.f("fk_score_judge_id_judge"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score")),
        sa.UniqueConstraint("entry_id", "judge_id", "criterion_id", name=op.f("uq_score_entry_id")),
    )
    op.create_index(op.f("ix_score_criterion_id"), "score", ["criterion_id"], unique=False)
    op.create_index(op.f("ix_score_judge_id"), "score", ["judge_id"], unique=False)
    op.create_table(
        "score_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=True),
        sa.Column("criterion_id", sa.Integer(), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=True),
        sa.Column("check_pass", sa.Boolean(), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("old_value", sa.Float(), nullable=True),
        sa.Column("new_value", sa.Float(), nullable=True),
        sa.Column("station", sa.String(length=60), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_score_change_competition_id_competition"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_score_change_entry_id_entry"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_score_change_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_change")),
    )
    op.create_index(op.f("ix_score_change_competition_id"), "score_change", ["competition_id"], unique=False)
    op.create_index(op.f("ix_score_change_entry_id"), "score_change", ["entry_id"], unique=False)
    op.create_index(op.f("ix_score_change_festival_id"), "score_change", ["festival_id"], unique=False)
    op.add_column(
        "competition", sa.Column("double_entry", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "competition", sa.Column("tie_break", sa.String(length=200), nullable=False, server_default="")
    )
    op.add_column(
        "competition", sa.Column("outlier_percent", sa.Integer(), nullable=False, server_default="15")
    )
    op.add_column("competition", sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column(
        "criterion", sa.Column("kind", sa.String(length=10), nullable=False, server_default="score")
    )


def downgrade() -> None:
    op.drop_column("criterion", "kind")
    op.drop_column("competition", "locked")
    op.drop_column("competition", "outlier_percent")
    op.drop_column("competition", "tie_break")
    op.drop_column("competition", "double_entry")
    op.drop_index(op.f("ix_score_change_festival_id"), table_name="score_change")
    op.drop_index(op.f("ix_score_change_entry_id"), table_name="score_change")
    op.drop_index(op.f("ix_score_change_competition_id"), table_name="score_change")
    op.drop_table("score_change")
    op.drop_index(op.f("ix_score_judge_id"), table_name="score")
    op.drop_index(op.f("ix_score_criterion_id"), table_name="score")
    op.drop_table("score")
    op.drop_table("attempt")
    op.drop_index(op.f("ix_judge_competition_id"), table_name="judge")
    op.drop_table("judge")

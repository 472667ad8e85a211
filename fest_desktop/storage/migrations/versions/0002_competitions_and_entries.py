"""Competitions with their criteria, and entries with their authors

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "competition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("code_prefix", sa.String(length=8), nullable=False),
        sa.Column("participation", sa.String(length=12), nullable=False),
        sa.Column("team_size", sa.Integer(), nullable=False),
        sa.Column("parent_allowed", sa.Boolean(), nullable=False),
        sa.Column("eligible_levels", sa.String(length=60), nullable=False),
        sa.Column("quota_min", sa.Integer(), nullable=True),
        sa.Column("quota_max", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("subtypes", sa.Text(), nullable=False),
        sa.Column("judging", sa.String(length=12), nullable=False),
        sa.Column("combine", sa.String(length=12), nullable=False),
        sa.Column("trim_min_judges", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("measure_unit", sa.String(length=10), nullable=False),
        sa.Column("higher_is_better", sa.Boolean(), nullable=False),
        sa.Column("ranking_group", sa.String(length=12), nullable=False),
        sa.Column("responsible", sa.String(length=50), nullable=False),
        sa.Column("next_number", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_competition_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competition")),
        sa.UniqueConstraint("festival_id", "name", name=op.f("uq_competition_festival_id")),
    )
    op.create_index(op.f("ix_competition_festival_id"), "competition", ["festival_id"], unique=False)
    op.create_table(
        "criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("max_points", sa.Float(), nullable=False),
        sa.Column("step", sa.Float(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_criterion_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
    )
    op.create_index(op.f("ix_criterion_competition_id"), "criterion", ["competition_id"], unique=False)
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("subtype", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("advisor", sa.String(length=50), nullable=False),
        sa.Column("parent_name", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["school_class.id"], name=op.f("fk_entry_class_id_school_class"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_entry_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["festival_id"], ["festival.id"], name=op.f("fk_entry_festival_id_festival"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry")),
        sa.UniqueConstraint("festival_id", "code", name=op.f("uq_entry_festival_id")),
    )
    op.create_index(op.f("ix_entry_class_id"), "entry", ["class_id"], unique=False)
    op.create_index(op.f("ix_entry_competition_id"), "entry", ["competition_id"], unique=False)
    op.create_index(op.f("ix_entry_festival_id"), "entry", ["festival_id"], unique=False)
    op.create_table(
        "entry_author",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_entry_author_entry_id_entry"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_entry_author_student_id_student"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "student_id", name=op.f("pk_entry_author")),
    )
    op.create_index(op.f("ix_entry_author_student_id"), "entry_author", ["student_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_entry_author_student_id"), table_name="entry_author")
    op.drop_table("entry_author")
    op.drop_index(op.f("ix_entry_festival_id"), table_name="entry")
    op.drop_index(op.f("ix_entry_competition_id"), table_name="entry")
    op.drop_index(op.f("ix_entry_class_id"), table_name="entry")
    op.drop_table("entry")
    op.drop_index(op.f("ix_criterion_competition_id"), table_name="criterion")
    op.drop_table("criterion")
    op.drop_index(op.f("ix_competition_festival_id"), table_name="competition")
    op.drop_table("competition")

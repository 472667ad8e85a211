"""Every pupil's 科普实践 (items and who has done them); works by teachers, which have no class; the
contests above the school named per festival, with a recommended work's result at each level it
reached (the single free-text result of 0009 moves to a level named as the 总结 used to name it)

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# What the 总结 called the higher level before levels had names; results recorded then go there.
FORMER_LEVEL = "县（区）青少年科技创新大赛"


def upgrade() -> None:
    op.create_table(
        "higher_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["festival_id"], ["festival.id"], name="fk_higher_level_festival_id_festival", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_higher_level"),
        sa.UniqueConstraint("festival_id", "name", name="uq_higher_level_festival_id"),
    )
    op.create_index("ix_higher_level_festival_id", "higher_level", ["festival_id"])
    op.create_table(
        "higher_result",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("level_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(30), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name="fk_higher_result_entry_id_entry", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["level_id"],
            ["higher_level.id"],
            name="fk_higher_result_level_id_higher_level",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "level_id", name="pk_higher_result"),
    )
    op.create_index("ix_higher_result_level_id", "higher_result", ["level_id"])
    op.execute(
        sa.text(
            "INSERT INTO higher_level (festival_id, name, position) "
            "SELECT DISTINCT festival_id, :name, 0 FROM entry WHERE higher_result <> ''"
        ).bindparams(name=FORMER_LEVEL)
    )
    op.execute(
        "INSERT INTO higher_result (entry_id, level_id, result) "
        "SELECT entry.id, higher_level.id, substr(entry.higher_result, 1, 30) FROM entry "
        "JOIN higher_level ON higher_level.festival_id = entry.festival_id WHERE entry.higher_result <> ''"
    )
    with op.batch_alter_table("entry", schema=None) as batch_op:
        batch_op.alter_column("class_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("teacher_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_entry_teacher_id_teacher", "teacher", ["teacher_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_entry_teacher_id", ["teacher_id"])
        batch_op.drop_column("higher_result")
    op.create_table(
        "practice_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("eligible_levels", sa.String(60), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["festival_id"], ["festival.id"], name="fk_practice_item_festival_id_festival", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name="fk_practice_item_competition_id_competition",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_practice_item"),
        sa.UniqueConstraint("festival_id", "name", name="uq_practice_item_festival_id"),
    )
    op.create_index("ix_practice_item_festival_id", "practice_item", ["festival_id"])
    op.create_table(
        "practice_mark",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("marked_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["practice_item.id"],
            name="fk_practice_mark_item_id_practice_item",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["student.id"], name="fk_practice_mark_student_id_student", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("item_id", "student_id", name="pk_practice_mark"),
    )
    op.create_index("ix_practice_mark_student_id", "practice_mark", ["student_id"])


def downgrade() -> None:
    op.drop_index("ix_practice_mark_student_id", table_name="practice_mark")
    op.drop_table("practice_mark")
    op.drop_index("ix_practice_item_festival_id", table_name="practice_item")
    op.drop_table("practice_item")
    # Teachers' works have no class and cannot go back; the first level's result is kept.
    op.execute("DELETE FROM entry WHERE class_id IS NULL")
    with op.batch_alter_table("entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("higher_result", sa.String(50), nullable=False, server_default=""))
        batch_op.drop_index("ix_entry_teacher_id")
        batch_op.drop_constraint("fk_entry_teacher_id_teacher", type_="foreignkey")
        batch_op.drop_column("teacher_id")
        batch_op.alter_column("class_id", existing_type=sa.Integer(), nullable=False)
    op.execute(
        "UPDATE entry SET higher_result = COALESCE((SELECT higher_result.result FROM higher_result "
        "JOIN higher_level ON higher_level.id = higher_result.level_id "
        "WHERE higher_result.entry_id = entry.id ORDER BY higher_level.position LIMIT 1), '')"
    )
    op.drop_index("ix_higher_result_level_id", table_name="higher_result")
    op.drop_table("higher_result")
    op.drop_index("ix_higher_level_festival_id", table_name="higher_level")
    op.drop_table("higher_level")

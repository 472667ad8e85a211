"""Judging opened early (提前开始评审) with who and when; 优秀奖 in a competition's default rules; the
班级考核 points a class earns besides its prizes

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("judging_opened_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("judging_opened_by", sa.String(60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("merit_award", sa.Boolean(), nullable=False, server_default="0"))
    op.create_table(
        "class_point_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_class_point_rule_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_point_rule")),
        sa.UniqueConstraint("festival_id", "source", name=op.f("uq_class_point_rule_festival_id")),
    )
    op.create_index(op.f("ix_class_point_rule_festival_id"), "class_point_rule", ["festival_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_class_point_rule_festival_id"), table_name="class_point_rule")
    op.drop_table("class_point_rule")
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.drop_column("merit_award")
        batch_op.drop_column("judging_opened_by")
        batch_op.drop_column("judging_opened_at")

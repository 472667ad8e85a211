"""A class board's making-and-inspection window; a competition judged as a 初评 shortlist; an entry's
说明 and the result it later obtained at the higher level; the festival's 总结 text; the district
list's column templates

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("window_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("outcome", sa.String(12), nullable=False, server_default="prizes"))
    with op.batch_alter_table("entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("higher_result", sa.String(50), nullable=False, server_default=""))
    with op.batch_alter_table("festival", schema=None) as batch_op:
        batch_op.add_column(sa.Column("summary_text", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "district_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("district_template")
    with op.batch_alter_table("festival", schema=None) as batch_op:
        batch_op.drop_column("summary_text")
    with op.batch_alter_table("entry", schema=None) as batch_op:
        batch_op.drop_column("higher_result")
        batch_op.drop_column("description")
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.drop_column("outcome")
        batch_op.drop_column("window_start")

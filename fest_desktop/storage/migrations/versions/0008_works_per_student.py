"""A competition says how many works one student may enter (1 unless the plan allows more); a level
by share keeps at least one place in a small group (a festival setting, on)

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("works_per_student", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("festival", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("share_keeps_one_place", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("festival", schema=None) as batch_op:
        batch_op.drop_column("share_keeps_one_place")
    with op.batch_alter_table("competition", schema=None) as batch_op:
        batch_op.drop_column("works_per_student")

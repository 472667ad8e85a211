"""Certificate templates name a built-in design drawn under their fields

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("certificate_template", schema=None) as batch_op:
        batch_op.add_column(sa.Column("design", sa.String(length=20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("certificate_template", schema=None) as batch_op:
        batch_op.drop_column("design")

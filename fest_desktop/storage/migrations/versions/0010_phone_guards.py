"""What a phone submission held (so its id cannot be reused for other points); eight-digit PINs

Revision ID: 0010
Revises: 0009
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PIN_DIGITS = 8


def upgrade() -> None:
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content", sa.String(64), nullable=False, server_default=""))
    # Six-digit PINs could be guessed within a day: every judge gets a new eight-digit one (the QR
    # code on a printed card keeps working; only a PIN typed from an old card needs the new one).
    connection = op.get_bind()
    links = sa.table("judge_link", sa.column("id", sa.Integer), sa.column("pin", sa.String))
    taken: set[str] = set()
    for (link_id,) in connection.execute(sa.select(links.c.id)).all():
        pin = ""
        while not pin or pin in taken:
            pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
        taken.add(pin)
        connection.execute(sa.update(links).where(links.c.id == link_id).values(pin=pin))


def downgrade() -> None:
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.drop_column("content")

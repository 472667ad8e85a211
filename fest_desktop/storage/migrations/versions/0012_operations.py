"""Reads that no longer write: every judge has its phone link and every festival its certificate
templates from the start; a template without a design holds none (NULL, not ""); a phone submission
counts its conflicts in a number column instead of its message

Revision ID: operations
Revises: 0011
"""

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa
from alembic import op

revision = "operations"
down_revision = "0011"
branch_labels = None
depends_on = None

PIN_DIGITS = 8
SECRET_BYTES = 24


def upgrade() -> None:
    with op.batch_alter_table("certificate_template", schema=None) as batch_op:
        batch_op.alter_column("design", existing_type=sa.String(20), nullable=True, server_default=None)
    op.execute("UPDATE certificate_template SET design = NULL WHERE design = ''")
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conflicts", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE phone_submission SET conflicts = CAST(message AS INTEGER) "
        "WHERE outcome = 'conflict' AND message <> ''"
    )
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.drop_column("message")
    connection = op.get_bind()
    _issue_missing_links(connection)
    _store_missing_templates(connection)


def _issue_missing_links(connection: sa.Connection) -> None:
    """Links used to be made the first time they were listed: the judges never listed get theirs now."""
    judges = sa.table("judge", sa.column("id", sa.Integer))
    links = sa.table(
        "judge_link",
        sa.column("judge_id", sa.Integer),
        sa.column("secret", sa.String),
        sa.column("secret_hash", sa.String),
        sa.column("pin", sa.String),
        sa.column("created_at", sa.DateTime),
        sa.column("handed_in", sa.Boolean),
    )
    taken = set(connection.scalars(sa.select(links.c.pin)))
    missing = connection.scalars(
        sa.select(judges.c.id).where(judges.c.id.not_in(sa.select(links.c.judge_id))).order_by(judges.c.id)
    ).all()
    now = dt.datetime.now().replace(microsecond=0)
    for judge_id in missing:
        pin = ""
        while not pin or pin in taken:
            pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
        taken.add(pin)
        secret = secrets.token_urlsafe(SECRET_BYTES)
        connection.execute(
            sa.insert(links).values(
                judge_id=judge_id,
                secret=secret,
                secret_hash=hashlib.sha256(secret.encode("utf-8")).hexdigest(),
                pin=pin,
                created_at=now,
                handed_in=False,
            )
        )


def _store_missing_templates(connection: sa.Connection) -> None:
    """Templates used to be stored the first time 打印证书 was opened: a festival never printed for
    gets the defaults now, as a new festival does. The program's defaults are used as they are at this
    revision, limited to the columns the table has here."""
    from fest_desktop.certificates.templates import default_templates, stored_values

    present = {column["name"] for column in sa.inspect(connection).get_columns("certificate_template")}
    festivals = sa.table("festival", sa.column("id", sa.Integer))
    templates = sa.table(
        "certificate_template",
        sa.column("festival_id", sa.Integer),
        *(sa.column(name) for name in present if name not in ("id", "festival_id")),
    )
    bare = connection.scalars(
        sa.select(festivals.c.id).where(festivals.c.id.not_in(sa.select(templates.c.festival_id)))
    ).all()
    for festival_id in bare:
        for position, info in enumerate(default_templates()):
            values = {
                name: str(value) if isinstance(value, str) else value
                for name, value in stored_values(info).items()
                if name in present
            }
            connection.execute(
                sa.insert(templates).values(festival_id=festival_id, position=position, **values)
            )


def downgrade() -> None:
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message", sa.Text(), nullable=False, server_default=""))
    op.execute("UPDATE phone_submission SET message = CAST(conflicts AS TEXT)")
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.drop_column("conflicts")
    op.execute("UPDATE certificate_template SET design = '' WHERE design IS NULL")
    with op.batch_alter_table("certificate_template", schema=None) as batch_op:
        batch_op.alter_column("design", existing_type=sa.String(20), nullable=False, server_default="")

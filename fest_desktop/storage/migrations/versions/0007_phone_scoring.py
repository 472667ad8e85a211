"""Judges score from their phones: private links, submissions stored once, conflicts with the desk

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judge_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("pin", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handed_in", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"], ["judge.id"], name=op.f("fk_judge_link_judge_id_judge"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judge_link")),
        sa.UniqueConstraint("judge_id", name=op.f("uq_judge_link_judge_id")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_judge_link_secret_hash")),
    )
    with op.batch_alter_table("judge_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_judge_link_pin"), ["pin"], unique=False)
    op.create_table(
        "phone_submission",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_phone_submission_entry_id_entry"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"], ["judge.id"], name=op.f("fk_phone_submission_judge_id_judge"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_submission")),
    )
    with op.batch_alter_table("phone_submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_submission_judge_id"), ["judge_id"], unique=False)
    op.create_table(
        "score_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("phone_value", sa.Float(), nullable=True),
        sa.Column("desk_value", sa.Float(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("address", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_score_conflict_criterion_id_criterion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_score_conflict_entry_id_entry"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["judge_id"], ["judge.id"], name=op.f("fk_score_conflict_judge_id_judge"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_conflict")),
    )
    with op.batch_alter_table("score_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_score_conflict_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    op.drop_table("score_conflict")
    op.drop_table("phone_submission")
    op.drop_table("judge_link")

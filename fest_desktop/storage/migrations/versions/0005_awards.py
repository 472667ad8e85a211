"""Awards, their rules and log, finalised notices, certificate templates and the certificate register

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "award_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_award_level_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_level")),
        sa.UniqueConstraint("festival_id", "name", name=op.f("uq_award_level_festival_id")),
    )
    op.create_index(op.f("ix_award_level_festival_id"), "award_level", ["festival_id"], unique=False)
    op.create_table(
        "award_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("list_key", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=20), nullable=False),
        sa.Column("finalised_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_award_notice_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_notice")),
        sa.UniqueConstraint("festival_id", "list_key", name=op.f("uq_award_notice_festival_id")),
    )
    op.create_index(op.f("ix_award_notice_festival_id"), "award_notice", ["festival_id"], unique=False)
    op.create_table(
        "certificate_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("paper", sa.String(length=12), nullable=False),
        sa.Column("landscape", sa.Boolean(), nullable=False),
        sa.Column("width_mm", sa.Float(), nullable=False),
        sa.Column("height_mm", sa.Float(), nullable=False),
        sa.Column("columns", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("date_style", sa.String(length=10), nullable=False),
        sa.Column("background", sa.LargeBinary(), nullable=True),
        sa.Column("print_background", sa.Boolean(), nullable=False),
        sa.Column("offset_x_mm", sa.Float(), nullable=False),
        sa.Column("offset_y_mm", sa.Float(), nullable=False),
        sa.Column("seal", sa.LargeBinary(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_certificate_template_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_template")),
    )
    op.create_index(
        op.f("ix_certificate_template_festival_id"), "certificate_template", ["festival_id"], unique=False
    )
    op.create_table(
        "award_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=12), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=True),
        sa.Column("group_name", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_award_rule_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_award_rule_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_rule")),
    )
    op.create_index(op.f("ix_award_rule_competition_id"), "award_rule", ["competition_id"], unique=False)
    op.create_index(op.f("ix_award_rule_festival_id"), "award_rule", ["festival_id"], unique=False)
    op.create_table(
        "award",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("class_id", sa.Integer(), nullable=True),
        sa.Column("teacher", sa.String(length=50), nullable=False),
        sa.Column("group_name", sa.String(length=20), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("auto_level", sa.String(length=20), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["school_class.id"], name=op.f("fk_award_class_id_school_class"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["competition_id"],
            ["competition.id"],
            name=op.f("fk_award_competition_id_competition"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entry.id"], name=op.f("fk_award_entry_id_entry"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["festival_id"], ["festival.id"], name=op.f("fk_award_festival_id_festival"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award")),
    )
    op.create_index(op.f("ix_award_competition_id"), "award", ["competition_id"], unique=False)
    op.create_index(op.f("ix_award_entry_id"), "award", ["entry_id"], unique=False)
    op.create_index(op.f("ix_award_festival_id"), "award", ["festival_id"], unique=False)
    op.create_table(
        "award_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("award_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("old_level", sa.String(length=20), nullable=False),
        sa.Column("new_level", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("station", sa.String(length=60), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_id"], ["award.id"], name=op.f("fk_award_change_award_id_award"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_award_change_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_change")),
    )
    op.create_index(op.f("ix_award_change_festival_id"), "award_change", ["festival_id"], unique=False)
    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("festival_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("award_id", sa.Integer(), nullable=True),
        sa.Column("student_id", sa.Integer(), nullable=True),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("class_name", sa.String(length=30), nullable=False),
        sa.Column("award_text", sa.String(length=200), nullable=False),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("last_printed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["award_id"], ["award.id"], name=op.f("fk_certificate_award_id_award"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["festival_id"],
            ["festival.id"],
            name=op.f("fk_certificate_festival_id_festival"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["student.id"],
            name=op.f("fk_certificate_student_id_student"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("festival_id", "number", name=op.f("uq_certificate_festival_id")),
    )
    op.create_index(op.f("ix_certificate_award_id"), "certificate", ["award_id"], unique=False)
    op.create_index(op.f("ix_certificate_festival_id"), "certificate", ["festival_id"], unique=False)
    op.add_column("entry", sa.Column("recommended", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("festival", sa.Column("award_date", sa.Date(), nullable=True))
    op.add_column(
        "festival",
        sa.Column("certificate_prefix", sa.String(length=30), nullable=False, server_default="KJJ{年}-"),
    )
    op.add_column(
        "festival", sa.Column("certificate_digits", sa.Integer(), nullable=False, server_default="4")
    )
    op.add_column("festival", sa.Column("next_certificate", sa.Integer(), nullable=False, server_default="1"))
    op.add_column(
        "festival",
        sa.Column("collective_basis", sa.String(length=30), nullable=False, server_default="points"),
    )
    op.add_column(
        "festival", sa.Column("organisation_min_share", sa.Integer(), nullable=False, server_default="60")
    )
    op.add_column(
        "festival",
        sa.Column("advisor_rule", sa.String(length=12), nullable=False, server_default="competition"),
    )
    op.add_column(
        "festival", sa.Column("advisor_min_level", sa.String(length=20), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("festival", "advisor_min_level")
    op.drop_column("festival", "advisor_rule")
    op.drop_column("festival", "organisation_min_share")
    op.drop_column("festival", "collective_basis")
    op.drop_column("festival", "next_certificate")
    op.drop_column("festival", "certificate_digits")
    op.drop_column("festival", "certificate_prefix")
    op.drop_column("festival", "award_date")
    op.drop_column("entry", "recommended")
    op.drop_index(op.f("ix_certificate_festival_id"), table_name="certificate")
    op.drop_index(op.f("ix_certificate_award_id"), table_name="certificate")
    op.drop_table("certificate")
    op.drop_index(op.f("ix_award_change_festival_id"), table_name="award_change")
    op.drop_table("award_change")
    op.drop_index(op.f("ix_award_festival_id"), table_name="award")
    op.drop_index(op.f("ix_award_entry_id"), table_name="award")
    op.drop_index(op.f("ix_award_competition_id"), table_name="award")
    op.drop_table("award")
    op.drop_index(op.f("ix_award_rule_festival_id"), table_name="award_rule")
    op.drop_index(op.f("ix_award_rule_competition_id"), table_name="award_rule")
    op.drop_table("award_rule")
    op.drop_index(op.f("ix_certificate_template_festival_id"), table_name="certificate_template")
    op.drop_table("certificate_template")
    op.drop_index(op.f("ix_award_notice_festival_id"), table_name="award_notice")
    op.drop_table("award_notice")
    op.drop_index(op.f("ix_award_level_festival_id"), table_name="award_level")
    op.drop_table("award_level")

"""Reads that no longer write: every judge has its phone link and every festival its certificate
templates from the start; a template without a design holds none (NULL, not ""); a phone submission
counts its conflicts in a number column instead of its message

Revision ID: operations
Revises: 0012
"""

import datetime as dt
import hashlib
import json
import secrets

import sqlalchemy as sa
from alembic import op

revision = "operations"
down_revision = "0012"
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


# The templates a festival started with, one per kind, at this revision (certificates.templates.default_templates
# then), written as data: a migration stays what it was when the program's defaults move on.
FIELD = {
    "kind": "text",
    "text": "",
    "font": "",
    "size": 16.0,
    "align": "left",
    "wrap": False,
    "line_spacing": 1.6,
    "visible": True,
    "colour": "#000000",
    "height_mm": 0.0,
    "preprinted": False,
    "emphasise_name": False,
}
LAYOUT = (
    {
        "name": "标题",
        "x_mm": 26.0,
        "y_mm": 27.6,
        "width_mm": 245.0,
        "font": "粗宋（内置标题字）",
        "size": 72.0,
        "align": "center",
        "colour": "#B71C1C",
        "preprinted": True,
    },
    {"name": "称呼", "x_mm": 35.8, "y_mm": 68.7, "width_mm": 225.4, "size": 26.0, "emphasise_name": True},
    {
        "name": "正文",
        "x_mm": 35.8,
        "y_mm": 90.8,
        "width_mm": 225.4,
        "size": 24.0,
        "wrap": True,
        "line_spacing": 1.7,
        "height_mm": 53.7,
    },
    {
        "name": "落款",
        "text": "{学校}",
        "x_mm": 163.2,
        "y_mm": 149.2,
        "width_mm": 102.9,
        "size": 22.0,
        "align": "center",
    },
    {
        "name": "日期",
        "text": "{日期}",
        "x_mm": 163.2,
        "y_mm": 163.5,
        "width_mm": 102.9,
        "size": 20.0,
        "align": "center",
    },
    {"name": "印章", "kind": "seal", "x_mm": 193.7, "y_mm": 138.5, "width_mm": 42.0},
    {
        "name": "证书编号",
        "text": "证书编号：{证书编号}",
        "x_mm": 42.0,
        "y_mm": 184.0,
        "width_mm": 98.0,
        "size": 9.0,
    },
    {"name": "二维码", "kind": "qr", "x_mm": 237.0, "y_mm": 176.0, "width_mm": 16.0, "visible": False},
)
BODY = "\u3000\u3000在{学校}{科技节}中"
TEMPLATES = (  # name, kind, 标题, 称呼, 正文
    ("学生荣誉证书", "student", "荣誉证书", "{姓名}同学：", BODY + "，荣获{获奖}。特发此证，以资鼓励。"),
    ("班级奖状", "class", "奖\u3000状", "{姓名}：", BODY + "，荣获{获奖}。特发此状，以资鼓励。"),
    (
        "科技辅导员证书",
        "teacher",
        "荣誉证书",
        "{姓名}老师：",
        BODY + "{获奖}，被评为优秀科技辅导员。特发此证，以资鼓励。",
    ),
    (
        "优秀组织奖奖状",
        "organisation",
        "奖\u3000状",
        "{姓名}：",
        BODY + "组织得力、参与踊跃，荣获{获奖}。特发此状，以资鼓励。",
    ),
    (
        "教师获奖证书",
        "teacher_work",
        "荣誉证书",
        "{姓名}老师：",
        "\u3000\u3000您撰写的《{作品}》在{学校}{科技节}{比赛}中荣获{奖项}。特发此证，以资鼓励。",
    ),
)


def _fields(title: str, greeting: str, body: str) -> str:
    texts = {"标题": title, "称呼": greeting, "正文": body}
    fields = []
    for place in LAYOUT:
        field = {"name": place["name"], **FIELD, **place}
        if place["name"] in texts:
            field["text"] = texts[str(place["name"])]
        fields.append(field)
    return json.dumps(fields, ensure_ascii=False)


def _store_missing_templates(connection: sa.Connection) -> None:
    """Templates used to be stored the first time 打印证书 was opened (a kind added since, the first time
    it was found missing): every festival gets the default of each kind it lacks now, as a new festival
    has them all."""
    festivals = sa.table("festival", sa.column("id", sa.Integer))
    templates = sa.table(
        "certificate_template",
        *(
            sa.column(name)
            for name in (
                "festival_id",
                "name",
                "kind",
                "paper",
                "landscape",
                "width_mm",
                "height_mm",
                "columns",
                "rows",
                "date_style",
                "print_background",
                "offset_x_mm",
                "offset_y_mm",
                "fields",
                "position",
                "design",
            )
        ),
    )
    held: dict[int, set[str]] = {
        festival: set() for festival in connection.scalars(sa.select(festivals.c.id))
    }
    last: dict[int, int] = {}
    for festival_id, kind, position in connection.execute(
        sa.select(templates.c.festival_id, templates.c.kind, templates.c.position)
    ):
        held.setdefault(festival_id, set()).add(kind)
        last[festival_id] = max(last.get(festival_id, -1), position)
    for festival_id, kinds in held.items():
        missing = [template for template in TEMPLATES if template[1] not in kinds]
        first = last.get(festival_id, -1) + 1
        for position, (name, kind, title, greeting, body) in enumerate(missing, start=first):
            connection.execute(
                sa.insert(templates).values(
                    festival_id=festival_id,
                    name=name,
                    kind=kind,
                    paper="A4",
                    landscape=True,
                    width_mm=297.0,
                    height_mm=210.0,
                    columns=1,
                    rows=1,
                    date_style="chinese",
                    print_background=True,
                    offset_x_mm=0.0,
                    offset_y_mm=0.0,
                    fields=_fields(title, greeting, body),
                    position=position,
                    design="formal",
                )
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

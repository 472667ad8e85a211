"""Certificates (奖状 / 荣誉证书): templates with placeholders, the certificates a batch prints,
their register and numbers, the fonts (with a fallback for rare characters), the QR code with its
check digit, and the PDF — one certificate per slot, on plain paper or onto pre-printed paper (套打)."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fest_desktop.certificates.designs import TITLE_COLOURS, placements
from fest_desktop.certificates.kinds import Alignment, DateStyle, DesignKind, FieldKind, TemplateKind
from fest_desktop.certificates.placeholders import NAMES, unknown_placeholders
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.storage.database import Database, fetch
from fest_desktop.storage.model import CertificateTemplate
from fest_desktop.values import clean_text

MM = 72 / 25.4


PAPERS = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "B5": (176.0, 250.0), "16开": (185.0, 260.0)}


CUSTOM_PAPER = "自定义"

# What a template's texts may hold: room for any real wording, none for a pasted page.
LONGEST_NAME = 50
LONGEST_FIELD_NAME = 20
LONGEST_FIELD_TEXT = 300


# The heavy face bundled for titles and emphasised names (resources.TITLE_FONT), as a field names it.
TITLE_FONT_LABEL = "粗宋（内置标题字）"


@dataclass(frozen=True)
class TemplateField:
    """One thing printed on a certificate. x, y are the top left of its box in mm from the slot's
    top left; text fields align within width_mm and wrap when wrap is on; seal and QR fields are
    squares of width_mm."""

    name: str
    kind: FieldKind = FieldKind.TEXT
    text: str = ""
    x_mm: float = 0.0
    y_mm: float = 0.0
    width_mm: float = 100.0
    font: str = ""
    size: float = 16.0
    align: Alignment = Alignment.LEFT
    wrap: bool = False
    line_spacing: float = 1.6
    visible: bool = True
    colour: str = "#000000"
    # The height of the box a text field must stay in (0: one line, or as many as it wraps to).
    height_mm: float = 0.0
    # Already printed on bought certificate paper (the title, fixed wording): left out in 套打.
    preprinted: bool = False
    # {姓名} set larger, in the heavy title face.
    emphasise_name: bool = False

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class TemplateInfo:
    """A certificate layout; width and height are the sheet's in mm as it lies (landscape swapped)."""

    id: int
    name: str
    kind: TemplateKind
    paper: str = "A4"
    landscape: bool = True
    width_mm: float = 297.0
    height_mm: float = 210.0
    columns: int = 1
    rows: int = 1
    date_style: DateStyle = DateStyle.CHINESE
    background: bytes | None = None
    print_background: bool = True
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    seal: bytes | None = None
    fields: tuple[TemplateField, ...] = ()
    design: DesignKind | None = None

    @property
    def slots(self) -> int:
        return self.columns * self.rows

    @property
    def slot_size(self) -> tuple[float, float]:
        """The size of one certificate in mm."""
        return self.width_mm / self.columns, self.height_mm / self.rows

    def field(self, name: str) -> TemplateField:
        return next(f for f in self.fields if f.name == name)

    def with_field(self, changed: TemplateField, old_name: str | None = None) -> TemplateInfo:
        """A copy with the field of that name (or old_name) replaced, or added at the end."""
        name = old_name or changed.name
        fields = list(self.fields)
        for index, existing in enumerate(fields):
            if existing.name == name:
                fields[index] = changed
                break
        else:
            fields.append(changed)
        return dataclasses.replace(self, fields=tuple(fields))


def paper_size(paper: str, landscape: bool, custom: tuple[float, float] | None = None) -> tuple[float, float]:
    """The sheet's width and height in mm as it lies."""
    short, long = sorted(custom) if paper not in PAPERS and custom else PAPERS.get(paper, PAPERS["A4"])
    return (long, short) if landscape else (short, long)


def _text(name: str, text: str, x: float, y: float, width: float, size: float, **more: Any) -> TemplateField:
    return TemplateField(name, FieldKind.TEXT, text, x, y, width, size=size, **more)


_BODY = "在{学校}{科技节}中，荣获{获奖}。特发此证，以资鼓励。"


def default_templates() -> list[TemplateInfo]:
    """The templates a festival starts with, one per kind: A4 landscape on the formal design, the title
    large in the heavy face, red and centred (already on bought paper, so left out in 套打), the name
    emphasised, the body wrapped, school and date at the lower right under the seal, the number small
    at the lower left."""

    def common(body: str, greeting: str, title: str) -> tuple[TemplateField, ...]:
        return (
            _text(
                "标题", title, 0, 30, 297, 72, align=Alignment.CENTER, font=TITLE_FONT_LABEL, preprinted=True
            ),
            _text("称呼", greeting, 40, 72, 220, 26, emphasise_name=True),
            _text("正文", body, 40, 92, 217, 24, wrap=True, line_spacing=1.7),
            _text("落款", "{学校}", 160, 142, 100, 22, align=Alignment.CENTER),
            _text("日期", "{日期}", 160, 156, 100, 20, align=Alignment.CENTER),
            TemplateField("印章", FieldKind.SEAL, "", 186, 122, 42),
            _text("证书编号", "证书编号：{证书编号}", 20, 192, 120, 10),
            TemplateField("二维码", FieldKind.QR, "", 257, 168, 24, visible=False),
        )

    plain = [
        TemplateInfo(
            0, "学生荣誉证书", TemplateKind.STUDENT, fields=common("　　" + _BODY, "{姓名}同学：", "荣誉证书")
        ),
        TemplateInfo(
            0,
            "班级奖状",
            TemplateKind.CLASS,
            fields=common("　　在{学校}{科技节}中，荣获{获奖}。特发此状，以资鼓励。", "{姓名}：", "奖　状"),
        ),
        TemplateInfo(
            0,
            "科技辅导员证书",
            TemplateKind.TEACHER,
            fields=common(
                "　　在{学校}{科技节}中{获奖}，被评为优秀科技辅导员。特发此证，以资鼓励。",
                "{姓名}老师：",
                "荣誉证书",
            ),
        ),
        TemplateInfo(
            0,
            "优秀组织奖奖状",
            TemplateKind.ORGANISATION,
            fields=common(
                "　　在{学校}{科技节}中组织得力、参与踊跃，荣获{获奖}。特发此状，以资鼓励。",
                "{姓名}：",
                "奖　状",
            ),
        ),
        TemplateInfo(
            0,
            "教师获奖证书",
            TemplateKind.TEACHER_WORK,
            fields=common(
                "　　您撰写的《{作品}》在{学校}{科技节}{比赛}中荣获{奖项}。特发此证，以资鼓励。",
                "{姓名}老师：",
                "荣誉证书",
            ),
        ),
    ]
    # Out of the box on blank paper: the formal design, as a real 奖状 looks.
    return [apply_design(template, DesignKind.FORMAL) for template in plain]


def _field(stored: dict[str, Any]) -> TemplateField:
    """A field as stored in the template's JSON (its kind and alignment as their codes)."""
    return TemplateField(
        **{
            **stored,
            "kind": FieldKind(stored.get("kind", "text")),
            "align": Alignment(stored.get("align", "left")),
        }
    )


def _template_info(row: CertificateTemplate) -> TemplateInfo:
    fields = tuple(_field(item) for item in json.loads(row.fields or "[]"))
    return TemplateInfo(
        row.id,
        row.name,
        row.kind,
        row.paper,
        row.landscape,
        row.width_mm,
        row.height_mm,
        row.columns,
        row.rows,
        row.date_style,
        row.background,
        row.print_background,
        row.offset_x_mm,
        row.offset_y_mm,
        row.seal,
        fields,
        row.design,
    )


def stored_values(info: TemplateInfo) -> dict[str, object]:
    """The template as the columns of its row hold it."""
    return {
        "name": info.name,
        "kind": info.kind,
        "paper": info.paper,
        "landscape": info.landscape,
        "width_mm": info.width_mm,
        "height_mm": info.height_mm,
        "columns": info.columns,
        "rows": info.rows,
        "date_style": info.date_style,
        "background": info.background,
        "print_background": info.print_background,
        "offset_x_mm": info.offset_x_mm,
        "offset_y_mm": info.offset_y_mm,
        "seal": info.seal,
        "fields": json.dumps([f.to_json() for f in info.fields], ensure_ascii=False),
        "design": info.design,
    }


def _apply_template(row: CertificateTemplate, info: TemplateInfo) -> None:
    for column, value in stored_values(info).items():
        setattr(row, column, value)


def apply_design(template: TemplateInfo, design: DesignKind | None) -> TemplateInfo:
    """The template printed on design (None: plain paper, fields left where they are): the fields the
    default templates have are placed in the design's text area for the template's paper, the title
    in the design's colour; the texts, fonts and what is printed stay the teacher's."""
    if design is None:
        return dataclasses.replace(template, design=None)
    width, height = template.slot_size
    places = placements(width, height)
    fields: list[TemplateField] = []
    for item in template.fields:
        place = places.get(item.name)
        if place is None:
            fields.append(item)
            continue
        moved = dataclasses.replace(
            item,
            x_mm=round(place["x_mm"], 1),
            y_mm=round(place["y_mm"], 1),
            width_mm=round(place["width_mm"], 1),
            size=round(place.get("size", item.size), 1),
            height_mm=round(place.get("height_mm", item.height_mm), 1),
        )
        if item.name == "标题":
            # The bundled face gives way to the heavy one; a font the teacher chose stays.
            moved = dataclasses.replace(
                moved,
                colour=TITLE_COLOURS[design],
                align=Alignment.CENTER,
                font=item.font or TITLE_FONT_LABEL,
            )
        fields.append(moved)
    return dataclasses.replace(template, design=design, fields=tuple(fields))


def check_template(info: TemplateInfo) -> TemplateInfo:
    """The template with its name cleaned, or ValidationError naming the field and what is wrong."""
    name = clean_text(info.name)
    if not name:
        raise ValidationError("模板名称不能为空。")
    if len(name) > LONGEST_NAME:
        raise ValidationError(f"模板名称「{name[:20]}…」太长：最多 {LONGEST_NAME} 个字。")
    if info.kind not in TemplateKind.__members__.values():
        raise ValidationError(f"未知的证书类别「{info.kind}」。")
    if not (20 <= info.width_mm <= 1000 and 20 <= info.height_mm <= 1000):
        raise ValidationError(
            f"纸张大小 {info.width_mm:g}×{info.height_mm:g} 毫米不对，应在 20 到 1000 毫米之间。"
        )
    if not (1 <= info.columns <= 6 and 1 <= info.rows <= 6):
        raise ValidationError("每张纸的证书排列要在 1×1 到 6×6 之间。")
    if info.design is not None and info.design not in DesignKind.__members__.values():
        raise ValidationError(f"未知的证书样式「{info.design}」。")
    if abs(info.offset_x_mm) > 50 or abs(info.offset_y_mm) > 50:
        raise ValidationError("打印偏移不能超过 50 毫米。")
    slot_width, slot_height = info.slot_size
    names = [f.name for f in info.fields]
    if len(set(names)) != len(names):
        raise ValidationError("字段名称不能重复。")
    for item in info.fields:
        where = f"字段「{item.name}」"
        if not clean_text(item.name):
            raise ValidationError("字段名称不能为空。")
        if len(item.name) > LONGEST_FIELD_NAME or len(item.text) > LONGEST_FIELD_TEXT:
            raise ValidationError(
                f"{where[:30]}太长：名称最多 {LONGEST_FIELD_NAME} 个字，内容最多 {LONGEST_FIELD_TEXT} 个字。"
            )
        unknown = unknown_placeholders(item.text)
        if unknown:
            known = " ".join(f"{{{name}}}" for name in NAMES)
            raise ValidationError(f"{where}里的占位符「{{{unknown[0]}}}」不认识。可用的有：{known}")
        if item.text.count("{") != item.text.count("}"):
            raise ValidationError(f"{where}里的花括号没有配对。")
        if (
            item.kind not in FieldKind.__members__.values()
            or item.align not in Alignment.__members__.values()
        ):
            raise ValidationError(f"{where}的类别或对齐方式不对。")
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", item.colour):
            raise ValidationError(f"{where}的颜色「{item.colour}」不对，应写成 #C00000 这样的形式。")
        if not 0 <= item.height_mm <= 1000:
            raise ValidationError(f"{where}的高度 {item.height_mm:g} 毫米不对。")
        if not 4 <= item.size <= 200:
            raise ValidationError(f"{where}的字号 {item.size:g} 不对，应在 4 到 200 之间。")
        if item.width_mm <= 0 or not (-1 <= item.x_mm <= slot_width and -1 <= item.y_mm <= slot_height):
            raise ValidationError(f"{where}的位置（{item.x_mm:g}, {item.y_mm:g} 毫米）在证书外面。")
    return dataclasses.replace(info, name=name)


def list_templates(db: Database, festival_id: int) -> list[TemplateInfo]:
    """The festival's templates in their order."""
    with db.session() as session:
        return templates_of(session, festival_id)


def templates_of(session: Session, festival_id: int) -> list[TemplateInfo]:
    """list_templates within a session."""
    rows = session.scalars(
        select(CertificateTemplate)
        .where(CertificateTemplate.festival_id == festival_id)
        .order_by(CertificateTemplate.position, CertificateTemplate.id)
    ).all()
    return [_template_info(row) for row in rows]


def add_default_templates(session: Session, festival_id: int) -> None:
    """Store the four templates a festival starts with (when it is created)."""
    for position, info in enumerate(default_templates()):
        row = CertificateTemplate(festival_id=festival_id, position=position)
        _apply_template(row, info)
        session.add(row)


def _template_row(session: Session, template_id: int) -> CertificateTemplate:
    return fetch(session, CertificateTemplate, template_id, "这个证书模板已被删除。")


def get_template(db: Database, template_id: int) -> TemplateInfo:
    with db.session() as session:
        return _template_info(_template_row(session, template_id))


def save_template(db: Database, festival_id: int, info: TemplateInfo) -> Done[TemplateInfo]:
    """Store a template (new when id is 0) after check_template."""
    info = check_template(info)
    with db.session() as session:
        if info.id:
            row = _template_row(session, info.id)
        else:
            position = session.scalar(
                select(func.max(CertificateTemplate.position)).where(
                    CertificateTemplate.festival_id == festival_id
                )
            )
            row = CertificateTemplate(festival_id=festival_id, position=(position or 0) + 1)
            session.add(row)
        _apply_template(row, info)
        session.flush()
        return Done(_template_info(row), Changed.CERTIFICATES)


def delete_template(db: Database, template_id: int) -> Done[None]:
    """Delete a template; the last one of its kind stays, so every award can still be printed."""
    with db.session() as session:
        row = _template_row(session, template_id)
        same_kind = session.scalar(
            select(func.count())
            .select_from(CertificateTemplate)
            .where(CertificateTemplate.festival_id == row.festival_id, CertificateTemplate.kind == row.kind)
        )
        if same_kind == 1:
            raise ValidationError(f"这是唯一的「{row.kind.label}」模板，不能删除。")
        session.delete(row)
    return Done(None, Changed.CERTIFICATES)


def template_for(templates: Sequence[TemplateInfo], kind: TemplateKind) -> TemplateInfo:
    return next((t for t in templates if t.kind == kind), templates[0])


def copy_templates(session: Session, source_festival_id: int, target_festival_id: int) -> None:
    """Copy a festival's certificate templates (with their backgrounds and seals) to a new one."""
    columns = [c.key for c in CertificateTemplate.__table__.columns if c.key not in ("id", "festival_id")]
    for template in session.scalars(
        select(CertificateTemplate).where(CertificateTemplate.festival_id == source_festival_id)
    ):
        session.add(
            CertificateTemplate(festival_id=target_festival_id, **{c: getattr(template, c) for c in columns})
        )

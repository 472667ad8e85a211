"""The 推荐作品上报表 sent up to the district (区/县) festival: the works 推荐参加上级比赛, in the columns
the district's form asks for, and the counts by section and by individual or team. Every district's
form differs, so the column set and order are saved as named templates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fest_desktop.awards.higher import UNNAMED_LEVEL, first_level_name
from fest_desktop.changes import Changed, Done
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.files.pdf import build_document, document_styles, ruled_table
from fest_desktop.files.workbooks import put_row, save_workbook
from fest_desktop.school.festivals import FestivalInfo, festival_of
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import DistrictTemplate, Entry, EntryAuthor, Student
from fest_desktop.summary.figures import RecommendedWork, recommended_counts, recommended_of
from fest_desktop.summary.tables import FigureTable, section_counts_table
from fest_desktop.values import clean_text


@dataclass(frozen=True)
class DistrictRow:
    """A recommended work with what district forms ask of its authors."""

    number: int
    work: RecommendedWork
    genders: str
    ages: str
    birth_dates: str


# The columns a district's form may ask for, each read from a row; the order here is the offer's.
DISTRICT_COLUMNS: dict[str, Callable[[DistrictRow], str]] = {
    "序号": lambda r: str(r.number),
    "作品编号": lambda r: r.work.code,
    "比赛项目": lambda r: r.work.competition,
    "作品类型": lambda r: r.work.subtype or r.work.competition,
    "作品题目": lambda r: r.work.title,
    "学部": lambda r: r.work.section,
    "班级": lambda r: r.work.class_name,
    "作者": lambda r: r.work.authors or r.work.class_name,
    "个人/团体": lambda r: "团体" if r.work.team else "个人",
    "性别": lambda r: r.genders,
    "年龄": lambda r: r.ages,
    "出生日期": lambda r: r.birth_dates,
    "指导老师": lambda r: r.work.advisor,
    "获奖等级": lambda r: r.work.level,
    "说明": lambda r: r.work.description,
    "上级比赛结果": lambda r: r.work.higher_result,
}
DEFAULT_TEMPLATE = "默认"
DEFAULT_COLUMNS = (
    "序号",
    "作品类型",
    "作品题目",
    "学部",
    "班级",
    "作者",
    "性别",
    "年龄",
    "指导老师",
    "获奖等级",
)
# Relative widths of the columns on paper; the 题目 and 说明 take the room a name does not need.
_PDF_WEIGHTS = {"作品题目": 3.0, "说明": 4.0, "作者": 2.0, "比赛项目": 2.2, "作品类型": 1.6, "班级": 1.6}


def district_templates(db: Database) -> dict[str, tuple[str, ...]]:
    """The saved templates by name, the built-in 默认 first."""
    with db.session() as session:
        return _templates_of(session)


def _templates_of(session: Session) -> dict[str, tuple[str, ...]]:
    stored = {
        row.name: tuple(line for line in row.columns.splitlines() if line)
        for row in session.scalars(select(DistrictTemplate).order_by(DistrictTemplate.name))
    }
    return {DEFAULT_TEMPLATE: DEFAULT_COLUMNS, **stored}


def template_columns(db: Database, name: str | None) -> tuple[str, ...]:
    """The columns of the named template (None: 默认); NotFoundError names the saved ones."""
    with db.session() as session:
        templates = _templates_of(session)
    wanted = clean_text(name or DEFAULT_TEMPLATE)
    if wanted not in templates:
        raise NotFoundError(f"没有名为「{name}」的上报表模板。可选：{'、'.join(templates)}")
    return templates[wanted]


def save_district_template(db: Database, name: str, columns: Sequence[str]) -> Done[tuple[str, ...]]:
    """Save (or replace) a template: a name other than 默认, and known columns, each once."""
    name = clean_text(name)
    if not name:
        raise ValidationError("请给上报表模板起个名字，例如所在区县的名称。")
    if len(name) > 50:
        raise ValidationError("模板名称最多 50 个字。")
    if name == DEFAULT_TEMPLATE:
        raise ValidationError(f"「{DEFAULT_TEMPLATE}」是内置模板，请另起一个名字。")
    check_columns(columns)
    with db.session() as session:
        row = session.scalar(select(DistrictTemplate).where(DistrictTemplate.name == name))
        if row is None:
            row = DistrictTemplate(name=name, columns="")
            session.add(row)
        row.columns = "\n".join(columns)
    return Done(tuple(columns), Changed.SUMMARY)


def delete_district_template(db: Database, name: str) -> Done[None]:
    with db.session() as session:
        row = session.scalar(select(DistrictTemplate).where(DistrictTemplate.name == clean_text(name)))
        if row is None:
            raise NotFoundError(f"没有名为「{name}」的上报表模板。")
        session.delete(row)
    return Done(None, Changed.SUMMARY)


def check_columns(columns: Sequence[str]) -> None:
    if not columns:
        raise ValidationError("上报表至少要有一列。")
    unknown = [c for c in columns if c not in DISTRICT_COLUMNS]
    if unknown:
        raise ValidationError(f"没有「{'、'.join(unknown)}」这一列。可选：{'、'.join(DISTRICT_COLUMNS)}")
    if len(set(columns)) != len(columns):
        raise ValidationError("上报表的每一列只能出现一次。")


def _district_rows_of(
    session: Session, festival_id: int
) -> tuple[FestivalInfo, str, list[DistrictRow], dict[str, dict[str, int]]]:
    """The festival, the contest the works are recommended to (the first level above the school), its
    recommended works as the district list's rows, and their counts by section and by individual or
    team."""
    festival = festival_of(session, festival_id)
    level = first_level_name(session, festival_id)
    works = recommended_of(session, festival_id)
    people: dict[str, list[tuple[str, int | None, str]]] = {}
    for code, gender, age, birth in session.execute(
        select(Entry.code, Student.gender, Student.age, Student.birth_date)
        .join(EntryAuthor, EntryAuthor.entry_id == Entry.id)
        .join(Student, EntryAuthor.student_id == Student.id)
        .where(Entry.festival_id == festival_id, Entry.code.in_([w.code for w in works]))
        .order_by(Entry.code, EntryAuthor.position)
    ):
        people.setdefault(code, []).append((gender, age, birth.isoformat() if birth else ""))
    rows = []
    for number, work in enumerate(works, start=1):
        authors = people.get(work.code, [])
        rows.append(
            DistrictRow(
                number,
                work,
                "、".join(g for g, _a, _b in authors if g),
                "、".join(str(a) for _g, a, _b in authors if a is not None),
                "、".join(b for _g, _a, b in authors if b),
            )
        )
    return festival, level, rows, recommended_counts(works)


def write_district_list(db: Database, festival_id: int, path: Path, columns: Sequence[str]) -> int:
    """The 推荐作品上报表 as .xlsx, or as .pdf for signing and stamping; returns the number of works.
    Nothing is written when no work is recommended."""
    check_columns(columns)
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"上报表只能保存为 .xlsx 或 .pdf，不能是「{path.suffix or path.name}」。")
    with db.session() as session:
        festival, level, rows, counts = _district_rows_of(session, festival_id)
    if not rows:
        raise FestError("还没有推荐参加上级比赛的作品：请先在「奖项与证书 → 获奖名单」中推荐作品。")
    table = [list(columns), *([DISTRICT_COLUMNS[c](row) for c in columns] for row in rows)]
    # Named after the contest it goes to when the school named one: 推荐参加城口县第二届科技创新大赛作品上报表.
    title = f"{festival.title}推荐{'参加' + level if level != UNNAMED_LEVEL else ''}作品上报表"
    if suffix == ".pdf":
        _write_pdf(path, festival, title, table, section_counts_table(counts))
    else:
        _write_xlsx(path, title, table, section_counts_table(counts))
    return len(rows)


def _write_xlsx(path: Path, title: str, table: list[list[str]], counts_table: FigureTable) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "推荐作品"
    put_row(sheet, [title])
    sheet["A1"].font = Font(size=14, bold=True)
    for values in table:
        put_row(sheet, values)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for column_cells in sheet.iter_cols(min_row=2):
        longest = max(len(str(c.value or "")) for c in column_cells)
        sheet.column_dimensions[column_cells[0].column_letter].width = min(max(6, longest * 2 + 2), 50)
        for cell in column_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    counts = workbook.create_sheet(counts_table.title)
    for line in (counts_table.header, *counts_table.rows):
        put_row(counts, list(line))
    for cell in counts[1]:
        cell.font = Font(bold=True)
    save_workbook(workbook, path)


def _write_pdf(
    path: Path, festival: FestivalInfo, title: str, table: list[list[str]], counts_table: FigureTable
) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    styles = document_styles()
    page_width = landscape(A4)[0] - 24 * mm
    weights = [_PDF_WEIGHTS.get(name, 1.0) for name in table[0]]
    widths = [page_width * w / sum(weights) for w in weights]
    totals = "；".join(
        f"{section} {total} 件（个人 {alone}、团体 {teams}）"
        for section, alone, teams, total in counts_table.rows
    )
    story = [
        Paragraph(title, styles["title"]),
        Paragraph(f"共推荐 {len(table) - 1} 件：{totals}", styles["subtitle"]),
        Spacer(1, 4 * mm),
        ruled_table(table, widths),
        Spacer(1, 10 * mm),
        Paragraph(
            f"学校（盖章）：{festival.school_name}　　　　负责人（签字）：＿＿＿＿＿＿　　　　"
            "填表日期：＿＿年＿＿月＿＿日",
            styles["note"],
        ),
    ]
    build_document(path, story, landscape(A4), title, festival.school_name)

"""What is posted and signed before certificates are printed: the 获奖名单 for public notice (PDF to
post, .xlsx), carrying the fingerprint of the finalised list; the 班级考核 table; and the name-check
list (获奖名单核对表) each 班主任 signs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from sqlalchemy.orm import Session

from fest_desktop.awards.assignment import out_of_date_of
from fest_desktop.awards.finalising import FESTIVAL_WIDE_LISTS, unfinalised_sources
from fest_desktop.awards.kinds import AwardKind, ListKey, PointSource
from fest_desktop.awards.lists import AwardInfo, NoticeInfo, award_lists_of, awards_of, notices_of
from fest_desktop.awards.points import PRACTICE_POINTS, points_table
from fest_desktop.errors import ValidationError
from fest_desktop.files.pdf import (
    build_document,
    closing_block,
    document_styles,
    fitted_widths,
    heavy,
    ruled_table,
)
from fest_desktop.files.workbooks import put_row, sheet_title
from fest_desktop.registration.competitions import competitions_of
from fest_desktop.registration.kinds import Judging
from fest_desktop.school.festivals import FestivalInfo, festival_of
from fest_desktop.storage.database import Database
from fest_desktop.values import final_text, month_day

NOTICE_COLUMNS = ("组别", "奖项", "编号", "班级", "获奖者", "作品", "指导老师", "成绩", "推荐")


CHECK_COLUMNS = ("证书对象", "比赛项目", "奖项", "作品", "核对")


def notice_rows(awards: Sequence[AwardInfo], units: Mapping[int, str] | None = None) -> list[list[str]]:
    """The rows of a 公示 list; units gives the unit of each measured competition's results."""
    units = units or {}
    return [
        [
            award.group,
            award.award_name,
            award.code,
            award.class_name,
            award.recipient_text,
            # A 科技辅导员奖 is for what the teacher's students won: name the competitions and prizes.
            award.advised_text if award.kind == AwardKind.ADVISOR else award.title,
            award.advisor,
            final_text(award.score, units.get(award.competition_id or 0, "")),
            "推荐" if award.recommended else "",
        ]
        for award in awards
        if award.level
    ]


def _status_line(notice: NoticeInfo | None) -> str:
    if notice is None:
        return "草稿：尚未定稿，名单可能还会变动。"
    return f"定稿于 {notice.finalised_at:%Y-%m-%d %H:%M}　校验码 {notice.fingerprint}"


def _provisional_note(list_key: ListKey, waiting: dict[ListKey, list[str]]) -> str:
    """What a festival-wide list says while the competitions it counts (waiting) are not finalised."""
    if not waiting.get(list_key):
        return ""
    return f"　暂定：依据的{'、'.join(waiting[list_key])}尚未定稿，名单还会变动。"


# How long a list is posted (公示) from the day it is finalised.
POSTING_DAYS = 5


def posting_period(first: dt.date) -> str:
    """公示时间：5月8日至5月12日 — from the day of 定稿 (today for a draft) for POSTING_DAYS days."""
    last = first + dt.timedelta(days=POSTING_DAYS - 1)
    return f"公示时间：{month_day(first)}至{month_day(last)}"


@dataclass(frozen=True)
class _Notice:
    """A list to post: its title, its 定稿 line, its awards and the first day it is posted."""

    title: str
    status: str
    awards: list[AwardInfo]
    posted: dt.date
    units: dict[int, str]


def _lists(session: Session, festival_id: int, keys: Sequence[ListKey] | None) -> list[_Notice]:
    """The chosen lists that have awards, the awards read once for all of them."""
    final = notices_of(session, festival_id)
    out_of_date = out_of_date_of(session, festival_id)
    waiting = {key: unfinalised_sources(session, festival_id, key) for key in FESTIVAL_WIDE_LISTS}
    units = {
        c.id: c.measure_unit for c in competitions_of(session, festival_id) if c.judging == Judging.MEASURED
    }
    by_list: dict[ListKey, list[AwardInfo]] = defaultdict(list)
    for award in awards_of(session, festival_id, include_withdrawn=False):
        by_list[award.list_key].append(award)
    chosen = [
        _Notice(
            a.title,
            _status_line(final.get(a.key))
            + (f"　⚠ {out_of_date[a.key]}" if a.key in out_of_date else "")
            + _provisional_note(a.key, waiting),
            by_list[a.key],
            final[a.key].finalised_at.date() if a.key in final else dt.date.today(),
            units,
        )
        for a in award_lists_of(session, festival_id)
        if (keys is None or a.key in keys) and by_list[a.key]
    ]
    if not chosen:
        raise ValidationError("所选名单里还没有获奖者。请先按规则评奖。")
    return chosen


NOTICE_WIDTHS_XLSX = (10, 20, 10, 13, 22, 26, 12, 8, 6)


def notice_table(award_list: _Notice) -> tuple[list[str], list[list[str]], list[int]]:
    """The heading, rows and kept column positions of a list's table: the columns no row fills left
    out (a collective list has no 编号, 作品 or 指导老师), and a class's total called 积分."""
    rows = notice_rows(award_list.awards, award_list.units)
    collective = all(a.kind in (AwardKind.CLASS, AwardKind.ORGANISATION) for a in award_list.awards)
    heading = [("积分" if collective and name == "成绩" else name) for name in NOTICE_COLUMNS]
    kept = [i for i in range(len(NOTICE_COLUMNS)) if any(row[i] for row in rows)]
    return (
        [heading[i] for i in kept],
        [[row[i] for i in kept] for row in rows],
        kept,
    )


def write_notice_pdf(
    db: Database, festival_id: int, path: Path, keys: Sequence[ListKey] | None = None
) -> int:
    """The 获奖名单（公示） of each chosen list with awards, one after the other, each with its 定稿
    line and fingerprint; returns the number of lists."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    with db.session() as session:
        festival = festival_of(session, festival_id)
        chosen = _lists(session, festival_id, keys)
    styles = document_styles()
    story: list[Any] = []
    for index, award_list in enumerate(chosen):
        if index:
            story.append(PageBreak())
        heading, rows, _kept = notice_table(award_list)
        table = [heading, *rows]
        story += [
            Paragraph(heavy(f"{festival.title} {award_list.title} 获奖名单（公示）"), styles["title"]),
            Paragraph(escape(award_list.status), styles["subtitle"]),
            Spacer(1, 4 * mm),
            ruled_table(table, fitted_widths(table, A4[0] - 24 * mm)),
            Spacer(1, 5 * mm),
            Paragraph(
                f"{posting_period(award_list.posted)}　公示期间如对名单有异议，请向科技节组委会反映。"
                "定稿后名单变动，校验码随之改变。",
                styles["note"],
            ),
            closing_block(festival.school_name, award_list.posted),
        ]
    build_document(path, story, A4, f"{festival.name}获奖名单", festival.school_name)
    return len(chosen)


def write_notice_xlsx(
    db: Database, festival_id: int, path: Path, keys: Sequence[ListKey] | None = None
) -> int:
    """The same lists as a workbook, one sheet per list, the 定稿 line under the title."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from fest_desktop.files.workbooks import save_workbook

    with db.session() as session:
        festival = festival_of(session, festival_id)
        chosen = _lists(session, festival_id, keys)
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for award_list in chosen:
        sheet = workbook.create_sheet(sheet_title(award_list.title, taken))
        put_row(sheet, [f"{festival.title} {award_list.title} 获奖名单"])
        sheet["A1"].font = Font(bold=True, size=14)
        put_row(sheet, [award_list.status])
        heading, rows, kept = notice_table(award_list)
        put_row(sheet, heading)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for row in rows:
            put_row(sheet, row)
        put_row(sheet, [posting_period(award_list.posted)])
        for column, position in zip("ABCDEFGHI", kept, strict=False):
            sheet.column_dimensions[column].width = NOTICE_WIDTHS_XLSX[position]
    save_workbook(workbook, path)
    return len(chosen)


def _class_points_rows(session: Session, festival_id: int) -> tuple[list[str], list[list[object]]]:
    """The 班级考核 table: header and one row per class."""
    table = points_table(session, festival_id)
    competitions = [a.title for a in award_lists_of(session, festival_id) if a.competition_id is not None]
    used = [name for name in [*competitions, PRACTICE_POINTS] if any(name in line.points for line in table)]
    sources = [source.label for source in PointSource if any(source.label in line.sources for line in table)]
    header = ["班级", "学部", *used, *sources, "合计", "集体奖", "优秀组织奖", "参与率"]
    rows: list[list[object]] = [
        [
            line.class_name,
            line.section,
            *(line.points.get(name, 0) for name in used),
            *(line.sources.get(name, 0) for name in sources),
            line.total,
            line.collective,
            line.organisation,
            f"{line.share:.0%}",
        ]
        for line in table
    ]
    return header, rows


def write_class_points(db: Database, festival_id: int, path: Path) -> None:
    """The 班级考核 table as .xlsx, or as PDF when the path ends in .pdf."""
    with db.session() as session:
        festival = festival_of(session, festival_id)
        header, rows = _class_points_rows(session, festival_id)
    title = f"{festival.title} 班级考核（获奖积分）"
    if path.suffix.lower() == ".pdf":
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.units import mm
        from reportlab.platypus import Paragraph, Spacer

        styles = document_styles()
        text_rows = [[f"{v:g}" if isinstance(v, float | int) else str(v) for v in row] for row in rows]
        table = [header, *text_rows]
        story = [
            Paragraph(heavy(title), styles["title"]),
            Spacer(1, 4 * mm),
            ruled_table(table, fitted_widths(table, 273 * mm)),
        ]
        build_document(path, story, landscape(A4), title, festival.school_name)
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from fest_desktop.files.workbooks import save_workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "班级考核"
    put_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    put_row(sheet, header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        put_row(sheet, row)
    save_workbook(workbook, path)


def write_name_check(
    db: Database, festival_id: int, path: Path, keys: Sequence[ListKey] | None = None
) -> int:
    """获奖名单核对表: a page per class listing every certificate it will receive, with a line for the
    班主任's signature; returns the number of classes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    with db.session() as session:
        festival: FestivalInfo = festival_of(session, festival_id)
        awards = awards_of(session, festival_id, include_withdrawn=False)
    styles = document_styles()
    by_class: dict[str, list[list[str]]] = defaultdict(list)
    for award in awards:
        if keys is not None and award.list_key not in keys:
            continue
        if award.kind == AwardKind.ADVISOR or not award.class_name:
            continue
        for recipient in award.recipients:
            by_class[award.class_name].append(
                [recipient.name, award.competition or award.award_name, award.award_name, award.title, "□"]
            )
    if not by_class:
        raise ValidationError("还没有要核对的获奖名单。请先按规则评奖。")
    story: list[Any] = []
    for index, (class_name, rows) in enumerate(by_class.items()):
        if index:
            story.append(PageBreak())
        table = [list(CHECK_COLUMNS), *rows]
        story += [
            Paragraph(heavy(f"{festival.title} 获奖名单核对表"), styles["title"]),
            Paragraph(escape(f"{class_name}　共 {len(rows)} 张证书"), styles["subtitle"]),
            Spacer(1, 4 * mm),
            ruled_table(table, fitted_widths(table, 186 * mm)),
            Spacer(1, 8 * mm),
            Paragraph("请逐一核对姓名用字和奖项。如有错字，请在旁边写出正确的字。", styles["note"]),
            Spacer(1, 10 * mm),
            Paragraph("核对无误。班主任签字：________________　　日期：____________", styles["note"]),
        ]
    build_document(path, story, A4, f"{festival.name}获奖名单核对表", festival.school_name)
    return len(by_class)

"""Entry labels (作品标签) to stick on the works: eight to an A4 sheet, with a QR code and cutting guides."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fest_desktop.errors import FestError
from fest_desktop.files.pdf import draw_qr_code, wrap_text, write_cut_sheets
from fest_desktop.registration.competitions import competitions_of
from fest_desktop.registration.entries import EntryInfo, entry_infos
from fest_desktop.registration.kinds import EntryStatus
from fest_desktop.storage.database import Database

COLUMNS, ROWS = 2, 4


LABELS_PER_PAGE = COLUMNS * ROWS


MARGIN_MM = 8.0


def write_labels(
    db: Database,
    festival_id: int,
    path: Path,
    *,
    competition_id: int | None = None,
    class_id: int | None = None,
    recommended_only: bool = False,
) -> int:
    """Labels for the festival's entries (disqualified ones left out, and, unless their competition is
    chosen, class boards and quiz teams), optionally of one competition or class, or only the works
    推荐参加上级比赛 (with their 说明); returns the number of labels."""
    from fest_desktop.school.festivals import festival_of

    with db.session() as session:
        festival = festival_of(session, festival_id)
        stored = entry_infos(session, festival_id)
        # A class's board and a quiz team have nothing to stick a label on: left out unless their
        # competition is asked for by name.
        nothing_to_label = {
            c.id for c in competitions_of(session, festival_id) if c.is_class_competition or c.is_quiz_team
        }
    entries = [
        e
        for e in stored
        if e.status != EntryStatus.DISQUALIFIED
        and (
            e.competition_id == competition_id
            if competition_id is not None
            else e.competition_id not in nothing_to_label
        )
        and (class_id is None or e.class_id == class_id)
        and (e.recommended or not recommended_only)
    ]
    if not entries:
        if recommended_only:
            raise FestError("还没有推荐参加上级比赛的作品：请先在获奖名单中选中作品并推荐。")
        raise FestError("没有可打印标签的作品：请先登记作品，或换一个比赛项目、班级。")
    entries.sort(key=lambda e: (e.competition_id, e.level, e.class_number, e.code))
    draw_labels(path, f"{festival.school_name}{festival.name}", entries)
    return len(entries)


def draw_labels(path: Path, heading: str, entries: Sequence[EntryInfo]) -> None:
    write_cut_sheets(
        path,
        f"{heading} 作品标签",
        heading,
        entries,
        COLUMNS,
        ROWS,
        MARGIN_MM,
        lambda canvas, font, entry, x, y, w, h: _label(canvas, font, heading, entry, x, y, w, h),
    )


def _label(
    canvas: Any, font: str, heading: str, entry: EntryInfo, x: float, y: float, w: float, h: float
) -> None:
    from reportlab.lib.units import mm

    pad = 5 * mm
    top = y + h - pad
    canvas.setFillGray(0.35)
    canvas.setFont(font, 8)
    canvas.drawString(x + pad, top - 8, f"{heading} · 作品标签")

    canvas.setFillGray(0)
    canvas.setFont(font, 9)
    canvas.drawString(x + pad, top - 24, "作品编号")
    canvas.setFont(font, 20)
    canvas.drawString(x + pad + 40, top - 27, entry.code)

    qr_size = 24 * mm
    draw_qr_code(canvas, entry.code, x + w - pad - qr_size + 2 * mm, top - qr_size + 2 * mm, qr_size)

    value_x = x + pad + 48
    value_width = w - 2 * pad - 48 - qr_size + 4 * mm
    line = top - 48
    names = entry.author_names or "（班级集体）"
    fields = (
        ("作品类型", entry.subtype or entry.competition_name),
        ("作品题目", entry.title or "—"),
        ("班　　级", entry.class_name),
        ("姓　　名", names),
        ("年　　龄", entry.ages or "—"),
        ("指导老师", entry.advisor or "—"),
        *((("说　　明", entry.description),) if entry.recommended and entry.description else ()),
    )
    for caption, value in fields:
        canvas.setFont(font, 9)
        canvas.setFillGray(0.35)
        canvas.drawString(x + pad, line, caption)
        canvas.setFillGray(0)
        canvas.setFont(font, 11)
        beside_qr = line > top - qr_size - 4
        wrapped = wrap_text(value, font, 11, value_width if beside_qr else w - 2 * pad - 48)
        for part in wrapped[:2]:
            canvas.drawString(value_x, line, part)
            line -= 13
        line -= 3

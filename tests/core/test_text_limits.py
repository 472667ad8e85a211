"""Every text has its limit where it comes in, the calendar and the festival included, and a message about
a bad value quotes at most its first few dozen characters, however long the value is."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from pathlib import Path

import pytest

from fest_desktop.calendar.events import EventInfo, add_event, list_events
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.errors import ValidationError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo, add_phase, list_festivals, update_festival
from fest_desktop.school.people import add_teacher
from fest_desktop.storage.database import Database
from tests.conftest import write_workbook
from tests.core.importing import entries_imported, roster_imported, scores_imported
from tests.core.school_fixture import make_small_school
from tests.core.scoring_fixture import make_board

ESSAY = "很长的文字" * 6000  # 30,000 characters, as a cell pasted from a document
LONGEST_LINE = 200


def with_number(path: Path, placeholder: int, number: int) -> Path:
    """The workbook with a number no spreadsheet program writes (10^400) where placeholder was, as a
    file made by hand or by another program may hold."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(f"<v>{placeholder}</v>".encode(), f"<v>{number}</v>".encode())
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def short(messages: list[str]) -> bool:
    return bool(messages) and all(len(line) <= LONGEST_LINE for m in messages for line in m.splitlines())


@pytest.mark.parametrize("field", ["title", "place", "responsible", "notes"])
def test_an_event_s_texts_have_their_limits(db: Database, festival: FestivalInfo, field: str) -> None:
    event = EventInfo(0, "科普讲座", EventKind.LECTURE, dt.date(2026, 4, 20), dt.date(2026, 4, 20))
    with pytest.raises(ValidationError) as refused:
        add_event(db, festival.id, dataclasses.replace(event, **{field: "讲" * 1200}))
    assert "太长" in refused.value.message and short([refused.value.message])
    assert [e for e in list_events(db, festival.id, derived=False)] == []


@pytest.mark.parametrize("field", ["name", "school_name", "theme"])
def test_a_festival_s_texts_have_their_limits(db: Database, festival: FestivalInfo, field: str) -> None:
    values = {"name": "第十一届校园科技节", "school_name": "启明实验学校", "theme": "", field: "节" * 1200}
    with pytest.raises(ValidationError) as refused:
        create_festival(
            db,
            values["name"],
            values["school_name"],
            dt.date(2027, 4, 1),
            dt.date(2027, 4, 30),
            theme=values["theme"],
        )
    assert "太长" in refused.value.message and short([refused.value.message])
    with pytest.raises(ValidationError):
        update_festival(db, dataclasses.replace(festival, **{field: "节" * 1200}))
    assert [f.name for f in list_festivals(db)] == [festival.name]


def test_a_phase_a_teacher_s_subject_and_a_competition_have_their_limits(
    db: Database, festival: FestivalInfo
) -> None:
    with pytest.raises(ValidationError, match="阶段名称"):
        add_phase(db, festival.id, "段" * 100, dt.date(2026, 4, 11), dt.date(2026, 4, 20))
    with pytest.raises(ValidationError, match="任教学科"):
        add_teacher(db, festival.id, "王老师", "科" * 100)
    competition = add_preset(db, festival.id, "科技创新绘画比赛").value
    from fest_desktop.registration.competitions import update_competition

    with pytest.raises(ValidationError, match="比赛项目名称"):
        update_competition(db, dataclasses.replace(competition, name="画" * 100))
    assert [c.name for c in list_competitions(db, festival.id)] == ["科技创新绘画比赛"]


def test_an_entries_file_of_huge_cells_is_refused_in_short_lines(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    make_small_school(db, festival)
    add_preset(db, festival.id, "科技创新绘画比赛")
    header = (
        "作品编号",
        "比赛项目",
        "作品类型",
        "作品题目",
        "作者",
        "班级",
        "指导老师",
        "家长",
        "备注",
        "状态",
    )
    rows = [(ESSAY,) * len(header)]
    for column in range(len(header)):
        good = ["", "科技创新绘画比赛", "水彩画", "未来城市", "张子涵", "三年级(1)班", "", "", "", ""]
        good[column] = ESSAY
        rows.append(tuple(good))
    path = write_workbook(tmp_path / "essay.xlsx", {"作品": [header, *rows]})
    plan = entries_imported(db, festival.id, [path], dry_run=True)
    assert len(plan.problems) >= len(rows)
    assert short([str(line) for line in plan.lines()])


def test_a_roster_of_huge_cells_is_refused_in_short_lines(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    header = ("学部", "年级", "班级", "姓名", "性别", "学号", "出生日期", "年龄")
    rows = []
    for column in range(len(header)):
        good = ["小学", "三年级", "1", "张子涵", "男", "", "", ""]
        good[column] = ESSAY
        rows.append(tuple(good))
    path = write_workbook(tmp_path / "essay.xlsx", {"花名册": [header, *rows]})
    plan = roster_imported(db, festival.id, path)
    assert len(plan.problems) == len(rows)
    assert short([str(line) for line in plan.lines()])


def test_a_score_sheet_of_huge_cells_and_numbers_is_refused_in_short_lines(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    board = make_board(db, festival)
    names = [c.name for c in board.competition.score_criteria]
    header = ("比赛项目", "作品编号", "班级", "评委", *names)
    rows = [
        (ESSAY, "", "三年级(2)班", "李老师", 18, 27, 17, 13, 12),
        ("科普板报比赛", ESSAY, "", "李老师", 18, 27, 17, 13, 12),
        ("科普板报比赛", "", ESSAY, "李老师", 18, 27, 17, 13, 12),
        ("科普板报比赛", "", "三年级(2)班", ESSAY, 18, 27, 17, 13, 12),
        ("科普板报比赛", "", "三年级(2)班", "陈老师", ESSAY, 27, 17, 13, 12),
        ("科普板报比赛", "", "三年级(2)班", "刘老师", "1" * 30000, 27, 17, 13, 12),
        ("科普板报比赛", "", "三年级(2)班", "赵老师", 123456789, 27, 17, 13, 12),
        ("科普板报比赛", "", "一年级(1)班", "赵老师", "1e400", 27, 17, 13, 12),
    ]
    path = with_number(write_workbook(tmp_path / "essay.xlsx", {"评分": [header, *rows]}), 123456789, 10**400)
    plan = scores_imported(db, festival.id, path, add_judges=True)
    assert len(plan.problems) == len(rows)
    assert short([str(line) for line in plan.lines()])
    assert not plan.new_judges

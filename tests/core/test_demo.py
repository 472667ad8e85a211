"""The demo festival: realistic, within the rules, with every warning of the registration tab showing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.demo.sample_form import SAMPLE_NAME, write_import_sample
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.entries import list_entries
from fest_desktop.registration.presets import MAIN_PRESETS
from fest_desktop.registration.quotas import quota_overview, quota_warnings
from fest_desktop.resources import resource_path
from fest_desktop.storage.database import Database
from tests.core.importing import entries_imported

TODAY = dt.date(2026, 11, 21)


def test_the_demo_has_every_preset_and_entries_within_the_rules(db: Database) -> None:
    festival = create_demo_festival(db, today=TODAY)
    competitions = list_competitions(db, festival.id)
    assert [c.name for c in competitions] == [*(p.name for p in MAIN_PRESETS), "经验论文评比"]
    entries = list_entries(db, festival.id)
    assert len(entries) > 250
    states = Counter(cell.state for cell in quota_overview(db, festival.id))
    assert states["over"] == 0
    authors = Counter((e.competition_id, a.student_id) for e in entries for a in e.authors)
    assert max(authors.values()) == 1
    assert all(e.title for e in entries if e.competition_name == "科普板报比赛")
    assert quota_warnings(db, festival.id) == [
        "四年级(1)班「科技创新小制作与小发明」只报了 0 件，名额为每班 3–5 件。",
        "四年级(1)班「科技创新绘画比赛」只报了 0 件，名额为每班 2–3 件。",
        "五年级(3)班「科技创新绘画比赛」只报了 1 件，名额为每班 2–3 件。",
        "初二(2)班「科技小论文与观察日记」只报了 0 件，名额为每班 1–3 件。",
    ]


def test_the_shipped_import_sample_has_one_painting_over_the_quota(db: Database, tmp_path: Path) -> None:
    festival = create_demo_festival(db, today=TODAY)
    shipped = resource_path("samples", SAMPLE_NAME)
    plan = entries_imported(db, festival.id, [shipped], dry_run=True, today=TODAY)
    assert [p.reason for p in plan.problems] == [
        "四年级(1)班「科技创新绘画比赛」已报 3 件，名额为每班 2–3 件，不能再报。"
    ]
    assert (len(plan.new), len(plan.changed)) == (6, 1)
    # The sample is what write_import_sample makes from the demo (regenerate it if the demo changes).
    fresh = write_import_sample(db, festival.id, tmp_path / SAMPLE_NAME)

    def entry_rows(path: Path) -> list[tuple[object, ...]]:
        rows = list(load_workbook(path)["报名表"].iter_rows(values_only=True))
        header = next(i for i, row in enumerate(rows) if row[0] == "作品编号")
        return rows[header:]

    assert entry_rows(shipped) == entry_rows(fresh)


def test_the_demo_is_half_way_through_its_board_inspection(db: Database) -> None:
    from fest_desktop.scoring.log import entry_log
    from fest_desktop.scoring.sheet import load_sheet

    festival = create_demo_festival(db, today=TODAY)
    board = next(c for c in list_competitions(db, festival.id) if c.name == "科普板报比赛")
    sheet = load_sheet(db, board.id)
    assert len(sheet.judges) == 5
    results = sheet.results()
    complete = [r for r in results if r.complete]
    partial = [r for r in results if not r.complete and any(j.total is not None for j in r.judges)]
    untouched = [r for r in results if all(j.total is None for j in r.judges)]
    assert len(complete) == 14 and partial and untouched
    assert [r.rank for r in complete if r.entry.group == "小学"][:3] == [1, 2, 3]
    # one judge is a 班主任 and stands aside for her own class, whose board still counts as complete
    stands_aside = [r for r in results if any(j.blocked for j in r.judges)]
    assert len(stands_aside) == 1 and stands_aside[0].complete
    # the scores went through the audit log like any other
    assert entry_log(db, complete[0].entry.id)
    planes = next(c for c in list_competitions(db, festival.id) if c.name == "手抛飞机")
    thrown = load_sheet(db, planes.id).results()
    assert any(r.complete for r in thrown) and any(not r.complete for r in thrown)


def test_the_demo_calendar_runs_over_the_phases_with_one_clash_to_resolve(db: Database) -> None:
    from fest_desktop.calendar.clashes import find_clashes, happening
    from fest_desktop.calendar.events import list_events

    festival = create_demo_festival(db, today=TODAY)
    events = list_events(db, festival.id, derived=False)
    assert 18 <= len(events) <= 22
    assert "国旗下讲话：科技节开幕" in {e.title for e in events if e.start_date == festival.start_date}
    assert events[-1].title == "优秀作品推荐参加县（区）青少年科技创新大赛"
    from fest_desktop.school.festivals import list_phases

    clashes = find_clashes(list_events(db, festival.id), festival, list_phases(db, festival.id))
    assert [c.accepted for c in clashes] == [True, False]
    assert "报告厅" in clashes[1].message
    assert happening(list_events(db, festival.id), TODAY)  # something on today


def test_a_demo_works_title_fits_its_type(db: Database) -> None:
    from fest_desktop.demo.festival import TITLES
    from fest_desktop.registration.entries import list_entries

    festival = create_demo_festival(db, today=TODAY)
    checked = 0
    for entry in list_entries(db, festival.id):
        by_type = TITLES.get(entry.code.split("-")[0], {})
        if entry.subtype in by_type:
            assert entry.title in by_type[entry.subtype], (entry.code, entry.subtype, entry.title)
            checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "today",
    [TODAY, dt.date(2026, 12, 7), dt.date(2026, 5, 6), dt.date(2026, 10, 8), dt.date(2026, 2, 25)],
    ids=["saturday", "monday", "after-五一", "after-国庆", "after-春节"],
)
def test_the_demo_keeps_its_dates_on_school_days_and_its_scores_in_their_judging(
    db: Database, today: dt.date
) -> None:
    from sqlalchemy import select

    from fest_desktop.calendar.clashes import find_clashes
    from fest_desktop.calendar.events import list_events
    from fest_desktop.school.festivals import list_phases
    from fest_desktop.school.school_days import is_school_day
    from fest_desktop.scoring.opening import opening_of
    from fest_desktop.storage.model import Competition, ScoreChange

    festival = create_demo_festival(db, today=today)
    events = list_events(db, festival.id)
    clashes = find_clashes(events, festival, list_phases(db, festival.id))
    assert not [c.message for c in clashes if c.kind in ("day_off", "order", "phase")]
    for event in events:
        if event.source or event.end_date == event.start_date:
            assert is_school_day(event.start_date) and is_school_day(event.end_date), event.title
    with db.session() as session:
        for competition in session.scalars(select(Competition).where(Competition.festival_id == festival.id)):
            opening = opening_of(competition)
            assert opening.opened_at is None  # nothing opened early: every score waited for its day
            stamps = session.scalars(
                select(ScoreChange.changed_at).where(ScoreChange.competition_id == competition.id)
            ).all()
            assert all(opening.day is not None and opening.day <= s.date() <= today for s in stamps), (
                competition.name
            )
            if competition.code_prefix in ("BB", "SP", "ZS", "SQ"):
                assert stamps, competition.name

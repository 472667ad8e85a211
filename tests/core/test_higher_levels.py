"""The contests above the school, named per festival in order, a recommended work's result at each level
it reached, and those names in the 总结, the district list and the certificates; a file of the former
single free-text result migrated to a named level."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import set_recommended
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.higher import (
    HigherLevelInfo,
    higher_levels,
    record_higher_result,
    set_higher_levels,
    set_higher_results,
)
from fest_desktop.awards.kinds import competition_list_key
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.errors import ValidationError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.entries import list_entries
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database, make_engine, open_database, upgrade
from fest_desktop.summary.district import DEFAULT_COLUMNS, write_district_list
from fest_desktop.summary.figures import summary_figures
from fest_desktop.summary.text import draft_summary
from tests.core.award_fixture import Throws, make_throws

LEVELS = ("镇第十三届科技节", "城口县第二届科技创新大赛", "市青少年科技创新大赛")


@pytest.fixture
def recommended(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "王一诺": ""})
    made.throw(db, {"张子涵": 30.0, "李梓轩": 20.0, "王一诺": 10.0})
    assign_awards(db, festival.id)
    set_recommended(db, made.entry_ids["张子涵"], True)
    set_recommended(db, made.entry_ids["李梓轩"], True)
    set_higher_levels(db, festival.id, [HigherLevelInfo(0, name) for name in LEVELS])
    return made


def test_levels_are_named_in_order_renamed_and_kept_while_they_hold_results(
    db: Database, recommended: Throws
) -> None:
    fid = recommended.festival_id
    levels = higher_levels(db, fid)
    assert [level.name for level in levels] == list(LEVELS)
    record_higher_result(db, recommended.entry_ids["张子涵"], "镇", "一等奖")
    renamed = [HigherLevelInfo(levels[0].id, "城南镇第十三届科技节"), *levels[1:]]
    assert set_higher_levels(db, fid, renamed).value[0].name == "城南镇第十三届科技节"
    assert next(
        e for e in list_entries(db, fid) if e.id == recommended.entry_ids["张子涵"]
    ).higher_result == ("城南镇第十三届科技节一等奖")
    # Swapping two names in place works (no clash on the way), a level with results stays.
    swapped = [levels[0], HigherLevelInfo(levels[2].id, LEVELS[1]), HigherLevelInfo(levels[1].id, LEVELS[2])]
    set_higher_levels(db, fid, [HigherLevelInfo(levels[0].id, "城南镇第十三届科技节"), *swapped[1:]])
    with pytest.raises(ValidationError, match="「城南镇第十三届科技节」已记录了 1 件作品的结果，不能删除"):
        set_higher_levels(db, fid, levels[1:])
    with pytest.raises(ValidationError, match="上级比赛的名称不能重复"):
        set_higher_levels(db, fid, [HigherLevelInfo(0, "县赛"), HigherLevelInfo(0, " 县赛 ")])
    with pytest.raises(ValidationError, match=r"上级比赛名称「.*」太长：最多 60 个字"):
        set_higher_levels(db, fid, [*levels, HigherLevelInfo(0, "赛" * 61)])


def test_a_work_goes_up_one_level_at_a_time(db: Database, recommended: Throws) -> None:
    zhang = recommended.entry_ids["张子涵"]
    with pytest.raises(ValidationError, match="上级比赛有 3 级，请指明是哪一级"):
        record_higher_result(db, zhang, None, "一等奖")
    with pytest.raises(
        ValidationError, match="还没有「镇第十三届科技节」的结果：作品要先在下一级比赛中取得结果"
    ):
        record_higher_result(db, zhang, "城口县", "二等奖")
    record_higher_result(db, zhang, "镇第十三届", "一等奖")
    done = record_higher_result(db, zhang, "城口县", "二等奖")
    assert done.value == (("镇第十三届科技节", "一等奖"), ("城口县第二届科技创新大赛", "二等奖"))
    with pytest.raises(
        ValidationError, match="在「城口县第二届科技创新大赛」还有结果，请先清除更高一级的结果"
    ):
        record_higher_result(db, zhang, "镇第十三届", "")
    with pytest.raises(ValidationError, match=r"上级比赛结果「.*」太长：最多 20 个字"):
        record_higher_result(db, zhang, "市", "奖" * 21)
    # The dialog sets every level at once: clearing the top two together is allowed.
    levels = higher_levels(db, recommended.festival_id)
    after = set_higher_results(db, zhang, {levels[1].id: "", levels[2].id: ""}).value
    assert after == (("镇第十三届科技节", "一等奖"),)
    with pytest.raises(ValidationError, match="FJ-0003 没有推荐参加上级比赛"):
        set_higher_results(db, recommended.entry_ids["王一诺"], {levels[0].id: "入选"})


def test_the_names_go_into_the_summary_the_district_list_and_the_certificates(
    db: Database, recommended: Throws, tmp_path: Path
) -> None:
    fid = recommended.festival_id
    zhang = recommended.entry_ids["张子涵"]
    record_higher_result(db, zhang, "镇", "一等奖")
    record_higher_result(db, zhang, "县", "二等奖")
    figures = summary_figures(db, fid)
    assert figures.higher_levels == list(LEVELS)
    assert figures.higher_counts == {LEVELS[0]: 1, LEVELS[1]: 1, LEVELS[2]: 0}
    work = next(w for w in figures.recommended if w.code == "FJ-0001")
    assert work.higher_results == ((LEVELS[0], "一等奖"), (LEVELS[1], "二等奖"))
    draft = draft_summary(figures)
    assert (
        f"学校推荐 2 件优秀作品参加{LEVELS[0]}，各级比赛取得成绩的作品：{LEVELS[0]} 1 件，{LEVELS[1]} 1 件。"
        in draft
    )
    path = tmp_path / "上报表.xlsx"
    write_district_list(db, fid, path, [*DEFAULT_COLUMNS, "上级比赛结果"])
    sheet = load_workbook(path)["推荐作品"]
    assert sheet["A1"].value == f"启明实验学校第十届校园科技节推荐参加{LEVELS[0]}作品上报表"
    assert [c.value for c in sheet[3]][-1] == f"{LEVELS[0]}一等奖；{LEVELS[1]}二等奖"
    finalise(db, fid, competition_list_key(recommended.competition.id), confirmed=True)
    job = next(j for j in certificate_jobs(db, fid) if j.recipient == "张子涵")
    assert job.values["上级比赛"] == LEVELS[0]
    assert job.values["上级比赛结果"] == f"{LEVELS[0]}一等奖；{LEVELS[1]}二等奖"
    nextyear = create_festival(
        db,
        "第十一届校园科技节",
        "启明实验学校",
        dt.date(2027, 4, 10),
        dt.date(2027, 5, 10),
        copy_setup_from=fid,
    ).value
    assert [(lv.name, lv.results) for lv in higher_levels(db, nextyear.id)] == [(name, 0) for name in LEVELS]


def test_a_file_with_the_former_single_result_keeps_it_at_a_named_level(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, "0009")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO festival (id, name, edition, theme, school_name, start_date, end_date, "
                "certificate_prefix, certificate_digits, next_certificate, collective_basis, "
                "organisation_min_share, advisor_rule, advisor_min_level, share_keeps_one_place, summary_text) "
                "VALUES (1, '第九届科技节', 9, '', '一中', '2025-04-01', '2025-04-30', 'KJJ{年}-', 4, 1, "
                "'points', 60, 'competition', '', 1, '')"
            )
        )
        connection.execute(
            text("INSERT INTO section (id, festival_id, name, position) VALUES (1, 1, '小学', 0);")
        )
        connection.execute(
            text("INSERT INTO grade (id, festival_id, section_id, level, name) VALUES (1, 1, 1, 3, '三年级')")
        )
        connection.execute(
            text("INSERT INTO school_class (id, festival_id, grade_id, number) VALUES (1, 1, 1, 1)")
        )
        connection.execute(
            text(
                "INSERT INTO competition (id, festival_id, name, category, code_prefix, participation, team_size, "
                "works_per_student, parent_allowed, eligible_levels, subtypes, judging, combine, trim_min_judges, "
                "attempts, measure_unit, higher_is_better, ranking_group, responsible, next_number, position, "
                "double_entry, tie_break, outlier_percent, locked, outcome) VALUES (1, 1, '小制作', '', 'XZ', "
                "'individual', 1, 1, 0, '', '', 'rubric', 'mean', 5, 1, '', 1, 'grade', '', 3, 1, 0, '', 15, 0, "
                "'prizes')"
            )
        )
        for number, result in ((1, "县级一等奖"), (2, "")):
            connection.execute(
                text(
                    "INSERT INTO entry (festival_id, competition_id, class_id, code, subtype, title, advisor, "
                    "parent_name, notes, status, late, recommended, description, higher_result) VALUES "
                    f"(1, 1, 1, 'XZ-000{number}', '', '作品', '', '', '', 'registered', 0, 1, '', '{result}')"
                )
            )
        connection.execute(
            text(
                "INSERT INTO student (id, festival_id, class_id, name, gender, student_number) "
                "VALUES (1, 1, 1, '张子涵', '', '')"
            )
        )
        connection.execute(text("INSERT INTO entry_author (entry_id, student_id, position) VALUES (1, 1, 0)"))
    engine.dispose()
    db = open_database(path)
    assert [(lv.name, lv.results) for lv in higher_levels(db, 1)] == [("县（区）青少年科技创新大赛", 1)]
    entries = {e.code: e for e in list_entries(db, 1)}
    assert entries["XZ-0001"].higher_results == (("县（区）青少年科技创新大赛", "县级一等奖"),)
    assert entries["XZ-0002"].higher_results == ()
    # Rebuilding the entry table kept what refers to it (its authors were not deleted by cascade).
    assert entries["XZ-0001"].author_names == "张子涵"
    db.close()

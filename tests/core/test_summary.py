"""统计与总结 on a festival whose answer is known by hand: a student in two competitions counted once, a
disqualified entry counted apart, a class with no entries named, a class with no students, last
year's festival beside this one; the report, the workbook and the district list show the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.changes import award_entry, set_recommended
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import AwardKind, RuleMode, competition_list_key
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.rules import RuleKey, set_rules
from fest_desktop.errors import FestError, NotFoundError, ValidationError
from fest_desktop.new_festival.creating import create_festival
from fest_desktop.registration.competitions import CompetitionInfo, add_competition
from fest_desktop.registration.entries import EntryDraft, create_entry, set_description, update_entry
from fest_desktop.registration.kinds import EntryStatus, Judging, Participation
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import StudentInfo, save_student
from fest_desktop.school.structure import add_class
from fest_desktop.scoring.entering import enter_attempt
from fest_desktop.storage.database import Database
from fest_desktop.summary.district import (
    DEFAULT_COLUMNS,
    district_templates,
    save_district_template,
    template_columns,
    write_district_list,
)
from fest_desktop.summary.figures import summary_figures
from fest_desktop.summary.report import write_summary_report
from fest_desktop.summary.text import draft_summary, figures_json, save_summary_text, summary_text
from tests.pdf_checks import fonts, page_count, page_text

TODAY = dt.date(2026, 4, 20)


@dataclasses.dataclass
class Known:
    festival_id: int
    entries: dict[str, int]


@pytest.fixture
def known(db: Database, festival: FestivalInfo) -> Known:
    last_year = create_festival(
        db, "第九届校园科技节", "启明实验学校", dt.date(2025, 4, 12), dt.date(2025, 5, 12), make_current=False
    ).value
    old_class = add_class(db, last_year.id, 3, 1).value
    old_student = save_student(db, last_year.id, StudentInfo(0, old_class.id, "旧生")).value
    old_comp = add_competition(db, last_year.id, CompetitionInfo(0, "旧项目", code_prefix="JX")).value
    create_entry(
        db, last_year.id, EntryDraft(old_comp.id, old_class.id, author_ids=(old_student.id,)), today=TODAY
    )

    classes = {
        "三1": add_class(db, festival.id, 3, 1).value,
        "三2": add_class(db, festival.id, 3, 2).value,
        "初一1": add_class(db, festival.id, 7, 1).value,
        "五1": add_class(db, festival.id, 5, 1).value,  # a class with no students yet
    }
    people = {
        name: save_student(
            db,
            festival.id,
            StudentInfo(0, classes[room].id, name, gender=gender, birth_date=dt.date(2016, 3, 1)),
        ).value
        for name, room, gender in (
            ("甲", "三1", "男"),
            ("乙", "三1", "女"),
            ("丙", "三1", "男"),
            ("丁", "三2", "女"),
            ("戊", "三2", "男"),
            ("己", "初一1", "女"),
        )
    }
    planes = add_competition(
        db,
        festival.id,
        CompetitionInfo(
            0, "手抛飞机", code_prefix="FJ", judging=Judging.MEASURED, measure_unit="米", quota_min=1
        ),
    ).value
    paper = add_competition(
        db,
        festival.id,
        CompetitionInfo(
            0, "科技小论文", code_prefix="LW", judging=Judging.NONE, deadline=dt.date(2026, 4, 15)
        ),
    ).value
    teams = add_competition(
        db,
        festival.id,
        CompetitionInfo(
            0, "机器人", code_prefix="JQ", participation=Participation.TEAM, team_size=2, judging=Judging.NONE
        ),
    ).value

    def enter(competition: CompetitionInfo, room: str, *names: str, late: bool = False) -> int:
        draft = EntryDraft(
            competition.id,
            classes[room].id,
            author_ids=tuple(people[n].id for n in names),
            title=f"{names[0]}的作品",
            advisor="王芳",
        )
        return create_entry(db, festival.id, draft, today=TODAY, allow_late=late).value.id

    entries = {
        "甲飞机": enter(planes, "三1", "甲"),
        "乙飞机": enter(planes, "三1", "乙"),
        "丙飞机": enter(planes, "三1", "丙"),
        "甲论文": enter(paper, "三1", "甲", late=True),  # 甲 in two competitions: one participant
        "丁戊机器人": enter(teams, "三2", "丁", "戊"),
    }
    disqualified = update_entry(
        db,
        entries["丙飞机"],
        dataclasses.replace(
            EntryDraft(planes.id, classes["三1"].id, author_ids=(people["丙"].id,), title="丙的作品"),
            status=EntryStatus.DISQUALIFIED,
        ),
    ).value
    assert disqualified.status == EntryStatus.DISQUALIFIED
    enter_attempt(db, entries["甲飞机"], 1, 20.0)
    enter_attempt(db, entries["乙飞机"], 1, 18.5)
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, planes.id),
        [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 1)],
    )
    assign_awards(db, festival.id)
    finalise(db, festival.id, competition_list_key(planes.id), confirmed=True)
    set_recommended(db, entries["甲飞机"], True)
    # Not scored: the robots are judged by a demonstration, and only a judged work is recommended.
    award_entry(db, entries["丁戊机器人"], "一等奖", "现场演示后评委评定")
    set_recommended(db, entries["丁戊机器人"], True)
    set_description(db, festival.id, "FJ-0001", "纸飞机，机翼折成上反角。")
    return Known(festival.id, entries)


def test_the_figures_are_the_ones_counted_by_hand(db: Database, known: Known) -> None:
    figures = summary_figures(db, known.festival_id)
    headline = figures.headline
    # 三年级(1)班 and (2)班 took part; 甲 is in two competitions and counts once; 丙 was disqualified.
    assert (headline.classes, headline.classes_taking_part, headline.students, headline.participants) == (
        4,
        2,
        6,
        4,
    )
    assert (
        headline.entries == 4 and headline.awards == {"一等奖": 2, "二等奖": 1} and headline.recommended == 2
    )
    # A quiz or robot team is a 队, not a 件: counted in its own unit, entries and awards alike.
    assert headline.entries_by_unit == {"件": 3, "队": 1}
    assert headline.awards_by_unit == {"一等奖": {"件": 1, "队": 1}, "二等奖": {"件": 1}}
    assert figures.silent_classes == ["五年级(1)班", "初一(1)班"]
    by_class = {c.class_name: c for c in figures.classes}
    assert (by_class["三年级(1)班"].entries, by_class["三年级(1)班"].participants) == (3, 2)
    assert by_class["三年级(1)班"].quota == 1  # 手抛飞机 asks at least one of every class
    assert by_class["五年级(1)班"].students == 0 and by_class["五年级(1)班"].share == 0.0
    grades = {g.grade: (g.classes, g.students, g.participants, g.entries) for g in figures.grades}
    assert grades == {"三年级": (2, 5, 4, 4), "五年级": (1, 0, 0, 0), "初一": (1, 1, 0, 0)}
    planes, paper, robots = figures.competitions
    assert (planes.entries, planes.disqualified, planes.judged, planes.final) == (2, 1, 2, True)
    assert planes.by_section == {"小学": 2} and planes.awards == {"一等奖": 1, "二等奖": 1}
    assert (paper.entries, paper.late, paper.scored) == (1, 1, False)
    assert (robots.unit, robots.by_grade) == ("队", {"三年级": 1})
    assert figures.awards_by_grade == {"三年级": {"一等奖": 2, "二等奖": 1}}
    assert figures.recommended_by_section == {"小学": {"个人": 1, "团体": 1}}
    assert [w.code for w in figures.recommended] == ["FJ-0001", "JQ-0001"]
    # The collective awards rest on lists not all finalised: they are shown as provisional.
    collective = [a for a in figures.named_awards if a.kind == "集体奖"]
    assert collective and all(a.level_text.endswith("（暂定）") for a in collective)
    assert figures.previous is not None
    assert (figures.previous.festival, figures.previous.entries, figures.previous.participants) == (
        "启明实验学校第九届校园科技节",
        1,
        1,
    )
    json_figures = figures_json(figures)
    assert json_figures["headline"]["participants"] == 4 and json_figures["headline"]["share"] == round(
        4 / 6, 4
    )
    assert json_figures["competitions"][0]["judging_share"] == 1.0


def test_the_first_draft_reads_the_figures_and_the_teachers_text_is_kept(db: Database, known: Known) -> None:
    draft = draft_summary(summary_figures(db, known.festival_id))
    assert (
        "本届科技节共有 2 个班级、4 名学生参加（全校学生 6 人，参与率 67%），收到作品 3 件、参赛队 1 队"
        in draft
    )
    assert "评出一等奖 1 件、1 队；二等奖 1 件" in draft
    assert "集体奖尚未定稿" in draft
    assert "尚未参加任何比赛的班级：五年级(1)班、初一(1)班" in draft
    # Works against works: the robot team this year is no 件.
    assert "与上届（启明实验学校第九届校园科技节）相比，作品数多 2 件" in draft
    assert summary_text(db, known.festival_id) == ""
    save_summary_text(db, known.festival_id, "本届科技节圆满结束。")
    assert summary_text(db, known.festival_id) == "本届科技节圆满结束。"
    with pytest.raises(ValidationError, match="总结最多 5000 个字"):
        save_summary_text(db, known.festival_id, "字" * 5001)
    assert summary_text(db, known.festival_id) == "本届科技节圆满结束。"


def test_the_report_as_pdf_and_workbook(db: Database, known: Known, tmp_path: Path) -> None:
    save_summary_text(db, known.festival_id, "本届科技节圆满结束，感谢各位老师。")
    report = tmp_path / "总结.pdf"
    write_summary_report(db, known.festival_id, report)
    assert all(fonts(report).values()), fonts(report)
    text = "".join(page_text(report, p) for p in range(page_count(report))).replace(" ", "")
    assert "第十届校园科技节总结报告" in text and "本届科技节圆满结束" in text
    assert "收到作品3件、参赛队1队" in text and "五年级(1)班" in text and "FJ-0001" in text
    assert "单位（盖章）：" in text and "科技节组委会" in text  # issued, dated, to be stamped
    workbook = tmp_path / "总结.xlsx"
    write_summary_report(db, known.festival_id, workbook)
    book = load_workbook(workbook)
    assert book.sheetnames[0] == "总结" and "各班参与情况" in book.sheetnames
    rows = {r[0].value: [c.value for c in r] for r in book["各班参与情况"].iter_rows(min_row=2)}
    assert rows["三年级(1)班"] == ["三年级(1)班", 3, 2, "67%", 3, 1]
    with pytest.raises(ValidationError, match=r"只能保存为 \.pdf 或 \.xlsx"):
        write_summary_report(db, known.festival_id, tmp_path / "总结.docx")


def test_the_district_list_in_a_districts_own_columns(db: Database, known: Known, tmp_path: Path) -> None:
    listing = tmp_path / "上报表.xlsx"
    assert write_district_list(db, known.festival_id, listing, DEFAULT_COLUMNS) == 2
    sheet = load_workbook(listing)["推荐作品"]
    assert [c.value for c in sheet[2]] == list(DEFAULT_COLUMNS)
    robot = [c.value for c in sheet[4]]
    assert robot[DEFAULT_COLUMNS.index("作者")] == "丁、戊"
    assert robot[DEFAULT_COLUMNS.index("性别")] == "女、男"
    counts = [[c.value for c in row] for row in load_workbook(listing)["推荐作品统计"].iter_rows()]
    assert counts == [["学部", "个人", "团体", "合计"], ["小学", 1, 1, 2]]

    saved = save_district_template(db, " 城南区 ", ["序号", "作品题目", "作者", "出生日期", "说明"]).value
    assert template_columns(db, "城南区") == saved and list(district_templates(db)) == ["默认", "城南区"]
    write_district_list(db, known.festival_id, listing, saved)
    first = [c.value for c in load_workbook(listing)["推荐作品"][3]]
    assert first == ["1", "甲的作品", "甲", "2016-03-01", "纸飞机，机翼折成上反角。"]
    for columns, message in (
        ([], "至少要有一列"),
        (["作品题目", "作品题目"], "每一列只能出现一次"),
        (["作品题目", "电话"], "没有「电话」这一列"),
    ):
        with pytest.raises(ValidationError, match=message):
            save_district_template(db, "城北区", columns)
    with pytest.raises(ValidationError, match="是内置模板"):
        save_district_template(db, "默认", ["序号"])
    with pytest.raises(NotFoundError, match="可选：默认、城南区"):
        template_columns(db, "城北区")

    paper = tmp_path / "上报表.pdf"
    write_district_list(db, known.festival_id, paper, DEFAULT_COLUMNS)
    assert all(fonts(paper).values()) and "学校（盖章）" in page_text(paper, 0)


def test_no_district_list_without_a_recommended_work(
    db: Database, festival: FestivalInfo, tmp_path: Path
) -> None:
    with pytest.raises(FestError, match="还没有推荐参加上级比赛的作品"):
        write_district_list(db, festival.id, tmp_path / "上报表.xlsx", DEFAULT_COLUMNS)
    assert not (tmp_path / "上报表.xlsx").exists()


def test_the_judges_spread_says_who_scores_high_or_low_against_the_panel(
    db: Database, festival: FestivalInfo
) -> None:
    from fest_desktop.registration.competitions import CriterionInfo
    from fest_desktop.scoring.entering import enter_score
    from fest_desktop.scoring.judges import add_judge

    room = add_class(db, festival.id, 4, 1).value
    pupils = [save_student(db, festival.id, StudentInfo(0, room.id, name)).value.id for name in ("甲", "乙")]
    paintings = add_competition(
        db,
        festival.id,
        CompetitionInfo(0, "绘画", code_prefix="HH", criteria=(CriterionInfo("想象力", 100),)),
    ).value
    criterion = paintings.criteria[0].id
    entries = [
        create_entry(
            db, festival.id, EntryDraft(paintings.id, room.id, author_ids=(pupil,)), today=TODAY
        ).value.id
        for pupil in pupils
    ]
    judges = {name: add_judge(db, paintings.id, name).value.id for name in ("王", "李", "张")}
    # 王 gives 6 above the panel's mean on each painting, 李 3 below, 张 3 below.
    for entry, base in zip(entries, (80, 60), strict=True):
        for name, offset in (("王", 9), ("李", 0), ("张", 0)):
            enter_score(db, entry, judges[name], criterion, str(base + offset))
    spread = {j.judge: (j.entries, j.difference) for j in summary_figures(db, festival.id).judges}
    assert spread == {"王": (2, 6.0), "李": (2, -3.0), "张": (2, -3.0)}
    figures = summary_figures(db, festival.id)
    assert figures.competitions[0].judged == 2 and figures.competitions[0].judging_share == 1.0

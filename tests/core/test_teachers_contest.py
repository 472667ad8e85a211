"""A competition for teachers (经验论文评比): works written by teachers, in no class, under their own
rules; judged and awarded the same way, with their own certificate, 公示 list and place in the 总结."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import AwardKind, competition_list_key
from fest_desktop.awards.lists import list_awards
from fest_desktop.awards.notices import write_notice_xlsx
from fest_desktop.awards.points import class_points
from fest_desktop.certificates.jobs import certificate_jobs
from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.certificates.placeholders import fill
from fest_desktop.certificates.templates import list_templates, template_for
from fest_desktop.errors import NotFoundError, ValidationError
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.entries import EntryDraft, create_entry, list_entries, update_entry
from fest_desktop.registration.kinds import Participation, QuotaState, RankingGroup
from fest_desktop.registration.presets import add_preset
from fest_desktop.registration.quotas import quota_overview
from fest_desktop.registration.typed_entries import create_entry_by_names
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import add_teacher
from fest_desktop.scoring.entering import enter_score
from fest_desktop.scoring.judges import add_judge
from fest_desktop.scoring.sheet import load_sheet
from fest_desktop.storage.database import Database
from fest_desktop.summary.figures import summary_figures
from tests.core.school_fixture import SmallSchool, make_small_school

TODAY = dt.date(2026, 4, 20)


@dataclass
class Contest:
    school: SmallSchool
    competition: CompetitionInfo
    teachers: dict[str, int]


@pytest.fixture
def contest(db: Database, festival: FestivalInfo) -> Contest:
    school = make_small_school(db, festival)
    teachers = {
        name: add_teacher(db, festival.id, name, "科学").value.id for name in ("王芳", "李强", "陈静", "赵敏")
    }
    return Contest(school, add_preset(db, festival.id, "经验论文评比").value, teachers)


def paper(contest: Contest, teacher: str, title: str) -> EntryDraft:
    return EntryDraft(contest.competition.id, None, title=title, teacher_id=contest.teachers[teacher])


def test_a_teachers_work_belongs_to_no_class_and_names_its_teacher(db: Database, contest: Contest) -> None:
    competition = contest.competition
    assert competition.participation == Participation.TEACHER and competition.is_for_teachers
    assert (competition.ranking_group, competition.eligibility_text) == (RankingGroup.SCHOOL, "教师")
    fid = contest.school.festival_id
    entry = create_entry(db, fid, paper(contest, "王芳", "在小制作中培养学生的创新能力"), today=TODAY).value
    assert (entry.code, entry.class_id, entry.class_name, entry.author_names) == ("JY-0001", None, "", "王芳")
    # No class enters it: it is on no class's form and against no class's quota.
    cells = [c for c in quota_overview(db, fid) if c.competition_id == competition.id]
    assert cells and all(c.state == QuotaState.INELIGIBLE for c in cells)
    refusals = {
        "「经验论文评比」是教师比赛，作品不属于任何班级，不填班级。": EntryDraft(
            competition.id, contest.school.class_ids["三年级(1)班"], teacher_id=contest.teachers["李强"]
        ),
        "「经验论文评比」是教师比赛，作者应是老师，不能是学生。": EntryDraft(
            competition.id,
            None,
            author_ids=(contest.school.student_ids["张子涵"],),
            teacher_id=contest.teachers["李强"],
        ),
        "请填写作者老师。": EntryDraft(competition.id, None, title="无名"),
        "王芳老师已报「在小制作中培养学生的创新能力」(JY-0001)，「经验论文评比」每人最多 1 件。": paper(
            contest, "王芳", "第二篇"
        ),
    }
    for message, draft in refusals.items():
        with pytest.raises(ValidationError, match=message.replace("(", "\\(").replace(")", "\\)")):
            create_entry(db, fid, draft, today=TODAY)
    # A pupils' competition takes no teacher as its author.
    painting = add_preset(db, fid, "科技创新绘画比赛").value
    with pytest.raises(ValidationError, match="是学生的比赛，作者应是学生，不能是老师王芳"):
        create_entry(db, fid, EntryDraft(painting.id, None, teacher_id=contest.teachers["王芳"]), today=TODAY)
    # Another teacher takes the work over: the rules are checked again.
    moved = update_entry(db, entry.id, paper(contest, "李强", entry.title)).value
    assert moved.author_names == "李强"


def test_entries_typed_by_name_find_the_teacher_or_the_pupils(db: Database, contest: Contest) -> None:
    fid = contest.school.festival_id
    entry = create_entry_by_names(db, fid, "经验论文", "科技节中的班级组织", teacher=" 陈静 ", today=TODAY)
    assert (entry.code, entry.author_names) == ("JY-0001", "陈静")
    with pytest.raises(NotFoundError, match="教师名单中没有「孙丽」老师"):
        create_entry_by_names(db, fid, "经验论文评比", "题目", teacher="孙丽", today=TODAY)
    with pytest.raises(ValidationError, match="是教师比赛：用 --teacher"):
        create_entry_by_names(db, fid, "经验论文评比", "题目", class_text="三年级(1)班", today=TODAY)
    add_preset(db, fid, "科技创新绘画比赛")
    painting = create_entry_by_names(
        db, fid, "绘画", "未来城市", class_text="三（1）班", authors=["张子涵"], today=TODAY
    )
    assert (painting.class_name, painting.author_names) == ("三年级(1)班", "张子涵")
    with pytest.raises(NotFoundError, match="本班花名册中没有学生「刘欣怡」"):
        create_entry_by_names(db, fid, "绘画", "x", class_text="三年级(1)班", authors=["刘欣怡"], today=TODAY)
    with pytest.raises(
        NotFoundError, match="没有唯一名为「电脑」的比赛项目。现有：经验论文评比、科技创新绘画比赛"
    ):
        create_entry_by_names(db, fid, "电脑", "x", teacher="王芳", today=TODAY)


def judged_contest(db: Database, contest: Contest) -> dict[str, int]:
    """Three papers scored by two judges, one of whom wrote one (and stands aside for it)."""
    fid = contest.school.festival_id
    entries = {
        name: create_entry(db, fid, paper(contest, name, f"{name}的经验"), today=TODAY).value.id
        for name in ("王芳", "李强", "陈静")
    }
    judges = [
        add_judge(db, contest.competition.id, name, contest.teachers[name]).value.id
        for name in ("赵敏", "王芳")
    ]
    sheet = load_sheet(db, contest.competition.id)
    criteria = [c.id for c in sheet.competition.criteria]
    own = sheet.entry(entries["王芳"])
    assert [j.name for j in sheet.panel(own)] == ["赵敏"]  # 王芳 stands aside for her own paper
    with pytest.raises(ValidationError, match="是这件作品的作者，回避自己的作品"):
        enter_score(db, entries["王芳"], judges[1], criteria[0], "10")
    share = {"王芳": 0.9, "李强": 0.7, "陈静": 0.5}
    for name, entry_id in entries.items():
        for judge in judges:
            if name == "王芳" and judge == judges[1]:
                continue
            for criterion in sheet.competition.criteria:
                enter_score(db, entry_id, judge, criterion.id, str(round(criterion.max_points * share[name])))
    return entries


def test_a_teachers_contest_is_judged_awarded_and_printed_for_the_teacher(
    db: Database, contest: Contest, tmp_path: Path
) -> None:
    fid = contest.school.festival_id
    judged_contest(db, contest)
    assign_awards(db, fid)
    awards = [a for a in list_awards(db, fid) if a.competition_id == contest.competition.id]
    assert [(a.recipient_text, a.level, a.class_name) for a in awards] == [
        ("王芳", "一等奖", ""),
        ("李强", "二等奖", ""),
        ("陈静", "三等奖", ""),
    ]
    # A teacher's own paper earns no class points and no 科技辅导员奖.
    assert all(row.total == 0 for row in class_points(db, fid))
    assert not [a for a in list_awards(db, fid) if a.kind == AwardKind.ADVISOR]
    key = competition_list_key(contest.competition.id)
    finalise(db, fid, key, confirmed=True)
    jobs = certificate_jobs(db, fid, list_key=key)
    assert {job.kind for job in jobs} == {TemplateKind.TEACHER_WORK}
    first = next(job for job in jobs if job.recipient == "王芳")
    template = template_for(list_templates(db, fid), TemplateKind.TEACHER_WORK)
    values = first.values_for(template)
    greeting = fill(template.field("称呼").text, values)[0]
    body = fill(template.field("正文").text, values)[0]
    assert greeting == "王芳老师："
    assert (
        body
        == "　　您撰写的《王芳的经验》在启明实验学校第十届校园科技节经验论文评比中荣获一等奖。特发此证，以资鼓励。"
    )
    # Its own 公示 list: the teachers and their papers, no class column.
    notice = tmp_path / "公示.xlsx"
    assert write_notice_xlsx(db, fid, notice, [key]) == 1
    rows = list(load_workbook(notice).worksheets[0].iter_rows(values_only=True))
    header = next(row for row in rows if row and "获奖者" in row)
    assert "班级" not in header and "作品" in header
    assert any(row and "王芳" in row and "王芳的经验" in row for row in rows)


def test_the_summary_counts_the_teachers_apart(db: Database, contest: Contest) -> None:
    fid = contest.school.festival_id
    judged_contest(db, contest)
    painting = add_preset(db, fid, "科技创新绘画比赛").value
    create_entry(
        db,
        fid,
        EntryDraft(
            painting.id,
            contest.school.class_ids["三年级(1)班"],
            author_ids=(contest.school.student_ids["张子涵"],),
        ),
        today=TODAY,
    )
    assign_awards(db, fid)
    figures = summary_figures(db, fid)
    assert figures.headline.entries == 1 and figures.headline.participants == 1
    assert [c.name for c in figures.competitions] == ["科技创新绘画比赛"]
    [teachers] = figures.teacher_contests
    assert (teachers.name, teachers.entries, teachers.teachers, teachers.judged) == ("经验论文评比", 3, 3, 3)
    assert teachers.awards == {"一等奖": 1, "二等奖": 1, "三等奖": 1}
    assert sum(figures.headline.awards.values()) == 0  # the painting is not judged yet
    assert [e.author_names for e in list_entries(db, fid) if e.class_id is None] == ["王芳", "李强", "陈静"]

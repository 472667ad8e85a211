"""A teachers' contest in the window: its preset offered apart, a teacher's paper registered through the
panel (no class, the teacher as author), and its own section of 统计与总结."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fest_desktop.registration.entries import list_entries
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import add_teacher
from fest_desktop.storage.database import Database
from tests.core.school_fixture import make_small_school
from tests.ui.conftest import settled
from ui.operations import Runner
from ui.registration.competitions_page import CompetitionsPage
from ui.registration.tab import EntriesTab
from ui.summary.tab import SummaryTab


def test_a_teachers_paper_is_registered_through_the_panel(
    qtbot: QtBot, db: Database, festival: FestivalInfo, shown: dict[str, Any]
) -> None:
    make_small_school(db, festival)
    add_teacher(db, festival.id, "王芳", "科学")
    add_preset(db, festival.id, "科技创新绘画比赛")
    contest = add_preset(db, festival.id, "经验论文评比").value
    tab = EntriesTab(db, Runner())
    qtbot.addWidget(tab)
    tab.show()
    tab.show_festival(festival.id)
    panel = tab.entries_page.panel
    # A pupils' competition asks for a class and pupils; the teachers' for a teacher only.
    assert not panel.form.isRowVisible(panel.teacher) and panel.form.isRowVisible(panel.school_class)
    panel.competition.setCurrentIndex(panel.competition.findData(contest.id))
    assert panel.form.isRowVisible(panel.teacher)
    assert not panel.form.isRowVisible(panel.school_class) and not panel.form.isRowVisible(panel.authors)
    assert "教师比赛：作品属于作者老师，不属于班级" in panel.quota_hint.text()
    panel.title.setText("如何指导小学生开展科技小制作")
    panel.register()
    assert shown["errors"] == ["请填写作者老师。"]
    panel.teacher.setCurrentIndex(panel.teacher.findText("王芳（科学）"))
    panel.title.setText("如何指导小学生开展科技小制作")
    qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)
    [paper] = [e for e in list_entries(db, festival.id) if e.competition_id == contest.id]
    assert (paper.author_names, paper.class_id, paper.title) == ("王芳", None, "如何指导小学生开展科技小制作")
    rows = tab.entries_page.table.model.rows()
    assert any(e.code == paper.code and e.class_name == "" for e in rows)
    # The teachers' contest is on no class's quota: 班级进度, the classes' page, leaves it out.
    model = tab.overview_page.model
    headings = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert not any(h.startswith("经验论文评比") for h in headings) and any("科技" in h for h in headings)


def test_the_teachers_presets_are_offered_apart_and_their_rules_follow(
    qtbot: QtBot, db: Database, festival: FestivalInfo
) -> None:
    page = CompetitionsPage(db, Runner())
    qtbot.addWidget(page)
    page.show_festival(festival.id, [(3, "三年级")])
    actions = page.preset_menu.actions()
    sections = [a.text() for a in actions if a.isSeparator()]
    assert sections == ["科技节计划中的比赛", "计划中提到的其他比赛", "教师比赛"]
    painting = next(a for a in actions if a.text() == "科幻画")
    assert "计划未写明、由本软件建议：截止日期、评分项的分值" in painting.toolTip()
    next(a for a in actions if a.text() == "科技活动方案").trigger()
    assert page.current is not None and page.current.is_for_teachers
    assert not page.quota_max.isEnabled() and not page.parent_allowed.isEnabled()
    assert all(not box.isEnabled() for box in page.grade_boxes)


def test_the_summary_has_sections_for_the_practice_and_the_teachers(
    qtbot: QtBot, db: Database, festival: FestivalInfo
) -> None:
    make_small_school(db, festival)
    teacher = add_teacher(db, festival.id, "李强", "语文").value
    contest = add_preset(db, festival.id, "经验论文评比").value
    from fest_desktop.practice.items import add_plan_items
    from fest_desktop.registration.entries import EntryDraft, create_entry

    add_plan_items(db, festival.id)
    create_entry(
        db,
        festival.id,
        EntryDraft(contest.id, None, title="论文", teacher_id=teacher.id),
        today=festival.start_date,
    )
    tab = SummaryTab(db, Runner())
    qtbot.addWidget(tab)
    tab.show()
    tab.show_festival(festival.id)
    settled(qtbot, tab.runner)
    titles = [tab.sections.tabText(i) for i in range(tab.sections.count())]
    assert titles[4:6] == ["科普实践", "教师比赛"]
    tab.sections.setCurrentIndex(4)
    assert tab.practice_classes_panel.model.rowCount() == 3
    assert tab.practice_panel.model.rowCount() == 5
    tab.sections.setCurrentIndex(5)
    row = [tab.teachers_panel.model.index(0, c).data() for c in range(3)]
    assert row == ["经验论文评比", 1, 1]
    assert tab.cards["entries"].value.text() == "0"  # a teacher's paper is no pupil's work

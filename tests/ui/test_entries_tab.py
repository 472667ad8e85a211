"""作品报名 as a teacher uses it: registering through the panel, quotas, filters, import, competitions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fest_desktop.demo.festival import create_demo_festival
from fest_desktop.demo.sample_form import SAMPLE_NAME
from fest_desktop.registration.competitions import list_competitions
from fest_desktop.registration.entries import EntryDraft, list_entries, update_entry
from fest_desktop.registration.entry_files import EntryFiles
from fest_desktop.registration.entry_plan import EntryImport
from fest_desktop.registration.kinds import CriterionKind
from fest_desktop.resources import resource_path
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.school.people import list_students
from fest_desktop.storage.database import Database
from fest_desktop.storage.kinds import RowOutcome
from tests.conftest import write_workbook
from tests.ui.conftest import settled
from ui.operations import Runner
from ui.registration.import_dialog import EntriesImportDialog, preview_entry_files
from ui.registration.progress_page import QuotaModel
from ui.registration.tab import EntriesTab
from ui.widgets.import_preview import DETAILS_COLUMN


@pytest.fixture
def demo(db: Database) -> FestivalInfo:
    # Today, so that the deadlines the panel checks against the clock are the demo's own.
    return create_demo_festival(db, today=dt.date.today())


@pytest.fixture
def tab(qtbot: QtBot, db: Database, demo: FestivalInfo) -> EntriesTab:
    widget = EntriesTab(db, Runner())
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show_festival(demo.id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def preview(qtbot: QtBot, tab: EntriesTab, paths: list[Path]) -> tuple[EntryFiles, EntryImport] | None:
    """The forms read and planned on the tab's runner: what the preview would show, or None when they
    could not be read."""
    found: list[tuple[EntryFiles, EntryImport]] = []
    preview_entry_files(tab.runner, tab.db, tab.festival_id, paths, tab, found.append)
    settled(qtbot, tab.runner)
    return found[0] if found else None


def choose(box: object, text: str) -> None:
    position = box.findText(text)  # type: ignore[attr-defined]
    assert position >= 0, text
    box.setCurrentIndex(position)  # type: ignore[attr-defined]


def test_adding_an_entry_through_the_panel_clears_the_quota_warning(
    tab: EntriesTab, db: Database, demo: FestivalInfo, qtbot: QtBot, shown: dict[str, list[str]]
) -> None:
    panel = tab.entries_page.panel
    choose(panel.competition, "科技创新绘画比赛")
    choose(panel.school_class, "五年级(3)班")
    assert "本班已报 1 件，名额：每班 2–3 件　还差 1 件" in panel.quota_hint.text()
    assert panel.quota_hint.property("state") == "under"
    assert "五年级(3)班" in tab.warning.toolTip()

    already = {
        a.student_id
        for e in list_entries(db, demo.id)
        for a in e.authors
        if e.competition_name == "科技创新绘画比赛"
    }
    student = next(
        s for s in list_students(db, demo.id) if s.class_name == "五年级(3)班" and s.id not in already
    )
    from fest_desktop.school.pinyin import initial_letters

    initials = "".join(sorted(letters)[0] for letters in initial_letters(student.name))
    panel.authors.search.insert(initials)
    panel.authors.search.textEdited.emit(initials)
    assert student.name in panel.authors.candidates(initials)
    panel.authors._add_label(student.name)
    assert panel.authors.author_ids() == (student.id,)
    panel.title.insert("会说话的雨伞")
    choose(panel.subtype, "水彩画")
    qtbot.mouseClick(panel.register_button, Qt.MouseButton.LeftButton)

    assert shown["errors"] == []
    stored = [e for e in list_entries(db, demo.id) if e.title == "会说话的雨伞"]
    assert len(stored) == 1 and stored[0].author_names == student.name and stored[0].subtype == "水彩画"
    assert "本班已报 2 件" in panel.quota_hint.text() and "还差" not in panel.quota_hint.text()
    rows = [
        tab.entries_page.table.model.rows()[i].code for i in range(tab.entries_page.table.model.rowCount())
    ]
    assert stored[0].code in rows
    assert "五年级(3)班" not in tab.warning.toolTip()


def test_over_the_quota_the_panel_refuses_naming_class_count_and_quota(
    tab: EntriesTab, db: Database, demo: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    panel = tab.entries_page.panel
    choose(panel.competition, "科技知识竞赛")  # exactly one team per class, all entered in the demo
    choose(panel.school_class, "三年级(1)班")
    assert "名额已满" in panel.quota_hint.text()
    # Said at once, before the form is filled in: not green, and the button says why it is off.
    assert panel.quota_hint.property("state") == "over"
    assert not panel.register_button.isEnabled() and "名额" in panel.register_button.toolTip()
    free = next(
        s
        for s in list_students(db, demo.id)
        if s.class_name == "三年级(1)班"
        and s.id
        not in {
            a.student_id
            for e in list_entries(db, demo.id)
            for a in e.authors
            if e.competition_name == "科技知识竞赛"
        }
    )
    panel.authors._add_label(free.name)
    before = len(list_entries(db, demo.id))
    panel.register()
    assert shown["errors"] == ["三年级(1)班「科技知识竞赛」已报 1 队，名额为每班 1 队，不能再报。"]
    assert len(list_entries(db, demo.id)) == before


def test_after_the_deadline_the_panel_asks_and_marks_the_entry_late(
    tab: EntriesTab, db: Database, demo: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    panel = tab.entries_page.panel
    choose(panel.competition, "科技创新小制作与小发明")  # its deadline is before the demo's 展评 week
    choose(panel.school_class, "四年级(1)班")
    student = next(s for s in list_students(db, demo.id) if s.class_name == "四年级(1)班")
    panel.authors._add_label(student.name)
    panel.title.insert("会唱歌的闹钟")
    panel.register()
    assert len(shown["questions"]) == 1 and "截止日期" in shown["questions"][0]
    [entry] = [e for e in list_entries(db, demo.id) if e.title == "会唱歌的闹钟"]
    assert entry.late and entry.status_text == "已报名（逾期）"


def test_editing_the_selected_entry_saves_when_the_field_is_left(
    tab: EntriesTab, db: Database, demo: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    page = tab.entries_page
    page.table.view.selectRow(0)
    entry = page.table.selected_rows()[0]
    assert page.panel.heading.text() == f"作品 {entry.code}"
    page.panel.title.setText("改过的题目")
    page.panel.title.editingFinished.emit()
    assert next(e for e in list_entries(db, demo.id) if e.id == entry.id).title == "改过的题目"
    choose(page.panel.status, "已收到")
    page.panel.status.activated.emit(page.panel.status.currentIndex())
    assert next(e for e in list_entries(db, demo.id) if e.id == entry.id).status == "received"
    assert shown["errors"] == []


def test_filters_and_pinyin_search(tab: EntriesTab, db: Database, demo: FestivalInfo) -> None:
    page = tab.entries_page
    total = page.table.model.rowCount()
    choose(page.competition_filter, "科普板报比赛")
    assert page.table.proxy.rowCount() == 24
    choose(page.class_filter, "三年级(2)班")
    assert page.table.proxy.rowCount() == 1
    choose(page.competition_filter, "全部比赛项目")
    choose(page.class_filter, "全部班级")
    someone = next(e for e in list_entries(db, demo.id) if e.authors).authors[0].name
    from fest_desktop.school.pinyin import initial_letters

    initials = "".join(sorted(letters)[0] for letters in initial_letters(someone))
    page.search.setText(initials)
    found = [page.table.proxy.row_object(r) for r in range(page.table.proxy.rowCount())]
    assert found and all(any(a.name for a in e.authors) for e in found)
    assert any(someone in e.author_names for e in found)
    page.search.setText("XZ-0001")
    assert [page.table.proxy.row_object(r).code for r in range(page.table.proxy.rowCount())] == ["XZ-0001"]
    page.search.clear()
    choose(page.status_filter, "已收到")
    assert 0 < page.table.proxy.rowCount() < total
    assert page.count_label.text() == f"显示 {page.table.proxy.rowCount()} / {total} 件"


def test_delete_then_undo_gives_the_entry_back_with_its_number(
    tab: EntriesTab, db: Database, demo: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    page = tab.entries_page
    page.table.view.selectRow(2)
    entry = page.table.selected_rows()[0]
    page.delete_selected()
    assert entry.code not in {e.code for e in list_entries(db, demo.id)}
    assert page.undo_button.isEnabled()
    page.undo_delete()
    assert entry.code in {e.code for e in list_entries(db, demo.id)}
    assert not page.undo_button.isEnabled()


def test_the_overview_colours_each_class_against_the_quota(tab: EntriesTab, qtmodeltester: object) -> None:
    model = tab.overview_page.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    classes = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    competitions = [
        model.headerData(c, Qt.Orientation.Horizontal).split("\n")[0] for c in range(model.columnCount() - 1)
    ]
    row, column = classes.index("四年级(1)班"), competitions.index("科技创新绘画比赛")
    assert model.index(row, column).data(Qt.ItemDataRole.UserRole) == "missing"
    assert model.index(classes.index("五年级(3)班"), column).data(Qt.ItemDataRole.UserRole) == "under"
    plane = competitions.index("手抛飞机")
    assert model.index(classes.index("一年级(1)班"), plane).data() == "—"
    assert "%" in model.index(0, model.columnCount() - 1).data()
    assert "3 个班还有项目未达名额" in tab.overview_page.summary.text()
    assert isinstance(model, QuotaModel)


def test_the_entries_model_passes_the_model_tester(tab: EntriesTab, qtmodeltester: object) -> None:
    qtmodeltester.check(tab.entries_page.table.model)  # type: ignore[attr-defined]


def test_the_sample_form_shows_its_problem_and_cannot_be_imported(
    qtbot: QtBot, tab: EntriesTab, db: Database, demo: FestivalInfo, qtmodeltester: object
) -> None:
    found = preview(qtbot, tab, [resource_path("samples", SAMPLE_NAME)])
    assert found is not None
    dialog = EntriesImportDialog(db, tab.runner, demo.id, *found, parent=tab)
    qtmodeltester.check(dialog.table_model)  # type: ignore[attr-defined]
    assert not dialog.import_button.isEnabled()
    # Every row is listed; the problem is shown first, alone, with its reason.
    assert dialog.table_model.rowCount() == len(found[1].lines())
    [refused] = dialog.shown_lines()
    assert refused.outcome == RowOutcome.REFUSED
    reason = dialog.table.model().index(0, DETAILS_COLUMN).data()
    assert "四年级(1)班「科技创新绘画比赛」已报 3 件" in reason
    assert dialog.shown.currentText() == "有问题（1）"


def test_importing_a_good_file_through_the_dialog(
    qtbot: QtBot,
    tab: EntriesTab,
    db: Database,
    demo: FestivalInfo,
    tmp_path: Path,
    shown: dict[str, list[str]],
) -> None:
    students = [s.name for s in list_students(db, demo.id) if s.class_name == "四年级(1)班"]
    path = write_workbook(
        tmp_path / "good.xlsx",
        {
            "作品": [
                ("比赛项目", "作品题目", "作者", "班级"),
                ("科技创新绘画比赛", "海上风车城", students[0], "四年级(1)班"),
                ("科技创新绘画比赛", "星际快递", students[1], "四年级(1)班"),
            ]
        },
    )
    found = preview(qtbot, tab, [path])
    assert found is not None
    dialog = EntriesImportDialog(db, tab.runner, demo.id, *found, parent=tab)
    assert dialog.import_button.isEnabled() and dialog.table_model.rowCount() == 2
    assert {line.outcome for line in dialog.shown_lines()} == {RowOutcome.NEW}
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    titles = {e.title for e in list_entries(db, demo.id) if e.class_name == "四年级(1)班"}
    assert {"海上风车城", "星际快递"} <= titles


def test_the_preview_shows_each_change_and_a_change_since_is_shown_before_anything_is_written(
    qtbot: QtBot,
    tab: EntriesTab,
    db: Database,
    demo: FestivalInfo,
    tmp_path: Path,
    shown: dict[str, list[str]],
) -> None:
    work = next(e for e in list_entries(db, demo.id) if e.authors and e.title)
    path = write_workbook(
        tmp_path / "numbered.xlsx",
        {
            "作品": [
                ("作品编号", "比赛项目", "作品题目", "作者", "班级"),
                (work.code, work.competition_name, "新的题目", work.author_names, work.class_name),
            ]
        },
    )
    found = preview(qtbot, tab, [path])
    assert found is not None
    dialog = EntriesImportDialog(db, tab.runner, demo.id, *found, parent=tab)
    [line] = dialog.shown_lines()
    assert (line.outcome, line.details) == (RowOutcome.CHANGED, (f"作品题目：{work.title} → 新的题目",))
    assert dialog.table.model().index(0, 0).data() == "修改"
    # Another station changes the work before 导入 is pressed: nothing is written, the new preview shows.
    update_entry(db, work.id, EntryDraft(**{**work.draft().__dict__, "advisor": "另一位老师"}))
    dialog.import_button.click()
    settled(qtbot, tab.runner)
    assert "预览之后" in shown["errors"][0]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert next(e for e in list_entries(db, demo.id) if e.id == work.id).title == work.title
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    changed = next(e for e in list_entries(db, demo.id) if e.id == work.id)
    assert (changed.title, changed.advisor) == ("新的题目", "另一位老师")


def test_a_file_that_is_not_a_workbook_is_reported(
    qtbot: QtBot,
    tab: EntriesTab,
    db: Database,
    demo: FestivalInfo,
    tmp_path: Path,
    shown: dict[str, list[str]],
) -> None:
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    assert preview(qtbot, tab, [tmp_path / "notes.xlsx"]) is None
    assert shown["errors"] == ["「notes.xlsx」不是 Excel 工作簿（.xlsx），无法读取。"]


def test_competition_rules_are_saved_as_fields_are_left(
    tab: EntriesTab, db: Database, demo: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    page = tab.competitions_page
    tab.pages.setCurrentWidget(page)
    names = [page.list.item(i).text() for i in range(page.list.count())]
    page.list.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("科技创新绘画比赛")))
    page.quota_max.setValue(4)
    page.quota_max.editingFinished.emit()
    stored = next(c for c in list_competitions(db, demo.id) if c.name == "科技创新绘画比赛")
    assert stored.quota_max == 4
    assert page.works_per_student.value() == 1
    page.works_per_student.setValue(2)
    page.works_per_student.editingFinished.emit()
    stored = next(c for c in list_competitions(db, demo.id) if c.name == "科技创新绘画比赛")
    assert stored.works_per_student == 2
    page.quota_min.setValue(6)
    page.quota_min.editingFinished.emit()
    assert shown["errors"] == ["名额下限 6 大于上限 4。"]
    assert page.quota_min.value() == 2  # the stored rule is shown again
    # The entries page learns of the change when it is shown again.
    tab.pages.setCurrentWidget(tab.entries_page)
    assert "每班 2–4 件" in tab.overview_page.model.headerData(2, Qt.Orientation.Horizontal)


def test_a_preset_and_a_criterion_added_from_the_page(
    tab: EntriesTab, db: Database, festival: FestivalInfo, shown: dict[str, list[str]]
) -> None:
    page = tab.competitions_page
    page.show_festival(festival.id, [])
    assert page.list.count() == 0 and not page.editor.isEnabled()
    page.add_preset("科技创新绘画比赛")
    assert page.list.count() == 1 and page.name.text() == "科技创新绘画比赛"
    page.criteria.add(CriterionKind.SCORE)
    stored = list_competitions(db, festival.id)[0]
    assert [c.name for c in stored.criteria][-1] == "评分项"
    index = page.criteria.table.proxy.index(4, 2)
    assert page.criteria.table.proxy.setData(index, "15")
    assert list_competitions(db, festival.id)[0].criteria[-1].max_points == 15
    assert page.criteria.total.text() == "满分合计 115 分"
    page.criteria.add(CriterionKind.DEDUCTION)
    deduction = list_competitions(db, festival.id)[0].criteria[-1]
    assert (deduction.name, deduction.kind, deduction.max_points) == ("扣分项", "deduction", 5)
    assert page.criteria.total.text() == "满分合计 115 分，另有 1 个扣分项"
    # tie-break on 绘画水平, and the double entry of paper sheets
    first = page.tie_breaks[0]
    first.setCurrentIndex(first.findText("绘画水平"))
    first.activated.emit(first.currentIndex())
    page.double_entry.setChecked(True)
    saved = list_competitions(db, festival.id)[0]
    assert [next(c.name for c in saved.criteria if c.id == i) for i in saved.tie_break] == ["绘画水平"]
    assert saved.double_entry
    assert shown["errors"] == []


def test_a_column_widened_by_hand_stays_so_while_the_list_is_filtered(tab: EntriesTab) -> None:
    page = tab.entries_page
    header = page.table.view.horizontalHeader()
    widest = max(range(header.count()), key=header.sectionSize)
    narrow = next(c for c in range(header.count()) if c != widest and not header.isSectionHidden(c))
    header.resizeSection(narrow, header.sectionSize(narrow) + 60)
    widened = header.sectionSize(narrow)
    page.class_filter.setCurrentIndex(3)
    page.search.setText("一")
    page.search.clear()
    page.class_filter.setCurrentIndex(0)
    assert header.sectionSize(narrow) == widened  # a filter shows fewer rows, it does not re-measure

"""作品报名 → 科普实践 as a 班主任 uses it: a class chosen, a whole column ticked with one key, a box
clicked, the sheet out and back in through its preview, a 读后感 entered as a work, the items, the
grid paper; and the class's progress beside its entries in 班级进度."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from fest_desktop.changes import Changed
from fest_desktop.practice.checklist import class_checklist
from fest_desktop.practice.items import add_plan_items, list_items, update_item
from fest_desktop.practice.sheet import plan_practice_import, read_practice_file
from fest_desktop.registration.entries import list_entries
from fest_desktop.registration.presets import add_preset
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.school_fixture import SmallSchool, make_small_school
from tests.pdf_checks import page_count
from tests.ui.conftest import settled
from ui.operations import Runner
from ui.practice.checklist import FIRST_ITEM_COLUMN
from ui.practice.dialogs import GridPaperDialog, ItemDialog, ItemsDialog, PracticeImportDialog, WorkDialog
from ui.practice.page import PracticePage
from ui.registration.tab import EntriesTab


@pytest.fixture
def school(db: Database, festival: FestivalInfo) -> SmallSchool:
    made = make_small_school(db, festival)
    add_preset(db, festival.id, "科技小论文")
    return made


@pytest.fixture
def page(qtbot: QtBot, db: Database, school: SmallSchool) -> PracticePage:
    widget = PracticePage(db, Runner())
    qtbot.addWidget(widget)
    widget.resize(1024, 640)
    widget.show_festival(school.festival_id)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def done_in(db: Database, class_id: int, item: str) -> int:
    checklist = class_checklist(db, class_id)
    return checklist.done_count(next(i.id for i in checklist.items if i.name == item))


def test_the_plans_items_are_offered_when_there_are_none(
    page: PracticePage, db: Database, school: SmallSchool
) -> None:
    assert page.stack.currentWidget() is page.empty
    page.add_plan_items()
    assert page.stack.currentWidget() is page.checklist_page
    assert len(list_items(db, school.festival_id)) == 5
    # Classes in school order, the first chosen.
    assert page.model.checklist is not None and page.model.checklist.class_name == "一年级(1)班"


def test_a_whole_column_is_ticked_with_one_key_and_a_box_with_one_click(
    page: PracticePage, db: Database, school: SmallSchool, qtbot: QtBot, qtmodeltester: Any
) -> None:
    page.add_plan_items()
    third = school.class_ids["三年级(1)班"]
    page.select_class(third)
    qtmodeltester.check(page.model)
    film = FIRST_ITEM_COLUMN + 1
    assert page.model.headerData(film, Qt.Orientation.Horizontal) == "看一部科普影片\n0/6"
    # The column chosen by its header, then Space: all six pupils ticked at once.
    page.view.selectColumn(film)
    page.view.setFocus()
    with qtbot.waitSignal(page.runner.changed):
        qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert done_in(db, third, "看一部科普影片") == 6
    assert page.model.headerData(film, Qt.Orientation.Horizontal) == "看一部科普影片\n6/6"
    assert next(c for c in page.classes.rows() if c.class_id == third).total.done == 6
    # Space on a column where all are ticked takes them off; on a mixed block ticks the rest.
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert done_in(db, third, "看一部科普影片") == 0
    first = page.model.index(0, film)
    page.model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert page.model.index(0, film).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    selection = page.view.selectionModel()
    selection.clear()
    for row in range(3):
        selection.select(page.model.index(row, film), QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert done_in(db, third, "看一部科普影片") == 3
    # Another class is another checklist.
    page.select_class(school.class_ids["一年级(1)班"])
    assert page.model.rowCount() == 2 and "一年级(1)班" in page.heading.text()


def test_the_class_sheet_comes_back_through_its_preview(
    page: PracticePage,
    db: Database,
    school: SmallSchool,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.add_plan_items()
    path = tmp_path / "实践表.xlsx"
    monkeypatch.setattr("ui.practice.page.ask_save_path", lambda *_a: path)
    page.export_sheets(only_this_class=False)
    settled(qtbot, page.runner)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["一年级(1)班", "三年级(1)班", "三年级(2)班"]
    sheet = workbook["三年级(2)班"]
    sheet.cell(row=5, column=FIRST_ITEM_COLUMN + 2).value = "✓"
    workbook.save(path)
    read = read_practice_file(path)
    dialog = PracticeImportDialog(
        db, page.runner, school.festival_id, read, plan_practice_import(db, school.festival_id, read), page
    )
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled() and dialog.table_model.rowCount() == 1
    assert dialog.table_model.index(0, 2).data() == "读一本科普读物并写读后感：未完成 → ✓"
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    assert done_in(db, school.class_ids["三年级(2)班"], "读一本科普读物并写读后感") == 1


def test_a_pupils_essay_is_entered_as_a_work(
    page: PracticePage, db: Database, school: SmallSchool, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.add_plan_items()
    essay = next(c for c in page.competitions if c.name == "科技小论文与观察日记")
    book = next(i for i in list_items(db, school.festival_id) if i.name.startswith("读一本"))
    update_item(db, dataclasses.replace(book, competition_id=essay.id))
    page.reload()
    page.select_class(school.class_ids["三年级(1)班"])
    page.view.setCurrentIndex(page.model.index(1, FIRST_ITEM_COLUMN))

    def typed(dialog: WorkDialog) -> int:
        assert dialog.competition.currentData() == essay.id  # the item's competition, chosen already
        dialog.title.setText("《昆虫记》读后感")
        dialog.subtype.setEditText("观察日记")
        return 1

    monkeypatch.setattr(WorkDialog, "exec", typed)
    entered: list[object] = []
    page.runner.changed.connect(lambda changes, _origin: entered.append(changes))
    page.enter_as_work()
    [entry] = [e for e in list_entries(db, school.festival_id) if e.title == "《昆虫记》读后感"]
    pupil = page.model.checklist.pupils[1] if page.model.checklist else None
    assert pupil is not None and entry.author_names == pupil.name and entry.class_name == "三年级(1)班"
    assert entered == [Changed.ENTRIES]  # told to the entries list and the classes' progress


def test_items_are_edited_and_grid_paper_printed(
    page: PracticePage, db: Database, school: SmallSchool, qtbot: QtBot, tmp_path: Path, shown: dict[str, Any]
) -> None:
    page.add_plan_items()
    dialog = ItemsDialog(db, page.runner, school.festival_id, [], page.competitions, page)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 5
    dialog.table.selectRow(3)
    item = dialog.selected()
    assert item is not None
    editor = ItemDialog(item, [], [], dialog)
    qtbot.addWidget(editor)
    editor.name.setText("参观科技馆")
    editor.points.setValue(2)
    assert editor.chosen().name == "参观科技馆" and editor.chosen().points == 2
    dialog.move_selected(-3)
    assert dialog.model.rows()[0].name == "参观一处科普教育基地"
    paper = GridPaperDialog(db, page.runner, school.festival_id, page.competitions, page)
    qtbot.addWidget(paper)
    paper.copies.setValue(3)
    path = tmp_path / "稿纸.pdf"
    assert paper.write(path) and page_count(path) == 3 and shown["saved"]


def test_the_progress_stands_beside_the_entries(qtbot: QtBot, db: Database, school: SmallSchool) -> None:
    add_plan_items(db, school.festival_id)
    tab = EntriesTab(db, Runner())
    qtbot.addWidget(tab)
    tab.show()
    tab.show_festival(school.festival_id)
    practice = tab.practice_page
    tab.pages.setCurrentWidget(practice)
    practice.select_class(school.class_ids["三年级(1)班"])
    practice.view.selectColumn(FIRST_ITEM_COLUMN)
    practice.store_marks(practice.model.toggled(practice.view.selectionModel().selectedIndexes()))
    model = tab.overview_page.model
    column = model.columnCount() - 1
    assert model.headerData(column, Qt.Orientation.Horizontal) == "科普实践"
    rows = {model.headerData(r, Qt.Orientation.Vertical): r for r in range(model.rowCount())}
    assert model.index(rows["三年级(1)班"], column).data() == "20%"  # 6 of 30 ticks (5 items, 6 pupils)
    assert "读一本科普读物并写读后感：6/6（100%）" in model.index(rows["三年级(1)班"], column).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(rows["一年级(1)班"], column).data() == "0%"

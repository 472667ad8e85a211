"""奖项与证书 as a teacher uses it: assigning, changing an award with a reason, 定稿 and the notice,
editing a template (typed and dragged, saved at once, shown on a real certificate), and printing
to a PDF printer with numbers entered in the register and a reprint counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from fest_desktop.awards.assignment import assign_awards
from fest_desktop.awards.finalising import finalise
from fest_desktop.awards.kinds import AwardKind, RuleMode, competition_list_key
from fest_desktop.awards.level_rules import LevelRule
from fest_desktop.awards.levels import award_settings
from fest_desktop.awards.lists import award_lists, notices
from fest_desktop.awards.rules import RuleKey, effective_rules, set_rules
from fest_desktop.certificates.kinds import TemplateKind
from fest_desktop.certificates.register import find_certificate, search_register
from fest_desktop.certificates.templates import get_template
from fest_desktop.school.festivals import FestivalInfo
from fest_desktop.storage.database import Database
from tests.core.award_fixture import Throws, make_throws
from tests.pdf_checks import page_count, page_text
from tests.ui.conftest import settled
from ui.awards.printing import certificate_printer
from ui.awards.tab import AwardsTab
from ui.operations import Runner


@pytest.fixture
def throws(db: Database, festival: FestivalInfo) -> Throws:
    made = make_throws(db, festival, {"张子涵": "王芳", "李梓轩": "", "刘欣怡": "", "吴可馨": ""})
    set_rules(
        db,
        festival.id,
        RuleKey(AwardKind.ENTRY, made.competition.id),
        [LevelRule("一等奖", RuleMode.COUNT, 1), LevelRule("二等奖", RuleMode.COUNT, 2)],
    )
    made.throw(db, {"张子涵": 20, "李梓轩": 18, "刘欣怡": 17, "吴可馨": 9})
    return made


@pytest.fixture
def seen(shown: dict[str, Any]) -> dict[str, Any]:
    return shown


def make_tab(qtbot: QtBot, db: Database, festival_id: int) -> AwardsTab:
    tab = AwardsTab(db, Runner())
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    tab.show_festival(festival_id)
    return tab


def test_assign_change_with_a_reason_finalise_and_post(
    qtbot: QtBot,
    db: Database,
    throws: Throws,
    seen: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    tab = make_tab(qtbot, db, throws.festival_id)
    page = tab.lists
    page.list_box.setCurrentIndex(page.list_box.findText("手抛飞机"))
    page.assign()
    settled(qtbot, page.runner)
    assert "手抛飞机：一等奖 1、二等奖 2" in page.status.text()
    assert page.model.rowCount() == 3
    score_column = next(
        c
        for c in range(page.model.columnCount())
        if page.model.headerData(c, Qt.Orientation.Horizontal) == "成绩"
    )
    # The final as the ranking shows it: two decimals, never 20 beside 19.5.
    assert all(len(page.model.index(r, score_column).data().split(".")[1]) == 2 for r in range(3))
    page.table.selectRow(1)  # 李梓轩, 二等奖
    monkeypatch.setattr(
        "ui.awards.lists_page.ask_change", lambda _p, _award, _levels: ("一等奖", "复核测量有误")
    )
    page.change_selected()
    changed = page.model.rows()[[a.recipient_text for a in page.model.rows()].index("李梓轩")]
    assert changed.level == "一等奖" and "复核测量有误" in changed.rule_note
    seen["answer"] = False  # 定稿 asks first: "no" leaves the list open
    page.final_button.click()
    assert "定稿「手抛飞机」" in seen["questions"][-1] and not notices(db, throws.festival_id)
    # Three of the four have a prize now: the question says so before anything is frozen; the change by
    # hand is no tie to settle.
    assert "手抛飞机 全校：4 件中 3 件获奖，只有 1 件没有" in seen["questions"][-1]
    assert "并列" not in seen["questions"][-1]
    seen["answer"] = True
    page.final_button.click()
    assert "校验码" in page.status.text() and page.final_button.text() == "撤销定稿…"
    page.table.selectRow(0)
    page.change_selected()
    assert seen["errors"] and "已定稿" in seen["errors"][-1]
    notice = tmp_path / "公示.pdf"
    page.export_to("notice.pdf", notice)
    settled(qtbot, page.runner)
    assert page_count(notice) == 1 and notices(db, throws.festival_id)
    final = next(iter(notices(db, throws.festival_id).values()))
    assert final.fingerprint in page_text(notice, 0)
    from fest_desktop.awards.notices import posting_period

    assert posting_period(final.finalised_at.date()) in page_text(notice, 0).replace(" ", "")


def test_edit_a_template_by_typing_and_dragging(
    qtbot: QtBot, db: Database, throws: Throws, seen: dict[str, list[str]]
) -> None:
    tab = make_tab(qtbot, db, throws.festival_id)
    tab.pages.setCurrentWidget(tab.templates)
    editor = tab.templates
    assert editor.info is not None and editor.info.kind == TemplateKind.STUDENT
    assert editor.preview.sheet is not None
    editor._select_field("称呼")
    editor.field_text.setText("{姓名}同学（{班级}）：")
    editor.field_text.editingFinished.emit()
    stored = get_template(db, editor.info.id)
    assert stored.field("称呼").text == "{姓名}同学（{班级}）："
    editor.field_text.setText("{姓 名}")
    editor.field_text.editingFinished.emit()
    assert "不认识" in editor.note.text()
    assert get_template(db, editor.info.id).field("称呼").text == "{姓名}同学（{班级}）："
    editor.field_text.setText("{姓名}同学：")
    editor.field_text.editingFinished.emit()
    # drag the date 20 mm to the left on the preview
    date = get_template(db, editor.info.id).field("日期")
    rect = editor.preview.field_rect(date)
    scale, _origin = editor.preview._scale()
    start = QPoint(round(rect.left() + 5), round(rect.center().y()))  # left of the seal over it
    end = start - QPoint(round(20 * scale), 0)
    qtbot.mousePress(editor.preview, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(editor.preview, end)
    qtbot.mouseRelease(editor.preview, Qt.MouseButton.LeftButton, pos=end)
    moved = get_template(db, editor.info.id).field("日期")
    assert moved.x_mm == pytest.approx(date.x_mm - 20, abs=1)
    assert editor.field_x.value() == pytest.approx(moved.x_mm)
    editor.paper.setCurrentIndex(editor.paper.findData("A3"))
    assert get_template(db, editor.info.id).width_mm == 420


def test_print_to_a_pdf_printer_then_reprint_one(
    qtbot: QtBot, db: Database, throws: Throws, seen: dict[str, list[str]], tmp_path: Path, qtmodeltester: Any
) -> None:
    assign_awards(db, throws.festival_id)
    finalise(db, throws.festival_id, competition_list_key(throws.competition.id), confirmed=True)
    tab = make_tab(qtbot, db, throws.festival_id)
    tab.pages.setCurrentWidget(tab.printing)
    page = tab.printing
    assert page.model.rowCount() == 3
    assert page.preview_widget.sheet is not None
    printer = certificate_printer(page.template())
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page.table.clearSelection()
    assert page.print_to(printer)
    settled(qtbot, page.runner)
    assert page_count(printed) == 3
    register = search_register(db, throws.festival_id)
    assert [(r.number, r.print_count) for r in register] == [
        ("KJJ2026-0001", 1),
        ("KJJ2026-0002", 1),
        ("KJJ2026-0003", 1),
    ]
    # a spoiled sheet: select that certificate alone and save it again
    page.table.selectRow(1)
    again = tmp_path / "again.pdf"
    assert page.save_to(again)
    settled(qtbot, page.runner)
    assert page_count(again) == 1 and "KJJ2026-0002" in page_text(again, 0)
    assert find_certificate(db, throws.festival_id, "KJJ2026-0002").print_count == 2
    page.class_box.setCurrentIndex(page.class_box.findText("三年级(2)班"))
    assert [job.recipient for job in page.model.rows()] == ["刘欣怡"]
    # This batch bears its own day; unticked, the festival's again (no ceremony: its last day).
    assert {job.day for job in page.model.rows()} == {dt.date(2026, 5, 11)}
    page.own_day.setChecked(True)
    page.day.setDate(QDate(2026, 5, 9))
    assert [job.values["日期"] for job in page.model.rows()] == ["二〇二六年五月九日"]
    page.own_day.setChecked(False)
    assert {job.day for job in page.model.rows()} == {dt.date(2026, 5, 11)}
    tab.pages.setCurrentWidget(tab.register)
    tab.register.search.setText("KJJ2026-0002")
    tab.register.look_up()
    assert "重印 1 次" in tab.register.answer.text()
    for model in (tab.lists.model, tab.lists.proxy, page.model, page.proxy, tab.register.model):
        qtmodeltester.check(model)


def test_the_rules_dialog_stores_a_group_rule_and_the_settings(
    qtbot: QtBot, db: Database, throws: Throws, seen: dict[str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.awards.rules_dialog import AwardRulesDialog

    key = competition_list_key(throws.competition.id)
    dialog = AwardRulesDialog(db, Runner(), throws.festival_id, award_lists(db, throws.festival_id), key)
    qtbot.addWidget(dialog)
    assert dialog.list_box.currentText() == "手抛飞机"
    assert [r.level for r in dialog.table_rules()] == ["一等奖", "二等奖"]
    dialog.rules.view.selectRow(1)
    dialog._remove_selected_rules()
    rules = dialog.rules.model
    # typed as a teacher would: the mode from the drop-down, the amount into the cell
    assert rules.setData(rules.index(0, 1), RuleMode.PERCENT.value)
    assert rules.setData(rules.index(0, 2), "50")
    assert not rules.setData(rules.index(0, 2), "五十")
    assert not rules.setData(rules.index(0, 2), "1e400")  # float() would read it as infinity
    dialog.prefix.setText("QM{年}-")
    assert dialog.keep_one.isChecked()  # small groups keep a place per level by default
    dialog.keep_one.setChecked(False)
    dialog.accept()
    assert seen["errors"] == ["数量应是数字（填的是「五十」）。", "数量应是数字（填的是「1e400」）。"]
    assert effective_rules(db, throws.festival_id, RuleKey(AwardKind.ENTRY, throws.competition.id)) == [
        LevelRule("一等奖", RuleMode.PERCENT, 50)
    ]
    assert award_settings(db, throws.festival_id).certificate_prefix == "QM{年}-"
    assert not award_settings(db, throws.festival_id).share_keeps_one_place
    # a share above 100% is refused with the reason and the dialog stays open
    again = AwardRulesDialog(db, Runner(), throws.festival_id, award_lists(db, throws.festival_id), key)
    qtbot.addWidget(again)
    assert again.rules.model.setData(again.rules.model.index(0, 2), "150")
    assert not again.save_rule()
    assert "比例" in seen["errors"][-1]


def test_a_design_is_chosen_from_the_gallery_with_one_click(
    qtbot: QtBot, db: Database, throws: Throws, seen: dict[str, list[str]]
) -> None:
    from PySide6.QtCore import Qt

    from fest_desktop.certificates.designs import text_area
    from fest_desktop.certificates.items import Group
    from fest_desktop.certificates.kinds import DesignKind

    tab = make_tab(qtbot, db, throws.festival_id)
    tab.pages.setCurrentWidget(tab.templates)
    editor = tab.templates
    gallery = editor.gallery
    choices = [gallery.design_of(gallery.item(row)) for row in range(gallery.count())]
    assert choices == [None, *DesignKind]
    assert all(not gallery.item(row).icon().isNull() for row in range(gallery.count()))
    assert gallery.design_of(gallery.currentItem()) == DesignKind.FORMAL  # the default
    mono = gallery.item(choices.index(DesignKind.MONO))
    rect = gallery.visualItemRect(mono)
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.info is not None
    stored = get_template(db, editor.info.id)
    assert stored.design == DesignKind.MONO and stored.field("标题").colour == "#1A1A1A"
    assert editor.preview.sheet is not None
    assert [item.key for item in editor.preview.sheet.items if isinstance(item, Group)] == ["mono-297x210"]
    editor.paper.setCurrentIndex(editor.paper.findData("A3"))  # the design and its fields follow the paper
    on_a3 = get_template(db, editor.info.id)
    left, _top, right, _bottom = text_area(420, 297)
    assert on_a3.field("标题").width_mm == pytest.approx(right - left, abs=0.1)
    plain = gallery.item(0)
    qtbot.mouseClick(
        gallery.viewport(), Qt.MouseButton.LeftButton, pos=gallery.visualItemRect(plain).center()
    )
    assert get_template(db, editor.info.id).design is None
    assert not [item for item in editor.preview.sheet.items if isinstance(item, Group)]


def test_a_shortlist_work_is_selected_by_code_recommended_and_its_county_result_recorded(
    qtbot: QtBot,
    db: Database,
    throws: Throws,
    seen: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    from fest_desktop.registration.competitions import get_competition
    from fest_desktop.registration.kinds import Outcome
    from ui.registration.competitions_page import CompetitionsPage

    editor = CompetitionsPage(db, Runner())
    qtbot.addWidget(editor)
    editor.show_festival(throws.festival_id, [])
    editor.outcome.setCurrentIndex(editor.outcome.findData(Outcome.SHORTLIST.value))
    editor.outcome.activated.emit(editor.outcome.currentIndex())
    assert get_competition(db, throws.competition.id).is_shortlist

    tab = make_tab(qtbot, db, throws.festival_id)
    page = tab.lists
    page.list_box.setCurrentIndex(page.list_box.findText("手抛飞机"))
    answers = iter([("FJ-0004", True)])
    monkeypatch.setattr("ui.awards.lists_page.QInputDialog.getText", lambda *_a, **_k: next(answers))
    monkeypatch.setattr("ui.awards.lists_page.QInputDialog.getItem", lambda *_a, **_k: ("入选", True))
    monkeypatch.setattr("ui.awards.lists_page.ask_reason", lambda *_a: "美术组推荐")
    page.award_by_code()
    assert [(a.code, a.level) for a in page.model.rows()] == [("FJ-0004", "入选")]
    page.table.selectRow(0)
    page.toggle_recommended()
    page.record_higher_result()
    assert "还没有设置上级比赛" in seen["errors"].pop()
    # The school names its contests above, lowest first, then records the work's result at each.
    from fest_desktop.awards.higher import higher_levels
    from ui.awards.higher_dialog import HigherLevelsDialog, HigherResultsDialog

    levels = HigherLevelsDialog(db, page.runner, throws.festival_id, page)
    qtbot.addWidget(levels)
    for name in ("城口县第二届科技创新大赛", "镇第十三届科技节"):
        levels.new_name.setText(name)
        levels.add_level()
    levels.levels.setCurrentRow(1)
    levels.move_selected(-1)
    levels.save()
    assert [lv.name for lv in higher_levels(db, throws.festival_id)] == [
        "镇第十三届科技节",
        "城口县第二届科技创新大赛",
    ]

    def typed(dialog: HigherResultsDialog) -> int:
        town, county = dialog.fields.values()
        town.setText("一等奖")
        county.setText("三等奖")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(HigherResultsDialog, "exec", typed)
    page.record_higher_result()
    recommend_column = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ].index("推荐")
    assert (
        page.model.index(0, recommend_column).data()
        == "★ 镇第十三届科技节一等奖；城口县第二届科技创新大赛三等奖"
    )
    register = tmp_path / "推荐作品造册.xlsx"
    page.export_to("recommended.xlsx", register)
    settled(qtbot, page.runner)
    assert register.exists() and not seen["errors"]


def test_a_seal_photo_is_shown_before_it_is_kept_and_fields_are_marked_for_bought_paper(
    qtbot: QtBot, db: Database, throws: Throws, seen: dict[str, list[str]], tmp_path: Path
) -> None:
    from tests.core.test_certificate_designs import photo_of_a_seal

    tab = make_tab(qtbot, db, throws.festival_id)
    tab.pages.setCurrentWidget(tab.templates)
    editor = tab.templates
    assert editor.info is not None and editor.info.seal is None
    photo = tmp_path / "印章.jpg"
    photo.write_bytes(photo_of_a_seal((150, 150, 150), (120, 25, 30)))
    editor.set_image("seal", photo)
    dialog = editor.seal_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.before.pixmap().isNull() and not dialog.after.pixmap().isNull()
    # The preview's paper is white where the photo's was grey: the paper is gone.
    assert dialog.after.pixmap().toImage().pixelColor(3, 3).lightness() == 255
    assert dialog.before.pixmap().toImage().pixelColor(12, 12).lightness() < 200
    dialog.reject()
    assert get_template(db, editor.info.id).seal is None  # cancelled: nothing kept
    editor.set_image("seal", photo)
    assert editor.seal_dialog is not None
    editor.seal_dialog.accept()
    assert get_template(db, editor.info.id).seal is not None
    # 纸上已印 and 突出姓名, saved at once.
    editor._select_field("落款")
    assert not editor.field_emphasis.isEnabled()  # no {姓名} in it
    editor.field_preprinted.setChecked(True)
    assert get_template(db, editor.info.id).field("落款").preprinted
    editor._select_field("称呼")
    assert editor.field_emphasis.isEnabled() and editor.field_emphasis.isChecked()
    editor.field_emphasis.setChecked(False)
    assert not get_template(db, editor.info.id).field("称呼").emphasise_name


def test_the_printer_calibration_is_typed_once_and_kept(
    qtbot: QtBot, db: Database, throws: Throws, seen: dict[str, list[str]]
) -> None:
    from fest_desktop.certificates.calibration import printer_calibration

    tab = make_tab(qtbot, db, throws.festival_id)
    tab.pages.setCurrentWidget(tab.printing)
    tab.printing.calibrate_printer()
    dialog = tab.printing.calibration_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.printer.setCurrentText("教务处 HP LaserJet")
    assert "未校准" in dialog.current.text()
    dialog.length_x.setValue(193.6)  # the 200 mm ruler came out 96.8 %
    dialog.length_y.setValue(96.8)
    dialog.start_x.setValue(11.0)
    assert "缩放 横 96.8%" in dialog.outcome.text()
    dialog.save()
    kept = printer_calibration(db, "教务处 HP LaserJet")
    assert (kept.scale_x_pct, kept.scale_y_pct) == (96.8, 96.8)
    assert kept.offset_x_mm == pytest.approx(11.0 - 9.68) and kept.offset_y_mm == pytest.approx(10 - 9.68)
    assert not dialog.isVisible() and seen["errors"] == []

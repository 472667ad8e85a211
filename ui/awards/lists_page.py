"""获奖名单: the award lists with their rules, changes by hand with reasons, 推荐, 定稿, the notices and
the name-check list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.awards import notices as award_notices
from fest_desktop.awards.assignment import AssignReport, assign_awards, out_of_date_lists
from fest_desktop.awards.changes import (
    award_entry,
    change_award,
    entry_levels,
    find_entry_award_target,
    revert_award,
    set_recommended,
)
from fest_desktop.awards.finalising import finalise, reopen, surprises, waiting_for
from fest_desktop.awards.kinds import AwardKind, ListKey
from fest_desktop.awards.levels import allowed_levels
from fest_desktop.awards.lists import AwardInfo, AwardList, NoticeInfo, award_lists, list_awards, notices
from fest_desktop.awards.log import award_log
from fest_desktop.changes import Changed, Done
from fest_desktop.registration.labels import write_labels
from fest_desktop.registration.register import export_register
from fest_desktop.school.festivals import get_festival
from fest_desktop.storage.database import Database
from fest_desktop.values import final_text
from ui.operations import ChangeFollower, Runner
from ui.widgets.file_dialogs import ask_save_path
from ui.widgets.forms import index_of_data, set_button_menu
from ui.widgets.messages import FAILED, confirm, show_error, tell_saved
from ui.widgets.table_models import Column, RowTableModel, selectable_table


def ask_change(parent: QWidget, award: AwardInfo, levels: list[str]) -> tuple[str, str] | None:
    """The new level ("" = no award) and the reason, or None when the teacher cancels."""
    none = parent.tr("不获奖")
    choices = [*levels, none]
    current = choices.index(award.level) if award.level in choices else len(choices) - 1
    level, ok = QInputDialog.getItem(
        parent, parent.tr("调整奖项"), parent.tr("{0}\n改为：").format(award.subject), choices, current, False
    )
    if not ok:
        return None
    reason, ok = QInputDialog.getText(
        parent, parent.tr("调整奖项"), parent.tr("调整的原因（记入修改记录）：")
    )
    if not ok:
        return None
    return ("" if level == none else level), reason


def ask_reason(parent: QWidget, title: str, question: str) -> str | None:
    reason, ok = QInputDialog.getText(parent, title, question)
    return reason if ok else None


RECIPIENT_COLUMN = 6  # 获奖者, in the columns below: the widest text, given the width that is left


class AwardListPage(QWidget):
    """The award lists with what a teacher does to them before printing."""

    # The lists are the competitions', their awards come from the scores (a list made from scores
    # since changed is marked out of date) and name the entries and classes.
    FOLLOWS = Changed.SCHOOL | Changed.COMPETITIONS | Changed.ENTRIES | Changed.SCORES | Changed.AWARDS

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival_id = 0
        self.lists: list[AwardList] = []
        self.finalised: dict[ListKey, NoticeInfo] = {}

        self.list_box = QComboBox()
        self.list_box.currentIndexChanged.connect(self.refresh)
        self.assign_button = QPushButton(self.tr("按规则评奖"))
        self.assign_button.clicked.connect(self.assign)
        self.rules_button = QPushButton(self.tr("评奖规则…"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.change_button = QPushButton(self.tr("调整奖项"))
        change_menu = QMenu(self.change_button)
        change_menu.addAction(self.tr("调整选中的奖项…"), self.change_selected)
        change_menu.addAction(self.tr("按作品编号给奖或入选…"), self.award_by_code)
        set_button_menu(self.change_button, change_menu)
        self.revert_button = QPushButton(self.tr("恢复规则结果"))
        self.revert_button.clicked.connect(self.revert_selected)
        self.recommend_button = QPushButton(self.tr("推荐"))
        recommend_menu = QMenu(self.recommend_button)
        recommend_menu.addAction(self.tr("推荐参加上级比赛 / 取消推荐"), self.toggle_recommended)
        recommend_menu.addAction(self.tr("记录上级比赛结果…"), self.record_higher_result)
        recommend_menu.addAction(self.tr("上级比赛（镇、县、市…）…"), self.edit_higher_levels)
        recommend_menu.addSeparator()
        recommend_menu.addAction(self.tr("推荐作品造册（Excel）…"), lambda: self._export("recommended.xlsx"))
        recommend_menu.addAction(self.tr("推荐作品标签（PDF）…"), lambda: self._export("recommended.pdf"))
        set_button_menu(self.recommend_button, recommend_menu)
        self.final_button = QPushButton(self.tr("定稿"))
        self.final_button.clicked.connect(self.toggle_final)
        self.export_button = QPushButton(self.tr("导出"))
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("公示名单（PDF）…"), lambda: self._export("notice.pdf"))
        menu.addAction(self.tr("公示名单（Excel）…"), lambda: self._export("notice.xlsx"))
        menu.addAction(self.tr("班级考核表（Excel）…"), lambda: self._export("points.xlsx"))
        menu.addAction(self.tr("获奖名单核对表（PDF）…"), lambda: self._export("check.pdf"))
        set_button_menu(self.export_button, menu)
        self.log_button = QPushButton(self.tr("修改记录…"))
        self.log_button.clicked.connect(self.show_log)

        self.model: RowTableModel[AwardInfo] = RowTableModel(self._columns(), parent=self)
        self.table, self.proxy = selectable_table(self.model, self, stretch=RECIPIENT_COLUMN)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.status = QLabel()
        self.status.setWordWrap(True)

        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("获奖名单")))
        tools.addWidget(self.list_box, 1)
        for button in (
            self.assign_button,
            self.rules_button,
            self.change_button,
            self.revert_button,
            self.recommend_button,
            self.final_button,
            self.export_button,
            self.log_button,
        ):
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def _columns(self) -> list[Column[AwardInfo]]:
        return [
            Column(self.tr("名单"), lambda a: self._title(a.list_key)),
            Column(self.tr("组别"), lambda a: a.group),
            Column(self.tr("名次"), lambda a: a.rank or "", align_center=True),
            Column(self.tr("奖项"), lambda a: a.award_name if a.level else self.tr("（撤销）")),
            Column(self.tr("编号"), lambda a: a.code),
            Column(self.tr("班级"), lambda a: a.class_name),
            Column(self.tr("获奖者"), lambda a: a.recipient_text),
            Column(self.tr("成绩"), lambda a: final_text(a.score), align_center=True),
            Column(
                self.tr("推荐"),
                lambda a: ("★ " + a.higher_result).strip() if a.recommended else "",
                align_center=True,
            ),
            Column(self.tr("说明"), lambda a: a.rule_note),
        ]

    def _title(self, key: ListKey) -> str:
        return next((a.title for a in self.lists if a.key == key), "")

    def show_festival(self, festival_id: int) -> None:
        self.festival_id = festival_id
        self.follower.take(self.FOLLOWS)

    def _changed(self, _changes: Changed, origin: QObject | None) -> None:
        if origin is not self and self.festival_id:
            self._load()

    def _load(self) -> None:
        """The lists and the one chosen read afresh."""
        self.lists = award_lists(self.db, self.festival_id)
        chosen = self.list_box.currentData()
        self.list_box.blockSignals(True)
        self.list_box.clear()
        self.list_box.addItem(self.tr("全部名单"), None)
        for award_list in self.lists:
            self.list_box.addItem(award_list.title, award_list.key)
        self.list_box.setCurrentIndex(max(index_of_data(self.list_box, chosen), 0))
        self.list_box.blockSignals(False)
        self.refresh()

    def current_key(self) -> ListKey | None:
        """The list chosen, None for all of them."""
        key: ListKey | None = self.list_box.currentData()
        return key

    def refresh(self) -> None:
        """The list read afresh, the award selected still selected (for the next step)."""
        key = self.current_key()
        chosen = self.selected()
        self.model.set_rows(list_awards(self.db, self.festival_id, key))
        if chosen is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.row_object(row).id == chosen.id:
                    self.table.selectRow(row)
                    break
        final = self.finalised = notices(self.db, self.festival_id)
        if key is None:
            done = [self._title(k) for k in final]
            text = self.tr("已定稿：{0}").format("、".join(done)) if done else self.tr("还没有定稿的名单。")
            self.final_button.setEnabled(False)
        elif key in final:
            notice = final[key]
            text = self.tr("已定稿 {0}　校验码 {1}　（名单已冻结；要修改请先撤销定稿）").format(
                notice.finalised_at.strftime("%Y-%m-%d %H:%M"), notice.fingerprint
            )
            stale = out_of_date_lists(self.db, self.festival_id).get(key)
            if stale:
                text = "⚠ " + stale + "\n" + text
            self.final_button.setText(self.tr("撤销定稿…"))
            self.final_button.setEnabled(True)
        else:
            text = self.tr("未定稿：可以按规则评奖、手动调整；公示前请定稿。")
            waiting = waiting_for(self.db, self.festival_id, key)
            if waiting:
                text = "⚠ " + self.tr(
                    "暂定：依据的{0}尚未定稿，名单还会变动；它们定稿后才能定稿本名单。"
                ).format("、".join(f"「{name}」" for name in waiting))
            self.final_button.setText(self.tr("定稿"))
            self.final_button.setEnabled(True)
        self.status.setText(text)
        self.status.setObjectName("errorText" if text.startswith("⚠") else "")
        self.status.setStyleSheet("")  # re-polish for the new object name

    def selected(self) -> AwardInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.row_object(rows[0].row()) if rows else None

    def _run(self, action: Callable[[], Done[Any]]) -> bool:
        """Run a change and show the list again, the same award still selected for the next step."""
        if self.runner.now(self, action) is FAILED:
            return False
        self.refresh()
        return True

    def assign(self) -> None:
        key = self.current_key()
        name = self._title(key) if key is not None and key.kind == AwardKind.ENTRY else None
        festival_id = self.festival_id
        self.runner.run(
            self,
            lambda: assign_awards(self.db, festival_id, name),
            self._assigned,
            label=self.tr("正在按规则评奖…"),
        )

    def _assigned(self, report: AssignReport) -> None:
        self.refresh()
        self.status.setText("　".join(report.lines()))

    def edit_rules(self) -> None:
        from ui.awards.rules_dialog import AwardRulesDialog

        AwardRulesDialog(self.db, self.runner, self.festival_id, self.lists, self.current_key(), self).exec()

    def change_selected(self) -> None:
        award = self.selected()
        if award is None:
            show_error(self, self.tr("请先在名单中选中一项奖。"))
            return
        answer = ask_change(
            self, award, allowed_levels(self.db, self.festival_id, award.kind, award.competition_id)
        )
        if answer is not None:
            self._run(lambda: change_award(self.db, award.id, answer[0], answer[1]))

    def revert_selected(self) -> None:
        award = self.selected()
        if award is not None:
            self._run(lambda: revert_award(self.db, award.id))

    def toggle_recommended(self) -> None:
        award = self.selected()
        if award is None or award.entry_id is None:
            show_error(self, self.tr("请先选中一件获奖作品。"))
            return
        entry_id = award.entry_id
        self._run(lambda: set_recommended(self.db, entry_id, not award.recommended))

    def award_by_code(self) -> None:
        code, ok = QInputDialog.getText(self, self.tr("按作品编号给奖"), self.tr("作品编号（如 XZ-0012）："))
        if not ok or not code.strip():
            return
        found = self.runner.read(self, lambda: find_entry_award_target(self.db, self.festival_id, code))
        if found is FAILED:
            return
        entry_id = found
        subject, levels = entry_levels(self.db, entry_id)
        none = self.tr("不获奖")
        level, ok = QInputDialog.getItem(
            self, self.tr("按作品编号给奖"), self.tr("{0}\n奖项：").format(subject), [*levels, none], 0, False
        )
        if not ok:
            return
        reason = ask_reason(self, self.tr("按作品编号给奖"), self.tr("原因（记入修改记录）："))
        if reason is not None:
            chosen = "" if level == none else level
            self._run(lambda: award_entry(self.db, entry_id, chosen, reason))

    def record_higher_result(self) -> None:
        from ui.awards.higher_dialog import HigherResultsDialog

        award = self.selected()
        if award is None or award.entry_id is None or not award.recommended:
            show_error(self, self.tr("请先选中一件已推荐的作品。"))
            return
        dialog = HigherResultsDialog(self.db, self.runner, award, self)
        if not dialog.fields:
            show_error(
                self, self.tr("还没有设置上级比赛：请先在“推荐 → 上级比赛…”中按顺序写出上级比赛的名称。")
            )
            return
        dialog.exec()  # what it saved is announced, and the list shows it

    def edit_higher_levels(self) -> None:
        from ui.awards.higher_dialog import HigherLevelsDialog

        HigherLevelsDialog(self.db, self.runner, self.festival_id, self).exec()

    def toggle_final(self) -> None:
        key = self.current_key()
        if key is None:  # the button is off with every list shown
            return
        if key in self.finalised:  # as shown (定稿 of a list another station finalised is refused)
            reason = ask_reason(self, self.tr("撤销定稿"), self.tr("撤销定稿的原因（记入修改记录）："))
            if reason is not None:
                self._run(lambda: reopen(self.db, self.festival_id, key, reason))
        else:
            found = self.runner.read(self, lambda: surprises(self.db, self.festival_id, key))
            if found is FAILED:
                return
            question = self.tr(
                "定稿「{0}」？定稿后名单和它所依据的成绩都不能再改（需先撤销定稿并写明原因），"
                "之后即可公示和打印证书。"
            ).format(self.list_box.currentText())
            if found:
                # What the rules did that a teacher may not expect: confirmed here, and the log keeps it.
                question = (
                    self.tr("请先确认评奖结果中的特殊情况：")
                    + "\n"
                    + "\n".join(f"· {line}" for line in found)
                    + "\n\n"
                    + self.tr(
                        "如需调整，请选“否”，再改评奖规则或手动调整。确认无误并定稿？（确认会记入修改记录）"
                    )
                    + "\n\n"
                    + question
                )
            if confirm(self, self.tr("定稿"), question):
                self._run(lambda: finalise(self.db, self.festival_id, key, confirmed=bool(found)))

    def _export(self, what: str) -> None:
        festival = get_festival(self.db, self.festival_id)
        names = {
            "notice.pdf": (self.tr("获奖名单"), "PDF (*.pdf)"),
            "notice.xlsx": (self.tr("获奖名单"), "Excel (*.xlsx)"),
            "points.xlsx": (self.tr("班级考核表"), "Excel (*.xlsx)"),
            "check.pdf": (self.tr("获奖名单核对表"), "PDF (*.pdf)"),
            "recommended.xlsx": (self.tr("推荐作品造册"), "Excel (*.xlsx)"),
            "recommended.pdf": (self.tr("推荐作品标签"), "PDF (*.pdf)"),
        }
        stem, file_filter = names[what]
        suffix = "." + what.split(".")[1]
        path = ask_save_path(self, stem, f"{festival.name}{stem}", suffix, file_filter)
        if path is not None:
            self.export_to(what, path)

    def export_to(self, what: str, path: Path) -> None:
        key = self.current_key()
        keys = [key] if key is not None else None
        db, festival_id = self.db, self.festival_id

        def write() -> str:
            if what == "notice.pdf":
                count = award_notices.write_notice_pdf(db, festival_id, path, keys)
                return self.tr("已生成 {0} 份获奖名单。").format(count)
            if what == "notice.xlsx":
                count = award_notices.write_notice_xlsx(db, festival_id, path, keys)
                return self.tr("已生成 {0} 份获奖名单。").format(count)
            if what == "recommended.xlsx":
                count = export_register(db, festival_id, path, recommended_only=True)
                return self.tr("已生成 {0} 件推荐作品的造册。").format(count)
            if what == "recommended.pdf":
                count = write_labels(db, festival_id, path, recommended_only=True)
                return self.tr("已生成 {0} 张推荐作品标签。").format(count)
            if what == "points.xlsx":
                award_notices.write_class_points(db, festival_id, path)
                return self.tr("已生成班级考核表。")
            count = award_notices.write_name_check(db, festival_id, path, keys)
            return self.tr("已生成 {0} 个班的核对表，请班主任核对签字。").format(count)

        self.runner.produce(
            self, write, lambda message: tell_saved(self, message, path), label=self.tr("正在生成文件…")
        )

    def show_log(self) -> None:
        from ui.awards.rules_dialog import AwardLogDialog

        AwardLogDialog(award_log(self.db, self.festival_id), self).exec()

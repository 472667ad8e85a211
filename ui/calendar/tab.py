"""活动日历: the festival's activities by month, week or as a list, with 今日 / 明日 and the clashes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.calendar.clashes import Clash, clashes_with, find_clashes, happening
from fest_desktop.calendar.events import (
    EventInfo,
    delete_event,
    duplicate_event,
    list_events,
    move_event,
    restore_event,
)
from fest_desktop.calendar.kinds import EventKind
from fest_desktop.calendar.schedule_files import export_schedule
from fest_desktop.changes import Changed
from fest_desktop.school.festivals import FestivalInfo, get_festival, list_phases
from fest_desktop.school.school_days import unknown_years_note
from fest_desktop.school.structure import list_classes
from fest_desktop.storage.database import Database
from ui.calendar.event_dialog import EventDialog, kind_icon
from ui.calendar.views import CalendarData, MonthView, WeekView
from ui.operations import ChangeFollower, Runner
from ui.widgets.columns import fit_columns
from ui.widgets.file_dialogs import ask_save_path
from ui.widgets.forms import set_button_menu
from ui.widgets.messages import FAILED, show_error, tell_saved
from ui.widgets.table_models import Column, RowTableModel

MONTH, WEEK, AGENDA = 0, 1, 2


class CalendarTab(QWidget):
    """The views on the left, 今日 / 明日 and the clash list on the right."""

    # The competitions' deadlines and judging days are on the calendar, the classes name its audiences.
    FOLLOWS = Changed.FESTIVAL | Changed.CALENDAR | Changed.COMPETITIONS | Changed.SCHOOL

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.follower = ChangeFollower(runner, self, self.FOLLOWS, self._changed)
        self.festival: FestivalInfo | None = None
        self.events: list[EventInfo] = []
        self.shown_events: list[EventInfo] = []
        self.clashes: list[Clash] = []
        self.last_deleted: EventInfo | None = None
        self.today = dt.date.today()
        self.anchor = self.today

        new = QPushButton(self.tr("新建活动"))
        new.setObjectName("primaryButton")
        new.clicked.connect(lambda: self.new_event(self.anchor))
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.clicked.connect(lambda: self.edit_event(self.selected_id))
        self.duplicate_button = QPushButton(self.tr("复制"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(self.tr("撤销删除"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.setEnabled(False)
        self.view_buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        for index, label in enumerate((self.tr("月"), self.tr("周"), self.tr("日程"))):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            self.view_buttons.addButton(button, index)
            switch.addWidget(button)
        self.view_buttons.button(MONTH).setChecked(True)
        self.view_buttons.idClicked.connect(self.show_view)
        previous, today, following = QToolButton(), QPushButton(self.tr("今天")), QToolButton()
        previous.setArrowType(Qt.ArrowType.LeftArrow)
        following.setArrowType(Qt.ArrowType.RightArrow)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        today.clicked.connect(lambda: self.go_to(self.today))
        self.period = QLabel()
        self.period.setObjectName("panelHeading")
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("全部类别"), None)
        for kind in EventKind:
            self.kind_filter.addItem(kind_icon(kind.colour), self.tr(kind.label), kind.value)
        self.place_filter = QComboBox()
        self.audience_filter = QComboBox()
        for box in (self.kind_filter, self.place_filter, self.audience_filter):
            box.activated.connect(lambda _=0: self.apply_filters())
        export = QToolButton()
        export.setText(self.tr("导出日程"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("活动安排表（PDF，打印张贴）…"), lambda: self.export(".pdf"))
        menu.addAction(self.tr("活动安排表（Excel）…"), lambda: self.export(".xlsx"))
        menu.addAction(self.tr("日历文件（.ics，导入手机或电脑日历）…"), lambda: self.export(".ics"))
        set_button_menu(export, menu)

        self.month = MonthView()
        self.week = WeekView()
        self.agenda_model: RowTableModel[EventInfo] = RowTableModel(self._agenda_columns(), parent=self)
        self.agenda = QTableView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.verticalHeader().setVisible(False)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.agenda, stretch=2)  # 活动内容
        self.agenda.clicked.connect(lambda index: self._choose(self.agenda_model.rows()[index.row()].id))
        self.agenda.doubleClicked.connect(
            lambda index: self.edit_event(self.agenda_model.rows()[index.row()].id)
        )
        for view in (self.month, self.week):
            view.event_chosen.connect(self._choose)
            view.event_opened.connect(self.edit_event)
            view.day_opened.connect(self.new_event)
            view.event_moved.connect(self.move_event)
        self.views = QStackedWidget()
        for page in (self.month, self.week, self.agenda):
            self.views.addWidget(page)

        self.today_list = QListWidget()
        self.tomorrow_list = QListWidget()
        self.clash_list = QListWidget()
        for listing in (self.today_list, self.tomorrow_list, self.clash_list):
            # A long title wraps in the narrow side column instead of hiding behind a scrollbar.
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clash_list.itemDoubleClicked.connect(self._open_clash)
        self.today_heading = QLabel()
        self.today_heading.setObjectName("panelHeading")
        self.tomorrow_heading = QLabel()
        self.tomorrow_heading.setObjectName("panelHeading")
        self.clash_heading = QLabel()
        self.clash_heading.setObjectName("panelHeading")
        # Beyond the years the holiday table knows, only weekends are marked: said under the clashes.
        self.days_off_note = QLabel()
        self.days_off_note.setWordWrap(True)
        self.days_off_note.setVisible(False)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        for heading, widget in (
            (self.today_heading, self.today_list),
            (self.tomorrow_heading, self.tomorrow_list),
            (self.clash_heading, self.clash_list),
        ):
            side_layout.addWidget(heading)
            side_layout.addWidget(widget, 1)
        side_layout.addWidget(self.days_off_note)

        actions = QHBoxLayout()
        for action in (new, self.edit_button, self.duplicate_button, self.delete_button, self.undo_button):
            actions.addWidget(action)
        actions.addSpacing(16)
        actions.addLayout(switch)
        actions.addSpacing(16)
        actions.addWidget(previous)
        actions.addWidget(today)
        actions.addWidget(following)
        actions.addWidget(self.period)
        actions.addStretch(1)
        actions.addWidget(export)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("筛选：")))
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.place_filter)
        filters.addWidget(self.audience_filter)
        filters.addStretch(1)
        self.legend = QLabel()
        self.legend.setObjectName("hint")
        filters.addWidget(self.legend)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.views)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([940, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    # ------------------------------------------------------------ loading

    @property
    def selected_id(self) -> int:
        return self.month.selected

    def show_festival(self, festival_id: int) -> None:
        self.festival = get_festival(self.db, festival_id)
        self.follower.pending = Changed.NOTHING  # read whole here
        self.last_deleted = None
        self.undo_button.setEnabled(False)
        if not self.festival.start_date <= self.anchor <= self.festival.end_date:
            self.anchor = (
                self.today
                if self.festival.start_date <= self.today <= self.festival.end_date
                else self.festival.start_date
            )
        self.reload()

    def _changed(self, changes: Changed, _origin: object) -> None:
        if self.festival is None:
            return
        if changes & Changed.FESTIVAL:
            self.festival = get_festival(self.db, self.festival.id)
        self.reload()

    def reload(self) -> None:
        assert self.festival is not None
        self.events = list_events(self.db, self.festival.id)
        self.phases = list_phases(self.db, self.festival.id)
        self.clashes = find_clashes(self.events, self.festival, self.phases)
        self._fill_filters()
        self._fill_side()
        self.apply_filters()

    def _fill_filters(self) -> None:
        place = self.place_filter.currentData()
        self.place_filter.clear()
        self.place_filter.addItem(self.tr("全部地点"), None)
        for name in sorted({e.place for e in self.events if e.place}):
            self.place_filter.addItem(name, name)
        self.place_filter.setCurrentIndex(max(self.place_filter.findData(place), 0))
        audience = self.audience_filter.currentData()
        self.audience_filter.clear()
        self.audience_filter.addItem(self.tr("全部参加对象"), None)
        assert self.festival is not None
        classes = list_classes(self.db, self.festival.id)
        for section in dict.fromkeys(c.section for c in classes):
            self.audience_filter.addItem(section, frozenset(c.level for c in classes if c.section == section))
        for level, name in dict.fromkeys((c.level, c.grade_name) for c in classes):
            self.audience_filter.addItem(name, frozenset({level}))
        self.audience_filter.setCurrentIndex(max(self.audience_filter.findData(audience), 0))

    def _fill_side(self) -> None:
        tomorrow = self.today + dt.timedelta(days=1)
        for heading, listing, day, word in (
            (self.today_heading, self.today_list, self.today, self.tr("今日")),
            (self.tomorrow_heading, self.tomorrow_list, tomorrow, self.tr("明日")),
        ):
            heading.setText(self.tr("{0}　{1}月{2}日").format(word, day.month, day.day))
            listing.clear()
            for event in happening(self.events, day):
                place = f"　{event.place}" if event.place else ""
                item = QListWidgetItem(kind_icon(event.colour), f"{event.time_text}　{event.title}{place}")
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                listing.addItem(item)
            if not listing.count():
                listing.addItem(self.tr("没有安排"))
        open_clashes = [c for c in self.clashes if not c.accepted]
        self.clash_heading.setText(self.tr("冲突（{0}）").format(len(open_clashes)))
        self.clash_list.clear()
        for clash in sorted(self.clashes, key=lambda c: c.accepted):
            text = clash.message if not clash.accepted else self.tr("已确认保留：{0}").format(clash.message)
            item = QListWidgetItem(("⚠ " if not clash.accepted else "") + text)
            # A phase boundary on a day off names no event; there is none to open.
            item.setData(Qt.ItemDataRole.UserRole, clash.event_ids[0] if clash.event_ids else None)
            if clash.accepted:
                item.setForeground(Qt.GlobalColor.gray)
            else:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.clash_list.addItem(item)
        if not self.clashes:
            self.clash_list.addItem(self.tr("没有冲突"))
        assert self.festival is not None
        years = range(self.festival.start_date.year, self.festival.end_date.year + 1)
        note = unknown_years_note(years)
        self.days_off_note.setText(self.tr("⚠ {0}").format(note) if note else "")
        self.days_off_note.setVisible(bool(note))

    def apply_filters(self) -> None:
        """Redraw every view with the events the filters keep."""
        kind = self.kind_filter.currentData()
        place = self.place_filter.currentData()
        levels = self.audience_filter.currentData()
        self.shown_events = [
            e
            for e in self.events
            if e.matches({EventKind(kind)} if kind else None, place, set(levels) if levels else None)
        ]
        clashing = frozenset(i for c in self.clashes if not c.accepted for i in c.event_ids)
        data = CalendarData(self.shown_events, self.phases, self.today, clashing)
        for view in (self.month, self.week):
            view.show_data(data)
            view.show_date(self.anchor)
        self.agenda_model.set_rows(self.shown_events)
        self.legend.setText(self.tr("显示 {0} / {1} 项").format(len(self.shown_events), len(self.events)))
        self._show_period()

    # ------------------------------------------------------------ navigation

    def show_view(self, index: int) -> None:
        self.view_buttons.button(index).setChecked(True)
        self.views.setCurrentIndex(index)
        self._show_period()

    def step(self, direction: int) -> None:
        if self.views.currentIndex() == WEEK:
            self.go_to(self.anchor + dt.timedelta(days=7 * direction))
        else:
            month = self.anchor.month - 1 + direction
            self.go_to(dt.date(self.anchor.year + month // 12, month % 12 + 1, 1))

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        for view in (self.month, self.week):
            view.show_date(day)
        self._show_period()

    def _show_period(self) -> None:
        if self.views.currentIndex() == WEEK:
            monday = self.week.monday()
            sunday = monday + dt.timedelta(days=6)
            self.period.setText(
                self.tr("{0}月{1}日 – {2}月{3}日").format(monday.month, monday.day, sunday.month, sunday.day)
            )
        elif self.views.currentIndex() == MONTH:
            self.period.setText(self.tr("{0}年{1}月").format(self.anchor.year, self.anchor.month))
        else:
            self.period.setText(self.tr("全部日程"))

    # ------------------------------------------------------------ editing

    def _choose(self, event_id: int) -> None:
        for view in (self.month, self.week):
            view.selected = event_id
            view.update()
        self._update_buttons()

    def _update_buttons(self) -> None:
        event = self.event_by_id(self.selected_id)
        editable = event is not None and not event.is_derived
        for button in (self.edit_button, self.duplicate_button, self.delete_button):
            button.setEnabled(editable)

    def event_by_id(self, event_id: int) -> EventInfo | None:
        return next((e for e in self.events if e.id == event_id), None)

    def _dialog(self, event: EventInfo) -> EventDialog:
        assert self.festival is not None
        return EventDialog(
            self.db,
            self.runner,
            self.festival.id,
            event,
            self.phases,
            list_classes(self.db, self.festival.id),
            sorted({e.place for e in self.events if e.place}),
            self,
            clashes_of=lambda info: (
                clashes_with(info, self.events, self.festival, self.phases)
                if self.festival is not None
                else []
            ),
        )

    def new_event(self, day: dt.date) -> EventDialog:
        """Open the dialog for a new event on that day (double-click on a day, or 新建活动)."""
        phase = next((p.id for p in self.phases if p.start_date <= day <= p.end_date), None)
        dialog = self._dialog(
            EventInfo(0, "", EventKind.LECTURE, day, day, dt.time(9), dt.time(10), phase_id=phase)
        )
        dialog.finished.connect(lambda _=0: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def edit_event(self, event_id: int) -> EventDialog | None:
        event = self.event_by_id(event_id)
        if event is None:
            return None
        if event.is_derived:
            show_error(
                self,
                self.tr("「{0}」来自比赛项目：请在“作品报名 → 比赛项目”中修改截止日期或评审日期。").format(
                    event.title
                ),
            )
            return None
        dialog = self._dialog(event)
        dialog.finished.connect(lambda _=0: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: EventDialog) -> None:
        if dialog.saved is not None:
            self._choose(dialog.saved.id)
            self.go_to(dialog.saved.start_date)

    def move_event(self, event_id: int, day: dt.date) -> None:
        moved = self.runner.now(self, lambda: move_event(self.db, event_id, day))
        if moved is not FAILED:
            self._choose(moved.id)

    def duplicate_selected(self) -> None:
        if self.festival is None or self.event_by_id(self.selected_id) is None:
            return
        festival_id, event_id = self.festival.id, self.selected_id
        copy = self.runner.now(self, lambda: duplicate_event(self.db, festival_id, event_id))
        if copy is not FAILED:
            self._choose(copy.id)

    def delete_selected(self) -> None:
        event = self.event_by_id(self.selected_id)
        if event is None or event.is_derived:
            return
        deleted = self.runner.now(self, lambda: delete_event(self.db, event.id))
        if deleted is FAILED:
            return
        self.last_deleted = deleted
        self.undo_button.setEnabled(self.last_deleted is not None)
        self.undo_button.setToolTip(self.tr("恢复「{0}」").format(event.title))
        self._choose(0)

    def undo_delete(self) -> None:
        if self.last_deleted is None or self.festival is None:
            return
        festival_id, gone = self.festival.id, self.last_deleted
        restored = self.runner.now(self, lambda: restore_event(self.db, festival_id, gone))
        self.last_deleted = None
        self.undo_button.setEnabled(False)
        if restored is not FAILED:
            self._choose(restored.id)

    def _open_clash(self, item: QListWidgetItem) -> None:
        event_id = item.data(Qt.ItemDataRole.UserRole)
        if event_id:
            self.edit_event(int(event_id))

    # ------------------------------------------------------------ agenda and export

    def _agenda_columns(self) -> list[Column[EventInfo]]:
        return [
            Column(self.tr("日期"), lambda e: e.date_text, sort_key=lambda e: e.start_date),
            Column(self.tr("时间"), lambda e: e.time_text),
            Column(
                self.tr("活动内容"), lambda e: ("⚠ " if e.id in self.month.data.clashing else "") + e.title
            ),
            Column(self.tr("类别"), lambda e: e.kind_label),
            Column(self.tr("地点"), lambda e: e.place),
            Column(self.tr("负责人"), lambda e: e.responsible),
            Column(self.tr("参加对象"), lambda e: e.audience_text),
        ]

    def export(self, suffix: str) -> None:
        if self.festival is None:
            return
        filters = {
            ".pdf": self.tr("PDF 文件 (*.pdf)"),
            ".xlsx": self.tr("Excel 工作簿 (*.xlsx)"),
            ".ics": self.tr("日历文件 (*.ics)"),
        }
        path = ask_save_path(
            self, self.tr("导出日程"), f"{self.festival.name}活动安排表", suffix, filters[suffix]
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        assert self.festival is not None
        festival_id = self.festival.id
        self.runner.produce(
            self,
            lambda: export_schedule(self.db, festival_id, path),
            lambda count: tell_saved(self, self.tr("已导出 {0} 项活动。").format(count), path),
            label=self.tr("正在导出日程…"),
        )

"""The side panel of 作品登记: register a new entry, or edit the selected one (saved as each field is left)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.errors import FestError
from fest_desktop.registration.competitions import CompetitionInfo
from fest_desktop.registration.entries import (
    EntryDraft,
    EntryInfo,
    LateEntryError,
    create_entry,
    update_entry,
)
from fest_desktop.registration.kinds import EntryStatus, QuotaState
from fest_desktop.registration.quotas import class_entry_count, quota_state
from fest_desktop.school.people import StudentInfo, TeacherInfo
from fest_desktop.school.pinyin import matches_initials
from fest_desktop.school.structure import ClassInfo
from fest_desktop.storage.database import Database
from fest_desktop.values import DESCRIPTION, TITLE
from ui.operations import Runner
from ui.widgets.messages import FAILED, confirm, show_error
from ui.widgets.scrolling import ScrollingPanel


class AuthorPicker(QWidget):
    """Authors chosen from the students of one class: type part of a name or its pinyin initials."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._students: list[StudentInfo] = []
        self._by_label: dict[str, StudentInfo] = {}
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入姓名或拼音首字母，如 zzh"))
        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        # The suggestions are filtered here (pinyin initials too), so the completer shows them as given.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setCompleter(self.completer)
        self.search.textEdited.connect(self._suggest)
        self.search.returnPressed.connect(self._add_typed)
        self.completer.activated.connect(self._add_label)
        self.chosen = QListWidget()
        # Room for three authors (a team's size) without a scroll bar, not more: the panel is a form.
        self.chosen.setFixedHeight(
            3 * (self.chosen.fontMetrics().lineSpacing() + 4) + 2 * self.chosen.frameWidth()
        )
        remove = QPushButton(self.tr("移除所选作者"))
        remove.clicked.connect(self._remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.chosen)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)

    def set_students(self, students: Sequence[StudentInfo]) -> None:
        self._students = list(students)
        counts: dict[str, int] = {}
        for student in self._students:
            counts[student.name] = counts.get(student.name, 0) + 1
        self._by_label = {self._label(s, counts[s.name] > 1): s for s in self._students}

    @staticmethod
    def _label(student: StudentInfo, twin: bool) -> str:
        return f"{student.name}（{student.student_number or student.id}）" if twin else student.name

    def candidates(self, text: str) -> list[str]:
        wanted = text.strip()
        if not wanted:
            return []
        return [
            label
            for label, student in self._by_label.items()
            if wanted in student.name or matches_initials(wanted, student.name)
        ]

    def _suggest(self, text: str) -> None:
        self._suggestions.setStringList(self.candidates(text))
        if self._suggestions.rowCount():
            self.completer.complete()

    def _add_typed(self) -> None:
        found = self.candidates(self.search.text())
        if len(found) == 1 or self.search.text().strip() in found:
            self._add_label(found[0] if len(found) == 1 else self.search.text().strip())

    def _add_label(self, label: str) -> None:
        student = self._by_label.get(label)
        if student is None:
            return
        if student.id not in self.author_ids():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, student.id)
            self.chosen.addItem(item)
            self.changed.emit()
        # The completer writes the chosen text into the line after this slot (Qt quirk), so clear later.
        self.search.clear()
        self._suggestions.setStringList([])

    def _remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self.changed.emit()

    def author_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.chosen.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.chosen.count())
        )

    def set_authors(self, authors: Sequence[tuple[int, str]]) -> None:
        self.chosen.clear()
        for student_id, name in authors:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, student_id)
            self.chosen.addItem(item)
        self.search.clear()


class EntryPanel(QWidget):
    """Register a new entry (登记作品) or edit the selected one; the quota of the class is shown as it is chosen."""

    entry_created = Signal(object)
    entry_saved = Signal(object)

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.festival_id = 0
        self.entry: EntryInfo | None = None
        self._competitions: list[CompetitionInfo] = []
        self._all_competitions: list[CompetitionInfo] = []
        self._classes: list[ClassInfo] = []
        self._students: list[StudentInfo] = []
        self._loading = False

        self.heading = QLabel()
        self.heading.setObjectName("panelHeading")
        self.competition = QComboBox()
        self.school_class = QComboBox()
        self.quota_hint = QLabel()
        self.quota_hint.setObjectName("quotaHint")
        self.quota_hint.setWordWrap(True)
        self.subtype = QComboBox()
        self.subtype.setEditable(True)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE.longest)
        self.authors = AuthorPicker()
        # The author of a work of a competition for teachers (经验论文评比), which has no class.
        self.teacher = QComboBox()
        self.advisor = QComboBox()
        self.advisor.setEditable(True)
        self.parent_name = QLineEdit()
        self.notes = QLineEdit()
        self.description = QLineEdit()
        self.description.setMaxLength(DESCRIPTION.longest)
        self.description.setPlaceholderText(self.tr("一两句话介绍作品（推荐参加上级比赛时造册用）"))
        self.status = QComboBox()
        for status in EntryStatus:
            self.status.addItem(status.label, status.value)

        form = QFormLayout()
        self.form = form
        form.addRow(self.tr("比赛项目"), self.competition)
        form.addRow(self.tr("班级"), self.school_class)
        form.addRow("", self.quota_hint)
        form.addRow(self.tr("作品类型"), self.subtype)
        form.addRow(self.tr("作品题目"), self.title)
        form.addRow(self.tr("作者"), self.authors)
        form.addRow(self.tr("作者老师"), self.teacher)
        form.addRow(self.tr("指导老师"), self.advisor)
        form.addRow(self.tr("合作家长"), self.parent_name)
        form.addRow(self.tr("作品说明"), self.description)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.tr("状态"), self.status)

        self.register_button = QPushButton(self.tr("登记作品"))
        self.register_button.setObjectName("primaryButton")
        self.register_button.clicked.connect(self.register)
        self.new_button = QPushButton(self.tr("再登记一件"))
        self.new_button.clicked.connect(self.start_new)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.register_button)

        fields = QWidget()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        # On a short screen the fields scroll; the heading and 登记作品 stay in sight.
        layout.addWidget(ScrollingPanel(fields), 1)
        layout.addLayout(buttons)

        self.competition.currentIndexChanged.connect(self._competition_chosen)
        self.school_class.currentIndexChanged.connect(self._class_chosen)
        for line in (self.title, self.parent_name, self.notes, self.description):
            line.editingFinished.connect(self._save)
        for box in (self.subtype, self.advisor):
            typed = box.lineEdit()
            assert typed is not None  # both boxes are editable
            typed.editingFinished.connect(self._save)
        self.subtype.activated.connect(self._save)
        self.advisor.activated.connect(self._save)
        self.teacher.activated.connect(self._save)
        self.status.activated.connect(self._save)
        self.authors.changed.connect(self._save)

    # ------------------------------------------------------------ data

    def set_festival(
        self,
        festival_id: int,
        competitions: list[CompetitionInfo],
        classes: list[ClassInfo],
        students: list[StudentInfo],
        teachers: list[TeacherInfo],
    ) -> None:
        self.festival_id = festival_id
        self._competitions = [c for c in competitions if not c.is_class_competition]
        self._all_competitions = competitions
        self._classes = classes
        self._students = students
        self._loading = True
        self.advisor.clear()
        self.advisor.addItems(["", *(t.name for t in teachers)])
        self.teacher.clear()
        self.teacher.addItem(self.tr("（请选择）"), None)
        for teacher in teachers:
            self.teacher.addItem(
                f"{teacher.name}（{teacher.subject}）" if teacher.subject else teacher.name, teacher.id
            )
        self._loading = False
        if self.entry is not None:
            self.show_entry(self.entry)
        else:
            self.start_new()

    def _fill_competitions(self, competitions: list[CompetitionInfo], chosen: int | None) -> None:
        self.competition.clear()
        for competition in competitions:
            self.competition.addItem(competition.name, competition.id)
        position = self.competition.findData(chosen) if chosen is not None else 0
        self.competition.setCurrentIndex(max(position, 0))

    def _competition_info(self) -> CompetitionInfo | None:
        chosen = self.competition.currentData()
        return next((c for c in self._all_competitions if c.id == chosen), None)

    def _for_teachers(self) -> bool:
        competition = self._competition_info()
        return competition is not None and competition.is_for_teachers

    def _show_author_rows(self) -> None:
        """A teacher's work has its teacher as author, and no class, pupils or parent."""
        teachers = self._for_teachers()
        for widget in (self.school_class, self.authors, self.parent_name):
            self.form.setRowVisible(widget, not teachers)
        self.form.setRowVisible(self.teacher, teachers)

    def _fill_classes(self, chosen: int | None) -> None:
        competition = self._competition_info()
        self.school_class.clear()
        for school_class in self._classes:
            if competition is None or competition.accepts_level(school_class.level):
                self.school_class.addItem(school_class.name, school_class.id)
        position = self.school_class.findData(chosen) if chosen is not None else -1
        self.school_class.setCurrentIndex(max(position, 0))

    # ------------------------------------------------------------ modes

    def start_new(self) -> None:
        """Empty the panel for a new entry, keeping the competition and class just used."""
        previous_competition = self.competition.currentData()
        previous_class = self.school_class.currentData()
        self.entry = None
        self._loading = True
        self.heading.setText(self.tr("登记新作品"))
        self._fill_competitions(self._competitions, previous_competition)
        self._fill_classes(previous_class)
        self.competition.setEnabled(True)
        self.school_class.setEnabled(True)
        self.title.clear()
        self.notes.clear()
        self.description.clear()
        self.parent_name.clear()
        self.advisor.setEditText("")
        self.teacher.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self._loading = False
        self._competition_chosen()
        self.authors.set_authors([])
        self.register_button.setVisible(True)
        self.new_button.setVisible(False)

    def show_entry(self, entry: EntryInfo) -> None:
        """Show a stored entry for editing; each change is saved when its field is left."""
        self.entry = entry
        self._loading = True
        self.heading.setText(self.tr("作品 {0}").format(entry.code))
        self._fill_competitions(self._all_competitions, entry.competition_id)
        self._fill_classes(entry.class_id)
        self.competition.setEnabled(False)
        competition = self._competition_info()
        self.school_class.setEnabled(competition is not None and not competition.is_class_competition)
        self._fill_subtypes(competition)
        self.subtype.setEditText(entry.subtype)
        self.title.setText(entry.title)
        self._load_students()
        self.authors.set_authors([(a.student_id, a.name) for a in entry.authors])
        self.authors.setEnabled(competition is not None and not competition.is_class_competition)
        self.advisor.setEditText(entry.advisor)
        self.teacher.setCurrentIndex(max(self.teacher.findData(entry.teacher_id), 0))
        self._show_author_rows()
        self.parent_name.setText(entry.parent_name)
        self.parent_name.setEnabled(competition is not None and competition.parent_allowed)
        self.notes.setText(entry.notes)
        self.description.setText(entry.description)
        self.status.setCurrentIndex(max(self.status.findData(entry.status.value), 0))
        self._loading = False
        self._show_quota()
        self.register_button.setVisible(False)
        self.new_button.setVisible(True)

    # ------------------------------------------------------------ reactions

    def _fill_subtypes(self, competition: CompetitionInfo | None) -> None:
        current = self.subtype.currentText()
        self.subtype.clear()
        self.subtype.addItems(["", *(competition.subtypes if competition else ())])
        self.subtype.setEditText(current)

    def _competition_chosen(self) -> None:
        if self._loading:
            return
        competition = self._competition_info()
        self._loading = True
        self._fill_classes(self.school_class.currentData())
        self._fill_subtypes(competition)
        self.parent_name.setEnabled(competition is not None and competition.parent_allowed)
        self.authors.setEnabled(True)
        self._show_author_rows()
        self._loading = False
        self._class_chosen()

    def _class_chosen(self) -> None:
        if self._loading:
            return
        self._load_students()
        if self.entry is not None:
            self._save()
        else:
            self.authors.set_authors([])
        self._show_quota()

    def _load_students(self) -> None:
        class_id = self.school_class.currentData()
        self.authors.set_students([s for s in self._students if s.class_id == class_id])

    def _show_quota(self) -> None:
        competition = self._competition_info()
        class_id = self.school_class.currentData()
        if competition is not None and competition.is_for_teachers:
            text = self.tr("教师比赛：作品属于作者老师，不属于班级；每人最多 {0} 件").format(
                competition.works_per_student
            )
            if competition.deadline is not None:
                text += "；" + competition.deadline_word + "\u00a0" + competition.deadline.isoformat()
            self.quota_hint.setText(text)
            self.quota_hint.setProperty("state", "")
            self.register_button.setEnabled(True)
            self.register_button.setToolTip("")
            return
        if competition is None or class_id is None:
            self.quota_hint.clear()
            return
        count = class_entry_count(self.db, competition.id, class_id)
        level = next(c.level for c in self._classes if c.id == class_id)
        state = quota_state(competition, level, count)
        text = self.tr("本班已报 {0} {1}，名额：{2}").format(
            count, competition.entry_unit, competition.quota_text
        )
        if state.short_of:
            text += self.tr("　还差 {0} {1}").format(
                (competition.quota_min or 0) - count, competition.entry_unit
            )
        elif state == QuotaState.OVER:
            text += self.tr("　已超出名额")
        full = competition.quota_max is not None and count >= competition.quota_max
        if full and state != QuotaState.OVER:
            text += self.tr("　名额已满")
        if competition.deadline is not None:
            # A non-breaking space: the date stays on the line of its 截止.
            text += "；" + competition.deadline_word + "\u00a0" + competition.deadline.isoformat()
        self.quota_hint.setText(text)
        # Full is said at once, before the form is filled in: not the green of a class that is done.
        self.quota_hint.setProperty("state", "over" if full and self.entry is None else state.value)
        blocked = full and self.entry is None
        self.register_button.setEnabled(not blocked)
        self.register_button.setToolTip(
            self.tr("本班「{0}」的名额（{1}）已用完，不能再登记。").format(
                competition.name, competition.quota_text
            )
            if blocked
            else ""
        )
        self.quota_hint.style().unpolish(self.quota_hint)
        self.quota_hint.style().polish(self.quota_hint)

    def _draft(self) -> EntryDraft:
        teachers = self._for_teachers()
        return EntryDraft(
            competition_id=int(self.competition.currentData() or 0),
            class_id=None if teachers else int(self.school_class.currentData() or 0),
            subtype=self.subtype.currentText(),
            title=self.title.text(),
            author_ids=() if teachers else self.authors.author_ids(),
            advisor=self.advisor.currentText(),
            parent_name="" if teachers else self.parent_name.text(),
            notes=self.notes.text(),
            status=EntryStatus(self.status.currentData()),
            description=self.description.text(),
            teacher_id=self.teacher.currentData() if teachers else None,
        )

    # ------------------------------------------------------------ saving

    def register(self) -> None:
        """登记作品: create the entry from the panel; after the deadline only once the teacher confirms."""
        draft = self._draft()
        if not draft.competition_id or (not draft.class_id and not self._for_teachers()):
            show_error(self, self.tr("请先选择比赛项目和班级。"))
            return
        try:
            done = create_entry(self.db, self.festival_id, draft)
        except LateEntryError as late:
            if not confirm(self, self.tr("已过截止日期"), late.message):
                return
            confirmed = self.runner.now(
                self, lambda: create_entry(self.db, self.festival_id, draft, allow_late=True)
            )
            if confirmed is FAILED:
                return
            created = confirmed
        except FestError as exc:
            show_error(self, exc.message)
            return
        else:
            created = self.runner.apply(done, self)
        self.entry_created.emit(created)
        self.teacher.setCurrentIndex(0)
        self.title.clear()
        self.notes.clear()
        self.description.clear()
        self.parent_name.clear()
        self.authors.set_authors([])
        self.subtype.setEditText("")
        self._show_quota()
        self.title.setFocus()

    def _save(self) -> None:
        if self._loading or self.entry is None:
            return
        draft = self._draft()
        if draft == self.entry.draft():
            return
        entry = self.entry
        saved = self.runner.now(self, lambda: update_entry(self.db, entry.id, draft))
        if saved is FAILED:
            self.show_entry(entry)
            return
        self.entry = saved
        self._show_quota()
        self.entry_saved.emit(saved)

    def forget(self, entry_ids: Sequence[int]) -> None:
        if self.entry is not None and self.entry.id in entry_ids:
            self.start_new()

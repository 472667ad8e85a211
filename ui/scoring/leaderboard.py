"""The projector leaderboard: a separate window for the hall, large type, rows that slide to their
new place as scores arrive, and a reveal mode for the ceremony. It reloads when the database says
scores changed, so scores typed on another PC show within a second."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QPropertyAnimation,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from fest_desktop.school.festivals import get_festival
from fest_desktop.scoring.sheet import EntryResult, ScoringSheet
from fest_desktop.storage.database import Database
from ui.scoring.keep_awake import ScreenKeptOn
from ui.scoring.live_sheet import LiveSheet

BOARD_STYLE = """
#leaderboard { background: qlineargradient(x1:0, y1:0, x2:0, y2:1, stop:0 #0d2a4f, stop:1 #16487f); }
#leaderboard QLabel { color: white; }
#boardTitle { font-weight: bold; }
#boardSubtitle { color: #bcd3ef; }
#groupHeading { color: #ffd66b; font-weight: bold; border-bottom: 2px solid #ffd66b; }
#boardRow { background: rgba(255, 255, 255, 0.10); border-radius: 8px; }
#boardRow[place="1"] { background: rgba(255, 214, 107, 0.35); }
#boardRow[place="2"] { background: rgba(220, 230, 245, 0.28); }
#boardRow[place="3"] { background: rgba(230, 170, 110, 0.28); }
#boardRow[pending="true"] QLabel { color: #9fb6d3; }
#bigNotice { color: #ffd66b; font-weight: bold; }
"""
ANIMATION_MILLISECONDS = 650
# A group longer than the screen turns its pages by itself, so that every class reaches the hall.
PAGE_SECONDS = 8
MIN_ROW_HEIGHT = 44
MAX_ROW_HEIGHT = 110


def judges_done(result: EntryResult) -> tuple[int, int]:
    """(judges who finished, judges who score it), or attempts measured for a measured entry."""
    if result.attempts:
        return sum(v is not None for v in result.attempts), len(result.attempts)
    panel = [j for j in result.judges if not j.blocked]
    return sum(j.total is not None for j in panel), len(panel)


class BoardRow(QFrame):
    """One class on the board: rank, name, score, progress."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("boardRow")
        self.rank = QLabel()
        self.name = QLabel()
        self.score = QLabel()
        self.progress = QLabel()
        self.rank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 16, 0)
        layout.addWidget(self.rank)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.score)
        layout.addWidget(self.progress)
        self.animation = QPropertyAnimation(self, b"pos", self)
        self.animation.setDuration(ANIMATION_MILLISECONDS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.target = QPoint(-1, -1)
        self.font_px = 0

    def show_result(
        self, result: EntryResult, hide_scores: bool, height: int, show_partial: bool = False
    ) -> None:
        done, total = judges_done(result)
        self.rank.setText(str(result.rank) if result.rank else "")
        self.name.setText(result.entry.class_name if not result.entry.authors else result.entry.label)
        # An entry still being scored shows the hall only that it is: one judge's total is not a result.
        partial = not result.complete and not show_partial
        self.score.setText("" if hide_scores or partial else result.final_text)
        self.score.setVisible(not hide_scores)
        self.progress.setText("✓" if result.complete else self.tr("评分中 {0}/{1}").format(done, total))
        font_px = max(int(height * 0.46), 14)
        if font_px != self.font_px:  # style sheets are costly: set them only when the size changes
            self.font_px = font_px
            for label in (self.rank, self.name, self.score):
                label.setStyleSheet(f"font-size: {font_px}px; font-weight: bold;")
            self.progress.setStyleSheet(f"font-size: {max(int(font_px * 0.55), 12)}px;")
            self.rank.setFixedWidth(int(font_px * 2.0))
            self.score.setMinimumWidth(int(font_px * 3.4))
            self.progress.setMinimumWidth(int(font_px * 2.6))
        changed = self.property("place") != str(result.rank or 0) or self.property("pending") != (
            not result.complete
        )
        self.setProperty("place", str(result.rank or 0))
        self.setProperty("pending", not result.complete)
        if changed:
            self.style().unpolish(self)
            self.style().polish(self)

    def move_to(self, target: QPoint, animate: bool) -> None:
        if target == self.target:
            return
        self.target = target
        self.animation.stop()
        if animate and self.isVisible():
            self.animation.setStartValue(self.pos())
            self.animation.setEndValue(target)
            self.animation.start()
        else:
            self.move(target)


@dataclass
class RevealState:
    """Where the ceremony is: which entry (in reveal order) and which step of it."""

    order: list[EntryResult]
    position: int = 0
    step: int = 0  # 0: judges' totals, 1: highest and lowest struck, 2: the final


class LeaderboardWindow(QWidget):
    """The hall's board for one competition; options hide scores, hold everything until 公布, or
    reveal class by class."""

    redrawn = Signal()

    def __init__(
        self, db: Database, festival_id: int, live: LiveSheet, screen_on: ScreenKeptOn | None = None
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.live = live.hold()
        self._holding = True
        self.screen_on = screen_on or ScreenKeptOn()
        festival = get_festival(db, festival_id)
        self.hide_scores = False
        self.show_partial = False
        self.held = False
        self.page = 0
        self.page_count = 1
        self._pages_timer = QTimer(self)
        self._pages_timer.setInterval(PAGE_SECONDS * 1000)
        self._pages_timer.timeout.connect(self.next_page)
        self.reveal: RevealState | None = None
        self.placed_for = QSize()  # the stage's size the rows were last placed for
        self.rows: dict[int, BoardRow] = {}
        self.headings: dict[str, QLabel] = {}
        self.results: list[EntryResult] = []
        self.setObjectName("leaderboard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BOARD_STYLE)
        self.setWindowTitle(self.tr("排行榜 — {0}").format(self.sheet.competition.name))
        self.resize(1280, 720)

        self.title = QLabel(self.tr("{0}　{1}").format(festival.title, self.sheet.competition.name))
        self.title.setObjectName("boardTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("boardSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stage = QWidget()
        # The rows are placed for the stage's size, which changes with the window and also with the
        # title's type (its height depends on the fonts this PC has): redrawn whenever it changes.
        self.stage.installEventFilter(self)
        self._redraw_soon = QTimer(self)
        self._redraw_soon.setSingleShot(True)
        self._redraw_soon.setInterval(0)
        self._redraw_soon.timeout.connect(self.redraw)
        self.notice = QLabel(self.tr("成绩即将公布"))
        self.notice.setObjectName("bigNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_card = QLabel()
        self.reveal_card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_card.setTextFormat(Qt.TextFormat.RichText)
        self.pages = QStackedLayout()
        for widget in (self.stage, self.notice, self.reveal_card):
            self.pages.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 20, 36, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(self.pages, 1)
        self.hint = QLabel(self.tr("按 F11 全屏显示，Esc 退出全屏"))
        self.hint.setObjectName("boardSubtitle")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.hint)

        live.change_applied.connect(self.redraw)
        live.reloaded.connect(self.redraw)
        self.redraw()

    @property
    def sheet(self) -> ScoringSheet:
        return self.live.sheet

    # ------------------------------------------------------------ showing

    def show_on(self, screen: QScreen, full_screen: bool) -> None:
        """Full screen on the projector's screen; a plain window when there is only one screen."""
        self.setScreen(screen)
        self.move(screen.geometry().topLeft())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()

    def set_hide_scores(self, hide: bool) -> None:
        self.hide_scores = hide
        self.redraw()

    def set_show_partial(self, show: bool) -> None:
        """Show the running figure of entries not every judge has scored yet (off by default)."""
        self.show_partial = show
        self.redraw()

    def next_page(self) -> None:
        self.page = (self.page + 1) % max(self.page_count, 1)
        self.redraw()

    def set_held(self, held: bool) -> None:
        """Show nothing until the teacher presses 公布."""
        self.held = held
        self.redraw()

    def start_reveal(self) -> None:
        """The ceremony: each group from its last ranked class to its first."""
        order: list[EntryResult] = []
        for group in dict.fromkeys(r.entry.group for r in self.results):
            ranked = [r for r in self.results if r.entry.group == group and r.rank is not None]
            order.extend(reversed(ranked))
        self.reveal = RevealState(order)
        self.held = False
        self.redraw()

    def stop_reveal(self) -> None:
        self.reveal = None
        self.redraw()

    def next_step(self) -> None:
        state = self.reveal
        if state is None or not state.order:
            return
        dropped_any = any(j.dropped for j in state.order[state.position].judges)
        if state.step == 0 and not dropped_any:
            state.step = 2
        elif state.step < 2:
            state.step += 1
        elif state.position + 1 < len(state.order):
            state.position, state.step = state.position + 1, 0
        self.redraw()

    # ------------------------------------------------------------ drawing

    def redraw(self) -> None:
        """Draw the board from the sheet as it is now (every score arrives here, local or not)."""
        self.results = self.sheet.results()
        done, total = self.sheet.progress()
        height = max(self.height(), 400)
        self.title.setStyleSheet(f"font-size: {int(height * 0.055)}px;")
        self.subtitle.setStyleSheet(f"font-size: {int(height * 0.03)}px;")
        self.notice.setStyleSheet(f"font-size: {int(height * 0.12)}px;")
        self.subtitle.setText(
            self.tr("已评完 {0}/{1}　·　评分进行中，排名实时更新").format(done, total)
            if done < total
            else self.tr("全部评完 {0}/{1}").format(done, total)
        )
        if self.held:
            self.pages.setCurrentWidget(self.notice)
        elif self.reveal is not None:
            self.pages.setCurrentWidget(self.reveal_card)
            self._render_reveal(height)
        else:
            self.pages.setCurrentWidget(self.stage)
            self._place_rows()
        self.redrawn.emit()

    def _place_rows(self) -> None:
        groups: dict[str, list[EntryResult]] = {}
        for result in self.results:
            groups.setdefault(result.entry.group, []).append(result)
        width, height = self.stage.width(), self.stage.height()
        if width < 50 or height < 50:
            width, height = self.width() - 72, self.height() - 160
        # Rows glide to a new place when the ranking changes; on a stage of another size they are put there.
        resized = self.placed_for != QSize(width, height)
        self.placed_for = QSize(width, height)
        columns = max(len(groups), 1)
        gap = 28
        column_width = (width - gap * (columns - 1)) // columns
        heading_height = max(int(height * 0.09), 36)
        longest = max((len(rows) for rows in groups.values()), default=1)
        row_height = max(MIN_ROW_HEIGHT, min(MAX_ROW_HEIGHT, (height - heading_height) // max(longest, 1)))
        fits = max((height - heading_height) // row_height, 1)
        self.page_count = max(-(-len(members) // fits) for members in groups.values()) if groups else 1
        if self.page_count > 1 and not self._pages_timer.isActive():
            self._pages_timer.start()
        elif self.page_count == 1:
            self._pages_timer.stop()
        seen: set[int] = set()
        for column, (group, members) in enumerate(groups.items()):
            x = column * (column_width + gap)
            heading = self.headings.get(group)
            if heading is None:
                heading = QLabel(group, self.stage)
                heading.setObjectName("groupHeading")
                self.headings[group] = heading
            own_pages = max(-(-len(members) // fits), 1)
            page = self.page % own_pages
            heading.setText(
                group if own_pages == 1 else self.tr("{0}　第 {1}/{2} 页").format(group, page + 1, own_pages)
            )
            heading.setStyleSheet(f"font-size: {int(heading_height * 0.55)}px;")
            heading.setGeometry(x, 0, column_width, heading_height - 6)
            heading.show()
            for place, result in enumerate(members[page * fits : (page + 1) * fits]):
                row = self.rows.get(result.entry.id)
                fresh = row is None or not row.isVisible()
                if row is None:
                    row = BoardRow(self.stage)
                    self.rows[result.entry.id] = row
                row.show_result(result, self.hide_scores, row_height, self.show_partial)
                row.resize(column_width, row_height - 6)
                row.move_to(QPoint(x, heading_height + place * row_height), animate=not fresh and not resized)
                row.show()
                seen.add(result.entry.id)
        for entry_id, row in self.rows.items():
            if entry_id not in seen:
                row.hide()
                row.target = QPoint(-1, -1)
        for group, heading in self.headings.items():
            heading.setVisible(group in groups)

    def _render_reveal(self, height: int) -> None:
        state = self.reveal
        assert state is not None
        if not state.order:
            self.reveal_card.setText(self.tr("还没有评完的班级可以揭晓。"))
            return
        result = state.order[state.position]
        big, middle = int(height * 0.09), int(height * 0.05)
        totals = []
        for judge in result.judges:
            if judge.blocked or judge.total is None:
                continue
            text = f"{judge.total:g}"
            if judge.dropped and state.step >= 1:
                text = f"<s style='color:#9fb6d3'>{text}</s>"
            totals.append(text)
        lines = [
            f"<div style='font-size:{middle}px;color:#ffd66b'>{result.entry.group}</div>",
            f"<div style='font-size:{big}px;font-weight:bold'>{result.entry.class_name}</div>",
            f"<div style='font-size:{middle}px'>{'　'.join(totals)}</div>",
        ]
        if state.step >= 2:
            lines.append(
                f"<div style='font-size:{int(big * 1.4)}px;font-weight:bold;color:#ffd66b'>"
                + self.tr("{0}　第{1}名").format(
                    result.final_text if result.unit else result.final_text + " 分", result.rank
                )
                + "</div>"
            )
        self.reveal_card.setText("".join(lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for row in self.rows.values():
            row.target = QPoint(-1, -1)
        # Once the layout has given the stage its new size: drawn now, the rows would be laid out for
        # the old one and the last cut in half.
        self._redraw_soon.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.stage and event.type() == QEvent.Type.Resize:
            self._redraw_soon.start()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.hint.setVisible(not self.isFullScreen())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.next_step()
        elif key == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.close()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.screen_on.hold()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.screen_on.release()
        self._pages_timer.stop()
        if self._holding:  # a window may receive a second close event
            self._holding = False
            self.live.change_applied.disconnect(self.redraw)
            self.live.reloaded.disconnect(self.redraw)
            self.live.release()
        super().closeEvent(event)

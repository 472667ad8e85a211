"""The calendar's views: a month grid and a week timeline, both painted (hundreds of events redraw in
a few milliseconds), with the festival's phases as bands, today highlighted and clashes marked."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from fest_desktop.calendar.events import EventInfo
from fest_desktop.school.festivals import PhaseInfo
from fest_desktop.school.school_days import day_off

PHASE_COLOURS = ("#dbe9fb", "#e3f4e1", "#fdf0d5", "#f3e1f5", "#e0f2f1")
TODAY_COLOUR = QColor("#1f5fae")
CLASH_COLOUR = QColor("#c62828")
GRID_COLOUR = QColor("#d9dee7")
DAY_OFF_COLOUR = QColor("#c0392b")
FIRST_HOUR, LAST_HOUR = 7, 19


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass
class CalendarData:
    """What both views draw: the filtered events, the phases, today, the clashing events."""

    events: Sequence[EventInfo] = ()
    phases: Sequence[PhaseInfo] = ()
    today: dt.date = dataclasses.field(default_factory=dt.date.today)
    clashing: frozenset[int] = frozenset()

    def phase_on(self, day: dt.date) -> tuple[int, PhaseInfo] | None:
        for position, phase in enumerate(self.phases):
            if phase.start_date <= day <= phase.end_date:
                return position, phase
        return None

    def on(self, day: dt.date) -> list[EventInfo]:
        return [e for e in self.events if e.start_date <= day <= e.end_date]


class CalendarView(QWidget):
    """What the two painted views share: data, hit areas of the drawn events, and the signals."""

    event_chosen = Signal(int)  # clicked
    event_opened = Signal(int)  # double-clicked: edit
    day_opened = Signal(object)  # double-click on free space: a new event that day (dt.date)
    event_moved = Signal(int, object)  # dragged to another day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = CalendarData()
        self.anchor = dt.date.today()
        self.selected = 0
        self.hits: list[tuple[QRectF, EventInfo]] = []
        self._pressed: EventInfo | None = None
        self._drag_from = QPoint()
        self.setMouseTracking(False)
        self.setMinimumSize(640, 420)

    def show_data(self, data: CalendarData) -> None:
        self.data = data
        self.update()

    def show_date(self, anchor: dt.date) -> None:
        self.anchor = anchor
        self.update()

    def event_at(self, point: QPoint) -> EventInfo | None:
        for rect, event in reversed(self.hits):
            if rect.contains(point.toPointF()):
                return event
        return None

    def day_at(self, point: QPoint) -> dt.date | None:
        raise NotImplementedError

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.event_at(event.position().toPoint())
            self._pressed = hit
            self._drag_from = event.position().toPoint()
            if hit is not None:
                self.selected = hit.id
                self.event_chosen.emit(hit.id)
                self.update()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is not None and not self._pressed.is_derived:
            moved = (event.position().toPoint() - self._drag_from).manhattanLength() > 6
            self.setCursor(Qt.CursorShape.ClosedHandCursor if moved else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        self.unsetCursor()
        point = event.position().toPoint()
        if pressed is not None and not pressed.is_derived and (point - self._drag_from).manhattanLength() > 6:
            target, source = self.day_at(point), self.day_at(self._drag_from)
            if target is not None and source is not None and target != source:
                self.event_moved.emit(pressed.id, pressed.start_date + (target - source))
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.event_at(event.position().toPoint())
        if hit is not None:
            self.event_opened.emit(hit.id)
            return
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_opened.emit(day)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.event_at(event.pos())
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(hit), self)
            return True
        return super().event(event)

    def weekdays(self) -> tuple[str, ...]:
        return (
            self.tr("周一"),
            self.tr("周二"),
            self.tr("周三"),
            self.tr("周四"),
            self.tr("周五"),
            self.tr("周六"),
            self.tr("周日"),
        )

    def tooltip(self, event: EventInfo) -> str:
        lines = [event.title, f"{event.date_text} {event.time_text}　{event.kind_label}"]
        if event.place:
            lines.append(self.tr("地点：{0}").format(event.place))
        if event.responsible:
            lines.append(self.tr("负责：{0}").format(event.responsible))
        lines.append(self.tr("参加对象：{0}").format(event.audience_text))
        if event.id in self.data.clashing:
            lines.append(self.tr("⚠ 有冲突，见右侧“冲突”列表"))
        if event.is_derived:
            lines.append(self.tr("（来自比赛项目，在“作品报名 → 比赛项目”中修改）"))
        return "\n".join(lines)

    def draw_chip(self, painter: QPainter, rect: QRectF, event: EventInfo, text: str) -> None:
        """One event: its kind's colour, a red border and ⚠ when it clashes, bold when selected."""
        colour = QColor(event.colour)
        fill = QColor(colour)
        fill.setAlpha(40 if event.is_derived else 60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setBrush(colour)
        painter.drawRect(QRectF(rect.left(), rect.top(), 3, rect.height()))
        clashing = event.id in self.data.clashing
        if clashing or event.id == self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(CLASH_COLOUR if clashing else TODAY_COLOUR, 1.5))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setPen(CLASH_COLOUR if clashing else QColor("#1d2733"))
        font = painter.font()
        font.setBold(event.id == self.selected)
        painter.setFont(font)
        shown = ("⚠ " if clashing else "") + text
        painter.drawText(
            rect.adjusted(6, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown
        )
        self.hits.append((rect, event))


class MonthView(CalendarView):
    """Six weeks from the Monday before the first of the month; drag an event to move it."""

    HEADER = 26

    def first_day(self) -> dt.date:
        return monday_of(self.anchor.replace(day=1))

    def _cell(self, index: int) -> QRect:
        width, height = self.width() / 7, (self.height() - self.HEADER) / 6
        column, row = index % 7, index // 7
        return QRect(int(column * width), int(self.HEADER + row * height), int(width), int(height))

    def day_at(self, point: QPoint) -> dt.date | None:
        if point.y() < self.HEADER:
            return None
        column = min(int(point.x() / (self.width() / 7)), 6)
        row = min(int((point.y() - self.HEADER) / ((self.height() - self.HEADER) / 6)), 5)
        return self.first_day() + dt.timedelta(days=row * 7 + column)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self.hits = []
        base = QFont(self.font())
        width = self.width() / 7
        painter.setPen(QColor("#5b6b82"))
        for column, name in enumerate(self.weekdays()):
            painter.drawText(
                QRect(int(column * width), 0, int(width), self.HEADER),
                Qt.AlignmentFlag.AlignCenter,
                name,
            )
        by_day: dict[dt.date, list[EventInfo]] = {}
        first = self.first_day()
        last = first + dt.timedelta(days=41)
        for item in self.data.events:
            if item.end_date < first or item.start_date > last:
                continue
            day = max(item.start_date, first)
            while day <= min(item.end_date, last):
                by_day.setdefault(day, []).append(item)
                day += dt.timedelta(days=1)
        line = max(painter.fontMetrics().height() + 3, 17)
        for index in range(42):
            day = first + dt.timedelta(days=index)
            cell = self._cell(index)
            in_month = day.month == self.anchor.month
            phase = self.data.phase_on(day)
            if phase is not None:
                painter.fillRect(cell, QColor(PHASE_COLOURS[phase[0] % len(PHASE_COLOURS)]))
            elif not in_month:
                painter.fillRect(cell, QColor("#f6f7f9"))
            painter.setPen(GRID_COLOUR)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            number = QRect(cell.left() + 4, cell.top() + 2, 26, line)
            painter.setFont(base)
            if day == self.data.today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(TODAY_COLOUR)
                painter.drawEllipse(QRectF(number.left() - 1, number.top(), line + 2, line))
                painter.setPen(QColor("white"))
            off = day_off(day)
            if day != self.data.today:
                # Weekends and statutory holidays in red, as printed calendars show them.
                colour = DAY_OFF_COLOUR if off is not None else QColor("#1d2733")
                painter.setPen(colour if in_month else colour.lighter(190))
            painter.drawText(
                QRect(number.left(), number.top(), line, line), Qt.AlignmentFlag.AlignCenter, str(day.day)
            )
            labelled = phase is not None and (day == phase[1].start_date or day.weekday() == 0)
            if off is not None and off.holiday and not labelled:
                painter.setPen(DAY_OFF_COLOUR)
                painter.drawText(
                    QRect(cell.left() + line + 8, cell.top() + 2, cell.width() - line - 12, line),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    off.holiday,
                )
            if labelled:
                assert phase is not None
                painter.setPen(QColor("#5b6b82"))
                painter.drawText(
                    QRect(cell.left() + line + 8, cell.top() + 2, cell.width() - line - 12, line),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                    phase[1].name,
                )
            items = sorted(
                by_day.get(day, []), key=lambda e: (not e.all_day, e.start_time or dt.time(0), e.title)
            )
            room = max((cell.height() - line - 6) // line, 0)
            crowded = len(items) > room
            # A day with room for one line (a small screen) still shows its first event, "+N" beside it.
            shown = items[: max(room - 1, min(room, 1))] if crowded else items
            beside = crowded and len(shown) == room
            more_width = painter.fontMetrics().horizontalAdvance("⚠ +99") + 6
            for position, item in enumerate(shown):
                top = cell.top() + line + 4 + position * line
                rect = QRectF(cell.left() + 2, top, cell.width() - 4, line - 2)
                if beside and position == len(shown) - 1:
                    rect.setRight(rect.right() - more_width)
                text = item.title if item.all_day else f"{item.start_time:%H:%M} {item.title}"
                self.draw_chip(painter, rect, item, text)
            if crowded:
                hidden_clash = any(item.id in self.data.clashing for item in items[len(shown) :])
                painter.setPen(CLASH_COLOUR if hidden_clash else QColor("#5b6b82"))
                hidden = len(items) - len(shown)
                more = f"+{hidden}" if beside else self.tr("还有 {0} 项…").format(hidden)
                place = (
                    QRect(
                        cell.right() - more_width,
                        cell.top() + line + 4 + (room - 1) * line,
                        more_width,
                        line - 2,
                    )
                    if beside
                    else QRect(cell.left() + 6, cell.bottom() - line, cell.width() - 8, line)
                )
                painter.drawText(
                    place,
                    (Qt.AlignmentFlag.AlignRight if beside else Qt.AlignmentFlag.AlignLeft)
                    | Qt.AlignmentFlag.AlignVCenter,
                    # A clash among the hidden ones is marked here too, not only once the day is opened.
                    ("⚠ " + more) if hidden_clash else more,
                )
        painter.end()


class WeekView(CalendarView):
    """Seven days from Monday, hours down; all-day items in a strip on top."""

    HEADER = 40
    STRIP = 64
    LABELS = 46

    def monday(self) -> dt.date:
        return monday_of(self.anchor)

    def _column_width(self) -> float:
        return (self.width() - self.LABELS) / 7

    def _hour_height(self) -> float:
        return (self.height() - self.HEADER - self.STRIP) / (LAST_HOUR - FIRST_HOUR)

    def day_at(self, point: QPoint) -> dt.date | None:
        if point.x() < self.LABELS:
            return None
        column = min(int((point.x() - self.LABELS) / self._column_width()), 6)
        return self.monday() + dt.timedelta(days=column)

    def _y(self, moment: dt.time) -> float:
        hours = moment.hour + moment.minute / 60
        hours = min(max(hours, FIRST_HOUR), LAST_HOUR)
        return self.HEADER + self.STRIP + (hours - FIRST_HOUR) * self._hour_height()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self.hits = []
        width = self._column_width()
        monday = self.monday()
        line = painter.fontMetrics().height() + 3
        for column in range(7):
            day = monday + dt.timedelta(days=column)
            left = self.LABELS + column * width
            phase = self.data.phase_on(day)
            header = QRectF(left, 0, width, self.HEADER)
            if phase is not None:
                painter.fillRect(header, QColor(PHASE_COLOURS[phase[0] % len(PHASE_COLOURS)]))
            if day == self.data.today:
                painter.fillRect(
                    QRectF(left, self.HEADER, width, self.height() - self.HEADER), QColor("#f1f6fd")
                )
            painter.setPen(TODAY_COLOUR if day == self.data.today else QColor("#1d2733"))
            label = f"{self.weekdays()[column]} {day.month}/{day.day}"
            painter.drawText(QRectF(left, 2, width, line), Qt.AlignmentFlag.AlignCenter, label)
            if phase is not None:
                painter.setPen(QColor("#5b6b82"))
                painter.drawText(QRectF(left, line, width, line), Qt.AlignmentFlag.AlignCenter, phase[1].name)
            painter.setPen(GRID_COLOUR)
            painter.drawLine(int(left), 0, int(left), self.height())
            items = self.data.on(day)
            all_day = [e for e in items if e.all_day]
            for position, item in enumerate(all_day[: max(self.STRIP // line, 1)]):
                rect = QRectF(left + 2, self.HEADER + 2 + position * line, width - 4, line - 2)
                self.draw_chip(painter, rect, item, item.title)
            timed = sorted((e for e in items if not e.all_day), key=lambda e: (e.start_time, e.title))
            lanes: list[dt.time] = []
            placed: list[tuple[EventInfo, int]] = []
            for item in timed:
                assert item.start_time is not None
                lane = next((n for n, end in enumerate(lanes) if end <= item.start_time), len(lanes))
                end = item.end_time or item.start_time
                if lane == len(lanes):
                    lanes.append(end)
                else:
                    lanes[lane] = end
                placed.append((item, lane))
            count = max(len(lanes), 1)
            for item, lane in placed:
                assert item.start_time is not None
                top, bottom = self._y(item.start_time), self._y(item.end_time or item.start_time)
                rect = QRectF(
                    left + 2 + lane * (width - 4) / count,
                    top,
                    (width - 4) / count - 2,
                    max(bottom - top, line),
                )
                self.draw_chip(painter, rect, item, f"{item.start_time:%H:%M} {item.title}")
        painter.setPen(GRID_COLOUR)
        painter.drawLine(0, self.HEADER, self.width(), self.HEADER)
        painter.drawLine(0, self.HEADER + self.STRIP, self.width(), self.HEADER + self.STRIP)
        for hour in range(FIRST_HOUR, LAST_HOUR + 1):
            y = self._y(dt.time(hour % 24))
            painter.setPen(GRID_COLOUR)
            painter.drawLine(self.LABELS, int(y), self.width(), int(y))
            painter.setPen(QColor("#5b6b82"))
            painter.drawText(
                QRectF(0, y - line / 2, self.LABELS - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{hour}:00",
            )
        painter.end()

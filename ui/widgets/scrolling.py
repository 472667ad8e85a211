"""Scrolling instead of squeezing: a form or side panel that scrolls when the screen is short, and the
frame every tab of the window sits in, so that no page can push the window past the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ScrollingPanel(QScrollArea):
    """A form or side panel that keeps every field at its usable height and scrolls up and down when
    the window is shorter than the panel. Its width is the panel's own: it never scrolls sideways.

    Tab from field to field scrolls the field into view (QScrollArea does this for its children)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None, *, sideways: bool = False) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        if not sideways:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        # QScrollArea paints its content with the window colour (Qt sets autoFillBackground on the
        # widget it is given): the panel keeps the colour of what is behind it, as before it scrolled.
        content.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self._sideways = sideways

    def sizeHint(self) -> QSize:
        # QScrollArea's own hint is capped at a few dozen lines of text; a panel asks for all of itself.
        content = self.widget()
        if content is None:
            return super().sizeHint()
        wanted = content.sizeHint().expandedTo(content.minimumSizeHint())
        return QSize(wanted.width() + self._scroll_bar_room(), wanted.height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the panel's fields allow (less would hide them: there is no sideways scrolling),
        and only a few lines high: the rest scrolls."""
        content = self.widget()
        least = super().minimumSizeHint()
        if content is None or self._sideways:
            return least
        width = content.minimumSizeHint().expandedTo(content.minimumSize()).width()
        return QSize(width + self._scroll_bar_room(), least.height())

    def _scroll_bar_room(self) -> int:
        bar = self.verticalScrollBar()
        return (
            bar.sizeHint().width()
            if self.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            else 0
        )


class PageFrame(QScrollArea):
    """Holds one page of the window (a tab). A page that fits the window, as every page does on the
    school's screens from 1024×700, shows no scroll bar; one that does not scrolls inside the window
    instead of making the window taller or wider than the screen.

    The page is given the whole view, or its least size where the view is smaller. (QScrollArea's own
    resizing gives a page with wrapped text its preferred height, which scrolls a page that fits.)"""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageFrame")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        page.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        page.installEventFilter(self)

    def page(self) -> QWidget:
        content = self.widget()
        assert content is not None
        return content

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    def sizeHint(self) -> QSize:
        return self.page().sizeHint()

    def fits(self) -> bool:
        """The whole page is shown, nothing scrolled out of sight."""
        return self.horizontalScrollBar().maximum() == 0 and self.verticalScrollBar().maximum() == 0

    def _fit_page(self) -> None:
        page = self.page()
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.maximumViewportSize()
        if least.width() > room.width():  # the sideways scroll bar takes room from the height
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())
        if least.height() > room.height():
            room.setWidth(room.width() - self.verticalScrollBar().sizeHint().width())
        page.resize(room.expandedTo(least))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_page()
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_page()
        return super().eventFilter(watched, event)


# What a window manager puts around a window (borders, title bar), before the window has a frame.
FRAME_ROOM = QSize(16, 40)


def size_within_screen(window: QWidget, wanted: QSize) -> None:
    """Give a dialog the size it wants, or as much of it as its screen's free area holds (what is inside
    scrolls or shrinks: a 1024×768 screen less its taskbar is about 700 pixels high)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() - FRAME_ROOM if screen is not None else wanted
    window.resize(wanted.boundedTo(room))

"""What a page must satisfy on a screen of a given size, and the walk through every page of a window.

A page passes when the window kept its size, the page shows whole (its frame does not scroll), and no
widget on it got less than the least size its layout promises it (Qt's own rule: the minimum size
hint, or the size hint where the widget may not shrink, or a wrapped label's height for its width) —
which is what a squeezed form looks like: fields a few pixels high, a hint drawn over the field below.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QSplitterHandle,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from ui.widgets.scrolling import PageFrame

Switcher = QTabWidget | QStackedWidget


def settle() -> None:
    """Let the layouts finish: posted layout requests, then what they post in turn."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def least_size(widget: QWidget) -> QSize:
    """The least size a layout gives widget (Qt's qSmartMinSize), and a wrapped label's height for
    the width it has."""
    hint, least_hint, policy = widget.sizeHint(), widget.minimumSizeHint(), widget.sizePolicy()
    sizes = []
    for hinted, least, rule, explicit in (
        (hint.width(), least_hint.width(), policy.horizontalPolicy(), widget.minimumWidth()),
        (hint.height(), least_hint.height(), policy.verticalPolicy(), widget.minimumHeight()),
    ):
        if explicit > 0:
            sizes.append(explicit)
        elif rule == QSizePolicy.Policy.Ignored:
            sizes.append(0)
        elif rule.value & QSizePolicy.PolicyFlag.ShrinkFlag.value:
            sizes.append(max(least, 0))
        else:
            sizes.append(max(hinted, least, 0))
    width, height = sizes
    # A wrapped text's height for its width (a container's height for width is its preferred height).
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.heightForWidth(widget.width()) > 0:
        height = max(height, widget.heightForWidth(widget.width()))
    return QSize(min(width, widget.maximumWidth()), min(height, widget.maximumHeight()))


def _is_part_of_another(widget: QWidget) -> bool:
    """Qt's own inner parts (scroll bars, viewports, a view's editors and headers, a tab bar's
    buttons, a combo box's line edit), sized by their owner rather than by a layout."""
    inner = (QScrollBar, QHeaderView, QSplitterHandle, QTabBar)
    if isinstance(widget, inner) or widget.objectName().startswith("qt_"):
        return True
    if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabBar):
            return True
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, PageFrame):
            # Laid out only inside a scroll area's content (a view's viewport holds editors).
            content = parent.widget() if isinstance(parent, QScrollArea) else None
            return content is None or not (content is widget or content.isAncestorOf(widget))
        parent = parent.parentWidget()
    return False


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = f" “{widget.text()[:24]}”"
    name = f" #{widget.objectName()}" if widget.objectName() else ""
    parent = widget.parentWidget()
    where = f" in {type(parent).__name__}" if parent is not None else ""
    return f"{type(widget).__name__}{name}{text}{where}"


def page_problems(window: QMainWindow, size: QSize, where: str) -> list[str]:
    """Everything wrong with the page shown in window, resized to size."""
    settle()
    problems = []
    if window.size() != size:
        problems.append(
            f"{where}: the window is {window.width()}×{window.height()}, not {size.width()}×{size.height()}"
        )
    frame = next((f for f in window.findChildren(PageFrame) if f.isVisible()), None)
    if frame is not None and not frame.fits():
        page = frame.page()
        least = page.minimumSizeHint()
        problems.append(
            f"{where}: the page needs {least.width()}×{least.height()} (it is {page.width()}×{page.height()}) "
            f"but has {frame.viewport().width()}×{frame.viewport().height()}"
        )
    return problems + squeezed(frame.page() if frame is not None else window, where)


def squeezed(root: QWidget, where: str) -> list[str]:
    """The widgets under root given less than their layout promises, cut by their parent, or holding a
    scroll area's content wider (or taller) than it shows without a scroll bar."""
    problems = []
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if not area.isVisible() or content is None:
            continue
        for policy, has, room in (
            (area.horizontalScrollBarPolicy(), content.width(), area.viewport().width()),
            (area.verticalScrollBarPolicy(), content.height(), area.viewport().height()),
        ):
            if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and has > room:
                problems.append(
                    f"{where}: {describe(content)} is cut: {has} pixels shown in {room}, no scroll bar"
                )
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or _is_part_of_another(widget):
            continue
        least = least_size(widget)
        if widget.height() < least.height() or widget.width() < least.width():
            problems.append(
                f"{where}: {describe(widget)} is {widget.width()}×{widget.height()}, "
                f"needs {least.width()}×{least.height()}"
            )
        parent = widget.parentWidget()
        scrolled = parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)
        if parent is not None and not scrolled and not parent.rect().contains(widget.geometry()):
            box = widget.geometry()
            problems.append(
                f"{where}: {describe(widget)} at {box.x()},{box.y()} {box.width()}×{box.height()} "
                f"is cut by its parent's {parent.width()}×{parent.height()}"
            )
    return problems


def _switchers(root: QWidget) -> list[Switcher]:
    """The visible tab widgets and stacks under root that no other switcher under root holds."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QTabWidget, QStackedWidget)) or not widget.isVisible():
            continue
        if isinstance(widget, QStackedWidget) and isinstance(widget.parentWidget(), QTabWidget):
            continue  # a tab widget's own stack: walked through the tab widget
        parent = widget.parentWidget()
        nested = False
        while parent is not None and parent is not root:
            if isinstance(parent, (QTabWidget, QStackedWidget)):
                nested = True
                break
            parent = parent.parentWidget()
        if not nested:
            found.append(widget)
    return found


def _page_name(switcher: Switcher, index: int) -> str:
    if isinstance(switcher, QTabWidget):
        return switcher.tabText(index)
    page = switcher.widget(index)
    return page.objectName() or f"{type(page).__name__} {index + 1}"


def walk_pages(root: QWidget, where: str) -> Iterator[str]:
    """Show every page under root in turn (each tab, each page of a stack, and the pages inside
    those), yielding where the walk is; each switcher is put back as it was."""
    yield where
    for switcher in _switchers(root):
        shown = switcher.currentIndex()
        for index in range(switcher.count()):
            if index != shown:
                switcher.setCurrentIndex(index)
                settle()
            yield from walk_pages(switcher.widget(index), f"{where} › {_page_name(switcher, index)}")
        switcher.setCurrentIndex(shown)
        settle()

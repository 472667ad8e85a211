"""The certificate preview: one certificate painted as it prints, with the template's fields outlined;
dragging a field moves it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from fest_desktop.certificates.items import PT, Sheet
from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import FieldKind
from fest_desktop.certificates.layout import lay_out_certificates
from fest_desktop.certificates.templates import TemplateField, TemplateInfo
from fest_desktop.errors import FestError
from ui.awards.printing import SheetPainter


class CertificatePreview(QWidget):
    """A certificate as it prints, with the template's fields outlined; dragging a field moves it."""

    field_moved = Signal(str, float, float)
    field_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, outlines: bool = True) -> None:
        super().__init__(parent)
        self.outlines = outlines
        self.template: TemplateInfo | None = None
        self.sheet: Sheet | None = None
        self.painting = SheetPainter()
        self.selected = ""
        self._drag: tuple[str, QPointF, float, float] | None = None
        # Drawn to scale in whatever room it has: small on a 1024×700 screen, yet readable.
        self.setMinimumSize(320, 220)
        self.setMouseTracking(True)

    def show_certificate(self, template: TemplateInfo, job: CertificateJob) -> None:
        self.template = template
        try:
            self.sheet = lay_out_certificates(template, [job], with_background=True)[0]
        except FestError:
            self.sheet = None
        self.update()

    def clear(self) -> None:
        """Nothing to show: an old certificate left on screen would be taken for the current one."""
        self.template = None
        self.sheet = None
        self.update()

    def _scale(self) -> tuple[float, QPointF]:
        """Pixels per mm of the slot drawn, and where its top left is."""
        assert self.template is not None
        width, height = self.template.width_mm, self.template.height_mm
        scale = min((self.width() - 12) / width, (self.height() - 12) / height)
        origin = QPointF((self.width() - width * scale) / 2, (self.height() - height * scale) / 2)
        return scale, origin

    def field_rect(self, item: TemplateField) -> QRectF:
        scale, origin = self._scale()
        if item.kind == FieldKind.TEXT:
            lines = 3 if item.wrap else 1
            height = item.size * PT * (item.line_spacing * (lines - 1) + 1.1)
        else:
            height = item.width_mm
        return QRectF(
            origin.x() + item.x_mm * scale,
            origin.y() + item.y_mm * scale,
            item.width_mm * scale,
            height * scale,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#e8eaed"))
        if self.template is None or self.sheet is None:
            return
        scale, origin = self._scale()
        page = QRectF(
            origin,
            QPointF(
                origin.x() + self.template.width_mm * scale, origin.y() + self.template.height_mm * scale
            ),
        )
        painter.fillRect(page, Qt.GlobalColor.white)
        # Painted for this widget's size at the screen's own pixels, as the printer paints it.
        self.painting.paint(painter, self.sheet, origin, scale)
        for item in self.template.fields if self.outlines else ():
            if not item.visible:
                continue
            chosen = item.name == self.selected
            painter.setPen(
                QPen(QColor("#1565c0" if chosen else "#90a4ae"), 2 if chosen else 1, Qt.PenStyle.DashLine)
            )
            painter.drawRect(self.field_rect(item))

    def field_at(self, point: QPointF) -> TemplateField | None:
        if self.template is None:
            return None
        # The field being edited wins where fields overlap (the seal sits on the school's name).
        if self.selected and self.field_rect(self.template.field(self.selected)).contains(point):
            return self.template.field(self.selected)
        for item in reversed(self.template.fields):
            if item.visible and self.field_rect(item).contains(point):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        item = self.field_at(event.position())
        if item is not None:
            self.selected = item.name
            self._drag = (item.name, event.position(), item.x_mm, item.y_mm)
            self.field_clicked.emit(item.name)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move_to(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._move_to(event.position()):
            assert self._drag is not None and self.template is not None
            name = self._drag[0]
            self._drag = None
            item = self.template.field(name)
            self.field_moved.emit(name, item.x_mm, item.y_mm)

    def _move_to(self, point: QPointF) -> bool:
        """Move the dragged field so that it follows the mouse; False when nothing is dragged."""
        if self._drag is None or self.template is None:
            return False
        name, start, x, y = self._drag
        scale, _origin = self._scale()
        moved = point - start
        item = self.template.field(name)
        self.template = self.template.with_field(
            dataclasses.replace(
                item, x_mm=round(x + moved.x() / scale, 1), y_mm=round(y + moved.y() / scale, 1)
            )
        )
        self.update()
        return True

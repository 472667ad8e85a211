"""The gallery of certificate designs in 证书模板: each design shown as a thumbnail of the template
being edited with the festival's real data, chosen with one click."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import DesignKind
from fest_desktop.certificates.layout import lay_out_certificates
from fest_desktop.certificates.templates import TemplateInfo, apply_design
from ui.awards.printing import SheetPainter

THUMBNAIL_WIDTH = 150


class DesignGallery(QListWidget):
    """Plain paper and every built-in design, drawn for the template and certificate shown; a click
    emits the design chosen (None for plain paper)."""

    design_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        thumbnail = QSize(THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH * 0.707))
        self.setIconSize(thumbnail)
        # One cell per design, the name under its picture: nothing overlaps whatever the names' lengths.
        self.setGridSize(QSize(thumbnail.width() + 24, thumbnail.height() + 46))
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(thumbnail.height() + 58)
        self.painting = SheetPainter()
        for design in (None, *DesignKind):
            item = QListWidgetItem(self.tr("白纸（无样式）") if design is None else self.tr(design.label))
            # As its code ("" for plain paper): a None kept in a QVariant upsets PySide's reference counts.
            item.setData(Qt.ItemDataRole.UserRole, design.value if design else "")
            item.setToolTip(
                self.tr("不画边框：用于套打（印好的奖状纸）或自己的底图")
                if design is None
                else self.tr(design.description)
            )
            self.addItem(item)
        self.itemClicked.connect(lambda item: self.design_chosen.emit(self.design_of(item)))

    @staticmethod
    def design_of(item: QListWidgetItem) -> DesignKind | None:
        code = item.data(Qt.ItemDataRole.UserRole)
        return DesignKind(code) if code else None

    def show_for(self, template: TemplateInfo, job: CertificateJob) -> None:
        """Thumbnails of the template on each design, the one it has marked as chosen."""
        for row in range(self.count()):
            item = self.item(row)
            design = self.design_of(item)
            shown = apply_design(template, design) if design != template.design else template
            picture = self._thumbnail(shown, job)
            icon = QIcon(picture)
            icon.addPixmap(picture, QIcon.Mode.Selected)  # the chosen one in its true colours, not tinted
            item.setIcon(icon)
            if design == template.design:
                self.setCurrentItem(item)

    def _thumbnail(self, template: TemplateInfo, job: CertificateJob) -> QPixmap:
        ratio = self.devicePixelRatioF()
        width = THUMBNAIL_WIDTH
        height = round(width * template.height_mm / template.width_mm)
        image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        sheet = lay_out_certificates(template, [job], with_background=True)[0]
        painter = QPainter(image)
        self.painting.paint(painter, sheet, QPointF(0, 0), width / template.width_mm)
        painter.setPen(QColor("#c5cfdd"))  # the sheet's edge, so plain paper shows as paper
        painter.drawRect(0, 0, width - 1, height - 1)
        painter.end()
        return QPixmap.fromImage(image)

"""Certificates on a printer at 100 %: the printer set to the template's paper in millimetres with no
margins, the laid-out sheets painted from the paper's corner at their physical size (text and QR codes
as vectors, pictures as pictures), and a batch recorded as printed only when the printer took it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from fest_desktop.certificates.batch import Deliver, Progress
from fest_desktop.certificates.calibration import PrinterCalibration
from fest_desktop.certificates.drawing import Cancelled
from fest_desktop.certificates.fonts import font_file
from fest_desktop.certificates.items import PT, Group, Item, Picture, Rule, Shape, Sheet, Squares, TextRun
from fest_desktop.certificates.templates import TemplateInfo
from fest_desktop.errors import FestError
from fest_desktop.files.qr import module_runs

# Painting in hundredths of a millimetre: QFont takes whole pixel sizes, and text of 7.3 pt must not
# be rounded to 7.
UNITS_PER_MM = 100


class SheetPainter:
    """Paints laid-out sheets with a QPainter, in millimetres from the top left corner of the paper;
    fonts and images are loaded once and kept."""

    def __init__(self) -> None:
        self._families: dict[str, str] = {}
        # By the object's identity, holding the object: a freed one's id may come back for another.
        self._images: dict[int, tuple[bytes, QImage]] = {}
        self._paths: dict[int, tuple[Shape, QPainterPath]] = {}

    def _font(self, name: str, size: float) -> QFont:
        family = self._families.get(name)
        if family is None:
            loaded = QFontDatabase.addApplicationFont(str(font_file(name)))
            families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
            family = self._families[name] = families[0] if families else ""
        font = QFont(family)
        font.setPixelSize(max(1, round(size * PT * UNITS_PER_MM)))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)  # the layout measured the text without kerning
        return font

    def _image(self, data: bytes) -> QImage:
        kept = self._images.get(id(data))
        if kept is None or kept[0] is not data:
            if len(self._images) > 8:  # a preview shown for many templates over a day
                self._images.clear()
            kept = self._images[id(data)] = (data, QImage.fromData(data))
        return kept[1]

    def paint(self, painter: QPainter, sheet: Sheet, origin: QPointF, pixels_per_mm: float) -> None:
        """Paint sheet with its top left corner at origin (in the painter's coordinates)."""
        painter.save()
        painter.translate(origin)
        painter.scale(pixels_per_mm / UNITS_PER_MM, pixels_per_mm / UNITS_PER_MM)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._paint_items(painter, sheet.items)
        painter.restore()

    def _paint_items(self, painter: QPainter, items: Sequence[Item]) -> None:
        unit = UNITS_PER_MM
        for item in items:
            match item:
                case TextRun():
                    painter.setFont(self._font(item.font, item.size))
                    painter.setPen(QColor(item.colour))
                    painter.drawText(QPointF(item.x * unit, item.baseline * unit), item.text)
                case Picture():
                    box = QRectF(item.x * unit, item.y * unit, item.width * unit, item.height * unit)
                    if item.multiply:
                        painter.save()
                        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
                    painter.drawImage(box, self._image(item.data))
                    if item.multiply:
                        painter.restore()
                case Squares():
                    cell = item.cell * unit
                    # The runs overlap a hair, leaving no seam; winding fill keeps the overlaps dark.
                    path = QPainterPath()
                    path.setFillRule(Qt.FillRule.WindingFill)
                    for row, column, length in module_runs(item.count, item.modules):
                        path.addRect(
                            QRectF(
                                item.x * unit + column * cell,
                                item.y * unit + row * cell,
                                length * cell + 1,
                                cell + 1,
                            )
                        )
                    painter.fillPath(path, QColor(item.colour))
                case Rule():
                    painter.setPen(QPen(QColor(item.colour), item.width * unit))
                    painter.drawLine(
                        QPointF(item.x1 * unit, item.y1 * unit), QPointF(item.x2 * unit, item.y2 * unit)
                    )
                case Shape():
                    painter.setPen(
                        QPen(QColor(item.stroke), item.width * unit) if item.stroke else Qt.PenStyle.NoPen
                    )
                    painter.setBrush(QColor(item.fill) if item.fill else Qt.BrushStyle.NoBrush)
                    painter.drawPath(self._path(item))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                case Group():
                    painter.save()
                    painter.translate(item.x * unit, item.y * unit)
                    self._paint_items(painter, item.items)
                    painter.restore()

    def _path(self, shape: Shape) -> QPainterPath:
        kept = self._paths.get(id(shape))
        if kept is not None and kept[0] is shape:
            return kept[1]
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for operation, numbers in shape.steps:
            points = [
                QPointF(numbers[i] * UNITS_PER_MM, numbers[i + 1] * UNITS_PER_MM)
                for i in range(0, len(numbers), 2)
            ]
            match operation:
                case "M":
                    path.moveTo(points[0])
                case "L":
                    path.lineTo(points[0])
                case "C":
                    path.cubicTo(points[0], points[1], points[2])
                case "Z":
                    path.closeSubpath()
        self._paths[id(shape)] = (shape, path)
        return path


def page_layout(template: TemplateInfo) -> QPageLayout:
    """The template's paper in millimetres, as it lies, without margins."""
    short, long = sorted((template.width_mm, template.height_mm))
    size = QPageSize(QSizeF(short, long), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if template.width_mm > template.height_mm
        else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


def certificate_printer(template: TemplateInfo, *, grey: bool = False) -> QPrinter:
    """A printer set up for the template before the print dialog: its paper and orientation, no
    margins, the page being the whole paper (full-page mode); in colour unless grey is asked for (a
    red seal and title print red on 套打 paper too)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(template))
    printer.setFullPage(True)
    if grey:
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
    return printer


def paper_mismatch(printer: QPrinter, template: TemplateInfo) -> str:
    """What differs between the paper chosen in the print dialog and the template's, or ""."""
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter)
    chosen = (paper.width(), paper.height())
    wanted = (template.width_mm, template.height_mm)
    if all(abs(a - b) <= 1 for a, b in zip(chosen, wanted, strict=True)):
        return ""

    def describe(size: tuple[float, float]) -> str:
        way = (
            QCoreApplication.translate("printing", "横向")
            if size[0] > size[1]
            else QCoreApplication.translate("printing", "纵向")
        )
        return QCoreApplication.translate("printing", "{0}×{1} 毫米（{2}）").format(
            f"{size[0]:.0f}", f"{size[1]:.0f}", way
        )

    return QCoreApplication.translate(
        "printing", "打印机的纸张是 {0}，证书模板是 {1}：证书不会按 100% 打在纸上。"
    ).format(describe(chosen), describe(wanted))


def print_sheets(
    printer: QPrinter,
    sheets: Sequence[Sheet],
    progress: Progress,
    calibration: PrinterCalibration | None = None,
) -> None:
    """Paint the sheets on the printer, a page each, at their physical size from the paper's corner,
    corrected for the printer's measured offset and scale when its calibration is given. FestError
    when the printer did not take the whole job (cancelled in the driver's own dialog, printer gone,
    paper out reported by the driver); Cancelled when progress says stop."""
    # The dialog or a change of output may have reset it: the paper's corner is the origin, always.
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise FestError(
            QCoreApplication.translate(
                "printing", "打印机没有接受打印任务（可能已取消），证书没有打印，也没有记为已打印。"
            )
        )
    resolution = printer.resolution()
    pixels_per_mm = resolution / 25.4
    total = sum(sheet.certificates for sheet in sheets)
    done = 0
    painting = SheetPainter()
    try:
        for number, sheet in enumerate(sheets):
            if number and not printer.newPage():
                raise FestError(
                    QCoreApplication.translate("printing", "打印中断，证书没有全部打印，没有记为已打印。")
                )
            # In full-page mode the painter's origin is the paper's own corner, not the printable area's.
            painter.save()
            if calibration is not None and not calibration.is_neutral:
                # Paint at (p - offset) / scale, which this printer puts at p (calibration.corrected).
                painter.scale(100 / calibration.scale_x_pct, 100 / calibration.scale_y_pct)
                painter.translate(
                    -calibration.offset_x_mm * pixels_per_mm, -calibration.offset_y_mm * pixels_per_mm
                )
            painting.paint(painter, sheet, QPointF(0, 0), pixels_per_mm)
            painter.restore()
            done += sheet.certificates
            if not progress(done, total):
                printer.abort()
                raise Cancelled(QCoreApplication.translate("printing", "已取消打印，证书没有记为已打印。"))
    finally:
        ended = painter.end()
    if not ended or printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise FestError(
            QCoreApplication.translate("printing", "打印机没有完成打印任务，证书没有记为已打印。")
        )


def to_printer(printer: QPrinter, calibration: PrinterCalibration | None = None) -> Deliver:
    """Deliver a certificate batch to a printer set up by certificate_printer, corrected by its
    calibration."""

    def send(sheets: Sequence[Sheet], progress: Progress) -> None:
        print_sheets(printer, sheets, progress, calibration)

    return send

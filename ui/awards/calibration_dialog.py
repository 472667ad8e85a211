"""打印机校准: what a teacher measured on the printed calibration page, typed once per printer; the
printer's offset and scale worked out from it, shown, and applied to everything it prints after."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fest_desktop.certificates.calibration import (
    RULER_START,
    Measured,
    PrinterCalibration,
    measured,
    printer_calibration,
    save_printer_calibration,
)
from fest_desktop.certificates.layout import ruler_lengths
from fest_desktop.certificates.templates import TemplateInfo
from fest_desktop.errors import FestError
from fest_desktop.storage.database import Database
from ui.operations import Runner
from ui.widgets.messages import FAILED


class CalibrationDialog(QDialog):
    """The printer, the four measures of its calibration page, and what they make of it."""

    def __init__(
        self, db: Database, runner: Runner, template: TemplateInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.setWindowTitle(self.tr("打印机校准"))
        self.across, self.down = ruler_lengths(template)
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.addItems(QPrinterInfo.availablePrinterNames())
        self.printer.setCurrentText(QPrinterInfo.defaultPrinterName())
        self.printer.currentTextChanged.connect(self._show_current)
        self.length_x = self._spin(self.across)
        self.start_x = self._spin(RULER_START)
        self.length_y = self._spin(self.down)
        self.start_y = self._spin(RULER_START)
        for spin in (self.length_x, self.start_x, self.length_y, self.start_y):
            spin.valueChanged.connect(self._show_result)
        self.current = QLabel()
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        clear = QPushButton(self.tr("清除这台打印机的校准"))
        clear.clicked.connect(self.clear)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.addButton(clear, QDialogButtonBox.ButtonRole.ResetRole)
        form = QFormLayout()
        form.addRow(self.tr("打印机"), self.printer)
        form.addRow(self.tr("横尺 0 到 {0} 量得（毫米）").format(f"{self.across:g}"), self.length_x)
        form.addRow(self.tr("纸的左边缘到横尺 0（毫米）"), self.start_x)
        form.addRow(self.tr("竖尺 0 到 {0} 量得（毫米）").format(f"{self.down:g}"), self.length_y)
        form.addRow(self.tr("纸的上边缘到竖尺 0（毫米）"), self.start_y)
        intro = QLabel(
            self.tr(
                "先用这台打印机按“实际大小”打印校准页，再用直尺量出下面四个数。"
                "保存后，这台打印机打印的证书会自动校正位置和缩放。"
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.current)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self._show_current()

    @staticmethod
    def _spin(value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0, 500)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setValue(value)
        return spin

    def _describe(self, calibration: PrinterCalibration) -> str:
        if calibration.is_neutral:
            return self.tr("未校准（按 100% 从纸角打印）")
        return self.tr("偏移 X {0} 毫米、Y {1} 毫米，缩放 横 {2}%、竖 {3}%").format(
            f"{calibration.offset_x_mm:+.1f}",
            f"{calibration.offset_y_mm:+.1f}",
            f"{calibration.scale_x_pct:.1f}",
            f"{calibration.scale_y_pct:.1f}",
        )

    def stored(self) -> PrinterCalibration:
        return printer_calibration(self.db, self.printer.currentText().strip())

    def _show_current(self) -> None:
        self.current.setText(self.tr("当前：{0}").format(self._describe(self.stored())))
        self._show_result()

    def worked_out(self) -> PrinterCalibration:
        """The calibration the measures give (FestError when they make no sense)."""
        page = Measured(
            self.across,
            self.length_x.value(),
            self.start_x.value(),
            self.down,
            self.length_y.value(),
            self.start_y.value(),
        )
        return measured(self.stored(), page)

    def _show_result(self) -> None:
        try:
            text = self.tr("保存后：{0}").format(self._describe(self.worked_out()))
        except FestError as exc:
            text = exc.message
        self.outcome.setText(text)

    def save(self) -> None:
        saved = self.runner.now(self, lambda: save_printer_calibration(self.db, self.worked_out()))
        if saved is not FAILED:
            self.accept()

    def clear(self) -> None:
        name = self.printer.currentText().strip()
        if (
            self.runner.now(self, lambda: save_printer_calibration(self.db, PrinterCalibration(name)))
            is not FAILED
        ):
            self._show_current()

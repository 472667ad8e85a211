"""The school's seal before it is kept: the photo or scan as chosen beside the seal as it will print,
laid over a line of the certificate's text, so that a teacher sees the paper gone and the red kept."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QWidget

SIDE = 220


def _shown(data: bytes, text: str = "") -> QPixmap:
    """The picture fitted in a square of white paper, with text under it when given (as the school's
    name and the date lie under the seal on a certificate)."""
    canvas = QImage(SIDE, SIDE, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if text:
        font = QFont()
        font.setPixelSize(26)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(0, 0, SIDE, SIDE), Qt.AlignmentFlag.AlignCenter, text)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    picture = QImage.fromData(data)
    if not picture.isNull():
        fitted = picture.scaled(SIDE - 20, SIDE - 20, Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage((SIDE - fitted.width()) // 2, (SIDE - fitted.height()) // 2, fitted)
    painter.end()
    return QPixmap.fromImage(canvas)


class SealDialog(QDialog):
    """The chosen picture and the seal made from it, side by side: 使用 keeps it, 取消 leaves the
    template's seal as it was."""

    def __init__(self, original: bytes, prepared: bytes, school: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("印章预览"))
        self.before = QLabel()
        self.before.setPixmap(_shown(original))
        self.after = QLabel()
        self.after.setPixmap(_shown(prepared, school))
        note = QLabel(
            self.tr("已按颜色去掉纸张（不论白纸、灰纸或阴影），只留下红色印泥；打印时盖在学校名称和日期上。")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("使用这个印章"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("选择的图片")), 0, 0)
        layout.addWidget(QLabel(self.tr("打印出来的印章")), 0, 1)
        layout.addWidget(self.before, 1, 0)
        layout.addWidget(self.after, 1, 1)
        layout.addWidget(note, 2, 0, 1, 2)
        layout.addWidget(buttons, 3, 0, 1, 2)

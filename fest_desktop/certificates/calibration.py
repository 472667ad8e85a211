"""A printer's own error, measured once on the calibration page and corrected on every certificate it
prints: where it puts the paper's corner (an offset, mm) and how much it shrinks or stretches (a scale,
%, as a driver's "fit to printable area" does at 96–97 %). Kept in the festival file by printer name, so
a second PC or next year's festival finds it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from fest_desktop.changes import Changed, Done
from fest_desktop.errors import ValidationError
from fest_desktop.storage.database import Database
from fest_desktop.storage.model import Setting

# Where the calibration page's rulers start, from the paper's left and top edges (mm).
RULER_START = 10.0
# A printer that moves the page more than this, or scales it further from 100 %, is not misaligned but
# set up wrongly (another paper size, a layout of several pages a sheet): said, not corrected.
LARGEST_OFFSET = 20.0
SCALE_RANGE = (80.0, 120.0)


@dataclass(frozen=True)
class PrinterCalibration:
    """What a printer does to a page: a point meant at (x, y) mm lands at (x × scale_x % + offset_x,
    y × scale_y % + offset_y)."""

    printer: str
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    scale_x_pct: float = 100.0
    scale_y_pct: float = 100.0

    @property
    def is_neutral(self) -> bool:
        return (self.offset_x_mm, self.offset_y_mm, self.scale_x_pct, self.scale_y_pct) == (0, 0, 100, 100)

    def corrected(self, x: float, y: float) -> tuple[float, float]:
        """Where to paint so that this printer puts it at (x, y)."""
        return (
            (x - self.offset_x_mm) * 100 / self.scale_x_pct,
            (y - self.offset_y_mm) * 100 / self.scale_y_pct,
        )


@dataclass(frozen=True)
class Measured:
    """What a teacher measured on a printed calibration page: the length of the across ruler (meant
    ruler_x_mm) and of the down ruler, and how far each ruler's 0 lies from the paper's left and top
    edges (meant RULER_START)."""

    ruler_x_mm: float
    length_x_mm: float
    start_x_mm: float
    ruler_y_mm: float
    length_y_mm: float
    start_y_mm: float


def measured(previous: PrinterCalibration, page: Measured) -> PrinterCalibration:
    """The printer's calibration from a calibration page it printed with the previous one applied:
    what is still off on the page is added to what was already corrected."""
    if not previous.printer.strip():
        raise ValidationError("请先选择打印机。")
    for what, value in (("横尺", page.length_x_mm), ("竖尺", page.length_y_mm)):
        if not 0 < value < 1000:
            raise ValidationError(f"{what}量得的长度 {value:g} 毫米不对。")
    # Still off on the corrected page: meant p lands at p × scale + offset.
    scale_x, scale_y = page.length_x_mm / page.ruler_x_mm, page.length_y_mm / page.ruler_y_mm
    offset_x = page.start_x_mm - RULER_START * scale_x
    offset_y = page.start_y_mm - RULER_START * scale_y
    calibration = PrinterCalibration(
        previous.printer.strip(),
        round(offset_x + previous.offset_x_mm * scale_x, 2),
        round(offset_y + previous.offset_y_mm * scale_y, 2),
        round(previous.scale_x_pct * scale_x, 2),
        round(previous.scale_y_pct * scale_y, 2),
    )
    return checked(calibration)


def checked(calibration: PrinterCalibration) -> PrinterCalibration:
    """The calibration, or ValidationError when it says the printer is set up wrongly."""
    low, high = SCALE_RANGE
    for what, scale in (("横向", calibration.scale_x_pct), ("纵向", calibration.scale_y_pct)):
        if not low <= scale <= high:
            raise ValidationError(
                f"{what}缩放 {scale:.1f}% 相差太多：请在打印对话框里选择与证书相同的纸张，"
                "并把“缩放”设为“实际大小”或 100%，再打印校准页重新测量。"
            )
    for what, offset in (("左右", calibration.offset_x_mm), ("上下", calibration.offset_y_mm)):
        if abs(offset) > LARGEST_OFFSET:
            raise ValidationError(
                f"{what}偏移 {offset:.1f} 毫米太大：请检查纸张是否放正、纸张大小是否选对，再重新测量。"
            )
    return calibration


def _key(printer: str) -> str:
    """The setting's key: printer names are long and may hold any character."""
    return "printer-calibration:" + hashlib.sha1(printer.encode("utf-8")).hexdigest()[:24]


def printer_calibration(db: Database, printer: str) -> PrinterCalibration:
    """The printer's stored calibration, or none (offsets 0, scale 100 %)."""
    with db.session() as session:
        row = session.get(Setting, _key(printer))
        if row is None:
            return PrinterCalibration(printer)
        stored = json.loads(row.value)
        return PrinterCalibration(
            printer,
            float(stored["offset_x_mm"]),
            float(stored["offset_y_mm"]),
            float(stored["scale_x_pct"]),
            float(stored["scale_y_pct"]),
        )


def save_printer_calibration(db: Database, calibration: PrinterCalibration) -> Done[PrinterCalibration]:
    """Store a printer's calibration (a neutral one removes it), after checked."""
    calibration = checked(calibration)
    with db.session() as session:
        row = session.get(Setting, _key(calibration.printer))
        if calibration.is_neutral:
            if row is not None:
                session.delete(row)
        else:
            value = json.dumps(
                {
                    "printer": calibration.printer,
                    "offset_x_mm": calibration.offset_x_mm,
                    "offset_y_mm": calibration.offset_y_mm,
                    "scale_x_pct": calibration.scale_x_pct,
                    "scale_y_pct": calibration.scale_y_pct,
                },
                ensure_ascii=False,
            )
            session.merge(Setting(key=_key(calibration.printer), value=value))
    return Done(calibration, Changed.CERTIFICATES)

"""QR codes for certificates, labels, judges' cards and the phone panel: error correction M, the smallest
version the text fits. zxing-cpp's writer makes them, and the tests read them back with its reader.

Every code uses mask pattern 0: any of the eight is valid and read by every reader, and weighing all eight
for the best, as the writer does by default, takes ten times as long (1.4 ms against 0.15 ms a code; a
thousand certificates with their codes should cost well under twice the same without)."""

from __future__ import annotations

import re

import zxingcpp

from fest_desktop.errors import ValidationError

Run = tuple[int, int, int]
_DARK = re.compile("1+")
_MODULES = bytes.maketrans(b"\x00\xff", b"10")  # the writer's picture: 0 is a dark module


def qr_matrix(text: str) -> tuple[int, str]:
    """The QR code of text as its size in modules and its modules row after row as a string of "1"
    (dark) and "0"."""
    try:
        code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M", data_mask=0)
    except (ValueError, RuntimeError) as error:
        raise ValidationError(f"二维码的内容太长（{len(text.encode())} 字节），放不进一个二维码。") from error
    picture = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]  # a buffer
    return len(picture), picture.tobytes().translate(_MODULES).decode("ascii")


def module_runs(count: int, modules: str) -> tuple[Run, ...]:
    """A code's dark modules as (row, column, length) runs along its rows."""
    return tuple(
        (row, found.start() - row * count, found.end() - found.start())
        for row in range(count)
        for found in _DARK.finditer(modules, row * count, (row + 1) * count)
    )


def qr_modules(text: str) -> tuple[int, list[tuple[int, int]]]:
    """The QR code of text as its size in modules and its dark (row, column)s."""
    count, modules = qr_matrix(text)
    return count, [(at // count, at % count) for at, module in enumerate(modules) if module == "1"]

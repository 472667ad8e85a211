"""QR codes made fast enough for a thousand certificates a batch: byte mode (UTF-8), error correction M,
the smallest version the text fits. ReportLab's encoder gives the tables (Reed–Solomon blocks, the
function patterns and the order of the data modules, worked out once per version); the codewords are
computed here with log tables, and every code uses mask pattern 0 (any of the eight is valid and read
by every reader; weighing all eight, as ReportLab does, costs four times the rest of the code)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import zip_longest
from operator import itemgetter

from fest_desktop.errors import ValidationError

MASK = 0
_PRIMITIVE = 0x11D


def _tables() -> tuple[list[int], list[int]]:
    exp = [0] * 512
    log = [0] * 256
    value = 1
    for power in range(255):
        exp[power] = value
        log[value] = power
        value <<= 1
        if value & 0x100:
            value ^= _PRIMITIVE
    for power in range(255, 512):
        exp[power] = exp[power - 255]
    return exp, log


EXP, LOG = _tables()


@lru_cache(maxsize=64)
def _products(degree: int) -> tuple[int, ...]:
    """For each byte, that byte times the Reed–Solomon generator polynomial of a degree (its
    coefficients after the leading 1) as one number of degree bytes: a division step is one XOR."""
    poly = [1]
    for power in range(degree):
        nxt = [0] * (len(poly) + 1)
        for index, coefficient in enumerate(poly):
            nxt[index] ^= coefficient
            if coefficient:
                nxt[index + 1] ^= EXP[LOG[coefficient] + power]
        poly = nxt
    logs = [LOG[c] for c in poly[1:]]
    return (0, *(int.from_bytes(bytes(EXP[LOG[lead] + g] for g in logs), "big") for lead in range(1, 256)))


def _error_codewords(data: bytes, degree: int) -> bytes:
    products = _products(degree)
    shift, keep = 8 * (degree - 1), (1 << 8 * degree) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & keep) ^ products[(remainder >> shift) ^ byte]
    return remainder.to_bytes(degree, "big")


@lru_cache(maxsize=41)
def _version(version: int) -> tuple[int, int, Callable[[str], tuple[str, ...]], int]:
    """A version's size in modules; how many data modules it has; what lays them out: given the data
    modules as a string of 0 and 1 in placing order followed by "01", it gives every module of the
    code in reading order (the function patterns, for mask 0, taken from the "01"); and mask 0 over
    the data modules as the bits of one number (the first module the highest bit)."""
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(version, QRErrorCorrectLevel.M)
    code.makeImpl(False, MASK)
    count = code.moduleCount
    places = [row * count + column for column, row in code.dataPosIterator()]
    source = {at: index for index, at in enumerate(places)}
    light, dark = len(places), len(places) + 1
    order = [
        source.get(row * count + column, dark if code.modules[row][column] else light)
        for row in range(count)
        for column in range(count)
    ]
    mask = int("".join("1" if (at // count + at % count) % 2 == 0 else "0" for at in places), 2)
    return count, len(places), itemgetter(*order), mask


@lru_cache(maxsize=41)
def _blocks(version: int) -> tuple[tuple[int, int], ...]:
    from reportlab.graphics.barcode.qrencoder import QRErrorCorrectLevel, QRRSBlock

    return tuple(
        (block.dataCount, block.totalCount) for block in QRRSBlock.getRSBlocks(version, QRErrorCorrectLevel.M)
    )


def _fitting_version(length: int) -> int:
    for version in range(1, 41):
        capacity = sum(data for data, _total in _blocks(version)) * 8
        if 4 + (8 if version < 10 else 16) + 8 * length <= capacity:
            return version
    raise ValidationError(f"二维码的内容太长（{length} 字节），放不进一个二维码。")


_PAD = bytes([0xEC, 0x11]) * 1500


def _codewords(payload: bytes, version: int) -> bytes:
    """The data with its mode, length, terminator and padding, cut into blocks, each with its error
    correction, interleaved as the standard places them."""
    blocks = _blocks(version)
    capacity = sum(data for data, _total in blocks)
    header = 4 + (8 if version < 10 else 16)
    # Byte mode, the length, the bytes; then up to four 0 bits ending the data, and 0s to a byte.
    width = header + 8 * len(payload)
    value = (((0b0100 << (header - 4)) | len(payload)) << (8 * len(payload))) | int.from_bytes(payload, "big")
    terminator = min(4, capacity * 8 - width)
    value <<= terminator + (-(width + terminator) % 8)
    stream = value.to_bytes((width + terminator + 7) // 8, "big")
    padded = stream + _PAD[: capacity - len(stream)]
    data_blocks, error_blocks = [], []
    at = 0
    for data, total in blocks:
        block = padded[at : at + data]
        at += data
        data_blocks.append(block)
        error_blocks.append(_error_codewords(block, total - data))
    # Interleaved: the first codeword of every block, then the second …; the longer blocks last.
    return bytes(
        byte
        for group in (data_blocks, error_blocks)
        for column in zip_longest(*group)
        for byte in column
        if byte is not None
    )


Run = tuple[int, int, int]
_DARK = re.compile("1+")


def qr_matrix(text: str) -> tuple[int, str]:
    """The QR code of text (error correction M) as its size in modules and its modules row after row
    as a string of "1" (dark) and "0"."""
    payload = text.encode("utf-8")
    version = _fitting_version(len(payload))
    count, places, lay_out, mask = _version(version)
    codewords = _codewords(payload, version)
    # The codewords fill the data modules in order; the few left over (remainder bits) are 0.
    bits = int.from_bytes(codewords, "big") << (places - 8 * len(codewords))
    return count, "".join(lay_out(format(bits ^ mask, f"0{places}b") + "01"))


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

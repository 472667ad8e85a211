"""Writing the files a teacher keeps: whole or not at all (a temporary file beside the target, renamed
into place when complete), with names made safe for any folder, and failures told in words."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TypeVar

from fest_desktop.errors import FestError

T = TypeVar("T")

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# Names Windows keeps for devices, whatever the extension.
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{n}" for n in range(1, 10)),
    *(f"LPT{n}" for n in range(1, 10)),
}


def safe_file_name(text: str, fallback: str = "文件") -> str:
    """A file name (without folder) made of user text: characters no file system takes become _,
    trailing dots and spaces go, device names get a _ and the length stays within 120 characters."""
    name = _UNSAFE.sub("_", text).strip().rstrip(". ")[:120] or fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name


def open_failure(path: Path, exc: OSError) -> FestError:
    """What to tell when a file cannot be written: a file held open by another program is the usual
    cause on Windows (a PDF reader, Excel, an antivirus scan)."""
    if isinstance(exc, PermissionError):
        return FestError(
            f"无法写入「{path}」：文件可能正在 PDF 阅读器或 Excel 中打开，或文件夹不允许写入。请关闭后再试。"
        )
    return FestError(f"无法写入「{path}」：{exc.strerror or exc}。")


def folder_writable(folder: Path) -> bool:
    """Whether a file can be made in folder, found by making one: os.access says yes for every folder
    on Windows, a school's locked-down folders included."""
    try:
        handle, name = tempfile.mkstemp(prefix=".write-test-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True


def retrying(action: Callable[[], T], attempts: int = 6, pause: float = 0.25) -> T:
    """action(), tried again for a moment while Windows says the file is in use: an antivirus scan or
    a preview pane holds a new file open for a fraction of a second. The last PermissionError is raised."""
    for attempt in range(attempts):
        try:
            return action()
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(pause)
    raise AssertionError("unreachable")


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """A temporary path beside path to write to; renamed onto path only when the block ends without an
    error, so a crash or a failure never leaves a half-written file nor destroys the one there before."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}-", suffix=path.suffix + ".part", dir=folder
        )
        os.close(handle)
    except OSError as exc:
        raise open_failure(path, exc) from exc
    partial = Path(name)
    try:
        yield partial
        retrying(lambda: os.replace(partial, path))
    except OSError as exc:
        raise open_failure(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    """data written to path whole or not at all."""
    with atomic_target(path) as partial:
        partial.write_bytes(data)


def write_with(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """path written by write(handle) whole or not at all."""
    with atomic_target(path) as partial, partial.open("wb") as handle:
        write(handle)

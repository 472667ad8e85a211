"""The window's file dialogs: they open in the folder used last in this run, else the user's Documents
(never the program's own folder, where a school PC's user may not write), and the names they suggest
are made of user text made safe for any folder (a competition called "A/B" suggests "A_B…")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from fest_desktop.files.saving import safe_file_name

# The folder of the last file chosen in any dialog of this run.
_last_folder: list[Path] = []


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def start_folder(first_time: Path | None = None) -> Path:
    """Where a dialog opens: the last folder used, else first_time when given, else Documents."""
    if _last_folder:
        return _last_folder[0]
    return first_time or documents_folder()


def remember(path: Path) -> None:
    folder = path if path.is_dir() else path.parent
    _last_folder[:] = [folder]


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, suffix: str, file_filter: str
) -> Path | None:
    """The path to save to, ending with suffix (.pdf, .xlsx …), or None when cancelled."""
    name = safe_file_name(suggested.removesuffix(suffix)) + suffix
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember(path)
    return path


def ask_open_path(
    parent: QWidget | None, title: str, file_filter: str, first_time: Path | None = None
) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(first_time)), file_filter)
    if not chosen:
        return None
    remember(Path(chosen))
    return Path(chosen)


def ask_open_paths(
    parent: QWidget | None, title: str, file_filter: str, first_time: Path | None = None
) -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(first_time)), file_filter)
    if chosen:
        remember(Path(chosen[0]))
    return [Path(name) for name in chosen]


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    if not chosen:
        return None
    remember(Path(chosen))
    return Path(chosen)

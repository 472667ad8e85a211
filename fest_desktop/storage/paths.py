"""Where the festival file, backups, preferences and the log live: the user's data folder, or, in
portable mode (a marker file beside the program, e.g. on a USB stick), a folder beside the program."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

APP_NAME = "fest-desktop"


DATABASE_NAME = "festival.db"


PORTABLE_MARKER = "portable.txt"


PORTABLE_DATA_FOLDER = "科技节数据"


def program_dir() -> Path:
    """The folder of the program: the executable's when built, the checkout's when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]  # fest_desktop/storage/paths.py → the checkout


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """The folder that holds the default festival file, its backups, the preferences and the log."""
    if is_portable():
        return program_dir() / PORTABLE_DATA_FOLDER
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    return data_dir() / DATABASE_NAME


def log_path() -> Path:
    return data_dir() / "fest-desktop.log"


def preferences_path() -> Path:
    return data_dir() / "preferences.json"


# File systems whose files live on another machine: SQLite's locking and its WAL's shared memory do
# not hold across machines on them.
NETWORK_FILE_SYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afpfs", "davfs", "fuse.sshfs", "fuse.davfs2", "ncpfs"}
)
DRIVE_REMOTE = 4  # what Windows' GetDriveTypeW says of a mapped network drive


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined, unused-ignore]


def _mounts() -> list[tuple[str, str]]:
    """(mount point, file system type) of every mount, from /proc/mounts where there is one."""
    try:
        lines = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            found.append((parts[1].replace("\\040", " "), parts[2]))
    return found


def network_location(
    path: Path,
    *,
    platform: str = sys.platform,
    drive_type: Callable[[str], int] = _windows_drive_type,
    mounts: Callable[[], list[tuple[str, str]]] = _mounts,
) -> str:
    """How path is on another machine (a UNC path, a mapped network drive, a network mount), or ""
    for a local disk. The probes are parameters so that each platform's answer can be tested anywhere."""
    if platform == "win32":
        text = str(path)
        if text.startswith(("\\\\", "//")):
            return "网络路径"
        drive = PureWindowsPath(text).drive
        if drive and drive_type(drive + "\\") == DRIVE_REMOTE:
            return f"网络驱动器 {drive}"
        return ""
    resolved = str(path.resolve())
    best = ("", "")
    for point, kind in mounts():
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best[0]):
            best = (point, kind)
    return f"网络文件夹（{best[1]}）" if best[1] in NETWORK_FILE_SYSTEMS else ""

"""Per-computer preferences (interface language, backups, which festival database to open), kept in a
small JSON file beside the log."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

# Read before the window shows, so nothing heavy (SQLAlchemy) is imported here.
LANGUAGES = ("zh_CN", "en")


DEFAULT_KEEP_BACKUPS = 20


KEEP_BACKUPS_RANGE = (1, 200)


DEFAULT_PHONE_PORT = 8765


@dataclass(frozen=True)
class Preferences:
    language: str = "zh_CN"
    keep_backups: int = DEFAULT_KEEP_BACKUPS
    # A festival file or a server URL (postgresql://…) to open instead of the default file; "" for none.
    database: str = ""
    # Where the judges' phones reach this PC: the address the operator chose and the port.
    phone_address: str = ""
    phone_port: int = DEFAULT_PHONE_PORT
    # The main window's size and place (Qt's saveGeometry, base64) and the tab it was left on.
    window_geometry: str = ""
    last_tab: int = 0


def load_preferences(path: Path) -> Preferences:
    """The stored preferences; defaults for what is missing or unreadable."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    if not isinstance(stored, dict):
        return Preferences()
    language = stored.get("language")
    keep = stored.get("keep_backups")
    low, high = KEEP_BACKUPS_RANGE
    database = stored.get("database")
    phone_address = stored.get("phone_address")
    phone_port = stored.get("phone_port")
    geometry = stored.get("window_geometry")
    last_tab = stored.get("last_tab")
    return Preferences(
        language=language if language in LANGUAGES else "zh_CN",
        keep_backups=keep if isinstance(keep, int) and low <= keep <= high else DEFAULT_KEEP_BACKUPS,
        database=database.strip() if isinstance(database, str) else "",
        phone_address=phone_address if isinstance(phone_address, str) else "",
        phone_port=phone_port
        if isinstance(phone_port, int) and 1024 <= phone_port <= 65535
        else DEFAULT_PHONE_PORT,
        window_geometry=geometry if isinstance(geometry, str) else "",
        last_tab=last_tab if isinstance(last_tab, int) and 0 <= last_tab < 10 else 0,
    )


def database_target(explicit: str | None, preferences: Preferences) -> str | Path:
    """What to open: --db if given, else the database chosen in the settings, else the default file."""
    if explicit:
        return explicit
    if preferences.database:
        return preferences.database
    from fest_desktop.storage.paths import default_database_path

    return default_database_path()


def save_preferences(path: Path, preferences: Preferences) -> None:
    from fest_desktop.files.saving import write_bytes

    write_bytes(path, json.dumps(asdict(preferences), ensure_ascii=False, indent=2).encode("utf-8"))


def update_preferences(path: Path, **changes: object) -> Preferences:
    """Change some preferences in the file, keeping the others as stored (another part of the window
    may have changed them since this one read them)."""
    from dataclasses import replace

    preferences = replace(load_preferences(path), **changes)  # type: ignore[arg-type]
    save_preferences(path, preferences)
    return preferences

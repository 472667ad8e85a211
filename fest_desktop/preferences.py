"""Per-computer preferences (interface language), kept in a small JSON file beside the log."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Preferences:
    language: str = "zh_CN"


def load_preferences(path: Path) -> Preferences:
    """The stored preferences; defaults when the file is missing or unreadable."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Preferences()
    language = stored.get("language") if isinstance(stored, dict) else None
    return Preferences(language=language if language in LANGUAGES else "zh_CN")


def save_preferences(path: Path, preferences: Preferences) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(preferences), ensure_ascii=False, indent=2), encoding="utf-8")

"""Locating the files the application ships: fonts, translations, icons, templates."""

from __future__ import annotations

import sys
from pathlib import Path

BUNDLED_FONT = "LXGWWenKai-Regular.ttf"


BUNDLED_FONT_FAMILY = "LXGW WenKai"


def resources_dir() -> Path:
    """The resources folder: beside the packages in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def bundled_font_path() -> Path:
    return resource_path("fonts", BUNDLED_FONT)

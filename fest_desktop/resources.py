"""Locating the files the application ships: fonts, translations, icons, templates."""

from __future__ import annotations

import sys
from pathlib import Path

BUNDLED_FONT = "LXGWWenKai-Regular.ttf"


BUNDLED_FONT_FAMILY = "LXGW WenKai"


# The heavy face of titles (certificates, documents): Noto Serif SC Black kept to GB 2312's characters
# (packaging/make_title_font.py); a character it lacks is drawn in the bundled font.
TITLE_FONT = "NotoSerifSC-Black-GB2312.ttf"


def resources_dir() -> Path:
    """The resources folder: beside the packages in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return root / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def bundled_font_path() -> Path:
    return resource_path("fonts", BUNDLED_FONT)


def title_font_path() -> Path:
    return resource_path("fonts", TITLE_FONT)

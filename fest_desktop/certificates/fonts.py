"""The fonts certificates are drawn in: the one a field names, the bundled one, and a fallback for a
character neither has; and the checks of a batch's text before it is printed."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fest_desktop.certificates.jobs import CertificateJob
from fest_desktop.certificates.kinds import FieldKind
from fest_desktop.certificates.placeholders import fill
from fest_desktop.certificates.templates import TITLE_FONT_LABEL, TemplateInfo
from fest_desktop.files.pdf import PDF_FONT, register_chinese_font, register_title_font
from fest_desktop.resources import bundled_font_path, title_font_path

# Fonts a Chinese school PC has, by the names teachers know them, and where they live.
KNOWN_FONTS = {
    "楷体": ("simkai.ttf", "STKAITI.TTF"),
    "宋体": ("simsun.ttc", "STSONG.TTF"),
    "黑体": ("simhei.ttf", "STHEITI.TTF"),
    "仿宋": ("simfang.ttf", "STFANGSO.TTF"),
    "微软雅黑": ("msyh.ttc", "msyh.ttf"),
}


BUNDLED_FONT_LABEL = "霞鹜文楷（内置）"
BUILT_IN = ("", "霞鹜文楷", BUNDLED_FONT_LABEL, TITLE_FONT_LABEL)


# Tried for a character neither the chosen nor the bundled font has (SimSun-ExtB on Windows).
FALLBACK_FONT_FILES = ("simsunb.ttf", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf")


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    """Font files installed on this PC by lower-case file name (searched once)."""
    roots = [Path.home() / ".fonts", Path.home() / ".local/share/fonts"]
    if sys.platform == "win32":
        roots = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            roots.append(Path(local) / "Microsoft/Windows/Fonts")
    elif sys.platform == "darwin":
        roots += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), Path.home() / "Library/Fonts"]
    else:
        roots += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    found: dict[str, Path] = {}
    for root in roots:
        if root.is_dir():
            for path in root.rglob("*"):
                if path.suffix.lower() in (".ttf", ".ttc"):
                    found.setdefault(path.name.lower(), path)
    return found


def installed_font_names() -> list[str]:
    """The known Chinese fonts found on this PC, for the template editor's list."""
    files = _font_files()
    return [name for name, candidates in KNOWN_FONTS.items() if any(c.lower() in files for c in candidates)]


# The file of every font registered for certificates, by its ReportLab name: the window's printer
# and preview paint the same layout with the same files.
_FONT_FILES: dict[str, Path] = {}


def font_file(name: str) -> Path:
    """The font file behind a font name of a laid-out certificate."""
    return _FONT_FILES[name]


@lru_cache(maxsize=32)
def _register(path: str) -> tuple[str, frozenset[int]] | None:
    """Register a font file with ReportLab; its name and the characters it has, or None if unusable
    (OpenType CFF fonts cannot be embedded by ReportLab)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"F{zlib.crc32(path.encode('utf-8')):08x}"
    try:
        font = TTFont(name, path, subfontIndex=0)
    except (TTFError, OSError, ValueError):
        return None
    pdfmetrics.registerFont(font)
    _FONT_FILES[name] = Path(path)
    return name, frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def _bundled() -> tuple[str, frozenset[int]]:
    from reportlab.pdfbase import pdfmetrics

    name = register_chinese_font()
    _FONT_FILES[name] = bundled_font_path()
    return name, frozenset(pdfmetrics.getFont(name).face.charToGlyph)


@lru_cache(maxsize=1)
def _title() -> tuple[str, frozenset[int]]:
    from reportlab.pdfbase import pdfmetrics

    name = register_title_font()
    _FONT_FILES[name] = title_font_path()
    return name, frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def _font_path(name: str) -> Path | None:
    if name in BUILT_IN:
        return None
    direct = Path(name)
    if direct.suffix.lower() in (".ttf", ".ttc") and direct.is_file():
        return direct
    files = _font_files()
    for candidate in KNOWN_FONTS.get(name, (name,)):
        if candidate.lower() in files:
            return files[candidate.lower()]
    return None


class FontChain:
    """The fonts a field is drawn with: the one the template names (when found), then the bundled
    one, then any fallback on this PC; each character is drawn in the first that has it."""

    def __init__(self, fonts: Sequence[tuple[str, frozenset[int]]], note: str = "") -> None:
        self.fonts = tuple(fonts)
        self.note = note
        self.primary, self._primary_chars = self.fonts[0]
        # Widths of single characters at 1 pt, in whichever font draws them: TrueType widths add up,
        # so a line is their sum and measuring or wrapping costs one lookup a character.
        self._widths: dict[str, float] = {}

    def font_for(self, char: str) -> str | None:
        code = ord(char)
        for name, characters in self.fonts:
            if code in characters:
                return name
        return None

    def covers(self, text: str) -> bool:
        """Whether the first font has every character (the usual case: one run)."""
        return self._primary_chars.issuperset(map(ord, text))

    def runs(self, text: str) -> list[tuple[str, str]]:
        """The text cut into (font, text) runs; a character no font has stays in the first font."""
        if self.covers(text):
            return [(self.primary, text)]
        runs: list[tuple[str, str]] = []
        for char in text:
            font = self.font_for(char) or self.primary
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        return runs

    def _unit_width(self, char: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        width = self._widths[char] = float(stringWidth(char, self.font_for(char) or self.primary, 1))
        return width

    def char_width(self, char: str, size: float) -> float:
        width = self._widths.get(char)
        return (self._unit_width(char) if width is None else width) * size

    def width(self, text: str, size: float) -> float:
        widths = self._widths
        total = 0.0
        for char in text:
            width = widths.get(char)
            total += self._unit_width(char) if width is None else width
        return total * size


@lru_cache(maxsize=16)
def font_chain(name: str) -> FontChain:
    """The font chain of a field's font name ("" or 霞鹜文楷: the bundled font; TITLE_FONT_LABEL: the
    bundled title face, then the bundled font)."""
    bundled = _bundled()
    fonts: list[tuple[str, frozenset[int]]] = []
    note = ""
    if name == TITLE_FONT_LABEL:
        fonts.append(_title())
    elif name not in BUILT_IN:
        path = _font_path(name)
        registered = _register(str(path)) if path else None
        if registered:
            fonts.append(registered)
        else:
            note = f"字体「{name}」在这台电脑上没有找到（或无法嵌入），改用{BUNDLED_FONT_LABEL}。"
    fonts.append(bundled)
    files = _font_files()
    for fallback in FALLBACK_FONT_FILES:
        path = files.get(fallback.lower())
        registered = _register(str(path)) if path else None
        if registered:
            fonts.append(registered)
    return FontChain(tuple(fonts), note)


@dataclass(frozen=True)
class GlyphProblem:
    """A character the field's font lacks on a certificate: drawn with fallback, or by no font."""

    certificate: str
    field: str
    char: str
    fallback: str

    def __str__(self) -> str:
        if self.fallback:
            return f"{self.certificate}：「{self.field}」中的「{self.char}」字体里没有，改用备用字体打印。"
        return f"{self.certificate}：「{self.field}」中的「{self.char}」没有任何字体能显示，请手写补上。"


def font_notes(template: TemplateInfo) -> list[str]:
    """The fonts a template names that this PC does not have."""
    notes = {font_chain(f.font).note for f in template.fields if f.kind == FieldKind.TEXT and f.visible}
    return sorted(note for note in notes if note)


def check_glyphs(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[GlyphProblem]:
    """Every character of every certificate's text that the field's chosen font lacks, before a batch."""
    problems = []
    for item in template.fields:
        if item.kind != FieldKind.TEXT or not item.visible:
            continue
        chain = font_chain(item.font)
        first = chain.fonts[0][1]
        for job in jobs:
            text, _missing = fill(item.text, job.values_for(template))
            for char in dict.fromkeys(text):
                if ord(char) not in first and not char.isspace():
                    fallback = chain.font_for(char)
                    label = "" if fallback is None else ("内置字体" if fallback == PDF_FONT else "备用字体")
                    problems.append(GlyphProblem(job.label, item.name, char, label))
    return problems


def missing_values(template: TemplateInfo, jobs: Sequence[CertificateJob]) -> list[str]:
    """Placeholders of the template that a certificate has no value for (they print empty)."""
    lines = []
    for job in jobs:
        for item in template.fields:
            if item.kind == FieldKind.TEXT and item.visible:
                _text, missing = fill(item.text, job.values_for(template))
                if missing and not (missing == ["证书编号"] and not job.number):
                    names = "、".join(f"{{{m}}}" for m in missing if m != "证书编号" or job.number)
                    lines.append(f"{job.label}：「{item.name}」中的 {names} 没有内容。")
    return lines

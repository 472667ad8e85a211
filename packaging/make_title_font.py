"""Make resources/fonts/NotoSerifSC-Black-GB2312.ttf, the heavy face of certificate and document titles,
from Noto Serif CJK SC Black (SIL Open Font License 1.1, Debian's fonts-noto-cjk-extra):
kept to the characters of GB 2312 with ASCII and the full-width forms, and its cubic (CFF) outlines
turned into TrueType ones, which ReportLab can embed in a PDF.

Run once, with fontTools (pip install fonttools), when the font is to be made anew:
    apt-get download fonts-noto-cjk-extra && dpkg-deb -x fonts-noto-cjk-extra_*.deb extra
    python packaging/make_title_font.py extra/usr/share/fonts/opentype/noto/NotoSerifCJK-Black.ttc
A character the title font lacks is drawn in the bundled LXGW WenKai (certificates.fonts)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

TARGET = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "NotoSerifSC-Black-GB2312.ttf"
FAMILY = "Noto Serif SC Black GB2312"


def gb2312() -> set[int]:
    """Every character GB 2312 encodes (its 6,763 汉字 and 682 symbols), ASCII and the full-width forms."""
    chars = set(range(0x20, 0x7F)) | set(range(0xFF01, 0xFF5F)) | {0x3000, 0x3007, 0x2014, 0x2013, 0x00B7}
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # the code points GB 2312 leaves empty
                chars.add(ord(bytes((high, low)).decode("gb2312")))
    return chars


def simplified_chinese(collection: Path) -> TTFont:
    for font in TTCollection(str(collection)).fonts:
        if " SC " in f" {font['name'].getDebugName(1)} ":
            return font
    raise SystemExit("no SC face in the collection")


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by quadratic ones (a tolerance of one unit of 1000 to the em)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    font["maxp"].tableVersion = 0x00010000
    for attribute in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(font["maxp"], attribute, 0)
    font["maxp"].maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font["post"].glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont) -> None:
    """A subset is a modified version: it carries its own name (the licence allows no other use of it)."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{FAMILY}; subset for 科技节 desktop", 3, 3, 1, 0x409)
    names.setName(FAMILY, 4, 3, 1, 0x409)
    names.setName(FAMILY.replace(" ", ""), 6, 3, 1, 0x409)


def main() -> None:
    font = simplified_chinese(Path(sys.argv[1]))
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vkrn", "vpal", "halt", "palt"]
    options.name_IDs = ["*"]
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=gb2312())
    subsetter.subset(font)
    to_truetype(font)
    rename(font)
    font.save(str(TARGET))
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main()

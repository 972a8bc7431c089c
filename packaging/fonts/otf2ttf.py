"""Converts a CFF-flavoured OpenType font (.otf) to TrueType outlines (.ttf): in.otf out.ttf.

Why: writing a PDF subsets each font it uses. A CFF subset has every glyph's charstring
interpreted and its subroutines inlined (and interpreted again for its bounding box); a
TrueType subset copies the glyphs' bytes. With the body's serif and the titles' sans bold in
TrueType, writing the example's PDF takes about half as long, for 2.5 MB more in the program.
The glyphs' advance widths and the layout tables are kept, so every page lays out the same.

Cubic curves become quadratic within 1 unit of the 1000-unit em (fontTools' cu2qu): 0.01 mm at
三号, far below what a printer draws. Adapted from fontTools' Snippets/otf2ttf.py (MIT).
"""

import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERROR = 1.0


def quadratic_glyphs(glyph_set):
    glyphs = {}
    for name in glyph_set.keys():
        pen = TTGlyphPen(glyph_set)
        # TrueType contours run clockwise, CFF ones counter-clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    return glyphs


def convert(font):
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        sys.exit("not a CFF-flavoured OpenType font")
    order = font.getGlyphOrder()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quadratic_glyphs(font.getGlyphSet())
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
    ):
        setattr(maxp, field, 0)
    maxp.maxComponentElements = max(
        (len(getattr(g, "components", [])) for g in glyf.glyphs.values()), default=0
    )
    maxp.compile(font)
    # Glyph names are not kept (post format 3): the PDF maps glyphs to text by the cmap.
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\000\001\000\000"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: otf2ttf.py in.otf out.ttf")
    # The source's timestamp is kept, so the same input makes the same file.
    font = TTFont(sys.argv[1], recalcTimestamp=False)
    convert(font)
    font.save(sys.argv[2])

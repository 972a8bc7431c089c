"""Renames a subset font: under the SIL OFL a subset is a Modified Version, which may not use the
original's Reserved Font Names (LXGW WenKai reserves "霞鹜" and "LXGW"). Usage:
rename.py IN OUT FAMILY POSTSCRIPT"""
import sys
from fontTools.ttLib import TTFont

src, dst, family, postscript = sys.argv[1:5]
f = TTFont(src)
name = f["name"]
keep = {0, 7, 8, 9, 11, 12, 13, 14}  # copyright, trademark, vendor, designer, URLs, licence
name.names = [n for n in name.names if n.nameID in keep]
for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
    for name_id, value in (
        (1, family),
        (2, "Regular"),
        (3, f"{postscript};subset for juesuan"),
        (4, f"{family} Regular"),
        (5, "Version 1.0; subset of LXGW WenKai 1.250 (GB 2312 and symbols) for juesuan"),
        (6, postscript),
    ):
        name.setName(value, name_id, platform, encoding, language)
f.save(dst)

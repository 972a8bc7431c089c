import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
src, dst = sys.argv[1], sys.argv[2]
f = TTFont(src)
cmap = f['cmap']
mapping = f.getBestCmap()
# A format 4 subtable over ~22k characters exceeds its 16-bit length field; parsers that
# trust the length lose the upper code points. A format 12 subtable has 32-bit lengths.
cmap.tables = [t for t in cmap.tables if t.format != 12]
for pid, eid in ((0, 4), (3, 10)):
    t = CmapSubtable.newSubtable(12)
    t.platformID, t.platEncID, t.language = pid, eid, 0
    t.cmap = dict(mapping)
    cmap.tables.append(t)
f.save(dst)

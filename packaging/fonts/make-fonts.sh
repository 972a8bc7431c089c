#!/usr/bin/env bash
# Rebuilds assets/fonts/*.otf from Debian's fonts-noto-cjk (SIL OFL 1.1):
#   apt-get install fonts-noto-cjk && pip install fonttools
# The subsets keep Latin, CJK symbols and punctuation, the CJK Unified Ideographs block and the
# full-width forms of the SC faces (face 2 of each collection), then gain a format 12 cmap (see
# add_cmap12.py) so that every parser finds the upper code points.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../assets/fonts"
src=/usr/share/fonts/opentype/noto
unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+3000-303F,U+3200-32FF,U+3300-33FF,U+4E00-9FFF,U+FE30-FE4F,U+FF00-FFEF"
tmp=$(mktemp -d)
for pair in "NotoSansCJK-Regular.ttc:NotoSansSC-Regular.otf" \
            "NotoSansCJK-Bold.ttc:NotoSansSC-Bold.otf" \
            "NotoSerifCJK-Regular.ttc:NotoSerifSC-Regular.otf"; do
  in=${pair%%:*}
  out=${pair##*:}
  pyftsubset "$src/$in" --font-number=2 --unicodes="$unicodes" --layout-features='*' \
    --no-hinting --output-file="$tmp/$out"
  python3 "$here/add_cmap12.py" "$tmp/$out" "$out"
done
rm -rf "$tmp"
ls -l ./*.otf

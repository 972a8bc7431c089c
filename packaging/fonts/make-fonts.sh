#!/usr/bin/env bash
# Rebuilds assets/fonts/* from Debian's fonts-noto-cjk and fonts-lxgw-wenkai (SIL OFL 1.1):
#   apt-get install fonts-noto-cjk fonts-lxgw-wenkai && pip install fonttools
# Noto Sans SC Regular keeps Latin, CJK symbols and punctuation, the whole CJK Unified
# Ideographs block and the full-width forms: it draws the window and is the fallback for any
# character the others lack. Noto Serif SC (body), Noto Sans SC Bold (黑体 titles) and the 楷体
# (LXGW WenKai, renamed JuesuanKai as its licence asks of a subset) keep the characters of
# common-chars.py (GB 2312 and symbols), a third of the size. Each then gains a format 12 cmap
# (see add_cmap12.py) so that every parser finds the upper code points. The serif and the sans
# bold, which the printed pages use, are then converted to TrueType outlines (otf2ttf.py): PDF
# export subsets TrueType fonts in half the time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../assets/fonts"
noto=/usr/share/fonts/opentype/noto
kai=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
block="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+3000-303F,U+3200-32FF,U+3300-33FF,U+4E00-9FFF,U+FE30-FE4F,U+FF00-FFEF"
tmp=$(mktemp -d)
python3 "$here/common-chars.py" > "$tmp/common.txt"
subset() { # in, face number, out, characters option
  pyftsubset "$1" --font-number="$2" "$4" --layout-features='*' --no-hinting \
    --output-file="$tmp/$3"
  python3 "$here/add_cmap12.py" "$tmp/$3" "$tmp/$3.cmap"
}
subset "$noto/NotoSansCJK-Regular.ttc" 2 NotoSansSC-Regular.otf --unicodes="$block"
subset "$noto/NotoSansCJK-Bold.ttc" 2 NotoSansSC-Bold.otf --text-file="$tmp/common.txt"
subset "$noto/NotoSerifCJK-Regular.ttc" 2 NotoSerifSC-Regular.otf --text-file="$tmp/common.txt"
subset "$kai" 0 JuesuanKai-Regular.ttf --text-file="$tmp/common.txt"
mv "$tmp/NotoSansSC-Regular.otf.cmap" NotoSansSC-Regular.otf
for f in NotoSansSC-Bold NotoSerifSC-Regular; do
  python3 "$here/otf2ttf.py" "$tmp/$f.otf.cmap" "$f.ttf"
done
python3 "$here/rename.py" "$tmp/JuesuanKai-Regular.ttf.cmap" JuesuanKai-Regular.ttf \
  JuesuanKai JuesuanKai-Regular
rm -rf "$tmp"
ls -l ./*.otf ./*.ttf

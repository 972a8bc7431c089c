"""Prints the characters the print fonts keep: every character of GB 2312 (the 6,763 hanzi and
its symbols), ASCII, Latin-1 and the punctuation, symbol and full-width blocks official documents
use. A character outside them (a rare name: 祎, 垚, 堃) prints in the full Noto Sans SC, which
keeps the whole CJK Unified Ideographs block."""
chars = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
blocks = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F), (0x2150, 0x218F),
    (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),
    (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]
for lo, hi in blocks:
    chars.update(chr(c) for c in range(lo, hi + 1))
print("".join(sorted(chars)), end="")

#!/usr/bin/env python3
"""Write the web build's fonts: egui's default fonts cut down to the characters the game draws.

Ubuntu Light, the text face, ships whole (from the epaint_default_fonts crate), so whatever a
student types in a Latin, Greek or Cyrillic script still renders. Hack (monospace, and the last
fallback for arrows and shapes) keeps ASCII, Latin-1 and the symbols below; the two symbol fonts
keep only the symbols below. The `fonts` test in tests/it fails when the game's text uses a
character none of the shipped fonts has: add it to SYMBOLS and run this again.

Usage: python3 scripts/subset_fonts.py   (needs `pip install fonttools`)
"""
import glob
import os
import shutil

from fontTools import subset

SYMBOLS = "²·×ΔΦηκλμρφ–—•…₀→⇄⇒∅−∝∞∩≈≤≥⏸─■▶▼◀◆●⚠✔✖◻"

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "assets", "fonts")
src = sorted(glob.glob(os.path.expanduser("~/.cargo/registry/src/*/epaint_default_fonts-0.36.2/fonts")))[-1]
os.makedirs(out, exist_ok=True)

latin = "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0xA0, 0x100))
cuts = {
    "Hack-Regular.ttf": latin + SYMBOLS,
    "NotoEmoji-Regular.ttf": SYMBOLS,
    "emoji-icon-font.ttf": SYMBOLS,
}
for name, text in cuts.items():
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(os.path.join(src, name), options)
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    dest = os.path.join(out, name.replace(".ttf", ".subset.ttf"))
    subset.save_font(font, dest, options)
    print(f"{dest}: {os.path.getsize(dest)} bytes (from {os.path.getsize(os.path.join(src, name))})")
for lic in ["Hack-Regular.txt", "OFL.txt", "emoji-icon-font-mit-license.txt", "UFL.txt"]:
    shutil.copy(os.path.join(src, lic), os.path.join(out, lic))

# The CJK face, for Chinese only: Noto Sans CJK SC (Debian's fonts-noto-cjk, or CJK_FONT=path to
# NotoSansCJK-Regular.ttc), cut to the characters of the Chinese catalogue and the 3,755 most
# common characters (GB 2312 level 1), so what a student types mostly renders too.
cjk_src = os.environ.get("CJK_FONT", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
if os.path.exists(cjk_src):
    with open(os.path.join(here, "..", "assets", "locales", "zh-CN", "main.ftl"), encoding="utf-8") as f:
        catalogue = f.read()
    for scenario in glob.glob(os.path.join(here, "..", "assets", "scenarios", "*.json")):
        with open(scenario, encoding="utf-8") as f:
            catalogue += f.read()
    common = []
    for row in range(0xB0, 0xD8):  # GB 2312 level 1: rows 16-55
        for cell in range(0xA1, 0xFF):
            try:
                common.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    punctuation = "".join(chr(c) for c in range(0x3000, 0x3040)) + "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    text = "".join(sorted(set(c for c in catalogue if ord(c) >= 0x2E80) | set(common) | set(punctuation)))
    options = subset.Options()
    options.font_number = 2  # the collection's Simplified Chinese face (JP, KR, SC, TC, HK)
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    def cut(chars, name):
        font = subset.load_font(cjk_src, options)
        assert "SC" in font["name"].getDebugName(1), font["name"].getDebugName(1)
        sub = subset.Subsetter(options)
        sub.populate(text=chars)
        sub.subset(font)
        dest = os.path.join(out, name)
        subset.save_font(font, dest, options)
        print(f"{dest}: {os.path.getsize(dest)} bytes, {len(chars)} characters")

    cut(text, "NotoSansSC-Regular.subset.otf")
    # Every language shows Chinese's own name in the language choice: those few characters
    # ship always.
    with open(os.path.join(here, "..", "assets", "locales", "en", "main.ftl"), encoding="utf-8") as f:
        cut("".join(c for c in f.read() if ord(c) >= 0x2E80), "NotoSansSC-names.subset.otf")
else:
    print(f"{cjk_src} not found: the CJK face is left as it is (apt install fonts-noto-cjk)")

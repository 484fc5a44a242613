#!/usr/bin/env python3
"""Subset the document fonts to what Thai documents use and write them as WOFF2.

Reads scripts/fonts/Laksaman*.otf (TLWG; see themes/default/static/fonts/README.md)
and writes themes/default/static/fonts/Laksaman*.woff2 holding only: the Thai block,
Basic Latin, the no-break space, dashes, quotes, ellipsis and the middle dot, with
the OpenType features Thai shaping needs. Run it after changing the source fonts,
then scripts/embed-theme.py. Needs fontTools and brotli from PyPI:

    python3 -m pip install fonttools brotli
    python3 scripts/subset-fonts.py
"""
import pathlib

from fontTools import subset

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "fonts"
TARGET = ROOT / "themes" / "default" / "static" / "fonts"
UNICODES = (
    list(range(0x0E00, 0x0E80))  # Thai
    + list(range(0x0020, 0x007F))  # Basic Latin
    + [0x00A0, 0x00B7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x25CC]
)


def main():
    for source in sorted(SOURCE.glob("Laksaman*.otf")):
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # mark positioning and ligatures that place Thai vowels and tones
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=UNICODES)
        subsetter.subset(font)
        target = TARGET / (source.stem + ".woff2")
        subset.save_font(font, str(target), options)
        print(f"{target.relative_to(ROOT)}: {source.stat().st_size} → {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()

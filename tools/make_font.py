#!/usr/bin/python3
"""Builds the web client's CJK font subset (run with Debian's /usr/bin/python3: it needs
python3-fonttools).

Characters: printable ASCII, Latin-1 punctuation, general punctuation, CJK symbols and
punctuation, full-width forms, the 3,755 GB2312 level-1 hanzi, every non-ASCII character that
appears in the C++ sources of the given directories (UI text and the shared error catalogue),
and the extra characters listed in assets/font-extra-chars.txt.

usage: make_font.py --font wqy-microhei.ttc --out uia-font.ttf [--chars-out chars.txt]
                    [--extra assets/font-extra-chars.txt] --scan web --scan shared
"""
import argparse
import os
import sys


def gb2312_level1():
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # 0xD7FA..0xD7FE are unassigned
    return chars


def gb2312_symbols():
    # Row 1 punctuation, row 2 numbered lists, row 3 full-width Latin, row 8 pinyin (kana,
    # Greek, Cyrillic and box drawing are left out: they would only grow the glyph atlas).
    chars = []
    for hi in (0xA1, 0xA2, 0xA3, 0xA8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def scan_sources(roots):
    found = set()
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if not name.endswith((".cpp", ".h", ".hpp", ".cc", ".js", ".html")):
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    for ch in f.read():
                        if ord(ch) > 0x7F and ch != "\ufffd":
                            found.add(ch)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--font", required=True)
    ap.add_argument("--font-number", type=int, default=0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--chars-out")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--scan", action="append", default=[])
    args = ap.parse_args()

    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0xA0, 0x100))      # Latin-1 (middle dot, ×, accents)
    chars.update(chr(c) for c in range(0x2010, 0x2040))   # general punctuation
    chars.update(chr(c) for c in range(0x3000, 0x3040))   # CJK symbols and punctuation
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))   # full-width forms
    chars.update(chr(c) for c in range(0xFFE0, 0xFFE7))   # full-width signs (￥)
    chars.update(gb2312_symbols())
    chars.update(gb2312_level1())
    chars.update(scan_sources(args.scan))
    for path in args.extra:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                chars.update(ch for ch in line if ch not in "\r\n\t ")
    chars.add("\ufffd")

    text = "".join(sorted(chars))
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    chars_path = args.chars_out or (args.out + ".chars.txt")
    with open(chars_path, "w", encoding="utf-8") as f:
        f.write(text)

    from fontTools import subset  # imported late: --help works without fonttools

    tmp_out = args.out + ".tmp"
    rc = subset.main([
        args.font,
        "--font-number=%d" % args.font_number,
        "--text-file=" + chars_path,
        "--output-file=" + tmp_out,
        "--layout-features=",      # Dear ImGui does no shaping: drop GSUB/GPOS
        "--no-hinting",            # stb_truetype ignores hinting
        "--notdef-outline",
        "--name-IDs=0,1,2,3,4,5,6",
        "--drop-tables+=DSIG,gasp,LTSH,VDMX,hdmx,kern",
    ])
    if rc:
        return rc
    os.replace(tmp_out, args.out)
    print("make_font: %d characters -> %s (%d bytes)" % (len(text), args.out, os.path.getsize(args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main() or 0)

#!/usr/bin/python3
"""Generates the hanzi -> toneless pinyin table behind shared/policy/name_pinyin.cpp, at build
time, from Debian's golang-github-mozillazg-go-pinyin-dev (its pinyin_dict.go is pinyin-data's
code point -> readings map, MIT). The output lands in the build directory and is never committed.

Readings lose their tones (NFD, combining marks dropped); u-umlaut is written "v" and, as a
second reading, "u" (lv and lu for the surname Lv). Every reading of a polyphonic character is
kept. Only the standard library is used, so any python3 runs it (the build uses /usr/bin/python3).

Encoding (all bit-packed into byte arrays, read by name_pinyin.cpp):
  kSyllables / kSyllableOffsets  the distinct toneless syllables, concatenated (lower-case ASCII)
  kSets                          reading sets, one entry per reading: syllable index, plus a
                                 flag bit marking the last reading of a set; a set is named by
                                 the index of its first entry (sets share common tails)
  kRanges                        code point ranges covered, each with its base in a virtual index
  kPresent / kRank               bitmap over the virtual index (1 = the table has the character)
                                 and the count of set bits before each 64-bit word
  kChars                         per present character, in code point order: its set's index

usage: gen_name_pinyin.py --out name_pinyin_table.inc [--dict pinyin_dict.go]
                          [--ranges 3007,4E00-9FFF] [--charset all|gbk|gb2312]
"""
import argparse
import os
import re
import sys
import unicodedata

DEFAULT_DICT = "/usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go"
DEFAULT_RANGES = "3007,4E00-9FFF"  # the ideographic zero and the CJK Unified Ideographs block


def fail(msg):
    sys.stderr.write("gen_name_pinyin.py: %s\n" % msg)
    sys.exit(1)


def parse_dict(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        fail("cannot read %s (%s): install golang-github-mozillazg-go-pinyin-dev (tools/setup.sh)" % (path, e))
    table = {}
    for m in re.finditer(r'0x([0-9A-Fa-f]+)\s*:\s*"([^"]*)"', text):
        table[int(m.group(1), 16)] = [r.strip() for r in m.group(2).split(",") if r.strip()]
    if len(table) < 20000:
        fail("%s: only %d entries parsed; format changed?" % (path, len(table)))
    return table


def toneless(reading):
    """All toneless spellings of one reading: 'lǚ' -> ['lv', 'lu'], 'zhāng' -> ['zhang']."""
    out = []
    umlaut = False
    for ch in unicodedata.normalize("NFD", reading.lower()):
        if ch == "\u0308":  # combining diaeresis: u-umlaut
            if not out or out[-1] != "u":
                fail("unexpected diaeresis in reading %r" % reading)
            out[-1] = "v"
            umlaut = True
        elif unicodedata.combining(ch):
            continue  # tone marks, the circumflex of e-circumflex
        else:
            out.append(ch)
    v = "".join(out)
    if not re.fullmatch(r"[a-z]+", v):
        fail("reading %r gives %r, not lower-case ASCII" % (reading, v))
    return [v, v.replace("v", "u")] if umlaut else [v]


def in_charset(cp, charset):
    if charset == "all":
        return True
    try:
        return len(chr(cp).encode(charset)) == 2
    except UnicodeEncodeError:
        return False


def parse_ranges(spec):
    ranges = []
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        lo = int(lo, 16)
        hi = int(hi, 16) if hi else lo
        if hi < lo or (ranges and lo <= ranges[-1][1]):
            fail("ranges must be ascending and disjoint: %s" % spec)
        ranges.append((lo, hi))
    return ranges


def pack(values, width):
    """Little-endian bit packing: value i occupies bits [i*width, (i+1)*width)."""
    acc = 0
    for i, v in enumerate(values):
        assert 0 <= v < (1 << width)
        acc |= v << (i * width)
    nbytes = (len(values) * width + 7) // 8
    return list(acc.to_bytes(nbytes, "little")) if nbytes else []


def c_array(ctype, name, values, per_line=24, fmt="0x%02x"):
    lines = ["inline constexpr %s %s[] = {" % (ctype, name)]
    for i in range(0, len(values), per_line):
        lines.append("    " + ",".join(fmt % v for v in values[i:i + per_line]) + ",")
    lines.append("};")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dict", default=DEFAULT_DICT)
    ap.add_argument("--out", required=True)
    ap.add_argument("--ranges", default=DEFAULT_RANGES)
    ap.add_argument("--charset", default="all", choices=["all", "gbk", "gb2312"])
    args = ap.parse_args()

    source = parse_dict(args.dict)
    ranges = parse_ranges(args.ranges)

    # Characters kept, with their reading sets (sorted, deduplicated toneless spellings).
    chars = []
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            if cp in source and in_charset(cp, args.charset):
                spellings = sorted({s for r in source[cp] for s in toneless(r)})
                if spellings:
                    chars.append((cp, tuple(spellings)))
    kept = {cp for cp, _ in chars}
    gb2312 = [cp for cp in range(0x4E00, 0xA000) if in_charset(cp, "gb2312")]
    missing = [cp for cp in gb2312 if cp not in kept]
    if len(gb2312) != 6763 or missing:
        fail("the table lacks %d of the 6763 GB2312 hanzi (e.g. %s)" %
             (len(missing), " ".join("U+%04X" % c for c in missing[:5])))

    syllables = sorted({s for _, sp in chars for s in sp})
    syl_index = {s: i for i, s in enumerate(syllables)}
    syl_bits = max(1, (len(syllables) - 1).bit_length())

    # Reading sets: longest first, so shorter sets often reuse the tail of a longer one.
    sets = sorted({sp for _, sp in chars}, key=lambda sp: (-len(sp), sp))
    entries, set_at, tails = [], {}, {}
    for sp in sets:
        idx = tuple(syl_index[s] for s in sp)
        if idx in tails:
            set_at[sp] = tails[idx]
            continue
        start = len(entries)
        for k, si in enumerate(idx):
            entries.append(si | ((1 << syl_bits) if k == len(idx) - 1 else 0))
        for k in range(len(idx)):
            tails.setdefault(idx[k:], start + k)
        set_at[sp] = start
    entry_bits = syl_bits + 1
    char_bits = max(1, (len(entries) - 1).bit_length())

    # Virtual index: the ranges laid end to end, each padded to a whole 64-bit word.
    range_rows, present_words, rank = [], [], []
    vbase = 0
    kept_sorted = sorted(kept)
    count = 0
    for lo, hi in ranges:
        range_rows.append((lo, hi, vbase))
        span = hi - lo + 1
        words = (span + 63) // 64
        for w in range(words):
            bits = 0
            for b in range(64):
                cp = lo + w * 64 + b
                if cp <= hi and cp in kept:
                    bits |= 1 << b
            rank.append(count)
            count += bin(bits).count("1")
            present_words.append(bits)
        vbase += words * 64
    if count >= 1 << 16:
        fail("too many characters for 16-bit ranks")
    set_of = dict(chars)
    char_values = [set_at[set_of[cp]] for cp in kept_sorted]

    blob = "".join(syllables)
    offsets, o = [], 0
    for s in syllables:
        offsets.append(o)
        o += len(s)
    offsets.append(o)

    packed_sets = pack(entries, entry_bits)
    packed_chars = pack(char_values, char_bits)
    size = (len(blob) + 2 * len(offsets) + len(packed_sets) + 12 * len(range_rows) +
            8 * len(present_words) + 2 * len(rank) + len(packed_chars))

    out = []
    out.append("// Generated by tools/gen_name_pinyin.py from %s" % os.path.basename(args.dict))
    out.append("// (golang-github-mozillazg-go-pinyin-dev: pinyin-data, MIT). Do not edit, do not commit.")
    out.append("// %d characters (ranges %s, charset %s), %d syllables, %d reading-set entries;"
               % (len(chars), args.ranges, args.charset, len(syllables), len(entries)))
    out.append("// table data: %d bytes." % size)
    out.append("inline constexpr unsigned kSyllableBits = %d;  // an entry of kSets: index | last flag" % syl_bits)
    out.append("inline constexpr unsigned kSetEntryBits = %d;" % entry_bits)
    out.append("inline constexpr unsigned kCharBits = %d;  // an entry of kChars: index into kSets" % char_bits)
    out.append("inline constexpr unsigned kSyllableCount = %d;" % len(syllables))
    out.append("inline constexpr unsigned kSetEntryCount = %d;" % len(entries))
    out.append("inline constexpr unsigned kCharCount = %d;" % len(chars))
    out.append("inline constexpr unsigned kDataBytes = %d;" % size)
    out.append('inline constexpr char kSyllables[] = "%s";' % blob)
    out.append(c_array("std::uint16_t", "kSyllableOffsets", offsets, 16, "%d"))
    out.append(c_array("std::uint8_t", "kSets", packed_sets))
    out.append("struct PinyinRange { char32_t first, last; std::uint32_t vbase; };")
    out.append("inline constexpr PinyinRange kRanges[] = {")
    for lo, hi, vb in range_rows:
        out.append("    {0x%04X, 0x%04X, %d}," % (lo, hi, vb))
    out.append("};")
    out.append(c_array("std::uint64_t", "kPresent", present_words, 4, "0x%016xULL"))
    out.append(c_array("std::uint16_t", "kRank", rank, 16, "%d"))
    out.append(c_array("std::uint8_t", "kChars", packed_chars))
    text = "\n".join(out) + "\n"

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    # One temporary file per process: with the table wanted by two targets, parallel make may
    # run this twice at once, and both must end with the same complete file in place.
    tmp = "%s.%d.tmp" % (args.out, os.getpid())
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()

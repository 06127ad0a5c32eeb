#include "ids/uscc.h"

#include "ids/region.h"

namespace uia {
namespace {

// GB 32100-2015 character set: the value of a character is its index (0..30).
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// Weight of position i is 3^i mod 31.
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
// GB 11714-1997 organisation code weights.
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

int alphabet_value(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Registration authority (position 1) and the organisation type codes (position 2) it may use,
// GB 32100-2015 Appendix A as amended (A and N were added after publication):
//   1 机构编制: 1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他
//   2 外交:     1 外国常驻新闻机构, 9 其他
//   3 司法行政: 1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9 其他
//   4 文化:     1 外国在华文化中心, 9 其他
//   5 民政:     1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他
//   6 旅游:     1 外国旅游部门常驻代表机构, 2 港澳台地区旅游部门常驻内地（大陆）代表机构, 9 其他
//   7 宗教:     1 宗教活动场所, 2 宗教院校, 9 其他
//   8 工会:     1 基层工会, 9 其他
//   9 工商:     1 企业, 2 个体工商户, 3 农民专业合作社
//   A 中央军委改革和编制办公室: 1 军队事业单位, 9 其他
//   N 农业:     1 组级集体经济组织, 2 村级集体经济组织, 3 乡镇级集体经济组织, 9 其他
//   Y 其他:     1 (not subdivided)
struct Authority {
  char code;
  std::string_view types;
};
constexpr Authority kAuthorities[] = {
    {'1', "1239"}, {'2', "19"},  {'3', "123459"}, {'4', "19"}, {'5', "1239"}, {'6', "129"},
    {'7', "129"},  {'8', "19"},  {'9', "123"},    {'A', "19"}, {'N', "1239"}, {'Y', "1"},
};

bool authority_ok(char authority, char type) {
  for (const auto& a : kAuthorities)
    if (a.code == authority) return a.types.find(type) != std::string_view::npos;
  return false;
}

// Positions 3-8: the GB/T 2260 code of the registering authority's area; central-level
// registrations use 100000.
bool region_ok(std::string_view six) {
  for (char c : six)
    if (c < '0' || c > '9') return false;
  if (six == "100000") return true;
  return region::is_province_code(six.substr(0, 2));
}

int org_char_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

Verdict fail(ErrorCode detail) { return Verdict::fail(ErrorCode::UsccInvalid, detail); }

}  // namespace

char uscc_check_char(std::string_view first17) {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int v = alphabet_value(first17[i]);
    if (v < 0) return '?';
    sum += v * kWeights[i];
  }
  return kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

char org_code_check_char(std::string_view first8) {
  if (first8.size() != 8) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const int v = org_char_value(first8[i]);
    if (v < 0) return '?';
    sum += v * kOrgWeights[i];
  }
  const int c = 11 - sum % 11;
  if (c == 10) return 'X';
  if (c == 11) return '0';
  return static_cast<char>('0' + c);
}

Verdict check_uscc(std::string_view code) {
  if (code.empty()) return fail(ErrorCode::UsccEmpty);
  if (code.size() != 18) return fail(ErrorCode::UsccLength);
  // Lower case is rejected rather than folded: the code is printed in upper case and a
  // lower-case 'o'/'i' would hide a real typo.
  for (char c : code)
    if (alphabet_value(c) < 0) return fail(ErrorCode::UsccCharacters);
  if (!authority_ok(code[0], code[1])) return fail(ErrorCode::UsccAuthority);
  if (!region_ok(code.substr(2, 6))) return fail(ErrorCode::UsccRegion);
  if (org_code_check_char(code.substr(8, 8)) != code[16]) return fail(ErrorCode::UsccOrgCode);
  if (uscc_check_char(code.substr(0, 17)) != code[17]) return fail(ErrorCode::UsccCheckDigit);
  return Verdict::pass();
}

}  // namespace uia

// The built-in list of common passwords (policy/account.h: is_common_password).
// Lower case, sorted by byte value (checked at compile time), looked up by binary search after
// lower-casing the candidate: "P@ssw0rd" and "p@ssw0rd" are both common. Sources: the
// well-known leaked-password top lists (international and the Chinese CSDN/12306/Tianya leaks)
// plus typical administrator defaults (Admin@123, Huawei@123, ...).
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "policy/account.h"

namespace uia {
namespace {

constexpr std::string_view kCommonPasswords[] = {
    "!qaz2wsx", "!qaz@wsx", "000000", "00000000", "000000a", "01234567", "0123456789", "110110",
    "111111", "11111111", "1111111111", "11111111a", "111111a", "112233", "11223344", "119119",
    "121212", "121314", "123123", "123123123", "123321", "1234", "12341234", "12344321", "12345",
    "123456", "1234567", "12345678", "123456789", "1234567890", "123456789a", "123456789abc",
    "123456789q", "12345678a", "123456a", "123456aa", "123456abc", "123456q", "123456qq",
    "12345abc", "12345qwert", "1234abcd", "1234asdf", "1234qwer", "123654", "123abc", "123qwe",
    "123qwe!@#", "123qweasd", "123qweasdzxc", "12qwaszx", "1314520", "1314520a", "1314521",
    "135790", "147258", "147258369", "147852369", "159357", "159753", "168168", "168888", "1a2b3c",
    "1a2b3c4d", "1q1q1q1q", "1q2w3e", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "1qa2ws3ed",
    "1qaz!qaz", "1qaz2wsx", "1qaz2wsx3edc", "1qaz@wsx", "1qazxsw2", "222222", "246810", "333333",
    "456789", "518518", "520131", "5201314", "5201314a", "520520", "520520a", "555555", "654321",
    "666666", "66666666", "666666a", "741852963", "7758258", "7758521", "7758521a", "777777",
    "789456123", "888888", "88888888", "8888888888", "888888a", "963852741", "987654", "987654321",
    "999999", "a111111", "a1111111", "a11111111", "a123123", "a12345", "a123456", "a123456!",
    "a1234567", "a12345678", "a123456789", "a1234567890", "a12345678910", "a123456@", "a147258369",
    "a1a1a1a1", "a1b2c3", "a1b2c3d4", "a1s2d3f4", "a5201314", "a7758521", "aa112233", "aa123456",
    "aa123456!", "aa12345678", "aa123456789", "aa123456@", "aaa111", "aaa123", "aaa123456",
    "aaaa1111", "aaaaaa", "aaaaaaaa", "abc#123", "abc111", "abc123", "abc123!", "abc123123",
    "abc1234", "abc12345", "abc123456", "abc123456789", "abc123abc", "abc@123", "abcabc",
    "abcabc123", "abcd1234", "abcd1234!", "abcd123456", "abcd12345678", "abcd@123", "abcd@1234",
    "abcdef", "abcdefg", "abcdefg123", "abcdefgh", "admin", "admin123", "admin123!", "admin1234",
    "admin888", "admin@123", "admin@1234", "administrator", "aini1314", "asd123", "asd123456",
    "asd@123", "asdasd", "asdasd123", "asdf123", "asdf1234", "asdfg123", "asdfgh", "asdfghjk",
    "asdfghjkl", "baidu123", "baseball", "batman", "beijing", "beijing2008", "chen123456", "china",
    "china123", "china2008", "computer", "dragon", "football", "freedom", "guest", "guest123",
    "hello", "hello123", "hello1234", "helloworld", "huang123456", "huawei12#$", "huawei123",
    "huawei@123", "iloveu", "iloveyou", "iloveyou1", "iloveyou123", "iloveyou520", "internet",
    "jennifer", "jordan23", "letmein", "li123456", "liu123456", "liuyang", "lixiang", "love123",
    "love1314", "love520", "lovely", "loveyou", "manager", "master", "michael", "monkey", "nihao",
    "nihao123", "nihao123456", "p@$$w0rd", "p@ssw0rd", "p@ssw0rd1", "p@ssw0rd123", "p@ssword",
    "pass123", "pass1234", "pass@123", "passw0rd", "passw0rd!", "passwd", "password", "password!",
    "password1", "password12", "password123", "password@123", "princess", "q123456", "q12345678",
    "q123456789", "q1w2e3", "q1w2e3r4", "q1w2e3r4t5", "qaz123", "qaz123456", "qaz@123", "qazwsx",
    "qazwsx123", "qazwsxedc", "qazxsw", "qazxswedc", "qq111111", "qq123456", "qq5201314", "qwe!@#",
    "qwe123", "qwe123!@#", "qwe12345", "qwe123456", "qwe@123", "qwe@1234", "qwer!234", "qwer1234",
    "qwer123456", "qwer@1234", "qwert", "qwert123", "qwert12345", "qwerty", "qwerty1", "qwerty12",
    "qwerty123", "qwertyui", "qwertyuiop", "root", "root123", "root@123", "s123456", "sangfor@123",
    "secret", "shadow", "shanghai", "shanghai123", "starwars", "sunshine", "superman", "taobao",
    "taobao123", "tencent", "test", "test123", "test1234", "test@123", "trustno1", "user123",
    "w123456", "wang123456", "wangwei", "wangyang", "welcome", "welcome1", "welcome123",
    "welcome@123", "whatever", "wo123456", "wo5201314", "woaini", "woaini123", "woaini1314",
    "woaini520", "woaini521", "woaini@1314", "woainima", "woaiwojia", "woshishui", "wu123456",
    "ww123456", "x123456", "xx123456", "yang123456", "z123456", "zaq12wsx", "zaq1xsw2",
    "zhang123456", "zhangwei", "zhao123456", "zhongguo", "zhongguo123", "zhou123456", "zxc123",
    "zxc123456", "zxc@123", "zxcasdqwe", "zxcv1234", "zxcvbn", "zxcvbnm", "zxcvbnm123",
};

constexpr bool sorted_unique() {
  for (std::size_t i = 1; i < std::size(kCommonPasswords); ++i)
    if (!(kCommonPasswords[i - 1] < kCommonPasswords[i])) return false;
  return true;
}
static_assert(sorted_unique(), "kCommonPasswords must be sorted and free of duplicates");

}  // namespace

bool is_common_password(std::string_view password) {
  if (password.empty() || password.size() > 64) return false;
  std::string lower(password);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return std::binary_search(std::begin(kCommonPasswords), std::end(kCommonPasswords),
                            std::string_view(lower));
}

std::size_t common_password_count() { return std::size(kCommonPasswords); }

std::string_view common_password_at(std::size_t index) {
  return index < std::size(kCommonPasswords) ? kCommonPasswords[index] : std::string_view();
}

}  // namespace uia

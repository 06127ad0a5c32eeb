// Whether a password spells the holder's name in pinyin (seed 003 海南: 请勿将姓名拼音设为密码).
#pragma once
#include <string_view>

namespace uia {

// True when `password` (compared case-insensitively, tones never typed) contains the pinyin of
// the whole of `name` (UTF-8 Chinese characters; 张三 -> "zhangsan"), under any reading of a
// character with several. False for an empty name or one with a character the table lacks.
bool contains_name_pinyin(std::string_view password, std::string_view name);

}  // namespace uia

// The names of the real-name levels (person.level: 1 registered, 2 name and ID number checked
// with the public-security register, 3 face verified). The provincial manuals count them
// (seed 004: "新注册成功用户都是三级实名 ... 提升为四级实名"; seed 003: "用户实名等级 LV.3"), so
// the web client says 一级实名 / 二级实名 / 三级实名 everywhere it shows a level: 个人中心,
// 经办人中心, 授权确认 and the login page naming what a business system requires.
#pragma once

namespace uia {

// "一级实名", "二级实名", "三级实名"; "未实名" for anything else.
const char* real_name_level_name(int level);

}  // namespace uia

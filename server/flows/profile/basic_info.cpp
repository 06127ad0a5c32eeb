#include "flows/profile/basic_info.h"

#include <algorithm>

#include "flows/profile/free_text.h"
#include "policy/contact.h"

namespace uia::flows {

const std::vector<std::string_view>& ethnicity_options() {
  // GB/T 3304 order.
  static const std::vector<std::string_view> all = {
      "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族",
      "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族",
      "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族",
      "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族",
      "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
      "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他"};
  return all;
}

const std::vector<std::string_view>& education_options() {
  static const std::vector<std::string_view> all = {"博士研究生", "硕士研究生", "大学本科", "大学专科",
                                                    "中等职业教育", "普通高中", "初中", "小学", "其他"};
  return all;
}

const std::vector<std::string_view>& occupation_options() {
  // GB/T 6565-2015 major groups, plus the situations forms ask for beside them.
  static const std::vector<std::string_view> all = {
      "党的机关、国家机关、群众团体和社会组织、企事业单位负责人", "专业技术人员", "办事人员和有关人员",
      "社会生产服务和生活服务人员", "农、林、牧、渔业生产及辅助人员", "生产制造及有关人员", "军人",
      "不便分类的其他从业人员", "学生", "离退休人员", "无业人员"};
  return all;
}

bool is_option(const std::vector<std::string_view>& options, std::string_view value) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

nlohmann::json basic_info_options() {
  const auto list = [](const std::vector<std::string_view>& options) {
    nlohmann::json out = nlohmann::json::array();
    for (auto o : options) out.push_back(std::string(o));
    return out;
  };
  return {{"ethnicity", list(ethnicity_options())},
          {"education", list(education_options())},
          {"occupation", list(occupation_options())},
          {"limits", {{"work_unit", kWorkUnitMaxChars}, {"contact_address", kContactAddressMaxChars}, {"postcode", 6}}}};
}

ErrorCode check_basic_field(std::string_view field, const std::string& value) {
  if (field == "ethnicity") return is_option(ethnicity_options(), value) ? ErrorCode::Ok : ErrorCode::OptionInvalid;
  if (field == "education") return is_option(education_options(), value) ? ErrorCode::Ok : ErrorCode::OptionInvalid;
  if (field == "occupation") return is_option(occupation_options(), value) ? ErrorCode::Ok : ErrorCode::OptionInvalid;
  if (field == "work_unit") return check_free_text(value, kWorkUnitMaxChars);
  if (field == "contact_address") return check_free_text(value, kContactAddressMaxChars);
  if (field == "postcode") return check_postcode(value).code;
  return ErrorCode::RequestInvalid;
}

}  // namespace uia::flows

#include "profile/profile_fields.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "api/validate.h"

namespace uia {
namespace {

// The words a word list may hold.
const std::vector<std::string> kIdentifiers = {"account", "phone", "id_number", "document"};
const std::vector<std::string> kLoginMethods = {"password", "sms",    "qr",          "face",    "alipay",
                                                "e_social_security_card", "upstream", "ca_certificate", "e_licence"};
const std::vector<std::string> kProofs = {"registration", "police", "face", "bank_card", "ca_certificate"};
const std::vector<std::string> kPersonIdTypes = {"resident", "hk_macau_permit", "taiwan_permit", "passport",
                                                 "foreign_permanent_id"};
const std::vector<std::string> kRecovery = {"sms", "email", "security_question", "face", "alipay"};
const std::vector<std::string> kPhoneProofs = {"identity", "password", "face"};
const std::vector<std::string> kEnterprisePhoneProofs = {"password", "four_elements", "face"};
const std::vector<std::string> kAccountModes = {"user_chosen", "id_number", "none"};
const std::vector<std::string> kAgentCredentials = {"own_password", "identity_switch"};

// The one field list. A visitor sees every field in documented order; groups ("password.")
// are contiguous so the JSON writer can nest them.
template <class V>
void visit(Profile& p, V& v) {
  v.text("name", p.name, "配置名（--profile 的取值）");
  v.text("province", p.province, "省份");
  v.text("platform_name", p.platform_name, "平台名称（页眉显示）");
  v.text("manual", p.manual, "所依据的操作手册编号");
  v.word("account.mode", p.account_mode, kAccountModes,
         "登录名：user_chosen 用户自设 / id_number 证件号即登录名 / none 无登录名（手机号或证件号登录）");
  v.integer("account.min_length", p.account_name.min_length, 1, 64, "登录名最短长度");
  v.integer("account.max_length", p.account_name.max_length, 1, 64, "登录名最长长度");
  v.integer("password.min_length", p.password.min_length, 6, 64, "密码最短长度");
  v.integer("password.max_length", p.password.max_length, 6, 64, "密码最长长度");
  v.integer("password.min_classes", p.password.min_classes, 1, 3, "数字、字母、符号中至少几种");
  v.flag("password.require_upper_and_lower", p.password.require_upper_and_lower, "须同时含大写和小写字母");
  v.flag("password.reject_common", p.password.reject_common, "拒绝常见弱密码");
  v.flag("password.reject_containing_account", p.password.reject_containing_account, "密码不得包含登录名");
  v.flag("password.reject_name_pinyin", p.password.reject_name_pinyin, "密码不得为姓名拼音");
  v.words("login.identifiers", p.login_identifiers, kIdentifiers,
          "密码登录可用的标识：account 登录名 / phone 手机号 / id_number 身份证号 / document 其他证件号");
  v.words("login.methods", p.login_methods, kLoginMethods, "手册列出的登录方式");
  v.levels("levels", p.levels, "实名等级阶梯（level 1-4：1 注册，2 公安核验，3 人脸或银行卡，4 CA 证书）");
  v.flag("face_at_registration", p.face_at_registration, "注册时须人脸验证（16 周岁及以上）");
  v.words("person_id_types", p.person_id_types, kPersonIdTypes, "个人注册可用的证件类型");
  v.catalogue("organisation_types", p.organisation_types, "法人类型（为空：无独立法人账号）");
  v.flag("registration_hours.enabled", p.registration_hours.enabled, "限定省外居民注册时段");
  v.text("registration_hours.home_region", p.registration_hours.home_region, "本省身份证号码前两位");
  v.integer("registration_hours.from_minute", p.registration_hours.from_minute, 0, 24 * 60, "开始（当日分钟，北京时间）");
  v.integer("registration_hours.to_minute", p.registration_hours.to_minute, 0, 24 * 60, "结束（不含）");
  v.words("recovery_methods", p.recovery_methods, kRecovery, "找回密码方式");
  v.words("phone_change_proofs", p.phone_change_proofs, kPhoneProofs, "个人修改手机号的身份验证方式");
  v.words("enterprise_phone_change_proofs", p.enterprise_phone_change_proofs, kEnterprisePhoneProofs,
          "法人修改联系手机的身份验证方式");
  v.word("agents.credential", p.agent_credential, kAgentCredentials,
         "经办人登录：own_password 代理登录（经办人本人密码）/ identity_switch 个人登录后切换身份");
  v.integer("agents.max_levels", p.agent_max_levels, 1, 10, "授权层级上限");
  v.integer("agents.accept_hours", p.agent_accept_hours, 1, 24 * 30, "经办人须在多少小时内接受授权");
  v.integer("delegation_accept_hours", p.delegation_accept_hours, 1, 24 * 30, "授权关系须在多少小时内确认");
  v.catalogue("documents.kinds", p.document_kinds, "人工审核材料类型");
  v.integer("documents.per_person", p.documents_per_person, 1, 50, "每人最多上传材料数");
  v.integer("documents.max_kib", p.document_max_kib, 16, 50 * 1024, "单个材料大小上限（KiB）");
  v.catalogue("relations", p.relations, "亲属关系");
  v.catalogue("delegation_scopes", p.delegation_scopes, "授权关系的代办范围");
  v.catalogue("security_questions", p.security_questions, "密保问题");
  v.catalogue("service_items", p.service_items, "经办人服务事项");
}

// ---- JSON out -------------------------------------------------------------------------------

class JsonWriter {
 public:
  void text(std::string_view key, const std::string& value, std::string_view) { put(key, json_quote(value)); }
  void word(std::string_view key, const std::string& value, const std::vector<std::string>&, std::string_view) {
    put(key, json_quote(value));
  }
  void integer(std::string_view key, int value, int, int, std::string_view) { put(key, std::to_string(value)); }
  void flag(std::string_view key, bool value, std::string_view) { put(key, value ? "true" : "false"); }
  void words(std::string_view key, const std::vector<std::string>& list, const std::vector<std::string>&,
             std::string_view) {
    put(key, word_array(list));
  }
  void catalogue(std::string_view key, const std::vector<CatalogueEntry>& list, std::string_view) {
    std::string out = "[";
    for (const auto& e : list) {
      if (out.size() > 1) out += ',';
      out += "{\"code\":" + json_quote(e.code) + ",\"label\":" + json_quote(e.label) + "}";
    }
    put(key, out + "]");
  }
  void levels(std::string_view key, const std::vector<LevelRung>& list, std::string_view) {
    std::string out = "[";
    for (const auto& r : list) {
      if (out.size() > 1) out += ',';
      out += "{\"level\":" + std::to_string(r.level) + ",\"name\":" + json_quote(r.name) +
             ",\"proofs\":" + word_array(r.proofs) + "}";
    }
    put(key, out + "]");
  }
  std::string finish() {
    if (!group_.empty()) out_ += '}';
    return out_ + "}";
  }

 private:
  static std::string word_array(const std::vector<std::string>& list) {
    std::string out = "[";
    for (const auto& w : list) {
      if (out.size() > 1) out += ',';
      out += json_quote(w);
    }
    return out + "]";
  }
  // "password.min_length": opens "password" unless it is open already.
  void put(std::string_view key, const std::string& value) {
    const auto dot = key.find('.');
    const std::string_view group = dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
    const std::string_view leaf = dot == std::string_view::npos ? key : key.substr(dot + 1);
    if (group != group_) {
      if (!group_.empty()) out_ += '}';
      if (out_.size() > 1) out_ += ',';
      if (!group.empty()) out_ += json_quote(group) + ":{";
      group_ = std::string(group);
      first_in_group_ = true;
    } else if (group_.empty() ? out_.size() > 1 : !first_in_group_) {
      out_ += ',';
    }
    first_in_group_ = false;
    out_ += json_quote(leaf) + ":" + value;
  }

  std::string out_ = "{";
  std::string group_;
  bool first_in_group_ = true;
};

// ---- flat fields in -------------------------------------------------------------------------

bool parse_int(std::string_view text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  out = value;
  return true;
}

bool known_word(const std::vector<std::string>& vocabulary, std::string_view word) {
  return std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end();
}

std::string quote_list(const std::vector<std::string>& vocabulary) {
  std::string out;
  for (const auto& w : vocabulary) out += (out.empty() ? "" : "、") + w;
  return out;
}

// Entries of a list field: "levels.3.name" -> index 3, rest "name". The list's own name with an
// empty value is the empty list.
class ListEntries {
 public:
  // Returns false with `problem` set on a malformed path.
  bool collect(const std::map<std::string, std::string>& fields, std::string_view key, ProfileProblem& problem) {
    present_ = false;
    entries_.clear();
    const std::string prefix = std::string(key) + ".";
    for (const auto& [path, value] : fields) {
      if (path == key) {
        present_ = true;
        if (!value.empty()) return fail(problem, path, "列表须逐项给出");
        continue;
      }
      if (path.compare(0, prefix.size(), prefix) != 0) continue;
      present_ = true;
      const std::string rest = path.substr(prefix.size());
      const auto dot = rest.find('.');
      int index = 0;
      if (!parse_int(rest.substr(0, dot), index) || index < 0 || index > 200) return fail(problem, path, "列表序号不正确");
      entries_[index][dot == std::string::npos ? std::string() : rest.substr(dot + 1)] = value;
    }
    int expected = 0;
    for (const auto& [index, _] : entries_)
      if (index != expected++) return fail(problem, std::string(key) + "." + std::to_string(index), "列表序号须从0起连续");
    return true;
  }
  bool present() const { return present_; }
  const std::map<int, std::map<std::string, std::string>>& entries() const { return entries_; }

 private:
  static bool fail(ProfileProblem& problem, const std::string& field, const char* message) {
    problem = {field, message};
    return false;
  }
  bool present_ = false;
  std::map<int, std::map<std::string, std::string>> entries_;
};

class FlatReader {
 public:
  explicit FlatReader(const FlatFields& fields) {
    for (const auto& [k, v] : fields) fields_[k] = v;
  }

  void text(std::string_view key, std::string& value, std::string_view) {
    if (const std::string* v = take(key)) value = *v;
  }
  void word(std::string_view key, std::string& value, const std::vector<std::string>& vocabulary, std::string_view) {
    const std::string* v = take(key);
    if (!v) return;
    if (!known_word(vocabulary, *v)) return fail(key, "取值应为：" + quote_list(vocabulary));
    value = *v;
  }
  void integer(std::string_view key, int& value, int low, int high, std::string_view) {
    const std::string* v = take(key);
    if (!v) return;
    int parsed = 0;
    if (!parse_int(*v, parsed) || parsed < low || parsed > high)
      return fail(key, "应为" + std::to_string(low) + "到" + std::to_string(high) + "之间的整数");
    value = parsed;
  }
  void flag(std::string_view key, bool& value, std::string_view) {
    const std::string* v = take(key);
    if (!v) return;
    if (*v != "true" && *v != "false") return fail(key, "应为 true 或 false");
    value = *v == "true";
  }
  void words(std::string_view key, std::vector<std::string>& list, const std::vector<std::string>& vocabulary,
             std::string_view) {
    ListEntries entries;
    if (!collect(entries, key)) return;
    std::vector<std::string> out;
    for (const auto& [index, parts] : entries.entries()) {
      const std::string path = std::string(key) + "." + std::to_string(index);
      if (parts.size() != 1 || !parts.count("")) return fail(path, "应为文字");
      const std::string& w = parts.at("");
      if (!known_word(vocabulary, w)) return fail(path, "取值应为：" + quote_list(vocabulary));
      out.push_back(w);
    }
    list = std::move(out);
  }
  void catalogue(std::string_view key, std::vector<CatalogueEntry>& list, std::string_view) {
    ListEntries entries;
    if (!collect(entries, key)) return;
    std::vector<CatalogueEntry> out;
    for (const auto& [index, parts] : entries.entries()) {
      const std::string path = std::string(key) + "." + std::to_string(index);
      CatalogueEntry e;
      for (const auto& [leaf, value] : parts) {
        if (leaf == "code") e.code = value;
        else if (leaf == "label") e.label = value;
        else return fail(path + (leaf.empty() ? "" : "." + leaf), "目录项只有 code 和 label");
      }
      out.push_back(std::move(e));
    }
    list = std::move(out);
  }
  void levels(std::string_view key, std::vector<LevelRung>& list, std::string_view) {
    ListEntries entries;
    if (!collect(entries, key)) return;
    std::vector<LevelRung> out;
    for (const auto& [index, parts] : entries.entries()) {
      const std::string path = std::string(key) + "." + std::to_string(index);
      LevelRung r;
      r.level = 0;
      std::map<int, std::string> proofs;
      for (const auto& [leaf, value] : parts) {
        if (leaf == "level") {
          if (!parse_int(value, r.level)) return fail(path + ".level", "应为1到4之间的整数");
        } else if (leaf == "name") {
          r.name = value;
        } else if (leaf.compare(0, 7, "proofs.") == 0) {
          int i = 0;
          if (!parse_int(leaf.substr(7), i) || i < 0 || i > 20) return fail(path + "." + leaf, "列表序号不正确");
          if (!known_word(kProofs, value)) return fail(path + "." + leaf, "取值应为：" + quote_list(kProofs));
          proofs[i] = value;
        } else if (leaf != "proofs") {
          return fail(path + (leaf.empty() ? "" : "." + leaf), "等级只有 level、name 和 proofs");
        }
      }
      for (auto& [_, proof] : proofs) r.proofs.push_back(proof);
      out.push_back(std::move(r));
    }
    list = std::move(out);
  }

  // Fields no visitor asked for: unknown names.
  std::string leftover() const {
    for (const auto& [k, _] : fields_)
      if (!used_.count(k)) return k;
    return {};
  }
  const ProfileProblem& problem() const { return problem_; }

 private:
  const std::string* take(std::string_view key) {
    auto it = fields_.find(std::string(key));
    if (it == fields_.end()) return nullptr;
    used_.insert(it->first);
    return &it->second;
  }
  bool collect(ListEntries& entries, std::string_view key) {
    if (!problem_.ok()) return false;
    if (!entries.collect(fields_, key, problem_)) return false;
    const std::string prefix = std::string(key) + ".";
    for (const auto& [k, _] : fields_)
      if (k == key || k.compare(0, prefix.size(), prefix) == 0) used_.insert(k);
    return entries.present();
  }
  void fail(std::string_view key, std::string message) {
    if (problem_.ok()) problem_ = {std::string(key), std::move(message)};
  }

  std::map<std::string, std::string> fields_;
  std::set<std::string> used_;
  ProfileProblem problem_;
};

class DocCollector {
 public:
  void text(std::string_view key, std::string&, std::string_view d) { add(key, d); }
  void word(std::string_view key, std::string&, const std::vector<std::string>&, std::string_view d) { add(key, d); }
  void integer(std::string_view key, int&, int, int, std::string_view d) { add(key, d); }
  void flag(std::string_view key, bool&, std::string_view d) { add(key, d); }
  void words(std::string_view key, std::vector<std::string>&, const std::vector<std::string>&, std::string_view d) {
    add(std::string(key) + "[]", d);
  }
  void catalogue(std::string_view key, std::vector<CatalogueEntry>&, std::string_view d) {
    add(std::string(key) + "[].code", d);
    add(std::string(key) + "[].label", d);
  }
  void levels(std::string_view key, std::vector<LevelRung>&, std::string_view d) {
    add(std::string(key) + "[].level", d);
    add(std::string(key) + "[].name", d);
    add(std::string(key) + "[].proofs[]", d);
  }
  std::vector<ProfileFieldDoc> docs;

 private:
  void add(std::string_view key, std::string_view d) { docs.push_back({std::string(key), std::string(d)}); }
};

ProfileProblem problem(std::string field, std::string message) { return {std::move(field), std::move(message)}; }

ProfileProblem check_catalogue(const std::string& key, const std::vector<CatalogueEntry>& list) {
  std::set<std::string> codes;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = key + "." + std::to_string(i);
    if (list[i].code.empty() || list[i].code.size() > 64) return problem(path + ".code", "代码不能为空，最长64个字符");
    if (list[i].label.empty() || list[i].label.size() > 200) return problem(path + ".label", "名称不能为空，最长200字节");
    if (!codes.insert(list[i].code).second) return problem(path + ".code", "代码重复");
  }
  return {};
}

ProfileProblem check_words(const std::string& key, const std::vector<std::string>& list, bool may_be_empty) {
  if (!may_be_empty && list.empty()) return problem(key, "至少需要一项");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!seen.insert(list[i]).second) return problem(key + "." + std::to_string(i), "重复");
  return {};
}

}  // namespace

std::string profile_json(const Profile& profile) {
  JsonWriter writer;
  visit(const_cast<Profile&>(profile), writer);  // the writer only reads
  return writer.finish();
}

ProfileProblem apply_profile_fields(Profile& profile, const FlatFields& fields) {
  Profile changed = profile;
  FlatReader reader(fields);
  visit(changed, reader);
  if (!reader.problem().ok()) return reader.problem();
  if (std::string unknown = reader.leftover(); !unknown.empty()) return problem(unknown, "没有这个配置项");
  if (ProfileProblem p = check_profile(changed); !p.ok()) return p;
  profile = std::move(changed);
  return {};
}

ProfileProblem check_profile(const Profile& p) {
  if (p.name.empty() || p.name.size() > 32) return problem("name", "配置名不能为空，最长32个字符");
  for (char c : p.name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return problem("name", "配置名只能包含小写字母、数字、下划线和连字符");
  if (p.platform_name.empty()) return problem("platform_name", "平台名称不能为空");
  if (p.account_name.min_length > p.account_name.max_length) return problem("account.min_length", "最短长度大于最长长度");
  if (p.password.min_length > p.password.max_length) return problem("password.min_length", "最短长度大于最长长度");
  if (p.password.require_upper_and_lower && p.password.max_length < 4)
    return problem("password.max_length", "长度不足以包含要求的字符种类");
  if (ProfileProblem q = check_words("login.identifiers", p.login_identifiers, false); !q.ok()) return q;
  if (p.account_mode != "user_chosen" && profile_lists(p.login_identifiers, "account"))
    return problem("login.identifiers", "没有自设登录名时不能以 account 登录");
  if (ProfileProblem q = check_words("login.methods", p.login_methods, false); !q.ok()) return q;
  if (!profile_lists(p.login_methods, "password")) return problem("login.methods", "须包含 password");
  if (p.levels.empty()) return problem("levels", "至少需要一个实名等级");
  for (std::size_t i = 0; i < p.levels.size(); ++i) {
    const std::string path = "levels." + std::to_string(i);
    const LevelRung& r = p.levels[i];
    if (r.level < 1 || r.level > 4) return problem(path + ".level", "应为1到4之间的整数");
    if (i > 0 && r.level <= p.levels[i - 1].level) return problem(path + ".level", "等级须按从低到高排列且不重复");
    if (r.name.empty() || r.name.size() > 60) return problem(path + ".name", "等级名称不能为空，最长60字节");
    if (r.proofs.empty()) return problem(path + ".proofs", "至少需要一种认证方式");
  }
  if (ProfileProblem q = check_words("person_id_types", p.person_id_types, false); !q.ok()) return q;
  if (ProfileProblem q = check_catalogue("organisation_types", p.organisation_types); !q.ok()) return q;
  const RegistrationHours& h = p.registration_hours;
  if (h.enabled) {
    if (h.home_region.size() != 2 || h.home_region[0] < '1' || h.home_region[0] > '9' || h.home_region[1] < '0' ||
        h.home_region[1] > '9')
      return problem("registration_hours.home_region", "应为两位省级行政区划代码");
    if (h.from_minute >= h.to_minute) return problem("registration_hours.from_minute", "开始时间须早于结束时间");
  }
  if (ProfileProblem q = check_words("recovery_methods", p.recovery_methods, true); !q.ok()) return q;
  if (ProfileProblem q = check_words("phone_change_proofs", p.phone_change_proofs, false); !q.ok()) return q;
  if (ProfileProblem q = check_words("enterprise_phone_change_proofs", p.enterprise_phone_change_proofs, false); !q.ok())
    return q;
  if (ProfileProblem q = check_catalogue("documents.kinds", p.document_kinds); !q.ok()) return q;
  if (ProfileProblem q = check_catalogue("relations", p.relations); !q.ok()) return q;
  if (p.relations.empty()) return problem("relations", "至少需要一项");
  if (ProfileProblem q = check_catalogue("delegation_scopes", p.delegation_scopes); !q.ok()) return q;
  if (p.delegation_scopes.empty()) return problem("delegation_scopes", "至少需要一项");
  if (ProfileProblem q = check_catalogue("security_questions", p.security_questions); !q.ok()) return q;
  if (ProfileProblem q = check_catalogue("service_items", p.service_items); !q.ok()) return q;
  if (p.service_items.empty()) return problem("service_items", "至少需要一项");
  return {};
}

std::vector<ProfileFieldDoc> profile_field_docs() {
  Profile scratch;
  DocCollector collector;
  visit(scratch, collector);
  return std::move(collector.docs);
}

}  // namespace uia

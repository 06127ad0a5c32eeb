#include "policy/oidc_scope_labels.h"

namespace uia {

std::string_view oidc_scope_label(std::string_view scope) {
  // openid always brings the subject and the real-name level (acr, uia_level claims).
  if (scope == "openid") return "实名等级（账号标识与实名认证等级）";
  if (scope == "profile") return "基本信息（姓名）";
  if (scope == "phone") return "手机号码";
  if (scope == "uia_id") return "证件信息（证件类型与号码）";
  if (scope == "uia_enterprise") return "企业身份（统一社会信用代码、企业名称、办理角色及授权事项）";
  return {};
}

}  // namespace uia

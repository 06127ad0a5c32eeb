#include "pages/identity_page.h"

#include <cstdlib>

#include "json.h"
#include "pages/agent_centre_page.h"

namespace uia::web {

void IdentityPage(const PageContext& ctx, IdentityState& s, IdentityActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "选择登录身份", "退出登录") && !s.busy) out.sign_out = true;
  if (!s.welcome.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.welcome, ui::Tone::Success, form.width);
    ui::RowGap(8);
  }
  if (!s.loaded) {
    if (!s.loading && s.error.empty()) out.load = true;
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取您的身份…", form.width);
  } else {
    ImGui::SetCursorPosX(form.x);
    ui::Note("您的账号绑定了企业经办人身份，请选择本次要使用的身份。登录后可在中心页面通过“切换身份”再次切换。",
             form.width);
    ui::RowGap(12);
    for (size_t i = 0; i < s.identities.size(); ++i) {
      const auto& id = s.identities[i];
      const std::string label = id.type == "person" ? "本人（" + id.name + "）"
                                                    : id.name + "（" + ActingRoleText(id.role) + "）";
      ImGui::SetCursorPosX(form.x);
      ImGui::PushID(static_cast<int>(i));
      const bool pressed = static_cast<int>(i) == s.current ? ui::PrimaryButton(label.c_str(), ImVec2(form.width, 44), s.busy)
                                                            : ui::SecondaryButton(label.c_str(), ImVec2(form.width, 44), s.busy);
      ImGui::PopID();
      if (pressed) out.choose = static_cast<int>(i);
      ui::RowGap(8);
    }
  }
  ui::RowGap(6);
  if (!s.error.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::MessageBox(s.error, ui::Tone::Error, form.width);
  }
}

void IdentityLoad(IdentityState& s, const std::function<std::string(const std::string&)>& get) {
  s.identities.clear();
  s.current = -1;
  const std::string cur_type = get("current.type");
  const long long cur_ent = std::atoll(get("current.enterprise_id").c_str());
  const long long cur_grant = std::atoll(get("current.grant_id").c_str());
  for (int i = 0;; ++i) {
    const std::string p = "identities." + std::to_string(i) + ".";
    IdentityState::Identity id;
    id.type = get(p + "type");
    if (id.type.empty()) break;
    id.role = get(p + "role");
    id.name = id.type == "person" ? get(p + "name") : get(p + "enterprise_name");
    id.uscc = get(p + "uscc");
    id.enterprise_id = std::atoll(get(p + "enterprise_id").c_str());
    id.grant_id = std::atoll(get(p + "grant_id").c_str());
    if (id.type == cur_type && id.enterprise_id == cur_ent && id.grant_id == cur_grant)
      s.current = static_cast<int>(s.identities.size());
    s.identities.push_back(std::move(id));
  }
  s.loaded = true;
}

std::string IdentityBody(const IdentityState::Identity& id) {
  JsonObject o;
  o.add("type", id.type);
  if (id.type == "enterprise") {
    o.add("enterprise_id", id.enterprise_id);
    if (id.grant_id) o.add("grant_id", id.grant_id);
  }
  return o.str();
}

}  // namespace uia::web

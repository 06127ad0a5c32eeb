// 个人中心 / 已授权系统 (seed H: "授权管理"): the business systems that sign this person in through
// the platform (OpenID Connect clients), what each may read, when it was authorized and last
// used. 取消授权 revokes the system's tokens at once; it asks again at its next sign-in.
#include <string>

#include "a11y.h"
#include "pages/centre_page.h"
#include "pages/consent_page.h"

namespace uia::web {
namespace {

void client_row(const ui::Form& form, const CentreState::AuthorizedClient& c, bool busy, CentreActions& out) {
  const float button_w = 88.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::TextUnformatted(c.name.c_str());
  const float text_w = form.width - 24 - button_w - 8;
  std::string reads;
  for (const auto& scope : c.scopes) {
    if (!reads.empty()) reads += "、";
    reads += ScopeLabel(scope);
  }
  const std::string detail = "可读取：" + reads;
  const std::string when =
      "授权时间 " + c.authorized + " · " + (c.last_used.empty() ? std::string("尚未使用") : "最近使用 " + c.last_used);
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note(detail, text_w);
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note(when, text_w);
  ui::RowGap(4);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);

  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = c.name;
  n.text = c.name + " " + detail + " " + when;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));

  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(top.x + form.width - button_w - 12, top.y + (bottom.y - top.y - 32) * 0.5f));
  ImGui::PushID(c.client_id.c_str());
  if (ui::SecondaryButton("取消授权", ImVec2(button_w, 32), busy)) out.unauthorize = c.client_id;
  ImGui::PopID();
  ImGui::SetCursorScreenPos(after);
  ui::RowGap(8);
}

}  // namespace

void CentreAuthorizedTab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (!s.authorized_loaded && !s.authorized_loading && s.error.empty()) out.load_authorized = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("以下业务系统可通过本平台为您登录。取消授权后，该系统需您再次同意才能读取您的信息。", form.width);
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.x);
  if (!s.authorized_loaded) {
    if (s.error.empty()) ui::Note("正在读取已授权系统…", form.width);
    ui::RowGap(8);
    return;
  }
  if (s.authorized.empty()) {
    ui::MessageBox("您尚未授权任何业务系统。", ui::Tone::Info, form.width);
    ui::RowGap(8);
    return;
  }
  for (const auto& c : s.authorized) client_row(form, c, s.unauthorizing == c.client_id, out);
}

}  // namespace uia::web

#include "pages/consent_page.h"

#include "a11y.h"
#include "policy/oidc_scope_labels.h"

namespace uia::web {
namespace {

// The two decision buttons side by side, each half the field column (also at 375 px).
void decision_buttons(const ui::Form& form, ConsentState& s, ConsentActions& out) {
  const float gap = 12.0f;
  const float w = (form.field_w() - gap) * 0.5f;
  const bool can_approve = s.request.level_sufficient;
  const bool busy = s.busy || !s.leaving_to.empty();
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("同意授权", ImVec2(w, 40), busy || !can_approve)) out.approve = true;
  ImGui::SameLine(0, gap);
  if (ui::SecondaryButton("拒绝", ImVec2(w, 40), busy)) out.deny = true;
  ui::RowGap(10);
}

// One line per piece of data the system receives, each a list item for screen readers.
void scope_list(const ui::Form& form, const OidcRequest& r) {
  for (const auto& scope : r.scopes) {
    ImGui::SetCursorPosX(form.field_x() + 8);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ui::Note("• " + ScopeLabel(scope), form.field_w() - 8, ui::color::kText);
    a11y::Node n;
    n.role = a11y::Role::ListItem;
    n.label = ScopeLabel(scope);
    n.text = n.label;
    n.min = top;
    n.max = ImVec2(top.x + form.field_w() - 8, ImGui::GetItemRectMax().y);
    a11y::add(std::move(n));
  }
  ui::RowGap(10);
}

// In whose name the data goes out when the person acts for an enterprise: the system sees the
// enterprise, the role and (for an agent) the granted service items, so the person sees them too.
void acting_for_rows(const ui::Form& form, const Profile& profile, const OidcRequest::ActingFor& a) {
  ReadOnlyRow(form, "办理身份", a.name + "（" + a.role_label + "）");
  ReadOnlyRow(form, "统一社会信用代码", a.uscc);
  if (!a.service_items.empty()) {
    std::string items;
    for (const auto& code : a.service_items) {
      const std::string_view label = catalogue_label(profile.service_items, code);
      items += (items.empty() ? "" : "、") + std::string(label.empty() ? std::string_view(code) : label);
    }
    ReadOnlyRow(form, "授权事项", items);
  }
  if (!a.valid_until.empty()) ReadOnlyRow(form, "授权有效期至", a.valid_until);
}

}  // namespace

std::string ScopeLabel(const std::string& scope) {
  const std::string_view label = oidc_scope_label(scope);
  return label.empty() ? scope : std::string(label);
}

void ConsentPage(const PageContext& ctx, ConsentState& s, ConsentActions& out) {
  const ui::Form& form = ctx.form;
  const OidcRequest& r = s.request;
  TitleRow(form, "授权确认");
  ui::RowGap(4);
  if (r.status == OidcRequest::Status::Failed) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(r.error.empty() ? "授权请求已失效，请返回业务系统重新登录。" : r.error, ui::Tone::Error, form.field_w());
    ui::RowGap(12);
    ImGui::SetCursorPosX(form.field_x());
    if (ui::SecondaryButton("进入个人中心", ImVec2(form.field_w(), 40))) out.go_centre = true;
    return;
  }
  if (r.status != OidcRequest::Status::Ready) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("正在加载授权请求…", form.field_w());
    return;
  }

  ImGui::SetCursorPosX(form.field_x());
  ui::Note("「" + r.client_name + "」申请使用您的统一身份认证账号登录，并获取您的以下信息：", form.field_w(),
           ui::color::kText);
  ui::RowGap(8);
  scope_list(form, r);
  ReadOnlyRow(form, "业务系统", r.client_name);
  ReadOnlyRow(form, "当前账号", r.person_phone.empty() ? r.person_name : r.person_name + "  " + r.person_phone);
  ReadOnlyRow(form, "实名等级", level_name(*ctx.profile, r.person_level));
  if (r.acting_for) acting_for_rows(form, *ctx.profile, *r.acting_for);
  if (!r.level_sufficient) {
    // Step-up: the system asks for more than this account has proved; approving cannot help.
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox(std::string("「") + r.client_name + "」要求" + r.level_required_label + "及以上，您的账号当前为" +
                       level_name(*ctx.profile, r.person_level) + "，暂不能授权登录。请先提升实名认证等级后再试，或点击“拒绝”返回该系统。",
                   ui::Tone::Error, form.field_w());
    ui::RowGap(12);
  }
  ResultMessage(form, s.error, "");
  if (!s.leaving_to.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox("正在返回「" + r.client_name + "」…", ui::Tone::Info, form.field_w());
    ui::RowGap(10);
  }
  decision_buttons(form, s, out);
  ImGui::SetCursorPosX(form.field_x());
  ui::Note("同意后，该系统将按上述范围获取您的信息；拒绝则不会提供任何信息。", form.field_w());
}

}  // namespace uia::web

// 个人中心 / 我的消息: what other people and the platform told this person, newest first. An
// unread message is marked 未读 and has 标为已读; an authorization offered to me that still
// waits for my answer has 接受 / 拒绝 right in the message (seed 000: "对方用户...在我的消息中
// 进行授权关系确认"), so nobody has to look for it in another tab.
#include <algorithm>
#include <string>

#include "a11y.h"
#include "pages/centre_page.h"

namespace uia::web {
namespace {

void message_card(const ui::Form& form, const RelationsState::Message& m, bool busy, RelationsActions& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  if (!m.read) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kError));
    ImGui::TextUnformatted("● 未读");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 8);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(m.read ? ui::color::kText : ui::color::kPrimary));
  ImGui::TextUnformatted(m.title.c_str());
  ImGui::PopStyleColor();
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note(m.body, form.width - 24, ui::color::kText);
  ImGui::SetCursorPosX(form.x + 12);
  ui::Note(m.created, form.width - 24);
  const bool buttons = m.answerable || !m.read;
  if (buttons) {
    ui::RowGap(4);
    ImGui::SetCursorPosX(form.x + 12);
    ImGui::PushID(static_cast<int>(m.id));
    bool first = true;
    if (m.answerable) {
      if (ui::PrimaryButton("接受", ImVec2(64, 30), busy)) out.confirm_delegation = m.delegation_id;
      ImGui::SameLine(0, 8);
      if (ui::SecondaryButton("拒绝", ImVec2(64, 30), busy)) out.refuse_delegation = m.delegation_id;
      first = false;
    }
    if (!m.read) {
      if (!first) ImGui::SameLine(0, 8);
      if (ui::SecondaryButton("标为已读", ImVec2(88, 30), busy)) out.read_message = m.id;
    }
    ImGui::PopID();
  }
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, m.read ? ui::color::kBorder : ui::color::kPrimary, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = (m.read ? "" : "未读 ") + m.title;
  n.text = n.label + " " + m.body + " " + m.created;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

}  // namespace

void CentreMessagesTab(const PageContext& ctx, CentreState& s, RelationsActions& out) {
  const ui::Form& form = ctx.form;
  RelationsState& r = s.relations;
  if (!r.messages_loaded && !r.messages_loading && s.error.empty()) out.load_messages = true;
  if (!r.messages_loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取消息…", form.width);
    ui::RowGap(8);
    return;
  }
  ImGui::SetCursorPosX(form.x);
  const std::string summary =
      r.unread > 0 ? "您有 " + std::to_string(r.unread) + " 条未读消息。" : std::string("没有未读消息。");
  ui::Note(summary, form.width, ui::color::kText);
  ui::RowGap(10);
  if (r.messages.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("您还没有收到消息。", form.width);
    ui::RowGap(10);
  }
  for (const auto& m : r.messages) message_card(form, m, r.message_busy != 0 || s.busy, out);
  ImGui::SetCursorPosX(form.x);
  if (r.unread > 0) {
    if (ui::SecondaryButton("全部标为已读", ImVec2(std::min(form.width, 160.0f), 36), s.busy)) out.read_all = true;
    ImGui::SameLine(0, 16);
  }
  if (ui::LinkButton("刷新消息")) out.load_messages = true;
}

}  // namespace uia::web

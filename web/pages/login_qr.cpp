#include "pages/login_qr.h"

#include <algorithm>
#include <cmath>

#include "a11y.h"

namespace uia::web {
namespace {

using Status = QrLoginState::Status;

// What the code's state is, in the words of the seeds' login pages.
std::string status_text(const QrLoginState& s) {
  switch (s.status) {
    case Status::Empty:
    case Status::Loading: return "正在生成二维码…";
    case Status::Pending: return "等待扫码";
    case Status::Scanned: return "已扫码，请在手机上确认";
    case Status::Expired: return "已过期";
    case Status::Over:
    case Status::Failed: return s.message.empty() ? std::string("二维码已失效") : s.message;
  }
  return "";
}

// The QR picture (white quiet zone included), dimmed with the reason once it no longer works.
void qr_picture(const QrLoginState& s, float side, float x) {
  ImGui::SetCursorPosX(x);
  ImGui::Dummy(ImVec2(side, side));
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(a, b, IM_COL32_WHITE, 4);
  const bool live = s.status == Status::Pending || s.status == Status::Scanned;
  if (s.image.texture) dl->AddImage(s.image.texture, ImVec2(a.x + 2, a.y + 2), ImVec2(b.x - 2, b.y - 2));
  if (!live || !s.image.texture) {
    dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, s.image.texture ? 225 : 255), 4);
    const std::string text = s.status == Status::Scanned ? "" : status_text(s);
    const std::string wrapped = ui::WrapText(text, side - 24);
    const ImVec2 ts = ImGui::CalcTextSize(wrapped.c_str());
    dl->AddText(ImVec2(a.x + (side - ts.x) * 0.5f, a.y + (side - ts.y) * 0.5f),
                s.status == Status::Expired || s.status == Status::Over || s.status == Status::Failed ? ui::color::kText
                                                                                                     : ui::color::kMuted,
                wrapped.c_str());
  }
  dl->AddRect(a, b, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::Image;
  n.label = "登录二维码";
  n.text = s.link;  // the phone's link, readable where the picture is not
  n.min = a;
  n.max = b;
  a11y::add(std::move(n));
}

// One centred line with its own role=status mirror node.
void status_line(const std::string& text, float x, float width, ImU32 color, const char* label) {
  const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
  ImGui::SetCursorPosX(x + std::max(0.0f, (width - ts.x) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  a11y::Node n;
  n.role = a11y::Role::Status;
  n.label = label;
  n.text = text;
  a11y::set_last_item_rect(n);
  a11y::add(std::move(n));
}

}  // namespace

void QrLoginPanel(const PageContext& ctx, QrLoginState& s, QrLoginActions& out) {
  const ui::Form& form = ctx.form;
  // Centred under the tabs over the whole card width (the label column means nothing here).
  const float width = form.width;
  const float side = std::min(form.wide ? 208.0f : 196.0f, width);
  const float x = form.x + (width - side) * 0.5f;
  if (s.status == Status::Empty) out.refresh = true;

  ui::RowGap(4);
  qr_picture(s, side, x);
  ui::RowGap(10);
  const bool live = s.status == Status::Pending || s.status == Status::Scanned;
  status_line(status_text(s), form.x, width,
              s.status == Status::Scanned ? ui::color::kSuccess
              : live                      ? ui::color::kText
                                          : ui::color::kError,
              "扫码状态");
  if (s.status == Status::Scanned && !s.scanned_by.empty())
    status_line("扫码账号：" + s.scanned_by, form.x, width, ui::color::kMuted, "扫码账号");
  if (live) {
    const int left = std::max(0, static_cast<int>(std::ceil(s.expires_at - ctx.now)));
    status_line("二维码有效期剩余 " + std::to_string(left) + " 秒", form.x, width, ui::color::kMuted, "二维码有效期");
  }
  ui::RowGap(8);
  if (!live && s.status != Status::Loading && s.status != Status::Empty) {
    const float button_w = std::min(width, 240.0f);
    ImGui::SetCursorPosX(form.x + (width - button_w) * 0.5f);
    if (ui::PrimaryButton("刷新二维码", ImVec2(button_w, 40))) out.refresh = true;
    ui::RowGap(8);
  }
  ImGui::SetCursorPosX(form.x);
  const std::string hint = "请用已登录统一身份认证平台的手机扫描二维码，并在手机上确认登录。";
  const float hint_w = ImGui::CalcTextSize(hint.c_str()).x;
  if (hint_w <= width) ImGui::SetCursorPosX(form.x + (width - hint_w) * 0.5f);
  ui::Note(hint, width);
}

}  // namespace uia::web

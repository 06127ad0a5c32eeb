#include "pages/documents_page.h"

#include <cstdio>

#include "a11y.h"

namespace uia::web {
namespace {

const char* const kSteps[] = {"填写注册信息", "上传证明材料", "等待审核"};
long long max_bytes(const Profile& profile) { return static_cast<long long>(profile.document_max_kib) * 1024; }

}  // namespace

std::string DocumentKindName(const Profile& profile, int kind) {
  return std::string(ui::CatalogueCode(profile.document_kinds, kind));
}
std::string DocumentKindLabel(const Profile& profile, int kind) {
  return std::string(catalogue_label(profile.document_kinds, DocumentKindName(profile, kind)));
}

std::string DocumentFileProblem(const Profile& profile, const std::string& type, long long size) {
  if (type != "image/jpeg" && type != "image/png" && type != "application/pdf")
    return "仅支持 JPG、PNG 图片或 PDF 文件";
  if (size <= 0) return "文件为空，请重新选择";
  if (size > max_bytes(profile))
    return "文件大小不能超过 " + FileSizeText(max_bytes(profile)) + "（当前 " + FileSizeText(size) + "）";
  return "";
}

std::string FileSizeText(long long bytes) {
  char text[32];
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) std::snprintf(text, sizeof text, "%lld MB", bytes / (1024 * 1024));
  else if (bytes >= 1024 * 1024) std::snprintf(text, sizeof text, "%.1f MB", bytes / (1024.0 * 1024.0));
  else std::snprintf(text, sizeof text, "%lld KB", (bytes + 1023) / 1024);
  return text;
}

void DocumentsPage(const PageContext& ctx, DocumentsState& s, DocumentsActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "上传证明材料", "返回登录")) out.go_login = true;
  StepIndicator(form, kSteps, 3, s.finished ? 2 : 1);
  ui::RowGap(12);
  if (s.finished) {
    ImGui::SetCursorPosX(form.field_x());
    ui::MessageBox("材料已提交，请等待工作人员审核。审核通过后即可使用注册的账号登录；未通过时登录页会说明原因。",
                   ui::Tone::Success, form.field_w());
    ui::RowGap(14);
    ImGui::SetCursorPosX(form.field_x());
    if (ui::PrimaryButton("返回登录", ImVec2(form.field_w(), 40))) out.go_login = true;
    return;
  }
  ImGui::SetCursorPosX(form.field_x());
  const Profile& profile = *ctx.profile;
  ui::Note("您使用护照或外国人永久居留身份证注册，需上传证件照片供人工审核。支持 JPG、PNG 或 PDF，每个文件不超过 " +
               FileSizeText(max_bytes(profile)) + "，最多 " + std::to_string(profile.documents_per_person) + " 个。",
           form.field_w());
  ui::RowGap(10);

  ui::RowLabel(form, "材料类型", true);
  ImGui::SetCursorPosX(form.field_x());
  ui::AlignCompactRow();
  const auto& kinds = profile.document_kinds;
  for (int i = 0; i < static_cast<int>(kinds.size()); ++i) {
    const char* label = kinds[i].label.c_str();
    const float w = ImGui::CalcTextSize(label).x + 40.0f;
    if (i) {
      ImGui::SameLine(0, 16);
      if (ImGui::GetCursorPosX() + w > form.x + form.width) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(form.field_x());
      }
    }
    if (ui::RadioButton(label, s.kind == i)) s.kind = i;
  }
  ui::RowGap(12);

  ImGui::SetCursorPosX(form.field_x());
  const bool full = static_cast<int>(s.uploaded.size()) >= profile.documents_per_person;
  if (ui::SecondaryButton(s.busy ? "正在上传…" : "选择文件并上传", ImVec2(form.field_w(), 40), s.busy || s.picking || full)) {
    s.error.clear();
    s.info.clear();
    out.pick = true;
  }
  if (!s.error.empty()) ui::FieldError(form, s.error, "data");
  else if (s.busy) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("正在上传 " + s.picked_name + "…", form.field_w());
  } else if (!s.info.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note(s.info, form.field_w(), ui::color::kSuccess);
  }
  ui::RowGap(12);

  if (!s.uploaded.empty()) {
    ui::RowLabel(form, "已上传", false);
    for (size_t i = 0; i < s.uploaded.size(); ++i) {
      const auto& u = s.uploaded[i];
      const std::string line = u.kind_zh + "：" + u.name + "（" + u.size + "）";
      ImGui::SetCursorPosX(form.field_x());
      ui::Note(std::to_string(i + 1) + ". " + line, form.field_w(), ui::color::kText);
      a11y::Node n;  // a list screen readers (and tests) can walk
      n.role = a11y::Role::ListItem;
      n.label = u.kind_zh + " " + u.name;
      n.text = line;
      n.min = ImGui::GetItemRectMin();
      n.max = ImGui::GetItemRectMax();
      a11y::add(std::move(n));
    }
    ui::RowGap(12);
  }
  ImGui::SetCursorPosX(form.field_x());
  if (ui::PrimaryButton("提交审核", ImVec2(form.field_w(), 40), s.busy || s.uploaded.empty())) s.finished = true;
  if (s.uploaded.empty()) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("请至少上传一份证件材料。", form.field_w());
  }
}

}  // namespace uia::web

// 个人中心 / 地址管理: 联系地址 and 邮寄地址 (EMS delivery of certificates), at most one default of
// each kind. The list shows what the server holds (the phone masked); 新增地址 and 编辑 open one
// form. The server never sends a stored phone number back in full, so an edit asks for it again.
#include <string>

#include "a11y.h"
#include "json.h"
#include "pages/centre_page.h"
#include "policy/contact.h"
#include "policy/person_name.h"

namespace uia::web {
namespace {

const char* const kKinds[] = {"联系地址", "邮寄地址"};
const char* const kKindIds[] = {"contact", "postal"};

std::string_view msg(const Verdict& v) { return v.ok() ? std::string_view() : v.message_zh(); }

bool row(const ui::Form& form, ui::TextFieldSpec spec, ui::Field& f, std::string_view message) {
  bool edited = ui::TextField(form, spec, f, !message.empty());
  ui::FieldError(form, message, spec.field);
  return edited;
}

void address_card(const ui::Form& form, const CentreState::Address& a, bool busy, CentreState& s, CentreActions& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::SetCursorPosX(form.x);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float text_w = form.width - 24;
  const std::string kind = a.kind == "postal" ? "邮寄地址" : "联系地址";
  ImGui::BeginGroup();
  ui::RowGap(6);
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kPrimary));
  ImGui::TextUnformatted(kind.c_str());
  ImGui::PopStyleColor();
  if (a.is_default) {
    ImGui::SameLine(0, 8);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui::color::kSuccess));
    ImGui::TextUnformatted("默认");
    ImGui::PopStyleColor();
  }
  ImGui::SameLine(0, 12);
  const std::string who = a.recipient + "  " + a.phone;
  ImGui::TextUnformatted(who.c_str());
  ImGui::SetCursorPosX(form.x + 12);
  const std::string where = a.region + " " + a.detail + (a.postcode.empty() ? "" : "（邮编 " + a.postcode + "）");
  ui::Note(where, text_w, ui::color::kText);
  ui::RowGap(4);
  ImGui::SetCursorPosX(form.x + 12);
  ImGui::PushID(static_cast<int>(a.id));
  if (ui::SecondaryButton("编辑", ImVec2(64, 30), busy)) OpenAddressForm(s, &a);
  ImGui::SameLine(0, 8);
  if (ui::SecondaryButton("删除", ImVec2(64, 30), busy)) out.delete_address = a.id;
  if (!a.is_default) {
    ImGui::SameLine(0, 8);
    if (ui::SecondaryButton("设为默认", ImVec2(88, 30), busy)) out.default_address = a.id;
  }
  ImGui::PopID();
  ui::RowGap(6);
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + form.width, ImGui::GetItemRectMax().y + 2);
  dl->AddRect(top, bottom, ui::color::kBorder, 4);
  a11y::Node n;
  n.role = a11y::Role::ListItem;
  n.label = kind + (a.is_default ? "（默认）" : "") + " " + a.recipient;
  n.text = n.label + " " + a.phone + " " + where;
  n.min = top;
  n.max = bottom;
  a11y::add(std::move(n));
  ui::RowGap(8);
}

void address_form(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  const bool postal = s.address_kind == 1;
  std::string_view recipient_msg = msg(check_person_name(s.addr_recipient.str()));
  std::string_view phone_msg = msg(check_phone(s.addr_phone.str()));
  std::string_view region_msg = s.addr_region.empty() ? std::string_view("请输入所在地区") : std::string_view();
  std::string_view detail_msg = s.addr_detail.empty() ? std::string_view("请输入详细地址") : std::string_view();
  std::string_view postcode_msg = s.addr_postcode.empty() ? (postal ? std::string_view("请输入邮政编码") : std::string_view())
                                                                : msg(check_postcode(s.addr_postcode.str()));
  ImGui::SetCursorPosX(form.x);
  ui::Heading(s.address_edit_id ? "编辑地址" : "新增地址", 2);
  ui::RowGap(6);
  ui::RowLabel(form, "地址类型", true);
  ImGui::SetCursorPosX(form.field_x());
  ui::AlignCompactRow();
  for (int i = 0; i < 2; ++i) {
    if (i) ImGui::SameLine(0, 16);
    if (ui::RadioButton(kKinds[i], s.address_kind == i)) s.address_kind = i;
  }
  ui::RowGap(12);
  if (s.address_edit_id) {
    ImGui::SetCursorPosX(form.field_x());
    ui::Note("为保护您的隐私，已保存的手机号码不再完整显示，保存前请重新输入联系电话。", form.field_w());
    ui::RowGap(8);
  }
  ui::TextFieldSpec spec;
  spec.label = "收件人";
  spec.hint = "请输入收件人姓名";
  spec.field = "recipient";
  row(form, spec, s.addr_recipient, ShownError(s.addr_recipient, recipient_msg, s.submitted));
  spec = {};
  spec.label = "联系电话";
  spec.hint = s.address_edit_id ? "请重新输入完整的手机号码" : "请输入手机号码";
  spec.field = "phone";
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  row(form, spec, s.addr_phone, ShownError(s.addr_phone, phone_msg, s.submitted));
  spec = {};
  spec.label = "所在地区";
  spec.hint = "省、市、区县，例如 浙江省杭州市西湖区";
  spec.field = "region";
  row(form, spec, s.addr_region, ShownError(s.addr_region, region_msg, s.submitted));
  spec = {};
  spec.label = "详细地址";
  spec.hint = "街道、门牌号、小区楼栋";
  spec.field = "detail";
  row(form, spec, s.addr_detail, ShownError(s.addr_detail, detail_msg, s.submitted));
  spec = {};
  spec.label = "邮政编码";
  spec.hint = postal ? "6位数字，邮寄证照时必填" : "6位数字（选填）";
  spec.field = "postcode";
  spec.required = postal;
  spec.flags = ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_CharsDecimal;
  spec.keyboard = ui::Keyboard::Digits;
  row(form, spec, s.addr_postcode, ShownError(s.addr_postcode, postcode_msg, s.submitted));
  ImGui::SetCursorPosX(form.field_x());
  ui::Checkbox("设为默认地址", &s.addr_default);
  ui::RowGap(10);
  ImGui::SetCursorPosX(form.field_x());
  const float half = (form.field_w() - 12) / 2;
  if (ui::PrimaryButton("保存地址", ImVec2(half, 40), s.busy)) {
    s.submitted = true;
    s.error.clear();
    s.success.clear();
    struct { std::string_view m; ui::Field* f; } checks[] = {{recipient_msg, &s.addr_recipient}, {phone_msg, &s.addr_phone},
                                                             {region_msg, &s.addr_region}, {detail_msg, &s.addr_detail},
                                                             {postcode_msg, &s.addr_postcode}};
    bool ok = true;
    for (auto& c : checks)
      if (!c.m.empty()) {
        c.f->focus_request = true;
        ok = false;
        break;
      }
    out.save_address = ok;
  }
  ImGui::SameLine(0, 12);
  if (ui::SecondaryButton("取消", ImVec2(half, 40), s.busy)) {
    s.address_form = false;
    s.submitted = false;
    s.error.clear();
  }
}

}  // namespace

void OpenAddressForm(CentreState& s, const CentreState::Address* a) {
  s.address_form = true;
  s.submitted = false;
  s.error.clear();
  s.success.clear();
  s.address_edit_id = a ? a->id : 0;
  s.address_kind = a && a->kind == "contact" ? 0 : 1;
  s.addr_recipient.reset();
  s.addr_phone.reset();
  s.addr_region.reset();
  s.addr_detail.reset();
  s.addr_postcode.reset();
  s.addr_default = a ? a->is_default : false;
  if (a) {
    s.addr_recipient.set(a->recipient);
    s.addr_region.set(a->region);
    s.addr_detail.set(a->detail);
    s.addr_postcode.set(a->postcode);
  }
}

void CentreAddressesTab(const PageContext& ctx, CentreState& s, CentreActions& out) {
  const ui::Form& form = ctx.form;
  if (s.address_form) {
    address_form(ctx, s, out);
    return;
  }
  if (!s.addresses_loaded && !s.addresses_loading && s.error.empty()) out.load_addresses = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("联系地址用于业务办理时联系您；邮寄地址用于证照、材料的邮寄（EMS）。每类可设一个默认地址。", form.width);
  ui::RowGap(10);
  if (!s.addresses_loaded) {
    ImGui::SetCursorPosX(form.x);
    if (s.error.empty()) ui::Note("正在读取地址…", form.width);
    ui::RowGap(8);
    return;
  }
  if (s.addresses.empty()) {
    ImGui::SetCursorPosX(form.x);
    ui::Note("您还没有添加地址。", form.width, ui::color::kText);
    ui::RowGap(10);
  }
  for (const auto& a : s.addresses) address_card(form, a, s.address_busy == a.id, s, out);
  ImGui::SetCursorPosX(form.x);
  if (ui::PrimaryButton("新增地址", ImVec2(std::min(form.width, 200.0f), 40), s.busy)) OpenAddressForm(s, nullptr);
}

std::string AddressBody(const CentreState& s) {
  JsonObject o;
  o.add("kind", kKindIds[s.address_kind == 0 ? 0 : 1])
      .add("recipient", s.addr_recipient.str())
      .add("phone", s.addr_phone.str())
      .add("region", s.addr_region.str())
      .add("detail", s.addr_detail.str());
  if (!s.addr_postcode.empty()) o.add("postcode", s.addr_postcode.str());
  o.add("is_default", s.addr_default);
  return o.str();
}

}  // namespace uia::web

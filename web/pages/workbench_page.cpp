#include "pages/workbench_page.h"

#include <array>

#include "appeals/appeals.h"

namespace uia::web {
namespace {

const char* const kSections[] = {"申诉审核", "账号冻结"};

// The statuses a reviewer filters by: every state after draft (drafts are the appellant's).
constexpr std::array<std::string_view, 6> kStatusFilters = {"submitted", "in_review", "awaiting_second",
                                                            "second_review", "approved", "rejected"};

struct FieldLabel {
  std::string_view field, label;
};
// The case fields an appeal carries (the appellant's form, /tmp contract "Fields per kind").
constexpr FieldLabel kFieldLabels[] = {
    {"name", "姓名"},
    {"id_type", "证件类型"},
    {"id_number", "证件号码"},
    {"phone", "手机号码"},
    {"new_phone", "新联系手机"},
    {"uscc", "统一社会信用代码"},
    {"enterprise_name", "法人名称"},
    {"organisation_type", "法人类型"},
    {"contact_name", "联系人姓名"},
    {"contact_id_number", "联系人证件号码"},
    {"legal_rep_name", "法定代表人姓名"},
    {"legal_rep_id_type", "法定代表人证件类型"},
    {"legal_rep_id_number", "法定代表人证件号码"},
    {"legal_rep_id_valid_from", "证件有效期开始"},
    {"legal_rep_id_valid_to", "证件有效期结束"},
    {"account", "法人账号"},
    {"remark", "申诉备注"},
    {"face_passed", "人脸识别"},
};

}  // namespace

int WorkbenchStatusFilterCount() { return static_cast<int>(kStatusFilters.size()) + 1; }

std::string_view WorkbenchStatusFilterCode(int index) {
  return index <= 0 || index > static_cast<int>(kStatusFilters.size()) ? std::string_view() : kStatusFilters[index - 1];
}

std::string WorkbenchStatusFilterLabel(int index) {
  const std::string_view code = WorkbenchStatusFilterCode(index);
  return code.empty() ? "全部状态" : std::string(appeal_status_label(code));
}

std::string_view CaseFieldLabel(std::string_view field) {
  for (const FieldLabel& f : kFieldLabels)
    if (f.field == field) return f.label;
  return field;
}

std::string WorkbenchListUrl(const WorkbenchState& s, const std::string& cursor) {
  std::string url = "/api/v1/admin/cases?limit=50";
  const auto kinds = appeal_kinds();
  if (s.kind_filter > 0 && s.kind_filter <= static_cast<int>(kinds.size()))
    url += "&kind=" + std::string(kinds[s.kind_filter - 1].code);
  if (const std::string_view status = WorkbenchStatusFilterCode(s.status_filter); !status.empty())
    url += "&status=" + std::string(status);
  if (s.overdue_only) url += "&overdue=true";
  if (s.mine_only) url += "&mine=true";
  if (!cursor.empty()) url += "&cursor=" + cursor;  // opaque, URL-safe (the server's own)
  return url;
}

CaseSummary ReadCaseSummary(const std::function<std::string(const std::string&)>& get, const std::string& prefix) {
  CaseSummary c;
  c.case_number = get(prefix + "case_number");
  c.kind = get(prefix + "kind");
  c.kind_label = get(prefix + "kind_label");
  if (c.kind_label.empty())
    if (const AppealKind* k = find_appeal_kind(c.kind)) c.kind_label = std::string(k->label);
  c.status = get(prefix + "status");
  c.status_label = get(prefix + "status_label");
  if (c.status_label.empty()) c.status_label = std::string(appeal_status_label(c.status));
  c.submitted_at = get(prefix + "submitted_at");
  c.due_at = get(prefix + "due_at");
  c.applicant = get(prefix + "applicant");
  c.contact_phone = get(prefix + "contact_phone");
  c.overdue = get(prefix + "overdue") == "true";
  c.claimed = !get(prefix + "claimed_by").empty();
  c.claimed_by_me = get(prefix + "claimed_by_me") == "true";
  return c;
}

void WorkbenchPage(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out) {
  const ui::Form& form = ctx.form;
  if (TitleRow(form, "审核工作台", "退出登录")) out.sign_out = true;
  ImGui::SetCursorPosX(form.x);
  ui::Note("当前工作人员：" + s.staff_name, form.width);
  ui::RowGap(8);
  int section = s.section;
  if (TabRow(form, kSections, 2, &section)) {
    s.section = section;
    if (section == 0 && s.open_case.empty()) out.reload_list = true;
  }
  ui::RowGap(12);
  if (s.section == 1) {
    WorkbenchFreezePanel(ctx, s, out);
    return;
  }
  if (s.open_case.empty())
    WorkbenchCaseList(ctx, s, out);
  else
    WorkbenchCaseView(ctx, s, out);
}

}  // namespace uia::web

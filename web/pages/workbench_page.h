// 审核工作台: the reviewer's page (issue 16, 3 and 4), after 工作人员登录. Two parts:
//  - 申诉审核: the case list (GET /api/v1/admin/cases; filters 申诉类型, 状态, 只看超期,
//    我领取的; overdue cases marked 已超期) and a case (GET /api/v1/admin/cases/{n}): its
//    fields, the account concerned, the history, the materials (JPEG/PNG shown in the page, PDF
//    offered as a download), 领取 / 放回, 通过 / 驳回 with the reason; 409 answers shown as
//    alerts with the server's message.
//  - 账号冻结: find an account by phone, ID number or USCC (GET /api/v1/admin/accounts) and
//    freeze or unfreeze it with a reason.
// Kinds, statuses and material labels come from shared/appeals (appeals.h), never retyped.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "images.h"
#include "pages/page.h"
#include "ui.h"

namespace uia::web {

struct CaseSummary {
  std::string case_number, kind, kind_label, status, status_label, submitted_at, due_at, applicant, contact_phone;
  bool overdue = false, claimed = false, claimed_by_me = false;
};

struct CaseMaterial {
  long long id = 0;
  std::string kind, label, content_type, uploaded_at;
  long long size = 0;
};

struct CaseEvent {
  std::string at, actor, action, note;
};

struct CaseDetail {
  CaseSummary summary;
  std::string decided_at, reason;
  std::vector<std::pair<std::string, std::string>> details;  // REST field, value (sorted by field)
  bool has_account = false;
  std::string account_type, account_status, account_name, account_phone;
  long long account_id = 0;
  bool account_frozen = false;
  std::vector<CaseMaterial> materials;
  bool materials_purged = false;
  std::vector<CaseEvent> events;
};

// The material being looked at: a picture shown in the page, or a PDF that was offered.
struct MaterialView {
  long long id = 0;
  std::string label, content_type;
  bool loading = false;
  images::Image image;
  std::string error, info;
};

struct FoundAccount {
  std::string type, name, status;
  long long id = 0;
  bool frozen = false;
};

struct WorkbenchState {
  long long staff_id = 0;
  std::string staff_name;
  int section = 0;  // 0 申诉审核, 1 账号冻结
  // The view just changed (a case opened): keyboard navigation starts again from the top, not
  // from where the pressed 查看 button was in a long list (arrow keys found nothing below it).
  bool nav_from_top = false;

  // The list and its filters (indexes: 0 = 全部, then appeal_kinds() / kStatusFilters order).
  int kind_filter = 0, status_filter = 0;
  bool overdue_only = false, mine_only = false;
  bool list_loading = false, list_loaded = false;
  std::vector<CaseSummary> cases;
  std::string next_cursor;
  std::string list_error;

  // The open case ("" = the list is showing).
  std::string open_case;
  bool case_loading = false;
  bool has_detail = false;
  CaseDetail detail;
  MaterialView material;
  ui::Field reason;
  bool busy = false;                    // claim / release / decision in flight
  std::string case_error, case_info;    // the server's 409 message; "已领取"

  // 账号冻结
  int search_by = 0;  // 0 phone, 1 id_number, 2 uscc
  ui::Field query, freeze_reason;
  bool searching = false, searched = false, freeze_busy = false;
  std::vector<FoundAccount> accounts;
  std::string freeze_error, freeze_info;
};

struct WorkbenchActions {
  bool sign_out = false;
  bool reload_list = false;     // a filter changed or 刷新
  bool more = false;            // 加载更多 (next_cursor)
  std::string open;             // case number to open
  bool back_to_list = false;
  long long view_material = 0;  // material id
  bool claim = false, release = false;
  const char* decide = nullptr;  // "approve" | "reject"
  bool search_accounts = false;
  int freeze = -1, unfreeze = -1;  // index into accounts
};

void WorkbenchPage(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out);
// The parts, one file each (workbench_cases.cpp, workbench_case_view.cpp, workbench_freeze.cpp).
void WorkbenchCaseList(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out);
void WorkbenchCaseView(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out);
void WorkbenchFreezePanel(const PageContext& ctx, WorkbenchState& s, WorkbenchActions& out);

// GET /api/v1/admin/cases with the filters of the page.
std::string WorkbenchListUrl(const WorkbenchState& s, const std::string& cursor);
// The status filter's REST value ("" = 全部) and label.
int WorkbenchStatusFilterCount();
std::string_view WorkbenchStatusFilterCode(int index);
std::string WorkbenchStatusFilterLabel(int index);
// The zh-CN name of a case field (details.*), the field itself when unknown.
std::string_view CaseFieldLabel(std::string_view field);
// A list item and a case read from a flattened answer (net::Response fields).
CaseSummary ReadCaseSummary(const std::function<std::string(const std::string&)>& get, const std::string& prefix);

}  // namespace uia::web

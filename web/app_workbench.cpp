// 工作人员登录 and 审核工作台 (pages/staff_sign_in_page.h, pages/workbench_page.h): the REST
// side. Every /api/v1/admin/ request carries the staff bearer token (net::set_staff_token,
// memory only); a 401 on any of them (expired, signed out elsewhere, disabled) goes back to the
// sign-in page with the server's message.
#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "app.h"
#include "imgui_internal.h"  // ImGui::NavInitWindow: keyboard navigation from the top of a new view
#include "js_bridge.h"
#include "json.h"
#include "appeals/appeals.h"

namespace uia::web {
namespace {

constexpr const char* kStaffRoute = "#/staff";

std::string CaseUrl(const std::string& number) { return "/api/v1/admin/cases/" + number; }

// The case's fields arrive flattened as details.<field>: sorted by field so the page is stable.
void ReadDetail(const net::Response& r, CaseDetail& d) {
  auto get = [&r](const std::string& k) { return r.get(k); };
  d = CaseDetail{};
  d.summary = ReadCaseSummary(get, "");
  d.decided_at = r.get("decided_at");
  d.reason = r.get("reason");
  for (const auto& [key, value] : r.fields)
    if (key.rfind("details.", 0) == 0 && !value.empty() && key.find("hash") == std::string::npos &&
        key.find("holder_id") == std::string::npos)  // internal: not for the reviewer's eyes
      d.details.emplace_back(key.substr(8), value);
  std::sort(d.details.begin(), d.details.end());
  d.account_type = r.get("account.type");
  d.has_account = !d.account_type.empty();
  d.account_id = std::atoll(r.get("account.id").c_str());
  d.account_status = r.get("account.status");
  d.account_name = r.get("account.name");
  d.account_phone = r.get("account.phone");
  d.account_frozen = r.get("account.frozen") == "true";
  for (int i = 0;; ++i) {
    const std::string p = "materials." + std::to_string(i) + ".";
    if (r.get(p + "id").empty()) break;
    CaseMaterial m;
    m.id = std::atoll(r.get(p + "id").c_str());
    m.kind = r.get(p + "kind");
    m.label = r.get(p + "label");
    if (m.label.empty())
      if (const AppealMaterialKind* k = find_appeal_material_kind(m.kind)) m.label = std::string(k->label);
    m.content_type = r.get(p + "content_type");
    m.size = std::atoll(r.get(p + "size").c_str());
    m.uploaded_at = r.get(p + "uploaded_at");
    d.materials.push_back(std::move(m));
  }
  d.materials_purged = r.get("materials_purged") == "true";
  for (int i = 0;; ++i) {
    const std::string p = "events." + std::to_string(i) + ".";
    if (r.get(p + "action").empty()) break;
    d.events.push_back({r.get(p + "at"), r.get(p + "actor"), r.get(p + "action"), r.get(p + "note")});
  }
}

}  // namespace

void App::staff_from_location() {
  if (js::location_hash().rfind(kStaffRoute, 0) != 0) return;
  js::clear_location_hash();
  go(net::has_staff_token() ? Page::Workbench : Page::StaffSignIn);
}

void App::frame_staff_sign_in(const PageContext& ctx) {
  StaffSignInActions a;
  StaffSignInPage(ctx, staff_sign_in_, a);
  if (a.submit) staff_sign_in();
}

void App::staff_sign_in() {
  StaffSignInState& s = staff_sign_in_;
  s.busy = true;
  s.error.clear();
  JsonObject body;
  body.add("username", s.username.str()).add("password", s.password.str());
  net::send("POST", "/api/v1/admin/sessions", body.str(), [this](const net::Response& r) {
    StaffSignInState& s = staff_sign_in_;
    s.busy = false;
    s.password.reset();
    if (!r.ok() || r.get("token").empty()) {
      s.submitted = false;  // the emptied password field is not "please enter" but the refusal
      s.error = net::failure_message(r, "工作人员登录");
      return;
    }
    net::set_staff_token(r.get("token"));
    s.submitted = false;
    workbench_ = WorkbenchState{};
    workbench_.staff_id = std::atoll(r.get("staff.id").c_str());
    workbench_.staff_name = r.get("staff.username");
    go(Page::Workbench);
    workbench_load_list(false);
  });
}

void App::staff_signed_out(const std::string& message, bool is_error) {
  net::set_staff_token("");
  images::release(workbench_.material.image);
  workbench_ = WorkbenchState{};
  staff_sign_in_ = StaffSignInState{};
  (is_error ? staff_sign_in_.error : staff_sign_in_.info) = message;
  go(Page::StaffSignIn);
}

bool App::workbench_session_over(const net::Response& r) {
  if (r.status != 401) return false;
  staff_signed_out(net::failure_message(r, "审核工作台"), true);
  return true;
}

void App::frame_workbench(const PageContext& ctx) {
  WorkbenchState& s = workbench_;
  if (!net::has_staff_token()) {
    go(Page::StaffSignIn);
    return;
  }
  if (s.nav_from_top) {
    ImGui::NavInitWindow(ImGui::GetCurrentWindow(), true);
    s.nav_from_top = false;
  }
  if (!s.list_loaded && !s.list_loading && s.list_error.empty()) workbench_load_list(false);
  WorkbenchActions a;
  WorkbenchPage(ctx, s, a);
  if (a.sign_out) {
    net::send("DELETE", "/api/v1/admin/sessions/current", "", [](const net::Response&) {});
    staff_signed_out("已退出登录", false);
    return;
  }
  if (a.reload_list) workbench_load_list(false);
  if (a.more) workbench_load_list(true);
  if (!a.open.empty()) workbench_open_case(a.open);
  if (a.back_to_list) {
    images::release(s.material.image);
    s.material = MaterialView{};
    s.open_case.clear();
    s.has_detail = false;
    s.case_error.clear();
    s.case_info.clear();
    scroll_to_top_ = true;
    workbench_load_list(false);
  }
  if (a.view_material) workbench_view_material(a.view_material);
  if (a.claim) workbench_case_action("claim", "", "已领取，请审核后作出决定");
  if (a.release) workbench_case_action("release", "", "已放回待审核队列");
  if (a.decide) {
    JsonObject body;
    body.add("decision", a.decide).add("reason", s.reason.str());
    workbench_case_action("decision", body.str(),
                          std::string(a.decide) == "approve" ? "已通过该申诉" : "已驳回该申诉");
  }
  if (a.search_accounts) workbench_search_accounts();
  if (a.freeze >= 0) workbench_freeze(a.freeze, true);
  if (a.unfreeze >= 0) workbench_freeze(a.unfreeze, false);
}

void App::workbench_load_list(bool more) {
  WorkbenchState& s = workbench_;
  s.list_loading = true;
  s.list_error.clear();
  const std::string url = WorkbenchListUrl(s, more ? s.next_cursor : std::string());
  net::send("GET", url, "", [this, more, url](const net::Response& r) {
    WorkbenchState& s = workbench_;
    if (WorkbenchListUrl(s, more ? s.next_cursor : std::string()) != url) return;  // the filters changed since
    s.list_loading = false;
    s.list_loaded = true;
    if (workbench_session_over(r)) return;
    if (!r.ok()) {
      s.list_error = net::failure_message(r, "申诉案件列表");
      return;
    }
    if (!more) s.cases.clear();
    auto get = [&r](const std::string& k) { return r.get(k); };
    for (int i = 0;; ++i) {
      const std::string p = "cases." + std::to_string(i) + ".";
      if (r.get(p + "case_number").empty()) break;
      s.cases.push_back(ReadCaseSummary(get, p));
    }
    s.next_cursor = r.get("next_cursor");
  });
}

void App::workbench_open_case(const std::string& number) {
  WorkbenchState& s = workbench_;
  images::release(s.material.image);
  s.material = MaterialView{};
  s.open_case = number;
  s.has_detail = false;
  s.case_error.clear();
  s.case_info.clear();
  s.reason.reset();
  scroll_to_top_ = true;
  s.nav_from_top = true;
  workbench_reload_case();
}

void App::workbench_reload_case() {
  WorkbenchState& s = workbench_;
  s.case_loading = true;
  const std::string number = s.open_case;
  net::send("GET", CaseUrl(number), "", [this, number](const net::Response& r) {
    WorkbenchState& s = workbench_;
    if (s.open_case != number) return;
    s.case_loading = false;
    if (workbench_session_over(r)) return;
    if (!r.ok()) {
      s.case_error = net::failure_message(r, "申诉案件");
      return;
    }
    ReadDetail(r, s.detail);
    s.has_detail = true;
  });
}

void App::workbench_case_action(const char* verb, const std::string& body, const std::string& done_message) {
  WorkbenchState& s = workbench_;
  s.busy = true;
  s.case_error.clear();
  s.case_info.clear();
  s.reason.server_error.clear();
  const std::string number = s.open_case;
  net::send("POST", CaseUrl(number) + "/" + verb, body.empty() ? "{}" : body, [this, number, done_message](const net::Response& r) {
    WorkbenchState& s = workbench_;
    if (s.open_case != number) return;
    s.busy = false;
    if (workbench_session_over(r)) return;
    if (r.ok()) {
      s.case_info = done_message;
      s.reason.reset();
    } else if (r.get("error.field") == "reason") {
      s.reason.server_error = net::failure_message(r, "审核");
    } else {
      s.case_error = net::failure_message(r, "审核");
    }
    workbench_reload_case();  // the status, the claim and the history as the server now has them
  });
}

void App::workbench_view_material(long long id) {
  WorkbenchState& s = workbench_;
  images::release(s.material.image);
  s.material = MaterialView{};
  s.material.id = id;
  s.material.loading = true;
  for (const CaseMaterial& m : s.detail.materials)
    if (m.id == id) s.material.label = m.label;
  const std::string number = s.open_case;
  net::send("GET", CaseUrl(number) + "/materials/" + std::to_string(id), "", [this, number, id](const net::Response& r) {
    WorkbenchState& s = workbench_;
    if (s.open_case != number || s.material.id != id) return;
    MaterialView& v = s.material;
    v.loading = false;
    if (workbench_session_over(r)) return;
    const std::string data = r.get("data");
    if (!r.ok() || data.empty()) {
      v.error = net::failure_message(r, "申诉材料");
      return;
    }
    v.content_type = r.get("content_type");
    if (v.content_type == "application/pdf") {
      js::download(number + "-" + r.get("kind") + ".pdf", v.content_type, data);
      v.info = v.label + "（PDF）已下载，请在浏览器的下载列表中打开";
      return;
    }
    images::load("data:" + v.content_type + ";base64," + data, [this, number, id](const images::Image& img) {
      WorkbenchState& s = workbench_;
      if (s.open_case != number || s.material.id != id) {
        images::Image spare = img;
        images::release(spare);
        return;
      }
      s.material.image = img;
      if (!img.texture) s.material.error = "无法显示该图片";
    });
  });
}

void App::workbench_search_accounts() {
  WorkbenchState& s = workbench_;
  static const char* const kParams[] = {"phone", "id_number", "uscc"};
  s.searching = true;
  s.freeze_error.clear();
  s.freeze_info.clear();
  std::string query;
  for (char c : s.query.str())
    if (std::isalnum(static_cast<unsigned char>(c))) query += c;  // numbers and USCC letters only
  net::send("GET", "/api/v1/admin/accounts?" + std::string(kParams[s.search_by]) + "=" + query, "",
            [this](const net::Response& r) {
              WorkbenchState& s = workbench_;
              s.searching = false;
              s.searched = true;
              if (workbench_session_over(r)) return;
              s.accounts.clear();
              if (!r.ok()) {
                s.freeze_error = net::failure_message(r, "账号查询");
                return;
              }
              for (int i = 0;; ++i) {
                const std::string p = "accounts." + std::to_string(i) + ".";
                if (r.get(p + "id").empty()) break;
                s.accounts.push_back({r.get(p + "type"), r.get(p + "name"), r.get(p + "status"),
                                      std::atoll(r.get(p + "id").c_str()), r.get(p + "frozen") == "true"});
              }
            });
}

void App::workbench_freeze(int index, bool freeze) {
  WorkbenchState& s = workbench_;
  if (index < 0 || index >= static_cast<int>(s.accounts.size())) return;
  const FoundAccount a = s.accounts[index];
  s.freeze_busy = true;
  s.freeze_error.clear();
  s.freeze_info.clear();
  s.freeze_reason.server_error.clear();
  JsonObject body;
  body.add("reason", s.freeze_reason.str());
  const std::string url = std::string("/api/v1/admin/") + (a.type == "enterprise" ? "enterprises/" : "persons/") +
                          std::to_string(a.id) + (freeze ? "/freeze" : "/unfreeze");
  net::send("POST", url, body.str(), [this, index, freeze](const net::Response& r) {
    WorkbenchState& s = workbench_;
    s.freeze_busy = false;
    if (workbench_session_over(r)) return;
    if (!r.ok()) {
      const std::string message = net::failure_message(r, freeze ? "账号冻结" : "账号解冻");
      if (r.get("error.field") == "reason") s.freeze_reason.server_error = message;
      else s.freeze_error = message;
      return;
    }
    if (index < static_cast<int>(s.accounts.size())) s.accounts[index].frozen = r.get("frozen") == "true";
    s.freeze_info = freeze ? "账号已冻结" : "账号已解冻";
    s.freeze_reason.reset();
  });
}

}  // namespace uia::web

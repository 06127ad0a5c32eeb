// 我的消息, 亲属管理, 授权关系 (pages/centre_relations.h): the REST side. Lists are read again
// after every change, so what is shown is what the server holds; a face check started by a
// change is polled every two seconds until it ends, then its list is read again.
#include <algorithm>
#include <cstdlib>

#include "api/notice_texts.h"
#include "app.h"
#include "platform.h"

namespace uia::web {
namespace {
constexpr double kFacePollSeconds = 2.0;

long long id_of(const std::string& text) { return std::atoll(text.c_str()); }
std::string or_empty(const std::string& v) { return v == "null" ? std::string() : v; }
}  // namespace

void App::frame_relations(const PageContext& ctx, const RelationsActions& a) {
  RelationsState& r = centre_.relations;
  if (a.load_messages) load_messages();
  if (a.read_message) read_messages(a.read_message);
  if (a.read_all) read_messages(0);
  if (a.confirm_delegation) act_on_delegation(a.confirm_delegation, "confirm");
  if (a.refuse_delegation) act_on_delegation(a.refuse_delegation, "refuse");
  if (a.end_delegation) act_on_delegation(a.end_delegation, "end");
  if (a.load_relatives) load_relatives();
  if (a.save_relative) save_relative(ctx.today);
  if (a.delete_relative) delete_relative(a.delete_relative);
  if (a.relative_face) restart_relative_face(a.relative_face);
  if (a.load_delegations) load_delegations();
  if (a.create_delegation) create_delegation();
  // The face checks under way: ask how they stand while their tab is open.
  FaceWait* waits[] = {centre_.tab == CentreState::kRelatives ? &r.relative_face : nullptr,
                       centre_.tab == CentreState::kDelegations ? &r.delegation_face : nullptr};
  for (FaceWait* f : waits) {
    if (!f || !f->active()) continue;
    if (!f->polling && ctx.now >= f->next_poll_at) poll_face_wait(f == &r.relative_face);
    wake_after(f->polling ? 0.5 : std::max(0.05, std::min(1.0, f->next_poll_at - ctx.now)));
  }
}

void App::relations_failed(const net::Response& r, const char* service, bool relatives_tab) {
  const std::string field = r.get("error.field");
  if (r.status != 401 && r.get("error.code") != "CSRF_INVALID" && !field.empty() &&
      RelationsSetServerError(centre_.relations, relatives_tab, field, net::failure_message(r, service)))
    return;
  centre_failed(r, service);
}

// messages.N.{id,kind,title,body,created_at,read,payload.delegation_id}, unread
void App::load_messages() {
  centre_.relations.messages_loading = true;
  net::send("GET", "/api/v1/me/messages?per_page=50", "", [this](const net::Response& r) {
    RelationsState& s = centre_.relations;
    s.messages_loading = false;
    if (!r.ok()) {
      if (s.unread < 0) s.unread = 0;  // the label goes without a count; no asking in a loop
      if (centre_.tab == CentreState::kMessages) centre_failed(r, "我的消息");
      return;
    }
    s.messages.clear();
    for (int i = 0;; ++i) {
      const std::string p = "messages." + std::to_string(i) + ".";
      const std::string id = r.get(p + "id");
      if (id.empty()) break;
      RelationsState::Message m;
      m.id = id_of(id);
      m.kind = r.get(p + "kind");
      m.title = r.get(p + "title");
      m.body = r.get(p + "body");
      m.created = LocalTime(r.get(p + "created_at"));
      m.read = r.get(p + "read") == "true";
      m.delegation_id = id_of(r.get(p + "payload.delegation_id"));
      // The server marks a request read once it is answered or moot (settle_messages).
      m.answerable = m.kind == "delegation.request" && !m.read && m.delegation_id > 0;
      s.messages.push_back(std::move(m));
    }
    s.unread = std::atoi(r.get("unread").c_str());
    s.messages_loaded = true;
  });
}

// id 0: all of them (read-all).
void App::read_messages(long long id) {
  RelationsState& s = centre_.relations;
  s.message_busy = id ? id : -1;
  centre_.error.clear();
  centre_.success.clear();
  const std::string url = id ? "/api/v1/me/messages/" + std::to_string(id) + "/read" : "/api/v1/me/messages/read-all";
  net::send("POST", url, "{}", [this](const net::Response& r) {
    centre_.relations.message_busy = 0;
    if (!r.ok()) {
      centre_failed(r, "我的消息");
      return;
    }
    load_messages();
  });
}

// confirm / refuse (the grantee) or end (either side).
void App::act_on_delegation(long long id, const char* action) {
  centre_.relations.delegation_busy = id;
  centre_.relations.message_busy = -1;
  centre_.error.clear();
  centre_.success.clear();
  const std::string what = action;
  net::send("POST", "/api/v1/me/delegations/" + std::to_string(id) + "/" + what, "{}", [this, what](const net::Response& r) {
    RelationsState& s = centre_.relations;
    s.delegation_busy = 0;
    s.message_busy = 0;
    if (!r.ok()) {
      centre_failed(r, "授权关系");
    } else {
      centre_.success = what == "confirm" ? "已接受授权，授权关系已生效"
                        : what == "refuse" ? "已拒绝该授权"
                                           : std::string(kDelegationEndedText);
    }
    s.delegations_loaded = false;  // both lists and the inbox show the new state
    load_messages();
  });
}

// relatives.N.{id,relation,relation_label,name,id_type,id_number,age,id_valid_from,id_valid_to,status}
void App::load_relatives() {
  centre_.relations.relatives_loading = true;
  net::send("GET", "/api/v1/me/relatives", "", [this](const net::Response& r) {
    RelationsState& s = centre_.relations;
    s.relatives_loading = false;
    if (!r.ok()) {
      centre_failed(r, "亲属管理");
      return;
    }
    s.relatives.clear();
    for (int i = 0;; ++i) {
      const std::string p = "relatives." + std::to_string(i) + ".";
      const std::string id = r.get(p + "id");
      if (id.empty()) break;
      RelationsState::Relative v;
      v.id = id_of(id);
      v.relation = r.get(p + "relation");
      v.relation_label = r.get(p + "relation_label");
      v.name = r.get(p + "name");
      v.id_type = r.get(p + "id_type");
      v.id_number = r.get(p + "id_number");
      v.age = std::atoi(r.get(p + "age").c_str());
      v.valid_from = or_empty(r.get(p + "id_valid_from"));
      v.valid_to = or_empty(r.get(p + "id_valid_to"));
      v.status = r.get(p + "status");
      s.relatives.push_back(std::move(v));
    }
    s.relatives_loaded = true;
  });
}

// A relative answer that started a face check: wait for it in the tab.
static void start_face_wait(FaceWait& f, const net::Response& r, double now) {
  f.reset();
  f.ticket = r.get("face_ticket");
  f.url = r.get("face_url");
  f.next_poll_at = now + kFacePollSeconds;
}

void App::save_relative(Date today) {
  CentreState& c = centre_;
  c.busy = true;
  const long long edit = c.relations.relative_edit_id;
  const std::string url = edit ? "/api/v1/me/relatives/" + std::to_string(edit) : "/api/v1/me/relatives";
  net::send(edit ? "PUT" : "POST", url, RelativeBody(profile_, c.relations, today), [this, edit](const net::Response& r) {
    CentreState& c = centre_;
    c.busy = false;
    if (!r.ok()) {
      relations_failed(r, "亲属管理", true);
      return;
    }
    RelationsState& s = c.relations;
    s.relative_form = false;
    c.submitted = false;
    const bool face = !r.get("face_ticket").empty();
    if (face) start_face_wait(s.relative_face, r, now_);
    c.success = std::string(edit ? "亲属信息已保存" : "亲属已添加") +
                (face ? "，请亲属本人完成人脸验证后绑定生效" : "，身份已核验");
    s.relatives_loaded = false;
    scroll_to_top_ = true;
  });
}

void App::delete_relative(long long id) {
  centre_.relations.relative_busy = id;
  centre_.error.clear();
  centre_.success.clear();
  net::send("DELETE", "/api/v1/me/relatives/" + std::to_string(id), "", [this](const net::Response& r) {
    RelationsState& s = centre_.relations;
    s.relative_busy = 0;
    if (!r.ok()) {
      centre_failed(r, "删除亲属");
      return;
    }
    centre_.success = "亲属已删除";
    s.relatives_loaded = false;
  });
}

void App::restart_relative_face(long long id) {
  centre_.relations.relative_busy = id;
  centre_.error.clear();
  centre_.success.clear();
  net::send("POST", "/api/v1/me/relatives/" + std::to_string(id) + "/face", "{}", [this](const net::Response& r) {
    RelationsState& s = centre_.relations;
    s.relative_busy = 0;
    if (!r.ok()) {
      centre_failed(r, "亲属人脸验证");
      return;
    }
    start_face_wait(s.relative_face, r, now_);
    s.relatives_loaded = false;
  });
}

// delegations.N.{id,role,grantor.name,grantee.name,scope_label,valid_from,valid_to,state,confirm_by}
static void read_delegations(const net::Response& r, std::vector<RelationsState::Delegation>& out) {
  out.clear();
  for (int i = 0;; ++i) {
    const std::string p = "delegations." + std::to_string(i) + ".";
    const std::string id = r.get(p + "id");
    if (id.empty()) break;
    RelationsState::Delegation d;
    d.id = id_of(id);
    d.role = r.get(p + "role");
    d.other = r.get(p + (d.role == "grantor" ? "grantee.name" : "grantor.name"));
    d.scope_label = r.get(p + "scope_label");
    d.valid_from = r.get(p + "valid_from");
    d.valid_to = r.get(p + "valid_to");
    d.state = r.get(p + "state");
    const std::string by = or_empty(r.get(p + "confirm_by"));
    d.confirm_by = by.empty() ? by : LocalTime(by);
    out.push_back(std::move(d));
  }
}

// The two lists one after the other; the tab shows once both have answered.
void App::load_delegations() {
  centre_.relations.delegations_loading = true;
  net::send("GET", "/api/v1/me/delegations/given", "", [this](const net::Response& r) {
    if (!r.ok()) {
      centre_.relations.delegations_loading = false;
      centre_failed(r, "授权关系");
      return;
    }
    read_delegations(r, centre_.relations.given);
    net::send("GET", "/api/v1/me/delegations/received", "", [this](const net::Response& r) {
      RelationsState& s = centre_.relations;
      s.delegations_loading = false;
      if (!r.ok()) {
        centre_failed(r, "授权关系");
        return;
      }
      read_delegations(r, s.received);
      s.delegations_loaded = true;
    });
  });
}

void App::create_delegation() {
  centre_.busy = true;
  net::send("POST", "/api/v1/me/delegations", DelegationBody(profile_, centre_.relations), [this](const net::Response& r) {
    CentreState& c = centre_;
    c.busy = false;
    if (!r.ok()) {
      relations_failed(r, "授权关系", false);
      return;
    }
    RelationsState& s = c.relations;
    s.delegation_form = false;
    c.submitted = false;
    start_face_wait(s.delegation_face, r, now_);
    c.success = "授权已提交，请先完成本人人脸验证，验证通过后将通知对方确认";
    s.delegations_loaded = false;
    scroll_to_top_ = true;
  });
}

void App::poll_face_wait(bool relative) {
  FaceWait& f = relative ? centre_.relations.relative_face : centre_.relations.delegation_face;
  f.polling = true;
  const std::string ticket = f.ticket;
  net::send("GET", "/api/v1/face/checks/" + ticket, "", [this, relative, ticket](const net::Response& r) {
    RelationsState& s = centre_.relations;
    FaceWait& f = relative ? s.relative_face : s.delegation_face;
    if (f.ticket != ticket) return;  // a newer check replaced it meanwhile
    f.polling = false;
    f.next_poll_at = now_ + kFacePollSeconds;
    if (!r.ok()) {
      if (r.status == 404) f.status = "expired";
      return;  // network trouble: the next ask in two seconds
    }
    const std::string status = r.get("status");
    if (status == "pending") return;
    f.status = status;
    (relative ? s.relatives_loaded : s.delegations_loaded) = false;  // the list shows the outcome
  });
}

}  // namespace uia::web

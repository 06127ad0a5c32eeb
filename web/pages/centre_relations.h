// 个人中心, between persons (seed 000 四、(6) 代办管理; issue 5): three tabs of the centre.
//   我的消息 (centre_messages.cpp): GET /api/v1/me/messages, newest first, unread marked;
//     标为已读 / 全部标为已读; a pending authorization offered to me has 接受 / 拒绝 in place.
//   亲属管理 (centre_relatives.cpp): GET/POST /api/v1/me/relatives, PUT/DELETE .../{id}; a
//     relative of 16 and over passes a face check (POST .../{id}/face starts a new one).
//   授权关系 (centre_delegations.cpp): POST /api/v1/me/delegations (the grantor's face check),
//     GET .../given and .../received, POST .../{id}/confirm|refuse|end.
// A face check (relative or grantor) shows its ticket and link and is polled every two seconds
// (GET /api/v1/face/checks/{ticket}) like the 人脸识别认证 page, without leaving the tab.
#pragma once
#include <string>
#include <vector>

#include "pages/page.h"
#include "ui.h"

namespace uia::web {

// A face check the person is asked to complete on a phone, shown inside the tab that asked.
struct FaceWait {
  std::string ticket, url;
  std::string status;      // "" / pending while waiting; passed, failed, expired, superseded
  bool polling = false;    // a status request is in flight
  double next_poll_at = 0;
  bool active() const { return !ticket.empty() && (status.empty() || status == "pending"); }
  void reset() { *this = FaceWait{}; }
};

struct RelationsState {
  // 我的消息
  struct Message {
    long long id = 0;
    std::string kind, title, body, created;  // created: local time
    bool read = false;
    long long delegation_id = 0;  // a delegation.request: what 接受 / 拒绝 act on
    bool answerable = false;      // still waiting for my answer (its relation is pending)
  };
  std::vector<Message> messages;
  int unread = -1;  // -1: not known yet (the tab label shows the count once it is)
  bool messages_loading = false, messages_loaded = false;
  long long message_busy = 0;

  // 亲属管理
  struct Relative {
    long long id = 0;
    std::string relation, relation_label, name, id_type, id_number, valid_from, valid_to, status;
    int age = 0;
  };
  std::vector<Relative> relatives;
  bool relatives_loading = false, relatives_loaded = false;
  bool relative_form = false;
  long long relative_edit_id = 0;  // 0: a new relative
  int relation_pick = 0, id_type_pick = 0;
  ui::Field rel_name, rel_id_number, rel_birth, rel_valid_from, rel_valid_to;
  bool rel_long_term = false;
  long long relative_busy = 0;
  FaceWait relative_face;
  std::string relative_face_name;  // whose check it is ("陈**")

  // 授权关系
  struct Delegation {
    long long id = 0;
    std::string role;  // grantor | grantee
    std::string other, scope_label, valid_from, valid_to, state, confirm_by;
  };
  std::vector<Delegation> given, received;
  bool delegations_loading = false, delegations_loaded = false;
  bool delegation_form = false;
  int scope_pick = 0;
  ui::Field del_name, del_id_number, del_phone, del_valid_to;
  long long delegation_busy = 0;
  FaceWait delegation_face;
};

struct RelationsActions {
  bool load_messages = false;         // GET /api/v1/me/messages
  long long read_message = 0;         // POST /api/v1/me/messages/{id}/read
  bool read_all = false;              // POST /api/v1/me/messages/read-all
  long long confirm_delegation = 0;   // POST /api/v1/me/delegations/{id}/confirm
  long long refuse_delegation = 0;    // POST /api/v1/me/delegations/{id}/refuse
  bool load_relatives = false;        // GET /api/v1/me/relatives
  bool save_relative = false;         // POST or PUT /api/v1/me/relatives[/{id}]
  long long delete_relative = 0;      // DELETE /api/v1/me/relatives/{id}
  long long relative_face = 0;        // POST /api/v1/me/relatives/{id}/face
  bool load_delegations = false;      // GET /api/v1/me/delegations/given + received
  bool create_delegation = false;     // POST /api/v1/me/delegations
  long long end_delegation = 0;       // POST /api/v1/me/delegations/{id}/end
};

struct CentreState;
void CentreMessagesTab(const PageContext& ctx, CentreState& s, RelationsActions& out);
void CentreRelativesTab(const PageContext& ctx, CentreState& s, RelationsActions& out);
void CentreDelegationsTab(const PageContext& ctx, CentreState& s, RelationsActions& out);

// Opens the relative form for `v` (nullptr: a new relative).
void OpenRelativeForm(const Profile& profile, CentreState& s, const RelationsState::Relative* v);
// The waiting face check: ticket, link to open on the phone, what happened. Shared by the two tabs.
void FaceWaitBox(const ui::Form& form, const FaceWait& f, const char* what);

// {"relation","name","id_type","id_number",("birth_date"),("id_valid_from","id_valid_to")}
std::string RelativeBody(const Profile& profile, const RelationsState& r, Date today);
std::string DelegationBody(const Profile& profile, const RelationsState& r);
// The request fields the server may name, in the tab's form; false when none matches.
bool RelationsSetServerError(RelationsState& r, bool relatives_tab, const std::string& field, const std::string& message);


}  // namespace uia::web

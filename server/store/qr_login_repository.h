// The qr_logins table (扫码登录 tickets). A row is found by the keyed hash of the ticket the QR
// code carries or of the poll token only the desktop page holds; neither secret is stored. Every
// move between states is a compare-and-set on the current state, so of two racing requests
// (two phones scanning, two polls collecting the session) exactly one wins.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

namespace uia::store {

struct QrLogin {
  long long id = 0;
  std::string poll_index;
  std::string state;  // pending | scanned | confirmed | consumed | cancelled | expired
  long long created_at = 0;
  long long expires_at = 0;
  std::string requester_ip;     // the desktop asking to be signed in
  std::string requester_agent;
  std::optional<long long> person_id;            // who scanned (and may confirm)
  std::optional<long long> approver_session_id;  // the phone's session that scanned
  std::optional<std::string> approver_ip;
  std::optional<std::string> approver_agent;
  std::optional<long long> session_id;  // consumed: the desktop's new session
};

struct NewQrLogin {
  std::string ticket_index;
  std::string poll_index;
  long long created_at = 0;
  long long expires_at = 0;
  std::string requester_ip;
  std::string requester_agent;
};

struct QrApprover {
  long long person_id = 0;
  long long session_id = 0;
  std::string client_ip;
  std::string user_agent;
};

class QrLoginRepository {
 public:
  long long insert(soci::session& sql, const NewQrLogin& row) const;  // returns the new id
  std::optional<QrLogin> find_by_ticket(soci::session& sql, const std::string& ticket_index) const;
  // Tickets asked for from `client_ip` since `since` (the per-address creation limit).
  long long created_from(soci::session& sql, const std::string& client_ip, long long since) const;
  // pending → scanned, recording who scanned and from which session.
  bool mark_scanned(soci::session& sql, long long id, const QrApprover& approver, long long now) const;
  // scanned → confirmed, only by the person who scanned.
  bool mark_confirmed(soci::session& sql, long long id, long long person_id, long long now) const;
  // confirmed → consumed: the one request that may issue the desktop's session.
  bool claim(soci::session& sql, long long id, long long now) const;
  void attach_session(soci::session& sql, long long id, long long session_id) const;
  // Not finished yet (pending, scanned, confirmed) → `to` ("cancelled" or "expired").
  bool finish(soci::session& sql, long long id, const std::string& to, long long now) const;
};

}  // namespace uia::store

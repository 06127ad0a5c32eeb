// Appeal cases (账号申诉), their materials, the keys that keep one appeal open per phone / ID
// number / USCC, and each case's history. Fields are sealed with the field cipher: a case's
// details (JSON: names, ID numbers, the new phone, the new password's hash) under
// "appeal_case.details", its contact phone under "appeal_case.phone", materials under
// "appeal_material.data". The state machine is shared/appeals/appeals.h; every change of state
// here is compare-and-set on the status, so two reviewers acting at once cannot both win.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

#include "crypto/field_cipher.h"

namespace uia::store {

struct AppealCase {
  long long id = 0;
  std::string case_number;  // "SS" + YYYYMMDD + 6 digits: what the appellant quotes
  std::string kind;         // shared/appeals/appeals.h
  std::string status;
  std::string contact_phone;        // opened; SMS about the case go here
  std::string contact_phone_index;  // keyed hash of contact_phone ("phone" domain)
  std::string details;              // opened JSON text
  long long person_id = 0;          // the person account the case is about, 0 for none (yet)
  long long enterprise_id = 0;      // the enterprise account, 0 for none (yet)
  long long draft_expires_at = 0;
  long long claimed_by = 0;  // staff id while in_review / second_review
  long long claimed_at = 0;
  long long first_reviewer_id = 0;  // who approved first when a second review is on
  long long first_approved_at = 0;
  long long decided_by = 0;
  long long decided_at = 0;
  std::string decision_reason;
  long long submitted_at = 0;
  long long due_at = 0;  // the review target (working days after submission)
  long long materials_purged_at = 0;
  long long created_at = 0;
  long long updated_at = 0;
};

struct AppealMaterial {
  long long id = 0;
  long long case_id = 0;
  std::string kind;          // shared/appeals/appeals.h appeal_material_kinds()
  std::string content_type;  // image/jpeg | image/png | application/pdf
  long long size_bytes = 0;
  std::string data;          // opened only when asked for
  long long created_at = 0;
};

struct AppealCaseEvent {
  long long at = 0;
  std::string actor;   // "appellant", "staff:7", "system"
  std::string action;  // filed, material_added, submitted, claimed, released, first_approved, approved, rejected, materials_purged, expired
  std::string note;
};

struct AppealCaseFilter {
  std::string kind;    // "" any
  std::string status;  // "" any; "open" every state that is not final
  long long submitted_before = 0;  // 0 any: cases submitted before this time (age)
  long long due_before = 0;        // 0 any: open cases whose due_at is before this time (overdue)
  long long claimed_by = 0;        // 0 any
  long long after_id = 0;          // cursor
  int limit = 50;
};

class AppealRepository {
 public:
  explicit AppealRepository(const crypto::FieldCipher& cipher) : cipher_(cipher) {}

  // Inserts a new case (status, numbers and times as given) and returns its id. Throws on a
  // duplicate case number (the caller draws another).
  long long insert(soci::session& sql, const AppealCase& c, const std::string& upload_token_hash) const;
  // Claims the keys for an open case; false (nothing written) when any is held by another open case.
  bool claim_open_keys(soci::session& sql, long long case_id, const std::vector<std::string>& key_hashes) const;
  void release_open_keys(soci::session& sql, long long case_id) const;

  std::optional<AppealCase> find(soci::session& sql, long long id) const;
  std::optional<AppealCase> find_by_number(soci::session& sql, const std::string& case_number) const;
  // A draft whose upload token matches and has not expired.
  std::optional<AppealCase> find_draft_by_token(soci::session& sql, const std::string& case_number,
                                                const std::string& token_hash, long long now) const;
  std::vector<AppealCase> list(soci::session& sql, const AppealCaseFilter& filter) const;

  // Compare-and-set changes of state; false when the case was not in `from` (someone else won).
  bool submit(soci::session& sql, long long id, long long now, long long due_at) const;  // draft → submitted
  bool claim(soci::session& sql, long long id, const std::string& from, const std::string& to, long long staff_id,
             long long now) const;
  bool release(soci::session& sql, long long id, const std::string& from, const std::string& to, long long staff_id,
               long long now) const;
  bool first_approve(soci::session& sql, long long id, long long staff_id, long long now) const;  // in_review → awaiting_second
  // → approved | rejected: the open keys and the upload token go with it.
  bool decide(soci::session& sql, long long id, const std::string& from, const std::string& to, long long staff_id,
              const std::string& reason, long long now) const;
  // The account a case turned out to be about (an approval may create it).
  void set_accounts(soci::session& sql, long long id, long long person_id, long long enterprise_id, long long now) const;
  // Drafts never submitted: deleted with their materials and keys. How many went.
  int delete_expired_drafts(soci::session& sql, long long now, int limit) const;

  long long add_material(soci::session& sql, const AppealMaterial& m) const;
  // The appellant's own changes to a draft (added with the appellant's REST routes): one file
  // removed, or every file of a kind (an upload of a kind replaces the earlier one). True / the
  // number removed.
  bool delete_material(soci::session& sql, long long case_id, long long material_id) const;
  int delete_materials_of_kind(soci::session& sql, long long case_id, const std::string& kind) const;
  std::vector<AppealMaterial> materials(soci::session& sql, long long case_id, bool with_data) const;
  std::optional<AppealMaterial> material(soci::session& sql, long long case_id, long long material_id) const;
  // Decided cases whose materials are still kept and were decided before `decided_before`.
  std::vector<long long> cases_to_purge(soci::session& sql, long long decided_before, int limit) const;
  // Deletes the case's materials and marks it purged; the number of files deleted.
  int purge_materials(soci::session& sql, long long case_id, long long now) const;

  void add_event(soci::session& sql, long long case_id, const AppealCaseEvent& e) const;
  std::vector<AppealCaseEvent> events(soci::session& sql, long long case_id) const;

 private:
  const crypto::FieldCipher& cipher_;
};

}  // namespace uia::store

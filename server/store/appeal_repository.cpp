#include "store/appeal_repository.h"

#include <soci/soci.h>

#include <stdexcept>

#include "store/fetch_all.h"

namespace uia::store {
namespace {
constexpr const char* kDetailsContext = "appeal_case.details";
constexpr const char* kPhoneContext = "appeal_case.phone";
constexpr const char* kMaterialContext = "appeal_material.data";

// Nullable columns read as 0 / "" so one struct binds every row.
constexpr const char* kCaseColumns =
    "id, case_number, kind, status, contact_phone_enc, contact_phone_index, details_enc, COALESCE(person_id, 0), "
    "COALESCE(enterprise_id, 0), COALESCE(draft_expires_at, 0), COALESCE(claimed_by, 0), COALESCE(claimed_at, 0), "
    "COALESCE(first_reviewer_id, 0), COALESCE(first_approved_at, 0), COALESCE(decided_by, 0), COALESCE(decided_at, 0), "
    "COALESCE(decision_reason, ''), COALESCE(submitted_at, 0), COALESCE(due_at, 0), COALESCE(materials_purged_at, 0), "
    "created_at, updated_at";

struct CaseRow {
  AppealCase c;
  std::string phone_sealed, details_sealed;
};

void bind(soci::statement& st, CaseRow& r) {
  AppealCase& c = r.c;
  st.exchange(soci::into(c.id));
  st.exchange(soci::into(c.case_number));
  st.exchange(soci::into(c.kind));
  st.exchange(soci::into(c.status));
  st.exchange(soci::into(r.phone_sealed));
  st.exchange(soci::into(c.contact_phone_index));
  st.exchange(soci::into(r.details_sealed));
  for (long long* v : {&c.person_id, &c.enterprise_id, &c.draft_expires_at, &c.claimed_by, &c.claimed_at,
                       &c.first_reviewer_id, &c.first_approved_at, &c.decided_by, &c.decided_at})
    st.exchange(soci::into(*v));
  st.exchange(soci::into(c.decision_reason));
  for (long long* v : {&c.submitted_at, &c.due_at, &c.materials_purged_at, &c.created_at, &c.updated_at})
    st.exchange(soci::into(*v));
}

}  // namespace

long long AppealRepository::insert(soci::session& sql, const AppealCase& c, const std::string& upload_token_hash) const {
  const std::string phone = cipher_.seal(c.contact_phone, kPhoneContext);
  const std::string details = cipher_.seal(c.details, kDetailsContext);
  long long person_id = c.person_id, enterprise_id = c.enterprise_id, draft_expires_at = c.draft_expires_at;
  long long submitted_at = c.submitted_at, due_at = c.due_at;
  std::string token = upload_token_hash;
  soci::indicator person_set = person_id ? soci::i_ok : soci::i_null;
  soci::indicator enterprise_set = enterprise_id ? soci::i_ok : soci::i_null;
  soci::indicator draft_set = draft_expires_at ? soci::i_ok : soci::i_null;
  soci::indicator submitted_set = submitted_at ? soci::i_ok : soci::i_null;
  soci::indicator due_set = due_at ? soci::i_ok : soci::i_null;
  soci::indicator token_set = token.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO appeal_cases (case_number, kind, status, contact_phone_enc, contact_phone_index, details_enc, "
         "person_id, enterprise_id, upload_token_hash, draft_expires_at, submitted_at, due_at, created_at, updated_at) "
         "VALUES (:n, :k, :s, :pe, :pi, :d, :p, :e, :t, :x, :sa, :du, :c, :u)",
      soci::use(c.case_number), soci::use(c.kind), soci::use(c.status), soci::use(phone), soci::use(c.contact_phone_index),
      soci::use(details), soci::use(person_id, person_set), soci::use(enterprise_id, enterprise_set),
      soci::use(token, token_set), soci::use(draft_expires_at, draft_set), soci::use(submitted_at, submitted_set),
      soci::use(due_at, due_set), soci::use(c.created_at), soci::use(c.updated_at);
  long long id = 0;
  sql.get_last_insert_id("appeal_cases", id);
  return id;
}

bool AppealRepository::claim_open_keys(soci::session& sql, long long case_id, const std::vector<std::string>& key_hashes) const {
  for (const auto& key : key_hashes) {
    long long holder = 0;
    sql << "SELECT case_id FROM appeal_open_keys WHERE key_hash = :k", soci::use(key), soci::into(holder);
    if (sql.got_data()) return false;
  }
  // The primary key still refuses a key another transaction claimed since the read: the
  // caller's transaction fails on the duplicate and the appellant is told to try again.
  for (const auto& key : key_hashes)
    sql << "INSERT INTO appeal_open_keys (key_hash, case_id) VALUES (:k, :c)", soci::use(key), soci::use(case_id);
  return true;
}

void AppealRepository::release_open_keys(soci::session& sql, long long case_id) const {
  sql << "DELETE FROM appeal_open_keys WHERE case_id = :c", soci::use(case_id);
}

std::optional<AppealCase> AppealRepository::find(soci::session& sql, long long id) const {
  CaseRow row;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string("SELECT ") + kCaseColumns + " FROM appeal_cases WHERE id = :id");
  st.exchange(soci::use(id));
  bind(st, row);
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  row.c.contact_phone = cipher_.open(row.phone_sealed, kPhoneContext).value_or("");
  row.c.details = cipher_.open(row.details_sealed, kDetailsContext).value_or("{}");
  return row.c;
}

std::optional<AppealCase> AppealRepository::find_by_number(soci::session& sql, const std::string& case_number) const {
  long long id = 0;
  sql << "SELECT id FROM appeal_cases WHERE case_number = :n", soci::use(case_number), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return find(sql, id);
}

std::optional<AppealCase> AppealRepository::find_draft_by_token(soci::session& sql, const std::string& case_number,
                                                                const std::string& token_hash, long long now) const {
  long long id = 0;
  sql << "SELECT id FROM appeal_cases WHERE case_number = :n AND upload_token_hash = :t AND status = 'draft' "
         "AND draft_expires_at > :now",
      soci::use(case_number), soci::use(token_hash), soci::use(now), soci::into(id);
  if (!sql.got_data()) return std::nullopt;
  return find(sql, id);
}

std::vector<AppealCase> AppealRepository::list(soci::session& sql, const AppealCaseFilter& f) const {
  std::string where = "id > :after";
  if (!f.kind.empty()) where += " AND kind = :kind";
  if (f.status == "open") where += " AND status NOT IN ('approved', 'rejected', 'draft')";
  else if (!f.status.empty()) where += " AND status = :status";
  else where += " AND status <> 'draft'";  // drafts are the appellant's until submitted
  if (f.submitted_before) where += " AND submitted_at < :sb";
  if (f.due_before) where += " AND due_at < :db AND status NOT IN ('approved', 'rejected')";
  if (f.claimed_by) where += " AND claimed_by = :cb";
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st(sql);
  st.alloc();
  st.prepare("SELECT id FROM appeal_cases WHERE " + where + " ORDER BY id LIMIT " + std::to_string(f.limit));
  long long after = f.after_id, sb = f.submitted_before, db = f.due_before, cb = f.claimed_by;
  std::string kind = f.kind, status = f.status;
  st.exchange(soci::use(after, "after"));
  if (!kind.empty()) st.exchange(soci::use(kind, "kind"));
  if (!status.empty() && status != "open") st.exchange(soci::use(status, "status"));
  if (sb) st.exchange(soci::use(sb, "sb"));
  if (db) st.exchange(soci::use(db, "db"));
  if (cb) st.exchange(soci::use(cb, "cb"));
  st.exchange(soci::into(id));
  st.define_and_bind();
  ids = fetch_all(st, id);
  std::vector<AppealCase> out;
  for (long long case_id : ids)
    if (auto c = find(sql, case_id)) out.push_back(std::move(*c));
  return out;
}

bool AppealRepository::submit(soci::session& sql, long long id, long long now, long long due_at) const {
  soci::statement st = (sql.prepare << "UPDATE appeal_cases SET status = 'submitted', submitted_at = :now, due_at = :due, "
                                       "draft_expires_at = NULL, updated_at = :now2 WHERE id = :id AND status = 'draft'",
                        soci::use(now), soci::use(due_at), soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool AppealRepository::claim(soci::session& sql, long long id, const std::string& from, const std::string& to,
                             long long staff_id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE appeal_cases SET status = :to, claimed_by = :s, claimed_at = :now, "
                                       "updated_at = :now2 WHERE id = :id AND status = :from",
                        soci::use(to), soci::use(staff_id), soci::use(now), soci::use(now), soci::use(id), soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool AppealRepository::release(soci::session& sql, long long id, const std::string& from, const std::string& to,
                               long long staff_id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE appeal_cases SET status = :to, claimed_by = NULL, claimed_at = NULL, "
                                       "updated_at = :now WHERE id = :id AND status = :from AND claimed_by = :s",
                        soci::use(to), soci::use(now), soci::use(id), soci::use(from), soci::use(staff_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool AppealRepository::first_approve(soci::session& sql, long long id, long long staff_id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE appeal_cases SET status = 'awaiting_second', first_reviewer_id = :s, "
                                       "first_approved_at = :now, claimed_by = NULL, claimed_at = NULL, updated_at = :now2 "
                                       "WHERE id = :id AND status = 'in_review' AND claimed_by = :s2",
                        soci::use(staff_id), soci::use(now), soci::use(now), soci::use(id), soci::use(staff_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool AppealRepository::decide(soci::session& sql, long long id, const std::string& from, const std::string& to,
                              long long staff_id, const std::string& reason, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE appeal_cases SET status = :to, decided_by = :s, decided_at = :now, "
                                       "decision_reason = :r, upload_token_hash = NULL, updated_at = :now2 "
                                       "WHERE id = :id AND status = :from AND claimed_by = :s2",
                        soci::use(to), soci::use(staff_id), soci::use(now), soci::use(reason), soci::use(now), soci::use(id),
                        soci::use(from), soci::use(staff_id));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  release_open_keys(sql, id);
  return true;
}

void AppealRepository::set_accounts(soci::session& sql, long long id, long long person_id, long long enterprise_id,
                                    long long now) const {
  soci::indicator person_set = person_id ? soci::i_ok : soci::i_null;
  soci::indicator enterprise_set = enterprise_id ? soci::i_ok : soci::i_null;
  sql << "UPDATE appeal_cases SET person_id = :p, enterprise_id = :e, updated_at = :now WHERE id = :id",
      soci::use(person_id, person_set), soci::use(enterprise_id, enterprise_set), soci::use(now), soci::use(id);
}

int AppealRepository::delete_expired_drafts(soci::session& sql, long long now, int limit) const {
  long long id = 0;
  soci::statement select = (sql.prepare << "SELECT id FROM appeal_cases WHERE status = 'draft' AND draft_expires_at <= :now "
                                           "ORDER BY id LIMIT " + std::to_string(limit),
                            soci::use(now), soci::into(id));
  const auto ids = fetch_all(select, id);
  for (long long case_id : ids) {
    sql << "DELETE FROM appeal_materials WHERE case_id = :c", soci::use(case_id);
    sql << "DELETE FROM appeal_case_events WHERE case_id = :c", soci::use(case_id);
    release_open_keys(sql, case_id);
    sql << "DELETE FROM appeal_cases WHERE id = :c AND status = 'draft'", soci::use(case_id);
  }
  return static_cast<int>(ids.size());
}

long long AppealRepository::add_material(soci::session& sql, const AppealMaterial& m) const {
  const std::string sealed = cipher_.seal(m.data, kMaterialContext);
  sql << "INSERT INTO appeal_materials (case_id, kind, content_type, size_bytes, data_enc, created_at) "
         "VALUES (:c, :k, :t, :s, :d, :at)",
      soci::use(m.case_id), soci::use(m.kind), soci::use(m.content_type), soci::use(m.size_bytes), soci::use(sealed),
      soci::use(m.created_at);
  long long id = 0;
  sql.get_last_insert_id("appeal_materials", id);
  return id;
}

bool AppealRepository::delete_material(soci::session& sql, long long case_id, long long material_id) const {
  soci::statement st = (sql.prepare << "DELETE FROM appeal_materials WHERE id = :id AND case_id = :c",
                        soci::use(material_id), soci::use(case_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

int AppealRepository::delete_materials_of_kind(soci::session& sql, long long case_id, const std::string& kind) const {
  soci::statement st = (sql.prepare << "DELETE FROM appeal_materials WHERE case_id = :c AND kind = :k", soci::use(case_id),
                        soci::use(kind));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::vector<AppealMaterial> AppealRepository::materials(soci::session& sql, long long case_id, bool with_data) const {
  std::vector<AppealMaterial> out;
  AppealMaterial m;
  std::string sealed;
  // The sealed column is read only when the files are wanted: listings stay cheap.
  const std::string query = std::string("SELECT id, case_id, kind, content_type, size_bytes, created_at, ") +
                            (with_data ? "data_enc" : "''") + " FROM appeal_materials WHERE case_id = :c ORDER BY id";
  soci::statement st = (sql.prepare << query, soci::use(case_id), soci::into(m.id), soci::into(m.case_id),
                        soci::into(m.kind), soci::into(m.content_type), soci::into(m.size_bytes), soci::into(m.created_at),
                        soci::into(sealed));
  st.execute();
  while (st.fetch()) {
    AppealMaterial row = m;
    if (with_data) {
      auto opened = cipher_.open(sealed, kMaterialContext);
      if (!opened) throw std::runtime_error("appeal material " + std::to_string(m.id) + " does not open");
      row.data = std::move(*opened);
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<AppealMaterial> AppealRepository::material(soci::session& sql, long long case_id, long long material_id) const {
  AppealMaterial m;
  std::string sealed;
  sql << "SELECT id, case_id, kind, content_type, size_bytes, created_at, data_enc FROM appeal_materials "
         "WHERE id = :id AND case_id = :c",
      soci::use(material_id), soci::use(case_id), soci::into(m.id), soci::into(m.case_id), soci::into(m.kind),
      soci::into(m.content_type), soci::into(m.size_bytes), soci::into(m.created_at), soci::into(sealed);
  if (!sql.got_data()) return std::nullopt;
  auto opened = cipher_.open(sealed, kMaterialContext);
  if (!opened) throw std::runtime_error("appeal material " + std::to_string(material_id) + " does not open");
  m.data = std::move(*opened);
  return m;
}

std::vector<long long> AppealRepository::cases_to_purge(soci::session& sql, long long decided_before, int limit) const {
  long long id = 0;
  soci::statement select =
      (sql.prepare << "SELECT id FROM appeal_cases WHERE decided_at IS NOT NULL AND decided_at < :b "
                      "AND materials_purged_at IS NULL ORDER BY decided_at LIMIT " + std::to_string(limit),
       soci::use(decided_before), soci::into(id));
  return fetch_all(select, id);
}

int AppealRepository::purge_materials(soci::session& sql, long long case_id, long long now) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM appeal_materials WHERE case_id = :c", soci::use(case_id), soci::into(count);
  sql << "DELETE FROM appeal_materials WHERE case_id = :c", soci::use(case_id);
  sql << "UPDATE appeal_cases SET materials_purged_at = :now, updated_at = :now2 WHERE id = :c", soci::use(now),
      soci::use(now), soci::use(case_id);
  return static_cast<int>(count);
}

void AppealRepository::add_event(soci::session& sql, long long case_id, const AppealCaseEvent& e) const {
  sql << "INSERT INTO appeal_case_events (case_id, at, actor, action, note) VALUES (:c, :at, :a, :ac, :n)",
      soci::use(case_id), soci::use(e.at), soci::use(e.actor), soci::use(e.action), soci::use(e.note);
}

std::vector<AppealCaseEvent> AppealRepository::events(soci::session& sql, long long case_id) const {
  std::vector<AppealCaseEvent> out;
  AppealCaseEvent e;
  soci::indicator note_set = soci::i_ok;
  soci::statement st = (sql.prepare << "SELECT at, actor, action, note FROM appeal_case_events WHERE case_id = :c ORDER BY id",
                        soci::use(case_id), soci::into(e.at), soci::into(e.actor), soci::into(e.action),
                        soci::into(e.note, note_set));
  st.execute();
  while (st.fetch()) {
    AppealCaseEvent row = e;
    if (note_set != soci::i_ok) row.note.clear();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace uia::store

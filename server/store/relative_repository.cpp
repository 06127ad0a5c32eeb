#include "store/relative_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, person_id, relation, name, id_type, id_number_enc, birth_date, id_valid_from, id_valid_to, status, "
    "face_ticket, created_at, updated_at";
constexpr const char* kIdContext = "relative.id_number";

struct Row {
  Relative r;
  std::string id_enc, valid_from, valid_to, ticket;
  soci::indicator from_ind = soci::i_null, to_ind = soci::i_null, ticket_ind = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.person_id));
    st.exchange(soci::into(r.relation));
    st.exchange(soci::into(r.name));
    st.exchange(soci::into(r.id_type));
    st.exchange(soci::into(id_enc));
    st.exchange(soci::into(r.birth_date));
    st.exchange(soci::into(valid_from, from_ind));
    st.exchange(soci::into(valid_to, to_ind));
    st.exchange(soci::into(r.status));
    st.exchange(soci::into(ticket, ticket_ind));
    st.exchange(soci::into(r.created_at));
    st.exchange(soci::into(r.updated_at));
  }
  Relative take(const crypto::FieldCipher& cipher) const {
    Relative out = r;
    out.id_number = cipher.open(id_enc, kIdContext).value_or("");
    out.id_valid_from = from_ind == soci::i_ok ? std::optional(valid_from) : std::nullopt;
    out.id_valid_to = to_ind == soci::i_ok ? std::optional(valid_to) : std::nullopt;
    out.face_ticket = ticket_ind == soci::i_ok ? std::optional(ticket) : std::nullopt;
    return out;
  }
};

std::optional<Relative> fetch_one(soci::session& sql, const crypto::FieldCipher& cipher, const std::string& where,
                                  long long a, long long b) {
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM relatives WHERE " + where;
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(a));
  st.exchange(soci::use(b));
  row.bind(st);
  st.define_and_bind();
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return row.take(cipher);
}

}  // namespace

std::vector<Relative> RelativeRepository::list(soci::session& sql, long long person_id) const {
  std::vector<Relative> out;
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM relatives WHERE person_id = :p ORDER BY id";
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(person_id));
  row.bind(st);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row.take(cipher_));
  return out;
}

std::optional<Relative> RelativeRepository::find(soci::session& sql, long long person_id, long long id) const {
  return fetch_one(sql, cipher_, "id = :id AND person_id = :p", id, person_id);
}

std::optional<Relative> RelativeRepository::find_by_face_ticket(soci::session& sql, const std::string& ticket) const {
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM relatives WHERE face_ticket = :t";
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(ticket));
  row.bind(st);
  st.define_and_bind();
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return row.take(cipher_);
}

bool RelativeRepository::has_document(soci::session& sql, long long person_id, const std::string& id_number,
                                      long long except_id) const {
  const std::string index = index_of(id_number);
  long long n = 0;
  sql << "SELECT COUNT(*) FROM relatives WHERE person_id = :p AND id_number_index = :i AND id <> :id",
      soci::use(person_id), soci::use(index), soci::use(except_id), soci::into(n);
  return n > 0;
}

long long RelativeRepository::count(soci::session& sql, long long person_id) const {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM relatives WHERE person_id = :p", soci::use(person_id), soci::into(n);
  return n;
}

long long RelativeRepository::insert(soci::session& sql, const Relative& r) const {
  const std::string id_enc = cipher_.seal(r.id_number, kIdContext);
  const std::string index = index_of(r.id_number);
  std::string from = r.id_valid_from.value_or(""), to = r.id_valid_to.value_or(""), ticket = r.face_ticket.value_or("");
  soci::indicator from_ind = r.id_valid_from ? soci::i_ok : soci::i_null, to_ind = r.id_valid_to ? soci::i_ok : soci::i_null,
                  ticket_ind = r.face_ticket ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO relatives (person_id, relation, name, id_type, id_number_enc, id_number_index, birth_date, "
         "id_valid_from, id_valid_to, status, face_ticket, created_at, updated_at) "
         "VALUES (:p, :rel, :n, :t, :e, :i, :b, :f, :to, :s, :ft, :c, :u)",
      soci::use(r.person_id), soci::use(r.relation), soci::use(r.name), soci::use(r.id_type), soci::use(id_enc),
      soci::use(index), soci::use(r.birth_date), soci::use(from, from_ind), soci::use(to, to_ind), soci::use(r.status),
      soci::use(ticket, ticket_ind), soci::use(r.created_at), soci::use(r.updated_at);
  // Portable "last insert id": the caller holds the person's row lock (flows/relatives).
  long long id = 0;
  sql << "SELECT MAX(id) FROM relatives WHERE person_id = :p", soci::use(r.person_id), soci::into(id);
  return id;
}

void RelativeRepository::update(soci::session& sql, const Relative& r) const {
  const std::string id_enc = cipher_.seal(r.id_number, kIdContext);
  const std::string index = index_of(r.id_number);
  std::string from = r.id_valid_from.value_or(""), to = r.id_valid_to.value_or(""), ticket = r.face_ticket.value_or("");
  soci::indicator from_ind = r.id_valid_from ? soci::i_ok : soci::i_null, to_ind = r.id_valid_to ? soci::i_ok : soci::i_null,
                  ticket_ind = r.face_ticket ? soci::i_ok : soci::i_null;
  sql << "UPDATE relatives SET relation = :rel, name = :n, id_type = :t, id_number_enc = :e, id_number_index = :i, "
         "birth_date = :b, id_valid_from = :f, id_valid_to = :to, status = :s, face_ticket = :ft, updated_at = :u "
         "WHERE id = :id AND person_id = :p",
      soci::use(r.relation), soci::use(r.name), soci::use(r.id_type), soci::use(id_enc), soci::use(index),
      soci::use(r.birth_date), soci::use(from, from_ind), soci::use(to, to_ind), soci::use(r.status),
      soci::use(ticket, ticket_ind), soci::use(r.updated_at), soci::use(r.id), soci::use(r.person_id);
}

void RelativeRepository::set_status(soci::session& sql, long long id, const std::string& status,
                                    const std::optional<std::string>& ticket, long long now) const {
  std::string t = ticket.value_or("");
  soci::indicator t_ind = ticket ? soci::i_ok : soci::i_null;
  sql << "UPDATE relatives SET status = :s, face_ticket = :t, updated_at = :u WHERE id = :id", soci::use(status),
      soci::use(t, t_ind), soci::use(now), soci::use(id);
}

void RelativeRepository::remove(soci::session& sql, long long person_id, long long id) const {
  sql << "DELETE FROM relatives WHERE id = :id AND person_id = :p", soci::use(id), soci::use(person_id);
}

void RelativeRepository::delete_for(soci::session& sql, long long person_id) const {
  sql << "DELETE FROM relatives WHERE person_id = :p", soci::use(person_id);
}

}  // namespace uia::store

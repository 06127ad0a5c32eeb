#include "store/document_repository.h"

#include <soci/soci.h>

#include <stdexcept>

namespace uia::store {
namespace {
constexpr const char* kDataContext = "person_document.data";
}

void DocumentRepository::add_upload_token(soci::session& sql, long long person_id, const std::string& token_hash,
                                          long long now, long long expires_at) const {
  sql << "INSERT INTO upload_tokens (token_hash, person_id, created_at, expires_at) VALUES (:h, :p, :c, :e)",
      soci::use(token_hash), soci::use(person_id), soci::use(now), soci::use(expires_at);
}

std::optional<long long> DocumentRepository::upload_token_person(soci::session& sql, const std::string& token_hash,
                                                                 long long now) const {
  long long person_id = 0;
  sql << "SELECT person_id FROM upload_tokens WHERE token_hash = :h AND expires_at > :now", soci::use(token_hash),
      soci::use(now), soci::into(person_id);
  if (!sql.got_data()) return std::nullopt;
  return person_id;
}

void DocumentRepository::delete_upload_tokens(soci::session& sql, long long person_id) const {
  sql << "DELETE FROM upload_tokens WHERE person_id = :p", soci::use(person_id);
}

long long DocumentRepository::insert(soci::session& sql, const PersonDocument& d) const {
  const std::string sealed = cipher_.seal(d.data, kDataContext);
  sql << "INSERT INTO person_documents (person_id, kind, content_type, size_bytes, data_enc, created_at) "
         "VALUES (:p, :k, :t, :s, :d, :c)",
      soci::use(d.person_id), soci::use(d.kind), soci::use(d.content_type), soci::use(d.size_bytes), soci::use(sealed),
      soci::use(d.created_at);
  long long id = 0;
  sql.get_last_insert_id("person_documents", id);
  return id;
}

long long DocumentRepository::count_for(soci::session& sql, long long person_id) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM person_documents WHERE person_id = :p", soci::use(person_id), soci::into(count);
  return count;
}

std::vector<PersonDocument> DocumentRepository::list_for(soci::session& sql, long long person_id, bool with_data) const {
  std::vector<PersonDocument> out;
  PersonDocument d;
  std::string sealed;
  // The sealed column is read only when the files are wanted: listings stay cheap.
  const std::string query = std::string("SELECT id, person_id, kind, content_type, size_bytes, created_at, ") +
                            (with_data ? "data_enc" : "''") + " FROM person_documents WHERE person_id = :p ORDER BY id";
  soci::statement st = (sql.prepare << query, soci::use(person_id), soci::into(d.id), soci::into(d.person_id),
                        soci::into(d.kind), soci::into(d.content_type), soci::into(d.size_bytes), soci::into(d.created_at),
                        soci::into(sealed));
  st.execute();
  while (st.fetch()) {
    PersonDocument row = d;
    if (with_data) {
      auto opened = cipher_.open(sealed, kDataContext);
      if (!opened) throw std::runtime_error("document " + std::to_string(d.id) + " does not decrypt");
      row.data = std::move(*opened);
    }
    out.push_back(std::move(row));
  }
  return out;
}

void DocumentRepository::delete_for(soci::session& sql, long long person_id) const {
  sql << "DELETE FROM person_documents WHERE person_id = :p", soci::use(person_id);
}

}  // namespace uia::store

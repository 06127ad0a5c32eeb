#include "store/oidc_client_repository.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "store/statement_cache.h"

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, client_id, name, secret_hash, client_type, redirect_uris, post_logout_redirect_uris, scopes, subject_type, "
    "id_token_alg, backchannel_logout_uri, min_level, enabled, created_by, created_at, disabled_at, "
    "token_endpoint_auth_method, jwks";

std::string to_json_list(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

std::vector<std::string> from_json_list(const std::string& text) {
  std::vector<std::string> out;
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

// Integer columns come back as int or long long depending on the backend and declared type.
long long integer(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer: return row.get<int>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(row.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<long long>(row.get<double>(i));
    default: return row.get<long long>(i);
  }
}

OidcClient from_row(const soci::row& row) {
  OidcClient c;
  c.id = integer(row, 0);
  c.client_id = row.get<std::string>(1);
  c.name = row.get<std::string>(2);
  if (row.get_indicator(3) == soci::i_ok) c.secret_hash = row.get<std::string>(3);
  c.client_type = row.get<std::string>(4);
  c.redirect_uris = from_json_list(row.get<std::string>(5));
  c.post_logout_redirect_uris = from_json_list(row.get<std::string>(6));
  c.scopes = row.get<std::string>(7);
  c.subject_type = row.get<std::string>(8);
  c.id_token_alg = row.get<std::string>(9);
  if (row.get_indicator(10) == soci::i_ok) c.backchannel_logout_uri = row.get<std::string>(10);
  c.min_level = static_cast<int>(integer(row, 11));
  c.enabled = integer(row, 12) != 0;
  c.created_by = row.get<std::string>(13);
  c.created_at = integer(row, 14);
  if (row.get_indicator(15) == soci::i_ok) c.disabled_at = integer(row, 15);
  c.token_endpoint_auth_method = row.get<std::string>(16);
  if (row.get_indicator(17) == soci::i_ok) c.jwks = row.get<std::string>(17);
  return c;
}

struct SelectClient {
  std::string client_id;
  soci::row row;
  soci::statement st;
  explicit SelectClient(soci::session& sql)
      : st((sql.prepare << "SELECT " << kColumns << " FROM oidc_clients WHERE client_id = :cid", soci::into(row),
            soci::use(client_id))) {}
};

// The columns an insert or update binds that are not plain members: JSON lists and nullable
// text (SOCI binds by reference, so they live as long as the statement).
struct StoredForm {
  std::string redirects, post_logout, secret, logout, jwks;
  soci::indicator secret_ind, logout_ind, jwks_ind;
  explicit StoredForm(const OidcClient& c)
      : redirects(to_json_list(c.redirect_uris)),
        post_logout(to_json_list(c.post_logout_redirect_uris)),
        secret(c.secret_hash.value_or("")),
        logout(c.backchannel_logout_uri.value_or("")),
        jwks(c.jwks.value_or("")),
        secret_ind(c.secret_hash ? soci::i_ok : soci::i_null),
        logout_ind(c.backchannel_logout_uri ? soci::i_ok : soci::i_null),
        jwks_ind(c.jwks ? soci::i_ok : soci::i_null) {}
};

}  // namespace

bool OidcClient::has_redirect_uri(const std::string& uri) const {
  return std::find(redirect_uris.begin(), redirect_uris.end(), uri) != redirect_uris.end();
}

long long OidcClientRepository::insert(soci::session& sql, const OidcClient& c) const {
  StoredForm f(c);  // not const: SOCI binds indicators by non-const reference
  const int enabled = c.enabled ? 1 : 0;
  sql << "INSERT INTO oidc_clients (client_id, name, secret_hash, client_type, redirect_uris, post_logout_redirect_uris, "
         "scopes, subject_type, id_token_alg, backchannel_logout_uri, min_level, enabled, created_by, created_at, "
         "token_endpoint_auth_method, jwks) "
         "VALUES (:cid, :name, :secret, :type, :redirects, :post_logout, :scopes, :subject, :alg, :logout, :level, "
         ":enabled, :by, :at, :auth_method, :jwks)",
      soci::use(c.client_id), soci::use(c.name), soci::use(f.secret, f.secret_ind), soci::use(c.client_type),
      soci::use(f.redirects), soci::use(f.post_logout), soci::use(c.scopes), soci::use(c.subject_type),
      soci::use(c.id_token_alg), soci::use(f.logout, f.logout_ind), soci::use(c.min_level), soci::use(enabled),
      soci::use(c.created_by), soci::use(c.created_at), soci::use(c.token_endpoint_auth_method), soci::use(f.jwks, f.jwks_ind);
  long long id = 0;
  sql << "SELECT id FROM oidc_clients WHERE client_id = :cid", soci::into(id), soci::use(c.client_id);
  return id;
}

std::optional<OidcClient> OidcClientRepository::find(soci::session& sql, const std::string& client_id) const {
  // Every token, introspection and revocation request authenticates its client: the statement
  // is prepared once per connection (store/statement_cache.h).
  Prepared<SelectClient> select(sql);
  select->client_id = client_id;
  if (!run(sql, select->st).got_data) return std::nullopt;
  return from_row(select->row);
}

std::vector<OidcClient> OidcClientRepository::list(soci::session& sql) const {
  std::vector<OidcClient> out;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT " << kColumns << " FROM oidc_clients ORDER BY id");
  for (const auto& row : rows) out.push_back(from_row(row));
  return out;
}

void OidcClientRepository::update(soci::session& sql, const OidcClient& c) const {
  StoredForm f(c);  // not const: SOCI binds indicators by non-const reference
  sql << "UPDATE oidc_clients SET name = :name, secret_hash = :secret, client_type = :type, "
         "redirect_uris = :redirects, post_logout_redirect_uris = :post_logout, scopes = :scopes, "
         "subject_type = :subject, id_token_alg = :alg, backchannel_logout_uri = :logout, "
         "min_level = :level, token_endpoint_auth_method = :auth_method, jwks = :jwks WHERE client_id = :cid",
      soci::use(c.name), soci::use(f.secret, f.secret_ind), soci::use(c.client_type), soci::use(f.redirects),
      soci::use(f.post_logout), soci::use(c.scopes), soci::use(c.subject_type), soci::use(c.id_token_alg),
      soci::use(f.logout, f.logout_ind), soci::use(c.min_level), soci::use(c.token_endpoint_auth_method),
      soci::use(f.jwks, f.jwks_ind), soci::use(c.client_id);
}

bool OidcClientRepository::disable(soci::session& sql, const std::string& client_id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE oidc_clients SET enabled = 0, disabled_at = :now "
                                       "WHERE client_id = :cid AND enabled = 1",
                        soci::use(now), soci::use(client_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace uia::store

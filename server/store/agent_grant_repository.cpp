#include "store/agent_grant_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, enterprise_id, agent_person_id, parent_grant_id, level, granted_by_person_id, granted_by_role, is_admin, "
    "scope, valid_from, valid_to, state, face_ticket, confirm_by, request_id, created_at, updated_at";

struct Row {
  AgentGrant g;
  long long parent = 0, granted_by = 0, confirm_by = 0, request = 0;
  int level = 0, is_admin = 0;
  std::string scope, ticket;
  soci::indicator parent_ind = soci::i_null, granted_ind = soci::i_null, ticket_ind = soci::i_null,
                  confirm_ind = soci::i_null, request_ind = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(g.id));
    st.exchange(soci::into(g.enterprise_id));
    st.exchange(soci::into(g.agent_person_id));
    st.exchange(soci::into(parent, parent_ind));
    st.exchange(soci::into(level));
    st.exchange(soci::into(granted_by, granted_ind));
    st.exchange(soci::into(g.granted_by_role));
    st.exchange(soci::into(is_admin));
    st.exchange(soci::into(scope));
    st.exchange(soci::into(g.valid_from));
    st.exchange(soci::into(g.valid_to));
    st.exchange(soci::into(g.state));
    st.exchange(soci::into(ticket, ticket_ind));
    st.exchange(soci::into(confirm_by, confirm_ind));
    st.exchange(soci::into(request, request_ind));
    st.exchange(soci::into(g.created_at));
    st.exchange(soci::into(g.updated_at));
  }
  AgentGrant take() const {
    AgentGrant out = g;
    out.parent_grant_id = parent_ind == soci::i_ok ? std::optional(parent) : std::nullopt;
    out.level = level;
    out.granted_by_person_id = granted_ind == soci::i_ok ? std::optional(granted_by) : std::nullopt;
    out.is_admin = is_admin != 0;
    out.scope = split_scope(scope);
    out.face_ticket = ticket_ind == soci::i_ok ? std::optional(ticket) : std::nullopt;
    out.confirm_by = confirm_ind == soci::i_ok ? std::optional(confirm_by) : std::nullopt;
    out.request_id = request_ind == soci::i_ok ? std::optional(request) : std::nullopt;
    return out;
  }
};

template <typename Key>
std::vector<AgentGrant> select_where(soci::session& sql, const std::string& where, const Key& key,
                                     const std::string& order = " ORDER BY id") {
  std::vector<AgentGrant> out;
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM enterprise_agent_grants WHERE " + where + order;
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(key));
  row.bind(st);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row.take());
  return out;
}

}  // namespace

std::string join_scope(const std::vector<std::string>& scope) {
  std::string out;
  for (const auto& item : scope) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<std::string> split_scope(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::optional<AgentGrant> AgentGrantRepository::find(soci::session& sql, long long id) const {
  auto rows = select_where(sql, "id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<AgentGrant> AgentGrantRepository::find_by_face_ticket(soci::session& sql, const std::string& ticket) const {
  auto rows = select_where(sql, "face_ticket = :t", ticket);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<AgentGrant> AgentGrantRepository::of_enterprise(soci::session& sql, long long enterprise_id) const {
  return select_where(sql, "enterprise_id = :e", enterprise_id);
}

std::vector<AgentGrant> AgentGrantRepository::of_agent(soci::session& sql, long long person_id) const {
  return select_where(sql, "agent_person_id = :p AND state NOT IN ('awaiting_face', 'face_failed')", person_id,
                      " ORDER BY id DESC");
}

std::vector<AgentGrant> AgentGrantRepository::children(soci::session& sql, long long parent_grant_id) const {
  return select_where(sql, "parent_grant_id = :p", parent_grant_id);
}

long long AgentGrantRepository::insert(soci::session& sql, const AgentGrant& g) const {
  long long parent = g.parent_grant_id.value_or(0), granted_by = g.granted_by_person_id.value_or(0),
            confirm_by = g.confirm_by.value_or(0), request = g.request_id.value_or(0);
  soci::indicator parent_ind = g.parent_grant_id ? soci::i_ok : soci::i_null,
                  granted_ind = g.granted_by_person_id ? soci::i_ok : soci::i_null,
                  confirm_ind = g.confirm_by ? soci::i_ok : soci::i_null,
                  request_ind = g.request_id ? soci::i_ok : soci::i_null,
                  ticket_ind = g.face_ticket ? soci::i_ok : soci::i_null;
  std::string ticket = g.face_ticket.value_or(""), scope = join_scope(g.scope);
  int level = g.level, is_admin = g.is_admin ? 1 : 0;
  sql << "INSERT INTO enterprise_agent_grants (enterprise_id, agent_person_id, parent_grant_id, level, "
         "granted_by_person_id, granted_by_role, is_admin, scope, valid_from, valid_to, state, face_ticket, confirm_by, "
         "request_id, created_at, updated_at) VALUES (:e, :a, :p, :l, :gb, :gr, :adm, :s, :f, :t, :st, :ft, :cb, :rq, "
         ":c, :u)",
      soci::use(g.enterprise_id), soci::use(g.agent_person_id), soci::use(parent, parent_ind), soci::use(level),
      soci::use(granted_by, granted_ind), soci::use(g.granted_by_role), soci::use(is_admin), soci::use(scope),
      soci::use(g.valid_from), soci::use(g.valid_to), soci::use(g.state), soci::use(ticket, ticket_ind),
      soci::use(confirm_by, confirm_ind), soci::use(request, request_ind), soci::use(g.created_at),
      soci::use(g.updated_at);
  // Portable "last insert id": the caller holds the enterprise's row lock (flows/agents).
  long long id = 0;
  sql << "SELECT MAX(id) FROM enterprise_agent_grants WHERE enterprise_id = :e", soci::use(g.enterprise_id),
      soci::into(id);
  return id;
}

bool AgentGrantRepository::change_state(soci::session& sql, long long id, const std::string& from, const std::string& to,
                                        long long now, std::optional<long long> confirm_by) const {
  long long confirm = confirm_by.value_or(0);
  soci::indicator confirm_ind = confirm_by ? soci::i_ok : soci::i_null;
  // COALESCE keeps an earlier deadline when this step sets none.
  soci::statement st = (sql.prepare << "UPDATE enterprise_agent_grants SET state = :to, "
                                       "confirm_by = COALESCE(:cb, confirm_by), updated_at = :u "
                                       "WHERE id = :id AND state = :from",
                        soci::use(to), soci::use(confirm, confirm_ind), soci::use(now), soci::use(id), soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void AgentGrantRepository::update_terms(soci::session& sql, const AgentGrant& g, long long now) const {
  std::string scope = join_scope(g.scope);
  int is_admin = g.is_admin ? 1 : 0;
  sql << "UPDATE enterprise_agent_grants SET scope = :s, valid_from = :f, valid_to = :t, is_admin = :a, updated_at = :u "
         "WHERE id = :id",
      soci::use(scope), soci::use(g.valid_from), soci::use(g.valid_to), soci::use(is_admin), soci::use(now),
      soci::use(g.id);
}

}  // namespace uia::store

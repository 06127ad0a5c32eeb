#include "flows/back_office/audit_query.h"

#include <soci/soci.h>

#include <map>

#include "flows/audit/audit_log.h"
#include "flows/back_office/staff_auth.h"
#include "http/percent_decode.h"
#include "http/rfc3339.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

// Keyset position: the (at, id) of the last event of the previous page.
struct Cursor {
  long long at = 0;
  long long id = 0;
};

struct AuditFilter {
  std::string actor, action, target, result;
  std::optional<long long> from, to;
  std::optional<Cursor> after;
  int limit = kDefaultLimit;
};

std::optional<long long> parse_count(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool printable_ascii(const std::string& text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

// The filter, or the 400 naming the first bad parameter.
std::variant<AuditFilter, ApiResponse> read_filter(const http::ApiRequest& request) {
  AuditFilter f;
  const auto bad = [](const char* field) { return ApiResponse::error(400, ErrorCode::FilterInvalid, field); };
  for (const auto& entry : request.query) {
    const std::string& name = entry.first;
    if (name != "actor" && name != "action" && name != "target" && name != "result" && name != "from" && name != "to" &&
        name != "limit" && name != "cursor")
      return ApiResponse::error(400, ErrorCode::FilterInvalid, printable_ascii(name) ? name.substr(0, 32) : "query");
  }
  std::map<std::string, std::string> q;
  for (const auto& [name, raw] : request.query) {
    auto decoded = http::percent_decode(raw);
    if (!decoded) return bad(name.c_str());
    q[name] = std::move(*decoded);
  }
  const auto value = [&](const char* name) { return q.count(name) ? q.at(name) : std::string(); };
  f.actor = value("actor");
  f.action = value("action");
  f.target = value("target");
  f.result = value("result");
  // Actors, actions and targets are printable ASCII ("person:42", "phone:150****0058"); other
  // bytes could not match and must not reach the SQL or the audit detail.
  if (f.actor.size() > 64 || !printable_ascii(f.actor)) return bad("actor");
  if (f.action.size() > 64 || !printable_ascii(f.action)) return bad("action");
  if (f.target.size() > 128 || !printable_ascii(f.target)) return bad("target");
  if (!f.result.empty() && f.result != "ok" && f.result != "denied" && f.result != "failed") return bad("result");
  if (const std::string from = value("from"); !from.empty()) {
    if (!(f.from = http::parse_rfc3339(from))) return bad("from");
  }
  if (const std::string to = value("to"); !to.empty()) {
    if (!(f.to = http::parse_rfc3339(to))) return bad("to");
  }
  if (f.from && f.to && *f.from > *f.to) return bad("from");
  if (const std::string limit = value("limit"); !limit.empty()) {
    const auto n = parse_count(limit);
    if (!n || *n < 1) return bad("limit");
    f.limit = static_cast<int>(std::min<long long>(*n, kMaxLimit));  // capped, not refused
  }
  if (const std::string cursor = value("cursor"); !cursor.empty()) {
    // "<at>-<id>", as next_cursor gave it.
    const std::size_t dash = cursor.find('-');
    const auto at = parse_count(cursor.substr(0, dash));
    const auto id = dash == std::string::npos ? std::nullopt : parse_count(cursor.substr(dash + 1));
    if (!at || !id || *id < 1) return bad("cursor");
    f.after = Cursor{*at, *id};
  }
  return f;
}

struct Page {
  nlohmann::json events = nlohmann::json::array();
  std::optional<Cursor> next_cursor;
};

// One statement built from the filters given, each bound by name (no text from the request
// goes into the SQL). Newest first by (at, id): every index on audit_log leads with a filter
// column and `at`, and carries the primary key after it (SQLite rowid, InnoDB clustered key),
// so the order is read off the index without sorting; id breaks ties within one second.
// The keyset test "at <= c.at AND (at < c.at OR id < c.id)" keeps a range on `at` that both
// engines use (row-value comparisons are not optimised alike everywhere).
Page read_page(soci::session& sql, const AuditFilter& f) {
  std::string where = " WHERE 1 = 1";
  if (!f.actor.empty()) where += " AND actor = :actor";
  if (!f.action.empty()) where += " AND action = :action";
  if (!f.target.empty()) where += " AND target = :target";
  if (!f.result.empty()) where += " AND result = :result";
  if (f.from) where += " AND at >= :from_at";
  if (f.to) where += " AND at < :to_at";
  if (f.after) where += " AND at <= :after_at AND (at < :after_at2 OR id < :after_id)";
  const std::string query = "SELECT id, at, actor, action, target, client_ip, result, detail, acting_for FROM audit_log" + where +
                            " ORDER BY at DESC, id DESC LIMIT " + std::to_string(f.limit + 1);
  long long id = 0, at = 0;
  std::string actor, action, target, ip, result, detail, acting_for;
  soci::indicator actor_i = soci::i_ok, target_i = soci::i_ok, ip_i = soci::i_ok, detail_i = soci::i_ok,
                  acting_i = soci::i_null;
  soci::statement st = (sql.prepare << query, soci::into(id), soci::into(at), soci::into(actor, actor_i),
                        soci::into(action), soci::into(target, target_i), soci::into(ip, ip_i), soci::into(result),
                        soci::into(detail, detail_i), soci::into(acting_for, acting_i));
  if (!f.actor.empty()) st.exchange(soci::use(f.actor, "actor"));
  if (!f.action.empty()) st.exchange(soci::use(f.action, "action"));
  if (!f.target.empty()) st.exchange(soci::use(f.target, "target"));
  if (!f.result.empty()) st.exchange(soci::use(f.result, "result"));
  if (f.from) st.exchange(soci::use(*f.from, "from_at"));
  if (f.to) st.exchange(soci::use(*f.to, "to_at"));
  if (f.after) {
    st.exchange(soci::use(f.after->at, "after_at"));
    st.exchange(soci::use(f.after->at, "after_at2"));
    st.exchange(soci::use(f.after->id, "after_id"));
  }
  st.define_and_bind();
  st.execute();
  Page page;
  Cursor last;
  int count = 0;
  const auto text = [](const std::string& value, soci::indicator i) {
    return i == soci::i_ok ? nlohmann::json(value) : nlohmann::json(nullptr);
  };
  while (st.fetch()) {
    if (count == f.limit) {  // the extra row only tells that another page exists
      page.next_cursor = last;
      break;
    }
    page.events.push_back({{"id", id}, {"at", http::format_rfc3339(at)}, {"actor", text(actor, actor_i)},
                           {"action", action}, {"target", text(target, target_i)}, {"client_ip", text(ip, ip_i)},
                           {"result", result}, {"detail", text(detail, detail_i)},
                           {"acting_for", text(acting_for, acting_i)}});
    last = Cursor{at, id};
    ++count;
  }
  return page;
}

std::string describe(const http::ApiRequest& request) {
  std::string out;
  for (const auto& [name, value] : request.query) out += (out.empty() ? "" : "&") + name + "=" + value;
  return out.substr(0, 500);
}

}  // namespace

ApiResponse query_audit_log(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "auditor");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  auto filter = read_filter(request);
  if (auto* refusal = std::get_if<ApiResponse>(&filter)) return *refusal;
  const long long now = services.now_seconds();
  // Read first, then record the reading: a query never lists its own entry.
  const Page page = services.db->with_session([&](soci::session& sql) { return read_page(sql, std::get<AuditFilter>(filter)); });
  services.db->transact([&](soci::session& sql) {
    record_audit(sql, now, {staff.actor(), "audit.query", "audit_log", request.client_ip, "ok", describe(request)});
  });
  nlohmann::json body = {{"events", page.events}, {"next_cursor", nullptr}};
  if (page.next_cursor) body["next_cursor"] = std::to_string(page.next_cursor->at) + "-" + std::to_string(page.next_cursor->id);
  return ApiResponse::json(200, body);
}

}  // namespace uia::flows

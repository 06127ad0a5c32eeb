#include "cli/cases_command.h"

#include <chrono>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/key_file_option.h"
#include "crypto/field_cipher.h"
#include "flows/appeals/case_view.h"
#include "http/rfc3339.h"
#include "store/appeal_repository.h"
#include "store/database.h"

namespace uia {
namespace {

constexpr const char* kUsage =
    "usage: uia admin cases --db URL [--keys FILE] [--overdue] [--as-of RFC3339] [--format json|csv]\n";
constexpr int kPage = 500;

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string text(const nlohmann::json& value) {
  if (value.is_null()) return "";
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

int run_cases_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string db_url, keys_path, format = "json";
  bool overdue_only = false;
  std::optional<long long> as_of;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--db" && has_value) db_url = args[++i];
    else if (args[i] == "--keys" && has_value) keys_path = args[++i];
    else if (args[i] == "--format" && has_value) format = args[++i];
    else if (args[i] == "--overdue") overdue_only = true;
    else if (args[i] == "--as-of" && has_value) {
      as_of = http::parse_rfc3339(args[++i]);
      if (!as_of) {
        err << "uia admin cases: --as-of takes a time like 2026-12-08T09:00:00+08:00\n";
        return 2;
      }
    }
    else {
      err << "uia admin cases: unexpected argument " << args[i] << '\n' << kUsage;
      return 2;
    }
  }
  if (db_url.empty() || (format != "json" && format != "csv")) {
    err << kUsage;
    return 2;
  }
  const auto keys = load_command_keys(db_url, keys_path, "uia admin cases", err);
  if (!keys) return 2;
  try {
    auto db = store::Database::open(db_url, 1);
    const crypto::FieldCipher cipher(*keys);
    const store::AppealRepository appeals(cipher);
    const long long now = as_of.value_or(now_seconds());
    if (format == "csv") out << "case_number,kind,kind_label,status,status_label,submitted_at,due_at,overdue_hours,claimed_by,applicant\n";
    store::AppealCaseFilter filter;
    filter.status = "open";
    filter.due_before = overdue_only ? now : 0;
    filter.limit = kPage;
    for (;;) {
      const auto cases = db->with_session([&](soci::session& sql) { return appeals.list(sql, filter); });
      for (const auto& appeal : cases) {
        nlohmann::json line = flows::case_summary(appeal, 0, now);
        line.erase("claimed_by_me");
        line["overdue_hours"] = flows::case_overdue(appeal, now) ? (now - appeal.due_at) / 3600 : 0;
        if (format == "json") {
          out << line.dump() << '\n';
        } else {
          out << csv_field(appeal.case_number) << ',' << appeal.kind << ',' << csv_field(text(line["kind_label"])) << ','
              << appeal.status << ',' << csv_field(text(line["status_label"])) << ',' << text(line["submitted_at"]) << ','
              << text(line["due_at"]) << ',' << line["overdue_hours"].get<long long>() << ',' << text(line["claimed_by"])
              << ',' << csv_field(text(line["applicant"])) << '\n';
        }
      }
      if (static_cast<int>(cases.size()) < kPage) break;
      filter.after_id = cases.back().id;
    }
    return 0;
  } catch (const std::exception& e) {
    err << "uia admin cases: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace uia

#include "cli/import_command.h"

#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "api/validate.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "cli/key_file_option.h"
#include "crypto/keys.h"
#include "ids/resident_id.h"
#include "policy/contact.h"
#include "policy/person_name.h"
#include "ports/clock.h"
#include "store/database.h"
#include "store/person_importer.h"

namespace uia {
namespace {
namespace fs = std::filesystem;
constexpr std::size_t kBatchRows = 2000;

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  for (auto& c : cells) {
    while (!c.empty() && (c.back() == '\r' || c.back() == ' ')) c.pop_back();
    while (!c.empty() && c.front() == ' ') c.erase(c.begin());
  }
  return cells;
}

std::optional<ValueKind> kind_for_id_type(const std::string& id_type) {
  const IdTypeInfo* type = find_id_type(id_type);
  return type ? std::optional<ValueKind>(type->kind) : std::nullopt;
}

// The row as a person, or the reason it is refused (an error code name).
std::optional<std::string> read_row(const std::vector<std::string>& cells, Date today, store::Person& p) {
  if (cells.size() != 6) return "COLUMN_COUNT";
  p = store::Person{};
  p.name = cells[0];
  p.id_type = cells[1];
  p.id_number = cells[2];
  if (Verdict v = check_person_name(p.name); !v.ok()) return std::string(code_name(v.detail));
  const auto kind = kind_for_id_type(p.id_type);
  if (!kind) return std::string(code_name(ErrorCode::IdTypeInvalid));
  p.id_number = normalize_document_number(p.id_number);
  if (Verdict v = check_document_number(*kind, p.id_number, today); !v.ok()) return std::string(code_name(v.detail));
  if (*kind == ValueKind::ResidentId) {
    const auto id = parse_resident_id(p.id_number, today);
    p.birth_date = format_date(id->birth_date);
    p.gender = id->gender == Gender::Male ? "male" : "female";
  }
  if (!cells[3].empty()) {
    if (Verdict v = check_phone(cells[3]); !v.ok()) return std::string(code_name(v.detail));
    p.phone = cells[3];
  }
  if (!cells[4].empty()) {
    if (!parse_date(cells[4])) return std::string(code_name(ErrorCode::DateInvalid)) + " id_valid_from";
    p.id_valid_from = cells[4];
  }
  if (!cells[5].empty()) {
    if (cells[5] != "long_term" && !parse_date(cells[5])) return std::string(code_name(ErrorCode::DateInvalid)) + " id_valid_to";
    p.id_valid_to = cells[5];
  }
  p.status = store::PersonStatus::PendingActivation;
  p.level = 1;
  return std::nullopt;
}

struct Progress {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_print = started;
  long long rows = 0, imported = 0, skipped = 0, rejected = 0;

  void print(std::ostream& out, std::uintmax_t bytes_read, std::uintmax_t bytes_total, bool final) {
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_print < std::chrono::seconds(1)) return;
    last_print = now;
    const double seconds = std::max(1e-3, std::chrono::duration<double>(now - started).count());
    const double rate = static_cast<double>(rows) / seconds;
    const double fraction = bytes_total ? static_cast<double>(bytes_read) / static_cast<double>(bytes_total) : 1.0;
    const double eta = fraction > 0 ? seconds / fraction - seconds : 0;
    out << "\ruia import: " << rows << " rows (" << imported << " imported, " << skipped << " already present, " << rejected
        << " rejected), " << static_cast<long long>(rate) << " rows/s, " << std::fixed << std::setprecision(1)
        << fraction * 100 << "%, ETA " << static_cast<long long>(eta) << " s" << (final ? "\n" : "") << std::flush;
  }
};

}  // namespace

int run_import_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string db_url, keys_path, report_path, file;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--db" && has_value) db_url = args[++i];
    else if (args[i] == "--keys" && has_value) keys_path = args[++i];
    else if (args[i] == "--report" && has_value) report_path = args[++i];
    else if (file.empty() && args[i].rfind("--", 0) != 0) file = args[i];
    else file.clear(), db_url.clear();
  }
  if (args.empty() || args[0] != "persons" || file.empty() || db_url.empty()) {
    err << "usage: uia import persons FILE.csv --db URL [--keys FILE] [--report FILE]\n";
    return 2;
  }
  const auto keys = load_command_keys(db_url, keys_path, "uia import", err);
  if (!keys) return 2;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    err << "uia import: cannot read " << file << '\n';
    return 2;
  }
  if (report_path.empty()) report_path = file + ".rejected.csv";
  std::ofstream report(report_path);
  report << "line,reason,row\n";

  try {
    auto db = store::Database::open(db_url, 1);
    const crypto::FieldCipher cipher(*keys);
    const crypto::BlindIndex index(*keys);
    const SystemClock clock;
    const Date today = clock.today();
    const auto bytes_total = fs::file_size(file);
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count();
    Progress progress;
    std::string line;
    long long line_number = 0;
    if (!std::getline(in, line) || line.rfind("name,id_type,id_number", 0) != 0) {
      err << "uia import: the first line must be the header name,id_type,id_number,phone,id_valid_from,id_valid_to\n";
      return 2;
    }
    ++line_number;
    bool more = true;
    while (more) {
      db->transact([&](soci::session& sql) {
        store::PersonImporter importer(sql, cipher, index);
        for (std::size_t batch = 0; batch < kBatchRows; ++batch) {
          if (!std::getline(in, line)) {
            more = false;
            return;
          }
          ++line_number;
          if (line.find_first_not_of(" \r") == std::string::npos) continue;
          ++progress.rows;
          store::Person person;
          if (auto reason = read_row(split_csv_line(line), today, person)) {
            ++progress.rejected;
            report << line_number << ',' << *reason << ',' << line << '\n';
            continue;
          }
          person.created_at = person.updated_at = now;
          switch (importer.import(person)) {
            case store::PersonImporter::Outcome::Imported: ++progress.imported; break;
            case store::PersonImporter::Outcome::AlreadyPresent: ++progress.skipped; break;
            case store::PersonImporter::Outcome::PhoneTaken:
              ++progress.rejected;
              report << line_number << ",PHONE_REGISTERED," << line << '\n';
              break;
          }
        }
      });
      const std::streamoff position = in ? static_cast<std::streamoff>(in.tellg()) : static_cast<std::streamoff>(bytes_total);
      progress.print(err, static_cast<std::uintmax_t>(position), bytes_total, false);
    }
    progress.print(err, bytes_total, bytes_total, true);
    out << "{\"rows\":" << progress.rows << ",\"imported\":" << progress.imported << ",\"skipped\":" << progress.skipped
        << ",\"rejected\":" << progress.rejected << ",\"report\":\"" << report_path << "\"}\n";
    return 0;
  } catch (const std::exception& e) {
    err << "\nuia import: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace uia

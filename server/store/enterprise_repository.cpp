#include "store/enterprise_repository.h"

#include <soci/soci.h>

#include <array>
#include <stdexcept>

namespace uia::store {
namespace {

constexpr std::array<std::pair<EnterpriseStatus, std::string_view>, 5> kStatusNames = {{
    {EnterpriseStatus::PendingFace, "pending_face"},
    {EnterpriseStatus::Unverified, "unverified"},
    {EnterpriseStatus::Active, "active"},
    {EnterpriseStatus::PendingActivation, "pending_activation"},
    {EnterpriseStatus::RegistryMismatch, "registry_mismatch"},
}};

EnterpriseStatus status_from(std::string_view name) {
  for (const auto& [value, text] : kStatusNames)
    if (text == name) return value;
  throw std::runtime_error("enterprise status unknown: " + std::string(name));
}

// SOCI 4.0 has no std::optional support: bind through a value + indicator pair.
struct Nullable {
  std::string value;
  soci::indicator indicator = soci::i_null;
  explicit Nullable(const std::optional<std::string>& from = std::nullopt) {
    if (from) {
      value = *from;
      indicator = soci::i_ok;
    }
  }
  std::optional<std::string> get() const { return indicator == soci::i_ok ? std::optional(value) : std::nullopt; }
};
struct NullableId {
  long long value = 0;
  soci::indicator indicator = soci::i_null;
  explicit NullableId(const std::optional<long long>& from = std::nullopt) {
    if (from) {
      value = *from;
      indicator = soci::i_ok;
    }
  }
  std::optional<long long> get() const { return indicator == soci::i_ok ? std::optional(value) : std::nullopt; }
};

// Registry text columns are nullable; an empty value is stored as NULL.
std::optional<std::string> text_or_null(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// The bindings every write shares, sealed once.
struct Row {
  Nullable account, valid_from, valid_to, phone_enc, phone_index, password, address, capital, established, term,
      scope, industry, business_status, authority;
  NullableId rep_person, checked_at;
  std::string rep_enc, rep_index, status;
  int confirmed = 0;
};

Row row_of(const EnterpriseRepository& repo, const crypto::FieldCipher& cipher, const Enterprise& e) {
  Row r;
  r.account = Nullable(e.account ? std::optional(repo.account_key(*e.account)) : std::nullopt);
  r.valid_from = Nullable(e.rep_id_valid_from);
  r.valid_to = Nullable(e.rep_id_valid_to);
  r.phone_enc = Nullable(e.phone ? std::optional(cipher.seal(*e.phone, "enterprise.phone")) : std::nullopt);
  r.phone_index = Nullable(e.phone ? std::optional(repo.phone_index(*e.phone)) : std::nullopt);
  r.password = Nullable(e.password_hash);
  r.address = Nullable(text_or_null(e.registry.registered_address));
  r.capital = Nullable(text_or_null(e.registry.registered_capital));
  r.established = Nullable(text_or_null(e.registry.established_date));
  r.term = Nullable(text_or_null(e.registry.business_term));
  r.scope = Nullable(text_or_null(e.registry.business_scope));
  r.industry = Nullable(text_or_null(e.registry.industry));
  r.business_status = Nullable(text_or_null(e.registry.business_status));
  r.authority = Nullable(text_or_null(e.registry.registration_authority));
  r.rep_person = NullableId(e.rep_person_id);
  r.checked_at = NullableId(e.registry_checked_at);
  r.rep_enc = cipher.seal(e.rep_id_number, "enterprise.rep_id_number");
  r.rep_index = repo.rep_id_number_index(e.rep_id_number);
  r.status = std::string(enterprise_status_name(e.status));
  r.confirmed = e.registry_confirmed ? 1 : 0;
  return r;
}

constexpr const char* kColumns =
    "id, account, uscc, name, org_type, rep_person_id, rep_name, rep_id_type, rep_id_number_enc, rep_id_valid_from, "
    "rep_id_valid_to, phone_enc, password_hash, status, registry_confirmed, registry_checked_at, registered_address, "
    "registered_capital, established_date, business_term, business_scope, industry, business_status, "
    "registration_authority, created_at, updated_at";

}  // namespace

std::string_view enterprise_status_name(EnterpriseStatus status) {
  for (const auto& [value, name] : kStatusNames)
    if (value == status) return name;
  return "pending_face";
}

std::string EnterpriseRepository::account_key(const std::string& account) const {
  std::string key = account;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

long long EnterpriseRepository::insert(soci::session& sql, const Enterprise& e) const {
  Row r = row_of(*this, cipher_, e);
  sql << "INSERT INTO enterprises (account, uscc, name, org_type, rep_person_id, rep_name, rep_id_type, "
         "rep_id_number_enc, rep_id_number_index, rep_id_valid_from, rep_id_valid_to, phone_enc, phone_index, "
         "password_hash, status, registry_confirmed, registry_checked_at, registered_address, registered_capital, "
         "established_date, business_term, business_scope, industry, business_status, registration_authority, "
         "created_at, updated_at) VALUES (:account, :uscc, :name, :org_type, :rep_person, :rep_name, :rep_type, "
         ":rep_enc, :rep_index, :valid_from, :valid_to, :phone_enc, :phone_index, :password, :status, :confirmed, "
         ":checked, :address, :capital, :established, :term, :scope, :industry, :bstatus, :authority, :created, "
         ":updated)",
      soci::use(r.account.value, r.account.indicator), soci::use(e.uscc), soci::use(e.name), soci::use(e.org_type),
      soci::use(r.rep_person.value, r.rep_person.indicator), soci::use(e.rep_name), soci::use(e.rep_id_type),
      soci::use(r.rep_enc), soci::use(r.rep_index), soci::use(r.valid_from.value, r.valid_from.indicator),
      soci::use(r.valid_to.value, r.valid_to.indicator), soci::use(r.phone_enc.value, r.phone_enc.indicator),
      soci::use(r.phone_index.value, r.phone_index.indicator), soci::use(r.password.value, r.password.indicator),
      soci::use(r.status), soci::use(r.confirmed), soci::use(r.checked_at.value, r.checked_at.indicator),
      soci::use(r.address.value, r.address.indicator), soci::use(r.capital.value, r.capital.indicator),
      soci::use(r.established.value, r.established.indicator), soci::use(r.term.value, r.term.indicator),
      soci::use(r.scope.value, r.scope.indicator), soci::use(r.industry.value, r.industry.indicator),
      soci::use(r.business_status.value, r.business_status.indicator),
      soci::use(r.authority.value, r.authority.indicator), soci::use(e.created_at), soci::use(e.updated_at);
  long long id = 0;
  // Portable "last insert id": the USCC is unique.
  sql << "SELECT id FROM enterprises WHERE uscc = :u", soci::use(e.uscc), soci::into(id);
  return id;
}

void EnterpriseRepository::update(soci::session& sql, const Enterprise& e) const {
  Row r = row_of(*this, cipher_, e);
  sql << "UPDATE enterprises SET account = :account, uscc = :uscc, name = :name, org_type = :org_type, "
         "rep_person_id = :rep_person, rep_name = :rep_name, rep_id_type = :rep_type, rep_id_number_enc = :rep_enc, "
         "rep_id_number_index = :rep_index, rep_id_valid_from = :valid_from, rep_id_valid_to = :valid_to, "
         "phone_enc = :phone_enc, phone_index = :phone_index, password_hash = :password, status = :status, "
         "registry_confirmed = :confirmed, registry_checked_at = :checked, registered_address = :address, "
         "registered_capital = :capital, established_date = :established, business_term = :term, "
         "business_scope = :scope, industry = :industry, business_status = :bstatus, "
         "registration_authority = :authority, updated_at = :updated WHERE id = :id",
      soci::use(r.account.value, r.account.indicator), soci::use(e.uscc), soci::use(e.name), soci::use(e.org_type),
      soci::use(r.rep_person.value, r.rep_person.indicator), soci::use(e.rep_name), soci::use(e.rep_id_type),
      soci::use(r.rep_enc), soci::use(r.rep_index), soci::use(r.valid_from.value, r.valid_from.indicator),
      soci::use(r.valid_to.value, r.valid_to.indicator), soci::use(r.phone_enc.value, r.phone_enc.indicator),
      soci::use(r.phone_index.value, r.phone_index.indicator), soci::use(r.password.value, r.password.indicator),
      soci::use(r.status), soci::use(r.confirmed), soci::use(r.checked_at.value, r.checked_at.indicator),
      soci::use(r.address.value, r.address.indicator), soci::use(r.capital.value, r.capital.indicator),
      soci::use(r.established.value, r.established.indicator), soci::use(r.term.value, r.term.indicator),
      soci::use(r.scope.value, r.scope.indicator), soci::use(r.industry.value, r.industry.indicator),
      soci::use(r.business_status.value, r.business_status.indicator),
      soci::use(r.authority.value, r.authority.indicator), soci::use(e.updated_at), soci::use(e.id);
}

std::optional<Enterprise> EnterpriseRepository::find_where(soci::session& sql, const std::string& where,
                                                           const std::string& value) const {
  Enterprise e;
  Nullable account, valid_from, valid_to, phone_enc, password, address, capital, established, term, scope, industry,
      business_status, authority;
  NullableId rep_person, checked_at;
  std::string rep_enc, status;
  int confirmed = 0;
  const std::string query = std::string("SELECT ") + kColumns + " FROM enterprises WHERE " + where;
  sql << query, soci::use(value, "v"), soci::into(e.id), soci::into(account.value, account.indicator),
      soci::into(e.uscc), soci::into(e.name), soci::into(e.org_type), soci::into(rep_person.value, rep_person.indicator),
      soci::into(e.rep_name), soci::into(e.rep_id_type), soci::into(rep_enc),
      soci::into(valid_from.value, valid_from.indicator), soci::into(valid_to.value, valid_to.indicator),
      soci::into(phone_enc.value, phone_enc.indicator), soci::into(password.value, password.indicator),
      soci::into(status), soci::into(confirmed), soci::into(checked_at.value, checked_at.indicator),
      soci::into(address.value, address.indicator), soci::into(capital.value, capital.indicator),
      soci::into(established.value, established.indicator), soci::into(term.value, term.indicator),
      soci::into(scope.value, scope.indicator), soci::into(industry.value, industry.indicator),
      soci::into(business_status.value, business_status.indicator), soci::into(authority.value, authority.indicator),
      soci::into(e.created_at), soci::into(e.updated_at);
  if (!sql.got_data()) return std::nullopt;
  e.account = account.get();
  e.rep_person_id = rep_person.get();
  const auto rep_id = cipher_.open(rep_enc, "enterprise.rep_id_number");
  if (!rep_id) throw std::runtime_error("enterprise " + std::to_string(e.id) + ": representative ID does not decrypt");
  e.rep_id_number = *rep_id;
  e.rep_id_valid_from = valid_from.get();
  e.rep_id_valid_to = valid_to.get();
  if (const auto sealed = phone_enc.get()) {
    const auto phone = cipher_.open(*sealed, "enterprise.phone");
    if (!phone) throw std::runtime_error("enterprise " + std::to_string(e.id) + ": phone does not decrypt");
    e.phone = *phone;
  }
  e.password_hash = password.get();
  e.status = status_from(status);
  e.registry_confirmed = confirmed != 0;
  e.registry_checked_at = checked_at.get();
  e.registry.registered_address = address.value;
  e.registry.registered_capital = capital.value;
  e.registry.established_date = established.value;
  e.registry.business_term = term.value;
  e.registry.business_scope = scope.value;
  e.registry.industry = industry.value;
  e.registry.business_status = business_status.value;
  e.registry.registration_authority = authority.value;
  return e;
}

std::optional<Enterprise> EnterpriseRepository::find_by_id(soci::session& sql, long long id) const {
  return find_where(sql, "id = :v", std::to_string(id));
}

std::optional<Enterprise> EnterpriseRepository::find_by_uscc(soci::session& sql, const std::string& uscc) const {
  return find_where(sql, "uscc = :v", uscc);
}

std::optional<Enterprise> EnterpriseRepository::find_by_account(soci::session& sql, const std::string& account) const {
  return find_where(sql, "account = :v", account_key(account));
}

std::optional<Enterprise> EnterpriseRepository::find_by_account_or_uscc(soci::session& sql,
                                                                        const std::string& identifier) const {
  if (auto found = find_by_uscc(sql, identifier)) return found;
  return find_by_account(sql, identifier);
}

bool EnterpriseRepository::change_status(soci::session& sql, long long id, EnterpriseStatus from, EnterpriseStatus to,
                                         long long now) const {
  const std::string from_name(enterprise_status_name(from)), to_name(enterprise_status_name(to));
  soci::statement st = (sql.prepare << "UPDATE enterprises SET status = :to, updated_at = :now WHERE id = :id AND status = :from",
                        soci::use(to_name), soci::use(now), soci::use(id), soci::use(from_name));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void EnterpriseRepository::remove(soci::session& sql, long long id) const {
  sql << "DELETE FROM enterprises WHERE id = :id", soci::use(id);
}

std::vector<long long> EnterpriseRepository::unverified_ids(soci::session& sql, int limit) const {
  const std::string status(enterprise_status_name(EnterpriseStatus::Unverified));
  std::vector<long long> ids;
  long long id = 0;
  // `limit` is an int the caller bounded; LIMIT cannot be bound on every backend. Never-checked
  // rows (NULL) sort first on both backends.
  soci::statement st = (sql.prepare << "SELECT id FROM enterprises WHERE status = :s ORDER BY registry_checked_at, id LIMIT " +
                                           std::to_string(limit),
                        soci::use(status), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

}  // namespace uia::store

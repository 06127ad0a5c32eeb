#include "store/person_repository.h"

#include <soci/soci.h>

#include <array>
#include <stdexcept>

#include "store/statement_cache.h"

namespace uia::store {
namespace {

constexpr std::array<std::pair<PersonStatus, std::string_view>, 6> kStatusNames = {{
    {PersonStatus::Active, "active"},
    {PersonStatus::PendingFace, "pending_face"},
    {PersonStatus::PendingReview, "pending_review"},
    {PersonStatus::PendingActivation, "pending_activation"},
    {PersonStatus::Deleted, "deleted"},
    {PersonStatus::Rejected, "rejected"},  // back-office review said no
}};

// SOCI 4.0 has no std::optional support: bind through a value + indicator pair.
struct NullableText {
  std::string value;
  soci::indicator indicator = soci::i_null;
  explicit NullableText(const std::optional<std::string>& from = std::nullopt) {
    if (from) {
      value = *from;
      indicator = soci::i_ok;
    }
  }
  std::optional<std::string> get() const {
    return indicator == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
  }
};

constexpr const char* kColumns =
    "id, account, name, id_type, id_number_enc, phone_enc, email_enc, gender, birth_date, id_valid_from, "
    "id_valid_to, password_hash, status, level, created_at, updated_at, email_verified_at";

// The kColumns of one persons row, as SOCI binds them (by reference: the row outlives its statement).
struct PersonRow {
  Person p;
  NullableText account, phone_enc, email_enc, gender, birth, from, to, password;
  std::string id_enc, status;
  long long email_verified_at = 0;
  soci::indicator email_verified = soci::i_null;
};

// SELECT kColumns FROM persons WHERE `where`, into `r`; the caller binds the values of `where`.
soci::statement select_persons(soci::session& sql, const std::string& where, PersonRow& r) {
  return (sql.prepare << "SELECT " << kColumns << " FROM persons WHERE " << where, soci::into(r.p.id),
          soci::into(r.account.value, r.account.indicator), soci::into(r.p.name), soci::into(r.p.id_type),
          soci::into(r.id_enc), soci::into(r.phone_enc.value, r.phone_enc.indicator),
          soci::into(r.email_enc.value, r.email_enc.indicator), soci::into(r.gender.value, r.gender.indicator),
          soci::into(r.birth.value, r.birth.indicator), soci::into(r.from.value, r.from.indicator),
          soci::into(r.to.value, r.to.indicator), soci::into(r.password.value, r.password.indicator),
          soci::into(r.status), soci::into(r.p.level), soci::into(r.p.created_at), soci::into(r.p.updated_at),
          soci::into(r.email_verified_at, r.email_verified));
}

// The person a fetched row holds, its sealed fields opened.
Person person_of(const PersonRow& r, const crypto::FieldCipher& cipher) {
  Person p = r.p;
  p.account = r.account.get();
  const auto id_number = cipher.open(r.id_enc, "person.id_number");
  if (!id_number) throw std::runtime_error("person " + std::to_string(p.id) + ": ID number does not decrypt");
  p.id_number = *id_number;
  if (auto sealed = r.phone_enc.get()) p.phone = cipher.open(*sealed, "person.phone");
  if (auto sealed = r.email_enc.get()) p.email = cipher.open(*sealed, "person.email");
  p.gender = r.gender.get();
  p.birth_date = r.birth.get();
  p.id_valid_from = r.from.get();
  p.id_valid_to = r.to.get();
  p.password_hash = r.password.get();
  p.status = status_from_name(r.status).value_or(PersonStatus::Active);
  if (r.email_verified == soci::i_ok && p.email) p.email_verified_at = r.email_verified_at;
  return p;
}

// The look-up by id, on every signed-in request, userinfo and the ID token: prepared once per
// pooled connection (store/statement_cache.h).
struct SelectPersonById {
  PersonRow row;
  long long id = 0;
  soci::statement st;
  explicit SelectPersonById(soci::session& sql) : st(select_persons(sql, "id = :id", row)) {
    st.exchange(soci::use(id, "id"));
    st.define_and_bind();
  }
};

}  // namespace

std::string_view status_name(PersonStatus status) {
  for (const auto& [value, name] : kStatusNames)
    if (value == status) return name;
  return "active";
}

std::optional<PersonStatus> status_from_name(std::string_view name) {
  for (const auto& [value, text] : kStatusNames)
    if (text == name) return value;
  return std::nullopt;
}

std::string PersonRepository::account_key(const std::string& account) const {
  std::string key = account;
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

long long PersonRepository::insert(soci::session& sql, const Person& p) const {
  NullableText account(p.account ? std::optional<std::string>(account_key(*p.account)) : std::nullopt);
  const std::string id_enc = cipher_.seal(p.id_number, "person.id_number");
  const std::string id_index = id_number_index(p.id_number);
  NullableText phone_enc(p.phone ? std::optional<std::string>(cipher_.seal(*p.phone, "person.phone")) : std::nullopt);
  NullableText phone_idx(p.phone ? std::optional<std::string>(phone_index(*p.phone)) : std::nullopt);
  NullableText email_enc(p.email ? std::optional<std::string>(cipher_.seal(*p.email, "person.email")) : std::nullopt);
  NullableText email_idx(p.email ? std::optional<std::string>(email_index(*p.email)) : std::nullopt);
  NullableText gender(p.gender), birth(p.birth_date), from(p.id_valid_from), to(p.id_valid_to),
      password(p.password_hash);
  const std::string status(status_name(p.status));
  sql << "INSERT INTO persons (account, name, id_type, id_number_enc, id_number_index, phone_enc, phone_index, "
         "email_enc, email_index, gender, birth_date, id_valid_from, id_valid_to, password_hash, status, level, "
         "created_at, updated_at) VALUES (:account, :name, :id_type, :id_enc, :id_index, :phone_enc, :phone_index, "
         ":email_enc, :email_index, :gender, :birth, :valid_from, :valid_to, :password, :status, :level, :created, "
         ":updated)",
      soci::use(account.value, account.indicator), soci::use(p.name), soci::use(p.id_type), soci::use(id_enc),
      soci::use(id_index), soci::use(phone_enc.value, phone_enc.indicator),
      soci::use(phone_idx.value, phone_idx.indicator), soci::use(email_enc.value, email_enc.indicator),
      soci::use(email_idx.value, email_idx.indicator), soci::use(gender.value, gender.indicator),
      soci::use(birth.value, birth.indicator), soci::use(from.value, from.indicator),
      soci::use(to.value, to.indicator), soci::use(password.value, password.indicator), soci::use(status),
      soci::use(p.level), soci::use(p.created_at), soci::use(p.updated_at);
  long long id = 0;
  // Portable "last insert id": the row we just wrote is the only one with this id index + type.
  sql << "SELECT id FROM persons WHERE id_type = :t AND id_number_index = :i", soci::use(p.id_type),
      soci::use(id_index), soci::into(id);
  return id;
}

std::optional<Person> PersonRepository::find_where(soci::session& sql, const std::string& where,
                                                   const std::string& value) const {
  return find_where(sql, where, value, std::string());
}

std::optional<Person> PersonRepository::find_where(soci::session& sql, const std::string& where,
                                                   const std::string& a, const std::string& b) const {
  PersonRow row;
  soci::statement st = select_persons(sql, where, row);
  st.exchange(soci::use(a, "a"));
  if (where.find(":b") != std::string::npos) st.exchange(soci::use(b, "b"));
  st.define_and_bind();
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return person_of(row, cipher_);
}

std::optional<Person> PersonRepository::find_by_id(soci::session& sql, long long id) const {
  Prepared<SelectPersonById> select(sql);
  select->id = id;
  if (!run(sql, select->st).got_data) return std::nullopt;
  return person_of(select->row, cipher_);
}

std::optional<Person> PersonRepository::find_by_account(soci::session& sql, const std::string& account) const {
  return find_where(sql, "account = :a", account_key(account));
}

std::optional<Person> PersonRepository::find_by_phone(soci::session& sql, const std::string& phone) const {
  return find_where(sql, "phone_index = :a", phone_index(phone));
}

std::optional<Person> PersonRepository::find_by_id_number(soci::session& sql, const std::string& id_type,
                                                          const std::string& id_number) const {
  return find_where(sql, "id_number_index = :a AND id_type = :b", id_number_index(id_number), id_type);
}

std::optional<Person> PersonRepository::find_by_any_id_number(soci::session& sql, const std::string& id_number) const {
  return find_where(sql, "id_number_index = :a ORDER BY id LIMIT 1", id_number_index(id_number));
}

void PersonRepository::update_status(soci::session& sql, long long id, PersonStatus status, int level,
                                     long long now) const {
  const std::string name(status_name(status));
  sql << "UPDATE persons SET status = :s, level = :l, updated_at = :u WHERE id = :id", soci::use(name),
      soci::use(level), soci::use(now), soci::use(id);
}

void PersonRepository::update_password(soci::session& sql, long long id, const std::string& password_hash,
                                       long long now) const {
  sql << "UPDATE persons SET password_hash = :p, updated_at = :u WHERE id = :id", soci::use(password_hash),
      soci::use(now), soci::use(id);
}

void PersonRepository::activate(soci::session& sql, long long id, const std::optional<std::string>& account,
                                const std::string& password_hash, long long now) const {
  const std::string status(status_name(PersonStatus::Active));
  if (!account) {  // a profile without login names of one's own (seed 001, 003)
    sql << "UPDATE persons SET password_hash = :p, status = :s, level = 2, updated_at = :u WHERE id = :id",
        soci::use(password_hash), soci::use(status), soci::use(now), soci::use(id);
    return;
  }
  const std::string key = account_key(*account);
  sql << "UPDATE persons SET account = :a, password_hash = :p, status = :s, level = 2, updated_at = :u WHERE id = :id",
      soci::use(key), soci::use(password_hash), soci::use(status), soci::use(now), soci::use(id);
}

void PersonRepository::update_phone(soci::session& sql, long long id, const std::string& phone, long long now) const {
  const std::string sealed = cipher_.seal(phone, "person.phone");
  const std::string index = phone_index(phone);
  sql << "UPDATE persons SET phone_enc = :e, phone_index = :i, updated_at = :u WHERE id = :id", soci::use(sealed),
      soci::use(index), soci::use(now), soci::use(id);
}

void PersonRepository::clear_phone(soci::session& sql, long long id, long long now) const {
  sql << "UPDATE persons SET phone_enc = NULL, phone_index = NULL, updated_at = :u WHERE id = :id", soci::use(now),
      soci::use(id);
}

void PersonRepository::clear_email(soci::session& sql, long long id, long long now) const {
  sql << "UPDATE persons SET email_enc = NULL, email_index = NULL, email_verified_at = NULL, updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(id);
}

void PersonRepository::update_name(soci::session& sql, long long id, const std::string& name, int level,
                                   long long now) const {
  sql << "UPDATE persons SET name = :n, level = :l, updated_at = :u WHERE id = :id", soci::use(name), soci::use(level),
      soci::use(now), soci::use(id);
}

void PersonRepository::update_id_validity(soci::session& sql, long long id, const std::optional<std::string>& valid_from,
                                          const std::optional<std::string>& valid_to, long long now) const {
  NullableText from(valid_from), to(valid_to);
  sql << "UPDATE persons SET id_valid_from = :f, id_valid_to = :t, updated_at = :u WHERE id = :id",
      soci::use(from.value, from.indicator), soci::use(to.value, to.indicator), soci::use(now), soci::use(id);
}

void PersonRepository::set_verified_email(soci::session& sql, long long id, const std::string& email, long long now) const {
  const std::string sealed = cipher_.seal(email, "person.email");
  const std::string index = email_index(email);
  sql << "UPDATE persons SET email_enc = :e, email_index = :i, email_verified_at = :v, updated_at = :u WHERE id = :id",
      soci::use(sealed), soci::use(index), soci::use(now), soci::use(now), soci::use(id);
}

std::optional<Person> PersonRepository::find_by_email(soci::session& sql, const std::string& email) const {
  return find_where(sql, "email_index = :a", email_index(email));
}

void PersonRepository::erase_personal_data(soci::session& sql, long long id, long long now) const {
  const std::string erased_number = cipher_.seal("", "person.id_number");
  const std::string tombstone = "deleted:" + std::to_string(id);  // unique, matches no blind index
  const std::string status(status_name(PersonStatus::Deleted));
  sql << "UPDATE persons SET account = NULL, name = '已注销', id_number_enc = :e, id_number_index = :t, phone_enc = NULL, "
         "phone_index = NULL, email_enc = NULL, email_index = NULL, gender = NULL, birth_date = NULL, id_valid_from = NULL, "
         "id_valid_to = NULL, password_hash = NULL, email_verified_at = NULL, status = :s, level = 0, updated_at = :u WHERE id = :id",
      soci::use(erased_number), soci::use(tombstone), soci::use(status), soci::use(now), soci::use(id);
}

std::vector<long long> PersonRepository::ids_with_status(soci::session& sql, PersonStatus status, long long after_id,
                                                        int limit) const {
  const std::string name(status_name(status));
  std::vector<long long> ids;
  long long id = 0;
  // `limit` is an int the caller bounded; it goes into the text because LIMIT cannot be bound
  // on every backend.
  soci::statement st = (sql.prepare << "SELECT id FROM persons WHERE status = :s AND id > :after ORDER BY id LIMIT " +
                                           std::to_string(limit),
                        soci::use(name), soci::use(after_id), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

bool PersonRepository::change_status(soci::session& sql, long long id, PersonStatus from, PersonStatus to, int level,
                                     long long now) const {
  const std::string old_name(status_name(from)), new_name(status_name(to));
  soci::statement st = (sql.prepare << "UPDATE persons SET status = :s, level = :l, updated_at = :u WHERE id = :id AND status = :old",
                        soci::use(new_name), soci::use(level), soci::use(now), soci::use(id), soci::use(old_name));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace uia::store

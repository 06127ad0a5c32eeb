// The only place person rows are read and written. ID numbers, phones and e-mail addresses are
// sealed with the field cipher and found through blind indexes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

#include "crypto/field_cipher.h"
#include "store/person.h"

namespace uia::store {

class PersonRepository {
 public:
  PersonRepository(const crypto::FieldCipher& cipher, const crypto::BlindIndex& index)
      : cipher_(cipher), index_(index) {}

  // Inserts and returns the new id.
  long long insert(soci::session& sql, const Person& person) const;
  std::optional<Person> find_by_id(soci::session& sql, long long id) const;
  std::optional<Person> find_by_account(soci::session& sql, const std::string& account) const;
  std::optional<Person> find_by_phone(soci::session& sql, const std::string& phone) const;
  std::optional<Person> find_by_id_number(soci::session& sql, const std::string& id_type,
                                          const std::string& id_number) const;
  // Any document type with this number (login by ID number does not name the type).
  std::optional<Person> find_by_any_id_number(soci::session& sql, const std::string& id_number) const;
  void update_status(soci::session& sql, long long id, PersonStatus status, int level, long long now) const;
  void update_password(soci::session& sql, long long id, const std::string& password_hash, long long now) const;
  // An imported account gets its account name and password and becomes active (level 2: the
  // import came from a system that had checked the person's identity).
  void activate(soci::session& sql, long long id, const std::optional<std::string>& account, const std::string& password_hash,
                long long now) const;
  void update_phone(soci::session& sql, long long id, const std::string& phone, long long now) const;
  // An approved appeal takes the phone (or the whole account) from its holder: the phone, and
  // for a moved account the e-mail, leave the account.
  void clear_phone(soci::session& sql, long long id, long long now) const;
  void clear_email(soci::session& sql, long long id, long long now) const;
  // The personal centre (flows/profile, flows/email): a re-verified name with the level that
  // follows from the check, validity dates (nullopt clears them), a proven e-mail address.
  void update_name(soci::session& sql, long long id, const std::string& name, int level, long long now) const;
  void update_id_validity(soci::session& sql, long long id, const std::optional<std::string>& valid_from,
                          const std::optional<std::string>& valid_to, long long now) const;
  void set_verified_email(soci::session& sql, long long id, const std::string& email, long long now) const;
  std::optional<Person> find_by_email(soci::session& sql, const std::string& email) const;
  // Account deletion: the row stays (ids in the audit trail keep meaning something) but every
  // personal field is erased, and the account name, document and phone become free again.
  void erase_personal_data(soci::session& sql, long long id, long long now) const;

  std::string phone_index(const std::string& phone) const { return index_("phone", phone); }
  std::string id_number_index(const std::string& id_number) const { return index_("id_number", id_number); }
  // E-mail addresses are compared lower-cased (see flows/email/email_address.h).
  std::string email_index(const std::string& email) const { return index_("email", email); }
  std::string account_key(const std::string& account) const;  // case-insensitive uniqueness

  // Ids of persons in `status`, ascending, after `after_id`, at most `limit` (a work queue that
  // pages by id, e.g. registrations waiting for back-office review).
  std::vector<long long> ids_with_status(soci::session& sql, PersonStatus status, long long after_id, int limit) const;
  // Moves the person from `from` to `to` only if still in `from`; false when another writer
  // changed the status first (a compare-and-set: two reviewers deciding at once, one wins).
  bool change_status(soci::session& sql, long long id, PersonStatus from, PersonStatus to, int level, long long now) const;

 private:
  std::optional<Person> find_where(soci::session& sql, const std::string& where, const std::string& value) const;
  std::optional<Person> find_where(soci::session& sql, const std::string& where, const std::string& a,
                                   const std::string& b) const;

  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
};

}  // namespace uia::store

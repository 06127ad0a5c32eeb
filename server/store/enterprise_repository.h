// The only place enterprise rows are read and written. The representative's ID number and the
// contact phone are sealed with the field cipher; the ID number is also kept as a blind index so
// the enterprises a person represents can be found.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

#include "crypto/field_cipher.h"
#include "store/enterprise.h"

namespace uia::store {

class EnterpriseRepository {
 public:
  EnterpriseRepository(const crypto::FieldCipher& cipher, const crypto::BlindIndex& index)
      : cipher_(cipher), index_(index) {}

  // Inserts and returns the new id.
  long long insert(soci::session& sql, const Enterprise& enterprise) const;
  std::optional<Enterprise> find_by_id(soci::session& sql, long long id) const;
  std::optional<Enterprise> find_by_uscc(soci::session& sql, const std::string& uscc) const;
  std::optional<Enterprise> find_by_account(soci::session& sql, const std::string& account) const;
  // Sign-in and recovery name the enterprise by account or USCC (an account never looks like a
  // USCC: it starts with a letter and is lower-cased, a USCC is upper case, 18 characters).
  std::optional<Enterprise> find_by_account_or_uscc(soci::session& sql, const std::string& identifier) const;
  // Every column but id and created_at, from `enterprise`.
  void update(soci::session& sql, const Enterprise& enterprise) const;
  // Moves the enterprise from `from` to `to` only if still in `from` (a compare-and-set: the
  // periodic re-check and a face callback never undo each other).
  bool change_status(soci::session& sql, long long id, EnterpriseStatus from, EnterpriseStatus to, long long now) const;
  void remove(soci::session& sql, long long id) const;
  // Ids of unverified enterprises least recently checked first, at most `limit`.
  std::vector<long long> unverified_ids(soci::session& sql, int limit) const;

  std::string account_key(const std::string& account) const;  // case-insensitive uniqueness
  std::string rep_id_number_index(const std::string& id_number) const { return index_("enterprise_rep", id_number); }
  std::string phone_index(const std::string& phone) const { return index_("phone", phone); }

 private:
  std::optional<Enterprise> find_where(soci::session& sql, const std::string& where, const std::string& value) const;

  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
};

}  // namespace uia::store

// The addresses table (personal centre: 联系地址 and EMS 邮寄地址): rows belong to one person and
// are only ever read or changed together with that person's id, so another person's address id
// simply is not found. The recipient's phone is sealed with the field cipher.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

#include "crypto/field_cipher.h"

namespace uia::store {

struct Address {
  long long id = 0;
  long long person_id = 0;
  std::string kind;  // "contact" | "postal"
  std::string recipient;
  std::string phone;  // plaintext in memory only
  std::string region;
  std::optional<std::string> region_code;
  std::string detail;
  std::optional<std::string> postcode;
  bool is_default = false;
  long long created_at = 0;
  long long updated_at = 0;
};

class AddressRepository {
 public:
  explicit AddressRepository(const crypto::FieldCipher& cipher) : cipher_(cipher) {}

  // Default first, then newest first.
  std::vector<Address> list(soci::session& sql, long long person_id) const;
  std::optional<Address> find(soci::session& sql, long long person_id, long long id) const;
  long long count(soci::session& sql, long long person_id) const;
  long long insert(soci::session& sql, const Address& address) const;  // returns the new id
  void update(soci::session& sql, const Address& address) const;
  void remove(soci::session& sql, long long person_id, long long id) const;
  // Makes `id` the only default of its person and kind.
  void make_default(soci::session& sql, long long person_id, const std::string& kind, long long id) const;
  // The newest address of a kind, to inherit the default when the default goes; 0 when none.
  long long newest_of_kind(soci::session& sql, long long person_id, const std::string& kind) const;
  bool has_default(soci::session& sql, long long person_id, const std::string& kind) const;

 private:
  const crypto::FieldCipher& cipher_;
};

}  // namespace uia::store

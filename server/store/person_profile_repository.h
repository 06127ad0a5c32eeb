// The person_profiles row (基本信息) beside a person: picker values in clear, free text sealed
// with the field cipher like phones. No row means nothing entered yet.
#pragma once
#include <optional>

#include <soci/session.h>

#include "crypto/field_cipher.h"
#include "store/person_profile.h"

namespace uia::store {

class PersonProfileRepository {
 public:
  explicit PersonProfileRepository(const crypto::FieldCipher& cipher) : cipher_(cipher) {}

  BasicInfo load(soci::session& sql, long long person_id) const;
  // Insert or replace the whole row.
  void save(soci::session& sql, long long person_id, const BasicInfo& info, long long now) const;
  void erase(soci::session& sql, long long person_id) const;

 private:
  const crypto::FieldCipher& cipher_;
};

}  // namespace uia::store

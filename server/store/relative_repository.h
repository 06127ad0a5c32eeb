// The relatives table (亲属): rows belong to one person and are only read or changed together
// with that person's id. The relative's ID number is sealed with the field cipher and indexed
// by keyed hash, so "is this relative already on my list" needs no decryption.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

#include "crypto/field_cipher.h"

namespace uia::store {

struct Relative {
  long long id = 0;
  long long person_id = 0;
  std::string relation;   // spouse, parent, child, ...
  std::string name;
  std::string id_type;    // resident, hk_macau_permit, taiwan_permit
  std::string id_number;  // plaintext in memory only
  std::string birth_date;  // YYYY-MM-DD
  std::optional<std::string> id_valid_from, id_valid_to;  // "long_term" allowed in id_valid_to
  std::string status;     // verified | pending_face | face_failed
  std::optional<std::string> face_ticket;
  long long created_at = 0;
  long long updated_at = 0;
};

class RelativeRepository {
 public:
  RelativeRepository(const crypto::FieldCipher& cipher, const crypto::BlindIndex& index) : cipher_(cipher), index_(index) {}

  std::vector<Relative> list(soci::session& sql, long long person_id) const;  // oldest first
  std::optional<Relative> find(soci::session& sql, long long person_id, long long id) const;
  std::optional<Relative> find_by_face_ticket(soci::session& sql, const std::string& ticket) const;
  // The relative of `person_id` with this document number, other than `except_id`.
  bool has_document(soci::session& sql, long long person_id, const std::string& id_number, long long except_id) const;
  long long count(soci::session& sql, long long person_id) const;
  long long insert(soci::session& sql, const Relative& relative) const;  // returns the new id
  void update(soci::session& sql, const Relative& relative) const;
  void set_status(soci::session& sql, long long id, const std::string& status, const std::optional<std::string>& ticket,
                  long long now) const;
  void remove(soci::session& sql, long long person_id, long long id) const;
  void delete_for(soci::session& sql, long long person_id) const;

 private:
  std::string index_of(const std::string& id_number) const { return index_("relative.id_number", id_number); }

  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
};

}  // namespace uia::store

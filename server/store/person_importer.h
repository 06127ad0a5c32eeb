// Bulk insertion for `uia import`: the three statements a row needs (document present? phone
// taken? insert) are prepared once per transaction and re-executed with new values, which is
// several times faster than preparing per row when millions of rows come in.
#pragma once
#include <memory>
#include <string>

#include <soci/soci.h>

#include "crypto/field_cipher.h"
#include "store/person.h"

namespace uia::store {

class PersonImporter {
 public:
  PersonImporter(soci::session& sql, const crypto::FieldCipher& cipher, const crypto::BlindIndex& index);

  enum class Outcome { Imported, AlreadyPresent, PhoneTaken };
  Outcome import(const Person& person);

 private:
  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
  // Bound by reference into the prepared statements below.
  std::string id_type_, id_enc_, id_index_, phone_enc_, phone_index_, name_, gender_, birth_, from_, to_, status_;
  soci::indicator phone_ind_ = soci::i_null, gender_ind_ = soci::i_null, birth_ind_ = soci::i_null,
                  from_ind_ = soci::i_null, to_ind_ = soci::i_null;
  long long now_ = 0, count_ = 0;
  int level_ = 1;
  std::unique_ptr<soci::statement> id_exists_, phone_exists_, insert_;
};

}  // namespace uia::store

// Identity documents uploaded for a registration that waits for back-office review, and the
// upload tokens that let the registrant send them. Document bytes are sealed with the field
// cipher (bound to "person_document.data"); tokens are stored only as their SHA-256.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

#include "crypto/field_cipher.h"

namespace uia::store {

struct PersonDocument {
  long long id = 0;
  long long person_id = 0;
  std::string kind;          // passport_photo_page | residence_permit | other
  std::string content_type;  // image/jpeg | image/png | application/pdf
  long long size_bytes = 0;
  std::string data;          // the file's bytes, opened (only when asked for)
  long long created_at = 0;
};

class DocumentRepository {
 public:
  explicit DocumentRepository(const crypto::FieldCipher& cipher) : cipher_(cipher) {}

  void add_upload_token(soci::session& sql, long long person_id, const std::string& token_hash, long long now,
                        long long expires_at) const;
  // The person an unexpired token was issued for, if any.
  std::optional<long long> upload_token_person(soci::session& sql, const std::string& token_hash, long long now) const;
  void delete_upload_tokens(soci::session& sql, long long person_id) const;

  long long insert(soci::session& sql, const PersonDocument& document) const;
  long long count_for(soci::session& sql, long long person_id) const;
  // Oldest first; with_data opens every file (for the reviewer), otherwise data stays empty.
  std::vector<PersonDocument> list_for(soci::session& sql, long long person_id, bool with_data) const;
  void delete_for(soci::session& sql, long long person_id) const;

 private:
  const crypto::FieldCipher& cipher_;
};

}  // namespace uia::store

// A natural person as the platform keeps them. Sensitive fields are held decrypted only in
// memory; the repository seals them on the way to the database.
#pragma once
#include <optional>
#include <string>

namespace uia::store {

enum class PersonStatus { Active, PendingFace, PendingReview, PendingActivation, Deleted };
std::string_view status_name(PersonStatus status);  // "active", "pending_face", ...
std::optional<PersonStatus> status_from_name(std::string_view name);

struct Person {
  long long id = 0;
  std::optional<std::string> account;  // unset for imported accounts until activation
  std::string name;
  std::string id_type;    // resident, hk_macau_permit, taiwan_permit, passport, foreign_permanent_id
  std::string id_number;  // plaintext in memory only
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<long long> email_verified_at;  // set when the person proved the address by a code
  std::optional<std::string> gender;      // "male" | "female"
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::optional<std::string> id_valid_from;
  std::optional<std::string> id_valid_to;  // YYYY-MM-DD or "long_term"
  std::optional<std::string> password_hash;
  PersonStatus status = PersonStatus::Active;
  int level = 1;  // real-name level: 1 registered, 2 identity checked, 3 face verified
  long long created_at = 0;
  long long updated_at = 0;
};

}  // namespace uia::store

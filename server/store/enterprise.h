// An enterprise (legal-person, 法人) account as the platform keeps it. The representative's ID
// number and the contact phone are held decrypted only in memory; the repository seals them.
#pragma once
#include <optional>
#include <string>

#include "ports/business_registry.h"

namespace uia::store {

enum class EnterpriseStatus { PendingFace, Unverified, Active, PendingActivation, RegistryMismatch };
std::string_view enterprise_status_name(EnterpriseStatus status);  // "pending_face", "unverified", ...

struct Enterprise {
  long long id = 0;
  std::optional<std::string> account;  // unset while pending_activation
  std::string uscc;
  std::string name;
  std::string org_type;  // enterprise, social_organisation, public_institution
  std::optional<long long> rep_person_id;  // the representative's person account
  std::string rep_name;
  std::string rep_id_type;
  std::string rep_id_number;  // plaintext in memory only
  std::optional<std::string> rep_id_valid_from;
  std::optional<std::string> rep_id_valid_to;
  std::optional<std::string> phone;  // where SMS codes go (the representative's reserved phone)
  std::optional<std::string> password_hash;
  EnterpriseStatus status = EnterpriseStatus::PendingFace;
  bool registry_confirmed = false;
  std::optional<long long> registry_checked_at;
  ports::RegistryEntry registry;  // what the registry recorded when it last confirmed
  long long created_at = 0;
  long long updated_at = 0;
};

}  // namespace uia::store

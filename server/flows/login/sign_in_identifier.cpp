#include "flows/login/sign_in_identifier.h"

#include "ids/documents.h"
#include "policy/contact.h"

namespace uia::flows {

std::optional<store::Person> find_by_identifier(soci::session& sql, const store::PersonRepository& persons,
                                                const std::string& identifier, const Profile& profile) {
  const auto offers = [&](std::string_view kind) { return profile_lists(profile.login_identifiers, kind); };
  if (offers("phone") && check_phone(identifier).ok()) {
    if (auto p = persons.find_by_phone(sql, identifier)) return p;
  }
  if (offers("account")) {
    if (auto p = persons.find_by_account(sql, identifier)) return p;
  }
  if (!offers("id_number") && !offers("document")) return std::nullopt;
  auto p = persons.find_by_any_id_number(sql, normalize_document_number(identifier));
  // "id_number" is the resident ID card's number; "document" any document the person registered with.
  if (p && p->id_type != "resident" && !offers("document")) return std::nullopt;
  return p;
}

}  // namespace uia::flows

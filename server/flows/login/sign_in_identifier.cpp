#include "flows/login/sign_in_identifier.h"

#include "ids/documents.h"
#include "policy/contact.h"

namespace uia::flows {

std::optional<store::Person> find_by_identifier(soci::session& sql, const store::PersonRepository& persons,
                                                const std::string& identifier) {
  if (check_phone(identifier).ok()) {
    if (auto p = persons.find_by_phone(sql, identifier)) return p;
  }
  if (auto p = persons.find_by_account(sql, identifier)) return p;
  return persons.find_by_any_id_number(sql, normalize_document_number(identifier));
}

}  // namespace uia::flows

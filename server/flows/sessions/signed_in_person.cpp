#include "flows/sessions/signed_in_person.h"

#include "flows/sessions/authenticate.h"
#include "store/person_repository.h"

namespace uia::flows {

std::variant<store::Person, http::ApiResponse> signed_in_person(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<http::ApiResponse>(&who)) return *refusal;
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  const long long id = std::get<ActiveSession>(who).person_id;
  auto person = services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, id); });
  if (!person || person->status == store::PersonStatus::Deleted)
    return http::ApiResponse::error(401, ErrorCode::Unauthenticated);
  return *person;
}

}  // namespace uia::flows

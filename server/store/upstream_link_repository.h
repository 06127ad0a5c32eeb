// Links between an account at an upstream identity provider (provider name + its `sub`) and a
// local person: made at the first upstream login, by the verified ID number; every later login
// with that upstream account goes straight to the linked person.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

namespace uia::store {

struct UpstreamLink {
  long long id = 0;
  std::string provider;
  std::string upstream_sub;
  long long person_id = 0;
  long long created_at = 0;
};

class UpstreamLinkRepository {
 public:
  std::optional<UpstreamLink> find(soci::session& sql, const std::string& provider, const std::string& upstream_sub) const;
  void insert(soci::session& sql, const std::string& provider, const std::string& upstream_sub, long long person_id,
              long long now) const;
  void touch(soci::session& sql, long long link_id, long long now) const;
  // Account deletion: the person's links go with the account.
  void remove_person(soci::session& sql, long long person_id) const;
};

}  // namespace uia::store

#include "store/upstream_link_repository.h"

#include <soci/soci.h>

namespace uia::store {

std::optional<UpstreamLink> UpstreamLinkRepository::find(soci::session& sql, const std::string& provider,
                                                         const std::string& upstream_sub) const {
  UpstreamLink link;
  sql << "SELECT id, provider, upstream_sub, person_id, created_at FROM upstream_links "
         "WHERE provider = :p AND upstream_sub = :s",
      soci::into(link.id), soci::into(link.provider), soci::into(link.upstream_sub), soci::into(link.person_id),
      soci::into(link.created_at), soci::use(provider), soci::use(upstream_sub);
  if (!sql.got_data()) return std::nullopt;
  return link;
}

void UpstreamLinkRepository::insert(soci::session& sql, const std::string& provider, const std::string& upstream_sub,
                                    long long person_id, long long now) const {
  sql << "INSERT INTO upstream_links (provider, upstream_sub, person_id, created_at, last_login_at) "
         "VALUES (:p, :s, :person, :at, :last)",
      soci::use(provider), soci::use(upstream_sub), soci::use(person_id), soci::use(now), soci::use(now);
}

void UpstreamLinkRepository::touch(soci::session& sql, long long link_id, long long now) const {
  sql << "UPDATE upstream_links SET last_login_at = :now WHERE id = :id", soci::use(now), soci::use(link_id);
}

void UpstreamLinkRepository::remove_person(soci::session& sql, long long person_id) const {
  sql << "DELETE FROM upstream_links WHERE person_id = :p", soci::use(person_id);
}

}  // namespace uia::store

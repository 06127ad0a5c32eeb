// What each OpenID Connect scope gives a business system, in the words the consent page shows
// the person ("手机号码"). The server sends them with a pending request (data_items) and the
// browser shows the same text without waiting for it.
#pragma once
#include <string_view>

namespace uia {

// "" for a scope the provider does not offer.
std::string_view oidc_scope_label(std::string_view scope);

}  // namespace uia

#include "ports/url_rules.h"

#include <string_view>

namespace uia::ports {

std::string url_authority(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {};
  const std::string rest = url.substr(scheme_end + 3);
  return rest.substr(0, rest.find_first_of("/?#"));
}

bool url_is_protected(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return url.size() > 8;
  if (url.rfind("http://", 0) != 0) return false;
  const std::string authority = url_authority(url);
  if (authority.find('@') != std::string::npos) return false;
  for (const std::string_view host : {"127.0.0.1", "localhost", "[::1]"}) {
    if (authority.rfind(host, 0) == 0 && (authority.size() == host.size() || authority[host.size()] == ':')) return true;
  }
  return false;
}

bool url_looks_valid(const std::string& url) {
  return (url.rfind("https://", 0) == 0 && url.size() > 8) || (url.rfind("http://", 0) == 0 && url.size() > 7);
}

}  // namespace uia::ports

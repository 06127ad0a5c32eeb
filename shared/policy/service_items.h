// What an agent may do for an enterprise: the catalogue of service items (seed 001
// "服务事项范围"). One list for the server (grant scopes, tokens' uia_agent_scope) and the browser
// (the pages name a grant's items without asking the server for labels).
#pragma once
#include <span>
#include <string_view>

namespace uia {

struct ServiceItem {
  std::string_view code;   // "tax"
  std::string_view label;  // "税务办理"
};

// The whole catalogue, in the order pages list it.
std::span<const ServiceItem> service_items();
// The item's label; "" when the code is not in the catalogue.
std::string_view service_item_label(std::string_view code);

}  // namespace uia

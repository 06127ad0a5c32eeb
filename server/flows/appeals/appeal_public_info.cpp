// What anyone may read before filing: the kinds and their materials, and whom a USCC belongs to
// (public registry data, masked: it says nothing about accounts on this platform).
#include "appeals/appeals.h"
#include "flows/appeals/appeals_rest.h"
#include "flows/back_office/document_content.h"
#include "flows/enterprise/enterprise_fields.h"
#include "flows/enterprise/registry_check.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

nlohmann::json materials_json(std::span<const std::string_view> codes) {
  nlohmann::json out = nlohmann::json::array();
  for (auto code : codes) {
    const AppealMaterialKind* material = find_appeal_material_kind(code);
    out.push_back(nlohmann::json{{"code", code}, {"label", material ? material->label : std::string_view()}});
  }
  return out;
}

// Splits UTF-8 text into characters (code points), each as its bytes.
std::vector<std::string> characters_of(const std::string& text) {
  std::vector<std::string> out;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80 || out.empty()) out.emplace_back();
    out.back().push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

std::string mask_organisation_name(const std::string& name) {
  const auto chars = characters_of(name);
  const std::size_t n = chars.size();
  // Keep the place and the legal form, hide the trade name; short names keep less.
  const std::size_t head = n >= 8 ? 2 : n >= 4 ? 1 : 0;
  const std::size_t tail = n >= 8 ? 4 : n >= 4 ? 1 : 0;
  std::string out;
  for (std::size_t i = 0; i < head; ++i) out += chars[i];
  out += "****";
  for (std::size_t i = n - tail; i < n; ++i) out += chars[i];
  return out;
}

ApiResponse list_appeal_kinds(app::Services& services, const http::ApiRequest&) {
  nlohmann::json kinds = nlohmann::json::array();
  for (const auto& kind : appeal_kinds()) {
    kinds.push_back(nlohmann::json{{"code", kind.code},
                     {"label", kind.label},
                     {"party", kind.party == AppealParty::Person ? "person" : "enterprise"},
                     {"hint", kind.hint},
                     {"required_materials", materials_json(required_appeal_materials(kind.code))},
                     {"optional_materials", materials_json(optional_appeal_materials(kind.code))}});
  }
  return ApiResponse::json(200, {{"kinds", kinds}, {"document_max_kib", services.profile().document_max_kib}});
}

ApiResponse look_up_appeal_enterprise(app::Services& services, const http::ApiRequest& request) {
  const std::string uscc = request.query_value("uscc");
  if (uscc.empty()) return ApiResponse::error(400, ErrorCode::FieldRequired, "uscc");
  if (auto refusal = check_enterprise_uscc(uscc)) return *refusal;
  if (!services.ports.registry) return ApiResponse::error(503, ErrorCode::RegistryUnavailable);
  const ports::RegistryLookup found = services.ports.registry->lookup(uscc);
  if (found.verdict == ports::RegistryVerdict::Unavailable) return ApiResponse::error(503, ErrorCode::RegistryUnavailable);
  if (found.verdict != ports::RegistryVerdict::Confirmed)
    return ApiResponse::error(404, ErrorCode::AppealEnterpriseUnknown, "uscc");
  return ApiResponse::json(200, {{"uscc", uscc}, {"name", mask_organisation_name(found.name)}});
}

}  // namespace uia::flows

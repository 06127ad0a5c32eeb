#include "flows/addresses/addresses.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/profile/basic_info.h"
#include "flows/profile/free_text.h"
#include "flows/sessions/signed_in_person.h"
#include "http/json_fields.h"
#include "ids/region.h"
#include "policy/contact.h"
#include "policy/person_name.h"
#include "privacy/mask.h"
#include "store/address_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Address;
using store::Person;

constexpr std::size_t kRegionMaxChars = 60;
constexpr std::size_t kDetailMaxChars = 120;

nlohmann::json address_json(const Address& a) {
  return {{"id", a.id},
          {"kind", a.kind},
          {"recipient", a.recipient},
          {"phone", mask_phone(a.phone)},
          {"region", a.region},
          {"region_code", a.region_code ? nlohmann::json(*a.region_code) : nlohmann::json(nullptr)},
          {"detail", a.detail},
          {"postcode", a.postcode ? nlohmann::json(*a.postcode) : nlohmann::json(nullptr)},
          {"is_default", a.is_default}};
}

// Six digits (the postcode's shape) whose first two name a province (GB/T 2260).
bool is_region_code(const std::string& code) {
  return check_postcode(code).ok() && region::is_province_code(std::string_view(code).substr(0, 2));
}

// The address in the body, checked; `out` keeps id, person and timestamps.
std::optional<ApiResponse> read_address(const nlohmann::json& body, Address& out) {
  http::JsonFields fields(body, 1024);
  out.kind = fields.required("kind");
  const std::string recipient = trim_text(fields.required("recipient"));
  const std::string phone = normalize_phone(fields.required("phone"));
  const std::string region = trim_text(fields.required("region"));
  const auto region_code = fields.optional("region_code");
  const std::string detail = trim_text(fields.required("detail"));
  const auto postcode = fields.optional("postcode");
  out.is_default = fields.flag("is_default");
  if (fields.failed()) return fields.error();
  if (out.kind != "contact" && out.kind != "postal") return ApiResponse::error(400, ErrorCode::AddressKindInvalid, "kind");
  if (Verdict v = check_person_name(recipient); !v.ok()) return ApiResponse::error(400, v, "recipient");
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  if (ErrorCode e = check_free_text(region, kRegionMaxChars); e != ErrorCode::Ok || region.empty())
    return ApiResponse::error(400, region.empty() ? ErrorCode::FieldRequired : e, "region");
  if (region_code && !region_code->empty() && !is_region_code(*region_code))
    return ApiResponse::error(400, ErrorCode::RegionCodeInvalid, "region_code");
  if (ErrorCode e = check_free_text(detail, kDetailMaxChars); e != ErrorCode::Ok || detail.empty())
    return ApiResponse::error(400, detail.empty() ? ErrorCode::FieldRequired : e, "detail");
  const bool has_postcode = postcode && !postcode->empty();
  if (has_postcode)
    if (Verdict v = check_postcode(*postcode); !v.ok()) return ApiResponse::error(400, v, "postcode");
  // EMS needs the postcode to route a parcel.
  if (!has_postcode && out.kind == "postal") return ApiResponse::error(400, ErrorCode::FieldRequired, "postcode");
  out.recipient = recipient;
  out.phone = phone;
  out.region = region;
  out.region_code = region_code && !region_code->empty() ? region_code : std::nullopt;
  out.detail = detail;
  out.postcode = has_postcode ? postcode : std::nullopt;
  return std::nullopt;
}

// Path ids are positive decimal numbers; anything else cannot name an address.
std::optional<long long> address_id(const http::ApiRequest& request) {
  const auto it = request.params.find("id");
  if (it == request.params.end() || it->second.empty() || it->second.size() > 18 ||
      it->second.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const long long id = std::stoll(it->second);
  return id > 0 ? std::optional(id) : std::nullopt;
}

// Serialises one person's address writes: a no-op UPDATE takes the person's row lock on MySQL
// (SQLite's BEGIN IMMEDIATE already serialises writers), so the cap and the one-default rule
// hold under concurrent requests.
void lock_person(soci::session& sql, long long person_id) {
  sql << "UPDATE persons SET updated_at = updated_at WHERE id = :p", soci::use(person_id);
}

// After a change of kind or a deletion: the kind keeps exactly one default while it has rows.
void keep_one_default(const store::AddressRepository& addresses, soci::session& sql, long long person_id,
                      const std::string& kind) {
  if (addresses.has_default(sql, person_id, kind)) return;
  if (const long long newest = addresses.newest_of_kind(sql, person_id, kind))
    addresses.make_default(sql, person_id, kind, newest);
}

ApiResponse not_found() { return ApiResponse::error(404, ErrorCode::NotFound, "id"); }

}  // namespace

ApiResponse list_addresses(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const std::string kind = request.query_value("kind");
  if (!kind.empty() && kind != "contact" && kind != "postal")
    return ApiResponse::error(400, ErrorCode::AddressKindInvalid, "kind");
  store::AddressRepository addresses(*services.cipher);
  const auto all = services.db->with_session([&](soci::session& sql) { return addresses.list(sql, person.id); });
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : all)
    if (kind.empty() || a.kind == kind) items.push_back(address_json(a));
  return ApiResponse::json(200, {{"addresses", items}, {"max", kMaxAddressesPerPerson}});
}

ApiResponse create_address(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  Address address;
  if (auto refusal = read_address(*body, address)) return *refusal;
  const long long now = services.now_seconds();
  address.person_id = person.id;
  address.created_at = address.updated_at = now;
  store::AddressRepository addresses(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_person(sql, person.id);
    if (addresses.count(sql, person.id) >= kMaxAddressesPerPerson)
      return ApiResponse::error(409, ErrorCode::AddressLimit);
    const bool make_default = address.is_default || !addresses.has_default(sql, person.id, address.kind);
    address.is_default = false;
    address.id = addresses.insert(sql, address);
    if (make_default) addresses.make_default(sql, person.id, address.kind, address.id);
    record_audit(sql, now, {actor_of(person), "address.create", "address:" + std::to_string(address.id),
                            request.client_ip, "ok", address.kind});
    return ApiResponse::json(201, address_json(addresses.find(sql, person.id, address.id).value_or(address)));
  });
}

ApiResponse update_address(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = address_id(request);
  if (!id) return not_found();
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  Address address;
  if (auto refusal = read_address(*body, address)) return *refusal;
  const long long now = services.now_seconds();
  store::AddressRepository addresses(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_person(sql, person.id);
    const auto existing = addresses.find(sql, person.id, *id);
    if (!existing) return not_found();
    const bool wants_default = address.is_default;
    address.id = existing->id;
    address.person_id = person.id;
    address.created_at = existing->created_at;
    address.updated_at = now;
    // The flag is only ever set through make_default, so one default per kind holds.
    address.is_default = existing->is_default && existing->kind == address.kind;
    addresses.update(sql, address);
    if (wants_default) addresses.make_default(sql, person.id, address.kind, address.id);
    keep_one_default(addresses, sql, person.id, address.kind);
    if (existing->kind != address.kind) keep_one_default(addresses, sql, person.id, existing->kind);
    record_audit(sql, now, {actor_of(person), "address.update", "address:" + std::to_string(address.id),
                            request.client_ip, "ok", address.kind});
    return ApiResponse::json(200, address_json(addresses.find(sql, person.id, address.id).value_or(address)));
  });
}

ApiResponse make_default_address(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = address_id(request);
  if (!id) return not_found();
  const long long now = services.now_seconds();
  store::AddressRepository addresses(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_person(sql, person.id);
    const auto existing = addresses.find(sql, person.id, *id);
    if (!existing) return not_found();
    addresses.make_default(sql, person.id, existing->kind, existing->id);
    record_audit(sql, now, {actor_of(person), "address.default", "address:" + std::to_string(existing->id),
                            request.client_ip, "ok", existing->kind});
    return ApiResponse::json(200, address_json(addresses.find(sql, person.id, existing->id).value_or(*existing)));
  });
}

ApiResponse delete_address(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Person& person = std::get<Person>(who);
  const auto id = address_id(request);
  if (!id) return not_found();
  const long long now = services.now_seconds();
  store::AddressRepository addresses(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    lock_person(sql, person.id);
    const auto existing = addresses.find(sql, person.id, *id);
    if (!existing) return not_found();
    addresses.remove(sql, person.id, *id);
    keep_one_default(addresses, sql, person.id, existing->kind);
    record_audit(sql, now, {actor_of(person), "address.delete", "address:" + std::to_string(*id), request.client_ip,
                            "ok", existing->kind});
    return ApiResponse::no_content();
  });
}

}  // namespace uia::flows

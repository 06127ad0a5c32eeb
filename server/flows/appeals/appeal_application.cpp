#include "flows/appeals/appeal_application.h"

#include "api/validate.h"
#include "flows/enterprise/enterprise_fields.h"
#include "flows/enterprise/legal_representative.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "ids/id_types.h"
#include "policy/account.h"
#include "policy/contact.h"
#include "policy/person_name.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using Refusal = std::optional<ApiResponse>;

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;  // every byte but UTF-8 continuations
  return count;
}

// A person's document as registration takes it: one of the profile's types, a valid number.
Refusal check_person_document(const app::Services& services, const std::string& id_type, std::string& id_number,
                              const char* type_field, const char* number_field) {
  const IdTypeInfo* type = find_id_type(id_type);
  if (!type || !profile_lists(services.profile().person_id_types, id_type))
    return ApiResponse::error(400, ErrorCode::IdTypeInvalid, type_field);
  if (type->kind == ValueKind::ResidentId) id_number = normalize_document_number(id_number);
  if (Verdict v = check_document_number(type->kind, id_number, services.clock->today()); !v.ok())
    return ApiResponse::error(400, v, number_field);
  return std::nullopt;
}

Refusal read_captcha(http::JsonFields& fields, AppealApplication& a) {
  a.needs_captcha = true;
  a.captcha_id = fields.required("captcha_id");
  a.captcha_answer = fields.required("captcha_answer");
  return std::nullopt;
}

// person_phone_taken (001 1.6.1) and person_id_taken (001 1.6.2): the appellant's identity, the
// phone (held, or new), the new password.
Refusal read_person(const app::Services& services, http::JsonFields& fields, AppealApplication& a) {
  if (a.kind->code == "person_id_taken") read_captcha(fields, a);
  const std::string id_type = fields.required("id_type");
  const std::string name = fields.required("name");
  std::string id_number = fields.required("id_number");
  a.password = fields.required("password");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_person_name(name); !v.ok()) return ApiResponse::error(400, v, "name");
  if (auto refusal = check_person_document(services, id_type, id_number, "id_type", "id_number")) return refusal;
  if (Verdict v = check_password(a.password, "", services.profile().password, name); !v.ok())
    return ApiResponse::error(400, v, "password");
  a.details["id_type"] = id_type;
  a.details["name"] = name;
  a.details["id_number"] = id_number;
  a.open_values.push_back("id_number:" + id_number);
  return std::nullopt;
}

// enterprise_account (001 2.7.1): the organisation, its new contact person and phone, a new password.
Refusal read_enterprise_account(const app::Services& services, http::JsonFields& fields, AppealApplication& a) {
  const std::string uscc = fields.required("uscc");
  const std::string contact_name = fields.required("contact_name");
  std::string contact_id_number = fields.required("contact_id_number");
  a.password = fields.required("password");
  if (fields.failed()) return fields.error();
  if (auto refusal = check_enterprise_uscc(uscc)) return refusal;
  if (Verdict v = check_person_name(contact_name); !v.ok()) return ApiResponse::error(400, v, "contact_name");
  contact_id_number = normalize_document_number(contact_id_number);
  if (Verdict v = check_document_number(ValueKind::ResidentId, contact_id_number, services.clock->today()); !v.ok())
    return ApiResponse::error(400, v, "contact_id_number");
  if (Verdict v = check_password(a.password, "", services.profile().password); !v.ok())
    return ApiResponse::error(400, v, "password");
  a.details["uscc"] = uscc;
  a.details["contact_name"] = contact_name;
  a.details["contact_id_number"] = contact_id_number;
  a.open_values.push_back("uscc:" + uscc);
  return std::nullopt;
}

void put_legal_rep(nlohmann::json& details, const LegalRepInput& rep) {
  details["legal_rep_name"] = rep.name;
  details["legal_rep_id_type"] = rep.id_type;
  details["legal_rep_id_number"] = rep.id_number;
  if (rep.valid_from) details["legal_rep_id_valid_from"] = *rep.valid_from;
  if (rep.valid_to) details["legal_rep_id_valid_to"] = *rep.valid_to;
}

// enterprise_register_assist (000 五.2(1)): the registration form, decided by staff instead of
// the registry and the representative's face.
Refusal read_register_assist(const app::Services& services, http::JsonFields& fields, AppealApplication& a) {
  read_captcha(fields, a);
  const Profile& profile = services.profile();
  const std::string org_type = fields.required("organisation_type");
  const std::string name = fields.required("enterprise_name");
  const std::string uscc = fields.required("uscc");
  const auto account = fields.optional("account");
  a.password = fields.required("password");
  LegalRepInput rep;
  if (auto refusal = read_legal_rep(services, fields, rep)) return refusal;
  if (fields.failed()) return fields.error();
  if (profile.organisation_types.empty()) return ApiResponse::error(403, ErrorCode::EnterpriseRegistrationUnavailable);
  if (auto refusal = check_enterprise_identity(profile, org_type, name, uscc)) return refusal;
  if (account && !account->empty()) {
    if (Verdict v = check_account_name(*account, profile.account_name); !v.ok()) return ApiResponse::error(400, v, "account");
    a.details["account"] = *account;
  }
  if (Verdict v = check_password(a.password, account.value_or(""), profile.password); !v.ok())
    return ApiResponse::error(400, v, "password");
  a.details["organisation_type"] = org_type;
  a.details["enterprise_name"] = name;
  a.details["uscc"] = uscc;
  put_legal_rep(a.details, rep);
  a.open_values.push_back("uscc:" + uscc);
  return std::nullopt;
}

// enterprise_info_change (000 五.2(2)): at least one of the new phone, the legal representative
// (named whole), the contact person.
Refusal read_info_change(const app::Services& services, const nlohmann::json& body, http::JsonFields& fields,
                         AppealApplication& a) {
  const std::string uscc = fields.required("uscc");
  const auto new_phone = fields.optional("new_phone");
  const auto contact_name = fields.optional("contact_name");
  if (fields.failed()) return fields.error();
  if (auto refusal = check_enterprise_uscc(uscc)) return refusal;
  a.details["uscc"] = uscc;
  bool changes = false;
  if (new_phone && !new_phone->empty()) {
    if (Verdict v = check_phone(*new_phone); !v.ok()) return ApiResponse::error(400, v, "new_phone");
    a.details["new_phone"] = *new_phone;
    changes = true;
  }
  if (contact_name && !contact_name->empty()) {
    if (Verdict v = check_person_name(*contact_name); !v.ok()) return ApiResponse::error(400, v, "contact_name");
    a.details["contact_name"] = *contact_name;
    changes = true;
  }
  if (body.contains("legal_rep_name") || body.contains("legal_rep_id_number")) {
    LegalRepInput rep;
    if (auto refusal = read_legal_rep(services, fields, rep)) return refusal;
    if (fields.failed()) return fields.error();
    put_legal_rep(a.details, rep);
    changes = true;
  }
  if (!changes) return ApiResponse::error(400, ErrorCode::AppealNothingToChange);
  a.open_values.push_back("uscc:" + uscc);
  return std::nullopt;
}

}  // namespace

std::optional<ApiResponse> read_appeal_application(const app::Services& services, const http::ApiRequest& request,
                                                   AppealApplication& a) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string kind = fields.required("kind");
  if (fields.failed()) return fields.error();
  a.kind = find_appeal_kind(kind);
  if (!a.kind) return ApiResponse::error(400, ErrorCode::AppealKindInvalid, "kind");
  a.phone = fields.required("phone");
  a.sms_code = fields.required("sms_code");
  http::JsonFields remark_field(*body, 4 * kAppealRemarkMaxChars);  // bytes: a Chinese character is 3
  const auto remark = remark_field.optional("remark");
  if (remark_field.failed() || (remark && characters(*remark) > kAppealRemarkMaxChars))
    return ApiResponse::error(400, ErrorCode::AppealRemarkTooLong, "remark");
  Refusal refusal;
  if (a.kind->party == AppealParty::Person) refusal = read_person(services, fields, a);
  else if (a.kind->code == "enterprise_account") refusal = read_enterprise_account(services, fields, a);
  else if (a.kind->code == "enterprise_register_assist") refusal = read_register_assist(services, fields, a);
  else refusal = read_info_change(services, *body, fields, a);
  if (refusal) return refusal;
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(a.phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  a.details["phone"] = a.phone;
  if (remark && !remark->empty()) a.details["remark"] = *remark;
  // One open appeal per phone: the phone claimed back, the new phone of an account, a contact's.
  a.open_values.push_back("phone:" + a.phone);
  return std::nullopt;
}

}  // namespace uia::flows

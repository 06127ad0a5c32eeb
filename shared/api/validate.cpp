#include "api/validate.h"

#include "ids/documents.h"
#include "ids/resident_id.h"
#include "ids/uscc.h"
#include "policy/account.h"
#include "policy/contact.h"

namespace uia {
namespace {

struct KindInfo {
  ValueKind kind;
  std::string_view name;
  std::string_view field;
};

constexpr KindInfo kKinds[] = {
    {ValueKind::ResidentId, "resident-id", "id_number"},
    {ValueKind::Uscc, "uscc", "uscc"},
    {ValueKind::Phone, "phone", "phone"},
    {ValueKind::Account, "account", "account"},
    {ValueKind::Password, "password", "password"},
    {ValueKind::HkMacauPermit, "hk-macau-permit", "id_number"},
    {ValueKind::TaiwanPermit, "taiwan-permit", "id_number"},
    {ValueKind::Passport, "passport", "id_number"},
    {ValueKind::ForeignPermanentId, "foreign-permanent-id", "id_number"},
    {ValueKind::Email, "email", "email"},
};

const KindInfo* info(ValueKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return &k;
  return nullptr;
}

}  // namespace

std::optional<ValueKind> value_kind_from_name(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::string_view value_kind_name(ValueKind kind) {
  const auto* k = info(kind);
  return k ? k->name : std::string_view();
}

std::string_view value_kind_field(ValueKind kind) {
  const auto* k = info(kind);
  return k ? k->field : std::string_view();
}

Verdict check_document_number(ValueKind kind, std::string_view value, Date today) {
  switch (kind) {
    case ValueKind::ResidentId: return check_resident_id(value, today);
    case ValueKind::HkMacauPermit: return check_hk_macau_permit(value);
    case ValueKind::TaiwanPermit: return check_taiwan_permit(value);
    case ValueKind::Passport: return check_passport(value);
    case ValueKind::ForeignPermanentId: return check_foreign_permanent_id(value, today);
    default: return Verdict::fail(ErrorCode::KindUnknown);
  }
}

Verdict validate_value(ValueKind kind, std::string_view value, Date today, const Profile& profile) {
  switch (kind) {
    case ValueKind::ResidentId: return check_resident_id(value, today);
    case ValueKind::Uscc: return check_uscc(value);
    case ValueKind::Phone: return check_phone(value);
    case ValueKind::Account: return check_account_name(value, profile.account_name);
    case ValueKind::Password: return check_password(value, {}, profile.password);
    case ValueKind::HkMacauPermit: return check_hk_macau_permit(value);
    case ValueKind::TaiwanPermit: return check_taiwan_permit(value);
    case ValueKind::Passport: return check_passport(value);
    case ValueKind::ForeignPermanentId: return check_foreign_permanent_id(value, today);
    case ValueKind::Email: return check_email(value);
  }
  return Verdict::fail(ErrorCode::KindUnknown);
}

std::string json_quote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0x0F]);
        } else {
          out.push_back(ch);  // ASCII and UTF-8 bytes as they are
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string verdict_json(const Verdict& verdict) {
  std::string out = "{\"valid\":";
  out += verdict.ok() ? "true" : "false";
  out += ",\"code\":";
  out += json_quote(code_name(verdict.code));
  out += ",\"message\":";
  out += json_quote(verdict.message_zh());
  if (verdict.detail != verdict.code) {
    out += ",\"detail\":";
    out += json_quote(code_name(verdict.detail));
  }
  out += '}';
  return out;
}

}  // namespace uia

#include "ids/id_types.h"

namespace uia {
namespace {

constexpr IdTypeInfo kIdTypes[] = {
    {"resident", "居民身份证", ValueKind::ResidentId},
    {"hk_macau_permit", "港澳居民来往内地通行证", ValueKind::HkMacauPermit},
    {"taiwan_permit", "台湾居民来往大陆通行证", ValueKind::TaiwanPermit},
    {"passport", "护照", ValueKind::Passport},
    {"foreign_permanent_id", "外国人永久居留身份证", ValueKind::ForeignPermanentId},
};

}  // namespace

std::span<const IdTypeInfo> id_types() { return kIdTypes; }

const IdTypeInfo* find_id_type(std::string_view code) {
  for (const auto& info : kIdTypes)
    if (info.code == code) return &info;
  return nullptr;
}

}  // namespace uia

#include "policy/service_items.h"

namespace uia {
namespace {

constexpr ServiceItem kItems[] = {
    {"business_registration", "企业登记"}, {"tax", "税务办理"},         {"social_security", "社保办理"},
    {"housing_fund", "公积金办理"},        {"licensing", "行政许可"},    {"certificates", "证照办理"},
    {"progress_query", "办件查询"},
};

}  // namespace

std::span<const ServiceItem> service_items() { return kItems; }

std::string_view service_item_label(std::string_view code) {
  for (const auto& item : kItems)
    if (item.code == code) return item.label;
  return {};
}

}  // namespace uia

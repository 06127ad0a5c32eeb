#include "ports/business_registry_simulator.h"

namespace uia::ports {

RegistryAnswer BusinessRegistrySimulator::check(const RegistryQuery& query) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto found = seeded_.find(query.uscc); found != seeded_.end()) {
      const SeededRegistryEntry& s = found->second;
      const bool same = s.name == query.name && s.legal_rep_name == query.legal_rep_name &&
                        s.legal_rep_id_number == query.legal_rep_id_number;
      if (!same) return {RegistryVerdict::Mismatch, {}};
      return {RegistryVerdict::Confirmed, s.entry};
    }
  }
  // Byte search is exact for UTF-8: a valid sequence never matches inside another character.
  if (query.name.find("超时") != std::string::npos) return {RegistryVerdict::Unavailable, {}};
  if (query.name.find("不符") != std::string::npos) return {RegistryVerdict::Mismatch, {}};
  if (query.name.find("待核") != std::string::npos) return {RegistryVerdict::NotYetKnown, {}};
  {
    const std::lock_guard lock(mutex_);
    confirmed_names_[query.uscc] = query.name;
  }
  return {RegistryVerdict::Confirmed, generated_entry(query.name)};
}

RegistryLookup BusinessRegistrySimulator::lookup(const std::string& uscc) {
  const std::lock_guard lock(mutex_);
  if (const auto found = seeded_.find(uscc); found != seeded_.end()) return {RegistryVerdict::Confirmed, found->second.name};
  if (const auto found = confirmed_names_.find(uscc); found != confirmed_names_.end())
    return {RegistryVerdict::Confirmed, found->second};
  return {RegistryVerdict::NotYetKnown, {}};
}

void BusinessRegistrySimulator::seed(const std::string& uscc, SeededRegistryEntry entry) {
  const std::lock_guard lock(mutex_);
  seeded_[uscc] = std::move(entry);
}

void BusinessRegistrySimulator::forget(const std::string& uscc) {
  const std::lock_guard lock(mutex_);
  seeded_.erase(uscc);
}

RegistryEntry BusinessRegistrySimulator::generated_entry(const std::string& name) {
  RegistryEntry entry;
  entry.registered_address = "吉林省长春市南关区人民大街1号";
  entry.registered_capital = "100万元人民币";
  entry.established_date = "2015-06-01";
  entry.business_term = "2015-06-01至长期";
  entry.business_scope = name + "：技术开发、技术咨询、技术服务";
  entry.industry = "软件和信息技术服务业";
  entry.business_status = "存续";
  entry.registration_authority = "长春市市场监督管理局";
  return entry;
}

}  // namespace uia::ports

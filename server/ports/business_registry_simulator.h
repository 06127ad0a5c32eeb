// Dev mode and tests only: a BusinessRegistry that answers from entries seeded into it and fixed,
// documented rules instead of the market-regulation registry. make_ports refuses it in production.
//
// Rules, first match wins:
//   1. a USCC seeded with seed(): Confirmed when name, representative name and representative ID
//      number all equal the seeded ones (with the seeded entry), Mismatch otherwise;
//   2. a name containing "超时" (timeout) -> Unavailable;
//   3. a name containing "不符" (mismatch) -> Mismatch;
//   4. a name containing "待核" (not yet checked) -> NotYetKnown: the registry has no entry yet,
//      so the account is created unverified; seeding the USCC later ("the registry confirms
//      now", PUT /api/dev/registry/{uscc}) lets the periodic re-check verify it;
//   5. everything else -> Confirmed, with a generated entry.
// lookup(uscc) knows the seeded USCCs and those rule 5 confirmed (the registry "has" what it
// confirmed); any other USCC is NotYetKnown.
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "ports/business_registry.h"

namespace uia::ports {

struct SeededRegistryEntry {
  std::string name;
  std::string legal_rep_name;
  std::string legal_rep_id_number;
  RegistryEntry entry;
};

class BusinessRegistrySimulator final : public BusinessRegistry {
 public:
  RegistryAnswer check(const RegistryQuery& query) override;
  RegistryLookup lookup(const std::string& uscc) override;

  void seed(const std::string& uscc, SeededRegistryEntry entry);
  void forget(const std::string& uscc);

  // The entry rule 5 makes up for an organisation (also the default of seeded entries).
  static RegistryEntry generated_entry(const std::string& name);

 private:
  std::mutex mutex_;
  std::map<std::string, SeededRegistryEntry> seeded_;
  std::map<std::string, std::string> confirmed_names_;  // rule 5's answers, by USCC
};

}  // namespace uia::ports

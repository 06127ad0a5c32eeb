// The market-regulation business registry (工商/市场监管登记库): does this USCC belong to an
// organisation with this name, whose legal representative has this name and ID number (the
// "four elements")? A confirmed answer also carries what the registry records about the
// organisation (address, capital, dates, scope, industry, status) for the enterprise centre.
#pragma once
#include <string>

namespace uia::ports {

enum class RegistryVerdict {
  Confirmed,    // the four elements belong together
  Mismatch,     // the USCC is registered, but with another name or representative
  NotYetKnown,  // the registry has no entry yet (a new registration still on its way)
  Unavailable,  // the service did not answer usefully: try later
};

struct RegistryQuery {
  std::string uscc;
  std::string name;
  std::string legal_rep_name;
  std::string legal_rep_id_number;
};

// What the registry records; empty strings where it records nothing.
struct RegistryEntry {
  std::string registered_address;
  std::string registered_capital;  // as the registry writes it, e.g. "100万元人民币"
  std::string established_date;    // YYYY-MM-DD
  std::string business_term;       // 营业期限, e.g. "2015-06-01至长期"
  std::string business_scope;
  std::string industry;
  std::string business_status;     // 存续, 在业, 吊销, 注销...
  std::string registration_authority;
};

struct RegistryAnswer {
  RegistryVerdict verdict = RegistryVerdict::Unavailable;
  RegistryEntry entry;  // filled when Confirmed
};

// Who a USCC belongs to, as the public registry shows it (an appeal's first step, 001 2.7.1:
// the organisation is shown, masked, before anything else is asked).
struct RegistryLookup {
  RegistryVerdict verdict = RegistryVerdict::Unavailable;  // Confirmed (found), NotYetKnown, Unavailable
  std::string name;                                         // when Confirmed
};

class BusinessRegistry {
 public:
  virtual ~BusinessRegistry() = default;
  virtual RegistryAnswer check(const RegistryQuery& query) = 0;
  virtual RegistryLookup lookup(const std::string& uscc) = 0;
};

}  // namespace uia::ports

// The police (公安) real-name check: does this name belong to this ID number? The real adapter
// calls the provincial population-data service; the simulator answers from fixed rules.
#pragma once
#include <string>

namespace uia::ports {

enum class IdentityCheck { Match, Mismatch, Unavailable };

struct IdentityQuery {
  std::string name;
  std::string id_type;  // "resident", "hk_macau_permit", ...
  std::string id_number;
};

class IdentityVerifier {
 public:
  virtual ~IdentityVerifier() = default;
  virtual IdentityCheck verify(const IdentityQuery& query) = 0;
};

}  // namespace uia::ports

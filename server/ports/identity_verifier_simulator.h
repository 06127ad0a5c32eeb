// Dev mode and tests only: an IdentityVerifier that answers from fixed, documented rules instead
// of the police population database. make_ports refuses it in production.
//
// Rules, first match wins:
//   1. an answer set with set_result(id_number, ...) for that ID number;
//   2. a name containing "超时" (timeout) -> Unavailable (the service is down);
//   3. a name containing "不符" (mismatch) -> Mismatch (name and ID number do not belong together);
//   4. everything else -> Match.
// So a tester can register as "张三" and see success, as "张不符" to see the mismatch message,
// and as "李超时" to see the "service unavailable, try later" path.
#pragma once
#include <map>
#include <mutex>
#include <string>

#include "ports/identity_verifier.h"

namespace uia::ports {

class IdentityVerifierSimulator final : public IdentityVerifier {
 public:
  IdentityCheck verify(const IdentityQuery& query) override;

  void set_result(const std::string& id_number, IdentityCheck result);
  void clear_results();

 private:
  std::mutex mutex_;
  std::map<std::string, IdentityCheck> fixed_;
};

}  // namespace uia::ports

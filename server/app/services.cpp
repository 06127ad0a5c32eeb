#include "app/services.h"

namespace uia::app {

long long Services::now_seconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(clock->now().time_since_epoch()).count();
}

}  // namespace uia::app

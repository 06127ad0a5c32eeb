#include "ports/clock.h"

namespace uia {

Date Clock::today() const {
  using namespace std::chrono;
  constexpr auto china_standard_time = hours(8);
  const auto local = now() + china_standard_time;
  return civil_from_days(static_cast<long>(floor<days>(local.time_since_epoch()).count()));
}

}  // namespace uia

// Everything a flow needs from the outside, in one place, built once at start-up (or by a
// test with simulators and a manual clock). Flows take `Services&`; nothing is global.
#pragma once
#include <memory>

#include "app/dev_ledger.h"
#include "app/limits.h"
#include "app/province.h"
#include "app/request_budgets.h"
#include "captcha/captcha_pool.h"
#include "crypto/field_cipher.h"
#include "crypto/password_hasher.h"
#include "http/trusted_proxies.h"
#include "ports/clock.h"
#include "ports/port_config.h"
#include "ports/random.h"
#include "runtime/read_cache.h"
#include "store/database.h"

namespace uia::app {

struct Services {
  bool dev_mode = false;
  std::shared_ptr<const Clock> clock;
  std::shared_ptr<ports::Random> random;
  std::shared_ptr<store::Database> db;
  std::shared_ptr<const crypto::PasswordHasher> passwords;
  std::shared_ptr<const crypto::FieldCipher> cipher;
  std::shared_ptr<const crypto::BlindIndex> blind_index;
  ports::Ports ports;
  Limits limits;
  // The province profile (shared/profile): every rule where the provinces differ. Never null.
  std::shared_ptr<const ProvinceProfile> province = resolve_profile("", nullptr);
  const Profile& profile() const { return province->rules; }
  http::TrustedProxies trusted_proxies;  // config "trusted_proxies": reverse proxies whose X-Forwarded-For counts
  std::shared_ptr<DevLedger> dev_ledger;  // dev mode only
  std::shared_ptr<runtime::ReadCache> read_cache;  // answers to GET /api/v1/me, see read_cache.h
  // Budgets of the anonymous endpoints (app/routes.cpp); null: unlimited (tests of single flows).
  std::shared_ptr<RequestBudgets> request_budgets;
  // Captchas drawn ahead (captcha/captcha_pool.h); null: each drawn on request.
  std::shared_ptr<captcha::CaptchaPool> captcha_pool;

  long long now_seconds() const;
};

}  // namespace uia::app

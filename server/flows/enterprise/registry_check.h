// Asking the business registry about an enterprise and keeping what it answered: shared by
// registration, activation, the periodic re-check of unverified accounts and the enterprise
// centre's changes.
#pragma once
#include <optional>

#include <soci/session.h>

#include "app/services.h"
#include "ports/business_registry.h"
#include "store/enterprise.h"

namespace uia::flows {

// The four elements of `enterprise` as the registry is asked about them.
ports::RegistryQuery registry_query_of(const store::Enterprise& enterprise);
// Asks the registry; Unavailable when no registry is configured (production without one).
ports::RegistryAnswer ask_registry(app::Services& services, const ports::RegistryQuery& query);

// One pass of the periodic re-check (seed N): every unverified enterprise, least recently
// checked first (at most `batch`), is asked about again; Confirmed makes it active with the
// registry's entry, Mismatch makes it registry_mismatch, anything else only records the time.
// Returns how many turned active. Safe to run on several nodes at once (compare-and-set).
int recheck_unverified_enterprises(app::Services& services, int batch = 100);

}  // namespace uia::flows

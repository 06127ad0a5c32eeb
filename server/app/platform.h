// The composition root: from a configuration to a running set of services, worker pool and
// routes. `uia serve` uses it, and so do the end-to-end tests (with a manual clock).
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "app/services.h"
#include "http/router.h"
#include "runtime/periodic_task.h"
#include "runtime/worker_pool.h"

namespace uia::app {

struct PlatformConfig {
  std::string db = "sqlite:uia.db";
  bool dev = false;
  std::filesystem::path web_root;
  std::filesystem::path config_file;  // JSON: {"keys_file", "ports": {...}, "argon2": {...}}
  std::filesystem::path keys_file;    // overrides config_file's keys_file and UIA_KEYS_FILE
  std::size_t workers = 8;
  std::string profile;  // --profile NAME: a built-in province profile (empty: the config file's, else jilin)
};

struct Platform {
  Services services;
  std::unique_ptr<runtime::WorkerPool> workers;
  std::shared_ptr<http::Router> router;
  // Background work (declared last: stopped first, while the services it uses still exist).
  std::unique_ptr<runtime::PeriodicTask> registry_recheck;  // null when the interval is 0
  std::unique_ptr<runtime::PeriodicTask> expiry_sweep;      // null when the interval is 0
  std::unique_ptr<runtime::PeriodicTask> materials_purge;   // null when the interval is 0
};

// Throws std::runtime_error with an operator-readable reason (bad config, missing keys in
// production, a simulator selected in production, database unreachable).
std::unique_ptr<Platform> build_platform(const PlatformConfig& config, std::shared_ptr<const Clock> clock = nullptr);

}  // namespace uia::app

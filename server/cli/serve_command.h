// `uia serve [--host 127.0.0.1] [--port 8080] [--db URL] [--dev] [--web-root DIR]`
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "http/router.h"
#include "ports/clock.h"

namespace uia {

struct ServeConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string db = "sqlite:uia.db";
  bool dev = false;
  std::filesystem::path web_root;
};

// Every route of the platform on one router (tests build the same router in-process).
std::shared_ptr<http::Router> build_router(const ServeConfig& config, std::shared_ptr<const Clock> clock);

int run_serve_command(const std::vector<std::string>& args, const std::filesystem::path& executable);

}  // namespace uia

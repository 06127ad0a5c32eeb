// `uia serve [--host 127.0.0.1] [--port 8080] [--db URL] [--dev] [--web-root DIR]
//            [--config FILE] [--keys FILE] [--workers N]`
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace uia {

int run_serve_command(const std::vector<std::string>& args, const std::filesystem::path& executable);

}  // namespace uia

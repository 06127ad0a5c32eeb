// The built web client (index.html, uia.js, uia.wasm, fonts) served from one directory.
// Files are read once and kept with a gzip copy; a changed mtime reloads them (so a rebuilt
// client shows up without restarting the server). ETag + If-None-Match give 304s.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <pistache/http.h>

namespace uia::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  const std::filesystem::path& root() const { return root_; }
  // Serves GET/HEAD for `request.resource()`; 404 JSON for /api/* and missing files.
  void serve(const Pistache::Http::Request& request, Pistache::Http::ResponseWriter response);

  struct Asset {
    std::string content;
    std::string gzip;  // empty when compression does not pay off
    std::string content_type;
    std::string etag;
    std::filesystem::file_time_type mtime;
  };
  // Maps a URL path to a file below the root; nullopt for anything that would escape it.
  static std::optional<std::string> relative_file(std::string_view url_path);
  // The type of a file we serve, or "" for any other file: only the web client's own kinds of
  // file leave the directory (never a build system's leftovers).
  static std::string content_type_for(const std::filesystem::path& file);

 private:
  std::shared_ptr<const Asset> load(const std::string& relative);

  std::filesystem::path root_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Asset>> cache_;
};

// Gzip (RFC 1952) of `data` at the best compression level.
std::string gzip_compress(std::string_view data);

}  // namespace uia::http

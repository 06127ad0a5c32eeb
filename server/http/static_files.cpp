#include "http/static_files.h"

#include <zlib.h>

#include <fstream>
#include <sstream>

#include "http/entity.h"
#include "http/bulk_writer.h"
#include "http/json_response.h"
#include "http/request_headers.h"
#include "http/response_headers.h"

namespace uia::http {
namespace fs = std::filesystem;
using Pistache::Http::Code;

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

std::optional<std::string> StaticFiles::relative_file(std::string_view url_path) {
  const std::size_t query = url_path.find_first_of("?#");
  if (query != std::string_view::npos) url_path = url_path.substr(0, query);
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  std::string relative(url_path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  // Only plain names: no percent-escapes, no dot segments, no hidden files, no backslashes.
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t slash = relative.find('/', start);
    const std::string_view segment =
        std::string_view(relative).substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (segment.empty() || segment.front() == '.') return std::nullopt;
    for (char c : segment) {
      const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || c == '.';
      if (!allowed) return std::nullopt;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return relative;
}

std::string StaticFiles::content_type_for(const fs::path& file) {
  static const std::map<std::string, std::string, std::less<>> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".woff2", "font/woff2"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".data", "application/octet-stream"},
  };
  const auto it = types.find(file.extension().string());
  return it == types.end() ? std::string() : it->second;
}

std::string gzip_compress(std::string_view data) {
  z_stream stream{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
}

std::shared_ptr<const StaticFiles::Asset> StaticFiles::load(const std::string& relative) {
  const fs::path file = root_ / relative;
  std::error_code error;
  if (content_type_for(file).empty() || !fs::is_regular_file(file, error)) return nullptr;
  const auto mtime = fs::last_write_time(file, error);
  if (error) return nullptr;
  {
    std::lock_guard lock(mutex_);
    const auto it = cache_.find(relative);
    if (it != cache_.end() && it->second->mtime == mtime) return it->second;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto asset = std::make_shared<Asset>();
  asset->content = std::move(bytes).str();
  asset->content_type = content_type_for(file);
  asset->mtime = mtime;
  const bool compressible = asset->content_type.rfind("image/png", 0) != 0 && asset->content.size() > 512;
  if (compressible) {
    std::string packed = gzip_compress(asset->content);
    if (!packed.empty() && packed.size() < asset->content.size() * 9 / 10) asset->gzip = std::move(packed);
  }
  std::ostringstream etag;
  etag << "\"" << std::hex << std::hash<std::string>{}(asset->content) << "-" << asset->content.size() << "\"";
  asset->etag = etag.str();
  std::lock_guard lock(mutex_);
  cache_[relative] = asset;
  return asset;
}

void StaticFiles::serve(const Pistache::Http::Request& request, Pistache::Http::ResponseWriter response) {
  using Pistache::Http::Method;
  const std::string& path = request.resource();
  if (path.rfind("/api/", 0) == 0 || path == "/api") {
    send_error(response, Code::Not_Found, ErrorCode::NotFound);
    return;
  }
  if (request.method() != Method::Get && request.method() != Method::Head) {
    send_error(response, Code::Method_Not_Allowed, ErrorCode::MethodNotAllowed);
    return;
  }
  const auto relative = relative_file(path);
  std::shared_ptr<const Asset> asset = relative ? load(*relative) : nullptr;
  // Client-side pages (/login, /register, ...) are all drawn by the one canvas app.
  if (!asset && relative && relative->find('.') == std::string::npos) asset = load("index.html");
  if (!asset) {
    send_error(response, Code::Not_Found, ErrorCode::NotFound);
    return;
  }
  set_header(response, "ETag", asset->etag);
  set_header(response, "Cache-Control", "no-cache");
  set_header(response, "Vary", "Accept-Encoding");
  if (header_value(request, "If-None-Match") == asset->etag) {
    send_entity(response, Code::Not_Modified, "");
    return;
  }
  const bool use_gzip = !asset->gzip.empty() && accepts_gzip(request);
  if (use_gzip) set_header(response, "Content-Encoding", "gzip");
  const std::string& body = use_gzip ? asset->gzip : asset->content;
  // Written as a plain header: Pistache's MediaType parser rejects valid types such as font/ttf.
  if (is_head_only(response)) {
    send_entity(response, Code::Ok, body, asset->content_type);
    return;
  }
  set_header(response, "Content-Type", asset->content_type);
  send_body(response, Code::Ok, body);
}

}  // namespace uia::http
